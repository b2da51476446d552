// The service worker's code: InitLab offline. Not served as is: `make build` runs
// scripts/build-sw.mjs, which writes sw.js at the site's root (so that its scope covers
// index.html) as two constants followed by this file:
//   VERSION  the content hash of every shell file and of this code
//   SHELL    the site's files the page can load, relative to sw.js
// A new build changes VERSION, so sw.js changes by a byte and the browser installs it on
// the next visit; it caches the new shell, takes over at once (skipWaiting, clients.claim)
// and deletes the old caches, so the next reload runs the new version.
// The files of data/ (the handwritten digits) are not in SHELL: a visit that never uses
// them never downloads them. The first time the page fetches one, a copy goes into this
// version's cache, which answers it from then on, offline too, and a new version keeps it.
/* global VERSION, SHELL */

// Caches are per origin: the scope in the name keeps two copies of the site apart.
const PREFIX = `initlab ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL("index.html", self.location).href;
const SHELL_URLS = new Set(SHELL.map((path) => new URL(path, self.location).href));
const SCOPE = new URL(self.registration.scope);
/** Where the data fetched on demand live (data/digits.bin): cached when first fetched. */
const ON_DEMAND = new URL("data/", self.location).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // cache: "reload" skips the HTTP cache, so the files are those of this build.
      await cache.addAll([...SHELL_URLS].map((url) => new Request(url, { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (!name.startsWith(PREFIX) || name === CACHE) continue;
        await keepOnDemand(name);
        await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/**
 * Moves the files of data/ from an old version's cache into this one's, so that the digits
 * fetched once stay offline across updates. A file that changed since fails the page's
 * checksum, and the page then asks with `cache: "reload"`, which replaces it (onDemand).
 */
async function keepOnDemand(oldName) {
  const [old, current] = await Promise.all([caches.open(oldName), caches.open(CACHE)]);
  for (const request of await old.keys()) {
    if (!request.url.startsWith(ON_DEMAND) || (await current.match(request))) continue;
    const response = await old.match(request);
    if (response) await current.put(request, response);
  }
}

/**
 * The cached URL that answers `request`, or null to leave it to the network. The whole
 * state is in the query string, so a navigation to the page with any query is answered
 * by the cached index.html.
 */
function cachedUrl(request) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return null;
  if (request.mode === "navigate") {
    const page = url.pathname === SCOPE.pathname || url.href.split("?")[0] === INDEX;
    return page ? INDEX : null;
  }
  return SHELL_URLS.has(url.href) ? url.href : null;
}

/**
 * A file of data/: from the cache once it is there, else from the network, a good answer
 * being kept for next time (while the page already reads it). `cache: "reload"` (the page
 * asks so after a corrupt copy) skips the cached copy and replaces it.
 */
async function onDemand(event) {
  const cache = await caches.open(CACHE);
  const url = event.request.url.split("?")[0];
  const hit = event.request.cache === "reload" ? null : await cache.match(url);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(url, response.clone()));
  return response;
}

// Cache first: the shell of this version never changes. A file missing from the cache (the
// browser evicted it) comes from the network.
self.addEventListener("fetch", (event) => {
  const { method, url: requested } = event.request;
  if (method === "GET" && requested.startsWith(ON_DEMAND)) {
    event.respondWith(onDemand(event));
    return;
  }
  const url = cachedUrl(event.request);
  if (!url) return;
  event.respondWith(
    (async () => {
      const hit = await (await caches.open(CACHE)).match(url);
      return hit ?? fetch(event.request);
    })(),
  );
});

// `{type: "version"}` on a MessageChannel: replies `{version}` (the page and tests ask).
self.addEventListener("message", (event) => {
  if (event.data?.type === "version") event.ports[0]?.postMessage({ version: VERSION });
});

// The service worker's code: InitLab offline. Not served as is: `make build` runs
// scripts/build-sw.mjs, which writes sw.js at the site's root (so that its scope covers
// index.html) as two constants followed by this file:
//   VERSION  the content hash of every shell file and of this code
//   SHELL    the site's files the page can load, relative to sw.js
// A new build changes VERSION, so sw.js changes by a byte and the browser installs it on
// the next visit; it caches the new shell, takes over at once (skipWaiting, clients.claim)
// and deletes the old caches, so the next reload runs the new version.
/* global VERSION, SHELL */

// Caches are per origin: the scope in the name keeps two copies of the site apart.
const PREFIX = `initlab ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL("index.html", self.location).href;
const SHELL_URLS = new Set(SHELL.map((path) => new URL(path, self.location).href));
const SCOPE = new URL(self.registration.scope);

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
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

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

// Cache first: the shell of this version never changes. A file missing from the cache (the
// browser evicted it) comes from the network.
self.addEventListener("fetch", (event) => {
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

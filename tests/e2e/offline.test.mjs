// Offline and installable: the service worker (sw.js, made by scripts/build-sw.mjs) caches the
// shell on the first visit, so the page loads and trains with the network off, whatever its
// query; a changed build gets a new version that takes over on the next visit, and the old
// cache goes. Served from a temporary copy of the built site, so that a test can change it.

import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { buildServiceWorker } from "../../scripts/build-sw.mjs";
import { ROOT, assertBuilt, launchBrowser, screenshot, startServer } from "./helpers.mjs";

const env = {};

/** A copy of the built site in a fresh temporary folder, without sw.js. */
function copySite() {
  const site = mkdtempSync(join(tmpdir(), "initlab-offline-"));
  mkdirSync(join(site, "pkg"));
  for (const file of ["index.html", "www", "pkg/initlab.js", "pkg/initlab_bg.wasm"]) {
    cpSync(join(ROOT, file), join(site, file), { recursive: true });
  }
  return site;
}

before(async () => {
  assertBuilt();
  env.site = copySite();
  env.built = buildServiceWorker(env.site);
  env.server = await startServer(env.site);
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.site) rmSync(env.site, { recursive: true, force: true });
});

/**
 * A fresh context (its own service workers and caches) and a page in it, recording console
 * errors, uncaught exceptions, failed requests and HTTP errors (`expected(url)` excuses one).
 */
async function open(viewport = { width: 1280, height: 800 }, expected = () => false) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => {
    const url = msg.location().url ?? "";
    if (msg.type() === "error" && !expected(url)) errors.push(`console: ${msg.text()} (${url})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (r) => expected(r.url()) || errors.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && !expected(r.url()) && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  return { context, page, errors };
}

/**
 * Opens `url` and waits until the page runs and has fetched what it fetches after `ready`
 * (the offline registration is imported then): navigating away earlier would abort that
 * request, which the error list would count against the cache.
 */
async function load(page, url) {
  await page.goto(url);
  await settled(page);
}

async function settled(page) {
  await page.waitForFunction(() => window.initlab !== undefined);
  await page.evaluate(() => window.initlab.ready);
  await page.waitForLoadState("networkidle");
}

/** Waits until a service worker controls the page; resolves to its VERSION (asked by message). */
async function controllingVersion(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data.version);
        navigator.serviceWorker.controller.postMessage({ type: "version" }, [channel.port2]);
      }),
  );
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Trains 50 steps; returns the loss before and after. */
async function train(page) {
  return page.evaluate(() => {
    const before = window.initlab.snapshot();
    const after = window.initlab.step(50);
    return { before: before.loss, after: after.loss, step: after.step };
  });
}

test("after one visit, the page loads and trains offline, with any query, restarts included", async () => {
  // Offline, only a request the test makes on purpose (to a file outside the shell) may fail.
  const { context, page, errors } = await open(undefined, (url) => url.endsWith("/not-cached.txt"));
  const requested = new Set();
  page.on("request", (r) => requested.add(new URL(r.url()).pathname.slice(1)));
  try {
    await load(page, `${env.server.url}/`);
    assert.equal(await controllingVersion(page), env.built.version);
    // Every file the page asked for (the page, its scripts and styles, the manifest, the
    // icons, the wasm) is in the shell sw.js caches.
    const uncached = [...requested].filter((path) => path !== "" && !env.built.shell.includes(path));
    assert.deepEqual(uncached, []);
    assert.ok(requested.has("pkg/initlab_bg.wasm") && requested.has("www/main.js"), [...requested].join(" "));
    const names = await cacheNames(page);
    assert.equal(names.length, 1, `one cache: ${names}`);
    assert.ok(names[0].endsWith(env.built.version), names[0]);

    await context.setOffline(true);
    const network = await page.evaluate(() => fetch("not-cached.txt").then(() => "reached", () => "offline"));
    assert.equal(network, "offline", "the network is really off");

    await page.reload();
    await settled(page);
    const run = await train(page);
    assert.equal(run.step, 50);
    assert.ok(Number.isFinite(run.after) && run.after !== run.before, `loss ${run.before} → ${run.after}`);

    // The state is the query: a lesson link and a variant of it open from the cached page.
    await load(page, `${env.server.url}/?lesson=too-small&sigma=0.05`);
    const opened = await page.evaluate(() => ({ lesson: window.initlab.lesson()?.id, sigma: window.initlab.config().sigma }));
    assert.deepEqual(opened, { lesson: "too-small", sigma: 0.05 });
    await load(page, `${env.server.url}/index.html?act=relu&seed=7`);
    assert.equal(await page.evaluate(() => window.initlab.config().act), "relu");
    const relu = await train(page);
    assert.ok(Number.isFinite(relu.after) && relu.after !== relu.before, `loss ${relu.before} → ${relu.after}`);

    // The restarts worker and the wasm it loads come from the cache too.
    const restarts = await page.evaluate(() => window.initlab.restarts({ runs: 2, steps: 20 }));
    assert.equal(restarts.runs.length, 2);
    assert.ok(restarts.runs.every((r) => Number.isFinite(r.loss)), JSON.stringify(restarts.runs));

    await screenshot(page, "offline-1280");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a changed build: the next visit installs it and says so, the reload after runs it, the old cache goes", async () => {
  const { context, page, errors } = await open({ width: 390, height: 844 });
  const strings = join(env.site, "www", "i18n", "en.js");
  const original = readFileSync(strings, "utf8");
  try {
    await load(page, `${env.server.url}/?lesson=zero-tanh`);
    const first = await controllingVersion(page);
    assert.equal(first, env.built.version);
    const tagline = () => page.locator(".tagline").textContent();
    assert.doesNotMatch(await tagline(), /\[new build\]/);

    // A new build: one string changed, sw.js regenerated with the new content hash.
    const changed = original.replace(/tagline:\s*"/, '$&[new build] ');
    assert.notEqual(changed, original, "the tagline string was found");
    writeFileSync(strings, changed);
    const second = buildServiceWorker(env.site).version;
    assert.notEqual(second, first);

    // The first reload is answered by the old worker from its cache (cache first: the server
    // already has the new file); the browser then fetches sw.js, finds it changed, installs
    // the new worker, which takes over this page and deletes the old cache.
    await page.reload();
    await page.evaluate(() => window.initlab.ready);
    assert.doesNotMatch(await tagline(), /\[new build\]/, "the old version until the new one has taken over");
    await page.locator("#update-note").waitFor({ state: "visible", timeout: 20000 });
    assert.match(await page.locator("#update-note").textContent(), /new version/);
    await page.waitForFunction(async (version) => {
      const names = await caches.keys();
      return names.length === 1 && names[0].endsWith(version);
    }, second);
    assert.equal(await controllingVersion(page), second);
    await screenshot(page, "offline-update-390", { fullPage: false });

    // The note's button reloads into the new version, the lesson link kept.
    await page.locator("#update-note button").click();
    await page.waitForFunction(() => window.initlab !== undefined);
    await page.evaluate(() => window.initlab.ready);
    assert.match(await tagline(), /^\[new build\] /);
    assert.equal(await page.locator("#update-note").isHidden(), true);
    assert.equal(await page.evaluate(() => window.initlab.lesson()?.id), "zero-tanh");
    const names = await cacheNames(page);
    assert.ok(names.length === 1 && names[0].endsWith(second), `caches: ${names}`);
    assert.deepEqual(errors, []);
  } finally {
    writeFileSync(strings, original);
    env.built = buildServiceWorker(env.site);
    await context.close();
  }
});

test("the manifest parses without errors, its icons decode at their declared sizes, and it is linked", async () => {
  const { context, page, errors } = await open();
  try {
    await load(page, `${env.server.url}/`);
    const cdp = await context.newCDPSession(page);
    const { errors: manifestErrors, url } = await cdp.send("Page.getAppManifest");
    assert.match(url, /\/www\/manifest\.webmanifest$/);
    assert.deepEqual(manifestErrors, []);
    const manifest = JSON.parse(readFileSync(join(env.site, "www", "manifest.webmanifest"), "utf8"));
    assert.equal(manifest.display, "standalone");
    // The colours are the page's own (www/style.css: --bg and --accent in the light theme).
    const style = readFileSync(join(env.site, "www", "style.css"), "utf8");
    assert.ok(style.includes(`--bg: ${manifest.background_color};`), manifest.background_color);
    assert.ok(style.includes(`--accent: ${manifest.theme_color};`), manifest.theme_color);
    // The browser's bar: the accent in the light theme, the page's dark --bg in the dark one.
    const theme = (scheme) => page.locator(`meta[name="theme-color"][media*="${scheme}"]`).getAttribute("content");
    assert.equal(await theme("light"), manifest.theme_color);
    const darkBg = /prefers-color-scheme: dark[\s\S]*?--bg: (#[0-9a-f]{6});/.exec(style)?.[1];
    assert.equal(await theme("dark"), darkBg);
    assert.ok(manifest.icons.some((i) => i.purpose === "maskable"));
    for (const sizes of ["192x192", "512x512"]) assert.ok(manifest.icons.some((i) => i.sizes === sizes), sizes);
    for (const icon of manifest.icons) {
      const size = await page.evaluate(async (src) => {
        const image = await createImageBitmap(await (await fetch(src)).blob());
        return `${image.width}x${image.height}`;
      }, new URL(icon.src, `${env.server.url}/www/manifest.webmanifest`).href);
      assert.equal(size, icon.sizes, icon.src);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("without a service worker (sw.js missing, or workers blocked) the page works online as before", async () => {
  const site = copySite(); // no sw.js in it
  const server = await startServer(site);
  try {
    for (const serviceWorkers of ["allow", "block"]) {
      const context = await env.browser.newContext({ serviceWorkers });
      const page = await context.newPage();
      const errors = [];
      const warnings = [];
      // Chromium itself logs the 404 of sw.js as an error; the page only warns.
      const browserOwn = /bad HTTP response code \(404\).*fetching the script/;
      page.on("console", (msg) => msg.type() === "error" && !browserOwn.test(msg.text()) && errors.push(msg.text()));
      page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
      page.on("pageerror", (error) => errors.push(error.message));
      await load(page, `${server.url}/`);
      const run = await train(page);
      assert.ok(Number.isFinite(run.after) && run.after !== run.before, serviceWorkers);
      assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null);
      if (serviceWorkers === "allow") {
        // The failed registration (sw.js is a 404) is a warning, not an error.
        for (let i = 0; i < 100 && !warnings.some((w) => w.includes("online only")); i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.ok(warnings.some((w) => w.includes("online only")), `warned: ${warnings}`);
      }
      assert.deepEqual(errors, [], serviceWorkers);
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

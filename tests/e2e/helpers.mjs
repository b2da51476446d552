// Shared helpers for the end-to-end tests: a tiny static server for the repository
// root (so index.html, www/ and pkg/ load as they do from any static host) and a
// headless Debian Chromium driven by playwright-core.

import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { after, before } from "node:test";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer as serveFolder } from "../../scripts/static-server.mjs";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const OUTPUT = join(ROOT, "test-output");

/** Serves `root` (the repository, by default) on a free port; resolves to {url, close}. */
export function startServer(root = ROOT) {
  return serveFolder(root);
}

/** Fails early, with the fix, when the wasm has not been built. */
export function assertBuilt() {
  if (!existsSync(join(ROOT, "pkg", "initlab_bg.wasm"))) {
    throw new Error("pkg/initlab_bg.wasm is missing: run `make build` (or `make test`) first");
  }
}

export { CHROMIUM, launchBrowser } from "../../scripts/chromium.mjs";
import { launchBrowser } from "../../scripts/chromium.mjs";

/**
 * For a test file: before its tests, checks the build and starts the static server and
 * the browser; after them, closes both. Returns an object whose `server` and `browser`
 * are set once `before` has run, and `withPage(query, body, viewport, options)`.
 */
export function useServerAndBrowser() {
  const env = { server: undefined, browser: undefined };
  /**
   * Opens the page at `query` (in a context of `viewport` and `options`), runs
   * `body(opened)`, and fails on any console error, failed request or CSP violation.
   */
  env.withPage = async (query, body, viewport, options) => {
    const opened = await openPage(env.browser, `${env.server.url}/${query}`, viewport, options);
    try {
      await body(opened);
      assert.deepEqual(opened.errors, []);
    } finally {
      await opened.close();
    }
  };
  before(async () => {
    assertBuilt();
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Opens `url` in a fresh context of the given size and records every console error,
 * uncaught exception, failed request and .wasm response. Resolves once
 * `window.initlab.drawn` has settled: every chart drawn (`ready` is the first frame, which
 * draws only the charts on screen).
 */
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const errors = [];
  const wasm = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => {
    const why = request.failure()?.errorText;
    // The favicon (`<link rel="icon">`) is fetched by the browser, not by the page, and
    // is cancelled when a test reloads or closes the page before it arrives: a CI run
    // failed on exactly that race. Any other failure, and any icon's 404, still counts.
    if (why === "net::ERR_ABORTED" && new URL(request.url()).pathname.startsWith("/www/icons/")) return;
    errors.push(`request failed: ${request.url()} ${why}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    if (response.url().endsWith(".wasm")) wasm.push(response);
  });
  // Content-Security-Policy violations are reported as events, not always as console errors.
  await page.exposeFunction("__reportCspViolation", (what) => errors.push(`CSP violation: ${what}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`),
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => window.initlab !== undefined);
  await page.evaluate(() => window.initlab.drawn);
  return { page, errors, wasm, close: () => context.close() };
}

/** Saves a screenshot (of the whole page, unless fullPage is false) as test-output/<name>.png. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** The text of the element with this id. */
export function textOf(page, id) {
  return page.locator(`#${id}`).textContent();
}

/** A fingerprint of a canvas's pixels (FNV-1a over its RGBA bytes), read in the page. */
export function canvasHash(page, id) {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId);
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let hash = 0x811c9dc5;
    for (let i = 0; i < data.length; i++) {
      hash ^= data[i];
      hash = Math.imul(hash, 0x01000193);
    }
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) painted += data[i] + data[i + 1] + data[i + 2] < 600 ? 1 : 0;
    return { hash: hash >>> 0, width: canvas.width, height: canvas.height, painted };
  }, id);
}

/** Moves a range slider as a drag does: sets its value, then fires input and change. */
export function setSlider(page, id, value) {
  return page.evaluate(
    ([sliderId, v]) => {
      const slider = document.getElementById(sliderId);
      slider.value = String(v);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      slider.dispatchEvent(new Event("change", { bubbles: true }));
    },
    [id, value],
  );
}

/** Waits until the page has stopped scrolling (a smooth scroll takes a few hundred ms). */
export async function scrollSettled(page) {
  let before = await page.evaluate(() => scrollY);
  for (let tries = 0; tries < 40; tries++) {
    await page.waitForTimeout(250);
    const now = await page.evaluate(() => scrollY);
    if (now === before) return;
    before = now;
  }
  throw new Error("the page kept scrolling for 10 s");
}

// Shared helpers for the end-to-end tests: a tiny static server for the repository
// root (so index.html, www/ and pkg/ load as they do from any static host) and a
// headless Debian Chromium driven by playwright-core.

import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
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

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with the flags this sandbox-less machine needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens `url` in a fresh context of the given size and records every console error,
 * uncaught exception, failed request and .wasm response. Resolves once
 * `window.initlab.ready` has settled.
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
  page.on("requestfailed", (request) =>
    errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    if (response.url().endsWith(".wasm")) wasm.push(response);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.initlab !== undefined);
  await page.evaluate(() => window.initlab.ready);
  return { page, errors, wasm, close: () => context.close() };
}

/** Saves a full-page screenshot as test-output/<name>.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The text of the element with this id. */
export function textOf(page, id) {
  return page.locator(`#${id}`).textContent();
}

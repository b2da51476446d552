// The page's first load (issue #10): the browser fetches exactly the files that `make size`
// counts (scripts/first-load.mjs: index.html, then the static imports), and each feature's
// own code is fetched only when that feature is first used: Share, the restarts' panel and
// worker, the lessons' explanations, the compact page's styles, the parent-page protocol.

import assert from "node:assert/strict";
import { test } from "node:test";
import { firstLoadFiles } from "../../scripts/first-load.mjs";
import { ROOT, openPage, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();

/** Fetched once the page runs, never before its first frame: the offline registration. */
const AFTER_READY = ["www/offline.js", "sw.js"];
/** What the default explorer must not fetch at all until a feature is used. */
const ON_DEMAND = [
  "www/share.js",
  "www/share.css",
  "www/restarts-panel.js",
  "www/restarts-worker.js",
  "www/lessons-text.js",
  "www/embed.css",
  "www/messages.js",
  "www/i18n/zh.js",
];

/**
 * Opens the page at `query` and records the site's files it requests (paths, no query):
 * `atReady` as they stand when `initlab.ready` has settled, `now()` at any later time.
 */
async function openRecording(query) {
  const requested = [];
  /** The site's own requests, made by the page (the service worker's precache aside). */
  const record = (request) => {
    const url = new URL(request.url());
    if (url.origin === env.server.url && !request.serviceWorker()) requested.push(url.pathname.slice(1) || "index.html");
  };
  // openPage makes its own context: hand it a browser whose contexts record their requests.
  const browser = {
    newContext: async (options) => {
      const context = await env.browser.newContext(options);
      context.on("request", record);
      return context;
    },
  };
  const opened = await openPage(browser, `${env.server.url}/${query}`);
  return { ...opened, atReady: new Set(requested), now: () => new Set(requested) };
}

const icon = (file) => file.startsWith("www/icons/");

test("the default page fetches exactly what `make size` counts as its first load", async () => {
  const opened = await openRecording("");
  try {
    const expected = firstLoadFiles(ROOT);
    const before = [...opened.atReady].filter((file) => !icon(file) && !AFTER_READY.includes(file)).sort();
    assert.deepEqual(before, expected);
    for (const file of ON_DEMAND) assert.ok(!opened.now().has(file), `${file} is fetched at first load`);
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("each feature's code is fetched when the feature is first used, and works", async () => {
  const opened = await openRecording("");
  const { page } = opened;
  try {
    await page.locator("#share-toggle").click();
    await page.locator("#share-menu").waitFor();
    assert.ok(opened.now().has("www/share.js") && opened.now().has("www/share.css"));

    const result = await page.evaluate(() => window.initlab.restarts({ runs: 2, steps: 20 }));
    assert.equal(result.runs.length, 2);
    assert.ok(opened.now().has("www/restarts-panel.js") && opened.now().has("www/restarts-worker.js"));

    assert.ok(!opened.now().has("www/lessons-text.js"));
    assert.deepEqual(await page.evaluate(() => window.initlab.openLesson("zero-tanh")), { ok: true });
    await page.waitForFunction(() => document.getElementById("lesson-text").textContent.length > 80);
    assert.ok(opened.now().has("www/lessons-text.js"));
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("a lesson link fetches its explanation before the first frame; ?embed=1 its styles", async () => {
  const lesson = await openRecording("?lesson=constant");
  try {
    assert.ok(lesson.atReady.has("www/lessons-text.js"));
    assert.ok((await lesson.page.locator("#lesson-text").textContent()).length > 80);
    assert.ok(!lesson.atReady.has("www/embed.css"));
  } finally {
    await lesson.close();
  }
  const embed = await openRecording("?embed=1");
  try {
    assert.ok(embed.atReady.has("www/embed.css"));
    assert.equal(await embed.page.locator(".top").isHidden(), true, "the compact page's styles apply");
  } finally {
    await embed.close();
  }
});

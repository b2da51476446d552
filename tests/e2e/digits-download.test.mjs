// The handwritten digits' download (issue #20, "Fetched on demand"): data/digits.bin is not
// part of the first load; `initlab.loadDigits()` (and a menu's choice of the digits) fetches
// it once, with a progress note that goes once they are installed; each fault (a missing
// file, a corrupt one, a network failure, an offline first choice) is a notice naming its
// cause, the settings unchanged; after one online load the service worker serves the file
// offline. Requests are routed with Playwright (service workers blocked there, so that the
// page's own fetch is the one routed), except in the offline test, which needs the worker.

import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { buildServiceWorker } from "../../scripts/build-sw.mjs";
import { ROOT, openPage, screenshot, startServer, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const FILE = "data/digits.bin";
const BYTES = readFileSync(join(ROOT, FILE));
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };

/** Opens the page with service workers blocked, listing every request for the digits. */
async function openRouted(query = "", viewport = WIDE, options = {}) {
  const requests = [];
  const browser = {
    newContext: async (contextOptions) => {
      const context = await env.browser.newContext({ ...contextOptions, serviceWorkers: "block", ...options });
      context.on("request", (request) => request.url().endsWith(FILE) && requests.push(request.url()));
      return context;
    },
  };
  const opened = await openPage(browser, `${env.server.url}/${query}`, viewport);
  return { ...opened, requests };
}

/** `initlab.loadDigits()` in the page: {ok: true} or {ok: false, kind, message}. */
const loadDigits = (page) =>
  page.evaluate(() =>
    window.initlab.loadDigits().then(
      () => ({ ok: true }),
      (error) => ({ ok: false, kind: error.kind, message: error.message }),
    ),
  );

const installed = (page) => page.evaluate(async () => (await import("/pkg/initlab.js")).digitsInstalled());

/** The digits' note: shown or not, its words and its role. */
const note = (page) =>
  page.evaluate(() => {
    const element = document.getElementById("digits-note");
    return element ? { shown: !element.hidden, text: element.textContent, role: element.getAttribute("role") } : null;
  });

/** Polls `check(arg)` in the page (it may be async, unlike waitForFunction's) until it is true. */
async function until(page, check, arg, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(check, arg))) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms: ${check}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Only the errors the routed faults cause on purpose are excused: the digits' request, and
 * the console's line for a failed resource (which does not name it).
 */
const unexpected = (errors) =>
  errors.filter((error) => !error.includes(FILE) && !error.startsWith("console: Failed to load resource"));

/** Opens the settings panel where it folds away (a phone), as a learner does before picking. */
async function openSettings(page) {
  const toggle = page.locator("#settings-toggle");
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
}

test("the digits are not fetched at first load; loadDigits shows its progress, fetches once, installs them, and the note goes", async () => {
  const opened = await openRouted();
  const { page } = opened;
  try {
    await page.waitForLoadState("networkidle");
    assert.deepEqual(opened.requests, [], "the first load fetched the digits");
    assert.equal(await installed(page), false);
    // Held back for a moment, so that the note can be seen before the bytes arrive.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(`**/${FILE}`, async (route) => {
      const body = await (await route.fetch()).body();
      await held;
      await route.fulfill({ status: 200, contentType: "application/octet-stream", body });
    });
    const config = await page.evaluate(() => window.initlab.config());
    const first = loadDigits(page);
    const second = loadDigits(page);
    await page.waitForFunction(() => document.getElementById("digits-note")?.hidden === false);
    const shown = await note(page);
    assert.match(shown.text, /^Loading the handwritten digits: 0 of 117 KB/);
    assert.equal(shown.role, "status");
    await screenshot(page, "digits-progress-1280", { fullPage: false });
    release();
    assert.deepEqual(await first, { ok: true });
    assert.deepEqual(await second, { ok: true });
    assert.equal(opened.requests.length, 1, "two callers share one download");
    assert.equal(await installed(page), true);
    assert.equal((await note(page)).shown, false, "the note goes once the digits are installed");
    assert.deepEqual(await page.evaluate(() => window.initlab.config()), config);
    // Installed: a later call resolves without fetching again.
    assert.deepEqual(await loadDigits(page), { ok: true });
    assert.equal(opened.requests.length, 1);
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

for (const viewport of [WIDE, PHONE]) {
  test(`a missing file (404) is a notice naming it, the settings and the menu unchanged, and a later choice retries (${viewport.width}×${viewport.height})`, async () => {
    const opened = await openRouted("", viewport);
    const { page } = opened;
    try {
      await page.route(`**/${FILE}`, (route) => route.fulfill({ status: 404, body: "not found" }));
      const config = await page.evaluate(() => window.initlab.config());
      // Picked from A's menu, which lists the digits (the key table's choices).
      await openSettings(page);
      await page.selectOption("#c-data", "digits");
      await page.waitForFunction(() => document.getElementById("digits-note")?.getAttribute("role") === "alert");
      const shown = await note(page);
      assert.equal(shown.shown, true);
      assert.match(shown.text, /the server has no data\/digits\.bin \(404 Not Found\)\. The data set stays as it was\./);
      assert.equal(await page.inputValue("#c-data"), config.data, "the menu is back at the data set in use");
      assert.deepEqual(await page.evaluate(() => window.initlab.config()), config);
      assert.equal(await installed(page), false);
      // The notice sits under the menu the digits were picked from.
      const field = await page.evaluate(() => document.getElementById("digits-note").closest(".field")?.dataset.key);
      assert.equal(field, "data");
      await page.locator("#digits-note").scrollIntoViewIfNeeded();
      await screenshot(page, `digits-missing-${viewport.width}`, { fullPage: false });
      // The file is back: the next call fetches it again and installs it.
      await page.unroute(`**/${FILE}`);
      assert.deepEqual(await loadDigits(page), { ok: true });
      assert.equal((await note(page)).shown, false);
      assert.deepEqual(unexpected(opened.errors), []);
    } finally {
      await opened.close();
    }
  });
}

test("picking the digits from A's menu fetches them, then the page trains on them: 10 classes, ce at chance", async () => {
  const opened = await openRouted("");
  const { page } = opened;
  try {
    await openSettings(page);
    await page.selectOption("#c-data", "digits");
    await page.waitForFunction(() => window.initlab.config().data === "digits");
    assert.equal(await installed(page), true);
    assert.equal(opened.requests.length, 1, "one download");
    // The loss follows the data (ce), and the link stays short: no notice was raised.
    const config = await page.evaluate(() => window.initlab.config());
    assert.equal(config.loss, "ce");
    const snapshot = await page.evaluate(() => window.initlab.snapshot());
    // Ten softmax outputs: the output layer has 10 units, and a fresh network's loss is
    // near chance, ln 10 = 2.303 (small random weights: each p ≈ 1/10).
    assert.equal(snapshot.layers.at(-1).size, 10);
    assert.ok(Math.abs(snapshot.loss - Math.log(10)) < 0.5, `loss ${snapshot.loss}`);
    assert.equal(snapshot.confusion.length, 100);
    assert.deepEqual(unexpected(opened.errors), []);
  } finally {
    await opened.close();
  }
});

for (const query of ["?data=digits", "?vs=init%3Dzeros%26data%3Ddigits"]) {
  test(`a link that picks the digits (${query}) has them installed by the first frame`, async () => {
    const opened = await openRouted(query);
    const { page } = opened;
    try {
      assert.equal(opened.requests.length, 1);
      assert.equal(await installed(page), true);
      assert.equal((await note(page)).shown, false);
      assert.deepEqual(unexpected(opened.errors), []);
    } finally {
      await opened.close();
    }
  });
}

test("a link that picks the digits when the file is missing: the notice under the status line, the page running", async () => {
  const context = await env.browser.newContext({ viewport: PHONE, serviceWorkers: "block" });
  try {
    await context.route(`**/${FILE}`, (route) => route.fulfill({ status: 404, body: "not found" }));
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?data=digits&lr=0.1`);
    await page.waitForFunction(() => window.initlab !== undefined);
    await page.evaluate(() => window.initlab.ready);
    const shown = await note(page);
    assert.equal(shown.role, "alert");
    assert.match(shown.text, /the server has no data\/digits\.bin \(404 Not Found\)/);
    assert.equal(await page.evaluate(() => document.getElementById("digits-note").previousElementSibling?.id), "update-note");
    // The rest of the link holds; the engine says what it did with data=digits.
    assert.equal((await page.evaluate(() => window.initlab.config())).lr, 0.1);
    assert.ok(await page.evaluate(() => window.initlab.step(5).step === 5));
    await screenshot(page, "digits-link-missing-390", { fullPage: false });
  } finally {
    await context.close();
  }
});

test("corrupt bytes are refused by their checksum, in the page's language; the next choice asks past the caches", async () => {
  const opened = await openRouted("?lang=ru", PHONE);
  const { page } = opened;
  try {
    const corrupt = Buffer.from(BYTES);
    corrupt[100] ^= 1;
    await page.route(`**/${FILE}`, (route) =>
      route.fulfill({ status: 200, contentType: "application/octet-stream", body: corrupt }),
    );
    // The cache mode of each fetch of the digits.
    await page.evaluate(() => {
      const plain = window.fetch;
      window.cacheModes = [];
      window.fetch = (input, init) => {
        if (String(input).endsWith("data/digits.bin")) window.cacheModes.push(init?.cache ?? "default");
        return plain(input, init);
      };
    });
    const result = await loadDigits(page);
    assert.equal(result.ok, false);
    assert.equal(result.kind, "corrupt");
    const ru = await import("../../www/i18n/ru.js");
    const [before] = ru.strings.digitsChecksum.split("{actual}");
    assert.ok(result.message.startsWith(before), result.message);
    const sha = await page.evaluate(async () => (await import("/pkg/initlab.js")).digitsSha256());
    assert.ok(result.message.includes(sha.slice(0, 12)), "the notice quotes the expected checksum");
    const shown = await note(page);
    assert.deepEqual([shown.shown, shown.text, shown.role], [true, result.message, "alert"]);
    assert.equal(await installed(page), false);
    await screenshot(page, "digits-corrupt-ru-390", { fullPage: false });
    // A language switch rewords the notice in place.
    await page.evaluate(() => window.initlab.setLanguage("en"));
    const english = (await note(page)).text;
    assert.match(english, /^The handwritten digits arrived corrupt: their SHA-256 checksum begins [0-9a-f]{12}, not /);
    assert.ok(english.includes(sha.slice(0, 12)), english);
    await page.evaluate(() => window.initlab.setLanguage("ru"));
    assert.equal((await note(page)).text, result.message);
    await loadDigits(page);
    assert.deepEqual(await page.evaluate(() => window.cacheModes), ["default", "reload"], "after a corrupt copy the download skips every cache");
    assert.deepEqual(unexpected(opened.errors), []);
  } finally {
    await opened.close();
  }
});

test("a server error, a network failure and an offline first choice are notices naming the cause", async () => {
  const opened = await openRouted();
  const { page } = opened;
  try {
    await page.route(`**/${FILE}`, (route) => route.fulfill({ status: 503, body: "busy" }));
    const busy = await loadDigits(page);
    assert.equal(busy.kind, "server");
    assert.match(busy.message, /the server answered 503 Service Unavailable for data\/digits\.bin\./);
    await page.unroute(`**/${FILE}`);
    await page.route(`**/${FILE}`, (route) => route.abort("connectionreset"));
    const failed = await loadDigits(page);
    assert.equal(failed.kind, "network");
    assert.match(failed.message, /could not be downloaded: the network failed \(.+\)\. The data set stays as it was/);
    await page.unroute(`**/${FILE}`);
    await page.context().setOffline(true);
    const offline = await loadDigits(page);
    assert.equal(offline.kind, "offline");
    assert.match(offline.message, /the digits need one online visit; after that they work offline/);
    assert.equal((await note(page)).text, offline.message);
    assert.equal(await installed(page), false);
    await screenshot(page, "digits-offline-1280", { fullPage: false });
    assert.deepEqual(unexpected(opened.errors), []);
  } finally {
    await opened.close();
  }
});

test("offline, the digits need one online visit; after it the service worker serves them offline", async () => {
  const opened = await openPage(env.browser, `${env.server.url}/`, WIDE);
  const { page } = opened;
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    const seen = [];
    page.on("response", (r) => r.url().endsWith(FILE) && seen.push({ status: r.status(), worker: r.fromServiceWorker() }));
    // Offline before the digits were ever fetched: the worker has no copy to give.
    await page.context().setOffline(true);
    const first = await loadDigits(page);
    assert.equal(first.kind, "offline");
    assert.match(first.message, /the digits need one online visit/);
    await page.context().setOffline(false);
    assert.deepEqual(await loadDigits(page), { ok: true });
    // The worker keeps its copy while the page reads the answer: wait until it is kept.
    await until(page, async (file) => Boolean(await caches.match(new URL(file, document.baseURI).href)), FILE);
    await page.context().setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.initlab !== undefined);
    await page.evaluate(() => window.initlab.ready);
    assert.equal(await installed(page), false, "a new page starts without the digits");
    assert.deepEqual(await loadDigits(page), { ok: true });
    assert.equal(await installed(page), true);
    assert.deepEqual(seen.at(-1), { status: 200, worker: true });
    assert.deepEqual(unexpected(opened.errors), []);
  } finally {
    await opened.close();
  }
});

/** The version of the worker that controls `page` (it answers a message). */
const workerVersion = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data.version);
        navigator.serviceWorker.controller.postMessage({ type: "version" }, [channel.port2]);
      }),
  );

test("a new version of the site keeps the digits fetched once: they still load offline after the update", async () => {
  const site = mkdtempSync(join(tmpdir(), "initlab-digits-"));
  for (const entry of ["index.html", "www", "pkg/initlab.js", "pkg/initlab_bg.wasm", FILE]) {
    cpSync(join(ROOT, entry), join(site, entry), { recursive: true });
  }
  const first = buildServiceWorker(site);
  const server = await startServer(site);
  const context = await env.browser.newContext({ viewport: WIDE });
  try {
    const page = await context.newPage();
    const ready = async () => {
      await page.waitForFunction(() => window.initlab !== undefined);
      await page.evaluate(() => window.initlab.ready);
    };
    await page.goto(`${server.url}/`);
    await ready();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    assert.equal(await workerVersion(page), first.version);
    assert.deepEqual(await loadDigits(page), { ok: true });
    await until(page, async (file) => Boolean(await caches.match(new URL(file, document.baseURI).href)), FILE);
    // A new build: a changed file, a new sw.js; the next visit installs it and it takes over.
    appendFileSync(join(site, "www", "i18n", "en.js"), "\n// a new build\n");
    const second = buildServiceWorker(site);
    assert.notEqual(second.version, first.version);
    await page.reload();
    await ready();
    await until(page, async (version) => {
      const names = await caches.keys();
      return names.length === 1 && names[0].endsWith(version);
    }, second.version);
    await context.setOffline(true);
    await page.reload();
    await ready();
    assert.equal(await workerVersion(page), second.version, `first ${first.version}`);
    assert.equal(await installed(page), false);
    assert.deepEqual(await loadDigits(page), { ok: true }, "the new version's cache holds the digits");
    assert.equal(await installed(page), true);
  } finally {
    await context.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

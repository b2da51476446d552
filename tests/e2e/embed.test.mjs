// End-to-end: embedding InitLab in course notes (issue #9). A real course-notes site, built
// with mdBook from tests/course/ and served from a second local origin, frames two lessons;
// both frames announce `ready`, one is driven through postMessage (replies, throttled `step`
// events, `verdict`, `diverged`), and bad messages get an error reply and change nothing.
// `?embed=1` fits 640×480 and 360×640 without sideways scrolling, its "Open in InitLab ↗"
// link carries the state without embed=1, and the Share menu copies the link and the embed code.
// Run by `make test` (which installs mdBook), or alone with `node --test tests/e2e/embed.test.mjs`.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, screenshot, startServer, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

/** Where the book's iframes point (`make serve`), replaced by the test server's address. */
const BOOK_ORIGIN = "http://127.0.0.1:8000";
const BOOK_OUT = join(ROOT, "target", "course-book");
/** The bound the protocol promises for step events. */
const STEP_EVENTS_PER_SECOND = 4;

let course;

/**
 * Builds the course with mdBook (a clear failure when it is missing), points its iframes
 * at the test server and serves it on a second port: once, for the first test that needs it.
 */
async function serveCourse() {
  if (course) return;
  rmSync(BOOK_OUT, { recursive: true, force: true });
  mkdirSync(BOOK_OUT, { recursive: true });
  try {
    execFileSync("mdbook", ["build", join(ROOT, "tests", "course"), "-d", BOOK_OUT], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`mdbook could not build tests/course (run \`make setup\` to install it): ${error.message}`);
  }
  const page = join(BOOK_OUT, "init.html");
  const html = readFileSync(page, "utf8");
  assert.equal(html.split(BOOK_ORIGIN).length - 1, 2, "the book embeds two lessons");
  writeFileSync(page, html.replaceAll(BOOK_ORIGIN, env.server.url));
  course = await startServer(BOOK_OUT);
}
after(() => course?.close());

/**
 * Opens the course page; records every message its frames send (with the frame's index and
 * the time it arrived) and every console error of the page or its frames. Runs `body`.
 */
async function withCourse(body) {
  await serveCourse();
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(`console: ${msg.text()}`));
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  await page.addInitScript(() => {
    if (window.top !== window) return;
    window.__messages = [];
    window.addEventListener("message", (e) => {
      const frame = [...document.querySelectorAll("iframe")].findIndex((f) => f.contentWindow === e.source);
      window.__messages.push({ frame, at: performance.now(), origin: e.origin, data: e.data });
    });
  });
  await page.goto(`${course.url}/init.html`);
  await page.waitForFunction(
    () => [0, 1].every((i) => window.__messages.some((m) => m.frame === i && m.data?.type === "ready")),
    null,
    { timeout: 20_000 },
  );
  const frames = await Promise.all(
    ["lesson-zero", "lesson-small"].map(async (id) => (await page.locator(`#${id}`).elementHandle()).contentFrame()),
  );
  try {
    await body({ page, frames });
    assert.deepEqual(errors, [], "no console errors in the page or either frame");
  } finally {
    await context.close();
  }
}

/** Posts `message` to frame `i` from the course page. */
const send = (page, i, message) =>
  page.evaluate(([index, m]) => document.querySelectorAll("iframe")[index].contentWindow.postMessage(m, "*"), [i, message]);

/** Waits for frame `i`'s reply to request `id`. */
async function reply(page, i, id) {
  const handle = await page.waitForFunction(
    ([index, rid]) => window.__messages.find((m) => m.frame === index && m.data?.type === "reply" && m.data.id === rid),
    [i, id],
    { timeout: 10_000 },
  );
  return handle.jsonValue();
}

const messagesOf = (page, i, type) =>
  page.evaluate(([index, t]) => window.__messages.filter((m) => m.frame === index && m.data?.type === t), [i, type]);

/** What a message must not change: the settings, the step, playing, the address. */
const stateOf = (frame) =>
  frame.evaluate(() => ({
    config: window.initlab.config(),
    step: window.initlab.snapshot().step,
    playing: document.getElementById("play").getAttribute("aria-pressed"),
    search: location.search,
  }));

test("a course page from another origin: both lessons say ready; one is driven by postMessage", async () => {
  await withCourse(async ({ page, frames }) => {
    const readies = [await messagesOf(page, 0, "ready"), await messagesOf(page, 1, "ready")];
    assert.deepEqual(readies.map((r) => r.length), [1, 1], "one ready per frame");
    assert.equal(readies[0][0].origin, env.server.url, "the frame is InitLab's origin");
    assert.notEqual(new URL(course.url).origin, env.server.url, "the course is another origin");
    assert.equal(readies[0][0].data.config.lesson, "zero-tanh");
    assert.equal(readies[1][0].data.lesson.id, "too-small");
    assert.equal(readies[0][0].data.protocol, 2);
    // Predict first: the lesson's question waits, so ready does not give its verdict away.
    assert.deepEqual(readies[1][0].data.lesson, { id: "too-small", holds: null, answered: false });
    assert.equal(readies[0][0].data.source, "initlab");

    await send(page, 0, { source: "initlab", type: "configure", id: "c1", config: { lr: 0.1 } });
    const configured = await reply(page, 0, "c1");
    assert.equal(configured.data.ok, true);
    assert.equal(configured.data.result.lr, 0.1);
    const search = await frames[0].evaluate(() => location.search);
    assert.match(search, /(^\?|&)lr=0\.1(&|$)/, "the frame's address follows");
    assert.match(search, /(^\?|&)embed=1(&|$)/, "and stays embedded");

    await send(page, 0, { source: "initlab", type: "play", id: 7 });
    assert.deepEqual((await reply(page, 0, 7)).data.result.playing, true);
    const t0 = await page.evaluate(() => performance.now());
    // Long enough for 3 step events at the promised rate, and for the bound to bite.
    await page.waitForTimeout(1500);
    const t1 = await page.evaluate(() => performance.now());
    await send(page, 0, { source: "initlab", type: "pause", id: 8 });
    const paused = (await reply(page, 0, 8)).data.result;
    assert.equal(paused.playing, false);

    const steps = (await messagesOf(page, 0, "step")).filter((m) => m.at >= t0 && m.at <= t1);
    const bound = (STEP_EVENTS_PER_SECOND * (t1 - t0)) / 1000 + 1;
    assert.ok(steps.length >= 3, `step events while playing (${steps.length})`);
    assert.ok(steps.length <= bound, `${steps.length} step events in ${Math.round(t1 - t0)} ms (bound ${bound})`);
    const numbers = steps.map((m) => m.data.step);
    assert.ok(numbers.every((n, k) => k === 0 || n > numbers[k - 1]), "steps increase");
    for (const { data } of steps) {
      assert.ok(Number.isFinite(data.loss) && data.accuracy >= 0 && data.accuracy <= 1, JSON.stringify(data));
    }
    // After the pause, the last step event (sent within a quarter second) is where training stopped.
    await page.waitForFunction(
      ([index, step]) => window.__messages.findLast((m) => m.frame === index && m.data?.type === "step")?.data.step === step,
      [0, paused.step],
      { timeout: 400 },
    );
    assert.equal((await messagesOf(page, 1, "step")).length, 0, "the other lesson stays still");

    await send(page, 0, { source: "initlab", type: "openLesson", id: "o", lesson: "too-small" });
    const opened = await reply(page, 0, "o");
    assert.equal(opened.data.ok, true);
    assert.equal(opened.data.result.id, "too-small");
    // Predict first: a question event, no verdict, until the learner (here the parent) answers.
    await page.waitForFunction(() =>
      window.__messages.some((m) => m.frame === 0 && m.data?.type === "question" && m.data.lesson === "too-small"),
    );
    assert.ok(!(await messagesOf(page, 0, "verdict")).some((m) => m.data.lesson === "too-small"), "no verdict before the answer");
    await send(page, 0, { source: "initlab", type: "answer", id: "a", choice: 1 });
    const answered = await reply(page, 0, "a");
    assert.equal(answered.data.ok, true);
    assert.equal(typeof answered.data.result.correct, "boolean");
    await page.waitForFunction(() =>
      window.__messages.some((m) => m.frame === 0 && m.data?.type === "verdict" && m.data.lesson === "too-small"),
    );
    const verdicts = await messagesOf(page, 0, "verdict");
    assert.equal(verdicts.at(-1).data.lesson, "too-small");
    assert.equal(typeof verdicts.at(-1).data.holds, "boolean");
    await send(page, 0, { source: "initlab", type: "answer", id: "a2", choice: 7 });
    const refused = await reply(page, 0, "a2");
    assert.equal(refused.data.ok, false);
    assert.match(refused.data.error, /0 to 2/);

    await send(page, 0, { source: "initlab", type: "reset", id: "r" });
    assert.equal((await reply(page, 0, "r")).data.result.step, 0);
    await screenshot(page, "embed-course-1280x800");
  });
});

test("bad messages get an error reply and change nothing; messages without source are ignored", async () => {
  await withCourse(async ({ page, frames }) => {
    const frame = frames[0];
    await send(page, 0, { source: "initlab", type: "play", id: "go" });
    await reply(page, 0, "go");
    // A busy machine may not have given the frame an animation frame yet: wait for a step.
    await frame.waitForFunction(() => window.initlab.snapshot().step > 0);
    await send(page, 0, { source: "initlab", type: "pause", id: "stop" });
    await reply(page, 0, "stop");
    const before = await stateOf(frame);
    assert.ok(before.step > 0);

    const bad = [
      [{ type: "explode", id: 1 }, /explode/, null],
      [{ type: "configure", id: 2, config: { lr: -1 } }, /./, "lr"],
      [{ type: "configure", id: 3, config: "lr=1" }, /config/, "config"],
      [{ type: "configure", id: 4 }, /config/, "config"],
      [{ type: "openLesson", id: 5, lesson: "no-such-lesson" }, /zero-tanh/, "lesson"],
      [{ type: "play", id: 6, steps: 10 }, /steps/, null],
      [{ type: "reset", id: 9, now: true }, /now/, null],
    ];
    for (const [message, pattern, field] of bad) {
      await send(page, 0, { source: "initlab", ...message });
      const { data } = await reply(page, 0, message.id);
      assert.equal(data.ok, false, JSON.stringify(message));
      assert.match(data.error, pattern);
      assert.equal(data.field, field, JSON.stringify(message));
      assert.equal(data.request, message.type);
    }
    await send(page, 0, { source: "initlab", type: "pause", id: { not: "an id" } });
    await page.waitForFunction(() => window.__messages.some((m) => m.data?.field === "id" && m.data.id === null));

    // Without source "initlab": ignored. Messages arrive in order, so the reply to the
    // next good one comes after any reply to these would have.
    await send(page, 0, { type: "reset", id: 10 });
    await send(page, 0, { source: "other", type: "play", id: 11 });
    await send(page, 0, "reset");
    await send(page, 0, { source: "initlab", type: "pause", id: 12 });
    await reply(page, 0, 12);
    const replies = (await messagesOf(page, 0, "reply")).map((m) => m.data.id);
    assert.ok(!replies.includes(10) && !replies.includes(11), `ignored: ${replies}`);
    assert.deepEqual(await stateOf(frame), before, "nothing changed");

    // A bad lesson while playing does not pause (opening a lesson would).
    await send(page, 0, { source: "initlab", type: "play", id: 13 });
    await reply(page, 0, 13);
    await send(page, 0, { source: "initlab", type: "openLesson", id: 14, lesson: 42 });
    assert.equal((await reply(page, 0, 14)).data.ok, false);
    assert.equal(await frame.evaluate(() => document.getElementById("play").getAttribute("aria-pressed")), "true");
  });
});

test("a diverging run sends diverged once, with its step", async () => {
  await withCourse(async ({ page }) => {
    const config = { lesson: "", scale: "manual", sigma: 10, act: "relu", lr: 10, layers: "32,32,32" };
    await send(page, 1, { source: "initlab", type: "configure", id: "d", config });
    assert.equal((await reply(page, 1, "d")).data.ok, true);
    await send(page, 1, { source: "initlab", type: "play", id: "p" });
    await page.waitForFunction(() => window.__messages.some((m) => m.frame === 1 && m.data?.type === "diverged"), null, {
      timeout: 10_000,
    });
    await page.waitForTimeout(300);
    const diverged = await messagesOf(page, 1, "diverged");
    assert.equal(diverged.length, 1);
    assert.equal(diverged[0].data.network, "A");
    assert.ok(Number.isInteger(diverged[0].data.step) && diverged[0].data.step >= 0);
  });
});

/** Where the compact page's parts are, and how wide the document is. */
const layout = (page) =>
  page.evaluate(() => {
    const box = (sel) => {
      const el = document.querySelector(sel);
      const r = el.getBoundingClientRect();
      return { visible: r.width > 0 && r.height > 0, right: r.right, top: r.top };
    };
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width: innerWidth,
      core: box("#chart-activation"),
      loss: box("#chart-loss"),
      play: box("#play"),
      reset: box("#reset"),
      link: box("#embed-open"),
      settings: box("#settings-toggle"),
      settingsBody: box("#settings-body"),
      weights: box("#chart-weights"),
      table: box("#layers"),
      verdict: box("#lesson-verdict"),
    };
  });

for (const viewport of [
  { width: 640, height: 480 },
  { width: 360, height: 640 },
]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`?embed=1 at ${size}: core view, loss, controls and the link, no sideways scroll`, async () => {
    for (const [query, name] of [
      ["?embed=1", "explorer"],
      // predict=0: the verdict at once (predict first is tested in predict.test.mjs).
      ["?lesson=zero-tanh&embed=1&predict=0", "lesson"],
    ]) {
      await withPage(
        query,
        async ({ page }) => {
          const l = await layout(page);
          assert.ok(l.scrollWidth <= l.width, `no horizontal scroll (${l.scrollWidth} > ${l.width})`);
          for (const part of ["core", "loss", "play", "reset", "link", "settings"]) {
            assert.ok(l[part].visible, `${part} shown`);
            assert.ok(l[part].right <= l.width + 0.5, `${part} inside the frame`);
          }
          for (const part of ["play", "reset", "link", "settings"]) assert.ok(l[part].top < viewport.height, `${part} in the first screen`);
          assert.ok(!l.settingsBody.visible, "the settings fold behind their button");
          assert.ok(!l.weights.visible && !l.table.visible, "the other views are left out");
          if (name === "lesson") assert.ok(l.verdict.visible && l.verdict.top < viewport.height, "the verdict in the first screen");
          await screenshot(page, `embed-${name}-${size}`, { fullPage: false });
          await page.locator("#settings-toggle").click();
          assert.ok((await layout(page)).settingsBody.visible, "one button unfolds the settings");
        },
        viewport,
      );
    }
  });
}

test("the Open in InitLab link carries the state without embed=1; embed=1 survives every change", async () => {
  await withPage("?data=xor4&act=relu&embed=1", async ({ page }) => {
    await page.evaluate(() => window.initlab.configure({ lr: 0.25 }));
    const search = await page.evaluate(() => location.search);
    assert.match(search, /(^\?|&)embed=1(&|$)/);
    assert.match(search, /lr=0\.25/);
    const href = await page.locator("#embed-open").getAttribute("href");
    const url = new URL(href);
    assert.equal(url.origin, env.server.url);
    assert.equal(url.searchParams.has("embed"), false);
    const want = await page.evaluate(() => window.initlab.config());
    assert.deepEqual(
      Object.fromEntries(["act", "data", "lr"].map((k) => [k, url.searchParams.get(k)])),
      { act: "relu", data: "xor4", lr: "0.25" },
    );
    assert.equal(await page.locator("#embed-open").getAttribute("target"), "_blank");
    // The full page at that link is the same experiment, not embedded.
    await withPage(url.search, async ({ page: full }) => {
      assert.deepEqual(await full.evaluate(() => window.initlab.config()), want);
      assert.equal(await full.evaluate(() => document.documentElement.classList.contains("embed")), false);
      assert.equal(await full.locator("#embed-open").isVisible(), false);
    });
  });
});

test("a bad embed value is a notice and the page is the full one", async () => {
  await withPage("?embed=yes&act=relu", async ({ page }) => {
    assert.match(await page.locator("#notices").textContent(), /embed.*yes/);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("embed")), false);
    assert.equal((await page.evaluate(() => window.initlab.config())).act, "relu", "the rest of the link applies");
  });
});

const CLIPBOARD = { permissions: ["clipboard-read", "clipboard-write"] };

test("Share copies the link and the embed code, each with a visible confirmation", async () => {
  await withPage(
    "?lesson=too-small&sigma=0.05",
    async ({ page }) => {
      await page.locator("#share-toggle").click();
      // The menu's code is fetched on this first press: wait for it to open.
      await page.locator("#share-menu").waitFor();
      assert.equal(await page.locator("#share-toggle").getAttribute("aria-expanded"), "true");
      await page.locator("#share-link").click();
      await page.locator("#share-done").filter({ hasText: /link copied/i }).waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      const url = new URL(link);
      assert.equal(url.origin + url.pathname, `${env.server.url}/`);
      assert.equal(url.searchParams.get("lesson"), "too-small");
      assert.equal(url.searchParams.get("sigma"), "0.05");
      assert.equal(url.searchParams.has("embed"), false);
      assert.equal(url.search, await page.evaluate(() => location.search), "the link is the address");

      await page.locator("#share-embed").click();
      await page.locator("#share-done").filter({ hasText: /embed code copied/i }).waitFor();
      const code = await page.evaluate(() => navigator.clipboard.readText());
      // One element, <iframe …></iframe>, its attributes double-quoted and escaped.
      // (Parsed here, not in the page: its CSP rightly refuses the snippet's style attribute.)
      assert.match(code, /^<iframe( [a-z-]+="[^"<>]*")+><\/iframe>$/);
      const attributes = Object.fromEntries(
        [...code.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v.replaceAll("&quot;", '"').replaceAll("&amp;", "&")]),
      );
      const frame = { src: attributes.src, title: attributes.title };
      const src = new URL(frame.src);
      assert.equal(src.searchParams.get("embed"), "1");
      assert.equal(src.searchParams.get("lesson"), "too-small");
      assert.equal(src.searchParams.get("sigma"), "0.05");
      const title = await page.evaluate(() => window.initlab.lesson().title);
      assert.ok(frame.title.includes(title), `${frame.title} names the lesson`);
      await screenshot(page, "embed-share-1280x800", { fullPage: false });
    },
    { width: 1280, height: 800 },
    CLIPBOARD,
  );
});

test("without a clipboard, Share shows the text selected in a read-only field and says so", async () => {
  await withPage(
    "?act=relu",
    async ({ page }) => {
      // As in a page served over plain http, or a browser that refuses: no clipboard API.
      await page.evaluate(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
      await page.locator("#share-toggle").click();
      await page.locator("#share-link").click();
      const field = page.locator("#share-text");
      await field.waitFor();
      const state = await field.evaluate((el) => ({
        value: el.value,
        readOnly: el.readOnly,
        selected: el.selectionStart === 0 && el.selectionEnd === el.value.length,
        focused: document.activeElement === el,
      }));
      assert.equal(state.value, `${env.server.url}/?act=relu`);
      assert.deepEqual([state.readOnly, state.selected, state.focused], [true, true, true]);
      assert.match(await page.locator("#share-done").textContent(), /Ctrl\+C/);
      const l = await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
      assert.ok(l, "the menu fits a phone");
      await screenshot(page, "embed-share-fallback-390x844", { fullPage: false });
      await page.keyboard.press("Escape");
      assert.equal(await page.locator("#share-menu").isVisible(), false, "Escape closes the menu");
    },
    { width: 390, height: 844 },
  );
});

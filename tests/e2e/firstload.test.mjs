// The page's first load (issue #10): the browser fetches exactly the files that `make size`
// counts (scripts/first-load.mjs: index.html, then the static imports), and each feature's
// own code is fetched only when that feature is first used: Share, the restarts' panel and
// worker, the lessons' explanations, the compact page's styles, the parent-page protocol,
// the A/B panel, the network diagram's tooltip, the compact page's code and the lesson
// panel with its words. A link that asks for a B or a lesson shows it at once. The lessons'
// menus and titles are in the first load, so that `initlab.openLesson()` and
// `initlab.lesson()` always answer synchronously (the lesson's words follow with its panel).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { firstLoadFiles, staticImports } from "../../scripts/first-load.mjs";
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
  "www/compare.js",
  "www/diagram.js",
  "www/embed-mode.js",
  "www/lessons.js",
  "www/lesson-words.js",
  "www/lessons-verdicts.js",
  "www/lesson-question.js",
  "www/lessons-questions.js",
  "www/lesson-tasks.js",
  "www/lessons-tasks.js",
  "www/lesson-stage.js",
  "www/predict.css",
];

/**
 * Opens the page at `query` and records the site's files it requests (paths, no query):
 * `atReady` as they stand when `initlab.ready` has settled, `now()` at any later time.
 */
async function openRecording(query) {
  const requested = [];
  /**
   * Every request the page makes, duplicates included (a preload the page does not use is
   * fetched twice). The service worker's precache, which starts after the first frame and
   * fetches the wasm once more, is not the page's: counting it made this check flaky.
   */
  const all = [];
  const record = (request) => {
    if (request.serviceWorker()) return;
    const url = new URL(request.url());
    if (url.origin === env.server.url) requested.push(url.pathname.slice(1) || "index.html");
    all.push(url.pathname);
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
  return { ...opened, atReady: new Set(requested), now: () => new Set(requested), all };
}

const icon = (file) => file.startsWith("www/icons/");

test("index.html preloads the wasm and every module of main.js's static imports, no other", () => {
  const html = readFileSync(join(ROOT, "index.html"), "utf8");
  const links = (rel) => [...html.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"[^>]*>`, "g"))];
  const preloaded = links("modulepreload").map((match) => match[1]).sort();
  // main.js's static import closure (what the browser would otherwise find one level at a time).
  const chain = new Set();
  const queue = ["www/main.js"];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const specifier of staticImports(readFileSync(join(ROOT, file), "utf8"))) {
      const path = new URL(specifier, `http://x/${file}`).pathname.slice(1);
      if (!chain.has(path)) queue.push(path);
      chain.add(path);
    }
  }
  const expected = [...chain, "pkg/initlab.js"].sort();
  const missing = expected.filter((file) => !preloaded.includes(file));
  assert.deepEqual(missing, [], `add to index.html: ${missing.map((f) => `<link rel="modulepreload" href="${f}">`).join(" ")}`);
  assert.deepEqual(preloaded, expected);
  const wasm = links("preload").map((match) => match[0]);
  assert.equal(wasm.length, 1);
  // The glue fetches the wasm in cors mode: a preload without crossorigin would be fetched twice.
  assert.match(wasm[0], /href="pkg\/initlab_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
});

test("the default page fetches exactly what `make size` counts as its first load", async () => {
  const opened = await openRecording("");
  try {
    const expected = firstLoadFiles(ROOT);
    const before = [...opened.atReady].filter((file) => !icon(file) && !AFTER_READY.includes(file)).sort();
    assert.deepEqual(before, expected);
    for (const file of ON_DEMAND) assert.ok(!opened.now().has(file), `${file} is fetched at first load`);
    // The preloaded wasm is the response the engine's glue compiles: fetched once, not twice.
    assert.equal(opened.all.filter((path) => path === "/pkg/initlab_bg.wasm").length, 1);
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

    assert.ok(!opened.now().has("www/lessons-text.js") && !opened.now().has("www/lessons.js"));
    assert.deepEqual(await page.evaluate(() => window.initlab.openLesson("zero-tanh")), { ok: true });
    const shown = await page.evaluate(() => window.initlab.lessonShown());
    assert.equal(shown.id, "zero-tanh");
    assert.ok(shown.question.text.length > 20, "the question's words are there once lessonShown resolves");
    assert.ok((await page.locator("#lesson-question-text").textContent()).length > 20);
    await page.click("#lesson-show-me");
    assert.ok((await page.locator("#lesson-text").textContent()).length > 80);
    for (const file of ["www/lessons-text.js", "www/lessons.js", "www/lessons-verdicts.js", "www/predict.css"]) {
      assert.ok(opened.now().has(file), file);
    }
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("a lesson link fetches its panel and explanation before the first frame; ?embed=1 its styles", async () => {
  const lesson = await openRecording("?lesson=constant");
  try {
    for (const file of ["www/lessons-text.js", "www/lessons.js", "www/lessons-questions.js", "www/predict.css"]) {
      assert.ok(lesson.atReady.has(file), file);
    }
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

test("the start panel lists every lesson at the first frame, and its button opens the first with its verdict", async () => {
  const opened = await openRecording("");
  const { page } = opened;
  try {
    const lessons = await page.evaluate(() => window.initlab.lessons());
    const menu = await page.locator("#lesson-start-menu option").allTextContents();
    assert.deepEqual(menu.slice(1), lessons.map(({ title }, i) => `${i + 1}. ${title}`));
    assert.equal(await page.locator("#lesson-start-go").isEnabled(), true);

    await page.locator("#lesson-start-go").click();
    await page.locator("#lesson").waitFor();
    await page.click("#lesson-show-me"); // predict first: the verdict once answered
    const lesson = await page.evaluate(() => window.initlab.lesson());
    assert.equal(lesson.id, lessons[0].id);
    assert.match(lesson.verdict.text, /\d/, "a verdict sentence with its number");
    assert.equal(await page.locator("#lesson-verdict").textContent(), lesson.verdict.text);
    assert.equal(await page.locator("#lesson-title").textContent(), lessons[0].title);
    // lessons.css applies: the open lesson's panel has its accent edge.
    assert.equal(await page.locator("#lesson").evaluate((el) => getComputedStyle(el).borderLeftWidth), "4px");
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("on a fresh page, the first openLesson(), lesson() and answer() answer at once, never a Promise; lessonShown() brings the words", async () => {
  const opened = await openRecording("");
  const { page } = opened;
  try {
    // Inspected inside the page: page.evaluate would wait for a Promise and hide it.
    const answers = await page.evaluate(async () => {
      const before = window.initlab.lesson();
      const opening = window.initlab.openLesson("saddle");
      const open = window.initlab.lesson();
      const refusal = window.initlab.openLesson("no-such-lesson");
      const picked = window.initlab.answer(0);
      const plain = (value) => !(value instanceof Promise) && typeof value?.then !== "function";
      // The panel's words are on their way: the engine's answers now, the texts null.
      const early = plain(open) && {
        id: open.id,
        title: open.title,
        verdict: open.verdict.text,
        question: open.question.text,
        choices: open.question.choices.length,
        holds: typeof open.verdict.holds,
      };
      const words = await window.initlab.lessonShown();
      const closing = window.initlab.openLesson("");
      return {
        before,
        opening: plain(opening) && opening,
        early,
        refused: plain(refusal) && refusal.ok === false && typeof refusal.error === "string",
        picked: plain(picked) && { correct: typeof picked.correct, explanation: picked.explanation },
        words: { verdict: typeof words.verdict.text, question: typeof words.question.text, picked: words.question.picked },
        closing: plain(closing) && closing,
        after: window.initlab.lesson(),
        shownAfter: await window.initlab.lessonShown(),
      };
    });
    const title = (await page.evaluate(() => window.initlab.lessons())).find(({ id }) => id === "saddle").title;
    assert.ok(answers.early.choices >= 2, "as many choices as the engine's question has");
    assert.deepEqual(answers, {
      before: null,
      opening: { ok: true },
      early: { id: "saddle", title, verdict: null, question: null, choices: answers.early.choices, holds: "boolean" },
      refused: true,
      picked: { correct: "boolean", explanation: null },
      words: { verdict: "string", question: "string", picked: 0 },
      closing: { ok: true },
      after: null,
      shownAfter: null,
    });
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("a framed page opens a lesson by message before its panel is here: the reply carries the lesson's words", async () => {
  const context = await env.browser.newContext();
  const requested = [];
  context.on("request", (request) => requested.push(new URL(request.url()).pathname));
  try {
    const page = await context.newPage();
    // The parent page (any page of the site: Chromium refuses a local frame in about:blank)
    // frames InitLab with no lesson and waits for its `ready`.
    await page.goto(`${env.server.url}/www/lessons-titles.js`);
    await page.evaluate(
      (url) =>
        new Promise((resolve) => {
          const frame = document.createElement("iframe");
          window.__frame = frame;
          addEventListener("message", ({ data }) => {
            if (data?.source !== "initlab") return;
            if (data.type === "ready") resolve();
            if (data.type === "reply") window.__onReply(data);
          });
          frame.src = url;
          document.body.append(frame);
        }),
      `${env.server.url}/?embed=1`,
    );
    assert.ok(!requested.includes("/www/lessons.js"), "no lesson panel before a lesson opens");
    const reply = await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.__onReply = resolve;
          window.__frame.contentWindow.postMessage({ source: "initlab", type: "openLesson", id: 1, lesson: "saddle" }, "*");
        }),
    );
    assert.equal(reply.ok, true, reply.error);
    assert.equal(reply.result.id, "saddle");
    assert.ok(reply.result.question.text.length > 20, "the question's words");
    assert.equal(reply.result.question.choices.every((choice) => typeof choice === "string"), true);
    assert.equal(typeof reply.result.verdict.text, "string");
    assert.ok(requested.includes("/www/lessons.js"), "the panel was fetched for the message");
  } finally {
    await context.close();
  }
});

test("the A/B panel's code comes with the first Compare press, and B's charts appear", async () => {
  const opened = await openRecording("");
  const { page } = opened;
  try {
    assert.equal(await page.locator("#compare-start").isEnabled(), true);
    await page.locator("#compare-start").click();
    await page.locator("#chart-activation-b").waitFor();
    await page.locator("#b-settings").waitFor();
    assert.ok(opened.now().has("www/compare.js"));
    assert.notEqual(await page.evaluate(() => window.initlab.snapshot().compare), null);
    // B's own controls are built and B's chart is drawn at its size.
    assert.ok((await page.locator("#b-settings .field").count()) > 3);
    await page.waitForFunction(() => document.getElementById("chart-activation-b").width > 0);
    await page.locator("#compare-stop").click();
    await page.locator("#chart-activation-b").waitFor({ state: "hidden" });
    assert.equal(await page.locator("#compare-start").isVisible(), true);
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("initlab.compare before the A/B panel's code is here shows B once it is, and a refusal in the panel", async () => {
  const opened = await openRecording("");
  const { page } = opened;
  try {
    assert.equal((await page.evaluate(() => window.initlab.compare({ sigma: -1 }))).ok, false);
    await page.locator("#b-error").waitFor();
    assert.match(await page.locator("#b-error").textContent(), /sigma/);
    assert.deepEqual(await page.evaluate(() => window.initlab.compare({ init: "zeros" })), { ok: true });
    await page.locator("#chart-boundary-b").waitFor();
    assert.equal(await page.locator("#b-error").isHidden(), true);
    assert.equal(await page.locator("#b-init").inputValue(), "zeros");
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("the diagram's tooltip code comes with the first pointer over the network, whose move shows a tip", async () => {
  const opened = await openRecording("?layers=8,8&seed=5");
  const { page } = opened;
  try {
    // A unit's centre, found by asking a second Lab of the same settings (the page has not trained).
    const unit = await page.evaluate(async () => {
      const wasm = await import("/pkg/initlab.js");
      const lab = new wasm.Lab(location.search);
      const box = document.getElementById("chart-network").getBoundingClientRect();
      let found = null;
      for (let y = 0; y < box.height && !found; y += 2) {
        for (let x = 0; x < box.width && !found; x += 2) {
          const hit = lab.networkHit(x, y, box.width, box.height, 0);
          if (hit?.kind === "bias") found = { x, y, text: lab.networkHit(x, y, box.width, box.height, 6).text };
        }
      }
      lab.free();
      return found;
    });
    assert.ok(unit, "the diagram has a unit to point at");
    assert.ok(!opened.now().has("www/diagram.js"));
    await page.locator("#chart-network").scrollIntoViewIfNeeded();
    const box = await page.locator("#chart-network").boundingBox();
    await page.mouse.move(box.x + unit.x, box.y + unit.y);
    await page.locator("#network-tip").waitFor({ state: "visible" });
    assert.equal(await page.locator("#network-tip").textContent(), unit.text);
    assert.ok(opened.now().has("www/diagram.js"));
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("a link with vs= shows B, and one with lesson= its lesson and verdict, at the first frame", async () => {
  const compared = await openRecording("?vs=init%3Dzeros");
  try {
    assert.ok(compared.atReady.has("www/compare.js"));
    const shown = await compared.page.evaluate(() => ({
      sideB: !document.querySelector(".side-b").hidden,
      settingsB: !document.getElementById("b-settings").hidden,
      stop: !document.getElementById("compare-stop").hidden,
      start: !document.getElementById("compare-start").hidden,
      initB: document.getElementById("b-init").value,
    }));
    assert.deepEqual(shown, { sideB: true, settingsB: true, stop: true, start: false, initB: "zeros" });
    assert.deepEqual(compared.errors, []);
  } finally {
    await compared.close();
  }
  const lesson = await openRecording("?lesson=break-symmetry&predict=0");
  try {
    assert.ok(lesson.atReady.has("www/compare.js"), "the lesson's B panel before the first frame");
    // At ready, lesson() answers at once (no Promise) with the sentence the panel shows.
    const now = await lesson.page.evaluate(() => {
      const open = window.initlab.lesson();
      return {
        sync: !(open instanceof Promise),
        id: open?.id,
        verdict: open?.verdict?.text,
        shown: document.getElementById("lesson-verdict").textContent,
        panel: !document.getElementById("lesson").hidden,
        sideB: !document.querySelector(".side-b").hidden,
      };
    });
    assert.deepEqual(now, { sync: true, id: "break-symmetry", verdict: now.shown, shown: now.shown, panel: true, sideB: true });
    assert.ok(now.shown.length > 20);
    assert.deepEqual(lesson.errors, []);
  } finally {
    await lesson.close();
  }
  const embed = await openRecording("?embed=1");
  try {
    assert.ok(embed.atReady.has("www/embed-mode.js"));
    assert.equal(await embed.page.evaluate(() => document.documentElement.classList.contains("embed")), true);
    assert.equal(await embed.page.locator("#embed-open").isVisible(), true);
  } finally {
    await embed.close();
  }
});

/**
 * In the page, before it loads: records which chart canvases have any pixel painted when
 * `initlab.ready` resolves (window.__paintedAtReady, by id), and `__painted()` for later.
 */
function recordPaintedAtReady() {
  window.__painted = () =>
    Object.fromEntries(
      [...document.querySelectorAll("canvas[id^='chart-']")].map((canvas) => {
        if (canvas.width === 0 || canvas.height === 0) return [canvas.id, false];
        const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
        return [canvas.id, data.some((byte, i) => i % 4 === 3 && byte > 0)];
      }),
    );
  let api;
  Object.defineProperty(window, "initlab", {
    configurable: true,
    get: () => api,
    set(value) {
      api = value;
      value.ready.then(() => (window.__paintedAtReady = window.__painted()));
    },
  });
}

test("the first frame draws the charts on screen only; one scrolled to is drawn at once; `drawn` has them all", async () => {
  for (const [viewport, onScreen] of [
    [{ width: 390, height: 844 }, []],
    [{ width: 1280, height: 800 }, ["chart-activation"]],
  ]) {
    const context = await env.browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      await page.addInitScript(recordPaintedAtReady);
      await page.goto(`${env.server.url}/`);
      const atReady = await page.evaluate(async () => {
        await window.initlab.ready;
        // Straight to the bottom of the page, as a learner's fling would.
        const top = document.getElementById("chart-landscape").getBoundingClientRect().top + scrollY;
        window.scrollTo({ top, behavior: "instant" });
        return window.__paintedAtReady;
      });
      const charts = ["activation", "loss", "weights", "boundary", "network", "gradients", "depth", "landscape"].map((id) => `chart-${id}`);
      const painted = charts.filter((id) => atReady[id]);
      assert.deepEqual(painted, onScreen, `${viewport.width}×${viewport.height}: painted at ready`);
      // The chart now on screen is drawn within a few frames, before the others' turn in page order.
      const landscape = await page.evaluate(async () => {
        for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
        return window.__painted()["chart-landscape"];
      });
      assert.ok(landscape, `${viewport.width}×${viewport.height}: the landscape, scrolled to, is drawn`);
      await page.evaluate(() => window.initlab.drawn);
      const all = await page.evaluate(() => window.__painted());
      assert.deepEqual(charts.filter((id) => !all[id]), [], "every chart is drawn once `drawn` resolves");
    } finally {
      await context.close();
    }
  }
});

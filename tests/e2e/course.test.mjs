// End-to-end: the lessons as a course unit (issue #19, part 3). The map: `initlab.lessons()`
// gives every lesson's part, the menus group the lessons by part and show each one's state
// (kept in localStorage, and the page still works with storage throwing). A course author's
// sequence: `?course=` limits Previous / Next to it, survives in the address, the share
// link and the embed code, and names an unknown id in a notice. Text and chart on one
// screen: for every lesson at 1280×800, 390×844 and in the 640×480 embed frame, the lesson's
// title and text, its verdict and the chart it points at are all inside the viewport (below
// the sticky transport bar) at once: at the top of the desktop page, in the frame as it
// scrolls itself to the lesson, and on the phone with the lesson's title scrolled to; with
// the verdict shown at once (predict=0) and after the learner's own answer. A verdict too
// long for the screen is cut to its first lines, with the button that shows the rest on
// screen too, and that button shows it whole; "Try this" comes after the chart.
// Run alone with `node --test tests/e2e/course.test.mjs` (after `make build`).

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertBuilt, ROOT, screenshot, startServer, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

const PARTS = ["symmetry", "stuck", "scale", "practice"];

/** Every lesson with its part, from the engine's own list (the built wasm, loaded in node). */
async function engineLessons() {
  assertBuilt();
  const engine = await import(join(ROOT, "pkg", "initlab.js"));
  await engine.default({ module_or_path: readFileSync(join(ROOT, "pkg", "initlab_bg.wasm")) });
  return engine.lessonList().map(({ id, part }) => ({ id, part }));
}

const lessons = await engineLessons();
const ids = lessons.map(({ id }) => id);

test("lessons() gives {id, title, part} in the engine's order, parts contiguous and in the course's order", async () => {
  await withPage("", async ({ page }) => {
    const listed = await page.evaluate(() => window.initlab.lessons());
    assert.deepEqual(listed.map(({ id, part }) => ({ id, part })), lessons);
    for (const entry of listed) {
      assert.deepEqual(Object.keys(entry).sort(), ["id", "part", "title"]);
      assert.ok(entry.title && entry.title !== entry.id, JSON.stringify(entry));
    }
    // Each part's lessons come together, and the parts come in the course's order.
    const runs = listed.map(({ part }) => part).filter((part, i, all) => part !== all[i - 1]);
    assert.deepEqual(runs, PARTS);
    // The menus group the lessons by part: one <optgroup> per part, holding its lessons.
    for (const menu of ["lesson-menu", "lesson-start-menu"]) {
      const groups = await page.$$eval(`#${menu} optgroup`, (all) =>
        all.map((g) => ({ part: g.dataset.part, label: g.label, ids: [...g.querySelectorAll("option")].map((o) => o.value) })),
      );
      assert.deepEqual(groups.map((g) => g.part), PARTS);
      for (const group of groups) {
        assert.deepEqual(group.ids, lessons.filter((l) => l.part === group.part).map((l) => l.id));
        assert.ok(group.label.length > 0);
      }
    }
    // The part titles follow the language.
    const english = await page.$eval("#lesson-menu optgroup", (g) => g.label);
    await page.evaluate(() => window.initlab.setLanguage("ru"));
    assert.equal(await page.$eval("#lesson-menu optgroup", (g) => g.label), "Симметрия");
    assert.equal(english, "Symmetry");
  });
});

test("a lesson opened is marked in both menus and remembered; the page works with storage throwing", async () => {
  await withPage("", async ({ page }) => {
    const stateIn = (menu, id) => page.$eval(`#${menu} option[value="${id}"]`, (o) => [o.dataset.state, o.textContent]);
    assert.equal((await stateIn("lesson-start-menu", "saddle"))[0], "new");
    await page.evaluate(() => window.initlab.openLesson("saddle"));
    for (const menu of ["lesson-menu", "lesson-start-menu"]) {
      const [state, words] = await stateIn(menu, "saddle");
      assert.equal(state, "opened");
      assert.match(words, /· opened$/);
    }
    assert.equal((await stateIn("lesson-menu", "zero-tanh"))[0], "new");
    // Answering its question, then doing its task (linear units: the test stays
    // inconclusive), raise its state; a state never goes back down.
    await page.evaluate(() => window.initlab.answer(null));
    assert.match((await stateIn("lesson-menu", "saddle"))[1], /· answered$/);
    await page.evaluate(() => window.initlab.configure({ act: "linear" }));
    await page.waitForFunction(() => window.initlab.lesson().tasks.every((task) => task.done));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.equal((await stateIn("lesson-menu", "saddle"))[0], "tasks-done");
    await page.evaluate(() => window.initlab.configure({ act: "tanh" }));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.equal((await stateIn("lesson-menu", "saddle"))[0], "tasks-done");
    // Kept in localStorage: a new page load shows it.
    await page.reload();
    await page.evaluate(() => window.initlab.drawn);
    assert.equal((await stateIn("lesson-start-menu", "saddle"))[0], "tasks-done");
  });
  // Storage that throws on every call: the lessons open, the state lasts as long as the page.
  await withPage("?lesson=zero-tanh", async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("blocked", "SecurityError");
        },
      }),
    );
    await page.reload();
    await page.evaluate(() => window.initlab.drawn);
    const storage = await page.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch {
        return "throws";
      }
    });
    assert.equal(storage, "throws");
    assert.equal((await page.evaluate(() => window.initlab.lesson())).id, "zero-tanh");
    assert.equal(await page.$eval('#lesson-menu option[value="zero-tanh"]', (o) => o.dataset.state), "opened");
    assert.deepEqual(await page.evaluate(() => window.initlab.openLesson("xavier")), { ok: true });
    assert.equal(await page.$eval('#lesson-menu option[value="xavier"]', (o) => o.dataset.state), "opened");
  });
});

test("course= limits Previous / Next to its sequence and stays in the address, the share link and the embed code", async () => {
  await withPage("?lesson=unfreeze&course=zero-tanh,unfreeze,saddle,he-relu", async ({ page }) => {
    const place = () =>
      page.evaluate(() => ({
        id: window.initlab.lesson()?.id,
        prev: document.getElementById("lesson-prev").disabled,
        next: document.getElementById("lesson-next").disabled,
        at: document.getElementById("lesson-course-at").textContent,
        search: location.search,
      }));
    assert.equal((await place()).at, "Course: 2 / 4");
    await page.click("#lesson-next");
    let now = await place();
    assert.equal(now.id, "saddle");
    assert.match(now.search, /[?&]course=zero-tanh,unfreeze,saddle,he-relu(&|$)/);
    assert.match(now.search, /lesson=saddle/);
    await page.click("#lesson-next");
    now = await place();
    assert.deepEqual([now.id, now.next, now.at], ["he-relu", true, "Course: 4 / 4"]);
    for (let i = 0; i < 3; i++) await page.click("#lesson-prev");
    now = await place();
    assert.deepEqual([now.id, now.prev], ["zero-tanh", true]);
    // The share link and the embed code keep the course.
    const [link, embed] = await page.evaluate(async () => {
      const { pageUrl } = await import("./www/embed-mode.js");
      const { embedCode } = await import("./www/share.js");
      const query = new URLSearchParams(location.search);
      query.delete("course");
      return [pageUrl(query.toString(), false), embedCode(query.toString(), "t")];
    });
    assert.match(link, /course=zero-tanh,unfreeze,saddle,he-relu/);
    assert.match(embed, /embed=1&amp;course=zero-tanh,unfreeze,saddle,he-relu/);
    // The start entry's "Start with the lessons" opens the course's first lesson.
    await page.evaluate(() => window.initlab.openLesson(null));
    await page.click("#lesson-start-go");
    assert.equal((await place()).id, "zero-tanh");
  });
});

test("an unknown id in course= is named in a notice and the known ones are kept; an empty course is ignored", async () => {
  await withPage("?lesson=saddle&course=saddle,no-such-lesson,he-relu", async ({ page }) => {
    const notices = await page.$$eval("#notice-list li", (items) => items.map((li) => li.textContent));
    assert.ok(notices.some((n) => n.startsWith("course") && n.includes("no-such-lesson")), notices.join(" | "));
    assert.match(await page.evaluate(() => location.search), /course=saddle,he-relu(&|$)/);
    assert.equal(await page.$eval("#lesson-course-at", (el) => el.textContent), "Course: 1 / 2");
    await page.click("#lesson-next");
    assert.equal((await page.evaluate(() => window.initlab.lesson())).id, "he-relu");
    // The API refuses a course with an unknown id, naming it, and changes nothing.
    const refused = await page.evaluate(() => window.initlab.openLesson("xavier", ["xavier", "nope"]));
    assert.equal(refused.ok, false);
    assert.match(refused.error, /nope/);
    assert.equal((await page.evaluate(() => window.initlab.lesson())).id, "he-relu");
    assert.deepEqual(await page.evaluate(() => window.initlab.openLesson("xavier", "xavier,too-small")), { ok: true });
    assert.match(await page.evaluate(() => location.search), /course=xavier,too-small(&|$)/);
  });
  await withPage("?lesson=saddle&course=", async ({ page }) => {
    const notices = await page.$$eval("#notice-list li", (items) => items.map((li) => li.textContent));
    assert.ok(notices.some((n) => n.startsWith("course") && /no lesson/.test(n)), notices.join(" | "));
    assert.doesNotMatch(await page.evaluate(() => location.search), /course/);
    assert.equal(await page.$eval("#lesson-next", (b) => b.disabled), false);
    await page.click("#lesson-next");
    assert.equal((await page.evaluate(() => window.initlab.lesson())).id, ids[ids.indexOf("saddle") + 1]);
  });
});

/**
 * The views whose chart needs its height to show anything, so no size shortens it: one panel
 * per layer, stacked (activation, gradients), the landscape's map under its legend, and
 * through depth's panels and the spectrum's histogram under headers that wrap on a phone.
 */
const TALL = ["activation", "gradients", "landscape", "through", "spectrum"];

const SIZES = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, query: "" },
  { name: "phone", viewport: { width: 390, height: 844 }, query: "", options: { isMobile: true, hasTouch: true } },
  // With a course, so that the frame also shows Previous / Next.
  { name: "embed", viewport: { width: 640, height: 480 }, query: "&embed=1&course=" + ids.join(",") },
];

/**
 * The boxes that must share the screen, after the lesson opened (and, on the phone and in
 * the frame, its title scrolled to): the band below the sticky transport bar, the title,
 * the text (when shown), the verdict as shown (its line: a long verdict is cut to fit, see
 * `way`) and the first canvas (or table) of the panel the lesson points at. `cut`: the
 * verdict's words run on below its line; `way`: the button that shows the rest, "Whole
 * verdict" or, where it is on screen (phone, frame), "Why?".
 */
function boxesOnScreen(page) {
  return page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height };
    };
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const bar = document.querySelector(".transport");
    const sticky = getComputedStyle(bar).position === "sticky";
    const view = window.initlab.lesson().view;
    const text = document.getElementById("lesson-text");
    const verdict = document.getElementById("lesson-verdict");
    const line = verdict.closest(".verdict-line");
    const [more, why] = [document.getElementById("lesson-verdict-more"), document.getElementById("lesson-why")];
    const way = shown(more) ? more : shown(why) ? why : null;
    return {
      view,
      band: { top: sticky ? Math.max(0, bar.getBoundingClientRect().bottom) : 0, bottom: innerHeight },
      title: box(document.getElementById("lesson-title")),
      text: shown(text) ? box(text) : null,
      verdict: box(line),
      cut: verdict.getBoundingClientRect().bottom > line.getBoundingClientRect().bottom,
      way: way && { id: way.id, expanded: way.getAttribute("aria-expanded"), ...box(way) },
      // The layer table is the one view without a canvas: its table is what it shows.
      chart: box(document.querySelector(`[data-view="${view}"] :is(canvas, table)`)),
      // Each canvas of the view, drawn (width × height) and shown (its box): a stretched one
      // is squashed or pulled out of shape.
      canvases: [...document.querySelectorAll(`[data-view="${view}"] canvas`)]
        .filter((c) => c.width > 0 && c.clientWidth > 0)
        .map((c) => ({ drawn: c.height / c.width, shown: c.clientHeight / c.clientWidth })),
    };
  });
}

/** Two frames: the moved chart redraws at its new size (charts.js observes it), the stage refits. */
const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * Asserts that lesson `id`'s title, text, verdict and pointed chart share the screen at
 * `size` (after bringing the lesson up as a learner's screen shows it).
 */
async function assertOneScreen(page, size, id) {
  // The desktop shows all at the top of the page; the frame scrolls itself to the
  // lesson (lesson-stage.js); on the phone the test brings the lesson's title up.
  if (size.name === "phone") {
    await page.evaluate(() => document.getElementById("lesson-title").scrollIntoView({ block: "start" }));
  } else if (size.name === "desktop") {
    await page.evaluate(() => scrollTo(0, 0));
  }
  await frames(page);
  const b = await boxesOnScreen(page);
  const inside = (name, { top, bottom }) =>
    assert.ok(
      top >= b.band.top - 1 && bottom <= b.band.bottom + 1,
      `${id} (${size.name}): ${name} ${Math.round(top)}…${Math.round(bottom)} outside ${Math.round(b.band.top)}…${b.band.bottom}`,
    );
  inside("title", b.title);
  // The text's first lines (its top) are on screen; in the frame it folds behind "Why?".
  if (size.name === "embed") assert.equal(b.text, null, `${id}: the embed folds the text`);
  else inside("text's top", { top: b.text.top, bottom: b.text.top + 20 });
  inside("verdict", b.verdict);
  // A verdict cut to fit keeps at least two lines, and the button that shows the rest is on screen.
  if (b.cut) {
    assert.ok(b.verdict.height >= 40, `${id} (${size.name}): the cut verdict is ${b.verdict.height} px tall`);
    assert.ok(b.way && b.way.expanded === "false", `${id} (${size.name}): a cut verdict with no way to the rest`);
    inside(`${b.way.id}`, b.way);
  }
  // No canvas is fitted to the screen by squashing it: shown in its drawn proportions.
  for (const { drawn, shown } of b.canvases) {
    assert.ok(Math.abs(shown / drawn - 1) < 0.02, `${id} (${size.name}): a ${b.view} canvas drawn at ${drawn.toFixed(2)} (height/width) is shown at ${shown.toFixed(2)}`);
  }
  if (TALL.includes(b.view)) {
    // Such a chart keeps its height (and on the phone the activation view has the σ row
    // above it, phone.js): its top, most of its first layer or the legend, is on screen.
    inside(`${b.view} chart's top`, { top: b.chart.top, bottom: b.chart.top + Math.min(b.chart.height, 120) });
  } else {
    inside(`${b.view} chart`, b.chart);
  }
  assert.ok(b.chart.height >= 100, `${id} (${size.name}): the chart is ${b.chart.height} px tall`);
  // The chart sits right under the lesson (phone, frame) or beside it (desktop).
  if (size.name === "desktop") assert.ok(b.chart.top < b.verdict.bottom, `${id}: chart beside the lesson`);
  else assert.ok(b.chart.top > b.verdict.bottom, `${id}: chart under the verdict`);
  // "Try this" comes after the chart (beside it, under the lesson, on the desktop).
  const tasks = await page.evaluate(() => document.getElementById("lesson-tasks").getBoundingClientRect().top);
  if (size.name === "desktop") assert.ok(tasks > b.verdict.bottom, `${id}: Try this under the verdict`);
  else assert.ok(tasks > b.chart.top, `${id} (${size.name}): Try this after the chart`);
  return b;
}

/** The lessons screenshotted at each size (test-output/course-one-screen-*.png), to look at. */
const SHOWN = ["zero-tanh", "truncated", "unfreeze", "saddle", "xavier", "in-practice"];

for (const size of SIZES) {
  test(`text, verdict and pointed chart on one screen, every lesson, ${size.name}`, async () => {
    // predict=0, a teacher presenting: the verdict shows at once.
    await withPage(
      `?lesson=${ids[0]}&predict=0${size.query}`,
      async ({ page }) => {
        const lengths = new Map();
        for (const id of ids) {
          await page.evaluate((lesson) => window.initlab.openLesson(lesson), id);
          await frames(page);
          await assertOneScreen(page, size, id);
          lengths.set(id, await page.evaluate(() => window.initlab.lesson().verdict.text.length));
          if (SHOWN.includes(id)) await screenshot(page, `course-one-screen-${size.name}-${id}`, { fullPage: false });
        }
        // On a screen 15 % shorter, the longest verdict is cut to fit, with its first
        // lines and the button that shows the rest on screen; pressed, it shows it whole.
        const longest = [...lengths].sort((a, b) => b[1] - a[1])[0][0];
        await page.setViewportSize({ width: size.viewport.width, height: Math.round(size.viewport.height * 0.85) });
        await page.evaluate((lesson) => window.initlab.openLesson(lesson), longest);
        await frames(page);
        if (size.name === "phone") await page.evaluate(() => document.getElementById("lesson-title").scrollIntoView({ block: "start" }));
        if (size.name === "desktop") await page.evaluate(() => scrollTo(0, 0));
        await frames(page);
        const cut = await boxesOnScreen(page);
        assert.equal(cut.cut, true, `${longest} (${size.name}, shorter screen): the verdict is not cut`);
        assert.ok(cut.way && cut.way.expanded === "false", `${longest} (${size.name}): no way to the rest`);
        assert.ok(cut.verdict.top >= cut.band.top - 1 && cut.way.bottom <= cut.band.bottom + 1, JSON.stringify(cut));
        await page.click(`#${cut.way.id}`);
        await frames(page);
        const whole = await boxesOnScreen(page);
        assert.equal(whole.cut, false, `${longest} (${size.name}): ${cut.way.id} leaves the verdict cut`);
        assert.equal(await page.getAttribute(`#${cut.way.id}`, "aria-expanded"), "true");
      },
      size.viewport,
      size.options,
    );
  });

  test(`text, verdict and pointed chart on one screen after the learner's own answer, every lesson, ${size.name}`, async () => {
    await withPage(
      `?lesson=${ids[0]}${size.query}`,
      async ({ page }) => {
        const picks = { right: 0, wrong: 0 };
        for (const [i, id] of ids.entries()) {
          await page.evaluate((lesson) => window.initlab.openLesson(lesson), id);
          // Each lesson's question answered with one of its choices, in turn: right ones and
          // wrong ones (whose block also keeps the right answer) both come up.
          const { correct } = await page.evaluate((k) => {
            const { choices } = window.initlab.lesson().question;
            return window.initlab.answer(k % choices.length);
          }, i);
          picks[correct ? "right" : "wrong"] += 1;
          await frames(page);
          await assertOneScreen(page, size, id);
          if (SHOWN.includes(id)) await screenshot(page, `course-one-screen-answered-${size.name}-${id}`, { fullPage: false });
        }
        assert.ok(picks.right > 0 && picks.wrong > 0, JSON.stringify(picks));
      },
      size.viewport,
      size.options,
    );
  });
}

test("Why? unfolds the explanation in the embed frame, in the page's language", async () => {
  await withPage(
    "?lesson=zero-tanh&embed=1&lang=ru",
    async ({ page }) => {
      const why = page.locator("#lesson-why");
      // Predict first: the explanation, and its "Why?", come with the answer.
      assert.equal(await why.isVisible(), false);
      await page.evaluate(() => window.initlab.answer(null));
      assert.equal(await why.textContent(), "Почему?");
      assert.equal(await page.locator("#lesson-text").isVisible(), false);
      await why.click();
      assert.equal(await page.locator("#lesson-text").isVisible(), true);
      assert.equal(await why.getAttribute("aria-expanded"), "true");
      assert.equal(await why.textContent(), "Скрыть объяснение");
      // A language switch keeps it unfolded and words the button anew.
      await page.evaluate(() => window.initlab.setLanguage("en"));
      assert.equal(await why.textContent(), "Hide why");
      assert.equal(await page.locator("#lesson-text").isVisible(), true);
      await why.click();
      assert.equal(await page.locator("#lesson-text").isVisible(), false);
    },
    { width: 640, height: 480 },
  );
});

test("the mdBook page that embeds a sequence: the frame follows it, and openLesson (protocol 2) sets another", async () => {
  // The course notes' sequence page, built with mdBook, served from a second origin.
  const out = join(ROOT, "target", "course-sequence-book");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync("mdbook", ["build", join(ROOT, "tests", "course"), "-d", out], { stdio: "pipe" });
  const file = join(out, "sequence.html");
  const html = readFileSync(file, "utf8");
  assert.match(html, /course=zero-tanh,unfreeze,saddle,he-relu&amp;embed=1/);
  writeFileSync(file, html.replaceAll("http://127.0.0.1:8000", env.server.url));
  const book = await startServer(out);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      if (window.top !== window) return;
      window.__messages = [];
      window.addEventListener("message", (e) => window.__messages.push(e.data));
    });
    await page.goto(`${book.url}/sequence.html`);
    const ready = await page.waitForFunction(() => window.__messages.find((m) => m?.type === "ready"), null, {
      timeout: 20_000,
    });
    assert.equal((await ready.jsonValue()).protocol, 2);
    const frame = await (await page.locator("#course-sequence").elementHandle()).contentFrame();
    assert.equal(await frame.locator("#lesson-course-at").textContent(), "Course: 1 / 4");
    await frame.click("#lesson-next");
    assert.equal(await frame.evaluate(() => window.initlab.lesson().id), "unfreeze");
    // Version 1's openLesson (no course) keeps the sequence; version 2's sets another one.
    const post = (message) =>
      page.evaluate((m) => document.querySelector("iframe").contentWindow.postMessage(m, "*"), message);
    const replyTo = async (id) =>
      (await page.waitForFunction((rid) => window.__messages.find((m) => m?.type === "reply" && m.id === rid), id)).jsonValue();
    await post({ source: "initlab", type: "openLesson", id: 1, lesson: "saddle" });
    assert.equal((await replyTo(1)).ok, true);
    assert.equal(await frame.locator("#lesson-course-at").textContent(), "Course: 3 / 4");
    await post({ source: "initlab", type: "openLesson", id: 2, lesson: "xavier", course: ["xavier", "in-practice"] });
    assert.equal((await replyTo(2)).ok, true);
    assert.equal(await frame.locator("#lesson-course-at").textContent(), "Course: 1 / 2");
    assert.match(await frame.evaluate(() => location.search), /course=xavier,in-practice/);
    // An unknown id in a message's course is refused, named, and changes nothing.
    await post({ source: "initlab", type: "openLesson", id: 3, lesson: "saddle", course: "saddle,nope" });
    const refused = await replyTo(3);
    assert.deepEqual([refused.ok, refused.field], [false, "course"]);
    assert.match(refused.error, /nope/);
    assert.equal(await frame.evaluate(() => window.initlab.lesson().id), "xavier");
  } finally {
    await context.close();
    await book.close();
  }
});

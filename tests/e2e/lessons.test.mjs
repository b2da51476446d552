// End-to-end: the guided lessons (issue #8). For every lesson, `?lesson=<id>` opens its
// text, "Run it" plays exactly its steps (and its restarts), and the verdict the page
// shows is the sentence `initlab.lesson()` returns, holding, with the view it points at
// highlighted and on screen. Bad input: an unknown lesson, a failing override, a bad id
// through the API, a lesson opened while training.
// Run by `make test`, or alone with `node --test tests/e2e/lessons.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertBuilt, ROOT, screenshot, textOf, scrollSettled, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

const PHONE = { width: 390, height: 844 };

const lessonNow = (page) => page.evaluate(() => window.initlab.lesson());

/** Every lesson id, from the engine's own list (the built wasm, loaded here in node). */
async function lessonIds() {
  assertBuilt();
  const engine = await import(join(ROOT, "pkg", "initlab.js"));
  await engine.default({ module_or_path: readFileSync(join(ROOT, "pkg", "initlab_bg.wasm")) });
  return engine.lessonList().map(({ id }) => id);
}

/** Clicks Run it and waits until the lesson's steps are played and its verdict is settled. */
async function runLesson(page) {
  const lesson = await lessonNow(page);
  await page.click("#lesson-run");
  await page.waitForFunction(
    (steps) => {
      const s = window.initlab.snapshot();
      const $ = (id) => document.getElementById(id);
      // Training stops at the lesson's steps; the restarts lesson also waits for its seeds.
      return s.step === steps && $("play").getAttribute("aria-pressed") === "false" && $("restarts-stop").hidden;
    },
    lesson.steps,
    { timeout: 90_000, polling: 200 },
  );
  return lessonNow(page);
}

/** The highlighted view, and how much of it is inside the viewport (0…1 of its height). */
function focusedView(page) {
  return page.evaluate(() => {
    const marked = [...document.querySelectorAll(".lesson-focus")];
    if (marked.length !== 1) return { count: marked.length };
    const box = marked[0].getBoundingClientRect();
    const visible = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
    return { count: 1, view: marked[0].dataset.view, top: box.top, visibleShare: visible / Math.min(box.height, innerHeight) };
  });
}

const ids = await lessonIds();

test("initlab.lessons() lists the engine's lessons in order, each with a title", async () => {
  assert.ok(ids.length >= 13, ids.join(", "));
  await withPage("", async ({ page }) => {
    const listed = await page.evaluate(() => window.initlab.lessons());
    assert.deepEqual(listed.map(({ id }) => id), ids);
    for (const { id, title } of listed) assert.ok(title.length > 10 && title !== id, `${id}: ${title}`);
  });
});

for (const id of ids) {
  test(`lesson ${id}: Run it plays its steps; the verdict shown holds and is the API's sentence`, async () => {
    await withPage(`?lesson=${id}`, async ({ page }) => {
      const opened = await lessonNow(page);
      assert.equal(opened.id, id);
      assert.equal(new URL(page.url()).searchParams.get("lesson"), id);
      // The text, what to look at, the title: all present, and the panel replaces the start entry.
      assert.ok((await textOf(page, "lesson-text")).length > 80);
      assert.match(await textOf(page, "lesson-look"), /\S{3,}/);
      assert.equal(await textOf(page, "lesson-title"), opened.title);
      assert.equal(await page.locator("#lesson-menu").inputValue(), id);
      assert.equal(await page.locator("#lesson-start").isHidden(), true);
      assert.equal(await page.locator("#notices").isHidden(), true);
      // Predict first: the question, not the verdict; "Show me" brings the rest.
      assert.equal(await page.locator("#lesson-question").isVisible(), true);
      assert.equal(await page.locator("#lesson-verdict").isVisible(), false);
      await page.click("#lesson-show-me");
      assert.equal(await page.locator("#lesson-run").isVisible(), true);

      const lesson = await runLesson(page);
      assert.equal(lesson.verdict.holds, true, `${id}: ${lesson.verdict.text}`);
      assert.equal(await textOf(page, "lesson-verdict"), lesson.verdict.text);
      assert.equal(await page.locator("#lesson-verdict.holds").count(), 1);
      assert.match(lesson.verdict.text, /\d/, "the verdict carries its number");
      assert.doesNotMatch(lesson.verdict.text, /\{\w+\}/, "no unfilled placeholder");
      await ownClaims[id]?.(page, lesson);

      // The view the lesson is about is marked and scrolled into sight (once the smooth scroll settles).
      await scrollSettled(page);
      const focus = await focusedView(page);
      assert.equal(focus.count, 1);
      assert.equal(focus.view, lesson.view);
      assert.ok(focus.top >= -1 && focus.visibleShare > 0.5, JSON.stringify(focus));
      await screenshot(page, `lesson-${id}-view-desktop`, { fullPage: false });
      await panelFits(page, id, "desktop");
    });
  });
}

/** After Run it: the lesson panel, scrolled to, fits the width (a screenshot of it). */
async function panelFits(page, id, size) {
  await page.evaluate(() => document.getElementById("lesson").scrollIntoView({ block: "start" }));
  await screenshot(page, `lesson-${id}-${size}`, { fullPage: false });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `${id} at ${size}: ${overflow}px too wide`);
}

/** The digits' test images (20 % of 1,797, stratified): what a confusion matrix counts. */
const DIGITS_TEST_IMAGES = 359;

/** A side's test accuracy in % as its confusion matrix counts it (its diagonal over its total). */
function confusionAccuracy(snapshot) {
  const classes = Math.sqrt(snapshot.confusion.length);
  const total = snapshot.confusion.reduce((sum, n) => sum + n, 0);
  const right = snapshot.confusion.filter((_, i) => i % (classes + 1) === 0).reduce((sum, n) => sum + n, 0);
  assert.equal(total, DIGITS_TEST_IMAGES);
  return (100 * right) / total;
}

/** The verdict's text shows `pct` as the page writes a percentage (one decimal). */
const showsPercent = (text, pct) => text.includes(pct.toFixed(1)) || text.includes(pct.toFixed(0));

/**
 * After Run it at 1280×800, what the page's own run shows beside the verdict, checked against
 * the claims src/lessons/digits.rs makes natively (tests/lesson_digits.rs): the snapshots of
 * A and B, not the verdict's words, so a verdict that said "holds" of other numbers fails.
 */
const ownClaims = {
  "digits-scale": async (page, lesson) => {
    const s = await page.evaluate(() => window.initlab.snapshot());
    assert.equal(s.step, 2000);
    assert.equal(s.compare.step, 2000);
    // A (σ = 0.01) at chance: loss ≥ 2.2 (ln 10 = 2.303 is a uniform guess), ≤ 20 % right.
    assert.ok(s.loss >= 2.2, `A's loss ${s.loss}`);
    assert.ok(s.test_accuracy <= 0.2, `A's test accuracy ${s.test_accuracy}`);
    // B (Glorot) ≥ 90 % on the 359 test images; its confusion matrix counts the same.
    assert.ok(s.compare.test_accuracy >= 0.9, `B's test accuracy ${s.compare.test_accuracy}`);
    assert.ok(Math.abs(confusionAccuracy(s.compare) - 100 * s.compare.test_accuracy) < 1e-9);
    assert.ok(showsPercent(lesson.verdict.text, 100 * s.compare.test_accuracy), lesson.verdict.text);
    // Both sides' digits views are on screen: a confusion matrix each.
    assert.equal(await page.locator("#digits-views").isVisible(), true);
    assert.equal(await page.locator("#digits-views-b").isVisible(), true);
  },
  "digits-symmetry": async (page, lesson) => {
    const s = await page.evaluate(() => window.initlab.snapshot());
    assert.equal(s.step, 2000);
    // A (every weight 0.1): each hidden layer is one distinct unit; B (random): all 16 distinct.
    for (const layer of s.layers.slice(0, -1)) assert.equal(layer.distinct_units, 1, `A's ${layer.name}`);
    const first = s.compare.layers[0];
    assert.equal(first.distinct_units, first.size);
    assert.ok(s.compare.test_accuracy >= 0.9, `B's test accuracy ${s.compare.test_accuracy}`);
    // A reads ten classes off one number: above a guess's 20 %, far below B (31–36 % natively).
    assert.ok(s.test_accuracy > 0.2 && s.compare.test_accuracy - s.test_accuracy >= 0.5, `A ${s.test_accuracy}`);
    assert.ok(showsPercent(lesson.verdict.text, 100 * s.test_accuracy), lesson.verdict.text);
    // A's 16 receptive fields are one image: the first layer's rows are equal to 1e-6.
    const [layer] = await page.evaluate(() => window.initlab.weights());
    const rows = Array.from({ length: layer.n_out }, (_, j) => layer.w.slice(j * layer.n_in, (j + 1) * layer.n_in));
    const gap = Math.max(...rows.flatMap((row) => row.map((w, i) => Math.abs(w - rows[0][i]))));
    assert.ok(gap <= 1e-6, `A's fields differ by ${gap}`);
  },
};

test("an unknown lesson is a notice naming `lesson`, and the explorer opens", async () => {
  await withPage("?lesson=no-such-lesson&act=relu", async ({ page }) => {
    const notices = await page.locator("#notice-list li").allTextContents();
    assert.equal(notices.length, 1, notices.join(" | "));
    assert.match(notices[0], /^lesson: .*no-such-lesson/);
    assert.equal(await lessonNow(page), null);
    assert.equal(await page.locator("#lesson").isHidden(), true);
    assert.equal(await page.locator("#lesson-start").isVisible(), true);
    // The rest of the link still applies.
    assert.equal((await page.evaluate(() => window.initlab.config())).act, "relu");
  });
});

test("an override that fails validation is a notice; the lesson and its other settings stay", async () => {
  await withPage("?lesson=he-relu&sigma=-1&lr=0.2", async ({ page }) => {
    const notices = await page.locator("#notice-list li").allTextContents();
    assert.equal(notices.length, 1, notices.join(" | "));
    assert.match(notices[0], /^sigma: /);
    const lesson = await lessonNow(page);
    assert.equal(lesson.id, "he-relu");
    const config = await page.evaluate(() => window.initlab.config());
    assert.equal(config.lr, 0.2);
    assert.equal(config.act, "relu");
    assert.match(page.url(), /[?&]lesson=he-relu(&|$)/);
  });
});

test("openLesson refuses an unknown id with a message and keeps the open lesson", async () => {
  await withPage("?lesson=constant", async ({ page }) => {
    const before = await page.evaluate(() => window.initlab.config());
    const outcome = await page.evaluate(() => window.initlab.openLesson("no-such-lesson"));
    assert.equal(outcome.ok, false);
    assert.equal(outcome.field, "lesson");
    assert.match(outcome.error, /no-such-lesson/);
    assert.match(await textOf(page, "config-error"), /no-such-lesson/);
    assert.deepEqual(await page.evaluate(() => window.initlab.config()), before);
    assert.equal((await lessonNow(page)).id, "constant");
  });
});

test("a lesson opened while training pauses, says so, and sets up its own experiment", async () => {
  await withPage("?act=relu&layers=16", async ({ page }) => {
    await page.evaluate(() => window.initlab.play());
    await page.waitForFunction(() => window.initlab.snapshot().step > 20);
    assert.deepEqual(await page.evaluate(() => window.initlab.openLesson("zero-tanh")), { ok: true });
    // The panel and its words are fetched on the first open: read its notes once shown.
    await page.evaluate(() => window.initlab.lessonShown());
    const step = (await page.evaluate(() => window.initlab.snapshot())).step;
    assert.equal(step, 0, "the lesson starts its own run at step 0");
    await page.waitForTimeout(300);
    assert.equal((await page.evaluate(() => window.initlab.snapshot())).step, 0, "and stays paused");
    assert.equal(await page.locator("#lesson-paused").isVisible(), true);
    assert.match(await textOf(page, "lesson-paused"), /paused/i);
    assert.equal(await textOf(page, "play"), "Play");
    // Run it (there once the question is answered) starts the lesson and clears the note.
    await page.evaluate(() => window.initlab.answer(null));
    await page.click("#lesson-run");
    assert.equal(await page.locator("#lesson-paused").isHidden(), true);
  });
});

test("Previous / Next walk the lessons in order; the first has no Previous, the last no Next", async () => {
  await withPage(`?lesson=${ids[0]}`, async ({ page }) => {
    assert.equal(await page.locator("#lesson-prev").isDisabled(), true);
    await page.click("#lesson-next");
    assert.equal((await lessonNow(page)).id, ids[1]);
    assert.match(page.url(), new RegExp(`[?&]lesson=${ids[1]}(&|$)`));
    await page.click("#lesson-prev");
    assert.equal((await lessonNow(page)).id, ids[0]);
    await page.locator("#lesson-menu").selectOption(ids.at(-1));
    assert.equal((await lessonNow(page)).id, ids.at(-1));
    assert.equal(await page.locator("#lesson-next").isDisabled(), true);
  });
});

test("the start entry opens the first lesson; closing a lesson keeps its settings", async () => {
  await withPage("", async ({ page }) => {
    await page.click("#lesson-start-go");
    assert.equal((await lessonNow(page)).id, ids[0]);
    const settings = await page.evaluate(() => window.initlab.config());
    await page.click("#lesson-close");
    assert.equal(await lessonNow(page), null);
    const after = await page.evaluate(() => window.initlab.config());
    assert.deepEqual({ ...after, lesson: undefined }, { ...settings, lesson: undefined });
    assert.equal(after.lesson, "");
    assert.equal(await page.locator("#lesson-start").isVisible(), true);
  });
});

test("a changed setting flips the verdict live: zero-tanh with random weights no longer holds", async () => {
  await withPage("?lesson=zero-tanh&predict=0", async ({ page }) => {
    assert.equal((await lessonNow(page)).verdict.holds, true);
    assert.deepEqual(await page.evaluate(() => window.initlab.configure({ init: "normal" })), { ok: true });
    await page.evaluate(() => window.initlab.step(50));
    const lesson = await lessonNow(page);
    assert.equal(lesson.id, "zero-tanh");
    assert.equal(lesson.verdict.holds, false, lesson.verdict.text);
    assert.equal(await textOf(page, "lesson-verdict"), lesson.verdict.text);
    assert.equal(await page.locator("#lesson-verdict.fails").count(), 1);
  });
});

test("no-hidden flips live when A gains a hidden layer; another lesson at layers=0 says it needs one", async () => {
  await withPage("?lesson=no-hidden&predict=0", async ({ page }) => {
    await page.evaluate((steps) => window.initlab.step(steps), (await lessonNow(page)).steps);
    assert.equal((await lessonNow(page)).verdict.holds, true);
    assert.deepEqual(await page.evaluate(() => window.initlab.configure({ layers: "4" })), { ok: true });
    await page.evaluate(() => window.initlab.step(300));
    const lesson = await lessonNow(page);
    assert.equal(lesson.verdict.holds, false, lesson.verdict.text);
    assert.match(lesson.verdict.text, /^A has a hidden layer now/);
    assert.equal(await textOf(page, "lesson-verdict"), lesson.verdict.text);
    assert.equal(await page.locator("#lesson-verdict.fails").count(), 1);
  });
  await withPage("?lesson=zero-sigmoid&layers=0&predict=0", async ({ page }) => {
    await page.evaluate(() => window.initlab.step(20));
    const lesson = await lessonNow(page);
    assert.equal(lesson.id, "zero-sigmoid");
    assert.equal(lesson.verdict.holds, false);
    assert.match(lesson.verdict.text, /about hidden units, and layers=0 has none/);
    assert.equal(await textOf(page, "lesson-verdict"), lesson.verdict.text);
  });
});

// At 1280×800 each lesson's own test above checks its panel after Run it. Here the panel is
// brought to the same state faster: the lesson's steps in a few calls (the same run, bit for
// bit: tests/determinism.rs), Run it only where the verdict also waits for the restarts.
test("the lesson panel with its verdict, at 390×844: fits the width (screenshots)", async () => {
  for (const id of ids) {
    await withPage(`?lesson=${id}&predict=0`, async ({ page }) => {
      const lesson = await lessonNow(page);
      if (lesson.view === "restarts") await runLesson(page);
      else {
        // In calls of 200 steps: one call may train only so much (digits-scale's 2,000 steps
        // of 6 × 64 on the digits are more than one call's work).
        await page.evaluate((steps) => {
          for (let done = 0; done < steps; done += 200) window.initlab.step(Math.min(200, steps - done));
        }, lesson.steps);
      }
      const shown = await lessonNow(page);
      assert.equal(shown.verdict.holds, true, `${id}: ${shown.verdict.text}`);
      assert.equal(await textOf(page, "lesson-verdict"), shown.verdict.text);
      await panelFits(page, id, "phone");
    }, PHONE);
  }
});

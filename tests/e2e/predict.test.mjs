// End-to-end: predict first and "Try this" (issue #19, part 3). A lesson opens with its
// question; until the learner picks an answer or presses "Show me", nothing gives the
// verdict away: not the panel, not the screen readers' live summary, not the parent's
// postMessage events. answer() says right or wrong and why, and refuses bad input without
// changing anything; ?predict=0 opens with the verdict shown and a bad predict= is a
// notice; a task's `done` flips when the learner changes the setting it asks for.
// Run alone with `node --test tests/e2e/predict.test.mjs` (after `make build`).

import { test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, textOf, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

const PHONE = { width: 390, height: 844 };

const lessonNow = (page) => page.evaluate(() => window.initlab.lesson());

/** What the page shows of the verdict: the panel's sentence and the live summary's words. */
async function verdictShown(page) {
  return page.evaluate(() => ({
    panel: document.getElementById("lesson-verdict").textContent,
    visible: document.getElementById("lesson-verdict").checkVisibility(),
    runVisible: document.getElementById("lesson-run").checkVisibility(),
    textVisible: document.getElementById("lesson-text").checkVisibility(),
    summary: document.getElementById("live-summary").textContent,
  }));
}

/** Waits for the live summary to speak (it speaks at most once a second). */
const summarySettled = (page) => page.waitForTimeout(1200);

test("until a pick, nothing shows the verdict; a wrong pick says so and why, and shows it", async () => {
  await withPage("?lesson=too-small", async ({ page }) => {
    const opened = await lessonNow(page);
    assert.equal(opened.question.picked, null);
    assert.equal(opened.question.answered, false);
    assert.equal(opened.question.choices.length, 3);
    assert.ok(opened.question.text.length > 20);
    // The verdict is computed all the same, and not shown anywhere.
    assert.equal(typeof opened.verdict.holds, "boolean");
    assert.ok(opened.verdict.text.length > 10);
    await summarySettled(page);
    let shown = await verdictShown(page);
    assert.equal(shown.panel, "");
    assert.equal(shown.visible, false);
    assert.equal(shown.runVisible, false, "Run it waits for the answer");
    assert.equal(shown.textVisible, false, "the explanation waits too");
    assert.ok(shown.summary.length > 0, "the summary speaks");
    assert.ok(!shown.summary.includes(opened.verdict.text), shown.summary);
    await screenshot(page, "predict-too-small-question-1280x800", { fullPage: false });

    // Which answer is right is the engine's: try each until one is; a wrong one says "Not quite".
    const choices = await page.locator(".lesson-choice").count();
    assert.equal(choices, 3);
    await page.locator(".lesson-choice").nth(0).click();
    const after = await lessonNow(page);
    assert.equal(after.question.picked, 0);
    assert.equal(after.question.answered, true);
    const sentence = await textOf(page, "lesson-answer");
    assert.match(sentence, /^Not quite: /, "the first answer is the misconception");
    await summarySettled(page);
    shown = await verdictShown(page);
    assert.equal(shown.panel, after.verdict.text);
    assert.equal(shown.visible && shown.runVisible && shown.textVisible, true);
    assert.ok(shown.summary.includes(after.verdict.text), shown.summary);
    assert.equal(await page.locator(".lesson-choice:disabled").count(), 3, "the answer stands");
    assert.equal(await page.locator(".lesson-choice.right").count(), 1, "the right answer is marked");
    assert.equal(await page.locator(".lesson-choice:visible").count(), 1, "the question folds to the right answer");
    assert.equal(await page.locator("#lesson-question-text").isVisible(), false, "and its sentence");
    await screenshot(page, "predict-too-small-answered-1280x800", { fullPage: false });
  });
});

test("answer(): right, wrong and Show me; bad input throws a clear error and changes nothing", async () => {
  await withPage("", async ({ page }) => {
    const noLesson = await page.evaluate(() => {
      try {
        window.initlab.answer(0);
        return null;
      } catch (error) {
        return error.message;
      }
    });
    assert.match(noLesson, /open one first/);
    await page.evaluate(() => window.initlab.openLesson("zero-tanh"));
    for (const bad of [3, -1, 1.5, "1", undefined]) {
      const error = await page.evaluate((value) => {
        try {
          window.initlab.answer(value === "undefined" ? undefined : value);
          return null;
        } catch (e) {
          return e.message;
        }
      }, bad === undefined ? "undefined" : bad);
      assert.match(error ?? "", /answer takes 0 to 2/, `answer(${bad})`);
      assert.equal((await lessonNow(page)).question.answered, false, `answer(${bad}) changed nothing`);
    }
    // Each answer in turn, the lesson reopened between: exactly one is right.
    const outcomes = [];
    for (const index of [0, 1, 2]) {
      // The answer's sentence is the panel's words: wait for them (fetched on the first open).
      await page.evaluate(() => window.initlab.openLesson("zero-tanh") && window.initlab.lessonShown());
      assert.equal((await lessonNow(page)).question.answered, false, "reopening asks again");
      outcomes.push(await page.evaluate((i) => window.initlab.answer(i), index));
    }
    assert.deepEqual(outcomes.map((o) => o.correct), [false, true, false]);
    assert.match(outcomes[1].explanation, /^Right: /);
    assert.match(outcomes[0].explanation, /^Not quite: /);
    await page.evaluate(() => window.initlab.openLesson("zero-tanh"));
    const shown = await page.evaluate(() => window.initlab.answer(null));
    assert.equal(shown.correct, null);
    const lesson = await lessonNow(page);
    assert.ok(shown.explanation.startsWith(`The answer: ${lesson.question.choices[1]}`), shown.explanation);
    assert.equal(lesson.question.picked, null);
    assert.equal(lesson.question.answered, true);
    assert.equal(await textOf(page, "lesson-verdict"), lesson.verdict.text);
    // In Russian, the error too.
    await page.evaluate(() => window.initlab.setLanguage("ru"));
    const russian = await page.evaluate(() => {
      try {
        window.initlab.answer(9);
      } catch (e) {
        return e.message;
      }
    });
    assert.match(russian, /принимает от 0 до 2/);
  });
});

test("?predict=0 opens with the verdict shown and keeps it in the address; a bad predict= is a notice", async () => {
  await withPage("?lesson=he-relu&predict=0", async ({ page }) => {
    const lesson = await lessonNow(page);
    assert.equal(lesson.question.answered, true);
    assert.equal(lesson.question.picked, null);
    const shown = await verdictShown(page);
    assert.equal(shown.panel, lesson.verdict.text);
    assert.equal(shown.visible && shown.runVisible, true);
    assert.equal(await page.locator("#lesson-question").isVisible(), false);
    await page.click("#lesson-next");
    assert.equal((await lessonNow(page)).question.answered, true, "the next lesson too");
    assert.match(await page.evaluate(() => location.search), /(^\?|&)predict=0(&|$)/);
  });
  await withPage("?lesson=he-relu&predict=maybe&lr=0.2", async ({ page }) => {
    const notices = await textOf(page, "notices");
    assert.match(notices, /predict/);
    assert.match(notices, /maybe/);
    const lesson = await lessonNow(page);
    assert.equal(lesson.id, "he-relu", "the rest is kept");
    assert.equal((await page.evaluate(() => window.initlab.config())).lr, 0.2);
    assert.equal(lesson.question.answered, false, "a bad value leaves predict first on");
    assert.doesNotMatch(await page.evaluate(() => location.search), /predict/);
  });
});

test("Try this: a task's done flips when the learner changes the setting it asks for", async () => {
  await withPage("?lesson=too-small&predict=0", async ({ page }) => {
    let lesson = await lessonNow(page);
    assert.equal(lesson.tasks.length, 1);
    assert.equal(lesson.tasks[0].done, false);
    assert.match(lesson.tasks[0].text, /σ/);
    assert.equal(await page.locator("#lesson-tasks li").count(), 1);
    assert.equal(await page.locator("#lesson-tasks li.done").count(), 0);
    await page.evaluate(() => window.initlab.configure({ sigma: 0.1 }));
    lesson = await lessonNow(page);
    assert.equal(lesson.verdict.holds, false);
    assert.equal(lesson.tasks[0].done, true);
    await page.waitForFunction(() => document.querySelectorAll("#lesson-tasks li.done").length === 1);
  });
  await withPage("?lesson=zero-sigmoid&predict=0", async ({ page }) => {
    assert.equal((await lessonNow(page)).tasks[0].done, false);
    await page.evaluate(() => window.initlab.configure({ data: "xor4", batch: 4 }));
    await page.evaluate(() => window.initlab.step(10));
    assert.equal((await lessonNow(page)).tasks[0].done, true, "frozen after 10 balanced full batches");
  });
  // Before the answer the tasks stay out of sight too.
  await withPage("?lesson=too-small", async ({ page }) => {
    assert.equal(await page.locator("#lesson-tasks").isVisible(), false);
  });
});

test("screenshots at 390×844 before and after a pick", async () => {
  await withPage("?lesson=zero-tanh", async ({ page }) => {
    await screenshot(page, "predict-zero-tanh-question-390x844", { fullPage: false });
    await page.locator(".lesson-choice").nth(1).click();
    await screenshot(page, "predict-zero-tanh-answered-390x844", { fullPage: false });
    assert.match(await textOf(page, "lesson-answer"), /^Right: /);
  }, PHONE);
});

test("every lesson's question has as many answers as the engine's table says, and one is right", async () => {
  await withPage("", async ({ page }) => {
    const ids = await page.evaluate(() => window.initlab.lessons().map(({ id }) => id));
    assert.equal(ids.length, 20, ids.join(", "));
    for (const id of ids) {
      const outcome = await page.evaluate((lesson) => {
        window.initlab.openLesson(lesson);
        const count = window.initlab.lesson().question.choices.length;
        const refusal = (index) => {
          try {
            window.initlab.answer(index);
            return null;
          } catch (error) {
            return error.message;
          }
        };
        // One past the words' last answer is refused; each of the words' answers is taken.
        const past = refusal(count);
        const rights = [];
        for (let i = 0; i < count; i += 1) {
          window.initlab.openLesson(lesson);
          rights.push(window.initlab.answer(i).correct);
        }
        return { count, past, rights };
      }, id);
      assert.ok(outcome.count >= 2 && outcome.count <= 4, `${id}: ${outcome.count}`);
      assert.match(outcome.past ?? "", /answer takes 0 to/, `${id}: the engine has more answers than the words`);
      assert.equal(outcome.rights.filter(Boolean).length, 1, `${id}: exactly one right answer`);
    }
  });
});

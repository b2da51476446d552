// End-to-end: an A/B comparison with the handwritten digits on one side only (issue #20).
// `vs` may change any key, `data` included, so one side may train on the digits (ten
// classes, softmax and ce) while the other stays in the plane (two classes, a sigmoid and
// bce). Both train together, step for step, and each side draws its own views: the digits'
// side the confusion matrix, the misclassified digits and the receptive fields, the plane's
// side its decision boundary; the panel's heading names each side's view. The link fetches
// the digits before the first frame; Play runs both; Swap trades the views with the sides;
// `compare({data: "digits"})` or `configure({data: "digits"})` before they are here is
// refused and starts their download.
// Run alone with `node --test tests/e2e/digits-compare.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { canvasHash, screenshot, textOf, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

const PHONE = { width: 390, height: 844 };

/** What the boundary panel shows now: its heading, and which canvases are shown and laid out. */
const panel = (page) =>
  page.evaluate(() => {
    const shown = (id) => {
      const element = document.getElementById(id);
      return element.checkVisibility() && element.width > 0 && element.height > 0;
    };
    const ids = ["chart-boundary", "chart-mistakes", "chart-fields", "chart-boundary-b", "chart-mistakes-b", "chart-fields-b"];
    return {
      heading: document.getElementById("boundary-heading").textContent,
      shown: Object.fromEntries(ids.map((id) => [id, shown(id)])),
      chartError: document.getElementById("chart-error").hidden ? "" : document.getElementById("chart-error").textContent,
    };
  });

/** The canvases of each side's views: the digits' three, or the plane's boundary. */
function viewsOf(digitsOnA) {
  const digits = (suffix) => [`chart-boundary${suffix}`, `chart-mistakes${suffix}`, `chart-fields${suffix}`];
  return digitsOnA ? { digits: digits(""), plane: "chart-boundary-b" } : { digits: digits("-b"), plane: "chart-boundary" };
}

/** Checks that the digits' views are on the side `digitsOnA` says, the plane's on the other, all painted. */
async function assertViews(page, digitsOnA) {
  const seen = await panel(page);
  assert.equal(seen.chartError, "", "no chart failed");
  assert.equal(seen.heading, digitsOnA ? "A: test digits · B: decision boundary" : "A: decision boundary · B: test digits");
  const { digits, plane } = viewsOf(digitsOnA);
  for (const id of [...digits, plane]) {
    assert.equal(seen.shown[id], true, `${id} is shown: ${JSON.stringify(seen.shown)}`);
    assert.ok((await canvasHash(page, id)).painted > 100, `${id} is painted`);
  }
  // The plane's side has no digits' strip or fields.
  const planeSuffix = digitsOnA ? "-b" : "";
  assert.equal(seen.shown[`chart-mistakes${planeSuffix}`], false);
  assert.equal(seen.shown[`chart-fields${planeSuffix}`], false);
  // The data's credit (issue #20 §1) is under the panel while either side shows the digits.
  assert.equal(await page.locator("#digits-credit").isVisible(), true);
  assert.match(await textOf(page, "digits-credit"), /Alpaydin.*1998.*CC BY 4\.0/);
  // The loss chart's caption says the digits' training figures are of a fixed subset.
  assert.equal(await page.locator("#digits-measured").isVisible(), true);
  assert.match(await textOf(page, "digits-measured"), /256 of the 1,438 training images/);
}

for (const [query, digitsOnA] of [
  ["?data=digits&vs=data%3Dxor", true],
  ["?vs=data%3Ddigits", false],
]) {
  test(`digits on ${digitsOnA ? "A" : "B"} only (${query}): both sides train together, each with its own loss and views`, async () => {
    await withPage(query, async ({ page }) => {
      assert.equal(await page.evaluate(async () => (await import("/pkg/initlab.js")).digitsInstalled()), true);
      const s = await page.evaluate(() => window.initlab.step(40));
      const [digits, plane] = digitsOnA ? [s, s.compare] : [s.compare, s];
      assert.equal(s.step, 40);
      assert.equal(s.compare.step, 40, "B trains step for step with A");
      // The digits' side: ten softmax outputs, its loss near chance (ln 10) this early, a
      // 10 × 10 confusion over the 359 test images; the plane's: one sigmoid output, two classes.
      assert.equal(digits.classes, 10);
      assert.equal(digits.layers.at(-1).size, 10);
      assert.equal(digits.confusion.reduce((sum, n) => sum + n, 0), 359);
      assert.ok(Math.abs(digits.chance_loss - Math.log(10)) < 1e-12);
      assert.ok(digits.loss > 0.5 && digits.loss < 3, `digits loss ${digits.loss}`);
      assert.equal(plane.classes, 2);
      assert.equal(plane.layers.at(-1).size, 1);
      assert.ok(plane.loss > 0 && plane.loss < 1.5, `plane loss ${plane.loss}`);
      // Each side keeps its data's own loss, the link only what the learner chose.
      const config = await page.evaluate(() => window.initlab.config());
      assert.equal(config.loss, digitsOnA ? "ce" : "bce");
      assert.doesNotMatch(page.url(), /loss=/);
      assert.equal(await page.locator("#notices").isHidden(), true);
      await assertViews(page, digitsOnA);

      // Play trains both, frame after frame: the page is not frozen.
      await page.click("#play");
      await page.waitForFunction(() => window.initlab.snapshot().step >= 80, null, { timeout: 30_000 });
      await page.click("#play");
      const played = await page.evaluate(() => window.initlab.snapshot());
      assert.equal(played.compare.step, played.step);
      const digitsLater = digitsOnA ? played : played.compare;
      assert.notDeepEqual(digitsLater.confusion, digits.confusion, "the digits' side learned on");
      await screenshot(page, `digits-compare-${digitsOnA ? "a" : "b"}-1280`);

      // Swap: the sides trade places, and the views go with them.
      await page.click("#compare-swap");
      const swapped = await page.evaluate(() => window.initlab.snapshot());
      assert.equal(swapped.classes, digitsOnA ? 2 : 10);
      assert.equal(swapped.compare.classes, digitsOnA ? 10 : 2);
      await assertViews(page, !digitsOnA);

      // Stop comparing with A in the plane: no digits left, no credit.
      if (digitsOnA) {
        await page.click("#compare-stop");
        assert.equal(await page.locator("#digits-credit").isHidden(), true);
        assert.equal(await page.locator("#digits-measured").isHidden(), true);
      }
    });
  });
}

test("digits on B only at 390×844: B's views stack under A's, within the width, in Russian", async () => {
  await withPage(
    "?vs=data%3Ddigits&lang=ru",
    async ({ page }) => {
      await page.evaluate(() => window.initlab.step(40));
      const seen = await panel(page);
      assert.equal(seen.heading, "A: граница решений · B: тестовые цифры");
      const { digits } = viewsOf(false);
      for (const id of digits) assert.equal(seen.shown[id], true, id);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `${overflow}px too wide`);
      await page.locator("#chart-boundary-b").scrollIntoViewIfNeeded();
      await screenshot(page, "digits-compare-b-ru-390", { fullPage: false });
      assert.match(await textOf(page, "boundary-heading"), /тестовые цифры/);
    },
    PHONE,
  );
});

test("configure({data: 'digits'}) before the digits are here: refused naming data, the download starts, and the same call then succeeds", async () => {
  await withPage(
    "",
    async ({ page }) => {
      const before = await page.evaluate(() => window.initlab.config());
      const first = await page.evaluate(() => window.initlab.configure({ data: "digits" }));
      assert.equal(first.ok, false);
      assert.equal(first.field, "data");
      assert.match(first.error, /have not arrived yet.*choose it again once they have arrived/);
      assert.deepEqual(await page.evaluate(() => window.initlab.config()), before, "nothing changed");
      const installed = () => page.evaluate(async () => (await import("/pkg/initlab.js")).digitsInstalled());
      for (const end = Date.now() + 20_000; !(await installed()); await page.waitForTimeout(100)) {
        assert.ok(Date.now() < end, "the digits were not fetched after the refusal");
      }
      assert.deepEqual(await page.evaluate(() => window.initlab.configure({ data: "digits" })), { ok: true });
      assert.equal((await page.evaluate(() => window.initlab.step(1))).classes, 10);
    },
    undefined,
    { serviceWorkers: "block" },
  );
});

test("compare({data: 'digits'}) before the digits are here: refused naming data, the download starts, and the same call then succeeds", async () => {
  // Service workers blocked, so that the page's own fetch is the one that brings the file.
  await withPage(
    "",
    async ({ page }) => {
      const first = await page.evaluate(() => window.initlab.compare({ data: "digits" }));
      assert.equal(first.ok, false);
      assert.equal(first.field, "data");
      assert.match(first.error, /have not arrived yet.*choose it again once they have arrived/);
      // The refusal's promise holds: the page fetches them now, without another call.
      // (Polled here: waitForFunction takes an async check's promise for true.)
      const installed = () => page.evaluate(async () => (await import("/pkg/initlab.js")).digitsInstalled());
      for (const end = Date.now() + 20_000; !(await installed()); await page.waitForTimeout(100)) {
        assert.ok(Date.now() < end, "the digits were not fetched after the refusal");
      }
      assert.deepEqual(await page.evaluate(() => window.initlab.compare({ data: "digits" })), { ok: true });
      const s = await page.evaluate(() => window.initlab.step(10));
      assert.deepEqual([s.classes, s.compare.classes], [2, 10]);
      assert.match(page.url(), /[?&]vs=data%3Ddigits(&|$)/);
      await assertViews(page, false);
    },
    undefined,
    { serviceWorkers: "block" },
  );
});

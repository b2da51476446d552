// End-to-end: issue #21 in the built page. initlab.meanField answers plain numbers (Infinity
// where the theory says so) and throws a refusal naming the argument in the page's language;
// a 20 × 64 network is built and its through-depth view paints and follows the picked points;
// a deep network of wide layers is refused in words. Screenshots land in test-output/.
// Run by `make test`, or alone with `node --test tests/e2e/theory.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT, canvasHash, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;
const DEEP_20 = Array(20).fill(64).join(",");

/** The message initlab.meanField(request) throws, or null when it answers. */
function thrown(page, request) {
  return page.evaluate((r) => {
    try {
      window.initlab.meanField(r);
      return null;
    } catch (error) {
      return error.message;
    }
  }, request);
}

test("meanField answers depth + 1 numbers with Infinity where the theory has it, and refusals name the argument", async () => {
  await withPage("", async ({ page }) => {
    const answer = await page.evaluate(() => {
      const m = window.initlab.meanField({ act: "relu", sigmaW: 1.5, sigmaB: 0, depth: 5 });
      return { q: m.q.length, c: m.c.length, qStar: String(m.q_star), xi: String(m.xi_c), c0: m.c[0] };
    });
    assert.deepEqual(answer, { q: 6, c: 6, qStar: "Infinity", xi: "Infinity", c0: 0.5 });
    assert.equal(
      await thrown(page, { act: "tanh", sigmaW: 11, sigmaB: 0, depth: 5 }),
      "meanField: sigmaW must be in (0, 10], not 11",
    );
    assert.equal(await page.evaluate(() => window.initlab.setLanguage("ru")).then((r) => r.ok), true);
    assert.equal(
      await thrown(page, { act: "tanh", sigmaW: 1, sigmaB: 0, depth: 0 }),
      "meanField: depth должно быть в 1…1000, а не 0",
    );
  });
});

test("20 × 64 is built, its through-depth view paints and follows the picked points; 9 layers of 128 are refused in words", async () => {
  await withPage(`?layers=${DEEP_20}`, async ({ page }) => {
    assert.equal((await page.evaluate(() => window.initlab.config())).layers, DEEP_20);
    const panel = page.locator('section[data-view="through"]');
    await panel.scrollIntoViewIfNeeded();
    const before = await canvasHash(page, "chart-through");
    assert.ok(before.painted > 0.02 * before.width * before.height, `only ${before.painted} painted pixels`);
    await page.fill("#through-b", "5");
    await page.dispatchEvent("#through-b", "change");
    const after = await canvasHash(page, "chart-through");
    assert.notEqual(after.hash, before.hash, "another point redraws the view");
    mkdirSync(OUTPUT, { recursive: true });
    await panel.screenshot({ path: join(OUTPUT, "theory-through-20x64-1280x800.png") });
    const refused = await page.evaluate(() => window.initlab.configure({ layers: Array(9).fill(128).join(",") }));
    assert.equal(refused.ok, false);
    assert.match(refused.error, /at most 8 hidden layers when a layer has more than 64 units/);
  });
});

test("orthogonal-depth: the spectrum view paints A's and B's singular values, follows the settings, and refuses wide layers in words", async () => {
  await withPage("?lesson=orthogonal-depth", async ({ page }) => {
    const panel = page.locator('section[data-view="spectrum"]');
    await panel.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const linear = await canvasHash(page, "chart-spectrum");
    assert.ok(linear.width > 200 && linear.height > 150, `${linear.width}×${linear.height}`);
    assert.ok(linear.painted > 0.01 * linear.width * linear.height, `only ${linear.painted} painted pixels`);
    mkdirSync(OUTPUT, { recursive: true });
    await panel.screenshot({ path: join(OUTPUT, "theory-spectrum-32x64-1280x800.png") });
    await page.evaluate(() => window.initlab.configure({ act: "tanh" }));
    await page.waitForTimeout(300);
    const tanh = await canvasHash(page, "chart-spectrum");
    assert.notEqual(tanh.hash, linear.hash, "tanh spreads A's singular values: the bars move");
    const lesson = await page.evaluate(() => window.initlab.lesson());
    assert.equal(lesson.verdict.holds, true, lesson.verdict.text);
    await page.evaluate(() => window.initlab.configure({ layers: "128,128" }));
    await page.waitForTimeout(300);
    const wide = await canvasHash(page, "chart-spectrum");
    assert.notEqual(wide.hash, tanh.hash, "a refusal in words replaces the bars");
  });
});

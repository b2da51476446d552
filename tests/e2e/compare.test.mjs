// End-to-end: the A/B comparison (issue #7, part 2). `initlab.compare(partial)` trains a
// second network B = A + partial beside A; `vs` in the URL holds B; a bad vs costs only B;
// the loss chart overlays both, B's own charts paint beside A's, the layer table gets B's
// columns; a diverged B does not stop A; Swap, Copy and Stop work from the panel; a phone
// stacks B under A with no horizontal scroll.
// Run by `make test`, or alone with `node --test tests/e2e/compare.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { canvasHash, screenshot, textOf, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

const evaluate = (page, fn, arg) => page.evaluate(fn, arg);

test("compare({}) trains a copy of A: both histories are the same, bit for bit", async () => {
  await withPage("?act=relu&layers=16,16", async ({ page }) => {
    assert.deepEqual(await evaluate(page, () => window.initlab.compare({})), { ok: true });
    const s = await evaluate(page, () => window.initlab.step(300));
    assert.notEqual(s.compare, null);
    assert.equal(s.compare.step, 300);
    assert.deepEqual(s.compare.history, s.history);
    assert.equal(s.compare.loss, s.loss);
    assert.deepEqual(Object.keys(s.compare).sort(), Object.keys(s).filter((k) => k !== "compare").sort());
    assert.match(page.url(), /[?&]vs=same(&|$)/);
  });
});

test("B = A + partial shares A's data and seed and differs where asked", async () => {
  await withPage("?data=xor4&batch=4", async ({ page }) => {
    const outcome = await evaluate(page, () => window.initlab.compare({ init: "zeros" }));
    assert.deepEqual(outcome, { ok: true });
    const s = await evaluate(page, () => window.initlab.step(100));
    // Zero init with tanh: every hidden gradient of B is exactly 0; A's are not.
    assert.equal(s.compare.layers[0].grad_norm, 0);
    assert.ok(s.layers[0].grad_norm > 0);
    assert.equal(s.step, 100);
    assert.match(page.url(), /[?&]vs=init%3Dzeros(&|$)/);
    assert.equal(await page.locator("#b-init").inputValue(), "zeros");
    // The layer table shows B's columns next to A's.
    const head = await page.locator("#layers thead th").allTextContents();
    assert.ok(head.some((title) => /^B: /.test(title)), head.join(" | "));
    assert.equal(await page.locator("#layer-rows tr").first().locator("td").count(), 16);
    assert.equal(await textOf(page, "b-loss"), s.compare.loss.toFixed(4));
  });
});

test("a link with vs opens both networks and round-trips", async () => {
  const query = "?act=sigmoid&vs=init%3Dzeros%26bias%3D0.1";
  await withPage(query, async ({ page }) => {
    const config = await evaluate(page, () => window.initlab.config());
    assert.equal(config.vs, "init=zeros&bias=0.1");
    const s = await evaluate(page, () => window.initlab.snapshot());
    assert.notEqual(s.compare, null);
    assert.equal(new URL(page.url()).search, query);
    assert.equal(await page.locator("#b-bias").inputValue(), "0.1");
  });
});

test("a bad vs costs only B, with a notice naming vs and its key", async () => {
  await withPage("?data=spiral&vs=sigma%3D-1", async ({ page }) => {
    const notices = await page.locator("#notice-list li").allTextContents();
    assert.equal(notices.length, 1, notices.join(" | "));
    assert.match(notices[0], /^vs: sigma: /);
    const config = await evaluate(page, () => window.initlab.config());
    assert.equal(config.data, "spiral");
    assert.equal(config.vs, "");
    assert.equal((await evaluate(page, () => window.initlab.snapshot())).compare, null);
  });
});

test("a refused B change names its key, shows it, and changes nothing", async () => {
  await withPage("?vs=init%3Dzeros", async ({ page }) => {
    const before = await evaluate(page, () => window.initlab.config());
    const outcome = await evaluate(page, () => window.initlab.compare({ sigma: -1 }));
    assert.equal(outcome.ok, false);
    assert.equal(outcome.field, "sigma");
    assert.match(await textOf(page, "b-error"), /sigma/);
    assert.deepEqual(await evaluate(page, () => window.initlab.config()), before);
    // The B controls refuse the same way: the constant shows once B's init is constant.
    await page.selectOption("#b-init", "constant");
    const constant = { ...before, vs: "init=constant" };
    assert.deepEqual(await evaluate(page, () => window.initlab.config()), constant);
    await page.fill("#b-const", "1e9");
    await page.locator("#b-const").dispatchEvent("change");
    assert.match(await textOf(page, "b-error"), /^const: /);
    assert.equal(await page.locator("#b-const").getAttribute("aria-invalid"), "true");
    assert.deepEqual(await evaluate(page, () => window.initlab.config()), constant);
  });
});

test("the charts overlay and pair A and B, and Stop comparing removes B", async () => {
  await withPage("?act=tanh", async ({ page }) => {
    await evaluate(page, () => window.initlab.step(200));
    const alone = await canvasHash(page, "chart-loss");
    await page.click("#compare-start");
    await page.selectOption("#b-init", "zeros");
    await evaluate(page, () => window.initlab.step(200));
    const paired = await canvasHash(page, "chart-loss");
    assert.notEqual(paired.hash, alone.hash, "the loss chart shows B too");
    for (const id of ["chart-activation-b", "chart-weights-b", "chart-boundary-b", "chart-network-b"]) {
      const b = await canvasHash(page, id);
      assert.ok(b.width > 0 && b.painted > 0, `${id} painted`);
    }
    const a = await canvasHash(page, "chart-activation");
    const b = await canvasHash(page, "chart-activation-b");
    assert.notEqual(a.hash, b.hash, "zero init looks different from A's");
    await screenshot(page, "compare-desktop");
    await page.click("#compare-stop");
    assert.equal((await evaluate(page, () => window.initlab.snapshot())).compare, null);
    assert.doesNotMatch(page.url(), /vs=/);
    assert.equal(await page.locator("#chart-activation-b").isVisible(), false);
  });
});

test("Swap trades A and B; Copy A → B makes them equal", async () => {
  await withPage("?vs=init%3Dzeros", async ({ page }) => {
    await page.click("#compare-swap");
    const swapped = await evaluate(page, () => window.initlab.config());
    assert.equal(swapped.init, "zeros");
    assert.equal(swapped.vs, "init=normal");
    await page.click("#compare-copy");
    assert.equal((await evaluate(page, () => window.initlab.config())).vs, "same");
  });
});

test("a diverged B does not stop A, and the message says which side diverged", async () => {
  const query = "?act=relu&layers=16,16,16&lr=0.01&vs=lr%3D10%26sigma%3D50%26scale%3Dmanual";
  await withPage(query, async ({ page }) => {
    await evaluate(page, () => window.initlab.play());
    await page.waitForFunction(() => window.initlab.snapshot().compare.diverged, null, { timeout: 10000 });
    const first = await evaluate(page, () => window.initlab.snapshot().step);
    await page.waitForFunction((n) => window.initlab.snapshot().step > n + 20, first);
    await evaluate(page, () => window.initlab.pause());
    const s = await evaluate(page, () => window.initlab.snapshot());
    assert.equal(s.diverged, false);
    assert.match(await textOf(page, "status"), /B diverged at step \d+/);
  });
});

test("on a phone B stacks under A with no horizontal scroll", async () => {
  await withPage(
    "?vs=init%3Dzeros",
    async ({ page }) => {
      await evaluate(page, () => window.initlab.step(50));
      const overflow = await evaluate(
        page,
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0);
      const a = await page.locator("#chart-activation").boundingBox();
      const b = await page.locator("#chart-activation-b").boundingBox();
      assert.ok(b.y >= a.y + a.height - 1, "B under A");
      await page.locator(".compare").scrollIntoViewIfNeeded();
      await screenshot(page, "compare-phone");
    },
    { width: 390, height: 844 },
  );
});

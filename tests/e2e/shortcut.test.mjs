// End-to-end: the shortcut key (the XOR 2-1 net) through the page: the link checks the
// Network fieldset's checkbox, the URL round-trips, the output's fan_in counts the two
// inputs, and the checkbox changes the config. Screenshots of the lesson at 1280×800 and 390×844.
// Run by `make test`, or alone with `node --test tests/e2e/shortcut.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, textOf, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

/** The XOR 2-1 net lesson of the README. */
const LESSON =
  "?data=xor4&layers=1&shortcut=1&act=sigmoid&loss=bce&init=normal&scale=manual&sigma=1&bias=init&lr=1&batch=4";

test("?data=xor4&layers=1&shortcut=1 checks the box, round-trips and gives the output fan_in 3", async () => {
  await withPage("?data=xor4&layers=1&shortcut=1", async ({ page }) => {
    assert.equal(await page.locator("#notices").isHidden(), true, "a valid link raises no notice");
    const box = page.locator("#c-shortcut");
    assert.equal(await box.isChecked(), true, "the checkbox shows the link's shortcut");
    const state = await page.evaluate(() => ({
      config: window.initlab.config(),
      fans: window.initlab.snapshot().layers.map((l) => l.fan_in),
      search: location.search,
    }));
    assert.equal(state.config.shortcut, true);
    assert.deepEqual(state.fans, [2, 3], "the output reads 1 hidden unit + 2 inputs");
    const search = new URLSearchParams(state.search);
    assert.equal(search.get("shortcut"), "1", "the URL keeps the key");
    assert.equal(search.get("layers"), "1");
    assert.equal(search.get("data"), "xor4");

    await box.uncheck();
    const off = await page.evaluate(() => ({
      config: window.initlab.config(),
      fans: window.initlab.snapshot().layers.map((l) => l.fan_in),
      search: location.search,
    }));
    assert.equal(off.config.shortcut, false, "unchecking changes the config");
    assert.deepEqual(off.fans, [2, 1]);
    assert.equal(new URLSearchParams(off.search).get("shortcut"), null, "the default leaves the URL");

    await box.check();
    assert.equal((await page.evaluate(() => window.initlab.config())).shortcut, true);
    assert.equal(new URLSearchParams(await page.evaluate(() => location.search)).get("shortcut"), "1");
  });
});

test("the XOR 2-1 net lesson: the readouts show the trained net; screenshots at 1280×800 and 390×844", async () => {
  await withPage(LESSON, async ({ page }) => {
    // That it solves XOR from every seed is proven natively (tests/lesson_xor_2_1.rs); here,
    // the readouts show the engine's numbers for the trained net.
    const s = await page.evaluate(() => window.initlab.step(5000));
    assert.equal(await textOf(page, "loss"), s.loss.toFixed(4));
    assert.equal(await textOf(page, "accuracy"), `${(100 * s.accuracy).toFixed(1)} %`);
    // The settings panel scrolls on its own: bring the checkbox into view beside the charts.
    await page.locator("#c-shortcut").scrollIntoViewIfNeeded();
    assert.equal(await page.locator("#c-shortcut").isVisible(), true);
    await screenshot(page, "shortcut-1280x800", { fullPage: false });
  });
  await withPage(
    LESSON,
    async ({ page }) => {
      await page.locator("#settings-toggle").click();
      await page.locator("#c-shortcut").scrollIntoViewIfNeeded();
      assert.equal(await page.locator("#c-shortcut").isChecked(), true);
      const box = await page.locator('#settings-body .field[data-key="shortcut"]').boundingBox();
      assert.ok(box.height >= 44, "the checkbox's row is a 44 px touch target");
      await screenshot(page, "shortcut-390x844", { fullPage: false });
    },
    { width: 390, height: 844 },
    { deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  );
});

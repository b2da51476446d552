// End-to-end: the phase diagram (issue #21) in headless Chromium: its grid fills over a few
// frames, a click builds the network under it through the settings (URL and controls), the
// marker moves there, and a click off the map changes nothing.
// Run by `make test`, or alone with `node --test tests/e2e/phase.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

/** Waits until the phase diagram's grid is complete (phase.js clears aria-busy). */
async function phaseComplete(page) {
  const canvas = page.locator("#chart-phase");
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById("chart-phase").getAttribute("aria-busy") === "false");
  return canvas;
}

/** The canvas's pixels, as a data URL. */
const pixels = (page) => page.evaluate(() => document.getElementById("chart-phase").toDataURL());

test("a click on the phase diagram sets init=normal, scale=lecun, gain=σ_w and bsigma=σ_b", async () => {
  await withPage("?init=uniform&scale=he&bias=0.1", async ({ page }) => {
    const canvas = await phaseComplete(page);
    const before = await pixels(page);
    const box = await canvas.boundingBox();
    await page.mouse.click(box.x + 0.55 * box.width, box.y + 0.6 * box.height);
    const config = await page.evaluate(() => window.initlab.config());
    assert.equal(config.init, "normal");
    assert.equal(config.scale, "lecun");
    // The tanh axis runs from σ_w 0.1 to 4 and σ_b² from 0 to 0.3: the middle is inside both.
    assert.ok(config.gain > 0.5 && config.gain < 3.5, `gain ${config.gain}`);
    assert.ok(config.bsigma > 0.05 && config.bsigma < Math.sqrt(0.3), `bsigma ${config.bsigma}`);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("gain"), String(config.gain));
    assert.equal(url.searchParams.get("bsigma"), String(config.bsigma));
    // bsigma overrides the bias value: its field is hidden, the σ_b slider shows the value.
    assert.equal(await page.locator('#settings-body .field[data-key="bias"]').first().isHidden(), true);
    assert.equal(await page.locator("#c-bsigma-value").textContent(), String(config.bsigma));
    // The marker moved: the picture changed.
    assert.notEqual(await pixels(page), before);
  });
});

test("a click off the map changes nothing", async () => {
  await withPage("", async ({ page }) => {
    const canvas = await phaseComplete(page);
    const box = await canvas.boundingBox();
    const query = await page.evaluate(() => location.search);
    await page.mouse.click(box.x + 2, box.y + 2);
    assert.equal(await page.evaluate(() => location.search), query);
  });
});

test("the diagram follows the activation: a new grid when it changes", async () => {
  await withPage("?act=relu&scale=he", async ({ page }) => {
    await phaseComplete(page);
    const relu = await pixels(page);
    await page.evaluate(() => window.initlab.configure({ act: "tanh" }));
    await phaseComplete(page);
    assert.notEqual(await pixels(page), relu);
  });
});

// End-to-end: orthogonal and LSUV init through the page (issue #21, part 3). The menu offers
// both and the two presets; the scale rule's fields are hidden for both and the gain only for
// LSUV; the layer table says how many rescalings LSUV took per layer, or that it stopped.
// Screenshots at 1280×800 and 390×844. Run alone with `node --test tests/e2e/orthogonal.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

/** Whether the settings field of `key` is shown. */
const shown = (page, key) => page.locator(`#settings-body .field[data-key="${key}"]`).isVisible();

/** The σ cells of the layer table (column 2). */
const sigmaCells = (page) =>
  page.evaluate(() => [...document.getElementById("layer-rows").rows].map((row) => row.cells[2].textContent));

test("init=orthogonal: in the menu with its preset, the rule hidden, the gain kept; σ per layer shown", async () => {
  await withPage("?init=orthogonal&gain=1.2&layers=16,16,8", async ({ page }) => {
    assert.equal(await page.locator("#notices").isHidden(), true, "a valid link raises no notice");
    assert.equal(await page.locator("#c-init").inputValue(), "orthogonal");
    const presets = await page.locator("#c-preset option").allTextContents();
    assert.ok(presets.includes("torch-orthogonal") && presets.includes("lsuv"), presets.join(", "));
    assert.equal(await shown(page, "scale"), false, "no scale rule applies to an orthogonal matrix");
    assert.equal(await shown(page, "sigma"), false);
    assert.equal(await shown(page, "gain"), true, "the gain multiplies the matrix");
    const gainLabel = () => page.locator('.field[data-key="gain"] label span').first().textContent();
    assert.equal(await gainLabel(), "Gain (× orthogonal Q)", "the gain scales the matrix, not a rule's σ");
    // Entries of a 2→16 semi-orthogonal layer have mean square gain²/16: σ = 1.2/4 = 0.3.
    const sigmas = await page.evaluate(() => window.initlab.snapshot().layers.map((l) => l.sigma_used));
    assert.ok(Math.abs(sigmas[0] - 0.3) < 1e-12, String(sigmas));
    assert.match(await page.locator("#sigma-used").textContent(), /^0\.3 · 0\.3 · 0\.3 · 0\.424$/);
    await screenshot(page, "orthogonal-1280x800", { fullPage: false });
    assert.equal((await page.evaluate(() => window.initlab.configure({ init: "normal" }))).ok, true);
    assert.equal(await gainLabel(), "Gain (× the rule's σ)");
  });
});

test("init=lsuv: the layer table gives each layer's rescalings, or says where LSUV stopped", async () => {
  await withPage("?init=lsuv&layers=16,16,8&bias=0.1", async ({ page }) => {
    assert.equal(await shown(page, "gain"), false, "LSUV sets the scale from the data");
    const cells = await sigmaCells(page);
    assert.equal(cells.length, 4);
    for (const cell of cells) assert.match(cell, /^\d\.\d+ \(LSUV: 1 rescaling\)$/);
    // LSUV's note wraps under σ: the table is no wider than with a plain σ in that column.
    const tableWidth = () => page.evaluate(() => document.getElementById("layers").scrollWidth);
    const withNote = await tableWidth();
    assert.equal((await page.evaluate(() => window.initlab.configure({ init: "normal" }))).ok, true);
    const plain = await tableWidth();
    assert.ok(withNote <= plain + 24, `with LSUV's note the table is ${withNote} px wide, ${plain} px without`);
    assert.equal((await page.evaluate(() => window.initlab.configure({ init: "lsuv" }))).ok, true);
    const layers = await page.evaluate(() => window.initlab.snapshot().layers);
    for (const layer of layers) assert.ok(Math.abs(layer.lsuv.variance - 1) < 0.1, JSON.stringify(layer.lsuv));
  }, { width: 390, height: 844 });
  // A bias of −100 kills the first layer's ReLUs: the layers above cannot be rescaled to 1.
  await withPage("?init=lsuv&layers=8,8&act=relu&bias=-100", async ({ page }) => {
    const cells = await sigmaCells(page);
    assert.match(cells[0], /LSUV: 1 rescaling/);
    assert.match(cells[1], /LSUV stopped after 0 rescalings: Var\(z\) = 0/);
    await page.locator("#layers").scrollIntoViewIfNeeded();
    await screenshot(page, "lsuv-stopped-390x844", { fullPage: false });
  }, { width: 390, height: 844 });
});

test("?lang=ru words LSUV's cell in Russian", async () => {
  await withPage("?init=lsuv&layers=8&lang=ru", async ({ page }) => {
    const cells = await sigmaCells(page);
    assert.match(cells[0], /LSUV: масштаб изменён 1 раз\)$/);
  });
});

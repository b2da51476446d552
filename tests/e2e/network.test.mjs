// End-to-end: the network diagram (src/web/charts/network.rs) in headless Chromium: it
// paints, follows training, tells zero init from a random one, and its tooltip shows the
// value the engine reports, with a mouse on a desktop and with a finger on a phone.
// Run by `make test`, or alone with `node --test tests/e2e/network.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { canvasHash, screenshot, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;
const PHONE = { viewport: { width: 390, height: 844 }, options: { deviceScaleFactor: 3, isMobile: true, hasTouch: true } };

/**
 * Centres of the network canvas's units, found by asking a second Lab of the page's settings
 * (same seed, so the same weights until the page trains) what lies under a grid of points.
 * Returns {width, height, centres: {"bias:<layer>:<unit>" | "input:<unit>": {x, y}}}.
 */
function unitCentres(page) {
  return page.evaluate(async () => {
    const wasm = await import("/pkg/initlab.js"); // the page's module, already initialised
    const lab = new wasm.Lab(location.search);
    const box = document.getElementById("chart-network").getBoundingClientRect();
    const sums = new Map();
    for (let y = 0; y < box.height; y += 2) {
      for (let x = 0; x < box.width; x += 2) {
        const hit = lab.networkHit(x, y, box.width, box.height, 0);
        if (!hit || hit.kind === "weight") continue;
        const key = hit.kind === "input" ? `input:${hit.to}` : `bias:${hit.layer}:${hit.to}`;
        const sum = sums.get(key) ?? { x: 0, y: 0, n: 0 };
        sums.set(key, { x: sum.x + x, y: sum.y + y, n: sum.n + 1 });
      }
    }
    const centres = {};
    for (const [key, { x, y, n }] of sums) centres[key] = { x: x / n, y: y / n };
    lab.free();
    return { width: box.width, height: box.height, centres };
  });
}

/** What a fresh Lab of the page's settings says is at (x, y) of the network canvas. */
function engineHit(page, x, y, tolerance) {
  return page.evaluate(
    async ([px, py, tol]) => {
      const wasm = await import("/pkg/initlab.js");
      const lab = new wasm.Lab(location.search);
      const box = document.getElementById("chart-network").getBoundingClientRect();
      const hit = lab.networkHit(px, py, box.width, box.height, tol);
      lab.free();
      return hit;
    },
    [x, y, tolerance],
  );
}

/** The midpoint of the edge from hidden-2 unit 4 to the output (no other edge crosses it). */
async function outputEdgeMidpoint(page) {
  const { centres } = await unitCentres(page);
  const output = centres["bias:2:0"];
  const unit = centres["bias:1:3"];
  assert.ok(output && unit, `found the output and hidden 2 unit 4: ${Object.keys(centres)}`);
  return { x: (output.x + unit.x) / 2, y: (output.y + unit.y) / 2 };
}

/** The number after "w = " or "b = " in a tooltip, with its true minus sign read as "-". */
function shownValue(text) {
  const match = /[wb] = (\S+)$/.exec(text);
  assert.ok(match, `the tooltip ends with a value: ${text}`);
  return Number(match[1].replace("−", "-"));
}

test("the diagram paints, changes with training, and zero init differs from normal init", async () => {
  let zeros;
  await withPage("?init=zeros&seed=3", async ({ page }) => {
    zeros = await canvasHash(page, "chart-network");
  });
  await withPage("?init=normal&seed=3", async ({ page }) => {
    const before = await canvasHash(page, "chart-network");
    assert.ok(before.width > 0 && before.height > 0, "the canvas is sized");
    assert.ok(before.painted > 500, `the diagram paints: ${before.painted} dark pixels`);
    assert.equal(before.width, zeros.width);
    assert.notEqual(before.hash, zeros.hash, "zero and normal init look different");
    await page.evaluate(() => window.initlab.step(300));
    const after = await canvasHash(page, "chart-network");
    assert.notEqual(after.hash, before.hash, "300 steps change the diagram");
    assert.equal(await page.getAttribute("#chart-network", "role"), "img");
    assert.ok((await page.getAttribute("#chart-network", "aria-label")).length > 20);
  });
});

test("while playing, the slower views are still redrawn (every third frame)", async () => {
  await withPage("?layers=8,8&lr=0.3", async ({ page }) => {
    const ids = ["chart-network", "chart-gradients", "chart-depth"];
    const before = await Promise.all(ids.map((id) => canvasHash(page, id)));
    await page.evaluate(() => window.initlab.play());
    await page.waitForFunction(() => window.initlab.snapshot().step >= 300);
    // Read while still playing: only the animation frames have drawn since the start.
    const during = await Promise.all(ids.map((id) => canvasHash(page, id)));
    await page.evaluate(() => window.initlab.pause());
    ids.forEach((id, i) => assert.notEqual(during[i].hash, before[i].hash, `${id} redrawn while playing`));
  });
});

test("hovering an edge's midpoint shows its weight as the engine reports it", async () => {
  await withPage("?layers=8,8&seed=5", async ({ page }) => {
    const mid = await outputEdgeMidpoint(page);
    const hit = await engineHit(page, mid.x, mid.y, 6);
    assert.equal(hit.kind, "weight");
    assert.deepEqual([hit.layer, hit.from, hit.to], [2, 3, 0], "hidden 2 unit 4 → output");
    assert.match(hit.text, /^hidden 2 unit 4 → output: w = /);
    await page.locator("#chart-network").scrollIntoViewIfNeeded();
    const box = await page.locator("#chart-network").boundingBox();
    await page.mouse.move(box.x + mid.x, box.y + mid.y);
    const tip = page.locator("#network-tip");
    await tip.waitFor({ state: "visible" });
    const text = await tip.textContent();
    assert.equal(text, hit.text);
    assert.ok(Math.abs(shownValue(text) - hit.value) <= 5e-4, `${text} shows ${hit.value}`);
    // The tip stays inside the canvas's box.
    const tipBox = await tip.boundingBox();
    assert.ok(tipBox.x >= box.x && tipBox.x + tipBox.width <= box.x + box.width + 1);
    // A unit's centre shows its bias; leaving the canvas hides the tip.
    const { centres } = await unitCentres(page);
    const unit = centres["bias:0:2"];
    await page.mouse.move(box.x + unit.x, box.y + unit.y);
    await page.waitForFunction(() => /^hidden 1 unit 3: b = /.test(document.getElementById("network-tip").textContent));
    await page.mouse.move(box.x + box.width + 40, box.y - 40);
    await tip.waitFor({ state: "hidden" });
  });
});

test("constant init draws identical units: every weight into a layer has the same value", async () => {
  await withPage("?init=constant&act=sigmoid", async ({ page }) => {
    const { centres } = await unitCentres(page);
    const values = [];
    for (let k = 0; k < 8; k++) {
      const [a, b] = [centres["input:0"], centres[`bias:0:${k}`]];
      const hit = await engineHit(page, a.x + 0.7 * (b.x - a.x), a.y + 0.7 * (b.y - a.y), 3);
      assert.equal(hit?.kind, "weight");
      values.push(hit.value);
    }
    assert.equal(new Set(values).size, 1, `one value: ${values}`);
    await screenshot(page, "network-constant-1280");
  });
});

test("on a 390×844 phone a tap shows the value, says it aloud, and nothing scrolls sideways", async () => {
  await withPage(
    "?layers=8,8&seed=5",
    async ({ page }) => {
      const mid = await outputEdgeMidpoint(page);
      const hit = await engineHit(page, mid.x, mid.y, 16);
      assert.equal(hit.kind, "weight");
      await page.locator("#chart-network").scrollIntoViewIfNeeded();
      const box = await page.locator("#chart-network").boundingBox();
      await page.touchscreen.tap(box.x + mid.x, box.y + mid.y);
      await page.locator("#network-tip").waitFor({ state: "visible" });
      assert.equal(await page.locator("#network-tip").textContent(), hit.text);
      assert.equal(await page.locator("#network-readout").textContent(), hit.text);
      assert.equal(await page.getAttribute("#network-readout", "aria-live"), "polite");
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `no horizontal scroll (${overflow} px too wide)`);
      await screenshot(page, "network-tap-390", { fullPage: false });
    },
    PHONE.viewport,
    PHONE.options,
  );
});

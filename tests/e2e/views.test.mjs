// End-to-end: the views below the core charts (gradients per layer, signals and gradients
// through depth, the loss landscape) in the built page: each paints, each changes when what
// it shows changes, the landscape finishes computing while paused, and a phone gets them
// without horizontal scroll. Screenshots of each view land in test-output/.
// Run by `make test`, or alone with `node --test tests/e2e/views.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT, canvasHash, setSlider, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;
const VIEWS = { gradients: "chart-gradients", depth: "chart-depth", landscape: "chart-landscape" };

/** Waits until the landscape is computed at the current weights (it fills over a few frames). */
function landscapeDone(page) {
  return page.waitForFunction(
    () => document.getElementById("chart-landscape").getAttribute("aria-busy") === "false",
    null,
    { timeout: 20_000 },
  );
}

/**
 * Screenshots the panel holding canvas `id` as test-output/<name>.png, with the sticky
 * transport bar let go for the moment, so that it does not cover the panel's top.
 */
async function shootPanel(page, id, name) {
  mkdirSync(OUTPUT, { recursive: true });
  const panel = page.locator(`section.panel:has(#${id})`);
  await page.evaluate(() => (document.querySelector(".transport").style.position = "static"));
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(OUTPUT, `${name}.png`) });
  await page.evaluate(() => (document.querySelector(".transport").style.position = ""));
}

test("each view paints at the defaults, and the landscape completes while paused", async () => {
  await withPage("", async ({ page }) => {
    await page.evaluate(() => window.initlab.step(100));
    await landscapeDone(page);
    for (const [name, id] of Object.entries(VIEWS)) {
      const { width, height, painted } = await canvasHash(page, id);
      assert.ok(width > 200 && height > 150, `${name}: ${width}×${height}`);
      assert.ok(painted > 0.02 * width * height, `${name}: only ${painted} painted pixels`);
      await shootPanel(page, id, `views-${name}-1280x800`);
    }
    // The gradient panels get the height their layers need, like the core view.
    const heights = await page.evaluate(() => ({
      gradients: document.getElementById("chart-gradients").getBoundingClientRect().height,
      fromEngine: document.getElementById("chart-gradients").style.height,
    }));
    assert.equal(`${heights.gradients}px`, heights.fromEngine);
  });
});

test("σ changes the depth chart; zero init says no signal flows", async () => {
  await withPage("?scale=manual&layers=8,8,8,8", async ({ page }) => {
    const before = await canvasHash(page, VIEWS.depth);
    const outcome = await page.evaluate(() => window.initlab.configure({ sigma: 0.1 }));
    assert.equal(outcome.ok, true);
    const small = await canvasHash(page, VIEWS.depth);
    assert.notEqual(small.hash, before.hash, "σ = 0.1 redraws the depth chart");
    const zStd = await page.evaluate(() => window.initlab.snapshot().layers.map((l) => l.z_std));
    assert.ok(zStd[3] < zStd[0] / 10, `std(z) shrinks with depth at σ = 0.1: ${zStd}`);
    // Moving the σ slider redraws it too.
    await setSlider(page, "c-sigma", 350);
    const large = await canvasHash(page, VIEWS.depth);
    assert.notEqual(large.hash, small.hash, "the σ slider redraws the depth chart");
    await shootPanel(page, VIEWS.depth, "views-depth-sigma-large-1280x800");
    await page.evaluate(() => window.initlab.configure({ init: "zeros" }));
    const zero = await canvasHash(page, VIEWS.depth);
    assert.notEqual(zero.hash, large.hash);
    await shootPanel(page, VIEWS.depth, "views-depth-zeros-1280x800");
  });
});

test("zero init and normal init give different gradient panels; zero init's hidden gradients are all 0", async () => {
  await withPage("?init=zeros&act=tanh&data=xor4&batch=4", async ({ page }) => {
    const snapshot = await page.evaluate(() => window.initlab.step(20));
    for (const layer of snapshot.layers.slice(0, -1)) {
      assert.equal(layer.grad_zeros, layer.fan_in * layer.fan_out, `${layer.name}: every gradient is 0`);
    }
    const zeros = await canvasHash(page, VIEWS.gradients);
    await shootPanel(page, VIEWS.gradients, "views-gradients-zeros-1280x800");
    await page.evaluate(() => window.initlab.configure({ init: "normal" }));
    const normal = await page.evaluate(() => window.initlab.snapshot());
    assert.ok(normal.layers.every((l) => l.grad_zeros < l.fan_in * l.fan_out));
    const drawn = await canvasHash(page, VIEWS.gradients);
    assert.notEqual(drawn.hash, zeros.hash, "normal init draws other gradient histograms");
  });
});

test("the landscape follows the steps, its grid, its span and the recompute button", async () => {
  await withPage("?data=circles", async ({ page }) => {
    await landscapeDone(page);
    const start = await canvasHash(page, VIEWS.landscape);
    await page.evaluate(() => window.initlab.step(200));
    await landscapeDone(page);
    const trained = await canvasHash(page, VIEWS.landscape);
    assert.notEqual(trained.hash, start.hash, "200 steps later the landscape is another");
    await shootPanel(page, VIEWS.landscape, "views-landscape-trained-1280x800");

    await page.selectOption("#landscape-n", "41");
    await landscapeDone(page);
    const fine = await canvasHash(page, VIEWS.landscape);
    assert.notEqual(fine.hash, trained.hash, "a 41 × 41 grid is drawn");

    assert.equal(await page.locator("#landscape-span-value").textContent(), "±1", "span 1 to start");
    await setSlider(page, "landscape-span", 85);
    assert.equal(await page.locator("#landscape-span-value").textContent(), "±5.01");
    await landscapeDone(page);
    const wide = await canvasHash(page, VIEWS.landscape);
    assert.notEqual(wide.hash, fine.hash, "a wider span is another picture");
    await shootPanel(page, VIEWS.landscape, "views-landscape-span5-1280x800");

    // Recompute while playing: the whole grid at once, at the weights of that frame.
    const busy = await page.evaluate(async () => {
      window.initlab.play();
      await new Promise((r) => setTimeout(r, 300));
      window.initlab.pause();
      return document.getElementById("chart-landscape").getAttribute("aria-busy");
    });
    assert.equal(busy, "true", "paused after training: the picture is not yet of the weights");
    await page.locator("#landscape-now").click();
    assert.equal(
      await page.locator("#chart-landscape").getAttribute("aria-busy"),
      "false",
      "recompute computes a small network's whole grid at once",
    );
  });
});

test("zero init's landscape is drawn, and curves although every hidden gradient is 0", async () => {
  await withPage("?init=zeros&act=tanh&data=xor4", async ({ page }) => {
    await landscapeDone(page);
    const { painted } = await canvasHash(page, VIEWS.landscape);
    assert.ok(painted > 1000);
    const grid = await page.evaluate(() => window.initlab.landscape({ n: 21, span: 1 }));
    const spread = Math.max(...grid.loss.flat()) - Math.min(...grid.loss.flat());
    assert.ok(spread > 1e-3, `the loss changes across the plane: ${spread}`);
    await shootPanel(page, VIEWS.landscape, "views-landscape-zeros-1280x800");
  });
});

test("a diverged run draws explanations in every view", async () => {
  await withPage("?scale=manual&sigma=10&act=relu&lr=10&layers=32,32,32", async ({ page }) => {
    const snapshot = await page.evaluate(() => window.initlab.step(2000));
    assert.equal(snapshot.diverged, true);
    await landscapeDone(page);
    assert.equal(await page.locator("#chart-error").isHidden(), true, "no chart failed");
    for (const id of Object.values(VIEWS)) {
      assert.ok((await canvasHash(page, id)).painted > 100, `${id} shows something`);
    }
    await shootPanel(page, VIEWS.depth, "views-depth-diverged-1280x800");
  });
});

test("at 390×844 the views fit the width, and their controls are labelled touch targets", async () => {
  const phone = { width: 390, height: 844 };
  const touch = { deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  await withPage(
    "?layers=8,8,8",
    async ({ page }) => {
      await page.evaluate(() => window.initlab.step(100));
      await landscapeDone(page);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      assert.ok(widths.scroll <= widths.inner, `scrollWidth ${widths.scroll} > ${widths.inner}`);
      for (const id of ["landscape-n", "landscape-span", "landscape-now"]) {
        const control = page.locator(`#${id}`);
        await control.scrollIntoViewIfNeeded();
        const box = await control.boundingBox();
        assert.ok(box.height >= 44, `#${id} is ${box.height} px tall`);
        assert.ok(box.x >= 0 && box.x + box.width <= phone.width, `#${id} fits the width`);
        const labelled = await control.evaluate((el) => el.tagName === "BUTTON" || el.labels.length > 0);
        assert.ok(labelled, `#${id} has a label`);
      }
      for (const [name, id] of Object.entries(VIEWS)) {
        const box = await page.locator(`#${id}`).boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= phone.width, `${name} fits the width`);
        assert.ok((await canvasHash(page, id)).painted > 100, `${name} is painted`);
        await shootPanel(page, id, `views-${name}-390x844`);
      }
    },
    phone,
    touch,
  );
});

test("?layers=0 (no hidden layer) draws every view, the output layer alone, without an error", async () => {
  // withPage fails on any console error or uncaught exception.
  const charts = [
    "chart-activation",
    "chart-loss",
    "chart-weights",
    "chart-boundary",
    "chart-network",
    ...Object.values(VIEWS),
  ];
  for (const viewport of [undefined, { width: 390, height: 844 }]) {
    const size = viewport ? "390x844" : "1280x800";
    await withPage(
      "?layers=0&data=gauss",
      async ({ page }) => {
        const snapshot = await page.evaluate(() => window.initlab.step(100));
        assert.equal(snapshot.layers.length, 1, "one weight layer: the output");
        assert.equal(snapshot.diverged, false);
        assert.ok(snapshot.loss < 0.5, `logistic regression learns gauss: loss ${snapshot.loss}`);
        await landscapeDone(page);
        assert.equal(await page.locator("#chart-error").isHidden(), true, "no chart failed");
        for (const id of charts) {
          const { width, height, painted } = await canvasHash(page, id);
          assert.ok(width > 100 && height > 50, `${id}: ${width}×${height}`);
          assert.ok(painted > 100, `${id}: only ${painted} painted pixels`);
        }
        assert.equal(await page.locator("#layer-rows tr").count(), 1, "the layer table: one row");
        // The keys with nothing to act on are hidden; the depth slider reads 0.
        for (const key of ["act", "jitter", "shortcut"]) {
          const field = page.locator(`#settings-body .field[data-key="${key}"], #core-quick .field[data-key="${key}"]`);
          for (const one of await field.all()) assert.equal(await one.isHidden(), true, `${key} is hidden`);
        }
        assert.equal(await page.locator("#c-depth").inputValue(), "0");
        for (const id of ["chart-activation", "chart-network", ...Object.values(VIEWS)]) {
          await shootPanel(page, id, `views-no-hidden-${id.slice(6)}-${size}`);
        }
      },
      viewport,
    );
  }
});

test("the depth slider reaches 0 hidden layers and back", async () => {
  await withPage("?layers=4,4", async ({ page }) => {
    await setSlider(page, "c-depth", 0);
    assert.equal((await page.evaluate(() => window.initlab.config())).layers, "0");
    assert.equal(await page.locator("#c-width").isDisabled(), true, "no width to pick");
    await setSlider(page, "c-depth", 2);
    assert.match((await page.evaluate(() => window.initlab.config())).layers, /^\d+,\d+$/);
  });
});

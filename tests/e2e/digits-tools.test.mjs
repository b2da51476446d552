// End-to-end: the page's tools on the handwritten digits (issue #20 §2: "restarts,
// landscape, A/B, export … all work with data=digits"; A/B is digits-compare.test.mjs).
// - The random restarts train in a Web Worker, an engine of its own that shares no memory
//   with the page's: the page hands it the digits it installed, and the runs are judged by
//   the digits' goal (solved at a test accuracy ≥ 90 %, stuck at a loss ≥ 2, near ln 10).
// - The landscape's centre is the snapshot's loss, exactly, on the digits too.
// - The exports hold a 64-input, 10-output network, and the digits' history and settings.
// - Bad links: loss=bce and shortcut=1 are notices naming their cause; layers=0 is valid.
// Run alone with `node --test tests/e2e/digits-tools.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { canvasHash, textOf, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

test("restarts on the digits train in the worker and are judged by test accuracy (≥ 90 %) and a loss near chance (≥ 2)", async () => {
  await withPage("?data=digits&layers=16", async ({ page }) => {
    const before = await canvasHash(page, "chart-restarts");
    const result = await page.evaluate(() =>
      window.initlab.restarts({ runs: 3, steps: 300 }).then(
        (r) => ({ ok: true, ...r }),
        (error) => ({ ok: false, message: error.message }),
      ),
    );
    assert.equal(result.ok, true, result.message);
    assert.equal(result.goal, "accuracy");
    assert.deepEqual(result.runs.map((run) => run.seed), [1, 2, 3]);
    for (const run of result.runs) {
      // 300 steps of 16 tanh units: far above a guess (10 %), its loss below chance (ln 10).
      assert.ok(run.test_accuracy > 0.5 && run.test_accuracy <= 1, JSON.stringify(run));
      assert.ok(Number.isFinite(run.loss) && run.loss < Math.log(10), JSON.stringify(run));
    }
    // The shares follow the digits' goal, not the plane's thresholds (loss < 0.01, > 0.1).
    const solved = result.runs.filter((run) => !run.diverged && run.test_accuracy >= 0.9).length;
    const stuck = result.runs.filter((run) => run.diverged || run.loss >= 2).length;
    assert.equal(result.solved, solved);
    assert.equal(result.stuck, stuck);
    // Seed 1 of the worker is the page's own run: the same settings, the same weights.
    const own = await page.evaluate(() => {
      window.initlab.step(300);
      return window.initlab.snapshot();
    });
    assert.equal(result.runs[0].loss, own.loss, "seed 1 in the worker is the page's run, bit for bit");
    assert.equal(result.runs[0].test_accuracy, own.test_accuracy);
    assert.notEqual((await canvasHash(page, "chart-restarts")).hash, before.hash, "the histogram is drawn");
    assert.match(await textOf(page, "restarts-status"), /3/);
  });
});

test("the landscape on the digits is centred on the snapshot's loss, exactly", async () => {
  await withPage("?data=digits&layers=16", async ({ page }) => {
    const { grid, loss } = await page.evaluate(() => {
      window.initlab.step(50);
      return { grid: window.initlab.landscape({ n: 5, span: 1 }), loss: window.initlab.snapshot().loss };
    });
    assert.equal(grid.n, 5);
    assert.equal(grid.center_loss, loss);
    assert.equal(grid.loss[2][2], loss);
    assert.ok(grid.loss.flat().every((x) => Number.isFinite(x) && x >= 0));
  });
});

test("the exports on the digits: 64 inputs, 10 outputs, the history with test accuracy, the settings", async () => {
  await withPage("?data=digits&layers=16", async ({ page }) => {
    const s = await page.evaluate(() => window.initlab.step(40));
    const weights = JSON.parse(await page.evaluate(() => window.initlab.export("json-weights")));
    assert.equal(weights.layers[0].n_in, 64);
    assert.equal(weights.layers.at(-1).n_out, 10);
    assert.equal(weights.layers[0].w.length, 64 * 16);
    const rows = (await page.evaluate(() => window.initlab.export("csv-history"))).trim().split("\n");
    assert.equal(rows[0], "step,train_loss,test_loss,train_accuracy,test_accuracy");
    assert.equal(rows.length - 1, s.history.steps.length);
    const last = rows.at(-1).split(",").map(Number);
    assert.equal(last[2], s.history.test.at(-1));
    assert.equal(last[4], s.history.test_accuracy.at(-1));
    const layers = (await page.evaluate(() => window.initlab.export("csv-layers"))).trim().split("\n");
    assert.equal(layers.length - 1, s.layers.length);
    const settings = JSON.parse(await page.evaluate(() => window.initlab.export("json-config")));
    assert.equal(settings.config.data, "digits");
    assert.equal(settings.config.loss, "ce");
  });
});

/** The notices the page shows, and the settings it kept. */
const noticesAndConfig = (page) =>
  page.evaluate(() => ({
    notices: [...document.querySelectorAll("#notice-list li")].map((li) => li.textContent),
    config: window.initlab.config(),
  }));

test("bad links on the digits: loss=bce and shortcut=1 are notices naming the cause; layers=0 is valid", async () => {
  // bce is refused with its reason; the digits stay, with their own loss (ce).
  await withPage("?data=digits&loss=bce&lr=0.2", async ({ page }) => {
    const { notices, config } = await noticesAndConfig(page);
    assert.equal(notices.length, 1, notices.join(" | "));
    assert.match(notices[0], /^loss: bce is the loss of one sigmoid output.*loss=ce/);
    assert.deepEqual([config.data, config.loss, config.lr], ["digits", "ce", 0.2]);
  });
  // The shortcut cannot apply to the digits: it is refused, naming why; the digits stay.
  await withPage("?data=digits&shortcut=1&lr=0.2", async ({ page }) => {
    const { notices, config } = await noticesAndConfig(page);
    assert.equal(notices.length, 1, notices.join(" | "));
    assert.match(notices[0], /^shortcut: .*the digits, with 64 pixels and 10 outputs, take no shortcut/);
    assert.deepEqual([config.data, config.shortcut, config.lr], ["digits", false, 0.2]);
  });
  // No hidden layer: multinomial logistic regression, 64 pixels straight to 10 softmax outputs.
  await withPage("?data=digits&layers=0", async ({ page }) => {
    const s = await page.evaluate(() => window.initlab.step(100));
    assert.equal(await page.locator("#notices").isHidden(), true);
    assert.deepEqual(s.layers.map((layer) => [layer.name, layer.fan_in, layer.size]), [["output", 64, 10]]);
    assert.ok(s.test_accuracy > 0.3, `a linear softmax learns: ${s.test_accuracy}`);
  });
});

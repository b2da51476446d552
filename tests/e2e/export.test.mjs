// End-to-end: the exports (issue #9). `initlab.weights()` and `initlab.export(kind)` give
// the numbers the page shows; the panel's buttons download the same text; a chart saves as
// a PNG of its canvas; bad kinds and sides are refused with a message in the page.
// Run by `make test`, or alone with `node --test tests/e2e/export.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { screenshot, textOf, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

const evaluate = (page, fn, arg) => page.evaluate(fn, arg);

/** The message `initlab[method](...args)` throws in the page, or null if it does not throw. */
const refusal = (page, method, ...args) =>
  page.evaluate(([name, list]) => {
    try {
      window.initlab[name](...list);
      return null;
    } catch (error) {
      return error.message;
    }
  }, [method, args]);

/** A CSV of numbers and names as rows of fields (the exports quote nothing here). */
const rowsOf = (csv) => csv.trimEnd().split("\n").map((line) => line.split(","));

test("weights() has every layer's shape and exports what the network holds", async () => {
  await withPage("?layers=8,4&act=tanh&data=circles&shortcut=1", async ({ page }) => {
    const s = await evaluate(page, () => window.initlab.step(20));
    const layers = await evaluate(page, () => window.initlab.weights());
    assert.equal(layers.length, s.layers.length);
    layers.forEach((layer, l) => {
      assert.equal(layer.name, s.layers[l].name);
      assert.equal(layer.n_out, s.layers[l].size);
      assert.equal(layer.n_in, s.layers[l].fan_in);
      assert.equal(layer.w.length, layer.n_in * layer.n_out);
      assert.equal(layer.b.length, layer.n_out);
    });
    const json = JSON.parse(await evaluate(page, () => window.initlab.export("json-weights")));
    assert.deepEqual(json.layers, layers);
    assert.equal(json.step, 20);
    assert.equal(json.query, await textOf(page, "settings"));
  });
});

test("zero init exports zero hidden weights; B's weights are B's", async () => {
  await withPage("?init=zeros&act=tanh&vs=init%3Dnormal", async ({ page }) => {
    const a = await evaluate(page, () => window.initlab.weights());
    const b = await evaluate(page, () => window.initlab.weights("b"));
    assert.ok(a.every((layer) => layer.w.every((w) => w === 0)));
    assert.ok(b[0].w.some((w) => w !== 0));
    assert.deepEqual(b.map((l) => l.w.length), a.map((l) => l.w.length));
  });
});

test("the CSVs hold exactly the history and the layer statistics of the snapshot", async () => {
  await withPage("?act=relu&layers=16,8&data=spiral", async ({ page }) => {
    const s = await evaluate(page, () => window.initlab.step(400));
    const history = rowsOf(await evaluate(page, () => window.initlab.export("csv-history")));
    assert.deepEqual(history[0], ["step", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]);
    assert.equal(history.length - 1, s.history.steps.length);
    history.slice(1).forEach((row, k) => {
      assert.equal(Number(row[0]), s.history.steps[k]);
      assert.equal(Number(row[1]), s.history.train[k]);
      assert.equal(Number(row[2]), s.history.test[k]);
    });
    const layers = rowsOf(await evaluate(page, () => window.initlab.export("csv-layers")));
    const column = (name) => layers[0].indexOf(name);
    assert.equal(layers.length - 1, s.layers.length);
    layers.slice(1).forEach((row, l) => {
      assert.equal(row[column("name")], s.layers[l].name);
      assert.equal(Number(row[column("z_std")]), s.layers[l].z_std);
      assert.equal(Number(row[column("dead")]), s.layers[l].dead);
    });
    const settings = JSON.parse(await evaluate(page, () => window.initlab.export("json-config")));
    assert.deepEqual(settings.config, await evaluate(page, () => window.initlab.config()));
    assert.equal(settings.query, await textOf(page, "settings"));
  });
});

test("a bad kind or side is refused with a message in the page, naming the choices", async () => {
  await withPage("", async ({ page }) => {
    const refused = await refusal(page, "export", "xlsx");
    assert.match(refused, /'xlsx' is not one of: csv-history, csv-layers, json-config, json-weights/);
    assert.equal(await textOf(page, "export-status"), refused);
    const side = await refusal(page, "weights", "c");
    assert.match(side, /"a" or "b"/);
    // Without a B, B's weights are refused too.
    const noB = await refusal(page, "weights", "b");
    assert.match(noB, /no network B/);
  });
});

test("the panel's buttons download the API's text; a chart downloads as a PNG of its canvas", async () => {
  await withPage("?data=xor", async ({ page }) => {
    await evaluate(page, () => window.initlab.step(100));
    for (const kind of ["csv-history", "csv-layers", "json-config"]) {
      const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-export="${kind}"]`)]);
      const body = readFileSync(await file.path(), "utf8");
      assert.equal(body, await evaluate(page, (k) => window.initlab.export(k), kind), kind);
      assert.match(file.suggestedFilename(), /^initlab-.+\.(csv|json)$/);
      assert.match(await textOf(page, "export-status"), new RegExp(file.suggestedFilename().replace(".", "\\.")));
    }
    await page.locator("#export-chart").focus();
    await page.locator("#export-chart").selectOption("chart-loss");
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    assert.equal(png.suggestedFilename(), "initlab-loss-step100.png");
    const bytes = readFileSync(await png.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from("PNG")]);
    const size = await evaluate(page, () => {
      const canvas = document.getElementById("chart-loss");
      return [canvas.width, canvas.height];
    });
    // The PNG's IHDR holds its width and height: those of the canvas's backing store.
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], size);
    await page.locator(".export").scrollIntoViewIfNeeded();
    await screenshot(page, "export-desktop", { fullPage: false });
  }, undefined, { acceptDownloads: true });
});

test("on a phone the export panel fits the width", async () => {
  await withPage("", async ({ page }) => {
    await page.locator(".export").scrollIntoViewIfNeeded();
    await screenshot(page, "export-phone", { fullPage: false });
    const overflow = await evaluate(page, () => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${overflow}px too wide`);
    const box = await page.locator("#export-chart").boundingBox();
    assert.ok(box.x + box.width <= 390, JSON.stringify(box));
  }, { width: 390, height: 844 });
});

// End-to-end: window.initlab.landscape in headless Chromium: the grid's shape, its centre
// equal to the snapshot's loss, and refusals that name the argument at fault.
// Run by `make test`, or alone with `node --test tests/e2e/landscape.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

test("landscape({n: 11, span: 1}) is an 11 × 11 grid centred on the snapshot's loss", async () => {
  await withPage("?data=circles", async ({ page }) => {
    const { grid, loss } = await page.evaluate(() => {
      window.initlab.step(25);
      return {
        grid: window.initlab.landscape({ n: 11, span: 1 }),
        loss: window.initlab.snapshot().loss,
      };
    });
    assert.equal(grid.n, 11);
    assert.equal(grid.span, 1);
    assert.equal(grid.loss.length, 11);
    for (const row of grid.loss) {
      assert.equal(row.length, 11);
      assert.ok(row.every((x) => Number.isFinite(x) && x >= 0), "losses are finite and ≥ 0");
    }
    assert.equal(grid.center_loss, loss, "the centre is the snapshot's loss, exactly");
    assert.equal(grid.loss[5][5], loss, "the middle cell is the current weights");
  });
});

test("landscape defaults to n = 21, span = 1, and zero init curves although its gradient is 0", async () => {
  await withPage("?init=zeros&act=tanh&data=xor4", async ({ page }) => {
    const grid = await page.evaluate(() => window.initlab.landscape());
    assert.equal(grid.n, 21);
    assert.equal(grid.span, 1);
    const deviation = Math.max(...grid.loss.flat().map((x) => Math.abs(x - grid.center_loss)));
    assert.ok(deviation > 1e-4, `the landscape is not flat: ${deviation}`);
  });
});

test("a bad n or span throws a message naming it and its limit", async () => {
  await withPage("", async ({ page }) => {
    const messages = await page.evaluate(() =>
      [{ n: 500 }, { n: 2 }, { n: 7.5 }, { n: "many" }, { span: 0 }, { span: 11 }].map((options) => {
        try {
          window.initlab.landscape(options);
          return null;
        } catch (error) {
          return error.message;
        }
      }),
    );
    for (const message of messages.slice(0, 3)) assert.match(message, /\bn must be\b.*\b3\b.*\b101\b/);
    assert.match(messages[3], /\bn must be a number\b/);
    for (const message of messages.slice(4)) assert.match(message, /\bspan must be\b.*\b10\b/);
  });
});

test("a landscape too big for one call is refused with the largest n that fits", async () => {
  await withPage("?layers=64,64,64,64,64,64,64,64&points=5000", async ({ page }) => {
    const message = await page.evaluate(() => {
      try {
        window.initlab.landscape({ n: 21 });
        return null;
      } catch (error) {
        return error.message;
      }
    });
    assert.match(message ?? "", /\bn = 21\b.*more than one call may do.*\bn = \d+ is the most it allows now/);
    const most = Number(message.match(/n = (\d+) is the most/)[1]);
    const grid = await page.evaluate((n) => window.initlab.landscape({ n }), most);
    assert.equal(grid.loss.length, most, "the n it names is accepted");
  });
});

test("the saddle lesson's landscape panel shows the saddle plane: up along the output bias, down both ways along d₁", async () => {
  await withPage("?lesson=saddle", async ({ page }) => {
    await page.waitForFunction(() => document.getElementById("chart-landscape")?.dataset.plane === "saddle", null, {
      timeout: 20_000,
    });
    const { grid, loss, random } = await page.evaluate(() => ({
      grid: window.initlab.landscape({ n: 11, span: 1, plane: "saddle" }),
      loss: window.initlab.snapshot().loss,
      random: window.initlab.landscape({ n: 11, span: 1 }).plane,
    }));
    assert.equal(grid.plane, "saddle");
    assert.equal(random, "random", "the API's default plane stays the random one");
    const hint = await page.evaluate(() => document.querySelector('[data-view="landscape"] .hint').textContent);
    assert.match(hint, /saddle lesson's plane/, "the panel's hint says which plane it shows");
    assert.equal(grid.center_loss, loss, "the centre is the snapshot's loss, exactly");
    const centre = grid.loss[5][5];
    for (const k of [0, 2, 4, 6, 8, 10]) {
      assert.ok(grid.loss[k][5] > centre, `β row ${k} rises: ${grid.loss[k][5]}`);
      assert.ok(grid.loss[5][k] < centre, `α column ${k} falls: ${grid.loss[5][k]}`);
    }
    // At α = ±1 (each of the four moved entries at ½) the loss is 0.0187 lower (native test).
    assert.ok(centre - grid.loss[5][0] > 0.015, `${centre - grid.loss[5][0]}`);
  });
  await withPage("?init=zeros&act=tanh&data=xor4", async ({ page }) => {
    await page.waitForFunction(() => document.getElementById("chart-landscape")?.dataset.plane !== undefined, null, {
      timeout: 20_000,
    });
    const plane = await page.evaluate(() => document.getElementById("chart-landscape").dataset.plane);
    assert.equal(plane, "random", "outside the saddle lesson the panel shows the random plane");
    const hint = await page.evaluate(() => document.querySelector('[data-view="landscape"] .hint').textContent);
    assert.match(hint, /two random directions/);
  });
});

test("an unknown plane throws a message naming it and the choices", async () => {
  await withPage("?lesson=saddle", async ({ page }) => {
    const refusals = await page.evaluate(() =>
      [{ plane: "diagonal" }, { plane: 3 }, { plane: "" }].map((options) => {
        try {
          window.initlab.landscape(options);
          return null;
        } catch (error) {
          return { message: error.message, field: error.field, id: error.text?.id };
        }
      }),
    );
    assert.match(refusals[0].message, /plane must be one of random, saddle, not 'diagonal'/);
    assert.match(refusals[1].message, /plane must be one of random, saddle, not '3'/);
    assert.match(refusals[2].message, /plane must be one of random, saddle, not ''/);
    for (const refusal of refusals) assert.equal(refusal.id, "landscape.plane");
    // The page keeps running: the lesson is still open.
    assert.equal(await page.evaluate(() => window.initlab.lesson().id), "saddle");
  });
});

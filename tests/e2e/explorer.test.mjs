// End-to-end: the explorer page of issue #3 in headless Chromium: the controls move the
// charts, the readouts show the engine's numbers (its maths is proven natively and in
// tests/web.rs), refusals are shown inline and keep the last valid state, every URL key round-trips, and the page fits a phone.
// Run by `make test`, or alone with `node --test tests/e2e/explorer.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import {
  canvasHash,
  openPage,
  screenshot,
  setSlider,
  textOf,
  useServerAndBrowser,
} from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

const snapshot = (page) => page.evaluate(() => window.initlab.snapshot());
const config = (page) => page.evaluate(() => window.initlab.config());

test("every chart is drawn into a canvas sized to its box × devicePixelRatio", async () => {
  for (const dpr of [1, 2, 3]) {
    await withPage("?data=circles", async ({ page }) => {
      for (const id of ["chart-activation", "chart-loss", "chart-weights", "chart-boundary"]) {
        const box = await page.locator(`#${id}`).boundingBox();
        const pixels = await canvasHash(page, id);
        assert.ok(Math.abs(pixels.width - box.width * dpr) <= 1, `${id} width at DPR ${dpr}`);
        assert.ok(Math.abs(pixels.height - box.height * dpr) <= 1, `${id} height at DPR ${dpr}`);
        assert.ok(pixels.painted > 100, `${id} has something drawn on it`);
      }
    }, { width: 1280, height: 800 }, { deviceScaleFactor: dpr });
  }
});

test("moving the σ slider changes the activation histograms and the snapshot's z_std", async () => {
  await withPage("?scale=manual&sigma=0.1&act=tanh", async ({ page }) => {
    const before = await canvasHash(page, "chart-activation");
    const zBefore = (await snapshot(page)).layers[0].z_std;
    // Keyboard, as a learner without a mouse would: each arrow press is one slider step.
    await page.locator("#c-sigma").focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
    const moved = await config(page);
    assert.ok(moved.sigma > 0.1, `σ went up from 0.1 to ${moved.sigma}`);
    const after = await canvasHash(page, "chart-activation");
    const zAfter = (await snapshot(page)).layers[0].z_std;
    assert.notEqual(after.hash, before.hash, "the activation/histogram canvas changed");
    assert.ok(zAfter > zBefore * 1.5, `z_std grew with σ: ${zBefore} → ${zAfter}`);
    assert.match(await page.evaluate(() => location.search), new RegExp(`sigma=${moved.sigma}`));
    assert.equal(await textOf(page, "c-sigma-value"), String(moved.sigma), "the value is shown");
  });
});

test("moving the truncation bounds changes the weight histogram", async () => {
  await withPage("?init=truncnormal&scale=manual&sigma=1&layers=64", async ({ page }) => {
    const before = await canvasHash(page, "chart-weights");
    await setSlider(page, "c-hi", 0.5);
    assert.equal((await config(page)).hi, 0.5);
    const after = await canvasHash(page, "chart-weights");
    assert.notEqual(after.hash, before.hash, "the weight-histogram canvas changed");
    const layer = (await snapshot(page)).layers[0];
    assert.ok(layer.std_actual < layer.sigma_used, "cutting at 0.5σ narrows the weights");
  });
});

/** The text of cell `column` of row `row` of the layer table (0 is the layer's name). */
const layerCell = (page, row, column) =>
  page.evaluate(([r, c]) => document.getElementById("layer-rows").rows[r].cells[c].textContent, [row, column]);
/** Columns of the layer table, in view.js's order. */
const DISTINCT_UNITS = 7;
const GRAD_NORM = 8;

// The maths behind these numbers is proven natively, and the wasm engine is the native one bit
// for bit (tests/web.rs): zero init with tanh never learns (tests/lesson_symmetry.rs,
// zero_init_tanh_never_learns), constant or zero sigmoid units stay copies
// (zero_and_constant_sigmoid_inits_keep_units_identical_and_loss_high), Glorot + tanh learns
// the circles (tests/random_init_learns.rs). Here: the page shows the engine's numbers.
test("the readouts and the layer table show the engine's loss, gradients and distinct units", async () => {
  await withPage("?init=zeros&act=tanh&data=xor4&batch=4", async ({ page }) => {
    const lossShown = await textOf(page, "loss");
    const zero = await page.evaluate(() => window.initlab.step(10));
    assert.equal(await textOf(page, "step-count"), "10");
    assert.equal(await textOf(page, "loss"), lossShown, "zero init: the loss shown has not moved");
    const hidden = zero.layers.slice(0, -1);
    assert.ok(hidden.length >= 1);
    for (const [i, layer] of hidden.entries()) {
      assert.equal(layer.grad_norm, 0, `hidden layer ${i + 1} gradient norm`);
      assert.match(await layerCell(page, i, GRAD_NORM), /^0(\.0+)?$/, `row ${i + 1} shows a zero gradient`);
    }

    assert.deepEqual(await page.evaluate(() => window.initlab.configure({ init: "constant", act: "sigmoid" })), { ok: true });
    const constant = await page.evaluate(() => window.initlab.step(20));
    for (const [i, layer] of constant.layers.slice(0, -1).entries()) {
      assert.equal(layer.distinct_units, 1, `constant sigmoid: hidden layer ${i + 1}`);
      assert.equal(await layerCell(page, i, DISTINCT_UNITS), "1", `row ${i + 1} shows one distinct unit`);
    }

    const settings = { init: "normal", scale: "glorot", act: "tanh", data: "circles" };
    assert.deepEqual(await page.evaluate((c) => window.initlab.configure(c), settings), { ok: true });
    const testLossShown = await textOf(page, "test-loss");
    const random = await page.evaluate(() => window.initlab.step(30));
    assert.equal(random.diverged, false);
    const testLoss = await textOf(page, "test-loss");
    assert.notEqual(testLoss, testLossShown, "training moved the test loss shown");
    assert.equal(testLoss, random.test_loss.toFixed(4), "the page shows the snapshot's test loss");
    assert.equal(await textOf(page, "test-accuracy"), `${(100 * random.test_accuracy).toFixed(1)} %`);
    for (const [i, layer] of random.layers.slice(0, -1).entries()) {
      assert.equal(await layerCell(page, i, DISTINCT_UNITS), String(layer.distinct_units));
      assert.ok(layer.distinct_units > 1, `random init: hidden layer ${i + 1} has distinct units`);
      const shown = Number(await layerCell(page, i, GRAD_NORM));
      assert.ok(layer.grad_norm > 0 && Math.abs(shown / layer.grad_norm - 1) < 0.005, `row ${i + 1}: ${shown} for ${layer.grad_norm}`);
    }
  });
});

test("a bad configure shows the message next to its control and keeps the page working", async () => {
  await withPage("?scale=manual&data=xor4", async ({ page }) => {
    await page.evaluate(() => window.initlab.step(20));
    const url = await page.evaluate(() => location.href);
    const outcome = await page.evaluate(() => window.initlab.configure({ sigma: -1 }));
    assert.equal(outcome.ok, false);
    const message = page.locator('.field[data-key="sigma"] .field-error');
    assert.equal(await message.isVisible(), true, "the message is next to the σ slider");
    assert.match(await message.textContent(), /sigma/);
    assert.match(await message.textContent(), /Still using sigma = 1\b/);
    assert.equal((await config(page)).sigma, 1, "the last valid σ is kept");
    assert.equal((await snapshot(page)).step, 20, "training state kept");
    assert.equal(await page.evaluate(() => location.href), url, "the URL is unchanged");

    // A key with no control: the message goes to the page-level line.
    await page.evaluate(() => window.initlab.configure({ banana: 1 }));
    assert.equal(await page.locator("#config-error").isVisible(), true);

    // The page still works, and the next good change clears the messages.
    const s = await page.evaluate(() => window.initlab.step(10));
    assert.equal(s.step, 30);
    assert.deepEqual(await page.evaluate(() => window.initlab.configure({ sigma: 0.5 })), { ok: true });
    assert.equal(await message.isVisible(), false);
    assert.equal(await page.locator("#config-error").isVisible(), false);
  });
});

test("step(n) with an absurd n is refused with a message and trains nothing", async () => {
  const { page, errors, close } = await openPage(env.browser, `${env.server.url}/?layers=64,64,64,64&batch=100`);
  try {
    await page.evaluate(() => window.initlab.step(3));
    for (const n of [1e9, -5, 2.5, Number.NaN]) {
      const thrown = await page.evaluate((n) => {
        try {
          window.initlab.step(n);
          return null;
        } catch (error) {
          return error.message;
        }
      }, n);
      assert.match(thrown ?? "", /^step: /, `step(${n}) is refused`);
      assert.equal((await snapshot(page)).step, 3, `step(${n}) trained nothing`);
    }
    assert.match(await textOf(page, "config-error"), /more than one call may train|whole number/);
    const most = await page.evaluate(() => window.initlab.step(10).step);
    assert.equal(most, 13, "a sensible n still trains");
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("a bad URL shows notices naming the keys; the page works from the defaults", async () => {
  await withPage("?lr=0&layers=9999&init=zeroes&hi=x", async ({ page }) => {
    const lines = await page.locator("#notice-list li").allTextContents();
    for (const key of ["lr", "layers", "init", "hi"]) {
      assert.ok(lines.some((line) => line.startsWith(`${key}: `)), `no notice names ${key}: ${lines}`);
    }
    const s = await page.evaluate(() => window.initlab.step(50));
    assert.equal(s.step, 50);
    assert.ok((await canvasHash(page, "chart-loss")).painted > 100);
    // The controls show the values in use, not the URL's bad ones.
    assert.equal(await page.locator("#c-init").inputValue(), (await config(page)).init);
  });
});

test("lo ≥ hi shows an inline message, never swaps, and keeps the last valid state", async () => {
  await withPage("?init=truncnormal", async ({ page }) => {
    const before = await config(page);
    const url = await page.evaluate(() => location.href);
    await setSlider(page, "c-lo", 2.5);
    const message = page.locator('.field[data-key="lo"] .field-error');
    assert.equal(await message.isVisible(), true, "the message is shown beside the bounds");
    assert.match(await message.textContent(), /below hi/);
    assert.equal(await page.locator("#c-lo").getAttribute("aria-invalid"), "true");
    const kept = await config(page);
    assert.equal(kept.lo, before.lo, "lo keeps its last valid value");
    assert.equal(kept.hi, before.hi, "hi is not swapped in");
    assert.equal(await page.evaluate(() => location.href), url);
    assert.equal((await page.evaluate(() => window.initlab.step(5))).step, 5, "still trains");

    await setSlider(page, "c-lo", -1);
    assert.equal(await message.isVisible(), false, "a valid value clears the message");
    assert.equal((await config(page)).lo, -1);
  });
});

test("every URL key round-trips through the page and its controls", async () => {
  const keys = {
    init: "truncnormal", scale: "manual", sigma: "0.5", lo: "-1.5", hi: "2.5", bounds: "abs",
    correct: "1", gain: "2", bias: "0.1", act: "relu", layers: "16,8", data: "spiral",
    points: "300", noise: "0.2", lr: "0.1", batch: "20", momentum: "0.5", loss: "mse", seed: "7",
    jitter: "0.001",
  };
  const query = `?${new URLSearchParams(keys)}`;
  await withPage(query, async ({ page }) => {
    assert.equal(await page.locator("#notices").isHidden(), true);
    const c = await config(page);
    for (const [key, value] of Object.entries(keys)) {
      const got = key === "correct" ? (c.correct ? "1" : "0") : String(c[key]);
      assert.equal(got, value, `config().${key}`);
    }
    // A control change rewrites the URL with every key still in it.
    await page.locator("#c-act").selectOption("sigmoid");
    const search = new URLSearchParams(await page.evaluate(() => location.search));
    assert.equal(search.get("act"), "sigmoid");
    for (const [key, value] of Object.entries(keys)) {
      if (key !== "act") assert.equal(search.get(key), value, `${key} kept in the URL`);
    }
  });
  // A preset sets the init keys as its framework does, and a later key overrides it.
  await withPage("?preset=keras-he-normal&lo=-3", async ({ page }) => {
    const c = await config(page);
    assert.equal(c.preset, "keras-he-normal");
    assert.equal(c.init, "truncnormal");
    assert.equal(c.scale, "he");
    assert.equal(c.correct, true);
    assert.equal(c.lo, -3);
    assert.equal(await page.locator("#c-preset").inputValue(), "keras-he-normal");
    const options = await page.locator("#c-preset option").count();
    assert.ok(options >= 13, "the menu lists the engine's presets");
  });
});

test("every menu of a key offers exactly the engine's choices, each with a label", async () => {
  await withPage("", async ({ page }) => {
    const table = await page.evaluate(async () => (await import("/pkg/initlab.js")).keys());
    const menus = table.filter((row) => row.choices.length > 0);
    assert.deepEqual(
      menus.map((row) => row.key),
      ["lesson", "preset", "init", "scale", "bounds", "act", "data", "loss"],
    );
    for (const { key, choices } of menus) {
      const options = await page
        .locator(key === "lesson" ? "#lesson-menu option" : `#c-${key} option`)
        .evaluateAll((all) => all.map((o) => ({ value: o.value, label: o.textContent })));
      const offered = options.map((o) => o.value).filter((value) => value !== "");
      assert.deepEqual(offered, choices, `the ${key} menu`);
      for (const { value, label } of options) assert.ok(label.trim(), `${key}=${value} has a label`);
    }
    // Labels come from strings.js where it has one, keyed by the value.
    assert.equal(await page.locator('#c-init option[value="truncnormal"]').textContent(), "Truncated normal");
    assert.equal(await page.locator('#c-data option[value="xor4"]').textContent(), "XOR, the 4 textbook points");
  });
});

test("lr and batch changes keep training; init, shape, data and seed changes restart it", async () => {
  await withPage("?data=xor", async ({ page }) => {
    await page.evaluate(() => window.initlab.step(40));
    await setSlider(page, "c-lr", 300);
    await page.locator("#c-batch").focus();
    await page.keyboard.press("ArrowRight");
    assert.equal((await snapshot(page)).step, 40, "lr and batch keep the run");
    await page.locator("#c-act").selectOption("relu");
    assert.equal((await snapshot(page)).step, 0, "a new activation restarts");
    await page.evaluate(() => window.initlab.step(10));
    await page.locator("#new-seed").click();
    assert.equal((await snapshot(page)).step, 0, "a new seed restarts");
    assert.notEqual((await config(page)).seed, 1);
  });
});

test("a diverging run stops with a visible message and snapshot().diverged", async () => {
  await withPage("?scale=manual&sigma=10&act=relu&lr=10&layers=32,32,32", async ({ page }) => {
    await page.evaluate(() => window.initlab.play());
    await page.waitForFunction(() => window.initlab.snapshot().diverged, null, { timeout: 10_000 });
    const s = await snapshot(page);
    assert.equal(s.diverged, true);
    assert.match(await textOf(page, "status"), /diverged at step \d+/);
    const step = s.step;
    await page.waitForTimeout(100);
    assert.equal((await snapshot(page)).step, step, "training stopped");
    assert.ok((await canvasHash(page, "chart-loss")).painted > 100, "the charts still draw");
  });
});

test("at 1280×800 the core view, the charts and the settings are on the first screen", async () => {
  await withPage("?data=circles&act=tanh&layers=8,8,8", async ({ page }) => {
    await page.evaluate(() => window.initlab.step(300));
    for (const id of ["chart-activation", "c-init", "play"]) {
      const box = await page.locator(`#${id}`).boundingBox();
      assert.ok(box.y < 800 && box.x + box.width <= 1280, `#${id} is on the first screen`);
    }
    await screenshot(page, "explorer-1280x800");
    await screenshot(page, "explorer-1280x800-first-screen", { fullPage: false });
  });
});

test("at 390×844 there is no horizontal scroll and every control is reachable", async () => {
  const phone = { width: 390, height: 844 };
  const touch = { deviceScaleFactor: 3, isMobile: true, hasTouch: true };
  await withPage("?init=truncnormal&act=relu&layers=8,8,8", async ({ page }) => {
    await page.evaluate(() => window.initlab.step(200));
    await screenshot(page, "explorer-390x844");
    await page.locator("#settings-toggle").tap();
    const controls = page.locator("#settings-body :is(input, select, button):visible");
    // One pass in the page: each control scrolled into view, then measured. A checkbox's touch
    // target is its whole labelled row.
    const seen = await controls.evaluateAll((all) =>
      all.map((el) => {
        el.scrollIntoView({ block: "nearest" });
        const box = (el.type === "checkbox" ? el.parentElement : el).getBoundingClientRect();
        return { id: el.id, x: box.x, width: box.width, height: box.height, labels: el.labels?.length ?? 0, tag: el.tagName };
      }),
    );
    assert.ok(seen.length >= 20, `only ${seen.length} visible controls`);
    for (const { id, x, width, height, labels, tag } of seen) {
      assert.ok(height >= 44, `#${id} is ${height} px tall`);
      assert.ok(x >= 0 && x + width <= phone.width, `#${id} fits the width`);
      if (tag !== "BUTTON") assert.ok(labels > 0, `#${id} has a label`);
    }
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    assert.ok(widths.scroll <= widths.inner, `scrollWidth ${widths.scroll} > ${widths.inner}`);
    await screenshot(page, "explorer-390x844-settings");
  }, phone, touch);
});

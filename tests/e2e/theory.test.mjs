// End-to-end: issue #21 in the built page. initlab.meanField answers plain numbers (Infinity
// where the theory says so) and throws a refusal naming the argument in the page's language;
// a 20 × 64 network is built and its through-depth view paints and follows the picked points;
// a deep network of wide layers is refused in words. Screenshots land in test-output/.
// Run by `make test`, or alone with `node --test tests/e2e/theory.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT, canvasHash, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;
const DEEP_20 = Array(20).fill(64).join(",");

/** The message initlab.meanField(request) throws, or null when it answers. */
function thrown(page, request) {
  return page.evaluate((r) => {
    try {
      window.initlab.meanField(r);
      return null;
    } catch (error) {
      return error.message;
    }
  }, request);
}

test("meanField answers depth + 1 numbers with Infinity where the theory has it, and refusals name the argument", async () => {
  await withPage("", async ({ page }) => {
    const answer = await page.evaluate(() => {
      const m = window.initlab.meanField({ act: "relu", sigmaW: 1.5, sigmaB: 0, depth: 5 });
      return { q: m.q.length, c: m.c.length, qStar: String(m.q_star), xi: String(m.xi_c), c0: m.c[0] };
    });
    assert.deepEqual(answer, { q: 6, c: 6, qStar: "Infinity", xi: "Infinity", c0: 0.5 });
    assert.equal(
      await thrown(page, { act: "tanh", sigmaW: 11, sigmaB: 0, depth: 5 }),
      "meanField: sigmaW must be in (0, 10], not 11",
    );
    assert.equal(await page.evaluate(() => window.initlab.setLanguage("ru")).then((r) => r.ok), true);
    assert.equal(
      await thrown(page, { act: "tanh", sigmaW: 1, sigmaB: 0, depth: 0 }),
      "meanField: depth должно быть в 1…1000, а не 0",
    );
  });
});

test("20 × 64 is built, its through-depth view paints and follows the picked points; 9 layers of 128 are refused in words", async () => {
  await withPage(`?layers=${DEEP_20}`, async ({ page }) => {
    assert.equal((await page.evaluate(() => window.initlab.config())).layers, DEEP_20);
    const panel = page.locator('section[data-view="through"]');
    await panel.scrollIntoViewIfNeeded();
    const before = await canvasHash(page, "chart-through");
    assert.ok(before.painted > 0.02 * before.width * before.height, `only ${before.painted} painted pixels`);
    await page.fill("#through-b", "5");
    await page.dispatchEvent("#through-b", "change");
    const after = await canvasHash(page, "chart-through");
    assert.notEqual(after.hash, before.hash, "another point redraws the view");
    mkdirSync(OUTPUT, { recursive: true });
    await panel.screenshot({ path: join(OUTPUT, "theory-through-20x64-1280x800.png") });
    const refused = await page.evaluate(() => window.initlab.configure({ layers: Array(9).fill(128).join(",") }));
    assert.equal(refused.ok, false);
    assert.match(refused.error, /at most 8 hidden layers when a layer has more than 64 units/);
  });
});

/** Keeps the pixels of canvas `id` in the page, for `changedNear` to compare with. */
function keepPixels(page, id) {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId);
    window.__kept = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  }, id);
}

/** How many pixels of canvas `id` changed since `keepPixels`, in all and within `reach` CSS px of (x, y). */
function changedNear(page, id, { x, y, reach }) {
  return page.evaluate(
    ({ canvasId, x, y, reach }) => {
      const canvas = document.getElementById(canvasId);
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      let all = 0;
      let near = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === window.__kept[i] && data[i + 1] === window.__kept[i + 1] && data[i + 2] === window.__kept[i + 2]) continue;
        all += 1;
        const px = ((i / 4) % canvas.width) / scale;
        const py = Math.floor(i / 4 / canvas.width) / scale;
        if (Math.hypot(px - x, py - y) <= reach) near += 1;
      }
      return { all, near };
    },
    { canvasId: id, x, y, reach },
  );
}

test("a click on the decision boundary picks the nearest training point for the through-depth view, ringed there and named; a click off the plot does nothing", async () => {
  await withPage("?data=circles", async ({ page }) => {
    const value = (id) => page.inputValue(id);
    const pickLine = () => page.textContent("#through-pick");
    assert.deepEqual([await value("#through-a"), await value("#through-b")], ["0", "1"]);
    assert.match(await pickLine(), /#0 and #1.*as the first point/);
    const boundary = page.locator("#chart-boundary");
    await boundary.scrollIntoViewIfNeeded();
    const box = await boundary.boundingBox();
    // Spots inside the square plot (centred in the canvas), until one picks a point other than 0.
    const spots = [0.5, 0.35, 0.65].map((u) => ({ x: u * box.width, y: 0.55 * box.height }));
    let picked = "0";
    let spot;
    let through;
    for (spot of spots) {
      through = await canvasHash(page, "chart-through");
      await keepPixels(page, "chart-boundary");
      await boundary.click({ position: spot });
      picked = await value("#through-a");
      if (picked !== "0") break;
    }
    assert.match(picked, /^\d+$/, "the first point is a training point's index");
    assert.notEqual(picked, "0", "a click on the plot picks a point");
    assert.equal(await value("#through-b"), "1", "the first click sets the first point only");
    const ring = await changedNear(page, "chart-boundary", { ...spot, reach: 40 });
    assert.ok(ring.near > 20, `the picked point is ringed near the click (${ring.near} of ${ring.all} changed pixels near it)`);
    assert.notEqual((await canvasHash(page, "chart-through")).hash, through.hash, "the through-depth view redrew");
    assert.match(await pickLine(), new RegExp(`#${picked} and #1.*as the second point`));
    // The next click sets the second point, and the one after that the first again.
    await boundary.click({ position: spots[0] });
    const second = await value("#through-b");
    assert.notEqual(second, "1");
    assert.equal(await value("#through-a"), picked);
    assert.match(await pickLine(), new RegExp(`#${picked} and #${second}.*as the first point`));
    // Off the plot (the legend's corner): nothing is picked, nothing redrawn.
    const still = await canvasHash(page, "chart-through");
    await boundary.click({ position: { x: 2, y: 2 } });
    assert.deepEqual([await value("#through-a"), await value("#through-b")], [picked, second]);
    assert.equal((await canvasHash(page, "chart-through")).hash, still.hash);
    // Keyboard: a typed index is the second point; the next click sets the first.
    await page.fill("#through-b", "7");
    await page.dispatchEvent("#through-b", "change");
    assert.match(await pickLine(), new RegExp(`#${picked} and #7.*as the first point`));
  });
});

test("while the digits run, a click on the decision boundary's canvas (their confusion matrix) picks nothing, and the line says to type the indices", async () => {
  await withPage("?data=circles", async ({ page }) => {
    const boundary = page.locator("#chart-boundary");
    await boundary.scrollIntoViewIfNeeded();
    const box = await boundary.boundingBox();
    const centre = { x: 0.5 * box.width, y: 0.55 * box.height };
    await boundary.click({ position: centre });
    const picked = await page.inputValue("#through-a");
    assert.notEqual(picked, "0", "on the plane a click picks a point");
    await page.selectOption("#c-data", "digits");
    await page.waitForFunction(() => window.initlab.config().data === "digits");
    await page.evaluate(() => window.initlab.drawn);
    const line = await page.textContent("#through-pick");
    assert.match(line, new RegExp(`#${picked} and #1 \\(the digits have no plane`));
    await boundary.click({ position: centre });
    await boundary.click({ position: { x: 0.3 * box.width, y: 0.7 * box.height } });
    assert.deepEqual([await page.inputValue("#through-a"), await page.inputValue("#through-b")], [picked, "1"]);
    assert.equal(await page.textContent("#through-pick"), line);
  });
});

test("orthogonal-depth: the spectrum view paints A's and B's singular values, follows the settings, and refuses wide layers in words", async () => {
  await withPage("?lesson=orthogonal-depth", async ({ page }) => {
    const panel = page.locator('section[data-view="spectrum"]');
    await panel.scrollIntoViewIfNeeded();
    const linear = await canvasUntil(page, "chart-spectrum", (c) => c.painted > 0.01 * c.width * c.height);
    assert.ok(linear.width > 200 && linear.height > 150, `${linear.width}×${linear.height}`);
    assert.ok(linear.painted > 0.01 * linear.width * linear.height, `only ${linear.painted} painted pixels`);
    mkdirSync(OUTPUT, { recursive: true });
    await panel.screenshot({ path: join(OUTPUT, "theory-spectrum-32x64-1280x800.png") });
    await page.evaluate(() => window.initlab.configure({ act: "tanh" }));
    const tanh = await canvasUntil(page, "chart-spectrum", (c) => c.hash !== linear.hash);
    assert.notEqual(tanh.hash, linear.hash, "tanh spreads A's singular values: the bars move");
    const lesson = await page.evaluate(() => window.initlab.lesson());
    assert.equal(lesson.verdict.holds, true, lesson.verdict.text);
    await page.evaluate(() => window.initlab.configure({ layers: "128,128" }));
    const wide = await canvasUntil(page, "chart-spectrum", (c) => c.hash !== tanh.hash);
    assert.notEqual(wide.hash, tanh.hash, "a refusal in words replaces the bars");
  });
});

test("on a phone the orthogonal-depth lesson's spectrum keeps its height: under its six-line header, its bars are drawn", async () => {
  await withPage(
    "?lesson=orthogonal-depth&predict=0",
    async ({ page }) => {
      await page.locator('section[data-view="spectrum"]').scrollIntoViewIfNeeded();
      await canvasUntil(page, "chart-spectrum", (c) => c.painted > 0);
      // A's 64 singular values at 1 make one tall bar; the header and legend sit in the
      // canvas's top. Bar pixels (blue or orange, over white) in its lower 30 %: a canvas
      // capped to the screen's room (169 px) had only its header and legend (whose swatches
      // ended at 70 % of its height), and a blank strip below.
      const seen = await page.evaluate(() => {
        const canvas = document.getElementById("chart-spectrum");
        const from = Math.floor(canvas.height * 0.7);
        const { data } = canvas.getContext("2d").getImageData(0, from, canvas.width, canvas.height - from);
        let bars = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[i + 2]) > 60) bars += 1;
        const box = canvas.getBoundingClientRect();
        return { bars, height: box.height, css: parseFloat(getComputedStyle(canvas).height), rem: parseFloat(getComputedStyle(document.documentElement).fontSize) };
      });
      assert.ok(seen.height >= 20 * seen.rem, `the spectrum is ${seen.height} px tall, squashed to fit the screen`);
      assert.ok(seen.bars > 2000, `only ${seen.bars} bar pixels in the canvas's lower 30 %`);
    },
    { width: 390, height: 844 },
    { isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  );
});

test("while playing, the spectra are computed a piece per draw, the last ones shown meanwhile, then the very bars a draw at once shows", async () => {
  await withPage("?lesson=orthogonal-depth&predict=0", async ({ page }) => {
    await page.locator('section[data-view="spectrum"]').scrollIntoViewIfNeeded();
    await canvasUntil(page, "chart-spectrum", (c) => c.painted > 0);
    const seen = await page.evaluate(async () => {
      const wasm = await import("/pkg/initlab.js"); // the page's module, already initialised
      const canvas = { spectrum: document.getElementById("chart-spectrum") };
      const context = canvas.spectrum.getContext("2d");
      const hash = () => {
        const { data } = context.getImageData(0, 0, canvas.spectrum.width, canvas.spectrum.height);
        return data.reduce((h, v) => Math.imul(h ^ v, 16777619) >>> 0, 2166136261);
      };
      // tanh units: training moves the spectra, so a refresh shows.
      const query = "?lesson=orthogonal-depth&act=tanh&lr=0.5";
      const [lab, whole] = [new wasm.Lab(query), new wasm.Lab(query)];
      lab.draw(canvas, { dpr: 1, live: false });
      const start = hash();
      lab.train(5);
      whole.train(5);
      const hashes = [];
      for (let draw = 0; draw < 200 && (hashes.at(-1) ?? start) === start; draw += 1) {
        lab.draw(canvas, { dpr: 1, live: true });
        hashes.push(hash());
      }
      whole.draw(canvas, { dpr: 1, live: false });
      const atOnce = hash();
      lab.free();
      whole.free();
      return { start, hashes, atOnce };
    });
    const draws = seen.hashes.length;
    // The refresh starts at the 10th draw (REFRESH_EVERY), then goes on in pieces of 6·10⁶ multiply-adds.
    assert.ok(draws > 12 && draws < 200, `the bars changed at draw ${draws}`);
    assert.ok(seen.hashes.slice(0, -1).every((h) => h === seen.start), "the last spectra stay until the next are complete");
    assert.notEqual(seen.atOnce, seen.start, "five steps of tanh moved the spectra");
    assert.equal(seen.hashes.at(-1), seen.atOnce, "the spectra of the weights drawn at once, bar for bar");
  });
});

/** Polls canvas `id`'s fingerprint until `ready(it)` (the view draws on its own schedule), for up to 10 s. */
async function canvasUntil(page, id, ready) {
  for (const started = Date.now(); ; ) {
    const seen = await canvasHash(page, id);
    if (ready(seen) || Date.now() - started > 10_000) return seen;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
  }
}

// `make bench`'s phase diagram figure (issue #21): the 60 × 60 grid of mean-field fixed
// points of one activation, computed and drawn in the page's wasm. The Lab computes it 10
// columns per draw (src/web/phase.rs) and keeps it per activation, so three numbers:
//  - whole: every draw until the grid is complete, summed (a fresh Lab each time), in
//    wall-clock ms and in main-thread CPU ms (Chromium's ThreadTime, through the DevTools
//    protocol, less the CPU of the same call without the draws: on a machine shared with
//    other jobs the wall clock counts their time too), measured once the page's own diagram
//    is complete, so that its frames are not counted. The CPU figure is the one to read:
//    Chromium rasterises a canvas's drawing later on the main thread (about 1.5 ms per draw
//    of this chart, measured by forcing it with getImageData), which the wall clock around
//    each draw misses: ReLU's grid costs nothing, and its ~11 ms of CPU above its wall clock
//    are that raster over 6 draws, and the commit after;
//  - slice: the longest single draw of those (what one frame pays);
//  - warm: a redraw of the complete diagram (what every later frame pays).
// Against issue #21's target: the whole diagram in ≤ 50 ms.

/** Issue #21: the 60 × 60 phase diagram draws in ≤ 50 ms. */
export const PHASE_TARGET_MS = 50;
const ACTIVATIONS = ["tanh", "sigmoid", "relu"];

/** Median of a list. */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 1000) / 1000;

/** Times the phase diagram on `page` (the page loaded and drawn), `repeats` grids per activation. */
export async function phaseBench(page, repeats = 5) {
  // The page's own diagram is computed a few columns per animation frame (www/phase.js) after
  // it loads: those frames (about 10 ms each for tanh) must not land in the CPU measured here.
  await page.waitForFunction(() => document.getElementById("chart-phase").getAttribute("aria-busy") !== "true");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  const threadTime = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime").value * 1000;
  // The CPU of the same call without the draws (the protocol, the evaluate, a new Lab),
  // taken off each measurement.
  const overhead = [];
  for (let k = 0; k < repeats; k++) {
    const before = await threadTime();
    await page.evaluate(async () => {
      const wasm = await import("/pkg/initlab.js");
      new wasm.Lab("?act=tanh").free();
    });
    overhead.push((await threadTime()) - before);
  }
  const baseline = median(overhead);
  const out = {};
  for (const act of ACTIVATIONS) out[act] = await timeActivation(page, threadTime, act, repeats, baseline);
  await cdp.detach();
  return out;
}

/** Times `repeats` whole grids of activation `act` (see the header); `baseline`: CPU ms to take off. */
async function timeActivation(page, threadTime, act, repeats, baseline) {
  const whole = [];
  const cpu = [];
  const slices = [];
  const warm = [];
  for (let k = 0; k < repeats; k++) {
    const before = await threadTime();
    const run = await page.evaluate(async (a) => {
      const wasm = await import("/pkg/initlab.js"); // the page's module, already initialised
      const lab = new wasm.Lab(`?act=${a}`);
      const canvases = { phase: document.getElementById("chart-phase") };
      const options = { dpr: devicePixelRatio, live: false };
      const times = [];
      while (lab.phaseProgress() < 1) {
        const start = performance.now();
        lab.draw(canvases, options);
        times.push(performance.now() - start);
      }
      const start = performance.now();
      lab.draw(canvases, options);
      const again = performance.now() - start;
      lab.free();
      return { times, again };
    }, act);
    cpu.push((await threadTime()) - before - baseline - run.again);
    whole.push(run.times.reduce((a, b) => a + b, 0));
    slices.push(Math.max(...run.times));
    warm.push(run.again);
  }
  return {
    whole_wall_median_ms: round(median(whole)),
    // The least disturbed run: on a busy machine, the nearest to a quiet one.
    whole_wall_min_ms: round(Math.min(...whole)),
    whole_cpu_median_ms: round(median(cpu)),
    slice_max_median_ms: round(median(slices)),
    warm_median_ms: round(median(warm)),
    cpu_overhead_taken_off_ms: round(baseline),
    samples: repeats,
  };
}

/** The lines `make bench` prints for `report` (phaseBench's result). */
export function phaseLines(report) {
  return Object.entries(report).map(([act, r]) => {
    const ok = r.whole_cpu_median_ms <= PHASE_TARGET_MS ? "ok" : "ABOVE TARGET";
    return (
      `${`phase diagram 60 × 60, ${act}`.padEnd(34)} whole ${r.whole_cpu_median_ms} ms CPU ` +
      `(wall ${r.whole_wall_median_ms} ms median, ${r.whole_wall_min_ms} ms least; target ≤ ${PHASE_TARGET_MS} ms: ${ok}), longest draw ` +
      `${r.slice_max_median_ms} ms, redraw ${r.warm_median_ms} ms`
    );
  });
}

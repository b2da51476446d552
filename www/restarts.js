// The random-restarts panel until it is first used: its empty histogram, and a Run button
// that fetches the panel's code (restarts-panel.js, which starts the worker) on the first
// press, or on the first `initlab.restarts` call. The default explorer never needs it.

import { once, whenIdle } from "./on-demand.js";
import { text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/**
 * `need()` returns the Lab (or throws), `wasm` is the engine module, `adopt` is
 * charts.adopt, `loadSeed(seed)` applies a seed to the page, and `finished(request, result)`
 * hears of every finished run. Returns {run(options), relabel()}.
 */
export function createRestarts({ need, wasm, adopt, loadSeed, finished }) {
  const canvas = $("chart-restarts");
  let panel = null;
  // The empty histogram waits for idle time after the first frame, which it is not part
  // of (below the fold on a phone; ~50-90 ms of a phone's first frame at 4x CPU slowdown).
  let emptyDrawn = false;
  const fit = adopt(canvas, () => (panel ? panel.draw() : emptyDrawn && drawEmpty()));
  /** Whether the status line says the chart failed (a canvas of no width, mid-resize). */
  let chartFailed = false;

  /** The histogram with no runs yet (its axes and caption, in the page's language). */
  function drawEmpty() {
    emptyDrawn = true;
    const error = wasm.drawRestarts(canvas, new Float64Array(0), fit());
    if (error || chartFailed) $("restarts-status").textContent = error ? text("chartFailed", { error }) : "";
    chartFailed = Boolean(error);
  }

  // The panel wires the button itself once loaded; until then a press fetches it first.
  const firstPress = new AbortController();
  const load = once(async () => {
    const { createRestartsPanel } = await import("./restarts-panel.js");
    firstPress.abort();
    panel = createRestartsPanel({ need, wasm, canvas, fit, loadSeed, finished });
    return panel;
  });
  $("restarts-run").addEventListener(
    "click",
    () =>
      load().then(
        (loaded) => loaded.runFromPanel(),
        (error) => ($("restarts-status").textContent = text("restartsFailed", { error: error.message })),
      ),
    { signal: firstPress.signal },
  );
  $("restarts-run").disabled = false;
  whenIdle(() => panel || emptyDrawn || drawEmpty());

  return {
    /** `initlab.restarts(options)`: a Promise of the result (see restarts-panel.js). */
    run: (options) => load().then((loaded) => loaded.run(options)),
    relabel: () => (panel ? panel.relabel() : drawEmpty()),
  };
}

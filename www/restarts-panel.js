// The random-restarts panel and `initlab.restarts`: K seeds of the current settings trained
// for N steps in a Web Worker (www/restarts-worker.js), then where they ended: a histogram
// of final losses (drawn by the engine), the shares solved and stuck, and the seeds, each a
// button that loads that seed into the page. The engine checks every argument. Loaded on
// first use by restarts.js, which holds the panel until then.

import { fixed, significant } from "./numbers.js";
import { localizedError, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** At most this many seeds are listed (the best and the worst runs matter most). */
const LISTED = 200;

/**
 * `need()` returns the Lab (or throws), `wasm` is the engine module, `canvas` the
 * histogram's canvas and `fit()` its size (charts.adopt), `loadSeed(seed)` applies a seed
 * to the page, and `finished(request, result)` hears of every finished run.
 * Returns {run(options), runFromPanel(), draw(), relabel()}.
 */
export function createRestartsPanel({ need, wasm, canvas, fit, loadSeed, finished }) {
  let losses = [];
  /** The request in flight: its worker and how to settle its promise. */
  let current = null;

  /** How the status line's words are made, so that a language switch can say them again. */
  let words = null;
  function say(make) {
    words = make;
    $("restarts-status").textContent = make();
  }
  /** The runs the seed list shows (kept for a language switch). */
  let listed = null;

  function draw() {
    const error = wasm.drawRestarts(canvas, Float64Array.from(losses), fit());
    if (error) say(() => text("chartFailed", { error }));
  }

  function showRunning(running) {
    $("restarts-run").disabled = running;
    $("restarts-stop").hidden = !running;
    $("restarts-progress").hidden = !running;
  }

  function showProgress(done, total) {
    const bar = $("restarts-progress");
    bar.max = total;
    bar.value = done;
    say(() => text("restartsProgress", { done, total }));
  }

  /** One button per run, best final loss first. */
  function showSeeds(runs) {
    listed = runs;
    const sorted = [...runs].sort((a, b) => (a.loss ?? Infinity) - (b.loss ?? Infinity));
    const items = sorted.slice(0, LISTED).map((run) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = run.loss < 0.01 ? "solved" : run.loss > 0.1 || run.diverged ? "stuck" : "";
      button.textContent = text("restartsSeed", {
        seed: run.seed,
        loss: run.diverged ? text("restartsDiverged") : significant(run.loss, 3),
      });
      button.addEventListener("click", () => loadSeed(run.seed));
      item.append(button);
      return item;
    });
    $("restarts-seeds").replaceChildren(...items);
  }

  function finish(outcome) {
    current?.worker.terminate();
    current = null;
    showRunning(false);
    return outcome;
  }

  /** Starts a checked request `{query, runs, steps, firstSeed}`; resolves with the result. */
  function start(request) {
    if (current) {
      current.reject(new Error(text("restartsSuperseded")));
      finish();
    }
    const worker = new Worker(new URL("./restarts-worker.js", import.meta.url), { type: "module" });
    const started = performance.now();
    return new Promise((resolve, reject) => {
      current = { worker, reject };
      showRunning(true);
      showProgress(0, request.runs);
      worker.onmessage = ({ data }) => {
        if (data.type === "progress") return showProgress(data.done, data.total);
        finish();
        if (data.type === "error") {
          say(() => data.message);
          return reject(new Error(data.message));
        }
        const result = { ...data.result, seconds: (performance.now() - started) / 1000 };
        losses = result.runs.map((run) => (run.diverged ? NaN : run.loss));
        draw();
        showSeeds(result.runs);
        finished?.(request, result);
        say(() => text("restartsDone", {
          runs: result.runs.length,
          steps: request.steps,
          seconds: fixed(result.seconds, 2),
        }));
        resolve(result);
      };
      worker.onerror = (event) => {
        finish();
        say(() => text("restartsFailed", { error: event.message ?? "" }));
        reject(new Error(words()));
      };
      worker.postMessage({ query: request.query, options: request });
    });
  }

  /** `initlab.restarts(options)`: checks the arguments now, then trains in the worker. */
  function run(options) {
    let request;
    try {
      request = need().restartPlan(options ?? {});
    } catch (error) {
      // The engine's refusal carries its message id: word it in the page's language.
      say(() => localizedError(error).message);
      return Promise.reject(error);
    }
    return start(request);
  }

  function fromPanel() {
    const options = {
      runs: Number($("restarts-runs").value),
      steps: Number($("restarts-steps").value),
      firstSeed: Number($("restarts-first").value),
    };
    // The panel shows the outcome (or the refusal) itself.
    run(options).catch(() => {});
  }

  $("restarts-run").addEventListener("click", fromPanel);
  $("restarts-stop").addEventListener("click", () => {
    if (!current) return;
    current.reject(new Error(text("restartsStopped")));
    finish();
    say(() => text("restartsStopped"));
  });
  /** After a language switch: the status line, the seed list and the chart in the new words. */
  function relabel() {
    if (words) $("restarts-status").textContent = words();
    if (listed) showSeeds(listed);
    draw();
  }

  return { run, runFromPanel: fromPanel, draw, relabel };
}

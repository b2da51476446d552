// The random-restarts panel and `initlab.restarts`: K seeds of the current settings trained
// for N steps in a Web Worker (www/restarts-worker.js), then where they ended: a histogram
// of final losses (drawn by the engine), the shares solved and stuck, and the seeds, each a
// button that loads that seed into the page. The engine checks every argument. Loaded on
// first use by restarts.js, which holds the panel until then.

import { digitsFor } from "./digits-choice.js";
import { fixed, significant } from "./numbers.js";
import { localizedError, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** At most this many seeds are listed (the best and the worst runs matter most). */
const LISTED = 200;

/*
 * The panel's state, one object `r` shared by the functions below: the parts given to
 * createRestartsPanel, the last run's `losses`, `current` (the request in flight: its worker
 * and how to settle its promise), `words` (how the status line's words are made, so that a
 * language switch can say them again) and `listed` (the runs the seed list shows).
 */

/** Says `make()` in the status line, and keeps `make` for a language switch. */
function say(r, make) {
  r.words = make;
  $("restarts-status").textContent = make();
}

/** Draws the histogram; a failure is said in the status line until a draw succeeds again. */
function draw(r) {
  const error = r.wasm.drawRestarts(r.canvas, Float64Array.from(r.losses), { ...r.fit(), ...r.judged });
  if (error) {
    if (!r.chartFailed) r.wordsBeforeFailure = r.words;
    r.chartFailed = true;
    say(r, () => text("chartFailed", { error }));
  } else if (r.chartFailed) {
    r.chartFailed = false;
    say(r, r.wordsBeforeFailure ?? (() => ""));
  }
}

function showRunning(running) {
  $("restarts-run").disabled = running;
  $("restarts-stop").hidden = !running;
  $("restarts-progress").hidden = !running;
}

function showProgress(r, done, total) {
  const bar = $("restarts-progress");
  bar.max = total;
  bar.value = done;
  say(r, () => text("restartsProgress", { done, total }));
}

/** One button per run, best final loss first. */
function showSeeds(r, runs) {
  r.listed = runs;
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
    button.addEventListener("click", () => r.loadSeed(run.seed));
    item.append(button);
    return item;
  });
  $("restarts-seeds").replaceChildren(...items);
}

function finish(r) {
  r.current?.worker.terminate();
  r.current = null;
  showRunning(false);
}

/** Shows a finished request's `result`: the histogram, the seeds, the status line. */
function showResult(r, request, result) {
  r.losses = result.runs.map((run) => (run.diverged ? NaN : run.loss));
  // How the engine judged them (the digits by test accuracy): the chart words it so.
  r.judged = { goal: result.goal, solved: result.solved, stuck: result.stuck };
  draw(r);
  showSeeds(r, result.runs);
  r.finished?.(request, result);
  say(r, () => text("restartsDone", {
    runs: result.runs.length,
    steps: request.steps,
    seconds: fixed(result.seconds, 2),
  }));
}

/**
 * Starts a checked request `{query, runs, steps, firstSeed}`; resolves with the result.
 * `digits`: the digits file's bytes when the query trains on them (the worker's engine
 * installs them: it shares no memory with the page's).
 */
function start(r, request, digits) {
  if (r.current) {
    r.current.reject(new Error(text("restartsSuperseded")));
    finish(r);
  }
  const worker = new Worker(new URL("./restarts-worker.js", import.meta.url), { type: "module" });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    r.current = { worker, reject };
    showRunning(true);
    showProgress(r, 0, request.runs);
    worker.onmessage = ({ data }) => {
      if (data.type === "progress") return showProgress(r, data.done, data.total);
      finish(r);
      if (data.type === "error") {
        say(r, () => data.message);
        return reject(new Error(data.message));
      }
      const result = { ...data.result, seconds: (performance.now() - started) / 1000 };
      showResult(r, request, result);
      resolve(result);
    };
    worker.onerror = (event) => {
      finish(r);
      say(r, () => text("restartsFailed", { error: event.message ?? "" }));
      reject(new Error(r.words()));
    };
    worker.postMessage({ query: request.query, options: request, digits });
  });
}

/** `initlab.restarts(options)`: checks the arguments now, then trains in the worker. */
function run(r, options) {
  let request;
  try {
    request = r.need().restartPlan(options ?? {});
  } catch (error) {
    // The engine's refusal carries its message id: word it in the page's language.
    say(r, () => localizedError(error).message);
    return Promise.reject(error);
  }
  return digitsFor(r.wasm, request.query).then((digits) => start(r, request, digits));
}

/** Runs what the panel's fields ask for; the panel shows the outcome (or the refusal) itself. */
function runFromPanel(r) {
  const options = {
    runs: Number($("restarts-runs").value),
    steps: Number($("restarts-steps").value),
    firstSeed: Number($("restarts-first").value),
  };
  run(r, options).catch(() => {});
}

/** Stops the request in flight, if any. */
function stopRunning(r) {
  if (!r.current) return;
  r.current.reject(new Error(text("restartsStopped")));
  finish(r);
  say(r, () => text("restartsStopped"));
}

/** After a language switch: the status line, the seed list and the chart in the new words. */
function relabel(r) {
  if (r.words) $("restarts-status").textContent = r.words();
  if (r.listed) showSeeds(r, r.listed);
  draw(r);
}

/**
 * `need()` returns the Lab (or throws), `wasm` is the engine module, `canvas` the
 * histogram's canvas and `fit()` its size (charts.adopt), `loadSeed(seed)` applies a seed
 * to the page, and `finished(request, result)` hears of every finished run.
 * Returns {run(options), runFromPanel(), draw(), relabel()}.
 */
export function createRestartsPanel(parts) {
  const r = { ...parts, losses: [], judged: null, current: null, words: null, listed: null };
  $("restarts-run").addEventListener("click", () => runFromPanel(r));
  $("restarts-stop").addEventListener("click", () => stopRunning(r));
  return {
    run: (options) => run(r, options),
    runFromPanel: () => runFromPanel(r),
    draw: () => draw(r),
    relabel: () => relabel(r),
  };
}

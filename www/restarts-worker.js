// A Web Worker that trains random restarts off the page's thread, so the page keeps
// animating and answering while dozens of runs train. It loads its own copy of the engine
// and drives a RestartRunner (src/web/restarts.rs) one run at a time.

import init, { RestartRunner, digitsInstalled, installDigits } from "../pkg/initlab.js";

/** Longest stretch of training between two progress messages, in ms. */
const REPORT_EVERY_MS = 100;

const ready = init();

/**
 * Trains every run of one request: `{query, options, digits}` → progress messages, then the
 * result. `digits`, the digits file's bytes when the runs train on them, is installed in
 * this worker's engine first (the page checked its SHA-256; the engine reads every byte).
 */
async function train({ query, options, digits }) {
  await ready;
  if (digits && !digitsInstalled()) installDigits(digits);
  const runner = new RestartRunner(query, options);
  try {
    let reported = performance.now();
    let finished = false;
    while (!finished) {
      finished = runner.advance(1);
      const now = performance.now();
      if (finished || now - reported >= REPORT_EVERY_MS) {
        self.postMessage({ type: "progress", done: runner.done(), total: runner.total() });
        reported = now;
      }
    }
    self.postMessage({ type: "done", result: runner.result() });
  } finally {
    runner.free();
  }
}

self.onmessage = ({ data }) => {
  train(data).catch((error) => {
    self.postMessage({ type: "error", message: error?.message ?? String(error) });
  });
};

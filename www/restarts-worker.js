// A Web Worker that trains random restarts off the page's thread, so the page keeps
// animating and answering while dozens of runs train. It loads its own copy of the engine
// and drives a RestartRunner (src/web/restarts.rs) one run at a time.

import init, { RestartRunner } from "../pkg/initlab.js";

/** Longest stretch of training between two progress messages, in ms. */
const REPORT_EVERY_MS = 100;

const ready = init();

/** Trains every run of one request: `{query, options}` → progress messages, then the result. */
async function train({ query, options }) {
  await ready;
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

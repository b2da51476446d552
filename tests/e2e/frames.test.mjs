// The animation loop's scheduler (www/frames.js) on a simulated clock: a cheap cycle fits
// in one frame; a heavy one spreads over frames without any frame (after the first cycle
// has measured its pieces) doing more than the budget, and the pieces keep their order.

import assert from "node:assert/strict";
import { test } from "node:test";
import { FRAME_BUDGET_MS, createFrameCycle } from "../../www/frames.js";

/**
 * A cycle whose pieces advance a fake clock by the given ms; `trainParts` calls train a
 * cycle's steps, `prepareParts` calls complete a snapshot.
 */
function simulated({ trainMs, trainParts = 1, prepareMs, prepareParts, drawMs }) {
  let clock = 0;
  let parts = 0;
  let trained = 0;
  const log = [];
  const firsts = [];
  const cycle = createFrameCycle({
    now: () => clock,
    train(first) {
      clock += trainMs;
      log.push("train");
      firsts.push(first);
      trained += 1;
      if (trained < trainParts) return false;
      trained = 0;
      return true;
    },
    prepare() {
      clock += prepareMs;
      parts += 1;
      log.push("prepare");
      if (parts < prepareParts) return false;
      parts = 0;
      return true;
    },
    draw() {
      clock += drawMs;
      log.push("draw");
    },
  });
  /** Runs one frame; returns its work in ms and whether it drew. */
  const frame = () => {
    const start = clock;
    const drew = cycle.runFrame();
    return { ms: clock - start, drew };
  };
  return { frame, log, firsts };
}

test("a cheap cycle trains, completes the snapshot and draws in every frame", () => {
  const sim = simulated({ trainMs: 1, prepareMs: 1, prepareParts: 1, drawMs: 2 });
  for (let i = 0; i < 5; i += 1) assert.deepEqual(sim.frame(), { ms: 4, drew: true });
  assert.deepEqual(sim.log.slice(0, 3), ["train", "prepare", "draw"]);
});

test("a heavy A/B cycle spreads over frames, each within the budget once measured", () => {
  // Roughly A/B at 8 × 64: training both 9 ms, each side's statistics 8 ms, the redraw 6 ms.
  const sim = simulated({ trainMs: 9, prepareMs: 8, prepareParts: 2, drawMs: 6 });
  const frames = Array.from({ length: 40 }, sim.frame);
  const measured = frames.slice(8);
  for (const { ms } of measured) assert.ok(ms <= FRAME_BUDGET_MS, `a frame did ${ms} ms of work`);
  const draws = measured.filter((f) => f.drew).length;
  assert.ok(draws > 0 && draws < measured.length, `drew in ${draws} of ${measured.length} frames`);
  // Order is kept: every draw follows a train and both halves of the snapshot.
  const cycleText = sim.log.join(",");
  assert.ok(!/train,draw|prepare,train|draw,prepare/.test(cycleText), cycleText.slice(0, 200));
  assert.match(cycleText, /^(train,prepare,prepare,draw,)+/);
});

test("a piece longer than the budget still runs, alone in its frame", () => {
  const sim = simulated({ trainMs: 30, prepareMs: 1, prepareParts: 1, drawMs: 1 });
  sim.frame(); // the first frame measures every piece
  const frames = Array.from({ length: 6 }, sim.frame);
  assert.ok(frames.some((f) => f.ms === 30), JSON.stringify(frames));
  assert.ok(frames.every((f) => f.ms === 30 || f.ms <= FRAME_BUDGET_MS), JSON.stringify(frames));
});

test("a deep network's cycle, its steps and its snapshot in pieces, keeps every frame within the budget", () => {
  // Roughly 32 × 64: 10 steps as 5 pieces of 3 ms, the snapshot as 12 pieces of 2.5 ms, the redraw 8 ms.
  const sim = simulated({ trainMs: 3, trainParts: 5, prepareMs: 2.5, prepareParts: 12, drawMs: 8 });
  const frames = Array.from({ length: 60 }, sim.frame);
  for (const { ms } of frames.slice(4)) assert.ok(ms <= FRAME_BUDGET_MS, `a frame did ${ms} ms of work`);
  const cycle = `${"train,".repeat(5)}${"prepare,".repeat(12)}draw,`;
  assert.match(sim.log.join(","), new RegExp(`^(${cycle})+`));
  // Only a cycle's first train piece is told it starts the cycle (it sets the cycle's target step).
  assert.deepEqual(sim.firsts.slice(0, 10), [true, false, false, false, false, true, false, false, false, false]);
});

test("the slower views are pieces of their own, after the core charts and before the next training", () => {
  let clock = 0;
  const log = [];
  let views = [];
  const cycle = createFrameCycle({
    now: () => clock,
    train: () => (log.push("train"), (clock += 3), true),
    prepare: () => (log.push("prepare"), (clock += 3), true),
    draw() {
      log.push("draw");
      clock += 6;
      views = ["network", "gradients"];
    },
    drawView() {
      const view = views.shift();
      if (view) {
        log.push(view);
        clock += view === "network" ? 9 : 2;
      }
      return views.length === 0;
    },
  });
  const frames = [];
  for (let i = 0; i < 12; i += 1) {
    const start = clock;
    cycle.runFrame();
    frames.push(clock - start);
  }
  assert.match(log.join(","), /^(train,prepare,draw,network,gradients,)+/);
  for (const ms of frames.slice(2)) assert.ok(ms <= FRAME_BUDGET_MS, `a frame did ${ms} ms: ${frames}`);
});

test("a piece's own last duration plans its frame: a long view after a short one is not squeezed in", () => {
  // B's core charts (7 ms) after a quick view (1 ms): the kind's last duration would say 1 ms.
  let clock = 0;
  const log = [];
  let views = [];
  const own = { quick: 1, "b-core": 7 };
  const cycle = createFrameCycle({
    now: () => clock,
    train: () => (log.push("train"), (clock += 1), true),
    prepare: () => (log.push("prepare"), (clock += 1), true),
    draw() {
      log.push("draw");
      clock += 8;
      views = ["b-core", "quick"];
    },
    drawView() {
      const view = views.shift();
      log.push(view);
      clock += own[view];
      return views.length === 0;
    },
    tagOf: (piece) => (piece === "view" ? views[0] : piece),
  });
  const frames = [];
  for (let i = 0; i < 12; i += 1) {
    const start = clock;
    cycle.runFrame();
    frames.push(clock - start);
  }
  assert.match(log.join(","), /^(train,prepare,draw,b-core,quick,)+/);
  // Once each piece has run (the first cycle), every frame keeps to the budget.
  for (const ms of frames.slice(2)) assert.ok(ms <= FRAME_BUDGET_MS, `a frame did ${ms} ms: ${frames}`);
});

test("the training piece that records the loss history is planned by its own duration", () => {
  // 20 × 64, A and B: 5 pieces of 2 steps, 1.3 ms each, the last recording the history (+10 ms).
  let clock = 0;
  let piece = 0;
  const cycle = createFrameCycle({
    now: () => clock,
    train() {
      piece += 1;
      clock += piece % 5 === 0 ? 11.3 : 1.3;
      return piece % 5 === 0;
    },
    prepare: () => ((clock += 2), true),
    draw: () => (clock += 9),
    tagOf: (kind) => (kind === "train" && (piece + 1) % 5 === 0 ? "train:record" : kind),
  });
  const frames = Array.from({ length: 40 }, () => {
    const start = clock;
    cycle.runFrame();
    return clock - start;
  });
  for (const ms of frames.slice(6)) assert.ok(ms <= FRAME_BUDGET_MS, `a frame did ${ms} ms: ${frames}`);
});

test("each piece is planned by the one at its place in the cycle before: the snapshot's longer last piece too", () => {
  // 32 × 64, A and B: eight snapshot pieces of 1 ms, then the one that completes it, 6 ms.
  let clock = 0;
  let parts = 0;
  const cycle = createFrameCycle({
    now: () => clock,
    train: () => ((clock += 3), true),
    prepare() {
      parts += 1;
      clock += parts % 9 === 0 ? 6 : 1;
      return parts % 9 === 0;
    },
    draw: () => (clock += 9),
  });
  const frames = Array.from({ length: 40 }, () => {
    const start = clock;
    cycle.runFrame();
    return clock - start;
  });
  for (const ms of frames.slice(4)) assert.ok(ms <= FRAME_BUDGET_MS, `a frame did ${ms} ms: ${frames}`);
});

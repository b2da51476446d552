// Spreads one "train, snapshot, redraw" cycle over as many animation frames as it needs, so
// that no frame runs long: a deep network compared with another (8 × 64 on both sides) costs
// two to three frames' worth of work per cycle. A piece is predicted by its last duration in
// the cycle before (the same kind at the same place, or the same tag);
// a frame stops taking pieces when the next would overrun FRAME_BUDGET_MS (it always does at
// least one). Small networks fit the whole cycle into every frame, as before.
//
// It schedules; it computes nothing: the pieces are the Lab's train and prepareSnapshot
// calls and the page's redraw. A deep network (20 or 32 layers of 64) trains its steps and
// computes its snapshot in several pieces each (Lab.stepsPerPiece, Lab.prepareSnapshot), so
// that no piece is longer than a frame should be.

/** Work per frame the loop aims for, leaving the rest of 16.7 ms to the browser. */
export const FRAME_BUDGET_MS = 12;

/**
 * The frame plan's predictions: each piece's last duration, by its tag (`tagOf(piece,
 * first)`), else by its kind and place in the cycle (the snapshot's last piece, which
 * completes it, is longer than the others; so is the same one in the next cycle).
 */
function createPlan(tagOf) {
  const lastMs = new Map();
  /** Pieces of each kind run so far in this cycle. */
  const count = { train: 0, prepare: 0, draw: 0, view: 0 };
  function keyOf(piece, first) {
    const tag = tagOf(piece, first);
    if (tag !== piece) return tag;
    return `${piece}:${piece === "train" && first ? 0 : count[piece]}`;
  }
  return {
    predict: (piece, first) => lastMs.get(keyOf(piece, first)) ?? lastMs.get(piece) ?? 0,
    /** `piece` is about to run: counts it (a cycle's first piece starts again) and returns its key. */
    starting(piece, first) {
      const key = keyOf(piece, first);
      if (piece === "train" && first) Object.keys(count).forEach((kind) => (count[kind] = 0));
      count[piece] += 1;
      return key;
    },
    took(piece, key, ms) {
      lastMs.set(key, ms).set(piece, ms);
    },
  };
}

/**
 * A loop of `train(first)` until it returns true (the cycle's steps are done; `first` is
 * true for a cycle's first piece), then `prepare()` until it returns true (the snapshot is
 * complete), then `draw()` (the core charts), then `drawView()` until it returns true (the
 * slower views and B's core charts, one per piece). `runFrame()` does the next pieces that
 * fit in one frame and returns true when it ended a cycle. `tagOf(piece, first)` names the
 * next piece more closely where pieces of a kind differ in cost (a view, the training piece
 * that records the loss history): its own last duration then predicts it.
 */
export function createFrameCycle({
  train,
  prepare,
  draw,
  drawView = () => true,
  tagOf = (piece) => piece,
  now = () => performance.now(),
}) {
  const plan = createPlan(tagOf);
  let next = "train";
  /** Whether the next train piece starts a cycle. */
  let first = true;
  const predict = (piece) => plan.predict(piece, first);

  /** Runs one piece, times it, and says which piece comes after it. */
  function runPiece(piece) {
    const key = plan.starting(piece, first);
    const start = now();
    let after;
    if (piece === "train") {
      after = train(first) ? "prepare" : "train";
      first = false;
    } else if (piece === "prepare") {
      after = prepare() ? "draw" : "prepare";
    } else if (piece === "draw") {
      draw();
      after = "view";
    } else {
      after = drawView() ? "train" : "view";
      first = after === "train";
    }
    plan.took(piece, key, now() - start);
    return after;
  }

  return {
    runFrame() {
      const start = now();
      let drew = false;
      do {
        const piece = next;
        next = runPiece(piece);
        drew = piece === "view" && next === "train";
      } while (!drew && now() - start + predict(next) <= FRAME_BUDGET_MS);
      return drew;
    },
    /** Starts the next cycle from training (after a pause, a change or a redraw elsewhere). */
    restart() {
      next = "train";
      first = true;
    },
  };
}

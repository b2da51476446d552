// Spreads one "train, snapshot, redraw" cycle over as many animation frames as it needs, so
// that no frame runs long: a deep network compared with another (8 × 64 on both sides) costs
// two to three frames' worth of work per cycle. Each piece's last duration predicts the next;
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
 * A loop of `train(first)` until it returns true (the cycle's steps are done; `first` is
 * true for a cycle's first piece), then `prepare()` until it returns true (the snapshot is
 * complete), then `draw()` (the core charts), then `drawView()` until it returns true (the
 * slower views and B's core charts, one per piece; `viewMs()` is the next one's own last
 * duration, if known). `runFrame()` does the next pieces that fit in one frame and returns
 * true when it ended a cycle.
 */
export function createFrameCycle({
  train,
  prepare,
  draw,
  drawView = () => true,
  viewMs = () => undefined,
  now = () => performance.now(),
}) {
  /** Last measured milliseconds of each kind of piece: the prediction for the next one. */
  const lastMs = { train: 0, prepare: 0, draw: 0, view: 0 };
  /** A view's own last duration where known (a network diagram and a histogram differ 20-fold). */
  const predict = (piece) => (piece === "view" ? (viewMs() ?? lastMs.view) : lastMs[piece]);
  let next = "train";
  /** Whether the next train piece starts a cycle. */
  let first = true;

  /** Runs one piece, times it, and says which piece comes after it. */
  function runPiece(piece) {
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
    lastMs[piece] = now() - start;
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

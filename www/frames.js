// Spreads one "train, snapshot, redraw" cycle over as many animation frames as it needs, so
// that no frame runs long: a deep network compared with another (8 × 64 on both sides) costs
// two to three frames' worth of work per cycle. Each piece's last duration predicts the next;
// a frame stops taking pieces when the next would overrun FRAME_BUDGET_MS (it always does at
// least one). Small networks fit the whole cycle into every frame, as before.
//
// It schedules; it computes nothing: the pieces are the Lab's train and prepareSnapshot
// calls and the page's redraw.

/** Work per frame the loop aims for, leaving the rest of 16.7 ms to the browser. */
export const FRAME_BUDGET_MS = 12;

/**
 * A loop of `train()`, then `prepare()` until it returns true (the snapshot is complete),
 * then `draw()`. `runFrame()` does the next pieces that fit in one frame and returns true
 * when it ended a cycle with a redraw.
 */
export function createFrameCycle({ train, prepare, draw, now = () => performance.now() }) {
  /** Last measured milliseconds of each kind of piece: the prediction for the next one. */
  const lastMs = { train: 0, prepare: 0, draw: 0 };
  let next = "train";

  /** Runs one piece, times it, and says which piece comes after it. */
  function runPiece(piece) {
    const start = now();
    let after;
    if (piece === "train") {
      train();
      after = "prepare";
    } else if (piece === "prepare") {
      after = prepare() ? "draw" : "prepare";
    } else {
      draw();
      after = "train";
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
        drew = piece === "draw";
      } while (!drew && now() - start + lastMs[next] <= FRAME_BUDGET_MS);
      return drew;
    },
    /** Starts the next cycle from training (after a pause, a change or a redraw elsewhere). */
    restart() {
      next = "train";
    },
  };
}

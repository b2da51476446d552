// The slower views while playing (the network diagram, gradients, depth, landscape, through
// depth, spectrum, phase diagram): a live redraw draws the core charts (activations, loss, weights,
// boundary) and leaves each view that is due to a piece of its own, drawn after it in the
// same cycle of the animation loop (www/frames.js), so before any training and from the
// same snapshot. A view is due every SECONDARY_EVERY-th cycle at most (next to the loss and
// the histograms they change slowly), and less often when its last draw took long: a deep
// network's diagram (~20 ms at 20 layers of 64) would otherwise take a frame of its own
// every few frames. Any other redraw (paused, a change) draws every chart at once.
//
// It schedules; it draws nothing: charts.js draws what `next()` hands out.

/** The charts a live redraw leaves to pieces of their own. */
export const SECONDARY = ["network", "gradients", "depth", "landscape", "through", "spectrum", "phase"];
/** A view is redrawn at most every this many cycles while playing. */
const SECONDARY_EVERY = 3;
/** Milliseconds per cycle, on average, one view may spend while playing. */
const VIEW_MS_PER_CYCLE = 2;

export function createViewPieces(now = () => performance.now()) {
  /** Per view (`side:key`): its last draw's ms and the cycle it was drawn in. */
  const lastMs = new Map();
  const drawnAt = new Map();
  let cycle = 0;
  /** The views due in this cycle and not yet drawn: [side, key, canvas]. */
  let queue = [];

  /** Whether the view `id` is due in this cycle. */
  function due(id) {
    const every = Math.max(SECONDARY_EVERY, Math.ceil((lastMs.get(id) ?? 0) / VIEW_MS_PER_CYCLE));
    return cycle - (drawnAt.get(id) ?? -Infinity) >= every;
  }

  return {
    /**
     * A live redraw of `sides` ([[side, {key: canvas}]]): returns them without the views,
     * and queues those that are due.
     */
    split(sides) {
      cycle += 1;
      queue = [];
      return sides.map(([side, canvases]) => {
        const core = Object.entries(canvases).filter(([key, canvas]) => {
          if (!SECONDARY.includes(key)) return true;
          if (due(`${side}:${key}`)) queue.push([side, key, canvas]);
          return false;
        });
        return [side, Object.fromEntries(core)];
      });
    },
    /** Draws the next queued view with `drawOne(side, key, canvas)`; returns what it returned. */
    drawNext(drawOne) {
      const next = queue.shift();
      if (!next) return undefined;
      const [side, key] = next;
      const start = now();
      const result = drawOne(...next);
      lastMs.set(`${side}:${key}`, now() - start);
      drawnAt.set(`${side}:${key}`, cycle);
      return result;
    },
    /** Whether views are queued for pieces of their own. */
    pending: () => queue.length > 0,
    /** A redraw of everything: nothing is left for later. */
    clear() {
      queue = [];
    },
  };
}

// The slower views while playing (the network diagram, gradients, depth, landscape, through
// depth, spectrum, phase diagram): a live redraw draws the core charts (activations, loss, weights,
// boundary) and leaves each view that is due to a piece of its own, drawn after it in the
// same cycle of the animation loop (www/frames.js), so before any training and from the
// same snapshot. A view is due every SECONDARY_EVERY-th cycle at most (next to the loss and
// the histograms they change slowly), and less often when its last draw took long: a deep
// network's diagram (~20 ms at 20 layers of 64) would otherwise take a frame of its own
// every few frames. While comparing, B's core charts are a piece of their own too, the first
// after A's, every cycle: two deep networks' core charts (~7 ms each at 32 layers of 64) do
// not fit one frame. Any other redraw (paused, a change) draws every chart at once.
//
// It schedules; it draws nothing: charts.js draws what `drawNext()` hands out, and the
// animation loop (frames.js) plans a frame by the next piece's own last duration (`nextId()`).

/** The charts a live redraw leaves to pieces of their own. */
export const SECONDARY = ["network", "gradients", "depth", "landscape", "through", "spectrum", "phase"];
/** A view is redrawn at most every this many cycles while playing. */
const SECONDARY_EVERY = 3;
/** Milliseconds per cycle, on average, one view may spend while playing. */
const VIEW_MS_PER_CYCLE = 2;

export function createViewPieces(now = () => performance.now()) {
  /** Per piece (`side:key` of a view, `b:core` for B's core charts): its last draw's ms and cycle. */
  const lastMs = new Map();
  const drawnAt = new Map();
  let cycle = 0;
  /** The pieces due in this cycle and not yet drawn: [side, {key: canvas}, id]. */
  let queue = [];

  /** Whether the view `id` is due in this cycle. */
  function due(id) {
    const every = Math.max(SECONDARY_EVERY, Math.ceil((lastMs.get(id) ?? 0) / VIEW_MS_PER_CYCLE));
    return cycle - (drawnAt.get(id) ?? -Infinity) >= every;
  }

  return {
    /**
     * A live redraw of `sides` ([[side, {key: canvas}]], A first): returns A's core charts,
     * and queues B's core charts and the views that are due.
     */
    split(sides) {
      cycle += 1;
      queue = [];
      const views = [];
      const kept = sides.map(([side, canvases], index) => {
        const core = {};
        for (const [key, canvas] of Object.entries(canvases)) {
          if (!SECONDARY.includes(key)) core[key] = canvas;
          else if (due(`${side}:${key}`)) views.push([side, { [key]: canvas }, `${side}:${key}`]);
        }
        if (index === 0 || Object.keys(core).length === 0) return [side, core];
        queue.push([side, core, `${side}:core`]);
        return [side, {}];
      });
      queue.push(...views);
      return kept;
    },
    /** Draws the next queued piece with `drawOne(side, {key: canvas})`; returns what it returned. */
    drawNext(drawOne) {
      const next = queue.shift();
      if (!next) return undefined;
      const [side, canvases, id] = next;
      const start = now();
      const result = drawOne(side, canvases);
      lastMs.set(id, now() - start);
      drawnAt.set(id, cycle);
      return result;
    },
    /** Whether pieces are queued. */
    pending: () => queue.length > 0,
    /** The next piece's id (`side:key`, `b:core`), or undefined when none is queued. */
    nextId: () => queue[0]?.[2],
    /** A redraw of everything: nothing is left for later. */
    clear() {
      queue = [];
    },
  };
}

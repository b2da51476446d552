// The network diagram's tooltip: what the pointer is over (a weight's edge or a unit's
// bias), as the engine describes it (Lab.networkHit). The drawing itself is Rust
// (src/web/charts/network.rs); this file only places the tip and writes its text.
// A mouse shows the tip on hover; a tap (finger or pen) shows it and also says it in the
// aria-live region below the canvas, for screen readers and for small screens.

const $ = (id) => document.getElementById(id);

/** How far from an edge (CSS pixels) a mouse or a finger still finds it. */
const TOLERANCE = { mouse: 6, touch: 16, pen: 10 };

/** While the tip is shown, it is re-read this often (the weights move while training). */
const REFRESH_MS = 250;

/**
 * Wires a diagram's canvas to `lab` (a wasm Lab): network A's, or with `side` "b" network
 * B's in a comparison (its elements' ids end in "-b", and Lab.networkHit answers for side "b").
 */
export function createDiagram(lab, side = "") {
  const suffix = side ? `-${side}` : "";
  const canvas = $(`chart-network${suffix}`);
  const tip = $(`network-tip${suffix}`);
  const readout = $(`network-readout${suffix}`);
  /** The last point asked about: {x, y, tolerance}, in the canvas's CSS pixels. */
  let last = null;
  let timer = 0;

  /** What is under the canvas point (x, y), or null. */
  function hitAt(x, y, tolerance) {
    const box = canvas.getBoundingClientRect(); // fractional CSS pixels, as the chart was laid out
    try {
      return lab.networkHit(x, y, box.width, box.height, tolerance, side || "a");
    } catch {
      return null; // the Lab is busy or gone: no tip rather than an error
    }
  }

  function hide() {
    tip.hidden = true;
    last = null;
    clearInterval(timer);
    timer = 0;
  }

  /** Shows the tip for the point `last`; returns the hit. */
  function show() {
    const hit = hitAt(last.x, last.y, last.tolerance);
    if (!hit) {
      tip.hidden = true;
      return null;
    }
    tip.textContent = hit.text;
    tip.dataset.kind = hit.kind;
    tip.hidden = false;
    // Beside the point, kept inside the canvas's box.
    const room = canvas.clientWidth - tip.offsetWidth - 4;
    const left = Math.max(4, Math.min(last.x + 14, room));
    const below = last.y + 18 + tip.offsetHeight <= canvas.clientHeight;
    tip.style.left = `${left}px`;
    tip.style.top = `${below ? last.y + 18 : Math.max(0, last.y - 18 - tip.offsetHeight)}px`;
    if (!timer) timer = setInterval(() => last && show(), REFRESH_MS);
    return hit;
  }

  /** The pointer's position in the canvas's CSS pixels. */
  function pointAt(event) {
    const box = canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  canvas.addEventListener("pointermove", (event) => {
    if (event.pointerType !== "mouse") return; // fingers and pens tap
    last = { ...pointAt(event), tolerance: TOLERANCE.mouse };
    show();
  });
  canvas.addEventListener("pointerleave", (event) => {
    if (event.pointerType === "mouse") hide();
  });
  canvas.addEventListener("pointerdown", (event) => {
    const tolerance = TOLERANCE[event.pointerType] ?? TOLERANCE.mouse;
    last = { ...pointAt(event), tolerance };
    const hit = show();
    readout.textContent = hit ? hit.text : "";
    if (!hit) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
}

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

/** What is under the canvas point (x, y) of diagram `d`, or null. */
function hitAt(d, x, y, tolerance) {
  const box = d.canvas.getBoundingClientRect(); // fractional CSS pixels, as the chart was laid out
  try {
    return d.lab.networkHit(x, y, box.width, box.height, tolerance, d.side);
  } catch {
    return null; // the Lab is busy or gone: no tip rather than an error
  }
}

function hide(d) {
  d.tip.hidden = true;
  d.last = null;
  clearInterval(d.timer);
  d.timer = 0;
}

/** Shows the tip for the point `d.last`; returns the hit. */
function show(d) {
  const { canvas, tip, last } = d;
  const hit = hitAt(d, last.x, last.y, last.tolerance);
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
  if (!d.timer) d.timer = setInterval(() => d.last && show(d), REFRESH_MS);
  return hit;
}

/** The pointer's position in the canvas's CSS pixels. */
function pointAt(canvas, event) {
  const box = canvas.getBoundingClientRect();
  return { x: event.clientX - box.left, y: event.clientY - box.top };
}

/**
 * Wires a diagram's canvas to `lab` (a wasm Lab): network A's, or with `side` "b" network
 * B's in a comparison (its elements' ids end in "-b", and Lab.networkHit answers for side "b").
 */
export function createDiagram(lab, side = "") {
  const suffix = side ? `-${side}` : "";
  /** The diagram's parts and the last point asked about: {x, y, tolerance}, in CSS pixels. */
  const d = { lab, side: side || "a", canvas: $(`chart-network${suffix}`), tip: $(`network-tip${suffix}`), last: null, timer: 0 };
  const readout = $(`network-readout${suffix}`);
  d.canvas.addEventListener("pointermove", (event) => {
    if (event.pointerType !== "mouse") return; // fingers and pens tap
    d.last = { ...pointAt(d.canvas, event), tolerance: TOLERANCE.mouse };
    show(d);
  });
  d.canvas.addEventListener("pointerleave", (event) => {
    if (event.pointerType === "mouse") hide(d);
  });
  d.canvas.addEventListener("pointerdown", (event) => {
    const tolerance = TOLERANCE[event.pointerType] ?? TOLERANCE.mouse;
    d.last = { ...pointAt(d.canvas, event), tolerance };
    const hit = show(d);
    readout.textContent = hit ? hit.text : "";
    if (!hit) hide(d);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide(d);
  });
}

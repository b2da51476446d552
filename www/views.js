// The views below the core charts: the through-depth view's two points, the loss landscape's controls (grid size, span, recompute)
// and its progressive refresh. The engine computes a bounded slice of the landscape per draw;
// while the page is paused and the picture is not yet of the current weights, this draws the
// landscape again on the next animation frame until it is.

import { text } from "./strings.js";
import { wireThroughPoints } from "./through-points.js";

const $ = (id) => document.getElementById(id);

/** The span slider: logarithmic from 0.1 to 10^0.7 ≈ 5, with 1 exactly at position 50. */
const SPAN = { min: 0.1, max: 10 ** 0.7, positions: 85, initial: 1 };

/** Marks the landscape `canvas` with its plane and words the hint for it (kept on a language switch). */
function showPlane(canvas, plane) {
  if (canvas.dataset.plane === plane) return;
  canvas.dataset.plane = plane;
  const hint = document.querySelector('[data-i18n="landscapeHint"], [data-i18n="landscapeHintSaddle"]');
  if (!hint) return;
  hint.dataset.i18n = plane === "saddle" ? "landscapeHintSaddle" : "landscapeHint";
  hint.textContent = text(hint.dataset.i18n);
}

/** A picker field's whole number ≥ 0, or `fallback` while it holds none (the engine names an index past the data). */
function pointIndex(id, fallback) {
  const x = $(id).valueAsNumber;
  return Number.isInteger(x) && x >= 0 ? x : fallback;
}

/** The two training points the through-depth view compares, as the learner picked them. */
const throughPoints = () => [pointIndex("through-a", 0), pointIndex("through-b", 1)];

/** Point k (0: first, 1: second) as the view compares it. */
const throughPoint = (k) => throughPoints()[k];

/**
 * `lab` and `wasm` are the loaded engine; `charts` is createCharts' result; `redraw()`
 * redraws the page. Returns nothing: the views hook into every chart draw.
 */
export function createViews({ lab, wasm, charts, redraw }) {
  const span = new wasm.LogSlider(SPAN.min, SPAN.max, SPAN.positions);
  const slider = $("landscape-span");
  const canvas = $("chart-landscape");
  slider.max = String(span.steps());
  slider.value = String(span.position(SPAN.initial));
  let now = false;
  let frame = 0;

  /** The grid the page shows: {landscapeN, landscapeSpan}. */
  function grid() {
    return { landscapeN: Number($("landscape-n").value), landscapeSpan: span.value(Number(slider.value)) };
  }

  function showSpan() {
    $("landscape-span-value").textContent = text("valueSpan", { value: grid().landscapeSpan });
  }

  /** The landscape's draw options ("recompute now" applies to one draw only) and the through-depth view's points. */
  function options() {
    const chosen = { ...grid(), landscapeNow: now, throughPoints: throughPoints() };
    now = false;
    return chosen;
  }

  /** After each draw: while paused, keep drawing the landscape until it is of the current weights. */
  function afterDraw(live) {
    showPicks();
    cancelAnimationFrame(frame);
    frame = 0;
    const pending = canvas.width > 0 && lab.landscapeProgress(grid()) < 1;
    canvas.setAttribute("aria-busy", String(pending));
    // The plane the engine draws: the open lesson's ("saddle" in the saddle lesson), else random.
    showPlane(canvas, lab.landscapePlane());
    if (live || !pending) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      charts.drawOnly("landscape");
    });
  }

  const showPicks = wireThroughPoints({ lab, pointOf: throughPoint, redraw });
  $("landscape-n").addEventListener("change", () => redraw());
  ["through-a", "through-b"].forEach((id) => $(id).addEventListener("change", () => redraw()));
  slider.addEventListener("input", () => {
    showSpan();
    redraw();
  });
  $("landscape-now").addEventListener("click", () => {
    now = true;
    redraw();
  });
  charts.extend({ options, afterDraw });
  showSpan();
  $("landscape-now").disabled = false;
}

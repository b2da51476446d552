// The chart canvases: sized to their CSS box × devicePixelRatio (chart-sizes.js), resized
// with their container, and drawn by the wasm Lab from one snapshot per frame. The drawing itself is Rust (src/web/charts/).
//
// The page's first frame draws only the charts on the first screen: a chart's
// first draw is its slowest (the engine's drawing code is compiled on first use), and on
// a phone no chart is on the first screen. The others are drawn right after, one per
// frame after the paint, and at once when one comes near the screen; `drawn` resolves
// when every chart has been drawn once (see deferOffscreen).

import { fitAll, fitOne, observe, onResize } from "./chart-sizes.js";
import { layerName, text } from "./strings.js";
import { createViewPieces } from "./view-pieces.js";

const $ = (id) => document.getElementById(id);

/** The views that cost more than a frame to compute (the Jacobian's spectrum): skipped off screen (see waitOffscreen). */
const COSTLY = ["spectrum"];

/** The page's chart canvases, by the key the wasm `Lab.draw` knows them by. */
function chartCanvases() {
  return {
    activation: $("chart-activation"),
    loss: $("chart-loss"),
    weights: $("chart-weights"),
    boundary: $("chart-boundary"),
    mistakes: $("chart-mistakes"),
    fields: $("chart-fields"),
    network: $("chart-network"),
    landscape: $("chart-landscape"),
    depth: $("chart-depth"),
    gradients: $("chart-gradients"),
    through: $("chart-through"),
    spectrum: $("chart-spectrum"),
    phase: $("chart-phase"),
  };
}

/** B's own charts in an A/B comparison (the loss and depth charts show both sides). */
function chartCanvasesB() {
  return {
    activation: $("chart-activation-b"),
    weights: $("chart-weights-b"),
    boundary: $("chart-boundary-b"),
    mistakes: $("chart-mistakes-b"),
    fields: $("chart-fields-b"),
    network: $("chart-network-b"),
    gradients: $("chart-gradients-b"),
  };
}

/**
}

/**
 * Redraws every chart from the Lab's current snapshot; returns an error message or
 * undefined. `live`: drawn by the animation loop (a deep network's boundary may then be
 * refreshed a slice per frame); `comparing`: B's charts are drawn too.
 */
function drawAll(state, live, comparing) {
  const options = drawOptions(state, fitAll(state, comparing), live);
  let sides = comparing ? [["a", state.canvases], ["b", state.canvasesB]] : [["a", state.canvases]];
  if (!state.drewFirst) sides = deferOffscreen(state, sides);
  else sides = waitOffscreen(state, sides);
  // While playing, the slower views are drawn after, each a piece of its own (view-pieces.js);
  // a costly view off screen has already been left to wait for the screen.
  if (live) sides = state.views.split(sides);
  else state.views.clear();
  return drawSides(state, sides, options, live);
}

/**
 * Leaves the COSTLY views out of a draw while they are off screen: each waits as a pending
 * chart does, drawn when it comes within a screen's height of the screen (drawPending).
 */
function waitOffscreen(state, sides) {
  return sides.map(([side, canvases]) => {
    const kept = { ...canvases };
    for (const key of COSTLY) {
      const canvas = kept[key];
      if (!canvas || onScreen(state, canvas)) continue;
      delete kept[key];
      state.pending.set(canvas, { side, key });
      state.nearing.observe(canvas);
    }
    return [side, kept];
  });
}

/**
 * Draws the next piece a live redraw left (B's core charts, or a view); returns an error
 * message or undefined.
 */
function drawNextView(state) {
  if (!state.lab) return undefined;
  return state.views.drawNext((side, canvases) => {
    const dpr = Object.values(canvases).map((canvas) => fitOne(state, canvas)).pop();
    return drawSides(state, [[side, canvases]], drawOptions(state, dpr, true), true);
  });
}

/** The options of every chart's draw: pixel ratio, colour scheme, the inputs they read. */
function drawOptions(state, dpr, live) {
  return {
    dpr,
    dark: state.dark.matches,
    logScale: $("log-scale").checked,
    weightLayer: Number($("weight-layer").value) || 0,
    live,
    ...state.extraOptions(),
  };
}

/**
 * Draws `sides` ([[side, {key: canvas}]]) with `options`; they are drawn once, whatever
 * the first frame deferred. Returns the failure message, or undefined when all drew.
 */
function drawSides(state, sides, options, live) {
  let error;
  for (const [side, canvases] of sides) {
    if (Object.keys(canvases).length > 0) error ??= state.lab.draw(canvases, options, side);
    Object.values(canvases).forEach((canvas) => forget(state, canvas));
  }
  // The views chase the landscape's refresh after a draw; not while it waits for its first.
  if (!state.pending.has(state.canvases.landscape)) state.afterDraw(live);
  return error ? text("chartFailed", { error }) : undefined;
}

/** Redraws one chart only (the landscape's next slice while paused). */
function drawOnly(state, key) {
  const canvas = state.canvases[key];
  const options = { dpr: fitOne(state, canvas), dark: state.dark.matches, live: false, ...state.extraOptions(), landscapeAlone: true };
  state.lab.draw({ [key]: canvas }, options);
  forget(state, canvas);
  state.afterDraw(false);
}

/**
 * Whether any of a canvas is on the screen (laid out, not hidden): as the observer last saw
 * it (no layout asked for), or measured when it has not reported yet or saw it hidden.
 */
function onScreen(state, canvas) {
  const seen = state.onScreen.get(canvas);
  if (seen !== undefined) return seen;
  const box = canvas.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
}

/**
 * The first frame: keeps in `sides` only the charts on the screen and leaves the others
 * pending, drawn one per frame after the paint (in page order), or at once when one comes
 * within a screen's height of the screen, whichever is first. A draw of all charts in
 * between draws them too.
 */
function deferOffscreen(state, sides) {
  state.drewFirst = true;
  const later = [];
  const kept = sides.map(([side, canvases]) => {
    const entries = Object.entries(canvases);
    for (const [key, canvas] of entries) if (!onScreen(state, canvas)) later.push([canvas, { side, key }]);
    return [side, Object.fromEntries(entries.filter(([, canvas]) => !later.some(([c]) => c === canvas)))];
  });
  // In page order, top to bottom.
  later.sort(([a], [b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  later.forEach(([canvas, where]) => state.pending.set(canvas, where));
  state.pending.forEach((_, canvas) => state.nearing.observe(canvas));
  if (state.pending.size === 0) state.drawnDone();
  else afterPaint(state);
  return kept;
}

/** Schedules the next pending chart's draw just after the next frame is painted. */
function afterPaint(state) {
  requestAnimationFrame(() =>
    setTimeout(() => {
      const next = state.pending.keys().next().value;
      if (next === undefined) return;
      drawPending(state, [next]);
      afterPaint(state);
    }),
  );
}

/** Draws pending canvases now (a chart that failed says so in the page, as any draw). */
function drawPending(state, canvases) {
  const chosen = canvases.filter((canvas) => state.pending.has(canvas));
  if (chosen.length === 0 || !state.lab) return;
  const sides = ["a", "b"].map((side) => {
    const mine = chosen.filter((canvas) => state.pending.get(canvas).side === side);
    return [side, Object.fromEntries(mine.map((canvas) => [state.pending.get(canvas).key, canvas]))];
  });
  chosen.forEach((canvas) => fitOne(state, canvas));
  const error = drawSides(state, sides, drawOptions(state, window.devicePixelRatio || 1, false), false);
  if (error) state.showError(error);
}

/** A canvas drawn: no longer pending; once none is, `drawn` resolves. */
function forget(state, canvas) {
  if (!state.pending.delete(canvas)) return;
  state.nearing.unobserve(canvas);
  if (state.pending.size === 0) state.drawnDone();
}

/**
 * The boundary's panels for the classes of A's and B's snapshots (`classesB` undefined when
 * not comparing): 10 (the digits, whose 64 inputs have no plane to draw a boundary in) shows
 * the confusion matrix in the boundary's canvas, with the misclassified digits and the
 * receptive fields under it; the heading and the canvases' labels follow.
 */
function classesChanged(state, classes, classesB) {
  const digits = [classes > 2, classesB > 2];
  if (state.digits?.[0] === digits[0] && state.digits?.[1] === digits[1]) return;
  state.digits = digits;
  $("digits-views").hidden = !digits[0];
  $("digits-views-b").hidden = !digits[1];
  // On the digits the training figures are of a fixed subset (src/data.rs MEASURED_DIGITS): said under the loss.
  for (const id of ["digits-credit", "digits-measured"]) $(id).hidden = !digits[0] && !digits[1];
  const words = [
    ["boundary-heading", "i18n", boundaryHeading(digits[0], classesB === undefined ? digits[0] : digits[1])],
    ["chart-boundary", "i18nAria", digits[0] ? "confusionAlt" : "boundaryAlt"],
    ["chart-boundary-b", "i18nAria", digits[1] ? "confusionAltB" : "boundaryAltB"],
  ];
  for (const [id, kind, key] of words) {
    const el = $(id);
    el.dataset[kind] = key;
    if (kind === "i18n") el.textContent = text(key);
    else el.setAttribute("aria-label", text(key));
  }
}

/** The boundary panel's heading: one view's name, or each side's when A and B differ (one on the digits). */
function boundaryHeading(digitsA, digitsB) {
  if (digitsA === digitsB) return digitsA ? "digitsHeading" : "boundaryHeading";
  return digitsA ? "digitsBoundaryHeading" : "boundaryDigitsHeading";
}

/** Rebuilds the weight-layer picker for the snapshot's `layers` (hidden ones, then the output). */
function layersChanged(state, layers) {
  const names = layers.map((layer) => layer.name).join("|");
  if (names === state.layerNames) return;
  state.layerNames = names;
  const picker = $("weight-layer");
  const kept = Math.min(Number(picker.value) || 0, layers.length - 1);
  const options = layers.map((layer, i) => {
    const option = document.createElement("option");
    option.value = String(i);
    option.textContent = layerName(layer.name);
    option.dataset.i18nLayer = layer.name;
    return option;
  });
  picker.replaceChildren(...options);
  picker.value = String(kept);
}

/**
 * Sizes and observes a canvas that another part of the page draws: `redrawOne()` is called
 * when it changes size. Returns `fit()`, which sizes it and returns `{dpr, dark}` for its drawing.
 */
function adopt(state, canvas, redrawOne) {
  state.adopted.set(canvas, redrawOne);
  observe(state, canvas);
  return () => ({ dpr: fitOne(state, canvas), dark: state.dark.matches });
}

/** Redraws on the inputs every chart reads: the log scale, the weight layer, the colour scheme. */
function listen(state) {
  $("log-scale").addEventListener("change", () => state.redraw());
  $("weight-layer").addEventListener("change", () => state.redraw());
  state.dark.addEventListener("change", () => {
    state.redraw();
    state.adopted.forEach((redrawOne) => redrawOne());
  });
}

/** Keeps `state.onScreen` (which charts are on the screen, known before the first frame asks) and draws a pending chart as it nears the screen. */
function watchScreen(state) {
  // undefined: seen hidden.
  state.onScreen = new Map();
  const screen = new IntersectionObserver((entries) =>
    entries.forEach((entry) => {
      const hidden = entry.boundingClientRect.width === 0 || entry.boundingClientRect.height === 0;
      state.onScreen.set(entry.target, hidden ? undefined : entry.isIntersecting);
    }),
  );
  [...Object.values(state.canvases), ...Object.values(state.canvasesB)].forEach((canvas) => screen.observe(canvas));
  // A pending chart within a screen's height of the screen is drawn at once.
  state.nearing = new IntersectionObserver(
    (entries) => drawPending(state, entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target)),
    { rootMargin: "100% 0px" },
  );
}

/**
 * `redraw()` is called when a canvas changed size or a chart option changed; `showError(message)`
 * shows the failure of a chart drawn after the first frame.
 * Returns {attach(lab), adopt(canvas, redrawOne), draw(), drawOnly(key), drawNextView(), viewsPending(), drawn, extend(hooks),
 * layersChanged(layers), classesChanged(classes, classesB)}; `drawn` is a Promise resolved once every chart has been drawn once.
 */
export function createCharts(redraw, showError = () => {}) {
  const state = {
    redraw,
    showError,
    canvases: chartCanvases(),
    canvasesB: chartCanvasesB(),
    /** The latest observed size of each canvas: CSS pixels, and device pixels when known. */
    sizes: new Map(),
    dark: matchMedia("(prefers-color-scheme: dark)"),
    lab: null,
    /** The slower views while playing: each a piece of its own, paced by its cost. */
    views: createViewPieces(),
    /** The layers the weight-layer picker offers, by name. */
    layerNames: "",
    /** Options other parts of the page add to every draw, and what they do after one (views.js). */
    extraOptions: () => ({}),
    afterDraw: () => {},
    /** Canvases drawn by other parts of the page, with the function that redraws each. */
    adopted: new Map(),
    /** Whether the first frame was drawn; the charts it left for later, by canvas: {side, key}. */
    drewFirst: false,
    pending: new Map(),
  };
  const drawn = new Promise((resolve) => (state.drawnDone = resolve));
  watchScreen(state);
  state.observer = new ResizeObserver((entries) => onResize(state, entries));
  Object.values(state.canvases).forEach((canvas) => observe(state, canvas));
  // Each chart's 2D context made now, while the engine loads, not in the first frame
  // (the engine's getContext("2d") then gets this one).
  Object.values(state.canvases).forEach((canvas) => canvas.getContext("2d"));
  Object.values(state.canvasesB).forEach((canvas) => observe(state, canvas));
  listen(state);
  return {
    attach: (loaded) => void (state.lab = loaded),
    adopt: (canvas, redrawOne) => adopt(state, canvas, redrawOne),
    draw: (live = false, comparing = false) => drawAll(state, live, comparing),
    drawOnly: (key) => drawOnly(state, key),
    /** The next view a live draw left for later (an error message or undefined), and whether any is left. */
    drawNextView: () => drawNextView(state),
    viewsPending: () => state.views.pending(),
    nextViewId: () => state.views.nextId(),
    drawn,
    /** Lets the views add `options()` to every draw and hear `afterDraw(live)` after each. */
    extend(hooks) {
      state.extraOptions = hooks.options;
      state.afterDraw = hooks.afterDraw;
    },
    layersChanged: (layers) => layersChanged(state, layers),
    classesChanged: (classes, classesB) => classesChanged(state, classes, classesB),
  };
}

// The chart canvases: sized to their CSS box × devicePixelRatio (so they stay crisp at
// any zoom and density), resized with their container, and drawn by the wasm Lab from
// one snapshot per frame. The drawing itself is Rust (src/web/charts/).

import { layerName, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** The charts a playing page redraws every SECONDARY_EVERY-th frame only (see forFrame). */
const SECONDARY = ["network", "gradients", "depth", "landscape"];
const SECONDARY_EVERY = 3;

/**
 * A CSS length in device pixels: the exact count the browser reported when it agrees
 * with the ratio (some emulators report CSS pixels there), else the rounded product.
 */
function devicePixels(reported, css, dpr) {
  const estimate = Math.round(css * dpr);
  return reported !== undefined && Math.abs(reported - estimate) <= 1 ? reported : estimate;
}

/** The page's chart canvases, by the key the wasm `Lab.draw` knows them by. */
function chartCanvases() {
  return {
    activation: $("chart-activation"),
    loss: $("chart-loss"),
    weights: $("chart-weights"),
    boundary: $("chart-boundary"),
    network: $("chart-network"),
    landscape: $("chart-landscape"),
    depth: $("chart-depth"),
    gradients: $("chart-gradients"),
  };
}

/** B's own charts in an A/B comparison (the loss and depth charts show both sides). */
function chartCanvasesB() {
  return {
    activation: $("chart-activation-b"),
    weights: $("chart-weights-b"),
    boundary: $("chart-boundary-b"),
    network: $("chart-network-b"),
    gradients: $("chart-gradients-b"),
  };
}

/** Records each canvas's new size (CSS pixels, and device pixels when known), then redraws. */
function onResize(state, entries) {
  for (const entry of entries) {
    const css = entry.contentBoxSize?.[0];
    const device = entry.devicePixelContentBoxSize?.[0];
    state.sizes.set(entry.target, {
      width: css?.inlineSize ?? entry.contentRect.width,
      height: css?.blockSize ?? entry.contentRect.height,
      deviceWidth: device?.inlineSize,
      deviceHeight: device?.blockSize,
    });
  }
  for (const entry of entries) state.adopted.get(entry.target)?.();
  const resized = entries.some((entry) => !state.adopted.has(entry.target) && !drawnAtSize(state, entry.target));
  if (state.lab && resized) state.redraw();
}

/**
 * Whether a chart is already drawn at its observed size: the first frame gives the
 * activation and gradient charts their heights itself, and the observer's report of
 * them then needs no second full redraw (~60-250 ms of a phone's first paint at 4x CPU).
 */
function drawnAtSize(state, canvas) {
  const size = state.sizes.get(canvas);
  const dpr = window.devicePixelRatio || 1;
  return (
    canvas.width === devicePixels(size.deviceWidth, size.width, dpr) &&
    canvas.height === devicePixels(size.deviceHeight, size.height, dpr)
  );
}

/** Watches a canvas's size, in device pixels where the browser can. */
function observe(state, canvas) {
  try {
    state.observer.observe(canvas, { box: "device-pixel-content-box" });
  } catch {
    state.observer.observe(canvas); // browsers without device-pixel boxes
  }
}

/**
 * The canvases to draw this frame. While playing, the slower views (the network diagram,
 * gradients, depth, landscape) are drawn every SECONDARY_EVERY-th frame only (20 times a
 * second): next to the loss and the histograms they change slowly, and skipping them
 * keeps a deep network's frame within budget. Any other redraw draws everything.
 */
function forFrame(state, all, live) {
  if (!live) return all;
  if (all === state.canvases) state.liveFrames += 1;
  if (state.liveFrames % SECONDARY_EVERY === 0) return all;
  return Object.fromEntries(Object.entries(all).filter(([key]) => !SECONDARY.includes(key)));
}

/** Gives a canvas the CSS height `heightFor(its CSS width)` (its layers' panels need). */
function fitHeight(state, core, heightFor) {
  const coreWidth = state.sizes.get(core)?.width ?? core.clientWidth;
  const height = `${heightFor(coreWidth)}px`;
  if (core.style.height !== height) {
    core.style.height = height; // the observer reports the new size for the next frame
    state.sizes.delete(core);
  }
}

/** Sizes every canvas of A (and of B when comparing) for this draw; returns the pixel ratio. */
function fitAll(state, comparing) {
  const dpr = window.devicePixelRatio || 1;
  const sides = comparing ? [["a", state.canvases], ["b", state.canvasesB]] : [["a", state.canvases]];
  for (const [side, canvases] of sides) {
    fitHeight(state, canvases.activation, (width) => state.lab.activationHeight(width, side));
    fitHeight(state, canvases.gradients, (width) => state.lab.gradientsHeight(width, side));
    Object.values(canvases).forEach((canvas) => fitOne(state, canvas, dpr));
  }
  return dpr;
}

/** Gives one canvas a backing store of its on-screen size in device pixels. */
function fitOne(state, canvas, dpr = window.devicePixelRatio || 1) {
  const size = state.sizes.get(canvas) ?? { width: canvas.clientWidth, height: canvas.clientHeight };
  const width = devicePixels(size.deviceWidth, size.width, dpr);
  const height = devicePixels(size.deviceHeight, size.height, dpr);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  return dpr;
}

/**
 * Redraws every chart from the Lab's current snapshot; returns an error message or
 * undefined. `live`: drawn by the animation loop (a deep network's boundary may then be
 * refreshed a slice per frame); `comparing`: B's charts are drawn too.
 */
function drawAll(state, live, comparing) {
  const options = {
    dpr: fitAll(state, comparing),
    dark: state.dark.matches,
    logScale: $("log-scale").checked,
    weightLayer: Number($("weight-layer").value) || 0,
    live,
    ...state.extraOptions(),
  };
  const error =
    state.lab.draw(forFrame(state, state.canvases, live), options, "a") ??
    (comparing ? state.lab.draw(forFrame(state, state.canvasesB, live), options, "b") : undefined);
  state.afterDraw(live);
  return error ? text("chartFailed", { error }) : undefined;
}

/** Redraws one chart only (the landscape's next slice while paused). */
function drawOnly(state, key) {
  const canvas = state.canvases[key];
  const options = { dpr: fitOne(state, canvas), dark: state.dark.matches, live: false, ...state.extraOptions(), landscapeAlone: true };
  state.lab.draw({ [key]: canvas }, options);
  state.afterDraw(false);
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

/**
 * `redraw()` is called when a canvas changed size or a chart option changed.
 * Returns {attach(lab), adopt(canvas, redrawOne), draw(), drawOnly(key), extend(hooks), layersChanged(layers)}.
 */
export function createCharts(redraw) {
  const state = {
    redraw,
    canvases: chartCanvases(),
    canvasesB: chartCanvasesB(),
    /** The latest observed size of each canvas: CSS pixels, and device pixels when known. */
    sizes: new Map(),
    dark: matchMedia("(prefers-color-scheme: dark)"),
    lab: null,
    /** Frames drawn while playing, to pace the slower views. */
    liveFrames: 0,
    /** The layers the weight-layer picker offers, by name. */
    layerNames: "",
    /** Options other parts of the page add to every draw, and what they do after one (views.js). */
    extraOptions: () => ({}),
    afterDraw: () => {},
    /** Canvases drawn by other parts of the page, with the function that redraws each. */
    adopted: new Map(),
  };
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
    /** Lets the views add `options()` to every draw and hear `afterDraw(live)` after each. */
    extend(hooks) {
      state.extraOptions = hooks.options;
      state.afterDraw = hooks.afterDraw;
    },
    layersChanged: (layers) => layersChanged(state, layers),
  };
}

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

/**
 * `redraw()` is called when a canvas changed size or a chart option changed.
 * Returns {attach(lab), adopt(canvas, redrawOne), draw(), drawOnly(key), extend(hooks), layersChanged(layers)}.
 */
export function createCharts(redraw) {
  const canvases = {
    activation: $("chart-activation"),
    loss: $("chart-loss"),
    weights: $("chart-weights"),
    boundary: $("chart-boundary"),
    network: $("chart-network"),
    landscape: $("chart-landscape"),
    depth: $("chart-depth"),
    gradients: $("chart-gradients"),
  };
  /** B's own charts in an A/B comparison (the loss and depth charts show both sides). */
  const canvasesB = {
    activation: $("chart-activation-b"),
    weights: $("chart-weights-b"),
    boundary: $("chart-boundary-b"),
    network: $("chart-network-b"),
    gradients: $("chart-gradients-b"),
  };
  /** The latest observed size of each canvas: CSS pixels, and device pixels when known. */
  const sizes = new Map();
  const dark = matchMedia("(prefers-color-scheme: dark)");
  let lab = null;
  /** Frames drawn while playing, to pace the slower views. */
  let liveFrames = 0;
  /** The layers the weight-layer picker offers, by name. */
  let layerNames = "";

  /** Options other parts of the page add to every draw, and what they do after one (views.js). */
  let extraOptions = () => ({});
  let afterDraw = () => {};

  /** Canvases drawn by other parts of the page, with the function that redraws each. */
  const adopted = new Map();

  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const css = entry.contentBoxSize?.[0];
      const device = entry.devicePixelContentBoxSize?.[0];
      sizes.set(entry.target, {
        width: css?.inlineSize ?? entry.contentRect.width,
        height: css?.blockSize ?? entry.contentRect.height,
        deviceWidth: device?.inlineSize,
        deviceHeight: device?.blockSize,
      });
    }
    for (const entry of entries) adopted.get(entry.target)?.();
    if (lab && entries.some((entry) => !adopted.has(entry.target))) redraw();
  });
  function observe(canvas) {
    try {
      observer.observe(canvas, { box: "device-pixel-content-box" });
    } catch {
      observer.observe(canvas); // browsers without device-pixel boxes
    }
  }
  Object.values(canvases).forEach(observe);
  Object.values(canvasesB).forEach(observe);
  $("log-scale").addEventListener("change", () => redraw());
  $("weight-layer").addEventListener("change", () => redraw());
  dark.addEventListener("change", () => {
    redraw();
    adopted.forEach((redrawOne) => redrawOne());
  });

  /** Gives each canvas a backing store of its on-screen size in device pixels. */
  /**
   * The canvases to draw this frame. While playing, the slower views (the network diagram,
   * gradients, depth, landscape) are drawn every SECONDARY_EVERY-th frame only (20 times a
   * second): next to the loss and the histograms they change slowly, and skipping them
   * keeps a deep network's frame within budget. Any other redraw draws everything.
   */
  function forFrame(all, live) {
    if (!live) return all;
    if (all === canvases) liveFrames += 1;
    if (liveFrames % SECONDARY_EVERY === 0) return all;
    return Object.fromEntries(Object.entries(all).filter(([key]) => !SECONDARY.includes(key)));
  }

  /** Gives a canvas the CSS height `heightFor(its CSS width)` (its layers' panels need). */
  function fitHeight(core, heightFor) {
    const coreWidth = sizes.get(core)?.width ?? core.clientWidth;
    const height = `${heightFor(coreWidth)}px`;
    if (core.style.height !== height) {
      core.style.height = height; // the observer reports the new size for the next frame
      sizes.delete(core);
    }
  }

  function fit(comparing) {
    const dpr = window.devicePixelRatio || 1;
    fitHeight(canvases.activation, (width) => lab.activationHeight(width, "a"));
    fitHeight(canvases.gradients, (width) => lab.gradientsHeight(width, "a"));
    Object.values(canvases).forEach((canvas) => fitOne(canvas, dpr));
    if (comparing) {
      fitHeight(canvasesB.activation, (width) => lab.activationHeight(width, "b"));
      fitHeight(canvasesB.gradients, (width) => lab.gradientsHeight(width, "b"));
      Object.values(canvasesB).forEach((canvas) => fitOne(canvas, dpr));
    }
    return dpr;
  }

  /** Gives one canvas a backing store of its on-screen size in device pixels. */
  function fitOne(canvas, dpr = window.devicePixelRatio || 1) {
    const size = sizes.get(canvas) ?? { width: canvas.clientWidth, height: canvas.clientHeight };
    const width = devicePixels(size.deviceWidth, size.width, dpr);
    const height = devicePixels(size.deviceHeight, size.height, dpr);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    return dpr;
  }

  return {
    attach(loaded) {
      lab = loaded;
    },

    /**
     * Sizes and observes a canvas that another part of the page draws: `redrawOne()` is
     * called when it changes size. Returns `fit()`, which sizes it and returns
     * `{dpr, dark}` for its drawing.
     */
    adopt(canvas, redrawOne) {
      adopted.set(canvas, redrawOne);
      observe(canvas);
      return () => ({ dpr: fitOne(canvas), dark: dark.matches });
    },

    /**
     * Redraws every chart from the Lab's current snapshot; returns an error message or
     * undefined. `live`: drawn by the animation loop (a deep network's boundary may then
     * be refreshed a slice per frame); `comparing`: B's charts are drawn too.
     */
    draw(live = false, comparing = false) {
      const options = {
        dpr: fit(comparing),
        dark: dark.matches,
        logScale: $("log-scale").checked,
        weightLayer: Number($("weight-layer").value) || 0,
        live,
        ...extraOptions(),
      };
      const error =
        lab.draw(forFrame(canvases, live), options, "a") ??
        (comparing ? lab.draw(forFrame(canvasesB, live), options, "b") : undefined);
      afterDraw(live);
      return error ? text("chartFailed", { error }) : undefined;
    },

    /** Redraws one chart only (the landscape's next slice while paused). */
    drawOnly(key) {
      const dpr = fitOne(canvases[key]);
      const options = { dpr, dark: dark.matches, live: false, ...extraOptions(), landscapeAlone: true };
      lab.draw({ [key]: canvases[key] }, options);
      afterDraw(false);
    },

    /** Lets the views add `options()` to every draw and hear `afterDraw(live)` after each. */
    extend(hooks) {
      extraOptions = hooks.options;
      afterDraw = hooks.afterDraw;
    },

    /** Rebuilds the weight-layer picker for the snapshot's `layers` (hidden ones, then the output). */
    layersChanged(layers) {
      const names = layers.map((layer) => layer.name).join("|");
      if (names === layerNames) return;
      layerNames = names;
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
    },
  };
}

// The chart canvases' sizes: each canvas's backing store follows its CSS box × devicePixelRatio
// (so the charts stay crisp at any zoom and density), as a ResizeObserver reports it; the
// activation and gradient charts get the CSS height their layers' panels need. Works on the
// charts' state (charts.js); no drawing here.

/**
 * A CSS length in device pixels: the exact count the browser reported when it agrees
 * with the ratio (some emulators report CSS pixels there), else the rounded product.
 */
export function devicePixels(reported, css, dpr) {
  const estimate = Math.round(css * dpr);
  return reported !== undefined && Math.abs(reported - estimate) <= 1 ? reported : estimate;
}

/** Records each canvas's new size (CSS pixels, and device pixels when known), then redraws. */
export function onResize(state, entries) {
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
export function observe(state, canvas) {
  try {
    state.observer.observe(canvas, { box: "device-pixel-content-box" });
  } catch {
    state.observer.observe(canvas); // browsers without device-pixel boxes
  }
}

/**
 * A canvas's observed size, unless the observer last saw it with no area (hidden, as B's
 * charts are until there is a B): then undefined, and the caller asks the browser.
 */
function knownSize(state, canvas) {
  const size = state.sizes.get(canvas);
  return size?.width > 0 && size?.height > 0 ? size : undefined;
}

/** Gives a canvas the CSS height `heightFor(its CSS width)` (its layers' panels need). */
function fitHeight(state, core, heightFor) {
  const coreWidth = knownSize(state, core)?.width ?? core.clientWidth;
  const height = `${heightFor(coreWidth)}px`;
  if (core.style.height !== height) {
    core.style.height = height;
    // Its new size, without asking the browser for a layout now; the observer reports the
    // exact device pixels after the frame's layout.
    state.sizes.set(core, { width: coreWidth, height: heightFor(coreWidth) });
  }
}

/** Sizes every canvas of A (and of B when comparing) for this draw; returns the pixel ratio. */
export function fitAll(state, comparing) {
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
export function fitOne(state, canvas, dpr = window.devicePixelRatio || 1) {
  const size = knownSize(state, canvas) ?? { width: canvas.clientWidth, height: canvas.clientHeight };
  const width = devicePixels(size.deviceWidth, size.width, dpr);
  const height = devicePixels(size.deviceHeight, size.height, dpr);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  return dpr;
}

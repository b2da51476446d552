// The phase diagram (src/web/phase.rs). Its grid is computed a few columns per draw, so
// while it is not complete this draws it again on the next animation frame. A click (or
// tap) on it: the engine reads the point under it (Lab.phasePoint) as settings, {init:
// "normal", scale: "lecun", gain: σ_w, bsigma: σ_b}, and the page applies them through
// `configure`, like any change of settings (URL, refusals, redraw).

/**
 * Wires `canvas` (the phase diagram) to `lab`, `charts` (createCharts' result) and
 * `configure(partial)`. Returns `refresh()`, to call after every redraw of the page.
 */
export function wirePhase(canvas, { lab, charts, configure }) {
  let frame = 0;
  canvas.addEventListener("click", (event) => {
    const box = canvas.getBoundingClientRect();
    const settings = lab.phasePoint(event.clientX - box.left, event.clientY - box.top);
    if (settings) configure(settings);
  });
  /** Draws the diagram again on the next frame while its grid is incomplete and it is shown. */
  function refresh() {
    const pending = canvas.width > 0 && lab.phaseProgress() < 1;
    canvas.setAttribute("aria-busy", String(pending));
    if (!pending || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      charts.drawOnly("phase");
      refresh();
    });
  }
  // After the first frame's charts are all drawn once (the diagram among them, off screen).
  charts.drawn.then(refresh);
  return refresh;
}

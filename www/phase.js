// The phase diagram's click (or tap): the engine reads the point under it (Lab.phasePoint)
// as settings, {init: "normal", scale: "lecun", gain: σ_w, bsigma: σ_b}, and the page applies
// them through `configure`, like any change of settings (URL, refusals, redraw).

/** Wires `canvas` (the phase diagram) to `lab` and `configure(partial)`. */
export function wirePhase(canvas, lab, configure) {
  canvas.addEventListener("click", (event) => {
    const box = canvas.getBoundingClientRect();
    const settings = lab.phasePoint(event.clientX - box.left, event.clientY - box.top);
    if (settings) configure(settings);
  });
}

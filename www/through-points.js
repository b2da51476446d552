// The through-depth view's two training points, picked on A's decision boundary (issue #21):
// a click or tap there asks the engine which training point is drawn nearest to it
// (Lab.throughPointAt: nothing for a click off the plot, or while the view shows the
// digits), and that point becomes the first point, the next click's the second, in turn.
// The two number fields stay the keyboard's way to pick (the only one on the digits); the
// line under them names both points and says which one a click sets next.

import { text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** The fields of the first and second point, in the order clicks fill them. */
const FIELDS = ["through-a", "through-b"];

/**
 * Wires `#chart-boundary` to the through-depth fields. `lab` is the engine, `pointOf(k)`
 * the index field k holds as the view uses it, `redraw()` redraws the page. Returns
 * `show()`, which words the line under the fields (call it after each draw: the language
 * may have changed).
 */
export function wireThroughPoints({ lab, pointOf, redraw }) {
  const canvas = $("chart-boundary");
  const line = $("through-pick");
  let next = 0;

  function show() {
    // The digits' views take the plane's place (charts.js shows them): no point to click on.
    const plane = $("digits-views").hidden;
    const key = !plane ? "throughPickedDigits" : next === 0 ? "throughPickFirst" : "throughPickSecond";
    const words = text(key, { a: String(pointOf(0)), b: String(pointOf(1)) });
    if (line.textContent !== words) line.textContent = words;
  }

  canvas.addEventListener("click", (event) => {
    const box = canvas.getBoundingClientRect();
    const index = lab.throughPointAt(event.clientX - box.left, event.clientY - box.top);
    if (index === undefined) return;
    $(FIELDS[next]).value = String(index);
    next = 1 - next;
    show();
    redraw();
  });
  // A point typed in a field: the next click sets the other one.
  FIELDS.forEach((id, k) => $(id).addEventListener("change", () => {
    next = 1 - k;
    show();
  }));
  show();
  return show;
}

// Text and chart on one screen: while a lesson is open, the view it points at (a panel
// with data-view) is moved from its place among the charts to the lesson's stage, beside
// the lesson on a wide screen and right under it on a narrow one (lessons.css), and put
// back where it was when the lesson closes or points elsewhere. The charts redraw at their
// new size by themselves (charts.js observes every canvas's size). On a phone and in the
// compact page the explanation folds behind "Why?".

import { text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/*
 * The stage's state: `moved`, the panel now on the stage, and `placeholder`, the empty
 * comment node that holds its place among the charts (null when nothing is moved).
 */
const stage = { moved: null, placeholder: null };

/** Puts the moved panel back in its place among the charts. */
function putBack() {
  if (!stage.moved) return;
  stage.placeholder.replaceWith(stage.moved);
  stage.moved = null;
  stage.placeholder = null;
}

/** Moves the panel of `view` to the stage (null: the stage holds no view). */
export function stageView(view) {
  const panel = view ? document.querySelector(`[data-view="${view}"]`) : null;
  if (panel === stage.moved) return;
  putBack();
  $("lesson-stage").classList.toggle("has-view", Boolean(panel));
  if (!panel) return;
  stage.placeholder = document.createComment(` the ${view} view, shown beside the lesson `);
  panel.before(stage.placeholder);
  stage.moved = panel;
  $("lesson-view").append(panel);
}

/**
 * In the compact page, puts the open lesson at the top of the frame once laid out (the
 * frame's own scroll, never its parent's), so that its verdict and the chart under it fit.
 */
export function frameOnLesson() {
  requestAnimationFrame(() => {
    if (!document.documentElement.classList.contains("embed")) return;
    const top = $("lesson").getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top, behavior: "instant" });
  });
}

/**
 * Folds (or unfolds) the explanation behind "Why?": the lesson's text, what to look at and
 * the chart's own hint (only a phone and the compact page fold them: lessons.css, embed.css).
 */
export function foldExplanation(folded) {
  const why = $("lesson-why");
  $("lesson-stage").classList.toggle("why-open", !folded);
  why.setAttribute("aria-expanded", String(!folded));
  why.textContent = text(folded ? "lessonWhy" : "lessonWhyHide");
}

/** Wires "Why?": each press folds or unfolds the explanation. */
export function wireWhy() {
  const why = $("lesson-why");
  why.addEventListener("click", () => foldExplanation(why.getAttribute("aria-expanded") === "true"));
}

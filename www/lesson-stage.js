// Text and chart on one screen: while a lesson is open, the view it points at (a panel
// with data-view) is moved from its place among the charts to the lesson's stage, beside
// the lesson on a wide screen and right under it on a narrow one (lessons.css), and put
// back where it was when the lesson closes or points elsewhere. The charts redraw at their
// new size by themselves (charts.js observes every canvas's size). On a phone and in the
// compact page the explanation folds behind "Why?". What is still too tall is fitted to the
// screen here (fitStage): the lesson's text box on a wide screen, the chart under the
// lesson on a narrow one, and, last, a long verdict, cut to its first lines: "Why?" shows
// the rest where it is on screen (a phone, the frame), else "Whole verdict" beside Run it.

import { text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/*
 * The stage's state: `moved`, the panel now on the stage, and `placeholder`, the empty
 * comment node that holds its place among the charts (null when nothing is moved);
 * `shrunk`, the chart given a max-height to fit; `verdictOpen`, the learner asked for the
 * whole verdict.
 */
const stage = { moved: null, placeholder: null, shrunk: null, verdictOpen: false };

/**
 * The least a fitted chart keeps (px): CHART_EASY before the verdict is cut (legend and plot
 * both readable), CHART_MIN once the verdict is as short as it gets; and the fewest lines a
 * cut verdict keeps.
 */
const CHART_EASY = 160;
const CHART_MIN = 128;
const VERDICT_MIN_LINES = 2;
/** The least the wide screen's text box keeps, in lines; the room kept free under what fits (px). */
const TEXT_MIN_LINES = 5;
const SPARE = 8;
/** The views whose chart keeps its height at every size: only its top must be on screen (lessons.css, embed.css). */
const TALL = ["activation", "gradients", "landscape", "through", "spectrum"];
const TALL_TOP = 120;

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
  unshrink();
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
 * Folding it again (a new lesson) also cuts a long verdict short again.
 */
export function foldExplanation(folded) {
  const why = $("lesson-why");
  $("lesson-stage").classList.toggle("why-open", !folded);
  why.setAttribute("aria-expanded", String(!folded));
  why.textContent = text(folded ? "lessonWhy" : "lessonWhyHide");
  if (folded) stage.verdictOpen = false;
  wordVerdictButton();
  fitStage();
}

/** Words "Whole verdict" (or "Shorter verdict") in the page's language. */
function wordVerdictButton() {
  const more = $("lesson-verdict-more");
  more.setAttribute("aria-expanded", String(stage.verdictOpen));
  more.textContent = text(stage.verdictOpen ? "lessonVerdictLess" : "lessonVerdictMore");
}

/** Wires "Why?" and "Whole verdict", and fits the stage whenever the lesson or its view changes size. */
export function wireWhy() {
  const why = $("lesson-why");
  why.addEventListener("click", () => foldExplanation(why.getAttribute("aria-expanded") === "true"));
  $("lesson-verdict-more").addEventListener("click", () => {
    stage.verdictOpen = !stage.verdictOpen;
    wordVerdictButton();
    fitStage();
  });
  const observer = new ResizeObserver(() => fitStage());
  for (const id of ["lesson", "lesson-view"]) observer.observe($(id));
  window.addEventListener("resize", () => fitStage());
}

/** "frame" (the compact page), "wide" (the view beside the lesson) or "narrow" (under it). */
function layoutMode() {
  if (document.documentElement.classList.contains("embed")) return "frame";
  return getComputedStyle($("lesson-stage")).display === "grid" ? "wide" : "narrow";
}

/**
 * Where the screen's top is (in viewport px) when the lesson is read: the frame scrolls
 * itself to the lesson; a phone brings the lesson's title up to its scroll margin (below the
 * sticky bar); a wide screen shows the lesson at the top of the page (scroll 0).
 */
function screenTop(mode) {
  if (mode === "frame") return $("lesson").getBoundingClientRect().top;
  if (mode === "narrow") {
    const title = $("lesson-title");
    return title.getBoundingClientRect().top - parseFloat(getComputedStyle(title).scrollMarginTop || "0");
  }
  return -window.scrollY;
}

/** How far (px) `el`'s bottom (or its top plus `reach`) ends below the screen; ≤ 0 when it fits. */
function overflow(el, mode, reach) {
  const box = el.getBoundingClientRect();
  const bottom = reach === undefined ? box.bottom : box.top + Math.min(reach, box.height);
  return bottom - screenTop(mode) - (window.innerHeight - SPARE);
}

/** Takes back the max-height a chart was given to fit. */
function unshrink() {
  if (stage.shrunk) stage.shrunk.style.maxHeight = "";
  stage.shrunk = null;
}

/** The chart of the staged view: its first canvas, or its table. */
function stagedChart() {
  return stage.moved?.querySelector(":is(canvas, table)") ?? null;
}

/**
 * Narrow screens and the frame: shrinks the chart under the lesson (not below `least` px) so
 * that it ends on screen; returns how far it still overflows. A table, and a per-layer chart
 * (only its top need show), keep their height.
 */
function fitChart(mode, least) {
  const chart = stagedChart();
  if (!chart) return 0;
  const view = stage.moved.dataset.view;
  // Their canvas is drawn at the height their panels need: a max-height would squash it.
  if (TALL.includes(view)) return overflow(chart, mode, TALL_TOP);
  const over = overflow(chart, mode);
  if (over <= 0 || chart.tagName === "TABLE") return over;
  const height = chart.getBoundingClientRect().height;
  const fitted = Math.max(least, Math.floor(height - over));
  if (fitted < height) {
    chart.style.maxHeight = `${fitted}px`;
    stage.shrunk = chart;
  }
  return overflow(chart, mode);
}

/** Wide screens: shrinks the lesson's text box (not below TEXT_MIN_LINES) so that Run it ends on screen; returns the rest. */
function fitText(mode) {
  const box = $("lesson-text");
  const over = overflow($("lesson-run"), mode);
  if (over <= 0 || box.hidden) return over;
  const line = parseFloat(getComputedStyle(box).lineHeight);
  const height = box.getBoundingClientRect().height;
  // Whole lines, so that the box does not end on half a line.
  const lines = Math.max(TEXT_MIN_LINES, Math.floor((height - over) / line));
  if (height > lines * line) box.style.maxHeight = `${lines * line}px`;
  return overflow($("lesson-run"), mode);
}

/** Cuts the verdict (with its label) to `lines` lines (null: the whole of it). */
function cutVerdict(lines) {
  const body = $("lesson-verdict").parentElement;
  $("lesson-stage").classList.toggle("verdict-cut", lines !== null);
  if (lines === null) body.style.removeProperty("--verdict-lines");
  else body.style.setProperty("--verdict-lines", String(lines));
}

/** How many lines the verdict (with its label) takes, uncut. */
function verdictLines() {
  const body = $("lesson-verdict").parentElement;
  return Math.round(body.getBoundingClientRect().height / parseFloat(getComputedStyle(body).lineHeight));
}

/**
 * Whether the learner asked for the whole verdict: with "Why?" on screen (a phone, the
 * frame), the verdict's cut lines fold with the explanation; elsewhere "Whole verdict" does.
 */
function verdictAsked() {
  const why = $("lesson-why");
  if (getComputedStyle(why).display === "none") return { asked: stage.verdictOpen, byWhy: false };
  return { asked: why.getAttribute("aria-expanded") === "true", byWhy: true };
}

/**
 * Fits the open lesson and its chart to the screen: first the text box (wide) or the chart
 * (narrow, frame), then, if still too tall, the verdict, one line at a time down to
 * VERDICT_MIN_LINES, unless the learner asked for the whole of it.
 */
export function fitStage() {
  const mode = layoutMode();
  const more = $("lesson-verdict-more");
  unshrink();
  $("lesson-text").style.maxHeight = "";
  cutVerdict(null);
  more.hidden = true;
  if ($("lesson").hidden || $("lesson-verdict").closest(".verdict-line").hidden) return;
  const fitOnce = (least = CHART_EASY) => (mode === "wide" ? fitText(mode) : fitChart(mode, least));
  const { asked, byWhy } = verdictAsked();
  // "Whole verdict" (or "Shorter verdict") is there whenever the verdict does not fit whole.
  more.hidden = byWhy;
  let over = fitOnce();
  if (over <= 0) more.hidden = true;
  if (over <= 0 || asked) return;
  const full = verdictLines();
  for (let lines = full - 1; lines >= VERDICT_MIN_LINES && over > 0; lines--) {
    unshrink();
    $("lesson-text").style.maxHeight = "";
    cutVerdict(lines);
    over = fitOnce();
  }
  if (over > 0) {
    unshrink();
    over = fitOnce(CHART_MIN);
  }
  more.hidden = byWhy || !$("lesson-stage").classList.contains("verdict-cut");
}

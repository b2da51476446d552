// The lesson panel: the open lesson's title, text and what to look at, its question, its
// live verdict (computed in Rust, worded here from the string table), "Run it", its tasks,
// and the view the lesson points at, moved beside the lesson (lesson-stage.js) and
// highlighted. Fetched with its tables the first time a lesson opens (lesson-core.js, which
// holds the menus, the course and the question's state, and makes this panel). No maths here.

import { foldExplanation, frameOnLesson, stageView, wireWhy } from "./lesson-stage.js";
import { currentAnswer, questionApi, showQuestion } from "./lesson-question.js";
import { revealed } from "./lesson-question-state.js";
import { showTasks, tasksApi } from "./lesson-tasks.js";
import { titleOf } from "./lessons-titles.js";
import { lessonWords, loadLessonTexts, verdictTemplate } from "./lesson-words.js";
import { formatMessage } from "./message-format.js";
import { pluralCategory, rounded } from "./numbers.js";
import { layerName, text } from "./strings.js";

export { loadLessonTexts };

const $ = (id) => document.getElementById(id);

/** One layer's Var(z) = n·Var(w)·E[a²] worked through: "64·0.0153·1.08 = 1.05 (0.914)". */
const variance = ({ n, w_var, a_sq, predicted, measured }) =>
  `${rounded(n)}·${rounded(w_var, 3)}·${rounded(a_sq, 3)} = ${rounded(predicted, 3)} (${rounded(measured, 3)})`;

/** A verdict's argument as written: whole numbers as they are, else 3 significant digits; a list of layer variances worked through. */
function verdictWord(value) {
  if (Array.isArray(value)) return value.map(variance).join("; ");
  return typeof value === "number" ? rounded(value, 3) : layerName(String(value));
}

/** The sentence of a verdict message `{id, args}` in the page's language, nouns agreeing with their counts. */
export function verdictText({ id, args }) {
  return formatMessage(verdictTemplate(id), args, verdictWord, pluralCategory);
}

/*
 * The panel works on the lessons' state `L` (lesson-core.js), to which it adds `shownId`,
 * the lesson whose words the panel shows, `openedId`, the lesson last opened (a relabel
 * shows it again as it was, folded or not), and `pointsShown`, the pair of points it last put
 * in the through-depth view ("i,j", or null).
 */

/** Previous / Next and "Course: 2 / 4" for the open lesson `id`. */
function showPlace(L, id) {
  const at = L.sequence.indexOf(id);
  $("lesson-prev").disabled = at <= 0;
  $("lesson-next").disabled = at >= L.sequence.length - 1;
  const place = $("lesson-course-at");
  place.hidden = !L.course || at < 0;
  if (!place.hidden) place.textContent = text("courseAt", { at: at + 1, count: L.sequence.length });
}

/** Scrolls `element` into sight (at once when the learner prefers less motion). */
function bringIntoView(element, block) {
  const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block, behavior: still ? "auto" : "smooth" });
}

/** Marks the lesson's view; scrolls to it when asked (Run it: the learner has read the text). */
function pointAt(view, scroll) {
  for (const el of document.querySelectorAll(".lesson-focus")) el.classList.remove("lesson-focus");
  const target = document.querySelector(`[data-view="${view}"]`);
  if (!target) return;
  target.classList.add("lesson-focus");
  if (scroll) bringIntoView(target, "start");
}

/** The lesson's explanation and what to look at (fetched first, the first time in English). */
function showExplanation(L, id) {
  const words = lessonWords(id) ?? {};
  if (words.text === undefined) {
    loadLessonTexts().then((loaded) => loaded && L.shownId === id && showExplanation(L, id));
  }
  $("lesson-text").textContent = words.text ?? "";
  $("lesson-look").textContent = words.look ? text("lessonLook", { look: words.look }) : "";
}

/** Fills the panel for a newly opened lesson (its words, its menu entry, Run it). */
function showOpened(L, lesson) {
  $("lesson-title").textContent = titleOf(lesson.id);
  showExplanation(L, lesson.id);
  $("lesson-menu").value = lesson.id;
  showPlace(L, lesson.id);
  $("lesson-run").textContent =
    lesson.steps > 0 ? text("lessonRun", { steps: lesson.steps }) : text("lessonRunStart");
  stageView(lesson.view);
  pointAt(lesson.view, false);
  // A lesson newly opened (not one relabelled): its explanation folded, the frame on it.
  if (L.openedId !== lesson.id) {
    L.openedId = lesson.id;
    foldExplanation(true);
    frameOnLesson();
  }
}

/**
 * A lesson from the engine as the API gives it: {id, title, steps, view, verdict: {holds,
 * text}, question: {text, choices, picked, answered}, tasks: [{text, done}]}. The verdict
 * is there whether or not the page shows it yet.
 */
function asApi(L, lesson) {
  if (!lesson) return null;
  const { holds, message } = lesson.verdict;
  const verdict = { holds, text: verdictText(message) };
  const [question, tasks] = [questionApi(L.question, lesson), tasksApi(lesson)];
  return { id: lesson.id, title: titleOf(lesson.id), steps: lesson.steps, view: lesson.view, verdict, question, tasks };
}

/**
 * Puts the two training points the lesson's verdict compares (`points`, [i, j], or null) in
 * the through-depth view's fields whenever the lesson's pair changes (a new seed draws new
 * data), so that the view shows the pair the verdict reads; the learner may pick others.
 */
function showPoints(L, points) {
  const pair = Array.isArray(points) ? points.join(",") : null;
  if (pair === L.pointsShown) return;
  L.pointsShown = pair;
  if (pair === null) return;
  const fields = [$("through-a"), $("through-b")];
  fields.forEach((field, k) => (field.value = String(points[k])));
  // Redrawn once this redraw is over (the view reads its fields when it draws).
  queueMicrotask(() => fields[0].dispatchEvent(new Event("change")));
}

/** Hides the lesson's answer (explanation, verdict, Run it, tasks) until `shown`. */
function showAnswerParts(shown) {
  for (const id of ["lesson-text", "lesson-look", "lesson-run", "lesson-why"]) $(id).hidden = !shown;
  $("lesson-verdict").closest(".verdict-line").hidden = !shown;
}

/**
 * Called on every redraw with the engine's open lesson `raw` (or null): panel or start
 * entry, and the verdict now. Returns the open lesson as the API gives it, so that the
 * rest of the redraw need not ask again.
 */
function show(L, raw = L.lab().lesson()) {
  const lesson = asApi(L, raw);
  $("lesson").hidden = !lesson;
  $("lesson-start").hidden = Boolean(lesson);
  if (!lesson) {
    L.shownId = null;
    L.openedId = null;
    L.pointsShown = null;
    for (const el of document.querySelectorAll(".lesson-focus")) el.classList.remove("lesson-focus");
    stageView(null);
    return null;
  }
  if (lesson.id !== L.shownId) {
    L.shownId = lesson.id;
    showOpened(L, lesson);
  }
  showPoints(L, raw.points);
  // Predict first: nothing of the verdict is in the page until the learner has answered.
  const shown = revealed(L.question, raw);
  showQuestion(L.question, raw, (index) => L.answer(index));
  showAnswerParts(shown);
  showTasks(raw, shown);
  const verdict = $("lesson-verdict");
  verdict.textContent = shown ? lesson.verdict.text : "";
  verdict.classList.toggle("holds", shown && lesson.verdict.holds);
  verdict.classList.toggle("fails", shown && !lesson.verdict.holds);
  return lesson;
}

/**
 * After lesson `lesson` (or none) was opened in the engine: says why the training stopped
 * (it was `wasPlaying`) and how to start the lesson's own run, and brings its panel into sight.
 */
function opened(lesson, wasPlaying) {
  $("lesson-paused").hidden = !(wasPlaying && lesson);
  if (wasPlaying && lesson) $("lesson-paused").textContent = text("lessonPaused");
  // The learner reads the lesson first: its panel comes into sight, not yet the view.
  const panel = $(lesson ? "lesson" : "lesson-start");
  if (panel.getBoundingClientRect().top < 0) bringIntoView(panel, "start");
}

/** Plays exactly the lesson's steps from step 0 (and, for restarts, runs its seeds). */
function run(L) {
  const lesson = L.lab().lesson();
  if (!lesson) return;
  $("lesson-paused").hidden = true;
  L.page.reset();
  pointAt(lesson.view, true);
  if (lesson.restarts) {
    $("restarts-runs").value = String(lesson.restarts.runs);
    $("restarts-steps").value = String(lesson.restarts.steps);
    $("restarts-first").value = String(lesson.restarts.firstSeed);
    L.restarts(lesson.restarts).catch(() => {}); // the restarts panel shows any failure
  }
  if (lesson.steps > 0) L.page.playTo(lesson.steps);
}

/** After a language switch (the menus are refilled by lesson-core.js): the open lesson's words. */
function relabel(L) {
  foldExplanation($("lesson-why").getAttribute("aria-expanded") !== "true");
  L.shownId = null;
  if (!$("lesson-paused").hidden) $("lesson-paused").textContent = text("lessonPaused");
  show(L);
}

/**
 * The lesson panel on the lessons' state `L` (lesson-core.js, which calls this once the
 * panel's code is here): wires Run it, Why? and Show me, and returns what lesson-core.js
 * asks of it on every redraw, open, answer, course change and language switch.
 */
export function createLessonPanel(L) {
  L.shownId = null;
  L.openedId = null;
  L.pointsShown = null;
  $("lesson-run").addEventListener("click", () => run(L));
  wireWhy();
  $("lesson-show-me").addEventListener("click", () => L.answer(null));
  $("lesson-run").disabled = false;
  return {
    show: (lesson) => show(L, lesson),
    relabel: () => relabel(L),
    /** The open lesson as the API gives it, or null. */
    current: () => asApi(L, L.lab().lesson()),
    /** `{correct, explanation}` for the answer just recorded to `lesson`. */
    answered: (lesson) => currentAnswer(L.question, lesson),
    opened,
    showPlace: () => L.shownId && showPlace(L, L.shownId),
  };
}

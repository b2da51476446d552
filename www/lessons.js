// The guided lessons in the page: the menu with Previous / Next, the open lesson's text,
// its live verdict (computed in Rust, worded here from the string table), "Run it", and
// the view the lesson points at, scrolled into view and highlighted. No maths here.

import { answerQuestion, createQuestionState, questionApi, resetQuestion, revealed, showQuestion } from "./lesson-question.js";
import { showTasks, tasksApi } from "./lesson-tasks.js";
import { formatMessage } from "./message-format.js";
import { pluralCategory, rounded } from "./numbers.js";
import { layerName, lessonWords, loadLessonTexts, text, verdictTemplate } from "./strings.js";

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

/** The lesson's title in the page's language. */
const titleOf = (id) => lessonWords(id)?.title || id;

/*
 * The panel's state, one object `L` shared by the functions below: the parts given to
 * createLessons (`lab`, `configure`, `page`, `restarts`), the engine's lesson `list` and
 * their `ids` in order, and `shownId`, the lesson whose words the panel shows.
 */

/** Fills a lesson menu: `firstText` (no lesson), then every lesson, numbered. */
function fillMenu(L, menu, firstText) {
  const first = document.createElement("option");
  first.value = "";
  first.textContent = firstText;
  const options = L.list.map(({ id }, i) => {
    const option = document.createElement("option");
    option.value = id;
    option.textContent = `${i + 1}. ${titleOf(id)}`;
    return option;
  });
  menu.replaceChildren(first, ...options);
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
  const at = L.ids.indexOf(lesson.id);
  $("lesson-prev").disabled = at <= 0;
  $("lesson-next").disabled = at >= L.ids.length - 1;
  $("lesson-run").textContent =
    lesson.steps > 0 ? text("lessonRun", { steps: lesson.steps }) : text("lessonRunStart");
  pointAt(lesson.view, false);
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

/** Hides the lesson's answer (explanation, verdict, Run it, tasks) until `shown`. */
function showAnswerParts(shown) {
  for (const id of ["lesson-text", "lesson-look", "lesson-run"]) $(id).hidden = !shown;
  $("lesson-verdict").closest(".verdict-line").hidden = !shown;
}

/**
 * Called on every redraw: panel or start entry, and the verdict now. Returns the open
 * lesson as the API gives it, so that the rest of the redraw need not ask again.
 */
function show(L) {
  const raw = L.lab().lesson();
  const lesson = asApi(L, raw);
  $("lesson").hidden = !lesson;
  $("lesson-start").hidden = Boolean(lesson);
  if (!lesson) {
    L.shownId = null;
    for (const el of document.querySelectorAll(".lesson-focus")) el.classList.remove("lesson-focus");
    return null;
  }
  if (lesson.id !== L.shownId) {
    L.shownId = lesson.id;
    showOpened(L, lesson);
  }
  // Predict first: nothing of the verdict is in the page until the learner has answered.
  const shown = revealed(L.question, raw);
  showQuestion(L.question, raw, (index) => answer(L, index));
  showAnswerParts(shown);
  showTasks(raw, shown);
  const verdict = $("lesson-verdict");
  verdict.textContent = shown ? lesson.verdict.text : "";
  verdict.classList.toggle("holds", shown && lesson.verdict.holds);
  verdict.classList.toggle("fails", shown && !lesson.verdict.holds);
  return lesson;
}

/** Opens lesson `id` (pausing any training first): {ok: true} or {ok: false, error}. */
function open(L, id) {
  const wasPlaying = L.page.isPlaying();
  if (wasPlaying) L.page.pause();
  const outcome = L.configure({ lesson: id === null || id === undefined ? "" : id });
  if (!outcome.ok) return { ok: false, field: outcome.field, error: outcome.error };
  const lesson = L.lab().lesson();
  resetQuestion(L.question, lesson?.id ?? null);
  // Say why the training stopped, and how to start the lesson's own run.
  $("lesson-paused").hidden = !(wasPlaying && lesson);
  if (wasPlaying && lesson) $("lesson-paused").textContent = text("lessonPaused");
  // The learner reads the lesson first: its panel comes into sight, not yet the view.
  const panel = $(lesson ? "lesson" : "lesson-start");
  if (panel.getBoundingClientRect().top < 0) bringIntoView(panel, "start");
  return { ok: true };
}

/** Answers the open lesson's question (null: "Show me"), then redraws: {correct, explanation}. */
function answer(L, index) {
  const given = answerQuestion(L.question, L.lab().lesson(), index);
  L.page.redraw();
  return given;
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

/** After a language switch: the menus and the open lesson's words, in the new language. */
function relabel(L) {
  const [menu, start] = [$("lesson-menu"), $("lesson-start-menu")];
  const kept = [menu.value, start.value];
  fillMenu(L, menu, text("lessonExplorer"));
  fillMenu(L, start, text("lessonPick"));
  [menu.value, start.value] = kept;
  L.shownId = null;
  if (!$("lesson-paused").hidden) $("lesson-paused").textContent = text("lessonPaused");
  show(L);
}

/** The menus, Previous / Next / Close, Run it, and the early fetch of the explanations. */
function wirePanel(L) {
  const step = (by) => {
    const at = L.ids.indexOf(L.shownId);
    if (L.ids[at + by]) open(L, L.ids[at + by]);
  };
  fillMenu(L, $("lesson-menu"), text("lessonExplorer"));
  fillMenu(L, $("lesson-start-menu"), text("lessonPick"));
  $("lesson-menu").addEventListener("change", (e) => open(L, e.target.value));
  $("lesson-start-menu").addEventListener("change", (e) => e.target.value && open(L, e.target.value));
  $("lesson-start-go").addEventListener("click", () => open(L, L.ids[0]));
  $("lesson-prev").addEventListener("click", () => step(-1));
  $("lesson-next").addEventListener("click", () => step(1));
  $("lesson-close").addEventListener("click", () => open(L, ""));
  $("lesson-run").addEventListener("click", () => run(L));
  $("lesson-show-me").addEventListener("click", () => answer(L, null));
  // The learner heading for the lessons: fetch their explanations before one opens.
  for (const id of ["lesson-start", "lesson"]) {
    $(id).addEventListener("pointerover", loadLessonTexts, { once: true });
    $(id).addEventListener("focusin", loadLessonTexts, { once: true });
  }
  for (const id of ["lesson-start-go", "lesson-run"]) $(id).disabled = false;
}

/**
 * Wires the lesson panel. `parts`: `lab()` (the Lab, once loaded), `wasm` (for the list),
 * `configure(partial)` (the API's, returns the outcome), `page` (pause, playTo, isPlaying),
 * `restarts(options)` (the API's), `predict` (false: lessons open with the verdict shown).
 */
export function createLessons({ lab, wasm, configure, page, restarts, predict = true }) {
  const list = wasm.lessonList();
  const ids = list.map((entry) => entry.id);
  const L = { lab, configure, page, restarts, list, ids, shownId: null, question: createQuestionState(predict) };
  wirePanel(L);
  return {
    show: () => show(L),
    relabel: () => relabel(L),
    /** The open lesson as the API gives it, or null. */
    current: () => asApi(L, lab().lesson()),
    /** Answers the open lesson's question: {correct, explanation}; throws on bad input. */
    answer: (index) => answer(L, index),
    open: (id) => open(L, id),
    list: () => list.map(({ id }) => ({ id, title: titleOf(id) })),
  };
}

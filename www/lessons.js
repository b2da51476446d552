// The guided lessons in the page: the menu (grouped by the course's parts, each lesson
// with its state) with Previous / Next (through `course=` when the address sets one), the
// open lesson's text, its live verdict (computed in Rust, worded here from the string
// table), "Run it", and the view the lesson points at, moved beside the lesson
// (lesson-stage.js) and highlighted. No maths here.

import { markAnswered, markOpened, markTasksDone, onProgress, stateOf } from "./lesson-progress.js";
import { foldExplanation, frameOnLesson, stageView, wireWhy } from "./lesson-stage.js";
import { answerQuestion, createQuestionState, questionApi, resetQuestion, revealed, showQuestion } from "./lesson-question.js";
import { showTasks, tasksApi } from "./lesson-tasks.js";
import { formatMessage } from "./message-format.js";
import { pluralCategory, rounded } from "./numbers.js";
import { rewriteCourse, setCourse } from "./page-params.js";
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

/** Each part's title's string id, by the part's id (src/lessons/parts.rs). */
const PART_TITLES = {
  symmetry: "coursePartSymmetry",
  stuck: "coursePartStuck",
  scale: "coursePartScale",
  practice: "coursePartPractice",
};
const partTitle = (part) => (PART_TITLES[part] ? text(PART_TITLES[part]) : part);

/** A lesson's state as the menu says it (nothing for a lesson not started). */
const STATE_WORDS = { opened: "courseStateOpened", answered: "courseStateAnswered", "tasks-done": "courseStateTasksDone" };

/*
 * The panel's state, one object `L` shared by the functions below: the parts given to
 * createLessons (`lab`, `configure`, `page`, `restarts`), the engine's lesson `list` and
 * their `ids` in order, `sequence` (the ids Previous / Next go through: the course's, or
 * every lesson), `course` (the course's ids, or null), `shownId`, the lesson whose words the
 * panel shows, and `openedId`, the lesson last opened (a relabel shows it again as it was, folded or not).
 */

/** A menu entry's words: its number, its title and its state ("3. Title · opened"). */
function entryText(L, id) {
  const state = STATE_WORDS[stateOf(id)];
  const words = `${L.ids.indexOf(id) + 1}. ${titleOf(id)}`;
  return state ? `${words} · ${text(state)}` : words;
}

/** Fills a lesson menu: `firstText` (no lesson), then every lesson, numbered, in its part. */
function fillMenu(L, menu, firstText) {
  const first = document.createElement("option");
  first.value = "";
  first.textContent = firstText;
  const groups = new Map();
  for (const { id, part } of L.list) {
    if (!groups.has(part)) {
      const group = document.createElement("optgroup");
      group.label = partTitle(part);
      group.dataset.part = part;
      groups.set(part, group);
    }
    const option = document.createElement("option");
    option.value = id;
    option.dataset.state = stateOf(id);
    option.textContent = entryText(L, id);
    groups.get(part).append(option);
  }
  menu.replaceChildren(first, ...groups.values());
}

/** After a lesson's state changed: its entries in both menus say the new state. */
function showState(L, id) {
  for (const option of document.querySelectorAll(`#lesson-menu option, #lesson-start-menu option`)) {
    if (option.value !== id) continue;
    option.dataset.state = stateOf(id);
    option.textContent = entryText(L, id);
  }
}

/**
 * The course of `course=` (`requested`: its ids as written, or null), checked against the
 * engine's lessons: `{course, notices}`, where `course` keeps the known ids in their order
 * (null when none is known) and every unknown id is a notice naming it.
 */
export function checkCourse(requested, ids) {
  if (!requested) return { course: null, notices: [] };
  const notices = requested
    .filter((id) => !ids.includes(id))
    .map((id) => courseNotice("courseUnknown", { id }));
  const course = requested.filter((id) => ids.includes(id));
  if (course.length === 0) notices.push(courseNotice("courseNoneKnown", {}));
  return { course: course.length ? course : null, notices };
}

/** A notice about `course=`, worded when shown (it follows a language switch). */
const courseNotice = (id, args) => ({
  field: "course",
  get message() {
    return text(id, args);
  },
});

/** Follows `course` (known ids, or null: every lesson): Previous / Next and every address. */
function follow(L, course) {
  L.course = course;
  L.sequence = course ?? L.ids;
  setCourse(course);
  // The compact page shows Previous / Next only for a course (embed.css).
  document.documentElement.classList.toggle("course", Boolean(course));
}

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
    markOpened(lesson.id);
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

/** Hides the lesson's answer (explanation, verdict, Run it, tasks) until `shown`. */
function showAnswerParts(shown) {
  for (const id of ["lesson-text", "lesson-look", "lesson-run", "lesson-why"]) $(id).hidden = !shown;
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
    L.openedId = null;
    for (const el of document.querySelectorAll(".lesson-focus")) el.classList.remove("lesson-focus");
    stageView(null);
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
  if (shown && lesson.tasks.length > 0 && lesson.tasks.every((task) => task.done)) markTasksDone(lesson.id);
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
  const lesson = L.lab().lesson();
  const given = answerQuestion(L.question, lesson, index);
  if (lesson) markAnswered(lesson.id);
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
  foldExplanation($("lesson-why").getAttribute("aria-expanded") !== "true");
  L.shownId = null;
  if (!$("lesson-paused").hidden) $("lesson-paused").textContent = text("lessonPaused");
  show(L);
}

/** The menus, Previous / Next / Close, Run it, and the early fetch of the explanations. */
function wirePanel(L) {
  const step = (by) => {
    const at = L.sequence.indexOf(L.shownId);
    if (L.sequence[at + by]) open(L, L.sequence[at + by]);
  };
  fillMenu(L, $("lesson-menu"), text("lessonExplorer"));
  fillMenu(L, $("lesson-start-menu"), text("lessonPick"));
  $("lesson-menu").addEventListener("change", (e) => open(L, e.target.value));
  $("lesson-start-menu").addEventListener("change", (e) => e.target.value && open(L, e.target.value));
  $("lesson-start-go").addEventListener("click", () => open(L, L.sequence[0]));
  $("lesson-prev").addEventListener("click", () => step(-1));
  $("lesson-next").addEventListener("click", () => step(1));
  $("lesson-close").addEventListener("click", () => open(L, ""));
  $("lesson-run").addEventListener("click", () => run(L));
  wireWhy();
  onProgress((id) => showState(L, id));
  $("lesson-show-me").addEventListener("click", () => answer(L, null));
  // The learner heading for the lessons: fetch their explanations before one opens.
  for (const id of ["lesson-start", "lesson"]) {
    $(id).addEventListener("pointerover", loadLessonTexts, { once: true });
    $(id).addEventListener("focusin", loadLessonTexts, { once: true });
  }
  for (const id of ["lesson-start-go", "lesson-run"]) $(id).disabled = false;
}

/**
 * Sets the course to the lesson ids `requested` (an array, or a comma-separated string;
 * null or "" follows every lesson): {ok: true, course} or, with an unknown id, {ok: false,
 * field, error} naming it, and the course as it was.
 */
function setCourseFrom(L, requested) {
  const ids = Array.isArray(requested) ? requested.map(String) : requested ? String(requested).split(",") : [];
  const asked = ids.map((id) => id.trim()).filter(Boolean);
  const unknown = asked.find((id) => !L.ids.includes(id));
  if (unknown !== undefined) {
    return { ok: false, field: "course", error: text("courseBad", { id: unknown, ids: L.ids.join(", ") }) };
  }
  follow(L, asked.length ? asked : null);
  if (L.shownId) showPlace(L, L.shownId);
  return { ok: true, course: L.course };
}

/** Opens lesson `id` in the course `course` (undefined: the course stays): nothing changes on a refusal. */
function openInCourse(L, id, course) {
  if (course === undefined) return open(L, id);
  const before = L.course;
  const set = setCourseFrom(L, course);
  if (!set.ok) return set;
  const outcome = open(L, id);
  if (!outcome.ok) follow(L, before);
  return outcome;
}

/**
 * Wires the lesson panel. `parts`: `lab()` (the Lab, once loaded), `wasm` (for the list),
 * `configure(partial)` (the API's, returns the outcome), `page` (pause, playTo, isPlaying),
 * `restarts(options)` (the API's), `course` (the ids of the address's `course=`, or null),
 * `predict` (false: lessons open with the verdict shown). The returned `notices` name the
 * course's unknown ids.
 */
export function createLessons({ lab, wasm, configure, page, restarts, course = null, predict = true }) {
  const list = wasm.lessonList();
  const ids = list.map((entry) => entry.id);
  const L = { lab, configure, page, restarts, list, ids, shownId: null, question: createQuestionState(predict) };
  const checked = checkCourse(course, L.ids);
  follow(L, checked.course);
  if (checked.notices.length) rewriteCourse();
  wirePanel(L);
  return {
    notices: checked.notices,
    show: () => show(L),
    relabel: () => relabel(L),
    /** The open lesson as the API gives it, or null. */
    current: () => asApi(L, lab().lesson()),
    /** Answers the open lesson's question: {correct, explanation}; throws on bad input. */
    answer: (index) => answer(L, index),
    open: (id, course) => openInCourse(L, id, course),
    /** The course's lesson ids, or null when Previous / Next go through every lesson. */
    course: () => L.course,
    list: () => list.map(({ id, part }) => ({ id, title: titleOf(id), part })),
  };
}

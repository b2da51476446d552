// The guided lessons' part of the first load: what the page shows of them before any lesson
// opens, and what `initlab` must answer at once. The menus (grouped by the course's parts,
// each lesson with its state), the course (`course=`: what Previous / Next go through),
// opening a lesson in the engine, and the question's state. The lesson panel itself
// (lessons.js: the words, the verdict's sentence, the question, the tasks, the view beside
// the lesson) is fetched with its tables and styles the first time a lesson opens, or when
// the pointer comes over the start panel; before the first frame when the link opens one.

import { digitsFirst } from "./digits-choice.js";
import { markAnswered, markOpened, markTasksDone, onProgress, stateOf } from "./lesson-progress.js";
import { createQuestionState, recordAnswer, resetQuestion, revealed } from "./lesson-question-state.js";
import { titleOf } from "./lessons-titles.js";
import { loadStylesheet, once } from "./on-demand.js";
import { rewriteCourse, setCourse } from "./page-params.js";
import { activeTable, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** The lesson panel's module (lessons.js) once fetched, else null. */
let layer = null;

/**
 * Fetches the lesson panel (lessons.js and the tables it imports), its styles and the
 * English explanations, once; resolves to the panel's module.
 */
export const loadLessonLayer = once(async () => {
  const [code] = await Promise.all([import("./lessons.js"), loadStylesheet("predict.css")]);
  await code.loadLessonTexts();
  layer = code;
  return code;
});

const warnPanel = (error) => console.warn(`The lesson panel could not load: ${error.message}`);


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
 * The lessons' state, one object `L` shared by the functions below and by the panel
 * (lessons.js): the parts given to createLessons (`lab`, `configure`, `page`, `restarts`),
 * the engine's lesson `list` and their `ids` in order, `sequence` (the ids Previous / Next
 * go through: the course's, or every lesson), `course` (the course's ids, or null), the
 * `question`'s state, `answer(index)`, `panel` (null until its code is here) and `loading`
 * (its fetch, started by a redraw).
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
  const kept = menu.value;
  menu.replaceChildren(first, ...groups.values());
  menu.value = kept;
}

/** Both menus: the panel's and the start panel's, in the page's language. */
function fillMenus(L) {
  fillMenu(L, $("lesson-menu"), text("lessonExplorer"));
  fillMenu(L, $("lesson-start-menu"), text("lessonPick"));
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

/** The panel, made once its code is here (and the page redrawn with it). */
function ensurePanel(L) {
  return loadLessonLayer().then((code) => {
    if (!L.panel) {
      L.panel = code.createLessonPanel(L);
      L.page.redraw();
    }
    return L.panel;
  });
}

/**
 * The open lesson as `lesson()` gives it while the panel's words are on their way: the
 * engine's answers (id, steps, view, whether the verdict holds, the question's state, each
 * task's done) with the title, and every other text null.
 */
function asLite(L, lesson) {
  if (!lesson) return null;
  const answered = revealed(L.question, lesson);
  const choices = Array.from({ length: lesson.question?.choices ?? 0 }, () => null);
  return {
    id: lesson.id,
    title: titleOf(lesson.id),
    steps: lesson.steps,
    view: lesson.view,
    verdict: { holds: lesson.verdict.holds, text: null },
    question: { text: null, choices, picked: L.question.picked, answered },
    tasks: (lesson.tasks ?? []).map(({ done }) => ({ text: null, done })),
  };
}

/** The open lesson's state for the map: opened; its tasks done once its verdict shows. */
function noteProgress(L, lesson) {
  markOpened(lesson.id);
  const tasks = lesson.tasks ?? [];
  if (revealed(L.question, lesson) && tasks.length > 0 && tasks.every((task) => task.done)) markTasksDone(lesson.id);
}

/**
 * On every redraw: the panel's, or (its code not here yet) the open lesson without its
 * words. Returns the open lesson as the API gives it.
 */
function show(L) {
  const lesson = L.lab().lesson();
  if (lesson) noteProgress(L, lesson);
  if (L.panel) return L.panel.show(lesson);
  // A lesson set by any road (openLesson, configure, the link): its panel is fetched once.
  if (lesson) L.loading ??= ensurePanel(L).catch(warnPanel);
  return asLite(L, lesson);
}

const current = (L) => (L.panel ? L.panel.current() : asLite(L, L.lab().lesson()));

/**
 * Opens lesson `id` (pausing any training first): {ok: true} or {ok: false, error}; a
 * Promise of it when the lesson trains on the digits and their file is not here yet (it is
 * fetched first; if that fails, its notice says why and the lesson menu shows what is open).
 */
function open(L, id) {
  const lesson = id === null || id === undefined ? "" : id;
  const refused = (error) => {
    fillMenus(L);
    return { ok: false, field: "lesson", error: error?.message ?? String(error) };
  };
  return digitsFirst(L.wasm, { lesson }, () => openNow(L, lesson), refused);
}

function openNow(L, id) {
  const wasPlaying = L.page.isPlaying();
  if (wasPlaying) L.page.pause();
  const outcome = L.configure({ lesson: id });
  if (!outcome.ok) return { ok: false, field: outcome.field, error: outcome.error };
  const lesson = L.lab().lesson();
  resetQuestion(L.question, lesson?.id ?? null);
  if (L.panel) L.panel.opened(lesson, wasPlaying);
  else if (lesson) {
    ensurePanel(L).then((panel) => {
      if (L.lab().lesson()?.id === lesson.id) panel.opened(lesson, wasPlaying);
    }, warnPanel);
  }
  return { ok: true };
}

/**
 * Answers the open lesson's question (null: "Show me"), then redraws: {correct, explanation},
 * `explanation` null while the panel's words are on their way; throws on bad input.
 */
function answer(L, index) {
  const lesson = L.lab().lesson();
  recordAnswer(L.question, lesson, index);
  markAnswered(lesson.id);
  L.page.redraw();
  if (L.panel) return L.panel.answered(lesson);
  return { correct: index === null ? null : index === lesson.question?.correct, explanation: null };
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
  L.panel?.showPlace();
  return { ok: true, course: L.course };
}

/** Opens lesson `id` in the course `course` (undefined: the course stays): nothing changes on a refusal. */
function openInCourse(L, id, course) {
  if (course === undefined) return open(L, id);
  const before = L.course;
  const set = setCourseFrom(L, course);
  if (!set.ok) return set;
  const settle = (outcome) => {
    if (!outcome.ok) follow(L, before);
    return outcome;
  };
  const outcome = open(L, id);
  return typeof outcome.then === "function" ? outcome.then(settle) : settle(outcome);
}

/** The menus, Previous / Next / Close, and the early fetch of the panel. */
function wireMenus(L) {
  const step = (by) => {
    const at = L.sequence.indexOf(L.lab().lesson()?.id);
    if (L.sequence[at + by]) open(L, L.sequence[at + by]);
  };
  fillMenus(L);
  $("lesson-menu").addEventListener("change", (e) => open(L, e.target.value));
  $("lesson-start-menu").addEventListener("change", (e) => e.target.value && open(L, e.target.value));
  $("lesson-start-go").addEventListener("click", () => open(L, L.sequence[0]));
  $("lesson-prev").addEventListener("click", () => step(-1));
  $("lesson-next").addEventListener("click", () => step(1));
  $("lesson-close").addEventListener("click", () => open(L, ""));
  onProgress((id) => showState(L, id));
  // The learner heading for the lessons: fetch the panel before one opens.
  const early = () => loadLessonLayer().catch(warnPanel);
  $("lesson-start").addEventListener("pointerover", early, { once: true });
  $("lesson-start").addEventListener("focusin", early, { once: true });
  $("lesson-start-go").disabled = false;
}

/**
 * The lessons' part of `initlab`. `parts`: `lab()` (the Lab, once loaded), `wasm` (for the
 * list), `configure(partial)` (the API's, returns the outcome), `page` (pause, playTo,
 * isPlaying, redraw), `restarts(options)` (the API's), `course` (the ids of the address's
 * `course=`, or null), `predict` (false: lessons open with the verdict shown). The returned
 * `notices` name the course's unknown ids. The panel is made at once if its code is here
 * (loadLessonLayer() resolved: a link that opens a lesson), else when a lesson first opens.
 */
export function createLessons({ lab, wasm, configure, page, restarts, course = null, predict = true }) {
  const list = wasm.lessonList();
  const ids = list.map((entry) => entry.id);
  const L = { lab, wasm, configure, page, restarts, list, ids, question: createQuestionState(predict), panel: null, loading: null };
  L.answer = (index) => answer(L, index);
  const checked = checkCourse(course, L.ids);
  follow(L, checked.course);
  if (checked.notices.length) rewriteCourse();
  wireMenus(L);
  // A link that opens a lesson fetched the panel before the first frame: made now.
  if (layer) L.panel = layer.createLessonPanel(L);
  return {
    notices: checked.notices,
    show: () => show(L),
    relabel() {
      fillMenus(L);
      L.panel?.relabel();
    },
    /** The open lesson as the API gives it, or null. */
    current: () => current(L),
    /** A Promise of current() once the open lesson is shown with all its words. */
    async shown() {
      if (L.lab().lesson()) await ensurePanel(L);
      return current(L);
    },
    /** Answers the open lesson's question: {correct, explanation}; throws on bad input. */
    answer: (index) => answer(L, index),
    open: (id, course) => openInCourse(L, id, course),
    /** The course's lesson ids, or null when Previous / Next go through every lesson. */
    course: () => L.course,
    list: () => list.map(({ id, part }) => ({ id, title: titleOf(id), part })),
  };
}

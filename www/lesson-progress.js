// Each lesson's state for the course map: not started, opened, answered (its question),
// tasks done. Kept in localStorage under one key, never required: with storage blocked,
// full or throwing, the page works the same and the states last as long as the page.
// lesson-core.js marks them as the learner opens a lesson, answers its question
// (lesson().question) and meets its tasks (lesson().tasks), words loaded or not.

/** The storage key: `{[lessonId]: state}`. */
const KEY = "initlab.lessonProgress";

/** The states in the order a learner reaches them; a lesson never goes back down. */
export const STATES = ["new", "opened", "answered", "tasks-done"];

/** The states as last read or written (the fallback when storage fails). */
let memory = null;

/** The saved states, `{id: state}` ({} when storage is blocked or holds something else). */
function load() {
  if (memory) return memory;
  memory = {};
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    if (saved && typeof saved === "object" && !Array.isArray(saved)) {
      for (const [id, state] of Object.entries(saved)) if (STATES.includes(state)) memory[id] = state;
    }
  } catch {
    // Blocked or malformed storage: start from nothing.
  }
  return memory;
}

/** Raises lesson `id` to `state` (never lowers it) and saves, if storage lets us. */
function raise(id, state) {
  const states = load();
  if (STATES.indexOf(state) <= STATES.indexOf(stateOf(id))) return;
  states[id] = state;
  try {
    localStorage.setItem(KEY, JSON.stringify(states));
  } catch {
    // Storage blocked or full: the state lasts as long as the page.
  }
  for (const listener of listeners) listener(id, state);
}

const listeners = new Set();

/** Calls `listener(id, state)` after every change of a lesson's state. */
export function onProgress(listener) {
  listeners.add(listener);
}

/** Lesson `id`'s state: "new", "opened", "answered" or "tasks-done". */
export function stateOf(id) {
  return load()[id] ?? "new";
}

export const markOpened = (id) => raise(id, "opened");
export const markAnswered = (id) => raise(id, "answered");
export const markTasksDone = (id) => raise(id, "tasks-done");

// The lessons' start panel, which the explorer shows from its first frame: "Start with the
// lessons" and the menu of every lesson's title. The lesson panel itself (lessons.js: the
// open lesson's text, verdict and Run it) is fetched the first time a lesson opens, or as
// soon as the learner heads for this panel (pointer over it, or focus in it).

import { lessonWords, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** A lesson's title in the page's language. */
export const lessonTitle = (id) => lessonWords(id)?.title || id;

/** Fills the menu `menu`: `firstText` (value ""), then the lessons `ids`, numbered. */
export function fillLessonMenu(menu, ids, firstText) {
  const first = document.createElement("option");
  first.value = "";
  first.textContent = firstText;
  const options = ids.map((id, i) => {
    const option = document.createElement("option");
    option.value = id;
    option.textContent = `${i + 1}. ${lessonTitle(id)}`;
    return option;
  });
  menu.replaceChildren(first, ...options);
}

/**
 * Wires the start panel: `ids` are the lessons in order, `open(id)` opens one (the API's
 * openLesson), `prefetch()` fetches the lesson panel's code. Returns `relabel()`, for a
 * language switch.
 */
export function createLessonStart({ ids, open, prefetch }) {
  const menu = $("lesson-start-menu");
  // The first opening waits for the lesson panel's code; offline before it was cached, say so.
  const start = (id) =>
    Promise.resolve(open(id)).catch((error) => console.warn(`The lesson could not open: ${error.message}`));
  fillLessonMenu(menu, ids, text("lessonPick"));
  menu.addEventListener("change", () => menu.value && start(menu.value));
  $("lesson-start-go").addEventListener("click", () => start(ids[0]));
  for (const type of ["pointerover", "focusin"]) $("lesson-start").addEventListener(type, prefetch, { once: true });
  $("lesson-start-go").disabled = false;
  return function relabel() {
    const kept = menu.value;
    fillLessonMenu(menu, ids, text("lessonPick"));
    menu.value = kept;
  };
}

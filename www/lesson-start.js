// The lessons' start panel, which the explorer shows from its first frame: "Start with the
// lessons" and the menu of every lesson's title (the lesson panel's menu is filled here
// too, so both menus are whole from the start). The lesson panel's code (lessons.js: the
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

/** Fills both lesson menus (the start panel's, the lesson panel's), keeping their choices. */
function fillMenus(ids) {
  for (const [id, first] of [["lesson-start-menu", "lessonPick"], ["lesson-menu", "lessonExplorer"]]) {
    const kept = $(id).value;
    fillLessonMenu($(id), ids, text(first));
    $(id).value = kept;
  }
}

/**
 * Wires the start panel: `ids` are the lessons in order, `open(id)` opens one (the API's
 * openLesson), `prefetch()` fetches the lesson panel's code. Returns `relabel()`, which
 * writes both menus again after a language switch.
 */
export function createLessonStart({ ids, open, prefetch }) {
  const menu = $("lesson-start-menu");
  // The first opening waits for the lesson panel's code; offline before it was cached, say so.
  const start = (id) =>
    Promise.resolve(open(id)).catch((error) => console.warn(`The lesson could not open: ${error.message}`));
  fillMenus(ids);
  menu.addEventListener("change", () => menu.value && start(menu.value));
  $("lesson-start-go").addEventListener("click", () => start(ids[0]));
  for (const type of ["pointerover", "focusin"]) $("lesson-start").addEventListener(type, prefetch, { once: true });
  $("lesson-start-go").disabled = false;
  return () => fillMenus(ids);
}

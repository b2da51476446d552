// A lesson's words in the page's language, else English: its explanation and what to look
// at, and its verdict's sentence. Part of the lesson panel, fetched with it (lessons.js):
// the English verdict sentences come with this module, the English explanations a moment
// later (loadLessonTexts); the other languages carry all of them in www/i18n/<code>.js.

import { LESSON_TITLES } from "./lessons-titles.js";
import { COMMON_VERDICTS, LESSON_VERDICTS } from "./lessons-verdicts.js";
import { once } from "./on-demand.js";
import { activeTable } from "./strings.js";

/** The English lessons' explanations, {id: {text, look}}, once loadLessonTexts() has run. */
let englishTexts = null;

/**
 * Fetches the English lessons' explanations (once; the translations carry their own).
 * Resolves to whether they are there: a failed fetch costs the explanations, not the lesson.
 */
export const loadLessonTexts = once(async () => {
  try {
    englishTexts = (await import("./lessons-text.js")).LESSON_TEXTS;
  } catch (error) {
    console.warn(`the lessons' explanations could not load: ${error.message}`);
  }
  return englishTexts !== null;
});

/**
 * A lesson's words ({title, text, look, verdicts}) in the page's language, else English.
 * In English, `text` and `look` are missing until loadLessonTexts() has resolved.
 */
export function lessonWords(id) {
  const own = activeTable("lessons")?.[id];
  if (own) return own;
  return LESSON_VERDICTS[id] && { title: LESSON_TITLES[id], ...LESSON_VERDICTS[id], ...englishTexts?.[id] };
}

/** The template of verdict `id` ("<lesson>.<name>" or a common one like "lesson.needsB"). */
export function verdictTemplate(id) {
  const dot = id.indexOf(".");
  const [lesson, name] = [id.slice(0, dot), id.slice(dot + 1)];
  return (
    activeTable("lessons")?.[lesson]?.verdicts?.[name] ??
    activeTable("verdicts")?.[id] ??
    LESSON_VERDICTS[lesson]?.verdicts?.[name] ??
    COMMON_VERDICTS[id] ??
    id
  );
}

// The state of the open lesson's "predict first" question: which answer the learner picked,
// whether they pressed "Show me", whether the verdict may show. Part of the first load, so
// that `initlab.answer()` answers at once even while the lesson panel's words are on their
// way; the words and the panel's part are in lesson-question.js. Which answer is right comes
// from the engine (`lesson().question.correct`, src/lessons/questions.rs).

import { text } from "./strings.js";

/**
 * The question's state for the open lesson: `{lessonId, picked, shownMe, answered}`. `predict`:
 * false opens every lesson with its verdict shown (?predict=0, a teacher presenting).
 */
export function createQuestionState(predict) {
  return { predict, lessonId: null, picked: null, shownMe: false, answered: !predict };
}

/** Starts lesson `id`'s question afresh (a lesson opened, or opened again). */
export function resetQuestion(q, id) {
  q.lessonId = id;
  q.picked = null;
  q.shownMe = false;
  q.answered = !q.predict;
}

/** Whether lesson `lesson` (from the engine) may show its verdict: answered, or predict=0. */
export function revealed(q, lesson) {
  if (lesson.id !== q.lessonId) resetQuestion(q, lesson.id);
  return q.answered;
}

/**
 * Records the learner's answer `index` (0-based, or null for "Show me") to the open
 * `lesson` (from the engine). Throws a clear error, changing nothing, when no lesson is open
 * or `index` is not one of the answers.
 */
export function recordAnswer(q, lesson, index) {
  if (!lesson) throw new Error(text("answerNoLesson"));
  const count = lesson.question?.choices ?? 0;
  if (index !== null && !(Number.isInteger(index) && index >= 0 && index < count)) {
    throw new Error(text("answerBadIndex", { got: String(index), last: count - 1 }));
  }
  revealed(q, lesson);
  q.picked = index;
  q.shownMe = index === null;
  q.answered = true;
}

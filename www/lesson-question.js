// "Predict first": a lesson opens with its question and 2–4 answers; its explanation, its
// verdict and Run it appear once the learner has picked one or pressed "Show me", and the
// page then says whether the pick was right, and why, in one sentence. The words come from
// the tables (lessons-questions.js, `questions` in www/i18n/<code>.js), which answer is
// right from the engine (src/lessons/questions.rs). The verdict itself is computed all the
// time; only its showing waits. The question's state is in lesson-question-state.js.

import { revealed } from "./lesson-question-state.js";
import { QUESTIONS } from "./lessons-questions.js";
import { activeTable, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** The question's words `{text, choices, why}` in the page's language, else English. */
export function questionWords(id) {
  return activeTable("questions")?.[id] ?? QUESTIONS[id];
}

/** The sentence the page says after `picked` (null: "Show me"): right or not, and why. */
function explanation(words, picked, correct) {
  if (picked === null) {
    return text("answerShown", { answer: words.choices[correct], why: words.why[correct] });
  }
  const key = picked === correct ? "answerRight" : "answerWrong";
  return text(key, { why: words.why[picked] });
}

/**
 * `{correct, explanation}` for the answer given so far (`correct` null for "Show me"), or
 * null before one; lesson-question-state.js records it.
 */
export function currentAnswer(q, lesson) {
  if (!q.answered || lesson.id !== q.lessonId) return null;
  const words = questionWords(lesson.id);
  const right = lesson.question?.correct;
  if (!words || right === undefined) return null;
  if (q.picked === null && !q.shownMe) return null; // predict=0: nothing was asked
  if (q.picked === null) return { correct: null, explanation: explanation(words, null, right) };
  return { correct: q.picked === right, explanation: explanation(words, q.picked, right) };
}

/** The question as the API gives it: `{text, choices, picked, answered}`. */
export function questionApi(q, lesson) {
  const words = questionWords(lesson.id) ?? { text: "", choices: [] };
  const answered = revealed(q, lesson);
  return { text: words.text, choices: [...words.choices], picked: q.picked, answered };
}

/** Fills the question's part of the panel (`pick(index)` answers it) for `lesson`. */
export function showQuestion(q, lesson, pick) {
  const answered = revealed(q, lesson);
  const words = questionWords(lesson.id);
  $("lesson-question").hidden = !words || (answered && q.picked === null && !q.shownMe);
  if (!words) return;
  // Called on every redraw: rebuild only on a change, so that focus and hover stay put.
  const key = JSON.stringify([lesson.id, words.text, q.picked, q.shownMe, answered, text("answerRight")]);
  if ($("lesson-choices").dataset.key === key) return;
  $("lesson-choices").dataset.key = key;
  $("lesson-question-text").textContent = words.text;
  // Once answered, the question folds to the sentence on the pick (and, after a wrong pick,
  // the right answer), so that the verdict and the chart it points at keep more of the screen.
  $("lesson-question-text").hidden = answered;
  const buttons = words.choices.map((choice, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "lesson-choice";
    button.textContent = choice;
    button.disabled = answered;
    // After a wrong pick the right answer stays, ticked; otherwise the sentence says it all.
    const wrongPick = q.picked !== null && q.picked !== lesson.question?.correct;
    button.hidden = answered && !(wrongPick && index === lesson.question?.correct);
    button.setAttribute("aria-pressed", String(q.picked === index));
    if (answered && index === lesson.question?.correct) button.classList.add("right");
    button.addEventListener("click", () => pick(index));
    return button;
  });
  $("lesson-choices").replaceChildren(...buttons);
  $("lesson-show-me").hidden = answered;
  const given = currentAnswer(q, lesson);
  $("lesson-answer").hidden = !given;
  $("lesson-answer").textContent = given?.explanation ?? "";
  $("lesson-answer").classList.toggle("right", given?.correct === true);
  $("lesson-answer").classList.toggle("wrong", given?.correct === false);
}

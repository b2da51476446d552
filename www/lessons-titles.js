// The guided lessons' titles, in English: the start panel lists them at the first frame,
// and `initlab.lessons()` gives them at once. Everything else a lesson says is fetched with
// its panel (lessons-verdicts.js, lessons-questions.js, lessons-tasks.js, lessons-text.js).
// The other languages keep each title with the lesson's words in www/i18n/<code>.js (`lessons`).

import { activeTable } from "./strings.js";

/** Per lesson, in the engine's order: its title. */
export const LESSON_TITLES = {
  "zero-tanh": "Why not start every weight at 0?",
  "zero-sigmoid": "With sigmoid the weights move away from zero: so is it fine?",
  "unfreeze": "Three hidden layers from zero: which weights move first?",
  "no-hidden": "Without a hidden layer, does zero init still hurt?",
  "constant": "What if every weight starts at 1?",
  "break-symmetry": "How does a little noise break the symmetry?",
  "xor-2-1": "The smallest net that shows the danger",
  "digits-symmetry": "On real images: does a constant start still hurt?",
  "saddle": "Why does gradient descent not move at all?",
  "xor-restarts": "Random init still gets stuck: what do restarts buy?",
  "truncated": "Why a truncated normal rather than a normal?",
  "relu-bias": "Dead ReLUs: the truncation or the small positive bias?",
  "too-small": "What goes wrong when the weights are too small?",
  "too-large": "And when they are too large?",
  "xavier": "Var(w) = 1/n_in or 2/(n_in + n_out)? Why the average?",
  "he-relu": "Which rule for ReLU?",
  "digits-scale": "On real images: does the scale still matter?",
  "edge-of-chaos": "The edge of chaos: what do 20 layers do to two similar inputs?",
  "orthogonal-depth": "Orthogonal or Gaussian: what std(δ) cannot see",
  "in-practice": "What should I use in practice?",
};

/** The lesson's title in the page's language, else English. */
export const titleOf = (id) => activeTable("lessons")?.[id]?.title || LESSON_TITLES[id] || id;

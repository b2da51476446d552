// The guided lessons' titles, in English: loaded with the page, because the start panel's
// menu lists them at the first frame (and `initlab.lessons()` gives them). Their verdict
// sentences (lessons-verdicts.js) and explanations (lessons-text.js) come when a lesson
// opens. The other languages keep all of a lesson's words together in www/i18n/<code>.js.

/** Per lesson: its title. */
export const LESSON_TITLES = {
  "zero-tanh": "Why not start every weight at 0?",
  "zero-sigmoid": "Sigmoid moves away from zero, so is it fine?",
  "constant": "What if every weight starts at 1?",
  "break-symmetry": "How does a little noise break the symmetry?",
  "xor-2-1": "The smallest net that shows the danger",
  "saddle": "Why does gradient descent not move at all?",
  "xor-restarts": "Random init still gets stuck: what do restarts buy?",
  "truncated": "Why a truncated normal rather than a normal?",
  "relu-bias": "Dead ReLUs: the truncation or the small positive bias?",
  "too-small": "What goes wrong when the weights are too small?",
  "too-large": "And when they are too large?",
  "xavier": "Var(w) = 1/n_in or 2/(n_in + n_out)? Why the average?",
  "he-relu": "Which rule for ReLU?",
};

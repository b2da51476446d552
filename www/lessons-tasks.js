// The guided lessons' "Try this" tasks, in English: per lesson, each task's words by its
// name (the part after the dot of the task's id in src/lessons/tasks.rs, which checks it
// live). The other languages keep the same shape in www/i18n/<code>.js (`tasks`).

/** Per lesson: {<task name>: words}. */
export const TASKS = {
  "zero-tanh": {
    biasOnly: "Make the output bias move while every weight stays 0 (try data=gauss with batch=10).",
  },
  "zero-sigmoid": {
    freeze: "Make zero-sigmoid freeze like zero-tanh: every weight still 0 after 10 steps (try data=xor4 with batch=4).",
  },
  "no-hidden": {
    hidden: "Give the network a hidden layer of tanh units (layers=4, act=tanh) and train 100 steps: A's weights stay exactly 0.",
  },
  "constant": {
    jitter: "Break the symmetry: give A a little jitter (e.g. 0.01) until a hidden layer has more than 1 distinct unit.",
  },
  "saddle": {
    linear: "Switch to linear units (act=linear): the search finds no lower point and the test stays inconclusive.",
  },
  "truncated": {
    sigma: "Raise σ (scale=manual) until the cut changes the saturated share and the verdict says so.",
  },
  "relu-bias": {
    fail: "Make the verdict fail: B's bias no longer gives fewer dead units.",
    truncation: "With B at bias 0, switch truncation on for one net only (init=truncnormal) and train 100 steps: the dead share stays about the same (within 1 unit in 8).",
  },
  "too-small": {
    sigma: "Find the σ at which the verdict stops holding: raise A's σ (tanh) until it flips.",
  },
  "too-large": {
    sigma: "Lower σ until fewer than half of the (unit, point) pairs saturate in some layer.",
  },
  "xavier": {
    equal: "Make the hidden layers equally wide (e.g. layers=64,64,64,64): LeCun and Glorot then give every layer between two hidden layers the same σ.",
  },
};

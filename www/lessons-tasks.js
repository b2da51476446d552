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
  "unfreeze": {
    random: "Start from random weights (init=normal): every layer has moved from step 0, and the verdict says the order is gone.",
  },
  "no-hidden": {
    hidden: "Give the network a hidden layer of tanh units (layers=4, act=tanh) and train 100 steps: A's weights stay exactly 0.",
  },
  "constant": {
    jitter: "Break the symmetry: give A a little jitter (e.g. 0.01) until a hidden layer has more than 1 distinct unit.",
  },
  "break-symmetry": {
    smaller: "Shrink B's noise a thousandfold (B's jitter=0.000001) and run the 2000 steps: B's units still differ, but training has not yet pulled B away from A. The smaller the difference, the longer training takes to widen it.",
  },
  "xor-2-1": {
    random: "Give A the random start B has (init=normal, scale=manual, sigma=1, bias=init) and train 1000 steps or more: A solves XOR too (every point right, loss below 0.1).",
  },
  "digits-symmetry": {
    jitter: "Give A a little jitter (jitter=0.01) and run the 2,000 steps: its 16 units split apart, and A gets 90 % of the test images right or more, as B does.",
  },
  "saddle": {
    linear: "Switch to linear units (act=linear): the search finds no lower point and the test stays inconclusive.",
  },
  "xor-restarts": {
    wider: "Widen the hidden layer (layers=4) and press Run it: none of the 20 seeds stays stuck, and every one solves XOR.",
  },
  "truncated": {
    sigma: "Raise σ until units do saturate (scale=manual, sigma=3: about 15 % of pairs): with B's std corrected, the cut still hardly changes the saturated share, and the verdict still holds.",
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
  "he-relu": {
    gain: "Give A's Glorot rule a gain of √2 (gain=1.414): on 64 → 64 layers that is He's variance, and A's std(z) stays level too (B takes the gain as well, and now grows).",
  },
  "digits-scale": {
    sigma: "Go the other way: set A's σ to 3 (saturated tanh units) and run the 2,000 steps: A's loss falls from the tens to about ln 10, but it gets fewer than half of the test images right, while B passes 90 %.",
  },
  "edge-of-chaos": {
    critical: "Find the critical line at σ_b = 0.1: set A's bsigma to 0.1 and move its gain (σ_w, with scale=lecun) until χ₁ is 1 to within 2 % (it is near 1.2; the through-depth view's header gives χ₁ for the weights drawn).",
  },
  "orthogonal-depth": {
    tanh: "Switch both nets to tanh (act=tanh): A's singular values spread a little, tanh's slopes being below 1, but stay within a factor 10 (2.0–6.2 on seeds 1 to 10), while B's still span more than six decades: the verdict still holds.",
  },
  "in-practice": {
    gain: "Give B He's variance while keeping PyTorch's uniform: set B's gain to √2 (gain=1.414) and run the 200 steps: B's std(z) stops fading and its loss ends within 0.1 of A's.",
  },
};

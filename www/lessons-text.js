// The guided lessons' words, in English (src/lessons holds their settings and verdicts).
// Per lesson: its title, 2–4 sentences of explanation, one "what to look at" line, and the
// verdict sentences by message id (the Rust verdict's `message.id` is "<lesson>.<name>";
// `{arg}` is replaced by the verdict's argument of that name, numbers formatted by the page).
// The other languages (issue #9) copy this shape.

/** Verdict sentences every lesson may use. */
export const COMMON_VERDICTS = {
  "lesson.needsB": "This lesson compares A with B, and B is switched off: open the lesson again to bring B back.",
  "lesson.pending": "(verdict not written yet)",
};

export const LESSONS = {
  "zero-tanh": {
    title: "Why not start every weight at 0?",
    text: "At zero every hidden unit outputs tanh(0) = 0 (ReLU gives 0 as well), so each weight's gradient, the unit's input times the error coming down, is exactly 0, and no error comes down through output weights that are 0. Only the output bias sees an error, and on the four balanced XOR points even that error averages to 0. Rumelhart, Hinton & Williams (1986) pointed out that equal starting weights can never be told apart by backpropagation; zero is the extreme case where nothing moves at all.",
    look: "The gradients chart: every layer's weight gradients sit at exactly 0, in A (tanh) and in B (ReLU), however long you train.",
    verdicts: {
      "holds": "{zeros} of {weights} weights have a gradient of exactly 0, and the loss is still {loss} after {steps} steps: nothing learns.",
      "fails": "{layer} of A has a gradient norm of {grad}: its weights can move, so the network is not stuck at zero.",
      "failsB": "{layer} of B has a gradient norm of {grad}: its weights can move, so the network is not stuck at zero.",
      "lossMoved": "The loss went from {from} to {loss}: something has moved, so the network is no longer frozen at zero.",
    },
  },
  "zero-sigmoid": {
    title: "Sigmoid moves away from zero, so is it fine?",
    text: "A sigmoid outputs ½ at 0, not 0, so the output weights get a gradient as soon as the classes are not balanced along the inputs, and after them the hidden weights too: the loss goes down. But every hidden unit has the same weights, sees the same inputs and receives the same gradient, so all of them take the same step every time. The layer learns, but as one unit copied four times.",
    look: "The table: the loss falls while the distinct-units column stays at 1 in every hidden layer.",
    verdicts: {
      "holds": "The loss went from {from} to {loss}, yet {layer} still has {units} distinct unit of {size}: the weights move, all together.",
      "still": "The loss has only gone from {from} to {loss} so far ({layer}: {units} of {size} distinct units): run some steps to see the weights move.",
      "split": "{layer} has {units} distinct units of {size}: these units started different, so this is not the zero-init case any more.",
    },
  },
  "constant": {
    title: "What if every weight starts at 1?",
    text: "With every weight at 1 and the biases at 0, each first-layer unit computes sigmoid(x₁ + x₂): the same function of the same inputs. Identical units get identical gradients, so they stay identical after every update, and the next layer sees the same value several times over. The network diagram shows as many units as you asked for, but they are all one unit.",
    look: "The network diagram: the lines into each hidden unit stay the same colour and thickness as training goes on.",
    verdicts: {
      "holds": "Distinct units in {layer}: {units} of {size}: the units are still copies of each other.",
      "fails": "Distinct units in {layer}: {units} of {size}: the units differ, so something broke the symmetry.",
    },
  },
  "break-symmetry": {
    title: "How does a little noise break the symmetry?",
    text: "A starts every weight at 1; B starts from the same weights plus random noise with a standard deviation of only 0.001 (the jitter setting). The noise makes B's units slightly different, and because different units get different gradients, training widens the gap instead of closing it. A stays a single effective unit, a smooth function of one direction of the input, which can get at most 3 of XOR's 4 quadrants right; B can use all eight units.",
    look: "The decision boundaries side by side: A draws a single band, B carves out the XOR quadrants; compare the accuracies.",
    verdicts: {
      "holds": "B has {units} of {size} distinct units in {layer} and reaches accuracy {accuracyB}; A, with {unitsA} distinct unit, stays at {accuracyA}.",
      "notYet": "B has {units} of {size} distinct units in {layer}, but its accuracy is {accuracyB} so far (A: {accuracyA}): keep training.",
      "copies": "B has only {units} of {size} distinct units in {layer}: without noise its units are copies too (accuracy {accuracyB}, A {accuracyA}).",
      "aLearns": "A reaches accuracy {accuracyA} with {unitsA} distinct units: A's symmetry is broken as well, so there is nothing to compare.",
    },
  },
  "xor-2-1": {
    title: "The smallest net that shows the danger",
    text: "Rumelhart, Hinton & Williams (1986) solved XOR with a single hidden unit plus direct connections from the inputs to the output: the XOR 2-1 net. Started from all zeros, its hidden unit gives the same value on all four points and XOR has no linear trend, so every gradient is exactly 0 and the net never leaves its starting point. The same net started from random weights (B) solves XOR.",
    look: "The network diagram: A's connections stay at 0 while B's grow into the XOR solution.",
    verdicts: {
      "holds": "A's gradient norm is {grad} and its loss stays at {lossA}; B brought its loss down to {lossB}, below {solved}: B solved XOR.",
      "notYet": "A's gradient norm is {grad}; B's loss is {lossB}, not yet below {solved}: keep training.",
      "aMoves": "A's gradient norm is {grad}, not 0: A does not start on the stationary point (its loss is {lossA}).",
    },
  },
  "saddle": {
    title: "Why does gradient descent not move at all?",
    text: "Gradient descent follows the slope, and at zero init the slope is exactly 0 in every direction. That does not make it a minimum: moving the output bias alone raises the loss (second difference ¼), while moving any single weight or hidden bias alone leaves it flat, because the weights around it are still 0. A point where the gradient vanishes but the loss is not lowest in every direction is a saddle-like stationary point; the second differences here use a step of 0.01 along each parameter.",
    look: "The loss landscape around the current weights, and the verdict's count of axes that curve up.",
    verdicts: {
      "holds": "Gradient norm {grad}; of {axes} parameter axes, {up} curve up (largest second difference {highest}) and {flat} are flat or curve down: a stationary point that is not a minimum.",
      "slope": "Gradient norm {grad}, not 0: the loss slopes here, so gradient descent will move (axes curving up: {up} of {axes}).",
      "oneSided": "Gradient norm {grad}, but the axes do not disagree: {up} of {axes} curve up and {flat} are flat or curve down.",
      "computing": "Measuring the loss along each parameter axis…",
    },
  },
  "xor-restarts": {
    title: "Random init still gets stuck: what do restarts buy?",
    text: "Random weights break the symmetry, but on the XOR 2-2-1 net some starting points still lead to a poor local minimum. Training the same settings from 20 seeds shows the odds: on this page, seeds 1 to 20 at 2000 steps give 12 runs that solve XOR (loss below 0.01) and 8 that stay stuck (loss above 0.1). Restarting from a new seed is a cheap way to pick a winner.",
    look: "The restarts panel: run it and read the histogram of final losses, solved runs on the left, stuck runs on the right.",
    verdicts: {
      "holds": "Of {runs} seeds trained {steps} steps, {solved} solved XOR and {stuck} got stuck: where training ends depends on where it starts.",
      "fails": "Of {runs} seeds trained {steps} steps, {solved} solved XOR and {stuck} got stuck: these settings do not show both outcomes.",
      "run": "Run the restarts panel to train these settings from many seeds.",
    },
  },
  "truncated": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "relu-bias": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "too-small": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "too-large": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "xavier": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "he-relu": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
};

// The guided lessons' words, in English (src/lessons holds their settings and verdicts).
// Per lesson: its title, 2–4 sentences of explanation, one "what to look at" line, and the
// verdict sentences by message id (the Rust verdict's `message.id` is "<lesson>.<name>";
// `{arg}` is replaced by the verdict's argument of that name, numbers formatted by the page).
// The other languages copy this shape in www/i18n/<code>.js (`lessons`, `verdicts`).

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
    title: "Why a truncated normal rather than a normal?",
    text: "B draws its weights from the same normal as A but redraws any that land beyond ±2σ, as Keras and JAX do. Cutting the tails also narrows the spread: the std of a normal cut at ±2σ is 0.8796σ, the constant Keras divides by when it corrects the variance (set correct=1 on B to see 1.00). The usual reason given is that big weights saturate units, but at σ = 1/√fan_in a sigmoid only saturates beyond |z| ≈ 6, about six standard deviations of z: it is the sum of many weights that would get there, not one weight beyond 2σ, so both nets start with practically no saturated units. Raise σ (scale=manual, sigma=3) and the cut starts to matter.",
    look: "In the activation chart, compare the z histograms of A and B against the flat ends of the sigmoid; the weight histograms show B's tails cut off at ±2σ.",
    verdicts: {
      "holds": "At step {step}, B's largest weight is {b_max} σ (A's: {a_max} σ) and its std is {b_std} of the σ asked for; saturated pairs: A {sat_a_pct} %, B {sat_b_pct} %. The cut removes the outliers but hardly changes saturation.",
      "uncut": "At step {step}, B's largest weight is {b_max} σ (A's: {a_max} σ): B is not drawn from a normal cut at ±2σ, or training has carried a weight past the cut.",
      "matters": "Saturated pairs: A {sat_a_pct} %, B {sat_b_pct} % — a gap of a percentage point or more. At this σ the cut's narrower weights (std {b_std} σ) do keep units out of the tails.",
    },
  },
  "relu-bias": {
    title: "Dead ReLUs: the truncation or the small positive bias?",
    text: "A ReLU unit is dead when its z is negative for every input: it outputs 0 and gets no gradient, so it never comes back. With bias 0 that happens when w·a ≤ 0 on every point, a condition that does not change when all the weights are scaled, so cutting the tails of the weight distribution barely affects it (switch init to truncnormal for both nets: A's dead count hardly moves). A small positive bias, as TensorFlow's early MNIST tutorial used next to its truncated normal weights (0.1 here), shifts every z up, so a unit dies only where w·a < −0.1 for all points. Narrow layers of 4 make dead units common enough to count.",
    look: "In the table, compare the dead share of each hidden layer in A (bias 0) and B (bias 0.1).",
    verdicts: {
      "holds": "At step {step}, A (bias 0) has {dead_a} of {units} hidden units dead ({dead_a_pct} %), B (bias 0.1) has {dead_b} ({dead_b_pct} %): with the same weights, the bias alone saves units.",
      "fails": "At step {step}, A has {dead_a} of {units} hidden units dead and B {dead_b}: B's bias does not leave fewer dead units here.",
      "none": "At step {step}, A has {dead_a} dead units of {units}: nothing for the bias to rescue. Narrower or deeper ReLU layers make dead units appear.",
    },
  },
  "too-small": {
    title: "What goes wrong when the weights are too small?",
    text: "With σ = 0.01 and 64 inputs per unit, each tanh layer multiplies the spread of z by σ·√64 = 0.08, so after eight layers almost nothing of the input is left, and the backward error shrinks the same way. In both nets every z stays near 0, where tanh and sigmoid are straight lines, so the whole net behaves like one linear map and its decision boundary cannot bend. The sigmoid net's std(z) does not collapse because sigmoid(0) = ½: every unit passes on about ½ whatever the input, which keeps z at a spread of σ·√(64·¼) = 0.04 across units, but that spread is the same for every point, so the input is lost all the same.",
    look: "In the depth chart, follow std(z) layer by layer: A's falls by a factor of about 12 per layer, B's stays flat near 0.04.",
    verdicts: {
      "holds": "At step {step}, A's std(z) in the last hidden layer is {ratio} of the first's, B's is {b_ratio} of its first; the widest std(z) in either net is {z_max} (in {layer}): every z is in the straight part of the curve.",
      "kept": "At step {step}, A's std(z) in the last hidden layer is {ratio} of the first's: the signal does not collapse (that needs less than 0.01).",
      "bends": "A's signal collapses (last/first {ratio}), but std(z) reaches {z_max} in {layer}: beyond 0.1, z leaves the straight part of the curve.",
    },
  },
  "too-large": {
    title: "And when they are too large?",
    text: "With σ = 3 and 64 inputs, z has a spread of about 3·√64 = 24, while tanh is flat beyond |z| ≈ 3: about 90 % of (unit, point) pairs sit in the tails from the second layer on, and the units behave like ±1 switches. Saturated pairs pass almost no gradient, but the few unsaturated ones are multiplied by weights of size 3 on the way back, so std(δ) does not vanish here: it grows by about 3.6 per layer towards the input, carried by a handful of points, and the first training step throws the first layer's weights far out. Saturation means the gradient is unreliable, not necessarily small.",
    look: "In the activation chart, see the z histograms pile up far beyond the bends of tanh; the depth chart shows std(δ) rising towards the input.",
    verdicts: {
      "explode": "At step {step}, at least {sat_min_pct} % of pairs are saturated in every hidden layer from the second on (fewest in {layer}); std(δ) in the first hidden layer is {delta_ratio} times that of the last: the gradient grows towards the input instead of vanishing.",
      "vanish": "At step {step}, at least {sat_min_pct} % of pairs are saturated in every hidden layer from the second on (fewest in {layer}); std(δ) in the first hidden layer is {delta_ratio} times that of the last: the gradient vanishes towards the input.",
      "fails": "At step {step}, only {sat_min_pct} % of pairs are saturated in {layer}: not more than half, so these weights are not too large for this net.",
      "shallow": "This net has {layers} hidden layer; saturation from the second layer on needs at least 2.",
    },
  },
  "xavier": {
    title: "Var(w) = 1/n_in or 2/(n_in + n_out)? Why the average?",
    text: "Caffe's XavierFiller (and LeCun's rule) sets Var(w) = 1/n_in, which keeps the spread of z the same from layer to layer; but the error δ travels back through the same weights and is scaled by n_out·Var(w) = n_out/n_in, so it jumps by a factor 2 each time the width changes between 64 and 16. Glorot & Bengio (2010) asked for both conditions, n_in·Var(w) = 1 and n_out·Var(w) = 1, and, as they cannot both hold when the widths differ, took Var(w) = 2/(n_in + n_out): forward and backward each move by at most √(80/32) ≈ 1.58. The units are linear here so that only the widths change the spreads, as in their derivation.",
    look: "In the depth chart, compare how std(z) and std(δ) zig-zag between the wide and narrow layers in A (LeCun) and B (Glorot).",
    verdicts: {
      "holds": "At step {step}, the largest jump between neighbouring layers is, for A (1/n_in), {a_fwd} forward and {a_bwd} backward; for B (Glorot), {b_fwd} and {b_bwd}. LeCun keeps the forward signal; Glorot's worst jump is the smaller.",
      "forward": "At step {step}, A's largest forward jump ({a_fwd}) is not below B's ({b_fwd}); backward: A {a_bwd}, B {b_bwd}. The 1/n_in rule does not keep the forward signal better here.",
      "balance": "At step {step}, jumps forward/backward are A {a_fwd} / {a_bwd}, B {b_fwd} / {b_bwd}: B's worst is not below A's, so the average does not balance better here.",
    },
  },
  "he-relu": {
    title: "Which rule for ReLU?",
    text: "A ReLU sets about half of its inputs to 0, so it passes on only half of the variance of z. Glorot's Var(w) = 1/64 on 64-wide layers does not make up for it, and std(z) shrinks by 1/√2 per layer: it halves every two layers. He et al. (2015) doubled the variance to Var(w) = 2/n_in, which exactly makes up for the lost half, so std(z) stays level through all eight layers.",
    look: "In the depth chart, compare std(z) per layer: A (Glorot) slopes down, B (He) stays flat.",
    verdicts: {
      "holds": "At step {step}, std(z) in the last hidden layer is {a_ratio} of the first's with Glorot (A) and {b_ratio} with He (B): Glorot's signal fades, He's keeps its size.",
      "fails": "At step {step}, last/first std(z) is {a_ratio} for A and {b_ratio} for B; the claim needs A below 0.5 and B between 0.5 and 2.",
    },
  },
};

// The guided lessons' words, in English: each lesson's 2–4 sentences of explanation and
// its "what to look at" line, loaded on demand when a lesson is first shown (strings.js
// loadLessonTexts). The titles and verdict sentences the page needs at once are in
// lessons-verdicts.js; LESSONS here joins both into the whole table, the shape the other
// languages copy in www/i18n/<code>.js (`lessons`, `verdicts`).

import { COMMON_VERDICTS, LESSON_VERDICTS } from "./lessons-verdicts.js";

export { COMMON_VERDICTS };

/** Per lesson: its explanation and what to look at. */
export const LESSON_TEXTS = {
  "zero-tanh": {
    text: "At zero every hidden unit outputs tanh(0) = 0 (ReLU gives 0 as well), so each weight's gradient, the unit's input times the error coming down, is exactly 0, and no error comes down through output weights that are 0. Only the output bias sees an error, and on the four balanced XOR points even that error averages to 0. Rumelhart, Hinton & Williams (1986) pointed out that equal starting weights can never be told apart by backpropagation; zero is the extreme case where nothing moves at all.",
    look: "The gradients chart: every layer's weight gradients sit at exactly 0, in A (tanh) and in B (ReLU), however long you train.",
  },
  "zero-sigmoid": {
    text: "A sigmoid outputs ½ at 0, not 0, so the output weights get a gradient as soon as the classes are not balanced along the inputs, and after them the hidden weights too: the loss goes down. But every hidden unit has the same weights, sees the same inputs and receives the same gradient, so all of them take the same step every time. The layer learns, but as one unit copied four times.",
    look: "The table: the loss falls while the distinct-units column stays at 1 in every hidden layer.",
  },
  "constant": {
    text: "With every weight at 1 and the biases at 0, each first-layer unit computes sigmoid(x₁ + x₂): the same function of the same inputs. Identical units get identical gradients, so they stay identical after every update, and the next layer sees the same value several times over. The network diagram shows as many units as you asked for, but they are all one unit.",
    look: "The network diagram: the lines into each hidden unit stay the same colour and thickness as training goes on.",
  },
  "break-symmetry": {
    text: "A starts every weight at 1; B starts from the same weights plus random noise with a standard deviation of only 0.001 (the jitter setting). The noise makes B's units slightly different, and because different units get different gradients, training widens the gap instead of closing it. A stays a single effective unit, a smooth function of one direction of the input, which can get at most 3 of XOR's 4 quadrants right; B can use all eight units.",
    look: "The decision boundaries side by side: A draws a single band, B carves out the XOR quadrants; compare the accuracies.",
  },
  "xor-2-1": {
    text: "Rumelhart, Hinton & Williams (1986) solved XOR with a single hidden unit plus direct connections from the inputs to the output: the XOR 2-1 net. Started from all zeros, its hidden unit gives the same value on all four points and XOR has no linear trend, so every gradient is exactly 0 and the net never leaves its starting point. The same net started from random weights (B) solves XOR.",
    look: "The network diagram: A's connections stay at 0 while B's grow into the XOR solution.",
  },
  "saddle": {
    text: "Gradient descent follows the slope, and at zero init the slope is exactly 0 in every direction. That does not make it a minimum: moving the output bias alone raises the loss (second difference ¼), while moving any single weight or hidden bias alone leaves it flat, because the weights around it are still 0. A point where the gradient vanishes but the loss is not lowest in every direction is a saddle-like stationary point; the second differences here use a step of 0.01 along each parameter.",
    look: "The loss landscape around the current weights, and the verdict's count of axes that curve up.",
  },
  "xor-restarts": {
    text: "Random weights break the symmetry, but on the XOR 2-2-1 net some starting points still lead to a poor local minimum. Training the same settings from 20 seeds shows the odds: on this page, seeds 1 to 20 at 2000 steps give 12 runs that solve XOR (loss below 0.01) and 8 that stay stuck (loss above 0.1). Restarting from a new seed is a cheap way to pick a winner.",
    look: "The restarts panel: run it and read the histogram of final losses, solved runs on the left, stuck runs on the right.",
  },
  "truncated": {
    text: "B draws its weights from a normal like A's but redraws any that land beyond ±2σ, as Keras and JAX do. The cut alone would also narrow the spread (a normal cut at ±2σ has a std of 0.8796σ), so B is corrected as Keras does (correct=1): it is drawn with σ/0.8796 before the cut, and A and B have the same std and differ only in their tails. The usual reason given for the cut is that big weights saturate units, but a unit saturates when its z, a sum of many weights times inputs, is large, and the spread of that sum is set by the weights' std, not by a few weights beyond 2σ. At σ = 1/√fan_in a sigmoid only saturates beyond |z| ≈ 6, about six standard deviations of z, so neither net has a saturated unit. Raise σ to 3 (scale=manual, sigma=3): std(z) becomes about 3·√2 ≈ 4.2, and A and B saturate alike, 15.1 % and 15.3 % of pairs on average over 40 seeds (one seed's two draws differ by a couple of points). Uncheck correct on B and it saturates fewer, 11.1 %: that is its 12 % smaller std, a change of scale that a smaller σ would give as well. A pitfall: PyTorch's trunc_normal_ cuts at a = −2 and b = 2 as weight values, not in units of σ, so at σ = 0.05 it cuts at ±40σ and truncates nothing (bounds=abs with lo=-2, hi=2 on B shows it). Trained 200 steps at a learning rate of 1, both nets learn, and the cut makes almost no difference: on seeds 1 to 10 the losses (0.11 to 0.33) stayed within 0.04 of each other and the accuracies within a point. That small difference is the lesson.",
    look: "In the activation chart, compare the z histograms of A and B against the flat ends of the sigmoid; the weight histograms show B's tails cut off at ±2σ.",
  },
  "relu-bias": {
    text: "A ReLU unit is dead when its z is negative on every training point: it outputs 0, and its incoming weights and bias get no gradient. In the first hidden layer, whose inputs are the fixed data, such a unit stays dead for good; in deeper layers its inputs are the outputs of the layers below, which keep training, so a dead unit can come back (and a live one can die). With bias 0 a unit is dead when w·a ≤ 0 on every point, a condition that does not change when all the weights are scaled, so cutting the tails of the weight distribution barely affects it: over 200 seeds, 200 steps leave on average 2.21 of these 16 units dead with normal weights and 2.14 with truncated ones, against 0.97 with bias 0.1. (On a single seed the truncated draw is a different draw, so the two counts differ by a unit or two either way.) A small positive bias, as TensorFlow's early MNIST tutorial used next to its truncated normal weights (0.1 here), shifts every z up, so a unit dies only where w·a < −0.1 on every point. A and B start from the same initial weights, so the difference between them is the bias's. Whether that bias helps training is disputed: the CS231n notes say it is not clear that it gives a consistent improvement, that some results suggest it does worse, and that zero biases are more common. Narrow layers of 4 make dead units common enough to count. Training tells the two nets apart much less than the dead counts do: after 200 steps B's loss was within 0.1 of A's on each of seeds 1 to 12 (on this seed B's is slightly higher), a small difference, reported as it is.",
    look: "In the table, compare the dead share of each hidden layer in A (bias 0) and B (bias 0.1).",
  },
  "too-small": {
    text: "With σ = 0.01 and 64 inputs per unit, each tanh layer multiplies the spread of z by σ·√64 = 0.08, so after eight layers almost nothing of the input is left, and the backward error shrinks the same way. Every z stays near 0, where tanh is a straight line, so the whole net behaves like one linear map and its decision boundary cannot bend. B is the same net at σ = 1/√64 = 0.125, where each layer passes the spread on (σ·√64 = 1). Trained 200 steps at a learning rate of 0.1, B reaches 86–96 % accuracy on seeds 1 to 8, while A stays at a loss of ln 2 ≈ 0.693, the loss of answering ½ for every point, and about 50 %. A sigmoid does not rescue it: set B's activation to sigmoid and its σ to 0.01, and its std(z) does not collapse, because sigmoid(0) = ½: every unit passes on about ½ whatever the input, which keeps z at a spread of σ·√(64·¼) = 0.04 across units; but that spread is the same for every point, so the input is lost all the same and B learns nothing either.",
    look: "At step 0, in the depth chart, follow std(z) layer by layer: A's falls by a factor of about 12 per layer, B's stays level (training then reshapes A's top layers); after the steps, the loss chart shows A flat at ln 2 while B learns.",
  },
  "too-large": {
    text: "With σ = 3 and 64 inputs, z has a spread of about 3·√64 = 24, while tanh is flat beyond |z| ≈ 3: about 90 % of (unit, point) pairs sit in the tails from the second layer on, and the units behave like ±1 switches. Saturated pairs pass almost no gradient, but the few unsaturated ones are multiplied by weights of size 3 on the way back, so std(δ) does not vanish here: it grows by about 3.6 per layer towards the input, carried by a handful of points, and the first training step throws the first layer's weights far out. Saturation means the gradient is unreliable, not necessarily small. B is the same net at σ = 1/√64 = 0.125, LeCun's σ for these layers. Trained 300 steps at a learning rate of 0.1, B reaches 81–96 % accuracy on seeds 1 to 8 and A only 48–71 %, with a loss of 0.72 to 3.9 against B's 0.13 to 0.64: A's ±1 switches and its unreliable gradient leave it far behind.",
    look: "In the activation chart, see A's z histograms pile up far beyond the bends of tanh while B's stay inside them; the depth chart shows std(δ) rising towards the input; after the steps, the loss chart shows what each net learned.",
  },
  "xavier": {
    text: "For one layer, Var(z) = n·Var(w)·E[a²]: z sums n inputs, each a weight times an input. Caffe's XavierFiller (and LeCun's rule) sets Var(w) = 1/n_in, so n·Var(w) = 1 and Var(z) carries on unchanged from layer to layer; the verdict works the product through for every layer of A and B with the live numbers. But the error δ travels back through the same weights and is scaled by n_out·Var(w) = n_out/n_in, so it jumps by a factor 2 each time the width changes between 64 and 16. Glorot & Bengio (2010) asked for both conditions, n_in·Var(w) = 1 forward and n_out·Var(w) = 1 backward, and, as they cannot both hold when the widths differ, took Var(w) = 2/(n_in + n_out): forward and backward each move by at most √(80/32) ≈ 1.58. It is sometimes said that the average is taken because the exact rule is computationally harder; it is not, each rule is one formula. The reason for the average is the backward pass. The units are linear here so that only the widths change the spreads, as in their derivation.",
    look: "In the depth chart, compare how std(z) and std(δ) zig-zag between the wide and narrow layers in A (LeCun) and B (Glorot).",
  },
  "he-relu": {
    text: "A ReLU sets about half of its inputs to 0. What the next layer's z depends on is the second moment E[a²] of the outputs, not their variance: for a zero-mean symmetric z, E[ReLU(z)²] = ½·Var(z) exactly (the negative half gives 0, the positive half keeps its share of z²), while Var(ReLU(z)) = (½ − 1/(2π))·Var(z) ≈ 0.34·Var(z), smaller because a ReLU's output has a positive mean. With Glorot's Var(w) = 1/64 on 64-wide layers, the next layer's Var(z) = n·Var(w)·E[a²] = 64·(1/64)·½·Var(z) is half of this one's: std(z) is multiplied by 1/√2 ≈ 0.71 per layer and halves every two layers. He et al. (2015) doubled the variance to Var(w) = 2/n_in, which exactly makes up for the lost half, so std(z) stays level through all eight layers. Training shows what the fading costs: at a learning rate of 0.01, after 200 steps He's net (B) has brought its loss down to about 0.1, while Glorot's (A) is still close to ln 2 ≈ 0.69, the loss of answering ½ everywhere (seeds 1 to 12: A 0.63–0.68, B 0.07–0.16). A's last layer receives a signal about a tenth of its first layer's, so its output barely leaves ½, and the error coming back shrinks by 1/√2 a layer in the same way, so its weights barely move either. The depth verdict judges the weights as they were drawn, at step 0.",
    look: "In the depth chart, compare std(z) per layer: A (Glorot) slopes down, B (He) stays flat. After the steps, the loss chart shows what each net learned.",
  },
};

/** Every lesson's words: {title, text, look, verdicts}. */
export const LESSONS = Object.fromEntries(
  Object.entries(LESSON_VERDICTS).map(([id, { title, verdicts }]) => [id, { title, ...LESSON_TEXTS[id], verdicts }]),
);

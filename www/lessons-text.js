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
    text: "At zero every hidden unit outputs tanh(0) = 0 (ReLU gives 0 as well), so each weight's gradient, the unit's input times the error coming down, is exactly 0, and no error comes down through output weights that are 0. Only the output bias sees an error, and on the four balanced XOR points even that error averages to 0. On batches that hold unequal numbers of each class (data=gauss, batches of 10) the output bias does move, and the loss with it; but every weight stays exactly 0, so the network still gives every point the same output. Rumelhart, Hinton & Williams (1986) pointed out that equal starting weights can never be told apart by backpropagation; zero is the extreme case where no weight moves at all.",
    look: "The gradients chart: every layer's weight gradients sit at exactly 0, in A (tanh) and in B (ReLU), however long you train.",
  },
  "zero-sigmoid": {
    text: "A sigmoid outputs ½ at 0, not 0: at zero init every hidden unit outputs ½ on every input, and so does the output. Each output weight's gradient is then ½ times the batch's mean of (½ − y): it depends only on how many points of each class the batch holds, not on where they lie. Batches of 10 from the two blobs mostly hold unequal numbers of each class, so the output weights move, then the hidden weights below them, and the loss falls. On a balanced full batch (data=xor4 with batch=4) every batch holds 2 points of each class, that gradient is exactly 0, and sigmoid freezes exactly as tanh does. And where the weights do move, every hidden unit has the same weights, sees the same inputs and receives the same gradient, so all of them take the same step: the layer learns as one unit copied four times.",
    look: "The table: the loss falls while the distinct-units column stays at 1 in every hidden layer.",
  },
  "unfreeze": {
    text: "The material says that with more than one hidden layer, a change of a weight is absorbed by the next layer. Here every weight starts at 0, with sigmoid units in 3 hidden layers. A layer's weights get a gradient only through the weights above them, and while those are 0 no error comes down: so only the output's weights can move at first, and a layer's weights can leave 0 only on a step after the layer above them did. The layers unfreeze from the output down, at most one per step (a layer can also wait longer). While every output is still ½, a batch with one point of each class moves nothing at all; with the lesson's seed, steps 1 to 4 are such batches. Once the output has moved that is no longer so. However far the weights move, every layer stays 1 distinct unit.",
    look: "The network diagram: weights that are exactly 0 are drawn grey. Step once at a time and watch the colour spread from the output leftwards, one layer per step at most; the verdict names the step each layer first moved.",
  },
  "no-hidden": {
    text: "The objection goes: a weight is not in its own delta rule, so starting it at 0 cannot stop it from learning. Without a hidden layer that is right. Here the two inputs feed the sigmoid output directly (layers=0: logistic regression), and each weight's gradient is its input times the output's error: ∂L/∂w_i = x_i·δ, with δ = p − y for cross-entropy. At w = 0 every p is ½, so the gradient is the mean of x_i·(½ − y): it is not 0 when the classes lie apart along x_i, and w_i itself is not in it. With a single unit there are no copies to keep equal either. The cross-entropy of logistic regression is convex in (w, b), so gradient descent has no saddle or plateau to stop on, and where the classes overlap, as here, its minimum is one point. So A (zeros) and B (random weights) reach the same loss, and their weights close in on the same values. With a hidden layer this changes: a hidden weight's δ carries the output weight above it, which zero init sets to 0, and the argument no longer holds. (Squared error through a sigmoid is not convex, even without a hidden layer.)",
    look: "The loss chart: A's curve starts at ln 2 ≈ 0.693 (p = ½ on every point), B's wherever its random weights put it (higher, on this seed), and the two curves meet within a few hundred steps. Then give the network a hidden layer (layers=4): A's curve stays flat.",
  },
  "constant": {
    text: "With every weight at 1 and the biases at 0, each first-layer unit computes sigmoid(x₁ + x₂): the same function of the same inputs. Identical units get identical gradients, so they stay identical after every update, and the next layer sees the same value several times over. What stays equal is every unit against every other, not one unit's two input weights: those drift apart as training goes on, since each gets the error times its own input, but every unit's weights drift exactly as every other unit's do. The network diagram shows as many units as you asked for, but they are all one unit.",
    look: "The network diagram: the lines into each hidden unit match the lines into every other unit, line for line, as training goes on, though a unit's two lines may differ from each other.",
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
    text: "Gradient descent follows the slope, and at zero init the slope is exactly 0. Is this a minimum? The second-order test cannot say: along the output bias the loss curves up (second difference ¼), along every other single weight or bias it is flat, and no direction curves down. A flat minimum looks just the same. A strict saddle has a direction that curves down, which proves at once that it is no minimum; this saddle is degenerate, and the proof is a lower point. It lies along d₁: move one hidden unit's two weights, its bias and its output weight together, and the loss falls at fourth order (at 0.3 each, by about 0.004). It falls both ways, because the network at −d₁ computes the same outputs; and it needs the bias: the weights alone give an odd function of x, which XOR cannot use. The landscape shows this plane, d₁ across and the output bias up.",
    look: "The loss landscape: it rises along β (the output bias) and falls to both sides along α (d₁); the verdict gives the lower point it found. Set act=linear: the same second differences, no lower point, and a verdict that stays inconclusive.",
  },
  "xor-restarts": {
    text: "Random weights break the symmetry, yet on the XOR 2-2-1 net some starting points still lead nowhere. The lesson trains it with squared error (loss=mse). For this net, Hamey (1998) showed that no finite stationary point is a local minimum, as every one has points of lower error arbitrarily close, and Sprinkhuizen-Kuyper & Boers that from every finite point a strictly decreasing path leads to zero error. So a stuck run is not in a local minimum: it sits on a plateau, or drifts towards infinite weights where hidden units saturate, and gradient descent makes almost no progress there. The restarts panel trains seeds 1 to 20 and the verdict counts the runs that solve XOR (loss below 0.01) and those that stay stuck (above 0.1). Restarting from a new seed is a cheap way out; so is a wider layer: with layers=4 no seed got stuck.",
    look: "The restarts panel: run it and read the histogram of final losses, solved runs on the left, stuck runs on the right.",
  },
  "truncated": {
    text: "B draws its weights from the same normal as A but redraws any that land beyond ±2σ, as Keras and JAX do. Cutting the tails also narrows the spread: the std of a normal cut at ±2σ is 0.8796σ, the constant Keras divides by when it corrects the variance (set correct=1 on B to see 1.00). The usual reason given is that big weights saturate units, but at σ = 1/√fan_in a sigmoid only saturates beyond |z| ≈ 6, about six standard deviations of z: it is the sum of many weights that would get there, not one weight beyond 2σ, so both nets start with practically no saturated units. Raise σ (scale=manual, sigma=3) and the cut starts to matter.",
    look: "In the activation chart, compare the z histograms of A and B against the flat ends of the sigmoid; the weight histograms show B's tails cut off at ±2σ.",
  },
  "relu-bias": {
    text: "A ReLU unit is dead when its z is negative for every input: it outputs 0 and gets no gradient, so it never comes back. With bias 0 that happens when w·a ≤ 0 on every point, a condition that does not change when all the weights are scaled, so cutting the tails of the weight distribution barely affects it (switch init to truncnormal for both nets: A's dead count hardly moves). A small positive bias, as TensorFlow's early MNIST tutorial used next to its truncated normal weights (0.1 here), shifts every z up, so a unit dies only where w·a < −0.1 for all points. Narrow layers of 4 make dead units common enough to count.",
    look: "In the table, compare the dead share of each hidden layer in A (bias 0) and B (bias 0.1).",
  },
  "too-small": {
    text: "With σ = 0.01 and 64 inputs per unit, each tanh layer multiplies the spread of z by σ·√64 = 0.08, so after eight layers almost nothing of the input is left, and the backward error shrinks the same way. In both nets every z stays near 0, where tanh and sigmoid are straight lines, so the whole net behaves like one linear map and its decision boundary cannot bend. The sigmoid net's std(z) does not collapse because sigmoid(0) = ½: every unit passes on about ½ whatever the input, which keeps z at a spread of σ·√(64·¼) = 0.04 across units, but that spread is the same for every point, so the input is lost all the same.",
    look: "In the depth chart, follow std(z) layer by layer: A's falls by a factor of about 12 per layer, B's stays flat near 0.04.",
  },
  "too-large": {
    text: "With σ = 3 and 64 inputs, z has a spread of about 3·√64 = 24, while tanh is flat beyond |z| ≈ 3: about 90 % of (unit, point) pairs sit in the tails from the second layer on, and the units behave like ±1 switches. Saturated pairs pass almost no gradient, but the few unsaturated ones are multiplied by weights of size 3 on the way back, so std(δ) does not vanish here: it grows by about 3.6 per layer towards the input, carried by a handful of points, and the first training step throws the first layer's weights far out. Saturation means the gradient is unreliable, not necessarily small.",
    look: "In the activation chart, see the z histograms pile up far beyond the bends of tanh; the depth chart shows std(δ) rising towards the input.",
  },
  "xavier": {
    text: "Caffe's XavierFiller (and LeCun's rule) sets Var(w) = 1/n_in, which keeps the spread of z the same from layer to layer; but the error δ travels back through the same weights and is scaled by n_out·Var(w) = n_out/n_in, so it jumps by a factor 2 each time the width changes between 64 and 16. Glorot & Bengio (2010) asked for both conditions, n_in·Var(w) = 1 and n_out·Var(w) = 1, and, as they cannot both hold when the widths differ, took Var(w) = 2/(n_in + n_out): forward and backward each move by at most √(80/32) ≈ 1.58. The units are linear here so that only the widths change the spreads, as in their derivation.",
    look: "In the depth chart, compare how std(z) and std(δ) zig-zag between the wide and narrow layers in A (LeCun) and B (Glorot).",
  },
  "he-relu": {
    text: "A ReLU sets about half of its inputs to 0, so it passes on only half of the variance of z. Glorot's Var(w) = 1/64 on 64-wide layers does not make up for it, and std(z) shrinks by 1/√2 per layer: it halves every two layers. He et al. (2015) doubled the variance to Var(w) = 2/n_in, which exactly makes up for the lost half, so std(z) stays level through all eight layers.",
    look: "In the depth chart, compare std(z) per layer: A (Glorot) slopes down, B (He) stays flat.",
  },
  "in-practice": {
    text: "Use biases of 0, Glorot's Var(w) = 2/(n_in + n_out) for tanh and sigmoid, and He's Var(w) = 2/n_in for ReLU. The frameworks' defaults do not look at the activation: PyTorch's nn.Linear draws W and b from U(±1/√n_in) (kaiming_uniform_ with a = √5), so Var(w) = 1/(3·n_in); Keras' Dense uses glorot_uniform, W ~ U(±√(6/(n_in + n_out))), with biases 0; Flax's nn.Dense uses lecun_normal, a normal cut at ±2σ whose variance is 1/n_in, with biases 0 (presets torch-linear, keras-glorot-uniform and keras-lecun-normal: JAX's initialisers are Keras'). Through a 64 → 64 ReLU layer they multiply std(z) by 1/√6 ≈ 0.41, 1/√2 ≈ 0.71 and 1/√2; He's rule by 1. Here A follows He and B is PyTorch's default, on eight ReLU layers of 64 units trained with plain SGD at lr 0.03. B's std(z) shrinks by 0.41 a layer down to the spread of its own biases, about 0.08, which is the same for every point, and the error coming back shrinks as much: B's output is nearly the same everywhere and its loss stays near ln 2 ≈ 0.69, while A learns XOR. When the default does not match the activation, set the init yourself; the deeper the net, the more it matters. The way forward is a network that cares less about its init. Batch normalisation (Ioffe & Szegedy 2015) rescales each unit's z over the mini-batch to mean 0 and variance 1, so scaling a layer's weights leaves its output unchanged; they report that it allows much higher learning rates and being \"less careful about initialization\". Residual connections (He et al. 2016) compute x + F(x): the signal and the gradient get a path that no weight multiplies, and He et al. trained nets of 152 layers with them. Both still start from the rules above (the ResNets use He's init): they widen the range of inits that work.",
    look: "In the depth chart, compare std(z) per layer: A (He) stays level, B (PyTorch's default) falls to about 0.08 by the fourth layer and stays there. Then run the steps: in the loss chart A's loss falls far below B's, which stays near 0.69.",
  },
};

/** Every lesson's words: {title, text, look, verdicts}. */
export const LESSONS = Object.fromEntries(
  Object.entries(LESSON_VERDICTS).map(([id, { title, verdicts }]) => [id, { title, ...LESSON_TEXTS[id], verdicts }]),
);

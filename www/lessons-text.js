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
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "zero-sigmoid": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "constant": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "break-symmetry": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "xor-2-1": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "saddle": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "xor-restarts": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
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

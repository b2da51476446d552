// The guided lessons' "predict first" questions, in English: each lesson's question, its
// answers and one sentence on each answer (why it is right, or which misconception it is).
// Loaded with the lesson panel: the question is the first thing a lesson shows. Which answer
// is right is not here but in src/lessons/questions.rs, next to the verdicts that show it.
// The other languages keep the same shape in www/i18n/<code>.js (`questions`).

/** Per lesson: {text, choices: [answer], why: [one sentence per answer]}. */
export const QUESTIONS = {
  "zero-tanh": {
    text: "Every weight starts at 0; the hidden units are tanh in A and ReLU in B. What happens when they train?",
    choices: [
      "The weights grow slowly at first, then learn as usual.",
      "Every weight stays exactly 0, however long they train.",
      "ReLU escapes, since it lets the error through; tanh stays stuck.",
    ],
    why: [
      "At 0 each weight's gradient is exactly 0, not small, so there is nothing to grow from.",
      "The hidden outputs are 0 and no error comes down through output weights of 0, so every weight gradient is exactly 0; at most the output bias moves.",
      "ReLU(0) = 0 as well, so B's weight gradients are exactly 0 too.",
    ],
  },
  "zero-sigmoid": {
    text: "The same zero start with sigmoid units, on two blobs in batches of 10. What happens?",
    choices: [
      "Nothing moves, as with tanh.",
      "The weights move and the units soon differ, so the net learns as usual.",
      "The weights move and the loss falls, but every hidden unit stays a copy of the others.",
    ],
    why: [
      "Sigmoid(0) = ½, not 0: on a batch with unequal numbers of each class the output weights get a gradient and move.",
      "Identical units get identical gradients, so nothing ever tells them apart.",
      "The weights leave 0, but every unit of a layer gets the same gradient, so each layer stays 1 distinct unit.",
    ],
  },
  "unfreeze": {
    text: "Zero init, sigmoid units, 3 hidden layers. Which weights can move first?",
    choices: [
      "The first hidden layer's, nearest the input.",
      "The output's, then the layers below, at most one more per step.",
      "Every layer's at once, on the first step.",
    ],
    why: [
      "The error reaches a layer only through the weights above it, and those start at 0.",
      "A layer's weights can leave 0 only on a step after the layer above them did, so the layers unfreeze from the output down.",
      "A layer's weights get no gradient while the weights above them are still 0.",
    ],
  },
  "no-hidden": {
    text: "No hidden layer (logistic regression). A starts at zero, B at random weights. After training?",
    choices: [
      "A and B reach the same loss.",
      "A never learns: zero init is stuck.",
      "A learns, but ends worse than B.",
    ],
    why: [
      "Each weight's gradient is its input times the output's error, which is not 0 at w = 0, and the loss is convex with one minimum.",
      "Without a hidden layer a weight's gradient does not contain the weight, so it is not 0 at w = 0.",
      "The loss is convex with a single minimum here, so both starts end at the same place.",
    ],
  },
  "constant": {
    text: "Every weight starts at 1 and every bias at 0. What do the hidden units do in training?",
    choices: [
      "They drift apart, since the inputs differ.",
      "Nothing moves: a constant start is as frozen as zeros.",
      "They change, but stay identical to each other: the layer acts as one unit.",
    ],
    why: [
      "Every unit sees the same inputs through the same weights, so all get the same gradient and take the same step.",
      "With weights of 1 the error does come down and the weights move; they only move alike.",
      "Every unit computes sigmoid(x₁ + x₂) and gets the same gradient, so the units stay equal.",
    ],
  },
  "break-symmetry": {
    text: "B adds noise with a std of only 0.001 to A's constant weights of 1. Does that tiny noise matter?",
    choices: [
      "Yes: training widens the small differences, and B learns XOR where A cannot.",
      "No: 0.001 is far too small to change anything.",
      "Only with a much larger learning rate to amplify it.",
    ],
    why: [
      "Once the units differ they get different gradients, and training pulls them further apart, while A stays one unit.",
      "Different units get different gradients, so training widens a gap of any size instead of closing it.",
      "At the lesson's learning rate training already widens the gap by itself.",
    ],
  },
  "xor-2-1": {
    text: "The XOR 2-1 net (one hidden unit plus direct links from the inputs to the output) starts at zero. Does it learn XOR?",
    choices: [
      "Yes: the direct links get a gradient even if the hidden unit does not.",
      "Yes, slowly: it needs more steps than from random weights.",
      "No: every gradient is exactly 0 and it never leaves its start.",
    ],
    why: [
      "XOR has no linear trend, so on its four balanced points even the direct links get a gradient of exactly 0.",
      "The gradient is exactly 0, not small, so no number of steps helps.",
      "The hidden unit gives the same value on all four points and XOR has no linear trend, so every gradient is exactly 0; random weights (B) solve it.",
    ],
  },
  "digits-symmetry": {
    text: "16 tanh units on the handwritten digits: every weight of A starts at 0.1, B's at random. After 2,000 steps, what are A's 16 receptive fields (each unit's 64 incoming weights as an 8×8 image)?",
    choices: [
      "16 different images: real images are varied enough to break the tie.",
      "One image 16 times: A is a one-unit net, and it gets about a third of the digits right.",
      "One image 16 times, but A scores as well as B: the output layer makes up for it.",
    ],
    why: [
      "Every unit sees the same pixels and receives the same gradient, whatever the images: the units move together and stay copies.",
      "The fields stay identical (to 10⁻⁶), so the ten classes are read off one number, and each class wins on at most one interval of it: 31–36 % on seeds 1 to 10, against B's 95–97 %.",
      "The output layer sees 16 copies of one number: it can only cut that number into intervals, at most one per class, which left A at 31–36 %.",
    ],
  },
  "saddle": {
    text: "At zero init the 2-2-1 tanh XOR net's gradient is 0. Is that point a minimum?",
    choices: [
      "Yes: the gradient is 0 and the loss curves up along the output bias.",
      "No: along some single weight's axis the loss curves down, as at any saddle.",
      "No: a lower point lies nearby, though no single direction curves down.",
    ],
    why: [
      "The second-order test cannot tell here, and moving one hidden unit's weights, bias and output weight together lowers the loss.",
      "Every axis is flat or curves up: that is why it takes a lower point to prove it is no minimum.",
      "It is a degenerate saddle: the loss falls at fourth order along a combined direction, not along any single axis.",
    ],
  },
  "xor-restarts": {
    text: "Random starts of the 2-2-1 XOR net, squared error. Why do some runs stay stuck?",
    choices: [
      "They fall into a local minimum.",
      "None stay stuck: random weights always solve XOR.",
      "They sit on a plateau, or drift towards infinite weights, where gradient descent barely moves.",
    ],
    why: [
      "For this net it is proven that no finite point is a local minimum: every one has lower points arbitrarily close.",
      "On this net some seeds do stay stuck; the restarts panel counts them.",
      "The slope there is nearly flat; a new seed, or a wider layer, is the way out.",
    ],
  },
  "truncated": {
    text: "B redraws every weight beyond ±2σ (its std corrected back to σ); A keeps the full normal (σ = 1/√fan_in, sigmoid units). Which starts with fewer saturated units?",
    choices: [
      "B: cutting the large weights keeps units out of the flat tails.",
      "Neither: both start with practically no saturated units.",
      "A: its uncut tails push z further out.",
    ],
    why: [
      "At this σ a sigmoid saturates only some six standard deviations of z out, which the sum of many weights almost never reaches, cut or not.",
      "At σ = 1/√fan_in both shares are about 0 %: it is the sum of many weights that would reach the flat tails, and B's corrected std keeps that sum as wide as A's.",
      "The tails hold few weights, and z is a sum of many: with B's std corrected both spread z alike, far from |z| ≈ 6, where a sigmoid saturates.",
    ],
  },
  "relu-bias": {
    text: "A deep, narrow ReLU net: A's biases start at 0, B's at 0.1. After training, which has fewer dead units?",
    choices: [
      "B: a positive bias shifts every z up, so fewer units are negative on every point.",
      "A: a positive bias makes units saturate.",
      "Neither: a bias does not change which units die.",
    ],
    why: [
      "With bias 0.1 a unit dies only where w·a < −0.1 on every point; the gain is small here, and whether it helps in general is disputed.",
      "A ReLU does not saturate for positive z: a positive bias keeps units alive.",
      "The bias moves the line beyond which a unit is dead, so it changes how many die.",
    ],
  },
  "too-small": {
    text: "Eight tanh layers of 64 units, weights drawn with σ = 0.01. What reaches the last layer?",
    choices: [
      "The signal, intact: small weights keep the units in tanh's best range.",
      "Almost nothing: the spread of z shrinks about 12-fold per layer, and the net acts as one linear map.",
      "Saturated units: small weights make the units switch.",
    ],
    why: [
      "Each layer multiplies the spread of z by σ·√64 = 0.08, so the signal fades layer after layer.",
      "Each layer multiplies std(z) by σ·√64 = 0.08, so after eight layers almost nothing of the input is left.",
      "z stays near 0, where tanh is a straight line: the opposite of saturation.",
    ],
  },
  "too-large": {
    text: "The same eight tanh layers with σ = 3. What do the units do?",
    choices: [
      "Most sit in tanh's flat tails and act as ±1 switches.",
      "They work as usual: larger weights give a stronger signal.",
      "The signal fades to 0, as with small weights.",
    ],
    why: [
      "z spreads to about 24 while tanh is flat beyond |z| ≈ 3: about 90 % of (unit, point) pairs saturate from the second layer on.",
      "z spreads to about 24, and tanh is flat beyond |z| ≈ 3, so most units saturate.",
      "The spread of z grows to about 24, far beyond tanh's bends.",
    ],
  },
  "xavier": {
    text: "Linear layers alternate 64 and 16 wide. A uses Var(w) = 1/n_in (LeCun), B Glorot's 2/(n_in + n_out). Which keeps both the signal forward and the error backward in range?",
    choices: [
      "A: Var(w) = 1/n_in keeps everything steady.",
      "B: it balances the two, each moving by at most 1.58× a layer.",
      "Both alike: the widths make no difference.",
    ],
    why: [
      "1/n_in keeps z steady, but the error's std jumps by a factor 2 wherever the width changes.",
      "Glorot's average of the fans keeps forward and backward each within √(80/32) ≈ 1.58 a layer.",
      "With unequal widths n_in·Var(w) = 1 and n_out·Var(w) = 1 cannot both hold, so the rule matters.",
    ],
  },
  "he-relu": {
    text: "Eight ReLU layers of 64 units. A uses Glorot's Var(w) = 1/64, B He's 2/64. Which keeps std(z) level?",
    choices: [
      "A: Glorot's rule is built to keep the spread steady.",
      "B: ReLU passes on half of the second moment, and He doubles the variance to make up for it.",
      "Neither: ReLU always shrinks the signal.",
    ],
    why: [
      "Glorot assumes units that pass their input on whole; ReLU passes on half of the second moment, so std(z) shrinks by 1/√2 a layer.",
      "E[ReLU(z)²] = ½·Var(z), and Var(w) = 2/n_in makes up for exactly that half.",
      "With Var(w) = 2/n_in the lost half is restored and std(z) stays level.",
    ],
  },
  "digits-scale": {
    text: "Six tanh layers of 64 on the handwritten digits: A's weights drawn with σ = 0.01, B's with Glorot's σ. Where are they after 2,000 steps?",
    choices: [
      "Both near 95 %: on real data a small start only delays learning.",
      "A about halfway there, B near 95 %: small weights learn slowly.",
      "A still guesses (10 % right, loss ln 10 ≈ 2.3), B near 95 %.",
    ],
    why: [
      "Each of A's layers shrinks the spread of z to about 0.08 of the layer before: almost nothing of the image reaches the output, and almost no error comes back.",
      "A does not learn slowly, it does not learn: on seeds 1 to 10 its loss ended at 2.3025–2.3026, ln 10, and its accuracy at 10 %.",
      "Six layers that each shrink the signal to 0.08 leave the softmax's ten outputs equal, while Glorot's σ passes the spread on: B reached 95.5–97.5 %.",
    ],
  },
  "edge-of-chaos": {
    text: "Twenty tanh layers of 64. Two inputs with a cosine of about 0.9 go in; A's σ_w is on the critical line (χ₁ = 1), B's is 2.5 (χ₁ = 1.61). What is their correlation c at layer 20?",
    choices: [
      "About 0.9 in both: each init keeps the signal's size from layer to layer.",
      "About 0.9 in A; in B it falls towards 0: the inputs are scrambled.",
      "Close to 1 in both: depth makes every input look alike.",
    ],
    why: [
      "Keeping the length of one signal is not keeping the correlation of two: B's length settles at q* ≈ 4, while its c falls over about 5.6 layers (ξ_c).",
      "On the critical line ξ_c is unbounded and c leaves its start only slowly; in B it nears c* = 0.004 within about 5.6 layers.",
      "That is the ordered phase (χ₁ < 1), where c climbs to 1; B lies on the chaotic side of the line, where c falls.",
    ],
  },
  "orthogonal-depth": {
    text: "Thirty-two linear layers of 64: A orthogonal, B Gaussian (LeCun). Both keep std(δ) through the layers. What tells them apart?",
    choices: [
      "Nothing: the same mean square means the same network, up to a rotation.",
      "The Jacobian's singular values: A's all at 1, B's spread over more than six orders of magnitude.",
      "std(z): B's signal fades through 32 layers.",
    ],
    why: [
      "The mean square averages over directions; the Jacobian's singular values show each direction, and B's differ by a factor above a million.",
      "A product of orthogonal matrices is orthogonal; a product of Gaussian ones stretches a few directions and crushes the rest.",
      "LeCun's Var(w) = 1/64 keeps the mean square of z from layer to layer; what it does not keep is the directions.",
    ],
  },
  "in-practice": {
    text: "Eight ReLU layers of 64: A follows He's rule, B PyTorch's nn.Linear default. What does training show?",
    choices: [
      "They learn alike: PyTorch's default is made for ReLU.",
      "B learns faster: smaller weights are safer.",
      "A's loss falls far below B's: B's signal fades by 0.41 a layer.",
    ],
    why: [
      "Its U(±1/√n_in) gives Var(w) = 1/(3·n_in), so std(z) shrinks by 1/√6 ≈ 0.41 a layer.",
      "B's smaller weights make its signal fade, and it barely learns.",
      "Under PyTorch's default B's signal fades to its biases' spread and its loss stays near 0.69, while He's rule keeps std(z) level.",
    ],
  },
};

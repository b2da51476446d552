// The guided lessons' verdict sentences, in English (src/lessons holds their settings and
// verdicts). Fetched with the lesson panel (lessons.js), the first time a lesson opens; the
// titles, which the start panel lists at once, are in lessons-titles.js, the explanations
// (each lesson's text and "what to look at" line) in lessons-text.js.
// A verdict's message id is "<lesson>.<name>"; `{arg}` is replaced by the verdict's
// argument of that name, numbers formatted by the page. The other languages keep all of a
// lesson's words together in www/i18n/<code>.js (`lessons`, `verdicts`).

/** Verdict sentences every lesson may use. */
export const COMMON_VERDICTS = {
  "lesson.needsB": "This lesson compares A with B, and B is switched off: open the lesson again to bring B back.",
  "lesson.needsHidden": "This lesson is about hidden units, and layers=0 has none: give the network a hidden layer, or open the lesson again.",
  "lesson.diverged": "{side} diverged at step {step}: its loss or a weight stopped being a finite number, so there is nothing left to judge. Lower the learning rate or the momentum, or open the lesson again.",
  "lesson.divergedBoth": "A diverged at step {stepA} and B at step {stepB}: their losses or weights stopped being finite numbers, so there is nothing left to judge. Lower the learning rate or the momentum, or open the lesson again.",
  "lesson.notLearned": "After {step, plural, one {# step} other {# steps}} {side} has not learned: its training accuracy is {accuracy_pct} %, less than 10 points above a blind guess among the classes, and its loss {loss} (losses A {loss_a} and B {loss_b}). There is nothing to compare yet: a learning rate far too high or too low does this; change back what you changed, or open the lesson again.",
  "lesson.reversed": "After {step, plural, one {# step} other {# steps}} this run goes against the lesson: {other} trained clearly better than {side} (losses A {loss_a} and B {loss_b}, accuracy {accuracy_a_pct} % and {accuracy_b_pct} %). Look at what you changed, or open the lesson again.",
  "lesson.pending": "(verdict not written yet)",
};

/** Per lesson: its verdict sentences by name. */
export const LESSON_VERDICTS = {
  "zero-tanh": {
    verdicts: {
      "holds": "{zeros} of {weights, plural, one {# weight} other {# weights}} {zeros, plural, one {has} other {have}} a gradient of exactly 0, and at step {steps} the loss is still {loss}: nothing learns.",
      "fails": "{layer} of A has a gradient norm of {grad}: its weights can move, so the network is not stuck at zero.",
      "failsB": "{layer} of B has a gradient norm of {grad}: its weights can move, so the network is not stuck at zero.",
      "biasOnly": "At step {steps}, {zeros} of {weights, plural, one {# weight} other {# weights}} {zeros, plural, one {has} other {have}} a gradient of exactly 0. Only the output bias moved (the loss went from {from} to {loss}); every weight is still 0, so the network still gives every point the same output.",
      "notZero": "The weights of {layer} in A are no longer all 0: this is not the zero-init case any more.",
      "notZeroB": "The weights of {layer} in B are no longer all 0: this is not the zero-init case any more.",
    },
  },
  "zero-sigmoid": {
    verdicts: {
      "holds": "The loss went from {from} to {loss}, yet {layer} still has {units, plural, one {# distinct unit} other {# distinct units}} of {size}: the weights move, all together.",
      "still": "The loss has only gone from {from} to {loss} so far ({layer}: {units} of {size, plural, one {# distinct unit} other {# distinct units}}): run some steps to see the weights move.",
      "frozen": "At step {steps} every weight is still exactly 0: the network is frozen, as in the zero-tanh lesson. With sigmoid this happens when every batch holds as many points of each class, as the 4 XOR points in batches of 4 do.",
      "split": "{layer} has {units, plural, one {# distinct unit} other {# distinct units}} of {size}: these units started different, so this is not the zero-init case any more.",
    },
  },
  "unfreeze": {
    verdicts: {
      "holds": "The layers unfroze from the output down, one per step at most: the output's weights first moved at step {output}, hidden 3's at step {h3}, hidden 2's at step {h2}, hidden 1's at step {h1}. Every layer is still {units, plural, one {# distinct unit} other {# distinct units}}.",
      "holdsDepth": "{layers, plural, one {The only weight layer} other {All # weight layers}} unfroze from the output down, one per step at most: the output's weights first moved at step {output}, hidden 1's last, at step {h1}. Every layer is still {units, plural, one {# distinct unit} other {# distinct units}}.",
      "start": "Step 0: every weight is 0. Step once at a time and watch which layer moves first.",
      "frozen": "At step {steps} every weight is still exactly 0: no batch has moved anything yet.",
      "partly": "Weight layers moved so far, from the output down: {moved} of {layers}; the lowest, {layer}, first moved at step {step}. Run more steps.",
      "order": "{layer} moved at step {step}, not after {above} above it (step {aboveStep}): its weights did not start at 0.",
      "under": "{layer} moved at step {step} while {above} above it is still exactly 0: its weights did not start at 0.",
      "split": "{layer} has {units, plural, one {# distinct unit} other {# distinct units}} of {size}: its units started different, so this is not the zero-init case any more.",
    },
  },
  "no-hidden": {
    verdicts: {
      "holds": "At step {steps}, A (zeros) has loss {lossA} and B (random) {lossB}: a gap of {gap}, within {bound}. Without a hidden layer, starting at zero costs nothing.",
      "notYet": "A's loss is {lossA}, B's {lossB}: a gap of {gap}, not yet within {bound}. Run the lesson's steps.",
      "hidden": "A has a hidden layer now: its loss is {lossA}, B's {lossB}, a gap of {gap}. Hidden units that start at zero get equal gradients (or none: tanh(0) = 0), so the claim holds only without one (layers=0).",
      "sameStart": "A and B both start at loss {from}: B does not start from other weights, so there is nothing to compare. Give B a random init (init=normal).",
    },
  },
  "constant": {
    verdicts: {
      "holdsSum": "At step 0 every hidden unit outputs its activation of the plain sum of its inputs on every point (to within {gap}), and {layer} has {units, plural, one {# distinct unit} other {# distinct units}} of {size}: the units are copies of each other.",
      "holds": "Distinct units in {layer}: {units} of {size}: the units are still copies of each other.",
      "fails": "Distinct units in {layer}: {units} of {size}: the units differ, so something broke the symmetry.",
    },
  },
  "break-symmetry": {
    verdicts: {
      "holds": "B has {units} of {size, plural, one {# distinct unit} other {# distinct units}} in {layer} and reaches accuracy {accuracyB}; A, with {unitsA, plural, one {# distinct unit} other {# distinct units}}, stays at {accuracyA}.",
      "notYet": "B has {units} of {size, plural, one {# distinct unit} other {# distinct units}} in {layer}, but its accuracy is {accuracyB} so far (A: {accuracyA}): keep training.",
      "copies": "B has only {units} of {size, plural, one {# distinct unit} other {# distinct units}} in {layer}: without noise its units are copies too (accuracy {accuracyB}, A {accuracyA}).",
      "aLearns": "A reaches accuracy {accuracyA} with {unitsA, plural, one {# distinct unit} other {# distinct units}}: A's symmetry is broken as well, so there is nothing to compare.",
    },
  },
  "xor-2-1": {
    verdicts: {
      "holds": "A's gradient norm is {grad} and its loss stays at {lossA}; B brought its loss down to {lossB}, below {solved}: B solved XOR.",
      "notYet": "A's gradient norm is {grad}; B's loss is {lossB}, not yet below {solved}: keep training.",
      "aMoves": "A's gradient norm is {grad}, not 0: A does not start on the stationary point (its loss is {lossA}).",
    },
  },
  "digits-symmetry": {
    verdicts: {
      "holds": "After {step, plural, one {# step} other {# steps}}, A's hidden units are still {units_a, plural, one {# distinct unit} other {# distinct units}} of {size_a}: their receptive fields moved together, and reading the ten digits off one number A gets {test_a_pct} % of the test images right. B's first layer has {units_b, plural, one {# distinct unit} other {# distinct units}} of {size_b}, and B gets {test_b_pct} %.",
      "notYet": "Step {step}: A's hidden units are {units_a, plural, one {# distinct unit} other {# distinct units}} of {size_a} ({test_a_pct} % of the test images right), B's first layer has {units_b, plural, one {# distinct unit} other {# distinct units}} of {size_b} ({test_b_pct} %). Run the 2,000 steps to see what each learns.",
      "aSplit": "{layer} of A has {units_a, plural, one {# distinct unit} other {# distinct units}} of {size_a}: A's units are no longer copies of each other, so this is not the constant start any more.",
      "bCopies": "B's first layer has only {units_b, plural, one {# distinct unit} other {# distinct units}} of {size_b}: some of B's units are copies of others, so B is not a random start with every unit different to contrast with A.",
      "bShort": "After {step, plural, one {# step} other {# steps}}, A's hidden units are one unit ({test_a_pct} % of the test images right), but B gets only {test_b_pct} %: B has not reached 90 %.",
      "notDigits": "This lesson is about the handwritten digits (data=digits); on another data set its bounds mean nothing. Open the lesson again.",
    },
  },
  "saddle": {
    verdicts: {
      "holds": "Gradient norm {grad}: nothing to follow. Axes that curve up: {up} of {axes}; no direction curves down (the Hessian's lowest eigenvalue is {eigen}), which a flat minimum would show too. But at distance {distance} along d₁ the loss is {lower}, below {center} here: not a minimum, a degenerate saddle.",
      "strict": "Gradient norm {grad}, and a direction curves down: the loss's second derivative along it is {eigen}, though along any single axis it is at least {lowest}. A strict saddle: at distance {distance} the loss is {lower}, below {center} here: not a minimum.",
      "inconclusive": "Gradient norm {grad}; axes that curve up: {up} of {axes}, curving down: {down}. The second-order test is inconclusive, and no point up to distance {reach} along d₁ is lower than {center}: nothing here shows that this is not a minimum.",
      "lower": "Gradient norm {grad}: nothing to follow, and no axis curves down (lowest second difference {lowest}). But at distance {distance} along d₁ the loss is {lower}, below {center} here: not a minimum. Whether a combination of parameters curves down (a strict saddle) is left open: the full second-order test is computed for nets of up to {most} parameters, and this one has {axes}.",
      "slope": "Gradient norm {grad}, not 0: the loss slopes here, so gradient descent will move (axes that curve up: {up} of {axes}).",
      "computing": "Measuring the loss along each parameter axis and along d₁…",
    },
  },
  "xor-restarts": {
    verdicts: {
      "holds": "Of {runs, plural, one {# seed} other {# seeds}} trained {steps, plural, one {# step} other {# steps}}, {solved} solved XOR and {stuck} got stuck on a plateau: where training ends depends on where it starts.",
      "fails": "Of {runs, plural, one {# seed} other {# seeds}} trained {steps, plural, one {# step} other {# steps}}, {solved} solved XOR and {stuck} got stuck: these settings do not show both outcomes.",
      "run": "Run the restarts panel to train these settings from many seeds.",
    },
  },
  "truncated": {
    verdicts: {
      "holds": "At the start, B's largest weight is {b_max} σ (A's: {a_max} σ) and its std is {b_std} of the σ asked for; saturated pairs: A {sat_a_pct} %, B {sat_b_pct} %. The cut removes the outliers but hardly changes saturation. After {step, plural, one {# step} other {# steps}} the losses are A {loss_a} and B {loss_b} (accuracy {accuracy_a_pct} % and {accuracy_b_pct} %).",
      "uncut": "At the start, B's largest weight is {b_max} σ (A's: {a_max} σ): B is not drawn from a normal cut at ±2σ.",
      "matters": "Saturated pairs: A {sat_a_pct} %, B {sat_b_pct} %: a gap of 5 points or more, beyond what two draws differ by chance. B's std is {b_std} of σ: below 1, its narrower weights keep units out of the tails; at 1, the cut tails themselves do.",
    },
  },
  "relu-bias": {
    verdicts: {
      "holds": "At step {step}, A (bias 0) has {dead_a} of {units, plural, one {# hidden unit} other {# hidden units}} dead ({dead_a_pct} %), B (bias 0.1) has {dead_b} ({dead_b_pct} %): from the same initial weights, the bias alone saves units. After {step, plural, one {# step} other {# steps}} the losses are A {loss_a} and B {loss_b} (accuracy {accuracy_a_pct} % and {accuracy_b_pct} %).",
      "fails": "At step {step}, A has {dead_a} of {units, plural, one {# hidden unit} other {# hidden units}} dead and B {dead_b}: B's bias does not leave fewer dead units here. After {step, plural, one {# step} other {# steps}} the losses are A {loss_a} and B {loss_b} (accuracy {accuracy_a_pct} % and {accuracy_b_pct} %).",
      "none": "At step {step}, A has {dead_a, plural, one {# dead unit} other {# dead units}} of {units}: nothing for the bias to rescue. Narrower or deeper ReLU layers make dead units appear.",
    },
  },
  "too-small": {
    verdicts: {
      "holds": "At the start, A's std(z) in the last hidden layer is {ratio} of the first's (B's: {b_ratio}), and A's widest std(z) is {z_max} (in {layer}): every z of A is in the straight part of the curve. After {step, plural, one {# step} other {# steps}}, A's loss is {loss_a} (accuracy {accuracy_a_pct} %) and B's (σ = 1/√64) {loss_b} ({accuracy_b_pct} %): B has trained clearly better.",
      "kept": "At the start, A's std(z) in the last hidden layer is {ratio} of the first's: the signal does not collapse (that needs less than 0.01).",
      "bends": "A's signal collapses (last/first {ratio}), but std(z) reaches {z_max} in {layer}: beyond 0.1, z leaves the straight part of the curve.",
      "notYet": "At the start, A's std(z) in the last hidden layer is {ratio} of the first's (B's: {b_ratio}), and every z of A stays in the straight part of the curve (widest std(z) {z_max}). Run the steps to see what training makes of it (step {step}: loss A {loss_a}, B {loss_b}).",
      "trainedAlike": "At the start A's signal collapses (last/first std(z) {ratio}; B's {b_ratio}), but after {step, plural, one {# step} other {# steps}} the losses are A {loss_a} and B {loss_b} (accuracy {accuracy_a_pct} % and {accuracy_b_pct} %): training has not set them apart by 0.1 in loss or 10 points of accuracy.",
    },
  },
  "too-large": {
    verdicts: {
      "explode": "At the start, at least {sat_min_pct} % of A's pairs are saturated in every hidden layer from the second on (fewest in {layer}); std(δ) in the first hidden layer is {delta_ratio, plural, one {# time} other {# times}} that of the last: the gradient grows towards the input instead of vanishing. After {step, plural, one {# step} other {# steps}}, A's loss is {loss_a} (accuracy {accuracy_a_pct} %) and B's (σ = 1/√64) {loss_b} ({accuracy_b_pct} %): B has trained clearly better.",
      "vanish": "At the start, at least {sat_min_pct} % of A's pairs are saturated in every hidden layer from the second on (fewest in {layer}); std(δ) in the first hidden layer is {delta_ratio, plural, one {# time} other {# times}} that of the last: the gradient vanishes towards the input. After {step, plural, one {# step} other {# steps}}, A's loss is {loss_a} (accuracy {accuracy_a_pct} %) and B's (σ = 1/√64) {loss_b} ({accuracy_b_pct} %): B has trained clearly better.",
      "fails": "At the start, only {sat_min_pct} % of A's pairs are saturated in {layer}: not more than half, so these weights are not too large for this net.",
      "shallow": "This net has {layers, plural, one {# hidden layer} other {# hidden layers}}; saturation from the second layer on needs at least 2.",
      "notYet": "At the start, at least {sat_min_pct} % of A's pairs are saturated in every hidden layer from the second on (fewest in {layer}), and std(δ) in the first hidden layer is {delta_ratio, plural, one {# time} other {# times}} that of the last. Run the steps to see what training makes of it (step {step}: loss A {loss_a}, B {loss_b}).",
      "trainedAlike": "At the start most of A's pairs are saturated (at least {sat_min_pct} % in every layer from the second on), but after {step, plural, one {# step} other {# steps}} the losses are A {loss_a} and B {loss_b} (accuracy {accuracy_a_pct} % and {accuracy_b_pct} %): training has not set them apart by 0.1 in loss or 10 points of accuracy.",
    },
  },
  "xavier": {
    verdicts: {
      "holds": "At the start, the largest jump between neighbouring layers is, for A (1/n_in), {a_fwd} forward and {a_bwd} backward; for B (Glorot), {b_fwd} and {b_bwd}. LeCun keeps the forward signal; Glorot's worst jump is the smaller. Layer by layer, n·Var(w)·E[a²] = predicted Var(z) (measured): A {a_work}; B {b_work}. After {step, plural, one {# step} other {# steps}}, A's loss is {loss_a} and B's {loss_b} (accuracy {accuracy_a_pct} % and {accuracy_b_pct} %): A has trained clearly faster. Glorot's average gives the first layer, where 2 inputs feed 64 units, Var(w) = 2/66 instead of 1/2, and B's output starts with a third of A's spread.",
      "forward": "At the start, A's largest forward jump ({a_fwd}) is not below B's ({b_fwd}); backward: A {a_bwd}, B {b_bwd}. The 1/n_in rule does not keep the forward signal better here. Layer by layer, n·Var(w)·E[a²] = predicted Var(z) (measured): A {a_work}; B {b_work}.",
      "balance": "At the start, jumps forward/backward are A {a_fwd} / {a_bwd}, B {b_fwd} / {b_bwd}: B's worst is not below A's, so the average does not balance better here. Layer by layer, n·Var(w)·E[a²] = predicted Var(z) (measured): A {a_work}; B {b_work}.",
      "notYet": "At the start, the largest jumps forward/backward are A (1/n_in) {a_fwd} / {a_bwd} and B (Glorot) {b_fwd} / {b_bwd}: LeCun keeps the forward signal, Glorot's worst jump is the smaller. Layer by layer, n·Var(w)·E[a²] = predicted Var(z) (measured): A {a_work}; B {b_work}. Run the steps to see what training makes of it (step {step}: loss A {loss_a}, B {loss_b}).",
      "trainedAlike": "At the start LeCun keeps the forward signal and Glorot's worst jump is the smaller (A {a_fwd} / {a_bwd}, B {b_fwd} / {b_bwd}), but after {step, plural, one {# step} other {# steps}} the losses are A {loss_a} and B {loss_b} (accuracy {accuracy_a_pct} % and {accuracy_b_pct} %): training has not set them apart by 0.1 in loss or 10 points of accuracy.",
    },
  },
  "he-relu": {
    verdicts: {
      "holds": "At the start, std(z) in the last hidden layer is {a_ratio} of the first's with Glorot (A) and {b_ratio} with He (B): Glorot's signal fades, He's keeps its size. After {step, plural, one {# step} other {# steps}}, A's loss is {loss_a} (accuracy {accuracy_a_pct} %) and B's {loss_b} ({accuracy_b_pct} %): B has trained clearly better.",
      "fails": "At the start, last/first std(z) is {a_ratio} for A and {b_ratio} for B; the claim needs A below 0.5 and B between 0.5 and 2.",
      "notYet": "At the start, std(z) in the last hidden layer is {a_ratio} of the first's with Glorot (A) and {b_ratio} with He (B): Glorot's signal fades, He's keeps its size. Run the steps to see what training makes of it (step {step}: loss A {loss_a}, B {loss_b}).",
      "trainedAlike": "At the start Glorot's signal fades (last/first std(z) {a_ratio}) and He's keeps its size ({b_ratio}), but after {step, plural, one {# step} other {# steps}} the losses are A {loss_a} and B {loss_b} (accuracy {accuracy_a_pct} % and {accuracy_b_pct} %): training has not set them apart by 0.1 in loss or 10 points of accuracy.",
    },
  },
  "digits-scale": {
    verdicts: {
      "holds": "After {step, plural, one {# step} other {# steps}}, A (σ = 0.01) is still at chance: a loss of {loss_a} (a uniform guess: {chance}) and {test_a_pct} % of the test images right. B (Glorot) has learned the digits: a loss of {loss_b} and {test_b_pct} % right.",
      "notYet": "Step {step}: A's loss is {loss_a} ({test_a_pct} % of the test images right), B's {loss_b} ({test_b_pct} %). Run the 2,000 steps to see where each ends.",
      "aLearns": "After {step, plural, one {# step} other {# steps}}, A has left chance: a loss of {loss_a} and {test_a_pct} % of the test images right (at chance means a loss of 2.2 or more and at most 20 % right). B: {loss_b}, {test_b_pct} %.",
      "bShort": "After {step, plural, one {# step} other {# steps}}, A is at chance (a loss of {loss_a}, {test_a_pct} % right), but B gets only {test_b_pct} % of the test images right (loss {loss_b}): B has not reached 90 %.",
      "notDigits": "This lesson is about the handwritten digits (data=digits); on another data set its bounds (a guess's loss ln 10, 10 % right) mean nothing. Open the lesson again.",
    },
  },
  "edge-of-chaos": {
    verdicts: {
      "holds": "Points {i} and {j}: c = {c1_a} (A) and {c1_b} (B) at hidden layer 1; at layer {depth}, A {c_a} (theory {th_a}) and B {c_b} (theory {th_b}). The theory's ξ_c in layers, from the weights: A {xi_a}, B {xi_b}.",
      "lowStart": "Points {i} and {j} start at c = {c1_a} in A and {c1_b} in B at hidden layer 1: below {start}, too near where a chaotic net takes c for a fall to show (at layer {depth}: A {c_a}, B {c_b}). Open the lesson again for a pair that starts near 0.9.",
      "aShallow": "The theory's ξ_c for A, {xi_a} in layers, is no more than its number of hidden layers, {depth}: A is not near the critical line (B's ξ_c: {xi_b}). At layer {depth} c is {c_a} in A and {c_b} in B.",
      "bDeep": "The theory's ξ_c for B, {xi_b} in layers, is no less than its number of hidden layers: B is not chaotic enough to forget the pair within its depth (A's ξ_c: {xi_a}). At layer {depth} c is {c_a} in A and {c_b} in B.",
      "aFalls": "At layer {depth} A's c is {c_a}, below {kept} (it started at {c1_a}; theory {th_a}): on this draw A did not keep the pair's correlation. B: {c_b}.",
      "bKeeps": "At layer {depth} B's c is still {c_b}, {kept} or more (it started at {c1_b}; theory {th_b}): on this draw B did not scramble the pair. A: {c_a}.",
      "noTheory": "The theory has no curve for one of the nets: it needs two hidden layers or more and weights it can read σ_w from. The through-depth view says why.",
    },
  },
  "orthogonal-depth": {
    verdicts: {
      "holdsBeyond": "At the draw, A's Jacobian from the first to the last hidden layer ({depth, plural, one {# layer} other {# layers}} of weights) stretches every direction alike: its singular values run from {min_a} to {max_a}, κ = σ_max/σ_min = {kappa_a}. B's smallest lie below a millionth of its largest ({max_b}): κ is above 10⁶, beyond what the page resolves. Yet std(δ) in the first hidden layer over the last's is {delta_a} in A and {delta_b} in B: the error's size does not tell them apart.",
      "holds": "At the draw, A's singular values run from {min_a} to {max_a} (κ = {kappa_a}), while B's spread over κ = {kappa_b}, more than 100 times A's. Yet std(δ) in the first hidden layer over the last's is {delta_a} in A and {delta_b} in B: the error's size does not tell them apart.",
      "aSpread": "A's singular values spread over κ = {kappa_a} or more (from {min_a} to {max_a}; B: κ = {kappa_b}): above 10, A is no longer close to an isometry. An orthogonal init keeps it tight with linear or tanh units; open the lesson again.",
      "bTight": "A's κ is {kappa_a} and B's {kappa_b}: B's spectrum is not 100 times wider than A's, so here the two inits are not told apart. The lesson's B is a Gaussian init (init=normal).",
      "noSpectrum": "The spectrum is computed for two hidden layers or more, none wider than {max, plural, one {# unit} other {# units}}: open the lesson again.",
    },
  },
  "in-practice": {
    verdicts: {
      "holds": "At step {step}, A (He) has loss {lossA} and {accA} % right, B (PyTorch's default) {lossB} and {accB} %; std(z) in the last hidden layer is {a_ratio} of the first's in A and {b_ratio} in B: the default's signal fades through the ReLU layers, and B barely learns.",
      "notYet": "At step {step}, std(z) in the last hidden layer is {a_ratio} of the first's in A and {b_ratio} in B; the losses are A {lossA}, B {lossB}. Run the lesson's steps to see what training makes of it.",
      "fails": "At step {step}, B's signal fades ({b_ratio}) and A's does not ({a_ratio}), yet A's loss {lossA} and accuracy {accA} % are not clearly better than B's {lossB} and {accB} % (by 0.1 in loss or 10 points): on these settings the rule's start does not pay off in training.",
      "aFades": "A's std(z) in the last hidden layer is {a_ratio} of the first's: below 0.5, A's signal fades too, so A no longer follows He's rule for ReLU.",
      "bKeeps": "B's std(z) in the last hidden layer is {b_ratio} of the first's: at 0.25 or more, B's signal does not fade, so B is not PyTorch's default on ReLU here.",
    },
  },
};

//! Lesson 1: symmetric inits (zeros, constants) never break symmetry.

mod common;
use common::experiment;
use initlab::Experiment;

/// Indices of every parameter except the output bias.
fn all_but_output_bias(exp: &Experiment) -> Vec<usize> {
    let out = *exp.mlp().layers.last().unwrap();
    (0..exp.mlp().params.len())
        .filter(|&k| k != out.b_at)
        .collect()
}

/// With tanh or ReLU, g(0) = 0: every hidden activation is 0, so ∂loss/∂W = δ·aᵀ = 0 in every
/// layer, and δ = Wᵀδ' = 0 below the output, so no hidden bias moves either. Only the output bias can learn.
fn assert_only_output_bias_learns(act: &str) {
    let mut exp = experiment(&[
        ("init", "zeros"),
        ("act", act),
        ("data", "xor4"),
        ("batch", "4"),
        ("layers", "4,3"),
    ]);
    let ln2 = std::f64::consts::LN_2;
    let frozen = all_but_output_bias(&exp);
    for step in 0..1000 {
        exp.step(1);
        let grads = exp.last_gradient();
        for &k in &frozen {
            assert_eq!(
                grads[k], 0.0,
                "{act}: gradient of parameter {k} at step {step}"
            );
            assert_eq!(exp.mlp().params[k], 0.0);
        }
        // Balanced XOR with full batches: the output-bias gradient mean(p − y) = ½ − ½ = 0 too,
        // so p stays ½ and the loss stays exactly ln 2.
        let (train, _) = exp.scores();
        assert_eq!(train.loss, ln2, "{act}: loss changed at step {step}");
    }
}

#[test]
fn zero_init_tanh_never_learns() {
    assert_only_output_bias_learns("tanh");
}

#[test]
fn zero_init_relu_never_learns() {
    assert_only_output_bias_learns("relu");
}

#[test]
fn zero_init_tanh_predicts_one_class_on_any_dataset() {
    for data in ["xor", "circles", "spiral", "gauss"] {
        let mut exp = experiment(&[
            ("init", "zeros"),
            ("act", "tanh"),
            ("data", data),
            ("points", "200"),
            ("noise", "0.2"),
        ]);
        exp.step(1000);
        let frozen = all_but_output_bias(&exp);
        assert!(
            frozen.iter().all(|&k| exp.mlp().params[k] == 0.0),
            "{data}: a weight moved"
        );
        // Every input gives the same output σ(b_out): one class for all points, so accuracy is
        // the share of that class, at most the majority-class rate.
        let ones = exp.data().train.y.iter().filter(|&&y| y == 1.0).count() as f64;
        let n = exp.data().train.len() as f64;
        let majority = (ones / n).max(1.0 - ones / n);
        let (train, _) = exp.scores();
        assert!(
            train.accuracy == ones / n || train.accuracy == 1.0 - ones / n,
            "{data}: accuracy {} is not a one-class rate",
            train.accuracy
        );
        assert!(train.accuracy <= majority);
    }
}

/// With sigmoid, g(0) = ½ ≠ 0: the weights do move, but every unit of a layer receives the
/// same input, has the same weights and gets the same gradient, so they move in lockstep.
fn assert_units_stay_identical(init: &[(&str, &str)]) -> f64 {
    let mut changes = vec![
        ("act", "sigmoid"),
        ("data", "xor"),
        ("layers", "8,8"),
        ("lr", "1"),
    ];
    changes.extend_from_slice(init);
    let mut exp = experiment(&changes);
    let start = exp.mlp().params.clone();
    exp.step(1000);
    assert_ne!(
        exp.mlp().params,
        start,
        "{init:?}: sigmoid weights should move"
    );
    let snap = exp.snapshot();
    for (l, layer) in snap.layers.iter().enumerate().take(2) {
        assert_eq!(
            layer.distinct_units, 1,
            "{init:?}: hidden layer {l} split into {} units",
            layer.distinct_units
        );
    }
    let out = *exp.mlp().layers.last().unwrap();
    let w_out = &exp.mlp().params[out.weights()];
    assert!(
        w_out.iter().all(|&w| w == w_out[0]),
        "{init:?}: output weights differ: {w_out:?}"
    );
    snap.loss
}

/// The loss random (Glorot) init reaches in the same setting.
fn random_init_loss() -> f64 {
    let mut random = experiment(&[
        ("act", "sigmoid"),
        ("data", "xor"),
        ("layers", "8,8"),
        ("lr", "1"),
        ("init", "normal"),
        ("scale", "glorot"),
    ]);
    random.step(1000);
    random.snapshot().loss
}

#[test]
fn zero_and_constant_sigmoid_inits_keep_units_identical_and_loss_high() {
    let learned = random_init_loss();
    for init in [
        &[("init", "zeros")][..],
        &[("init", "constant"), ("const", "0.3")][..],
    ] {
        let stuck = assert_units_stay_identical(init);
        // One effective unit per layer computes a function of a single direction w·x, which
        // cannot separate XOR's quadrants: its loss stays near ln 2 ≈ 0.69, while 8 distinct
        // units get far below.
        assert!(stuck > 0.6, "{init:?}: loss {stuck}");
        assert!(
            learned < 0.5 * stuck,
            "random init loss {learned} vs {init:?} {stuck}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The lessons' live verdicts: each lesson's own settings, run for its `steps`, make its claim
// hold with the number the text cites; changing the one setting the lesson is about flips it.

use initlab::compare::Comparison;
use initlab::lessons::{self, find, judge_now, Lesson, RestartsSeen, Verdict};
use initlab::restarts::RestartPlan;

fn lesson(id: &str) -> &'static Lesson {
    find(id).unwrap_or_else(|| panic!("no lesson {id}"))
}

/// The lesson's settings with `changes`, as a fresh pair (A and, if it compares, B).
fn pair(lesson: &Lesson, changes: &[(&str, &str)]) -> Comparison {
    let config = lesson
        .config()
        .and_then(|c| c.with_changes(changes.iter().copied()))
        .unwrap_or_else(|e| panic!("{}: {changes:?}: {e}", lesson.id));
    Comparison::new(&config).expect("a valid config")
}

/// The verdict after the lesson's own number of steps.
fn verdict_after_steps(lesson: &Lesson, changes: &[(&str, &str)]) -> Verdict {
    let mut pair = pair(lesson, changes);
    pair.step(lesson.steps);
    judge_now(lesson, &mut pair, None)
}

fn number(verdict: &Verdict, name: &str) -> f64 {
    verdict
        .message
        .number(name)
        .unwrap_or_else(|| panic!("{} has no number {name}", verdict.message.id))
}

fn assert_verdict(verdict: &Verdict, holds: bool, id: &str) {
    assert_eq!(
        (verdict.holds, verdict.message.id.as_str()),
        (holds, id),
        "{verdict:?}"
    );
}

#[test]
fn zero_tanh_verdict_holds_from_step_0_and_flips_with_random_weights() {
    let lesson = lesson("zero-tanh");
    let mut at_zero = pair(lesson, &[]);
    assert_verdict(
        &judge_now(lesson, &mut at_zero, None),
        true,
        "zero-tanh.holds",
    );
    let verdict = verdict_after_steps(lesson, &[]);
    assert_verdict(&verdict, true, "zero-tanh.holds");
    // Every weight's gradient is exactly 0: 2·4 + 4·1 = 12 of 12 (the biases are not counted).
    assert_eq!(number(&verdict, "zeros"), 12.0);
    assert_eq!(number(&verdict, "weights"), 12.0);
    // p = σ(0) = ½ on every point, whatever it started from: the loss is ln 2.
    assert!((number(&verdict, "loss") - std::f64::consts::LN_2).abs() < 1e-12);
    assert_eq!(number(&verdict, "steps"), lesson.steps as f64);

    let random = verdict_after_steps(lesson, &[("init", "normal")]);
    assert_verdict(&random, false, "zero-tanh.fails");
    assert!(number(&random, "grad") > 0.0, "{random:?}");
}

/// Zero-tanh on the Gaussian blobs in batches of 10: the batches hold unequal numbers of each
/// class, so the output bias's mini-batch gradient mean(½ − y) is not 0 and it moves, the loss
/// with it. Every weight's gradient is still exactly 0 on every step, so the verdict still
/// holds, and says only the output bias moved: every point gets the same output σ(b).
#[test]
fn zero_tanh_on_unbalanced_batches_moves_only_the_output_bias_and_still_holds() {
    let lesson = lesson("zero-tanh");
    let changes = [("data", "gauss"), ("batch", "10")];
    let mut pair = pair(lesson, &changes);
    let frozen = all_but_output_bias(pair.a());
    let out = *pair.a().mlp().layers.last().unwrap();
    for step in 1..=lesson.steps {
        pair.step(1);
        for exp in [pair.a(), pair.b().expect("B (ReLU)")] {
            let grads = exp.last_gradient();
            assert!(frozen.iter().all(|&k| grads[k] == 0.0), "step {step}");
            assert!(
                frozen.iter().all(|&k| exp.mlp().params[k] == 0.0),
                "step {step}"
            );
        }
    }
    let a = pair.a();
    let bias = a.mlp().params[out.b_at];
    assert_ne!(bias, 0.0, "the output bias moved");
    // Every training point gets the same output: z = 0·a + b = b exactly.
    let (x, y) = (&a.data().train.x, &a.data().train.y);
    let mut ws = a.mlp().workspace(y.len());
    ws.load(x, y, 0..y.len());
    a.mlp().forward(&mut ws).expect("finite");
    let z = ws.unit(&ws.z, a.mlp().layers.len(), 0);
    assert!(z.iter().all(|&z| z == bias), "outputs differ: {z:?}");

    let verdict = judge_now(lesson, &mut pair, None);
    assert_verdict(&verdict, true, "zero-tanh.biasOnly");
    assert_eq!(
        (number(&verdict, "zeros"), number(&verdict, "weights")),
        (12.0, 12.0)
    );
    // The loss moved (only through the bias) by far more than the verdict's 10⁻⁹.
    let (from, loss) = (number(&verdict, "from"), number(&verdict, "loss"));
    assert!((from - loss).abs() > 1e-6, "{from} → {loss}");
}

#[test]
fn zero_sigmoid_verdict_needs_training_keeps_one_unit_and_flips_with_random_weights() {
    let lesson = lesson("zero-sigmoid");
    // Before any step the weights have not moved: the claim (they move) does not hold yet.
    let mut fresh = pair(lesson, &[]);
    assert_verdict(
        &judge_now(lesson, &mut fresh, None),
        false,
        "zero-sigmoid.still",
    );
    let verdict = verdict_after_steps(lesson, &[]);
    assert_verdict(&verdict, true, "zero-sigmoid.holds");
    assert_eq!(number(&verdict, "units"), 1.0);
    assert_eq!(number(&verdict, "size"), 4.0);
    // The loss starts at ln 2 (every p = ½) and must have moved by more than the chart shows.
    let (from, loss) = (number(&verdict, "from"), number(&verdict, "loss"));
    assert!((from - std::f64::consts::LN_2).abs() < 1e-9, "{from}");
    // (The verdict's own threshold is 10⁻³, the smallest change the chart's 3 decimals show.)
    assert!(from - loss > 1e-3, "{from} → {loss}");

    // Random weights: the units differ from the start.
    let random = verdict_after_steps(lesson, &[("init", "normal")]);
    assert_verdict(&random, false, "zero-sigmoid.split");
    assert_eq!(number(&random, "units"), 4.0);
    // tanh instead of sigmoid: g(0) = 0, nothing below the output moves. Only the output bias
    // does, and it alone can lower the loss from ln 2 to no less than the entropy H(q) of the
    // class share q, a gain ln 2 − H(q) ≈ 2(q − ½)²: below the verdict's 10⁻³ on this data.
    let mut tanh_pair = pair(lesson, &[("act", "tanh")]);
    let y = &tanh_pair.a().data().train.y;
    let q = y.iter().filter(|&&y| y == 1.0).count() as f64 / y.len() as f64;
    let bias_only_gain = std::f64::consts::LN_2 + q * q.ln() + (1.0 - q) * (1.0 - q).ln();
    assert!(bias_only_gain < 1e-3, "class share {q}");
    tanh_pair.step(lesson.steps);
    let tanh = judge_now(lesson, &mut tanh_pair, None);
    // Every weight is still exactly 0 after the steps: frozen, as zero-tanh says.
    assert_verdict(&tanh, false, "zero-sigmoid.frozen");
    let gain = number(&tanh, "from") - number(&tanh, "loss");
    assert!(gain <= bias_only_gain + 1e-9, "{gain} > {bias_only_gain}");
}

/// Zero-sigmoid's mechanism: at zero every hidden unit outputs ½ on every input and so does the
/// output, so the first step's gradient of every output weight is ½ · mean over the batch of
/// (p − y) = ½ · mean(½ − y), half the output bias's: it depends on how many points of each class
/// the batch of 10 holds (k of class 1 give ½ − k/10), not on where the points lie.
#[test]
fn zero_sigmoid_first_step_moves_the_output_weights_by_the_batchs_class_count() {
    let lesson = lesson("zero-sigmoid");
    let mut pair = pair(lesson, &[]);
    let exp = pair.a_mut();
    let out = *exp.mlp().layers.last().unwrap();
    for step in 1..=20 {
        let at_zero = exp.mlp().params[..out.b_at].iter().all(|&w| w == 0.0);
        exp.step(1);
        if !at_zero {
            break;
        }
        let grads = exp.last_gradient();
        let bias = grads[out.b_at] as f64;
        let k = (0.5 - bias) * 10.0;
        assert!(
            (k - k.round()).abs() < 1e-6 && (0.0..=10.0).contains(&k),
            "step {step}: {bias}"
        );
        for &g in &grads[out.weights()] {
            assert_eq!(g as f64, 0.5 * bias, "step {step}");
        }
    }
}

/// On the 4 XOR points in full batches each batch holds 2 points of each class: mean(½ − y) = 0,
/// so sigmoid freezes exactly as tanh does: every gradient exactly 0, the loss ln 2 bit for bit.
/// The verdict says so rather than waiting for a move that never comes.
#[test]
fn zero_sigmoid_on_a_balanced_full_batch_freezes_like_tanh() {
    let lesson = lesson("zero-sigmoid");
    let mut pair = pair(lesson, &[("data", "xor4"), ("batch", "4")]);
    for step in 1..=lesson.steps {
        pair.step(1);
        let a = pair.a();
        assert!(a.last_gradient().iter().all(|&g| g == 0.0), "step {step}");
        assert!(a.mlp().params.iter().all(|&p| p == 0.0), "step {step}");
    }
    assert_eq!(pair.a_mut().scores().0.loss, std::f64::consts::LN_2);
    let verdict = judge_now(lesson, &mut pair, None);
    assert_verdict(&verdict, false, "zero-sigmoid.frozen");
    assert_eq!(number(&verdict, "steps"), lesson.steps as f64);
}

#[test]
fn constant_verdict_holds_at_step_0_and_after_training_and_flips_with_noise() {
    let lesson = lesson("constant");
    let mut fresh = pair(lesson, &[]);
    let at_zero = judge_now(lesson, &mut fresh, None);
    // Step 0, every weight 1 and every bias 0: each hidden unit outputs sigmoid(x₁ + x₂).
    assert_verdict(&at_zero, true, "constant.holdsSum");
    assert!(number(&at_zero, "gap") <= 1e-6, "{at_zero:?}");
    // The same, computed here from the data: every unit of hidden 1 on every training point.
    let a = fresh.a();
    let (x, y) = (&a.data().train.x, &a.data().train.y);
    let mut ws = a.mlp().workspace(y.len());
    ws.load(x, y, 0..y.len());
    a.mlp().forward(&mut ws).expect("finite");
    let mut gap = 0.0f64;
    for j in 0..a.mlp().layers[0].n_out {
        for (p, &out) in ws.unit(&ws.a, 1, j).iter().enumerate() {
            let expected = initlab::activation::sigmoid(x[2 * p] + x[2 * p + 1]);
            gap = gap.max((out as f64 - expected).abs());
        }
    }
    assert!(gap <= 1e-6, "{gap}");
    let verdict = verdict_after_steps(lesson, &[]);
    assert_verdict(&verdict, true, "constant.holds");
    assert_eq!(
        (number(&verdict, "units"), number(&verdict, "size")),
        (1.0, 4.0)
    );

    // What stays equal is every unit against every other, not one unit's two input weights:
    // after training they differ (the gradient of wᵢ is mean(δ·xᵢ)) while the units agree.
    let mut trained = pair(lesson, &[]);
    trained.step(lesson.steps);
    let mlp = trained.a().mlp();
    let w = &mlp.params[mlp.layers[0].weights()];
    assert_ne!(w[0], w[1], "unit 1's two input weights");
    assert!(w.chunks(2).all(|unit| unit == &w[..2]), "{w:?}");

    // Weights of 0.99: still copies, but no longer sigmoid(x₁ + x₂): the verdict does not say so.
    let mut near = pair(lesson, &[("const", "0.99")]);
    let near_one = judge_now(lesson, &mut near, None);
    assert_verdict(&near_one, true, "constant.holds");
    let (snapshot, _) = near.snapshots();
    assert!(
        snapshot.layers[0].sum_gap > 1e-3,
        "{}",
        snapshot.layers[0].sum_gap
    );

    // Noise of std 10⁻³ on every weight: 4 different units (f32 draws never coincide).
    let noisy = verdict_after_steps(lesson, &[("jitter", "0.001")]);
    assert_verdict(&noisy, false, "constant.fails");
    assert_eq!(number(&noisy, "units"), 4.0);
}

#[test]
fn break_symmetry_verdict_b_learns_what_a_cannot_and_flips_without_the_noise() {
    let lesson = lesson("break-symmetry");
    let verdict = verdict_after_steps(lesson, &[]);
    assert_verdict(&verdict, true, "break-symmetry.holds");
    assert_eq!(
        (number(&verdict, "units"), number(&verdict, "size")),
        (8.0, 8.0)
    );
    assert_eq!(number(&verdict, "unitsA"), 1.0);
    // A's one effective unit gets at most 3 of the 4 quadrants right: 0.75, plus a few
    // points of sampling slack (a quadrant's share of 320 points has std ≈ 0.024).
    let (a, b) = (number(&verdict, "accuracyA"), number(&verdict, "accuracyB"));
    assert!(a < 0.75 + 2.0 * 0.024, "A: {a}");
    assert!(b >= 0.9, "B: {b}");

    // B without the noise is A again: copies, and the verdict says so.
    let same = verdict_after_steps(lesson, &[("vs", "same")]);
    assert_verdict(&same, false, "break-symmetry.copies");
    assert_eq!(number(&same, "units"), 1.0);
}

#[test]
fn xor_2_1_verdict_a_stays_on_the_saddle_b_solves_and_flips_when_a_is_random() {
    let lesson = lesson("xor-2-1");
    let verdict = verdict_after_steps(lesson, &[]);
    assert_verdict(&verdict, true, "xor-2-1.holds");
    // Exact zeros: the 4 XOR points cancel every gradient term of the zero net.
    assert_eq!(number(&verdict, "grad"), 0.0);
    assert!((number(&verdict, "lossA") - std::f64::consts::LN_2).abs() < 1e-12);
    // Solved as the restarts panel counts it: loss below 0.01.
    assert!(number(&verdict, "lossB") < 0.01, "{verdict:?}");

    let random = verdict_after_steps(
        lesson,
        &[
            ("init", "normal"),
            ("scale", "manual"),
            ("sigma", "1"),
            ("bias", "init"),
        ],
    );
    assert_verdict(&random, false, "xor-2-1.aMoves");
    assert!(number(&random, "grad") > 0.0);
}

#[test]
fn saddle_verdict_zero_gradient_one_axis_up_none_down_and_a_lower_point_found() {
    let lesson = lesson("saddle");
    let mut fresh = pair(lesson, &[]);
    let curvature = lessons::curvature(fresh.a_mut());
    // 2-2-1: 4 + 2 hidden weights and biases, 2 + 1 output weights and bias.
    assert_eq!(curvature.along_axes.len(), 9);
    let verdict = judge_now(lesson, &mut fresh, None);
    assert_verdict(&verdict, true, "saddle.holds");
    assert_eq!(number(&verdict, "grad"), 0.0);
    // To second order only the output bias curves: L(c) = mean softplus terms, L''(0) = ¼.
    // The three-point formula's error is h²/12·|L''''| = 1e-4/12·⅛ ≈ 1e-6 (plus rounding).
    assert_eq!(
        (number(&verdict, "up"), number(&verdict, "down")),
        (1.0, 0.0)
    );
    let bias_out = curvature.along_axes[8];
    assert!((bias_out - 0.25).abs() < 1e-5, "{bias_out}");
    // Every weight axis is flat, exactly: moving one weight alone leaves every p at ½.
    assert!(curvature.along_axes[..8].iter().all(|&k| k == 0.0));
    // The proof that it is no minimum: a lower point. Along d₁ the loss falls at fourth order
    // and is lowest in reach at its end, distance 1 (entries ½): at most ln 2 − 0.0187 (see
    // tests/lesson_landscape.rs for the curve).
    let (center, lower) = (number(&verdict, "center"), number(&verdict, "lower"));
    assert_eq!(center, std::f64::consts::LN_2);
    assert_eq!(number(&verdict, "distance"), lessons::LOWER_REACH);
    assert!(
        center - lower > 0.015 && center - lower < 0.025,
        "{verdict:?}"
    );

    let mut random = pair(lesson, &[("init", "normal")]);
    let verdict = judge_now(lesson, &mut random, None);
    assert_verdict(&verdict, false, "saddle.slope");
    assert!(number(&verdict, "grad") > 1e-3, "{verdict:?}");
}

/// With every bias at 1 the lesson's net reaches another stationary point, and this one is a
/// strict saddle that no single axis shows. The hidden weights start at 0 and stay there: with
/// every hidden unit outputting tanh(b) on every point, p is one value for all 4 points and the
/// hidden weights' gradient v·g'(b)·mean((p − y)·x) is 0 (XOR has no linear part). The output
/// weight v, the biases and the output bias descend until p = ½, where the gradient is 0.
/// There, with ℓ' = p − y and x = ±1:
/// - along one hidden weight, L'' = ¼·v²·g'(b)²·mean(x²) + v·g''(b)·mean((p − y)·x²)
///   = ¼·v²·g'(b)² > 0 (the second mean is mean(p − y) = 0): every axis curves up or is flat;
/// - between one unit's two weights, ∂²L = v·g''(b)·mean((½ − y)·x₁x₂) = ½·v·g''(b), since
///   (½ − y)·x₁x₂ = ½ on every XOR point; across the two units, ¼·v²·g'(b)²·mean(x_a·x_b),
///   which is the diagonal's value for the same input and 0 otherwise.
///
/// So the hidden-weight block is D·(I + S) + ½·v·g''·P (S swaps the units, P the inputs), and
/// the combination that moves the two units' weights in opposite ways (S = −1) has the
/// eigenvalue −½·|v·g''(b)|: the loss curves down along it at second order.
#[test]
fn saddle_verdict_finds_a_strict_saddle_that_no_axis_shows_when_every_bias_is_one() {
    let lesson = lesson("saddle");
    let mut fresh = pair(lesson, &[("bias", "1")]);
    fresh.step(20);
    let verdict = judge_now(lesson, &mut fresh, None);
    assert_verdict(&verdict, true, "saddle.strict");
    assert_eq!(number(&verdict, "grad"), 0.0);
    // No axis curves down: the lowest is a hidden weight's ¼·v²·g'(b)² > 0.
    assert_eq!(number(&verdict, "down"), 0.0);
    let params = &fresh.a().mlp().params;
    // The 2-2-1 net's parameters: 4 hidden weights, 2 hidden biases, 2 output weights, 1 bias.
    let (b, v) = (params[4] as f64, params[6] as f64);
    assert!(params[..4].iter().all(|w| w.abs() < 1e-7), "{params:?}");
    assert_eq!((params[4], params[6]), (params[5], params[7]), "two copies");
    let t = b.tanh();
    let (g1, g2) = (1.0 - t * t, -2.0 * t * (1.0 - t * t));
    let diagonal = 0.25 * v * v * g1 * g1;
    let lowest = number(&verdict, "lowest");
    assert!(
        lowest > 0.0 && (lowest - diagonal).abs() < 1e-3,
        "{lowest} vs {diagonal}"
    );
    // The Hessian's lowest eigenvalue is the derivation's −½·|v·g''(b)|, within the rounding
    // of the second differences (≈ 4e-4 an entry: src/lessons/hessian.rs).
    let (eigen, predicted) = (number(&verdict, "eigen"), -0.5 * (v * g2).abs());
    assert!(predicted < -0.05, "{predicted}");
    assert!((eigen - predicted).abs() < 2e-3, "{eigen} vs {predicted}");
    // The proof is a lower point.
    assert!(
        number(&verdict, "center") - number(&verdict, "lower") > 0.01,
        "{verdict:?}"
    );

    // The lesson's own zero point: the Hessian's lowest eigenvalue is 0, no direction curves
    // down, and the verdict calls it degenerate.
    let mut zero = pair(lesson, &[]);
    let verdict = judge_now(lesson, &mut zero, None);
    assert_verdict(&verdict, true, "saddle.holds");
    assert!(number(&verdict, "eigen").abs() < 1e-3, "{verdict:?}");
}

/// On a net with more parameters than the Hessian is computed for, a lower point still proves
/// "not a minimum", and the verdict leaves open which kind of saddle it is.
#[test]
fn saddle_verdict_on_a_larger_net_leaves_the_kind_of_saddle_open() {
    let lesson = lesson("saddle");
    let mut wide = pair(lesson, &[("layers", "8")]);
    let verdict = judge_now(lesson, &mut wide, None);
    assert!(number(&verdict, "axes") > lessons::HESSIAN_MAX_PARAMS as f64);
    assert_verdict(&verdict, true, "saddle.lower");
    assert!(number(&verdict, "center") - number(&verdict, "lower") > lessons::LOWER_BY);
}

/// A linear network at zero has the same second differences (only the output bias curves: the
/// mixed terms are mean(p − y)·x = 0 on XOR), but it is a minimum: its output is an affine
/// function of x, the loss is convex in that function, and XOR's best affine fit is the
/// constant ½. No lower point exists, and the verdict must not claim one.
#[test]
fn saddle_verdict_is_inconclusive_where_no_lower_point_exists() {
    let lesson = lesson("saddle");
    let mut linear = pair(lesson, &[("act", "linear")]);
    let verdict = judge_now(lesson, &mut linear, None);
    assert_verdict(&verdict, false, "saddle.inconclusive");
    assert_eq!(number(&verdict, "grad"), 0.0);
    assert_eq!(
        (number(&verdict, "up"), number(&verdict, "down")),
        (1.0, 0.0)
    );
    assert!(number(&verdict, "lower").is_nan());
}

/// The restarts panel's result for the lesson's settings with `changes`: seeds 1–20.
fn restarts(lesson: &Lesson, changes: &[(&str, &str)]) -> RestartsSeen {
    let config = lesson
        .config()
        .unwrap()
        .with_changes(changes.iter().copied())
        .unwrap();
    let plan = RestartPlan::new(&config, 20.0, lesson.steps as f64, 1.0).unwrap();
    RestartsSeen::from_restarts(&plan.run_all(), lesson.steps)
}

#[test]
fn xor_restarts_verdict_asks_for_the_runs_then_sees_both_outcomes_and_flips_with_four_hidden_units()
{
    let lesson = lesson("xor-restarts");
    let mut fresh = pair(lesson, &[]);
    assert_verdict(
        &judge_now(lesson, &mut fresh, None),
        false,
        "xor-restarts.run",
    );
    let seen = restarts(lesson, &[]);
    let verdict = judge_now(lesson, &mut fresh, Some(&seen));
    assert_verdict(&verdict, true, "xor-restarts.holds");
    assert_eq!(number(&verdict, "runs"), 20.0);
    let (solved, stuck) = (number(&verdict, "solved"), number(&verdict, "stuck"));
    assert!(solved >= 1.0 && stuck >= 1.0, "{verdict:?}");
    assert!(solved + stuck <= 20.0);

    // Four hidden units instead of two: no seed gets stuck any more (measured: 20 of 20 solve
    // at 2,000 steps; with 3 units 19 do).
    let wider = restarts(lesson, &[("layers", "4")]);
    let verdict = judge_now(lesson, &mut fresh, Some(&wider));
    assert_verdict(&verdict, false, "xor-restarts.fails");
    assert_eq!(number(&verdict, "stuck"), 0.0, "{verdict:?}");
}

#[test]
fn jitter_adds_noise_of_its_std_to_the_weights_only() {
    let base = [
        ("init", "constant"),
        ("const", "1"),
        ("layers", "64,64"),
        ("bias", "0"),
    ];
    let plain = experiment(&base);
    let mut with = base.to_vec();
    with.push(("jitter", "0.001"));
    let noisy = experiment(&with);
    let (mut n, mut sum, mut sq) = (0.0, 0.0, 0.0);
    for shape in &noisy.mlp().layers {
        for (&w, &w0) in noisy.mlp().params[shape.weights()]
            .iter()
            .zip(&plain.mlp().params[shape.weights()])
        {
            let d = w as f64 - w0 as f64;
            n += 1.0;
            sum += d;
            sq += d * d;
        }
        assert!(noisy.mlp().params[shape.biases()].iter().all(|&b| b == 0.0));
    }
    // 4288 draws of N(0, 1e-6): the sample std is within 1/√(2n) ≈ 1.1 % of 1e-3 (one std),
    // and f32 rounding of 1 + d (ulp 1.2e-7) is far below; 5 % is over 4 standard errors.
    let std = (sq / n - (sum / n) * (sum / n)).sqrt();
    assert_eq!(n, 4288.0);
    assert!((std / 1e-3 - 1.0).abs() < 0.05, "{std}");
}

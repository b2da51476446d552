//! The `no-hidden` lesson: without a hidden layer (logistic regression) zero init is harmless.
//! A (zeros) and B (random) reach the same loss within 10⁻³ after the lesson's steps; the
//! maths the lesson's text states is checked here (a weight's gradient is x_i·δ, not 0 at
//! w = 0; cross-entropy is convex in (w, b) without a hidden layer and not with one; squared
//! error through a sigmoid is not convex), and the verdict flips when A gains a hidden layer.

use initlab::baseline;
use initlab::compare::Comparison;
mod common;
use common::number;
use initlab::lessons::{find, judge_now, Lesson, Verdict, LESSONS};
use initlab::loss::Loss;
use initlab::rng::Rng;
use initlab::{Config, Experiment};

fn lesson() -> &'static Lesson {
    find("no-hidden").expect("the no-hidden lesson")
}

/// The pair after the lesson's steps, as "Run it" leaves it, and its verdict.
fn run(config: &Config) -> (Comparison, Verdict) {
    let mut pair = Comparison::new(config).expect("a valid config");
    pair.step(lesson().steps);
    let verdict = judge_now(lesson(), &mut pair, None);
    (pair, verdict)
}

#[test]
fn zero_init_reaches_random_inits_loss_without_a_hidden_layer() {
    let config = lesson().config().unwrap();
    assert_eq!(config.layers, "0");
    assert_eq!(config.init, "zeros");
    let (pair, verdict) = run(&config);
    assert!(verdict.holds, "{verdict:?}");
    assert_eq!(verdict.message.id, "no-hidden.holds");
    // The bound of the issue: the same loss within 10⁻³ (measured: about 2·10⁻⁵).
    let gap = number(&verdict, "gap");
    assert!(gap <= 1e-3, "gap {gap}");
    assert_eq!(
        gap,
        (number(&verdict, "lossA") - number(&verdict, "lossB")).abs()
    );
    // A started at p = ½ everywhere (every z is 0): loss ln 2, up to the rounding of the mean.
    assert!((number(&verdict, "from") - std::f64::consts::LN_2).abs() < 1e-12);
    // More than the same loss: the classes overlap, so the minimum is one point, and both runs
    // head for it: after 300 steps the weights agree to about 0.01 (measured: 0.008 at most).
    let (a, b) = (pair.a().mlp(), pair.b().unwrap().mlp());
    assert_eq!(a.params.len(), 3, "w₁, w₂ and the bias");
    for (wa, wb) in a.params.iter().zip(&b.params) {
        assert!(
            (wa - wb).abs() < 1e-2,
            "A {:?} vs B {:?}",
            a.params,
            b.params
        );
    }
    // And it learned: the loss fell far below ln 2 (the overlapping blobs keep it above 0).
    assert!(number(&verdict, "lossA") < 0.2, "{verdict:?}");
}

#[test]
fn at_step_0_the_gap_is_wide_and_the_verdict_waits() {
    let mut pair = Comparison::new(&lesson().config().unwrap()).unwrap();
    let verdict = judge_now(lesson(), &mut pair, None);
    assert!(!verdict.holds);
    assert_eq!(verdict.message.id, "no-hidden.notYet");
    assert!(number(&verdict, "gap") > 0.1, "{verdict:?}");
}

#[test]
fn a_hidden_layer_in_a_makes_zero_init_freeze_again_and_flips_the_verdict() {
    // B follows A's layers (vs changes only the init): both get the hidden layer.
    let config = lesson()
        .config()
        .unwrap()
        .with_changes([("layers", "4")])
        .unwrap();
    let (mut pair, verdict) = run(&config);
    assert!(!verdict.holds, "{verdict:?}");
    assert_eq!(verdict.message.id, "no-hidden.hidden");
    // tanh (the default act): hidden outputs tanh(0) = 0, so only the output bias moves and A
    // predicts one class; B learns. The gap is far beyond the bound.
    assert!(number(&verdict, "gap") > 0.1, "{verdict:?}");
    let (a, _) = pair.snapshots();
    assert_eq!(a.layers[0].distinct_units, 1, "A's hidden units are copies");
    assert_eq!(a.layers[0].grad_norm, 0.0, "A's hidden weights are frozen");
}

#[test]
fn a_b_that_starts_like_a_is_no_comparison() {
    let config = lesson()
        .config()
        .unwrap()
        .with_b_changes([("init", "zeros")])
        .unwrap();
    let (_, verdict) = run(&config);
    assert!(!verdict.holds);
    assert_eq!(verdict.message.id, "no-hidden.sameStart");
}

#[test]
fn at_zero_every_weights_gradient_is_its_input_times_the_error_and_not_zero() {
    // A's first step: p = ½ on every point, δ = ½ − y, and ∂L/∂w_i = mean(x_i·δ) over the batch.
    let mut exp = Experiment::new(&lesson().config().unwrap()).unwrap();
    assert!(exp.mlp().params.iter().all(|&p| p == 0.0));
    exp.step(1);
    let g = exp.last_gradient();
    assert!(
        g[0] != 0.0 && g[1] != 0.0,
        "both weights get a gradient: {g:?}"
    );
    assert!(exp.mlp().params[..2].iter().all(|&w| w != 0.0));
    // The same on the whole training set, in f64: mean(x_i·(½ − y)), the classes' mean
    // difference along x_i (÷4), far from 0 on the two blobs.
    let train = &exp.data().train;
    let n = train.len() as f64;
    for i in 0..2 {
        let grad: f64 = (0..train.len())
            .map(|k| train.x[2 * k + i] * (0.5 - train.y[k]))
            .sum::<f64>()
            / n;
        assert!(grad.abs() > 0.1, "x_{i}: {grad}");
    }
}

/// The mean training loss of `net` with its parameters set to `theta` (the engine's order).
fn loss_at(net: &baseline::Mlp, theta: &[f64], x: &[f64], y: &[f64], loss: Loss) -> f64 {
    let mut net = net.clone();
    let mut k = 0;
    for layer in &mut net.layers {
        for neuron in &mut layer.neurons {
            for w in &mut neuron.w {
                *w = theta[k];
                k += 1;
            }
            neuron.b = theta[k];
            k += 1;
        }
    }
    let idx: Vec<usize> = (0..y.len()).collect();
    net.mean_loss(x, y, &idx, loss)
}

/// The most negative second difference of the loss along `lines` random lines through random
/// points (f64 baseline, step 0.5 on points of size up to 3), relative to the loss.
fn most_negative_curvature(layers: &str, loss: Loss, lines: usize) -> f64 {
    let config = lesson()
        .config()
        .unwrap()
        .with_changes([("layers", layers), ("vs", "")])
        .unwrap();
    let exp = Experiment::new(&config).unwrap();
    let net = baseline::Mlp::from_engine(exp.mlp());
    let (x, y) = (&exp.data().train.x, &exp.data().train.y);
    let dims = exp.mlp().params.len();
    let mut rng = Rng::seed_from(17);
    let mut worst = f64::INFINITY;
    for _ in 0..lines {
        let at: Vec<f64> = (0..dims).map(|_| 1.5 * rng.standard_normal()).collect();
        let dir: Vec<f64> = (0..dims).map(|_| rng.standard_normal()).collect();
        let h = 0.5;
        let moved = |t: f64| -> Vec<f64> { at.iter().zip(&dir).map(|(a, d)| a + t * d).collect() };
        let (lo, mid, hi) = (
            loss_at(&net, &moved(-h), x, y, loss),
            loss_at(&net, &at, x, y, loss),
            loss_at(&net, &moved(h), x, y, loss),
        );
        worst = worst.min((lo - 2.0 * mid + hi) / mid.max(1e-12));
    }
    worst
}

#[test]
fn cross_entropy_is_convex_without_a_hidden_layer_and_not_with_one() {
    // Without a hidden layer the Hessian is mean(p(1 − p)·x̃x̃ᵀ) ⪰ 0: no second difference is
    // negative beyond f64 rounding (~1e-15 relative).
    let flat = most_negative_curvature("0", Loss::Bce, 300);
    assert!(flat >= -1e-12, "logistic regression: {flat}");
    // With a hidden layer of tanh units some line curves down (the loss is not convex).
    let hidden = most_negative_curvature("4", Loss::Bce, 300);
    assert!(hidden < -1e-3, "2-4-1 tanh: {hidden}");
    // Squared error through the sigmoid is not convex even without a hidden layer:
    // (σ(z) − 1)² has second derivative −2σ'(1 − σ)(1 − 3σ) < 0 wherever σ(z) < ⅓.
    let mse = most_negative_curvature("0", Loss::Mse, 300);
    assert!(mse < -1e-3, "logistic regression under mse: {mse}");
}

#[test]
fn every_lesson_with_hidden_layers_says_so_at_layers_0_and_never_panics() {
    common::install_digits();
    for lesson in LESSONS.iter().filter(|l| l.has_hidden_layers()) {
        let config = lesson
            .config()
            .unwrap()
            .with_changes([("layers", "0"), ("shortcut", "0")])
            .unwrap_or_else(|e| panic!("{}: {e}", lesson.id));
        let mut pair = Comparison::new(&config).unwrap();
        pair.step(3);
        let verdict = judge_now(lesson, &mut pair, None);
        assert!(!verdict.holds, "{}", lesson.id);
        assert_eq!(verdict.message.id, "lesson.needsHidden", "{}", lesson.id);
    }
    assert!(!lesson().has_hidden_layers());
}

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

//! Lesson: the XOR 2-1 net (Rumelhart, Hinton & Williams 1986). One hidden unit cannot solve
//! XOR on its own; one hidden unit plus shortcut connections (the inputs also feeding the
//! output unit) can.
//!
//! The setting: `?data=xor4&layers=1&shortcut=1&act=sigmoid&loss=bce&init=normal&scale=manual&sigma=1&bias=init&lr=1&batch=4`,
//! full batches of the 4 points, 5,000 steps: the same as the 2-2-1 lesson
//! (`tests/lesson_local_minima.rs`) with one hidden unit instead of two.
//!
//! Why the plain 2-1-1 net must fail: its output σ(v·g(w·x + b) + c) is a monotone function of
//! the one projection t = w·x. Projected on any line, the XOR corners come in the label order
//! 0, 1, 1, 0 or 1, 0, 0, 1 (the two corners of one class are never both outside the other
//! two), and the best monotone fit of that sequence gets one end right and gives the other
//! three points p = 2/3 (or 1/3). So the mean cross-entropy can never go below
//! (3/4)·H(1/3) = (3/4)·(ln 3 − (2/3)·ln 2) ≈ 0.4774, whatever the weights. With the shortcut
//! the output sees x as well as the hidden unit, and a hidden unit that detects "both inputs
//! on" is all it needs.

mod common;
use common::{experiment, XOR_221};
use initlab::Experiment;

/// The lesson's setting for one seed, with or without the shortcut: the XOR 2-2-1 lesson's
/// settings with one hidden unit.
fn xor_2_1(shortcut: bool, seed: u64) -> Experiment {
    let seed = seed.to_string();
    let mut changes = XOR_221.to_vec();
    changes.extend([
        ("layers", "1"),
        ("shortcut", if shortcut { "1" } else { "0" }),
        ("seed", seed.as_str()),
    ]);
    experiment(&changes)
}

/// The lowest mean cross-entropy a 2-1-1 net without shortcut can reach on the 4 XOR points.
fn plain_2_1_1_floor() -> f64 {
    0.75 * (3f64.ln() - 2.0 / 3.0 * 2f64.ln())
}

/// Final training losses of seeds 1–20 after `steps` steps.
fn final_losses(shortcut: bool, steps: usize) -> Vec<f64> {
    (1..=20)
        .map(|seed| {
            let mut exp = xor_2_1(shortcut, seed);
            exp.step(steps);
            let snapshot = exp.snapshot();
            assert!(!snapshot.diverged, "seed {seed}");
            snapshot.loss
        })
        .collect()
}

#[test]
fn the_xor_2_1_net_with_its_shortcut_solves_xor_from_every_seed_tried() {
    let finals = final_losses(true, 5000);
    let solved = finals.iter().filter(|&&l| l < 0.01).count();
    // Loss < 0.01: every point classified with p within about 1 % of its label.
    assert!(solved >= 1, "no seed solved XOR: {finals:?}");
    assert_eq!(solved, 20, "seeds 1–20 all solve it at lr 1: {finals:?}");
}

#[test]
fn without_the_shortcut_one_hidden_unit_cannot_solve_xor() {
    let finals = final_losses(false, 5000);
    let floor = plain_2_1_1_floor();
    for (seed, &loss) in (1..).zip(&finals) {
        assert!(loss > 0.1, "seed {seed}: loss {loss}");
        // Not a slow start: no weights at all do better than the floor (f32 rounding aside).
        assert!(
            loss >= floor - 1e-4,
            "seed {seed}: loss {loss} below {floor}"
        );
    }
    // Every seed ends at the floor itself: the best a single hidden unit can do.
    let worst = finals.iter().fold(0.0f64, |m, &l| m.max(l));
    assert!(worst < floor + 0.01, "{finals:?}");
}

#[test]
fn more_training_does_not_help_the_plain_2_1_1_net() {
    let mut exp = xor_2_1(false, 1);
    exp.step(50_000);
    let loss = exp.snapshot().loss;
    assert!(loss > 0.1 && loss >= plain_2_1_1_floor() - 1e-4, "{loss}");
}

/// Zero init on the XOR 2-1 net: every weight and bias 0. With balanced full batches of the 4
/// XOR points every gradient is exactly 0, so nothing ever moves and the loss stays ln 2.
fn assert_zero_init_is_a_saddle(act: &str) {
    let mut exp = experiment(&[
        ("data", "xor4"),
        ("layers", "1"),
        ("shortcut", "1"),
        ("act", act),
        ("loss", "bce"),
        ("init", "zeros"),
        ("bias", "init"),
        ("lr", "1"),
        ("batch", "4"),
    ]);
    assert!(exp.mlp().params.iter().all(|&p| p == 0.0));
    let ln2 = std::f64::consts::LN_2;
    for step in 0..1000 {
        exp.step(1);
        for (k, &g) in exp.last_gradient().iter().enumerate() {
            assert_eq!(g, 0.0, "{act}: gradient of parameter {k} at step {step}");
        }
        assert!(
            exp.mlp().params.iter().all(|&p| p == 0.0),
            "{act}: step {step}"
        );
        let (train, _) = exp.scores();
        assert_eq!(train.loss, ln2, "{act}: loss changed at step {step}");
    }
}

/// tanh(0) = 0: the hidden unit outputs 0, so its outgoing weight gets δ·0 = 0, and its own
/// weights get δ·v = 0 (v = 0). The shortcut weights get mean(δ·x) with δ = (½ − y)/4: XOR has
/// no linear part (Σ (½ − y)·x = 0 over the 4 points), so they get exactly 0 as well, and the
/// output bias gets mean(δ) = 0 (2 points of each class).
#[test]
fn zero_init_holds_the_xor_2_1_net_on_a_saddle_with_tanh() {
    assert_zero_init_is_a_saddle("tanh");
}

/// σ(0) = ½ ≠ 0, but the hidden unit outputs ½ on every point, so its outgoing weight gets
/// ½·mean(δ) = 0: sigmoid is stuck on the same saddle, for the same reason.
#[test]
fn zero_init_holds_the_xor_2_1_net_on_a_saddle_with_sigmoid_too() {
    assert_zero_init_is_a_saddle("sigmoid");
}

#[test]
fn the_lesson_url_opens_this_setting() {
    let (config, notices) = initlab::Config::from_query(
        "?data=xor4&layers=1&shortcut=1&act=sigmoid&loss=bce&init=normal&scale=manual&sigma=1&bias=init&lr=1&batch=4",
    );
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(config, xor_2_1(true, 1).config().clone());
    // Written back in table order, keys at their defaults left out: the flag sits after layers.
    assert_eq!(
        config.to_query(),
        "scale=manual&bias=init&act=sigmoid&layers=1&shortcut=1&data=xor4&lr=1&batch=4"
    );
}

//! The closing lesson, `in-practice`: what the frameworks do by default (read from the preset
//! table, checked here against the formulas the lesson's text gives), and its live A/B, He's
//! rule (A) against PyTorch's `nn.Linear` default (B) on eight 64-wide ReLU layers: B's
//! std(z) follows the recurrence derived in src/lessons/in_practice.rs, fades, and B barely
//! learns in the lesson's steps while A does; switching either side flips the verdict.

use initlab::compare::Comparison;
use initlab::init::{BiasInit, Distribution};
mod common;
use common::{assert_verdict, number};
use initlab::lessons::{find, judge_now, Lesson, Verdict};
use initlab::Config;

/// Keras and JAX divide σ by the std of N(0, 1) cut at ±2, so the cut weights keep σ².
const KERAS_TRUNCATION_STD: f64 = 0.879_625_661_034_239_8;
const WIDTH: usize = 64;

fn lesson() -> &'static Lesson {
    find("in-practice").expect("the lesson in-practice")
}

fn verdict_of(config: &Config, steps: usize) -> Verdict {
    let mut pair = Comparison::new(config).expect("a valid lesson config");
    pair.step(steps);
    judge_now(lesson(), &mut pair, None)
}

fn opened() -> Config {
    lesson().config().expect("the lesson's config")
}

/// What `preset` draws for a layer of `fan_in` → `fan_out`: its weights' and biases' law.
fn preset(name: &str, fan_in: usize, fan_out: usize) -> (Distribution, BiasInit) {
    let config = Config::default().with_changes([("preset", name)]).unwrap();
    let spec = config.validate().unwrap();
    let layer = spec.weights.for_layer(fan_in, fan_out).unwrap();
    (layer.distribution, spec.bias)
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs())
}

#[test]
fn the_framework_defaults_the_lesson_names_are_the_presets_with_their_formulas() {
    for (fi, fo) in [(2, 64), (64, 64), (64, 1)] {
        let n_in = fi as f64;
        // PyTorch nn.Linear: W and b ~ U(±1/√fan_in), so Var(w) = Var(b) = 1/(3·fan_in).
        let (w, b) = preset("torch-linear", fi, fo);
        match w {
            Distribution::Uniform { lo, hi } => {
                assert!(
                    close(hi, 1.0 / n_in.sqrt(), 1e-12) && close(lo, -hi, 1e-12),
                    "{w:?}"
                )
            }
            other => panic!("torch-linear draws {other:?}"),
        }
        assert_eq!(b, BiasInit::SameAsWeights);
        assert!(close(w.std().powi(2), 1.0 / (3.0 * n_in), 1e-12), "{w:?}");

        // Keras Dense: glorot_uniform, W ~ U(±√(6/(fan_in + fan_out))), bias zeros.
        let (w, b) = preset("keras-glorot-uniform", fi, fo);
        match w {
            Distribution::Uniform { lo, hi } => {
                let bound = (6.0 / (fi + fo) as f64).sqrt();
                assert!(close(hi, bound, 1e-12) && close(lo, -bound, 1e-12), "{w:?}")
            }
            other => panic!("keras-glorot-uniform draws {other:?}"),
        }
        assert_eq!(b, BiasInit::Zeros);

        // Flax nn.Dense: JAX's lecun_normal, a normal cut at ±2σ' with σ' = √(1/fan_in)/0.8796,
        // so the cut weights have Var(w) = 1/fan_in; bias zeros.
        let (w, b) = preset("keras-lecun-normal", fi, fo);
        let s = (1.0 / n_in).sqrt() / KERAS_TRUNCATION_STD;
        match w {
            Distribution::TruncatedNormal { std, lo, hi } => assert!(
                close(std, s, 1e-12) && close(lo, -2.0 * s, 1e-12) && close(hi, 2.0 * s, 1e-12),
                "{w:?}"
            ),
            other => panic!("keras-lecun-normal draws {other:?}"),
        }
        assert!(close(w.std().powi(2), 1.0 / n_in, 1e-9), "{w:?}");
        assert_eq!(b, BiasInit::Zeros);
    }
}

#[test]
fn on_relu_each_default_scales_the_signal_by_the_factor_the_text_gives() {
    // Per 64 → 64 ReLU layer, std(z) is multiplied by √(64·Var(w)·½): the text's 1/√6 for
    // PyTorch's default, 1/√2 for Keras' and Flax's, 1 for He's rule.
    let factor = |name: &str| {
        let (w, _) = preset(name, WIDTH, WIDTH);
        (WIDTH as f64 * w.std().powi(2) / 2.0).sqrt()
    };
    assert!(close(factor("torch-linear"), 1.0 / 6f64.sqrt(), 1e-12));
    assert!(close(factor("keras-glorot-uniform"), 0.5f64.sqrt(), 1e-12));
    assert!(close(factor("keras-lecun-normal"), 0.5f64.sqrt(), 1e-9));
    assert!(close(factor("torch-kaiming-normal"), 1.0, 1e-12));
}

/// The recurrence of src/lessons/in_practice.rs for PyTorch's default on the lesson's net:
/// Var(z₁) = 2·Var(w₁) + Var(b₁) on 2 standardised inputs, then Var(z) → 64·Var(w)·½·Var(z) +
/// Var(b), with Var(w) and Var(b) read from the preset.
fn predicted_std_z() -> Vec<f64> {
    let (first, _) = preset("torch-linear", 2, WIDTH);
    let (inner, _) = preset("torch-linear", WIDTH, WIDTH);
    let (v1, v) = (first.std().powi(2), inner.std().powi(2));
    let mut var = vec![2.0 * v1 + v1];
    for _ in 1..8 {
        let last = *var.last().unwrap();
        var.push(WIDTH as f64 * v * 0.5 * last + v);
    }
    var.into_iter().map(f64::sqrt).collect()
}

#[test]
fn pytorch_default_std_z_follows_the_recurrence_and_fades_to_the_bias_floor() {
    let predicted = predicted_std_z();
    // The text's numbers: std(z₁) = √½, the floor √(6/5 · 1/192) ≈ 0.079, last/first ≈ 0.11.
    assert!(close(predicted[0], 0.5f64.sqrt(), 1e-12));
    assert!(
        close(predicted[7], (1.2f64 / 192.0).sqrt(), 0.01),
        "{predicted:?}"
    );
    assert!(
        (predicted[7] / predicted[0] - 0.11).abs() < 0.005,
        "{predicted:?}"
    );

    let mut pair = Comparison::new(&opened()).unwrap();
    let (_, b) = pair.snapshots();
    let b = b.expect("the lesson compares");
    for (k, (layer, want)) in b.layers.iter().zip(&predicted).enumerate() {
        // 64 units with sampled weights: the realised Var(w) of a layer is within a few
        // percent of its law's, and each layer's error carries on (seed 1: within 3 % in the
        // first three layers, 18 % at worst, layer 6); 20 % holds all eight.
        assert!(
            close(layer.z_std, *want, 0.2),
            "hidden layer {}: std(z) {} vs predicted {want}",
            k + 1,
            layer.z_std
        );
    }
    // Going back, Var(δ) is multiplied by fan_out·Var(w)·E[g'(z)²] = 64·(1/192)·½ = ⅙ a layer
    // (no bias term: a bias adds nothing to δ), so over hidden 8 → hidden 1 std(δ) shrinks by
    // (1/√6)⁷ ≈ 0.0019; a factor 3 either way leaves room for the sampled weights.
    let (first, last) = (&b.layers[0], &b.layers[7]);
    let expected = 6f64.powf(-3.5);
    let ratio = first.delta_std / last.delta_std;
    assert!(
        ratio > expected / 3.0 && ratio < expected * 3.0,
        "std(δ) hidden 1 / hidden 8: {ratio} vs {expected}"
    );
}

#[test]
fn in_practice_waits_for_its_steps_then_a_learns_and_b_does_not() {
    let v = verdict_of(&opened(), 0);
    assert_verdict(&v, false, "in-practice.notYet");

    let v = verdict_of(&opened(), lesson().steps);
    assert_verdict(&v, true, "in-practice.holds");
    assert!(
        lesson().steps >= 200,
        "the issue asks a scale lesson to train 200 steps"
    );
    // Derived in src/lessons/in_practice.rs: B's last/first ≈ 0.11, A's ≈ 1.
    assert!(number(&v, "b_ratio") < 0.2, "{v:?}");
    assert!(number(&v, "a_ratio") > 0.5, "{v:?}");
    // B's output is nearly one value for every point: its loss stays near ln 2.
    assert!((number(&v, "lossB") - 2f64.ln()).abs() < 0.01, "{v:?}");
    assert!(number(&v, "lossB") - number(&v, "lossA") >= 0.1, "{v:?}");
    assert!(number(&v, "accA") - number(&v, "accB") >= 10.0, "{v:?}");
}

#[test]
fn in_practice_holds_on_other_seeds_too() {
    for seed in ["2", "3"] {
        let config = opened().with_changes([("seed", seed)]).unwrap();
        let v = verdict_of(&config, lesson().steps);
        assert_verdict(&v, true, "in-practice.holds");
    }
}

#[test]
fn in_practice_flips_when_a_takes_the_default_too() {
    // A with PyTorch's default: B follows A (vs lists B's differences), so both fade alike.
    let config = opened().with_changes([("preset", "torch-linear")]).unwrap();
    let v = verdict_of(&config, lesson().steps);
    assert_verdict(&v, false, "in-practice.aFades");
    assert!(number(&v, "a_ratio") < 0.2, "{v:?}");
}

#[test]
fn in_practice_flips_when_b_follows_the_rule() {
    // B's explicit keys win over its preset: He's normal, bias 0, as A.
    let config = opened()
        .with_b_changes([
            ("init", "normal"),
            ("scale", "he"),
            ("gain", "1"),
            ("bias", "0"),
        ])
        .unwrap();
    let v = verdict_of(&config, lesson().steps);
    assert_verdict(&v, false, "in-practice.bKeeps");
    assert_eq!(
        number(&v, "b_ratio"),
        number(&v, "a_ratio"),
        "B is A: {v:?}"
    );
}

#[test]
fn standardising_z_undoes_any_scale_of_the_weights() {
    // The text's way forward: batch normalisation replaces z by (z − mean)/std over the batch,
    // so c·z (weights scaled by c > 0) gives the same output, whatever c the init chose.
    let z = [0.3, -1.2, 0.7, 2.5, -0.4, 0.05];
    let standardise = |c: f64| {
        let n = z.len() as f64;
        let mean = z.iter().map(|x| c * x).sum::<f64>() / n;
        let var = z.iter().map(|x| (c * x - mean).powi(2)).sum::<f64>() / n;
        z.iter()
            .map(|x| (c * x - mean) / var.sqrt())
            .collect::<Vec<_>>()
    };
    for c in [1e-3, 0.41, 7.0] {
        for (x, y) in standardise(c).iter().zip(standardise(1.0)) {
            assert!((x - y).abs() < 1e-12, "c = {c}: {x} vs {y}");
        }
    }
}

#[test]
fn in_practice_fails_when_training_does_not_separate_them() {
    // Momentum 0.9 at the same lr makes plain He unstable on this deep net: A's std(z) grows
    // (it keeps its size and more) but A's loss ends near B's ln 2, so the verdict, which also
    // judges what training did, does not hold.
    let config = opened().with_changes([("momentum", "0.9")]).unwrap();
    let v = verdict_of(&config, lesson().steps);
    assert_verdict(&v, false, "in-practice.fails");
    assert!(
        number(&v, "b_ratio") < 0.25 && number(&v, "a_ratio") >= 0.5,
        "{v:?}"
    );
    assert!(number(&v, "lossB") - number(&v, "lossA") < 0.1, "{v:?}");
    assert!(number(&v, "accA") - number(&v, "accB") < 10.0, "{v:?}");
}

/// The pair after the lesson's steps, with its snapshots (the run stops where it diverged).
fn run(config: &Config) -> (Verdict, Option<usize>, Option<usize>) {
    let mut pair = Comparison::new(config).expect("a valid lesson config");
    pair.step(lesson().steps);
    let (a, b) = pair.snapshots();
    let b = b.expect("the lesson compares");
    (
        judge_now(lesson(), &mut pair, None),
        a.diverged_at,
        b.diverged_at,
    )
}

#[test]
fn in_practice_says_which_side_diverged_and_when_instead_of_judging_nans() {
    // At lr 10, A (He) diverges within a few steps (step 2 on seed 1), while B, whose faded
    // signal (last/first std(z) ≈ 0.1) leaves it small gradients, trains on through the
    // lesson's 200 steps (measured): only A diverges.
    let config = opened().with_changes([("lr", "10")]).unwrap();
    let (v, a_at, b_at) = run(&config);
    let step = a_at.expect("A diverges at lr 10");
    assert_eq!(b_at, None, "B trains on: {v:?}");
    assert_verdict(&v, false, "lesson.diverged");
    assert_eq!(
        v.message.args.get("side"),
        Some(&initlab::lessons::Arg::Text("A".into()))
    );
    assert_eq!(number(&v, "step"), step as f64);

    // B alone at lr 10 (B's own learning rate; A keeps 0.03) and momentum 0.9: B diverges.
    let config = opened()
        .with_b_changes([("lr", "10"), ("momentum", "0.9")])
        .unwrap();
    let (v, a_at, b_at) = run(&config);
    assert_eq!(a_at, None, "{v:?}");
    let step = b_at.expect("B diverges at lr 10 with momentum");
    assert_verdict(&v, false, "lesson.diverged");
    assert_eq!(
        v.message.args.get("side"),
        Some(&initlab::lessons::Arg::Text("B".into()))
    );
    assert_eq!(number(&v, "step"), step as f64);

    // Both: the message gives each side's step.
    let config = opened()
        .with_changes([("lr", "10"), ("momentum", "0.9")])
        .unwrap();
    let (v, a_at, b_at) = run(&config);
    let (a_at, b_at) = (a_at.expect("A diverges"), b_at.expect("B diverges"));
    assert_verdict(&v, false, "lesson.divergedBoth");
    assert_eq!(number(&v, "stepA"), a_at as f64);
    assert_eq!(number(&v, "stepB"), b_at as f64);
}

//! Shortcut connections change the output layer's fan-in, and everything that reads a layer's
//! fan-in follows: the snapshot, the scale rules and presets, the variance prediction, the
//! weight histogram, the loss landscape and the decision boundary.

mod common;
use common::experiment;
use initlab::baseline;
use initlab::config::presets::PRESETS;
use initlab::init::ScaleRule;
use initlab::Experiment;

/// A shortcut net of the given hidden widths on circles, with some other changes.
fn shortcut_net(layers: &str, changes: &[(&str, &str)]) -> Experiment {
    let mut all = vec![("layers", layers), ("shortcut", "1"), ("data", "circles")];
    all.extend_from_slice(changes);
    experiment(&all)
}

#[test]
fn the_output_fan_in_counts_the_two_inputs() {
    for (layers, with, without) in [
        ("1", vec![2, 3], vec![2, 1]),
        ("8", vec![2, 10], vec![2, 8]),
        ("8,4", vec![2, 8, 6], vec![2, 8, 4]),
    ] {
        for (shortcut, expected) in [("1", with), ("0", without)] {
            let mut exp = experiment(&[("layers", layers), ("shortcut", shortcut)]);
            let fans: Vec<usize> = exp.snapshot().layers.iter().map(|l| l.fan_in).collect();
            assert_eq!(fans, expected, "layers={layers}&shortcut={shortcut}");
            let spec_fans: Vec<usize> = exp.spec().fans().iter().map(|f| f.0).collect();
            assert_eq!(spec_fans, expected, "Spec::fans agrees");
            // The output has one unit; the sizes list does not change.
            let out = exp.snapshot().layers.last().unwrap().clone();
            assert_eq!((out.fan_out, out.size), (1, 1));
            assert_eq!(exp.mlp().sizes, exp.spec().sizes());
        }
    }
}

#[test]
fn the_scale_rules_use_the_outputs_true_fan_in() {
    // 8 hidden units + 2 inputs: the output's fan_in is 10, its fan_out 1.
    for (scale, sigma) in [
        ("lecun", (1.0f64 / 10.0).sqrt()),
        ("glorot", (2.0f64 / 11.0).sqrt()),
        ("he", (2.0f64 / 10.0).sqrt()),
    ] {
        let mut exp = shortcut_net("8", &[("scale", scale)]);
        let out = exp.snapshot().layers.last().unwrap().clone();
        assert!(
            (out.sigma_requested - sigma).abs() <= 1e-15 * sigma,
            "{scale}: {} vs {sigma}",
            out.sigma_requested
        );
        assert_eq!(out.sigma_used, out.sigma_requested, "{scale}");
    }
}

#[test]
fn every_preset_sees_the_outputs_true_fan_in() {
    let mut fan_based = 0;
    for preset in PRESETS {
        let exp = shortcut_net("8", &[("preset", preset.name)]);
        let weights = &exp.spec().weights;
        // LSUV rescales the experiment's copy on the data: compare what validation resolved.
        let inits = if preset.name == "lsuv" {
            &exp.spec().layers
        } else {
            exp.inits()
        };
        let output = *inits.last().unwrap();
        assert_eq!(output, weights.for_layer(10, 1).unwrap(), "{}", preset.name);
        if !matches!(weights.scale, ScaleRule::Manual(_)) {
            // A preset with a fan rule gives another σ at fan_in 8: the 2 inputs count.
            assert_ne!(output, weights.for_layer(8, 1).unwrap(), "{}", preset.name);
            fan_based += 1;
        }
    }
    assert!(fan_based >= 8, "most presets scale by fan: {fan_based}");
}

#[test]
fn the_output_weights_are_drawn_and_counted_with_the_shortcut_weights() {
    let mut exp = shortcut_net("8", &[]);
    let out = *exp.mlp().layers.last().unwrap();
    assert_eq!(out.weights().len(), 10);
    let snapshot = exp.snapshot();
    let stats = snapshot.layers.last().unwrap();
    assert_eq!(
        stats.w_hist.total(),
        10,
        "the histogram holds all 10 weights"
    );
    let shortcut_weights = &exp.mlp().params[out.b_at - 2..out.b_at];
    assert!(
        shortcut_weights.iter().all(|&w| w != 0.0),
        "drawn like the others"
    );
    // The gradient sees them too: 10 weights, none exactly 0 on circles.
    assert_eq!(stats.grad_hist.total() as usize + stats.grad_zeros, 10);
}

/// The variance prediction at the output: √(fan_in · Var(w) · E[a_prev²] + Var(b)), with
/// E[a_prev²] over the h hidden activations *and* the 2 inputs of every training point,
/// computed here independently with the f64 baseline.
#[test]
fn z_std_predicted_at_a_shortcut_output_averages_over_hidden_units_and_inputs() {
    for (layers, act) in [("3", "tanh"), ("5,4", "relu"), ("1", "sigmoid")] {
        let mut exp = shortcut_net(layers, &[("act", act)]);
        let net = baseline::Mlp::from_engine(exp.mlp());
        let train = &exp.data().train;
        let (mut sum_sq, mut count) = (0.0, 0usize);
        for x in train.x.chunks(2) {
            let trace = net.forward(x);
            let below = &trace.activations[trace.activations.len() - 2];
            for a in below.iter().chain(x) {
                sum_sq += a * a;
                count += 1;
            }
        }
        let out = exp.mlp().layers.last().unwrap();
        assert_eq!(count, train.len() * out.n_in);
        let w: Vec<f64> = exp.mlp().params[out.weights()]
            .iter()
            .map(|&w| w as f64)
            .collect();
        let mean = w.iter().sum::<f64>() / w.len() as f64;
        let var_w = w.iter().map(|w| (w - mean) * (w - mean)).sum::<f64>() / w.len() as f64;
        // One output unit: its bias has variance 0.
        let expected = (out.n_in as f64 * var_w * sum_sq / count as f64).sqrt();
        let got = exp.snapshot().layers.last().unwrap().z_std_predicted;
        assert!(
            (got - expected).abs() <= 1e-5 * expected,
            "layers={layers} {act}: {got} vs {expected}"
        );
    }
}

#[test]
fn the_landscape_centre_is_the_snapshot_loss_with_a_shortcut() {
    let mut exp = shortcut_net("4", &[]);
    exp.step(50);
    let loss = exp.snapshot().loss;
    let landscape = exp.landscape(5, 1.0).expect("a valid grid");
    assert_eq!(landscape.center_loss, loss);
    assert!(landscape.loss.iter().all(|l| l.is_finite()));
}

#[test]
fn the_trained_xor_2_1_net_draws_the_right_boundary_at_the_four_corners() {
    let mut exp = experiment(&[
        ("data", "xor4"),
        ("layers", "1"),
        ("shortcut", "1"),
        ("act", "sigmoid"),
        ("init", "normal"),
        ("scale", "manual"),
        ("sigma", "1"),
        ("bias", "init"),
        ("lr", "1"),
        ("batch", "4"),
    ]);
    exp.step(5000);
    let n = 40;
    let grid = exp.decision_grid(n);
    let at = |x: f64, y: f64| {
        let col = ((x - grid.x[0]) / (grid.x[1] - grid.x[0]) * n as f64) as usize;
        let row = ((y - grid.y[0]) / (grid.y[1] - grid.y[0]) * n as f64) as usize;
        grid.p[row * n + col]
    };
    for (x, y, label) in [
        (-1.0, -1.0, 0.0),
        (-1.0, 1.0, 1.0),
        (1.0, -1.0, 1.0),
        (1.0, 1.0, 0.0),
    ] {
        let p: f64 = at(x, y);
        assert!((p - label).abs() < 0.1, "({x}, {y}): p = {p}");
    }
}

#[test]
fn changing_the_shortcut_starts_a_fresh_run_with_another_shape() {
    let mut exp = shortcut_net("4", &[]);
    exp.step(10);
    let mut config = exp.config().clone();
    config.set("shortcut", "0").unwrap();
    exp.configure(&config).unwrap();
    assert_eq!(exp.steps_done(), 0);
    assert!(!exp.mlp().shortcut);
    assert_eq!(exp.mlp().layers.last().unwrap().n_in, 4);
}

//! `delta_std`: the spread of the back-propagated error δ = ∂(one point's loss)/∂z, layer by
//! layer, held to a hand computation on a net small enough to do on paper.

mod common;

use initlab::activation::Activation;
use initlab::data::Split;
use initlab::init::{Distribution, LayerInit};
use initlab::loss::Loss;
use initlab::mlp::Mlp;
use initlab::stats::Evaluator;

/// Population std (÷ count), as `delta_std` is defined.
fn population_std(xs: &[f64]) -> f64 {
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    (xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / xs.len() as f64).sqrt()
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The hand-set weights of a 2-2-1 tanh net: W₁ (2×2), b₁, W₂ (1×2), b₂.
const W1: [[f64; 2]; 2] = [[0.5, -0.3], [0.2, 0.8]];
const B1: [f64; 2] = [0.1, -0.2];
const W2: [f64; 2] = [0.7, -0.4];
const B2: f64 = 0.05;

/// The net with those weights, and three training points.
fn tiny() -> (Mlp, Split) {
    let mut mlp = Mlp::new(&[2, 2, 1], Activation::Tanh);
    let (hidden, output) = (mlp.layers[0], mlp.layers[1]);
    for (j, row) in W1.iter().enumerate() {
        for (i, &w) in row.iter().enumerate() {
            mlp.params[hidden.w_at + j * 2 + i] = w as f32;
        }
        mlp.params[hidden.b_at + j] = B1[j] as f32;
        mlp.params[output.w_at + j] = W2[j] as f32;
    }
    mlp.params[output.b_at] = B2 as f32;
    let split = Split {
        raw: vec![[1.0, 0.0], [0.0, 1.0], [-1.0, 2.0]],
        x: vec![1.0, 0.0, 0.0, 1.0, -1.0, 2.0],
        y: vec![1.0, 0.0, 1.0],
        source: Vec::new(),
    };
    (mlp, split)
}

#[test]
fn delta_std_matches_a_hand_computed_one_hidden_layer_net() {
    let (mlp, split) = tiny();
    let inits = [LayerInit {
        sigma_used: 0.0,
        sigma_requested: 0.0,
        distribution: Distribution::Zeros,
        draw: initlab::init::Draw::Independent,
        lsuv: None,
    }; 2];
    for loss in [Loss::Bce, Loss::Mse] {
        // By hand: h = tanh(W₁x + b₁), z = W₂·h + b₂, p = σ(z);
        // δ_out = ∂loss/∂z (p − y for BCE, 2(p − y)·p(1 − p) for MSE), δ_hidden_j = W₂_j·δ_out·(1 − h_j²).
        let (mut out, mut hidden) = (Vec::new(), Vec::new());
        for (x, &y) in split.x.chunks(2).zip(&split.y) {
            let h: Vec<f64> = (0..2)
                .map(|j| (W1[j][0] * x[0] + W1[j][1] * x[1] + B1[j]).tanh())
                .collect();
            let p = sigmoid(W2[0] * h[0] + W2[1] * h[1] + B2);
            let d = match loss {
                Loss::Bce => p - y,
                Loss::Mse => 2.0 * (p - y) * p * (1.0 - p),
            };
            out.push(d);
            hidden.extend((0..2).map(|j| W2[j] * d * (1.0 - h[j] * h[j])));
        }
        let (stats, _) = Evaluator::new(&mlp).layer_stats(&mlp, &inits, &split, loss);
        for (layer, by_hand) in stats.iter().zip([&hidden, &out]) {
            let expected = population_std(by_hand);
            // The engine is f32 with its own sigmoid and tanh; the tests hold it to 1e-4 relative.
            assert!(
                (layer.delta_std - expected).abs() <= 1e-4 * expected,
                "{} ({loss:?}): delta_std {} but by hand {expected}",
                layer.name,
                layer.delta_std
            );
        }
    }
}

#[test]
fn snapshot_names_each_layer_and_its_activation_and_fans() {
    let snapshot = common::experiment(&[("layers", "5,3"), ("act", "relu")]).snapshot();
    let described: Vec<(&str, &str, usize, usize)> = snapshot
        .layers
        .iter()
        .map(|l| (l.name.as_str(), l.activation.as_str(), l.fan_in, l.fan_out))
        .collect();
    assert_eq!(
        described,
        [
            ("hidden 1", "relu", 2, 5),
            ("hidden 2", "relu", 5, 3),
            ("output", "sigmoid", 3, 1)
        ]
    );
}

#[test]
fn zero_init_tanh_has_no_hidden_error_but_an_output_error() {
    // Every hidden δ is W_{l+1}ᵀ·δ ⊙ g'(z) with W = 0: exactly 0. The output's is p − y = ½ − y = ±½.
    let snapshot =
        common::experiment(&[("init", "zeros"), ("act", "tanh"), ("data", "xor4")]).snapshot();
    let (output, hidden) = snapshot.layers.split_last().unwrap();
    assert!(hidden.iter().all(|l| l.delta_std == 0.0));
    assert!(
        (output.delta_std - 0.5).abs() < 1e-6,
        "{}",
        output.delta_std
    );
}

//! Backprop is right. The f64 textbook baseline's gradients equal central finite differences
//! of its loss, for every activation and both losses; the fast f32 engine's gradients and
//! training trajectory equal the baseline's within f32 precision. All of it holds with
//! shortcut connections too (the inputs also feeding the output unit: the XOR 2-1 net and
//! its wider and deeper cousins).

mod common;

use common::{flat, parameters};
use initlab::activation::Activation;
use initlab::baseline;
use initlab::init::Distribution;
use initlab::loss::Loss;
use initlab::mlp::{Mlp, Trainer};
use initlab::rng::Rng;

const ACTIVATIONS: [Activation; 4] = [
    Activation::Sigmoid,
    Activation::Tanh,
    Activation::Relu,
    Activation::Linear,
];
const LOSSES: [Loss; 2] = [Loss::Bce, Loss::Mse];

/// The shapes tried with the shortcut: one hidden layer (the XOR 2-1 net, a wider one) and two.
const SHORTCUT_SIZES: [&[usize]; 3] = [&[2, 1, 1], &[2, 3, 1], &[2, 4, 3, 1]];

/// A small random network and a batch of random inputs with 0/1 labels.
fn setup(act: Activation, seed: u64) -> (Mlp, Vec<f64>, Vec<f64>) {
    shaped(&[2, 4, 3, 1], false, act, seed)
}

/// The same for any layer sizes, with or without the shortcut.
fn shaped(
    sizes: &[usize],
    shortcut: bool,
    act: Activation,
    seed: u64,
) -> (Mlp, Vec<f64>, Vec<f64>) {
    let mut mlp = Mlp::with_shortcut(sizes, act, shortcut);
    let mut rng = Rng::seed_from(seed);
    let all = 0..mlp.params.len();
    mlp.fill(all, &Distribution::Normal { std: 0.8 }, &mut rng);
    let n = 6;
    let x: Vec<f64> = (0..2 * n).map(|_| rng.standard_normal()).collect();
    let y: Vec<f64> = (0..n).map(|k| (k % 2) as f64).collect();
    (mlp, x, y)
}

/// The engine's mean loss and gradient over the whole batch.
fn engine_loss_and_gradient(mlp: &Mlp, x: &[f64], y: &[f64], loss: Loss) -> (f64, Vec<f32>) {
    let n = y.len();
    let mut ws = mlp.workspace(n);
    ws.load(x, y, 0..n);
    mlp.forward(&mut ws).expect("a small net stays finite");
    let mut grads = vec![0.0; mlp.params.len()];
    let total = mlp.loss_sum(&ws, loss);
    mlp.backward(&mut ws, loss, 1.0 / n as f64, &mut grads);
    (total / n as f64, grads)
}

/// True when no ReLU pre-activation sits within `margin` of its kink, where finite differences are meaningless.
fn away_from_kinks(net: &baseline::Mlp, x: &[f64], margin: f64) -> bool {
    x.chunks(2).all(|xi| {
        let trace = net.forward(xi);
        trace.zs[..trace.zs.len() - 1]
            .iter()
            .flatten()
            .all(|z| z.abs() > margin)
    })
}

/// For both losses, the baseline's gradient of `mlp` equals central finite differences of
/// its loss, parameter by parameter.
fn assert_baseline_matches_finite_differences(mlp: &Mlp, x: &[f64], y: &[f64], what: &str) {
    let net = baseline::Mlp::from_engine(mlp);
    assert!(
        away_from_kinks(&net, x, 1e-3),
        "{what}: pick another seed: a ReLU sits on its kink"
    );
    let batch: Vec<usize> = (0..y.len()).collect();
    for loss in LOSSES {
        let analytic = flat(&net.batch_gradients(x, y, &batch, loss));
        assert_eq!(
            analytic.len(),
            mlp.params.len(),
            "{what}: one per parameter"
        );
        // Central differences err by h²·f'''/6 ≈ 1e-11 and by rounding ε·L/h ≈ 1e-11 at
        // h = 1e-5, far below the 1e-6 relative tolerance.
        let h = 1e-5;
        for (k, &backprop) in analytic.iter().enumerate() {
            let (mut plus, mut minus) = (net.clone(), net.clone());
            *parameters(&mut plus)[k] += h;
            *parameters(&mut minus)[k] -= h;
            let numeric = (plus.mean_loss(x, y, &batch, loss)
                - minus.mean_loss(x, y, &batch, loss))
                / (2.0 * h);
            let scale = backprop.abs().max(numeric.abs()).max(1e-4);
            assert!(
                (backprop - numeric).abs() <= 1e-6 * scale,
                "{what}/{loss:?} param {k}: backprop {backprop} vs finite difference {numeric}"
            );
        }
    }
}

/// For both losses, the engine's loss and gradient of `mlp` equal the f64 baseline's within
/// f32 precision.
fn assert_engine_matches_baseline(mlp: &Mlp, x: &[f64], y: &[f64], what: &str) {
    let net = baseline::Mlp::from_engine(mlp);
    let batch: Vec<usize> = (0..y.len()).collect();
    for loss in LOSSES {
        let (oracle_loss, oracle) = (
            net.mean_loss(x, y, &batch, loss),
            net.batch_gradients(x, y, &batch, loss),
        );
        let (fast_loss, fast) = engine_loss_and_gradient(mlp, x, y, loss);
        // f32 rounds at 6e-8 per operation; a few dozen operations per gradient entry stay
        // far inside 1e-4 relative. Entries that are small because of cancellation are held
        // to 1e-4 of the gradient's largest entry instead.
        assert!(
            (fast_loss - oracle_loss).abs() <= 1e-4 * oracle_loss,
            "{what}/{loss:?} loss"
        );
        let oracle = flat(&oracle);
        assert_eq!(oracle.len(), fast.len(), "{what}: the same parameters");
        let largest = oracle.iter().fold(0.0f64, |m, g| m.max(g.abs()));
        for (k, (&f, &o)) in fast.iter().zip(&oracle).enumerate() {
            let bound = 1e-4 * o.abs().max(1e-2 * largest);
            assert!(
                (f as f64 - o).abs() <= bound,
                "{what}/{loss:?} param {k}: engine {f} vs oracle {o}"
            );
        }
    }
}

#[test]
fn baseline_backprop_matches_central_finite_differences_for_every_activation_and_loss() {
    for act in ACTIVATIONS {
        let (mlp, x, y) = setup(act, 5);
        assert_baseline_matches_finite_differences(&mlp, &x, &y, &format!("{act:?}"));
    }
}

/// No hidden layer (`layers=0`): the output unit reads the inputs, logistic regression.
const NO_HIDDEN: &[usize] = &[2, 1];

#[test]
fn without_a_hidden_layer_baseline_and_engine_agree_with_finite_differences_and_each_other() {
    // The hidden activation has no unit to act on: every one gives the same network.
    for act in ACTIVATIONS {
        let (mlp, x, y) = shaped(NO_HIDDEN, false, act, 5);
        assert_eq!(mlp.layers.len(), 1, "the output layer alone");
        let what = format!("no hidden layer, {act:?}");
        assert_baseline_matches_finite_differences(&mlp, &x, &y, &what);
        assert_engine_matches_baseline(&mlp, &x, &y, &what);
    }
}

#[test]
fn without_a_hidden_layer_a_weights_gradient_is_its_input_times_delta_even_at_zero() {
    // ∂loss/∂w_i = x_i·δ with δ = p − y for cross-entropy: at w = 0, p = ½ for every point,
    // so the gradient is (1/n)·Σ x_i·(½ − y), which no symmetry forces to 0 (unlike a hidden
    // unit's, whose δ carries the zero weight above it).
    let (mut mlp, x, y) = shaped(NO_HIDDEN, false, Activation::Tanh, 7);
    mlp.params.fill(0.0);
    let (_, grads) = engine_loss_and_gradient(&mlp, &x, &y, Loss::Bce);
    let n = y.len();
    for i in 0..2 {
        let expected: f64 = (0..n).map(|k| x[2 * k + i] * (0.5 - y[k])).sum::<f64>() / n as f64;
        assert!(expected.abs() > 1e-3, "random inputs give a non-zero sum");
        assert!(
            (grads[i] as f64 - expected).abs() <= 1e-6,
            "w_{i}: {} vs x·δ = {expected}",
            grads[i]
        );
    }
}

#[test]
fn without_a_hidden_layer_engine_training_follows_the_baseline_step_for_step() {
    let (mut mlp, x, y) = shaped(NO_HIDDEN, false, Activation::Relu, 3);
    let mut plain = baseline::Mlp::from_engine(&mlp);
    let mut trainer = Trainer::new(&mlp, 4);
    let batches = [vec![0, 1, 2, 3], vec![4, 5, 0, 1], vec![2, 3, 4, 5]];
    let all: Vec<usize> = (0..y.len()).collect();
    for step in 0..300 {
        let batch = &batches[step % 3];
        trainer
            .step(&mut mlp, &x, &y, batch, Loss::Bce, 0.5, 0.0)
            .expect("logistic regression stays finite");
        plain.sgd_step(&x, &y, batch, Loss::Bce, 0.5);
        // As for the hidden-layer nets: f32 against f64, within 1e-4 after 300 steps.
        let (a, b) = (
            baseline::Mlp::from_engine(&mlp).mean_loss(&x, &y, &all, Loss::Bce),
            plain.mean_loss(&x, &y, &all, Loss::Bce),
        );
        assert!(
            (a - b).abs() <= 1e-4 * b.abs().max(1e-2),
            "step {step}: {a} vs {b}"
        );
    }
}

#[test]
fn baseline_shortcut_backprop_matches_central_finite_differences() {
    for sizes in SHORTCUT_SIZES {
        for act in ACTIVATIONS {
            let (mlp, x, y) = shaped(sizes, true, act, 5);
            let hidden = sizes[sizes.len() - 2];
            assert_eq!(mlp.layers.last().unwrap().n_in, hidden + 2, "{sizes:?}");
            let what = format!("{sizes:?} + shortcut, {act:?}");
            assert_baseline_matches_finite_differences(&mlp, &x, &y, &what);
        }
    }
}

#[test]
fn engine_gradients_and_losses_equal_the_f64_baseline_within_f32_precision() {
    for act in ACTIVATIONS {
        let (mlp, x, y) = setup(act, 9);
        assert_engine_matches_baseline(&mlp, &x, &y, &format!("{act:?}"));
    }
}

#[test]
fn engine_shortcut_gradients_equal_the_f64_baseline_within_f32_precision() {
    for sizes in SHORTCUT_SIZES {
        for act in ACTIVATIONS {
            let (mlp, x, y) = shaped(sizes, true, act, 9);
            let what = format!("{sizes:?} + shortcut, {act:?}");
            assert_engine_matches_baseline(&mlp, &x, &y, &what);
        }
    }
}

#[test]
fn a_shortcut_with_zero_weights_computes_the_plain_network_bit_for_bit() {
    for act in ACTIVATIONS {
        let (plain, x, y) = setup(act, 9);
        let mut with = Mlp::with_shortcut(&plain.sizes, act, true);
        // Every parameter copied across; the output's 2 shortcut weights (the last two
        // columns of its weight row) stay 0.
        for (p, q) in plain.layers.iter().zip(&with.layers) {
            for j in 0..p.n_out {
                let row = p.w_at + j * p.n_in..p.w_at + (j + 1) * p.n_in;
                let at = q.w_at + j * q.n_in;
                with.params[at..at + p.n_in].copy_from_slice(&plain.params[row]);
            }
            with.params[q.biases()].copy_from_slice(&plain.params[p.biases()]);
        }
        let out = *with.layers.last().unwrap();
        let shortcut_weights = [out.biases().start - 2, out.biases().start - 1];
        for loss in LOSSES {
            let (l1, g1) = engine_loss_and_gradient(&plain, &x, &y, loss);
            let (l2, g2) = engine_loss_and_gradient(&with, &x, &y, loss);
            // z_L only gains the terms 0·x: the loss and every gradient of the plain
            // network's parameters are the same bits.
            assert_eq!(l1, l2, "{act:?}/{loss:?} loss");
            let kept: Vec<f32> = (0..g2.len())
                .filter(|k| !shortcut_weights.contains(k))
                .map(|k| g2[k])
                .collect();
            assert_eq!(g1, kept, "{act:?}/{loss:?} gradient");
            // The shortcut weights' gradient is δ·x like any weight's: not 0 on random data.
            assert!(shortcut_weights.iter().all(|&k| g2[k] != 0.0));
        }
    }
}

#[test]
fn engine_training_follows_the_baseline_step_for_step() {
    let (mut mlp, x, y) = setup(Activation::Tanh, 3);
    let mut plain = baseline::Mlp::from_engine(&mlp);
    let mut trainer = Trainer::new(&mlp, 4);
    let batches = [vec![0, 1, 2, 3], vec![4, 5, 0, 1], vec![2, 3, 4, 5]];
    let all: Vec<usize> = (0..y.len()).collect();
    for step in 0..300 {
        let batch = &batches[step % 3];
        trainer
            .step(&mut mlp, &x, &y, batch, Loss::Bce, 0.1, 0.0)
            .expect("a small net stays finite");
        plain.sgd_step(&x, &y, batch, Loss::Bce, 0.1);
        // f32 against f64: each step adds ~1e-7 relative error; over 300 contracting SGD steps
        // the trajectories stay within 1e-4.
        let (a, b) = (
            baseline::Mlp::from_engine(&mlp).mean_loss(&x, &y, &all, Loss::Bce),
            plain.mean_loss(&x, &y, &all, Loss::Bce),
        );
        assert!(
            (a - b).abs() <= 1e-4 * b.abs().max(1e-2),
            "step {step}: {a} vs {b}"
        );
    }
    let replayed = baseline::Mlp::from_engine(&mlp);
    for (la, lb) in replayed.layers.iter().zip(&plain.layers) {
        for (na, nb) in la.neurons.iter().zip(&lb.neurons) {
            assert!((na.b - nb.b).abs() < 1e-4);
            for (wa, wb) in na.w.iter().zip(&nb.w) {
                assert!((wa - wb).abs() < 1e-4, "{wa} vs {wb}");
            }
        }
    }
}

#[test]
fn chunked_batches_give_the_same_gradient_as_one_pass() {
    let (mlp, x, y) = setup(Activation::Sigmoid, 4);
    let batch: Vec<usize> = (0..y.len()).collect();
    let mut whole = Trainer::new(&mlp, 6);
    let mut chunked = Trainer::new(&mlp, 6);
    chunked.workspace = mlp.workspace(4); // forces chunks of 4 + 2
    let (mut m1, mut m2) = (mlp.clone(), mlp.clone());
    whole
        .step(&mut m1, &x, &y, &batch, Loss::Mse, 0.5, 0.0)
        .expect("a small net stays finite");
    chunked
        .step(&mut m2, &x, &y, &batch, Loss::Mse, 0.5, 0.0)
        .expect("a small net stays finite");
    // Every sum over samples continues in the same order across chunks: bit-identical.
    assert_eq!(whole.grads, chunked.grads);
    assert_eq!(m1.params, m2.params);
}

#[test]
fn engine_shortcut_training_follows_the_baseline_step_for_step() {
    for sizes in SHORTCUT_SIZES {
        let (mut mlp, x, y) = shaped(sizes, true, Activation::Sigmoid, 3);
        let mut plain = baseline::Mlp::from_engine(&mlp);
        assert!(plain.shortcut, "from_engine keeps the shortcut");
        let mut trainer = Trainer::new(&mlp, 4);
        let batches = [vec![0, 1, 2, 3], vec![4, 5, 0, 1], vec![2, 3, 4, 5]];
        let all: Vec<usize> = (0..y.len()).collect();
        for step in 0..300 {
            let batch = &batches[step % 3];
            trainer
                .step(&mut mlp, &x, &y, batch, Loss::Bce, 0.5, 0.0)
                .expect("a small net stays finite");
            plain.sgd_step(&x, &y, batch, Loss::Bce, 0.5);
            let (a, b) = (
                baseline::Mlp::from_engine(&mlp).mean_loss(&x, &y, &all, Loss::Bce),
                plain.mean_loss(&x, &y, &all, Loss::Bce),
            );
            assert!(
                (a - b).abs() <= 1e-4 * b.abs().max(1e-2),
                "{sizes:?} step {step}: {a} vs {b}"
            );
        }
    }
}

#[test]
fn chunked_batches_give_the_same_shortcut_gradient_as_one_pass() {
    let (mlp, x, y) = shaped(&[2, 3, 1], true, Activation::Tanh, 4);
    let batch: Vec<usize> = (0..y.len()).collect();
    let mut whole = Trainer::new(&mlp, 6);
    let mut chunked = Trainer::new(&mlp, 6);
    chunked.workspace = mlp.workspace(4); // forces chunks of 4 + 2
    let (mut m1, mut m2) = (mlp.clone(), mlp.clone());
    for _ in 0..3 {
        whole
            .step(&mut m1, &x, &y, &batch, Loss::Bce, 0.5, 0.0)
            .expect("a small net stays finite");
        chunked
            .step(&mut m2, &x, &y, &batch, Loss::Bce, 0.5, 0.0)
            .expect("a small net stays finite");
    }
    // The copied input rows are refreshed for every chunk: bit-identical.
    assert_eq!(whole.grads, chunked.grads);
    assert_eq!(m1.params, m2.params);
}

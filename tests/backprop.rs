//! Backprop is right: the engine's gradients equal central finite differences of its own
//! loss, and equal the plain per-sample baseline's, for every activation and both losses.

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

/// A small random network and a batch of random inputs with 0/1 labels.
fn setup(act: Activation, seed: u64) -> (Mlp, Vec<f64>, Vec<f64>) {
    let mut mlp = Mlp::new(&[2, 4, 3, 1], act);
    let mut rng = Rng::seed_from(seed);
    Distribution::Normal { std: 0.8 }.fill(&mut rng, &mut mlp.params);
    let n = 6;
    let x: Vec<f64> = (0..2 * n).map(|_| rng.standard_normal()).collect();
    let y: Vec<f64> = (0..n).map(|k| (k % 2) as f64).collect();
    (mlp, x, y)
}

/// Mean loss over the whole batch at the given parameters.
fn mean_loss(mlp: &Mlp, x: &[f64], y: &[f64], loss: Loss) -> f64 {
    let n = y.len();
    let mut ws = mlp.workspace(n);
    ws.load(x, y, 0..n);
    mlp.forward(&mut ws);
    let mut grads = vec![0.0; mlp.params.len()];
    mlp.backward(&mut ws, loss, 1.0 / n as f64, &mut grads) / n as f64
}

fn engine_gradient(mlp: &Mlp, x: &[f64], y: &[f64], loss: Loss) -> Vec<f64> {
    let n = y.len();
    let mut ws = mlp.workspace(n);
    ws.load(x, y, 0..n);
    mlp.forward(&mut ws);
    let mut grads = vec![0.0; mlp.params.len()];
    mlp.backward(&mut ws, loss, 1.0 / n as f64, &mut grads);
    grads
}

/// True when no ReLU pre-activation sits within `margin` of its kink, where finite differences are meaningless.
fn away_from_kinks(mlp: &Mlp, x: &[f64], y: &[f64], margin: f64) -> bool {
    let n = y.len();
    let mut ws = mlp.workspace(n);
    ws.load(x, y, 0..n);
    mlp.forward(&mut ws);
    (0..mlp.layers.len() - 1).all(|l| {
        (0..mlp.layers[l].n_out).all(|j| ws.unit(&ws.z, l + 1, j).iter().all(|z| z.abs() > margin))
    })
}

#[test]
fn backprop_matches_central_finite_differences_for_every_activation_and_loss() {
    for act in ACTIVATIONS {
        for loss in LOSSES {
            let (mlp, x, y) = setup(act, 5);
            assert!(
                away_from_kinks(&mlp, &x, &y, 1e-3),
                "pick another seed: a ReLU sits on its kink"
            );
            let analytic = engine_gradient(&mlp, &x, &y, loss);
            // Central differences err by h²·f'''/6 ≈ 1e-11 and by rounding ε·L/h ≈ 1e-11 at h = 1e-5,
            // far below the 1e-6 relative tolerance.
            let h = 1e-5;
            for (k, &backprop) in analytic.iter().enumerate() {
                let (mut plus, mut minus) = (mlp.clone(), mlp.clone());
                plus.params[k] += h;
                minus.params[k] -= h;
                let numeric =
                    (mean_loss(&plus, &x, &y, loss) - mean_loss(&minus, &x, &y, loss)) / (2.0 * h);
                let scale = backprop.abs().max(numeric.abs()).max(1e-4);
                assert!(
                    (backprop - numeric).abs() <= 1e-6 * scale,
                    "{act:?}/{loss:?} param {k}: backprop {} vs finite difference {numeric}",
                    backprop
                );
            }
        }
    }
}

#[test]
fn engine_gradients_and_losses_equal_the_textbook_baseline() {
    for act in ACTIVATIONS {
        for loss in LOSSES {
            let (mlp, x, y) = setup(act, 9);
            let plain = baseline::Mlp::from_engine(&mlp);
            let batch: Vec<usize> = (0..y.len()).collect();
            let (plain_loss, plain_grads) = plain.batch_gradients(&x, &y, &batch, loss);
            let fast = engine_gradient(&mlp, &x, &y, loss);
            // Same formulas, sums in a different order: agreement to a few ulps, 1e-12 relative is ample.
            assert!((mean_loss(&mlp, &x, &y, loss) - plain_loss).abs() <= 1e-12 * plain_loss.abs());
            for (l, shape) in mlp.layers.iter().enumerate() {
                for j in 0..shape.n_out {
                    for i in 0..shape.n_in {
                        let (a, b) = (
                            fast[shape.w_at + j * shape.n_in + i],
                            plain_grads.dw[l][j][i],
                        );
                        assert!(
                            (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1e-12),
                            "{act:?}/{loss:?} dW[{l}][{j}][{i}]: {a} vs {b}"
                        );
                    }
                    let (a, b) = (fast[shape.b_at + j], plain_grads.db[l][j]);
                    assert!(
                        (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1e-12),
                        "{act:?}/{loss:?} db[{l}][{j}]: {a} vs {b}"
                    );
                }
            }
        }
    }
}

#[test]
fn engine_training_follows_the_baseline_step_for_step() {
    let (mut mlp, x, y) = setup(Activation::Tanh, 3);
    let mut plain = baseline::Mlp::from_engine(&mlp);
    // Batches of 4 out of 6, including a batch larger than one chunk would be for capacity 2.
    let mut trainer = Trainer::new(&mlp, 4);
    let batches = [vec![0, 1, 2, 3], vec![4, 5, 0, 1], vec![2, 3, 4, 5]];
    for step in 0..300 {
        let batch = &batches[step % 3];
        let a = trainer.step(&mut mlp, &x, &y, batch, Loss::Bce, 0.1, 0.0);
        let b = plain.sgd_step(&x, &y, batch, Loss::Bce, 0.1);
        assert!(
            (a - b).abs() <= 1e-10 * b.abs().max(1e-3),
            "step {step}: {a} vs {b}"
        );
    }
    // After 300 steps rounding differences (1e-16 per op) have grown but stay far below 1e-9.
    let replayed = baseline::Mlp::from_engine(&mlp);
    for (la, lb) in replayed.layers.iter().zip(&plain.layers) {
        for (na, nb) in la.neurons.iter().zip(&lb.neurons) {
            assert!((na.b - nb.b).abs() < 1e-9);
            for (wa, wb) in na.w.iter().zip(&nb.w) {
                assert!((wa - wb).abs() < 1e-9, "{wa} vs {wb}");
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
    whole.step(&mut m1, &x, &y, &batch, Loss::Mse, 0.5, 0.0);
    chunked.step(&mut m2, &x, &y, &batch, Loss::Mse, 0.5, 0.0);
    // Every sum over samples runs in the same order either way, so the results are bit-identical.
    assert_eq!(whole.grads, chunked.grads);
    assert_eq!(m1.params, m2.params);
}

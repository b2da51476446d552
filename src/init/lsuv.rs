//! LSUV, layer-sequential unit-variance initialisation (Mishkin & Matas 2016, "All you need
//! is a good init").
//!
//! Start from an orthogonal init (gain 1). Then, from the first layer to the output, feed a
//! batch of training points through the network and rescale the layer's weights,
//! W ← W/√Var(z), until the variance of its pre-activations z on that batch is 1 ± 0.1 (the
//! paper's tolerance), at most 10 times per layer. Each layer is rescaled before the next one
//! is measured, so every layer sees inputs of the scale it will have.
//!
//! Unlike every other init this one depends on the data, so it runs where the data is (the
//! experiment) and says what it did per layer ([`LsuvOutcome`]). With zero biases one
//! rescaling suffices: Var(s·z) = s²·Var(z). Biases do not scale with W, so with them it can
//! take more, and a layer whose z barely depends on W (inputs all 0: dead ReLUs) cannot
//! reach 1 at all: it stops and says so.
//!
//! The measurement is plain f64 arithmetic on the drawn f32 weights (Σ w·a, then
//! [`Activation::apply`], which is `libm`'s on every target), so it gives the same bits
//! natively and in wasm; the engine's f32 forward pass agrees with it to about 1e-6.

use super::{Distribution, LayerInit, LsuvOutcome};
use crate::activation::Activation;
use crate::mlp::Mlp;
use crate::real::Real;

/// The paper's tolerance: a layer is done once |Var(z) − 1| < this.
pub const TOLERANCE: f64 = 0.1;
/// The paper's cap on rescalings per layer.
pub const MAX_ITERATIONS: usize = 10;
/// Training points in LSUV's batch: the first ones of the (shuffled) training set, all of
/// them if there are fewer. Fixed, not the `batch` key: a new batch size changes the
/// training steps only, never the init.
pub const BATCH: usize = 256;
/// Largest |w| a rescaling may produce: far beyond any useful weight, far below f32's
/// 3.4e38. A layer whose z is almost constant (nearly every input 0) would ask for a factor
/// that overflows; it stops short instead and says it did not converge.
const MAX_WEIGHT: f64 = 1e30;

/// Rescales every weight layer of `mlp` in turn (hidden layers, then the output) so that its
/// pre-activations on the first [`BATCH`] points of `x` (sample-major rows of the network's
/// inputs) have variance 1 ± [`TOLERANCE`]; records each layer's outcome, and its new σ, in
/// `inits` (one per weight layer).
pub fn rescale(mlp: &mut Mlp, x: &[f64], inits: &mut [LayerInit]) {
    let n_in = mlp.sizes[0];
    let points = (x.len() / n_in.max(1)).min(BATCH);
    let inputs = &x[..points * n_in];
    // a: the current layer's inputs, sample-major (points × width).
    let mut a = inputs.to_vec();
    let top = mlp.layers.len();
    for (l, init) in inits.iter_mut().enumerate().take(top) {
        let shape = mlp.layers[l];
        if mlp.shortcut && l + 1 == top {
            a = with_shortcut(&a, inputs, points);
        }
        let w = &mlp.params[shape.weights()];
        let b: Vec<f64> = mlp.params[shape.biases()]
            .iter()
            .map(|&v| v as f64)
            .collect();
        // u = W·a, the part of z that scales with W; z = s·u + b.
        let u = matmul(w, &a, shape.n_out, shape.n_in, points);
        let largest = w.iter().fold(0.0f64, |m, &x| m.max((x as f64).abs()));
        let outcome = rescale_layer(&u, &b, points, largest);
        for w in &mut mlp.params[shape.weights()] {
            *w = (*w as f64 * outcome.scale) as Real;
        }
        let sigma = init.sigma_used * outcome.scale;
        init.sigma_used = sigma;
        init.sigma_requested = sigma;
        init.distribution = Distribution::Normal { std: sigma };
        init.lsuv = Some(outcome);
        let g = mlp.activation_of(l);
        a = activations(&u, &b, outcome.scale, g);
    }
}

/// The inputs of a shortcut net's output layer: the last hidden layer's outputs, then the
/// network's inputs, per point (as the engine's output row reads them).
fn with_shortcut(hidden: &[f64], inputs: &[f64], points: usize) -> Vec<f64> {
    let (h, n) = (hidden.len() / points.max(1), inputs.len() / points.max(1));
    let mut joined = Vec::with_capacity(points * (h + n));
    for s in 0..points {
        joined.extend_from_slice(&hidden[s * h..s * h + h]);
        joined.extend_from_slice(&inputs[s * n..s * n + n]);
    }
    joined
}

/// u[s][j] = Σ_i W[j][i]·a[s][i] (W rows × cols row-major, a points × cols), points × rows;
/// each sum in the fixed order of [`orthogonal::dot`](super::orthogonal), four lanes at once.
fn matmul(w: &[Real], a: &[f64], rows: usize, cols: usize, points: usize) -> Vec<f64> {
    let w: Vec<f64> = w.iter().map(|&x| x as f64).collect();
    let mut u = vec![0.0; points * rows];
    for s in 0..points {
        let a_s = &a[s * cols..s * cols + cols];
        for j in 0..rows {
            u[s * rows + j] = super::orthogonal::dot(&w[j * cols..j * cols + cols], a_s);
        }
    }
    u
}

/// Var(s·u + b) over every (point, unit) pair (population form: the batch is all LSUV sees).
fn variance(u: &[f64], b: &[f64], s: f64) -> f64 {
    let n = u.len() as f64;
    let z = |k: usize| s * u[k] + b[k % b.len()];
    let mean = (0..u.len()).map(z).sum::<f64>() / n;
    (0..u.len()).map(|k| (z(k) - mean).powi(2)).sum::<f64>() / n
}

/// The paper's loop for one layer: while |Var(z) − 1| ≥ tolerance and fewer than
/// [`MAX_ITERATIONS`] rescalings, W ← W/√Var(z).
fn rescale_layer(u: &[f64], b: &[f64], points: usize, largest_weight: f64) -> LsuvOutcome {
    let mut outcome = LsuvOutcome {
        iterations: 0,
        variance: if points == 0 || b.is_empty() {
            f64::NAN
        } else {
            variance(u, b, 1.0)
        },
        converged: false,
        scale: 1.0,
    };
    // If z does not depend on W (u = 0 everywhere), no rescaling can change Var(z).
    let scalable = points > 0 && !b.is_empty() && variance(u, &vec![0.0; b.len()], 1.0) > 0.0;
    loop {
        let var = outcome.variance;
        outcome.converged = (var - 1.0).abs() < TOLERANCE;
        if outcome.converged || !scalable || outcome.iterations == MAX_ITERATIONS {
            return outcome;
        }
        if !(var.is_finite() && var > 0.0) {
            return outcome;
        }
        let scale = outcome.scale / var.sqrt();
        // NaN (0 × ∞) counts as too large.
        if (largest_weight * scale).partial_cmp(&MAX_WEIGHT) != Some(std::cmp::Ordering::Less) {
            return outcome;
        }
        outcome.scale = scale;
        outcome.iterations += 1;
        outcome.variance = variance(u, b, outcome.scale);
    }
}

/// g(s·u + b) for every (point, unit) pair: the next layer's inputs.
fn activations(u: &[f64], b: &[f64], s: f64, g: Activation) -> Vec<f64> {
    u.iter()
        .enumerate()
        .map(|(k, &v)| g.apply(s * v + b[k % b.len()]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rescaling_reaches_unit_variance_without_biases() {
        let u: Vec<f64> = (0..40).map(|k| (k as f64 - 19.5) * 0.3).collect();
        let outcome = rescale_layer(&u, &[0.0, 0.0, 0.0, 0.0], 10, 1.0);
        assert_eq!(outcome.iterations, 1);
        assert!((outcome.variance - 1.0).abs() < 1e-12, "{outcome:?}");
        assert!(outcome.converged);
    }

    #[test]
    fn biases_spread_wider_than_the_target_hit_the_cap_and_say_so() {
        // Var(z) ≥ Var(b) = 4 whatever W is: ten rescalings, then it stops short.
        let u: Vec<f64> = (0..40).map(|k| ((k * 7) % 11) as f64 - 5.0).collect();
        let outcome = rescale_layer(&u, &[2.0, -2.0, 2.0, -2.0], 10, 1.0);
        assert_eq!(outcome.iterations, MAX_ITERATIONS);
        assert!(
            !outcome.converged && outcome.variance > 1.0 + TOLERANCE,
            "{outcome:?}"
        );
    }

    #[test]
    fn a_rescaling_that_would_overflow_the_weights_is_not_made() {
        // Var(u) = 1e-80 asks for a factor 1e40: weights of 0.1 would pass f32's range.
        let u: Vec<f64> = (0..8)
            .map(|k| if k % 2 == 0 { 1e-40 } else { -1e-40 })
            .collect();
        let outcome = rescale_layer(&u, &[0.0, 0.0], 4, 0.1);
        assert_eq!((outcome.iterations, outcome.scale), (0, 1.0));
        assert!(!outcome.converged);
    }

    #[test]
    fn a_layer_whose_output_ignores_its_weights_stops_and_says_so() {
        // Every input 0 (dead ReLUs below): z = b whatever W is.
        let outcome = rescale_layer(&[0.0; 8], &[0.5, -0.5], 4, 1.0);
        assert_eq!(outcome.iterations, 0);
        assert!(!outcome.converged);
        assert_eq!(outcome.scale, 1.0);
    }
}

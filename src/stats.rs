//! Per-layer statistics over the whole training set at the current weights.
//!
//! They are what the page draws: a histogram of each layer's pre-activations z over
//! the activation curve, how many units are saturated or dead, whether the hidden units
//! are still copies of each other, and how big the gradient is at each depth. They use
//! all training points (not one mini-batch), so they are stable from frame to frame and
//! exist before the first step.

use crate::activation::Activation;
use crate::data::Split;
use crate::init::LayerInit;
use crate::loss::Loss;
use crate::mlp::{Mlp, Workspace};
use crate::real::Real;
use serde::Serialize;

/// Bins of every histogram.
pub const BINS: usize = 40;

/// Two parameters count as equal within this relative tolerance when counting distinct units.
pub const SAME_UNIT_TOLERANCE: f64 = 1e-12;

/// Counts over `BINS` equal bins on [lo, hi]; values beyond the range land in the edge bins.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Histogram {
    pub lo: f64,
    pub hi: f64,
    pub counts: Vec<u32>,
}

impl Histogram {
    pub fn new(lo: f64, hi: f64) -> Self {
        Histogram {
            lo,
            hi,
            counts: vec![0; BINS],
        }
    }

    /// Count x (NaN is not counted: a diverged run has no meaningful histogram).
    pub fn add(&mut self, x: f64) {
        if x.is_nan() {
            return;
        }
        let t = (x - self.lo) * (BINS as f64 / (self.hi - self.lo));
        let bin = if t < 0.0 {
            0
        } else {
            (t as usize).min(BINS - 1)
        };
        self.counts[bin] += 1;
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().map(|&c| c as u64).sum()
    }
}

/// The z range drawn for an activation: wide enough to show where it saturates.
pub fn z_range(act: Activation) -> (f64, f64) {
    match act {
        Activation::Sigmoid => (-10.0, 10.0),
        _ => (-5.0, 5.0),
    }
}

fn a_range(act: Activation) -> (f64, f64) {
    match act {
        Activation::Sigmoid => (0.0, 1.0),
        Activation::Tanh => (-1.0, 1.0),
        Activation::Relu => (0.0, 5.0),
        Activation::Linear => (-5.0, 5.0),
    }
}

/// Gradients are binned by log10 |∂loss/∂w| on this range, so vanishing shows as a shift left.
pub const GRAD_LOG10_RANGE: (f64, f64) = (-12.0, 2.0);

/// What one weight layer (hidden layers, then the output) looks like now.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerStats {
    /// Units in the layer.
    pub size: usize,
    /// σ the scale rule asked for (the "requested" std; 0 for zeros and constants).
    pub sigma_requested: f64,
    /// σ its weights were drawn with, before truncation (after any variance correction).
    pub sigma_used: f64,
    /// Exact mean and std of the distribution actually sampled (after truncation).
    pub mean_actual: f64,
    pub std_actual: f64,
    /// Mean and std of z over all (unit, training point) pairs.
    pub z_mean: f64,
    pub z_std: f64,
    /// √(fan_in · Var(w) · E[a_prev²] + Var(b)): the variance-scaling prediction from the layer
    /// below, with Var(w) and Var(b) of the layer's current weights and biases (at step 0 the
    /// sampled init; later it shows where training has broken the independence it assumes).
    pub z_std_predicted: f64,
    /// Share of (unit, point) pairs where g'(z) < 1 % of its maximum.
    pub saturated: f64,
    /// Share of ReLU units that output 0 on every training point (0 for other activations).
    pub dead: f64,
    /// Units whose incoming weights and bias differ from every other unit's (1 = all identical).
    pub distinct_units: usize,
    /// ‖∂(mean training loss)/∂(W, b)‖ for this layer.
    pub grad_norm: f64,
    pub z_hist: Histogram,
    pub a_hist: Histogram,
    /// Histogram of the layer's current weights, over the range of its init distribution
    /// widened to hold every current weight.
    pub w_hist: Histogram,
    /// Histogram of log10 |∂loss/∂w| over the layer's weights (exact zeros are not counted).
    pub grad_hist: Histogram,
    /// Weights whose gradient is exactly 0.
    pub grad_zeros: usize,
    /// log10 of the share of the parent normal the truncation interval keeps (0 when the init
    /// is not truncated). A logarithm, because far tails keep shares no double can hold:
    /// [8σ, 9σ] keeps 6.2e-16, [40σ, 41σ] about 10^-349.4.
    pub mass_log10: f64,
}

impl LayerStats {
    /// True when every number in it is finite, as the numbers of a run that has not diverged are.
    pub fn is_finite(&self) -> bool {
        let histograms = [&self.z_hist, &self.a_hist, &self.w_hist, &self.grad_hist];
        [
            self.sigma_requested,
            self.sigma_used,
            self.mean_actual,
            self.std_actual,
            self.z_mean,
            self.z_std,
            self.z_std_predicted,
            self.saturated,
            self.dead,
            self.grad_norm,
            self.mass_log10,
        ]
        .iter()
        .chain(histograms.iter().flat_map(|h| [&h.lo, &h.hi]))
        .all(|x| x.is_finite())
    }
}

/// Loss and accuracy of the network on one split.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    /// Mean loss; NaN when any layer's z was not finite on some point (the run has diverged,
    /// even if the output looks fine: ReLU turns a z of −∞ into a harmless 0).
    pub loss: f64,
    pub accuracy: f64,
}

impl Score {
    /// False once the network has diverged on this split.
    pub fn is_finite(&self) -> bool {
        self.loss.is_finite() && self.accuracy.is_finite()
    }
}

/// Scratch for evaluations, sized once per network.
#[derive(Clone, Debug)]
pub struct Evaluator {
    ws: Workspace,
    grads: Vec<Real>,
}

impl Evaluator {
    pub fn new(mlp: &Mlp) -> Self {
        Evaluator {
            ws: mlp.workspace(crate::mlp::CHUNK),
            grads: vec![0.0; mlp.params.len()],
        }
    }

    /// Scratch space for one chunk, for callers that run their own forward passes.
    pub fn workspace(&mut self) -> &mut Workspace {
        &mut self.ws
    }

    /// Mean loss and accuracy (p > ½ predicts class 1) over a split.
    pub fn score(&mut self, mlp: &Mlp, split: &Split, loss: Loss) -> Score {
        let n = split.len();
        let (mut total, mut correct) = (0.0, 0usize);
        let top = mlp.layers.len();
        for start in (0..n).step_by(self.ws.capacity) {
            let end = (start + self.ws.capacity).min(n);
            self.ws.load(&split.x, &split.y, start..end);
            if mlp.forward(&mut self.ws).is_err() {
                total = f64::NAN;
            }
            let z = self.ws.unit(&self.ws.z, top, 0);
            for (s, &z) in z.iter().enumerate() {
                let (z, y) = (z as f64, self.ws.y[s]);
                total += loss.value(z, y);
                correct += usize::from((z > 0.0) == (y == 1.0));
            }
        }
        Score {
            loss: total / n as f64,
            accuracy: correct as f64 / n as f64,
        }
    }

    /// Every layer's statistics over the training split, and the training score.
    pub fn layer_stats(
        &mut self,
        mlp: &Mlp,
        inits: &[LayerInit],
        train: &Split,
        loss: Loss,
    ) -> (Vec<LayerStats>, Score) {
        let n = train.len();
        let depth = mlp.layers.len();
        let mut z_hist: Vec<Histogram> = (0..depth)
            .map(|l| {
                let (lo, hi) = z_range(mlp.activation_of(l));
                Histogram::new(lo, hi)
            })
            .collect();
        let mut a_hist: Vec<Histogram> = (0..depth)
            .map(|l| {
                let (lo, hi) = a_range(mlp.activation_of(l));
                Histogram::new(lo, hi)
            })
            .collect();
        let mut z_sum = vec![0.0; depth];
        let mut z_sq = vec![0.0; depth];
        // E[a²] of each layer's input: index 0 is the data, l + 1 is layer l's output.
        let mut a_sq = vec![0.0; depth + 1];
        let mut saturated = vec![0usize; depth];
        let mut alive: Vec<Vec<bool>> = mlp.layers.iter().map(|s| vec![false; s.n_out]).collect();
        let (mut total, mut correct) = (0.0, 0usize);
        self.grads.fill(0.0);
        let scale = 1.0 / n as f64;
        for start in (0..n).step_by(self.ws.capacity) {
            let end = (start + self.ws.capacity).min(n);
            self.ws.load(&train.x, &train.y, start..end);
            if mlp.forward(&mut self.ws).is_err() {
                total = f64::NAN;
            }
            for i in 0..mlp.sizes[0] {
                a_sq[0] += self
                    .ws
                    .unit(&self.ws.a, 0, i)
                    .iter()
                    .map(|&x| x as f64 * x as f64)
                    .sum::<f64>();
            }
            for (l, alive_l) in alive.iter_mut().enumerate() {
                let g = mlp.activation_of(l);
                for (j, alive_j) in alive_l.iter_mut().enumerate() {
                    let (zs, as_) = (
                        self.ws.unit(&self.ws.z, l + 1, j),
                        self.ws.unit(&self.ws.a, l + 1, j),
                    );
                    for (&z, &a) in zs.iter().zip(as_) {
                        let (z, a) = (z as f64, a as f64);
                        z_hist[l].add(z);
                        a_hist[l].add(a);
                        z_sum[l] += z;
                        z_sq[l] += z * z;
                        a_sq[l + 1] += a * a;
                        saturated[l] += usize::from(g.is_saturated(z, a));
                        *alive_j |= a != 0.0;
                    }
                }
            }
            let z_out = self.ws.unit(&self.ws.z, depth, 0);
            for (s, &z) in z_out.iter().enumerate() {
                correct += usize::from((z > 0.0) == (self.ws.y[s] == 1.0));
            }
            total += mlp.loss_sum(&self.ws, loss);
            mlp.backward(&mut self.ws, loss, scale, &mut self.grads);
        }
        let stats = mlp
            .layers
            .iter()
            .enumerate()
            .map(|(l, shape)| {
                let pairs = (shape.n_out * n) as f64;
                let z_mean = z_sum[l] / pairs;
                // Rounding can make the difference slightly negative; NaN (a diverged run) stays NaN.
                let z_var = z_sq[l] / pairs - z_mean * z_mean;
                let z_var = if z_var < 0.0 { 0.0 } else { z_var };
                let inputs_sq = a_sq[l] / (shape.n_in * n) as f64;
                let init = &inits[l];
                let predicted =
                    shape.n_in as f64 * sample_variance(&mlp.params[shape.weights()]) * inputs_sq
                        + sample_variance(&mlp.params[shape.biases()]);
                let grads = &self.grads[shape.all()];
                let (glo, ghi) = GRAD_LOG10_RANGE;
                let mut grad_hist = Histogram::new(glo, ghi);
                let mut grad_zeros = 0;
                for &gw in &self.grads[shape.weights()] {
                    if gw == 0.0 {
                        grad_zeros += 1;
                    } else {
                        grad_hist.add(libm::log10(gw.abs() as f64));
                    }
                }
                // The init's range, widened to wherever training has moved the weights since.
                let (wlo, whi) = mlp.params[shape.weights()]
                    .iter()
                    .filter(|w| w.is_finite())
                    .fold(init.distribution.support(), |(lo, hi), &w| {
                        (lo.min(w as f64), hi.max(w as f64))
                    });
                let mut w_hist = Histogram::new(wlo, whi);
                for &w in &mlp.params[shape.weights()] {
                    w_hist.add(w as f64);
                }
                let dead = if mlp.activation_of(l) == Activation::Relu {
                    alive[l].iter().filter(|&&alive| !alive).count() as f64 / shape.n_out as f64
                } else {
                    0.0
                };
                LayerStats {
                    size: shape.n_out,
                    sigma_requested: init.sigma_requested,
                    sigma_used: init.sigma_used,
                    mean_actual: init.distribution.mean(),
                    std_actual: init.distribution.std(),
                    z_mean,
                    z_std: libm::sqrt(z_var),
                    z_std_predicted: libm::sqrt(predicted),
                    saturated: saturated[l] as f64 / pairs,
                    dead,
                    distinct_units: distinct_units(mlp, l),
                    grad_norm: libm::sqrt(grads.iter().map(|&g| g as f64 * g as f64).sum::<f64>()),
                    z_hist: z_hist[l].clone(),
                    a_hist: a_hist[l].clone(),
                    w_hist,
                    grad_hist,
                    grad_zeros,
                    mass_log10: init.distribution.log_mass() / std::f64::consts::LN_10,
                }
            })
            .collect();
        let score = Score {
            loss: total * scale,
            accuracy: correct as f64 / n as f64,
        };
        (stats, score)
    }
}

/// Variance of a set of parameters (population form: they are the whole layer, not a sample of it).
fn sample_variance(xs: &[Real]) -> f64 {
    let n = xs.len() as f64;
    let mean = xs.iter().map(|&x| x as f64).sum::<f64>() / n;
    xs.iter()
        .map(|&x| (x as f64 - mean) * (x as f64 - mean))
        .sum::<f64>()
        / n
}

/// How many different units weight layer `l` has: units whose incoming weights and bias
/// all agree within [`SAME_UNIT_TOLERANCE`] (relative) count once.
///
/// Symmetric inits (zeros, constants) make every unit of a layer the same function of its
/// input, and gradient descent then moves them identically: this count stays 1 forever.
pub fn distinct_units(mlp: &Mlp, l: usize) -> usize {
    let shape = mlp.layers[l];
    let unit = |j: usize| {
        let w = &mlp.params[shape.w_at + j * shape.n_in..shape.w_at + (j + 1) * shape.n_in];
        w.iter()
            .copied()
            .chain(std::iter::once(mlp.params[shape.b_at + j]))
    };
    let same =
        |x: f64, y: f64| x == y || (x - y).abs() <= SAME_UNIT_TOLERANCE * x.abs().max(y.abs());
    let mut representatives: Vec<usize> = Vec::new();
    for j in 0..shape.n_out {
        if !representatives
            .iter()
            .any(|&r| unit(r).zip(unit(j)).all(|(x, y)| same(x as f64, y as f64)))
        {
            representatives.push(j);
        }
    }
    representatives.len()
}

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
use crate::loss::Head;
use crate::mlp::{LayerShape, Mlp, Workspace};
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
        if let Some(bin) = self.binner()(x) {
            self.counts[bin] += 1;
        }
    }

    /// Count every x of `xs`, as [`Histogram::add`] one by one would (the statistics' bulk path).
    ///
    /// Values go round-robin to four sets of counters, added up at the end: runs of values in
    /// the same bin then do not each wait for the previous increment to land in memory.
    pub fn add_reals(&mut self, xs: &[Real]) {
        let bin_of = self.binner();
        let mut counts = [[0u32; BINS]; 4];
        let quads = xs.chunks_exact(4);
        let rest = quads.remainder();
        for quad in quads {
            for (counts, &x) in counts.iter_mut().zip(quad) {
                if let Some(bin) = bin_of(x as f64) {
                    counts[bin] += 1;
                }
            }
        }
        for &x in rest {
            if let Some(bin) = bin_of(x as f64) {
                counts[0][bin] += 1;
            }
        }
        for (bin, total) in self.counts.iter_mut().enumerate() {
            *total += counts.iter().map(|c| c[bin]).sum::<u32>();
        }
    }

    /// The bin of x, or None for NaN; the bin width's reciprocal is worked out once.
    fn binner(&self) -> impl Fn(f64) -> Option<usize> {
        let (lo, scale) = (self.lo, BINS as f64 / (self.hi - self.lo));
        move |x| {
            if x.is_nan() {
                return None;
            }
            // Clamped to the edge bins before the conversion, which then needs no saturation.
            let t = (x - lo) * scale;
            let last = (BINS - 1) as f64;
            Some(if t < 0.0 {
                0
            } else if t > last {
                BINS - 1
            } else {
                t as u32 as usize
            })
        }
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
    /// "hidden 1" … "hidden k" for the hidden layers, "output" for the last (see [`layer_name`]).
    pub name: String,
    /// Name of the layer's activation g ("tanh", …); "sigmoid" for a one-unit output layer,
    /// "softmax" for a softmax output (the digits).
    pub activation: String,
    /// Inputs of each unit: the width of the layer below (2 for the first hidden layer, 64 on
    /// the digits), plus
    /// the 2 inputs for the output of a shortcut net (the XOR 2-1 net's output has fan_in 3).
    pub fan_in: usize,
    /// Units in the layer, i.e. outputs of its weight matrix (equal to `size`).
    pub fan_out: usize,
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
    /// The two live factors of that prediction: Var(w), the variance of the layer's current
    /// weights (population form), and E[a_prev²], the mean square of the layer's inputs (the
    /// layer below's outputs, or the standardised data for the first layer) over its inputs
    /// and the training points. The xavier lesson works Var(z) = n·Var(w)·E[a²] through with them.
    pub w_var: f64,
    pub a_in_sq: f64,
    /// Std of the back-propagated error δ = ∂loss/∂z over all (unit, training point) pairs,
    /// where `loss` is one point's loss (not the mean over the n points, which would divide
    /// every δ by n): for the output layer with cross-entropy, δ = p − y. Population std (÷ the
    /// number of pairs). It shrinks layer by layer going down when gradients vanish.
    pub delta_std: f64,
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
    /// The largest |w| of the layer's current weights in units of `sigma_used` (0 when the
    /// init has no σ: zeros, constants). A truncated normal cut at ±2σ keeps it at most 2 until
    /// training moves the weights; an uncut normal of n weights reaches about √(2 ln n).
    /// NaN weights (a diverged run) are skipped.
    pub w_max_abs_sigmas: f64,
    /// Histogram of log10 |∂loss/∂w| over the layer's weights (exact zeros are not counted).
    pub grad_hist: Histogram,
    /// Weights whose gradient is exactly 0.
    pub grad_zeros: usize,
    /// The largest |a − g(Σ inputs)| over (unit, point) pairs: how far each unit is from
    /// outputting its activation of the plain sum of its inputs, which it does exactly when every
    /// weight is 1 and every bias 0 (the constant-1 init at step 0; up to f32 rounding there).
    pub sum_gap: f64,
    /// The first step after which some weight of the layer was not 0 (0: from the start; None:
    /// every weight is still exactly 0). Zero init with sigmoid unfreezes its layers from the
    /// output down, and this is where the lesson reads when. Filled by the experiment.
    pub nonzero_since: Option<usize>,
    /// log10 of the share of the parent normal the truncation interval keeps (0 when the init
    /// is not truncated). A logarithm, because far tails keep shares no double can hold:
    /// [8σ, 9σ] keeps 6.2e-16, [40σ, 41σ] about 10^-349.4.
    pub mass_log10: f64,
    /// What LSUV did to the layer at init: rescalings, the variance reached, whether within
    /// 1 ± 0.1 (`None` unless `init=lsuv`).
    pub lsuv: Option<crate::init::LsuvOutcome>,
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
            self.w_var,
            self.a_in_sq,
            self.delta_std,
            self.saturated,
            self.dead,
            self.grad_norm,
            self.mass_log10,
            self.w_max_abs_sigmas,
        ]
        .iter()
        .chain(histograms.iter().flat_map(|h| [&h.lo, &h.hi]))
        .all(|x| x.is_finite())
    }
}

/// The name of weight layer `l` of `depth`: "hidden 1", "hidden 2", …, and "output" for the last.
pub fn layer_name(l: usize, depth: usize) -> String {
    if l + 1 == depth {
        "output".to_string()
    } else {
        format!("hidden {}", l + 1)
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

/// The mean training loss as the snapshot reports it: Σ_s loss_s within each chunk (in f64,
/// in sample order), the chunks' sums added in order, times 1/n. The snapshot's `loss` and the
/// loss landscape both sum this one way, so the landscape's centre equals the snapshot bit for bit.
#[derive(Clone, Copy, Debug, Default)]
struct LossSum {
    total: f64,
    points: usize,
}

impl LossSum {
    /// Adds the loaded chunk, after its forward pass (`finite`: whether every z was finite).
    fn add(&mut self, mlp: &Mlp, ws: &Workspace, head: Head, finite: bool) {
        if !finite {
            self.total = f64::NAN;
        }
        self.total += mlp.loss_sum(ws, head);
        self.points += ws.count;
    }

    fn mean(&self) -> f64 {
        self.total * (1.0 / self.points as f64)
    }
}

/// Pushes `split` through the network in chunks of the workspace's capacity (always the same
/// chunks, in order) and calls `each(ws, finite)` after every chunk's forward pass.
fn for_each_chunk(
    ws: &mut Workspace,
    mlp: &Mlp,
    split: &Split,
    mut each: impl FnMut(&mut Workspace, bool),
) {
    let n = split.len();
    for start in (0..n).step_by(ws.capacity) {
        let end = (start + ws.capacity).min(n);
        ws.load(&split.x, &split.y, start..end);
        let finite = mlp.forward(ws).is_ok();
        each(ws, finite);
    }
}

/// Running sums over the training points for one weight layer.
#[derive(Clone, Debug)]
struct LayerSums {
    z_hist: Histogram,
    a_hist: Histogram,
    /// Σ z and Σ z² over (unit, point) pairs.
    z_sum: f64,
    z_sq: f64,
    /// Σ a² of the layer's outputs over (unit, point) pairs.
    a_sq: f64,
    /// Σ δ and Σ δ² over (unit, point) pairs, δ = ∂(one point's loss)/∂z.
    delta_sum: f64,
    delta_sq: f64,
    /// (unit, point) pairs where the unit is saturated.
    saturated: usize,
    /// Whether each unit has been nonzero on some point so far.
    alive: Vec<bool>,
    /// The largest |a − g(Σ inputs)| so far (see [`LayerStats::sum_gap`]).
    sum_gap: f64,
}

/// Everything one pass over the training split adds up.
#[derive(Clone, Debug)]
struct Sums {
    /// Σ x² of the inputs over (feature, point) pairs.
    input_sq: f64,
    layers: Vec<LayerSums>,
    loss: LossSum,
    /// Points classified right (see [`predicted_class`]).
    correct: usize,
    /// Scratch: the sum of one layer's inputs for each point of a chunk.
    input_sums: Vec<f64>,
}

impl Sums {
    fn new(mlp: &Mlp) -> Self {
        let layers = mlp.layers.iter().enumerate().map(|(l, shape)| {
            let g = mlp.activation_of(l);
            let (zlo, zhi) = z_range(g);
            // A softmax output's a are probabilities, whatever its (linear) z.
            let softmax = l + 1 == mlp.layers.len() && mlp.is_softmax();
            let (alo, ahi) = if softmax { (0.0, 1.0) } else { a_range(g) };
            LayerSums {
                z_hist: Histogram::new(zlo, zhi),
                a_hist: Histogram::new(alo, ahi),
                z_sum: 0.0,
                z_sq: 0.0,
                a_sq: 0.0,
                delta_sum: 0.0,
                delta_sq: 0.0,
                saturated: 0,
                alive: vec![false; shape.n_out],
                sum_gap: 0.0,
            }
        });
        Sums {
            input_sq: 0.0,
            layers: layers.collect(),
            loss: LossSum::default(),
            correct: 0,
            input_sums: vec![0.0; crate::mlp::CHUNK],
        }
    }

    /// Adds what the forward pass computed for weight layer `l` of the loaded chunk: its z
    /// and a, with the first layer the inputs, with the last the predictions. Each layer's
    /// sums are its own, so a pass that stops between layers ([`LayerStatsPass`]) adds the
    /// same numbers in the same order as one that does not.
    fn add_forward_layer(&mut self, mlp: &Mlp, ws: &Workspace, l: usize) {
        if l == 0 {
            for i in 0..mlp.sizes[0] {
                let x = ws.unit(&ws.a, 0, i);
                self.input_sq += x.iter().map(|&x| x as f64 * x as f64).sum::<f64>();
            }
        }
        let (g, sums) = (mlp.activation_of(l), &mut self.layers[l]);
        for (j, alive) in sums.alive.iter_mut().enumerate() {
            let (zs, as_) = (ws.unit(&ws.z, l + 1, j), ws.unit(&ws.a, l + 1, j));
            sums.z_hist.add_reals(zs);
            sums.a_hist.add_reals(as_);
            for (&z, &a) in zs.iter().zip(as_) {
                let (z, a) = (z as f64, a as f64);
                sums.z_sum += z;
                sums.z_sq += z * z;
                sums.a_sq += a * a;
                sums.saturated += usize::from(g.is_saturated(z, a));
                *alive |= a != 0.0;
            }
        }
        if l + 1 == mlp.layers.len() {
            for (s, &y) in ws.y[..ws.count].iter().enumerate() {
                self.correct += usize::from(predicted_class(mlp, ws, s) as f64 == y);
            }
        }
        self.add_sum_gap(mlp, ws, l);
    }

    /// Widens weight layer `l`'s [`LayerStats::sum_gap`] with the loaded chunk, in f64 (a sum
    /// of f32 values cannot overflow there). g(Σ inputs) is the same for every unit of a
    /// point, so it costs n_in additions and n_out comparisons per point.
    fn add_sum_gap(&mut self, mlp: &Mlp, ws: &Workspace, l: usize) {
        let sums = &mut self.input_sums[..ws.count];
        let (shape, layer) = (mlp.layers[l], &mut self.layers[l]);
        let g = mlp.activation_of(l);
        sums.fill(0.0);
        for i in 0..shape.n_in {
            for (sum, &a) in sums.iter_mut().zip(ws.unit(&ws.a, l, i)) {
                *sum += a as f64;
            }
        }
        for sum in sums.iter_mut() {
            *sum = g.apply(*sum);
        }
        for j in 0..shape.n_out {
            for (&a, &expected) in ws.unit(&ws.a, l + 1, j).iter().zip(sums.iter()) {
                layer.sum_gap = layer.sum_gap.max((a as f64 - expected).abs());
            }
        }
    }

    /// Adds the δ the backward pass left in the workspace. That pass worked on the mean loss,
    /// so it holds δ/n; multiplying by `n` gives δ for one point's loss.
    fn add_deltas(&mut self, mlp: &Mlp, ws: &Workspace, n: f64) {
        for (l, sums) in self.layers.iter_mut().enumerate() {
            for j in 0..mlp.layers[l].n_out {
                for &d in ws.unit(&ws.delta, l + 1, j) {
                    let d = d as f64 * n;
                    sums.delta_sum += d;
                    sums.delta_sq += d * d;
                }
            }
        }
    }

    /// E[a²] of weight layer `l`'s inputs over (input, point) pairs. The output of a shortcut
    /// net reads the last hidden layer and the inputs x: the mean runs over both, each value
    /// counted once (h hidden units and 2 inputs per point).
    fn inputs_sq(&self, mlp: &Mlp, l: usize, shape: LayerShape, n: usize) -> f64 {
        let sum = if l == 0 {
            self.input_sq
        } else if mlp.shortcut && l + 1 == mlp.layers.len() {
            self.layers[l - 1].a_sq + self.input_sq
        } else {
            self.layers[l - 1].a_sq
        };
        sum / (shape.n_in * n) as f64
    }
}

/// The class the network predicts for sample `s` of the loaded chunk, after its forward pass:
/// for one sigmoid output 1 where z > 0 (p > ½), else 0; for a softmax the class of the
/// largest z (the first of equal ones). A NaN z predicts class 0.
pub fn predicted_class(mlp: &Mlp, ws: &Workspace, s: usize) -> usize {
    let top = mlp.layers.len();
    if !mlp.is_softmax() {
        return usize::from(ws.unit(&ws.z, top, 0)[s] > 0.0);
    }
    let mut best = (0, ws.unit(&ws.z, top, 0)[s]);
    for k in 1..mlp.output_units() {
        let z = ws.unit(&ws.z, top, k)[s];
        if z > best.1 {
            best = (k, z);
        }
    }
    best.0
}

/// A test image the network gets wrong: which image of the digits file it is, its class and
/// the class the network predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Misclassified {
    /// The image's index in the digits file ([`crate::digits::Images::source`]).
    pub image: usize,
    pub truth: usize,
    pub predicted: usize,
}

/// How a split is classified, point by point: what [`Evaluator::classify`] fills.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Classified {
    /// classes × classes counts, row-major: `confusion[truth · classes + predicted]`.
    pub confusion: Vec<u32>,
    /// The first wrong points, in the split's order, up to the limit asked for (only for a
    /// split that knows its images' `source`: the digits).
    pub wrong: Vec<Misclassified>,
}

/// Population std from Σx and Σx² over `count` values. Rounding can make the variance
/// slightly negative (then 0); NaN (a diverged run) stays NaN.
fn std_from_sums(sum: f64, sq: f64, count: f64) -> f64 {
    let mean = sum / count;
    let var = sq / count - mean * mean;
    f64::sqrt(if var < 0.0 { 0.0 } else { var })
}

/// Histogram of log10 |∂loss/∂w| over a layer's weight gradients, and how many are exactly 0.
fn grad_histogram(grads: &[Real]) -> (Histogram, usize) {
    let (glo, ghi) = GRAD_LOG10_RANGE;
    let mut hist = Histogram::new(glo, ghi);
    let mut zeros = 0;
    for &g in grads {
        if g == 0.0 {
            zeros += 1;
        } else {
            hist.add(libm::log10(g.abs() as f64));
        }
    }
    (hist, zeros)
}

/// Histogram of a layer's weights over the init's range, widened to wherever training has
/// moved the weights since.
fn weight_histogram(weights: &[Real], init: &LayerInit) -> Histogram {
    let (lo, hi) = weights
        .iter()
        .filter(|w| w.is_finite())
        .fold(init.distribution.support(), |(lo, hi), &w| {
            (lo.min(w as f64), hi.max(w as f64))
        });
    let mut hist = Histogram::new(lo, hi);
    hist.add_reals(weights);
    hist
}

/// The largest finite |w| divided by `sigma` (0 when `sigma` is 0: a σ-free init).
fn max_abs_in_sigmas(weights: &[Real], sigma: f64) -> f64 {
    if sigma <= 0.0 {
        return 0.0;
    }
    let max = weights
        .iter()
        .filter(|w| w.is_finite())
        .fold(0.0f64, |m, &w| m.max((w as f64).abs()));
    max / sigma
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

    /// Mean loss and accuracy (see [`predicted_class`]) over a split.
    pub fn score(&mut self, mlp: &Mlp, split: &Split, head: impl Into<Head>) -> Score {
        self.classify(mlp, split, head.into(), None)
    }

    /// [`Evaluator::score`], and with `into = Some((report, max_wrong))` each point's class
    /// against the predicted one: the confusion matrix (2 × 2 for a sigmoid output, C × C for
    /// a softmax over C) and the first `max_wrong` wrong points of a split that has `source`
    /// (the digits). The accuracy is the confusion's trace over its total: one prediction,
    /// [`predicted_class`], makes both.
    pub fn classify(
        &mut self,
        mlp: &Mlp,
        split: &Split,
        head: Head,
        mut into: Option<(&mut Classified, usize)>,
    ) -> Score {
        let n = split.len();
        let classes = mlp.output_units().max(2);
        if let Some((report, _)) = into.as_mut() {
            report.confusion.clear();
            report.confusion.resize(classes * classes, 0);
            report.wrong.clear();
        }
        let (mut total, mut correct, mut start) = (0.0, 0usize, 0);
        let top = mlp.layers.len();
        for_each_chunk(&mut self.ws, mlp, split, |ws, finite| {
            if !finite {
                total = f64::NAN;
            }
            for s in 0..ws.count {
                let y = ws.y[s];
                // Each head's loss of one point, summed in point order (the sigmoid's as it
                // always was: the golden checksums hold its bits).
                total += match head {
                    Head::Sigmoid(loss) => loss.value(ws.unit(&ws.z, top, 0)[s] as f64, y),
                    Head::Softmax => crate::loss::softmax_cross_entropy_by(
                        classes,
                        |k| ws.unit(&ws.z, top, k)[s] as f64,
                        y,
                    ),
                };
                let predicted = predicted_class(mlp, ws, s);
                correct += usize::from(predicted as f64 == y);
                if let Some((report, max_wrong)) = into.as_mut() {
                    let truth = y as usize;
                    report.confusion[truth.min(classes - 1) * classes + predicted] += 1;
                    let source = split.source.get(start + s);
                    if let (Some(&image), true) = (source, predicted != truth) {
                        if report.wrong.len() < *max_wrong {
                            report.wrong.push(Misclassified {
                                image,
                                truth,
                                predicted,
                            });
                        }
                    }
                }
            }
            start += ws.count;
        });
        Score {
            loss: total / n as f64,
            accuracy: correct as f64 / n as f64,
        }
    }

    /// Mean loss over a split, summed exactly as [`Evaluator::layer_stats`] sums the training
    /// score's loss (so the two agree bit for bit); NaN when some z is not finite.
    pub fn training_loss(&mut self, mlp: &Mlp, split: &Split, head: impl Into<Head>) -> f64 {
        let head = head.into();
        let mut sum = LossSum::default();
        for_each_chunk(&mut self.ws, mlp, split, |ws, finite| {
            sum.add(mlp, ws, head, finite)
        });
        sum.mean()
    }

    /// Every layer's statistics over the training split, and the training score.
    ///
    /// One pass: each chunk goes forward (z, a), then backward (δ and the gradient of the
    /// mean training loss). Allocates only the sums and the result, never per chunk.
    pub fn layer_stats(
        &mut self,
        mlp: &Mlp,
        inits: &[LayerInit],
        train: &Split,
        head: impl Into<Head>,
    ) -> (Vec<LayerStats>, Score) {
        let head = head.into();
        let mut pass = self.begin_layer_stats(mlp);
        self.advance_layer_stats(&mut pass, mlp, train, head, f64::INFINITY);
        self.finish_layer_stats(pass, mlp, inits, train.len())
    }

    /// Starts [`Evaluator::layer_stats`]'s pass, to be advanced a piece at a time with
    /// [`Evaluator::advance_layer_stats`] (the weights unchanged meanwhile) and ended with
    /// [`Evaluator::finish_layer_stats`].
    pub fn begin_layer_stats(&mut self, mlp: &Mlp) -> LayerStatsPass {
        self.grads.fill(0.0);
        LayerStatsPass {
            sums: Sums::new(mlp),
            stage: Stage::Load(0),
            chunk: 0,
            finite: true,
        }
    }

    /// Advances `pass` by whole pieces (one layer of one chunk, forward or backward) until
    /// about `work` multiply-adds are done (at least one piece) or the pass is; returns
    /// whether it is. The pieces are the one-call pass's steps in its order.
    pub fn advance_layer_stats(
        &mut self,
        pass: &mut LayerStatsPass,
        mlp: &Mlp,
        train: &Split,
        head: impl Into<Head>,
        work: f64,
    ) -> bool {
        let head = head.into();
        let mut done = 0.0;
        while pass.stage != Stage::Done {
            if done >= work {
                return false;
            }
            done += pass.piece(mlp, &mut self.ws, &mut self.grads, train, head);
        }
        true
    }

    /// The statistics and the training score of a finished pass (see
    /// [`Evaluator::begin_layer_stats`]) over `n` training points.
    pub fn finish_layer_stats(
        &self,
        pass: LayerStatsPass,
        mlp: &Mlp,
        inits: &[LayerInit],
        n: usize,
    ) -> (Vec<LayerStats>, Score) {
        debug_assert!(pass.stage == Stage::Done, "the pass is not finished");
        let sums = &pass.sums;
        let stats = (0..mlp.layers.len())
            .map(|l| summarise(mlp, l, &inits[l], sums, &self.grads, n))
            .collect();
        let score = Score {
            loss: sums.loss.mean(),
            accuracy: sums.correct as f64 / n as f64,
        };
        (stats, score)
    }
}

/// Where a pass over the training split stands: its next piece of work.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    /// Load the chunk that starts at this point (past the last point: the pass is done).
    Load(usize),
    /// Weight layer `l` of the loaded chunk, forward (its statistics added after it).
    Forward(usize),
    /// Weight layer `l` of the loaded chunk, backward.
    Backward(usize),
    Done,
}

/// [`Evaluator::layer_stats`]'s pass, stopped between two pieces: the sums so far and the
/// next piece. The workspace and the gradient stay in the evaluator, so nothing else may
/// use that evaluator until the pass is finished.
#[derive(Clone, Debug)]
pub struct LayerStatsPass {
    sums: Sums,
    stage: Stage,
    /// The first point of the loaded chunk.
    chunk: usize,
    /// Whether every z of the loaded chunk so far was finite.
    finite: bool,
}

impl LayerStatsPass {
    /// Does the next piece; returns its multiply-adds (the matrix products').
    fn piece(
        &mut self,
        mlp: &Mlp,
        ws: &mut Workspace,
        grads: &mut [Real],
        train: &Split,
        head: Head,
    ) -> f64 {
        let (n, top) = (train.len(), mlp.layers.len());
        match self.stage {
            Stage::Load(start) if start >= n => {
                self.stage = Stage::Done;
                0.0
            }
            Stage::Load(start) => {
                ws.load(&train.x, &train.y, start..(start + ws.capacity).min(n));
                (self.chunk, self.finite) = (start, true);
                self.stage = Stage::Forward(0);
                0.0
            }
            Stage::Forward(l) => {
                self.finite &= mlp.forward_layer(ws, l);
                self.sums.add_forward_layer(mlp, ws, l);
                self.stage = if l + 1 < top {
                    Stage::Forward(l + 1)
                } else {
                    self.sums.loss.add(mlp, ws, head, self.finite);
                    mlp.backward_output(ws, head, 1.0 / n as f64);
                    Stage::Backward(top - 1)
                };
                layer_work(mlp, l, ws)
            }
            Stage::Backward(l) => {
                mlp.backward_layer(ws, l, grads);
                self.stage = if l > 0 {
                    Stage::Backward(l - 1)
                } else {
                    self.sums.add_deltas(mlp, ws, n as f64);
                    Stage::Load(self.chunk + ws.capacity)
                };
                2.0 * layer_work(mlp, l, ws)
            }
            Stage::Done => 0.0,
        }
    }
}

/// Multiply-adds of weight layer `l`'s product over the loaded chunk.
fn layer_work(mlp: &Mlp, l: usize, ws: &Workspace) -> f64 {
    let shape = mlp.layers[l];
    (shape.n_in * shape.n_out * ws.lanes) as f64
}

/// Weight layer `l`'s statistics from the sums of a pass over `n` training points and the
/// gradient of the mean training loss.
fn summarise(
    mlp: &Mlp,
    l: usize,
    init: &LayerInit,
    sums: &Sums,
    grads: &[Real],
    n: usize,
) -> LayerStats {
    let shape = mlp.layers[l];
    let layer = &sums.layers[l];
    let g = mlp.activation_of(l);
    let pairs = (shape.n_out * n) as f64;
    let (weights, biases) = (&mlp.params[shape.weights()], &mlp.params[shape.biases()]);
    let (w_var, a_in_sq) = (sample_variance(weights), sums.inputs_sq(mlp, l, shape, n));
    let predicted = shape.n_in as f64 * w_var * a_in_sq + sample_variance(biases);
    let (grad_hist, grad_zeros) = grad_histogram(&grads[shape.weights()]);
    let dead = if g == Activation::Relu {
        layer.alive.iter().filter(|&&alive| !alive).count() as f64 / shape.n_out as f64
    } else {
        0.0
    };
    let grad_sq = grads[shape.all()].iter().map(|&g| g as f64 * g as f64);
    LayerStats {
        name: layer_name(l, mlp.layers.len()),
        activation: if l + 1 == mlp.layers.len() && mlp.is_softmax() {
            "softmax".to_string()
        } else {
            g.name().to_string()
        },
        fan_in: shape.n_in,
        fan_out: shape.n_out,
        size: shape.n_out,
        sigma_requested: init.sigma_requested,
        sigma_used: init.sigma_used,
        mean_actual: init.distribution.mean(),
        std_actual: init.distribution.std(),
        z_mean: layer.z_sum / pairs,
        z_std: std_from_sums(layer.z_sum, layer.z_sq, pairs),
        z_std_predicted: f64::sqrt(predicted),
        w_var,
        a_in_sq,
        delta_std: std_from_sums(layer.delta_sum, layer.delta_sq, pairs),
        saturated: layer.saturated as f64 / pairs,
        dead,
        distinct_units: distinct_units(mlp, l),
        grad_norm: f64::sqrt(grad_sq.sum::<f64>()),
        z_hist: layer.z_hist.clone(),
        a_hist: layer.a_hist.clone(),
        w_hist: weight_histogram(weights, init),
        w_max_abs_sigmas: max_abs_in_sigmas(weights, init.sigma_used),
        grad_hist,
        grad_zeros,
        sum_gap: layer.sum_gap,
        nonzero_since: None,
        mass_log10: init.distribution.log_mass() / std::f64::consts::LN_10,
        lsuv: init.lsuv,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_counting_agrees_with_counting_one_by_one() {
        let mut xs: Vec<Real> = (0..1003).map(|i| (i as Real * 0.37).sin() * 7.0).collect();
        xs.extend([
            Real::NAN,
            Real::INFINITY,
            Real::NEG_INFINITY,
            -5.0,
            5.0,
            4.999_999,
            -1e30,
            1e30,
        ]);
        for len in [0, 1, 3, 4, 5, 7, xs.len()] {
            let (mut bulk, mut single) = (Histogram::new(-5.0, 5.0), Histogram::new(-5.0, 5.0));
            bulk.add_reals(&xs[xs.len() - len..]);
            for &x in &xs[xs.len() - len..] {
                single.add(x as f64);
            }
            assert_eq!(bulk, single, "the last {len} values");
        }
    }
}

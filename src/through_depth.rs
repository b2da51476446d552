//! Through depth: the network on screen measured against the mean-field theory (issue #21).
//!
//! [`crate::mean_field`] says how two numbers travel through a wide random network: the
//! length q^l = E[z²] of one input's pre-activations and the correlation c^l of two inputs'.
//! This module measures both on the network the learner built, at its current weights:
//!
//! ```text
//! q̂^l = mean of z² over every training point and every unit of hidden layer l
//!     = std(z)² + mean(z)²            (the snapshot's population statistics of layer l)
//! ĉ^l = z_x · z_y / (|z_x| |z_y|)      (the cosine of two training points' z vectors)
//! ```
//!
//! and runs the theory's maps from the measured first hidden layer (whose z, given the two
//! inputs, is exactly Gaussian over the draw of its weights) through the layers above, with
//! σ_w and σ_b read from those layers' weights as the theory defines them: weights of
//! variance σ_w²/fan_in, so σ_w² is the mean over the layers of Var(W_l)·fan_in, and biases
//! of mean square σ_b², so σ_b² is the mean of b² over the same layers. The theory draws the
//! biases from N(0, σ_b²); a constant bias b gives z the same mean square, but shifts every
//! unit's z alike, so with one the curves are an approximation (close while b² ≪ q).
//!
//! The length map is followed from q̂¹, the mean over all points; the map is linear in q for
//! ReLU and linear units, so there the theory of the mean is the mean of the theory, while for
//! tanh and sigmoid points of different lengths differ a little (Jensen) until q settles at q*.
//! The correlation map is followed from the two points' own (q¹, ĉ¹), q¹ their mean length.

use crate::activation::Activation;
use crate::data::Split;
use crate::mean_field::{mean_field, MeanFieldArgs, MeanFieldError};
use crate::mlp::Mlp;
use crate::stats::LayerStats;

/// What the theory predicts for the layers above the first, from the measured first one.
#[derive(Clone, Debug, PartialEq)]
pub struct TheoryCurves {
    /// q^l for hidden layers 1 … L (`q[0]` is the measured q̂¹).
    pub q: Vec<f64>,
    /// c^l of the two points for hidden layers 1 … L (`c[0]` is the measured ĉ¹).
    pub c: Vec<f64>,
    /// χ₁ and ξ_c at the measured (σ_w, σ_b): which phase the init is in.
    pub chi1: f64,
    pub xi_c: f64,
}

/// Why there is no theory curve for the network on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum NoTheory {
    /// One hidden layer: the maps have no layer above the measured first one to carry it to.
    OneHiddenLayer,
    /// The measured first layer has no length or no correlation to start from (zero init, a
    /// diverged run, a point whose z vector is 0).
    NoStart,
    /// The weights read as a σ_w or σ_b outside the theory's ranges (constant weights: σ_w = 0).
    OutOfRange(MeanFieldError),
}

/// The through-depth view's numbers: measured per hidden layer, and the theory beside them.
#[derive(Clone, Debug, PartialEq)]
pub struct ThroughDepth {
    /// The two training points compared (indices into the training set).
    pub points: [usize; 2],
    /// q̂^l, hidden layers 1 … L.
    pub q: Vec<f64>,
    /// ĉ^l, hidden layers 1 … L (NaN where a point's z vector is 0 or not finite).
    pub c: Vec<f64>,
    /// The depth chart's measured std(z), hidden layers 1 … L, for comparison with √q̂.
    pub z_std: Vec<f64>,
    /// σ_w and σ_b as the theory reads them from hidden layers 2 … L (layer 1's alone when
    /// there is one hidden layer).
    pub sigma_w: f64,
    pub sigma_b: f64,
    pub theory: Result<TheoryCurves, NoTheory>,
}

/// Why the view cannot be computed at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThroughDepthError {
    /// The network has no hidden layer.
    NoHiddenLayer,
    /// A picked point is not a training point: `index` ≥ `count`.
    PointOutOfRange { index: usize, count: usize },
}

/// The view for `mlp` at its current weights, `layers` being its snapshot's statistics over
/// `train` (hidden layers first), and `points` two indices into `train`.
pub fn through_depth(
    mlp: &Mlp,
    train: &Split,
    layers: &[LayerStats],
    points: [usize; 2],
) -> Result<ThroughDepth, ThroughDepthError> {
    let hidden = mlp.sizes.len().saturating_sub(2).min(layers.len());
    if hidden == 0 {
        return Err(ThroughDepthError::NoHiddenLayer);
    }
    let count = train.len();
    if let Some(&index) = points.iter().find(|&&p| p >= count) {
        return Err(ThroughDepthError::PointOutOfRange { index, count });
    }
    let q: Vec<f64> = (layers[..hidden].iter())
        .map(|l| l.z_std * l.z_std + l.z_mean * l.z_mean)
        .collect();
    let z_std = layers[..hidden].iter().map(|l| l.z_std).collect();
    let (c, pair_q1) = pair_correlations(mlp, train, points, hidden);
    let modelled = if hidden > 1 { 1..hidden } else { 0..1 };
    let (sigma_w, sigma_b) = init_scales(mlp, modelled);
    let theory = theory(mlp.hidden, sigma_w, sigma_b, hidden, (q[0], pair_q1, c[0]));
    Ok(ThroughDepth {
        points,
        q,
        c,
        z_std,
        sigma_w,
        sigma_b,
        theory,
    })
}

/// ĉ^l of the two points for hidden layers 1 … `hidden`, and the mean of their q̂¹ (the
/// correlation map's starting length). One forward pass of two points.
fn pair_correlations(
    mlp: &Mlp,
    train: &Split,
    points: [usize; 2],
    hidden: usize,
) -> (Vec<f64>, f64) {
    let mut ws = mlp.workspace(2);
    ws.load(&train.x, &train.y, points.into_iter());
    // A non-finite z shows as NaN in ĉ; the buffers are filled all the same.
    let _ = mlp.forward(&mut ws);
    let mut pair_q1 = f64::NAN;
    let c = (1..=hidden)
        .map(|l| {
            let (mut xx, mut yy, mut xy) = (0.0, 0.0, 0.0);
            for j in 0..mlp.sizes[l] {
                let z = ws.unit(&ws.z, l, j);
                let (zx, zy) = (f64::from(z[0]), f64::from(z[1]));
                xx += zx * zx;
                yy += zy * zy;
                xy += zx * zy;
            }
            if l == 1 {
                pair_q1 = (xx + yy) / (2.0 * mlp.sizes[l] as f64);
            }
            let norm = (xx * yy).sqrt();
            if norm > 0.0 && norm.is_finite() {
                (xy / norm).clamp(-1.0, 1.0)
            } else {
                f64::NAN
            }
        })
        .collect();
    (c, pair_q1)
}

/// (σ_w, σ_b) of the weight layers `modelled` (0-based): σ_w² the mean of Var(W_l)·fan_in
/// (population variance), σ_b² the mean of b².
fn init_scales(mlp: &Mlp, modelled: std::ops::Range<usize>) -> (f64, f64) {
    let (mut w2, mut b2) = (0.0, 0.0);
    let n = modelled.len() as f64;
    for shape in &mlp.layers[modelled] {
        let weights = &mlp.params[shape.weights()];
        let count = weights.len() as f64;
        let mean = weights.iter().map(|&w| f64::from(w)).sum::<f64>() / count;
        let var = weights
            .iter()
            .map(|&w| (f64::from(w) - mean).powi(2))
            .sum::<f64>()
            / count;
        w2 += var * shape.n_in as f64;
        let biases = &mlp.params[shape.biases()];
        b2 += biases.iter().map(|&b| f64::from(b).powi(2)).sum::<f64>() / biases.len() as f64;
    }
    ((w2 / n).sqrt(), (b2 / n).sqrt())
}

/// The theory's curves through `hidden` layers from the measured first one: `start` is
/// (q̂¹ over all points, q̂¹ of the two points, ĉ¹).
fn theory(
    act: Activation,
    sigma_w: f64,
    sigma_b: f64,
    hidden: usize,
    (q1, pair_q1, c1): (f64, f64, f64),
) -> Result<TheoryCurves, NoTheory> {
    if hidden < 2 {
        return Err(NoTheory::OneHiddenLayer);
    }
    let usable = |x: f64| x.is_finite() && x > 0.0;
    if !(usable(q1) && usable(pair_q1) && c1.is_finite()) {
        return Err(NoTheory::NoStart);
    }
    let args = MeanFieldArgs {
        q0: q1,
        ..MeanFieldArgs::new(act, sigma_w, sigma_b, hidden - 1)
    };
    let lengths = mean_field(args).map_err(NoTheory::OutOfRange)?;
    let pair = mean_field(MeanFieldArgs {
        q0: pair_q1,
        c0: c1,
        ..args
    })
    .map_err(NoTheory::OutOfRange)?;
    Ok(TheoryCurves {
        q: lengths.q,
        c: pair.c,
        chi1: lengths.chi1,
        xi_c: lengths.xi_c,
    })
}

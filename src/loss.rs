//! The training objectives: on a single sigmoid output p = σ(z_out) (two classes, [`Loss`]),
//! or on a softmax over C ≥ 2 outputs (C classes, cross-entropy), the two [`Head`]s.
//!
//! Labels are numbers in both: 0 or 1 for the sigmoid, the class index 0, 1, …, C − 1 (stored
//! as an f64 such as `3.0`) for the softmax.

use crate::real::Real;
use serde::{Deserialize, Serialize};

/// Loss between the network's probability p and the 0/1 label y.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Loss {
    /// Binary cross-entropy −[y ln p + (1−y) ln(1−p)]: the natural partner of a sigmoid output.
    Bce,
    /// Squared error (p − y)², which many older texts use.
    Mse,
}

impl Loss {
    pub const ALL: [Loss; 2] = [Loss::Bce, Loss::Mse];

    /// The URL names of [`Loss::ALL`], in order: the choices of the `loss` key.
    pub const NAMES: [&'static str; 2] = names_of!(Loss::ALL, |x| x.name());

    /// The name used in the URL and the config.
    pub const fn name(self) -> &'static str {
        match self {
            Loss::Bce => "bce",
            Loss::Mse => "mse",
        }
    }

    pub fn from_name(name: &str) -> Option<Loss> {
        crate::position_of(&Loss::NAMES, name).map(|k| Loss::ALL[k])
    }

    /// The loss of one example, given the output pre-activation z (p = σ(z)).
    ///
    /// BCE is computed from z directly (softplus form), so it stays finite when p rounds to 0 or 1.
    #[inline(always)]
    pub fn value(self, z: f64, y: f64) -> f64 {
        match self {
            // −[y ln σ(z) + (1−y) ln(1−σ(z))] = softplus(z) − y·z
            Loss::Bce => softplus(z) - y * z,
            Loss::Mse => {
                let e = crate::activation::sigmoid(z) - y;
                e * e
            }
        }
    }

    /// ∂loss/∂z for one example: p − y for BCE (the sigmoid's slope cancels), 2(p − y)·p(1 − p) for MSE.
    #[inline(always)]
    pub fn dz(self, z: f64, y: f64) -> f64 {
        let p = crate::activation::sigmoid(z);
        match self {
            Loss::Bce => p - y,
            Loss::Mse => 2.0 * (p - y) * p * (1.0 - p),
        }
    }
}

impl Loss {
    /// ∂loss/∂z in the engine's f32, with its fast sigmoid: the one loss quantity training needs.
    #[inline(always)]
    pub fn output_delta(self, z: Real, y: Real) -> Real {
        let p = crate::activation::fast::sigmoid(z);
        match self {
            Loss::Bce => p - y,
            Loss::Mse => 2.0 * (p - y) * p * (1.0 - p),
        }
    }
}

/// The output layer and the loss it trains on: what the training step matches on, once per chunk.
///
/// The softmax head is not a third [`Loss`] of the sigmoid: the URL's `loss` key names a head
/// ([`Head::NAMES`]: `bce`, `mse`, `ce`), and the key table lets each data set take only the
/// heads that fit it (`ce` for the digits, `bce` or `mse` for the two-class sets), so a link
/// never asks a two-class network for a C-class loss. The network's width decides which head
/// fits it: one output unit takes `Sigmoid`, C ≥ 2 take `Softmax`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// One unit, p = σ(z), label 0 or 1, trained on the given loss.
    Sigmoid(Loss),
    /// C ≥ 2 units, p = softmax(z), label a class index k, trained on the cross-entropy
    /// −ln p_k = logsumexp(z) − z_k, whose gradient is ∂loss/∂z = p − onehot(k).
    Softmax,
}

impl From<Loss> for Head {
    fn from(loss: Loss) -> Head {
        Head::Sigmoid(loss)
    }
}

impl Head {
    /// The choices of the `loss` key, in its menu's order.
    pub const ALL: [Head; 3] = [
        Head::Sigmoid(Loss::Bce),
        Head::Sigmoid(Loss::Mse),
        Head::Softmax,
    ];

    /// The URL names of [`Head::ALL`], in order.
    pub const NAMES: [&'static str; 3] = names_of!(Head::ALL, |x| x.name());

    /// The name used in the URL and the config: the sigmoid's loss, or `ce` for the softmax's
    /// cross-entropy.
    pub const fn name(self) -> &'static str {
        match self {
            Head::Sigmoid(loss) => loss.name(),
            Head::Softmax => "ce",
        }
    }

    pub fn from_name(name: &str) -> Option<Head> {
        crate::position_of(&Head::NAMES, name).map(|k| Head::ALL[k])
    }

    /// Whether this head can sit on an output layer of `units` units.
    pub fn fits(self, units: usize) -> bool {
        match self {
            Head::Sigmoid(_) => units == 1,
            Head::Softmax => units >= 2,
        }
    }

    /// The loss of one example from the output pre-activations `z` (one per output unit), in
    /// f64 (the baseline and every evaluation).
    pub fn value(self, z: &[f64], y: f64) -> f64 {
        match self {
            Head::Sigmoid(loss) => loss.value(z[0], y),
            Head::Softmax => softmax_cross_entropy(z, y),
        }
    }

    /// ∂loss/∂z of one example, one entry per output unit (the baseline's plain version).
    pub fn dz(self, z: &[f64], y: f64) -> Vec<f64> {
        match self {
            Head::Sigmoid(loss) => vec![loss.dz(z[0], y)],
            Head::Softmax => softmax(z)
                .into_iter()
                .enumerate()
                .map(|(k, p)| p - one_hot(k, y))
                .collect(),
        }
    }
}

/// 1 for the unit of class `y`, else 0: the softmax head's target for output unit `k`.
#[inline(always)]
pub fn one_hot(k: usize, y: f64) -> f64 {
    if k as f64 == y {
        1.0
    } else {
        0.0
    }
}

/// Whether every label is a class index 0, 1, …, classes − 1: what a softmax head reads. The
/// training step does not check it per sample (a label outside would train towards no class);
/// whoever loads a dataset does, once.
pub fn are_class_indices(y: &[f64], classes: usize) -> bool {
    y.iter()
        .all(|&y| y >= 0.0 && y < classes as f64 && y.fract() == 0.0)
}

/// ln Σ_k e^{z_k}, computed as m + ln Σ_k e^{z_k − m} with m = max z: no term overflows and
/// the largest is exactly 1, so the sum never underflows to 0 either.
pub fn log_sum_exp(z: &[f64]) -> f64 {
    log_sum_exp_by(z.len(), |k| z[k])
}

/// [`log_sum_exp`] of the n numbers z(0), …, z(n − 1), wherever they are stored (the engine's
/// logits sit a row apart), summed in the order k = 0, 1, …
#[inline]
pub fn log_sum_exp_by(n: usize, z: impl Fn(usize) -> f64) -> f64 {
    let m = (0..n).map(&z).fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for k in 0..n {
        sum += libm::exp(z(k) - m);
    }
    m + libm::log(sum)
}

/// p_k = e^{z_k} / Σ_j e^{z_j}, shifted by max z like [`log_sum_exp`].
pub fn softmax(z: &[f64]) -> Vec<f64> {
    let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = z.iter().map(|&z| libm::exp(z - m)).collect();
    let mut sum = 0.0;
    for &e in &e {
        sum += e;
    }
    e.into_iter().map(|e| e / sum).collect()
}

/// −ln softmax(z)_y = logsumexp(z) − z_y for the class index y.
pub fn softmax_cross_entropy(z: &[f64], y: f64) -> f64 {
    softmax_cross_entropy_by(z.len(), |k| z[k], y)
}

/// [`softmax_cross_entropy`] of the `classes` logits z(0), …: the one formula the baseline and
/// the engine's evaluation share. A label that is no class index picks no z_y (it counts as 0).
#[inline]
pub fn softmax_cross_entropy_by(classes: usize, z: impl Fn(usize) -> f64, y: f64) -> f64 {
    let z_y: f64 = (0..classes).filter(|&k| k as f64 == y).map(&z).sum();
    log_sum_exp_by(classes, z) - z_y
}

/// ln(1 + e^z) without overflow.
#[inline(always)]
pub fn softplus(z: f64) -> f64 {
    if z > 0.0 {
        z + libm::log1p(libm::exp(-z))
    } else {
        libm::log1p(libm::exp(z))
    }
}

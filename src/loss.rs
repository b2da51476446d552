//! The training objective on the single sigmoid output p = σ(z_out).

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

/// ln(1 + e^z) without overflow.
#[inline(always)]
pub fn softplus(z: f64) -> f64 {
    if z > 0.0 {
        z + libm::log1p(libm::exp(-z))
    } else {
        libm::log1p(libm::exp(z))
    }
}

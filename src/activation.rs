//! The hidden-layer nonlinearities g(z), their derivatives, and where they saturate.
//!
//! g(0) decides the symmetry lesson: tanh(0) = ReLU(0) = 0, so with all-zero weights
//! every hidden activation is 0 and no weight gradient can flow; sigmoid(0) = 0.5, so
//! the weights do move, but every unit moves in lockstep.

use serde::{Deserialize, Serialize};

/// A hidden-layer activation function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activation {
    Sigmoid,
    Tanh,
    Relu,
    Linear,
}

/// A unit counts as saturated where g'(z) falls below this share of g's largest slope.
pub const SATURATION_THRESHOLD: f64 = 0.01;

impl Activation {
    pub const ALL: [Activation; 4] = [
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::Linear,
    ];

    /// The name used in the URL and the config.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Linear => "linear",
        }
    }

    pub fn from_name(name: &str) -> Option<Activation> {
        Activation::ALL.into_iter().find(|a| a.name() == name)
    }

    /// a = g(z).
    #[inline(always)]
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => tanh(z),
            // Written with a comparison, not `z.max(0.0)`: `f64::max` turns NaN into 0
            // and would hide a diverged weight behind a finite activation.
            Activation::Relu => {
                if z > 0.0 || z.is_nan() {
                    z
                } else {
                    0.0
                }
            }
            Activation::Linear => z,
        }
    }

    /// g'(z), expressed through a = g(z) where that is cheaper (sigmoid, tanh).
    #[inline(always)]
    pub fn derivative(self, z: f64, a: f64) -> f64 {
        match self {
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Tanh => 1.0 - a * a,
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Linear => 1.0,
        }
    }

    /// a = g(z) for a whole slice: the match is outside the loop so each loop vectorises.
    #[inline]
    pub fn apply_slice(self, z: &[f64], a: &mut [f64]) {
        let pairs = a.iter_mut().zip(z);
        match self {
            Activation::Sigmoid => pairs.for_each(|(a, &z)| *a = sigmoid(z)),
            Activation::Tanh => pairs.for_each(|(a, &z)| *a = tanh(z)),
            Activation::Relu => pairs.for_each(|(a, &z)| *a = Activation::Relu.apply(z)),
            Activation::Linear => a.copy_from_slice(z),
        }
    }

    /// δ ← δ · g'(z) for a whole slice (the backward pass through the nonlinearity).
    #[inline]
    pub fn scale_by_derivative(self, z: &[f64], a: &[f64], delta: &mut [f64]) {
        let triples = delta.iter_mut().zip(z).zip(a);
        match self {
            Activation::Sigmoid => triples.for_each(|((d, _), &a)| *d *= a * (1.0 - a)),
            Activation::Tanh => triples.for_each(|((d, _), &a)| *d *= 1.0 - a * a),
            Activation::Relu => {
                triples.for_each(|((d, &z), _)| *d *= if z > 0.0 { 1.0 } else { 0.0 })
            }
            Activation::Linear => {}
        }
    }

    /// The largest slope g' takes anywhere: 1/4 for sigmoid (at 0), 1 for the others.
    pub fn max_derivative(self) -> f64 {
        match self {
            Activation::Sigmoid => 0.25,
            _ => 1.0,
        }
    }

    /// True where the unit passes on less than 1 % of the gradient it could at best.
    pub fn is_saturated(self, z: f64, a: f64) -> bool {
        self.derivative(z, a) < SATURATION_THRESHOLD * self.max_derivative()
    }
}

/// The logistic sigmoid 1 / (1 + e^-z).
#[inline(always)]
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + exp(-z))
}

/// tanh(z) = 1 − 2 / (e^{2z} + 1): one `exp`, exactly 0 at z = 0, ±1 in the far tails.
#[inline(always)]
pub fn tanh(z: f64) -> f64 {
    let t = 1.0 - 2.0 / (exp(2.0 * z) + 1.0);
    // For tiny |z| that subtraction cancels; tanh(z) = z(1 − z²/3 + …) is then exact to rounding.
    // (A select, not a branch, so the loops over a batch stay vectorised.)
    if z.abs() < 1e-4 {
        z * (1.0 - z * z * (1.0 / 3.0))
    } else {
        t
    }
}

/// e^x to within a few ulps, with plain arithmetic only, so it vectorises and gives the
/// same bits on every target (no platform `exp`, no fused multiply-add).
///
/// Write x = k·ln 2 + r with k an integer and |r| ≤ ln2/2; then e^x = 2^k · e^r, where 2^k is
/// written straight into the exponent bits and e^r is its Taylor series to r¹³/13!
/// (truncation error below 1e-17 relative for |r| ≤ 0.35). x is clamped to [−708, 709], so
/// the result never reaches 0 or ∞ (both are about 1e-308 away from what any activation can tell apart).
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    let x = x.clamp(-708.0, 709.0); // keeps 2^k a normal number; NaN passes through
    const LOG2_E: f64 = std::f64::consts::LOG2_E;
    // ln 2 split in a high part with trailing zero bits (so k·LN2_HI is exact) and the rest.
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
    // Adding 1.5·2^52 rounds x·log2(e) to the nearest integer k, which then sits in the low
    // mantissa bits of `shifted`: that gives k both as a float and as bits for 2^k.
    const ROUNDER: f64 = 6_755_399_441_055_744.0;
    let shifted = x * LOG2_E + ROUNDER;
    let k = shifted - ROUNDER;
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // Horner form of Σ r^n / n!, n = 0..13.
    let mut p = 1.0 / 6_227_020_800.0;
    p = p * r + 1.0 / 479_001_600.0;
    p = p * r + 1.0 / 39_916_800.0;
    p = p * r + 1.0 / 3_628_800.0;
    p = p * r + 1.0 / 362_880.0;
    p = p * r + 1.0 / 40_320.0;
    p = p * r + 1.0 / 5_040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    // The low 12 bits of `shifted`'s mantissa are k mod 4096; adding the exponent bias and
    // moving them into the exponent field builds 2^k (for −1022 ≤ k ≤ 1023).
    let two_k = f64::from_bits(shifted.to_bits().wrapping_add(1023) << 52);
    p * two_k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_matches_libm_to_a_few_ulps() {
        let mut x = -708.0;
        while x < 709.0 {
            let (fast, exact) = (exp(x), libm::exp(x));
            // Range reduction and 14 Horner steps round ~20 times: allow 8 ulps (relative 8ε).
            if exact > f64::MIN_POSITIVE {
                assert!(
                    (fast - exact).abs() <= 8.0 * f64::EPSILON * exact,
                    "x={x}: {fast} vs {exact}"
                );
            } else {
                assert!(
                    (fast - exact).abs() <= 2.0 * f64::MIN_POSITIVE * f64::EPSILON,
                    "x={x}"
                );
            }
            x += 0.0731;
        }
        assert_eq!(exp(0.0), 1.0);
        // Clamped: far below 1e-300 and far above 1e300 instead of 0 and ∞.
        assert!(exp(-1000.0) > 0.0 && exp(-1000.0) < 1e-300);
        assert!(exp(1000.0).is_finite() && exp(1000.0) > 1e300);
        assert!(exp(f64::NAN).is_nan());
    }

    #[test]
    fn tanh_matches_libm_to_rounding() {
        let mut z = -30.0;
        while z < 30.0 {
            let diff = (tanh(z) - libm::tanh(z)).abs();
            // A few ulps of 1 at most: the formula needs one exp, one add and one divide.
            assert!(
                diff <= 4.0 * f64::EPSILON * libm::tanh(z).abs().max(1e-300) + 1e-300
                    || diff < 4e-16,
                "z={z} diff={diff}"
            );
            z += 0.0137;
        }
        assert_eq!(tanh(0.0), 0.0);
    }

    #[test]
    fn relu_propagates_nan() {
        assert!(Activation::Relu.apply(f64::NAN).is_nan());
    }

    #[test]
    fn sigmoid_is_symmetric_and_finite() {
        for z in [-800.0, -5.0, 0.0, 5.0, 800.0] {
            let s = sigmoid(z);
            assert!(s.is_finite());
            assert!((s + sigmoid(-z) - 1.0).abs() < 1e-15);
        }
        assert_eq!(sigmoid(0.0), 0.5);
    }
}

//! The hidden-layer nonlinearities g(z), their derivatives, and where they saturate.
//!
//! g(0) decides the symmetry lesson: tanh(0) = ReLU(0) = 0, so with all-zero weights
//! every hidden activation is 0 and no weight gradient can flow; sigmoid(0) = 0.5, so
//! the weights do move, but every unit moves in lockstep.
//!
//! Two versions of each function: [`Activation::apply`] in f64 exactly as a textbook
//! writes it (used by the baseline and the statistics), and [`fast`] in the engine's f32,
//! built from plain arithmetic so that whole batches vectorise and every target gives
//! the same bits.

use crate::real::Real;
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

    /// The URL names of [`Activation::ALL`], in order: the choices of the `act` key.
    pub const NAMES: [&'static str; 4] = names_of!(Activation::ALL, |x| x.name());

    /// The name used in the URL and the config.
    pub const fn name(self) -> &'static str {
        match self {
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Linear => "linear",
        }
    }

    pub fn from_name(name: &str) -> Option<Activation> {
        crate::position_of(&Activation::NAMES, name).map(|k| Activation::ALL[k])
    }

    /// a = g(z), as a textbook writes it.
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => libm::tanh(z),
            Activation::Relu => relu(z),
            Activation::Linear => z,
        }
    }

    /// g'(z), expressed through a = g(z) where that is cheaper (sigmoid, tanh).
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

    /// a = g(z) for a whole slice in the engine's f32; the match is outside the loop so each loop vectorises.
    #[inline]
    pub fn apply_slice(self, z: &[Real], a: &mut [Real]) {
        let pairs = a.iter_mut().zip(z);
        match self {
            Activation::Sigmoid => pairs.for_each(|(a, &z)| *a = fast::sigmoid(z)),
            Activation::Tanh => pairs.for_each(|(a, &z)| *a = fast::tanh(z)),
            Activation::Relu => pairs.for_each(|(a, &z)| *a = relu(z)),
            Activation::Linear => a.copy_from_slice(z),
        }
    }

    /// δ ← δ · g'(z) for a whole slice (the backward pass through the nonlinearity).
    #[inline]
    pub fn scale_by_derivative(self, z: &[Real], a: &[Real], delta: &mut [Real]) {
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
}

/// max(z, 0), written with a comparison rather than `max`: `f64::max` turns NaN into 0 and
/// would hide a diverged weight behind a finite activation.
#[inline(always)]
fn relu<T: PartialOrd + Default + Copy>(z: T) -> T {
    if z < T::default() {
        T::default()
    } else {
        z
    }
}

/// The logistic sigmoid 1 / (1 + e^-z), in f64.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-z))
}

/// The engine's f32 activations: plain arithmetic only (no platform `exp`, no fused
/// multiply-add), so they vectorise and give the same bits natively and in WebAssembly.
pub mod fast {
    use crate::real::Real;

    /// σ(z) = 1 / (1 + e^-z).
    #[inline(always)]
    pub fn sigmoid(z: Real) -> Real {
        1.0 / (1.0 + exp(-z))
    }

    /// tanh(z): its Taylor series near 0, where 1 − 2/(e^{2z} + 1) would cancel, and that
    /// formula elsewhere. Both are computed and one is selected, so batches stay vectorised.
    #[inline(always)]
    pub fn tanh(z: Real) -> Real {
        let far = 1.0 - 2.0 / (exp(2.0 * z) + 1.0);
        // z − z³/3 + 2z⁵/15 − 17z⁷/315 + 62z⁹/2835: for |z| < 0.3 the next term is below 2e-9·|z|.
        let z2 = z * z;
        let near = z
            * (1.0
                + z2 * (-1.0 / 3.0
                    + z2 * (2.0 / 15.0 + z2 * (-17.0 / 315.0 + z2 * (62.0 / 2835.0)))));
        if z.abs() < 0.3 {
            near
        } else {
            far
        }
    }

    /// e^x within a few f32 ulps.
    ///
    /// Write x = k·ln 2 + r with k an integer and |r| ≤ ln2/2; then e^x = 2^k · e^r, where 2^k
    /// is written straight into the exponent bits and e^r is its Taylor series to r⁷/7!
    /// (truncation error below 6e-9 relative). x is clamped to [−87, 88] so 2^k stays a
    /// normal number: the result never reaches 0 or ∞, which no activation can tell apart.
    #[inline(always)]
    pub fn exp(x: Real) -> Real {
        let x = x.clamp(-87.0, 88.0); // NaN passes through
                                      // ln 2 split so that k·LN2_HI is exact (LN2_HI has only 9 significant bits).
        const LN2_HI: Real = 0.693_359_4;
        const LN2_LO: Real = -2.121_944_4e-4;
        // Adding 1.5·2^23 rounds x·log2(e) to the nearest integer k, which then sits in the
        // low mantissa bits of `shifted`: k both as a float and as bits for 2^k.
        const ROUNDER: Real = 12_582_912.0;
        let shifted = x * std::f32::consts::LOG2_E + ROUNDER;
        let k = shifted - ROUNDER;
        let r = (x - k * LN2_HI) - k * LN2_LO;
        let mut p = 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        p = p * r + 1.0;
        // The low 9 bits of `shifted`'s mantissa are k mod 512; adding the exponent bias and
        // moving them into the exponent field builds 2^k (for −126 ≤ k ≤ 127).
        let two_k = Real::from_bits(shifted.to_bits().wrapping_add(127) << 23);
        p * two_k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative error of an f32 result against the f64 truth, in units of f32's ε.
    fn ulps(fast: f32, exact: f64) -> f64 {
        (fast as f64 - exact).abs() / (exact.abs() * f32::EPSILON as f64)
    }

    #[test]
    fn fast_exp_is_within_a_few_ulps() {
        let mut x = -87.0f32;
        while x < 88.0 {
            // Range reduction and 8 Horner steps round about a dozen times: allow 4 ulps.
            let e = ulps(fast::exp(x), libm::exp(x as f64));
            assert!(e <= 4.0, "x={x}: {e} ulps");
            x += 0.0173;
        }
        assert_eq!(fast::exp(0.0), 1.0);
        assert!(fast::exp(-1000.0) > 0.0 && fast::exp(-1000.0) < 1e-37);
        assert!(fast::exp(1000.0).is_finite() && fast::exp(1000.0) > 1e38);
        assert!(fast::exp(f32::NAN).is_nan());
    }

    #[test]
    fn fast_tanh_and_sigmoid_are_within_a_few_ulps() {
        let mut z = -20.0f32;
        while z < 20.0 {
            let t = libm::tanh(z as f64);
            // Near the switch at |z| = 0.3 the exp formula loses ~3.4 ulps to cancellation.
            assert!(
                ulps(fast::tanh(z), t) <= 8.0,
                "tanh({z}): {} ulps",
                ulps(fast::tanh(z), t)
            );
            let s = sigmoid(z as f64);
            assert!(ulps(fast::sigmoid(z), s) <= 8.0, "sigmoid({z})");
            z += 0.00731;
        }
        for tiny in [1e-30f32, 1e-8, 1e-3] {
            assert!(ulps(fast::tanh(tiny), libm::tanh(tiny as f64)) <= 1.0);
        }
        assert_eq!(fast::tanh(0.0), 0.0);
        assert_eq!(fast::tanh(50.0), 1.0);
        assert_eq!(fast::tanh(-50.0), -1.0);
    }

    #[test]
    fn relu_propagates_nan() {
        assert!(Activation::Relu.apply(f64::NAN).is_nan());
        let mut a = [0.0f32];
        Activation::Relu.apply_slice(&[f32::NAN], &mut a);
        assert!(a[0].is_nan());
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

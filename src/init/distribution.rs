//! A fully resolved weight distribution: what one layer's weights are drawn from.

use super::truncated_normal::TruncatedStandardNormal;
use crate::rng::Rng;
use crate::special::{normal_cdf, normal_pdf, normal_sf};

/// How far out the chart range of an unbounded normal reaches, in σ. A draw lands beyond
/// ±5σ with probability 5.7e-7, so the histogram loses nothing visible.
const CHART_SIGMAS: f64 = 5.0;

/// A fully resolved weight distribution (absolute numbers, mean of the parent normal is 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Distribution {
    /// Every weight is exactly 0.
    Zeros,
    /// Every weight is exactly this value.
    Constant(f64),
    /// Uniform on [lo, hi] (lo < hi).
    Uniform { lo: f64, hi: f64 },
    /// N(0, std²).
    Normal { std: f64 },
    /// N(0, std²) restricted to [lo, hi] (absolute values, lo < hi, either may be ±inf).
    TruncatedNormal { std: f64, lo: f64, hi: f64 },
}

impl Distribution {
    /// One weight. For many, prefer [`fill`](Self::fill): a truncated normal precomputes its
    /// tail probabilities once there, instead of once per draw.
    pub fn sample(&self, rng: &mut Rng) -> f64 {
        match *self {
            Distribution::TruncatedNormal { std, lo, hi } => {
                sample_truncated(&standardized(std, lo, hi), std, lo, hi, rng)
            }
            _ => self.sample_simple(rng),
        }
    }

    /// Draw a weight into every slot of `out`, in order (the same stream as repeated `sample`).
    pub fn fill(&self, rng: &mut Rng, out: &mut [f64]) {
        match *self {
            Distribution::TruncatedNormal { std, lo, hi } => {
                let z = standardized(std, lo, hi);
                for w in out.iter_mut() {
                    *w = sample_truncated(&z, std, lo, hi, rng);
                }
            }
            _ => {
                for w in out.iter_mut() {
                    *w = self.sample_simple(rng);
                }
            }
        }
    }

    /// Sampling for every family except the truncated normal.
    fn sample_simple(&self, rng: &mut Rng) -> f64 {
        match *self {
            Distribution::Zeros => 0.0,
            Distribution::Constant(c) => c,
            Distribution::Uniform { lo, hi } => rng.uniform(lo, hi),
            Distribution::Normal { std } => std * rng.standard_normal(),
            Distribution::TruncatedNormal { .. } => unreachable!("handled by the caller"),
        }
    }

    /// E[w], exact (after truncation).
    pub fn mean(&self) -> f64 {
        match *self {
            Distribution::Zeros | Distribution::Normal { .. } => 0.0,
            Distribution::Constant(c) => c,
            Distribution::Uniform { lo, hi } => 0.5 * (lo + hi),
            // Rounding can put std·mean one ulp outside a very narrow interval; the mean of
            // samples inside [lo, hi] is inside it, so say so exactly.
            Distribution::TruncatedNormal { std, lo, hi } => {
                (std * standardized(std, lo, hi).mean()).clamp(lo, hi)
            }
        }
    }

    /// Var[w], exact (after truncation; the truncated normal's from its erf/erfc closed form).
    pub fn variance(&self) -> f64 {
        match *self {
            Distribution::Zeros | Distribution::Constant(_) => 0.0,
            Distribution::Uniform { lo, hi } => (hi - lo) * (hi - lo) / 12.0,
            Distribution::Normal { std } => std * std,
            Distribution::TruncatedNormal { std, lo, hi } => {
                std * std * standardized(std, lo, hi).variance()
            }
        }
    }

    /// Standard deviation of w (after truncation).
    pub fn std(&self) -> f64 {
        match *self {
            Distribution::Normal { std } => std,
            Distribution::TruncatedNormal { std, lo, hi } => std * standardized(std, lo, hi).std(),
            _ => f64::sqrt(self.variance()),
        }
    }

    /// Probability density at x. Zeros and Constant are point masses, which have no density:
    /// they return 0 (see [`point_mass`](Self::point_mass)).
    pub fn pdf(&self, x: f64) -> f64 {
        match *self {
            Distribution::Zeros | Distribution::Constant(_) => 0.0,
            Distribution::Uniform { lo, hi } => {
                if (lo..=hi).contains(&x) {
                    1.0 / (hi - lo)
                } else {
                    0.0
                }
            }
            Distribution::Normal { std } => normal_pdf(x / std) / std,
            Distribution::TruncatedNormal { std, lo, hi } => {
                if (lo..=hi).contains(&x) {
                    standardized(std, lo, hi).pdf(x / std) / std
                } else {
                    0.0
                }
            }
        }
    }

    /// P(w ≤ x), e.g. for a Kolmogorov–Smirnov test of sampled weights.
    pub fn cdf(&self, x: f64) -> f64 {
        let step = |at: f64| if x < at { 0.0 } else { 1.0 };
        match *self {
            Distribution::Zeros => step(0.0),
            Distribution::Constant(c) => step(c),
            Distribution::Uniform { lo, hi } => ((x - lo) / (hi - lo)).clamp(0.0, 1.0),
            Distribution::Normal { std } => normal_cdf(x / std),
            Distribution::TruncatedNormal { std, lo, hi } => {
                if x < lo {
                    0.0
                } else if x >= hi {
                    1.0
                } else {
                    standardized(std, lo, hi).cdf(x / std)
                }
            }
        }
    }

    /// ln of the share of the parent normal a truncated normal keeps (0 for the other families,
    /// which keep all of theirs). Finite for every interval the config accepts, however far out.
    pub fn log_mass(&self) -> f64 {
        match *self {
            Distribution::TruncatedNormal { std, lo, hi } => standardized(std, lo, hi).log_mass(),
            _ => 0.0,
        }
    }

    /// The value every weight takes, for Zeros and Constant; `None` for the continuous families.
    pub fn point_mass(&self) -> Option<f64> {
        match *self {
            Distribution::Zeros => Some(0.0),
            Distribution::Constant(c) => Some(c),
            _ => None,
        }
    }

    /// A finite range holding the distribution, for charts: the bounds themselves where they
    /// are finite, ±5σ for a normal, and for an open end of a truncated normal the point
    /// beyond which it keeps the same tiny share (P(Z > 5) = 2.9e-7) of its mass.
    /// A point mass at c gets [c − 1, c + 1].
    pub fn support(&self) -> (f64, f64) {
        match *self {
            Distribution::Zeros => (-1.0, 1.0),
            Distribution::Constant(c) => (c - 1.0, c + 1.0),
            Distribution::Uniform { lo, hi } => (lo, hi),
            Distribution::Normal { std } => (-CHART_SIGMAS * std, CHART_SIGMAS * std),
            Distribution::TruncatedNormal { std, lo, hi } => {
                let z = standardized(std, lo, hi);
                let share = normal_sf(CHART_SIGMAS);
                let left = if lo.is_finite() {
                    lo
                } else {
                    std * z.quantile(share)
                };
                let right = if hi.is_finite() {
                    hi
                } else {
                    std * z.quantile(1.0 - share)
                };
                (left, right)
            }
        }
    }
}

/// The truncated normal in σ units: N(0, 1) cut to [lo/σ, hi/σ].
fn standardized(std: f64, lo: f64, hi: f64) -> TruncatedStandardNormal {
    TruncatedStandardNormal::new(lo / std, hi / std)
}

/// A draw from N(0, std²) cut to [lo, hi], given the same distribution in σ units.
/// Clamped again in absolute units: (lo/σ)·σ can round to just outside lo.
fn sample_truncated(z: &TruncatedStandardNormal, std: f64, lo: f64, hi: f64, rng: &mut Rng) -> f64 {
    (std * z.sample(rng)).max(lo).min(hi)
}

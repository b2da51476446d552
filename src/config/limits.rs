//! The limits of the settings: how large a network, a dataset, a learning rate or a cut the
//! page accepts. The key [`TABLE`](super::TABLE)'s ranges are built from them.

pub use crate::init::{MAX_SCALE, MIN_SCALE};

/// Most hidden layers a learner may ask for, when no layer is wider than
/// [`DEEP_MAX_UNITS`] (issue #21: the edge-of-chaos and orthogonal-depth lessons need 20
/// and 32 layers of 64; `make bench` times the frame at 20 × 64 and 32 × 64).
pub const MAX_HIDDEN_LAYERS: usize = 32;
/// The widest layer a network deeper than [`MAX_WIDE_HIDDEN_LAYERS`] may have.
pub const DEEP_MAX_UNITS: usize = 64;
/// Most hidden layers when a layer is wider than [`DEEP_MAX_UNITS`]: 32 layers of 256
/// would cost 16 times the work of 32 × 64 per step, far beyond a frame.
pub const MAX_WIDE_HIDDEN_LAYERS: usize = 8;
/// Most units in one hidden layer.
pub const MAX_UNITS: usize = 256;
/// Most data points (train + test).
pub const MAX_POINTS: usize = 5000;
/// Fewest data points for the generated datasets (so the 20 % test split is not empty).
pub const MIN_POINTS: usize = 10;
/// Learning rates are accepted in (0, MAX_LR].
pub const MAX_LR: f64 = 10.0;
/// Truncation bounds (in σ units or absolute) are accepted within ±this. [40σ, 41σ] is
/// already a tail no normal draw reaches once in 10³⁵⁰ tries.
pub const MAX_BOUND: f64 = 1000.0;
/// σ_b, the std of drawn biases, is accepted in [0, MAX_BIAS_SIGMA]: the range the
/// mean-field theory's API takes (its phase diagram stops at σ_b² = 0.3).
pub const MAX_BIAS_SIGMA: f64 = 10.0;
/// Seeds are whole numbers that JavaScript represents exactly.
pub const MAX_SEED: f64 = 9_007_199_254_740_991.0;

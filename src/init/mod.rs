//! Weight initialisation: which distribution a layer's weights start from, and at what scale.
//!
//! An initialiser is a [`Family`] (zeros, constant, uniform, normal, truncated normal) times a
//! [`ScaleRule`] (manual σ, LeCun, Glorot, He) times a gain; or a whole (semi-)orthogonal
//! matrix times a gain (`orthogonal`), which LSUV then rescales on data (`lsuv`). [`WeightInit::for_layer`] turns it
//! into a concrete [`Distribution`] for one layer's fan-in and fan-out, refusing settings that
//! cannot work with a [`ConfigError`](crate::ConfigError) a learner can act on.
//!
//! - [`distribution`]: the resolved distributions, their sampling and exact moments;
//! - [`truncated_normal`]: the truncated normal, sampled exactly for any interval;
//! - [`scale`]: the scale rules;
//! - [`orthogonal`]: a layer's weights as gain × a Haar (semi-)orthogonal matrix, by QR;
//! - [`lsuv`]: layer-sequential unit-variance rescaling of an orthogonal start, on a batch;
//! - `resolve`: from family, rule and gain to a layer's distribution (variance correction, checks).

pub mod distribution;
pub mod lsuv;
pub mod orthogonal;
mod resolve;
pub mod scale;
pub mod truncated_normal;

pub use distribution::Distribution;
pub use scale::{RuleKind, ScaleRule, MAX_SCALE, MIN_SCALE};
pub use truncated_normal::TruncatedStandardNormal;

use crate::real::Real;
use crate::rng::Rng;

/// Where truncation bounds are given: in units of σ (Keras/JAX) or as absolute values (PyTorch trunc_normal_).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundsUnit {
    /// lo and hi are multiples of the parent σ: Keras' ±2 means ±2σ.
    Sigma,
    /// lo and hi are weight values: PyTorch's `trunc_normal_(a=-2, b=2)` cuts at ±2, whatever σ is.
    Absolute,
}

impl BoundsUnit {
    pub const ALL: [BoundsUnit; 2] = [BoundsUnit::Sigma, BoundsUnit::Absolute];

    /// The URL names of [`BoundsUnit::ALL`], in order: the choices of the `bounds` key.
    pub const NAMES: [&'static str; 2] = names_of!(BoundsUnit::ALL, |x| x.name());

    /// The name used in the URL and the config.
    pub const fn name(self) -> &'static str {
        match self {
            BoundsUnit::Sigma => "sigma",
            BoundsUnit::Absolute => "abs",
        }
    }

    pub fn from_name(name: &str) -> Option<BoundsUnit> {
        crate::position_of(&BoundsUnit::NAMES, name).map(|k| BoundsUnit::ALL[k])
    }
}

/// A [`Family`] without its parameters: what the `init` key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FamilyKind {
    Zeros,
    Constant,
    Uniform,
    Normal,
    TruncatedNormal,
    Orthogonal,
    Lsuv,
}

impl FamilyKind {
    pub const ALL: [FamilyKind; 7] = [
        FamilyKind::Zeros,
        FamilyKind::Constant,
        FamilyKind::Uniform,
        FamilyKind::Normal,
        FamilyKind::TruncatedNormal,
        FamilyKind::Orthogonal,
        FamilyKind::Lsuv,
    ];

    /// The URL names of [`FamilyKind::ALL`], in order: the choices of the `init` key.
    pub const NAMES: [&'static str; 7] = names_of!(FamilyKind::ALL, |x| x.name());

    /// The name used in the URL and the config.
    pub const fn name(self) -> &'static str {
        match self {
            FamilyKind::Zeros => "zeros",
            FamilyKind::Constant => "constant",
            FamilyKind::Uniform => "uniform",
            FamilyKind::Normal => "normal",
            FamilyKind::TruncatedNormal => "truncnormal",
            FamilyKind::Orthogonal => "orthogonal",
            FamilyKind::Lsuv => "lsuv",
        }
    }

    pub fn from_name(name: &str) -> Option<FamilyKind> {
        crate::position_of(&FamilyKind::NAMES, name).map(|k| FamilyKind::ALL[k])
    }
}

/// The family of the weight distribution, before a scale is chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Family {
    /// All weights 0: every unit computes the same thing, and (with tanh) nothing ever learns.
    Zeros,
    /// All weights equal: random-free, so units stay identical forever.
    Constant(f64),
    /// Symmetric uniform with standard deviation σ, i.e. bounds ±σ√3.
    Uniform,
    /// N(0, σ²).
    Normal,
    /// N(0, σ'²) cut to [lo, hi]. With `variance_corrected`, σ' is chosen so that the std
    /// after cutting is the requested σ (as Keras does); without, σ' = σ and the weights come
    /// out narrower than asked (as PyTorch's `trunc_normal_` does).
    TruncatedNormal {
        lo: f64,
        hi: f64,
        bounds: BoundsUnit,
        variance_corrected: bool,
    },
    /// gain × a Haar-distributed (semi-)orthogonal matrix per layer (Saxe et al. 2014,
    /// PyTorch's `orthogonal_`). No scale rule applies: orthogonality fixes the scale.
    Orthogonal,
    /// LSUV (Mishkin & Matas 2016): orthogonal at gain 1, then each layer in turn rescaled
    /// until its pre-activations on a batch of training points have variance 1 ± 0.1.
    Lsuv,
}

impl Family {
    /// Which family this is, without its parameters.
    pub fn kind(&self) -> FamilyKind {
        match self {
            Family::Zeros => FamilyKind::Zeros,
            Family::Constant(_) => FamilyKind::Constant,
            Family::Uniform => FamilyKind::Uniform,
            Family::Normal => FamilyKind::Normal,
            Family::TruncatedNormal { .. } => FamilyKind::TruncatedNormal,
            Family::Orthogonal => FamilyKind::Orthogonal,
            Family::Lsuv => FamilyKind::Lsuv,
        }
    }
}

/// A weight initialiser: family, scale rule and gain.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeightInit {
    pub family: Family,
    pub scale: ScaleRule,
    /// Multiplies the σ of every rule except `Manual` (e.g. PyTorch uses 5/3 for tanh).
    pub gain: f64,
}

/// What one layer's weights were actually drawn from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerInit {
    /// σ parameter the weights were drawn with, before truncation (after variance correction if asked).
    /// 0 for Zeros and Constant, which have no σ.
    pub sigma_used: f64,
    /// σ the scale rule asked for (the "requested" std). 0 for Zeros and Constant.
    pub sigma_requested: f64,
    /// What the weights are drawn from, one by one. For an orthogonal layer, which is drawn
    /// as a whole (see `draw`), the normal of the entries' exact mean 0 and variance
    /// gain²/max(fan_in, fan_out): what its histogram is compared with, and what biases
    /// drawn "like the weights" are drawn from.
    pub distribution: Distribution,
    /// How the weights are drawn: one by one, or as one orthogonal matrix.
    pub draw: Draw,
    /// What LSUV did to this layer (`None` unless `init=lsuv`): filled by the experiment,
    /// which has the data LSUV needs.
    pub lsuv: Option<LsuvOutcome>,
}

/// What LSUV ([`lsuv`]) did to one layer.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct LsuvOutcome {
    /// Rescalings of the layer's weights (0: Var(z) was already within 1 ± 0.1).
    pub iterations: usize,
    /// Var(z) over the batch's (point, unit) pairs after the last rescaling.
    pub variance: f64,
    /// Whether that variance is within 1 ± 0.1 (LSUV's tolerance); if not, the cap was reached
    /// or z does not depend on the weights (every input 0) or too little to rescale without
    /// overflow, and the layer stays as it ended.
    pub converged: bool,
    /// The product of the rescalings: the layer's weights are this times their orthogonal draw.
    pub scale: f64,
}

/// How a layer's weights are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Draw {
    /// Each weight on its own from the layer's [`Distribution`].
    Independent,
    /// The whole matrix at once: `gain` × a Haar (semi-)orthogonal matrix ([`orthogonal::draw`]).
    Orthogonal { gain: f64 },
}

impl LayerInit {
    /// Draws a layer's weights into `out` (`rows` = fan_out × `cols` = fan_in, row-major, as
    /// the engine lays them out), from `rng`, in order.
    pub fn fill_weights(&self, out: &mut [Real], rows: usize, cols: usize, rng: &mut Rng) {
        debug_assert_eq!(out.len(), rows * cols);
        match self.draw {
            Draw::Independent => {
                for w in out.iter_mut() {
                    *w = self.distribution.sample(rng) as Real;
                }
            }
            Draw::Orthogonal { gain } => {
                for (w, q) in out.iter_mut().zip(orthogonal::draw(rows, cols, gain, rng)) {
                    *w = q as Real;
                }
            }
        }
    }
}

/// How biases start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BiasInit {
    Zeros,
    Constant(f64),
    /// Drawn from the same distribution as the layer's weights.
    SameAsWeights,
    /// Drawn from N(0, std²), whatever the weights: the σ_b of mean-field theory.
    Normal {
        std: f64,
    },
}

impl BiasInit {
    /// The distribution a layer's biases are drawn from, given how its weights were.
    pub fn distribution(&self, weights: &LayerInit) -> Distribution {
        match *self {
            BiasInit::Zeros => Distribution::Zeros,
            BiasInit::Constant(c) => Distribution::Constant(c),
            BiasInit::SameAsWeights => weights.distribution,
            BiasInit::Normal { std } => Distribution::Normal { std },
        }
    }
}

//! Weight initialisation: which distribution a layer's weights start from, and at what scale.
//!
//! An initialiser is a [`Family`] (zeros, constant, uniform, normal, truncated normal) times a
//! [`ScaleRule`] (manual σ, LeCun, Glorot, He) times a gain. [`WeightInit::for_layer`] turns it
//! into a concrete [`Distribution`] for one layer's fan-in and fan-out, refusing settings that
//! cannot work with a [`ConfigError`](crate::ConfigError) a learner can act on.
//!
//! - [`distribution`]: the resolved distributions, their sampling and exact moments;
//! - [`truncated_normal`]: the truncated normal, sampled exactly for any interval;
//! - [`scale`]: the scale rules;
//! - `resolve`: from family, rule and gain to a layer's distribution (variance correction, checks).

pub mod distribution;
mod resolve;
pub mod scale;
pub mod truncated_normal;

pub use distribution::Distribution;
pub use scale::{RuleKind, ScaleRule, MAX_SCALE, MIN_SCALE};
pub use truncated_normal::TruncatedStandardNormal;

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
}

impl FamilyKind {
    pub const ALL: [FamilyKind; 5] = [
        FamilyKind::Zeros,
        FamilyKind::Constant,
        FamilyKind::Uniform,
        FamilyKind::Normal,
        FamilyKind::TruncatedNormal,
    ];

    /// The URL names of [`FamilyKind::ALL`], in order: the choices of the `init` key.
    pub const NAMES: [&'static str; 5] = names_of!(FamilyKind::ALL, |x| x.name());

    /// The name used in the URL and the config.
    pub const fn name(self) -> &'static str {
        match self {
            FamilyKind::Zeros => "zeros",
            FamilyKind::Constant => "constant",
            FamilyKind::Uniform => "uniform",
            FamilyKind::Normal => "normal",
            FamilyKind::TruncatedNormal => "truncnormal",
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
    pub distribution: Distribution,
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

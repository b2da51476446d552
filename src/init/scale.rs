//! Scale rules: how a layer's weight standard deviation σ follows from its fan-in and fan-out.
//!
//! Each rule keeps some signal's variance constant from layer to layer. With n inputs of
//! variance v and weights of variance σ², a unit's weighted sum has variance n·σ²·v, so
//! σ² = 1/n keeps it at v: that is LeCun. Glorot balances the forward pass (fan-in) against
//! the backward pass (fan-out); He doubles LeCun because ReLU zeroes half of its inputs.
//! The gain then corrects for the nonlinearity actually used.
//!
//! The accepted σ and gain, [`MIN_SCALE`] to [`MAX_SCALE`], are the key table's ranges for
//! `sigma` and `gain`: a config's validation checks them there, once, whatever the init.

/// σ, gain and constants are accepted up to this size: beyond it every unit is saturated anyway.
pub const MAX_SCALE: f64 = 100.0;
/// σ and gain are accepted down to this size. The engine computes in 32-bit floats, whose
/// smallest normal number is 1.2e-38: a signal scaled by 1e-9 per layer is already 1e-72 after
/// eight layers, and a σ of 5e-324 would turn truncation bounds σ·lo, σ·hi into ±0.
pub const MIN_SCALE: f64 = 1e-9;

/// How σ is chosen per layer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ScaleRule {
    /// σ itself, the same for every layer; the gain is ignored.
    Manual(f64),
    /// Var = gain²/fan_in (LeCun 1998; what Caffe calls "Xavier").
    LeCun,
    /// Var = gain²·2/(fan_in + fan_out) (Glorot & Bengio 2010, "Xavier").
    Glorot,
    /// Var = gain²·2/fan_in (He et al. 2015, "Kaiming").
    He,
}

/// A [`ScaleRule`] without its σ: what the `scale` key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    Manual,
    LeCun,
    Glorot,
    He,
}

impl RuleKind {
    pub const ALL: [RuleKind; 4] = [
        RuleKind::Manual,
        RuleKind::LeCun,
        RuleKind::Glorot,
        RuleKind::He,
    ];

    /// The URL names of [`RuleKind::ALL`], in order: the choices of the `scale` key.
    pub const NAMES: [&'static str; 4] = names_of!(RuleKind::ALL, |x| x.name());

    /// The name used in the URL and the config.
    pub const fn name(self) -> &'static str {
        match self {
            RuleKind::Manual => "manual",
            RuleKind::LeCun => "lecun",
            RuleKind::Glorot => "glorot",
            RuleKind::He => "he",
        }
    }

    pub fn from_name(name: &str) -> Option<RuleKind> {
        crate::position_of(&RuleKind::NAMES, name).map(|k| RuleKind::ALL[k])
    }

    /// The rule, with `sigma` for `Manual` (the other rules ignore it).
    pub fn rule(self, sigma: f64) -> ScaleRule {
        match self {
            RuleKind::Manual => ScaleRule::Manual(sigma),
            RuleKind::LeCun => ScaleRule::LeCun,
            RuleKind::Glorot => ScaleRule::Glorot,
            RuleKind::He => ScaleRule::He,
        }
    }
}

impl ScaleRule {
    /// The σ this rule asks for in a layer with `fan_in` inputs and `fan_out` outputs per unit.
    ///
    /// `Manual(σ)` returns σ exactly and ignores `gain`: a hand-picked σ is already the final
    /// number. Rules that use a fan give +∞ when that fan is 0.
    pub fn std(&self, gain: f64, fan_in: usize, fan_out: usize) -> f64 {
        match *self {
            ScaleRule::Manual(sigma) => sigma,
            ScaleRule::LeCun => gain * f64::sqrt(1.0 / fan_in as f64),
            ScaleRule::Glorot => gain * f64::sqrt(2.0 / (fan_in + fan_out) as f64),
            ScaleRule::He => gain * f64::sqrt(2.0 / fan_in as f64),
        }
    }

    /// Which rule this is, without its σ.
    pub fn kind(&self) -> RuleKind {
        match self {
            ScaleRule::Manual(_) => RuleKind::Manual,
            ScaleRule::LeCun => RuleKind::LeCun,
            ScaleRule::Glorot => RuleKind::Glorot,
            ScaleRule::He => RuleKind::He,
        }
    }

    /// Whether the rule multiplies by the gain (every rule but `Manual`).
    pub fn uses_gain(&self) -> bool {
        !matches!(self, ScaleRule::Manual(_))
    }

    /// The rule's usual name, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            ScaleRule::Manual(_) => "manual",
            ScaleRule::LeCun => "LeCun",
            ScaleRule::Glorot => "Glorot",
            ScaleRule::He => "He",
        }
    }
}

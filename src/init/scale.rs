//! Scale rules: how a layer's weight standard deviation σ follows from its fan-in and fan-out.
//!
//! Each rule keeps some signal's variance constant from layer to layer. With n inputs of
//! variance v and weights of variance σ², a unit's weighted sum has variance n·σ²·v, so
//! σ² = 1/n keeps it at v: that is LeCun. Glorot balances the forward pass (fan-in) against
//! the backward pass (fan-out); He doubles LeCun because ReLU zeroes half of its inputs.
//! The gain then corrects for the nonlinearity actually used.

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

impl ScaleRule {
    /// The σ this rule asks for in a layer with `fan_in` inputs and `fan_out` outputs per unit.
    ///
    /// `Manual(σ)` returns σ exactly and ignores `gain`: a hand-picked σ is already the final
    /// number. Rules that use a fan give +∞ when that fan is 0.
    pub fn std(&self, gain: f64, fan_in: usize, fan_out: usize) -> f64 {
        match *self {
            ScaleRule::Manual(sigma) => sigma,
            ScaleRule::LeCun => gain * libm::sqrt(1.0 / fan_in as f64),
            ScaleRule::Glorot => gain * libm::sqrt(2.0 / (fan_in + fan_out) as f64),
            ScaleRule::He => gain * libm::sqrt(2.0 / fan_in as f64),
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

//! From a [`Config`] to the [`Spec`] the engine runs: every range (read from the key
//! [`TABLE`](super::TABLE)) and every combination, or a [`ConfigError`] naming the key.
//! This is network A alone; `Config::validate` in [`crate::link`] checks B too.
//!
//! The checks run in a fixed order (weights, biases, network, data, training, then every
//! layer's resolved init), so a config with several faults always reports the same one.

use super::record::{layer_sizes, Config, Spec};
use super::table;
use super::text::{number, parse_layers};
use crate::activation::Activation;
use crate::data::{DataSpec, DatasetKind};
use crate::error::ErrorText;
use crate::init::{
    check_gain, check_sigma, BiasInit, BoundsUnit, Family, FamilyKind, RuleKind, WeightInit,
};
use crate::loss::Loss;
use crate::ConfigError;

impl Config {
    /// Check every range and combination of these settings' own network (not B's); the
    /// typed result is what the engine runs.
    pub fn spec(&self) -> Result<Spec, ConfigError> {
        let weights = self.weight_init()?;
        let jitter = checked("jitter", self.jitter)?;
        let bias = self.bias_init()?;
        let hidden = row("act")?.choice(&self.act, Activation::from_name)?;
        let hidden_sizes = parse_layers(&self.layers)?;
        let kind = row("data")?.choice(&self.data, DatasetKind::from_name)?;
        let points = checked("points", self.points)? as usize;
        let noise = checked("noise", self.noise)?;
        let lr = checked("lr", self.lr)?;
        let batch = checked("batch", self.batch)? as usize;
        let momentum = checked("momentum", self.momentum)?;
        let loss = row("loss")?.choice(&self.loss, Loss::from_name)?;
        let seed = checked("seed", self.seed)? as u64;
        // Resolve the init for every layer now, so a bad σ or truncation is reported here.
        for (fan_in, fan_out) in crate::mlp::fans(&layer_sizes(&hidden_sizes), self.shortcut) {
            weights.for_layer(fan_in, fan_out)?;
        }
        Ok(Spec {
            weights,
            jitter,
            bias,
            hidden,
            hidden_sizes,
            shortcut: self.shortcut,
            data: DataSpec {
                kind,
                points,
                noise,
                seed,
            },
            lr,
            batch,
            momentum,
            loss,
            seed,
        })
    }

    /// The weight initialiser: family, then σ and gain (both checked whichever rule is
    /// chosen, so a link never carries a bad one), then the scale rule.
    fn weight_init(&self) -> Result<WeightInit, ConfigError> {
        let family = self.family()?;
        check_sigma(self.sigma)?;
        check_gain(self.gain)?;
        let rule = row("scale")?.choice(&self.scale, RuleKind::from_name)?;
        Ok(WeightInit {
            family,
            scale: rule.rule(self.sigma),
            gain: self.gain,
        })
    }

    /// The distribution family named by `init`, with the keys it uses.
    fn family(&self) -> Result<Family, ConfigError> {
        Ok(
            match row("init")?.choice(&self.init, FamilyKind::from_name)? {
                FamilyKind::Zeros => Family::Zeros,
                FamilyKind::Constant => Family::Constant(checked("const", self.constant)?),
                FamilyKind::Uniform => Family::Uniform,
                FamilyKind::Normal => Family::Normal,
                FamilyKind::TruncatedNormal => Family::TruncatedNormal {
                    lo: checked("lo", self.lo)?,
                    hi: checked("hi", self.hi)?,
                    bounds: row("bounds")?.choice(&self.bounds, BoundsUnit::from_name)?,
                    variance_corrected: self.correct,
                },
            },
        )
    }

    /// How the biases start: `init` (like the weights), 0, or another constant.
    fn bias_init(&self) -> Result<BiasInit, ConfigError> {
        if self.bias == "init" {
            return Ok(BiasInit::SameAsWeights);
        }
        let b = checked("bias", number("bias", &self.bias)?)?;
        Ok(if b == 0.0 {
            BiasInit::Zeros
        } else {
            BiasInit::Constant(b)
        })
    }
}

/// The table row of a key this module checks.
fn row(name: &'static str) -> Result<&'static table::Key, ConfigError> {
    table::key(name).ok_or_else(|| ConfigError::new(name, ErrorText::new("notInTable")))
}

/// `x` if it lies in the range the table gives the key `name`.
fn checked(name: &'static str, x: f64) -> Result<f64, ConfigError> {
    row(name)?.check(x)
}

//! From a [`Config`] to the [`Spec`] the engine runs: every range (read from the key
//! [`TABLE`](super::TABLE)) and every combination, or a [`ConfigError`] naming the key.
//! This is network A alone; `Config::validate` in [`crate::link`] checks B too.
//!
//! The checks run in a fixed order (every number's range in key order, then the names, the
//! biases, the layers, and last every layer's resolved init), so a config with several
//! faults always reports the same one.

use super::record::{layer_sizes, Config, Spec};
use super::table::{self, TABLE};
use super::text::{number, parse_layers};
use crate::activation::Activation;
use crate::data::{DataSpec, DatasetKind};
use crate::error::ErrorText;
use crate::init::{BiasInit, BoundsUnit, Family, FamilyKind, RuleKind, WeightInit};
use crate::loss::{Head, Loss};
use crate::ConfigError;

impl Config {
    /// Check every range and combination of these settings' own network (not B's); the
    /// typed result is what the engine runs, every layer's init resolved once.
    pub fn spec(&self) -> Result<Spec, ConfigError> {
        // Every number's range, in one place and whatever the init uses: a link never
        // carries a value out of range, even for a key the current init ignores.
        for key in TABLE {
            key.check_range(self)?;
        }
        let weights = self.weight_init()?;
        let bias = self.bias_init()?;
        let hidden = row("act")?.choice(&self.act, Activation::from_name)?;
        let hidden_sizes = parse_layers(&self.layers)?;
        // No hidden layer (`layers=0`, logistic regression): a shortcut would feed the
        // inputs to the output twice, so it is refused by name. `act` and `jitter` have
        // nothing to act on (no hidden unit, no symmetry between units to break) and are
        // left unused, as `Config::applies` tells the page.
        if hidden_sizes.is_empty() && self.shortcut {
            return Err(ConfigError::new(
                "shortcut",
                ErrorText::new("layers.needsHidden").with("key", "shortcut=1"),
            ));
        }
        let kind = row("data")?.choice(&self.data, DatasetKind::from_name)?;
        let loss = row("loss")?.choice(&self.loss, Head::from_name)?;
        data_fits(kind, loss, self.shortcut)?;
        // Each layer's init, resolved here and only here: a σ the rule cannot give or a cut
        // that cannot work is reported now, and the experiment draws from these.
        let layers = crate::mlp::fans(&layer_sizes(&hidden_sizes, kind), self.shortcut)
            .into_iter()
            .map(|(fan_in, fan_out)| weights.for_layer(fan_in, fan_out))
            .collect::<Result<Vec<_>, _>>()?;
        let seed = self.seed as u64;
        Ok(Spec {
            weights,
            layers,
            jitter: if hidden_sizes.is_empty() {
                0.0
            } else {
                self.jitter
            },
            bias,
            hidden,
            hidden_sizes,
            shortcut: self.shortcut,
            data: DataSpec {
                kind,
                points: self.points as usize,
                noise: self.noise,
                seed,
            },
            lr: self.lr,
            batch: self.batch as usize,
            momentum: self.momentum,
            loss,
            seed,
        })
    }

    /// The weight initialiser: family and scale rule, with σ and the gain as given (their
    /// ranges were checked with every other key's).
    fn weight_init(&self) -> Result<WeightInit, ConfigError> {
        let family = self.family()?;
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
                FamilyKind::Constant => Family::Constant(self.constant),
                FamilyKind::Uniform => Family::Uniform,
                FamilyKind::Normal => Family::Normal,
                FamilyKind::TruncatedNormal => Family::TruncatedNormal {
                    lo: self.lo,
                    hi: self.hi,
                    bounds: row("bounds")?.choice(&self.bounds, BoundsUnit::from_name)?,
                    variance_corrected: self.correct,
                },
                FamilyKind::Orthogonal => Family::Orthogonal,
                FamilyKind::Lsuv => Family::Lsuv,
            },
        )
    }

    /// How the biases start: `init` (like the weights), 0, or another constant; drawn from
    /// N(0, σ_b²) when `bsigma` > 0, which overrides `bias` (still checked, so that a link
    /// never carries a bad value).
    fn bias_init(&self) -> Result<BiasInit, ConfigError> {
        let constant = self.bias_constant()?;
        Ok(if self.bsigma > 0.0 {
            BiasInit::Normal { std: self.bsigma }
        } else {
            constant
        })
    }

    /// How the biases start by the `bias` key alone.
    fn bias_constant(&self) -> Result<BiasInit, ConfigError> {
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

/// Whether the data set `kind` can be trained with the output and loss `loss` and the
/// `shortcut`: the digits need their download, a softmax trained on `ce`, and no shortcut;
/// the plane's sets one sigmoid trained on `bce` or `mse`. Each refusal says why.
///
/// `mse` is refused for the digits rather than put on their softmax: squared error on a
/// softmax has no gradient left where the network is confidently wrong (every p is 0 or 1,
/// so every p_j·(δ_jk − p_k) is 0), the sigmoid's old trouble again, and the lessons on the
/// digits compare inits, not losses.
fn data_fits(kind: DatasetKind, loss: Head, shortcut: bool) -> Result<(), ConfigError> {
    if !kind.is_digits() {
        return match loss {
            Head::Softmax => Err(ConfigError::new(
                "loss",
                ErrorText::new("loss.ceNeedsDigits").with("data", kind.name()),
            )),
            Head::Sigmoid(_) => Ok(()),
        };
    }
    if crate::digits::installed().is_none() {
        return Err(ConfigError::new(
            "data",
            ErrorText::new("data.digitsMissing"),
        ));
    }
    if shortcut {
        return Err(ConfigError::new(
            "shortcut",
            ErrorText::new("shortcut.digits"),
        ));
    }
    match loss {
        Head::Softmax => Ok(()),
        Head::Sigmoid(Loss::Bce) => Err(ConfigError::new("loss", ErrorText::new("loss.bceDigits"))),
        Head::Sigmoid(Loss::Mse) => Err(ConfigError::new("loss", ErrorText::new("loss.mseDigits"))),
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

//! Every setting a learner can change, as one flat record whose keys are the page's URL keys.
//!
//! [`Config`] holds the raw values (strings, numbers, flags) exactly as a URL or a JS call
//! gives them; [`Config::validate`] turns them into a typed [`Spec`] or a [`ConfigError`]
//! naming the key and saying what would be accepted. Framework presets live in [`presets`].

pub mod presets;

use crate::activation::Activation;
use crate::data::{DataSpec, DatasetKind};
use crate::error::show;
use crate::init::{BiasInit, BoundsUnit, Family, ScaleRule, WeightInit};
use crate::loss::Loss;
use crate::ConfigError;
use serde::Serialize;

/// Most hidden layers a learner may ask for.
pub const MAX_HIDDEN_LAYERS: usize = 8;
/// Most units in one hidden layer.
pub const MAX_UNITS: usize = 256;
/// Most data points (train + test).
pub const MAX_POINTS: usize = 5000;
/// Fewest data points for the generated datasets (so the 20 % test split is not empty).
pub const MIN_POINTS: usize = 10;
/// Learning rates are accepted in (0, MAX_LR].
pub const MAX_LR: f64 = 10.0;
/// σ, gain and constants are accepted up to this size: beyond it every unit is saturated anyway.
pub const MAX_SCALE: f64 = 100.0;
/// σ and gain are accepted down to this size. The engine computes in 32-bit floats, whose
/// smallest normal number is 1.2e-38: a signal scaled by 1e-9 per layer is already 1e-72 after
/// eight layers, and a σ of 5e-324 would turn truncation bounds σ·lo, σ·hi into ±0.
pub const MIN_SCALE: f64 = 1e-9;
/// Truncation bounds (in σ units or absolute) are accepted within ±this. [40σ, 41σ] is
/// already a tail no normal draw reaches once in 10³⁵⁰ tries.
pub const MAX_BOUND: f64 = 1000.0;
/// Seeds are whole numbers that JavaScript represents exactly.
pub const MAX_SEED: f64 = 9_007_199_254_740_991.0;

/// The raw settings, keyed as in the URL. `Default` is the page's starting point.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Config {
    /// Distribution family: zeros | constant | uniform | normal | truncnormal.
    pub init: String,
    /// The value for `init=constant`.
    #[serde(rename = "const")]
    pub constant: f64,
    /// How σ is chosen: manual | lecun | glorot | he.
    pub scale: String,
    /// Multiplies the σ of the lecun/glorot/he rules.
    pub gain: f64,
    /// The std for `scale=manual` (for `uniform` the bounds are ±σ√3).
    pub sigma: f64,
    /// Truncation bounds.
    pub lo: f64,
    pub hi: f64,
    /// Units of `lo`/`hi`: sigma (multiples of σ) | abs (absolute values).
    pub bounds: String,
    /// Rescale σ so the std after truncation equals the requested σ.
    pub correct: bool,
    /// The framework preset the other keys started from ("" for none).
    pub preset: String,
    /// Bias init: a number, or "init" to draw biases like the weights.
    pub bias: String,
    /// Hidden activation: sigmoid | tanh | relu | linear.
    pub act: String,
    /// Hidden layer widths, comma-separated, e.g. "8,8".
    pub layers: String,
    /// Dataset: xor4 | xor | circles | spiral | gauss.
    pub data: String,
    pub points: f64,
    pub noise: f64,
    pub lr: f64,
    pub batch: f64,
    pub momentum: f64,
    /// Loss: bce | mse.
    pub loss: String,
    pub seed: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            init: "normal".into(),
            constant: 0.5,
            scale: "glorot".into(),
            gain: 1.0,
            sigma: 1.0,
            lo: -2.0,
            hi: 2.0,
            bounds: "sigma".into(),
            correct: false,
            preset: String::new(),
            bias: "0".into(),
            act: "tanh".into(),
            layers: "8,8".into(),
            data: "xor".into(),
            points: 400.0,
            noise: 0.1,
            lr: 0.03,
            batch: 10.0,
            momentum: 0.0,
            loss: "bce".into(),
            seed: 1.0,
        }
    }
}

/// Every key, in the order the URL writes them.
pub const KEYS: [&str; 21] = [
    "preset", "init", "const", "scale", "gain", "sigma", "lo", "hi", "bounds", "correct", "bias",
    "act", "layers", "data", "points", "noise", "lr", "batch", "momentum", "loss", "seed",
];

/// The validated, typed form of a [`Config`]: what the engine runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub weights: WeightInit,
    pub bias: BiasInit,
    pub hidden: Activation,
    /// Widths of the hidden layers.
    pub hidden_sizes: Vec<usize>,
    pub data: DataSpec,
    pub lr: f64,
    pub batch: usize,
    pub momentum: f64,
    pub loss: Loss,
    pub seed: u64,
}

impl Spec {
    /// Layer sizes including input (2) and output (1).
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![2];
        sizes.extend(&self.hidden_sizes);
        sizes.push(1);
        sizes
    }
}

impl Config {
    /// Parse a URL query (`?a=1&b=2` or `a=1&b=2`). Never fails, so a mistyped link still
    /// opens a working page, and never loses more of the link than it must:
    /// - a key that is unknown, unreadable or out of range becomes a notice and keeps its default;
    /// - when keys that are fine on their own conflict (lo against hi, σ against the bounds),
    ///   one of the link's keys involved is left out, with one notice saying so;
    /// - every other key keeps the link's value.
    ///
    /// A key given twice takes its last readable value.
    pub fn from_query(query: &str) -> (Config, Vec<ConfigError>) {
        let mut notices = Vec::new();
        // The link's readable values, one per key, in KEYS order (so the preset comes first).
        let mut kept: Vec<(&'static str, String)> = Vec::new();
        for (key, value) in query_pairs(query) {
            match Config::default().set(&key, &value) {
                Ok(()) => {
                    if let Some(key) = KEYS.iter().find(|k| **k == key) {
                        kept.retain(|(k, _)| k != key);
                        kept.push((key, value));
                    }
                }
                Err(e) => notices.push(e),
            }
        }
        kept.sort_by_key(|(key, _)| key_rank(key));
        loop {
            let config = Config::from_pairs(&kept);
            let Err(error) = config.validate() else {
                return (config, notices);
            };
            // The default config is valid, so an invalid one has at least one key to drop.
            let at = culprit(&kept, &error);
            let (key, value) = kept.remove(at);
            notices.push(if key == error.field {
                error
            } else {
                ConfigError::new(
                    key,
                    format!(
                        "{key}={} from the link was left out: {}",
                        clip(&value),
                        error.message
                    ),
                )
            });
        }
    }

    /// The defaults with `pairs` applied in order; each pair was already accepted by `set`.
    fn from_pairs(pairs: &[(&'static str, String)]) -> Config {
        let mut config = Config::default();
        for (key, value) in pairs {
            let _ = config.set(key, value);
        }
        config
    }

    /// The query string that recreates this config: the preset (if any) and every key that differs from it.
    pub fn to_query(&self) -> String {
        let mut base = Config::default();
        if !self.preset.is_empty() {
            let _ = base.set("preset", &self.preset);
        }
        let mut parts = Vec::new();
        for key in KEYS {
            let value = self.get(key);
            if key == "preset" && !value.is_empty() || key != "preset" && value != base.get(key) {
                parts.push(format!("{key}={}", percent_encode(&value)));
            }
        }
        parts.join("&")
    }

    /// Apply changes given as (key, value) strings; the preset first, then the rest in order.
    /// The result is validated as a whole; on error nothing is changed.
    pub fn with_changes<'a>(
        &self,
        changes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        let changes: Vec<(&str, &str)> = changes.into_iter().collect();
        let mut next = self.clone();
        for (key, value) in changes.iter().filter(|(k, _)| *k == "preset") {
            next.set(key, value)?;
        }
        for (key, value) in changes.iter().filter(|(k, _)| *k != "preset") {
            next.set(key, value)?;
        }
        next.validate()?;
        Ok(next)
    }

    /// The value of one key, as the URL writes it.
    pub fn get(&self, key: &str) -> String {
        match key {
            "init" => self.init.clone(),
            "const" => fmt_num(self.constant),
            "scale" => self.scale.clone(),
            "gain" => fmt_num(self.gain),
            "sigma" => fmt_num(self.sigma),
            "lo" => fmt_num(self.lo),
            "hi" => fmt_num(self.hi),
            "bounds" => self.bounds.clone(),
            "correct" => (if self.correct { "1" } else { "0" }).into(),
            "preset" => self.preset.clone(),
            "bias" => self.bias.clone(),
            "act" => self.act.clone(),
            "layers" => self.layers.clone(),
            "data" => self.data.clone(),
            "points" => fmt_num(self.points),
            "noise" => fmt_num(self.noise),
            "lr" => fmt_num(self.lr),
            "batch" => fmt_num(self.batch),
            "momentum" => fmt_num(self.momentum),
            "loss" => self.loss.clone(),
            "seed" => fmt_num(self.seed),
            _ => String::new(),
        }
    }

    /// Set one key from its string form. Checks only the value's form (a number, a known
    /// name); ranges and combinations are checked by [`Config::validate`].
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let value = value.trim();
        match key {
            "init" => {
                self.init = name_in(
                    "init",
                    value,
                    &["zeros", "constant", "uniform", "normal", "truncnormal"],
                )?
            }
            "const" => self.constant = number("const", value)?,
            "scale" => self.scale = name_in("scale", value, &["manual", "lecun", "glorot", "he"])?,
            "gain" => self.gain = number("gain", value)?,
            "sigma" => self.sigma = number("sigma", value)?,
            "lo" => self.lo = number("lo", value)?,
            "hi" => self.hi = number("hi", value)?,
            "bounds" => self.bounds = name_in("bounds", value, &["sigma", "abs"])?,
            "correct" => {
                self.correct = match value {
                    "1" | "true" => true,
                    "0" | "false" => false,
                    _ => {
                        return Err(ConfigError::new(
                            "correct",
                            format!("'{value}' is not 0 or 1"),
                        ))
                    }
                }
            }
            "preset" => {
                if value.is_empty() || value == "none" {
                    self.preset.clear();
                } else {
                    presets::apply(self, value)?;
                }
            }
            "bias" => {
                if value != "init" {
                    number("bias", value)?;
                }
                self.bias = value.to_string();
            }
            "act" => self.act = name_in("act", value, &["sigmoid", "tanh", "relu", "linear"])?,
            "layers" => {
                parse_layers(value)?;
                self.layers = value.replace(' ', "");
            }
            "data" => {
                self.data = name_in(
                    "data",
                    value,
                    &["xor4", "xor", "circles", "spiral", "gauss"],
                )?
            }
            "points" => self.points = number("points", value)?,
            "noise" => self.noise = number("noise", value)?,
            "lr" => self.lr = number("lr", value)?,
            "batch" => self.batch = number("batch", value)?,
            "momentum" => self.momentum = number("momentum", value)?,
            "loss" => self.loss = name_in("loss", value, &["bce", "mse"])?,
            "seed" => self.seed = number("seed", value)?,
            _ => {
                return Err(ConfigError::new(
                    "config",
                    format!(
                        "'{}' is not a setting InitLab knows (known: {})",
                        clip(key),
                        KEYS.join(", ")
                    ),
                ))
            }
        }
        Ok(())
    }

    /// Check every range and combination; the typed result is what the engine runs.
    pub fn validate(&self) -> Result<Spec, ConfigError> {
        let family = match self.init.as_str() {
            "zeros" => Family::Zeros,
            "constant" => {
                within("const", self.constant, -MAX_SCALE, MAX_SCALE)?;
                Family::Constant(self.constant)
            }
            "uniform" => Family::Uniform,
            "normal" => Family::Normal,
            "truncnormal" => Family::TruncatedNormal {
                lo: within("lo", self.lo, -MAX_BOUND, MAX_BOUND)?,
                hi: within("hi", self.hi, -MAX_BOUND, MAX_BOUND)?,
                bounds: if self.bounds == "abs" {
                    BoundsUnit::Absolute
                } else {
                    BoundsUnit::Sigma
                },
                variance_corrected: self.correct,
            },
            other => {
                return Err(unknown(
                    "init",
                    other,
                    "zeros, constant, uniform, normal or truncnormal",
                ))
            }
        };
        if !(self.sigma.is_finite() && (MIN_SCALE..=MAX_SCALE).contains(&self.sigma)) {
            return Err(ConfigError::new(
                "sigma",
                format!(
                    "σ must be from {} to {MAX_SCALE}, not {}",
                    show(MIN_SCALE),
                    show(self.sigma)
                ),
            ));
        }
        if !(self.gain.is_finite() && (MIN_SCALE..=MAX_SCALE).contains(&self.gain)) {
            return Err(ConfigError::new(
                "gain",
                format!(
                    "the gain must be from {} to {MAX_SCALE}, not {}",
                    show(MIN_SCALE),
                    show(self.gain)
                ),
            ));
        }
        let scale = match self.scale.as_str() {
            "manual" => ScaleRule::Manual(self.sigma),
            "lecun" => ScaleRule::LeCun,
            "glorot" => ScaleRule::Glorot,
            "he" => ScaleRule::He,
            other => return Err(unknown("scale", other, "manual, lecun, glorot or he")),
        };
        let weights = WeightInit {
            family,
            scale,
            gain: self.gain,
        };
        let bias = match self.bias.as_str() {
            "init" => BiasInit::SameAsWeights,
            text => {
                let b = number("bias", text)?;
                within("bias", b, -MAX_SCALE, MAX_SCALE)?;
                if b == 0.0 {
                    BiasInit::Zeros
                } else {
                    BiasInit::Constant(b)
                }
            }
        };
        let hidden = Activation::from_name(&self.act)
            .ok_or_else(|| unknown("act", &self.act, "sigmoid, tanh, relu or linear"))?;
        let hidden_sizes = parse_layers(&self.layers)?;
        let kind = DatasetKind::from_name(&self.data)
            .ok_or_else(|| unknown("data", &self.data, "xor4, xor, circles, spiral or gauss"))?;
        let points = whole("points", self.points, MIN_POINTS as f64, MAX_POINTS as f64)? as usize;
        within("noise", self.noise, 0.0, 1.0)?;
        if !(self.lr.is_finite() && self.lr > 0.0 && self.lr <= MAX_LR) {
            return Err(ConfigError::new(
                "lr",
                format!(
                    "the learning rate must be above 0 and at most {MAX_LR}, not {}; try 0.03",
                    show(self.lr)
                ),
            ));
        }
        let batch = whole("batch", self.batch, 1.0, MAX_POINTS as f64)? as usize;
        if !(self.momentum.is_finite() && (0.0..1.0).contains(&self.momentum)) {
            return Err(ConfigError::new(
                "momentum",
                format!(
                    "momentum must be at least 0 and below 1, not {}",
                    show(self.momentum)
                ),
            ));
        }
        let loss =
            Loss::from_name(&self.loss).ok_or_else(|| unknown("loss", &self.loss, "bce or mse"))?;
        let seed = whole("seed", self.seed, 0.0, MAX_SEED)? as u64;
        // Resolve the init for every layer now, so a bad σ or truncation is reported here.
        let mut sizes = vec![2];
        sizes.extend(&hidden_sizes);
        sizes.push(1);
        for pair in sizes.windows(2) {
            weights.for_layer(pair[0], pair[1])?;
        }
        Ok(Spec {
            weights,
            bias,
            hidden,
            hidden_sizes,
            data: DataSpec {
                kind,
                points,
                noise: self.noise,
                seed,
            },
            lr: self.lr,
            batch,
            momentum: self.momentum,
            loss,
            seed,
        })
    }
}

/// A query's `key=value` pairs, percent-decoded, in the order given.
fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
}

/// A key's place in [`KEYS`]: the preset first, the keys that define the experiment
/// (init, scale, act, layers, data) before the details that refine it.
fn key_rank(key: &str) -> usize {
    KEYS.iter().position(|k| *k == key).unwrap_or(KEYS.len())
}

/// Which of the link's `pairs` to leave out when together they fail with `error`.
///
/// Prefer a key whose removal alone makes the rest valid: the key the error names if it is
/// one of them, else the most detailed of them (lo/hi before init: `?init=truncnormal&hi=-3`
/// keeps the truncated normal and drops hi). If no single key does, drop the named key, or
/// failing that the most detailed key, and let the caller try again.
fn culprit(pairs: &[(&'static str, String)], error: &ConfigError) -> usize {
    let valid_without = |at: usize| {
        let mut rest = pairs.to_vec();
        rest.remove(at);
        Config::from_pairs(&rest).validate().is_ok()
    };
    let named = pairs.iter().position(|(key, _)| *key == error.field);
    let fixes: Vec<usize> = (0..pairs.len()).filter(|&at| valid_without(at)).collect();
    match (named, fixes.last()) {
        (Some(at), _) if fixes.contains(&at) => at,
        (_, Some(&at)) => at,
        (Some(at), None) => at,
        (None, None) => pairs.len() - 1,
    }
}

/// Hidden layer widths from "8,8": 1 to 8 layers of 1 to 256 units.
pub fn parse_layers(text: &str) -> Result<Vec<usize>, ConfigError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ConfigError::new(
            "layers",
            "give at least one hidden layer, e.g. 8,8",
        ));
    }
    let widths = text
        .split(',')
        .map(|part| match part.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_UNITS).contains(&n) => Ok(n),
            _ => Err(ConfigError::new(
                "layers",
                format!("each hidden layer needs a whole number of units from 1 to {MAX_UNITS}; '{}' is not", clip(part.trim())),
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if widths.len() > MAX_HIDDEN_LAYERS {
        return Err(ConfigError::new(
            "layers",
            format!(
                "at most {MAX_HIDDEN_LAYERS} hidden layers, not {}",
                widths.len()
            ),
        ));
    }
    Ok(widths)
}

fn number(field: &'static str, text: &str) -> Result<f64, ConfigError> {
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(ConfigError::new(
            field,
            format!("'{}' is not a finite number", clip(text)),
        )),
        Err(_) => Err(ConfigError::new(
            field,
            format!("'{}' is not a number", clip(text)),
        )),
    }
}

fn within(field: &'static str, x: f64, lo: f64, hi: f64) -> Result<f64, ConfigError> {
    if x.is_finite() && (lo..=hi).contains(&x) {
        Ok(x)
    } else {
        Err(ConfigError::new(
            field,
            format!(
                "must be between {} and {}, not {}",
                show(lo),
                show(hi),
                show(x)
            ),
        ))
    }
}

fn whole(field: &'static str, x: f64, lo: f64, hi: f64) -> Result<f64, ConfigError> {
    if x.is_finite() && x.fract() == 0.0 && (lo..=hi).contains(&x) {
        Ok(x)
    } else {
        Err(ConfigError::new(
            field,
            format!(
                "must be a whole number from {} to {}, not {}",
                show(lo),
                show(hi),
                show(x)
            ),
        ))
    }
}

fn name_in(field: &'static str, value: &str, names: &[&str]) -> Result<String, ConfigError> {
    if names.contains(&value) {
        Ok(value.to_string())
    } else {
        Err(unknown(field, value, &names.join(", ")))
    }
}

fn unknown(field: &'static str, value: &str, choices: &str) -> ConfigError {
    ConfigError::new(field, format!("'{}' is not one of: {choices}", clip(value)))
}

/// Quote at most 40 characters of user text in a message.
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Shortest decimal that reads back as the same f64 (Rust's `Display` guarantees the round trip).
pub fn fmt_num(x: f64) -> String {
    format!("{x}")
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut k = 0;
    while k < bytes.len() {
        match bytes[k] {
            b'+' => out.push(b' '),
            b'%' if k + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[k + 1..k + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        k += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        k += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

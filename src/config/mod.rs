//! Every setting a learner can change, as one flat record whose keys are the page's URL keys.
//!
//! [`Config`] holds the raw values (strings, numbers, flags) exactly as a URL or a JS call
//! gives them; [`Config::validate`] turns them into a typed [`Spec`] or a [`ConfigError`]
//! naming the key and saying what would be accepted.
//!
//! - [`table`]: the one table of keys (default, kind, choices, limits, description);
//! - `query`: the URL codec, and which key of a bad link to leave out;
//! - `validate`: ranges and combinations, from a [`Config`] to a [`Spec`];
//! - `versus`: the second network of an A/B comparison, B = A with `vs` applied;
//! - [`presets`]: the framework presets.

pub mod presets;
mod query;
pub mod table;
mod validate;
mod versus;

pub use crate::init::{MAX_SCALE, MIN_SCALE};
pub use query::query_pairs;
pub use table::{Key, Kind, Range, KEYS, TABLE};
pub use validate::parse_layers;
pub use versus::SAME;

use crate::activation::Activation;
use crate::data::DataSpec;
use crate::error::ErrorText;
use crate::init::{BiasInit, WeightInit};
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
/// Truncation bounds (in σ units or absolute) are accepted within ±this. [40σ, 41σ] is
/// already a tail no normal draw reaches once in 10³⁵⁰ tries.
pub const MAX_BOUND: f64 = 1000.0;
/// Seeds are whole numbers that JavaScript represents exactly.
pub const MAX_SEED: f64 = 9_007_199_254_740_991.0;

/// The raw settings, keyed as in the URL. `Default` is the page's starting point, read
/// from the defaults in [`TABLE`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Config {
    /// Distribution family: zeros | constant | uniform | normal | truncnormal.
    pub init: String,
    /// The value for `init=constant`.
    #[serde(rename = "const")]
    pub constant: f64,
    /// Std of the random noise added to every initial weight (0 for none).
    pub jitter: f64,
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
    /// The guided lesson the other keys started from ("" for none; see [`crate::lessons`]).
    pub lesson: String,
    /// Bias init: a number, or "init" to draw biases like the weights.
    pub bias: String,
    /// Hidden activation: sigmoid | tanh | relu | linear.
    pub act: String,
    /// Hidden layer widths, comma-separated, e.g. "8,8".
    pub layers: String,
    /// The inputs also feed the output unit (shortcut connections: the XOR 2-1 net).
    pub shortcut: bool,
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
    /// Compare with a second network B: the settings where B differs, as a query
    /// ("init=zeros"), "same" for a B identical to A, or "" for no comparison.
    pub vs: String,
}

impl Default for Config {
    /// Every key at its [`TABLE`] default.
    fn default() -> Self {
        let mut config = Config {
            init: String::new(),
            constant: 0.0,
            jitter: 0.0,
            scale: String::new(),
            gain: 0.0,
            sigma: 0.0,
            lo: 0.0,
            hi: 0.0,
            bounds: String::new(),
            correct: false,
            preset: String::new(),
            lesson: String::new(),
            bias: String::new(),
            act: String::new(),
            layers: String::new(),
            shortcut: false,
            data: String::new(),
            points: 0.0,
            noise: 0.0,
            lr: 0.0,
            batch: 0.0,
            momentum: 0.0,
            loss: String::new(),
            seed: 0.0,
            vs: String::new(),
        };
        for key in TABLE {
            // Every default is readable: tests/key_table.rs checks each one reads back.
            let _ = key.set(&mut config, key.default);
        }
        config
    }
}

/// The validated, typed form of a [`Config`]: what the engine runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub weights: WeightInit,
    /// Std of the noise N(0, jitter²) added to every weight after it is drawn (0: none).
    pub jitter: f64,
    pub bias: BiasInit,
    pub hidden: Activation,
    /// Widths of the hidden layers.
    pub hidden_sizes: Vec<usize>,
    /// Whether the inputs also feed the output unit (its fan_in is then the last width + 2).
    pub shortcut: bool,
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
        layer_sizes(&self.hidden_sizes)
    }

    /// (fan_in, fan_out) of every weight layer, hidden layers then the output: what each
    /// layer's scale rule sees (with the shortcut, the output's fan_in counts the 2 inputs).
    pub fn fans(&self) -> Vec<(usize, usize)> {
        crate::mlp::fans(&self.sizes(), self.shortcut)
    }
}

/// Layer sizes including input (2) and output (1), around the hidden widths.
fn layer_sizes(hidden: &[usize]) -> Vec<usize> {
    let mut sizes = vec![2];
    sizes.extend(hidden);
    sizes.push(1);
    sizes
}

impl Config {
    /// Apply changes given as (key, value) strings; the lesson and the preset first, then the
    /// rest in order.
    /// The result is validated as a whole; on error nothing is changed.
    pub fn with_changes<'a>(
        &self,
        changes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        let changes: Vec<(&str, &str)> = changes.into_iter().collect();
        self.with_change_list(&changes)
    }

    /// [`Config::with_changes`] once its changes are in a list: not generic and not
    /// inlined, so its callers (the page, the links, B, the lessons) share one copy.
    #[inline(never)]
    fn with_change_list(&self, changes: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut next = self.clone();
        // A lesson sets every key and a preset the init keys: they go first, so the other
        // changes refine them.
        for first in ["lesson", "preset"] {
            for (key, value) in changes.iter().filter(|(k, _)| *k == first) {
                next.set(key, value)?;
            }
        }
        for (key, value) in changes
            .iter()
            .filter(|(k, _)| !matches!(*k, "lesson" | "preset"))
        {
            next.set(key, value)?;
        }
        next.validate()?;
        Ok(next)
    }

    /// The value of one key, as the URL writes it ("" for a key InitLab does not know).
    pub fn get(&self, key: &str) -> String {
        table::key(key).map_or_else(String::new, |k| k.get(self))
    }

    /// Set one key from its string form. Checks only the value's form (a number, a known
    /// name); ranges and combinations are checked by [`Config::validate`].
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        match table::key(key) {
            Some(row) => row.set(self, value.trim()),
            None => Err(ConfigError::new(
                "config",
                ErrorText::new("unknownKey")
                    .with("value", clip(key))
                    .with("known", KEYS.join(", ")),
            )),
        }
    }
}

/// Quote at most 40 characters of user text in a message.
pub(crate) fn clip(text: &str) -> String {
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

impl Config {
    /// Whether `key` changes anything under the other settings: σ, the gain and the rule do
    /// nothing for zero or constant weights, the constant only matters for `init=constant`,
    /// the cut only for a truncated normal. The page hides the keys that do not apply.
    pub fn applies(&self, key: &str) -> bool {
        use crate::init::{FamilyKind, RuleKind};
        let family = FamilyKind::from_name(&self.init);
        let scaled = !matches!(family, Some(FamilyKind::Zeros | FamilyKind::Constant));
        let manual = RuleKind::from_name(&self.scale) == Some(RuleKind::Manual);
        match key {
            "const" => family == Some(FamilyKind::Constant),
            "scale" => scaled,
            "sigma" => scaled && manual,
            "gain" => scaled && !manual,
            "lo" | "hi" | "bounds" | "correct" => family == Some(FamilyKind::TruncatedNormal),
            _ => true,
        }
    }
}

/// Sets every key as the lesson `id` does: the defaults, then the lesson's settings (B's
/// included). The keys a link gives after it then refine the lesson.
fn open_lesson(config: &mut Config, id: &str) -> Result<(), ConfigError> {
    let lesson = crate::lessons::find(id).ok_or_else(|| {
        ConfigError::new(
            "lesson",
            ErrorText::new("unknownLesson")
                .with("value", clip(id))
                .with("known", crate::lessons::IDS.join(", ")),
        )
    })?;
    let mut fresh = Config::default();
    for (key, value) in query::query_pairs(lesson.settings) {
        fresh.set(&key, &value)?;
    }
    fresh.lesson = lesson.id.to_string();
    *config = fresh;
    Ok(())
}

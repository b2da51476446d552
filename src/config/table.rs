//! The one table of settings: a row per URL key, with its default, how its value is read
//! and written, its choices (taken from the engine's own lists), its limits, whether a
//! framework preset owns it, and what it sets.
//!
//! Everything else reads this table: [`Config::get`], `Config::set` and the URL codec
//! ([`crate::link`]), [`Config::validate`]'s range checks, the presets (which reset the
//! rows marked `init`), and the page's menus (the wasm `keys()` export). Adding a key means
//! adding a row here and a field to [`Config`].

use super::limits::{MAX_BOUND, MAX_LR, MAX_POINTS, MAX_SCALE, MAX_SEED, MIN_POINTS, MIN_SCALE};
use super::presets;
use super::record::Config;
use super::text::{clip, fmt_num, number, parse_layers};
use crate::activation::Activation;
use crate::data::DatasetKind;
use crate::error::show;
use crate::error::ErrorText;
use crate::init::{BoundsUnit, FamilyKind, RuleKind};
use crate::loss::Loss;
use crate::ConfigError;

/// One URL key.
pub struct Key {
    /// The key as the URL writes it.
    pub name: &'static str,
    /// Its value on a fresh page, as the URL writes it.
    pub default: &'static str,
    /// How its value is read and written, and which [`Config`] field holds it.
    pub kind: Kind,
    /// The values [`Config::validate`] accepts for a number (for `bias`: its number form).
    pub range: Option<Range>,
    /// Whether a framework preset owns it: a preset resets every such key to its default
    /// before applying its own settings.
    pub init: bool,
    /// What it sets, in one line.
    pub description: &'static str,
}

/// Where a key's value lives in [`Config`]: one field, read and written through these.
pub struct Slot<T: 'static> {
    get: fn(&Config) -> &T,
    get_mut: fn(&mut Config) -> &mut T,
}

/// The [`Slot`] of the [`Config`] field `$field`.
macro_rules! slot {
    ($field:ident) => {
        Slot {
            get: |c| &c.$field,
            get_mut: |c| &mut c.$field,
        }
    };
}

/// How a key's text is parsed and printed.
pub enum Kind {
    /// Any finite number (its range is checked by validation).
    Number(Slot<f64>),
    /// A whole number (read as any finite number; validation checks it is whole).
    Whole(Slot<f64>),
    /// 0 or 1 (`true` and `false` are read too).
    Flag(Slot<bool>),
    /// One name from an engine list.
    Choice(&'static [&'static str], Slot<String>),
    /// Hidden layer widths, comma-separated ("8,8").
    Layers(Slot<String>),
    /// A number, or `init` to draw the biases like the weights.
    Bias(Slot<String>),
    /// A framework preset's name (empty or `none` for none); `Config::set` then sets the
    /// init keys as the preset does.
    Preset(Slot<String>),
    /// A lesson's id (empty or `none` for none); `Config::set` then sets every key as the
    /// lesson does.
    Lesson(Slot<String>),
    /// The settings of a second network B that differ from A's, as a query, or `same`.
    Versus(Slot<String>),
}

impl Kind {
    /// The kind's name for the page: number, whole, flag, choice, layers, bias, preset,
    /// lesson or versus.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Number(_) => "number",
            Kind::Whole(_) => "whole",
            Kind::Flag(_) => "flag",
            Kind::Choice(..) => "choice",
            Kind::Layers(_) => "layers",
            Kind::Bias(_) => "bias",
            Kind::Preset(_) => "preset",
            Kind::Lesson(_) => "lesson",
            Kind::Versus(_) => "versus",
        }
    }

    /// The names a choice (or the preset) may take, in the engine's order; empty otherwise.
    /// The lessons' ids are not the table's to know: `crate::link::choices` adds them.
    pub fn choices(&self) -> &'static [&'static str] {
        match self {
            Kind::Choice(names, _) => names,
            Kind::Preset(_) => &presets::NAMES,
            _ => &[],
        }
    }
}

/// An interval of accepted numbers; either end may be open.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    /// The interval excludes `min`.
    pub min_open: bool,
    /// The interval excludes `max`.
    pub max_open: bool,
}

impl Range {
    /// [min, max].
    pub const fn closed(min: f64, max: f64) -> Range {
        Range {
            min,
            max,
            min_open: false,
            max_open: false,
        }
    }

    /// Whether `x` is a finite number inside.
    pub fn contains(&self, x: f64) -> bool {
        let above = if self.min_open {
            x > self.min
        } else {
            x >= self.min
        };
        let below = if self.max_open {
            x < self.max
        } else {
            x <= self.max
        };
        x.is_finite() && above && below
    }

    /// "between 0 and 1", "above 0 and at most 10", "at least 0 and below 1", or for whole
    /// numbers "a whole number from 1 to 5000".
    /// `x` if it lies inside (and is whole, if `whole` asks); else an error on `field` that
    /// says what is accepted.
    pub fn check(&self, field: &'static str, x: f64, whole: bool) -> Result<f64, ConfigError> {
        if self.contains(x) && (!whole || x.fract() == 0.0) {
            return Ok(x);
        }
        Err(ConfigError::new(
            field,
            ErrorText::new("range")
                .with("range", self.describe(whole))
                .with("value", show(x)),
        ))
    }

    fn describe(&self, whole: bool) -> ErrorText {
        let id = match (whole, self.min_open, self.max_open) {
            (true, _, _) => "range.whole",
            (false, false, false) => "range.closed",
            (false, true, false) => "range.openMin",
            (false, false, true) => "range.openMax",
            (false, true, true) => "range.open",
        };
        ErrorText::new(id)
            .with("min", show(self.min))
            .with("max", show(self.max))
    }
}

/// Every key, in the order the URL writes them: the lesson and the preset first (each sets
/// other keys), then the keys that define the experiment before the details that refine it.
pub const TABLE: &[Key] = &[
    Key {
        name: "lesson",
        default: "",
        kind: Kind::Lesson(slot!(lesson)),
        range: None,
        init: false,
        description: "opens a guided lesson: sets every key as the lesson does",
    },
    Key {
        name: "preset",
        default: "",
        kind: Kind::Preset(slot!(preset)),
        range: None,
        init: false,
        description: "sets the init keys (weights and biases) as a framework does",
    },
    Key {
        name: "init",
        default: "normal",
        kind: Kind::Choice(&FamilyKind::NAMES, slot!(init)),
        range: None,
        init: true,
        description: "the distribution the weights are drawn from",
    },
    Key {
        name: "const",
        default: "0.5",
        kind: Kind::Number(slot!(constant)),
        range: Some(Range::closed(-MAX_SCALE, MAX_SCALE)),
        init: true,
        description: "every weight's value when init=constant",
    },
    Key {
        name: "jitter",
        default: "0",
        kind: Kind::Number(slot!(jitter)),
        range: Some(Range::closed(0.0, MAX_SCALE)),
        init: true,
        description:
            "std of random noise added to every initial weight (breaks a constant's symmetry)",
    },
    Key {
        name: "scale",
        default: "glorot",
        kind: Kind::Choice(&RuleKind::NAMES, slot!(scale)),
        range: None,
        init: true,
        description: "σ by hand, or per layer by the LeCun, Glorot/Xavier or He rule",
    },
    Key {
        name: "gain",
        default: "1",
        kind: Kind::Number(slot!(gain)),
        range: Some(Range::closed(MIN_SCALE, MAX_SCALE)),
        init: true,
        description: "multiplies the σ of the lecun/glorot/he rules",
    },
    Key {
        name: "sigma",
        default: "1",
        kind: Kind::Number(slot!(sigma)),
        range: Some(Range::closed(MIN_SCALE, MAX_SCALE)),
        init: true,
        description: "the std for scale=manual; for uniform the bounds are ±σ√3",
    },
    Key {
        name: "lo",
        default: "-2",
        kind: Kind::Number(slot!(lo)),
        range: Some(Range::closed(-MAX_BOUND, MAX_BOUND)),
        init: true,
        description: "where a truncated normal is cut below (lo < hi)",
    },
    Key {
        name: "hi",
        default: "2",
        kind: Kind::Number(slot!(hi)),
        range: Some(Range::closed(-MAX_BOUND, MAX_BOUND)),
        init: true,
        description: "where a truncated normal is cut above (lo < hi)",
    },
    Key {
        name: "bounds",
        default: "sigma",
        kind: Kind::Choice(&BoundsUnit::NAMES, slot!(bounds)),
        range: None,
        init: true,
        description: "lo/hi in units of σ (Keras, JAX) or as weight values (PyTorch)",
    },
    Key {
        name: "correct",
        default: "0",
        kind: Kind::Flag(slot!(correct)),
        range: None,
        init: true,
        description: "rescale σ so that the std after the cut is the σ asked for (Keras)",
    },
    Key {
        name: "bias",
        default: "0",
        kind: Kind::Bias(slot!(bias)),
        range: Some(Range::closed(-MAX_SCALE, MAX_SCALE)),
        init: true,
        description: "every bias's value, or init to draw them like the weights",
    },
    Key {
        name: "act",
        default: "tanh",
        kind: Kind::Choice(&Activation::NAMES, slot!(act)),
        range: None,
        init: false,
        description: "the hidden layers' activation (the output is a sigmoid)",
    },
    Key {
        name: "layers",
        default: "8,8",
        kind: Kind::Layers(slot!(layers)),
        range: None,
        init: false,
        description: "the hidden layers' widths, e.g. 16,8",
    },
    Key {
        name: "shortcut",
        default: "0",
        kind: Kind::Flag(slot!(shortcut)),
        range: None,
        init: false,
        description: "the inputs also feed the output unit (the XOR 2-1 net)",
    },
    Key {
        name: "data",
        default: "xor",
        kind: Kind::Choice(&DatasetKind::NAMES, slot!(data)),
        range: None,
        init: false,
        description: "the toy problem (xor4: the 4 textbook points)",
    },
    Key {
        name: "points",
        default: "400",
        kind: Kind::Whole(slot!(points)),
        range: Some(Range::closed(MIN_POINTS as f64, MAX_POINTS as f64)),
        init: false,
        description: "points generated (80 % train, 20 % test)",
    },
    Key {
        name: "noise",
        default: "0.1",
        kind: Kind::Number(slot!(noise)),
        range: Some(Range::closed(0.0, 1.0)),
        init: false,
        description: "std of the jitter added to each coordinate",
    },
    Key {
        name: "lr",
        default: "0.03",
        kind: Kind::Number(slot!(lr)),
        range: Some(Range {
            min_open: true,
            ..Range::closed(0.0, MAX_LR)
        }),
        init: false,
        description: "learning rate",
    },
    Key {
        name: "batch",
        default: "10",
        kind: Kind::Whole(slot!(batch)),
        range: Some(Range::closed(1.0, MAX_POINTS as f64)),
        init: false,
        description: "points per training step",
    },
    Key {
        name: "momentum",
        default: "0",
        kind: Kind::Number(slot!(momentum)),
        range: Some(Range {
            max_open: true,
            ..Range::closed(0.0, 1.0)
        }),
        init: false,
        description: "momentum of gradient descent",
    },
    Key {
        name: "loss",
        default: "bce",
        kind: Kind::Choice(&Loss::NAMES, slot!(loss)),
        range: None,
        init: false,
        description: "cross-entropy (bce) or mean squared error (mse)",
    },
    Key {
        name: "seed",
        default: "1",
        kind: Kind::Whole(slot!(seed)),
        range: Some(Range::closed(0.0, MAX_SEED)),
        init: false,
        description: "fixes the data, the initial weights and the batch order",
    },
    Key {
        name: "vs",
        default: "",
        kind: Kind::Versus(slot!(vs)),
        range: None,
        init: false,
        description: "compares with a second network B: B's settings that differ, as a query \
                      (init=zeros), or same",
    },
];

/// Every key's name, in [`TABLE`] order.
pub const KEYS: [&str; TABLE.len()] = names_of!(TABLE, |key| key.name);

/// `pairs` (one per key, named as in [`KEYS`]) put in [`KEYS`] order: the preset first, the
/// keys that define the experiment (init, scale, act, layers, data) before the details that
/// refine them. Picked out key by key rather than sorted: the table is short, and a sort
/// would add its own code to the wasm.
pub fn in_key_order<V>(mut pairs: Vec<(&'static str, V)>) -> Vec<(&'static str, V)> {
    let mut ordered = Vec::with_capacity(pairs.len());
    for name in KEYS {
        if let Some(at) = pairs.iter().position(|(key, _)| *key == name) {
            ordered.push(pairs.swap_remove(at));
        }
    }
    ordered
}

/// The row of the key `name`.
pub fn key(name: &str) -> Option<&'static Key> {
    crate::position_of(&KEYS, name).map(|k| &TABLE[k])
}

impl Key {
    /// The value in `config`, as the URL writes it.
    pub fn get(&self, config: &Config) -> String {
        match &self.kind {
            Kind::Number(slot) | Kind::Whole(slot) => fmt_num(*(slot.get)(config)),
            Kind::Flag(slot) => (if *(slot.get)(config) { "1" } else { "0" }).into(),
            Kind::Choice(_, slot)
            | Kind::Layers(slot)
            | Kind::Bias(slot)
            | Kind::Preset(slot)
            | Kind::Lesson(slot)
            | Kind::Versus(slot) => (slot.get)(config).clone(),
        }
    }

    /// Writes `value` (already trimmed) into `config` if its form fits the kind; ranges and
    /// combinations are left to [`Config::validate`]. The keys that set other keys (the
    /// lesson, the preset, `vs`) are stored as given: opening them is `Config::set`'s work,
    /// one level up in [`crate::link`], which knows the lessons.
    pub fn set(&self, config: &mut Config, value: &str) -> Result<(), ConfigError> {
        let field = self.name;
        match &self.kind {
            Kind::Number(slot) | Kind::Whole(slot) => {
                *(slot.get_mut)(config) = number(field, value)?
            }
            Kind::Flag(slot) => {
                *(slot.get_mut)(config) = match value {
                    "1" | "true" => true,
                    "0" | "false" => false,
                    _ => {
                        return Err(ConfigError::new(
                            field,
                            ErrorText::new("notBool").with("value", clip(value)),
                        ))
                    }
                }
            }
            Kind::Choice(names, slot) => {
                if !names.contains(&value) {
                    return Err(unknown(field, value, names));
                }
                *(slot.get_mut)(config) = value.to_string();
            }
            Kind::Layers(slot) => {
                parse_layers(value)?;
                *(slot.get_mut)(config) = value.replace(' ', "");
            }
            Kind::Bias(slot) => {
                if value != "init" {
                    number(field, value)?;
                }
                *(slot.get_mut)(config) = value.to_string();
            }
            Kind::Preset(slot) | Kind::Lesson(slot) if value == "none" => {
                (slot.get_mut)(config).clear()
            }
            Kind::Preset(slot) | Kind::Lesson(slot) | Kind::Versus(slot) => {
                *(slot.get_mut)(config) = value.to_string()
            }
        }
        Ok(())
    }

    /// `x` if it lies in this key's range (and is whole for a whole-number key); else an
    /// error on this key that says what is accepted. A key without a range accepts any
    /// finite number.
    pub fn check(&self, x: f64) -> Result<f64, ConfigError> {
        let whole = matches!(self.kind, Kind::Whole(_));
        match &self.range {
            Some(range) => range.check(self.name, x, whole),
            None if x.is_finite() => Ok(x),
            None => Err(ConfigError::new(
                self.name,
                ErrorText::new("notFinite").with("value", show(x)),
            )),
        }
    }

    /// Checks this key's value in `config` against its range, if it is a number with one
    /// (the number form of `bias` is checked where the biases are read).
    pub fn check_range(&self, config: &Config) -> Result<(), ConfigError> {
        match &self.kind {
            Kind::Number(slot) | Kind::Whole(slot) => self.check(*(slot.get)(config)).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// The name in `value` from this key's choices, parsed by `from_name` (the engine's
    /// own parser, which reads the same list); else the same error as [`Key::set`].
    pub fn choice<T>(
        &self,
        value: &str,
        from_name: fn(&str) -> Option<T>,
    ) -> Result<T, ConfigError> {
        from_name(value).ok_or_else(|| unknown(self.name, value, self.kind.choices()))
    }
}

fn unknown(field: &'static str, value: &str, choices: &[&str]) -> ConfigError {
    ConfigError::new(
        field,
        ErrorText::new("notChoice")
            .with("value", clip(value))
            .with("choices", choices.join(", ")),
    )
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

impl Config {
    /// The value of one key, as the URL writes it ("" for a key InitLab does not know).
    pub fn get(&self, key: &str) -> String {
        self::key(key).map_or_else(String::new, |k| k.get(self))
    }
}

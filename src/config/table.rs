//! The one table of settings: a row per URL key, with its default, how its value is read
//! and written, its choices (taken from the engine's own lists), its limits, whether a
//! framework preset owns it, and what it sets.
//!
//! Everything else reads this table: [`Config::get`], `Config::set` and the URL codec
//! ([`crate::link`]), [`Config::validate`]'s range checks, the presets (which reset the
//! rows marked `init`), and the page's menus (the wasm `keys()` export). Adding a key means
//! adding a row here and a field to [`Config`].

use super::limits::{
    MAX_BIAS_SIGMA, MAX_BOUND, MAX_LR, MAX_POINTS, MAX_SCALE, MAX_SEED, MIN_POINTS, MIN_SCALE,
};
use super::presets;
use super::record::Config;
use super::text::{clip, fmt_num, number, parse_layers};
use crate::activation::Activation;
use crate::data::DatasetKind;
use crate::error::show;
use crate::error::ErrorText;
use crate::init::{BoundsUnit, FamilyKind, RuleKind};
use crate::loss::Head;
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
    /// How the settings panel shows it (`None`: not there, it has a panel of its own).
    pub widget: Option<Widget>,
}

/// How the page's settings panel shows a key: A's panel is built from these (the wasm
/// `keys()` export), so that a new key is one row and the page holds no list of its own.
pub struct Widget {
    /// The panel's box it sits in, in table order.
    pub group: Group,
    pub control: Control,
}

/// The boxes of the settings panel, in the panel's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Weights,
    Truncation,
    Bias,
    Network,
    Data,
    Training,
}

impl Group {
    /// Its name for the page (`<fieldset data-group="weights">`).
    pub fn name(self) -> &'static str {
        match self {
            Group::Weights => "weights",
            Group::Truncation => "truncation",
            Group::Bias => "bias",
            Group::Network => "network",
            Group::Data => "data",
            Group::Training => "training",
        }
    }
}

/// The control that sets a key. A slider covers the values a learner explores; the URL
/// may hold any other value of the key's range, which the slider then shows at its end.
pub enum Control {
    /// A menu of the key's choices (a preset's menu also offers none).
    Menu,
    /// A slider from `min` to `max` in steps of `step`.
    Slider { min: f64, max: f64, step: f64 },
    /// A slider whose `steps` positions are spread evenly over log10 of [min, max]
    /// (the wasm `LogSlider`): σ and the learning rate span decades.
    LogSlider { min: f64, max: f64, steps: f64 },
    /// A slider that steps through these values (the first one ≥ the key's value shows it).
    Steps(&'static [f64]),
    /// A number field in steps of `step`.
    Number { step: f64 },
    /// A check box (a flag).
    Check,
    /// Two sliders: the number of hidden layers (0 to [`super::MAX_HIDDEN_LAYERS`]) and their width,
    /// stepping through `widths`.
    Layers { widths: &'static [f64] },
    /// A number field in steps of `step`, and a check box for `init` (biases drawn like
    /// the weights).
    NumberOrInit { step: f64 },
    /// A whole-number field and a button that draws a fresh seed.
    Seed,
}

/// The panel's widths: powers of two and the steps between, up to [`super::MAX_UNITS`].
const WIDTHS: &[f64] = &[
    1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0, 96.0, 128.0, 192.0, 256.0,
];
/// The panel's data-set sizes, from [`MIN_POINTS`] to [`MAX_POINTS`].
const POINTS: &[f64] = &[
    10.0, 20.0, 50.0, 100.0, 200.0, 400.0, 800.0, 1000.0, 2000.0, 3000.0, 5000.0,
];
/// The panel's batch sizes.
const BATCHES: &[f64] = &[
    1.0, 2.0, 4.0, 5.0, 8.0, 10.0, 16.0, 20.0, 32.0, 50.0, 64.0, 100.0, 128.0, 256.0, 500.0,
];

/// A widget in `group` with `control`.
const fn widget(group: Group, control: Control) -> Option<Widget> {
    Some(Widget { group, control })
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
        widget: None,
    },
    Key {
        name: "preset",
        default: "",
        kind: Kind::Preset(slot!(preset)),
        range: None,
        init: false,
        description: "sets the init keys (weights and biases) as a framework does",
        widget: widget(Group::Weights, Control::Menu),
    },
    Key {
        name: "init",
        default: "normal",
        kind: Kind::Choice(&FamilyKind::NAMES, slot!(init)),
        range: None,
        init: true,
        description: "the distribution the weights are drawn from; orthogonal: each layer gain × a \
                      random orthogonal matrix (Saxe et al. 2014); lsuv: orthogonal, then each layer \
                      rescaled to output variance 1 on a batch (Mishkin & Matas 2016)",
        widget: widget(Group::Weights, Control::Menu),
    },
    Key {
        name: "const",
        default: "0.5",
        kind: Kind::Number(slot!(constant)),
        range: Some(Range::closed(-MAX_SCALE, MAX_SCALE)),
        init: true,
        description: "every weight's value when init=constant",
        widget: widget(
            Group::Weights,
            Control::Slider {
                min: -2.0,
                max: 2.0,
                step: 0.01,
            },
        ),
    },
    Key {
        name: "jitter",
        default: "0",
        kind: Kind::Number(slot!(jitter)),
        range: Some(Range::closed(0.0, MAX_SCALE)),
        init: true,
        description:
            "std of random noise added to every initial weight (breaks a constant's symmetry); \
             not used with layers=0",
        widget: widget(Group::Weights, Control::Number { step: 0.001 }),
    },
    Key {
        name: "scale",
        default: "glorot",
        kind: Kind::Choice(&RuleKind::NAMES, slot!(scale)),
        range: None,
        init: true,
        description: "σ by hand, or per layer by the LeCun, Glorot/Xavier or He rule; not used \
                      with init=orthogonal or lsuv, whose scale orthogonality (and, for lsuv, the \
                      data) sets",
        widget: widget(Group::Weights, Control::Menu),
    },
    Key {
        name: "gain",
        default: "1",
        kind: Kind::Number(slot!(gain)),
        range: Some(Range::closed(MIN_SCALE, MAX_SCALE)),
        init: true,
        description: "multiplies the σ of the lecun/glorot/he rules, or the orthogonal matrix \
                      (init=orthogonal); not used with lsuv",
        widget: widget(
            Group::Weights,
            Control::LogSlider {
                min: 0.1,
                max: 10.0,
                steps: 200.0,
            },
        ),
    },
    Key {
        name: "sigma",
        default: "1",
        kind: Kind::Number(slot!(sigma)),
        range: Some(Range::closed(MIN_SCALE, MAX_SCALE)),
        init: true,
        description: "the std for scale=manual; for uniform the bounds are ±σ√3",
        widget: widget(
            Group::Weights,
            Control::LogSlider {
                min: 0.001,
                max: 10.0,
                steps: 400.0,
            },
        ),
    },
    Key {
        name: "lo",
        default: "-2",
        kind: Kind::Number(slot!(lo)),
        range: Some(Range::closed(-MAX_BOUND, MAX_BOUND)),
        init: true,
        description: "where a truncated normal is cut below (lo < hi)",
        widget: widget(
            Group::Truncation,
            Control::Slider {
                min: -10.0,
                max: 10.0,
                step: 0.05,
            },
        ),
    },
    Key {
        name: "hi",
        default: "2",
        kind: Kind::Number(slot!(hi)),
        range: Some(Range::closed(-MAX_BOUND, MAX_BOUND)),
        init: true,
        description: "where a truncated normal is cut above (lo < hi)",
        widget: widget(
            Group::Truncation,
            Control::Slider {
                min: -10.0,
                max: 10.0,
                step: 0.05,
            },
        ),
    },
    Key {
        name: "bounds",
        default: "sigma",
        kind: Kind::Choice(&BoundsUnit::NAMES, slot!(bounds)),
        range: None,
        init: true,
        description: "lo/hi in units of σ (Keras, JAX) or as weight values (PyTorch)",
        widget: widget(Group::Truncation, Control::Menu),
    },
    Key {
        name: "correct",
        default: "0",
        kind: Kind::Flag(slot!(correct)),
        range: None,
        init: true,
        description: "rescale σ so that the std after the cut is the σ asked for (Keras)",
        widget: widget(Group::Truncation, Control::Check),
    },
    Key {
        name: "bias",
        default: "0",
        kind: Kind::Bias(slot!(bias)),
        range: Some(Range::closed(-MAX_SCALE, MAX_SCALE)),
        init: true,
        description: "every bias's value, or init to draw them like the weights",
        widget: widget(Group::Bias, Control::NumberOrInit { step: 0.01 }),
    },
    Key {
        name: "bsigma",
        default: "0",
        kind: Kind::Number(slot!(bsigma)),
        range: Some(Range::closed(0.0, MAX_BIAS_SIGMA)),
        init: true,
        description: "std σ_b of biases drawn from N(0, σ_b²), as mean-field theory assumes; \
                      above 0 it overrides bias",
        widget: widget(
            Group::Bias,
            Control::Slider {
                min: 0.0,
                max: 1.0,
                step: 0.01,
            },
        ),
    },
    Key {
        name: "act",
        default: "tanh",
        kind: Kind::Choice(&Activation::NAMES, slot!(act)),
        range: None,
        init: false,
        description: "the hidden layers' activation (the output is a sigmoid, or a softmax for \
                      the digits); not used with layers=0",
        widget: widget(Group::Network, Control::Menu),
    },
    Key {
        name: "layers",
        default: "8,8",
        kind: Kind::Layers(slot!(layers)),
        range: None,
        init: false,
        description: "the hidden layers' widths, e.g. 16,8, or 0 for none (logistic regression)",
        widget: widget(Group::Network, Control::Layers { widths: WIDTHS }),
    },
    Key {
        name: "shortcut",
        default: "0",
        kind: Kind::Flag(slot!(shortcut)),
        range: None,
        init: false,
        description: "the inputs also feed the output unit (the XOR 2-1 net); needs a hidden \
                      layer, and does not apply to the digits",
        widget: widget(Group::Network, Control::Check),
    },
    Key {
        name: "data",
        default: "xor",
        kind: Kind::Choice(&DatasetKind::NAMES, slot!(data)),
        range: None,
        init: false,
        description: "the problem: a toy set in the plane (xor4: the 4 textbook points), or \
                      digits, 1,797 handwritten 8×8 digits in ten classes (UCI, CC BY 4.0), \
                      fetched when first chosen",
        widget: widget(Group::Data, Control::Menu),
    },
    Key {
        name: "points",
        default: "400",
        kind: Kind::Whole(slot!(points)),
        range: Some(Range::closed(MIN_POINTS as f64, MAX_POINTS as f64)),
        init: false,
        description: "points generated (80 % train, 20 % test); does not apply to the digits \
                      (a fixed split of their 1,797 images)",
        widget: widget(Group::Data, Control::Steps(POINTS)),
    },
    Key {
        name: "noise",
        default: "0.1",
        kind: Kind::Number(slot!(noise)),
        range: Some(Range::closed(0.0, 1.0)),
        init: false,
        description: "std of the jitter added to each coordinate; does not apply to the digits",
        widget: widget(
            Group::Data,
            Control::Slider {
                min: 0.0,
                max: 0.5,
                step: 0.01,
            },
        ),
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
        widget: widget(
            Group::Training,
            Control::LogSlider {
                min: 0.0001,
                max: MAX_LR,
                steps: 500.0,
            },
        ),
    },
    Key {
        name: "batch",
        default: "10",
        kind: Kind::Whole(slot!(batch)),
        range: Some(Range::closed(1.0, MAX_POINTS as f64)),
        init: false,
        description: "points per training step",
        widget: widget(Group::Training, Control::Steps(BATCHES)),
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
        widget: widget(
            Group::Training,
            Control::Slider {
                min: 0.0,
                max: 0.99,
                step: 0.01,
            },
        ),
    },
    Key {
        name: "loss",
        default: "bce",
        kind: Kind::Choice(&Head::NAMES, slot!(loss)),
        range: None,
        init: false,
        description: "cross-entropy (bce) or mean squared error (mse) on the sigmoid output of \
                      the sets in the plane; the softmax cross-entropy (ce) for the digits, \
                      their default and only loss (mse is refused there); follows data",
        widget: widget(Group::Training, Control::Menu),
    },
    Key {
        name: "seed",
        default: "1",
        kind: Kind::Whole(slot!(seed)),
        range: Some(Range::closed(0.0, MAX_SEED)),
        init: false,
        description: "fixes the data, the initial weights and the batch order",
        widget: widget(Group::Training, Control::Seed),
    },
    Key {
        name: "vs",
        default: "",
        kind: Kind::Versus(slot!(vs)),
        range: None,
        init: false,
        description: "compares with a second network B: B's settings that differ, as a query \
                      (init=zeros), or same",
        widget: None,
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
            bsigma: 0.0,
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

//! What the page's controls offer, taken from the engine so that JavaScript holds no
//! list or limit of its own: the key table (every URL key with its choices, its limits and
//! its widget in the settings panel), the framework presets, the accepted ranges, and the
//! logarithmic sliders (σ, learning rate) that map a slider position to a value.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::js::to_js;
use crate::config::table::{Control, Widget};
use crate::config::{self, presets::PRESETS, Config, Range, TABLE};

/// One row of the key table, as the page sees it.
#[derive(Serialize)]
struct KeyEntry {
    key: &'static str,
    default: &'static str,
    /// number | whole | flag | choice | layers | bias | preset.
    kind: &'static str,
    /// The names a choice (or the preset) may take, in the engine's order; else empty.
    choices: &'static [&'static str],
    /// The accepted numbers (null where the key is not a number).
    min: Option<f64>,
    max: Option<f64>,
    /// Whether `min` / `max` themselves are refused (lr > 0, momentum < 1).
    #[serde(rename = "minOpen")]
    min_open: bool,
    #[serde(rename = "maxOpen")]
    max_open: bool,
    /// Whether a framework preset sets it.
    init: bool,
    /// Whether the page offers it among B's controls in a comparison.
    #[serde(rename = "forB")]
    for_b: bool,
    description: &'static str,
    /// How A's settings panel shows it; null for a key with a panel of its own.
    widget: Option<WidgetEntry>,
}

/// A row's widget as the page sees it: `{group, control}` and the control's numbers.
#[derive(Serialize)]
struct WidgetEntry {
    /// The panel's box: weights | truncation | bias | network | data | training.
    group: &'static str,
    /// menu | slider | log | steps | number | check | layers | bias | seed.
    control: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
    /// A slider's or number field's step.
    #[serde(skip_serializing_if = "Option::is_none")]
    step: Option<f64>,
    /// A log slider's number of positions after 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    steps: Option<f64>,
    /// The values a stepped slider goes through (the widths, for layers).
    #[serde(skip_serializing_if = "Option::is_none")]
    values: Option<&'static [f64]>,
}

impl WidgetEntry {
    fn new(widget: &Widget) -> WidgetEntry {
        let mut entry = WidgetEntry {
            group: widget.group.name(),
            control: "menu",
            min: None,
            max: None,
            step: None,
            steps: None,
            values: None,
        };
        match widget.control {
            Control::Menu => {}
            Control::Check => entry.control = "check",
            Control::Seed => entry.control = "seed",
            Control::Slider { min, max, step } => {
                (entry.control, entry.min, entry.max) = ("slider", Some(min), Some(max));
                entry.step = Some(step);
            }
            Control::LogSlider { min, max, steps } => {
                (entry.control, entry.min, entry.max) = ("log", Some(min), Some(max));
                entry.steps = Some(steps);
            }
            Control::Steps(values) => (entry.control, entry.values) = ("steps", Some(values)),
            Control::Number { step } => (entry.control, entry.step) = ("number", Some(step)),
            Control::NumberOrInit { step } => (entry.control, entry.step) = ("bias", Some(step)),
            Control::Layers { widths } => {
                (entry.control, entry.values) = ("layers", Some(widths));
                (entry.min, entry.max) = (Some(0.0), Some(config::MAX_HIDDEN_LAYERS as f64));
            }
        }
        entry
    }
}

/// The key table, one entry per URL key in URL order: `[{key, default, kind, choices, min,
/// max, minOpen, maxOpen, init, forB, description, widget}]`, `widget` as
/// `{group, control, min, max, step, steps, values}` (the numbers its control needs).
///
/// The page builds both settings panels from it (A's from `widget`, B's from `forB`), so
/// the names, the ranges and the sliders' steps exist only in the engine.
#[wasm_bindgen]
pub fn keys() -> Result<JsValue, JsError> {
    let entries: Vec<KeyEntry> = TABLE
        .iter()
        .map(|row| KeyEntry {
            key: row.name,
            default: row.default,
            kind: row.kind.name(),
            choices: crate::link::choices(row),
            min: row.range.map(|r| r.min),
            max: row.range.map(|r| r.max),
            min_open: row.range.is_some_and(|r| r.min_open),
            max_open: row.range.is_some_and(|r| r.max_open),
            init: row.init,
            for_b: crate::compare::offered_for_b(row),
            description: row.description,
            widget: row.widget.as_ref().map(WidgetEntry::new),
        })
        .collect();
    to_js(&entries)
}

/// One entry of the preset menu.
#[derive(Serialize)]
struct PresetEntry {
    name: &'static str,
    formula: &'static str,
}

/// The framework presets, in the engine's order: `[{name, formula}]`.
///
/// `name` is the value of the URL key `preset`; `formula` is the published rule it
/// follows, for the menu's description.
#[wasm_bindgen]
pub fn presets() -> Result<JsValue, JsError> {
    let entries: Vec<PresetEntry> = PRESETS
        .iter()
        .map(|p| PresetEntry {
            name: p.name,
            formula: p.formula,
        })
        .collect();
    to_js(&entries)
}

/// The accepted ranges, as the engine validates them (see `initlab::config`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Limits {
    max_hidden_layers: usize,
    max_units: usize,
    min_points: usize,
    max_points: usize,
    max_lr: f64,
    max_scale: f64,
    max_seed: f64,
}

/// What a `LogSlider` built from bad arguments covers: σ's usual range, 0.001 … 10.
const FALLBACK_SLIDER: (f64, f64) = (0.001, 10.0);

/// The range the key table gives `key`.
fn table_range(key: &str) -> Result<Range, JsError> {
    config::table::key(key)
        .and_then(|row| row.range)
        .ok_or_else(|| JsError::new(&format!("the key table gives {key} no range")))
}

/// `{maxHiddenLayers, maxUnits, minPoints, maxPoints, maxLr, maxScale, maxSeed}`, the ranges
/// read from the key table (the sliders' own ranges are in its widgets, see `keys()`).
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsError> {
    let points = table_range("points")?;
    to_js(&Limits {
        max_hidden_layers: config::MAX_HIDDEN_LAYERS,
        max_units: config::MAX_UNITS,
        min_points: points.min as usize,
        max_points: points.max as usize,
        max_lr: table_range("lr")?.max,
        max_scale: table_range("sigma")?.max,
        max_seed: table_range("seed")?.max,
    })
}

/// The settings a fresh page starts from, with the same keys as the URL.
#[wasm_bindgen]
pub fn defaults() -> Result<JsValue, JsError> {
    to_js(&Config::default())
}

/// A slider whose positions 0 … `steps` are spread evenly over log10 of [min, max]:
/// value = min · (max/min)^(position/steps), rounded to 3 significant digits so that the
/// URL stays short (`sigma=0.0316`, not `sigma=0.031622776601683794`).
#[wasm_bindgen]
pub struct LogSlider {
    log_min: f64,
    log_max: f64,
    steps: f64,
}

#[wasm_bindgen]
impl LogSlider {
    /// A slider over [min, max] (both positive, min < max) with `steps` positions.
    /// Bad arguments give σ's usual range and 400 steps rather than an error.
    #[wasm_bindgen(constructor)]
    pub fn new(min: f64, max: f64, steps: f64) -> LogSlider {
        let good = min.is_finite() && max.is_finite() && min > 0.0 && min < max;
        let (min, max) = if good { (min, max) } else { FALLBACK_SLIDER };
        let steps = if steps.is_finite() && steps >= 1.0 {
            steps.floor()
        } else {
            400.0
        };
        LogSlider {
            log_min: libm::log10(min),
            log_max: libm::log10(max),
            steps,
        }
    }

    /// The value at a slider position (clamped to 0 … steps).
    pub fn value(&self, position: f64) -> f64 {
        let t = if position.is_finite() {
            (position / self.steps).clamp(0.0, 1.0)
        } else {
            0.0
        };
        round_significant(libm::pow(
            10.0,
            self.log_min + t * (self.log_max - self.log_min),
        ))
    }

    /// The nearest slider position for a value (values outside the range go to an end).
    pub fn position(&self, value: f64) -> f64 {
        if !(value.is_finite() && value > 0.0) {
            return 0.0;
        }
        let t = (libm::log10(value) - self.log_min) / (self.log_max - self.log_min);
        (t.clamp(0.0, 1.0) * self.steps).round()
    }

    /// The number of positions after 0 (the `max` attribute of the range input).
    pub fn steps(&self) -> f64 {
        self.steps
    }
}

/// `x` rounded to 3 significant digits, through its decimal form (so 0.0316 is exactly
/// the f64 nearest to 0.0316, and prints as such).
fn round_significant(x: f64) -> f64 {
    format!("{x:.2e}").parse().unwrap_or(x)
}

//! The page's door into the engine: a thin wasm-bindgen API over [`Experiment`].
//!
//! This module only translates. JavaScript values come in as strings or plain
//! objects, go through the same [`Config`] validation the native code uses, and the
//! results go back out as plain JSON-shaped objects (through serde-wasm-bindgen's
//! JSON-compatible serializer). It does no maths of its own.
//!
//! Nothing here panics on bad input: a bad URL becomes a list of notices, a bad
//! `configure` becomes `{ok: false, field, error}`, and anything unforeseen is
//! reported on the console by `console_error_panic_hook`.

#[cfg(feature = "bench")]
mod bench;
mod catalogue;
mod compare;
mod draw;
mod export;
mod lessons;
mod network;
mod restarts;
mod side;
mod views;

pub use catalogue::{defaults, keys, limits, presets, LogSlider};
pub use restarts::{draw_restarts, RestartRunner};
pub use side::Side;
pub mod charts;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::compare::Comparison;
use crate::error::ErrorText;
use crate::experiment::Snapshot;
use crate::landscape::{GridSpec, DEFAULT_LANDSCAPE_N, DEFAULT_LANDSCAPE_SPAN, MIN_LANDSCAPE_N};
use crate::{Config, ConfigError};

/// The most work one `step(n)` call may ask for, in multiply-adds (a few seconds in a
/// browser for a deep network) and in steps (about a second for a small one), so that a
/// stray huge `n` is refused with a message instead of freezing the tab.
pub const MAX_WORK_PER_CALL: f64 = 4e9;
pub const MAX_STEPS_PER_CALL: f64 = 100_000.0;

#[wasm_bindgen]
extern "C" {
    /// JavaScript's global `String(value)`: how a property of a `configure({...})`
    /// object becomes the same text a URL query value would be (`[8, 8]` → `"8,8"`).
    #[wasm_bindgen(js_name = String, catch)]
    fn js_string(value: &JsValue) -> Result<String, JsValue>;
}

/// Runs once when the module is instantiated: route any panic to `console.error`
/// with its message instead of an opaque "unreachable executed".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// A fresh random seed for the "new seed" button, from the browser's crypto source.
///
/// It is kept below 2³² so that it is exact as a JS number and short in a URL.
#[wasm_bindgen(js_name = newSeed)]
pub fn new_seed() -> f64 {
    // If the crypto source is unavailable, fall back to the clock: a seed only
    // needs to differ from the last one, not to be secret.
    match getrandom::u32() {
        Ok(seed) => f64::from(seed),
        Err(_) => (js_sys::Date::now() % 4_294_967_296.0).floor(),
    }
}

/// One notice or error as the page sees it: the English sentence, and `text` (`{id, args}`)
/// for the page to word in the learner's language.
#[derive(Serialize)]
struct Notice<'a> {
    field: &'a str,
    message: &'a str,
    text: &'a ErrorText,
}

/// The answer to `configure`: `{ok: true}` or `{ok: false, field, error, text}`.
#[derive(Serialize)]
struct Outcome {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    /// The whole message in English, starting with the key at fault ("lr: ...").
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    /// The message without the key, as `{id, args}` for the page's string tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<ErrorText>,
}

impl Outcome {
    fn ok() -> Self {
        Outcome {
            ok: true,
            field: None,
            error: None,
            text: None,
        }
    }

    fn rejected(field: &'static str, text: ErrorText) -> Self {
        ConfigError::new(field, text).into()
    }
}

impl From<ConfigError> for Outcome {
    fn from(e: ConfigError) -> Self {
        Outcome {
            ok: false,
            field: Some(e.field.to_string()),
            error: Some(e.to_string()),
            text: Some(e.text),
        }
    }
}

/// Every engine message id with its English template (`[[id, template], …]`): the page's
/// English wording of errors, and the list each language's table must cover.
#[wasm_bindgen(js_name = errorMessages)]
pub fn error_messages() -> Result<JsValue, JsError> {
    to_js(crate::error::MESSAGES)
}

/// Chooses the language of every word drawn on the charts and of `networkHit`'s text:
/// `code` ("en", "zh", "ru", "hi") and, for any language but English, its table of chart
/// labels (`charts` of `www/i18n/<code>.js`, fetched with the page's strings only when the
/// language is chosen). Throws, keeping the current language, for a table that lacks a
/// label or changes a label's placeholders.
#[wasm_bindgen(js_name = setChartLanguage)]
pub fn set_chart_language(code: &str, labels: JsValue) -> Result<(), JsError> {
    if code == "en" || labels.is_undefined() || labels.is_null() {
        charts::set_language(None);
        return Ok(());
    }
    let labels = language_table(code, &labels)
        .map_err(|e| JsError::new(&format!("the charts cannot speak '{code}': {e}")))?;
    charts::set_language(Some(labels));
    Ok(())
}

/// Most languages whose chart labels the page may load.
const MOST_CHART_LANGUAGES: usize = 16;

thread_local! {
    /// Each language's chart labels, made once: the charts draw from `&'static` labels, so
    /// a table lives as long as the page (a few KB per language, at most
    /// [`MOST_CHART_LANGUAGES`] of them), like the English constant.
    static CHART_LANGUAGES: std::cell::RefCell<Vec<(String, &'static charts::Labels)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The labels of `code` from the page's table `labels` (the first table given for a code
/// is kept: it is the same file every time).
fn language_table(code: &str, labels: &JsValue) -> Result<&'static charts::Labels, String> {
    CHART_LANGUAGES.with(|known| {
        let mut known = known.borrow_mut();
        if let Some((_, table)) = known.iter().find(|(c, _)| c == code) {
            return Ok(*table);
        }
        if known.len() >= MOST_CHART_LANGUAGES {
            return Err(format!("at most {MOST_CHART_LANGUAGES} languages"));
        }
        let text = |name: &str| {
            js_sys::Reflect::get(labels, &JsValue::from_str(name))
                .ok()?
                .as_string()
                .map(|s| &*Box::leak(s.into_boxed_str()))
        };
        let table: &'static charts::Labels = Box::leak(Box::new(
            charts::Labels::from_lookup(text).map_err(|e| e.to_string())?,
        ));
        known.push((code.to_string(), table));
        Ok(table)
    })
}

/// Serializes to a plain JS value (objects, arrays, numbers), as JSON would.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert to a JS value: {e}")))
}

/// New settings from the current ones and a list of (key, value) changes.
type SettingsChange = fn(&Config, &[(&str, &str)]) -> Result<Config, ConfigError>;

/// Turns `{lr: 0.1, layers: [8, 8]}` into `[("lr", "0.1"), ("layers", "8,8")]`.
fn changes_from_js(partial: &JsValue) -> Result<Vec<(String, String)>, Outcome> {
    if !partial.is_object() || js_sys::Array::is_array(partial) {
        return Err(Outcome::rejected("", ErrorText::new("configureObject")));
    }
    let object: &js_sys::Object = partial.unchecked_ref();
    let mut changes = Vec::new();
    for entry in js_sys::Object::entries(object).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let value = js_string(&pair.get(1)).map_err(|_| {
            let field = crate::config::table::key(&key).map_or("config", |row| row.name);
            Outcome::rejected(field, ErrorText::new("notText"))
        })?;
        changes.push((key, value));
    }
    Ok(changes)
}

/// The answer to `landscape`: the grid as rows, for JS.
#[derive(Serialize)]
struct LandscapeRows<'a> {
    n: usize,
    span: f64,
    center_loss: f64,
    loss: Vec<&'a [f64]>,
}

/// Reads `options[key]` for `landscape`: its default when `options` or the key is missing,
/// the number when it is one, and a message naming the key otherwise.
fn landscape_option(options: &JsValue, key: &'static str, default: f64) -> Result<f64, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(default);
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(refusal("landscape", ErrorText::new("landscape.object")));
    }
    let value =
        js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() {
        return Ok(default);
    }
    value.as_f64().ok_or_else(|| {
        let shown = js_string(&value).unwrap_or_else(|_| "this value".to_string());
        let text = ErrorText::new("landscape.number")
            .with("key", key)
            .with("value", shown);
        refusal("landscape", text)
    })
}

/// A refusal thrown to JS: an `Error` whose message is the English sentence ("field: …"),
/// carrying `field` and `text` (the message id and its arguments) so that the page words
/// it in the learner's language (strings.js `localizedError`).
pub(crate) fn refusal(field: &'static str, text: ErrorText) -> JsValue {
    let thrown = js_sys::Error::new(&format!("{field}: {}", text.english()));
    let words = to_js(&text).unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(
        &thrown,
        &JsValue::from_str("field"),
        &JsValue::from_str(field),
    );
    let _ = js_sys::Reflect::set(&thrown, &JsValue::from_str("text"), &words);
    thrown.into()
}

/// One experiment driven by the page: the network (A, and B while comparing), its data,
/// its history, and the notices raised while reading the URL it started from.
#[wasm_bindgen]
pub struct Lab {
    pair: Comparison,
    notices: Vec<ConfigError>,
    /// A's statistics at the current weights, computed at most once between two
    /// changes, so that a frame's `step`, `snapshot` and `draw` share one.
    snapshot: Option<Snapshot>,
    /// B's, likewise (while comparing).
    snapshot_b: Option<Snapshot>,
    /// What the views below the core charts keep between frames (the landscape's pacing).
    views: views::Views,
    /// The saddle lesson's curvature of A at the current weights (computed on request).
    curvature: Option<crate::lessons::Curvature>,
    /// The last finished restarts: the settings they ran on (a query) and what they found.
    restarts_seen: Option<(String, crate::lessons::RestartsSeen)>,
}

#[wasm_bindgen]
impl Lab {
    /// Builds the experiment a URL query string describes (`location.search`).
    ///
    /// Bad or unknown keys do not stop the page: they fall back to their defaults
    /// and are kept as notices (see [`Lab::notices`]).
    #[wasm_bindgen(constructor)]
    pub fn new(query: &str) -> Result<Lab, JsError> {
        let (config, mut notices) = Config::from_query(query);
        let pair = match Comparison::new(&config) {
            Ok(pair) => pair,
            Err(error) => {
                // Each key was valid on its own but the combination is not
                // (for example bounds with no mass): start from the defaults.
                notices.push(error);
                Comparison::new(&Config::default())
                    .map_err(|e| JsError::new(&format!("the default settings fail: {e}")))?
            }
        };
        Ok(Lab {
            pair,
            notices,
            snapshot: None,
            snapshot_b: None,
            views: views::Views::default(),
            curvature: None,
            restarts_seen: None,
        })
    }

    /// The notices from reading the URL, as `[{field, message}]` (empty if it was clean).
    pub fn notices(&self) -> Result<JsValue, JsError> {
        let notices: Vec<Notice> = self
            .notices
            .iter()
            .map(|n| Notice {
                field: n.field,
                message: &n.message,
                text: &n.text,
            })
            .collect();
        to_js(&notices)
    }

    /// The current settings, with the same keys as the URL (`side` "b": B's, or `null`
    /// when not comparing).
    pub fn config(&self, side: JsValue) -> Result<JsValue, JsError> {
        match Side::from_js(&side)? {
            Side::A => to_js(self.pair.config()),
            Side::B => self
                .pair
                .b()
                .map_or(Ok(JsValue::NULL), |b| to_js(b.config())),
        }
    }

    /// The query string for the current settings, for `history.replaceState`.
    pub fn query(&self) -> String {
        self.pair.config().to_query()
    }

    /// Validates and applies some settings, e.g. `{lr: 0.1}` or `{act: "relu", layers: "8,8"}`.
    ///
    /// Returns `{ok: true}`, or `{ok: false, field, error}` with the running state
    /// untouched. Changing init, shape, data or seed re-initialises the network;
    /// changing only lr, batch or momentum keeps training where it is.
    ///
    /// `side` "b" changes B's settings only: B = the current B + `partial` (B = A +
    /// `partial` when not comparing yet); the answer names B's key at fault.
    pub fn configure(&mut self, partial: JsValue, side: JsValue) -> Result<JsValue, JsError> {
        let outcome = match Side::from_js(&side)? {
            Side::A => self.apply(&partial),
            Side::B => self.apply_with(&partial, |config, changes| {
                config.with_b_changes(changes.iter().copied())
            }),
        };
        to_js(&outcome)
    }

    /// Trains `n` mini-batch steps and returns the snapshot. Throws, training nothing, when
    /// `n` is not a whole number ≥ 0 or asks for more than [`MAX_WORK_PER_CALL`].
    ///
    /// Training stops early if it diverges; the snapshot then says so.
    pub fn step(&mut self, n: f64) -> Result<JsValue, JsValue> {
        self.train(n)?;
        Ok(self.snapshot()?)
    }

    /// Trains `n` mini-batch steps without computing a snapshot: the animation loop's half
    /// of `step`, timed on its own by `make bench`. Same checks as `step`.
    pub fn train(&mut self, n: f64) -> Result<(), JsValue> {
        let most = self.max_steps_per_call();
        if !(n.is_finite() && n >= 0.0 && n.fract() == 0.0) {
            let text = ErrorText::new("step.whole").with("value", n.to_string());
            return Err(refusal("step", text));
        }
        if n > most {
            let text = ErrorText::new("step.tooMany")
                .with("n", n.to_string())
                .with("most", most.to_string());
            return Err(refusal("step", text));
        }
        if n >= 1.0 {
            self.pair.step(n as usize);
            self.changed();
        }
        Ok(())
    }

    /// The most steps one `step(n)` call accepts for the current network and batch.
    #[wasm_bindgen(js_name = maxStepsPerCall)]
    pub fn max_steps_per_call(&self) -> f64 {
        (MAX_WORK_PER_CALL / self.pair.step_cost())
            .floor()
            .clamp(1.0, MAX_STEPS_PER_CALL)
    }

    /// Statistics of every layer over all training points at the current weights,
    /// plus the loss history (see `initlab::stats::Snapshot`); while comparing, B's
    /// snapshot (the same shape) under `compare`, else `compare: null`.
    pub fn snapshot(&mut self) -> Result<JsValue, JsError> {
        let (a, b) = self.current_both();
        let snapshot = to_js(a)?;
        let compare = match b {
            Some(b) => to_js(b)?,
            None => JsValue::NULL,
        };
        js_sys::Reflect::set(&snapshot, &JsValue::from_str("compare"), &compare)
            .map_err(|_| JsError::new("cannot add B's snapshot"))?;
        Ok(snapshot)
    }

    /// Computes the next missing part of the snapshot (A's statistics, then B's) and says
    /// whether it is now complete: the animation loop spreads a heavy snapshot over frames
    /// with it. [`Lab::snapshot`] computes whatever is still missing, so it is always exact.
    #[wasm_bindgen(js_name = prepareSnapshot)]
    pub fn prepare_snapshot(&mut self) -> bool {
        let (a, b) = self.pair.both_mut();
        if self.snapshot.is_none() {
            self.snapshot = Some(a.snapshot());
            return b.is_none() || self.snapshot_b.is_some();
        }
        if let Some(b) = b {
            self.snapshot_b.get_or_insert_with(|| b.snapshot());
        }
        true
    }

    /// Starts the same run again (both networks while comparing): same seed, so
    /// bit-identical weights and batches.
    pub fn reset(&mut self) {
        self.pair.reset();
        self.changed();
    }

    /// Starts again from another seed; returns `{ok: true}` or `{ok: false, field, error}`.
    pub fn reseed(&mut self, seed: JsValue) -> Result<JsValue, JsError> {
        let seed_only = js_sys::Object::new();
        js_sys::Reflect::set(&seed_only, &JsValue::from_str("seed"), &seed)
            .map_err(|_| JsError::new("cannot build the seed change"))?;
        to_js(&self.apply(&seed_only))
    }

    /// Draws every chart from one snapshot (the same one `snapshot()` returns until the
    /// next change): `canvases` is `{activation, loss, weights, boundary, landscape, depth,
    /// gradients}` (any may be missing), `options` is `{dpr, dark, logScale, weightLayer,
    /// live}` and, for the landscape, `{landscapeN, landscapeSpan, landscapeNow,
    /// landscapeAlone}` (see `views.rs`: each draw refreshes a bounded slice of it).
    ///
    /// Returns `undefined`, or a message naming the charts that could not be drawn.
    /// Canvases with no pixels (hidden, not yet laid out) are skipped.
    ///
    /// `side` "b" draws B's per-layer charts (`{activation, weights, boundary, network,
    /// gradients}`; the loss chart shows both sides already), nothing when not comparing.
    pub fn draw(
        &mut self,
        canvases: JsValue,
        options: JsValue,
        side: JsValue,
    ) -> Result<Option<String>, JsError> {
        Ok(match Side::from_js(&side)? {
            Side::A => self.draw_all(&canvases, &options),
            Side::B => self.draw_side_b(&canvases, &options),
        })
    }

    /// The CSS height the activation canvas needs at `width` CSS pixels, so that every
    /// layer's panel gets room (one column on a phone, up to four on a desktop); for
    /// `side` "b", B's canvas (0 when not comparing).
    #[wasm_bindgen(js_name = activationHeight)]
    pub fn activation_height(&self, width: f64, side: JsValue) -> Result<f64, JsError> {
        Ok(match Side::from_js(&side)? {
            Side::A => self.activation_height_for(width),
            Side::B => self.pair.b().map_or(0.0, |b| {
                charts::activation::height_for(width, b.spec().hidden_sizes.len() + 1)
            }),
        })
    }

    /// The training loss around the current weights (see `initlab::landscape`): `options` is
    /// `{n, span}` (either may be missing: n = 21, span = 1), the answer
    /// `{n, span, center_loss, loss}` with `loss` as n rows (β from −span to span) of n
    /// numbers (α from −span to span), and `center_loss` equal to the snapshot's `loss`.
    ///
    /// Throws a message naming the argument and its limit for an `n` that is not a whole
    /// number from 3 to 101, a `span` not in (0, 10], or an `n` whose grid would be more work
    /// than one call may do for this network ([`MAX_WORK_PER_CALL`]).
    pub fn landscape(&mut self, options: JsValue) -> Result<JsValue, JsValue> {
        let n = landscape_option(&options, "n", DEFAULT_LANDSCAPE_N as f64)?;
        let span = landscape_option(&options, "span", DEFAULT_LANDSCAPE_SPAN)?;
        let spec = GridSpec::new(n, span).map_err(|e| refusal("landscape", e.text))?;
        let cost = self.pair.a().landscape_cost(spec.n());
        if cost > MAX_WORK_PER_CALL {
            let most = (MAX_WORK_PER_CALL / self.pair.a().landscape_cost(0) - 1.0)
                .max(0.0)
                .sqrt()
                .floor();
            let advice = if most >= MIN_LANDSCAPE_N as f64 {
                ErrorText::new("landscape.most").with("most", most.to_string())
            } else {
                ErrorText::new("landscape.none")
            };
            let text = ErrorText::new("landscape.tooMuch")
                .with("n", spec.n().to_string())
                .with("work", format!("{cost:.1e}"))
                .with("max", format!("{MAX_WORK_PER_CALL:.0e}"))
                .with("advice", advice);
            return Err(refusal("landscape", text));
        }
        let grid = self
            .pair
            .a_mut()
            .landscape(spec.n(), spec.span())
            .map_err(|e| refusal("landscape", e.text))?;
        Ok(to_js(&LandscapeRows {
            n: grid.n,
            span: grid.span,
            center_loss: grid.center_loss,
            loss: grid.rows().collect(),
        })?)
    }

    /// The steps trained since the last (re)initialisation.
    #[wasm_bindgen(js_name = stepsDone)]
    pub fn steps_done(&self) -> f64 {
        self.pair.a().steps_done() as f64
    }
}

impl Lab {
    /// A's snapshot and B's (while comparing) at the current weights, computed now if
    /// anything changed since the last.
    fn current_both(&mut self) -> (&Snapshot, Option<&Snapshot>) {
        let (a, b) = self.pair.both_mut();
        let a = &*self.snapshot.get_or_insert_with(|| a.snapshot());
        let b = b.map(|b| &*self.snapshot_b.get_or_insert_with(|| b.snapshot()));
        (a, b)
    }

    /// Forgets the snapshots after anything changed.
    fn changed(&mut self) {
        self.snapshot = None;
        self.snapshot_b = None;
        self.curvature = None;
    }

    /// Validates the changes against the current settings, then applies them; on any
    /// error nothing changes.
    fn apply(&mut self, partial: &JsValue) -> Outcome {
        self.apply_with(partial, |config, changes| {
            config.with_changes(changes.iter().copied())
        })
    }

    /// The settings `change` makes from the current ones and the page's `partial` (A's
    /// changes, B = A + changes, or B's changes), applied; on any error nothing changes.
    /// One body for `configure` (of either side) and `compare`, which differ only in `change`.
    fn apply_with(&mut self, partial: &JsValue, change: SettingsChange) -> Outcome {
        let changes = match changes_from_js(partial) {
            Ok(changes) => changes,
            Err(outcome) => return outcome,
        };
        let pairs: Vec<(&str, &str)> = changes
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        match change(self.pair.config(), &pairs) {
            Ok(config) => self.apply_config(&config),
            Err(error) => error.into(),
        }
    }

    /// Runs `config` (already validated) on both networks; on any error nothing changes.
    fn apply_config(&mut self, config: &Config) -> Outcome {
        match self.pair.configure(config) {
            Ok(()) => {
                self.changed();
                Outcome::ok()
            }
            Err(error) => error.into(),
        }
    }
}

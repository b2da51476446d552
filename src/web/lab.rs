//! The `Lab` the page drives: its state and the core of its API (settings, training,
//! snapshots, the landscape's numbers), over the leaves `js`, `side`, `outcome` and `views`.
//! The files that add `#[wasm_bindgen] impl Lab` blocks (`draw`, `compare`, `export`,
//! `network`, `lessons`, `restarts`) sit above this one: nothing here calls into them.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::js::{js_string, refusal, to_js};
use super::outcome::Outcome;
use super::side::Side;
use super::views::Views;
use crate::compare::Comparison;
use crate::error::ErrorText;
use crate::experiment::{Experiment, Snapshot};
use crate::landscape::{
    GridSpec, Plane, DEFAULT_LANDSCAPE_N, DEFAULT_LANDSCAPE_SPAN, MIN_LANDSCAPE_N,
};
use crate::{Config, ConfigError};

/// The most work one `step(n)` call may ask for, in multiply-adds (a few seconds in a
/// browser for a deep network) and in steps (about a second for a small one), so that a
/// stray huge `n` is refused with a message instead of freezing the tab.
pub const MAX_WORK_PER_CALL: f64 = 4e9;
pub const MAX_STEPS_PER_CALL: f64 = 100_000.0;

/// Multiply-adds of one piece of the animation loop's training ([`Lab::steps_per_piece`]) and
/// of its snapshot ([`Lab::prepare_snapshot`]), a few milliseconds in a browser: a deep
/// network's cycle (20 or 32 layers of 64) then spreads over frames in pieces that each fit
/// (`www/frames.js`), while up to 8 layers of 64 still train their 10 steps in one piece.
pub const TRAIN_WORK_PER_PIECE: f64 = 1e7;
pub const SNAPSHOT_WORK_PER_PIECE: f64 = 8e6;

/// One notice or error as the page sees it: the English sentence, and `text` (`{id, args}`)
/// for the page to word in the learner's language.
#[derive(Serialize)]
struct Notice<'a> {
    field: &'a str,
    message: &'a str,
    text: &'a ErrorText,
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
    plane: &'static str,
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

/// Reads `options.plane` for `landscape`: "random" when missing, else one of the planes'
/// names; anything else is refused with a message naming the value and the choices.
fn landscape_plane_option(options: &JsValue) -> Result<Plane, JsValue> {
    if !options.is_object() {
        return Ok(Plane::Random); // missing options; a non-object was refused by landscape_option
    }
    let value =
        js_sys::Reflect::get(options, &JsValue::from_str("plane")).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() {
        return Ok(Plane::Random);
    }
    // A non-string (a number, an object) is shown as JS would print it, and refused by name.
    let name = (value.as_string())
        .or_else(|| js_string(&value).ok())
        .unwrap_or_else(|| "this value".to_string());
    Plane::parse(&name).map_err(|e| refusal("landscape", e.text))
}

/// One experiment driven by the page: the network (A, and B while comparing), its data,
/// its history, and the notices raised while reading the URL it started from.
#[wasm_bindgen]
pub struct Lab {
    pub(super) pair: Comparison,
    pub(super) notices: Vec<ConfigError>,
    /// A's statistics at the current weights, computed at most once between two
    /// changes, so that a frame's `step`, `snapshot` and `draw` share one.
    pub(super) snapshot: Option<Snapshot>,
    /// B's, likewise (while comparing).
    pub(super) snapshot_b: Option<Snapshot>,
    /// What the views below the core charts keep between frames (the landscape's pacing).
    pub(super) views: Views,
    /// The saddle lesson's curvature of A at the current weights (computed on request).
    pub(super) curvature: Option<crate::lessons::Curvature>,
    /// The last finished restarts: the settings they ran on (a query) and what they found.
    pub(super) restarts_seen: Option<(String, crate::lessons::RestartsSeen)>,
    /// A lesson's step-0 snapshots of A and B, and the settings (a query) they were drawn for.
    pub(super) start: Option<(String, Snapshot, Option<Snapshot>)>,
    /// A lesson's Jacobian spectra of A and B at step 0, and the settings they were drawn for.
    pub(super) spectra: Option<(String, crate::lessons::Spectra)>,
    /// Through-depth measurements at the current weights, per side and pair of points: the
    /// edge-of-chaos verdict and the through-depth view read the same one (`through_depth.rs`).
    pub(super) through: Vec<super::views::ThroughMeasured>,
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
            views: Views::default(),
            curvature: None,
            restarts_seen: None,
            start: None,
            spectra: None,
            through: Vec::new(),
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

    /// The steps of about [`TRAIN_WORK_PER_PIECE`] multiply-adds (at least 1): the animation
    /// loop trains a deep network's steps of a frame in pieces of this many.
    #[wasm_bindgen(js_name = stepsPerPiece)]
    pub fn steps_per_piece(&self) -> f64 {
        (TRAIN_WORK_PER_PIECE / self.pair.step_cost())
            .floor()
            .max(1.0)
    }

    /// The steps until the next one that records the loss history (a pass of every training
    /// and test point, of A and of B: far more than a step at depth), 1 when the next does:
    /// the animation loop plans the training piece that ends on it by its own duration.
    #[wasm_bindgen(js_name = stepsToRecord)]
    pub fn steps_to_record(&self) -> f64 {
        let to_record = |e: &Experiment| {
            let every = e.history().every.max(1);
            every - e.steps_done() % every
        };
        let a = to_record(self.pair.a());
        self.pair.b().map_or(a, |b| a.min(to_record(b))) as f64
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

    /// Computes the next piece of the snapshot, about [`SNAPSHOT_WORK_PER_PIECE`]
    /// multiply-adds (A's statistics, then B's), and says whether it is now complete: the
    /// animation loop spreads a heavy snapshot over frames with it. The pieces add up to the
    /// very snapshot [`Lab::snapshot`] computes at once (`Experiment::snapshot_piece`), which
    /// computes whatever is still missing, so it is always exact.
    #[wasm_bindgen(js_name = prepareSnapshot)]
    pub fn prepare_snapshot(&mut self) -> bool {
        let (a, b) = self.pair.both_mut();
        if self.snapshot.is_none() {
            self.snapshot = a.snapshot_piece(SNAPSHOT_WORK_PER_PIECE);
            return self.snapshot.is_some() && (b.is_none() || self.snapshot_b.is_some());
        }
        if let (Some(b), None) = (b, &self.snapshot_b) {
            self.snapshot_b = b.snapshot_piece(SNAPSHOT_WORK_PER_PIECE);
            return self.snapshot_b.is_some();
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

    /// The training loss around the current weights (see `initlab::landscape`): `options` is
    /// `{n, span, plane}` (any may be missing: n = 21, span = 1, plane "random"), the answer
    /// `{n, span, plane, center_loss, loss}` with `loss` as n rows (β from −span to span) of n
    /// numbers (α from −span to span), and `center_loss` equal to the snapshot's `loss`.
    /// `plane: "saddle"` is the saddle lesson's plane: d₁ its descent direction, d₂ the output
    /// bias, unit vectors with the biases, so that span is a distance.
    ///
    /// Throws a message naming the argument and its limit for an `n` that is not a whole
    /// number from 3 to 101, a `span` not in (0, 10], a `plane` other than "random" or
    /// "saddle", or an `n` whose grid would be more work than one call may do for this
    /// network ([`MAX_WORK_PER_CALL`]).
    pub fn landscape(&mut self, options: JsValue) -> Result<JsValue, JsValue> {
        let n = landscape_option(&options, "n", DEFAULT_LANDSCAPE_N as f64)?;
        let span = landscape_option(&options, "span", DEFAULT_LANDSCAPE_SPAN)?;
        let plane = landscape_plane_option(&options)?;
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
            .landscape_in(plane, spec.n(), spec.span())
            .map_err(|e| refusal("landscape", e.text))?;
        Ok(to_js(&LandscapeRows {
            n: grid.n,
            span: grid.span,
            plane: grid.plane.name(),
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
    pub(super) fn current_both(&mut self) -> (&Snapshot, Option<&Snapshot>) {
        let (a, b) = self.pair.both_mut();
        let a = &*self.snapshot.get_or_insert_with(|| a.snapshot());
        let b = b.map(|b| &*self.snapshot_b.get_or_insert_with(|| b.snapshot()));
        (a, b)
    }

    /// Forgets the snapshots after anything changed.
    pub(super) fn changed(&mut self) {
        self.snapshot = None;
        self.snapshot_b = None;
        self.curvature = None;
        self.through.clear();
    }

    /// Validates the changes against the current settings, then applies them; on any
    /// error nothing changes.
    pub(super) fn apply(&mut self, partial: &JsValue) -> Outcome {
        self.apply_with(partial, |config, changes| {
            config.with_changes(changes.iter().copied())
        })
    }

    /// The settings `change` makes from the current ones and the page's `partial` (A's
    /// changes, B = A + changes, or B's changes), applied; on any error nothing changes.
    /// One body for `configure` (of either side) and `compare`, which differ only in `change`.
    pub(super) fn apply_with(&mut self, partial: &JsValue, change: SettingsChange) -> Outcome {
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
    pub(super) fn apply_config(&mut self, config: &Config) -> Outcome {
        match self.pair.configure(config) {
            Ok(()) => {
                self.changed();
                Outcome::ok()
            }
            Err(error) => error.into(),
        }
    }

    /// The network on `side`: A always, B only while comparing.
    pub(super) fn experiment(&self, side: Side) -> Option<&Experiment> {
        match side {
            Side::A => Some(self.pair.a()),
            Side::B => self.pair.b(),
        }
    }
}

//! `Lab.draw`: every chart of the page from one snapshot, into the canvases the page hands over.
//!
//! The page passes `{activation, loss, weights, boundary, network, landscape, depth,
//! gradients}` canvases (any may be missing) and `{dpr, dark, logScale, weightLayer, live}`
//! (with `landscapeN`, `landscapeSpan`, `landscapeNow` and `landscapeAlone` for the
//! landscape, see `views.rs`). `Lab.draw(…, "b")` draws B's own charts the same way. Each chart is one
//! `charts::<name>::draw` call; a canvas with no pixels yet (hidden, not laid out) is
//! skipped, and a chart that fails is reported in the returned message, never a panic.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;

use super::charts::{self, Style};
use super::Lab;
use crate::experiment::{Experiment, Snapshot};
use crate::landscape::{DEFAULT_LANDSCAPE_N, DEFAULT_LANDSCAPE_SPAN};

/// Cells per side of the decision-boundary grid.
pub const GRID_SIDE: usize = 48;

/// Multiply-adds the boundary may spend per animation frame: a deep, wide network
/// refreshes its grid a slice per frame (the whole grid every few frames) rather than
/// all of it, so a frame stays short. Small networks refresh every cell every frame.
pub const GRID_WORK_PER_FRAME: usize = 1_500_000;

/// What the page asks of one redraw, read leniently from a JS object.
struct Options {
    dpr: f64,
    dark: bool,
    log_scale: bool,
    weight_layer: usize,
    /// Drawn by the animation loop: the boundary may be refreshed a slice at a time.
    live: bool,
    /// The loss landscape's grid and how much of it to compute now.
    pub(super) landscape: LandscapeOptions,
}

pub(crate) fn property(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

impl Options {
    fn from_js(options: &JsValue) -> Options {
        let number = |key| property(options, key).as_f64();
        let weight_layer = number("weightLayer")
            .filter(|i| i.is_finite() && *i >= 0.0)
            .map_or(0, |i| i as usize);
        Options {
            dpr: number("dpr").unwrap_or(1.0),
            dark: property(options, "dark").is_truthy(),
            log_scale: property(options, "logScale").is_truthy(),
            weight_layer,
            live: property(options, "live").is_truthy(),
            landscape: LandscapeOptions::from_js(options),
        }
    }
}

/// The landscape's part of the draw options: `{landscapeN, landscapeSpan, landscapeNow,
/// landscapeAlone}`.
#[derive(Clone, Copy, Debug)]
pub(super) struct LandscapeOptions {
    pub(super) n: f64,
    pub(super) span: f64,
    /// "Recompute now": spend `views.rs`'s `LANDSCAPE_WORK_NOW`.
    pub(super) now: bool,
    /// A frame that draws only the landscape: spend `LANDSCAPE_WORK_ALONE`.
    pub(super) alone: bool,
}

impl LandscapeOptions {
    pub(super) fn from_js(options: &JsValue) -> LandscapeOptions {
        let number = |key, default| property(options, key).as_f64().unwrap_or(default);
        LandscapeOptions {
            n: number("landscapeN", DEFAULT_LANDSCAPE_N as f64),
            span: number("landscapeSpan", DEFAULT_LANDSCAPE_SPAN),
            now: property(options, "landscapeNow").is_truthy(),
            alone: property(options, "landscapeAlone").is_truthy(),
        }
    }
}

/// The canvas under `key`, if there is one and it has pixels to draw on.
fn canvas(canvases: &JsValue, key: &str) -> Option<HtmlCanvasElement> {
    property(canvases, key)
        .dyn_into::<HtmlCanvasElement>()
        .ok()
        .filter(|c| c.width() > 0 && c.height() > 0)
}

impl Lab {
    /// Draws A's charts, all from the same snapshot, and the loss chart with B's losses too
    /// while comparing; returns `undefined`, or a message naming each chart that failed.
    pub(super) fn draw_all(&mut self, canvases: &JsValue, options: &JsValue) -> Option<String> {
        let options = Options::from_js(options);
        let style = Style::new(options.dpr, options.dark);
        let mut errors: Vec<String> = Vec::new();
        // The landscape (A's only) first: it borrows the whole Lab for its pacing.
        if let Some(canvas) = canvas(canvases, "landscape") {
            let result = self.draw_landscape(&canvas, &options.landscape, &style);
            report(&mut errors, "landscape", result);
        }
        let (a, b) = self.pair.both_mut();
        let snapshot = self.snapshot.get_or_insert_with(|| a.snapshot());
        draw_side(a, snapshot, canvases, &options, &style, &mut errors);
        let snapshot_b = b.map(|b| &*self.snapshot_b.get_or_insert_with(|| b.snapshot()));
        if let Some(canvas) = canvas(canvases, "depth") {
            let mut sides: Vec<(&str, &[_])> = vec![("A", &snapshot.layers)];
            if let Some(b) = snapshot_b {
                sides.push(("B", &b.layers));
            }
            report(
                &mut errors,
                "depth",
                charts::depth::draw(&canvas, &sides, &style),
            );
        }
        if let Some(canvas) = canvas(canvases, "loss") {
            let sides = match snapshot_b {
                None => vec![curves(None, snapshot)],
                Some(b) => vec![curves(Some("A"), snapshot), curves(Some("B"), b)],
            };
            let result = charts::loss::draw(&canvas, &sides, options.log_scale, &style);
            report(&mut errors, "loss", result);
        }
        (!errors.is_empty()).then(|| errors.join("; "))
    }

    /// Draws B's per-layer charts (nothing when not comparing).
    pub(super) fn draw_side_b(&mut self, canvases: &JsValue, options: &JsValue) -> Option<String> {
        let options = Options::from_js(options);
        let style = Style::new(options.dpr, options.dark);
        let mut errors: Vec<String> = Vec::new();
        let (_, b) = self.pair.both_mut();
        let b = b?;
        let snapshot = self.snapshot_b.get_or_insert_with(|| b.snapshot());
        draw_side(b, snapshot, canvases, &options, &style, &mut errors);
        (!errors.is_empty()).then(|| format!("B: {}", errors.join("; ")))
    }

    /// The CSS height the activation canvas needs at this CSS width, for the current layers.
    pub(super) fn activation_height_for(&self, width_css: f64) -> f64 {
        let layers = self.pair.a().spec().hidden_sizes.len() + 1;
        charts::activation::height_for(width_css, layers)
    }
}

/// One side's losses for the loss chart.
fn curves<'s>(name: Option<&'static str>, snapshot: &'s Snapshot) -> charts::loss::Curves<'s> {
    charts::loss::Curves {
        name,
        history: &snapshot.history,
        diverged_at: snapshot.diverged_at,
    }
}

/// Adds a chart's failure to `errors`.
fn report(errors: &mut Vec<String>, chart: &str, result: Result<(), String>) {
    if let Err(e) = result {
        errors.push(format!("{chart}: {e}"));
    }
}

/// One network's own charts (everything but the loss, which both sides share).
fn draw_side(
    experiment: &mut Experiment,
    snapshot: &Snapshot,
    canvases: &JsValue,
    options: &Options,
    style: &Style,
    errors: &mut Vec<String>,
) {
    if let Some(canvas) = canvas(canvases, "boundary") {
        let cells = GRID_SIDE * GRID_SIDE;
        let budget = if options.live {
            GRID_WORK_PER_FRAME / experiment.mlp().params.len().max(1)
        } else {
            cells
        };
        let grid = experiment.decision_grid_rolling(GRID_SIDE, budget).clone();
        let result = charts::boundary::draw(&canvas, &grid, experiment.data(), style);
        report(errors, "boundary", result);
    }
    if let Some(canvas) = canvas(canvases, "activation") {
        let hidden = experiment.spec().hidden;
        let result = charts::activation::draw(&canvas, &snapshot.layers, hidden, style);
        report(errors, "activation", result);
    }
    if let Some(canvas) = canvas(canvases, "network") {
        let result = charts::network::draw(&canvas, experiment.mlp(), style);
        report(errors, "network", result);
    }
    if let Some(canvas) = canvas(canvases, "gradients") {
        let result = charts::gradients::draw(&canvas, &snapshot.layers, style);
        report(errors, "gradients", result);
    }
    if let Some(canvas) = canvas(canvases, "weights") {
        let total = snapshot.layers.len();
        let index = options.weight_layer.min(total.saturating_sub(1));
        if let (Some(layer), Some(init)) =
            (snapshot.layers.get(index), experiment.inits().get(index))
        {
            let result = charts::weights::draw(&canvas, layer, init, index, total, style);
            report(errors, "weights", result);
        }
    }
}

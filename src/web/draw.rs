//! `Lab.draw`: every chart of the page from one snapshot, into the canvases the page hands over.
//!
//! The page passes `{activation, loss, weights, boundary, landscape, depth, gradients}`
//! canvases (any may be missing) and `{dpr, dark, logScale, weightLayer, live}` (with
//! `landscapeN`, `landscapeSpan`, `landscapeNow` and `landscapeAlone` for the landscape,
//! see `views.rs`). Each chart is one
//! `charts::<name>::draw` call; a canvas with no pixels yet (hidden, not laid out) is
//! skipped, and a chart that fails is reported in the returned message, never a panic.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;

use super::charts::{self, Style};
use super::Lab;

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
    pub(super) landscape: super::views::LandscapeOptions,
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
            landscape: super::views::LandscapeOptions::from_js(options),
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
    /// Draws the charts, all from the same snapshot; returns `undefined`, or a message
    /// naming each chart that could not be drawn.
    pub(super) fn draw_all(&mut self, canvases: &JsValue, options: &JsValue) -> Option<String> {
        let options = Options::from_js(options);
        let style = Style::new(options.dpr, options.dark);
        let mut errors: Vec<String> = Vec::new();
        let mut report = |chart: &str, result: Result<(), String>| {
            if let Err(e) = result {
                errors.push(format!("{chart}: {e}"));
            }
        };

        if let Some(canvas) = canvas(canvases, "boundary") {
            let cells = GRID_SIDE * GRID_SIDE;
            let budget = if options.live {
                GRID_WORK_PER_FRAME / self.experiment.mlp().params.len().max(1)
            } else {
                cells
            };
            let grid = self
                .experiment
                .decision_grid_rolling(GRID_SIDE, budget)
                .clone();
            report(
                "boundary",
                charts::boundary::draw(&canvas, &grid, self.experiment.data(), &style),
            );
        }

        if let Some(canvas) = canvas(canvases, "landscape") {
            report(
                "landscape",
                self.draw_landscape(&canvas, &options.landscape, &style),
            );
        }

        let experiment = &mut self.experiment;
        let snapshot = self.snapshot.get_or_insert_with(|| experiment.snapshot());
        if let Some(canvas) = canvas(canvases, "activation") {
            let hidden = experiment.spec().hidden;
            report(
                "activation",
                charts::activation::draw(&canvas, &snapshot.layers, hidden, &style),
            );
        }
        if let Some(canvas) = canvas(canvases, "loss") {
            report(
                "loss",
                charts::loss::draw(
                    &canvas,
                    &snapshot.history,
                    snapshot.diverged_at,
                    options.log_scale,
                    &style,
                ),
            );
        }
        if let Some(canvas) = canvas(canvases, "weights") {
            let total = snapshot.layers.len();
            let index = options.weight_layer.min(total.saturating_sub(1));
            if let (Some(layer), Some(init)) =
                (snapshot.layers.get(index), experiment.inits().get(index))
            {
                report(
                    "weights",
                    charts::weights::draw(&canvas, layer, init, index, total, &style),
                );
            }
        }
        if let Some(canvas) = canvas(canvases, "depth") {
            let sides: [(&str, &[_]); 1] = [("A", &snapshot.layers)];
            report("depth", charts::depth::draw(&canvas, &sides, &style));
        }
        if let Some(canvas) = canvas(canvases, "gradients") {
            report(
                "gradients",
                charts::gradients::draw(&canvas, &snapshot.layers, &style),
            );
        }
        (!errors.is_empty()).then(|| errors.join("; "))
    }

    /// The CSS height the activation canvas needs at this CSS width, for the current layers.
    pub(super) fn activation_height_for(&self, width_css: f64) -> f64 {
        let layers = self.experiment.spec().hidden_sizes.len() + 1;
        charts::activation::height_for(width_css, layers)
    }
}

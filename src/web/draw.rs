//! `Lab.draw`: every chart of the page from one snapshot, into the canvases the page hands over.
//!
//! The page passes `{activation, loss, weights, boundary, network, landscape, depth,
//! gradients, phase}` canvases (any may be missing; for `data=digits` the boundary's canvas
//! shows the confusion matrix, and `{mistakes, fields}` the misclassified digits and the
//! first layer's receptive fields) and `{dpr, dark, logScale, weightLayer, live}`
//! (with `landscapeN`, `landscapeSpan`, `landscapeNow` and `landscapeAlone` for the
//! landscape, see `views.rs`). `Lab.draw(…, "b")` draws B's own charts the same way. Each chart is one
//! `charts::<name>::draw` call; a canvas with no pixels yet (hidden, not laid out) is
//! skipped, and a chart that fails is reported in the returned message, never a panic.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::charts::{self, Style};
use super::js::property;
use super::lab::Lab;
use super::options::{LandscapeOptions, Options};
use super::side::Side;
use super::views::{LANDSCAPE_WORK_ALONE, LANDSCAPE_WORK_NOW, LANDSCAPE_WORK_PER_FRAME};
use crate::experiment::{Experiment, Snapshot};
use crate::landscape::{GridSpec, Plane};
use crate::plot::digits::Mistake;
use crate::plot::pick::PlotMap;

/// Cells per side of the decision-boundary grid.
pub const GRID_SIDE: usize = 48;

/// Multiply-adds the boundary may spend per animation frame: a deep, wide network
/// refreshes its grid a slice per frame (the whole grid every few frames) rather than
/// all of it, so a frame stays short. Small networks refresh every cell every frame.
pub const GRID_WORK_PER_FRAME: usize = 1_500_000;

/// The canvas under `key`, if there is one and it has pixels to draw on.
fn canvas(canvases: &JsValue, key: &str) -> Option<HtmlCanvasElement> {
    property(canvases, key)
        .dyn_into::<HtmlCanvasElement>()
        .ok()
        .filter(|c| c.width() > 0 && c.height() > 0)
}

#[wasm_bindgen]
impl Lab {
    /// Draws every chart from one snapshot (the same one `snapshot()` returns until the
    /// next change): `canvases` is `{activation, loss, weights, boundary, landscape, depth,
    /// gradients}`, and `{mistakes, fields}` for the digits (any may be missing), `options` is `{dpr, dark, logScale, weightLayer,
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
        if let Some(canvas) = canvas(canvases, "phase") {
            let result = self.draw_phase(&canvas, &style);
            report(&mut errors, "phase", result);
        }
        if let Some(canvas) = canvas(canvases, "spectrum") {
            let result = self.draw_spectrum(&canvas, options.live, &style);
            report(&mut errors, "spectrum", result);
        }
        if let Some(canvas) = canvas(canvases, "through") {
            let view = self.through_of(Side::A, options.through_points);
            let result = view.map_or(Err("no snapshot".into()), |view| {
                charts::through_depth::draw(&canvas, view, &style)
            });
            report(&mut errors, "through", result);
        }
        let (a, b) = self.pair.both_mut();
        let snapshot = self.snapshot.get_or_insert_with(|| a.snapshot());
        let marks = options.through_points;
        let drawn = draw_side(a, snapshot, canvases, &options, &marks, &style, &mut errors);
        if let Some(map) = drawn {
            self.views.data_map = map;
        }
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
        draw_side(b, snapshot, canvases, &options, &[], &style, &mut errors);
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
        chance: snapshot.chance_loss,
    }
}

/// Adds a chart's failure to `errors`.
fn report(errors: &mut Vec<String>, chart: &str, result: Result<(), String>) {
    if let Err(e) = result {
        errors.push(format!("{chart}: {e}"));
    }
}

/// One network's own charts (everything but the loss, which both sides share), with the
/// training points `marks` ringed on the data view. Returns where the data view drew the
/// input plane (`None` inside when it drew none: the digits, a failed draw), or `None`
/// when it was not drawn this time (its canvas not handed over or hidden).
fn draw_side(
    experiment: &mut Experiment,
    snapshot: &Snapshot,
    canvases: &JsValue,
    options: &Options,
    marks: &[usize],
    style: &Style,
    errors: &mut Vec<String>,
) -> Option<Option<PlotMap>> {
    let mut drawn = None;
    if experiment.data().kind.is_digits() {
        draw_digits(experiment, snapshot, canvases, style, errors);
        drawn = canvas(canvases, "boundary").map(|_| None);
    } else if let Some(canvas) = canvas(canvases, "boundary") {
        let cells = GRID_SIDE * GRID_SIDE;
        let budget = if options.live {
            GRID_WORK_PER_FRAME / experiment.mlp().params.len().max(1)
        } else {
            cells
        };
        let grid = experiment.decision_grid_rolling(GRID_SIDE, budget).clone();
        let data = experiment.data();
        let result = charts::boundary::draw(&canvas, &grid, data, marks, style);
        drawn = Some(result.as_ref().ok().copied().flatten());
        report(errors, "boundary", result.map(drop));
    }
    if let Some(canvas) = canvas(canvases, "activation") {
        let hidden = experiment.spec().hidden;
        let result = charts::activation::draw(&canvas, &snapshot.layers, hidden, style);
        report(errors, "activation", result);
    }
    if let Some(canvas) = canvas(canvases, "network") {
        let result =
            charts::network::draw(&canvas, experiment.mlp(), experiment.nonzero_since(), style);
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
    drawn
}

/// The digits' views, in the boundary's place (a boundary over 64 pixels cannot be drawn):
/// the test set's confusion matrix in the boundary's canvas, and, where the page gives
/// them, the misclassified test digits (`mistakes`) and the first layer's receptive fields
/// (`fields`).
fn draw_digits(
    experiment: &Experiment,
    snapshot: &Snapshot,
    canvases: &JsValue,
    style: &Style,
    errors: &mut Vec<String>,
) {
    if let Some(canvas) = canvas(canvases, "boundary") {
        let result = charts::confusion::draw(&canvas, &snapshot.confusion, style);
        report(errors, "confusion", result);
    }
    if let Some(canvas) = canvas(canvases, "mistakes") {
        let classes = snapshot.classes;
        let tested: u32 = snapshot.confusion.iter().sum();
        let right: u32 = (0..classes)
            .filter_map(|c| snapshot.confusion.get(c * classes + c))
            .sum();
        let images = crate::digits::installed();
        let list: Vec<Mistake> = snapshot
            .misclassified
            .iter()
            .filter_map(|m| {
                let digits = images?;
                (m.image < digits.len()).then(|| Mistake {
                    pixels: digits.image(m.image),
                    truth: m.truth,
                    predicted: m.predicted,
                })
            })
            .collect();
        let counts = (tested.saturating_sub(right) as usize, tested as usize);
        let result = charts::mistakes::draw(&canvas, &list, counts, style);
        report(errors, "mistakes", result);
    }
    if let Some(canvas) = canvas(canvases, "fields") {
        let mlp = experiment.mlp();
        if let Some(first) = mlp.layers.first() {
            let weights = &mlp.params[first.weights()];
            let result = charts::fields::draw(&canvas, weights, (first.n_in, first.n_out), style);
            report(errors, "fields", result.map(drop));
        }
    }
}

impl Lab {
    /// Refreshes as much of the landscape as this draw's budget pays for, then draws it.
    pub(super) fn draw_landscape(
        &mut self,
        canvas: &HtmlCanvasElement,
        options: &LandscapeOptions,
        style: &Style,
    ) -> Result<(), String> {
        let spec = GridSpec::new(options.n, options.span).map_err(|e| e.to_string())?;
        let (n, span, cells) = (spec.n(), spec.span(), spec.n() * spec.n());
        let plane = self.panel_plane();
        let experiment = self.pair.a_mut();
        let pass = experiment.landscape_cost(0).max(1.0);
        let fresh = match experiment.landscape_current_in(plane, n, span) {
            Some(_) => experiment.landscape_fresh(),
            None => 0,
        };
        if fresh >= cells {
            self.views.credit = 0.0;
        } else {
            let work = if options.now {
                LANDSCAPE_WORK_NOW
            } else if options.alone {
                LANDSCAPE_WORK_ALONE
            } else {
                LANDSCAPE_WORK_PER_FRAME
            };
            let credit = self.views.credit + work;
            // One pass recomputes the centre; each further pass is one cell.
            let cells_paid = (credit / pass).floor() - 1.0;
            if cells_paid >= 1.0 {
                let take = (cells_paid as usize).min(cells - fresh);
                experiment
                    .landscape_rolling_in(plane, n, span, take)
                    .map_err(|e| e.to_string())?;
                self.views.credit = (credit - (take + 1) as f64 * pass).clamp(0.0, 2.0 * pass);
            } else {
                self.views.credit = credit;
            }
        }
        let grid = experiment.landscape_current_in(plane, n, span);
        charts::landscape::draw(canvas, grid, style)
    }

    /// The plane the landscape panel shows: the open lesson's (the saddle lesson's own),
    /// else the random plane.
    fn panel_plane(&self) -> Plane {
        crate::lessons::find(&self.pair.config().lesson).map_or(Plane::Random, |lesson| {
            crate::lessons::landscape_plane(lesson)
        })
    }
}

#[wasm_bindgen]
impl Lab {
    /// The share of the landscape `{landscapeN, landscapeSpan}` computed at the current
    /// weights: 1 when its picture is up to date, less while training has moved the weights
    /// since or cells are still to come (the page then draws it again on the next frame).
    /// 1 for options that name no valid grid: there is nothing to wait for.
    #[wasm_bindgen(js_name = landscapeProgress)]
    pub fn landscape_progress(&self, options: JsValue) -> f64 {
        let options = LandscapeOptions::from_js(&options);
        let Ok(spec) = GridSpec::new(options.n, options.span) else {
            return 1.0;
        };
        let cells = (spec.n() * spec.n()) as f64;
        match (self.pair.a()).landscape_current_in(self.panel_plane(), spec.n(), spec.span()) {
            Some(_) => self.pair.a().landscape_fresh() as f64 / cells,
            None => 0.0,
        }
    }

    /// The plane the landscape panel shows now: "saddle" while the saddle lesson is open (its
    /// descent direction d₁ and the output bias d₂), else "random".
    #[wasm_bindgen(js_name = landscapePlane)]
    pub fn landscape_plane(&self) -> String {
        self.panel_plane().name().to_string()
    }

    /// The CSS height the gradients canvas needs at `width` CSS pixels: one panel per
    /// layer, in the activation chart's columns (`side` "b": B's canvas, 0 when not comparing).
    #[wasm_bindgen(js_name = gradientsHeight)]
    pub fn gradients_height(&self, width: f64, side: JsValue) -> Result<f64, JsError> {
        let network = self.experiment(Side::from_js(&side)?);
        Ok(network.map_or(0.0, |n| {
            charts::gradients::height_for(width, n.spec().hidden_sizes.len() + 1)
        }))
    }
}

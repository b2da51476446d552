//! The page's charts, drawn by Rust into `<canvas>` elements with plotters.
//!
//! One module per chart, each a pure `draw(canvas, data…, style) -> Result` over a
//! snapshot of the statistics: the charts keep no state and know nothing of the page.
//! - [`activation`]: the core view, g(z) with the histogram of z, one panel per layer;
//! - [`loss`]: train and test loss over steps;
//! - [`weights`]: one layer's weight histogram over the density it was drawn from;
//! - [`boundary`]: the network's output over the input plane, with the data;
//! - [`restarts`]: where many seeds' runs ended, on a log axis of final loss;
//! - [`network`]: the network itself, weights as edges and biases as rings.
//! - [`landscape`]: the training loss over a plane through the weights, with contours;
//! - [`depth`]: std(z), its prediction and std(δ) layer by layer, on a log axis;
//! - [`gradients`]: one histogram of log₁₀ |∂L/∂w| per layer.
//!
//! Most paint a model worked out natively in [`crate::plot`] (ranges, bars, ticks, legend
//! entries as plain data, tested without a browser); the restarts chart paints the engine's
//! own [`crate::restarts::LossHistogram`].
//!
//! Every user-visible word is in [`Labels`] (one constant per language), every colour
//! in `theme`. A draw never panics: empty, non-finite or diverged data draws an
//! explanation instead of a chart; only a canvas that cannot be drawn on is an `Err`.

pub mod activation;
mod bitmap;
pub mod boundary;
pub mod depth;
pub mod gradients;
pub mod landscape;
pub mod loss;
pub mod network;
mod pen;
pub mod restarts;
mod theme;
pub mod weights;

use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// How a chart is drawn, beyond its data.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Device pixels per CSS pixel. The page sizes each canvas's backing store to its
    /// CSS size times this, so every length (fonts, lines, margins) is scaled by it
    /// to stay the same size on screen and crisp on high-density displays.
    pub dpr: f64,
    /// Dark page background (colours are chosen for it; a placeholder for dark mode).
    pub dark: bool,
    /// The words drawn on the charts.
    pub labels: &'static Labels,
}

impl Style {
    /// A style for this device pixel ratio (a missing, non-finite or absurd ratio
    /// counts as 1, and it is kept within 0.5 … 4).
    pub fn new(dpr: f64, dark: bool) -> Style {
        let dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr.clamp(0.5, 4.0)
        } else {
            1.0
        };
        Style {
            dpr,
            dark,
            labels: &EN,
        }
    }

    /// A length given in CSS pixels, in device pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.dpr
    }

    /// The same, rounded for plotters' integer sizes (at least 1).
    pub(crate) fn ipx(&self, css: f64) -> i32 {
        (css * self.dpr).round().max(1.0) as i32
    }
}

impl Default for Style {
    fn default() -> Self {
        Style::new(1.0, false)
    }
}

/// Every string the charts draw, for one language.
///
/// Templates take `{0}`, `{1}` … for numbers already formatted (see [`fill`]), so a
/// translation may put them in any order.
#[derive(Debug)]
pub struct Labels {
    /// A hidden layer by its 1-based index.
    pub layer: &'static str,
    /// The output layer.
    pub output: &'static str,
    pub one_unit: &'static str,
    pub units: &'static str,
    pub z_std: &'static str,
    pub saturated: &'static str,
    pub dead: &'static str,
    pub legend_curve: &'static str,
    pub legend_z_hist: &'static str,
    pub legend_saturated: &'static str,
    /// Shown in a panel whose pre-activations are all NaN.
    pub z_not_finite: &'static str,
    pub no_layers: &'static str,
    pub step_axis: &'static str,
    pub loss_axis: &'static str,
    pub loss_axis_log: &'static str,
    pub train: &'static str,
    pub test: &'static str,
    pub diverged_at: &'static str,
    /// One side of a comparison diverged: its name, the step.
    pub side_diverged_at: &'static str,
    /// The legend of one side's losses in a comparison: its name.
    pub side_losses: &'static str,
    pub no_history: &'static str,
    pub no_finite_loss: &'static str,
    pub weights_of: &'static str,
    pub weight_axis: &'static str,
    pub density_axis: &'static str,
    pub share_axis: &'static str,
    pub requested_actual: &'static str,
    pub point_mass: &'static str,
    pub legend_sampled: &'static str,
    pub legend_pdf: &'static str,
    pub legend_parent: &'static str,
    pub legend_cut: &'static str,
    /// Shown over a weight chart whose weights are all NaN.
    pub weights_not_finite: &'static str,
    pub class0: &'static str,
    pub class1: &'static str,
    pub x1_axis: &'static str,
    pub x2_axis: &'static str,
    pub no_grid: &'static str,
    pub grid_not_finite: &'static str,
    /// The caption's pieces: how many runs, the share solved, the share stuck.
    pub restarts_count: &'static str,
    pub restarts_solved: &'static str,
    pub restarts_stuck: &'static str,
    pub restarts_diverged: &'static str,
    pub no_restarts: &'static str,
    pub final_loss_axis: &'static str,
    pub runs_axis: &'static str,
    pub solved_line: &'static str,
    pub stuck_line: &'static str,
    // The network diagram: its legend, the captions under each column (a long form and
    // a short one for narrow columns) and what a hover says.
    pub net_positive: &'static str,
    pub net_negative: &'static str,
    pub net_zero: &'static str,
    pub net_width: &'static str,
    pub net_ring: &'static str,
    pub net_identical: &'static str,
    pub net_inputs: &'static str,
    pub net_inputs_short: &'static str,
    pub net_hidden: &'static str,
    pub net_hidden_short: &'static str,
    pub net_output_short: &'static str,
    /// "{0} of {1} shown": a wide layer drawn as a sample of its units.
    pub net_sampled: &'static str,
    pub net_sampled_short: &'static str,
    pub net_all_identical: &'static str,
    pub net_identical_short: &'static str,
    /// Unit names: {0} is "x₁", or the layer and the 1-based unit.
    pub net_input_unit: &'static str,
    pub net_hidden_unit: &'static str,
    pub net_output_unit: &'static str,
    /// A weight: from, to, value; a bias: unit, value; an input: its name.
    pub net_weight_text: &'static str,
    pub net_bias_text: &'static str,
    pub net_input_text: &'static str,
    // The loss landscape.
    pub alpha_axis: &'static str,
    pub beta_axis: &'static str,
    pub landscape_current: &'static str,
    pub landscape_lowest: &'static str,
    pub landscape_contour: &'static str,
    /// The loss at the current weights.
    pub landscape_centre: &'static str,
    /// The lowest loss in view and where: loss, α, β.
    pub landscape_lowest_at: &'static str,
    pub landscape_lowest_here: &'static str,
    pub landscape_colour_linear: &'static str,
    pub landscape_colour_log: &'static str,
    pub landscape_flat: &'static str,
    /// Points computed so far, of all.
    pub landscape_computing: &'static str,
    pub landscape_waiting: &'static str,
    pub landscape_not_finite: &'static str,
    // Signals and gradients through depth.
    pub depth_x_axis: &'static str,
    pub depth_y_axis: &'static str,
    /// The output layer's short name on the depth chart's x axis.
    pub depth_output_tick: &'static str,
    pub depth_z: &'static str,
    pub depth_z_predicted: &'static str,
    pub depth_delta: &'static str,
    /// How sides A and B are told apart: their names.
    pub depth_sides: &'static str,
    pub depth_zeros: &'static str,
    pub depth_not_finite: &'static str,
    pub depth_nothing: &'static str,
    // Gradients per layer.
    pub gradients_header: &'static str,
    pub gradients_weights: &'static str,
    pub gradients_norm: &'static str,
    pub gradients_all_zero: &'static str,
    pub gradients_some_zero: &'static str,
    pub gradients_none_zero: &'static str,
    pub gradients_not_finite: &'static str,
}

/// English.
pub const EN: Labels = Labels {
    layer: "hidden {0}",
    output: "output",
    one_unit: "1 unit",
    units: "{0} units",
    z_std: "z std {0}",
    saturated: "saturated {0}",
    dead: "dead {0}",
    legend_curve: "activation g(z)",
    legend_z_hist: "histogram of z",
    legend_saturated: "saturated: g′(z) < 1% of its max",
    z_not_finite: "z is not a number: the run diverged",
    no_layers: "no layers",
    step_axis: "step",
    loss_axis: "loss",
    loss_axis_log: "loss (log scale)",
    train: "train",
    test: "test",
    diverged_at: "diverged at step {0}",
    side_diverged_at: "{0} diverged at step {1}",
    side_losses: "{0}: train (thick), test (thin)",
    no_history: "no steps yet",
    no_finite_loss: "the loss is not a finite number",
    weights_of: "weights of {0}",
    weight_axis: "weight value",
    density_axis: "density",
    share_axis: "share of weights",
    requested_actual: "requested σ {0} · actual std {1}",
    point_mass: "all weights = {0}: no randomness to break symmetry",
    legend_sampled: "current weights",
    legend_pdf: "init density",
    legend_parent: "normal before the cut",
    legend_cut: "cut",
    weights_not_finite: "the weights are not numbers: the run diverged",
    class0: "class 0",
    class1: "class 1",
    x1_axis: "x₁",
    x2_axis: "x₂",
    no_grid: "no output to show",
    grid_not_finite: "the output is not a number: the run diverged",
    restarts_count: "{0} runs",
    restarts_solved: "{0} solved (loss < 0.01)",
    restarts_stuck: "{0} stuck (loss > 0.1)",
    restarts_diverged: "{0} diverged (counted as stuck)",
    no_restarts: "no restarts yet: choose how many runs and press Run",
    final_loss_axis: "final training loss (log scale)",
    runs_axis: "runs",
    solved_line: "solved below 0.01",
    stuck_line: "stuck above 0.1",
    net_positive: "positive",
    net_negative: "negative",
    net_zero: "zero",
    net_width: "width ∝ |w|, |b|",
    net_ring: "ring: bias",
    net_identical: "identical units",
    net_inputs: "inputs",
    net_inputs_short: "x",
    net_hidden: "hidden {0}",
    net_hidden_short: "h{0}",
    net_output_short: "out",
    net_sampled: "{0} of {1} shown",
    net_sampled_short: "{0}/{1}",
    net_all_identical: "all {0} identical",
    net_identical_short: "identical",
    net_input_unit: "input {0}",
    net_hidden_unit: "hidden {0} unit {1}",
    net_output_unit: "output unit {0}",
    net_weight_text: "{0} → {1}: w = {2}",
    net_bias_text: "{0}: b = {1}",
    net_input_text: "{0}: an input, no bias",
    alpha_axis: "α (along direction d₁)",
    beta_axis: "β (along d₂)",
    landscape_current: "current weights θ",
    landscape_lowest: "lowest in view",
    landscape_contour: "equal loss",
    landscape_centre: "loss at θ {0}",
    landscape_lowest_at: "lowest in view {0} at α {1}, β {2}",
    landscape_lowest_here: "θ is the lowest point in view",
    landscape_colour_linear: "colour: loss",
    landscape_colour_log: "colour: loss, log scale",
    landscape_flat: "flat: the loss is {0} everywhere in view",
    landscape_computing: "computing: {0} of {1} points",
    landscape_waiting: "computing the landscape…",
    landscape_not_finite: "the loss is not a number anywhere in view: the run diverged",
    depth_x_axis: "hidden layer → output",
    depth_y_axis: "std (log scale)",
    depth_output_tick: "out",
    depth_z: "std(z) measured",
    depth_z_predicted: "std(z) predicted",
    depth_delta: "std(δ), δ = ∂loss/∂z",
    depth_sides: "{0} solid, {1} dotted",
    depth_zeros: "not drawn, exactly 0 (nothing flows there; a log scale has no 0): {0}",
    depth_not_finite: "not drawn, not a number (the run diverged): {0}",
    depth_nothing: "nothing to draw on a log scale: every std is 0 or not a number",
    gradients_header: "|∂L/∂w| of each weight, log scale, the same axis in every panel",
    gradients_weights: "{0} weights",
    gradients_norm: "gradient norm {0}",
    gradients_all_zero: "all {0} gradients are exactly 0: this layer cannot learn",
    gradients_some_zero: "{0} of {1} are exactly 0",
    gradients_none_zero: "no gradient is exactly 0",
    gradients_not_finite: "the gradients are not numbers: the run diverged",
};

/// Puts `args[k]` in place of `{k}` in a template.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_string();
    for (k, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{k}}}"), arg);
    }
    out
}

/// The name of weight layer `index` (0-based) of `total`: "layer 2", or "output" for the last.
pub fn layer_name(labels: &Labels, index: usize, total: usize) -> String {
    if index + 1 == total {
        labels.output.to_string()
    } else {
        fill(labels.layer, &[&(index + 1).to_string()])
    }
}

/// The canvas as a plotters drawing area, in device pixels.
///
/// An `Err` (never a panic) when the canvas has no pixels, which happens while it is
/// hidden or not yet laid out, or when its 2D context cannot be had.
pub fn drawing_area(
    canvas: &HtmlCanvasElement,
) -> Result<DrawingArea<CanvasBackend, Shift>, String> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Err(format!(
            "the canvas is {}×{} pixels: nothing to draw on",
            canvas.width(),
            canvas.height()
        ));
    }
    CanvasBackend::with_canvas_object(canvas.clone())
        .map(DrawingArea::from)
        .ok_or_else(|| "the canvas has no 2D context".to_string())
}

/// A canvas cleared to the theme's background and ready to draw on: plotters' drawing
/// area, the pen for text and bitmaps, and the size in device pixels.
pub(crate) struct Surface<'s> {
    pub root: DrawingArea<CanvasBackend, Shift>,
    pub pen: pen::Pen<'s>,
    pub w: f64,
    pub h: f64,
}

/// Every chart starts here.
pub(crate) fn begin<'s>(
    canvas: &HtmlCanvasElement,
    style: &'s Style,
) -> Result<Surface<'s>, String> {
    let root = drawing_area(canvas)?;
    let pen = pen::Pen::new(canvas, style)?;
    root.fill(&pen.theme.bg).map_err(failed)?;
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    Ok(Surface { root, pen, w, h })
}

/// The canvas's 2D context, for what plotters does slowly (bitmaps, thousands of
/// points) or not at all (measuring text). The same context plotters draws with.
pub(crate) fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| "the canvas has no 2D context".to_string())
}

/// Turns any plotters error into the `String` the draw functions return.
pub(crate) fn failed<E: std::fmt::Display>(e: E) -> String {
    format!("drawing failed: {e}")
}

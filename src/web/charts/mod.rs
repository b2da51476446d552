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
//! Every user-visible word is in [`Labels`] (one constant per language, `src/plot/labels/`), every colour
//! in `theme`. A draw never panics: empty, non-finite or diverged data draws an
//! explanation instead of a chart; only a canvas that cannot be drawn on is an `Err`.

pub mod activation;
mod axis;
mod bitmap;
pub mod boundary;
pub mod depth;
pub mod gradients;
mod ink;
pub mod landscape;
pub mod loss;
pub mod network;
mod pen;
pub mod restarts;
mod series;
mod theme;
pub mod weights;

use plotters::style::Color;
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
    /// Line height as a multiple of the font size, for the labels' script.
    pub leading: f64,
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
            labels: language(),
            leading: LEADING.with(Cell::get),
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

pub use crate::plot::labels::{Labels, EN};

use std::cell::Cell;

thread_local! {
    /// The charts' language: the page has one at a time and switches it live.
    static LANGUAGE: Cell<&'static Labels> = const { Cell::new(&EN) };
    static LEADING: Cell<f64> = const { Cell::new(1.35) };
    static DECIMAL: Cell<char> = const { Cell::new('.') };
}

/// The decimal sign of the charts' language.
pub(crate) fn decimal_sign() -> char {
    DECIMAL.with(Cell::get)
}

/// The labels of the page's current language (English until the page sets one).
pub fn language() -> &'static Labels {
    LANGUAGE.with(Cell::get)
}

/// Makes `labels` (English when `None`) the charts' words, with the line height and decimal
/// sign of language `code`.
pub fn set_language(code: &str, labels: Option<&'static Labels>) {
    let code = if labels.is_some() { code } else { "en" };
    LANGUAGE.with(|cell| cell.set(labels.unwrap_or(&EN)));
    LEADING.with(|cell| cell.set(crate::plot::labels::leading(code)));
    DECIMAL.with(|cell| cell.set(crate::plot::labels::decimal_sign(code)));
}

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

/// A canvas cleared to the theme's background and ready to draw on: plotters-canvas's
/// backend, the pen for text and bitmaps, and the size in device pixels.
pub(crate) struct Surface<'s> {
    pub ink: ink::Ink,
    pub pen: pen::Pen<'s>,
    pub w: f64,
    pub h: f64,
}

/// Every chart starts here.
///
/// An `Err` (never a panic) when the canvas has no pixels, which happens while it is
/// hidden or not yet laid out, or when its 2D context cannot be had.
pub(crate) fn begin<'s>(
    canvas: &HtmlCanvasElement,
    style: &'s Style,
) -> Result<Surface<'s>, String> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Err(format!(
            "the canvas is {}×{} pixels: nothing to draw on",
            canvas.width(),
            canvas.height()
        ));
    }
    let ink = ink::Ink::new(canvas)?;
    let pen = pen::Pen::new(canvas, style)?;
    let [x0, y0, x1, y1] = ink.whole();
    ink.rect((x0, y0), (x1, y1), &pen.theme.bg.filled())?;
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    Ok(Surface { ink, pen, w, h })
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

//! The page's charts, drawn by Rust into `<canvas>` elements with plotters' own chart API
//! (`ChartBuilder`, `configure_mesh`, `draw_series`), as plotters' `examples/wasm-demo` does.
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
//! - [`gradients`]: one histogram of log₁₀ |∂L/∂w| per layer;
//! - for the digits, in the boundary's place: [`confusion`], the test set's confusion
//!   matrix; [`mistakes`], the misclassified test digits; [`fields`], the first layer's
//!   weights as 8×8 images.
//! - [`through_depth`]: q^l and c^l measured against the mean-field theory's curves.
//! - [`phase`]: mean-field theory's phase diagram, ξ_c over (σ_w, σ_b²), with the init's point.
//!
//! Most paint a model worked out natively in [`crate::plot`] (ranges, ticks, bars, legend
//! entries as plain data, tested without a browser), whose ticks are handed to plotters as
//! key points; the restarts chart paints the engine's own [`crate::restarts::LossHistogram`].
//! `style` holds what every chart file shares ([`Style`], the language, the canvas type);
//! `theme` holds the colours (read from the page's CSS), fonts, number formats and the one
//! chart set-up every chart with axes shares; `words` the captions, legends and messages;
//! `canvas` the few direct canvas calls plotters cannot replace (its header says why).
//!
//! Every user-visible word is in [`Labels`] (one table per language, `src/plot/labels.rs`).
//! A draw never panics: empty, non-finite or diverged data draws an explanation instead of
//! a chart; only a canvas that cannot be drawn on is an `Err`.

pub mod activation;
pub mod boundary;
mod canvas;
pub mod confusion;
pub mod depth;
pub mod fields;
pub mod gradients;
pub mod landscape;
pub mod loss;
pub mod mistakes;
pub mod network;
pub mod phase;
pub mod restarts;
pub mod spectrum;
mod style;
mod theme;
pub mod through_depth;
pub mod weights;
mod words;

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use style::{failed, Root};
use theme::Theme;
use web_sys::HtmlCanvasElement;
use words::Words;

pub use crate::plot::labels::{Labels, EN};
pub use style::{language, set_language, Style};

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

/// A canvas cleared to the theme's background and ready to draw on: plotters' drawing
/// area, the words written on it, the colours, and the size in device pixels.
pub(crate) struct Surface<'s> {
    pub root: Root,
    pub words: Words<'s>,
    pub t: Theme,
    pub w: f64,
    pub h: f64,
}

/// Every chart starts here.
///
/// An `Err` (never a panic) when the canvas has no pixels, which happens while it is
/// hidden or not yet laid out, when its 2D context cannot be had, or when the page does
/// not define the palette.
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
    let t = Theme::of(style)?;
    let root = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or("the canvas has no 2D context")?
        .into_drawing_area();
    root.fill(&t.bg).map_err(failed)?;
    let words = Words::new(canvas, root.clone(), style, t)?;
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    Ok(Surface {
        root,
        words,
        t,
        w,
        h,
    })
}

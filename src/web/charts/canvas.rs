//! The only direct calls on the canvas's 2D context, for the three jobs plotters does too
//! slowly or not at all:
//! - measuring text. plotters-canvas measures a string by adding a `<span>` to the page and
//!   reading its size (a forced layout per call); the captions and legends, which wrap to
//!   the room they have in every language, measure a few dozen strings per frame.
//!   `measureText` on the context costs a few µs each.
//! - a heatmap as one image. The decision boundary (48²) and the landscape (up to 81²) as
//!   plotters rectangles would be one fill call per cell, thousands per frame; one
//!   `ImageData` scaled up with smoothing costs well under a millisecond, and the smoothing
//!   shows the surface as the continuous function it is.
//! - the network's edges, batched. plotters strokes each path on its own (a colour string
//!   and a stroke per edge, ~1,600 edges for 8 layers of 64 units) and has no curves;
//!   grouped by colour and width, the edges cost a few dozen strokes.

use std::cell::RefCell;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// The canvas's 2D context: the same one plotters draws with.
pub(crate) fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| "the canvas has no 2D context".to_string())
}

/// Measures text as the canvas will draw it.
pub(crate) struct Measure {
    ctx: CanvasRenderingContext2d,
    family: &'static str,
}

impl Measure {
    pub fn new(canvas: &HtmlCanvasElement, family: &'static str) -> Result<Measure, String> {
        Ok(Measure {
            ctx: context(canvas)?,
            family,
        })
    }

    /// The width of `text` at `size` device pixels (estimated if the context cannot measure),
    /// in the font plotters-canvas sets for the same text.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        self.ctx
            .set_font(&format!("normal {size}px {}", self.family));
        match self.ctx.measure_text(text) {
            Ok(m) => m.width(),
            Err(_) => crate::plot::wrap::estimate_em(text, 0.6) * size,
        }
    }
}

thread_local! {
    /// Off-screen canvases, one per image size in use, reused between frames (resizing a
    /// canvas clears and reallocates it, so each size keeps its own).
    static SCRATCH: RefCell<Vec<HtmlCanvasElement>> = const { RefCell::new(Vec::new()) };
}

/// A rectangle in device pixels: left, top, width, height.
pub(crate) type Rect = (f64, f64, f64, f64);

/// Paints `rgba` (an n × n image, rows top-down) into `to` of `canvas`, smoothed, and cut
/// off at the edges of `clip`.
pub(crate) fn image(
    canvas: &HtmlCanvasElement,
    rgba: &[u8],
    n: usize,
    to: Rect,
    clip: Rect,
) -> Result<(), String> {
    let side = n as u32;
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), side, side)
        .map_err(|_| "cannot build the heatmap image".to_string())?;
    let ctx = context(canvas)?;
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        let at = match scratch.iter().position(|c| c.width() == side) {
            Some(at) => at,
            None => {
                let canvas = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.create_element("canvas").ok())
                    .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
                    .ok_or("cannot create a canvas")?;
                canvas.set_width(side);
                canvas.set_height(side);
                scratch.push(canvas);
                scratch.len() - 1
            }
        };
        let cells = &scratch[at];
        context(cells)?
            .put_image_data(&image, 0.0, 0.0)
            .map_err(|_| "cannot fill the heatmap")?;
        ctx.save();
        ctx.begin_path();
        ctx.rect(clip.0, clip.1, clip.2, clip.3);
        ctx.clip();
        ctx.set_image_smoothing_enabled(true);
        let drawn =
            ctx.draw_image_with_html_canvas_element_and_dw_and_dh(cells, to.0, to.1, to.2, to.3);
        ctx.restore();
        drawn.map_err(|_| "cannot draw the heatmap".to_string())
    })
}

/// One segment of a batched stroke, in device pixels: straight, or a quadratic curve
/// through a control point.
pub(crate) struct Segment {
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub bend: Option<(f64, f64)>,
}

/// Strokes `segments` as one path in `colour` (CSS text), `width` device pixels wide.
pub(crate) fn strokes(
    ctx: &CanvasRenderingContext2d,
    segments: impl Iterator<Item = Segment>,
    colour: &str,
    width: f64,
) {
    ctx.begin_path();
    for s in segments {
        ctx.move_to(s.from.0, s.from.1);
        match s.bend {
            None => ctx.line_to(s.to.0, s.to.1),
            Some(c) => ctx.quadratic_curve_to(c.0, c.1, s.to.0, s.to.1),
        }
    }
    ctx.set_stroke_style_str(colour);
    ctx.set_line_width(width);
    ctx.stroke();
}

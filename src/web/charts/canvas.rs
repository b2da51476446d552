//! The only direct calls on the canvas's 2D context, for the two jobs plotters does too
//! slowly (measured in headless Chromium, the machine of `make bench`, 2026-12-06):
//! - measuring text. plotters-canvas measures a string by adding a `<span>` to the page and
//!   reading its size (a forced layout per call): 40 caption strings took 10.5 ms that way
//!   against 0.1 ms with the context's `measureText`, and the captions and legends, which
//!   wrap to the room they have in every language, measure a few dozen strings per frame.
//! - a heatmap as one image. The decision boundary's 48² cells as rectangles, one fill
//!   style and fill each as plotters draws them, took 3.6 ms; one `ImageData` scaled up
//!   with smoothing 0.7 ms, and the smoothing shows the surface as the continuous function
//!   it is. The landscape (up to 81²) paints the same way.
//!
//! (Batching the network's ~1,600 edges into one stroke per colour and width was measured
//! too, and was slower than plotters' stroke per edge: 24 ms against 13 ms; they are
//! plotters paths.)

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

thread_local! {
    /// The off-screen canvas of [`pixel_tiles`], reused between frames and resized to each
    /// image (its pixels are replaced on every call).
    static ATLAS: RefCell<Option<HtmlCanvasElement>> = const { RefCell::new(None) };
}

/// A part of an image (left, top, width, height in its pixels) and where it is drawn
/// (device pixels of the chart's canvas).
pub(crate) type Tile = (Rect, Rect);

/// Paints parts of one image `rgba` (`width × height`, rows top-down) into `canvas`, each
/// tile scaled *without* smoothing: the digits' views draw pixels and cells that are
/// discrete (a pixel of an 8×8 digit, one count of the confusion matrix), where smoothing
/// would invent values between them. One `ImageData` per chart, as for the other heatmaps.
pub(crate) fn pixel_tiles(
    canvas: &HtmlCanvasElement,
    rgba: &[u8],
    (width, height): (u32, u32),
    tiles: &[Tile],
) -> Result<(), String> {
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height)
        .map_err(|_| "cannot build the image".to_string())?;
    let ctx = context(canvas)?;
    ATLAS.with(|atlas| {
        let mut atlas = atlas.borrow_mut();
        if atlas.is_none() {
            let created = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("canvas").ok())
                .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
                .ok_or("cannot create a canvas")?;
            *atlas = Some(created);
        }
        let pixels = atlas.as_ref().ok_or("cannot create a canvas")?;
        if pixels.width() != width || pixels.height() != height {
            pixels.set_width(width);
            pixels.set_height(height);
        }
        context(pixels)?
            .put_image_data(&image, 0.0, 0.0)
            .map_err(|_| "cannot fill the image")?;
        ctx.save();
        ctx.set_image_smoothing_enabled(false);
        let drawn = tiles.iter().try_for_each(|&(from, to)| {
            ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                pixels, from.0, from.1, from.2, from.3, to.0, to.1, to.2, to.3,
            )
        });
        ctx.restore();
        drawn.map_err(|_| "cannot draw the image".to_string())
    })
}

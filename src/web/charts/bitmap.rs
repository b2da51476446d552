//! A heatmap's picture: an n × n image painted into a rectangle, scaled up with smoothing.
//! One image instead of n² rectangles keeps a heatmap well under a millisecond, and the
//! smoothing shows the surface as the continuous function it is. The decision boundary and
//! the loss landscape both paint this way.

use std::cell::RefCell;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

thread_local! {
    /// Off-screen canvases, one per image size in use, reused between frames (resizing a
    /// canvas clears and reallocates it, so each size keeps its own).
    static SCRATCH: RefCell<Vec<HtmlCanvasElement>> = const { RefCell::new(Vec::new()) };
}

/// Paints `rgba` (an n × n image, rows top-down) into `(x, y, w, h)` of `ctx`.
pub(crate) fn paint(
    ctx: &CanvasRenderingContext2d,
    rgba: &[u8],
    n: usize,
    (x, y, w, h): (f64, f64, f64, f64),
) -> Result<(), String> {
    let side = n as u32;
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), side, side)
        .map_err(|_| "cannot build the heatmap image".to_string())?;
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
        super::context(cells)?
            .put_image_data(&image, 0.0, 0.0)
            .map_err(|_| "cannot fill the heatmap")?;
        ctx.save();
        ctx.set_image_smoothing_enabled(true);
        let drawn = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(cells, x, y, w, h);
        ctx.restore();
        drawn.map_err(|_| "cannot draw the heatmap".to_string())
    })
}

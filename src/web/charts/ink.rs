//! plotters-canvas's backend, called through a handful of plain functions.
//!
//! plotters' charts (`ChartBuilder`, `ChartContext`, `configure_mesh`, `draw_series`) are generic
//! over the backend, the coordinates, the element and the iterator, so each chart's use of them
//! was a copy of its own in the wasm (issue #10). The charts place their points themselves
//! ([`Plot`](super::theme::Plot)) and hand device pixels to these, which each exist once: the
//! same backend calls with the same pixels, so the same pictures.

use super::failed;
use plotters::element::{DashedPathElement, Drawable};
use plotters::prelude::DrawingBackend;
use plotters::style::{ShapeStyle, TextStyle};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use web_sys::HtmlCanvasElement;

/// A point in device pixels, as plotters counts them.
pub(crate) type Px = (i32, i32);

/// A rectangle of the canvas in device pixels: left, top, right, bottom.
pub(crate) type Area = [i32; 4];

/// The canvas as plotters-canvas draws on it.
pub(crate) struct Ink {
    backend: RefCell<CanvasBackend>,
    /// The canvas's size in device pixels.
    size: Px,
}

impl Ink {
    /// An `Err` (never a panic) when the canvas has no 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Result<Ink, String> {
        let backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| "the canvas has no 2D context".to_string())?;
        let size = (canvas.width() as i32, canvas.height() as i32);
        Ok(Ink {
            backend: RefCell::new(backend),
            size,
        })
    }

    /// The part of the canvas `size` pixels large from `corner`, cut off at the canvas's
    /// right and bottom edges as plotters' `DrawingArea::shrink` cuts it.
    pub fn area(&self, corner: Px, (w, h): (u32, u32)) -> Area {
        let x0 = self.size.0.min(corner.0);
        let y0 = self.size.1.min(corner.1);
        [x0, y0, x0.max(x0 + w as i32), y0.max(y0 + h as i32)]
    }

    /// The whole canvas.
    pub fn whole(&self) -> Area {
        [0, 0, self.size.0, self.size.1]
    }

    /// A rectangle by two corners, filled or outlined as `style` says.
    #[inline(never)]
    pub fn rect(&self, a: Px, b: Px, style: &ShapeStyle) -> Result<(), String> {
        let mut backend = self.backend.borrow_mut();
        backend.draw_rect(a, b, style, style.filled).map_err(failed)
    }

    /// A straight line (grid lines, ticks). plotters-canvas moves a horizontal or vertical
    /// one half a pixel, so that a one-pixel line covers one row of pixels.
    #[inline(never)]
    pub fn rule(&self, from: Px, to: Px, style: &ShapeStyle) -> Result<(), String> {
        let mut backend = self.backend.borrow_mut();
        backend.draw_line(from, to, style).map_err(failed)
    }

    /// A line through `points`.
    #[inline(never)]
    pub fn path(&self, points: &[Px], style: &ShapeStyle) -> Result<(), String> {
        let mut backend = self.backend.borrow_mut();
        backend
            .draw_path(points.iter().copied(), style)
            .map_err(failed)
    }

    /// A dashed line through `points`: dashes of `dash` pixels, `gap` apart.
    #[inline(never)]
    pub fn dashed(&self, points: &[Px], (dash, gap): Px, style: &ShapeStyle) -> Result<(), String> {
        let element = DashedPathElement::new(std::iter::empty::<Px>(), dash, gap, *style);
        let mut backend = self.backend.borrow_mut();
        let size = (self.size.0 as u32, self.size.1 as u32);
        Drawable::<CanvasBackend>::draw(&element, points.iter().copied(), &mut *backend, size)
            .map_err(failed)
    }

    /// A circle of `radius` pixels, filled or outlined as `style` says.
    #[inline(never)]
    pub fn circle(&self, centre: Px, radius: u32, style: &ShapeStyle) -> Result<(), String> {
        let mut backend = self.backend.borrow_mut();
        backend
            .draw_circle(centre, radius, style, style.filled)
            .map_err(failed)
    }

    /// `text` anchored at `at` as `style`'s position says.
    #[inline(never)]
    pub fn text(&self, text: &str, style: &TextStyle, at: Px) -> Result<(), String> {
        let mut backend = self.backend.borrow_mut();
        backend.draw_text(text, style, at).map_err(failed)
    }
}

//! The four kinds of series the charts draw (boxes, lines, dashed lines, dots), each written
//! once over a slice.
//!
//! plotters generates its series code once per element type *and* per iterator type, so every
//! `draw_series(xs.iter().map(|x| …))` in a chart was a copy of its own in the wasm (issue
//! #10). The charts collect their points or boxes and call these instead: one copy each.

use super::failed;
use super::theme::Plot;
use plotters::element::{Circle, DashedPathElement, PathElement, Rectangle};
use plotters::style::ShapeStyle;

/// A rectangle by two opposite corners, in chart coordinates.
pub(crate) type Corners = [(f64, f64); 2];

/// Rectangles (histogram bars, shaded bands) in one style.
#[inline(never)]
pub(crate) fn boxes(c: &mut Plot, boxes: &[Corners], style: ShapeStyle) -> Result<(), String> {
    let elements = boxes.iter().map(|&corners| Rectangle::new(corners, style));
    c.draw_series(elements).map(drop).map_err(failed)
}

/// A solid line through `points` (nothing for fewer than two).
#[inline(never)]
pub(crate) fn line(c: &mut Plot, points: &[(f64, f64)], style: ShapeStyle) -> Result<(), String> {
    let element = PathElement::new(points.to_vec(), style);
    c.draw_series(std::iter::once(element))
        .map(drop)
        .map_err(failed)
}

/// A dashed line through `points`: dashes of `dash` device pixels, `gap` apart.
#[inline(never)]
pub(crate) fn dashed(
    c: &mut Plot,
    points: &[(f64, f64)],
    (dash, gap): (i32, i32),
    style: ShapeStyle,
) -> Result<(), String> {
    let element = DashedPathElement::new(points.iter().copied(), dash, gap, style);
    c.draw_series(std::iter::once(element))
        .map(drop)
        .map_err(failed)
}

/// A dot of `radius` device pixels at each point.
#[inline(never)]
pub(crate) fn dots(
    c: &mut Plot,
    points: &[(f64, f64)],
    radius: i32,
    style: ShapeStyle,
) -> Result<(), String> {
    let elements = points.iter().map(|&p| Circle::new(p, radius, style));
    c.draw_series(elements).map(drop).map_err(failed)
}

//! The four kinds of series the charts draw (boxes, lines, dashed lines, dots), each written
//! once over a slice: a point is placed by the chart and moved onto the edge of its plotting
//! rectangle (as plotters' `draw_series` did), then drawn by [`Ink`](super::ink::Ink).

use super::ink::Px;
use super::theme::Plot;
use plotters::style::ShapeStyle;

/// A rectangle by two opposite corners, in chart coordinates.
pub(crate) type Corners = [(f64, f64); 2];

/// Rectangles (histogram bars, shaded bands) in one style.
#[inline(never)]
pub(crate) fn boxes(c: &mut Plot, boxes: &[Corners], style: ShapeStyle) -> Result<(), String> {
    for &[a, b] in boxes {
        let (a, b) = (c.clamped(a), c.clamped(b));
        let top_left = (a.0.min(b.0), a.1.min(b.1));
        let bottom_right = (a.0.max(b.0), a.1.max(b.1));
        c.ink.rect(top_left, bottom_right, &style)?;
    }
    Ok(())
}

/// The pixels of `points` on the chart.
fn pixels(c: &Plot, points: &[(f64, f64)]) -> Vec<Px> {
    points.iter().map(|&p| c.clamped(p)).collect()
}

/// A solid line through `points` (nothing for fewer than two).
#[inline(never)]
pub(crate) fn line(c: &mut Plot, points: &[(f64, f64)], style: ShapeStyle) -> Result<(), String> {
    c.ink.path(&pixels(c, points), &style)
}

/// A dashed line through `points`: dashes of `dash` device pixels, `gap` apart.
#[inline(never)]
pub(crate) fn dashed(
    c: &mut Plot,
    points: &[(f64, f64)],
    dash_gap: (i32, i32),
    style: ShapeStyle,
) -> Result<(), String> {
    c.ink.dashed(&pixels(c, points), dash_gap, &style)
}

/// A dot of `radius` device pixels at each point.
#[inline(never)]
pub(crate) fn dots(
    c: &mut Plot,
    points: &[(f64, f64)],
    radius: i32,
    style: ShapeStyle,
) -> Result<(), String> {
    for &p in points {
        c.ink.circle(c.clamped(p), radius.max(0) as u32, &style)?;
    }
    Ok(())
}

//! The decision boundary: the network's output p = P(class 1 | x) over the input plane,
//! with the training points (filled) and test points (hollow) on top.
//!
//! A symmetric init gives a network whose hidden units are copies of one another, so
//! its boundary is no better than one unit's: a straight line through XOR. A working
//! init bends it around the classes within a few hundred steps.

use super::pen::{stroke_colour, Pen, Swatch};
use super::theme::{chart, css, mesh, Axes, Axis, Theme};
use super::{old_begin as begin, OldSurface, Style};
use crate::boundary::Grid;
use crate::data::{Dataset, Split};
use plotters::prelude::*;
use std::f64::consts::TAU;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// How far the heatmap moves from the background towards a class colour at p = 0 or 1:
/// enough to read, pale enough for the points on top to stand out.
const TINT: f64 = 0.55;

/// Draws `grid` as a heatmap (blue towards class 0, vermillion towards class 1, the
/// background colour at p = ½) under the points of `data`, in raw input coordinates.
pub fn draw(
    canvas: &HtmlCanvasElement,
    grid: &Grid,
    data: &Dataset,
    style: &Style,
) -> Result<(), String> {
    let OldSurface { ink, pen, w, h } = begin(canvas, style)?;
    let (t, labels) = (pen.theme, style.labels);
    let finite = |r: [f64; 2]| r[0].is_finite() && r[1].is_finite() && r[0] < r[1];
    if grid.n == 0 || grid.p.len() != grid.n * grid.n || !finite(grid.x) || !finite(grid.y) {
        pen.message((0.0, 0.0, w, h), labels.no_grid, t.muted);
        return Ok(());
    }
    let top = legend(&pen, w);
    // A square plot, centred: the same scale on both axes keeps circles round.
    let (extra_w, extra_h) = (style.px(66.0), style.px(38.0));
    let side = (w - extra_w).min(h - top - extra_h);
    if side < style.px(40.0) {
        return Ok(());
    }
    let left = (0.5 * (w - side - extra_w)).max(0.0);
    let area = ink.area(
        (left as i32, top as i32),
        ((side + extra_w) as u32, (side + extra_h) as u32),
    );
    let axes = Axes {
        x_desc: labels.x1_axis,
        y_desc: labels.x2_axis,
        x_ticks: 5,
        y_ticks: 5,
    };
    let mut c = chart(
        &ink,
        area,
        style,
        Axis::linear((grid.x[0], grid.x[1])),
        Axis::linear((grid.y[0], grid.y[1])),
        &axes,
    )?;
    let (x0, y1) = c.backend_coord(&(grid.x[0], grid.y[1]));
    let (x1, y0) = c.backend_coord(&(grid.x[1], grid.y[0]));
    let rect = (
        f64::from(x0),
        f64::from(y1),
        f64::from(x1 - x0),
        f64::from(y0 - y1),
    );
    heatmap(&pen.ctx, grid, &t, rect)?;
    mesh(&mut c, style, &t, &axes)?;
    let to_px = |p: &[f64; 2]| {
        let (x, y) = c.backend_coord(&(p[0], p[1]));
        (f64::from(x), f64::from(y))
    };
    data_points(&pen, data, rect, &to_px);
    if grid.p.iter().all(|p| !p.is_finite()) {
        pen.message(rect, labels.grid_not_finite, t.fg);
    }
    Ok(())
}

/// The legend: train and test points, the two classes' tints; returns where the plot may start.
fn legend(pen: &Pen, w: f64) -> f64 {
    let (style, t, labels) = (pen.style, pen.theme, pen.style.labels);
    let legend = [
        (Swatch::Dot(t.fg), labels.train),
        (Swatch::Ring(t.fg), labels.test),
        (Swatch::Bar(t.class[0].mix(TINT)), labels.class0),
        (Swatch::Bar(t.class[1].mix(TINT)), labels.class1),
    ];
    pen.legend(&legend, (style.px(4.0), style.px(2.0)), w, false) + style.px(4.0)
}

/// Every point of `data`, test under train, clipped to the plot `rect`: points off the grid
/// (none, unless the grid was computed for other data) stay off the chart.
fn data_points(
    pen: &Pen,
    data: &Dataset,
    rect: (f64, f64, f64, f64),
    to_px: &dyn Fn(&[f64; 2]) -> (f64, f64),
) {
    // Few points (XOR's four) are drawn large, many (thousands) small.
    let radius = pen.style.px(match data.train.len() {
        0..=32 => 6.0,
        33..=600 => 3.5,
        _ => 2.5,
    });
    pen.ctx.save();
    pen.ctx.begin_path();
    pen.ctx.rect(rect.0, rect.1, rect.2, rect.3);
    pen.ctx.clip();
    points(pen, &data.test, false, radius, to_px);
    points(pen, &data.train, true, radius, to_px);
    pen.ctx.restore();
}

/// The colour of a cell where the network outputs `p`; grey where p is not a number.
fn shade(p: f64, t: &Theme) -> [u8; 4] {
    if !p.is_finite() {
        return [150, 150, 150, 255];
    }
    let d = (p.clamp(0.0, 1.0) - 0.5) * 2.0;
    let to = t.class[usize::from(d > 0.0)];
    let mix = |bg: u8, c: u8| {
        (f64::from(bg) + (f64::from(c) - f64::from(bg)) * d.abs() * TINT).round() as u8
    };
    [mix(t.bg.0, to.0), mix(t.bg.1, to.1), mix(t.bg.2, to.2), 255]
}

/// Paints the grid into `(x, y, w, h)`: one pixel per cell on an off-screen canvas,
/// scaled up with smoothing. One image instead of n² rectangles keeps it well under a
/// millisecond, and the smoothing shows p as the continuous function it is.
fn heatmap(
    ctx: &CanvasRenderingContext2d,
    grid: &Grid,
    t: &Theme,
    (x, y, w, h): (f64, f64, f64, f64),
) -> Result<(), String> {
    let n = grid.n;
    let mut rgba = Vec::with_capacity(n * n * 4);
    // Image rows run top-down; grid rows bottom-up.
    for row in (0..n).rev() {
        for p in &grid.p[row * n..(row + 1) * n] {
            rgba.extend(shade(*p, t));
        }
    }
    super::bitmap::paint(ctx, &rgba, n, (x, y, w, h))
}

/// The points of one split, one path per class: filled with a thin outline in the
/// background colour (training), or hollow (test).
fn points(pen: &Pen, split: &Split, filled: bool, r: f64, to_px: &dyn Fn(&[f64; 2]) -> (f64, f64)) {
    let (ctx, t) = (&pen.ctx, pen.theme);
    for class in 0..2 {
        ctx.begin_path();
        for (p, &label) in split.raw.iter().zip(&split.y) {
            if usize::from(label >= 0.5) != class || !(p[0].is_finite() && p[1].is_finite()) {
                continue;
            }
            let (x, y) = to_px(p);
            ctx.move_to(x + r, y);
            let _ = ctx.arc(x, y, r, 0.0, TAU);
        }
        let colour = css(t.class[class]);
        if filled {
            ctx.set_fill_style_str(&colour);
            ctx.fill();
            stroke_colour(ctx, t.bg, pen.style.px(1.0));
        } else {
            ctx.set_stroke_style_str(&colour);
            ctx.set_line_width(pen.style.px(1.5));
        }
        ctx.stroke();
    }
}

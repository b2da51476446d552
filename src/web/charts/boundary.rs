//! The decision boundary: the network's output p = P(class 1 | x) over the input plane,
//! with the training points (filled) and test points (hollow) on top.
//!
//! A symmetric init gives a network whose hidden units are copies of one another, so
//! its boundary is no better than one unit's: a straight line through XOR. A working
//! init bends it around the classes within a few hundred steps.

use super::canvas;
use super::style::Style;
use super::theme::dots;
use super::theme::SMALL;
use super::theme::{at, chart, mesh, stroke, tick_near_zero, Axis, Chart, Theme};
use super::words::{Swatch, Words};
use super::{begin, Surface};
use crate::boundary::Grid;
use crate::data::{Dataset, Split};
use crate::plot::pick::PlotMap;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use web_sys::HtmlCanvasElement;

/// How far the heatmap moves from the background towards a class colour at p = 0 or 1:
/// enough to read, pale enough for the points on top to stand out.
const TINT: f64 = 0.55;

/// Draws `grid` as a heatmap (blue towards class 0, vermillion towards class 1, the
/// background colour at p = ½) under the points of `data`, in raw input coordinates, with
/// the training points `marks` ringed and named (#i: the through-depth view's two points).
/// Returns where the plane was drawn, in CSS pixels, for a click to pick a point (`None`
/// when no plot was drawn).
pub fn draw(
    canvas: &HtmlCanvasElement,
    grid: &Grid,
    data: &Dataset,
    marks: &[usize],
    style: &Style,
) -> Result<Option<PlotMap>, String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    let finite = |r: [f64; 2]| r[0].is_finite() && r[1].is_finite() && r[0] < r[1];
    if grid.n == 0 || grid.p.len() != grid.n * grid.n || !finite(grid.x) || !finite(grid.y) {
        words.message((0.0, 0.0, w, h), labels.no_grid, t.muted);
        return Ok(None);
    }
    let top = legend(&words, w);
    // A square plot, centred: the same scale on both axes keeps circles round.
    let (extra_w, extra_h) = (style.px(66.0), style.px(38.0));
    let side = (w - extra_w).min(h - top - extra_h);
    if side < style.px(40.0) {
        return Ok(None);
    }
    let left = (0.5 * (w - side - extra_w)).max(0.0).floor();
    let area = words.area((left, top.floor(), side + extra_w, side + extra_h));
    let (xs, ys) = ((grid.x[0], grid.x[1]), (grid.y[0], grid.y[1]));
    let (x_label, y_label) = (
        |v: f64| tick_near_zero(style, v, xs),
        |v: f64| tick_near_zero(style, v, ys),
    );
    let x = Axis::linear(xs, 5, &x_label).titled(labels.x1_axis);
    let y = Axis::linear(ys, 5, &y_label).titled(labels.x2_axis);
    let mut c = chart(&area, style, &x, &y)?;
    let (x0, y0) = at(&c, xs.0, ys.1);
    let (x1, y1) = at(&c, xs.1, ys.0);
    let rect = (x0, y0, x1 - x0, y1 - y0);
    canvas::image(canvas, &heatmap(grid, &t), grid.n, rect, rect)?;
    mesh(&mut c, style, &t, &x, &y)?;
    // Few points (XOR's four) are drawn large, many (thousands) small.
    let radius = style.ipx(match data.train.len() {
        0..=32 => 6.0,
        33..=600 => 3.5,
        _ => 2.5,
    });
    points(&mut c, &data.test, false, radius, style, &t, grid)?;
    points(&mut c, &data.train, true, radius, style, &t, grid)?;
    let css = |v: f64| v / style.dpr;
    let map = PlotMap::new(
        (css(x0), css(y0), css(x1 - x0), css(y1 - y0)),
        grid.x,
        grid.y,
    );
    if let Some(map) = &map {
        ring(&mut c, &words, map, &data.train, marks, radius)?;
    }
    if grid.p.iter().all(|p| !p.is_finite()) {
        words.message(rect, labels.grid_not_finite, t.fg);
    }
    Ok(map)
}

/// Rings the training points `marks` (drawn on `map`) and names each "#i" beside its ring,
/// as the through-depth view's caption names them; a point off the plot is not marked.
fn ring(
    c: &mut Chart,
    words: &Words,
    map: &PlotMap,
    train: &Split,
    marks: &[usize],
    radius: i32,
) -> Result<(), String> {
    let (style, t) = (words.style, words.t);
    let ring_px = radius + style.ipx(4.0);
    let (size, height) = (SMALL, words.line_height(SMALL));
    for &index in marks {
        let Some(p) = train.raw.get(index).copied() else {
            continue;
        };
        let Some((x, y)) = map.pixel(p) else {
            continue;
        };
        // A light ring under a dark one: it reads over either class's tint.
        dots(c, vec![(p[0], p[1])], ring_px, stroke(style, t.bg, 4.0))?;
        dots(c, vec![(p[0], p[1])], ring_px, stroke(style, t.fg, 2.0))?;
        let name = format!("#{index}");
        let reach = 0.75 * f64::from(ring_px);
        let corner = (style.px(x) + reach, style.px(y) - reach - height);
        let back = (
            corner.0 - style.px(1.0),
            corner.1,
            words.width(&name, size) + style.px(2.0),
            height,
        );
        words.fill(back, t.bg.mix(0.85));
        words.text(&name, corner, size, t.fg, HPos::Left);
    }
    Ok(())
}

/// The legend: train and test points, the two classes' tints; returns where the plot may start.
fn legend(words: &Words, w: f64) -> f64 {
    let (style, t, labels) = (words.style, words.t, words.style.labels);
    let legend = [
        (Swatch::Dot(t.fg), labels.train),
        (Swatch::Ring(t.fg), labels.test),
        (Swatch::Bar(t.class[0].mix(TINT)), labels.class0),
        (Swatch::Bar(t.class[1].mix(TINT)), labels.class1),
    ];
    words.legend(&legend, (style.px(4.0), style.px(2.0)), w, false) + style.px(4.0)
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

/// The grid as an n × n image, one pixel per cell, rows top-down (grid rows run bottom-up).
fn heatmap(grid: &Grid, t: &Theme) -> Vec<u8> {
    let n = grid.n;
    let mut rgba = Vec::with_capacity(n * n * 4);
    for row in (0..n).rev() {
        for p in &grid.p[row * n..(row + 1) * n] {
            rgba.extend(shade(*p, t));
        }
    }
    rgba
}

/// The points of one split on the grid (points off it, which only data other than the
/// grid's has, are left out): filled with a thin outline in the background colour
/// (training), or hollow (test).
fn points(
    c: &mut Chart,
    split: &Split,
    filled: bool,
    r: i32,
    style: &Style,
    t: &Theme,
    grid: &Grid,
) -> Result<(), String> {
    let on_grid = |p: &[f64; 2]| {
        (grid.x[0]..=grid.x[1]).contains(&p[0]) && (grid.y[0]..=grid.y[1]).contains(&p[1])
    };
    for (class, colour) in t.class.iter().enumerate() {
        let at: Vec<(f64, f64)> = (split.raw.iter().zip(&split.y))
            .filter(|(p, &label)| usize::from(label >= 0.5) == class && on_grid(p))
            .map(|(p, _)| (p[0], p[1]))
            .collect();
        if filled {
            dots(c, at.clone(), r, colour.filled())?;
            dots(c, at, r, stroke(style, t.bg, 1.0))?;
        } else {
            dots(c, at, r, stroke(style, *colour, 1.5))?;
        }
    }
    Ok(())
}

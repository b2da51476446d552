//! One layer's weights: the histogram of their current values over the density they
//! were drawn from.
//!
//! It shows what an initializer really does: a truncated normal is cut (the dashed
//! parent normal shows what was cut off) and so comes out narrower than the σ asked
//! for unless it is variance-corrected; a zero or constant init is a single spike, with
//! nothing random to make one unit differ from another.

use super::pen::{Pen, Swatch};
use super::series::{boxes, dashed, dots, line, Corners};
use super::theme::{chart, mesh, num, stroke, tick, Axes, Axis, Plot, Theme, FONT};
use super::{fill, layer_name, old_begin as begin, Labels, OldSurface, Style};
use crate::init::LayerInit;
use crate::plot::weights::{Entry, WeightsModel};
use crate::plot::Bar;
use crate::stats::LayerStats;
use plotters::prelude::*;

/// Draws weight layer `layer_index` (0-based, of `layers_total`; the last is the output):
/// its weight histogram `layer.w_hist` as a density, and `init.distribution`'s density.
/// The model is [`crate::plot::weights`].
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    layer: &LayerStats,
    init: &LayerInit,
    layer_index: usize,
    layers_total: usize,
    style: &Style,
) -> Result<(), String> {
    let OldSurface { ink, pen, w, h } = begin(canvas, style)?;
    let (t, labels) = (pen.theme, style.labels);
    let name = layer_name(labels, layer_index, layers_total);
    let used = caption(&pen, init, &name, w);
    if h - used < style.px(60.0) {
        return Ok(());
    }
    let area = ink.area(
        (0, used.round() as i32),
        (w as u32, (h - used).round() as u32),
    );
    let model = WeightsModel::new(&layer.w_hist, init.distribution);
    let (xs, ys) = (model.x_range, model.y_range);
    let axes = Axes {
        x_desc: labels.weight_axis,
        y_desc: if model.point.is_some() {
            labels.share_axis
        } else {
            labels.density_axis
        },
        x_ticks: (w / style.px(80.0)).clamp(3.0, 8.0) as usize,
        y_ticks: 4,
    };
    let mut c = chart(&ink, area, style, Axis::linear(xs), Axis::linear(ys), &axes)?;
    mesh(&mut c, style, &t, &axes)?;
    series(&mut c, &model, style, &t)?;
    let legend: Vec<(Swatch, &str)> = model.legend.iter().map(|&e| entry(&t, labels, e)).collect();
    let (xr, yr) = c.pixel_range();
    let (left, top, right) = (f64::from(xr.start), f64::from(yr.start), f64::from(xr.end));
    let gap = style.px(6.0);
    pen.legend(&legend, (right - gap, top + gap), right - left, true);
    if model.total == 0 {
        let rect = (left, top, right - left, f64::from(yr.end - yr.start));
        pen.message(rect, labels.weights_not_finite, t.alarm);
    }
    Ok(())
}

/// "weights of hidden 1" and "σ requested 0.5 · actual 0.44" (or "every weight is 0"),
/// wrapped to the width `w`; returns the height they take.
fn caption(pen: &Pen, init: &LayerInit, name: &str, w: f64) -> f64 {
    let (style, labels) = (pen.style, pen.style.labels);
    let dist = init.distribution;
    let detail = match dist.point_mass() {
        Some(c) => fill(labels.point_mass, &[&tick(c)]),
        None => fill(
            labels.requested_actual,
            &[&num(init.sigma_requested, 3), &num(dist.std(), 3)],
        ),
    };
    let x0 = style.px(4.0);
    let lines = pen.wrap(
        &[fill(labels.weights_of, &[name]), detail],
        w - 2.0 * x0,
        FONT,
    );
    pen.lines(&lines, (x0, style.px(2.0)), FONT, pen.theme.fg) + style.px(2.0)
}

/// The bars, the parent normal (dashed), the density or the point mass's spike, and the cuts.
fn series(c: &mut Plot, model: &WeightsModel, style: &Style, t: &Theme) -> Result<(), String> {
    let bars: Vec<Corners> = (model.bars.iter())
        .map(|b: &Bar| [(b.lo, 0.0), (b.hi, b.height)])
        .collect();
    boxes(c, &bars, t.bars.filled())?;
    if !model.parent.is_empty() {
        let ink = stroke(style, t.muted, 1.5);
        dashed(c, &model.parent, (style.ipx(5.0), style.ipx(4.0)), ink)?;
    }
    if let Some(value) = model.point {
        line(
            c,
            &[(value, 0.0), (value, 1.0)],
            stroke(style, t.alarm, 3.0),
        )?;
        dots(c, &[(value, 1.0)], style.ipx(4.0), t.alarm.filled())?;
    } else {
        line(c, &model.density, stroke(style, t.alarm, 2.0))?;
    }
    let (lo, hi) = model.y_range;
    for &at in &model.cuts {
        line(c, &[(at, lo), (at, hi)], stroke(style, t.marker, 1.5))?;
    }
    Ok(())
}

/// A legend entry's swatch and words.
fn entry(t: &Theme, labels: &Labels, e: Entry) -> (Swatch, &'static str) {
    match e {
        Entry::Sampled => (Swatch::Bar(t.bars), labels.legend_sampled),
        Entry::Parent => (Swatch::Dashed(t.muted), labels.legend_parent),
        Entry::Density => (Swatch::Line(t.alarm), labels.legend_pdf),
        Entry::Cut => (Swatch::Line(t.marker), labels.legend_cut),
    }
}

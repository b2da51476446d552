//! One layer's weights: the histogram of their current values over the density they
//! were drawn from.
//!
//! It shows what an initializer really does: a truncated normal is cut (the dashed
//! parent normal shows what was cut off) and so comes out narrower than the σ asked
//! for unless it is variance-corrected; a zero or constant init is a single spike, with
//! nothing random to make one unit differ from another.

use super::style::Style;
use super::theme::{boxes, dashed, dots, line};
use super::theme::{
    chart, mesh, num, plot_rect, stroke, tick, tick_near_zero, Axis, Chart, Theme, FONT,
};
use super::words::{Swatch, Words};
use super::{begin, fill, layer_name, Labels, Surface};
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
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    let name = layer_name(labels, layer_index, layers_total);
    let used = caption(&words, init, &name, layers_total == 1, w);
    if h - used < style.px(60.0) {
        return Ok(());
    }
    let area = words.area((0.0, used, w, h - used));
    let model = WeightsModel::new(&layer.w_hist, init.distribution);
    let (xs, ys) = (model.x_range, model.y_range);
    let x_ticks = (w / style.px(80.0)).clamp(3.0, 8.0) as usize;
    let (x_label, y_label) = (
        |v: f64| tick_near_zero(style, v, xs),
        |v: f64| tick_near_zero(style, v, ys),
    );
    let y_desc = if model.point.is_some() {
        labels.share_axis
    } else {
        labels.density_axis
    };
    let x = Axis::linear(xs, x_ticks, &x_label).titled(labels.weight_axis);
    let y = Axis::linear(ys, 4, &y_label).titled(y_desc);
    let mut c = chart(&area, style, &x, &y)?;
    mesh(&mut c, style, &t, &x, &y)?;
    series(&mut c, &model, style, &t)?;
    let legend: Vec<(Swatch, &str)> = model.legend.iter().map(|&e| entry(&t, labels, e)).collect();
    let (left, top, width, height) = plot_rect(&c);
    let gap = style.px(6.0);
    words.legend(&legend, (left + width - gap, top + gap), width, true);
    if model.total == 0 {
        words.message(
            (left, top, width, height),
            labels.weights_not_finite,
            t.alarm,
        );
    }
    Ok(())
}

/// "weights of hidden 1" and "σ requested 0.5 · actual 0.44" (or "every weight is 0"),
/// wrapped to the width `w`; returns the height they take. A point mass in a network of
/// `one_unit` (no hidden layer) has no symmetry to break, and the caption says so.
fn caption(words: &Words, init: &LayerInit, name: &str, one_unit: bool, w: f64) -> f64 {
    let (style, labels) = (words.style, words.style.labels);
    let dist = init.distribution;
    let point_mass = if one_unit {
        labels.point_mass_one_unit
    } else {
        labels.point_mass
    };
    let detail = match dist.point_mass() {
        Some(c) => fill(point_mass, &[&tick(style, c)]),
        None => fill(
            labels.requested_actual,
            &[
                &num(style, init.sigma_requested, 3),
                &num(style, dist.std(), 3),
            ],
        ),
    };
    let x0 = style.px(4.0);
    let pieces = [fill(labels.weights_of, &[name]), detail];
    let lines = words.wrap(&pieces, w - 2.0 * x0, FONT);
    words.lines(&lines, (x0, style.px(2.0)), FONT, words.t.fg) + style.px(2.0)
}

/// The bars, the parent normal (dashed), the density or the point mass's spike, and the cuts.
fn series(c: &mut Chart, model: &WeightsModel, style: &Style, t: &Theme) -> Result<(), String> {
    let bars = model
        .bars
        .iter()
        .map(|b: &Bar| [(b.lo, 0.0), (b.hi, b.height)]);
    boxes(c, bars.collect(), t.bars.filled())?;
    if !model.parent.is_empty() {
        let ink = stroke(style, t.muted, 1.5);
        dashed(
            c,
            model.parent.clone(),
            (style.ipx(5.0), style.ipx(4.0)),
            ink,
        )?;
    }
    if let Some(value) = model.point {
        line(
            c,
            vec![(value, 0.0), (value, 1.0)],
            stroke(style, t.alarm, 3.0),
        )?;
        dots(c, vec![(value, 1.0)], style.ipx(4.0), t.alarm.filled())?;
    } else {
        line(c, model.density.clone(), stroke(style, t.alarm, 2.0))?;
    }
    let (lo, hi) = model.y_range;
    for &at in &model.cuts {
        line(c, vec![(at, lo), (at, hi)], stroke(style, t.marker, 1.5))?;
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

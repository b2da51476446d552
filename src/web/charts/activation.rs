//! The core view: for every layer, the activation curve g(z) with the histogram of the
//! layer's current pre-activations z drawn over it on the same z axis.
//!
//! Where the histogram sits on the curve is the whole lesson: weights too small pile
//! z into the linear middle (and the signal shrinks layer by layer), weights too large
//! push it into the flat tails where g′(z) ≈ 0 and no gradient passes. Those tails are
//! shaded, and each panel's caption prints the share of z that landed there. One panel
//! per layer, side by side, so the change with depth is seen at a glance.

use super::style::Style;
use super::theme::{boxes, line};
use super::theme::{
    chart, mesh, num, percent, plot_rect, stroke, tick_near_zero, Axis, Theme, FONT,
};
use super::words::{Swatch, Words};
use super::{begin, fill, layer_name, Labels, Surface};
use crate::activation::Activation;
use crate::plot::activation::ActivationPanel;
use crate::stats::LayerStats;
use plotters::prelude::*;

/// Narrowest panel, in CSS pixels: below it the canvas gets fewer columns.
const MIN_PANEL_WIDTH: f64 = 220.0;
const MAX_COLUMNS: usize = 4;
/// Caption above each panel: two lines and a gap, CSS pixels.
const CAPTION: f64 = 2.0 * 1.35 * FONT + 6.0;
/// Tick labels below the plot and the chart's top margin, CSS pixels.
const FRAME: f64 = 24.0;
/// Gap between panels, CSS pixels.
const GUTTER: f64 = 10.0;

/// How many panel columns a canvas `width_css` wide gets: 1 on a phone, up to 4.
pub fn columns(width_css: f64, panels: usize) -> usize {
    let fit = (width_css / MIN_PANEL_WIDTH).floor();
    let fit = if fit.is_finite() { fit as usize } else { 1 };
    fit.clamp(1, MAX_COLUMNS).min(panels.max(1))
}

/// A canvas `width_css` wide laid out for `layers` panels: the usable width (at least 1 CSS
/// pixel), the columns and the rows. The gradient chart uses the same grid.
pub(crate) fn grid(width_css: f64, layers: usize) -> (f64, usize, usize) {
    let width = if width_css.is_finite() {
        width_css.max(1.0)
    } else {
        1.0
    };
    let cols = columns(width, layers);
    (width, cols, layers.max(1).div_ceil(cols))
}

/// The CSS height the canvas should have for `layers` panels at this CSS width.
pub fn height_for(width_css: f64, layers: usize) -> f64 {
    let (width, cols, rows) = grid(width_css, layers);
    // The header legend, estimated without a canvas at ~0.55 em per character.
    let labels = super::style::language();
    let legend: f64 = [
        labels.legend_curve,
        labels.legend_z_hist,
        labels.legend_saturated,
    ]
    .iter()
    .map(|text| 30.0 + FONT * crate::plot::wrap::estimate_em(text, 0.55))
    .sum();
    let header = (legend / width).ceil().max(1.0) * 1.35 * FONT + 8.0;
    let panel_width = width / cols as f64;
    let plot = (panel_width * 0.45).clamp(100.0, 160.0);
    (header + rows as f64 * (CAPTION + plot + FRAME + GUTTER)).round()
}

/// The shared legend: curve, histogram, shaded saturated region.
fn legend_items(labels: &Labels, t: &Theme) -> [(Swatch, &'static str); 3] {
    [
        (Swatch::Line(t.fg), labels.legend_curve),
        (Swatch::Bar(t.bars), labels.legend_z_hist),
        (Swatch::Bar(t.alarm.mix(0.25)), labels.legend_saturated),
    ]
}

/// Draws one panel per entry of `layers` (hidden layers, whose activation is `hidden`,
/// then the output layer, whose activation is the sigmoid), under a shared legend. A softmax
/// output (the digits) has no curve of one unit alone (each p_k depends on every z), so its
/// panel shows the histogram of z without a curve or saturated tails, and says why.
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    layers: &[LayerStats],
    hidden: Activation,
    style: &Style,
) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    if layers.is_empty() {
        words.message((0.0, 0.0, w, h), style.labels.no_layers, t.muted);
        return Ok(());
    }
    let items = legend_items(style.labels, &t);
    let pad = style.px(4.0);
    let header = words.legend(&items, (pad, pad), w - 2.0 * pad, false) + style.px(8.0);
    let cols = columns(w / style.dpr, layers.len());
    let rows = layers.len().div_ceil(cols);
    let (pw, ph) = (w / cols as f64, (h - header).max(0.0) / rows as f64);
    for (i, layer) in layers.iter().enumerate() {
        let (x, y) = ((i % cols) as f64 * pw, header + (i / cols) as f64 * ph);
        let act = if i + 1 < layers.len() {
            Some(hidden)
        } else if layer.activation == "softmax" {
            None
        } else {
            Some(Activation::Sigmoid)
        };
        let rect = (x, y, pw, ph - style.px(GUTTER));
        panel(&words, rect, layer, (i, layers.len()), act)?;
    }
    Ok(())
}

/// One layer's panel in the rectangle `(x, y, w, h)` of the canvas: its caption, then the
/// model of [`crate::plot::activation`] on plotters' chart.
fn panel(
    words: &Words,
    (x, y, w, h): (f64, f64, f64, f64),
    layer: &LayerStats,
    (index, total): (usize, usize),
    act: Option<Activation>,
) -> Result<(), String> {
    let (style, t, labels) = (words.style, words.t, words.style.labels);
    let pad = style.px(4.0);
    let caption = caption(style, layer, index, total, act);
    let lines = words.wrap(&caption, w - 2.0 * pad, FONT);
    let used = words.lines(&lines, (x + pad, y), FONT, t.fg) + style.px(4.0);
    if h - used < style.px(50.0) || w < style.px(80.0) {
        return Ok(()); // no room for a plot: the caption alone says what matters
    }
    let area = words.area((x, y + used, w, h - used));
    // A softmax layer's z spans what a linear unit's would: the histogram's range, no curve.
    let model = ActivationPanel::new(
        act.unwrap_or(Activation::Linear),
        &layer.z_hist,
        layer.z_std,
    );
    let (zs, gs) = (model.z_range, model.g_range);
    let (z_label, g_label) = (
        |v: f64| tick_near_zero(style, v, zs),
        |v: f64| tick_near_zero(style, v, gs),
    );
    let (zx, mut gy) = (Axis::linear(zs, 5, &z_label), Axis::linear(gs, 3, &g_label));
    if act.is_none() {
        gy.ticks.clear(); // the vertical axis is g's, and there is no g to read
    }
    let mut c = chart(&area, style, &zx, &gy)?;
    mesh(&mut c, style, &t, &zx, &gy)?;
    if act.is_some() {
        let tails = model.saturated.iter().map(|&(a, b)| [(a, gs.0), (b, gs.1)]);
        boxes(&mut c, tails.collect(), t.alarm.mix(0.14).filled())?;
    }
    let bars = model.bars.iter().map(|b| [(b.lo, gs.0), (b.hi, b.height)]);
    boxes(&mut c, bars.collect(), t.bars.filled())?;
    if act.is_some() {
        line(&mut c, model.curve, stroke(style, t.fg, 2.0))?;
    }
    if !model.known {
        words.message(plot_rect(&c), labels.z_not_finite, t.alarm);
    }
    Ok(())
}

/// "layer 2", "16 units", "z std 0.84", "saturated 37%" (and for ReLU "dead 12%").
fn caption(
    style: &Style,
    layer: &LayerStats,
    index: usize,
    total: usize,
    act: Option<Activation>,
) -> Vec<String> {
    let labels = style.labels;
    let units = if layer.size == 1 {
        labels.one_unit.to_string()
    } else {
        fill(labels.units, &[&layer.size.to_string()])
    };
    // With no finite z (a diverged run) the shares describe nothing: print "–".
    let known = layer.z_hist.total() > 0;
    let or_dash = |s: String| if known { s } else { "–".to_string() };
    let mut pieces = vec![
        layer_name(labels, index, total),
        units,
        fill(labels.z_std, &[&or_dash(num(style, layer.z_std, 2))]),
    ];
    let Some(act) = act else {
        pieces.push(labels.softmax_no_curve.to_string());
        return pieces;
    };
    pieces.push(fill(
        labels.saturated,
        &[&or_dash(percent(layer.saturated))],
    ));
    if act == Activation::Relu {
        pieces.push(fill(labels.dead, &[&or_dash(percent(layer.dead))]));
    }
    pieces
}

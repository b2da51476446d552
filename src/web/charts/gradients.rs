//! Gradients per layer: for each layer, the histogram of log₁₀ |∂L/∂w| over its weights,
//! laid out like the activation chart's panels so that the two read side by side.
//!
//! Where the z histograms sit in the flat tails of the activation, the gradients of the
//! layers below shift left by decades; at zero init every hidden gradient is exactly 0,
//! which a log axis cannot show, so the panel says so in words. Every panel has the same
//! x range. The model is [`crate::plot::gradients`].

use super::activation::columns;
use super::style::Style;
use super::theme::boxes;
use super::theme::{chart, mesh, num, plot_rect, tick_near_zero, Axis, FONT};
use super::words::Words;
use super::{begin, fill, layer_name, Surface};
use crate::plot::gradients::{GradPanel, GradientsModel, Zeros};
use crate::stats::LayerStats;
use plotters::prelude::*;

/// Caption above each panel: two lines and a gap, CSS pixels.
const CAPTION: f64 = 2.0 * 1.35 * FONT + 6.0;
/// Tick labels below the plot and the chart's top margin, CSS pixels.
const FRAME: f64 = 24.0;
/// Gap between panels, CSS pixels.
const GUTTER: f64 = 10.0;

/// The CSS height the canvas needs for `layers` panels at this CSS width (the same columns
/// as the activation chart).
pub fn height_for(width_css: f64, layers: usize) -> f64 {
    let (width, cols, rows) = super::activation::grid(width_css, layers);
    // The header, estimated without a canvas at ~0.55 em per character.
    let header_em = crate::plot::wrap::estimate_em(super::style::language().gradients_header, 0.55);
    let header = (FONT * header_em / width).ceil().max(1.0) * 1.35 * FONT + 8.0;
    let plot = (width / cols as f64 * 0.32).clamp(70.0, 110.0);
    (header + rows as f64 * (CAPTION + plot + FRAME + GUTTER)).round()
}

/// Draws one panel per layer (hidden layers, then the output) under a one-line header.
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    layers: &[LayerStats],
    style: &Style,
) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    if layers.is_empty() {
        words.message((0.0, 0.0, w, h), labels.no_layers, t.muted);
        return Ok(());
    }
    let model = GradientsModel::new(layers);
    let pad = style.px(4.0);
    let header = words.wrap(&[labels.gradients_header.to_string()], w - 2.0 * pad, FONT);
    let top = pad + words.lines(&header, (pad, pad), FONT, t.muted) + style.px(4.0);
    let cols = columns(w / style.dpr, layers.len());
    let rows = layers.len().div_ceil(cols);
    let (pw, ph) = (w / cols as f64, (h - top).max(0.0) / rows as f64);
    for (i, panel) in model.panels.iter().enumerate() {
        let (x, y) = ((i % cols) as f64 * pw, top + (i / cols) as f64 * ph);
        let rect = (x, y, pw, ph - style.px(GUTTER));
        draw_panel(&words, rect, &model, panel, (i, layers.len()))?;
    }
    Ok(())
}

/// One layer's panel in the rectangle `(x, y, w, h)`; `(index, total)` names it. The x axis
/// is log₁₀ |∂L/∂w|, its ticks the model's decades, written as powers of ten.
fn draw_panel(
    words: &Words,
    (x, y, w, h): (f64, f64, f64, f64),
    model: &GradientsModel,
    panel: &GradPanel,
    (index, total): (usize, usize),
) -> Result<(), String> {
    let (style, t, labels) = (words.style, words.t, words.style.labels);
    let pad = style.px(4.0);
    let caption = caption(style, panel, index, total);
    let lines = words.wrap(&caption, w - 2.0 * pad, FONT);
    let used = words.lines(&lines, (x + pad, y), FONT, t.fg) + style.px(2.0);
    if h - used < style.px(40.0) || w < style.px(80.0) {
        return Ok(());
    }
    let area = words.area((x, y + used, w, h - used));
    let most = ((w - style.px(50.0)) / style.px(44.0)).max(2.0) as usize;
    let decades = model.ticks(most);
    let decade = |v: f64| {
        let at = decades.iter().find(|(k, _)| f64::from(*k) == v);
        at.map_or_else(String::new, |(_, label)| label.clone())
    };
    let x = Axis {
        range: model.range,
        ticks: decades.iter().map(|&(k, _)| f64::from(k)).collect(),
        label: &decade,
        desc: "",
    };
    let ys = (0.0, panel.top());
    let count = |v: f64| tick_near_zero(style, v, ys);
    let y = Axis::linear(ys, 3, &count);
    let mut c = chart(&area, style, &x, &y)?;
    mesh(&mut c, style, &t, &x, &y)?;
    let bars = model
        .drawn_bars(panel)
        .iter()
        .map(|b| [(b.lo, 0.0), (b.hi, b.height)])
        .collect();
    boxes(&mut c, bars, t.bars.filled())?;
    if panel.bars.is_empty() {
        let (text, colour) = match panel.zeros() {
            Zeros::All { of } => (fill(labels.gradients_all_zero, &[&of.to_string()]), t.alarm),
            _ if panel.not_finite > 0 => (labels.gradients_not_finite.to_string(), t.alarm),
            _ => (labels.gradients_none_zero.to_string(), t.muted),
        };
        words.message(plot_rect(&c), &text, colour);
    }
    Ok(())
}

/// "layer 2 · 64 weights · gradient norm 0.012", then what is exactly 0.
fn caption(style: &Style, panel: &GradPanel, index: usize, total: usize) -> Vec<String> {
    let labels = style.labels;
    // A norm of exactly 0 is the lesson of zero init: print it as 0, not 0.000.
    let norm = if panel.norm == 0.0 {
        "0".to_string()
    } else {
        num(style, panel.norm, 3)
    };
    let mut pieces = vec![
        layer_name(labels, index, total),
        fill(labels.gradients_weights, &[&panel.weights.to_string()]),
        fill(labels.gradients_norm, &[&norm]),
    ];
    // With no bars, the plot itself says what the gradients are.
    match panel.zeros() {
        _ if panel.bars.is_empty() => {}
        Zeros::None => pieces.push(labels.gradients_none_zero.to_string()),
        Zeros::Some { k, of } => pieces.push(fill(
            labels.gradients_some_zero,
            &[&k.to_string(), &of.to_string()],
        )),
        Zeros::All { .. } => {}
    }
    pieces
}

//! Signals and gradients through depth: for each layer, std(z) measured (solid, dots),
//! std(z) as the variance-scaling rule predicts it (dashed, over it) and std(δ) of the
//! back-propagated error (triangles), on a log axis.
//!
//! A good init keeps them level with depth; a σ too small makes std(z) fall by a constant
//! factor per layer, a straight line down; too large makes it climb until the units saturate
//! and std(δ) collapses on the way back. Values a log axis cannot show (0, or not a number)
//! are left out and counted under the chart. The model is [`crate::plot::depth`]; `sides`
//! holds one run per side, so an A/B comparison draws B with dotted lines and hollow marks.

use super::style::Style;
use super::theme::{at, chart, local, mesh, plot_rect, stroke, Axis, Chart, Theme, FONT, SMALL};
use super::theme::{dashed, line as solid};
use super::words::{Marker, Swatch, Words};
use super::{begin, fill, Labels, Surface};
use crate::plot::depth::{DepthModel, Quantity};
use crate::stats::LayerStats;
use plotters::prelude::*;

/// The look of one quantity on one side: colour, dash (CSS pixels) and marker.
fn look(t: &Theme, quantity: Quantity, side: usize) -> (RGBColor, (f64, f64), Marker) {
    let a = side == 0;
    match quantity {
        Quantity::Z => (
            t.class[0],
            if a { (0.0, 0.0) } else { (2.0, 3.0) },
            if a {
                Marker::Circle
            } else {
                Marker::HollowCircle
            },
        ),
        Quantity::ZPredicted => (t.fg, if a { (6.0, 4.0) } else { (10.0, 3.0) }, Marker::None),
        Quantity::Delta => (
            t.class[1],
            if a { (0.0, 0.0) } else { (2.0, 3.0) },
            if a {
                Marker::Triangle
            } else {
                Marker::HollowTriangle
            },
        ),
    }
}

fn name(labels: &Labels, quantity: Quantity) -> &'static str {
    match quantity {
        Quantity::Z => labels.depth_z,
        Quantity::ZPredicted => labels.depth_z_predicted,
        Quantity::Delta => labels.depth_delta,
    }
}

/// Draws the chart of `sides`: a name and that run's layers (hidden 1 … output), A first.
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    sides: &[(&str, &[LayerStats])],
    style: &Style,
) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    let model = DepthModel::new(sides, (h / style.px(28.0)).clamp(2.0, 8.0) as usize);
    if model.layers.is_empty() {
        words.message((0.0, 0.0, w, h), labels.no_layers, t.muted);
        return Ok(());
    }
    let pad = style.px(4.0);
    let top = header(&words, sides, w);
    let notes = words.wrap(&notes(&model, labels), w - 2.0 * pad, SMALL);
    let bottom = notes.len() as f64 * words.line_height(SMALL);
    words.lines(&notes, (pad, h - bottom - pad), SMALL, t.muted);
    let plot_h = h - top - bottom - 2.0 * pad;
    if plot_h < style.px(60.0) {
        return Ok(());
    }
    let area = words.area((0.0, top, w, plot_h));
    let count = model.layers.len();
    // The layers' numbers ("out" for the output), thinned to fit.
    let every = (count as f64 * style.px(34.0) / (w - style.px(66.0)).max(1.0))
        .ceil()
        .max(1.0) as usize;
    let layer_label = |v: f64| {
        let i = v.round() as usize;
        if i + 1 == count {
            labels.depth_output_tick.to_string()
        } else {
            (i + 1).to_string()
        }
    };
    let x = Axis {
        range: (-0.4, count as f64 - 0.6),
        ticks: model
            .labelled_layers(every)
            .into_iter()
            .map(|i| i as f64)
            .collect(),
        label: &layer_label,
        desc: labels.depth_x_axis,
    };
    // A log axis drawn as a linear axis of log₁₀ std, its ticks the model's.
    let std_label = |v: f64| {
        let tick = model.ticks.iter().find(|k| k.log10 == v);
        tick.map_or_else(String::new, |k| local(style, k.label.clone()))
    };
    let y = Axis {
        range: model.log_range,
        ticks: model.ticks.iter().map(|k| k.log10).collect(),
        label: &std_label,
        desc: labels.depth_y_axis,
    };
    let mut c = chart(&area, style, &x, &y)?;
    mesh(&mut c, style, &t, &x, &y)?;
    lines(&mut c, &words, &model)?;
    if model.drawn == 0 {
        let colour = if model.not_finite > 0 { t.alarm } else { t.fg };
        words.message(plot_rect(&c), labels.depth_nothing, colour);
    }
    Ok(())
}

/// The legend of the three quantities and, comparing, which line style is which side;
/// returns where the chart may start.
fn header(words: &Words, sides: &[(&str, &[LayerStats])], w: f64) -> f64 {
    let (t, labels) = (words.t, words.style.labels);
    let pad = words.style.px(4.0);
    let legend = Quantity::ALL.map(|q| {
        let (color, dash, marker) = look(&t, q, 0);
        (
            Swatch::Series {
                color,
                dash,
                marker,
            },
            name(labels, q),
        )
    });
    let mut top = pad + words.legend(&legend, (pad, pad), w - 2.0 * pad, false);
    if let [(a, _), (b, _), ..] = sides {
        let line = fill(labels.depth_sides, &[a, b]);
        top += words.lines(&[line], (pad, top), FONT, t.fg);
    }
    top
}

/// Every side's lines and marks: δ first, then z, then the prediction over it.
fn lines(c: &mut Chart, words: &Words, model: &DepthModel) -> Result<(), String> {
    let style = words.style;
    for quantity in [Quantity::Delta, Quantity::Z, Quantity::ZPredicted] {
        for line in model.lines.iter().filter(|l| l.quantity == quantity) {
            let (color, (dash, gap), marker) = look(&words.t, quantity, line.side);
            let ink = stroke(style, color, 2.0);
            for run in &line.runs {
                let points: Vec<(f64, f64)> = run.iter().map(|&(x, y)| (x as f64, y)).collect();
                if dash > 0.0 {
                    let pattern = (style.ipx(dash), style.ipx(gap));
                    dashed(c, points.clone(), pattern, ink)?;
                } else {
                    solid(c, points.clone(), ink)?;
                }
                for &(x, y) in &points {
                    words.marker(marker, at(c, x, y), 4.0, color);
                }
            }
        }
    }
    Ok(())
}

/// Why some values are missing: how many are 0, how many are not numbers.
fn notes(model: &DepthModel, labels: &Labels) -> Vec<String> {
    let mut notes = Vec::new();
    if model.zeros > 0 {
        notes.push(fill(labels.depth_zeros, &[&model.zeros.to_string()]));
    }
    if model.not_finite > 0 {
        notes.push(fill(
            labels.depth_not_finite,
            &[&model.not_finite.to_string()],
        ));
    }
    notes
}

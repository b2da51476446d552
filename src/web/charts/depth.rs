//! Signals and gradients through depth: for each layer, std(z) measured (solid, dots),
//! std(z) as the variance-scaling rule predicts it (dashed, over it) and std(δ) of the
//! back-propagated error (triangles), on a log axis.
//!
//! A good init keeps them level with depth; a σ too small makes std(z) fall by a constant
//! factor per layer, a straight line down; too large makes it climb until the units saturate
//! and std(δ) collapses on the way back. Values a log axis cannot show (0, or not a number)
//! are left out and counted under the chart. The model is [`crate::plot::depth`]; `sides`
//! holds one run per side, so an A/B comparison draws B with dotted lines and hollow marks.

use super::pen::{Marker, Pen, Swatch};
use super::theme::{chart, mesh, Axes, Axis, Theme, FONT, SMALL};
use super::{fill, old_begin as begin, Labels, OldSurface, Style};
use crate::plot::depth::{DepthModel, Quantity};
use crate::stats::LayerStats;
use plotters::style::RGBColor;

/// The look of one quantity on one side: colour, dash (CSS pixels) and marker.
fn look(t: &Theme, quantity: Quantity, side: usize) -> (RGBColor, &'static [f64], Marker) {
    let a = side == 0;
    match quantity {
        Quantity::Z => (
            t.class[0],
            if a { &[] } else { &[2.0, 3.0] },
            if a {
                Marker::Circle
            } else {
                Marker::HollowCircle
            },
        ),
        Quantity::ZPredicted => (
            t.fg,
            if a {
                &[6.0, 4.0]
            } else {
                &[9.0, 3.0, 2.0, 3.0]
            },
            Marker::None,
        ),
        Quantity::Delta => (
            t.class[1],
            if a { &[] } else { &[2.0, 3.0] },
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
    let OldSurface { ink, pen, w, h } = begin(canvas, style)?;
    let (t, labels) = (pen.theme, style.labels);
    let model = DepthModel::new(sides, (h / style.px(28.0)).clamp(2.0, 8.0) as usize);
    if model.layers.is_empty() {
        pen.message((0.0, 0.0, w, h), labels.no_layers, t.muted);
        return Ok(());
    }
    let pad = style.px(4.0);
    let top = header(&pen, sides, w);
    let notes = pen.wrap(&notes(&model, labels), w - 2.0 * pad, SMALL);
    let bottom = notes.len() as f64 * pen.line_height(SMALL);
    pen.lines(&notes, (pad, h - bottom - pad), SMALL, t.muted);
    let plot_h = h - top - bottom - 2.0 * pad;
    if plot_h < style.px(60.0) {
        return Ok(());
    }
    let area = ink.area((0, top.round() as i32), (w as u32, plot_h.round() as u32));
    let axes = Axes {
        x_desc: labels.depth_x_axis,
        y_desc: labels.depth_y_axis,
        x_ticks: 0,
        y_ticks: 0,
    };
    let count = model.layers.len() as f64;
    let (lo, hi) = model.log_range;
    let mut c = chart(
        &ink,
        area,
        style,
        Axis::linear((-0.4, count - 0.6)),
        Axis::linear((lo, hi)),
        &axes,
    )?;
    mesh(&mut c, style, &t, &axes)?;
    let to_px = |x: f64, y: f64| {
        let (px, py) = c.backend_coord(&(x, y));
        (f64::from(px), f64::from(py))
    };
    y_ticks(&pen, &model, &to_px);
    x_ticks(&pen, &model, &to_px);
    lines(&pen, &model, &to_px);
    if model.drawn == 0 {
        let (xr, yr) = c.pixel_range();
        let rect = (
            f64::from(xr.start),
            f64::from(yr.start),
            f64::from(xr.end - xr.start),
            f64::from(yr.end - yr.start),
        );
        let colour = if model.not_finite > 0 { t.alarm } else { t.fg };
        pen.message(rect, labels.depth_nothing, colour);
    }
    Ok(())
}

/// From (layer index, log₁₀ std) to device pixels.
type ToPx<'a> = &'a dyn Fn(f64, f64) -> (f64, f64);

/// The legend of the three quantities and, comparing, which line style is which side;
/// returns where the chart may start.
fn header(pen: &Pen, sides: &[(&str, &[LayerStats])], w: f64) -> f64 {
    let (t, labels) = (pen.theme, pen.style.labels);
    let pad = pen.style.px(4.0);
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
    let mut top = pad + pen.legend(&legend, (pad, pad), w - 2.0 * pad, false);
    if let [(a, _), (b, _), ..] = sides {
        let line = fill(labels.depth_sides, &[a, b]);
        top += pen.lines(&[line], (pad, top), FONT, t.fg);
    }
    top
}

/// The log axis: grid lines at whole decades, short ticks at 2× and 5×, their labels.
fn y_ticks(pen: &Pen, model: &DepthModel, to_px: ToPx) {
    let (style, t) = (pen.style, pen.theme);
    let (lo, count) = (model.log_range.0, model.layers.len() as f64);
    let (left, right) = (to_px(-0.4, lo).0, to_px(count - 0.6, lo).0);
    for tick in &model.ticks {
        let y = to_px(0.0, tick.log10).1;
        if tick.major {
            pen.polyline(&[(left, y), (right, y)], RGBColor(128, 128, 128), 0.5, &[]);
        } else {
            pen.polyline(&[(left - style.px(3.0), y), (left, y)], t.muted, 1.0, &[]);
        }
        let half = 0.5 * pen.line_height(SMALL) / style.leading();
        pen.text(
            &super::theme::local(tick.label.clone()),
            (left - style.px(5.0), y - half),
            SMALL,
            t.muted,
            true,
        );
    }
}

/// The layers' numbers under the x axis ("out" for the output), thinned to fit.
fn x_ticks(pen: &Pen, model: &DepthModel, to_px: ToPx) {
    let (style, labels) = (pen.style, pen.style.labels);
    let (lo, count) = (model.log_range.0, model.layers.len() as f64);
    let (left, right) = (to_px(-0.4, lo).0, to_px(count - 0.6, lo).0);
    let bottom_y = to_px(0.0, lo).1;
    let every = (count * style.px(34.0) / (right - left).max(1.0))
        .ceil()
        .max(1.0) as usize;
    for i in model.labelled_layers(every) {
        let label = if i + 1 == model.layers.len() {
            labels.depth_output_tick.to_string()
        } else {
            (i + 1).to_string()
        };
        let x = to_px(i as f64, lo).0;
        let half = 0.5 * pen.width(&label, SMALL);
        pen.text(
            &label,
            (x - half, bottom_y + style.px(5.0)),
            SMALL,
            pen.theme.muted,
            false,
        );
    }
}

/// Every side's lines and marks: δ first, then z, then the prediction over it.
fn lines(pen: &Pen, model: &DepthModel, to_px: ToPx) {
    for quantity in [Quantity::Delta, Quantity::Z, Quantity::ZPredicted] {
        for line in model.lines.iter().filter(|l| l.quantity == quantity) {
            let (color, dash, marker) = look(&pen.theme, quantity, line.side);
            for run in &line.runs {
                let points: Vec<(f64, f64)> =
                    run.iter().map(|&(x, y)| to_px(x as f64, y)).collect();
                pen.polyline(&points, color, 2.0, dash);
                for &p in &points {
                    pen.marker(marker, p, 4.0, color);
                }
            }
        }
    }
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

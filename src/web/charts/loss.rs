//! Training and test loss over the steps taken so far.
//!
//! A good init shows a falling curve within a few hundred steps; a symmetric one a flat
//! line; a too-large one a loss that never moves off its plateau, or a run that blows up,
//! which is marked where it happened. The log scale shows progress after the first drop.
//!
//! In an A/B comparison both networks share the chart: A in blue with solid lines, B in
//! orange with dashed ones (told apart without colour too); each side's test loss is the
//! thin line of its colour and dash.

use super::ink::Ink;
use super::pen::{Pen, Swatch};
use super::series::{self, line};
use super::theme::{chart, mesh, stroke, Axes, Axis, Plot, Theme, FONT};
use super::{begin, fill, Style, Surface};
pub use crate::plot::loss::Curves;
use crate::plot::loss::{Entry, Label, Line, LossModel};
use plotters::prelude::*;

/// Draws every side's training and test loss against the step; `log_scale` plots the loss
/// on a log axis (where values ≤ 0 cannot be shown and are left out). A side that diverged
/// gets a marker at that step. The model is [`crate::plot::loss`].
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    sides: &[Curves],
    log_scale: bool,
    style: &Style,
) -> Result<(), String> {
    let Surface { ink, pen, w, h } = begin(canvas, style)?;
    let labels = style.labels;
    let model = LossModel::new(sides, log_scale);
    let markers: Vec<String> = model
        .markers
        .iter()
        .map(|&(step, name)| diverged_text(step, name, labels))
        .collect();
    if model.values.is_none() {
        let why = if model.no_history {
            labels.no_history
        } else {
            labels.no_finite_loss
        };
        let mut text: Vec<&str> = markers.iter().map(String::as_str).collect();
        text.push(why);
        pen.message((0.0, 0.0, w, h), &text.join(" · "), pen.theme.muted);
        return Ok(());
    }
    let axes = Axes {
        x_desc: labels.step_axis,
        y_desc: if log_scale {
            labels.loss_axis_log
        } else {
            labels.loss_axis
        },
        x_ticks: (w / style.px(90.0)).clamp(3.0, 8.0) as usize,
        y_ticks: 5,
    };
    let (xs, ys) = (model.x_range, model.y_range);
    let y = if log_scale {
        Axis::log(ys)
    } else {
        Axis::linear(ys)
    };
    plot(&ink, &pen, Axis::linear(xs), y, &axes, &model, &markers)
}

/// "diverged at step 40", or "B diverged at step 40" in a comparison.
fn diverged_text(step: usize, name: Option<&str>, labels: &super::Labels) -> String {
    let step = step.to_string();
    match name {
        Some(name) => fill(labels.side_diverged_at, &[name, &step]),
        None => fill(labels.diverged_at, &[&step]),
    }
}

/// The first or the second series colour.
fn colour(t: &Theme, k: usize) -> RGBColor {
    if k == 0 {
        t.class[0]
    } else {
        t.second()
    }
}

/// A legend entry's swatch and words.
fn entry(t: &Theme, labels: &super::Labels, e: &Entry) -> (Swatch, String) {
    let c = colour(t, e.colour);
    let swatch = if e.dashed {
        Swatch::Dashed(c)
    } else {
        Swatch::Line(c)
    };
    let text = match e.label {
        Label::Train => labels.train.to_string(),
        Label::Test => labels.test.to_string(),
        Label::Side(name) => fill(labels.side_losses, &[name]),
    };
    (swatch, text)
}

/// The chart itself, for a linear or a log loss axis: the lines, the legend, and a marker
/// (with its text in `markers`) where a side diverged.
fn plot(
    ink: &Ink,
    pen: &Pen,
    xs: Axis,
    ys: Axis,
    axes: &Axes,
    model: &LossModel,
    markers: &[String],
) -> Result<(), String> {
    let (style, t) = (pen.style, pen.theme);
    let mut c = chart(ink, ink.whole(), style, xs, ys, axes)?;
    mesh(&mut c, style, &t, axes)?;
    for line in &model.lines {
        series(&mut c, line, style, &t)?;
    }
    let (xr, yr) = c.pixel_range();
    let (left, top, right) = (f64::from(xr.start), f64::from(yr.start), f64::from(xr.end));
    let gap = style.px(6.0);
    let legend: Vec<(Swatch, String)> = model
        .legend
        .iter()
        .map(|e| entry(&t, style.labels, e))
        .collect();
    let legend: Vec<(Swatch, &str)> = legend.iter().map(|(s, l)| (*s, l.as_str())).collect();
    let mut below = top + pen.legend(&legend, (right - gap, top + gap), right - left, true);
    for (&(step, _), text) in model.markers.iter().zip(markers) {
        let at = step as f64;
        let y = c.y_range();
        let (y0, y1) = (y.start, y.end);
        line(&mut c, &[(at, y0), (at, y1)], stroke(style, t.marker, 1.5))?;
        let (px, _) = c.backend_coord(&(at, y1));
        let px = f64::from(px);
        // Below the legend (and any earlier marker's text) that share the top of the chart.
        if px > left + 0.6 * (right - left) {
            pen.text(text, (px - gap, below + 2.0 * gap), FONT, t.marker, true);
        } else {
            pen.text(text, (px + gap, below + 2.0 * gap), FONT, t.marker, false);
        }
        below += pen.line_height(FONT) + gap;
    }
    Ok(())
}

/// One line's runs: solid or dashed, thick or thin; a run of one point is a dot.
fn series(c: &mut Plot, line: &Line, style: &Style, t: &Theme) -> Result<(), String> {
    let ink = stroke(
        style,
        colour(t, line.colour),
        if line.thin { 1.0 } else { 2.0 },
    );
    for run in &line.runs {
        if run.len() == 1 {
            series::dots(c, run, style.ipx(2.5), ink.filled())?;
        } else if !line.dashed {
            series::line(c, run, ink)?;
        } else {
            series::dashed(c, run, (style.ipx(6.0), style.ipx(4.0)), ink)?;
        }
    }
    Ok(())
}

//! Training and test loss over the steps taken so far.
//!
//! A good init shows a falling curve within a few hundred steps; a symmetric one a flat
//! line; a too-large one a loss that never moves off its plateau, or a run that blows up,
//! which is marked where it happened. The log scale shows progress after the first drop.
//!
//! In an A/B comparison both networks share the chart: A in blue with solid lines, B in
//! orange with dashed ones (told apart without colour too); each side's test loss is the
//! thin line of its colour and dash.
//!
//! On the digits a dotted grey level marks chance, ln 10 (a uniform guess over ten classes):
//! a curve that stays on it has learned nothing.

use super::style::Style;
use super::theme::{
    at, chart, local, mesh, plot_rect, stroke, tick, tick_near_zero, Axis, Chart, Theme, FONT,
};
use super::theme::{dashed, dots, line as solid};
use super::words::{Swatch, Words};
use super::{begin, fill, Surface};
pub use crate::plot::loss::Curves;
use crate::plot::loss::{log_ticks, Entry, Label, Line, LossModel};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// Draws every side's training and test loss against the step; `log_scale` plots the loss
/// on a log axis (where values ≤ 0 cannot be shown and are left out). A side that diverged
/// gets a marker at that step. The model is [`crate::plot::loss`].
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    sides: &[Curves],
    log_scale: bool,
    style: &Style,
) -> Result<(), String> {
    let Surface {
        root, words, w, h, ..
    } = begin(canvas, style)?;
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
        words.message((0.0, 0.0, w, h), &text.join(" · "), words.t.muted);
        return Ok(());
    }
    let x_ticks = (w / style.px(90.0)).clamp(3.0, 8.0) as usize;
    let (xs, ys) = (model.x_range, model.y_range);
    let x_label = |v: f64| tick_near_zero(style, v, xs);
    let x = Axis::linear(xs, x_ticks, &x_label).titled(labels.step_axis);
    // A log axis is drawn as a linear axis of log₁₀ loss, its ticks the model's.
    let log_label = |v: f64| tick(style, 10f64.powf(v));
    let linear_label = |v: f64| tick_near_zero(style, v, ys);
    let y = if log_scale {
        Axis {
            range: (ys.0.log10(), ys.1.log10()),
            ticks: log_ticks(ys.0, ys.1, 5).iter().map(|v| v.log10()).collect(),
            label: &log_label,
            desc: labels.loss_axis_log,
        }
    } else {
        Axis::linear(ys, 5, &linear_label).titled(labels.loss_axis)
    };
    let mut c = chart(&root, style, &x, &y)?;
    mesh(&mut c, style, &words.t, &x, &y)?;
    let scale = |v: f64| if log_scale { v.log10() } else { v };
    let chance = match model.chance {
        Some(level) => Some(chance_line(&mut c, &words, level, scale(level), xs)?),
        None => None,
    };
    for line in &model.lines {
        series(&mut c, line, style, &words.t, &scale)?;
    }
    marks(&mut c, &words, &model, &markers, chance)
}

/// The legend, and a marker (with its text in `markers`) where a side diverged.
fn marks(
    c: &mut Chart,
    words: &Words,
    model: &LossModel,
    markers: &[String],
    chance: Option<(f64, String)>,
) -> Result<(), String> {
    let (style, t) = (words.style, words.t);
    let (left, top, width, height) = plot_rect(c);
    let right = left + width;
    let gap = style.px(6.0);
    let legend: Vec<(Swatch, String)> = model
        .legend
        .iter()
        .map(|e| entry(&t, style.labels, e))
        .collect();
    let legend: Vec<(Swatch, &str)> = legend.iter().map(|(s, l)| (*s, l.as_str())).collect();
    let mut below = top + words.legend(&legend, (right - gap, top + gap), width, true);
    if let Some((py, text)) = chance {
        // The legend's box: from `top + gap`, its backdrop 3 px past its widest entry.
        let widest = legend
            .iter()
            .map(|(_, l)| style.px(33.0) + words.width(l, FONT))
            .fold(0.0, f64::max);
        let legend_box = (right - gap - widest, below + gap + style.px(3.0));
        let plot = (left, top, width, height);
        let (x, place, h) = chance_label_at(words, &text, py, plot, legend_box);
        words.text(&text, (x, place), FONT, t.muted, h);
    }
    let y = c.y_range();
    for (&(step, _), text) in model.markers.iter().zip(markers) {
        let x = step as f64;
        solid(
            c,
            vec![(x, y.start), (x, y.end)],
            stroke(style, t.marker, 1.5),
        )?;
        let (px, _) = at(c, x, y.end);
        // Below the legend (and any earlier marker's text) that share the top of the chart.
        if px > left + 0.6 * width {
            words.text(
                text,
                (px - gap, below + 2.0 * gap),
                FONT,
                t.marker,
                HPos::Right,
            );
        } else {
            words.text(
                text,
                (px + gap, below + 2.0 * gap),
                FONT,
                t.marker,
                HPos::Left,
            );
        }
        below += words.line_height(FONT) + gap;
    }
    Ok(())
}

/// The chance level `level` (drawn at `y` on the axis's scale) across the steps `xs`: a
/// dotted grey line under the curves. Returns its pixel row and its name, which `marks`
/// writes beside it once the legend is placed.
fn chance_line(
    c: &mut Chart,
    words: &Words,
    level: f64,
    y: f64,
    xs: (f64, f64),
) -> Result<(f64, String), String> {
    let (style, t) = (words.style, words.t);
    let ink = stroke(style, t.muted, 1.0);
    dashed(
        c,
        vec![(xs.0, y), (xs.1, y)],
        (style.ipx(2.0), style.ipx(3.0)),
        ink,
    )?;
    let (_, py) = at(c, xs.0, y);
    let text = fill(
        style.labels.chance_level,
        &[&local(style, format!("{level:.3}"))],
    );
    Ok((py, text))
}

/// Where the chance line's name goes: its anchor (left or right end, top) in device pixels
/// and its alignment. Just above the line at the chart's left; else just below it at the
/// right, where the falling curves have left room; else below it at the left; the first
/// that stays inside the plot (`left, top, width, height`) and clear of the legend's box
/// (its left edge, its bottom); else under the legend's box.
fn chance_label_at(
    words: &Words,
    text: &str,
    py: f64,
    (left, top, width, height): (f64, f64, f64, f64),
    (legend_left, legend_bottom): (f64, f64),
) -> (f64, f64, HPos) {
    let (gap, tall) = (words.style.px(3.0), words.line_height(FONT));
    let wide = words.width(text, FONT);
    let (x_left, x_right) = (left + gap, left + width - gap);
    let fits = |(x, y, h): (f64, f64, HPos)| {
        let (from, to) = match h {
            HPos::Right => (x - wide, x),
            _ => (x, x + wide),
        };
        let inside = y >= top && y + tall <= top + height && from >= left;
        inside && (y >= legend_bottom || to < legend_left)
    };
    [
        (x_left, py - gap - tall, HPos::Left),
        (x_right, py + gap, HPos::Right),
        (x_left, py + gap, HPos::Left),
    ]
    .into_iter()
    .find(|&spot| fits(spot))
    .unwrap_or((x_left, legend_bottom + gap, HPos::Left))
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
        t.second
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

/// One line's runs: solid or dashed, thick or thin; a run of one point is a dot.
fn series(
    c: &mut Chart,
    line: &Line,
    style: &Style,
    t: &Theme,
    scale: &dyn Fn(f64) -> f64,
) -> Result<(), String> {
    let ink = stroke(
        style,
        colour(t, line.colour),
        if line.thin { 1.0 } else { 2.0 },
    );
    for run in &line.runs {
        let points: Vec<(f64, f64)> = run.iter().map(|&(x, y)| (x, scale(y))).collect();
        if points.len() == 1 {
            dots(c, points, style.ipx(2.5), ink.filled())?;
        } else if !line.dashed {
            solid(c, points, ink)?;
        } else {
            dashed(c, points, (style.ipx(6.0), style.ipx(4.0)), ink)?;
        }
    }
    Ok(())
}

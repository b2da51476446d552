//! Random restarts: how many runs ended at each final loss, on a log axis.
//!
//! Solved runs (loss < 0.01) pile up on the left, runs stuck in a local minimum (loss > 0.1)
//! on the right; the two dashed lines are those thresholds. On the digits the engine judges
//! by its [`Goal`] for them (solved: test accuracy ≥ 90 %, which has no place on a loss axis;
//! stuck: loss ≥ 2): the caption gives the engine's shares, and one dashed line marks 2. The
//! bins come from the engine ([`LossHistogram`]); this module only paints them.

use super::style::Style;
use super::theme::{boxes, dashed, Corners};
use super::theme::{
    chart, mesh, percent, plot_rect, stroke, tick, tick_near_zero, Axis, Chart, Theme, FONT,
};
use super::words::{Swatch, Words};
use super::{begin, fill, Surface};
use crate::restarts::{solved_and_stuck, Goal, LossHistogram, DIGITS_STUCK_LOSS};
use crate::restarts::{SOLVED_BELOW, STUCK_ABOVE};
use plotters::prelude::*;

/// How the runs were judged: the engine's goal, and its shares solved and stuck when it gave
/// them (a worker's result); without them the shares are counted from the losses.
pub struct Judged {
    pub goal: Goal,
    pub shares: Option<(f64, f64)>,
}

/// Draws the histogram of `losses` (one final training loss per run, NaN for a diverged run).
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    losses: &[f64],
    judged: &Judged,
    style: &Style,
) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    if losses.is_empty() {
        words.message((0.0, 0.0, w, h), labels.no_restarts, t.muted);
        return Ok(());
    }
    let hist = LossHistogram::new(losses);
    let used = caption(&words, losses, judged, &hist, w);
    if h - used < style.px(60.0) {
        return Ok(());
    }
    let area = words.area((0.0, used, w, h - used));
    let top = hist.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    // The x axis is log₁₀ of the final loss: decades, thinned to the width, written as losses.
    // The digits' stuck line (2) stays on the axis, whatever the losses.
    let xs = match judged.goal {
        Goal::Loss => (hist.log10_lo, hist.log10_hi),
        Goal::Accuracy => (hist.log10_lo, hist.log10_hi.max(1.0)),
    };
    let every = ((xs.1 - xs.0) / (w / style.px(70.0)).max(1.0))
        .ceil()
        .max(1.0) as usize;
    let decades = (xs.0.ceil() as i32..=xs.1.floor() as i32).step_by(every);
    let loss_label = |v: f64| tick(style, 10f64.powf(v));
    let x = Axis {
        range: xs,
        ticks: decades.map(f64::from).collect(),
        label: &loss_label,
        desc: labels.final_loss_axis,
    };
    let ys = (0.0, top * 1.25);
    let count = |v: f64| tick_near_zero(style, v, ys);
    let y = Axis::linear(ys, 4.min(top as usize + 1), &count).titled(labels.runs_axis);
    let mut c = chart(&area, style, &x, &y)?;
    mesh(&mut c, style, &t, &x, &y)?;
    let lines: &[(f64, RGBColor)] = match judged.goal {
        Goal::Loss => &[(SOLVED_BELOW, t.class[0]), (STUCK_ABOVE, t.alarm)],
        Goal::Accuracy => &[(DIGITS_STUCK_LOSS, t.alarm)],
    };
    series(&mut c, &hist, lines, ys.1, style, &t)?;
    let (left, plot_top, width, _) = plot_rect(&c);
    let legend: &[(Swatch, &str)] = match judged.goal {
        Goal::Loss => &[
            (Swatch::Dashed(t.class[0]), labels.solved_line),
            (Swatch::Dashed(t.alarm), labels.stuck_line),
        ],
        Goal::Accuracy => &[(Swatch::Dashed(t.alarm), labels.stuck_line_digits)],
    };
    let gap = style.px(6.0);
    words.legend(legend, (left + width - gap, plot_top + gap), width, true);
    Ok(())
}

/// "20 runs · solved 45% · stuck 30%" (and how many diverged), wrapped to the width `w`;
/// returns the height it takes.
fn caption(words: &Words, losses: &[f64], judged: &Judged, hist: &LossHistogram, w: f64) -> f64 {
    let (style, labels) = (words.style, words.style.labels);
    let (solved, stuck) = judged.shares.unwrap_or_else(|| solved_and_stuck(losses));
    let (solved_words, stuck_words) = match judged.goal {
        Goal::Loss => (labels.restarts_solved, labels.restarts_stuck),
        Goal::Accuracy => (labels.restarts_solved_digits, labels.restarts_stuck_digits),
    };
    let mut caption = vec![
        fill(labels.restarts_count, &[&losses.len().to_string()]),
        fill(solved_words, &[&percent(solved)]),
        fill(stuck_words, &[&percent(stuck)]),
    ];
    if hist.diverged > 0 {
        caption.push(fill(
            labels.restarts_diverged,
            &[&hist.diverged.to_string()],
        ));
    }
    let x0 = style.px(4.0);
    let lines = words.wrap(&caption, w - 2.0 * x0, FONT);
    words.lines(&lines, (x0, style.px(2.0)), FONT, words.t.fg) + style.px(2.0)
}

/// The bars, and the thresholds `lines` (a loss and its colour) as dashed lines up to `top`.
fn series(
    c: &mut Chart,
    hist: &LossHistogram,
    lines: &[(f64, RGBColor)],
    top: f64,
    style: &Style,
    t: &Theme,
) -> Result<(), String> {
    let bars: Vec<Corners> = (hist.counts.iter().enumerate())
        .filter(|(_, &n)| n > 0)
        .map(|(k, &n)| {
            let (a, b) = hist.bin(k);
            let gap = 0.04 * (b - a);
            [(a + gap, 0.0), (b - gap, n as f64)]
        })
        .collect();
    boxes(c, bars, t.bars.filled())?;
    for &(at, color) in lines {
        let x = libm::log10(at);
        let ink = stroke(style, color, 1.5);
        dashed(
            c,
            vec![(x, 0.0), (x, top)],
            (style.ipx(5.0), style.ipx(4.0)),
            ink,
        )?;
    }
    Ok(())
}

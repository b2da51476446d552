//! Random restarts: how many runs ended at each final loss, on a log axis.
//!
//! Solved runs (loss < 0.01) pile up on the left, runs stuck in a local minimum (loss > 0.1)
//! on the right; the two dashed lines are those thresholds. The bins come from the engine
//! ([`LossHistogram`]); this module only paints them.

use super::pen::{Pen, Swatch};
use super::series::{boxes, dashed, Corners};
use super::theme::{chart, mesh, percent, stroke, tick, Axes, Axis, Plot, Theme, FONT, SMALL};
use super::{fill, old_begin as begin, OldSurface, Style};
use crate::restarts::{solved_and_stuck, LossHistogram, SOLVED_BELOW, STUCK_ABOVE};
use plotters::prelude::*;

/// Draws the histogram of `losses` (one final training loss per run, NaN for a diverged run).
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    losses: &[f64],
    style: &Style,
) -> Result<(), String> {
    let OldSurface { ink, pen, w, h } = begin(canvas, style)?;
    let (t, labels) = (pen.theme, style.labels);
    if losses.is_empty() {
        pen.message((0.0, 0.0, w, h), labels.no_restarts, t.muted);
        return Ok(());
    }
    let hist = LossHistogram::new(losses);
    let used = caption(&pen, losses, &hist, w);
    if h - used < style.px(60.0) {
        return Ok(());
    }
    let area = ink.area(
        (0, used.round() as i32),
        (w as u32, (h - used).round() as u32),
    );
    let top = hist.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let axes = Axes {
        x_desc: labels.final_loss_axis,
        y_desc: labels.runs_axis,
        x_ticks: 0,
        y_ticks: 4.min(top as usize + 1),
    };
    let xs = (hist.log10_lo, hist.log10_hi);
    let mut c = chart(
        &ink,
        area,
        style,
        Axis::linear(xs),
        Axis::linear((0.0, top * 1.25)),
        &axes,
    )?;
    mesh(&mut c, style, &t, &axes)?;
    series(&mut c, &hist, top * 1.25, style, &t)?;
    decade_labels(&pen, &c, xs, w);
    let (xr, yr) = c.pixel_range();
    let (left, right) = (f64::from(xr.start), f64::from(xr.end));
    let legend = [
        (Swatch::Dashed(t.class[0]), labels.solved_line),
        (Swatch::Dashed(t.alarm), labels.stuck_line),
    ];
    let gap = style.px(6.0);
    pen.legend(
        &legend,
        (right - gap, f64::from(yr.start) + gap),
        right - left,
        true,
    );
    Ok(())
}

/// "20 runs · solved 45% · stuck 30%" (and how many diverged), wrapped to the width `w`;
/// returns the height it takes.
fn caption(pen: &Pen, losses: &[f64], hist: &LossHistogram, w: f64) -> f64 {
    let (style, labels) = (pen.style, pen.style.labels);
    let (solved, stuck) = solved_and_stuck(losses);
    let mut caption = vec![
        fill(labels.restarts_count, &[&losses.len().to_string()]),
        fill(labels.restarts_solved, &[&percent(solved)]),
        fill(labels.restarts_stuck, &[&percent(stuck)]),
    ];
    if hist.diverged > 0 {
        caption.push(fill(
            labels.restarts_diverged,
            &[&hist.diverged.to_string()],
        ));
    }
    let x0 = style.px(4.0);
    let lines = pen.wrap(&caption, w - 2.0 * x0, FONT);
    pen.lines(&lines, (x0, style.px(2.0)), FONT, pen.theme.fg) + style.px(2.0)
}

/// The bars, and the solved and stuck thresholds as dashed lines up to `top`.
fn series(
    c: &mut Plot,
    hist: &LossHistogram,
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
    boxes(c, &bars, t.bars.filled())?;
    for (at, color) in [(SOLVED_BELOW, t.class[0]), (STUCK_ABOVE, t.alarm)] {
        let x = libm::log10(at);
        let ink = stroke(style, color, 1.5);
        dashed(
            c,
            &[(x, 0.0), (x, top)],
            (style.ipx(5.0), style.ipx(4.0)),
            ink,
        )?;
    }
    Ok(())
}

/// Decade labels as losses (0.001, 0.01, …), not as their logarithms, thinned to the
/// canvas width `w`.
fn decade_labels(pen: &Pen, c: &Plot, xs: (f64, f64), w: f64) {
    let style = pen.style;
    let (_, bottom) = c.backend_coord(&(xs.0, 0.0));
    let every = ((xs.1 - xs.0) / (w / style.px(70.0)).max(1.0))
        .ceil()
        .max(1.0) as usize;
    for k in (xs.0 as i32..=xs.1 as i32).step_by(every) {
        let (x, _) = c.backend_coord(&(f64::from(k), 0.0));
        let label = tick(10f64.powi(k));
        let half = 0.5 * pen.width(&label, SMALL);
        pen.text(
            &label,
            (f64::from(x) - half, f64::from(bottom) + style.px(5.0)),
            SMALL,
            pen.theme.muted,
            false,
        );
    }
}

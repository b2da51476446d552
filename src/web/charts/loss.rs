//! Training and test loss over the steps taken so far.
//!
//! A good init shows a falling curve within a few hundred steps; a symmetric one a flat
//! line; a too-large one a loss that never moves off its plateau, or a run that blows up,
//! which is marked where it happened. The log scale shows progress after the first drop.
//!
//! In an A/B comparison both networks share the chart: A in blue with solid lines, B in
//! orange with dashed ones (told apart without colour too); each side's test loss is the
//! thin line of its colour and dash.

use super::pen::{Pen, Swatch};
use super::theme::{chart, mesh, pad, span, stroke, Axes, FONT};
use super::{begin, failed, fill, Style, Surface};
use crate::experiment::History;
use plotters::coord::ranged1d::{
    AsRangedCoord, DefaultFormatting, KeyPointHint, Ranged, ValueFormatter,
};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// One network's losses: its name in a comparison ("A", "B"; `None` alone), its history
/// and the step where it diverged, if it did.
pub struct Curves<'a> {
    pub name: Option<&'static str>,
    pub history: &'a History,
    pub diverged_at: Option<usize>,
}

/// One line of the chart: its points (as runs that can be drawn), colour, dash and width.
struct Series {
    runs: Vec<Vec<(f64, f64)>>,
    colour: RGBColor,
    dashed: bool,
    thin: bool,
}

/// Draws every side's training and test loss against the step; `log_scale` plots the loss
/// on a log axis (where values ≤ 0 cannot be shown and are left out). A side that diverged
/// gets a marker at that step.
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    sides: &[Curves],
    log_scale: bool,
    style: &Style,
) -> Result<(), String> {
    let Surface { root, pen, w, h } = begin(canvas, style)?;
    let labels = style.labels;
    let shown = |v: f64| v.is_finite() && (!log_scale || v > 0.0);
    let (series, legend) = lines(sides, &pen, shown);
    let values = || {
        series
            .iter()
            .flat_map(|s| s.runs.iter().flatten())
            .map(|&(_, v)| v)
    };
    let (lo, hi) = values().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let markers: Vec<(usize, String)> = sides
        .iter()
        .filter_map(|side| Some((side.diverged_at?, diverged_text(side, labels))))
        .collect();
    if !lo.is_finite() {
        let why = if sides.iter().all(|side| side.history.steps.is_empty()) {
            labels.no_history
        } else {
            labels.no_finite_loss
        };
        let mut text: Vec<&str> = markers.iter().map(|(_, m)| m.as_str()).collect();
        text.push(why);
        pen.message((0.0, 0.0, w, h), &text.join(" · "), pen.theme.muted);
        return Ok(());
    }
    let last = sides
        .iter()
        .flat_map(|side| {
            side.history
                .steps
                .last()
                .copied()
                .into_iter()
                .chain(side.diverged_at)
        })
        .max()
        .unwrap_or(0);
    // At least 10 steps wide, so a run that has not started still gets a sensible axis.
    let xs = (0.0, (last as f64 * 1.02).max(10.0));
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
    let drawn = Drawn {
        series: &series,
        legend: &legend,
        markers: &markers,
    };
    if log_scale {
        plot(&root, &pen, xs, LogAxis::around(lo, hi), &axes, &drawn)
    } else {
        let ys = pad(span(lo.min(0.0), hi, (0.0, 1.0)), 0.04);
        plot(&root, &pen, xs, ys.0.max(lo.min(0.0))..ys.1, &axes, &drawn)
    }
}

/// "diverged at step 40", or "B diverged at step 40" in a comparison.
fn diverged_text(side: &Curves, labels: &super::Labels) -> String {
    let step = side.diverged_at.unwrap_or(0).to_string();
    match side.name {
        Some(name) => fill(labels.side_diverged_at, &[name, &step]),
        None => fill(labels.diverged_at, &[&step]),
    }
}

/// The lines to draw and their legend. Alone: train (solid) and test (dashed), in two
/// colours. In a comparison: each side in its colour and dash, train thick and test thin.
fn lines(
    sides: &[Curves],
    pen: &Pen,
    shown: impl Fn(f64) -> bool + Copy,
) -> (Vec<Series>, Vec<(Swatch, String)>) {
    let (t, labels) = (pen.theme, pen.style.labels);
    let mut series = Vec::new();
    let mut legend = Vec::new();
    for (k, side) in sides.iter().enumerate() {
        let h = side.history;
        let (train, test) = (
            runs(&h.steps, &h.train, shown),
            runs(&h.steps, &h.test, shown),
        );
        match side.name {
            None => {
                let colours = [t.class[0], t.second()];
                series.push(Series {
                    runs: train,
                    colour: colours[0],
                    dashed: false,
                    thin: false,
                });
                series.push(Series {
                    runs: test,
                    colour: colours[1],
                    dashed: true,
                    thin: false,
                });
                legend.push((Swatch::Line(colours[0]), labels.train.to_string()));
                legend.push((Swatch::Dashed(colours[1]), labels.test.to_string()));
            }
            Some(name) => {
                let (colour, dashed) = if k == 0 {
                    (t.class[0], false)
                } else {
                    (t.second(), true)
                };
                series.push(Series {
                    runs: train,
                    colour,
                    dashed,
                    thin: false,
                });
                series.push(Series {
                    runs: test,
                    colour,
                    dashed,
                    thin: true,
                });
                let swatch = if dashed {
                    Swatch::Dashed(colour)
                } else {
                    Swatch::Line(colour)
                };
                legend.push((swatch, fill(labels.side_losses, &[name])));
            }
        }
    }
    (series, legend)
}

/// What [`plot`] draws, beyond the axes.
struct Drawn<'a> {
    series: &'a [Series],
    legend: &'a [(Swatch, String)],
    /// Divergence markers: the step and its text.
    markers: &'a [(usize, String)],
}

/// The losses as runs of consecutive points that can be drawn (a non-finite loss, or a
/// non-positive one on a log axis, breaks the line instead of ending the chart).
fn runs(steps: &[usize], losses: &[f64], shown: impl Fn(f64) -> bool) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (&step, &loss) in steps.iter().zip(losses) {
        if shown(loss) {
            if let Some(run) = runs.last_mut() {
                run.push((step as f64, loss));
            }
        } else if runs.last().is_some_and(|run| !run.is_empty()) {
            runs.push(Vec::new());
        }
    }
    runs.retain(|run| !run.is_empty());
    runs
}

/// The chart itself, for a linear or a log loss axis.
fn plot<Y>(
    root: &DrawingArea<CanvasBackend, Shift>,
    pen: &Pen,
    xs: (f64, f64),
    ys: Y,
    axes: &Axes,
    drawn: &Drawn,
) -> Result<(), String>
where
    Y: AsRangedCoord<Value = f64>,
    Y::CoordDescType: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    let (style, t) = (pen.style, pen.theme);
    let mut c = chart(root, style, xs, ys, axes)?;
    mesh(&mut c, style, &t, axes)?;
    for series in drawn.series {
        let line = stroke(style, series.colour, if series.thin { 1.0 } else { 2.0 });
        for run in &series.runs {
            if run.len() == 1 {
                c.draw_series(
                    run.iter()
                        .map(|&p| Circle::new(p, style.ipx(2.5), line.filled())),
                )
                .map_err(failed)?;
            } else if !series.dashed {
                c.draw_series(LineSeries::new(run.iter().copied(), line))
                    .map_err(failed)?;
            } else {
                let dashes = DashedLineSeries::new(
                    run.iter().copied(),
                    style.ipx(6.0),
                    style.ipx(4.0),
                    line,
                );
                c.draw_series(dashes).map_err(failed)?;
            }
        }
    }
    let (xr, yr) = c.plotting_area().get_pixel_range();
    let (left, top, right) = (f64::from(xr.start), f64::from(yr.start), f64::from(xr.end));
    let gap = style.px(6.0);
    let legend: Vec<(Swatch, &str)> = drawn.legend.iter().map(|(s, l)| (*s, l.as_str())).collect();
    let mut below = top + pen.legend(&legend, (right - gap, top + gap), right - left, true);
    for (step, text) in drawn.markers {
        let at = *step as f64;
        let y = c.y_range();
        let (y0, y1) = (y.start, y.end);
        c.draw_series(LineSeries::new(
            [(at, y0), (at, y1)],
            stroke(style, t.marker, 1.5),
        ))
        .map_err(failed)?;
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

/// A log-scale loss axis with ticks at 1, 2 and 5 times powers of ten. (plotters' own
/// log axis labels whole decades only: often a single tick for a loss that spans one.)
#[derive(Clone, Debug)]
struct LogAxis(f64, f64);

impl LogAxis {
    /// An axis holding `lo … hi` (both > 0) and at least one decade, so it has two ticks.
    fn around(lo: f64, hi: f64) -> LogAxis {
        let (lo, hi) = span(lo.log10(), hi.log10(), (-1.0, 0.0));
        let (lo, hi) = pad((lo, hi), 0.05);
        let widen = (0.5 * (1.0 - (hi - lo))).max(0.0);
        // Exponents within ±300, so both ends stay finite and positive.
        let (lo, hi) = ((lo - widen).max(-300.0), (hi + widen).min(300.0));
        LogAxis(10f64.powf(lo), 10f64.powf(hi))
    }
}

impl Ranged for LogAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let (lo, hi) = (self.0.log10(), self.1.log10());
        let t = (v.max(f64::MIN_POSITIVE).log10() - lo) / (hi - lo);
        // `as` saturates, so a value far off the axis lands at the edge of i32, not in a panic.
        (f64::from(limit.0) + f64::from(limit.1 - limit.0) * t).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        let most = hint.max_num_points();
        if most == 0 {
            return Vec::new(); // plotters asks for no "light" grid lines
        }
        let (first, last) = (self.0.log10().floor() as i32, self.1.log10().ceil() as i32);
        let decades = (last - first).max(1);
        let all = |mantissas: &[f64], every: i32| -> Vec<f64> {
            (first..=last)
                .filter(|d| (d - first) % every == 0)
                .flat_map(|d| mantissas.iter().map(move |m| m * 10f64.powi(d)))
                .filter(|v| (self.0..=self.1).contains(v))
                .collect()
        };
        for mantissas in [&[1.0, 2.0, 5.0][..], &[1.0, 3.0], &[1.0]] {
            let ticks = all(mantissas, 1);
            if ticks.len() <= most {
                return ticks;
            }
        }
        all(&[1.0], (decades + most as i32 - 1) / most as i32)
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.0..self.1
    }
}

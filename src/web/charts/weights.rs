//! One layer's weights: the histogram of their current values over the density they
//! were drawn from.
//!
//! It shows what an initializer really does: a truncated normal is cut (the dashed
//! parent normal shows what was cut off) and so comes out narrower than the σ asked
//! for unless it is variance-corrected; a zero or constant init is a single spike, with
//! nothing random to make one unit differ from another.

use super::pen::Swatch;
use super::theme::{chart, mesh, num, pad, span, stroke, tick, Axes, FONT};
use super::{begin, failed, fill, layer_name, Style, Surface};
use crate::init::{Distribution, LayerInit};
use crate::stats::LayerStats;
use plotters::prelude::*;

/// Points on each drawn density.
const SAMPLES: usize = 300;
/// How far the parent normal of a truncated normal is drawn, in its σ.
const PARENT_SIGMAS: f64 = 4.0;

/// Draws weight layer `layer_index` (0-based, of `layers_total`; the last is the output):
/// its weight histogram `layer.w_hist` as a density, and `init.distribution`'s density.
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    layer: &LayerStats,
    init: &LayerInit,
    layer_index: usize,
    layers_total: usize,
    style: &Style,
) -> Result<(), String> {
    let Surface { root, pen, w, h } = begin(canvas, style)?;
    let (t, labels) = (pen.theme, style.labels);
    let dist = init.distribution;
    let point = dist.point_mass();
    let name = layer_name(labels, layer_index, layers_total);
    let detail = match point {
        Some(c) => fill(labels.point_mass, &[&tick(c)]),
        None => fill(
            labels.requested_actual,
            &[&num(init.sigma_requested, 3), &num(dist.std(), 3)],
        ),
    };
    let x0 = style.px(4.0);
    let lines = pen.wrap(
        &[fill(labels.weights_of, &[&name]), detail],
        w - 2.0 * x0,
        FONT,
    );
    let used = pen.lines(&lines, (x0, style.px(2.0)), FONT, t.fg) + style.px(2.0);
    if h - used < style.px(60.0) {
        return Ok(());
    }
    let area = root.clone().shrink(
        (0, used.round() as i32),
        (w as u32, (h - used).round() as u32),
    );

    let hist = &layer.w_hist;
    let total = hist.total() as f64;
    let bin = (hist.hi - hist.lo) / hist.counts.len().max(1) as f64;
    // A point mass has no density: its bars are shares of the weights instead.
    let per_count = match point {
        Some(_) => 1.0 / total,
        None => 1.0 / (total * bin),
    };
    let bars: Vec<(f64, f64, f64)> = hist
        .counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0 && total > 0.0 && bin > 0.0)
        .map(|(k, &n)| {
            (
                hist.lo + k as f64 * bin,
                hist.lo + (k + 1) as f64 * bin,
                f64::from(n) * per_count,
            )
        })
        .collect();
    let parent = match dist {
        Distribution::TruncatedNormal { std, .. } => Some(Distribution::Normal { std }),
        _ => None,
    };
    // Sampled densities over `xs`, with exact vertical edges where a bounded one jumps to 0.
    let density = |d: &Distribution, xs: (f64, f64)| -> Vec<(f64, f64)> {
        let (lo, hi) = d.support();
        let step = (xs.1 - xs.0) / SAMPLES as f64;
        let edges = [lo - 1e-9 * step, lo, hi, hi + 1e-9 * step];
        let mut points: Vec<f64> = (0..=SAMPLES).map(|k| xs.0 + k as f64 * step).collect();
        points.extend(edges.into_iter().filter(|x| (xs.0..=xs.1).contains(x)));
        points.sort_by(f64::total_cmp);
        let values = points.into_iter().map(|x| (x, d.pdf(x)));
        values.filter(|p| p.1.is_finite()).collect()
    };
    let support = dist.support();
    let mut xs = span(support.0.min(hist.lo), support.1.max(hist.hi), (-1.0, 1.0));
    if let Some(Distribution::Normal { std }) = parent {
        let reach = PARENT_SIGMAS * std;
        xs = span(xs.0.min(-reach), xs.1.max(reach), xs);
    }
    if point.is_none() {
        // Trim the far tails, where neither the bars nor the densities show anything.
        let mut seen: Vec<(f64, f64)> = density(&dist, xs);
        seen.extend(parent.map(|p| density(&p, xs)).unwrap_or_default());
        let top = seen.iter().map(|p| p.1).fold(0.0, f64::max);
        let visible = seen.iter().filter(|p| p.1 > 0.003 * top).map(|p| p.0);
        let cuts = [support.0, support.1]
            .into_iter()
            .filter(|_| parent.is_some());
        let edges = bars.iter().flat_map(|b| [b.0, b.1]);
        let (lo, hi) = visible
            .chain(cuts)
            .chain(edges)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
                (lo.min(x), hi.max(x))
            });
        xs = span(lo, hi, xs);
    }
    let xs = pad(xs, 0.05);
    let curve = if point.is_some() {
        Vec::new()
    } else {
        density(&dist, xs)
    };
    let peak = bars
        .iter()
        .map(|b| b.2)
        .chain(curve.iter().map(|p| p.1))
        .fold(0.0, f64::max);
    let ys = span(
        0.0,
        if point.is_some() { 1.0 } else { peak } * 1.35,
        (0.0, 1.0),
    );
    let axes = Axes {
        x_desc: labels.weight_axis,
        y_desc: if point.is_some() {
            labels.share_axis
        } else {
            labels.density_axis
        },
        x_ticks: (w / style.px(80.0)).clamp(3.0, 8.0) as usize,
        y_ticks: 4,
    };
    let mut c = chart(&area, style, xs, ys.0..ys.1, &axes)?;
    mesh(&mut c, style, &t, &axes)?;
    c.draw_series(
        bars.iter()
            .map(|&(a, b, v)| Rectangle::new([(a, 0.0), (b, v)], t.bars.filled())),
    )
    .map_err(failed)?;
    let mut legend = vec![(Swatch::Bar(t.bars), labels.legend_sampled)];
    if let Some(p) = parent {
        let dashes = DashedLineSeries::new(
            density(&p, xs),
            style.ipx(5.0),
            style.ipx(4.0),
            stroke(style, t.muted, 1.5),
        );
        c.draw_series(dashes).map_err(failed)?;
        legend.push((Swatch::Dashed(t.muted), labels.legend_parent));
    }
    if let Some(value) = point {
        let spike = stroke(style, t.alarm, 3.0);
        c.draw_series(LineSeries::new([(value, 0.0), (value, 1.0)], spike))
            .map_err(failed)?;
        c.draw_series([Circle::new((value, 1.0), style.ipx(4.0), t.alarm.filled())])
            .map_err(failed)?;
    } else {
        c.draw_series(LineSeries::new(curve, stroke(style, t.alarm, 2.0)))
            .map_err(failed)?;
        legend.push((Swatch::Line(t.alarm), labels.legend_pdf));
    }
    if let Distribution::TruncatedNormal { lo, hi, .. } = dist {
        let cut = stroke(style, t.marker, 1.5);
        for at in [lo, hi].into_iter().filter(|x| x.is_finite()) {
            c.draw_series(LineSeries::new([(at, ys.0), (at, ys.1)], cut))
                .map_err(failed)?;
        }
        legend.push((Swatch::Line(t.marker), labels.legend_cut));
    }
    let (xr, yr) = c.plotting_area().get_pixel_range();
    let (left, top, right) = (f64::from(xr.start), f64::from(yr.start), f64::from(xr.end));
    let gap = style.px(6.0);
    pen.legend(&legend, (right - gap, top + gap), right - left, true);
    if total == 0.0 {
        let rect = (left, top, right - left, f64::from(yr.end - yr.start));
        pen.message(rect, labels.weights_not_finite, t.alarm);
    }
    Ok(())
}

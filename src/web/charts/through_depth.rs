//! Through depth (issue #21): the network on screen against the mean-field theory.
//!
//! Two panels over the hidden layers. Above, on a log axis, the length √q̂^l (the rms of z
//! over every training point and unit) measured (dots), the theory's √q^l from the measured
//! first layer (dashed), and the depth chart's std(z) (triangles) for comparison: they differ
//! by the mean of z. Below, the correlation ĉ^l of the two picked points (dots) against the
//! theory's c^l (dashed): in the ordered phase it climbs to 1 (the network forgets how the
//! points differed), in the chaotic one it falls to c* < 1 within about ξ_c layers. The
//! numbers are [`crate::through_depth`]'s; a network the theory cannot describe says why.

use super::style::Style;
use super::theme::{
    at, chart, dashed, line as solid, local, mesh, num, stroke, Axis, Chart, FONT, SMALL,
};
use super::words::{Marker, Swatch, Words};
use super::{begin, fill, Surface};
use crate::plot::{decades, nice_ticks, power_of_ten};
use crate::through_depth::{NoTheory, ThroughDepth, ThroughDepthError};

/// Draws the view of `view` (or the reason there is none).
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    view: &Result<ThroughDepth, ThroughDepthError>,
    style: &Style,
) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    let view = match view {
        Ok(view) => view,
        Err(ThroughDepthError::NoHiddenLayer) => {
            words.message((0.0, 0.0, w, h), labels.through_no_hidden, t.muted);
            return Ok(());
        }
        Err(ThroughDepthError::PointOutOfRange { index, count }) => {
            let text = fill(
                labels.through_point_out,
                &[&index.to_string(), &count.saturating_sub(1).to_string()],
            );
            words.message((0.0, 0.0, w, h), &text, t.alarm);
            return Ok(());
        }
    };
    let pad = style.px(4.0);
    let top = header(&words, view, w);
    let note = words.wrap(&[why_no_theory(view, style)], w - 2.0 * pad, SMALL);
    let note = if note.iter().all(|l| l.is_empty()) {
        Vec::new()
    } else {
        note
    };
    let bottom = note.len() as f64 * words.line_height(SMALL);
    words.lines(&note, (pad, h - bottom - pad), SMALL, t.muted);
    let plot_h = (h - top - bottom - 2.0 * pad) / 2.0;
    if plot_h < style.px(70.0) {
        return Ok(());
    }
    let layers = view.q.len();
    let every = (layers as f64 * style.px(26.0) / (w - style.px(66.0)).max(1.0))
        .ceil()
        .max(1.0) as usize;
    let layer_label = |v: f64| (v.round() as usize + 1).to_string();
    // Every `every`-th layer, and always the last: it takes the place of the tick before it
    // when that one is nearer than `every` (20 layers on a phone: …, 17, 20, not 19 and 20 touching).
    let mut ticks: Vec<usize> = (0..layers).step_by(every).collect();
    if let Some(&before) = ticks.last() {
        if before + 1 < layers {
            if layers - 1 - before < every && ticks.len() > 1 {
                ticks.pop();
            }
            ticks.push(layers - 1);
        }
    }
    let x = Axis {
        range: (-0.4, layers as f64 - 0.6),
        ticks: ticks.into_iter().map(|i| i as f64).collect(),
        label: &layer_label,
        desc: labels.through_x_axis,
    };
    lengths(&words, view, &x, (top, w, plot_h))?;
    correlations(&words, view, &x, (top + plot_h, w, plot_h))?;
    Ok(())
}

/// The points, σ_w and σ_b, the phase, and the legend; returns where the panels start.
fn header(words: &Words, view: &ThroughDepth, w: f64) -> f64 {
    let (t, style) = (words.t, words.style);
    let labels = style.labels;
    let pad = style.px(4.0);
    let mut lines = vec![fill(
        labels.through_header,
        &[
            &view.points[0].to_string(),
            &view.points[1].to_string(),
            &num(style, view.sigma_w, 3),
            &num(style, view.sigma_b, 3),
        ],
    )];
    if let Ok(theory) = &view.theory {
        let xi = if theory.xi_c.is_finite() {
            num(style, theory.xi_c, 1)
        } else {
            "∞".to_string()
        };
        lines.push(fill(
            labels.through_phase,
            &[&num(style, theory.chi1, 3), &xi],
        ));
    }
    let lines = words.wrap(&lines, w - 2.0 * pad, FONT);
    let mut top = pad + words.lines(&lines, (pad, pad), FONT, t.fg);
    let series = |color, dash, marker| Swatch::Series {
        color,
        dash,
        marker,
    };
    let legend = [
        (
            series(t.class[0], (0.0, 0.0), Marker::Circle),
            labels.through_q_measured,
        ),
        (
            series(t.fg, (6.0, 4.0), Marker::None),
            labels.through_q_theory,
        ),
        (
            series(t.class[1], (0.0, 0.0), Marker::HollowTriangle),
            labels.through_z_std,
        ),
        (
            series(t.second, (0.0, 0.0), Marker::Circle),
            labels.through_c_measured,
        ),
        (
            series(t.fg, (2.0, 3.0), Marker::None),
            labels.through_c_theory,
        ),
    ];
    top += words.legend(&legend, (pad, top), w - 2.0 * pad, false);
    top
}

/// The sentence saying why no theory curve is drawn ("" when there is one).
fn why_no_theory(view: &ThroughDepth, style: &Style) -> String {
    let labels = style.labels;
    match &view.theory {
        Ok(_) => String::new(),
        Err(NoTheory::OneHiddenLayer) => labels.through_one_layer.to_string(),
        Err(NoTheory::NoStart) => labels.through_no_start.to_string(),
        Err(NoTheory::OutOfRange(_)) => fill(
            labels.through_out_of_range,
            &[&num(style, view.sigma_w, 3), &num(style, view.sigma_b, 3)],
        ),
    }
}

/// (layer index, value) for every finite value that `keep` accepts.
fn points(values: &[f64], keep: impl Fn(f64) -> bool) -> Vec<(f64, f64)> {
    (values.iter().enumerate())
        .filter(|(_, &v)| v.is_finite() && keep(v))
        .map(|(i, &v)| (i as f64, v))
        .collect()
}

/// The upper panel: √q̂, the theory's √q and std(z), on a log axis of whole decades.
fn lengths(
    words: &Words,
    view: &ThroughDepth,
    x: &Axis,
    (top, w, h): (f64, f64, f64),
) -> Result<(), String> {
    let (t, style) = (words.t, words.style);
    let log_root = |values: &[f64], square: bool| -> Vec<(f64, f64)> {
        let transform = |v: f64| libm::log10(if square { v.sqrt() } else { v });
        (points(values, |v| v > 0.0).into_iter())
            .map(|(i, v)| (i, transform(v)))
            .filter(|(_, y)| y.is_finite())
            .collect()
    };
    let measured = log_root(&view.q, true);
    let std_z = log_root(&view.z_std, false);
    let theory = view
        .theory
        .as_ref()
        .map_or(Vec::new(), |th| log_root(&th.q, true));
    let all = measured.iter().chain(&std_z).chain(&theory).map(|p| p.1);
    let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
        (lo.min(y), hi.max(y))
    });
    let range = if lo.is_finite() {
        ((lo - 0.03).floor(), (hi + 0.03).ceil())
    } else {
        (-1.0, 1.0)
    };
    let most = (h / style.px(24.0)).clamp(2.0, 6.0) as usize;
    // Whole decades as powers of ten; on an axis of at most two decades also 2× and 5× each,
    // as plain numbers, so that a short axis has more than its two ends labelled.
    let y_label = |v: f64| {
        if (v - v.round()).abs() < 1e-9 {
            power_of_ten(v.round() as i32)
        } else {
            local(style, format!("{}", libm::pow(10.0, v) as f32))
        }
    };
    let mut ticks: Vec<f64> = decades(range.0, range.1, most)
        .into_iter()
        .map(f64::from)
        .collect();
    if range.1 - range.0 <= 2.0 {
        let minor = (range.0 as i32..range.1 as i32)
            .flat_map(|k| [2.0f64, 5.0].map(|m| f64::from(k) + libm::log10(m)));
        ticks.extend(minor.filter(|&v| v > range.0 && v < range.1));
    }
    ticks.sort_by(f64::total_cmp);
    let y = Axis {
        range,
        ticks,
        label: &y_label,
        desc: style.labels.through_length_axis,
    };
    let area = words.area((0.0, top, w, h));
    let mut c = chart(&area, style, x, &y)?;
    mesh(&mut c, style, &t, x, &y)?;
    dashed(
        &mut c,
        theory,
        (style.ipx(6.0), style.ipx(4.0)),
        stroke(style, t.fg, 2.0),
    )?;
    series(&mut c, words, measured, t.class[0], Marker::Circle)?;
    // Over √q̂, hollow: where mean(z) ≈ 0 the two coincide, and both must show.
    series(&mut c, words, std_z, t.class[1], Marker::HollowTriangle)
}

/// The lower panel: ĉ of the two points and the theory's c, on a linear axis up to 1.
fn correlations(
    words: &Words,
    view: &ThroughDepth,
    x: &Axis,
    (top, w, h): (f64, f64, f64),
) -> Result<(), String> {
    let (t, style) = (words.t, words.style);
    let measured = points(&view.c, |_| true);
    let theory = view
        .theory
        .as_ref()
        .map_or(Vec::new(), |th| points(&th.c, |_| true));
    let lowest = measured
        .iter()
        .chain(&theory)
        .map(|p| p.1)
        .fold(0.0_f64, f64::min);
    let range = ((lowest - 0.05).max(-1.05), 1.05);
    let y_label = |v: f64| local(style, format!("{}", (v * 100.0).round() / 100.0));
    let most = (h / style.px(24.0)).clamp(2.0, 6.0) as usize;
    let y = Axis {
        range,
        ticks: nice_ticks(range.0, 1.0, most),
        label: &y_label,
        desc: style.labels.through_corr_axis,
    };
    let area = words.area((0.0, top, w, h));
    let mut c = chart(&area, style, x, &y)?;
    mesh(&mut c, style, &t, x, &y)?;
    dashed(
        &mut c,
        theory,
        (style.ipx(2.0), style.ipx(3.0)),
        stroke(style, t.fg, 2.0),
    )?;
    series(&mut c, words, measured, t.second, Marker::Circle)
}

/// A solid line through `points` with a marker on each.
fn series(
    c: &mut Chart,
    words: &Words,
    points: Vec<(f64, f64)>,
    color: plotters::style::RGBColor,
    marker: Marker,
) -> Result<(), String> {
    let style = words.style;
    solid(c, points.clone(), stroke(style, color, 1.5))?;
    for (x, y) in points {
        words.marker(marker, at(c, x, y), 3.5, color);
    }
    Ok(())
}

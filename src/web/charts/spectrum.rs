//! The Jacobian's spectrum (the `orthogonal-depth` lesson): the histogram of the singular
//! values of ∂a_L/∂a_1 at a training point, on a log axis of σ, for A (and B when comparing)
//! over one shared axis. An isometry is one bar; a Gaussian init spreads over decades. The
//! σ below the computation's resolution have no place on the axis: each side's line says how
//! many, and that κ is then only bounded. The numbers are [`crate::spectrum`]'s.

use super::style::Style;
use super::theme::{boxes, chart, mesh, num, Axis, Corners, FONT};
use super::words::Swatch;
use super::{begin, fill, Surface};
use crate::plot::{decades, power_of_ten};
use crate::spectrum::{log_histogram, Spectrum, SpectrumError, Spread, RESOLUTION};
use plotters::prelude::Color;

/// Bins over the log axis.
const BINS: usize = 48;

/// Draws the spectra of `sides` (a name and a spectrum or why there is none).
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    sides: &[(&str, &Result<Spectrum, SpectrumError>)],
    style: &Style,
) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let spectra: Vec<(&str, &Spectrum)> = (sides.iter())
        .filter_map(|(name, s)| s.as_ref().ok().map(|s| (*name, s)))
        .collect();
    let Some(&(_, first)) = spectra.first() else {
        let error = sides.iter().find_map(|(_, s)| s.as_ref().err());
        words.message((0.0, 0.0, w, h), &why_none(error, style), t.muted);
        return Ok(());
    };
    let all: Vec<&Spectrum> = spectra.iter().map(|(_, s)| *s).collect();
    let histogram = log_histogram(&all, BINS);
    let pad = style.px(4.0);
    let labels = style.labels;
    let mut lines = vec![fill(
        labels.spectrum_header,
        &[&first.depth.to_string(), &first.point.to_string()],
    )];
    for (k, (name, s)) in spectra.iter().enumerate() {
        lines.push(side_line(name, s, histogram.unresolved[k], style));
    }
    let lines = words.wrap(&lines, w - 2.0 * pad, FONT);
    let mut top = pad + words.lines(&lines, (pad, pad), FONT, t.fg);
    let colours = [t.class[0], t.class[1]];
    let legend: Vec<(Swatch, &str)> = (spectra.iter().enumerate())
        .map(|(k, (name, _))| (Swatch::Bar(colours[k % 2].mix(0.6)), *name))
        .collect();
    top += words.legend(&legend, (pad, top), w - 2.0 * pad, false);
    if h - top < style.px(80.0) {
        return Ok(());
    }
    let x_label = |v: f64| power_of_ten(v.round() as i32);
    let most = (w / style.px(60.0)).clamp(2.0, 10.0) as usize;
    let x = Axis {
        range: (
            histogram.lo - histogram.width / 2.0,
            histogram.hi + histogram.width / 2.0,
        ),
        ticks: decades(histogram.lo, histogram.hi, most)
            .into_iter()
            .map(f64::from)
            .collect(),
        label: &x_label,
        desc: labels.spectrum_x_axis,
    };
    // Bar heights on a square-root scale of the count: an isometry puts all 64 σ in one bar
    // and a Gaussian spreads them one or two per bin, which a linear axis drew 1/64 as tall,
    // next to invisible on a phone. Ticks at 0 and the powers of 4 from 4 up to the tallest bar
    // (1 sat on top of 0 on a phone).
    let tallest = (histogram.counts.iter().flatten().copied().max()).unwrap_or(1);
    let y_label = |v: f64| num(style, (v * v).round(), 0);
    let mut ticks = vec![0.0];
    ticks.extend(
        (0..)
            .map(|k| 2f64.powi(k + 1))
            .take_while(|&r| r * r <= f64::from(tallest)),
    );
    let y = Axis {
        range: (0.0, f64::from(tallest).sqrt() * 1.08),
        ticks,
        label: &y_label,
        desc: labels.spectrum_y_axis,
    };
    let area = words.area((0.0, top, w, h - top));
    let mut c = chart(&area, style, &x, &y)?;
    let width = histogram.width;
    for (k, counts) in histogram.counts.iter().enumerate() {
        let bars: Vec<Corners> = (counts.iter().enumerate())
            .filter(|(_, &n)| n > 0)
            .map(|(i, &n)| {
                let centre = histogram.lo + i as f64 * width;
                [
                    (centre - width / 2.0, 0.0),
                    (centre + width / 2.0, f64::from(n).sqrt()),
                ]
            })
            .collect();
        boxes(&mut c, bars, colours[k % 2].mix(0.6).filled())?;
    }
    mesh(&mut c, style, &t, &x, &y)
}

/// A side's line: κ where it is resolved, else how many σ fell below the resolution.
fn side_line(name: &str, s: &Spectrum, unresolved: usize, style: &Style) -> String {
    let labels = style.labels;
    match s.spread() {
        Spread::Measured(kappa) => fill(labels.spectrum_kappa, &[name, &num(style, kappa, 3)]),
        Spread::AtLeast(floor) => fill(
            labels.spectrum_beyond,
            &[
                name,
                &unresolved.to_string(),
                &s.singular.len().to_string(),
                &power_of_ten(RESOLUTION.log10().round() as i32),
                &power_of_ten(floor.log10().round() as i32),
            ],
        ),
        Spread::Zero => labels.spectrum_not_finite.to_string(),
    }
}

/// Why no side has a spectrum.
fn why_none(error: Option<&SpectrumError>, style: &Style) -> String {
    let labels = style.labels;
    match error {
        Some(SpectrumError::TooWide { width, max }) => fill(
            labels.spectrum_too_wide,
            &[&max.to_string(), &width.to_string()],
        ),
        Some(SpectrumError::PointOutOfRange { index, count }) => fill(
            labels.through_point_out,
            &[&index.to_string(), &count.saturating_sub(1).to_string()],
        ),
        Some(SpectrumError::NotFinite) => labels.spectrum_not_finite.to_string(),
        Some(SpectrumError::TooShallow { .. }) | None => labels.spectrum_too_shallow.to_string(),
    }
}

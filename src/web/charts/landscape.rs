//! The loss landscape: the training loss over the plane θ + α·d₁ + β·d₂ through the current
//! weights θ, as a heatmap with contour lines, the current point at the centre.
//!
//! At zero init every gradient is exactly 0, so θ does not move; yet the map is not flat:
//! it curves up in some directions and barely changes in others. θ is a stationary point,
//! not a minimum worth having. From a random init the map falls away from θ downhill, and
//! training follows it. The model (colour scale, contours, lowest point) is
//! [`crate::plot::landscape`]; this module paints it.

use super::canvas::{self, Rect};
use super::style::Style;
use super::theme::{at, chart, local, mesh, num, tick_near_zero, Axis, Chart, FONT, SMALL};
use super::theme::{lines, stroke};
use super::words::{Marker, Swatch, Words};
use super::{begin, fill, Surface};
use crate::landscape::{Landscape, Plane};
use crate::plot::colour::{viridis_fast, wants_light_ink};
use crate::plot::landscape::{LandscapeView, Scale};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use web_sys::HtmlCanvasElement;

/// Height of the colour bar, CSS pixels (the phase diagram's too).
pub(super) const BAR: f64 = 10.0;
/// Bands of the colour bar.
const BAR_BANDS: usize = 64;

/// Draws `grid` (`None` while nothing has been computed yet), with the caption, the legend
/// and the colour bar above a square map.
pub fn draw(
    canvas: &HtmlCanvasElement,
    grid: Option<&Landscape>,
    style: &Style,
) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    let Some(grid) = grid else {
        words.message((0.0, 0.0, w, h), labels.landscape_waiting, t.muted);
        return Ok(());
    };
    let view = LandscapeView::new(grid);
    let top = header(&words, &view, grid.plane, w);
    // A square map, centred: the same scale on both axes.
    let (extra_w, extra_h) = (style.px(66.0), style.px(38.0));
    let bar_h = style.px(BAR + 4.0) + words.line_height(SMALL) + style.px(6.0);
    let side = (w - extra_w).min(h - top - bar_h - extra_h);
    if side < style.px(40.0) {
        return Ok(()); // no room for a map: the caption says what matters
    }
    let left = (0.5 * (w - side - extra_w)).max(0.0).floor();
    let area = words.area((left, (top + bar_h).floor(), side + extra_w, side + extra_h));
    let span = view.span;
    let label = |v: f64| tick_near_zero(style, v, (-span, span));
    let x = Axis::linear((-span, span), 5, &label).titled(labels.alpha_axis);
    let y = Axis::linear((-span, span), 5, &label).titled(labels.beta_axis);
    let mut c = chart(&area, style, &x, &y)?;
    let (x0, y0) = at(&c, -span, span);
    let (x1, y1) = at(&c, span, -span);
    let rect = (x0, y0, x1 - x0, y1 - y0);
    colour_bar(&words, &view, (rect.0, top, rect.2))?;
    if view.finite == 0 {
        mesh(&mut c, style, &t, &x, &y)?;
        words.message(rect, labels.landscape_not_finite, t.alarm);
        return Ok(());
    }
    map(canvas, style, &mut c, &view, grid, rect)?;
    mesh(&mut c, style, &t, &x, &y)?;
    if let Some((a, b, _)) = view.lowest {
        if (a, b) != (0.0, 0.0) {
            words.map_marker(Marker::Cross, at(&c, a, b));
        }
    }
    words.map_marker(Marker::Circle, at(&c, 0.0, 0.0));
    Ok(())
}

/// The legend and the caption; returns where the colour bar may start.
fn header(words: &Words, view: &LandscapeView, plane: Plane, w: f64) -> f64 {
    let (style, labels) = (words.style, words.style.labels);
    let pad = style.px(4.0);
    let legend = [
        (Swatch::Mark(Marker::Circle), labels.landscape_current),
        (Swatch::Mark(Marker::Cross), labels.landscape_lowest),
        (
            Swatch::Line(RGBColor(120, 120, 120)),
            labels.landscape_contour,
        ),
    ];
    let mut top = pad + words.legend(&legend, (pad, pad), w - 2.0 * pad, false);
    let mut pieces = caption(view, style);
    if plane == Plane::Saddle {
        pieces.push(labels.landscape_saddle_plane.to_string());
    }
    let caption = words.wrap(&pieces, w - 2.0 * pad, FONT);
    top += words.lines(&caption, (pad, top), FONT, words.t.fg) + style.px(4.0);
    top
}

/// The heatmap and its contour lines on the map `rect`. The image reaches half a cell past
/// ±span, so that every cell's centre sits on its grid point, and is cut off at `rect`.
fn map(
    canvas: &HtmlCanvasElement,
    style: &Style,
    c: &mut Chart,
    view: &LandscapeView,
    grid: &Landscape,
    rect: Rect,
) -> Result<(), String> {
    let half = 0.5 / (view.n - 1) as f64;
    let (hx, hy) = (rect.2 * half, rect.3 * half);
    let image = (
        rect.0 - hx,
        rect.1 - hy,
        rect.2 + 2.0 * hx,
        rect.3 + 2.0 * hy,
    );
    canvas::image(canvas, &view.image(grid), view.n, image, rect)?;
    for contour in &view.contours {
        let ink = if wants_light_ink(viridis_fast(contour.t)) {
            WHITE.mix(0.7)
        } else {
            BLACK.mix(0.55)
        };
        let segments = (contour.segments.iter())
            .map(|&[a, b]| vec![a, b])
            .collect();
        lines(c, segments, stroke(style, ink, 1.0))?;
    }
    Ok(())
}

/// "loss at θ 0.693 · lowest in view 0.41 at α −0.3, β 0.8 · colour: loss, log scale".
fn caption(view: &LandscapeView, style: &Style) -> Vec<String> {
    let labels = style.labels;
    let mut pieces = vec![fill(
        labels.landscape_centre,
        &[&num(style, view.center_loss, 3)],
    )];
    if view.flat {
        pieces.push(fill(
            labels.landscape_flat,
            &[&num(style, view.center_loss, 3)],
        ));
    } else if let Some((a, b, loss)) = view.lowest {
        if (a, b) == (0.0, 0.0) {
            pieces.push(labels.landscape_lowest_here.to_string());
        } else {
            pieces.push(fill(
                labels.landscape_lowest_at,
                &[&num(style, loss, 3), &num(style, a, 2), &num(style, b, 2)],
            ));
        }
    }
    pieces.push(
        match view.scale {
            Scale::Linear => labels.landscape_colour_linear,
            Scale::Log => labels.landscape_colour_log,
        }
        .to_string(),
    );
    let cells = view.n * view.n;
    if view.filled < cells {
        pieces.push(fill(
            labels.landscape_computing,
            &[&view.filled.to_string(), &cells.to_string()],
        ));
    }
    pieces
}

/// The colour scale as a bar `width` wide from `(x, y)`, its ticks labelled beneath.
fn colour_bar(
    words: &Words,
    view: &LandscapeView,
    (x, y, width): (f64, f64, f64),
) -> Result<(), String> {
    let style = words.style;
    let height = style.px(BAR);
    viridis_bar(words, (x, y, width));
    if view.finite == 0 {
        return Ok(());
    }
    let mut last_right = f64::NEG_INFINITY;
    for tick in &view.ticks {
        let at = x + tick.t * width;
        let mark = (
            at - 0.5 * style.px(1.0),
            y + height,
            style.px(1.0),
            style.px(4.0),
        );
        words.fill(mark, words.t.muted.to_rgba());
        let label = local(style, tick.label.clone());
        let half = 0.5 * words.width(&label, SMALL);
        // Kept inside the bar (max/min, not clamp: a label wider than a narrow bar must
        // not turn into a panic).
        let from = (at - half)
            .min(x + width - 2.0 * half + style.px(8.0))
            .max(x - style.px(8.0));
        if from < last_right + style.px(6.0) {
            continue; // would overlap the previous label
        }
        let top = y + height + style.px(5.0);
        words.text(&label, (from, top), SMALL, words.t.muted, HPos::Left);
        last_right = from + 2.0 * half;
    }
    Ok(())
}

/// The viridis scale from 0 to 1 as a bar `width` wide and [`BAR`] high from `(x, y)`, in
/// [`BAR_BANDS`] bands: the colour bar of every viridis heatmap (this one, the phase diagram).
pub(super) fn viridis_bar(words: &Words, (x, y, width): (f64, f64, f64)) {
    let height = words.style.px(BAR);
    let band = width / BAR_BANDS as f64;
    for k in 0..BAR_BANDS {
        let [r, g, b] = viridis_fast((k as f64 + 0.5) / BAR_BANDS as f64);
        // Each band overlaps the next by a pixel, so no seam shows between them.
        let left = x + k as f64 * band;
        words.fill((left, y, band + 1.0, height), RGBColor(r, g, b).to_rgba());
    }
}

//! The phase diagram of mean-field theory for the current activation: ξ_c over (σ_w, σ_b²)
//! as a heatmap on a log colour scale, the critical line χ₁ = 1 between the ordered and the
//! chaotic phase, the current init as a marker and LeCun, Glorot and He as labelled points.
//! The model (grid, colour scale, line, points) is [`crate::plot::phase`]; this module
//! paints it, and returns where the map is so that a click can be read back.

use super::canvas::{self, Rect};
use super::landscape::{viridis_bar, BAR};
use super::style::Style;
use super::theme::{at, chart, lines, mesh, num, stroke, tick_near_zero, Axis, Chart, FONT, SMALL};
use super::words::{Marker, Swatch, Words};
use super::{begin, fill, Surface};
use crate::mean_field::fixed_point;
use crate::plot::phase::{Current, PhaseGrid, Preset, XiScale};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use web_sys::HtmlCanvasElement;

/// The critical line, cased in white.
const LINE_INK: RGBColor = RGBColor(20, 20, 20);
/// The rules' points: near black, ringed in white (they sit on the map's dark and light ends).
const PRESET_INK: RGBColor = RGBColor(20, 20, 20);

/// What the diagram shows besides the grid: where the network on screen is, and the rules.
pub struct Marks<'a> {
    pub current: Current,
    pub presets: &'a [Preset],
}

/// Draws the diagram; returns the map's rectangle in device pixels (`None` when there was
/// no room for one), which is where a click means a point.
pub fn draw(
    canvas: &HtmlCanvasElement,
    grid: &PhaseGrid,
    marks: &Marks,
    style: &Style,
) -> Result<Option<Rect>, String> {
    let Surface { words, w, h, t, .. } = begin(canvas, style)?;
    let labels = style.labels;
    let scale = XiScale::of(grid);
    let top = header(&words, grid, marks, w);
    let bar_h = style.px(BAR + 4.0) + words.line_height(SMALL) + style.px(6.0);
    let area = words.area((0.0, (top + bar_h).floor(), w, (h - top - bar_h).max(1.0)));
    let (w0, w1) = grid.axes.sigma_w;
    let (b0, b1) = grid.axes.sigma_b2;
    let x_label = |v: f64| tick_near_zero(style, v, (w0, w1));
    let y_label = |v: f64| tick_near_zero(style, v, (b0, b1));
    let x = Axis::linear((w0, w1), 8, &x_label).titled(labels.phase_x_axis);
    let y = Axis::linear((b0, b1), 6, &y_label).titled(labels.phase_y_axis);
    let mut c = chart(&area, style, &x, &y)?;
    let (x0, y0) = at(&c, w0, b1);
    let (x1, y1) = at(&c, w1, b0);
    let rect = (x0, y0, x1 - x0, y1 - y0);
    if rect.2 < style.px(40.0) || rect.3 < style.px(40.0) {
        return Ok(None); // no room for a map: the caption says what matters
    }
    colour_bar(&words, &scale, (rect.0, top, rect.2))?;
    map(canvas, style, &mut c, grid, &scale, rect)?;
    mesh(&mut c, style, &t, &x, &y)?;
    phases(&words, rect);
    presets(&words, &c, marks.presets, (w0, w1));
    if let Some((u, v)) = marks.current.unit(&grid.axes) {
        let (sigma_w, sigma_b2) = grid.axes.from_unit(u, v);
        words.map_marker(Marker::Circle, at(&c, sigma_w, sigma_b2));
    }
    Ok(Some(rect))
}

/// The rules' points on the σ_b = 0 edge, dark discs ringed in white, each named above
/// on a backdrop; the names step up one row each, so that close points keep theirs apart.
fn presets(words: &Words, c: &Chart, presets: &[Preset], (w0, w1): (f64, f64)) {
    let style = words.style;
    let row = words.line_height(SMALL);
    let backdrop = words.t.bg.mix(0.85);
    for (k, preset) in (presets.iter())
        .filter(|p| (w0..=w1).contains(&p.sigma_w))
        .enumerate()
    {
        let point = at(c, preset.sigma_w, 0.0);
        words.marker(Marker::Circle, point, 5.5, WHITE);
        words.marker(Marker::Circle, point, 4.0, PRESET_INK);
        let width = words.width(&preset.name, SMALL);
        let top = point.1 - style.px(12.0) - (k + 1) as f64 * row;
        let left = (point.0 - 0.5 * width).max(c.plotting_area().get_pixel_range().0.start as f64);
        words.fill((left - 2.0, top - 1.0, width + 4.0, row), backdrop);
        words.text(&preset.name, (left, top), SMALL, words.t.fg, HPos::Left);
    }
}

/// The legend and the caption; returns where the colour bar may start.
fn header(words: &Words, grid: &PhaseGrid, marks: &Marks, w: f64) -> f64 {
    let (style, labels) = (words.style, words.style.labels);
    let pad = style.px(4.0);
    let legend = [
        (Swatch::Line(LINE_INK), labels.phase_critical),
        (Swatch::Mark(Marker::Circle), labels.phase_current),
        (Swatch::Dot(PRESET_INK), labels.phase_presets),
    ];
    let mut top = pad + words.legend(&legend, (pad, pad), w - 2.0 * pad, false);
    let mut pieces = vec![
        current_words(grid, marks.current, style),
        labels.phase_colour.to_string(),
    ];
    if !grid.complete() {
        let (filled, all) = (grid.filled * grid.sigma_b2.len(), grid.xi_c.len());
        pieces.push(fill(
            labels.landscape_computing,
            &[&filled.to_string(), &all.to_string()],
        ));
    }
    let caption = words.wrap(&pieces, w - 2.0 * pad, FONT);
    top += words.lines(&caption, (pad, top), FONT, words.t.fg) + style.px(4.0);
    top
}

/// Where the current init is, in words: its σ_w and σ_b and the theory's χ₁ and ξ_c there.
fn current_words(grid: &PhaseGrid, current: Current, style: &Style) -> String {
    let labels = style.labels;
    match current {
        Current::NoHiddenLayer => labels.phase_no_hidden.to_string(),
        Current::NotCentred => labels.phase_not_centred.to_string(),
        Current::At {
            sigma_w,
            sigma_b,
            layer,
        } => {
            let (w, b) = (num(style, sigma_w, 3), num(style, sigma_b, 3));
            if current.unit(&grid.axes).is_none() {
                return fill(labels.phase_outside, &[&w, &b]);
            }
            let point = fixed_point(grid.act, sigma_w, sigma_b, 1.0, 0.5);
            let xi = if point.xi_c.is_finite() {
                num(style, point.xi_c, 2)
            } else {
                "∞".to_string()
            };
            let hidden = (layer + 1).to_string();
            let chi = num(style, point.chi1, 3);
            fill(labels.phase_current_at, &[&hidden, &w, &b, &chi, &xi])
        }
    }
}

/// The heatmap and the critical line on the map `rect`. The image reaches half a cell past
/// the axes' ends, so that every cell's centre sits on its grid point, and is cut at `rect`.
fn map(
    canvas: &HtmlCanvasElement,
    style: &Style,
    c: &mut Chart,
    grid: &PhaseGrid,
    scale: &XiScale,
    rect: Rect,
) -> Result<(), String> {
    let n = grid.sigma_w.len();
    let half = 0.5 / (n - 1) as f64;
    let (hx, hy) = (rect.2 * half, rect.3 * half);
    let image = (
        rect.0 - hx,
        rect.1 - hy,
        rect.2 + 2.0 * hx,
        rect.3 + 2.0 * hy,
    );
    canvas::image(canvas, &grid.image(scale), n, image, rect)?;
    let segments: Vec<Vec<(f64, f64)>> = (grid.critical_line().iter())
        .map(|&[a, b]| vec![a, b])
        .collect();
    // A white casing under a near-black line: it reads over both ends of the colour scale.
    lines(c, segments.clone(), stroke(style, WHITE.mix(0.8), 4.5))?;
    lines(c, segments, stroke(style, LINE_INK, 2.0))
}

/// "ordered" and "chaotic" in the top corners of the map, on a backdrop.
fn phases(words: &Words, rect: Rect) {
    let (style, labels) = (words.style, words.style.labels);
    let pad = style.px(6.0);
    let backdrop = words.t.bg.mix(0.8);
    let row = words.line_height(SMALL);
    let left = words.width(labels.phase_ordered, SMALL);
    let right = words.width(labels.phase_chaotic, SMALL);
    let y = rect.1 + pad;
    words.fill((rect.0 + pad - 2.0, y - 1.0, left + 4.0, row), backdrop);
    words.text(
        labels.phase_ordered,
        (rect.0 + pad, y),
        SMALL,
        words.t.fg,
        HPos::Left,
    );
    let x = rect.0 + rect.2 - pad;
    words.fill((x - right - 2.0, y - 1.0, right + 4.0, row), backdrop);
    words.text(labels.phase_chaotic, (x, y), SMALL, words.t.fg, HPos::Right);
}

/// The colour scale as a bar `width` wide from `(x, y)`, its decades labelled beneath
/// ("10³" at the top stands for 10³ and beyond, up to the critical line's ∞).
fn colour_bar(
    words: &Words,
    scale: &XiScale,
    (x, y, width): (f64, f64, f64),
) -> Result<(), String> {
    let style = words.style;
    let height = style.px(BAR);
    viridis_bar(words, (x, y, width));
    let mut last_right = f64::NEG_INFINITY;
    for (t, label) in scale.ticks() {
        let at = x + t * width;
        let mark = (
            at - 0.5 * style.px(1.0),
            y + height,
            style.px(1.0),
            style.px(4.0),
        );
        words.fill(mark, words.t.muted.to_rgba());
        let half = 0.5 * words.width(&label, SMALL);
        let from = (at - half).min(x + width - 2.0 * half).max(x);
        if from < last_right + style.px(6.0) {
            continue;
        }
        let top = y + height + style.px(5.0);
        words.text(&label, (from, top), SMALL, words.t.muted, HPos::Left);
        last_right = from + 2.0 * half;
    }
    Ok(())
}

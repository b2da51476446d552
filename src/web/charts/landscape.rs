//! The loss landscape: the training loss over the plane θ + α·d₁ + β·d₂ through the current
//! weights θ, as a heatmap with contour lines, the current point at the centre.
//!
//! At zero init every gradient is exactly 0, so θ does not move; yet the map is not flat:
//! it curves up in some directions and barely changes in others. θ is a stationary point,
//! not a minimum worth having. From a random init the map falls away from θ downhill, and
//! training follows it. The model (colour scale, contours, lowest point) is
//! [`crate::plot::landscape`]; this module paints it.

use super::pen::{fill_colour, Marker, Pen, Swatch};
use super::theme::{chart, mesh, num, Axes, Axis, FONT, SMALL};
use super::{fill, old_begin as begin, OldSurface, Style};
use crate::landscape::Landscape;
use crate::plot::colour::{viridis_fast, wants_light_ink};
use crate::plot::landscape::{LandscapeView, Scale};
use plotters::style::RGBColor;
use web_sys::HtmlCanvasElement;

/// Height of the colour bar, CSS pixels.
const BAR: f64 = 10.0;
/// Colour stops of the colour bar's gradient, after the first.
const BAR_STOPS: usize = 16;

/// Draws `grid` (`None` while nothing has been computed yet), with the caption, the legend
/// and the colour bar above a square map.
pub fn draw(
    canvas: &HtmlCanvasElement,
    grid: Option<&Landscape>,
    style: &Style,
) -> Result<(), String> {
    let OldSurface { ink, pen, w, h } = begin(canvas, style)?;
    let (t, labels) = (pen.theme, style.labels);
    let Some(grid) = grid else {
        pen.message((0.0, 0.0, w, h), labels.landscape_waiting, t.muted);
        return Ok(());
    };
    let view = LandscapeView::new(grid);
    let top = header(&pen, &view, w);
    // A square map, centred: the same scale on both axes.
    let (extra_w, extra_h) = (style.px(66.0), style.px(38.0));
    let bar_h = style.px(BAR + 4.0) + pen.line_height(SMALL) + style.px(6.0);
    let side = (w - extra_w).min(h - top - bar_h - extra_h);
    if side < style.px(40.0) {
        return Ok(()); // no room for a map: the caption says what matters
    }
    let left = (0.5 * (w - side - extra_w)).max(0.0);
    let area = ink.area(
        (left as i32, (top + bar_h) as i32),
        ((side + extra_w) as u32, (side + extra_h) as u32),
    );
    let span = view.span;
    let axes = Axes {
        x_desc: labels.alpha_axis,
        y_desc: labels.beta_axis,
        x_ticks: 5,
        y_ticks: 5,
    };
    let mut c = chart(
        &ink,
        area,
        style,
        Axis::linear((-span, span)),
        Axis::linear((-span, span)),
        &axes,
    )?;
    let (x0, y0) = c.backend_coord(&(-span, span));
    let (x1, y1) = c.backend_coord(&(span, -span));
    let rect = (
        f64::from(x0),
        f64::from(y0),
        f64::from(x1 - x0),
        f64::from(y1 - y0),
    );
    colour_bar(&pen, &view, (rect.0, top, rect.2));
    if view.finite == 0 {
        mesh(&mut c, style, &t, &axes)?;
        pen.message(rect, labels.landscape_not_finite, t.alarm);
        return Ok(());
    }
    map(&pen, &view, grid, rect)?;
    mesh(&mut c, style, &t, &axes)?;
    let to_px = to_px(span, rect);
    if let Some((a, b, _)) = view.lowest {
        if (a, b) != (0.0, 0.0) {
            pen.map_marker(Marker::Cross, to_px((a, b)));
        }
    }
    pen.map_marker(Marker::Circle, to_px((0.0, 0.0)));
    Ok(())
}

/// The legend and the caption; returns where the colour bar may start.
fn header(pen: &Pen, view: &LandscapeView, w: f64) -> f64 {
    let (style, labels) = (pen.style, pen.style.labels);
    let pad = style.px(4.0);
    let legend = [
        (Swatch::Mark(Marker::Circle), labels.landscape_current),
        (Swatch::Mark(Marker::Cross), labels.landscape_lowest),
        (
            Swatch::Line(RGBColor(120, 120, 120)),
            labels.landscape_contour,
        ),
    ];
    let mut top = pad + pen.legend(&legend, (pad, pad), w - 2.0 * pad, false);
    let caption = pen.wrap(&caption(view, style), w - 2.0 * pad, FONT);
    top += pen.lines(&caption, (pad, top), FONT, pen.theme.fg) + style.px(4.0);
    top
}

/// From (α, β) to device pixels on the map `rect`, which spans ±`span` both ways.
fn to_px(span: f64, rect: (f64, f64, f64, f64)) -> impl Fn((f64, f64)) -> (f64, f64) {
    move |(a, b)| {
        (
            rect.0 + (a + span) / (2.0 * span) * rect.2,
            rect.1 + (span - b) / (2.0 * span) * rect.3,
        )
    }
}

/// The heatmap and its contour lines, clipped to the map `rect`. The image reaches half a
/// cell past ±span, so that every cell's centre sits on its grid point.
fn map(
    pen: &Pen,
    view: &LandscapeView,
    grid: &Landscape,
    rect: (f64, f64, f64, f64),
) -> Result<(), String> {
    pen.ctx.save();
    pen.ctx.begin_path();
    pen.ctx.rect(rect.0, rect.1, rect.2, rect.3);
    pen.ctx.clip();
    let half = 0.5 / (view.n - 1) as f64;
    let (hx, hy) = (rect.2 * half, rect.3 * half);
    let drawn = super::bitmap::paint(
        &pen.ctx,
        &view.image(grid),
        view.n,
        (
            rect.0 - hx,
            rect.1 - hy,
            rect.2 + 2.0 * hx,
            rect.3 + 2.0 * hy,
        ),
    );
    let to_px = to_px(view.span, rect);
    for contour in &view.contours {
        let ink = if wants_light_ink(viridis_fast(contour.t)) {
            RGBColor(255, 255, 255).mix_css(0.7)
        } else {
            RGBColor(0, 0, 0).mix_css(0.55)
        };
        pen.ctx.set_stroke_style_str(&ink);
        pen.ctx.set_line_width(pen.style.px(1.0));
        pen.ctx.begin_path();
        for &[a, b] in &contour.segments {
            let (p, q) = (to_px(a), to_px(b));
            pen.ctx.move_to(p.0, p.1);
            pen.ctx.line_to(q.0, q.1);
        }
        pen.ctx.stroke();
    }
    pen.ctx.restore();
    drawn
}

/// "loss at θ 0.693 · lowest in view 0.41 at α −0.3, β 0.8 · colour: loss, log scale".
fn caption(view: &LandscapeView, style: &Style) -> Vec<String> {
    let labels = style.labels;
    let mut pieces = vec![fill(labels.landscape_centre, &[&num(view.center_loss, 3)])];
    if view.flat {
        pieces.push(fill(labels.landscape_flat, &[&num(view.center_loss, 3)]));
    } else if let Some((a, b, loss)) = view.lowest {
        if (a, b) == (0.0, 0.0) {
            pieces.push(labels.landscape_lowest_here.to_string());
        } else {
            pieces.push(fill(
                labels.landscape_lowest_at,
                &[&num(loss, 3), &num(a, 2), &num(b, 2)],
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
fn colour_bar(pen: &Pen, view: &LandscapeView, (x, y, width): (f64, f64, f64)) {
    let (style, ctx) = (pen.style, &pen.ctx);
    let height = style.px(BAR);
    // One fill with a gradient through BAR_STOPS + 1 colours of the scale.
    let gradient = ctx.create_linear_gradient(x, y, x + width, y);
    for k in 0..=BAR_STOPS {
        let t = k as f64 / BAR_STOPS as f64;
        let [r, g, b] = viridis_fast(t);
        let _ = gradient.add_color_stop(t as f32, &format!("rgb({r},{g},{b})"));
    }
    ctx.set_fill_style_canvas_gradient(&gradient);
    ctx.fill_rect(x, y, width, height);
    if view.finite == 0 {
        return;
    }
    fill_colour(ctx, pen.theme.muted);
    let mut last_right = f64::NEG_INFINITY;
    for tick in &view.ticks {
        let at = x + tick.t * width;
        ctx.fill_rect(
            at - 0.5 * style.px(1.0),
            y + height,
            style.px(1.0),
            style.px(4.0),
        );
        let label = super::theme::local(tick.label.clone());
        let half = 0.5 * pen.width(&label, SMALL);
        // Kept inside the bar (max/min, not clamp: a label wider than a narrow bar must
        // not turn into a panic).
        let from = (at - half)
            .min(x + width - 2.0 * half + style.px(8.0))
            .max(x - style.px(8.0));
        if from < last_right + style.px(6.0) {
            continue; // would overlap the previous label
        }
        pen.text(
            &label,
            (from, y + height + style.px(5.0)),
            SMALL,
            pen.theme.muted,
            false,
        );
        last_right = from + 2.0 * half;
    }
}

/// A colour with an alpha, as CSS text.
trait MixCss {
    fn mix_css(self, alpha: f64) -> String;
}

impl MixCss for RGBColor {
    fn mix_css(self, alpha: f64) -> String {
        let RGBColor(r, g, b) = self;
        format!("rgba({r},{g},{b},{alpha})")
    }
}

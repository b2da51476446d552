//! Captions, legends and messages, drawn on the 2D context directly.
//!
//! The context measures text cheaply (plotters' own measuring adds a DOM element per
//! call and forces a layout), so captions and legends can wrap to the space they have
//! in whatever language the labels are in.

use super::theme::{css, Theme, FAMILY, FONT};
use super::Style;
use crate::plot::wrap;
use plotters::style::{Color, RGBAColor, RGBColor};
use std::f64::consts::TAU;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Sets the colour the next fills of `ctx` use.
pub(crate) fn fill_colour<C: Color>(ctx: &CanvasRenderingContext2d, color: C) {
    set_fill(ctx, color.to_rgba());
}

/// Sets the colour and the width (device pixels) the next strokes of `ctx` use.
pub(crate) fn stroke_colour<C: Color>(ctx: &CanvasRenderingContext2d, color: C, width: f64) {
    set_stroke(ctx, color.to_rgba(), width);
}

// One copy each of the colour's text and the calls, not one per colour change (issue #10).
#[inline(never)]
fn set_fill(ctx: &CanvasRenderingContext2d, color: RGBAColor) {
    ctx.set_fill_style_str(&css(color));
}

#[inline(never)]
fn set_stroke(ctx: &CanvasRenderingContext2d, color: RGBAColor, width: f64) {
    ctx.set_stroke_style_str(&css(color));
    ctx.set_line_width(width);
}

/// The sample drawn before a legend entry.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    Line(RGBColor),
    Dashed(RGBColor),
    Bar(RGBAColor),
    /// A filled and a hollow circle: training and test points.
    Dot(RGBColor),
    Ring(RGBColor),
    /// A line (dashed by `dash`, CSS pixels; solid if empty) through a marker.
    Series {
        color: RGBColor,
        dash: &'static [f64],
        marker: Marker,
    },
    /// A map marker: `Marker` drawn white with a dark outline, readable on any colour.
    Mark(Marker),
}

/// A point marker, `r` CSS pixels from its centre to its edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    None,
    Circle,
    HollowCircle,
    Triangle,
    HollowTriangle,
    Cross,
}

/// Writes on one canvas, lengths in device pixels, font sizes in CSS pixels.
pub(crate) struct Pen<'s> {
    pub ctx: CanvasRenderingContext2d,
    pub style: &'s Style,
    pub theme: Theme,
}

impl<'s> Pen<'s> {
    pub fn new(canvas: &HtmlCanvasElement, style: &'s Style) -> Result<Pen<'s>, String> {
        Ok(Pen {
            ctx: super::context(canvas)?,
            style,
            theme: Theme::of(style)?,
        })
    }

    /// The height of one line of text of `size` CSS pixels, in device pixels.
    pub fn line_height(&self, size: f64) -> f64 {
        self.style.px(size * self.style.leading())
    }

    fn set_font(&self, size: f64) {
        self.ctx
            .set_font(&format!("normal {}px {FAMILY}", self.style.px(size)));
    }

    /// Width of `text` in device pixels (estimated if the context cannot measure).
    pub fn width(&self, text: &str, size: f64) -> f64 {
        self.set_font(size);
        match self.ctx.measure_text(text) {
            Ok(m) => m.width(),
            Err(_) => wrap::estimate_em(text, 0.6) * self.style.px(size),
        }
    }

    /// One line of text with its top-left (or top-right, if `right`) corner at `(x, y)`.
    pub fn text(&self, text: &str, (x, y): (f64, f64), size: f64, color: RGBColor, right: bool) {
        self.set_font(size);
        fill_colour(&self.ctx, color);
        self.ctx
            .set_text_align(if right { "right" } else { "left" });
        self.ctx.set_text_baseline("top");
        // A failed fill_text only loses a label: nothing to report.
        let _ = self.ctx.fill_text(text, x, y);
    }

    /// Joins `pieces` with " · " into as few lines as fit in `max_width`; a piece too long
    /// for one line breaks between words (between characters in Chinese).
    pub fn wrap(&self, pieces: &[String], max_width: f64, size: f64) -> Vec<String> {
        wrap::wrap_pieces(pieces, " · ", max_width, |t| self.width(t, size))
    }

    /// Writes `lines` downwards from `(x, y)`; returns the height used.
    pub fn lines(&self, lines: &[String], (x, y): (f64, f64), size: f64, color: RGBColor) -> f64 {
        for (k, line) in lines.iter().enumerate() {
            let top = y + k as f64 * self.line_height(size);
            self.text(line, (x, top), size, color, false);
        }
        lines.len() as f64 * self.line_height(size)
    }

    /// A message centred in the rectangle `(x, y, w, h)`, wrapped between words (or Chinese characters): what a
    /// chart shows instead of data it cannot draw.
    pub fn message(&self, (x, y, w, h): (f64, f64, f64, f64), text: &str, color: RGBColor) {
        let size = FONT + 1.0;
        let lines = wrap::wrap(text, w * 0.9, |t| self.width(t, size));
        let top = y + 0.5 * (h - lines.len() as f64 * self.line_height(size));
        // A backdrop, so the message reads over whatever is drawn beneath it.
        let wide = lines
            .iter()
            .map(|l| self.width(l, size))
            .fold(0.0, f64::max);
        let (m, tall) = (
            self.style.px(6.0),
            lines.len() as f64 * self.line_height(size),
        );
        fill_colour(&self.ctx, self.theme.bg.mix(0.85));
        self.ctx.fill_rect(
            x + 0.5 * (w - wide) - m,
            top - m,
            wide + 2.0 * m,
            tall + 2.0 * m,
        );
        self.set_font(size);
        fill_colour(&self.ctx, color);
        self.ctx.set_text_align("center");
        self.ctx.set_text_baseline("top");
        for (k, line) in lines.iter().enumerate() {
            let _ = self
                .ctx
                .fill_text(line, x + 0.5 * w, top + k as f64 * self.line_height(size));
        }
    }

    /// Width of one legend entry: swatch, gap, text, gap to the next entry.
    fn entry_width(&self, label: &str) -> f64 {
        self.style.px(30.0) + self.width(label, FONT)
    }

    /// Legend entries flowed left to right from `(x, y)`, wrapping at `max_width`
    /// (or one per line, right-aligned at `x`, if `right`). Returns the height used.
    pub fn legend(
        &self,
        items: &[(Swatch, &str)],
        (x, y): (f64, f64),
        max_width: f64,
        right: bool,
    ) -> f64 {
        let row = self.line_height(FONT);
        if right {
            // A backdrop, so the entries stay readable over a line that runs under them.
            let wide = items
                .iter()
                .map(|(_, l)| self.entry_width(l))
                .fold(0.0, f64::max);
            let (m, tall) = (self.style.px(3.0), items.len() as f64 * row);
            fill_colour(&self.ctx, self.theme.bg.mix(0.85));
            self.ctx
                .fill_rect(x - wide - m, y - m, wide + 2.0 * m, tall + 2.0 * m);
        }
        let (mut cx, mut cy) = (0.0, 0.0);
        for (swatch, label) in items {
            let w = self.entry_width(label);
            if right {
                let left = x - w + self.style.px(8.0);
                self.swatch(*swatch, (left, y + cy + 0.5 * row));
                self.text(
                    label,
                    (x, y + cy + self.style.px(1.0)),
                    FONT,
                    self.theme.fg,
                    true,
                );
                cy += row;
                continue;
            }
            if cx > 0.0 && cx + w > max_width {
                cx = 0.0;
                cy += row;
            }
            self.swatch(*swatch, (x + cx, y + cy + 0.5 * row));
            self.text(
                label,
                (x + cx + self.style.px(22.0), y + cy + self.style.px(1.0)),
                FONT,
                self.theme.fg,
                false,
            );
            cx += w;
        }
        if items.is_empty() {
            0.0
        } else {
            cy + row
        }
    }

    /// An 18-pixel sample starting at `x`, centred vertically on `y`.
    fn swatch(&self, swatch: Swatch, (x, y): (f64, f64)) {
        let px = |v: f64| self.style.px(v);
        let ctx = &self.ctx;
        let line = |color: RGBColor, dash: bool| {
            stroke_colour(ctx, color, px(2.0));
            if dash {
                let pattern = js_sys::Array::of2(&px(4.0).into(), &px(3.0).into());
                let _ = ctx.set_line_dash(&pattern);
            }
            ctx.begin_path();
            ctx.move_to(x, y);
            ctx.line_to(x + px(18.0), y);
            ctx.stroke();
            let _ = ctx.set_line_dash(&js_sys::Array::new());
        };
        match swatch {
            Swatch::Line(c) => line(c, false),
            Swatch::Dashed(c) => line(c, true),
            Swatch::Bar(c) => {
                fill_colour(ctx, c);
                ctx.fill_rect(x, y - px(5.0), px(18.0), px(10.0));
            }
            Swatch::Series {
                color,
                dash,
                marker,
            } => {
                self.polyline(&[(x, y), (x + px(18.0), y)], color, 2.0, dash);
                self.marker(marker, (x + px(9.0), y), 4.0, color);
            }
            Swatch::Mark(marker) => self.map_marker(marker, (x + px(9.0), y)),
            Swatch::Dot(c) | Swatch::Ring(c) => {
                ctx.begin_path();
                let _ = ctx.arc(x + px(9.0), y, px(4.0), 0.0, TAU);
                if let Swatch::Dot(_) = swatch {
                    fill_colour(ctx, c);
                    ctx.fill();
                } else {
                    stroke_colour(ctx, c, px(1.5));
                    ctx.stroke();
                }
            }
        }
    }

    /// A line through `points` (device pixels), `width` CSS pixels wide, dashed by `dash`
    /// (CSS pixels; solid if empty).
    pub fn polyline(&self, points: &[(f64, f64)], color: RGBColor, width: f64, dash: &[f64]) {
        let ctx = &self.ctx;
        let Some(&(x0, y0)) = points.first() else {
            return;
        };
        stroke_colour(ctx, color, self.style.px(width));
        let pattern: js_sys::Array = dash
            .iter()
            .map(|&d| self.style.px(d))
            .map(JsValue::from)
            .collect();
        let _ = ctx.set_line_dash(&pattern);
        ctx.begin_path();
        ctx.move_to(x0, y0);
        for &(x, y) in &points[1..] {
            ctx.line_to(x, y);
        }
        ctx.stroke();
        let _ = ctx.set_line_dash(&js_sys::Array::new());
    }

    /// `marker` centred on `(x, y)`, `r` CSS pixels in radius, in `color`.
    pub fn marker(&self, marker: Marker, (x, y): (f64, f64), r: f64, color: RGBColor) {
        let ctx = &self.ctx;
        let r = self.style.px(r);
        ctx.begin_path();
        match marker {
            Marker::None => return,
            Marker::Circle | Marker::HollowCircle => {
                let _ = ctx.arc(x, y, r, 0.0, TAU);
            }
            Marker::Triangle | Marker::HollowTriangle => {
                ctx.move_to(x, y - 1.2 * r);
                ctx.line_to(x + 1.1 * r, y + 0.8 * r);
                ctx.line_to(x - 1.1 * r, y + 0.8 * r);
                ctx.close_path();
            }
            Marker::Cross => {
                ctx.move_to(x - r, y - r);
                ctx.line_to(x + r, y + r);
                ctx.move_to(x + r, y - r);
                ctx.line_to(x - r, y + r);
            }
        }
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        if matches!(marker, Marker::Circle | Marker::Triangle) {
            fill_colour(ctx, color);
            ctx.fill();
        } else {
            // Hollow: the background inside, so the line under it does not run through.
            if marker != Marker::Cross {
                fill_colour(ctx, self.theme.bg);
                ctx.fill();
            }
            stroke_colour(ctx, color, self.style.px(1.5));
            ctx.stroke();
        }
    }

    /// A marker for a map (the landscape): white with a near-black outline, so that it
    /// reads over the dark and the light end of the colour scale alike.
    pub fn map_marker(&self, marker: Marker, at: (f64, f64)) {
        let (ink, paper) = (RGBColor(20, 20, 20), RGBColor(255, 255, 255));
        match marker {
            Marker::Cross => {
                self.ctx.set_line_cap("round");
                self.cross(at, 5.0, ink, 4.0);
                self.cross(at, 5.0, paper, 1.8);
                self.ctx.set_line_cap("butt");
            }
            _ => {
                self.marker(Marker::Circle, at, 6.0, ink);
                self.marker(Marker::Circle, at, 4.0, paper);
                self.marker(Marker::Circle, at, 1.5, ink);
            }
        }
    }

    /// A cross of half-width `r` CSS pixels stroked `width` CSS pixels wide.
    fn cross(&self, (x, y): (f64, f64), r: f64, color: RGBColor, width: f64) {
        let r = self.style.px(r);
        self.polyline(&[(x - r, y - r), (x + r, y + r)], color, width, &[]);
        self.polyline(&[(x + r, y - r), (x - r, y + r)], color, width, &[]);
    }
}

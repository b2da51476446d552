//! Captions, legends and messages, drawn on the 2D context directly.
//!
//! The context measures text cheaply (plotters' own measuring adds a DOM element per
//! call and forces a layout), so captions and legends can wrap to the space they have
//! in whatever language the labels are in.

use super::theme::{css, Theme, FAMILY, FONT};
use super::Style;
use plotters::style::{Color, RGBAColor, RGBColor};
use std::f64::consts::TAU;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Line height as a multiple of the font size.
const LEADING: f64 = 1.35;

/// The sample drawn before a legend entry.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    Line(RGBColor),
    Dashed(RGBColor),
    Bar(RGBAColor),
    /// A filled and a hollow circle: training and test points.
    Dot(RGBColor),
    Ring(RGBColor),
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
            theme: Theme::of(style),
        })
    }

    /// The height of one line of text of `size` CSS pixels, in device pixels.
    pub fn line_height(&self, size: f64) -> f64 {
        self.style.px(size * LEADING)
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
            Err(_) => text.chars().count() as f64 * self.style.px(size) * 0.6,
        }
    }

    /// One line of text with its top-left (or top-right, if `right`) corner at `(x, y)`.
    pub fn text(&self, text: &str, (x, y): (f64, f64), size: f64, color: RGBColor, right: bool) {
        self.set_font(size);
        self.ctx.set_fill_style_str(&css(color));
        self.ctx
            .set_text_align(if right { "right" } else { "left" });
        self.ctx.set_text_baseline("top");
        // A failed fill_text only loses a label: nothing to report.
        let _ = self.ctx.fill_text(text, x, y);
    }

    /// Joins `pieces` with " · " into as few lines as fit in `max_width`.
    pub fn wrap(&self, pieces: &[String], max_width: f64, size: f64) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for piece in pieces {
            match lines.last_mut() {
                Some(line) if self.width(&format!("{line} · {piece}"), size) <= max_width => {
                    line.push_str(" · ");
                    line.push_str(piece);
                }
                _ => lines.push(piece.clone()),
            }
        }
        lines
    }

    /// Writes `lines` downwards from `(x, y)`; returns the height used.
    pub fn lines(&self, lines: &[String], (x, y): (f64, f64), size: f64, color: RGBColor) -> f64 {
        for (k, line) in lines.iter().enumerate() {
            let top = y + k as f64 * self.line_height(size);
            self.text(line, (x, top), size, color, false);
        }
        lines.len() as f64 * self.line_height(size)
    }

    /// A message centred in the rectangle `(x, y, w, h)`, wrapped at spaces: what a
    /// chart shows instead of data it cannot draw.
    pub fn message(&self, (x, y, w, h): (f64, f64, f64, f64), text: &str, color: RGBColor) {
        let size = FONT + 1.0;
        let mut lines: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            match lines.last_mut() {
                Some(line) if self.width(&format!("{line} {word}"), size) <= w * 0.9 => {
                    line.push(' ');
                    line.push_str(word);
                }
                _ => lines.push(word.to_string()),
            }
        }
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
        self.ctx.set_fill_style_str(&css(self.theme.bg.mix(0.85)));
        self.ctx.fill_rect(
            x + 0.5 * (w - wide) - m,
            top - m,
            wide + 2.0 * m,
            tall + 2.0 * m,
        );
        self.set_font(size);
        self.ctx.set_fill_style_str(&css(color));
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
            self.ctx.set_fill_style_str(&css(self.theme.bg.mix(0.85)));
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
            ctx.set_stroke_style_str(&css(color));
            ctx.set_line_width(px(2.0));
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
                ctx.set_fill_style_str(&css(c));
                ctx.fill_rect(x, y - px(5.0), px(18.0), px(10.0));
            }
            Swatch::Dot(c) | Swatch::Ring(c) => {
                ctx.begin_path();
                let _ = ctx.arc(x + px(9.0), y, px(4.0), 0.0, TAU);
                if let Swatch::Dot(_) = swatch {
                    ctx.set_fill_style_str(&css(c));
                    ctx.fill();
                } else {
                    ctx.set_stroke_style_str(&css(c));
                    ctx.set_line_width(px(1.5));
                    ctx.stroke();
                }
            }
        }
    }
}

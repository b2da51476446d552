//! The words on a chart: captions, legends and messages, drawn with plotters' text and
//! shapes, and wrapped to the room they have with widths measured by [`Measure`].
//!
//! plotters' own legend (`configure_series_labels`) is one box of one entry per line; the
//! page's legends flow left to right and wrap, in any of its languages, so they are laid
//! out here.

use super::canvas::{Measure, Rect};
use super::style::{Root, Style};
use super::theme::{font, stroke, Theme, FONT};
use crate::plot::wrap;
use plotters::element::{Circle, DashedPathElement, PathElement, Polygon, Rectangle};
use plotters::prelude::{Color, RGBAColor, RGBColor, WHITE};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

/// The sample drawn before a legend entry.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    Line(RGBColor),
    Dashed(RGBColor),
    Bar(RGBAColor),
    /// A filled and a hollow circle: training and test points.
    Dot(RGBColor),
    Ring(RGBColor),
    /// A line (dashed by `dash`, CSS pixels: dash and gap; solid if 0) through a marker.
    Series {
        color: RGBColor,
        dash: (f64, f64),
        marker: Marker,
    },
    /// A map marker: `Marker` drawn white with a dark outline, readable on any colour.
    Mark(Marker),
}

/// A point marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    None,
    Circle,
    HollowCircle,
    Triangle,
    HollowTriangle,
    Cross,
}

/// Writes on one canvas; lengths in device pixels, font sizes in CSS pixels.
pub(crate) struct Words<'s> {
    pub root: Root,
    measure: Measure,
    pub style: &'s Style,
    pub t: Theme,
}

/// Rounds a device-pixel position for plotters.
fn px((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

impl<'s> Words<'s> {
    pub fn new(
        canvas: &HtmlCanvasElement,
        root: Root,
        style: &'s Style,
        t: Theme,
    ) -> Result<Words<'s>, String> {
        Ok(Words {
            root,
            measure: Measure::new(canvas, t.font)?,
            style,
            t,
        })
    }

    /// The part `(x, y, w, h)` of the canvas (device pixels) as a drawing area of its own.
    pub fn area(&self, (x, y, w, h): Rect) -> Root {
        let corner = (x.round() as i32, y.round() as i32);
        let size = (w.round().max(0.0) as u32, h.round().max(0.0) as u32);
        self.root.clone().shrink(corner, size)
    }

    /// The height of one line of text of `size` CSS pixels, in device pixels.
    pub fn line_height(&self, size: f64) -> f64 {
        self.style.px(size * self.style.leading())
    }

    /// Width of `text` in device pixels.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        self.measure.width(text, self.style.px(size))
    }

    /// One line of text hanging from `at`: its left end there, its centre or its right end.
    pub fn text(&self, text: &str, at: (f64, f64), size: f64, color: RGBColor, h: HPos) {
        let style = font(self.style, &self.t, size, color).pos(Pos::new(h, VPos::Top));
        // A failed text only loses a label: nothing to report.
        let _ = self.root.draw_text(text, &style, px(at));
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
            self.text(line, (x, top), size, color, HPos::Left);
        }
        lines.len() as f64 * self.line_height(size)
    }

    /// A rectangle of device pixels filled with `color`.
    pub fn fill(&self, (x, y, w, h): Rect, color: RGBAColor) {
        let corners = [px((x, y)), px((x + w, y + h))];
        let _ = self.root.draw(&Rectangle::new(corners, color.filled()));
    }

    /// A message centred in `rect`, wrapped between words (or Chinese characters), over a
    /// backdrop: what a chart shows instead of data it cannot draw.
    pub fn message(&self, (x, y, w, h): Rect, text: &str, color: RGBColor) {
        let size = FONT + 1.0;
        let lines = wrap::wrap(text, w * 0.9, |t| self.width(t, size));
        let tall = lines.len() as f64 * self.line_height(size);
        let top = y + 0.5 * (h - tall);
        let wide = lines
            .iter()
            .map(|l| self.width(l, size))
            .fold(0.0, f64::max);
        let m = self.style.px(6.0);
        let backdrop = (
            x + 0.5 * (w - wide) - m,
            top - m,
            wide + 2.0 * m,
            tall + 2.0 * m,
        );
        self.fill(backdrop, self.t.bg.mix(0.85));
        for (k, line) in lines.iter().enumerate() {
            let at = (x + 0.5 * w, top + k as f64 * self.line_height(size));
            self.text(line, at, size, color, HPos::Center);
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
            self.fill(
                (x - wide - m, y - m, wide + 2.0 * m, tall + 2.0 * m),
                self.t.bg.mix(0.85),
            );
        }
        let (mut cx, mut cy) = (0.0, 0.0);
        for (swatch, label) in items {
            let w = self.entry_width(label);
            let text_top = y + cy + self.style.px(1.0);
            if right {
                self.swatch(*swatch, (x - w + self.style.px(8.0), y + cy + 0.5 * row));
                self.text(label, (x, text_top), FONT, self.t.fg, HPos::Right);
                cy += row;
                continue;
            }
            if cx > 0.0 && cx + w > max_width {
                cx = 0.0;
                cy += row;
            }
            self.swatch(*swatch, (x + cx, y + cy + 0.5 * row));
            let text_left = x + cx + self.style.px(22.0);
            self.text(
                label,
                (text_left, y + cy + self.style.px(1.0)),
                FONT,
                self.t.fg,
                HPos::Left,
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
        let s = self.style;
        let end = (x + s.px(18.0), y);
        match swatch {
            Swatch::Line(c) => self.polyline(&[(x, y), end], c, 2.0, (0.0, 0.0)),
            Swatch::Dashed(c) => self.polyline(&[(x, y), end], c, 2.0, (4.0, 3.0)),
            Swatch::Bar(c) => self.fill((x, y - s.px(5.0), s.px(18.0), s.px(10.0)), c),
            Swatch::Series {
                color,
                dash,
                marker,
            } => {
                self.polyline(&[(x, y), end], color, 2.0, dash);
                self.marker(marker, (x + s.px(9.0), y), 4.0, color);
            }
            Swatch::Mark(marker) => self.map_marker(marker, (x + s.px(9.0), y)),
            Swatch::Dot(c) => self.marker(Marker::Circle, (x + s.px(9.0), y), 4.0, c),
            Swatch::Ring(c) => {
                let ring = Circle::new(px((x + s.px(9.0), y)), s.ipx(4.0), stroke(s, c, 1.5));
                let _ = self.root.draw(&ring);
            }
        }
    }

    /// A line through `points` (device pixels), `width` CSS pixels wide, dashed by `dash`
    /// (CSS pixels: dash and gap; solid if the dash is 0).
    pub fn polyline(&self, points: &[(f64, f64)], color: RGBColor, width: f64, dash: (f64, f64)) {
        let s = self.style;
        let points: Vec<(i32, i32)> = points.iter().map(|&p| px(p)).collect();
        let ink = stroke(s, color, width);
        let _ = if dash.0 > 0.0 {
            let element = DashedPathElement::new(points, s.ipx(dash.0), s.ipx(dash.1), ink);
            self.root.draw(&element)
        } else {
            self.root.draw(&PathElement::new(points, ink))
        };
    }

    /// `marker` centred on `at`, `r` CSS pixels in radius, in `color`.
    pub fn marker(&self, marker: Marker, at: (f64, f64), r: f64, color: RGBColor) {
        let (s, (x, y)) = (self.style, at);
        let r = s.px(r);
        let triangle = || {
            vec![
                px((x, y - 1.2 * r)),
                px((x + 1.1 * r, y + 0.8 * r)),
                px((x - 1.1 * r, y + 0.8 * r)),
            ]
        };
        let ring = stroke(s, color, 1.5);
        let _ = match marker {
            Marker::None => Ok(()),
            Marker::Circle => {
                self.root
                    .draw(&Circle::new(px(at), r.round() as i32, color.filled()))
            }
            Marker::HollowCircle => {
                let centre = px(at);
                let _ = self
                    .root
                    .draw(&Circle::new(centre, r.round() as i32, self.t.bg.filled()));
                self.root.draw(&Circle::new(centre, r.round() as i32, ring))
            }
            Marker::Triangle => self.root.draw(&Polygon::new(triangle(), color.filled())),
            Marker::HollowTriangle => {
                let _ = self
                    .root
                    .draw(&Polygon::new(triangle(), self.t.bg.filled()));
                let mut outline = triangle();
                outline.push(outline[0]);
                self.root.draw(&PathElement::new(outline, ring))
            }
            Marker::Cross => {
                self.cross(at, r / s.dpr, color, 1.5);
                Ok(())
            }
        };
    }

    /// A marker for a map (the landscape): white with a near-black outline, so that it
    /// reads over the dark and the light end of the colour scale alike.
    pub fn map_marker(&self, marker: Marker, at: (f64, f64)) {
        let ink = RGBColor(20, 20, 20);
        if marker == Marker::Cross {
            self.cross(at, 5.0, ink, 4.0);
            self.cross(at, 5.0, WHITE, 1.8);
        } else {
            self.marker(Marker::Circle, at, 6.0, ink);
            self.marker(Marker::Circle, at, 4.0, WHITE);
            self.marker(Marker::Circle, at, 1.5, ink);
        }
    }

    /// A cross of half-width `r` CSS pixels stroked `width` CSS pixels wide.
    fn cross(&self, (x, y): (f64, f64), r: f64, color: RGBColor, width: f64) {
        let r = self.style.px(r);
        self.polyline(&[(x - r, y - r), (x + r, y + r)], color, width, (0.0, 0.0));
        self.polyline(&[(x + r, y - r), (x - r, y + r)], color, width, (0.0, 0.0));
    }
}

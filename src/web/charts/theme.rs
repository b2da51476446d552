//! How every chart looks: colours, fonts, line widths, axes and number formats.
//!
//! Colours come from the Okabe–Ito palette, which stays distinguishable under the
//! common colour-vision deficiencies; the two classes (and train/test) are blue and
//! vermillion/orange, never red and green.

pub(crate) use super::axis::Axis;
use super::ink::{Area, Ink, Px};
use super::Style;
use plotters::prelude::{
    Color, FontFamily, FontTransform, IntoFont, RGBAColor, RGBColor, ShapeStyle, TextStyle,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::ops::Range;

/// The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008).
pub(crate) mod okabe_ito {
    use plotters::style::RGBColor;
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    pub const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
    pub const BLUISH_GREEN: RGBColor = RGBColor(0, 158, 115);
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    pub const REDDISH_PURPLE: RGBColor = RGBColor(204, 121, 167);
}
use okabe_ito::*;

/// The page's font stack (the same as www/style.css), so charts match the text around them.
pub(crate) const FAMILY: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', \
     'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', \
     'Nirmala UI', 'Noto Sans Devanagari', 'Lohit Devanagari', sans-serif";

/// Font sizes in CSS pixels.
pub(crate) const FONT: f64 = 12.0;
pub(crate) const SMALL: f64 = 11.0;

/// The colours of one chart, for a light or a dark page.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Theme {
    pub bg: RGBColor,
    pub fg: RGBColor,
    /// Axis labels and secondary text.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBAColor,
    /// Histogram bars (z and weights).
    pub bars: RGBAColor,
    /// Saturated regions, and the density a layer's weights were drawn from.
    pub alarm: RGBColor,
    /// The divergence marker and truncation cuts.
    pub marker: RGBColor,
    /// Class 0 and class 1 (also train and test loss).
    pub class: [RGBColor; 2],
}

impl Theme {
    pub fn of(style: &Style) -> Result<Theme, String> {
        let n = super::look::Theme::of(style)?;
        Ok(Theme {
            bg: n.bg,
            fg: n.fg,
            muted: n.muted,
            grid: n.grid,
            bars: n.bars,
            alarm: n.alarm,
            marker: n.marker,
            class: n.class,
        })
    }

    /// The second series colour where two lines share a chart (test loss).
    pub fn second(&self) -> RGBColor {
        if self.class[1] == ORANGE {
            BLUISH_GREEN
        } else {
            ORANGE
        }
    }
}

/// Text of `css` pixels in `color`.
pub(crate) fn font(style: &Style, css: f64, color: RGBColor) -> TextStyle<'static> {
    (FontFamily::Name(FAMILY), style.px(css))
        .into_font()
        .color(&color)
}

/// A stroke `css` pixels wide.
pub(crate) fn stroke<C: Color>(style: &Style, color: C, css: f64) -> ShapeStyle {
    ShapeStyle {
        color: color.to_rgba(),
        filled: false,
        stroke_width: style.ipx(css) as u32,
    }
}

/// A colour as CSS text, for drawing on the 2D context directly.
pub(crate) fn css<C: Color>(color: C) -> String {
    rgba_text(color.to_rgba())
}

/// The text of [`css`], written once for every colour type (a `format!` inlined at each of
/// the charts' few dozen colour changes cost the wasm kilobytes, issue #10).
#[inline(never)]
fn rgba_text(RGBAColor(r, g, b, a): RGBAColor) -> String {
    format!("rgba({r},{g},{b},{a})")
}

/// A number with the decimal sign of the charts' language (a comma in Russian).
pub(crate) fn local(text: String) -> String {
    let sign = super::language().decimal();
    if sign == '.' {
        text
    } else {
        text.replace('.', &sign.to_string())
    }
}

/// A number for an axis tick: as short as it can be without lying.
pub(crate) fn tick(v: f64) -> String {
    local(plain_tick(v))
}

fn plain_tick(v: f64) -> String {
    let a = v.abs();
    if v == 0.0 {
        "0".into()
    } else if !(1e-3..1e5).contains(&a) {
        format!("{v:.0e}")
    } else if a >= 1e4 && (v / 1000.0).fract() == 0.0 {
        format!("{}k", v / 1000.0)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `v`, or 0 if it is only rounding error away from 0 on an axis spanning `range`
/// (tick positions like 0.2 − 0.2 come out as −6e-17). A range without 0 (a log
/// axis) is left alone.
fn snap(v: f64, range: &std::ops::Range<f64>) -> f64 {
    let has_zero = range.start <= 0.0 && range.end >= 0.0;
    if has_zero && v.abs() < 1e-9 * (range.end - range.start).abs() {
        0.0
    } else {
        v
    }
}

/// A statistic with `decimals` places, switching to scientific notation when that
/// would print 0 or a very long number; "–" when it is not finite.
pub(crate) fn num(v: f64, decimals: usize) -> String {
    let a = v.abs();
    if !v.is_finite() {
        "–".into()
    } else if v != 0.0 && (a < 0.5 * 10f64.powi(-(decimals as i32)) || a >= 1e5) {
        local(format!("{v:.1e}"))
    } else {
        local(format!("{v:.decimals$}"))
    }
}

/// A share as a percentage that never rounds a few to 0 % or nearly all to 100 %.
pub(crate) fn percent(share: f64) -> String {
    let p = share * 100.0;
    if !p.is_finite() {
        "–".into()
    } else if p > 0.0 && p < 1.0 {
        "<1%".into()
    } else if p > 99.0 && p < 100.0 {
        ">99%".into()
    } else {
        format!("{p:.0}%")
    }
}

/// What the axes of one chart show.
pub(crate) struct Axes<'a> {
    pub x_desc: &'a str,
    pub y_desc: &'a str,
    pub x_ticks: usize,
    pub y_ticks: usize,
}

/// One chart: its plotting rectangle on the canvas, its two axes, and where their tick
/// labels go. Laid out as plotters' `ChartBuilder` lays out a chart with label areas on
/// the left and at the bottom, so that the charts kept their pixels when they stopped
/// using it (issue #10).
pub(crate) struct Plot<'a> {
    pub ink: &'a Ink,
    x: Axis,
    y: Axis,
    /// The plotting rectangle, and the label areas to its left and below it (if not empty).
    plot: Area,
    left: Option<Area>,
    bottom: Option<Area>,
}

impl Plot<'_> {
    /// The pixel of a point of the chart (off the chart if the point is).
    pub fn backend_coord(&self, &(x, y): &(f64, f64)) -> Px {
        let [x0, y0, x1, y1] = self.plot;
        (self.x.map(x, (x0, x1 - 1)), self.y.map(y, (y1 - 1, y0)))
    }

    /// The same, moved onto the plotting rectangle's edge if it lies outside it.
    pub fn clamped(&self, point: (f64, f64)) -> Px {
        let [x0, y0, x1, y1] = self.plot;
        let (x, y) = self.backend_coord(&point);
        (x.min(x1).max(x0), y.min(y1).max(y0))
    }

    /// The plotting rectangle's columns and rows of pixels.
    pub fn pixel_range(&self) -> (Range<i32>, Range<i32>) {
        let [x0, y0, x1, y1] = self.plot;
        (x0..x1, y0..y1)
    }

    pub fn y_range(&self) -> Range<f64> {
        self.y.range()
    }
}

/// A chart on `area` over `x` × `y`, with room for tick labels and axis titles on the
/// left and at the bottom only.
pub(crate) fn chart<'a>(
    ink: &'a Ink,
    area: Area,
    style: &Style,
    x: Axis,
    y: Axis,
    axes: &Axes,
) -> Result<Plot<'a>, String> {
    let title = if axes.y_desc.is_empty() { 0.0 } else { 16.0 };
    let bottom = if axes.x_desc.is_empty() { 18.0 } else { 32.0 };
    let (left_size, bottom_size) = (style.ipx(34.0 + title), style.ipx(bottom));
    // The margins: top, right and left (none at the bottom).
    let [x0, y0] = [area[0] + style.ipx(4.0), area[1] + style.ipx(6.0)];
    let [x1, y1] = [area[2] - style.ipx(12.0), area[3]];
    // Breakpoints sorted as plotters sorts them, so that an area too small for its labels
    // comes out as plotters made it.
    let mut xs = [x0, x1, x0 + left_size, x1];
    let mut ys = [y0, y1, y0, y1 - bottom_size];
    xs.sort_unstable();
    ys.sort_unstable();
    let some = |a: Area| (a[2] > a[0] && a[3] > a[1]).then_some(a);
    Ok(Plot {
        ink,
        x,
        y,
        plot: [xs[1], ys[1], xs[2], ys[2]],
        left: some([xs[0], ys[1], xs[1], ys[2]]),
        bottom: some([xs[1], ys[2], xs[2], ys[3]]),
    })
}

/// Draws grid lines, axes, tick labels and axis titles, in plotters' order (the titles,
/// then the grid, then each axis with its labels and tick marks).
#[inline(never)]
pub(crate) fn mesh(
    chart: &mut Plot,
    style: &Style,
    theme: &Theme,
    axes: &Axes,
) -> Result<(), String> {
    let label = font(style, SMALL, theme.muted);
    let ink = chart.ink;
    let [px0, py0, px1, py1] = chart.plot;
    if let (Some(a), false) = (chart.left, axes.y_desc.is_empty()) {
        let title = label
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Top));
        let th = (a[3] - a[1]) as u32 / 2;
        ink.text(axes.y_desc, &title, (a[0], a[1] + th as i32))?;
    }
    if let (Some(a), false) = (chart.bottom, axes.x_desc.is_empty()) {
        let title = label.pos(Pos::new(HPos::Center, VPos::Bottom));
        let tw = (a[2] - a[0]) as u32 / 2;
        ink.text(axes.x_desc, &title, (a[0] + tw as i32, a[3]))?;
    }
    let grid = stroke(style, theme.grid, 1.0);
    let (xs, ys) = (chart.x.range(), chart.y.range());
    let mut x_labels = Vec::new();
    for v in chart.x.ticks(axes.x_ticks) {
        let x = chart.x.map(v, (px0, px1 - 1));
        ink.rule((x, py1 - 1), (x, py0), &grid)?;
        x_labels.push((x, tick(snap(v, &xs))));
    }
    let mut y_labels = Vec::new();
    for v in chart.y.ticks(axes.y_ticks) {
        let y = chart.y.map(v, (py1 - 1, py0));
        ink.rule((px0, y), (px1 - 1, y), &grid)?;
        y_labels.push((y, tick(snap(v, &ys))));
    }
    let axis = stroke(style, theme.muted, 1.0);
    let tick_size = style.ipx(3.0);
    let label_dist = 2 * tick_size;
    if let Some(a) = chart.left {
        let x = a[2] - 1;
        ink.path(&clip(a, &[(x, py0), (x, py1 - 1)]), &axis)?;
        let at = label.pos(Pos::new(HPos::Right, VPos::Center));
        for (y, text) in y_labels.iter().filter(|(y, _)| (py0..py1).contains(y)) {
            ink.text(text, &at, (a[2] - label_dist, *y))?;
            ink.path(&clip(a, &[(x - tick_size, *y), (x, *y)]), &axis)?;
        }
    }
    if let Some(a) = chart.bottom {
        let y = a[1];
        ink.path(&clip(a, &[(px0, y), (px1 - 1, y)]), &axis)?;
        let at = label.pos(Pos::new(HPos::Center, VPos::Top));
        for (x, text) in x_labels.iter().filter(|(x, _)| (px0..px1).contains(x)) {
            ink.text(text, &at, (*x, y + label_dist))?;
            ink.path(&clip(a, &[(*x, y), (*x, y + tick_size)]), &axis)?;
        }
    }
    Ok(())
}

/// Points moved onto the edges of `area` if they lie outside it, as plotters moves them.
fn clip(area: Area, points: &[Px; 2]) -> [Px; 2] {
    points.map(|(x, y)| (x.min(area[2]).max(area[0]), y.min(area[3]).max(area[1])))
}

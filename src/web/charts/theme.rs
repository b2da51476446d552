//! How every chart looks: colours, fonts, line widths, axes and number formats.
//!
//! Colours come from the Okabe–Ito palette, which stays distinguishable under the
//! common colour-vision deficiencies; the two classes (and train/test) are blue and
//! vermillion/orange, never red and green.

pub(crate) use super::axis::Axis;
use super::Style;
use crate::plot::colour::{DARK_TEXT, LIGHT_TEXT};
use plotters::coord::Shift;
use plotters::prelude::{
    Cartesian2d, ChartBuilder, ChartContext, Color, DrawingArea, FontFamily, IntoFont, RGBAColor,
    RGBColor, ShapeStyle, TextStyle,
};
use plotters_canvas::CanvasBackend;

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
    pub fn of(style: &Style) -> Theme {
        let rgb = |[r, g, b]: [u8; 3]| RGBColor(r, g, b);
        if style.dark {
            Theme {
                bg: rgb(DARK_TEXT.background),
                fg: rgb(DARK_TEXT.ink),
                muted: rgb(DARK_TEXT.muted),
                grid: RGBColor(255, 255, 255).mix(0.12),
                bars: SKY_BLUE.mix(0.55),
                alarm: VERMILLION,
                marker: REDDISH_PURPLE,
                class: [SKY_BLUE, ORANGE],
            }
        } else {
            Theme {
                bg: rgb(LIGHT_TEXT.background),
                fg: rgb(LIGHT_TEXT.ink),
                muted: rgb(LIGHT_TEXT.muted),
                grid: RGBColor(0, 0, 0).mix(0.08),
                bars: SKY_BLUE.mix(0.55),
                alarm: VERMILLION,
                marker: REDDISH_PURPLE,
                class: [BLUE, VERMILLION],
            }
        }
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
    let RGBAColor(r, g, b, a) = color.to_rgba();
    format!("rgba({r},{g},{b},{a})")
}

/// A number with the decimal sign of the charts' language (a comma in Russian).
pub(crate) fn local(text: String) -> String {
    let sign = super::decimal_sign();
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
/// A chart of any of the charts: both axes are an [`Axis`].
pub(crate) type Plot<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<Axis, Axis>>;

pub(crate) struct Axes<'a> {
    pub x_desc: &'a str,
    pub y_desc: &'a str,
    pub x_ticks: usize,
    pub y_ticks: usize,
}

/// A chart on `area` over `x` × `y`, with room for tick labels and axis titles on the
/// left and at the bottom only: plotters measures label text through the DOM (slowly)
/// for labels on the right and for captions, so the charts use neither.
pub(crate) fn chart<'a>(
    area: &'a DrawingArea<CanvasBackend, Shift>,
    style: &Style,
    x: Axis,
    y: Axis,
    axes: &Axes,
) -> Result<Plot<'a>, String> {
    let title = if axes.y_desc.is_empty() { 0.0 } else { 16.0 };
    let bottom = if axes.x_desc.is_empty() { 18.0 } else { 32.0 };
    ChartBuilder::on(area)
        .margin_top(style.ipx(6.0))
        .margin_right(style.ipx(12.0))
        .margin_left(style.ipx(4.0))
        .x_label_area_size(style.ipx(bottom))
        .y_label_area_size(style.ipx(34.0 + title))
        .build_cartesian_2d(x, y)
        .map_err(super::failed)
}

/// Draws grid lines, axes, tick labels and axis titles.
pub(crate) fn mesh(
    chart: &mut Plot,
    style: &Style,
    theme: &Theme,
    axes: &Axes,
) -> Result<(), String> {
    let label = font(style, SMALL, theme.muted);
    let (xs, ys) = (chart.x_range(), chart.y_range());
    chart
        .configure_mesh()
        .max_light_lines(0)
        .bold_line_style(stroke(style, theme.grid, 1.0))
        .axis_style(stroke(style, theme.muted, 1.0))
        .set_all_tick_mark_size(style.ipx(3.0))
        .x_labels(axes.x_ticks)
        .y_labels(axes.y_ticks)
        .x_label_formatter(&|v| tick(snap(*v, &xs)))
        .y_label_formatter(&|v| tick(snap(*v, &ys)))
        .label_style(label.clone())
        .axis_desc_style(label)
        .x_desc(axes.x_desc)
        .y_desc(axes.y_desc)
        .draw()
        .map_err(super::failed)
}

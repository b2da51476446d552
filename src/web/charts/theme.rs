//! How every chart looks: colours, fonts, line widths, number formats, and the one set-up
//! of plotters' `ChartBuilder` and `configure_mesh` that every chart with axes shares.
//!
//! The colours and the font are the page's: CSS custom properties of `www/style.css` (light,
//! and `prefers-color-scheme: dark`), read from the page's computed style the first time a
//! scheme is drawn ([`Palette`]). Nothing here keeps a copy of them.

use super::style::{failed, Root, Style};
use crate::plot::colour::{Palette, Rgba};
use crate::plot::nice_ticks_within;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::{
    Cartesian2d, ChartBuilder, ChartContext, Circle, Color, DashedLineSeries, FontFamily, IntoFont,
    LineSeries, PathElement, RGBAColor, RGBColor, Rectangle, ShapeStyle, TextStyle,
};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::ops::Range;

/// Font sizes in CSS pixels.
pub(crate) const FONT: f64 = 12.0;
pub(crate) const SMALL: f64 = 11.0;

/// The colours and the font of one chart, for a light or a dark page.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Theme {
    pub bg: RGBColor,
    pub fg: RGBColor,
    /// Axis labels and secondary text.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBAColor,
    /// Histogram bars (z, weights, gradients, restarts).
    pub bars: RGBAColor,
    /// Saturated regions, and the density a layer's weights were drawn from.
    pub alarm: RGBColor,
    /// The divergence marker and truncation cuts.
    pub marker: RGBColor,
    /// Class 0 and class 1 (also train and test loss, A and B).
    pub class: [RGBColor; 2],
    /// The second series colour where two lines share a chart (test loss).
    pub second: RGBColor,
    /// The page's font stack.
    pub font: &'static str,
}

thread_local! {
    /// The theme of the light and of the dark page, read once each.
    static THEMES: RefCell<[Option<Theme>; 2]> = const { RefCell::new([None, None]) };
}

impl Theme {
    /// The page's theme for `style`'s scheme; an `Err` if the page does not define it.
    pub fn of(style: &Style) -> Result<Theme, String> {
        let scheme = usize::from(style.dark);
        if let Some(theme) = THEMES.with(|themes| themes.borrow()[scheme]) {
            return Ok(theme);
        }
        let theme = read_page_theme()?;
        THEMES.with(|themes| themes.borrow_mut()[scheme] = Some(theme));
        Ok(theme)
    }

    fn from_palette(p: &Palette, font: &'static str) -> Theme {
        let rgb = |c: Rgba| RGBColor(c[0], c[1], c[2]);
        let rgba = |c: Rgba| RGBAColor(c[0], c[1], c[2], f64::from(c[3]) / 255.0);
        Theme {
            bg: rgb(p.background),
            fg: rgb(p.ink),
            muted: rgb(p.muted),
            grid: rgba(p.grid),
            bars: rgba(p.bars),
            alarm: rgb(p.alarm),
            marker: rgb(p.marker),
            class: [rgb(p.series[0]), rgb(p.series[1])],
            second: rgb(p.series[2]),
            font,
        }
    }
}

/// The palette and the font stack of the page's root element, as the page's CSS resolves
/// them now.
fn read_page_theme() -> Result<Theme, String> {
    let root = web_sys::window()
        .and_then(|w| Some((w.document()?.document_element()?, w)))
        .and_then(|(element, window)| window.get_computed_style(&element).ok().flatten())
        .ok_or("the page's style cannot be read")?;
    let palette = Palette::from_lookup(|name| root.get_property_value(name).ok())?;
    let family = root.get_property_value("font-family").unwrap_or_default();
    let family = if family.trim().is_empty() {
        "sans-serif".to_string()
    } else {
        family
    };
    // Read once per scheme (at most twice a page), so leaking it costs a few hundred bytes.
    Ok(Theme::from_palette(
        &palette,
        Box::leak(family.into_boxed_str()),
    ))
}

/// Text of `css` pixels in `color`, in the page's font.
pub(crate) fn font(style: &Style, t: &Theme, css: f64, color: RGBColor) -> TextStyle<'static> {
    (FontFamily::Name(t.font), style.px(css))
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

/// A number with the decimal sign of the charts' language (a comma in Russian).
pub(crate) fn local(style: &Style, text: String) -> String {
    let sign = style.labels.decimal();
    if sign == '.' {
        text
    } else {
        text.replace('.', &sign.to_string())
    }
}

/// A number for an axis tick: as short as it can be without lying.
pub(crate) fn tick(style: &Style, v: f64) -> String {
    local(style, plain_tick(v))
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

/// A statistic with `decimals` places, switching to scientific notation when that
/// would print 0 or a very long number; "–" when it is not finite.
pub(crate) fn num(style: &Style, v: f64, decimals: usize) -> String {
    let a = v.abs();
    if !v.is_finite() {
        "–".into()
    } else if v != 0.0 && (a < 0.5 * 10f64.powi(-(decimals as i32)) || a >= 1e5) {
        local(style, format!("{v:.1e}"))
    } else {
        local(style, format!("{v:.decimals$}"))
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

/// One axis of a chart: its range, the ticks the model chose (plotters' key points), how a
/// tick is written, and its title ("" for none).
pub(crate) struct Axis<'a> {
    pub range: (f64, f64),
    pub ticks: Vec<f64>,
    pub label: &'a dyn Fn(f64) -> String,
    pub desc: &'a str,
}

impl<'a> Axis<'a> {
    /// A linear axis with at most `most` "nice" ticks, written by `label`.
    pub fn linear(range: (f64, f64), most: usize, label: &'a dyn Fn(f64) -> String) -> Axis<'a> {
        Axis {
            range,
            ticks: nice_ticks_within(range.0, range.1, most),
            label,
            desc: "",
        }
    }

    /// The same axis with a title.
    pub fn titled(self, desc: &'a str) -> Axis<'a> {
        Axis { desc, ..self }
    }
}

/// `v` as a tick on an axis spanning `range`, with 0 for what is only rounding error away
/// from it (tick positions like 0.2 − 0.2 come out as −6e-17).
pub(crate) fn tick_near_zero(style: &Style, v: f64, range: (f64, f64)) -> String {
    let has_zero = range.0 <= 0.0 && range.1 >= 0.0;
    let v = if has_zero && v.abs() < 1e-9 * (range.1 - range.0).abs() {
        0.0
    } else {
        v
    };
    tick(style, v)
}

/// An f64 axis whose ticks (plotters' key points) are the ones the model chose.
///
/// plotters' own `with_key_points` binds them to an f64 range too, but leaves it without the
/// default label format that `configure_mesh` requires of an axis (f64 ranges opt out of
/// it), so the binding is this small [`Ranged`]: placing as plotters' f64 axis does, ticks
/// as given. Their labels come from the [`Axis`]'s formatter.
pub(crate) struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // Bold points only: the mesh's light lines ask with a weight that allows them.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.inner.range()
    }
}

/// plotters' coordinates of every chart: two f64 axes whose ticks are the model's.
pub(crate) type Coord = Cartesian2d<Ticked, Ticked>;
pub(crate) type Chart<'a> = ChartContext<'a, CanvasBackend, Coord>;

/// A chart on `area` over `x` × `y`, with room for tick labels and axis titles on the left
/// and at the bottom only. Its mesh is drawn by [`mesh`], after anything it goes over.
pub(crate) fn chart<'a>(
    area: &'a Root,
    style: &Style,
    x: &Axis,
    y: &Axis,
) -> Result<Chart<'a>, String> {
    let left = 34.0 + if y.desc.is_empty() { 0.0 } else { 16.0 };
    let bottom = if x.desc.is_empty() { 18.0 } else { 32.0 };
    let (x0, x1) = x.range;
    let (y0, y1) = y.range;
    ChartBuilder::on(area)
        .margin_top(style.ipx(6.0))
        .margin_right(style.ipx(12.0))
        .margin_left(style.ipx(4.0))
        .y_label_area_size(style.ipx(left))
        .x_label_area_size(style.ipx(bottom))
        .build_cartesian_2d(
            Ticked {
                inner: (x0..x1).into(),
                ticks: x.ticks.clone(),
            },
            Ticked {
                inner: (y0..y1).into(),
                ticks: y.ticks.clone(),
            },
        )
        .map_err(failed)
}

/// The grid lines at the ticks, the axes, the tick labels and the axis titles.
pub(crate) fn mesh(
    chart: &mut Chart,
    style: &Style,
    t: &Theme,
    x: &Axis,
    y: &Axis,
) -> Result<(), String> {
    let label = font(style, t, SMALL, t.muted);
    let x_label = |v: &f64| (x.label)(*v);
    let y_label = |v: &f64| (y.label)(*v);
    let mut mesh = chart.configure_mesh();
    mesh.bold_line_style(stroke(style, t.grid, 1.0))
        .axis_style(stroke(style, t.muted, 1.0))
        .set_all_tick_mark_size(style.ipx(3.0))
        .label_style(label.clone())
        .axis_desc_style(label)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label);
    if !x.desc.is_empty() {
        mesh.x_desc(x.desc);
    }
    if !y.desc.is_empty() {
        mesh.y_desc(y.desc);
    }
    mesh.draw().map_err(failed)
}

/// The plotting rectangle of `chart` in device pixels: left, top, width, height.
pub(crate) fn plot_rect(chart: &Chart) -> (f64, f64, f64, f64) {
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    (
        f64::from(xr.start),
        f64::from(yr.start),
        f64::from(xr.end - xr.start),
        f64::from(yr.end - yr.start),
    )
}

/// The pixel of a point of the chart, as f64.
pub(crate) fn at(chart: &Chart, x: f64, y: f64) -> (f64, f64) {
    let (px, py) = chart.backend_coord(&(x, y));
    (f64::from(px), f64::from(py))
}

/// A rectangle of a chart by two opposite corners.
pub(crate) type Corners = [(f64, f64); 2];

// The series the charts draw, each with one `draw_series` call here over a `Vec`: plotters'
// drawing is generic over the element and the iterator, so one call per kind keeps one
// copy of each in the wasm rather than one per chart.

/// Rectangles (histogram bars, shaded bands) in one style.
pub(crate) fn boxes(c: &mut Chart, boxes: Vec<Corners>, style: ShapeStyle) -> Result<(), String> {
    let boxes = boxes
        .into_iter()
        .map(|corners| Rectangle::new(corners, style));
    c.draw_series(boxes).map(drop).map_err(failed)
}

/// A solid line through `points`.
pub(crate) fn line(
    c: &mut Chart,
    points: Vec<(f64, f64)>,
    style: ShapeStyle,
) -> Result<(), String> {
    c.draw_series(LineSeries::new(points, style))
        .map(drop)
        .map_err(failed)
}

/// Separate straight lines (contour segments), each through its points, in one style.
pub(crate) fn lines(
    c: &mut Chart,
    lines: Vec<Vec<(f64, f64)>>,
    style: ShapeStyle,
) -> Result<(), String> {
    let paths = lines
        .into_iter()
        .map(|points| PathElement::new(points, style));
    c.draw_series(paths).map(drop).map_err(failed)
}

/// A dashed line through `points`: dashes of `dash` device pixels, `gap` apart.
pub(crate) fn dashed(
    c: &mut Chart,
    points: Vec<(f64, f64)>,
    (dash, gap): (i32, i32),
    style: ShapeStyle,
) -> Result<(), String> {
    let series = DashedLineSeries::new(points, dash, gap, style);
    c.draw_series(series).map(drop).map_err(failed)
}

/// A dot of `radius` device pixels at each point.
pub(crate) fn dots(
    c: &mut Chart,
    points: Vec<(f64, f64)>,
    radius: i32,
    style: ShapeStyle,
) -> Result<(), String> {
    let dots = points.into_iter().map(|p| Circle::new(p, radius, style));
    c.draw_series(dots).map(drop).map_err(failed)
}

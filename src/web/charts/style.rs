//! What every chart file shares and needs nothing else of the charts: how a chart is drawn
//! ([`Style`]), the page's current language, the canvas type plotters draws on and the one
//! error conversion. It is a leaf so that `theme`, `words` and the charts can import it while
//! `mod.rs`, which uses `theme` and `words` to set a chart up, stays above them all.

use crate::plot::labels::{Labels, EN};
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::Cell;

/// How a chart is drawn, beyond its data.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Device pixels per CSS pixel. The page sizes each canvas's backing store to its
    /// CSS size times this, so every length (fonts, lines, margins) is scaled by it
    /// to stay the same size on screen and crisp on high-density displays.
    pub dpr: f64,
    /// Whether the page is dark (`prefers-color-scheme: dark`): the palette read from the
    /// page is kept per scheme.
    pub dark: bool,
    /// The words drawn on the charts, with the language's decimal sign and line height.
    pub labels: &'static Labels,
}

impl Style {
    /// A style for this device pixel ratio (a missing, non-finite or absurd ratio
    /// counts as 1, and it is kept within 0.5 … 4).
    pub fn new(dpr: f64, dark: bool) -> Style {
        let dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr.clamp(0.5, 4.0)
        } else {
            1.0
        };
        Style {
            dpr,
            dark,
            labels: language(),
        }
    }

    /// A length given in CSS pixels, in device pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.dpr
    }

    /// The same, rounded for plotters' integer sizes (at least 1).
    pub(crate) fn ipx(&self, css: f64) -> i32 {
        (css * self.dpr).round().max(1.0) as i32
    }

    /// Line height as a multiple of the font size, for the labels' script.
    pub fn leading(&self) -> f64 {
        self.labels.leading()
    }
}

impl Default for Style {
    fn default() -> Self {
        Style::new(1.0, false)
    }
}

thread_local! {
    /// The charts' language: the page has one at a time and switches it live.
    static LANGUAGE: Cell<&'static Labels> = const { Cell::new(&EN) };
}

/// The labels of the page's current language (English until the page sets one).
pub fn language() -> &'static Labels {
    LANGUAGE.with(Cell::get)
}

/// Makes `labels` (English when `None`) the charts' words, decimal sign and line height.
pub fn set_language(labels: Option<&'static Labels>) {
    LANGUAGE.with(|cell| cell.set(labels.unwrap_or(&EN)));
}

/// The whole canvas as plotters draws on it.
pub(crate) type Root = DrawingArea<CanvasBackend, Shift>;

/// Turns any plotters error into the `String` the draw functions return.
pub(crate) fn failed<E: std::fmt::Display>(e: E) -> String {
    format!("drawing failed: {e}")
}

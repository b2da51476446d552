//! What a call of `Lab.draw` carries besides the canvases, read leniently from a JS object:
//! a missing or wrong option is its default. A leaf: it knows nothing of [`super::Lab`].

use wasm_bindgen::{JsCast, JsValue};

use super::js::property;
use crate::landscape::{DEFAULT_LANDSCAPE_N, DEFAULT_LANDSCAPE_SPAN};

/// What the page asks of one redraw, read leniently from a JS object.
pub(super) struct Options {
    pub(super) dpr: f64,
    pub(super) dark: bool,
    pub(super) log_scale: bool,
    pub(super) weight_layer: usize,
    /// Drawn by the animation loop: the boundary may be refreshed a slice at a time.
    pub(super) live: bool,
    /// The loss landscape's grid and how much of it to compute now.
    pub(super) landscape: LandscapeOptions,
    /// The two training points the through-depth view compares, ringed on A's data view.
    pub(super) through_points: [usize; 2],
}

impl Options {
    pub(super) fn from_js(options: &JsValue) -> Options {
        let number = |key| property(options, key).as_f64();
        let weight_layer = number("weightLayer")
            .filter(|i| i.is_finite() && *i >= 0.0)
            .map_or(0, |i| i as usize);
        Options {
            dpr: number("dpr").unwrap_or(1.0),
            dark: property(options, "dark").is_truthy(),
            log_scale: property(options, "logScale").is_truthy(),
            weight_layer,
            live: property(options, "live").is_truthy(),
            landscape: LandscapeOptions::from_js(options),
            through_points: through_points(options),
        }
    }
}

/// The landscape's part of the draw options: `{landscapeN, landscapeSpan, landscapeNow,
/// landscapeAlone}`.
#[derive(Clone, Copy, Debug)]
pub(super) struct LandscapeOptions {
    pub(super) n: f64,
    pub(super) span: f64,
    /// "Recompute now": spend `views.rs`'s `LANDSCAPE_WORK_NOW`.
    pub(super) now: bool,
    /// A frame that draws only the landscape: spend `LANDSCAPE_WORK_ALONE`.
    pub(super) alone: bool,
}

impl LandscapeOptions {
    pub(super) fn from_js(options: &JsValue) -> LandscapeOptions {
        let number = |key, default| property(options, key).as_f64().unwrap_or(default);
        LandscapeOptions {
            n: number("landscapeN", DEFAULT_LANDSCAPE_N as f64),
            span: number("landscapeSpan", DEFAULT_LANDSCAPE_SPAN),
            now: property(options, "landscapeNow").is_truthy(),
            alone: property(options, "landscapeAlone").is_truthy(),
        }
    }
}

/// The points compared when the page names none: the first two training points.
const DEFAULT_THROUGH_POINTS: [usize; 2] = [0, 1];

/// `options.throughPoints` as two indices: each a whole number ≥ 0, else the default's
/// (the page's number fields hold whole numbers; an index past the training set is drawn
/// as a message naming it).
fn through_points(options: &JsValue) -> [usize; 2] {
    let list = property(options, "throughPoints");
    let mut points = DEFAULT_THROUGH_POINTS;
    if js_sys::Array::is_array(&list) {
        let list: &js_sys::Array = list.unchecked_ref();
        for (k, point) in points.iter_mut().enumerate() {
            if let Some(x) = list.get(k as u32).as_f64() {
                if x >= 0.0 && x.fract() == 0.0 && x < 1e9 {
                    *point = x as usize;
                }
            }
        }
    }
    points
}

//! The through-depth view's draw (issue #21): A's network measured against the mean-field
//! theory at the two training points the page picked (`options.throughPoints`, `[i, j]`,
//! default `[0, 1]`). The numbers are [`crate::through_depth`]'s, the painting
//! [`super::charts::through_depth`]'s; this file only reads the points and joins the two.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::charts::{self, Style};
use super::js::property;
use crate::experiment::{Experiment, Snapshot};
use crate::through_depth::through_depth;

/// The points compared when the page names none: the first two training points.
const DEFAULT_POINTS: [usize; 2] = [0, 1];

/// `options.throughPoints` as two indices: each a whole number ≥ 0, else the default's
/// (the page's number fields hold whole numbers; an index past the training set is drawn
/// as a message naming it).
fn points(options: &JsValue) -> [usize; 2] {
    let list = property(options, "throughPoints");
    let mut points = DEFAULT_POINTS;
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

/// Draws the view of `experiment` from its `snapshot` on `canvas`.
pub(super) fn draw(
    canvas: &HtmlCanvasElement,
    experiment: &Experiment,
    snapshot: &Snapshot,
    options: &JsValue,
    style: &Style,
) -> Result<(), String> {
    let view = through_depth(
        experiment.mlp(),
        &experiment.data().train,
        &snapshot.layers,
        points(options),
    );
    charts::through_depth::draw(canvas, &view, style)
}

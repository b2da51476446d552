//! The through-depth view's draw (issue #21): A's network measured against the mean-field
//! theory at the two training points the page picked (`options.throughPoints`, `[i, j]`,
//! default `[0, 1]`, read in `options.rs`), and `Lab.throughPointAt`: the training point a
//! click on A's data view picks. The numbers are [`crate::through_depth`]'s, the painting
//! [`super::charts::through_depth`]'s, the pick [`crate::plot::pick`]'s.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::charts::{self, Style};
use super::lab::Lab;
use crate::experiment::{Experiment, Snapshot};
use crate::plot::pick::nearest;
use crate::through_depth::through_depth;

/// Draws the view of `experiment` from its `snapshot` on `canvas`, for training points `points`.
pub(super) fn draw(
    canvas: &HtmlCanvasElement,
    experiment: &Experiment,
    snapshot: &Snapshot,
    points: [usize; 2],
    style: &Style,
) -> Result<(), String> {
    let view = through_depth(
        experiment.mlp(),
        &experiment.data().train,
        &snapshot.layers,
        points,
    );
    charts::through_depth::draw(canvas, &view, style)
}

#[wasm_bindgen]
impl Lab {
    /// The index of A's training point drawn nearest to the point (`x`, `y`) CSS pixels from
    /// the data view canvas's top left, for the through-depth view; `undefined` for a click
    /// off the plot, before it is drawn, or while it shows no plane (the digits).
    #[wasm_bindgen(js_name = throughPointAt)]
    pub fn through_point_at(&self, x: f64, y: f64) -> Option<u32> {
        let map = self.views.data_map.as_ref()?;
        let picked = nearest(map, &self.pair.a().data().train.raw, x, y)?;
        u32::try_from(picked).ok()
    }
}

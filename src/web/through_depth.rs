//! The through-depth view's draw (issue #21): A's network measured against the mean-field
//! theory at the two training points the page picked (`options.throughPoints`, `[i, j]`,
//! default `[0, 1]`, read in `options.rs`), the measurement kept per weights and shared with
//! the edge-of-chaos verdict ([`Lab::through_of`]), and `Lab.throughPointAt`: the training point a
//! click on A's data view picks. The numbers are [`crate::through_depth`]'s, the painting
//! [`super::charts::through_depth`]'s, the pick [`crate::plot::pick`]'s.

use wasm_bindgen::prelude::*;

use super::lab::Lab;
use super::side::Side;
use super::views::ThroughMeasured;
use crate::plot::pick::nearest;
use crate::through_depth::{through_depth, ThroughDepth, ThroughDepthError};

impl Lab {
    /// `side`'s through-depth measurement at `points` from its current snapshot (`None` for B
    /// when not comparing), computed once per weights: the edge-of-chaos verdict asks for it
    /// on every redraw, and the view draws the same (A's, at the lesson's points).
    pub(super) fn through_of(
        &mut self,
        side: Side,
        points: [usize; 2],
    ) -> Option<&Result<ThroughDepth, ThroughDepthError>> {
        let known = |m: &ThroughMeasured| m.side == side && m.points == points;
        if let Some(k) = self.through.iter().position(known) {
            return Some(&self.through[k].view);
        }
        let (a, b) = self.pair.both_mut();
        let (experiment, snapshot) = match side {
            Side::A => (a, &mut self.snapshot),
            Side::B => (b?, &mut self.snapshot_b),
        };
        let snapshot = &*snapshot.get_or_insert_with(|| experiment.snapshot());
        let train = &experiment.data().train;
        let view = through_depth(experiment.mlp(), train, &snapshot.layers, points);
        self.through.push(ThroughMeasured { side, points, view });
        self.through.last().map(|m| &m.view)
    }
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

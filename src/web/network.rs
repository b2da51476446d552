//! `Lab.networkHit`: what the pointer is over in the network diagram, for the page's tooltip.
//!
//! The diagram is laid out again from the canvas's CSS size, exactly as `Lab.draw` painted
//! it (see `charts::network::frame`), so a hover needs no state from the last frame.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::charts::{language, network};
use super::js::to_js;
use super::lab::Lab;
use super::side::Side;
use crate::diagram::Target;

/// The answer to `networkHit`: `{kind, layer, from, to, value, text}`.
#[derive(Serialize)]
struct NetworkHit {
    /// "weight", "bias" or "input".
    kind: &'static str,
    /// The weight layer (0-based, as in `snapshot().layers`); null for an input.
    layer: Option<usize>,
    /// The unit a weight comes from (0-based); null for a bias or an input.
    from: Option<usize>,
    /// The unit a weight goes to, or whose bias or input this is (0-based).
    to: usize,
    /// The weight or bias (null for an input, or when it is not a number).
    value: Option<f64>,
    /// What the tooltip says, e.g. "hidden 1 unit 3 → hidden 2 unit 5: w = −0.412".
    text: String,
}

#[wasm_bindgen]
impl Lab {
    /// What is at `(x, y)` in a network canvas of `width` × `height` (all CSS pixels): the
    /// unit under the point, else the nearest weight's edge within `tolerance` pixels
    /// (6 if not given; the page passes more for a finger). `null` when nothing is near.
    /// `side` "b": in network B's diagram (`null` when not comparing).
    #[wasm_bindgen(js_name = networkHit)]
    pub fn network_hit(
        &self,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        tolerance: Option<f64>,
        side: JsValue,
    ) -> Result<JsValue, JsError> {
        match self.experiment(Side::from_js(&side)?) {
            Some(experiment) => hit_in(experiment, x, y, width, height, tolerance),
            None => Ok(JsValue::NULL),
        }
    }
}

/// What is at `(x, y)` in the diagram of `mlp` on a canvas of `width` × `height`.
fn hit_in(
    experiment: &crate::Experiment,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    tolerance: Option<f64>,
) -> Result<JsValue, JsError> {
    let (mlp, since) = (experiment.mlp(), experiment.nonzero_since());
    let diagram = network::layout(mlp, since, width, height, language());
    let tolerance = tolerance.unwrap_or(network::MOUSE_TOLERANCE);
    let Some(hit) = diagram.hit((x, y), tolerance) else {
        return Ok(JsValue::NULL);
    };
    let text = network::describe(&hit, &diagram, language());
    let finite = |v: f64| v.is_finite().then_some(v);
    let answer = match hit.target {
        Target::Weight {
            layer,
            from,
            to,
            value,
        } => NetworkHit {
            kind: "weight",
            layer: Some(layer),
            from: Some(from.index),
            to: to.index,
            value: finite(value),
            text,
        },
        Target::Bias { layer, unit, value } => NetworkHit {
            kind: "bias",
            layer: Some(layer),
            from: None,
            to: unit.index,
            value: finite(value),
            text,
        },
        Target::Input { unit } => NetworkHit {
            kind: "input",
            layer: None,
            from: None,
            to: unit.index,
            value: None,
            text,
        },
    };
    to_js(&answer)
}

//! The exports for the page: the current weights, and the loss history and the layer
//! statistics as CSV (for A, or for B while comparing: `side` "b").

use wasm_bindgen::prelude::*;

use super::js::to_js;
use super::lab::Lab;
use super::side::Side;
use crate::export;

#[wasm_bindgen]
impl Lab {
    /// The current weights and biases per layer: `[{name, n_in, n_out, w, b}]`, `w` row by row
    /// (`w[j·n_in + i]`: input i to unit j). `side` "b" gives B's (an error when not comparing).
    pub fn weights(&self, side: JsValue) -> Result<JsValue, JsError> {
        let experiment = self.experiment(Side::from_js(&side)?).ok_or_else(no_b)?;
        to_js(&export::weights(experiment.mlp()))
    }

    /// The loss history of A (or B) as CSV: step, train_loss, test_loss, train_accuracy, test_accuracy.
    #[wasm_bindgen(js_name = historyCsv)]
    pub fn history_csv(&mut self, side: JsValue) -> Result<String, JsError> {
        Ok(export::history_csv(&self.snapshot_of(side)?.history))
    }

    /// The per-layer statistics of A (or B) as CSV, one row per layer, the snapshot's names as the header.
    #[wasm_bindgen(js_name = layersCsv)]
    pub fn layers_csv(&mut self, side: JsValue) -> Result<String, JsError> {
        Ok(export::layers_csv(&self.snapshot_of(side)?.layers))
    }
}

impl Lab {
    /// The current snapshot of `side` (an error when it is B and nothing is compared).
    fn snapshot_of(&mut self, side: JsValue) -> Result<&crate::experiment::Snapshot, JsError> {
        let side = Side::from_js(&side)?;
        let (a, snapshot_b) = self.current_both();
        match side {
            Side::A => Ok(a),
            Side::B => snapshot_b.ok_or_else(no_b),
        }
    }
}

fn no_b() -> JsError {
    JsError::new("there is no network B: nothing is being compared")
}

//! The exports for the page: the current weights, and the loss history and the layer
//! statistics as CSV (for A, or for B while comparing).

use wasm_bindgen::prelude::*;

use super::{to_js, Lab};
use crate::export;

#[wasm_bindgen]
impl Lab {
    /// The current weights and biases per layer: `[{name, n_in, n_out, w, b}]`, `w` row by row
    /// (`w[j·n_in + i]`: input i to unit j). `b = true` gives B's (an error when not comparing).
    pub fn weights(&self, b: Option<bool>) -> Result<JsValue, JsError> {
        let experiment = if b.unwrap_or(false) {
            self.pair.b().ok_or_else(no_b)?
        } else {
            self.pair.a()
        };
        to_js(&export::weights(experiment.mlp()))
    }

    /// The loss history of A (or B) as CSV: step, train_loss, test_loss, train_accuracy, test_accuracy.
    #[wasm_bindgen(js_name = historyCsv)]
    pub fn history_csv(&mut self, b: Option<bool>) -> Result<String, JsError> {
        Ok(export::history_csv(&self.snapshot_of(b)?.history))
    }

    /// The per-layer statistics of A (or B) as CSV, one row per layer, the snapshot's names as the header.
    #[wasm_bindgen(js_name = layersCsv)]
    pub fn layers_csv(&mut self, b: Option<bool>) -> Result<String, JsError> {
        Ok(export::layers_csv(&self.snapshot_of(b)?.layers))
    }
}

impl Lab {
    /// A's current snapshot, or B's when `b` is true (an error when not comparing).
    fn snapshot_of(&mut self, b: Option<bool>) -> Result<&crate::experiment::Snapshot, JsError> {
        let (a, snapshot_b) = self.current_both();
        if b.unwrap_or(false) {
            snapshot_b.ok_or_else(no_b)
        } else {
            Ok(a)
        }
    }
}

fn no_b() -> JsError {
    JsError::new("there is no network B: nothing is being compared")
}

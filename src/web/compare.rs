//! The A/B comparison for the page: `compare(partial)` sets B = A + partial (or stops
//! comparing), `swap()` trades A and B. Both answer like `configure`; the URL key `vs`
//! holds B's settings, so `query()` reproduces both networks.

use wasm_bindgen::prelude::*;

use super::{to_js, Lab, Outcome};
use crate::config::KEYS;
use crate::error::ErrorText;

#[wasm_bindgen]
impl Lab {
    /// Compares A with B = A's settings + `partial` (e.g. `{init: "zeros"}`; `{}` for a B
    /// identical to A), restarting both from step 0; `null` or `undefined` stops comparing.
    /// Returns `{ok: true}` or `{ok: false, field, error}` naming B's key at fault, with
    /// nothing changed.
    pub fn compare(&mut self, partial: JsValue) -> Result<JsValue, JsError> {
        if partial.is_null() || partial.is_undefined() {
            let alone = self.pair.config().without_versus();
            return to_js(&self.apply_config(&alone));
        }
        to_js(&self.apply_with(&partial, |config, changes| {
            config.with_versus(changes.iter().copied())
        }))
    }

    /// Changes B's settings only: B = the current B + `partial` (the page's B controls).
    /// Answers like `compare`.
    #[wasm_bindgen(js_name = changeB)]
    pub fn change_b(&mut self, partial: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.apply_with(&partial, |config, changes| {
            config.with_b_changes(changes.iter().copied())
        }))
    }

    /// A and B trade places (both restart). `{ok: false, …}` when not comparing.
    pub fn swap(&mut self) -> Result<JsValue, JsError> {
        let outcome = match self.pair.config().swapped() {
            None => Outcome::rejected("vs", ErrorText::new("vs.noB")),
            Some(Err(error)) => error.into(),
            Some(Ok(config)) => self.apply_config(&config),
        };
        to_js(&outcome)
    }

    /// Whether a B is being compared.
    pub fn comparing(&self) -> bool {
        self.pair.b().is_some()
    }

    /// B's settings (the same keys as `config()`), or `null` when not comparing.
    #[wasm_bindgen(js_name = configB)]
    pub fn config_b(&self) -> Result<JsValue, JsError> {
        match self.pair.b() {
            Some(b) => to_js(b.config()),
            None => Ok(JsValue::NULL),
        }
    }

    /// Draws B's per-layer charts into `canvases` (`{activation, weights, boundary}`, as
    /// `draw` takes them; the loss chart shows both sides already). Nothing when not comparing.
    #[wasm_bindgen(js_name = drawB)]
    pub fn draw_b(&mut self, canvases: JsValue, options: JsValue) -> Option<String> {
        self.draw_side_b(&canvases, &options)
    }

    /// Which keys change anything under A's settings (`b`: B's), as `{key: bool}`: the
    /// page hides the controls of the others (σ under zero init, the cut of a normal).
    pub fn applies(&self, b: bool) -> Result<JsValue, JsError> {
        let config = match (b, self.pair.b()) {
            (false, _) => self.pair.config(),
            (true, Some(experiment)) => experiment.config(),
            (true, None) => return Ok(JsValue::NULL),
        };
        let map = js_sys::Object::new();
        for key in KEYS {
            let applies = JsValue::from_bool(config.applies(key));
            js_sys::Reflect::set(&map, &JsValue::from_str(key), &applies)
                .map_err(|_| JsError::new("cannot build the map of keys"))?;
        }
        Ok(map.into())
    }

    /// The CSS height B's activation canvas needs at `width` CSS pixels.
    #[wasm_bindgen(js_name = activationHeightB)]
    pub fn activation_height_b(&self, width: f64) -> f64 {
        self.pair.b().map_or(0.0, |b| {
            super::charts::activation::height_for(width, b.spec().hidden_sizes.len() + 1)
        })
    }
}

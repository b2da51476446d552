//! The A/B comparison for the page: `compare(partial)` sets B = A + partial (or stops
//! comparing), `swap()` trades A and B. Both answer like `configure`; the URL key `vs`
//! holds B's settings, so `query()` reproduces both networks. Everything else about one
//! side takes a `side` argument ("a" or "b", see `side.rs`): `config`, `configure`,
//! `applies`, `draw`, `activationHeight`, `networkHit`, the exports.

use wasm_bindgen::prelude::*;

use super::js::to_js;
use super::lab::Lab;
use super::outcome::Outcome;
use super::side::Side;
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

    /// Which keys change anything under A's settings (`side` "b": B's, `null` when not
    /// comparing), as `{key: bool}`: the page hides the controls of the others (σ under
    /// zero init, the cut of a normal).
    pub fn applies(&self, side: JsValue) -> Result<JsValue, JsError> {
        let config = match (Side::from_js(&side)?, self.pair.b()) {
            (Side::A, _) => self.pair.config(),
            (Side::B, Some(experiment)) => experiment.config(),
            (Side::B, None) => return Ok(JsValue::NULL),
        };
        let map = js_sys::Object::new();
        for key in KEYS {
            let applies = JsValue::from_bool(config.applies(key));
            js_sys::Reflect::set(&map, &JsValue::from_str(key), &applies)
                .map_err(|_| JsError::new("cannot build the map of keys"))?;
        }
        Ok(map.into())
    }
}

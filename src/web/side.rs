//! The one convention for the two networks of an A/B comparison: every call that can be
//! about either takes a last argument `side`, "a" (or left out) or "b", as the page's own
//! JS API does (`initlab.weights(side)`, `initlab.export(kind, side)`).

use wasm_bindgen::prelude::*;

use super::js::js_string;

/// Network A (the explorer's) or network B (the one compared with it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

impl Side {
    /// Reads a `side` argument: "a", "b", or undefined/null for A. Anything else (a
    /// boolean from the old `applies(true)`, "B", "left") is refused with a message that
    /// quotes it, so a wrong call is found at once rather than drawing A by mistake.
    pub fn from_js(value: &JsValue) -> Result<Side, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(Side::A);
        }
        match value.as_string().as_deref() {
            Some("a") => Ok(Side::A),
            Some("b") => Ok(Side::B),
            _ => {
                let shown = match value.as_string() {
                    Some(text) => format!("\"{text}\""),
                    None => js_string(value).unwrap_or_else(|_| "this value".into()),
                };
                Err(JsError::new(&format!(
                    "side: must be \"a\" or \"b\" (or left out for A), not {shown}"
                )))
            }
        }
    }
}

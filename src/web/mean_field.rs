//! `meanField`: the signal-propagation theory of [`crate::mean_field`] for the page's JS API
//! (`initlab.meanField`). It only reads the arguments out of a JS object and hands the
//! answer back as a plain object; the checking is the engine's (`args_from_request`).

use wasm_bindgen::prelude::*;

use super::js::{js_string, property, refusal, to_js};
use crate::error::ErrorText;
use crate::mean_field::{args_from_request, mean_field, Given};

/// `options[key]` as the engine's request reads it: missing, a number, or anything else
/// as JavaScript's `String()` prints it.
fn given(options: &JsValue, key: &str) -> Given {
    let value = property(options, key);
    if value.is_undefined() {
        return Given::Missing;
    }
    match value.as_f64() {
        Some(x) => Given::Number(x),
        None => Given::Other(
            value
                .as_string()
                .or_else(|| js_string(&value).ok())
                .unwrap_or_else(|| "this value".to_string()),
        ),
    }
}

/// The theory for one network (Poole et al. 2016, Schoenholz et al. 2017): `{act, sigmaW,
/// sigmaB, depth, q0 = 1, c0 = 0.5}` → `{q_star, c_star, chi1, xi_c, q, c}`, `q` and `c`
/// holding depth + 1 numbers (layer 0 is the input). `q_star` and `xi_c` may be `Infinity`
/// (a JS number: serde-wasm-bindgen passes f64 as it is), never NaN. Throws an `Error` with
/// `field` "meanField" and `text` naming the argument and its range when one is out of it.
#[wasm_bindgen(js_name = meanField)]
pub fn mean_field_js(options: JsValue) -> Result<JsValue, JsValue> {
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(refusal("meanField", ErrorText::new("meanField.object")));
    }
    let args = args_from_request(
        given(&options, "act"),
        given(&options, "sigmaW"),
        given(&options, "sigmaB"),
        given(&options, "depth"),
        given(&options, "q0"),
        given(&options, "c0"),
    )
    .map_err(|e| refusal("meanField", e.text()))?;
    let answer = mean_field(args).map_err(|e| refusal("meanField", e.text()))?;
    to_js(&answer).map_err(JsValue::from)
}

//! The conversions between JavaScript values and Rust that every file of the API shares:
//! `String(value)`, plain JS values from serde, properties read leniently, and the refusals
//! thrown to the page. A leaf: it knows nothing of [`super::Lab`], so every file can use it.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::ErrorText;

#[wasm_bindgen]
extern "C" {
    /// JavaScript's global `String(value)`: how a property of a `configure({...})`
    /// object becomes the same text a URL query value would be (`[8, 8]` → `"8,8"`).
    #[wasm_bindgen(js_name = String, catch)]
    pub(super) fn js_string(value: &JsValue) -> Result<String, JsValue>;
}

/// Serializes to a plain JS value (objects, arrays, numbers), as JSON would.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert to a JS value: {e}")))
}

/// A refusal thrown to JS: an `Error` whose message is the English sentence ("field: …"),
/// carrying `field` and `text` (the message id and its arguments) so that the page words
/// it in the learner's language (strings.js `localizedError`).
pub(crate) fn refusal(field: &'static str, text: ErrorText) -> JsValue {
    let thrown = js_sys::Error::new(&format!("{field}: {}", text.english()));
    let words = to_js(&text).unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(
        &thrown,
        &JsValue::from_str("field"),
        &JsValue::from_str(field),
    );
    let _ = js_sys::Reflect::set(&thrown, &JsValue::from_str("text"), &words);
    thrown.into()
}

/// `object[key]`, or `undefined` when `object` is not an object or has no such key.
pub(crate) fn property(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

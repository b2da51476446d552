//! The page's door to the handwritten digits: where the file is, its checksum and size, and
//! `installDigits(bytes)`, which hands a finished download to [`crate::digits::install`].
//! The page (`www/digits-data.js`) fetches the file and checks its SHA-256; this module
//! gives it the facts it checks against, so that JavaScript holds no copy of them, and
//! words a broken file as the engine's other refusals are worded. A leaf: it knows
//! nothing of [`super::Lab`].

use wasm_bindgen::prelude::*;

use crate::digits::{self, Digits, DigitsError};
use crate::lessons::settings;
use crate::link::query_pairs;

/// Where the page fetches the digits, relative to `index.html` ([`digits::FILE`]).
#[wasm_bindgen(js_name = digitsFile)]
pub fn digits_file() -> String {
    digits::FILE.to_string()
}

/// The SHA-256 of the digits file in lowercase hex ([`digits::SHA256`]).
#[wasm_bindgen(js_name = digitsSha256)]
pub fn digits_sha256() -> String {
    digits::SHA256.to_string()
}

/// The file's size in bytes: the header and every image. The page's progress note counts
/// towards it whatever the server says (a compressed answer's length is not the file's).
#[wasm_bindgen(js_name = digitsBytes)]
pub fn digits_bytes() -> f64 {
    (digits::HEADER_BYTES + digits::IMAGES * digits::RECORD_BYTES) as f64
}

/// Whether the digits are installed: every experiment of the page may then use them.
#[wasm_bindgen(js_name = digitsInstalled)]
pub fn digits_installed() -> bool {
    digits::installed().is_some()
}

/// The value of `data` that names the handwritten digits.
const DIGITS_DATA: &str = "digits";

/// How deep a `vs` or a lesson may nest settings that pick the digits (a lesson's `vs`).
const MOST_NESTING: usize = 3;

/// Whether `query` (a link's query, or a change written as one) picks the handwritten digits
/// for A or B: `data=digits`, a `vs` that does, or a lesson whose settings do. The page then
/// fetches them before it applies the change or builds the `Lab` (`www/digits-choice.js`).
#[wasm_bindgen(js_name = picksDigits)]
pub fn picks_digits(query: &str) -> bool {
    picks(query, 0)
}

fn picks(query: &str, depth: usize) -> bool {
    depth < MOST_NESTING
        && query_pairs(query).any(|(key, value)| match key.as_str() {
            "data" => value == DIGITS_DATA,
            "vs" => picks(&value, depth + 1),
            "lesson" => settings::find(&value).is_some_and(|lesson| picks(lesson.query, depth + 1)),
            _ => false,
        })
}

/// Reads a downloaded digits file and keeps it for every experiment of the page (once: a
/// later call keeps the digits already installed). A file that is not the digits throws,
/// installed digits or not, an `Error` whose message is the English sentence and whose
/// `text` is `{id, args}`, which the page words in the learner's language (strings.js
/// `localizedError`); nothing changes then.
#[wasm_bindgen(js_name = installDigits)]
pub fn install_digits(bytes: &[u8]) -> Result<(), JsValue> {
    let read = match digits::installed() {
        // Read anyway, so that a broken file is said to be broken whenever it comes.
        Some(_) => Digits::parse(bytes).map(drop),
        None => digits::install(bytes).map(drop),
    };
    read.map_err(refusal)
}

/// A broken file as the page's refusals are thrown: the sentence, and its words' id.
fn refusal(error: DigitsError) -> JsValue {
    let thrown = js_sys::Error::new(&error.to_string());
    let words = super::js::to_js(&error.text()).unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&thrown, &JsValue::from_str("text"), &words);
    thrown.into()
}

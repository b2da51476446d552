//! The module's start-up and the page's "new seed": functions of no experiment.

use wasm_bindgen::prelude::*;

/// Runs once when the module is instantiated: route any panic to `console.error`
/// with its message instead of an opaque "unreachable executed".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// A fresh random seed for the "new seed" button, from the browser's crypto source.
///
/// It is kept below 2³² so that it is exact as a JS number and short in a URL.
#[wasm_bindgen(js_name = newSeed)]
pub fn new_seed() -> f64 {
    // If the crypto source is unavailable, fall back to the clock: a seed only
    // needs to differ from the last one, not to be secret.
    match getrandom::u32() {
        Ok(seed) => f64::from(seed),
        Err(_) => (js_sys::Date::now() % 4_294_967_296.0).floor(),
    }
}

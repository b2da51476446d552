//! The engine inside a real browser (headless Chromium through wasm-bindgen-test):
//! the wasm API never panics on bad input, and a wasm run is bit for bit the native one.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
//! (`make test` does this).
#![cfg(target_arch = "wasm32")]

use initlab::web::Lab;
use initlab::{Config, Experiment};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `object[key]`, or `undefined` if it cannot be read.
fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `{key: value}` as a JS object.
fn object(key: &str, value: JsValue) -> JsValue {
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &JsValue::from_str(key), &value).unwrap();
    object.into()
}

#[wasm_bindgen_test]
fn bad_url_values_become_notices_naming_their_keys() {
    let lab =
        Lab::new("?act=banana&sigma=-1&layers=8,,x&unknown=1").expect("a Lab even from a bad URL");
    let notices: js_sys::Array = lab
        .notices()
        .unwrap()
        .dyn_into()
        .expect("notices are an array");
    let fields: Vec<String> = notices
        .iter()
        .map(|notice| get(&notice, "field").as_string().unwrap_or_default())
        .collect();
    for key in ["act", "sigma", "layers"] {
        assert!(
            fields.iter().any(|f| f == key),
            "no notice names {key}: {fields:?}"
        );
    }
    for notice in notices.iter() {
        let message = get(&notice, "message").as_string().unwrap_or_default();
        assert!(!message.is_empty(), "every notice says what is wrong");
    }
}

#[wasm_bindgen_test]
fn a_lab_from_a_clean_url_has_no_notices_and_trains() {
    let mut lab = Lab::new("?data=xor4&act=tanh&layers=4").unwrap();
    let notices: js_sys::Array = lab.notices().unwrap().dyn_into().unwrap();
    assert_eq!(notices.length(), 0);
    let snapshot = lab.step(50.0).unwrap();
    assert_eq!(get(&snapshot, "step").as_f64(), Some(50.0));
    assert_eq!(get(&snapshot, "diverged").as_bool(), Some(false));
    // Absurd step counts are clamped or ignored, never a freeze or a panic.
    for n in [-1.0, f64::NAN, 0.0] {
        let snapshot = lab.step(n).unwrap();
        assert_eq!(
            get(&snapshot, "step").as_f64(),
            Some(50.0),
            "step({n}) trains nothing"
        );
    }
}

/// The native test that writes `tests/golden/reference_checksum.txt` runs this same
/// config for the same number of steps: equal checksums mean the wasm loss history
/// equals the native one bit for bit.
#[wasm_bindgen_test]
fn wasm_history_equals_the_native_history_bit_for_bit() {
    let (config, notices) =
        Config::from_query("data=xor&act=tanh&layers=8,8&init=truncnormal&scale=glorot&seed=42");
    assert!(
        notices.is_empty(),
        "the reference config is valid: {notices:?}"
    );
    let mut experiment = Experiment::new(&config).unwrap();
    experiment.step(500);
    assert_eq!(experiment.steps_done(), 500);
    let checksum = format!("{:016x}", experiment.history_checksum());
    assert_eq!(
        checksum,
        include_str!("golden/reference_checksum.txt").trim()
    );
}

#[wasm_bindgen_test]
fn a_bad_configure_returns_ok_false_and_changes_nothing() {
    let mut lab = Lab::new("?data=xor4").unwrap();
    lab.step(10.0).unwrap();
    let query = lab.query();

    let outcome = lab
        .configure(object("lr", JsValue::from_f64(-1.0)))
        .unwrap();
    assert_eq!(get(&outcome, "ok").as_bool(), Some(false));
    assert_eq!(get(&outcome, "field").as_string().as_deref(), Some("lr"));
    let error = get(&outcome, "error").as_string().unwrap_or_default();
    assert!(error.contains("lr"), "the message names the key: {error}");
    assert_eq!(lab.query(), query, "settings unchanged");
    assert_eq!(lab.steps_done(), 10.0, "training state unchanged");

    for partial in [
        JsValue::NULL,
        JsValue::from_f64(3.0),
        JsValue::from_str("lr=1"),
    ] {
        let outcome = lab.configure(partial).unwrap();
        assert_eq!(get(&outcome, "ok").as_bool(), Some(false));
    }

    let outcome = lab
        .configure(object("lr", JsValue::from_f64(0.05)))
        .unwrap();
    assert_eq!(get(&outcome, "ok").as_bool(), Some(true));
    assert_eq!(
        lab.steps_done(),
        10.0,
        "changing only lr keeps the training state"
    );
}

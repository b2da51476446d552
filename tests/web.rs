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
    // step(0) trains nothing; absurd step counts are refused with a message, never a
    // freeze or a panic, and train nothing either.
    let snapshot = lab.step(0.0).unwrap();
    assert_eq!(get(&snapshot, "step").as_f64(), Some(50.0));
    for n in [-1.0, f64::NAN, 2.5, 1e12] {
        assert!(lab.step(n).is_err(), "step({n}) is refused");
        let snapshot = lab.snapshot().unwrap();
        assert_eq!(
            get(&snapshot, "step").as_f64(),
            Some(50.0),
            "step({n}) trains nothing"
        );
    }
    assert!(lab.max_steps_per_call() >= 10.0);
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

/// The same for a shortcut net (tests/determinism.rs writes `golden/shortcut_checksum.txt`).
#[wasm_bindgen_test]
fn wasm_shortcut_history_equals_the_native_history_bit_for_bit() {
    let (config, notices) = Config::from_query("data=circles&act=tanh&layers=6&shortcut=1&seed=42");
    assert!(notices.is_empty(), "{notices:?}");
    let mut experiment = Experiment::new(&config).unwrap();
    experiment.step(500);
    let checksum = format!("{:016x}", experiment.history_checksum());
    assert_eq!(
        checksum,
        include_str!("golden/shortcut_checksum.txt").trim()
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

/// A canvas of `width × height` pixels, not attached to the page (drawing needs no layout).
fn canvas(width: u32, height: u32) -> web_sys::HtmlCanvasElement {
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(width);
    canvas.set_height(height);
    canvas
}

/// The canvas's RGBA bytes.
fn pixels(canvas: &web_sys::HtmlCanvasElement) -> Vec<u8> {
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    context
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data()
        .to_vec()
}

/// The page's four canvases as the `{activation, loss, weights, boundary}` object `draw` takes.
fn chart_canvases(size: (u32, u32)) -> (JsValue, Vec<(&'static str, web_sys::HtmlCanvasElement)>) {
    let object = js_sys::Object::new();
    let mut list = Vec::new();
    for key in ["activation", "loss", "weights", "boundary"] {
        let c = canvas(size.0, size.1);
        js_sys::Reflect::set(&object, &JsValue::from_str(key), &c).unwrap();
        list.push((key, c));
    }
    (object.into(), list)
}

fn draw_options(dpr: f64) -> JsValue {
    let options = object("dpr", JsValue::from_f64(dpr));
    js_sys::Reflect::set(&options, &JsValue::from_str("logScale"), &JsValue::TRUE).unwrap();
    options
}

#[wasm_bindgen_test]
fn drawing_fills_every_canvas_and_training_changes_the_core_view() {
    let mut lab = Lab::new("?data=circles&layers=8,8").unwrap();
    let (canvases, list) = chart_canvases((480, 360));
    assert_eq!(lab.draw(canvases.clone(), draw_options(1.0)), None);
    let before: Vec<Vec<u8>> = list.iter().map(|(_, c)| pixels(c)).collect();
    for ((key, _), bytes) in list.iter().zip(&before) {
        let opaque = bytes.chunks(4).filter(|p| p[3] == 255).count();
        assert!(
            opaque * 2 > bytes.len() / 4,
            "{key}: most of the canvas is painted"
        );
        let first = &bytes[..4];
        assert!(
            bytes.chunks(4).any(|p| p != first),
            "{key}: more than a flat background"
        );
    }
    lab.step(300.0).unwrap();
    assert_eq!(lab.draw(canvases, draw_options(1.0)), None);
    for ((key, c), old) in list.iter().zip(&before) {
        assert_ne!(
            &pixels(c),
            old,
            "{key}: 300 steps of training change the chart"
        );
    }
}

#[wasm_bindgen_test]
fn drawing_never_panics_on_a_diverged_run_a_zero_size_canvas_or_bad_arguments() {
    let mut lab = Lab::new("?scale=manual&sigma=10&act=relu&lr=10&layers=32,32,32").unwrap();
    let snapshot = lab.step(2000.0).unwrap();
    assert_eq!(
        get(&snapshot, "diverged").as_bool(),
        Some(true),
        "this run diverges"
    );
    for dpr in [1.0, 3.0, 0.0, f64::NAN, 1e9] {
        let (canvases, list) = chart_canvases((320, 240));
        assert_eq!(
            lab.draw(canvases, draw_options(dpr)),
            None,
            "a diverged run draws explanations, not errors (dpr {dpr})"
        );
        for (key, c) in &list {
            assert!(pixels(c).chunks(4).any(|p| p[3] == 255), "{key} is painted");
        }
    }
    // Zero-size and tiny canvases: skipped or drawn small, never a panic.
    for size in [(0, 0), (0, 200), (200, 0), (1, 1), (12, 9)] {
        let (canvases, _) = chart_canvases(size);
        let _ = lab.draw(canvases, draw_options(2.0));
    }
    // Not canvases at all, or no options.
    let _ = lab.draw(JsValue::NULL, JsValue::UNDEFINED);
    let _ = lab.draw(JsValue::from_f64(3.0), JsValue::from_str("x"));
    let _ = lab.draw(
        object("activation", JsValue::from_str("canvas")),
        JsValue::NULL,
    );
    lab.reset();
    let (canvases, _) = chart_canvases((320, 240));
    assert_eq!(lab.draw(canvases, draw_options(1.0)), None, "after a reset");
}

#[wasm_bindgen_test]
fn the_menus_and_sliders_come_from_the_engine() {
    let presets: js_sys::Array = initlab::web::presets().unwrap().dyn_into().unwrap();
    assert_eq!(
        presets.length() as usize,
        initlab::config::presets::PRESETS.len()
    );
    for preset in presets.iter() {
        let name = get(&preset, "name").as_string().unwrap();
        let formula = get(&preset, "formula").as_string().unwrap();
        assert!(!formula.is_empty(), "{name} has its formula");
        let lab = Lab::new(&format!("?preset={name}")).unwrap();
        let notices: js_sys::Array = lab.notices().unwrap().dyn_into().unwrap();
        assert_eq!(notices.length(), 0, "?preset={name} is a valid link");
    }
    let slider = initlab::web::LogSlider::new(0.001, 10.0, 400.0);
    assert_eq!(slider.value(0.0), 0.001);
    assert_eq!(slider.value(400.0), 10.0);
    assert_eq!(slider.value(300.0), 1.0);
    for position in [0.0, 37.0, 200.0, 399.0] {
        assert_eq!(slider.position(slider.value(position)), position);
    }
}

#[wasm_bindgen_test]
fn landscape_returns_rows_and_refuses_bad_options_without_panicking() {
    let mut lab = Lab::new("?data=circles").unwrap();
    let snapshot = lab.snapshot().unwrap();
    let grid = lab
        .landscape(object("n", JsValue::from_f64(5.0)))
        .expect("a valid grid");
    assert_eq!(get(&grid, "n").as_f64(), Some(5.0));
    assert_eq!(get(&grid, "span").as_f64(), Some(1.0), "span defaults to 1");
    assert_eq!(
        get(&grid, "center_loss").as_f64(),
        get(&snapshot, "loss").as_f64()
    );
    let rows: js_sys::Array = get(&grid, "loss").dyn_into().expect("rows are an array");
    assert_eq!(rows.length(), 5);
    for row in rows.iter() {
        assert_eq!(row.dyn_into::<js_sys::Array>().unwrap().length(), 5);
    }
    let defaults = lab.landscape(JsValue::UNDEFINED).expect("defaults");
    assert_eq!(get(&defaults, "n").as_f64(), Some(21.0));
    for (options, named) in [
        (object("n", JsValue::from_f64(f64::NAN)), "n"),
        (object("n", JsValue::from_str("lots")), "n"),
        (object("n", JsValue::from_f64(1e300)), "n"),
        (object("span", JsValue::from_f64(-1.0)), "span"),
        (object("span", JsValue::from_f64(f64::INFINITY)), "span"),
        (JsValue::from_f64(3.0), "object"),
    ] {
        let error = lab.landscape(options).expect_err("refused");
        let message = JsValue::from(error)
            .dyn_into::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        assert!(message.contains(named), "{named}: {message}");
    }
}

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

/// The `side` argument left out: network A, as most of the page's calls.
const A: JsValue = JsValue::UNDEFINED;

/// The answer of a call on side A, which is always a valid side.
fn side_a<T>(answer: Result<T, wasm_bindgen::JsError>) -> T {
    match answer {
        Ok(value) => value,
        Err(_) => panic!("side A was refused"),
    }
}

/// `draw` on side A, as the page calls it every frame.
trait DrawA {
    fn draw_a(&mut self, canvases: JsValue, options: JsValue) -> Option<String>;
}

impl DrawA for Lab {
    fn draw_a(&mut self, canvases: JsValue, options: JsValue) -> Option<String> {
        side_a(self.draw(canvases, options, A))
    }
}

/// The message of an error the wasm API returned.
fn message(error: wasm_bindgen::JsError) -> String {
    js_sys::Error::from(JsValue::from(error)).message().into()
}

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

/// The same for a network without a hidden layer (tests/determinism.rs writes
/// `golden/no_hidden_checksum.txt`).
#[wasm_bindgen_test]
fn wasm_no_hidden_layer_history_equals_the_native_history_bit_for_bit() {
    let (config, notices) =
        Config::from_query("data=gauss&layers=0&init=normal&scale=manual&sigma=0.5&seed=42");
    assert!(notices.is_empty(), "{notices:?}");
    let mut experiment = Experiment::new(&config).unwrap();
    experiment.step(500);
    let checksum = format!("{:016x}", experiment.history_checksum());
    assert_eq!(
        checksum,
        include_str!("golden/no_hidden_checksum.txt").trim()
    );
}

mod softmax_run;

/// The same for a softmax network (tests/determinism.rs writes `golden/softmax_checksum.txt`).
#[wasm_bindgen_test]
fn wasm_softmax_run_equals_the_native_run_bit_for_bit() {
    let checksum = format!("{:016x}", softmax_run::checksum());
    assert_eq!(checksum, include_str!("golden/softmax_checksum.txt").trim());
}

#[wasm_bindgen_test]
fn a_bad_configure_returns_ok_false_and_changes_nothing() {
    let mut lab = Lab::new("?data=xor4").unwrap();
    lab.step(10.0).unwrap();
    let query = lab.query();

    let outcome = lab
        .configure(object("lr", JsValue::from_f64(-1.0)), A)
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
        let outcome = lab.configure(partial, A).unwrap();
        assert_eq!(get(&outcome, "ok").as_bool(), Some(false));
    }

    let outcome = lab
        .configure(object("lr", JsValue::from_f64(0.05)), A)
        .unwrap();
    assert_eq!(get(&outcome, "ok").as_bool(), Some(true));
    assert_eq!(
        lab.steps_done(),
        10.0,
        "changing only lr keeps the training state"
    );
}

/// Gives the test page the page's stylesheet, once: the charts read their palette and font
/// from its custom properties (www/style.css), as they do on the page.
fn with_page_style(document: &web_sys::Document) {
    let root = document.document_element().unwrap();
    if root.get_attribute("data-page-style").is_none() {
        let css = include_str!("../www/style.css");
        root.insert_adjacent_html("afterbegin", &format!("<style>{css}</style>"))
            .unwrap();
        root.set_attribute("data-page-style", "").unwrap();
    }
}

/// A canvas of `width × height` pixels, not attached to the page (drawing needs no layout),
/// on a page with the page's stylesheet.
fn canvas(width: u32, height: u32) -> web_sys::HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    with_page_style(&document);
    let canvas: web_sys::HtmlCanvasElement = document
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

/// The page's canvases as the `{activation, loss, weights, boundary, landscape, depth,
/// gradients}` object `draw` takes.
fn chart_canvases(size: (u32, u32)) -> (JsValue, Vec<(&'static str, web_sys::HtmlCanvasElement)>) {
    canvases_for(
        &[
            "activation",
            "loss",
            "weights",
            "boundary",
            "landscape",
            "depth",
            "gradients",
        ],
        size,
    )
}

/// Canvases of `size` under `keys`, as the object `draw` takes and as a list.
fn canvases_for(
    keys: &[&'static str],
    size: (u32, u32),
) -> (JsValue, Vec<(&'static str, web_sys::HtmlCanvasElement)>) {
    let object = js_sys::Object::new();
    let mut list = Vec::new();
    for &key in keys {
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
    assert_eq!(lab.draw_a(canvases.clone(), draw_options(1.0)), None);
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
    assert_eq!(lab.draw_a(canvases, draw_options(1.0)), None);
    for ((key, c), old) in list.iter().zip(&before) {
        assert_ne!(
            &pixels(c),
            old,
            "{key}: 300 steps of training change the chart"
        );
    }
}

/// The palette is defined once, in the page's CSS: a chart's background is the page's
/// `--panel` and its lines the page's `--chart-a`, as the page's style resolves them.
#[wasm_bindgen_test]
fn charts_are_drawn_in_the_palette_of_the_pages_stylesheet() {
    let mut lab = Lab::new("?data=circles&layers=8").unwrap();
    lab.step(50.0).unwrap();
    let (canvases, list) = canvases_for(&["loss"], (480, 360));
    assert_eq!(lab.draw_a(canvases, draw_options(1.0)), None);
    let window = web_sys::window().unwrap();
    let root = window.document().unwrap().document_element().unwrap();
    let style = window.get_computed_style(&root).unwrap().unwrap();
    let colour = |name: &str| {
        let value = style.get_property_value(name).unwrap();
        initlab::plot::colour::parse_hex(value.trim()).unwrap_or_else(|| panic!("{name}: {value}"))
    };
    let (panel, line) = (colour("--panel"), colour("--chart-a"));
    let bytes = pixels(&list[0].1);
    assert_eq!(
        &bytes[..3],
        &panel[..3],
        "the corner is the page's panel colour"
    );
    assert!(
        bytes.chunks(4).any(|p| p[..3] == line[..3]),
        "the training loss is drawn in the page's --chart-a"
    );
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
            lab.draw_a(canvases, draw_options(dpr)),
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
        let _ = lab.draw_a(canvases, draw_options(2.0));
    }
    // Not canvases at all, or no options.
    let _ = lab.draw_a(JsValue::NULL, JsValue::UNDEFINED);
    let _ = lab.draw_a(JsValue::from_f64(3.0), JsValue::from_str("x"));
    let _ = lab.draw_a(
        object("activation", JsValue::from_str("canvas")),
        JsValue::NULL,
    );
    lab.reset();
    let (canvases, _) = chart_canvases((320, 240));
    assert_eq!(
        lab.draw_a(canvases, draw_options(1.0)),
        None,
        "after a reset"
    );
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
    assert_eq!(
        get(&defaults, "plane").as_string().as_deref(),
        Some("random")
    );
    let saddle = lab
        .landscape(object("plane", JsValue::from_str("saddle")))
        .expect("the saddle plane");
    assert_eq!(get(&saddle, "plane").as_string().as_deref(), Some("saddle"));
    assert_eq!(
        get(&saddle, "center_loss").as_f64(),
        get(&snapshot, "loss").as_f64()
    );
    for (options, named) in [
        (object("n", JsValue::from_f64(f64::NAN)), "n"),
        (object("n", JsValue::from_str("lots")), "n"),
        (object("n", JsValue::from_f64(1e300)), "n"),
        (object("span", JsValue::from_f64(-1.0)), "span"),
        (object("span", JsValue::from_f64(f64::INFINITY)), "span"),
        (JsValue::from_f64(3.0), "object"),
        (object("plane", JsValue::from_str("diagonal")), "'diagonal'"),
        (object("plane", JsValue::from_f64(2.0)), "'2'"),
    ] {
        let error = lab.landscape(options).expect_err("refused");
        let message = error
            .dyn_into::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        assert!(message.contains(named), "{named}: {message}");
    }
}

#[wasm_bindgen_test]
fn the_network_diagram_paints_changes_with_training_and_never_panics() {
    let mut lab = Lab::new("?data=circles&layers=8,8").unwrap();
    let network = canvas(640, 320);
    let canvases = object("network", network.clone().into());
    let blank = pixels(&network);
    assert_eq!(lab.draw_a(canvases.clone(), draw_options(1.0)), None);
    let before = pixels(&network);
    assert_ne!(before, blank, "the diagram paints");
    let first = &before[..4];
    let other = before.chunks(4).filter(|p| *p != first).count();
    assert!(other * 50 > before.len() / 4, "more than a flat background");
    lab.step(300.0).unwrap();
    assert_eq!(lab.draw_a(canvases, draw_options(1.0)), None);
    assert_ne!(
        pixels(&network),
        before,
        "training changes the weights drawn"
    );

    // A diverged run, wide layers, absurd ratios, zero-size and tiny canvases: no panic.
    let mut lab = Lab::new("?scale=manual&sigma=10&act=relu&lr=10&layers=32,32,32").unwrap();
    lab.step(2000.0).unwrap();
    for dpr in [1.0, 3.0, 0.0, f64::NAN, 1e9] {
        let network = canvas(320, 240);
        let canvases = object("network", network.clone().into());
        assert_eq!(lab.draw_a(canvases, draw_options(dpr)), None, "dpr {dpr}");
        assert!(pixels(&network).chunks(4).any(|p| p[3] == 255));
    }
    for size in [(0, 0), (0, 200), (200, 0), (1, 1), (12, 9)] {
        let network = canvas(size.0, size.1);
        let _ = lab.draw_a(object("network", network.into()), draw_options(2.0));
    }
    for (x, y, w, h) in [
        (10.0, 10.0, 320.0, 240.0),
        (f64::NAN, 1.0, 320.0, 240.0),
        (5.0, 5.0, 0.0, 0.0),
        (1e300, -1e300, f64::INFINITY, 3.0),
    ] {
        lab.network_hit(x, y, w, h, None, A)
            .expect("never an error");
    }
}

#[wasm_bindgen_test]
fn network_hit_names_the_weight_or_bias_under_the_point() {
    let lab = Lab::new("?layers=1&bias=init").unwrap();
    let (w, h) = (600.0, 300.0);
    // Scan a horizontal line through the canvas for a weight and a bias.
    let mut kinds = Vec::new();
    for k in 0..600 {
        for y in [120.0, 150.0, 170.0, 200.0] {
            let hit = lab
                .network_hit(f64::from(k), y, w, h, Some(2.0), A)
                .unwrap();
            if hit.is_null() {
                continue;
            }
            let kind = get(&hit, "kind").as_string().unwrap();
            let text = get(&hit, "text").as_string().unwrap();
            let value = get(&hit, "value").as_f64();
            match kind.as_str() {
                "weight" => {
                    assert!(text.contains("→") && text.contains("w = "), "{text}");
                    assert!(value.is_some_and(f64::is_finite));
                    assert!(get(&hit, "from").as_f64().is_some());
                }
                "bias" => {
                    assert!(text.contains("b = "), "{text}");
                    assert!(get(&hit, "from").is_null());
                }
                "input" => assert!(value.is_none()),
                other => panic!("unknown kind {other}"),
            }
            kinds.push(kind);
        }
    }
    for kind in ["weight", "bias", "input"] {
        assert!(kinds.iter().any(|k| k == kind), "found a {kind}");
    }
    assert!(lab.network_hit(1.0, 1.0, w, h, None, A).unwrap().is_null());
}

/// Draws `canvases` until the landscape is computed at the current weights (a few draws for
/// a small network, tens for a wider one).
fn draw_until_landscape_done(lab: &mut Lab, canvases: &JsValue, options: &JsValue) {
    for _ in 0..200 {
        assert_eq!(lab.draw_a(canvases.clone(), options.clone()), None);
        if lab.landscape_progress(options.clone()) >= 1.0 {
            return;
        }
    }
    panic!("the landscape is still not complete after 200 draws");
}

#[wasm_bindgen_test]
fn the_views_paint_and_change_as_the_network_trains() {
    let mut lab = Lab::new("?data=circles&layers=8,8").unwrap();
    let (canvases, list) = canvases_for(&["landscape", "depth", "gradients"], (480, 420));
    let options = draw_options(1.0);
    js_sys::Reflect::set(&options, &"landscapeN".into(), &JsValue::from_f64(21.0)).unwrap();
    js_sys::Reflect::set(&options, &"landscapeAlone".into(), &JsValue::TRUE).unwrap();
    assert_eq!(
        lab.landscape_progress(options.clone()),
        0.0,
        "nothing computed yet"
    );
    draw_until_landscape_done(&mut lab, &canvases, &options);
    assert_eq!(lab.landscape_progress(options.clone()), 1.0);
    let before: Vec<Vec<u8>> = list.iter().map(|(_, c)| pixels(c)).collect();
    for ((key, _), bytes) in list.iter().zip(&before) {
        let first = &bytes[..4];
        let other = bytes.chunks(4).filter(|p| *p != first).count();
        // Lines, marks, axes and labels: a few thousand pixels at least.
        assert!(
            other > 2000,
            "{key}: only {other} pixels differ from the background"
        );
    }
    lab.step(300.0).unwrap();
    assert!(
        lab.landscape_progress(options.clone()) < 1.0,
        "the weights moved"
    );
    draw_until_landscape_done(&mut lab, &canvases, &options);
    for ((key, c), old) in list.iter().zip(&before) {
        assert_ne!(
            &pixels(c),
            old,
            "{key}: 300 steps of training change the view"
        );
    }
    // Recompute now: a small network's whole 41 × 41 grid in one draw.
    js_sys::Reflect::set(&options, &"landscapeN".into(), &JsValue::from_f64(41.0)).unwrap();
    js_sys::Reflect::set(&options, &"landscapeNow".into(), &JsValue::TRUE).unwrap();
    assert_eq!(lab.draw_a(canvases.clone(), options.clone()), None);
    assert_eq!(lab.landscape_progress(options.clone()), 1.0);
    // A grid the engine refuses is reported by name, never a panic.
    js_sys::Reflect::set(&options, &"landscapeN".into(), &JsValue::from_f64(4000.0)).unwrap();
    let error = lab.draw_a(canvases, options.clone()).expect("refused");
    assert!(error.starts_with("landscape:"), "{error}");
    assert_eq!(lab.landscape_progress(options), 1.0, "nothing to wait for");
    let height = side_a(lab.gradients_height(900.0, A));
    assert!(height > 100.0 && height < 1000.0, "{height}");
}

#[wasm_bindgen_test]
fn the_views_explain_zero_init_and_a_diverged_run_without_panicking() {
    for query in [
        "?init=zeros&act=tanh&data=xor4",
        "?scale=manual&sigma=10&act=relu&lr=10&layers=32,32,32",
    ] {
        let mut lab = Lab::new(query).unwrap();
        lab.step(2000.0).unwrap();
        let (canvases, list) = canvases_for(&["landscape", "depth", "gradients"], (360, 300));
        let options = draw_options(2.0);
        js_sys::Reflect::set(&options, &"landscapeAlone".into(), &JsValue::TRUE).unwrap();
        draw_until_landscape_done(&mut lab, &canvases, &options);
        for (key, c) in &list {
            let bytes = pixels(c);
            let first = &bytes[..4];
            assert!(
                bytes.chunks(4).any(|p| p != first),
                "{query}: {key} draws something"
            );
        }
        for size in [(0, 0), (1, 1), (40, 30), (2000, 20)] {
            let (canvases, _) = canvases_for(&["landscape", "depth", "gradients"], size);
            let _ = lab.draw_a(canvases, draw_options(1.0));
        }
        assert!(side_a(lab.gradients_height(f64::NAN, A)).is_finite());
    }
    // On the way to diverging the losses are finite but huge: colour-bar labels wider than
    // a narrow bar once panicked in a clamp (found by tests/e2e/hardening.test.mjs).
    let mut lab = Lab::new(
        "?init=truncnormal&scale=he&act=relu&layers=19,26,11&data=gauss&points=10&lr=10&batch=6&seed=9007199254740991",
    )
    .unwrap();
    for _ in 0..8 {
        lab.step(1.0).unwrap();
        for size in [(360, 300), (120, 200), (60, 400)] {
            let (canvases, _) = canvases_for(&["landscape", "depth", "gradients"], size);
            let options = draw_options(1.0);
            js_sys::Reflect::set(&options, &"landscapeNow".into(), &JsValue::TRUE).unwrap();
            let _ = lab.draw_a(canvases, options);
        }
    }
}

#[wasm_bindgen_test]
fn side_b_answers_for_b_and_a_bad_side_is_refused_by_name() {
    let b = || JsValue::from_str("b");
    let mut lab = Lab::new("?vs=init%3Dzeros").expect("a Lab comparing with B");
    let config_a = side_a(lab.config(A));
    let config_b = side_a(lab.config(b()));
    assert_eq!(
        get(&config_a, "init").as_string().as_deref(),
        Some("normal")
    );
    assert_eq!(get(&config_b, "init").as_string().as_deref(), Some("zeros"));
    assert_eq!(
        lab.config(JsValue::from_str("a"))
            .map(|c| get(&c, "init").as_string())
            .ok(),
        Some(Some("normal".into()))
    );
    // σ does not apply to B's zero init, and does to A's normal one.
    let applies_b = side_a(lab.applies(b()));
    assert_eq!(get(&applies_b, "sigma").as_bool(), Some(false));
    assert_eq!(get(&side_a(lab.applies(A)), "scale").as_bool(), Some(true));
    // B's change names B's key and leaves A as it was.
    let outcome = side_a(lab.configure(object("lr", JsValue::from_f64(0.5)), b()));
    assert_eq!(get(&outcome, "ok").as_bool(), Some(true));
    assert_eq!(get(&side_a(lab.config(b())), "lr").as_f64(), Some(0.5));
    assert_eq!(get(&side_a(lab.config(A)), "lr").as_f64(), Some(0.03));
    assert!(side_a(lab.weights(b())).is_object());
    assert!(side_a(lab.history_csv(b())).starts_with("step,"));
    assert!(side_a(lab.activation_height(600.0, b())) > 0.0);

    for bad in [
        JsValue::TRUE,
        JsValue::from_str("B"),
        JsValue::from_str("c"),
        JsValue::from_f64(1.0),
    ] {
        let refused = [
            lab.config(bad.clone()).err(),
            lab.applies(bad.clone()).err(),
            lab.weights(bad.clone()).err(),
            lab.history_csv(bad.clone()).err(),
            lab.layers_csv(bad.clone()).err(),
            lab.activation_height(600.0, bad.clone()).err(),
            lab.gradients_height(600.0, bad.clone()).err(),
            lab.network_hit(1.0, 1.0, 300.0, 200.0, None, bad.clone())
                .err(),
            lab.draw(JsValue::NULL, JsValue::NULL, bad.clone()).err(),
            lab.configure(object("lr", JsValue::from_f64(0.1)), bad.clone())
                .err(),
        ];
        for error in refused {
            let text = message(error.expect("a bad side is refused"));
            assert!(text.starts_with("side: must be \"a\" or \"b\""), "{text}");
        }
    }
    assert_eq!(
        get(&side_a(lab.config(b())), "lr").as_f64(),
        Some(0.5),
        "nothing changed"
    );

    // Without a B: B's answers are null or 0, its exports an error, and none panics.
    let alone = Lab::new("").expect("a Lab");
    assert!(side_a(alone.config(b())).is_null());
    assert!(side_a(alone.applies(b())).is_null());
    assert!(side_a(alone.network_hit(1.0, 1.0, 300.0, 200.0, None, b())).is_null());
    assert_eq!(side_a(alone.activation_height(600.0, b())), 0.0);
    assert!(message(alone.weights(b()).expect_err("no B")).contains("no network B"));
}

#[wasm_bindgen_test]
fn the_phase_diagram_fills_over_draws_and_a_click_on_its_map_asks_for_that_init() {
    let mut lab = Lab::new("?act=tanh").unwrap();
    assert_eq!(lab.phase_progress(), 0.0);
    // Before any draw there is no map to click on.
    assert!(side_a(lab.phase_point(100.0, 100.0)).is_null());
    let (canvases, list) = canvases_for(&["phase"], (480, 420));
    let mut draws = 0;
    while lab.phase_progress() < 1.0 {
        assert_eq!(lab.draw_a(canvases.clone(), draw_options(1.0)), None);
        draws += 1;
        assert!(draws <= 6, "60 columns, 10 per draw");
    }
    let bytes = pixels(&list[0].1);
    assert!(
        bytes.chunks(4).any(|p| p != &bytes[..4]),
        "the diagram is drawn"
    );
    // The middle of the canvas is on the map: LeCun's rule, the gain and σ_b in range.
    let asked = side_a(lab.phase_point(300.0, 300.0));
    assert_eq!(get(&asked, "init").as_string().as_deref(), Some("normal"));
    assert_eq!(get(&asked, "scale").as_string().as_deref(), Some("lecun"));
    let gain = get(&asked, "gain").as_f64().unwrap();
    let bsigma = get(&asked, "bsigma").as_f64().unwrap();
    assert!((0.1..=4.0).contains(&gain) && (0.0..=0.3f64.sqrt()).contains(&bsigma));
    // Off the map (the caption above it, outside the canvas): nothing.
    assert!(side_a(lab.phase_point(2.0, 2.0)).is_null());
    assert!(side_a(lab.phase_point(-50.0, 5000.0)).is_null());
    // A new activation is a new grid, and no canvas is too small to draw on without a panic.
    side_a(lab.configure(object("act", "relu".into()), A));
    assert_eq!(lab.phase_progress(), 0.0);
    for size in [(0, 0), (1, 1), (40, 30), (2000, 20), (20, 2000)] {
        let (canvases, _) = canvases_for(&["phase"], size);
        let _ = lab.draw_a(canvases, draw_options(1.0));
    }
}

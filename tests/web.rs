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

/// The animation loop's pieces at 20 layers of 64 (issue #21 §5): training a few steps per
/// piece, the snapshot in several `prepareSnapshot` calls, which add up to the very snapshot
/// a second Lab of the same settings computes in one call.
#[wasm_bindgen_test]
fn a_deep_snapshot_prepared_in_pieces_is_the_snapshot_in_one_call() {
    let query = format!("?layers={}", ["64"; 20].join(","));
    let (mut spread, mut whole) = (Lab::new(&query).unwrap(), Lab::new(&query).unwrap());
    let per_piece = spread.steps_per_piece();
    assert!(
        (1.0..10.0).contains(&per_piece),
        "{per_piece} steps per piece"
    );
    assert!(
        Lab::new("?layers=64,64,64,64,64,64,64,64")
            .unwrap()
            .steps_per_piece()
            >= 10.0
    );
    for lab in [&mut spread, &mut whole] {
        lab.train(10.0).unwrap();
    }
    let mut calls = 1;
    while !spread.prepare_snapshot() {
        calls += 1;
    }
    assert!(calls > 2, "the snapshot took {calls} calls");
    let text = |lab: &mut Lab| js_sys::JSON::stringify(&lab.snapshot().unwrap()).unwrap();
    assert_eq!(
        String::from(text(&mut spread)),
        String::from(text(&mut whole))
    );
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

/// The same for an orthogonal init (tests/determinism.rs writes `golden/orthogonal_checksum.txt`):
/// the QR gives the same bits in wasm.
#[wasm_bindgen_test]
fn wasm_orthogonal_init_run_equals_the_native_run_bit_for_bit() {
    let (config, notices) =
        Config::from_query("data=spiral&act=relu&layers=16,16,4&init=orthogonal&gain=1.4&seed=42");
    assert!(notices.is_empty(), "{notices:?}");
    let mut experiment = Experiment::new(&config).unwrap();
    experiment.step(500);
    let checksum = format!("{:016x}", experiment.history_checksum());
    assert_eq!(
        checksum,
        include_str!("golden/orthogonal_checksum.txt").trim()
    );
}

/// The same for LSUV (tests/determinism.rs writes `golden/lsuv_checksum.txt`): its
/// data-dependent rescaling gives the same bits in wasm.
#[wasm_bindgen_test]
fn wasm_lsuv_init_run_equals_the_native_run_bit_for_bit() {
    let (config, notices) =
        Config::from_query("data=circles&act=tanh&layers=12,12&init=lsuv&bias=0.1&seed=42");
    assert!(notices.is_empty(), "{notices:?}");
    let mut experiment = Experiment::new(&config).unwrap();
    experiment.step(500);
    let checksum = format!("{:016x}", experiment.history_checksum());
    assert_eq!(checksum, include_str!("golden/lsuv_checksum.txt").trim());
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

/// The committed digits file, as the page downloads it.
const DIGITS_FILE: &[u8] = include_bytes!("../data/digits.bin");

#[wasm_bindgen_test]
fn install_digits_refuses_a_broken_file_in_words_and_installs_the_real_one() {
    // An HTML error page where the file should be: thrown with its sentence and its words' id.
    let refused = initlab::web::install_digits(b"<!doctype html><title>404</title>")
        .expect_err("an error page is not the digits");
    let error = js_sys::Error::from(refused);
    let sentence: String = error.message().into();
    assert!(
        sentence.contains("does not start with the letters DIGITS"),
        "{sentence}"
    );
    let text = get(&error, "text");
    assert_eq!(
        get(&text, "id").as_string().as_deref(),
        Some("digits.notDigits")
    );
    // A download cut short says how many bytes came of how many, as arguments to word.
    let cut = &DIGITS_FILE[..1000];
    let error = js_sys::Error::from(initlab::web::install_digits(cut).expect_err("cut short"));
    let args = get(&get(&error, "text"), "args");
    assert_eq!(get(&args, "bytes").as_string().as_deref(), Some("1000"));
    let needed = initlab::web::digits_bytes();
    assert_eq!(needed, DIGITS_FILE.len() as f64);
    assert_eq!(
        get(&args, "needed").as_string(),
        Some(DIGITS_FILE.len().to_string())
    );
    // The real file installs; a broken one is still refused afterwards, and changes nothing.
    initlab::web::install_digits(DIGITS_FILE).expect("the committed file installs");
    assert!(initlab::web::digits_installed());
    let mut corrupt = DIGITS_FILE.to_vec();
    corrupt[initlab::digits::HEADER_BYTES + 12] = 17;
    let error = js_sys::Error::from(initlab::web::install_digits(&corrupt).expect_err("pixel 17"));
    assert_eq!(
        get(&get(&error, "text"), "id").as_string().as_deref(),
        Some("digits.pixel")
    );
    assert_eq!(
        initlab::digits::installed().map(|d| d.image(0)[12]),
        Some(DIGITS_FILE[initlab::digits::HEADER_BYTES + 12])
    );
    assert_eq!(initlab::web::digits_file(), "data/digits.bin");
    assert_eq!(initlab::web::digits_sha256(), initlab::digits::SHA256);
}

#[wasm_bindgen_test]
fn picks_digits_sees_data_digits_for_a_for_b_through_vs_and_nothing_else() {
    use initlab::web::picks_digits;
    assert!(picks_digits("?data=digits"));
    assert!(picks_digits("lr=0.1&data=digits"));
    // B's settings through vs, percent-encoded as a link carries them.
    assert!(picks_digits("vs=init%3Dzeros%26data%3Ddigits"));
    assert!(!picks_digits("vs=init%3Dzeros"));
    assert!(!picks_digits(""));
    assert!(!picks_digits("data=xor&lr=0.1"));
    assert!(!picks_digits("data=digitsx"));
    // A lesson picks what its settings pick: none of today's lessons is on digits.
    assert!(!picks_digits("lesson=zero-tanh"));
    assert!(!picks_digits("lesson=no-such-lesson"));
}

#[wasm_bindgen_test]
fn the_restarts_chart_words_the_digits_by_their_goal_not_by_the_planes_loss_thresholds() {
    // Final losses as digits runs end: one solved (low loss), two near chance (ln 10 ≈ 2.30).
    let losses = vec![0.4, 2.2, 2.31];
    let draw = |options: &JsValue| {
        let c = canvas(480, 240);
        let error = initlab::web::draw_restarts(c.clone(), losses.clone(), options.clone());
        assert_eq!(error, None);
        pixels(&c)
    };
    let plane = draw(&object("dpr", JsValue::from_f64(1.0)));
    let digits_options = object("dpr", JsValue::from_f64(1.0));
    for (key, value) in [
        ("goal", JsValue::from_str("accuracy")),
        ("solved", JsValue::from_f64(1.0 / 3.0)),
        ("stuck", JsValue::from_f64(2.0 / 3.0)),
    ] {
        js_sys::Reflect::set(&digits_options, &JsValue::from_str(key), &value).unwrap();
    }
    let digits = draw(&digits_options);
    // The caption, the legend and the dashed lines differ: the plane's 0.01 and 0.1 against
    // the digits' one line at 2 (and "test accuracy ≥ 90%" in the caption).
    let changed = plane
        .chunks(4)
        .zip(digits.chunks(4))
        .filter(|(a, b)| a != b)
        .count();
    assert!(changed > 500, "only {changed} pixels differ");
}

// The digits' views (issue #20), drawn from synthetic data: they replace the boundary for
// 8×8 images and read only plain slices, so they are tested before any digit is trained on.

/// A 10×10 confusion matrix of 36 test digits per class: `right` of each on the diagonal,
/// the rest taken for the next class.
fn confusion_of(right: u32) -> Vec<u32> {
    let mut counts = vec![0; 100];
    for t in 0..10 {
        counts[t * 10 + t] = right;
        counts[t * 10 + (t + 1) % 10] = 36 - right;
    }
    counts
}

/// The page's colour `name` (a custom property of www/style.css) as the test page resolves it.
fn page_colour(name: &str) -> [u8; 4] {
    let window = web_sys::window().unwrap();
    let root = window.document().unwrap().document_element().unwrap();
    let style = window.get_computed_style(&root).unwrap().unwrap();
    let value = style.get_property_value(name).unwrap();
    initlab::plot::colour::parse_hex(value.trim()).unwrap_or_else(|| panic!("{name}: {value}"))
}

#[wasm_bindgen_test]
fn digits_view_confusion_matrix_paints_its_cells_and_changes_with_the_counts() {
    use initlab::web::charts::{confusion, Style};
    let style = Style::new(1.0, false);
    for (w, h) in [(390, 420), (600, 560)] {
        let c = canvas(w, h);
        confusion::draw(&c, &confusion_of(36), &style).unwrap();
        let all_right = pixels(&c);
        // A full row's cell is the first series colour itself (share 1, the full tint).
        let full = page_colour("--chart-a");
        assert!(
            all_right.chunks(4).filter(|p| p[..3] == full[..3]).count() > 100,
            "{w}×{h}: the diagonal's cells are --chart-a"
        );
        confusion::draw(&c, &confusion_of(30), &style).unwrap();
        assert_ne!(
            pixels(&c),
            all_right,
            "{w}×{h}: other counts, another picture"
        );
    }
    // Nothing to count, a matrix that is not square: a message, never a panic.
    let c = canvas(390, 420);
    for bad in [vec![0; 100], vec![1, 2, 3], Vec::new()] {
        confusion::draw(&c, &bad, &style).unwrap();
        let bytes = pixels(&c);
        assert!(
            bytes.chunks(4).any(|p| p != &bytes[..4]),
            "a message is written"
        );
    }
}

#[wasm_bindgen_test]
fn digits_view_misclassified_strip_draws_each_digit_and_says_when_there_is_none() {
    use initlab::plot::digits::Mistake;
    use initlab::web::charts::{mistakes, Style};
    let style = Style::new(1.0, false);
    // A vertical bar in column k of digit k: 16 different images.
    let images: Vec<Vec<u8>> = (0..16)
        .map(|k| {
            (0..64)
                .map(|p| if p % 8 == k % 8 { 16 } else { 0 })
                .collect()
        })
        .collect();
    let list: Vec<Mistake> = images
        .iter()
        .enumerate()
        .map(|(k, pixels)| Mistake {
            pixels,
            truth: k % 10,
            predicted: (k + 3) % 10,
        })
        .collect();
    let ink = page_colour("--ink");
    for (w, h) in [(390, 300), (760, 240)] {
        let c = canvas(w, h);
        mistakes::draw(&c, &list, (23, 359), &style).unwrap();
        let inked = pixels(&c).chunks(4).filter(|p| p[..3] == ink[..3]).count();
        // 16 digits of 8 fully inked pixels, each at least 4×4 device pixels.
        assert!(inked >= 16 * 8 * 16, "{w}×{h}: {inked} pixels in the ink");
        let before = pixels(&c);
        mistakes::draw(&c, &list[..3], (3, 359), &style).unwrap();
        assert_ne!(
            pixels(&c),
            before,
            "{w}×{h}: three digits are another picture"
        );
    }
    let c = canvas(390, 300);
    mistakes::draw(&c, &[], (0, 359), &style).unwrap();
    let bytes = pixels(&c);
    assert!(
        bytes.chunks(4).any(|p| p != &bytes[..4]),
        "none wrong: a message"
    );
    mistakes::draw(&c, &list, (0, 0), &Style::new(f64::NAN, true)).unwrap();
}

/// The device pixel at the centre of image pixel (row, column) of a field drawn in `rect`.
fn field_pixel(bytes: &[u8], width: u32, rect: (f64, f64, f64, f64), k: usize) -> [u8; 4] {
    let (row, column) = (k / 8, k % 8);
    let x = (rect.0 + (column as f64 + 0.5) * rect.2 / 8.0) as usize;
    let y = (rect.1 + (row as f64 + 0.5) * rect.3 / 8.0) as usize;
    let at = 4 * (y * width as usize + x);
    [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]
}

/// Each field's 64 image pixels as drawn.
fn fields_drawn(
    c: &web_sys::HtmlCanvasElement,
    rects: &[(f64, f64, f64, f64)],
) -> Vec<Vec<[u8; 4]>> {
    let bytes = pixels(c);
    rects
        .iter()
        .map(|&r| {
            (0..64)
                .map(|k| field_pixel(&bytes, c.width(), r, k))
                .collect()
        })
        .collect()
}

#[wasm_bindgen_test]
fn digits_view_constant_init_draws_sixteen_identical_fields_and_random_ones_differ() {
    use initlab::web::charts::{fields, Style};
    let style = Style::new(1.0, false);
    // 32 units of 64 weights, as the first layer of 64-32-…: every weight 0.2, then random.
    let constant = vec![0.2_f32; 64 * 32];
    let mut rng = initlab::rng::Rng::seed_from(3);
    let random: Vec<f32> = (0..64 * 32)
        .map(|_| (0.2 * rng.standard_normal()) as f32)
        .collect();
    for (w, h) in [(390, 520), (760, 420)] {
        let c = canvas(w, h);
        let rects = fields::draw(&c, &constant, (64, 32), &style).unwrap();
        assert_eq!(rects.len(), 16, "{w}×{h}: the first 16 units");
        let drawn = fields_drawn(&c, &rects);
        assert!(
            drawn.iter().all(|f| f == &drawn[0]),
            "{w}×{h}: identical fields"
        );
        let positive = page_colour("--chart-b");
        assert_eq!(drawn[0][0][..3], positive[..3], "0.2 is the scale's top");

        let rects = fields::draw(&c, &random, (64, 32), &style).unwrap();
        let drawn = fields_drawn(&c, &rects);
        for a in 0..16 {
            for b in a + 1..16 {
                assert_ne!(drawn[a], drawn[b], "{w}×{h}: fields {a} and {b} differ");
            }
        }
    }
    // Zero init: 16 blank fields, all the background; not 8×8 inputs: a message.
    let c = canvas(390, 520);
    let rects = fields::draw(&c, &[0.0; 64 * 16], (64, 16), &style).unwrap();
    let panel = page_colour("--panel");
    let drawn = fields_drawn(&c, &rects);
    assert!(drawn.iter().flatten().all(|p| p[..3] == panel[..3]));
    assert!(fields::draw(&c, &[0.5; 2 * 8], (2, 8), &style)
        .unwrap()
        .is_empty());
    let mut diverged = vec![0.1_f32; 64 * 16];
    diverged[7] = f32::NAN;
    assert_eq!(
        fields::draw(&c, &diverged, (64, 16), &style).unwrap().len(),
        16
    );
}

/// Not a check: with `INITLAB_SHOTS=1` at build time, logs each digits view drawn at the
/// page's sizes (a desktop column at dpr 1, a phone's at dpr 2, light and dark, English
/// and the wide Hindi) as a data URL, for a person to look at (`scripts` decode them).
#[wasm_bindgen_test]
fn digits_view_pictures_for_a_person_to_look_at() {
    use initlab::plot::digits::Mistake;
    use initlab::web::charts::{confusion, fields, mistakes, set_language, Style};
    if option_env!("INITLAB_SHOTS").is_none() {
        return;
    }
    let mut rng = initlab::rng::Rng::seed_from(5);
    let random: Vec<f32> = (0..64 * 32)
        .map(|_| (0.3 * rng.standard_normal()) as f32)
        .collect();
    let images: Vec<Vec<u8>> = (0..16)
        .map(|k| {
            (0..64)
                .map(|p: usize| {
                    ((p * 7 + k * 5) % 17) as u8 * u8::from((p % 8).abs_diff(k % 8) < 3)
                })
                .collect()
        })
        .collect();
    let list: Vec<Mistake> = (0..16)
        .map(|k| Mistake {
            pixels: &images[k],
            truth: k % 10,
            predicted: (k + 3) % 10,
        })
        .collect();
    let mut counts = confusion_of(33);
    counts[3 * 10 + 8] = 2;
    counts[3 * 10 + 3] = 31;
    let table = |js: &'static str| -> &'static initlab::plot::labels::Labels {
        let start = js.find("export const charts = {").unwrap();
        let entries: Vec<(&str, &'static str)> = js[start..]
            .lines()
            .skip(1)
            .take_while(|l| !l.starts_with('}'))
            .filter_map(|l| {
                let (key, value) = l.trim().split_once(": \"")?;
                Some((key, value.trim_end_matches(',').trim_end_matches('"')))
            })
            .collect();
        let labels = initlab::plot::labels::Labels::from_lookup(|name| {
            entries.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
        })
        .unwrap();
        Box::leak(Box::new(labels))
    };
    let hindi = table(include_str!("../www/i18n/hi.js"));
    let chinese = table(include_str!("../www/i18n/zh.js"));
    // The dark palette is read from the page the first time a dark chart is drawn: the
    // test page is light, so its dark block is put in force for that first read.
    let css = include_str!("../www/style.css");
    let dark_root = &css[css.find("prefers-color-scheme: dark").unwrap()..];
    let dark_root = &dark_root[dark_root.find(":root").unwrap()..];
    let dark_root = &dark_root[..=dark_root.find('}').unwrap()];
    let document = web_sys::window().unwrap().document().unwrap();
    // The real digits: a net trained 300 steps, and one at step 0.
    with_digits();
    let mut trained = Lab::new("?data=digits&layers=32").unwrap();
    trained.step(300.0).unwrap();
    let mut untrained = Lab::new("?data=digits&layers=32").unwrap();
    // What the three views cost per draw (logged, not asserted: speed is for benchmarks).
    let performance = web_sys::window().unwrap().performance().unwrap();
    for key in ["boundary", "mistakes", "fields"] {
        let (canvases, _) = canvases_for(&[key], (400, 400));
        trained.draw_a(canvases.clone(), draw_options(1.0));
        let start = performance.now();
        for _ in 0..20 {
            trained.draw_a(canvases.clone(), draw_options(1.0));
        }
        let each = (performance.now() - start) / 20.0;
        web_sys::console::log_1(&format!("TIMING {key} {each:.2} ms per draw").into());
    }
    for dark in [false, true] {
        let forced = document.create_element("style").unwrap();
        if dark {
            forced.set_text_content(Some(dark_root));
            document
                .document_element()
                .unwrap()
                .append_child(&forced)
                .unwrap();
        }
        for (name, css_width, dpr, labels) in [
            ("desktop", 400.0, 1.0, None),
            ("phone", 334.0, 2.0, None),
            ("phone-hi", 334.0, 2.0, Some(hindi)),
            ("desktop-zh", 400.0, 1.0, Some(chinese)),
        ] {
            set_language(labels);
            let style = Style::new(dpr, dark);
            let px = |css: f64| (css * dpr) as u32;
            let shots = [
                ("confusion", canvas(px(css_width), px(css_width))),
                ("mistakes", canvas(px(css_width), px(240.0))),
                ("fields", canvas(px(css_width), px(css_width))),
                ("fields-constant", canvas(px(css_width), px(css_width))),
            ];
            confusion::draw(&shots[0].1, &counts, &style).unwrap();
            mistakes::draw(&shots[1].1, &list, (27, 359), &style).unwrap();
            fields::draw(&shots[2].1, &random, (64, 32), &style).unwrap();
            fields::draw(&shots[3].1, &vec![0.125; 64 * 32], (64, 32), &style).unwrap();
            let scheme = if dark { "dark" } else { "light" };
            for (run, lab) in [("trained", &mut trained), ("step0", &mut untrained)] {
                let (canvases, list) =
                    canvases_for(&["boundary", "fields"], (px(css_width), px(css_width)));
                let mistakes = canvas(px(css_width), px(240.0));
                js_sys::Reflect::set(&canvases, &"mistakes".into(), &mistakes).unwrap();
                let options = draw_options(dpr);
                js_sys::Reflect::set(&options, &"dark".into(), &JsValue::from_bool(dark)).unwrap();
                assert_eq!(lab.draw_a(canvases, options), None);
                for (key, c) in list
                    .iter()
                    .map(|(k, c)| (*k, c))
                    .chain([("mistakes", &mistakes)])
                {
                    let url = c.to_data_url().unwrap();
                    web_sys::console::log_1(
                        &format!("SHOT {name}-{scheme}-{run}-{key} {url}").into(),
                    );
                }
            }
            for (chart, c) in &shots {
                let url = c.to_data_url().unwrap();
                web_sys::console::log_1(
                    &format!(
                        "SHOT {name}-{}-{chart} {url}",
                        if dark { "dark" } else { "light" }
                    )
                    .into(),
                );
            }
        }
        forced.remove();
    }
    set_language(None);
}

/// The page's digits download, installed as the page does once it arrives.
fn with_digits() {
    initlab::digits::install(include_bytes!("../data/digits.bin")).expect("the committed file");
}

#[wasm_bindgen_test]
fn digits_view_on_the_digits_the_boundarys_canvas_shows_the_confusion_and_the_views_paint() {
    with_digits();
    let mut lab = Lab::new("?data=digits&layers=32&init=constant&const=0.05&scale=manual").unwrap();
    let notices: js_sys::Array = lab.notices().unwrap().dyn_into().unwrap();
    assert_eq!(notices.length(), 0, "a clean digits link");
    let (canvases, list) = canvases_for(&["boundary", "mistakes", "fields"], (390, 420));
    assert_eq!(lab.draw_a(canvases.clone(), draw_options(1.0)), None);
    for (key, c) in &list {
        let bytes = pixels(c);
        assert!(
            bytes.chunks(4).any(|p| p != &bytes[..4]),
            "{key} is painted"
        );
    }
    // The confusion matrix in the boundary's place: the series colour of a full cell (a net
    // that answers one class for every digit fills that column).
    let full = page_colour("--chart-a");
    assert!(pixels(&list[0].1).chunks(4).any(|p| p[..3] == full[..3]));
    // Constant init: the 16 receptive fields are one image, and they are the first layer's:
    // drawn again from the exported weights, the canvas is the same.
    let drawn_by_lab = pixels(&list[2].1);
    let rects = initlab::web::charts::fields::draw(
        &list[2].1,
        &lab_first_layer(&lab),
        (64, 32),
        &initlab::web::charts::Style::new(1.0, false),
    )
    .unwrap();
    assert_eq!(
        pixels(&list[2].1),
        drawn_by_lab,
        "the Lab draws the first layer"
    );
    let drawn = fields_drawn(&list[2].1, &rects);
    assert_eq!(drawn.len(), 16);
    assert!(drawn.iter().all(|f| f == &drawn[0]));
    lab.step(200.0).unwrap();
    let before: Vec<Vec<u8>> = list.iter().map(|(_, c)| pixels(c)).collect();
    assert_eq!(lab.draw_a(canvases, draw_options(1.0)), None);
    assert_ne!(
        pixels(&list[0].1),
        before[0],
        "training changes the confusion matrix"
    );
}

/// The first layer's weights of a Lab's network A, through its weights export.
fn lab_first_layer(lab: &Lab) -> Vec<f32> {
    let layers: js_sys::Array = side_a(lab.weights(A)).dyn_into().unwrap();
    let w: js_sys::Array = get(&layers.get(0), "w").dyn_into().unwrap();
    w.iter().map(|v| v.as_f64().unwrap() as f32).collect()
}

/// `{act, sigmaW, sigmaB, depth, …}` for `meanField`, with `extra` (key, value) pairs on top.
fn mean_field_request(
    act: &str,
    sigma_w: f64,
    sigma_b: f64,
    depth: f64,
    extra: &[(&str, JsValue)],
) -> JsValue {
    let request = object("act", JsValue::from_str(act));
    for (key, value) in [
        ("sigmaW", JsValue::from_f64(sigma_w)),
        ("sigmaB", JsValue::from_f64(sigma_b)),
        ("depth", JsValue::from_f64(depth)),
    ]
    .into_iter()
    .chain(extra.iter().cloned())
    {
        js_sys::Reflect::set(&request, &JsValue::from_str(key), &value).unwrap();
    }
    request
}

#[wasm_bindgen_test]
fn mean_field_answers_plain_numbers_with_infinity_and_never_nan() {
    use initlab::web::mean_field_js;
    // ReLU at σ_w² = 2.25 > 2: the length grows without bound, q* = ∞, and c^l approaches 1
    // only polynomially, ξ_c = ∞; both must cross into JS as the number Infinity.
    let answer = mean_field_js(mean_field_request("relu", 1.5, 0.0, 4.0, &[])).expect("in range");
    assert_eq!(get(&answer, "q_star").as_f64(), Some(f64::INFINITY));
    assert_eq!(get(&answer, "xi_c").as_f64(), Some(f64::INFINITY));
    let q: Vec<f64> = js_sys::Array::from(&get(&answer, "q"))
        .iter()
        .filter_map(|x| x.as_f64())
        .collect();
    let c: Vec<f64> = js_sys::Array::from(&get(&answer, "c"))
        .iter()
        .filter_map(|x| x.as_f64())
        .collect();
    assert_eq!((q.len(), c.len()), (5, 5), "depth + 1 numbers each");
    // q[0] = q0 = 1 by default, then q^l = σ_w²·q^{l−1}/2 exactly for ReLU without bias.
    assert_eq!(q[0], 1.0);
    assert!((q[4] - 1.125f64.powi(4)).abs() < 1e-12, "{q:?}");
    assert_eq!(c[0], 0.5);
    // tanh in its chaotic phase: finite ξ_c, c* < 1, and every number a number.
    let request = mean_field_request("tanh", 2.5, 0.05, 30.0, &[("c0", JsValue::from_f64(0.9))]);
    let answer = mean_field_js(request).expect("in range");
    let xi = get(&answer, "xi_c").as_f64().expect("a number");
    assert!(xi.is_finite() && xi > 0.0, "{xi}");
    assert!(get(&answer, "c_star").as_f64().expect("a number") < 1.0);
    assert_eq!(
        js_sys::Array::from(&get(&answer, "c")).get(0).as_f64(),
        Some(0.9)
    );
}

#[wasm_bindgen_test]
fn mean_field_refuses_an_argument_out_of_range_by_name_with_its_id() {
    use initlab::web::mean_field_js;
    let refused = |request: JsValue| {
        let error = mean_field_js(request).expect_err("refused");
        let text = get(&error, "text");
        (
            js_sys::Error::from(error.clone())
                .message()
                .as_string()
                .unwrap_or_default(),
            get(&error, "field").as_string(),
            get(&text, "id").as_string().unwrap_or_default(),
        )
    };
    let (message, field, id) = refused(mean_field_request("tanh", 0.0, 0.1, 10.0, &[]));
    assert_eq!(message, "meanField: sigmaW must be in (0, 10], not 0");
    assert_eq!(
        (field.as_deref(), id.as_str()),
        (Some("meanField"), "meanField.range")
    );
    let (message, _, _) = refused(mean_field_request("tanh", 1.0, 0.1, 1001.0, &[]));
    assert_eq!(message, "meanField: depth must be in 1…1000, not 1001");
    let (message, _, id) = refused(mean_field_request(
        "tanh",
        1.0,
        0.1,
        10.0,
        &[("c0", JsValue::from_str("high"))],
    ));
    assert_eq!(
        (message.as_str(), id.as_str()),
        (
            "meanField: c0 must be a number in [−1, 1], not high",
            "meanField.number"
        )
    );
    let (message, _, _) = refused(mean_field_request("softsign", 1.0, 0.1, 10.0, &[]));
    assert!(
        message.contains("act must be one of sigmoid, tanh, relu, linear, not 'softsign'"),
        "{message}"
    );
    let (_, _, id) = refused(JsValue::from_f64(3.0));
    assert_eq!(id, "meanField.object");
}

#[wasm_bindgen_test]
fn the_through_depth_view_paints_changes_with_the_points_and_names_a_bad_one() {
    // 20 layers of 64 (issue #21's edge-of-chaos network): the view draws, without a message.
    let mut lab = Lab::new(&format!("?layers={}", ["64"; 20].join(","))).unwrap();
    let (canvases, list) = canvases_for(&["through"], (480, 480));
    let options = draw_options(1.0);
    assert_eq!(lab.draw_a(canvases.clone(), options.clone()), None);
    let first = pixels(&list[0].1);
    assert!(
        first.chunks(4).any(|p| p != &first[..4]),
        "more than a background"
    );
    // Two other points: a different correlation, a different picture.
    let points = js_sys::Array::of2(&JsValue::from_f64(3.0), &JsValue::from_f64(7.0));
    js_sys::Reflect::set(&options, &"throughPoints".into(), &points).unwrap();
    assert_eq!(lab.draw_a(canvases.clone(), options.clone()), None);
    assert_ne!(
        pixels(&list[0].1),
        first,
        "the picked points change the view"
    );
    // A point past the training set draws its message instead, never a panic.
    let points = js_sys::Array::of2(&JsValue::from_f64(0.0), &JsValue::from_f64(1e6));
    js_sys::Reflect::set(&options, &"throughPoints".into(), &points).unwrap();
    assert_eq!(lab.draw_a(canvases, options), None);
}

#[wasm_bindgen_test]
fn a_click_on_the_decision_boundary_picks_a_training_point_and_the_picked_two_are_ringed() {
    let mut lab = Lab::new("?data=circles").unwrap();
    assert_eq!(
        lab.through_point_at(240.0, 260.0),
        None,
        "nothing drawn yet"
    );
    let (canvases, list) = canvases_for(&["boundary"], (480, 480));
    let options = draw_options(1.0);
    assert_eq!(lab.draw_a(canvases.clone(), options.clone()), None);
    let picked = lab
        .through_point_at(240.0, 260.0)
        .expect("a click on the plot picks a point");
    assert_eq!(
        lab.through_point_at(2.0, 2.0),
        None,
        "the legend's corner is off the plot"
    );
    assert_eq!(lab.through_point_at(f64::NAN, 260.0), None);
    // Ringing another pair changes the picture.
    let first = pixels(&list[0].1);
    let points = js_sys::Array::of2(&JsValue::from_f64(picked.into()), &JsValue::from_f64(1.0));
    js_sys::Reflect::set(&options, &"throughPoints".into(), &points).unwrap();
    assert_eq!(lab.draw_a(canvases, options.clone()), None);
    assert_ne!(pixels(&list[0].1), first, "the picked point is ringed");
    // A draw of another view alone keeps where the plane is.
    let (depth, _) = canvases_for(&["depth"], (480, 480));
    assert_eq!(lab.draw_a(depth, options), None);
    assert_eq!(lab.through_point_at(240.0, 260.0), Some(picked));
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

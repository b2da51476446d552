//! Every framework preset draws from exactly the distribution its library documents.

use initlab::config::presets::PRESETS;
use initlab::init::{BiasInit, Distribution};
use initlab::Config;

/// Keras divides σ by the std of N(0, 1) cut at ±2 so the truncated weights keep variance σ².
const KERAS_TRUNCATION_STD: f64 = 0.879_625_661_034_239_8;
const FANS: [(usize, usize); 4] = [(2, 8), (8, 8), (64, 16), (16, 1)];

fn close(a: f64, b: f64) -> bool {
    // The preset and the formula compute the same quantity by different routes (σ√3 vs √(3/n)):
    // a few ulps apart at most.
    (a - b).abs() <= 1e-14 * a.abs().max(b.abs())
}

fn resolve(preset: &str, fan_in: usize, fan_out: usize) -> (Distribution, BiasInit) {
    let config = Config::default()
        .with_changes([("preset", preset)])
        .unwrap();
    assert_eq!(config.preset, preset);
    let spec = config.validate().unwrap();
    (
        spec.weights
            .for_layer(fan_in, fan_out)
            .unwrap()
            .distribution,
        spec.bias,
    )
}

fn assert_uniform(d: Distribution, bound: f64, what: &str) {
    match d {
        Distribution::Uniform { lo, hi } => assert!(
            close(lo, -bound) && close(hi, bound),
            "{what}: U({lo}, {hi}) vs ±{bound}"
        ),
        other => panic!("{what}: expected a uniform, got {other:?}"),
    }
}

fn assert_normal(d: Distribution, std: f64, what: &str) {
    match d {
        Distribution::Normal { std: s } => assert!(close(s, std), "{what}: std {s} vs {std}"),
        other => panic!("{what}: expected a normal, got {other:?}"),
    }
}

fn assert_truncated(d: Distribution, std: f64, lo: f64, hi: f64, what: &str) {
    match d {
        Distribution::TruncatedNormal {
            std: s,
            lo: a,
            hi: b,
        } => {
            assert!(
                close(s, std) && close(a, lo) && close(b, hi),
                "{what}: TN({s}, [{a}, {b}]) vs TN({std}, [{lo}, {hi}])"
            )
        }
        other => panic!("{what}: expected a truncated normal, got {other:?}"),
    }
}

#[test]
fn every_preset_equals_its_published_formula() {
    for (fi, fo) in FANS {
        let (n_in, n_sum) = (fi as f64, (fi + fo) as f64);
        let what = |p: &str| format!("{p} at fan_in {fi}, fan_out {fo}");

        let (w, b) = resolve("torch-linear", fi, fo);
        assert_uniform(w, 1.0 / n_in.sqrt(), &what("torch-linear"));
        assert_eq!(
            b,
            BiasInit::SameAsWeights,
            "nn.Linear draws its bias from U(±1/√fan_in) too"
        );

        assert_uniform(
            resolve("torch-xavier-uniform", fi, fo).0,
            (6.0 / n_sum).sqrt(),
            &what("xavier_uniform_"),
        );
        assert_normal(
            resolve("torch-xavier-normal", fi, fo).0,
            (2.0 / n_sum).sqrt(),
            &what("xavier_normal_"),
        );
        assert_normal(
            resolve("torch-kaiming-normal", fi, fo).0,
            (2.0 / n_in).sqrt(),
            &what("kaiming_normal_"),
        );
        assert_truncated(
            resolve("torch-trunc-normal", fi, fo).0,
            1.0,
            -2.0,
            2.0,
            &what("trunc_normal_"),
        );

        assert_uniform(
            resolve("keras-glorot-uniform", fi, fo).0,
            (6.0 / n_sum).sqrt(),
            &what("GlorotUniform"),
        );
        for (preset, variance) in [
            ("keras-glorot-normal", 2.0 / n_sum),
            ("keras-he-normal", 2.0 / n_in),
            ("keras-lecun-normal", 1.0 / n_in),
        ] {
            let s = variance.sqrt() / KERAS_TRUNCATION_STD;
            assert_truncated(
                resolve(preset, fi, fo).0,
                s,
                -2.0 * s,
                2.0 * s,
                &what(preset),
            );
        }
        assert_truncated(
            resolve("keras-truncated-normal", fi, fo).0,
            0.05,
            -0.1,
            0.1,
            &what("TruncatedNormal"),
        );

        let (w, b) = resolve("caffe-xavier", fi, fo);
        assert_uniform(w, (3.0 / n_in).sqrt(), &what("XavierFiller"));
        assert_eq!(b, BiasInit::Zeros);

        // orthogonal_: entries of a (semi-)orthogonal matrix have mean square 1/max(fans);
        // LSUV starts there (the data then rescales it, tests/init_lsuv.rs).
        for preset in ["torch-orthogonal", "lsuv"] {
            let config = Config::default()
                .with_changes([("preset", preset)])
                .unwrap();
            let layer = config
                .validate()
                .unwrap()
                .weights
                .for_layer(fi, fo)
                .unwrap();
            assert_eq!(
                layer.draw,
                initlab::init::Draw::Orthogonal { gain: 1.0 },
                "{preset}"
            );
            assert_normal(
                layer.distribution,
                1.0 / (fi.max(fo) as f64).sqrt(),
                &what(preset),
            );
        }

        let (w, b) = resolve("playground", fi, fo);
        assert_uniform(w, 0.5, &what("playground"));
        assert_eq!(b, BiasInit::Constant(0.1));
    }
}

#[test]
fn keras_presets_keep_the_requested_variance_after_truncation() {
    let (w, _) = resolve("keras-glorot-normal", 64, 64);
    // The point of dividing by 0.8796: the std after cutting at ±2σ' is exactly √(2/(64+64)).
    assert!(
        (w.std() - (2.0f64 / 128.0).sqrt()).abs() < 1e-12,
        "{}",
        w.std()
    );
}

#[test]
fn a_later_key_overrides_the_preset() {
    let config = Config::default()
        .with_changes([("preset", "keras-he-normal"), ("correct", "0")])
        .unwrap();
    let spec = config.validate().unwrap();
    match spec.weights.for_layer(8, 8).unwrap().distribution {
        Distribution::TruncatedNormal { std, .. } => assert!(close(std, 0.5), "{std}"),
        other => panic!("{other:?}"),
    }
    let (config, notices) = Config::from_query("sigma=0.2&scale=manual&preset=playground");
    assert!(notices.is_empty());
    assert_eq!(
        config.sigma, 0.2,
        "an explicit key wins over the preset whatever the order in the URL"
    );
}

#[test]
fn every_preset_is_listed_with_a_formula_and_builds_a_network() {
    assert_eq!(PRESETS.len(), 14);
    for p in PRESETS {
        assert!(!p.formula.is_empty());
        let config = Config::default()
            .with_changes([("preset", p.name)])
            .unwrap();
        assert!(initlab::Experiment::new(&config).is_ok(), "{}", p.name);
    }
}

//! Orthogonal init (Saxe et al. 2014; PyTorch's `orthogonal_`): every layer's weights are
//! gain × a (semi-)orthogonal matrix, seeded like every other init, and the scale rules do
//! not apply to it.

mod common;
use common::{config, experiment};
use initlab::init::{orthogonal, Draw, Family, ScaleRule, WeightInit};
use initlab::Experiment;

/// max |G − gain²·I| / gain² over the smaller Gram matrix of the layer's f32 weights: WᵀW
/// (columns) when fan_out ≥ fan_in, else WWᵀ (rows).
fn gram_error(exp: &Experiment, l: usize, gain: f64) -> f64 {
    let shape = exp.mlp().layers[l];
    let w: Vec<f64> = exp.mlp().params[shape.weights()]
        .iter()
        .map(|&x| x as f64)
        .collect();
    let (rows, cols) = (shape.n_out, shape.n_in);
    // entry(k, p): the k-th entry of the p-th orthonormal vector.
    let (vectors, length) = if rows >= cols {
        (cols, rows)
    } else {
        (rows, cols)
    };
    let entry = |k: usize, p: usize| {
        if rows >= cols {
            w[k * cols + p]
        } else {
            w[p * cols + k]
        }
    };
    let mut worst: f64 = 0.0;
    for p in 0..vectors {
        for r in 0..vectors {
            let dot: f64 = (0..length).map(|k| entry(k, p) * entry(k, r)).sum();
            let target = if p == r { gain * gain } else { 0.0 };
            worst = worst.max((dot - target).abs());
        }
    }
    worst / (gain * gain)
}

#[test]
fn orthogonal_layers_are_gain_times_orthonormal_columns_or_rows() {
    // 2 → 16 is tall (WᵀW = g²I), 16 → 64 tall, 64 → 64 square, 64 → 8 wide (WWᵀ = g²I),
    // 8 → 1 the output's single row; gains: 1, tanh's 5/3, small and large.
    for gain in ["1", "1.6666666666666667", "0.25", "4"] {
        let exp = experiment(&[
            ("init", "orthogonal"),
            ("gain", gain),
            ("layers", "16,64,64,8"),
        ]);
        let g: f64 = gain.parse().unwrap();
        for l in 0..exp.mlp().layers.len() {
            let error = gram_error(&exp, l, g);
            // The QR is exact to ~1e-15 in f64; rounding the weights to f32 costs ~1e-7.
            assert!(
                error < 1e-5,
                "gain {gain}, layer {l}: relative error {error:e}"
            );
        }
    }
}

#[test]
fn every_entry_has_mean_square_gain_squared_over_the_wider_fan() {
    // n orthonormal vectors of length m hold Σw² = n exactly: mean square n/(mn) = 1/m.
    let exp = experiment(&[("init", "orthogonal"), ("gain", "2"), ("layers", "16,4")]);
    for (l, init) in exp.inits().iter().enumerate() {
        let shape = exp.mlp().layers[l];
        let w = &exp.mlp().params[shape.weights()];
        let mean_sq = w.iter().map(|&x| x as f64 * x as f64).sum::<f64>() / w.len() as f64;
        let expected = 4.0 / shape.n_in.max(shape.n_out) as f64;
        assert!(
            (mean_sq / expected - 1.0).abs() < 1e-5,
            "layer {l}: {mean_sq} vs {expected}"
        );
        assert!((init.sigma_used.powi(2) / expected - 1.0).abs() < 1e-12);
        assert_eq!(init.draw, Draw::Orthogonal { gain: 2.0 });
    }
}

#[test]
fn orthogonal_init_is_seeded_and_reproducible() {
    let changes = [("init", "orthogonal"), ("layers", "12,12"), ("seed", "7")];
    let (mut a, mut b) = (experiment(&changes), experiment(&changes));
    assert_eq!(a.mlp().params, b.mlp().params);
    a.step(200);
    b.step(200);
    assert_eq!(a.history(), b.history());
    let other = experiment(&[("init", "orthogonal"), ("layers", "12,12"), ("seed", "8")]);
    assert_ne!(experiment(&changes).mlp().params, other.mlp().params);
}

#[test]
fn the_scale_rules_do_not_apply_and_a_link_naming_them_is_read_without_effect() {
    let ortho = config(&[("init", "orthogonal")]);
    assert!(!ortho.applies("scale") && !ortho.applies("sigma"));
    assert!(
        ortho.applies("gain"),
        "the gain multiplies the orthogonal matrix"
    );
    let lsuv = config(&[("init", "lsuv")]);
    assert!(!lsuv.applies("scale") && !lsuv.applies("sigma") && !lsuv.applies("gain"));
    // As for zeros and constants: the keys are read (their ranges checked) and ignored.
    let (with_rule, notices) =
        initlab::Config::from_query("init=orthogonal&scale=he&sigma=3&layers=8,8");
    assert!(notices.is_empty(), "{notices:?}");
    let (plain, _) = initlab::Config::from_query("init=orthogonal&layers=8,8");
    let (a, b) = (
        Experiment::new(&with_rule).unwrap(),
        Experiment::new(&plain).unwrap(),
    );
    assert_eq!(a.mlp().params, b.mlp().params);
    let (_, notices) = initlab::Config::from_query("init=orthogonal&sigma=0");
    assert_eq!(
        notices.len(),
        1,
        "a value out of its range is still refused"
    );
}

#[test]
fn a_layer_too_wide_for_the_qr_is_refused_in_words() {
    let init = WeightInit {
        family: Family::Orthogonal,
        scale: ScaleRule::Glorot,
        gain: 1.0,
    };
    assert!(init.for_layer(orthogonal::MAX_UNITS, 3).is_ok());
    let wide = orthogonal::MAX_UNITS + 1;
    for (fan_in, fan_out) in [(wide, 8), (8, wide), (1024, 1024)] {
        let error = init.for_layer(fan_in, fan_out).unwrap_err();
        assert_eq!(error.field, "layers");
        let words = error.to_string();
        assert!(
            words.contains(&orthogonal::MAX_UNITS.to_string()) && words.contains("QR"),
            "{words}"
        );
    }
    let lsuv = WeightInit {
        family: Family::Lsuv,
        ..init
    };
    assert_eq!(lsuv.for_layer(1024, 1024).unwrap_err().field, "layers");
}

#[test]
fn a_gain_that_is_not_a_positive_number_is_refused() {
    for gain in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let init = WeightInit {
            family: Family::Orthogonal,
            scale: ScaleRule::Glorot,
            gain,
        };
        assert_eq!(init.for_layer(8, 8).unwrap_err().field, "gain", "{gain}");
    }
}

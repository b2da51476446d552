//! `bsigma`: biases drawn from N(0, σ_b²), the σ_b axis of mean-field theory's phase
//! diagram (issue #21). Drawn from their own seeded stream, so σ_b moves a network along that
//! axis with the same weights; above 0 it overrides `bias`; at 0 (the default) nothing changes.

mod common;

use common::{config, experiment};
use initlab::{Config, Experiment};

/// Every bias of the network, layer after layer (the output's last).
fn biases(experiment: &Experiment) -> Vec<f64> {
    let mlp = experiment.mlp();
    (mlp.layers.iter())
        .flat_map(|shape| mlp.params[shape.biases()].iter().map(|&b| b as f64))
        .collect()
}

/// Every weight of the network, without the biases.
fn weights(experiment: &Experiment) -> Vec<f64> {
    let mlp = experiment.mlp();
    (mlp.layers.iter())
        .flat_map(|shape| mlp.params[shape.weights()].iter().map(|&w| w as f64))
        .collect()
}

#[test]
fn drawn_biases_have_mean_zero_and_std_sigma_b_within_sampling_error() {
    // 3 × 256 + 1 = 769 biases. For n normal draws the sample mean has standard error
    // σ/√n and the sample std σ/√(2n): 4 standard errors fail once in 16,000 seeds.
    for (seed, sigma_b) in [("1", 0.05), ("2", 0.3), ("3", 2.0)] {
        let drawn = biases(&experiment(&[
            ("layers", "256,256,256"),
            ("bsigma", &sigma_b.to_string()),
            ("seed", seed),
        ]));
        let n = drawn.len() as f64;
        let mean = drawn.iter().sum::<f64>() / n;
        let std = (drawn.iter().map(|b| (b - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        assert!(
            mean.abs() < 4.0 * sigma_b / n.sqrt(),
            "σ_b {sigma_b}: mean {mean}"
        );
        assert!(
            (std - sigma_b).abs() < 4.0 * sigma_b / (2.0 * n).sqrt(),
            "σ_b {sigma_b}: std {std}"
        );
    }
}

#[test]
fn bsigma_above_zero_overrides_the_bias_value_and_init() {
    let drawn = biases(&experiment(&[("bsigma", "0.2")]));
    for bias in ["0.5", "init", "-1"] {
        let both = config(&[("bias", bias), ("bsigma", "0.2")]);
        assert!(!both.applies("bias"), "bias={bias} is overridden");
        assert_eq!(
            biases(&Experiment::new(&both).unwrap()),
            drawn,
            "bias={bias}"
        );
    }
    // Without σ_b the bias value applies again.
    let constant = config(&[("bias", "0.5")]);
    assert!(constant.applies("bias"));
    assert!(biases(&Experiment::new(&constant).unwrap())
        .iter()
        .all(|&b| b == 0.5));
}

#[test]
fn drawn_biases_leave_the_weights_as_they_were() {
    let plain = experiment(&[("layers", "16,16")]);
    let drawn = experiment(&[("layers", "16,16"), ("bsigma", "0.3")]);
    assert_eq!(weights(&plain), weights(&drawn));
    assert!(biases(&plain).iter().all(|&b| b == 0.0));
    assert!(biases(&drawn).iter().all(|&b| b != 0.0));
}

#[test]
fn drawn_biases_are_seeded_and_reproducible() {
    let once = biases(&experiment(&[("bsigma", "0.1"), ("seed", "7")]));
    let again = biases(&experiment(&[("bsigma", "0.1"), ("seed", "7")]));
    let other = biases(&experiment(&[("bsigma", "0.1"), ("seed", "8")]));
    assert_eq!(once, again);
    assert_ne!(once, other);
    // σ_b scales one standard normal draw per bias: the same draws at twice the σ_b.
    let twice = biases(&experiment(&[("bsigma", "0.2"), ("seed", "7")]));
    for (a, b) in once.iter().zip(&twice) {
        assert!(
            (2.0 * a - b).abs() <= 1e-6 * b.abs().max(1e-6),
            "{a} vs {b}"
        );
    }
}

#[test]
fn bsigma_zero_is_the_default_and_changes_no_number() {
    assert_eq!(Config::default().get("bsigma"), "0");
    let explicit = experiment(&[("bsigma", "0"), ("bias", "0.1")]);
    let without = experiment(&[("bias", "0.1")]);
    assert_eq!(explicit.mlp().params, without.mlp().params);
    assert!(!Config::default().to_query().contains("bsigma"));
}

#[test]
fn bsigma_round_trips_through_the_link() {
    let set = config(&[
        ("init", "normal"),
        ("scale", "lecun"),
        ("gain", "1.19"),
        ("bsigma", "0.1"),
    ]);
    let query = set.to_query();
    assert!(query.contains("bsigma=0.1"), "{query}");
    let (read, notices) = Config::from_query(&query);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(read, set);
    let a = Experiment::new(&set).unwrap();
    let b = Experiment::new(&read).unwrap();
    assert_eq!(a.mlp().params, b.mlp().params);
}

#[test]
fn bsigma_out_of_range_is_refused_in_words() {
    for (value, shown) in [("-0.1", "-0.1"), ("10.5", "10.5"), ("1e3", "1000")] {
        let mut config = Config::default();
        config.set("bsigma", value).unwrap();
        let error = config.validate().unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("bsigma: must be between 0 and 10, not {shown}")
        );
    }
    let mut config = Config::default();
    let error = config.set("bsigma", "wide").unwrap_err();
    assert_eq!(error.field, "bsigma");
    let (_, notices) = Config::from_query("bsigma=-1");
    assert_eq!(notices.first().map(|e| e.field), Some("bsigma"));
}

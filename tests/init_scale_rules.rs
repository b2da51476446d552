//! Scale rules (LeCun, Glorot, He, manual), the gain, variance correction of truncated
//! normals, and the errors for settings that cannot work.

use initlab::init::{BoundsUnit, Distribution, Family, LayerInit, ScaleRule, WeightInit};
use initlab::rng::Rng;
use initlab::ConfigError;

/// Fan sizes (fan_in, fan_out): tiny, square, and a single output.
const FANS: [(usize, usize); 3] = [(2, 8), (64, 64), (16, 1)];
const GAINS: [f64; 3] = [1.0, 5.0 / 3.0, std::f64::consts::SQRT_2];

fn layer(
    family: Family,
    scale: ScaleRule,
    gain: f64,
    fans: (usize, usize),
) -> Result<LayerInit, ConfigError> {
    WeightInit {
        family,
        scale,
        gain,
    }
    .for_layer(fans.0, fans.1)
}

fn truncated(lo: f64, hi: f64, bounds: BoundsUnit, variance_corrected: bool) -> Family {
    Family::TruncatedNormal {
        lo,
        hi,
        bounds,
        variance_corrected,
    }
}

#[test]
fn lecun_glorot_he_std_match_their_formulas() {
    for (fan_in, fan_out) in FANS {
        let (fi, fo) = (fan_in as f64, fan_out as f64);
        for gain in GAINS {
            let expected = [
                (ScaleRule::LeCun, (gain * gain / fi).sqrt()),
                (ScaleRule::Glorot, (2.0 * gain * gain / (fi + fo)).sqrt()),
                (ScaleRule::He, (2.0 * gain * gain / fi).sqrt()),
            ];
            for (rule, sigma) in expected {
                // Same formula, different order of operations: a few ulp apart at most.
                let got = rule.std(gain, fan_in, fan_out);
                assert!(
                    (got / sigma - 1.0).abs() < 1e-15,
                    "{rule:?} {fan_in}x{fan_out} gain {gain}"
                );
            }
        }
    }
}

#[test]
fn manual_sigma_is_used_as_is_and_ignores_the_gain() {
    assert_eq!(ScaleRule::Manual(0.05).std(3.0, 10, 10), 0.05);
    let init = layer(Family::Normal, ScaleRule::Manual(0.05), 3.0, (10, 10)).unwrap();
    assert_eq!(init.distribution, Distribution::Normal { std: 0.05 });
}

#[test]
fn normal_and_uniform_weights_have_the_rule_variance() {
    let draws = 200_000;
    for (k, rule) in [ScaleRule::LeCun, ScaleRule::Glorot, ScaleRule::He]
        .into_iter()
        .enumerate()
    {
        for (fan_in, fan_out) in FANS {
            let gain = 5.0 / 3.0;
            let sigma = rule.std(gain, fan_in, fan_out);
            // Normal: μ₄ = 3σ⁴. Uniform ±σ√3: μ₄ = 9σ⁴/5.
            for (family, mu4) in [(Family::Normal, 3.0), (Family::Uniform, 9.0 / 5.0)] {
                let init = layer(family, rule, gain, (fan_in, fan_out)).unwrap();
                assert_eq!(init.sigma_requested, sigma);
                let mut rng = Rng::seed_from(1000 + k as u64 * 10 + fan_in as u64);
                let mut w = vec![0.0; draws];
                init.distribution.fill(&mut rng, &mut w);
                let n = w.len() as f64;
                let mean = w.iter().sum::<f64>() / n;
                let var = w.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
                // 4 standard errors: SE(mean) = σ/√n, SE(variance) = √((μ₄ − σ⁴)/n).
                let se_mean = sigma / n.sqrt();
                let se_var = ((mu4 - 1.0) * sigma.powi(4) / n).sqrt();
                assert!(
                    mean.abs() < 4.0 * se_mean,
                    "{rule:?} {family:?} mean {mean}"
                );
                assert!(
                    (var - sigma * sigma).abs() < 4.0 * se_var,
                    "{rule:?} {family:?} var {var} vs {}",
                    sigma * sigma
                );
            }
        }
    }
}

#[test]
fn uniform_family_spans_plus_minus_sigma_sqrt_3() {
    let init = layer(Family::Uniform, ScaleRule::He, 1.0, (8, 8)).unwrap();
    let a = 0.5 * 3f64.sqrt(); // σ = √(2/8) = 0.5
    let Distribution::Uniform { lo, hi } = init.distribution else {
        panic!()
    };
    assert!((hi - a).abs() < 1e-15 && (lo + a).abs() < 1e-15);
    assert!((init.distribution.std() - 0.5).abs() < 1e-15);
}

#[test]
fn keras_variance_correction_divides_sigma_by_0_8796() {
    // Keras: TruncatedNormal(stddev = σ/0.87962566103423978), cut at ±2 of that stddev.
    let family = truncated(-2.0, 2.0, BoundsUnit::Sigma, true);
    let init = layer(family, ScaleRule::He, 1.0, (50, 10)).unwrap();
    let sigma = 0.2; // √(2/50)
    assert!((init.sigma_requested - sigma).abs() < 1e-15);
    assert!((init.sigma_used - sigma / 0.879_625_661_034_239_8).abs() < 1e-12);
}

#[test]
fn variance_corrected_sigma_bounds_give_the_requested_std() {
    for (lo, hi) in [(-2.0, 2.0), (-1.0, 3.0), (0.0, f64::INFINITY), (-0.5, 0.5)] {
        let init = layer(
            truncated(lo, hi, BoundsUnit::Sigma, true),
            ScaleRule::Glorot,
            1.0,
            (64, 64),
        )
        .unwrap();
        // std after truncation = σ'·s with σ' = σ/s: equal up to rounding, so 1e-12.
        assert!(
            (init.distribution.std() - init.sigma_requested).abs() < 1e-12,
            "[{lo}, {hi}]"
        );
    }
}

#[test]
fn uncorrected_truncation_at_two_sigma_shrinks_std_to_0_8796_sigma() {
    // PyTorch's trunc_normal_(std=σ, a=−2σ, b=2σ) keeps σ as the parent: the weights come out narrower.
    let init = layer(
        truncated(-2.0, 2.0, BoundsUnit::Sigma, false),
        ScaleRule::Manual(0.1),
        1.0,
        (4, 4),
    )
    .unwrap();
    assert_eq!(init.sigma_used, 0.1);
    assert!((init.distribution.std() - 0.1 * 0.879_625_661_034_239_8).abs() < 1e-14);
}

#[test]
fn variance_corrected_absolute_bounds_give_the_requested_std() {
    for (lo, hi, sigma) in [
        (-0.1, 0.2, 0.05),
        (-0.3, 0.3, 0.15),
        (0.05, 0.5, 0.04),
        (-1.0, f64::INFINITY, 0.8),
    ] {
        let init = layer(
            truncated(lo, hi, BoundsUnit::Absolute, true),
            ScaleRule::Manual(sigma),
            1.0,
            (4, 4),
        )
        .unwrap();
        // Bisection on ln σ' to double precision; 1e-9 is the promised bound.
        assert!(
            (init.distribution.std() / sigma - 1.0).abs() < 1e-9,
            "[{lo}, {hi}]: {}",
            init.distribution.std()
        );
        assert_eq!(
            init.distribution,
            Distribution::TruncatedNormal {
                std: init.sigma_used,
                lo,
                hi
            }
        );
    }
}

#[test]
fn variance_corrected_half_normal_parent_is_sigma_over_sqrt_1_minus_2_over_pi() {
    // A half-normal N(0, σ'²) on [0, ∞) has std σ'·√(1 − 2/π) exactly.
    let init = layer(
        truncated(0.0, f64::INFINITY, BoundsUnit::Absolute, true),
        ScaleRule::Manual(0.1),
        1.0,
        (4, 4),
    )
    .unwrap();
    let expected = 0.1 / (1.0 - 2.0 / std::f64::consts::PI).sqrt();
    assert!(
        (init.sigma_used / expected - 1.0).abs() < 1e-9,
        "{}",
        init.sigma_used
    );
}

#[test]
fn cut_at_two_sigma_draws_no_weight_beyond_two_sigma() {
    for corrected in [false, true] {
        let init = layer(
            truncated(-2.0, 2.0, BoundsUnit::Sigma, corrected),
            ScaleRule::He,
            1.0,
            (32, 32),
        )
        .unwrap();
        let limit = 2.0 * init.sigma_used;
        let mut w = vec![0.0; 100_000];
        init.distribution.fill(&mut Rng::seed_from(17), &mut w);
        assert!(
            w.iter().all(|&x| x.abs() <= limit),
            "corrected = {corrected}"
        );
        // And the cut really is at 2σ: some weights come within 1% of it (P ≈ 1 − 1e-30).
        assert!(w.iter().any(|&x| x.abs() > 0.99 * limit));
    }
}

#[test]
fn zeros_and_constant_ignore_the_scale_rule() {
    let init = layer(Family::Zeros, ScaleRule::Manual(-1.0), f64::NAN, (4, 4)).unwrap();
    assert_eq!(
        (init.distribution, init.sigma_used, init.sigma_requested),
        (Distribution::Zeros, 0.0, 0.0)
    );
    let init = layer(Family::Constant(0.5), ScaleRule::He, 1.0, (4, 4)).unwrap();
    assert_eq!(init.distribution, Distribution::Constant(0.5));
}

#[test]
fn non_positive_or_non_finite_sigma_is_refused_on_field_sigma() {
    for (sigma, shown) in [
        (0.0, "0"),
        (-0.5, "-0.5"),
        (f64::INFINITY, "∞"),
        (f64::NAN, "NaN"),
    ] {
        let err = layer(Family::Normal, ScaleRule::Manual(sigma), 1.0, (4, 4)).unwrap_err();
        assert_eq!(err.field, "sigma");
        assert!(
            err.message.contains(shown),
            "{shown:?} missing in {}",
            err.message
        );
    }
}

#[test]
fn non_positive_or_non_finite_gain_is_refused_on_field_gain() {
    for (gain, shown) in [
        (0.0, "0"),
        (-2.0, "-2"),
        (f64::NEG_INFINITY, "-∞"),
        (f64::NAN, "NaN"),
    ] {
        let err = layer(Family::Uniform, ScaleRule::He, gain, (4, 4)).unwrap_err();
        assert_eq!(err.field, "gain");
        assert!(
            err.message.contains(shown),
            "{shown:?} missing in {}",
            err.message
        );
    }
}

#[test]
fn layer_without_inputs_is_refused_on_field_sigma() {
    let err = layer(Family::Normal, ScaleRule::He, 1.0, (0, 4)).unwrap_err();
    assert_eq!(err.field, "sigma");
    assert!(err.message.contains("fan-in 0"), "{}", err.message);
}

#[test]
fn non_finite_constant_is_refused_on_field_const() {
    let err = layer(Family::Constant(f64::NAN), ScaleRule::He, 1.0, (4, 4)).unwrap_err();
    assert_eq!(err.field, "const");
    assert!(err.message.contains("NaN"), "{}", err.message);
}

#[test]
fn unreachable_corrected_std_with_absolute_bounds_is_refused() {
    // He with fan-in 2 asks σ = 1, but any normal cut to [−0.01, 0.01] has std below
    // 0.02/√12 = 0.005774.
    let err = layer(
        truncated(-0.01, 0.01, BoundsUnit::Absolute, true),
        ScaleRule::He,
        1.0,
        (2, 8),
    )
    .unwrap_err();
    assert_eq!(err.field, "hi");
    for part in ["σ = 1", "[-0.01, 0.01]", "0.005774"] {
        assert!(
            err.message.contains(part),
            "{part:?} missing in {}",
            err.message
        );
    }
}

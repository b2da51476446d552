//! The truncated normal sampler: exact moments, Kolmogorov–Smirnov fit for any interval
//! (central, far tail, narrow, one-sided, asymmetric), bounds never crossed, bounded time.

use initlab::init::{BoundsUnit, Family, ScaleRule, TruncatedStandardNormal, WeightInit};
use initlab::rng::Rng;

/// Draws per Kolmogorov–Smirnov test.
const N: usize = 20_000;

/// Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)| of a sample against a CDF.
fn ks_statistic(mut xs: Vec<f64>, cdf: impl Fn(f64) -> f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len() as f64;
    xs.iter()
        .enumerate()
        .map(|(i, &x)| {
            let f = cdf(x);
            (f - i as f64 / n).max((i + 1) as f64 / n - f)
        })
        .fold(0.0, f64::max)
}

/// Draws N samples from [alpha, beta], checks every one lies inside, and returns D.
fn ks_of_sampler(alpha: f64, beta: f64, seed: u64) -> f64 {
    let z = TruncatedStandardNormal::new(alpha, beta);
    let mut rng = Rng::seed_from(seed);
    let xs: Vec<f64> = (0..N).map(|_| z.sample(&mut rng)).collect();
    for &x in &xs {
        assert!(alpha <= x && x <= beta, "{x} outside [{alpha}, {beta}]");
    }
    let d = ks_statistic(xs, |x| z.cdf(x));
    println!(
        "[{alpha}, {beta}]: D = {d:.5} (critical {:.5})",
        ks_critical(N)
    );
    d
}

/// Critical value of D at α = 1% for n draws (asymptotic Kolmogorov distribution: 1.63/√n).
fn ks_critical(n: usize) -> f64 {
    1.63 / (n as f64).sqrt()
}

#[test]
fn truncation_at_two_sigma_shrinks_std_to_0_8796() {
    // Keras' constant 0.87962566103423978 = std of N(0, 1) cut at ±2; closed form, so 1e-12.
    let z = TruncatedStandardNormal::new(-2.0, 2.0);
    assert!(
        (z.std() - 0.879_625_661_034_239_8).abs() < 1e-12,
        "{}",
        z.std()
    );
    assert_eq!(z.mean(), 0.0);
}

#[test]
fn half_normal_has_mean_sqrt_2_over_pi_and_variance_1_minus_2_over_pi() {
    // Textbook closed forms of the half-normal; both computations are exact to ~1e-15.
    let z = TruncatedStandardNormal::new(0.0, f64::INFINITY);
    let two_over_pi = 2.0 / std::f64::consts::PI;
    assert!((z.mean() - two_over_pi.sqrt()).abs() < 1e-14);
    assert!((z.variance() - (1.0 - two_over_pi)).abs() < 1e-14);
}

#[test]
fn moments_match_high_precision_references_in_tails_and_narrow_intervals() {
    // (alpha, beta, mean, std) computed with 800-digit arithmetic (mpmath). The closed form
    // would lose up to all digits of the std for narrow or far intervals; the engine must not.
    let cases = [
        (8.0, 9.0, 8.121_188_992_979_797, 0.118_947_647_235_025_67),
        (30.0, 31.0, 30.033_259_667_433_622, 0.033_223_056_930_921_97),
        (-0.001, 0.001, 0.0, 0.000_577_350_230_699_608_4),
        (
            1.0,
            f64::INFINITY,
            1.525_135_276_160_981,
            0.446_203_614_474_769_6,
        ),
        (
            f64::NEG_INFINITY,
            -3.0,
            -3.283_098_654_930_436_5,
            0.265_629_792_729_031_28,
        ),
        (-1.0, 3.0, 0.282_786_110_727_154, 0.784_946_963_404_426),
        (40.0, 41.0, 40.024_968_847_207_26, 0.024_953_323_998_846_05),
    ];
    for (alpha, beta, mean, std) in cases {
        let z = TruncatedStandardNormal::new(alpha, beta);
        // Relative 1e-13 leaves room for libm's erfc (≈ 1 ulp) times the condition number.
        assert!(
            (z.mean() - mean).abs() <= 1e-13 * mean.abs().max(1.0),
            "[{alpha}, {beta}] mean {}",
            z.mean()
        );
        assert!(
            (z.std() - std).abs() <= 1e-13 * std,
            "[{alpha}, {beta}] std {}",
            z.std()
        );
    }
}

#[test]
fn sampler_fits_exact_cdf_on_central_interval_minus_2_to_2() {
    let d = ks_of_sampler(-2.0, 2.0, 1);
    assert!(d < ks_critical(N), "D = {d}");
}

#[test]
fn sampler_fits_exact_cdf_far_in_the_tail_8_to_9() {
    // A normal lands in [8, 9] once in 1.6e15 draws: rejection sampling would never finish.
    let d = ks_of_sampler(8.0, 9.0, 2);
    assert!(d < ks_critical(N), "D = {d}");
}

#[test]
fn sampler_fits_exact_cdf_on_narrow_interval_around_zero() {
    let d = ks_of_sampler(-0.001, 0.001, 3);
    assert!(d < ks_critical(N), "D = {d}");
}

#[test]
fn sampler_fits_exact_cdf_one_sided_above_1() {
    let d = ks_of_sampler(1.0, f64::INFINITY, 4);
    assert!(d < ks_critical(N), "D = {d}");
}

#[test]
fn sampler_fits_exact_cdf_one_sided_below_minus_3() {
    let d = ks_of_sampler(f64::NEG_INFINITY, -3.0, 5);
    assert!(d < ks_critical(N), "D = {d}");
}

#[test]
fn sampler_fits_exact_cdf_on_asymmetric_interval_minus_1_to_3() {
    let d = ks_of_sampler(-1.0, 3.0, 6);
    assert!(d < ks_critical(N), "D = {d}");
}

#[test]
fn sampler_fits_exact_cdf_at_30_to_31_sigma() {
    // P(30 ≤ Z ≤ 31) = 4.9e-198: only tail probabilities, never Φ itself, can express this.
    let d = ks_of_sampler(30.0, 31.0, 7);
    assert!(d < ks_critical(N), "D = {d}");
}

#[test]
fn sampler_fits_exact_cdf_beyond_double_underflow_at_40_to_41_sigma() {
    // P(Z > 40) = 3.7e-350 is not a double at all: this exercises the logarithmic tail path,
    // mirrored as well.
    let d = ks_of_sampler(40.0, 41.0, 8);
    assert!(d < ks_critical(N), "D = {d}");
    let d = ks_of_sampler(-41.0, -40.0, 9);
    assert!(d < ks_critical(N), "D = {d}");
}

#[test]
fn each_draw_uses_exactly_one_uniform_number() {
    // Bounded time: no "redraw until inside" loop, even in a far tail or a narrow interval.
    for (alpha, beta) in [
        (-2.0, 2.0),
        (8.0, 9.0),
        (-0.001, 0.001),
        (40.0, f64::INFINITY),
    ] {
        let z = TruncatedStandardNormal::new(alpha, beta);
        let mut rng = Rng::seed_from(11);
        let mut reference = rng.clone();
        for _ in 0..1_000 {
            z.sample(&mut rng);
            reference.next_u64();
        }
        assert_eq!(rng.next_u64(), reference.next_u64(), "[{alpha}, {beta}]");
    }
}

#[test]
fn sampled_mean_and_variance_match_theory_for_asymmetric_and_tail_cuts() {
    let n = 200_000;
    for (seed, (alpha, beta)) in [
        (-1.0, 3.0),
        (0.5, 2.0),
        (f64::NEG_INFINITY, -1.5),
        (8.0, 9.0),
    ]
    .into_iter()
    .enumerate()
    {
        let z = TruncatedStandardNormal::new(alpha, beta);
        let mut rng = Rng::seed_from(100 + seed as u64);
        let xs: Vec<f64> = (0..n).map(|_| z.sample(&mut rng)).collect();
        let nf = n as f64;
        let mean = xs.iter().sum::<f64>() / nf;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (nf - 1.0);
        let mu4 = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / nf;
        // SE of the mean is std/√n; SE of the sample variance ≈ √((μ₄ − σ⁴)/n), μ₄ estimated
        // from the sample. 4 SE: a correct sampler fails with probability ≈ 6e-5 per check.
        let se_mean = z.std() / nf.sqrt();
        let se_var = ((mu4 - z.variance().powi(2)) / nf).sqrt();
        assert!(
            (mean - z.mean()).abs() < 4.0 * se_mean,
            "[{alpha}, {beta}] mean {mean} vs {}",
            z.mean()
        );
        assert!(
            (var - z.variance()).abs() < 4.0 * se_var,
            "[{alpha}, {beta}] var {var} vs {}",
            z.variance()
        );
    }
}

#[test]
fn cdf_runs_from_0_at_alpha_to_1_at_beta_and_inverts_quantile() {
    for (alpha, beta) in [
        (-2.0, 2.0),
        (8.0, 9.0),
        (30.0, 31.0),
        (-0.001, 0.001),
        (1.0, f64::INFINITY),
    ] {
        let z = TruncatedStandardNormal::new(alpha, beta);
        assert_eq!(z.cdf(alpha), 0.0);
        assert_eq!(z.cdf(beta), 1.0);
        for u in [0.001, 0.25, 0.5, 0.75, 0.999] {
            // Inverse functions: F(F⁻¹(u)) = u up to the rounding of x (a few 1e-16 relative).
            assert!(
                (z.cdf(z.quantile(u)) - u).abs() < 1e-10,
                "[{alpha}, {beta}] u = {u}"
            );
        }
    }
}

fn truncated(
    lo: f64,
    hi: f64,
    bounds: BoundsUnit,
    variance_corrected: bool,
    sigma: f64,
) -> WeightInit {
    WeightInit {
        family: Family::TruncatedNormal {
            lo,
            hi,
            bounds,
            variance_corrected,
        },
        scale: ScaleRule::Manual(sigma),
        gain: 1.0,
    }
}

#[test]
fn lo_not_below_hi_is_refused_naming_both_values() {
    let err = truncated(0.5, 0.2, BoundsUnit::Absolute, false, 0.1)
        .for_layer(4, 4)
        .unwrap_err();
    assert_eq!(err.field, "lo");
    assert!(
        err.message.contains("lo (0.5) must be below hi (0.2)"),
        "{}",
        err.message
    );
}

#[test]
fn nan_bound_is_refused_on_its_own_field() {
    let err = truncated(f64::NAN, 2.0, BoundsUnit::Sigma, false, 0.1)
        .for_layer(4, 4)
        .unwrap_err();
    assert_eq!(err.field, "lo");
    let err = truncated(-2.0, f64::NAN, BoundsUnit::Sigma, false, 0.1)
        .for_layer(4, 4)
        .unwrap_err();
    assert_eq!(err.field, "hi");
}

#[test]
fn far_tail_interval_8_to_9_sigma_is_accepted_with_its_exact_moments() {
    // mpmath: Z on [8, 9] has mean 8.12118899297980 and std 0.118947647235026; ln P = −35.0136.
    // A float32 inverse CDF cannot even see this interval (Φ(8) rounds to 1 in f32), so
    // "sample, then clamp" puts every weight at exactly 9σ; this sampler is exact.
    let sigma = 0.1;
    let layer = truncated(8.0, 9.0, BoundsUnit::Sigma, false, sigma)
        .for_layer(4, 4)
        .expect("[8σ, 9σ] holds mass 6.2e-16: small, but exactly samplable");
    let d = layer.distribution;
    assert!(
        (d.mean() / sigma - 8.121_188_992_979_8).abs() < 1e-9,
        "{}",
        d.mean()
    );
    assert!(
        (d.std() / sigma / 0.118_947_647_235_026 - 1.0).abs() < 1e-8,
        "{}",
        d.std()
    );
    assert!((d.log_mass() + 35.013_618_593_437_15).abs() < 1e-9);
    let mut rng = Rng::seed_from(11);
    let mut w = vec![0.0; 20_000];
    d.fill(&mut rng, &mut w);
    assert!(w.iter().all(|&x| (0.8..=0.9).contains(&x)));
    // The sample mean lies within 5 standard errors (std/√n) of the exact mean.
    let mean = w.iter().sum::<f64>() / w.len() as f64;
    let standard_error = d.std() / (w.len() as f64).sqrt();
    assert!((mean - d.mean()).abs() < 5.0 * standard_error, "{mean}");
    // Spread over the interval, not piled on one bound: under 1 % of draws above 8.9σ.
    let top = w.iter().filter(|&&x| x > 0.89).count();
    assert!(top < w.len() / 100, "{top} draws above 8.9σ");
}

#[test]
fn intervals_far_out_in_either_tail_and_units_are_accepted() {
    for (lo, hi, unit) in [
        (40.0, 41.0, BoundsUnit::Sigma),
        (-41.0, -40.0, BoundsUnit::Sigma),
        (-10.0, -9.0, BoundsUnit::Sigma),
        (-1e-13, 1e-13, BoundsUnit::Sigma),
        // [0.9, 1] with σ = 0.1 is [9σ, 10σ].
        (0.9, 1.0, BoundsUnit::Absolute),
    ] {
        let layer = truncated(lo, hi, unit, false, 0.1)
            .for_layer(4, 4)
            .unwrap_or_else(|e| panic!("[{lo}, {hi}] refused: {e}"));
        let d = layer.distribution;
        let (a, b) = d.support();
        assert!(d.log_mass().is_finite() && d.log_mass() < 0.0);
        assert!(
            a <= d.mean() && d.mean() <= b,
            "mean {} outside [{a}, {b}]",
            d.mean()
        );
        assert!(d.std() > 0.0 && d.std() <= (b - a) / 2.0);
        let mut rng = Rng::seed_from(5);
        let mut w = vec![0.0; 1000];
        d.fill(&mut rng, &mut w);
        assert!(w.iter().all(|&x| a <= x && x <= b), "[{lo}, {hi}]");
    }
}

#[test]
fn interval_too_narrow_to_hold_any_mass_is_refused_asking_to_widen_it() {
    // P(Z > 1) and P(Z > 1 + 2.2e-16) are the same double: no mass can be told from 0.
    let err = truncated(1.0, 1.000_000_000_000_000_2, BoundsUnit::Sigma, false, 0.1)
        .for_layer(4, 4)
        .unwrap_err();
    assert_eq!(err.field, "hi");
    assert!(err.message.contains("widen"), "{}", err.message);
}

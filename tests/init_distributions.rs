//! Every resolved weight distribution: sampled moments agree with the exact ones, and the
//! density, CDF and chart range describe what is actually drawn.

use initlab::init::Distribution;
use initlab::rng::Rng;
use initlab::special::normal_sf;

const N: usize = 200_000;

/// Sample mean, unbiased sample variance and sample central fourth moment.
fn sample_moments(xs: &[f64]) -> (f64, f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let mu4 = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / n;
    (mean, var, mu4)
}

fn draw(d: &Distribution, seed: u64, n: usize) -> Vec<f64> {
    let mut rng = Rng::seed_from(seed);
    let mut out = vec![0.0; n];
    d.fill(&mut rng, &mut out);
    out
}

/// Asserts sample mean and variance within 4 standard errors of the exact ones.
/// SE(mean) = σ/√n; SE(sample variance) ≈ √((μ₄ − σ⁴)/n), with μ₄ the central fourth moment.
/// A correct sampler fails one such check with probability ≈ 6e-5.
fn assert_moments_within_4_se(d: &Distribution, xs: &[f64], mu4: f64) {
    let n = xs.len() as f64;
    let (mean, var, _) = sample_moments(xs);
    let se_mean = d.std() / n.sqrt();
    let se_var = ((mu4 - d.variance().powi(2)) / n).sqrt();
    assert!(
        (mean - d.mean()).abs() < 4.0 * se_mean,
        "{d:?}: mean {mean} vs {}",
        d.mean()
    );
    assert!(
        (var - d.variance()).abs() < 4.0 * se_var,
        "{d:?}: variance {var} vs {}",
        d.variance()
    );
}

#[test]
fn zeros_are_exactly_zero() {
    let d = Distribution::Zeros;
    assert!(draw(&d, 1, 1000).iter().all(|&w| w == 0.0));
    assert_eq!((d.mean(), d.variance(), d.std()), (0.0, 0.0, 0.0));
}

#[test]
fn constant_is_exactly_the_constant() {
    let d = Distribution::Constant(0.25);
    assert!(draw(&d, 1, 1000).iter().all(|&w| w == 0.25));
    assert_eq!((d.mean(), d.variance()), (0.25, 0.0));
    assert_eq!(d.point_mass(), Some(0.25));
}

#[test]
fn uniform_sample_moments_match_theory() {
    // U(lo, hi): variance (hi − lo)²/12, fourth central moment 9σ⁴/5.
    let d = Distribution::Uniform { lo: -0.3, hi: 0.5 };
    assert!((d.mean() - 0.1).abs() < 1e-16);
    assert!((d.variance() - 0.64 / 12.0).abs() < 1e-16);
    let xs = draw(&d, 2, N);
    assert!(xs.iter().all(|&w| (-0.3..0.5).contains(&w)));
    assert_moments_within_4_se(&d, &xs, 9.0 / 5.0 * d.variance().powi(2));
}

#[test]
fn normal_sample_moments_match_theory() {
    // N(0, σ²): fourth central moment 3σ⁴.
    let d = Distribution::Normal { std: 0.7 };
    let xs = draw(&d, 3, N);
    assert_moments_within_4_se(&d, &xs, 3.0 * 0.7f64.powi(4));
}

#[test]
fn truncated_normal_sample_moments_match_theory_symmetric_and_asymmetric() {
    for (seed, d) in [
        Distribution::TruncatedNormal {
            std: 0.2,
            lo: -0.4,
            hi: 0.4,
        },
        Distribution::TruncatedNormal {
            std: 0.2,
            lo: -0.1,
            hi: 0.5,
        },
        Distribution::TruncatedNormal {
            std: 0.2,
            lo: 0.3,
            hi: f64::INFINITY,
        },
    ]
    .iter()
    .enumerate()
    {
        let xs = draw(d, 10 + seed as u64, N);
        // μ₄ of a truncated normal, estimated from the sample itself.
        let (_, _, mu4) = sample_moments(&xs);
        assert_moments_within_4_se(d, &xs, mu4);
    }
}

#[test]
fn truncated_samples_never_leave_absolute_bounds() {
    // 0.3/0.1 = 2.9999999999999996 in doubles, and times 0.1 again is not 0.3: the sampler
    // must clamp in absolute units too.
    for d in [
        Distribution::TruncatedNormal {
            std: 0.1,
            lo: 0.3,
            hi: 0.7,
        },
        Distribution::TruncatedNormal {
            std: 0.1,
            lo: -0.7,
            hi: -0.3,
        },
        Distribution::TruncatedNormal {
            std: 0.1,
            lo: -0.3,
            hi: 0.3,
        },
    ] {
        let Distribution::TruncatedNormal { lo, hi, .. } = d else {
            unreachable!()
        };
        let xs = draw(&d, 5, N);
        assert!(xs.iter().all(|&w| lo <= w && w <= hi), "{d:?}");
    }
}

#[test]
fn fill_draws_the_same_stream_as_repeated_sample() {
    for d in [
        Distribution::Uniform { lo: -1.0, hi: 1.0 },
        Distribution::Normal { std: 2.0 },
        Distribution::TruncatedNormal {
            std: 1.0,
            lo: -2.0,
            hi: 2.0,
        },
    ] {
        let mut rng = Rng::seed_from(9);
        let one_by_one: Vec<f64> = (0..100).map(|_| d.sample(&mut rng)).collect();
        assert_eq!(draw(&d, 9, 100), one_by_one, "{d:?}");
    }
}

#[test]
fn pdf_integrates_to_one_and_is_the_slope_of_the_cdf() {
    for d in [
        Distribution::Uniform { lo: -0.5, hi: 1.5 },
        Distribution::Normal { std: 0.3 },
        Distribution::TruncatedNormal {
            std: 0.3,
            lo: -0.2,
            hi: 0.6,
        },
        Distribution::TruncatedNormal {
            std: 0.3,
            lo: 0.6,
            hi: f64::INFINITY,
        },
    ] {
        let (a, b) = d.support();
        let steps = 20_000;
        let h = (b - a) / steps as f64;
        // Midpoint rule: error ≤ (b − a)·h²·max|f''|/24, below 1e-6 here; plus the mass
        // outside the chart range (≤ 5.7e-7 for the unbounded tails).
        let integral: f64 = (0..steps)
            .map(|i| d.pdf(a + (i as f64 + 0.5) * h))
            .sum::<f64>()
            * h;
        assert!((integral - 1.0).abs() < 2e-6, "{d:?}: ∫pdf = {integral}");
        // Central difference of the CDF: error ≈ h²·|F'''|/6, far below 1e-6 for h = 1e-5.
        let x = a + 0.37 * (b - a);
        let slope = (d.cdf(x + 1e-5) - d.cdf(x - 1e-5)) / 2e-5;
        assert!(
            (slope - d.pdf(x)).abs() < 1e-6 * d.pdf(x).max(1.0),
            "{d:?} at {x}"
        );
    }
}

#[test]
fn point_masses_have_step_cdfs() {
    assert_eq!(Distribution::Zeros.cdf(-1e-300), 0.0);
    assert_eq!(Distribution::Zeros.cdf(0.0), 1.0);
    assert_eq!(Distribution::Constant(2.0).cdf(1.999), 0.0);
    assert_eq!(Distribution::Constant(2.0).cdf(2.0), 1.0);
    assert_eq!(Distribution::Constant(2.0).pdf(2.0), 0.0);
}

#[test]
fn chart_range_is_five_sigma_or_the_bounds() {
    assert_eq!(Distribution::Normal { std: 0.2 }.support(), (-1.0, 1.0));
    assert_eq!(
        Distribution::Uniform { lo: -0.1, hi: 0.3 }.support(),
        (-0.1, 0.3)
    );
    let cut = Distribution::TruncatedNormal {
        std: 0.2,
        lo: -0.4,
        hi: 0.4,
    };
    assert_eq!(cut.support(), (-0.4, 0.4));
    // An open end stops where the same share of mass lies beyond as beyond 5σ of a normal,
    // P(Z > 5) = 2.87e-7 (up to the rounding of the quantile, ~1e-16 relative).
    let one_sided = Distribution::TruncatedNormal {
        std: 0.2,
        lo: 0.3,
        hi: f64::INFINITY,
    };
    let (left, right) = one_sided.support();
    assert_eq!(left, 0.3);
    let beyond = 1.0 - one_sided.cdf(right);
    assert!((beyond / normal_sf(5.0) - 1.0).abs() < 1e-6, "{beyond}");
}

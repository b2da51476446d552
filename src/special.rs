//! The error function and the standard normal distribution: density, CDF, tails and inverse.
//!
//! Everything goes through `libm` (never `f64::exp`/`f64::ln`), so a seed gives the same
//! weights natively and in WebAssembly, bit for bit. Square roots are the exception that
//! proves the rule: IEEE 754 rounds `sqrt` exactly on every target, so `f64::sqrt` (one
//! wasm instruction) is identical everywhere and `libm`'s software copy is not needed.
//!
//! Far in the tails the naive formulas break: `1 - Φ(x)` is 0 in double precision once
//! `x > 8.3`, and `Φ(x) - Φ(a)` loses every digit when both are close to 1. So each function
//! below says which tail it is accurate in, and [`normal_mass`] picks the form without
//! cancellation.

use std::f64::consts::FRAC_1_SQRT_2;

/// 1/√(2π), the height of the standard normal density at 0.
const FRAC_1_SQRT_2PI: f64 = 0.398_942_280_401_432_7;
/// ln √(2π).
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;
/// Below this x, ln Φ(x) comes from an asymptotic series instead of ln(Φ(x)):
/// Φ(-30) ≈ 4.9e-198 is still an ordinary double, and the series is exact to double precision here.
const LOG_TAIL_SERIES_START: f64 = 30.0;

/// The error function, erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.
pub fn erf(x: f64) -> f64 {
    libm::erf(x)
}

/// The complementary error function, erfc(x) = 1 − erf(x), accurate even where it is tiny.
pub fn erfc(x: f64) -> f64 {
    libm::erfc(x)
}

/// Standard normal density φ(x) = e^(−x²/2) / √(2π).
pub fn normal_pdf(x: f64) -> f64 {
    FRAC_1_SQRT_2PI * libm::exp(-0.5 * x * x)
}

/// Standard normal CDF Φ(x) = P(Z ≤ x), with full relative accuracy in the lower tail
/// (Φ(−37) ≈ 5.7e-300 is still accurate), because erfc does not subtract from 1.
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x * FRAC_1_SQRT_2)
}

/// Upper tail P(Z > x) = 1 − Φ(x) = Φ(−x), accurate where it is tiny (large positive x).
pub fn normal_sf(x: f64) -> f64 {
    normal_cdf(-x)
}

/// ln Φ(x), finite even where Φ(x) itself underflows to 0 (x below about −38.5).
pub fn normal_log_cdf(x: f64) -> f64 {
    if x >= 0.0 {
        // Φ(x) is close to 1: ln(1 − P(Z > x)) without rounding 1 − tiny to 1.
        libm::log1p(-normal_sf(x))
    } else if x > -LOG_TAIL_SERIES_START {
        libm::log(normal_cdf(x))
    } else {
        // Φ(x) = φ(x)·R(−x) with R the Mills ratio; take logarithms term by term.
        -0.5 * x * x - LN_SQRT_2PI + libm::log(mills_ratio_far(-x))
    }
}

/// ln P(Z > x), finite even where the upper tail underflows to 0.
pub fn normal_log_sf(x: f64) -> f64 {
    normal_log_cdf(-x)
}

/// Mills ratio R(y) = P(Z > y) / φ(y) for y ≥ 30, by its asymptotic series
/// R(y) = (1/y)·(1 − 1/y² + 1·3/y⁴ − 1·3·5/y⁶ + …).
///
/// The series diverges eventually, but for y ≥ 30 its terms shrink by a factor of at least
/// (2k+1)/900 each, so twelve terms are exact to far below double precision.
pub(crate) fn mills_ratio_far(y: f64) -> f64 {
    debug_assert!(y >= LOG_TAIL_SERIES_START);
    let inv_y2 = 1.0 / (y * y);
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..=12 {
        term *= -((2 * k - 1) as f64) * inv_y2;
        sum += term;
    }
    sum / y
}

/// Φ(−q) = ¼ for q = 0.6745 (the upper quartile). Beyond ±q the tail probability is the
/// smaller number; inside, erf is.
const UPPER_QUARTILE: f64 = 0.674_489_750_196_081_7;

/// P(a ≤ Z ≤ b) for a standard normal Z, without cancellation.
///
/// Subtracting two CDF values close to 1 (say Φ(9) − Φ(8)) leaves only rounding noise, so
/// the mass is a difference of whichever quantities are small there: upper-tail probabilities
/// when the whole interval lies above the upper quartile, lower-tail probabilities when it
/// lies below the lower quartile, and otherwise erf values, which are small near 0 and have
/// opposite signs (so they add) when the interval contains 0.
/// Returns 0 for an empty interval (a ≥ b), NaN if a bound is NaN.
pub fn normal_mass(a: f64, b: f64) -> f64 {
    if a >= b {
        0.0
    } else if a >= UPPER_QUARTILE {
        normal_sf(a) - normal_sf(b)
    } else if b <= -UPPER_QUARTILE {
        normal_cdf(b) - normal_cdf(a)
    } else {
        // Φ(b) − Φ(a) = ½·[erf(b/√2) − erf(a/√2)].
        0.5 * (erf(b * FRAC_1_SQRT_2) - erf(a * FRAC_1_SQRT_2))
    }
}

/// The inverse of Φ: the x with Φ(x) = p. Returns −∞ at p = 0, +∞ at p = 1 and NaN outside [0, 1].
///
/// Full double precision from p = 1e-300 up to 1 − 1e-16, in bounded time: Acklam's rational
/// approximation (relative error below 1.15e-9) followed by exactly two Halley steps, each of
/// which roughly triples the number of correct digits. For p > ½ we solve the mirrored problem
/// x = −Φ⁻¹(1 − p): 1 − p is exact there, and Φ is accurate in the lower tail.
pub fn normal_quantile(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        f64::NAN
    } else if p == 0.0 {
        f64::NEG_INFINITY
    } else if p == 1.0 {
        f64::INFINITY
    } else if p > 0.5 {
        -lower_quantile(1.0 - p)
    } else {
        lower_quantile(p)
    }
}

/// Φ⁻¹(p) for 0 < p ≤ ½.
fn lower_quantile(p: f64) -> f64 {
    let mut x = acklam_quantile(p);
    // Halley refinement needs Φ(x) and φ(x) as ordinary (not subnormal) doubles; below that
    // Acklam's 1e-9 relative accuracy is better than a step computed from rounding noise.
    if p >= f64::MIN_POSITIVE {
        for _ in 0..2 {
            let e = normal_cdf(x) - p;
            let u = e / normal_pdf(x);
            x -= u / (1.0 + 0.5 * x * u);
        }
    }
    x
}

/// Peter Acklam's rational approximation of Φ⁻¹(p) for 0 < p ≤ ½ (relative error < 1.15e-9):
/// one rational function in p − ½ for the centre, one in √(−2 ln p) for the tail.
fn acklam_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const P_LOW: f64 = 0.02425;

    if p < P_LOW {
        let q = f64::sqrt(-2.0 * libm::log(p));
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// |a − b| ≤ tol·|b|.
    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs()
    }

    #[test]
    fn cdf_at_1_96_is_0_975() {
        // Reference value from 40-digit arithmetic; libm's erfc is good to about 1 ulp.
        assert!(close(normal_cdf(1.96), 0.975_002_104_851_779_6, 1e-15));
        assert!(close(normal_sf(1.96), 1.0 - 0.975_002_104_851_779_6, 1e-13));
    }

    #[test]
    fn cdf_and_sf_are_mirror_images() {
        for &x in &[-40.0, -8.0, -1.0, 0.0, 0.3, 5.0, 37.0] {
            assert_eq!(normal_cdf(x), normal_sf(-x));
        }
        assert_eq!(normal_cdf(0.0), 0.5);
    }

    #[test]
    fn pdf_at_zero_is_one_over_sqrt_two_pi() {
        assert!(close(
            normal_pdf(0.0),
            1.0 / (2.0 * std::f64::consts::PI).sqrt(),
            1e-16
        ));
        assert_eq!(normal_pdf(f64::INFINITY), 0.0);
    }

    #[test]
    fn quantile_matches_reference_values() {
        // References computed with 40-digit arithmetic (mpmath).
        let cases = [
            (0.5, 0.0),
            (0.3, -0.524_400_512_708_040_8),
            (0.025, -1.959_963_984_540_054),
            (0.975, 1.959_963_984_540_054),
            (1e-10, -6.361_340_902_404_057),
            (1e-16, -8.222_082_216_130_435),
            (1e-300, -37.047_096_299_361_2),
        ];
        for (p, x) in cases {
            let got = normal_quantile(p);
            // A few ulp: rounding in Φ near x moves the root by at most ~1e-15 relative.
            assert!(
                (got - x).abs() <= 4e-15 * x.abs().max(1.0),
                "p={p}: {got} vs {x}"
            );
        }
    }

    #[test]
    fn quantile_round_trips_through_cdf() {
        for &p in &[
            1e-300,
            1e-200,
            1e-100,
            1e-16,
            1e-5,
            0.02,
            0.1,
            0.5,
            0.7,
            0.99,
            1.0 - 1e-12,
        ] {
            let x = normal_quantile(p);
            // Relative error of Φ itself grows like x²·ε (≈ 1.5e-13 at x = −37).
            if p <= 0.5 {
                assert!(close(normal_cdf(x), p, 1e-12), "p={p}");
            } else {
                assert!(close(normal_sf(x), 1.0 - p, 1e-12), "p={p}");
            }
        }
    }

    #[test]
    fn quantile_edges() {
        assert_eq!(normal_quantile(0.0), f64::NEG_INFINITY);
        assert_eq!(normal_quantile(1.0), f64::INFINITY);
        assert!(normal_quantile(-0.1).is_nan());
        assert!(normal_quantile(1.1).is_nan());
        assert!(normal_quantile(f64::NAN).is_nan());
        // Even the smallest subnormal gives a finite, sensible answer.
        let x = normal_quantile(f64::from_bits(1));
        assert!((-39.0..-38.0).contains(&x), "{x}");
    }

    #[test]
    fn quantile_is_odd() {
        for &p in &[1e-12, 0.01, 0.2, 0.4] {
            assert_eq!(normal_quantile(1.0 - p), -normal_quantile(1.0 - (1.0 - p)));
        }
    }

    #[test]
    fn mass_of_far_tail_interval_keeps_its_digits() {
        // mpmath: P(9 ≤ Z ≤ 10) = 1.1285122074235990e-19, P(8 ≤ Z ≤ 9) = 6.2198319858658303e-16.
        assert!(close(
            normal_mass(9.0, 10.0),
            1.128_512_207_423_599e-19,
            1e-13
        ));
        assert!(close(
            normal_mass(-10.0, -9.0),
            1.128_512_207_423_599e-19,
            1e-13
        ));
        assert!(close(
            normal_mass(8.0, 9.0),
            6.219_831_985_865_83e-16,
            1e-13
        ));
        // Central: P(−2 ≤ Z ≤ 2) = 0.95449973610364158.
        assert!(close(
            normal_mass(-2.0, 2.0),
            0.954_499_736_103_641_6,
            1e-15
        ));
        assert_eq!(normal_mass(f64::NEG_INFINITY, f64::INFINITY), 1.0);
        assert_eq!(normal_mass(1.0, 1.0), 0.0);
    }

    #[test]
    fn log_cdf_agrees_with_cdf_and_continues_past_underflow() {
        for &x in &[-37.0, -30.5, -29.5, -5.0, 0.0, 3.0] {
            let direct = libm::log(normal_cdf(x));
            assert!(
                (normal_log_cdf(x) - direct).abs() <= 1e-12 * direct.abs().max(1e-3),
                "{x}"
            );
        }
        // Φ(−40) = 3.66e-350 underflows; its logarithm does not:
        // ln Φ(−40) = −804.6084420137538 (mpmath).
        assert!(normal_cdf(-40.0) == 0.0 || normal_cdf(-40.0) < 1e-320);
        assert!(close(normal_log_cdf(-40.0), -804.608_442_013_753_8, 1e-14));
    }
}

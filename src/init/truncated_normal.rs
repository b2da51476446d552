//! The standard normal cut to an interval [α, β]: exact sampling and exact moments.
//!
//! Frameworks cut their "truncated normal" initialisers at ±2σ, but a learner can ask for
//! any interval, including ones far out in a tail where a normal almost never goes. The
//! textbook sampler ("draw from N(0, 1) until the draw lands inside") then never finishes:
//! [8, 9] would need about 10¹⁵ draws per weight. So this sampler inverts the CDF instead,
//! which takes the same, bounded time for every interval.

use crate::rng::Rng;
use crate::special::{
    mills_ratio_far, normal_cdf, normal_log_sf, normal_mass, normal_pdf, normal_quantile, normal_sf,
};

/// Beyond this many σ, tail probabilities (P(Z > 37) ≈ 5.7e-300) are about to leave the range
/// of ordinary doubles, so an interval lying wholly past it is handled with logarithms.
const FAR_TAIL_START: f64 = 37.0;

/// The largest double below 1, as a cap for uniform draws that could round up to 1.
const BELOW_ONE: f64 = 1.0 - f64::EPSILON / 2.0;

/// The standard normal Z restricted to [α, β] (bounds in σ units; either may be infinite).
///
/// Sampling is by inverse CDF: draw u uniform in (0, 1) and solve F(x) = u, where
/// F(x) = P(α ≤ Z ≤ x) / P(α ≤ Z ≤ β). Solved naively through Φ, an interval such as [8, 9]
/// breaks, because Φ(8) and Φ(9) both round to 1. So the equation is written in whichever tail
/// probability is below ½ (for an interval in the upper half that is the mirror image
/// [−β, −α], where the probabilities are tiny but exact), and intervals wholly beyond 37σ
/// switch to logarithms of tail probabilities. Every draw costs one uniform number and a
/// fixed amount of arithmetic, and is clamped into [α, β] against the last rounding error.
#[derive(Clone, Debug)]
pub struct TruncatedStandardNormal {
    /// Lower bound α, in σ units.
    alpha: f64,
    /// Upper bound β, in σ units.
    beta: f64,
    /// How the tail probabilities are held: directly, or as logarithms far out in a tail.
    tails: Tails,
}

/// The probabilities the sampler inverts.
#[derive(Clone, Debug)]
enum Tails {
    /// Φ(α), P(Z > β) and the mass between them are ordinary doubles.
    Direct {
        /// Φ(α) = P(Z < α), the probability below the interval.
        cdf_alpha: f64,
        /// P(Z > β), the probability above the interval.
        sf_beta: f64,
        /// P(α ≤ Z ≤ β).
        mass: f64,
    },
    /// The interval, turned to face the upper tail, is [a, b] with a ≥ 37: the original
    /// interval is `sign`·[a, b]. Tail probabilities underflow here, so we keep their logarithms.
    Far(FarTail),
}

/// An interval [a, b] with a ≥ 37, described by ln P(Z > a) and P(Z > b)/P(Z > a).
#[derive(Clone, Debug)]
struct FarTail {
    /// +1 if the original interval is [a, b], −1 if it is [−b, −a].
    sign: f64,
    a: f64,
    b: f64,
    /// ln P(Z > a).
    log_sf_a: f64,
    /// ρ = P(Z > b) / P(Z > a), the share of the tail beyond the far end.
    ratio: f64,
}

impl TruncatedStandardNormal {
    /// The standard normal cut to [alpha, beta]. The caller guarantees alpha < beta.
    pub fn new(alpha: f64, beta: f64) -> Self {
        debug_assert!(alpha < beta, "empty interval [{alpha}, {beta}]");
        let tails = if alpha >= FAR_TAIL_START {
            Tails::Far(FarTail::new(1.0, alpha, beta))
        } else if beta <= -FAR_TAIL_START {
            Tails::Far(FarTail::new(-1.0, -beta, -alpha))
        } else {
            Tails::Direct {
                cdf_alpha: normal_cdf(alpha),
                sf_beta: normal_sf(beta),
                mass: normal_mass(alpha, beta),
            }
        };
        TruncatedStandardNormal { alpha, beta, tails }
    }

    /// Lower bound α.
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    /// Upper bound β.
    pub fn beta(&self) -> f64 {
        self.beta
    }

    /// P(α ≤ Z ≤ β), the share of the normal the interval keeps.
    /// Underflows to 0 (or a subnormal) for intervals wholly beyond about 38σ.
    pub fn mass(&self) -> f64 {
        match &self.tails {
            Tails::Direct { mass, .. } => *mass,
            Tails::Far(far) => libm::exp(far.log_sf_a) * (1.0 - far.ratio),
        }
    }

    /// ln P(α ≤ Z ≤ β), as the sampler holds it: finite however far out the interval lies
    /// (ln of [8, 9] is −35.01, of [40, 41] −804.6, where the mass itself is 10⁻³⁴⁹·⁴ and no
    /// double), and −∞ only when the interval is so narrow that its two tail probabilities
    /// agree to every digit, so that nothing can be drawn from it.
    pub fn log_mass(&self) -> f64 {
        match &self.tails {
            Tails::Direct { mass, .. } => libm::log(*mass),
            Tails::Far(far) => far.log_sf_a + libm::log1p(-far.ratio),
        }
    }

    /// One draw, always inside [α, β].
    pub fn sample(&self, rng: &mut Rng) -> f64 {
        // uniform_open01 can round up to exactly 1.0 (once in 2^53 draws); keep u inside (0, 1).
        let u = rng.uniform_open01().min(BELOW_ONE);
        self.quantile(u)
    }

    /// The inverse CDF: the x in [α, β] with P(α ≤ Z ≤ x) = u·P(α ≤ Z ≤ β), for u in [0, 1].
    pub fn quantile(&self, u: f64) -> f64 {
        let x = match &self.tails {
            Tails::Direct {
                cdf_alpha,
                sf_beta,
                mass,
            } => {
                // The same equation, written once in lower-tail and once in upper-tail
                // probabilities; use the one whose probability is small, hence exact.
                let below = cdf_alpha + u * mass;
                if below <= 0.5 {
                    normal_quantile(below)
                } else {
                    -normal_quantile(sf_beta + (1.0 - u) * mass)
                }
            }
            Tails::Far(far) => {
                // Mirrored, X = −Y and P(X ≤ x) = 1 − P(Y ≤ −x): u counts from the other end.
                let v = if far.sign > 0.0 { u } else { 1.0 - u };
                far.sign * far.quantile(v)
            }
        };
        // max/min rather than clamp: never panics, even on a NaN bound.
        x.max(self.alpha).min(self.beta)
    }

    /// P(X ≤ x) for X drawn from this distribution.
    pub fn cdf(&self, x: f64) -> f64 {
        if x.is_nan() {
            return f64::NAN;
        }
        if x <= self.alpha {
            return 0.0;
        }
        if x >= self.beta {
            return 1.0;
        }
        match &self.tails {
            Tails::Direct { mass, .. } => (normal_mass(self.alpha, x) / mass).min(1.0),
            Tails::Far(far) => {
                let inside_from_a = far.cdf(far.sign * x);
                if far.sign > 0.0 {
                    inside_from_a
                } else {
                    1.0 - inside_from_a
                }
            }
        }
    }

    /// Density of X at x: φ(x)/mass inside [α, β], 0 outside.
    pub fn pdf(&self, x: f64) -> f64 {
        if !(self.alpha..=self.beta).contains(&x) {
            return 0.0;
        }
        match &self.tails {
            Tails::Direct { mass, .. } => normal_pdf(x) / mass,
            Tails::Far(far) => {
                // φ(y)/P(Z > a) = e^(−(y−a)(y+a)/2) / R(a), with R the Mills ratio.
                let y = far.sign * x;
                libm::exp(-0.5 * (y - far.a) * (y + far.a))
                    / (mills_ratio_far(far.a) * (1.0 - far.ratio))
            }
        }
    }

    /// E[X]: (φ(α) − φ(β)) / mass.
    pub fn mean(&self) -> f64 {
        self.moments().0
    }

    /// Var[X]: 1 + (αφ(α) − βφ(β)) / mass − E[X]².
    pub fn variance(&self) -> f64 {
        self.moments().1
    }

    /// Standard deviation of X, always below 1 (cutting a normal narrows it).
    pub fn std(&self) -> f64 {
        f64::sqrt(self.variance())
    }

    /// (mean, variance). First from the closed forms
    /// E[X] = (φ(α) − φ(β))/mass and E[X²] = 1 + (αφ(α) − βφ(β))/mass.
    /// For a very narrow interval, or one far out in a tail, Var = E[X²] − E[X]² is a tiny
    /// difference of large numbers and the closed form keeps no correct digits; when its terms
    /// exceed the result a hundredfold we integrate the density numerically instead.
    fn moments(&self) -> (f64, f64) {
        if let Tails::Direct { mass, .. } = &self.tails {
            let (a, b) = (self.alpha, self.beta);
            let mean = (normal_pdf(a) - normal_pdf(b)) / mass;
            let tail_terms = (x_pdf(a) - x_pdf(b)) / mass;
            let variance = 1.0 + tail_terms - mean * mean;
            let size_of_terms = 1.0 + tail_terms.abs() + mean * mean;
            if variance * MAX_CANCELLATION > size_of_terms {
                return (mean, variance);
            }
        }
        moments_by_quadrature(self.alpha, self.beta)
    }
}

/// The closed-form variance is trusted while its terms are at most this many times larger
/// than the result (then at most 2 of its 16 digits are lost).
const MAX_CANCELLATION: f64 = 100.0;

/// Quadrature stops where the density has fallen to e^(−45) ≈ 3e-20 of its peak.
const QUADRATURE_DEPTH: usize = 45;

/// The 12-point Gauss–Legendre rule on [−1, 1], exact for polynomials up to degree 23:
/// its positive nodes (the others are their negatives) and their weights.
const GAUSS_LEGENDRE_NODES: [f64; 6] = [
    0.125_233_408_511_468_9,
    0.367_831_498_998_180_2,
    0.587_317_954_286_617_5,
    0.769_902_674_194_304_7,
    0.904_117_256_370_474_9,
    0.981_560_634_246_719_2,
];
const GAUSS_LEGENDRE_WEIGHTS: [f64; 6] = [
    0.249_147_045_813_402_77,
    0.233_492_536_538_354_8,
    0.203_167_426_723_065_92,
    0.160_078_328_543_346_22,
    0.106_939_325_995_318_43,
    0.047_175_336_386_511_83,
];

/// (mean, variance) of Z on [α, β] by numerical integration, accurate for any interval.
///
/// Mirror the interval if needed so that its point nearest 0, c, is ≥ 0, and write x = c + y.
/// Relative to its peak the density is g(y) = e^(−y(2c + y)/2) ≤ 1, which never underflows.
/// Panels end where the exponent y(2c + y)/2 has grown by 1, so g changes by at most a factor e
/// across a panel and 12 Gauss–Legendre nodes integrate it to double precision. Moments are
/// taken in y, so a narrow interval far out keeps all its digits.
fn moments_by_quadrature(alpha: f64, beta: f64) -> (f64, f64) {
    let (sign, a, b) = if beta <= 0.0 {
        (-1.0, -beta, -alpha)
    } else {
        (1.0, alpha, beta)
    };
    let c = a.max(0.0);
    let (y_lo, y_hi) = (a - c, b - c);
    // y_k, where the exponent reaches k: the root of y(2c + y)/2 = k, in a cancellation-free form.
    let edge = |k: usize| 2.0 * k as f64 / (f64::sqrt(c * c + 2.0 * k as f64) + c);
    // Σ w·g, Σ w·g·y and Σ w·g·y² over all panels.
    let mut sums = [0.0; 3];
    let mut integrate = |from: f64, to: f64| {
        let (from, to) = (from.max(y_lo), to.min(y_hi));
        if from >= to {
            return;
        }
        let (mid, half) = (0.5 * (from + to), 0.5 * (to - from));
        for (t, w) in GAUSS_LEGENDRE_NODES.iter().zip(GAUSS_LEGENDRE_WEIGHTS) {
            for y in [mid - half * t, mid + half * t] {
                let g = w * half * libm::exp(-0.5 * y * (2.0 * c + y));
                sums[0] += g;
                sums[1] += g * y;
                sums[2] += g * y * y;
            }
        }
    };
    for k in 0..QUADRATURE_DEPTH {
        integrate(edge(k), edge(k + 1));
        // The mirror-image panel, non-empty only when the interval straddles 0 (c = 0).
        integrate(-edge(k + 1), -edge(k));
    }
    let mean_y = sums[1] / sums[0];
    let variance = (sums[2] / sums[0] - mean_y * mean_y).max(0.0);
    (sign * (c + mean_y), variance)
}

/// x·φ(x), taken as 0 at ±∞ (its limit).
fn x_pdf(x: f64) -> f64 {
    if x.is_infinite() {
        0.0
    } else {
        x * normal_pdf(x)
    }
}

impl FarTail {
    fn new(sign: f64, a: f64, b: f64) -> Self {
        let log_sf_a = normal_log_sf(a);
        let ratio = libm::exp(normal_log_sf(b) - log_sf_a);
        FarTail {
            sign,
            a,
            b,
            log_sf_a,
            ratio,
        }
    }

    /// The y in [a, b] with P(a ≤ Z ≤ y) = v·P(a ≤ Z ≤ b).
    ///
    /// That is P(Z > y) = P(Z > a)·(1 − v(1 − ρ)), i.e. ln P(Z > y) = L. We solve this for y by
    /// Newton's method on ln P(Z > y), whose slope is −1/R(y): a start from the leading
    /// asymptotics and four steps reach double precision for every a ≥ 37.
    fn quantile(&self, v: f64) -> f64 {
        let drop = -libm::log1p(-v * (1.0 - self.ratio)); // ln P(Z > a) − L ≥ 0
        let target = self.log_sf_a - drop;
        // ln P(Z > y) ≈ −y²/2 − ln y + const, so y² ≈ a² + 2·drop − 2 ln(y/a).
        let y0 = f64::sqrt(self.a * self.a + 2.0 * drop);
        let mut y = f64::sqrt(self.a * self.a + 2.0 * drop - 2.0 * libm::log(y0 / self.a));
        for _ in 0..4 {
            y += (normal_log_sf(y) - target) * mills_ratio_far(y);
        }
        y.max(self.a).min(self.b)
    }

    /// P(a ≤ Z ≤ y) / P(a ≤ Z ≤ b) for y in [a, b].
    fn cdf(&self, y: f64) -> f64 {
        if y <= self.a {
            return 0.0;
        }
        if y >= self.b {
            return 1.0;
        }
        let kept = -libm::expm1(normal_log_sf(y) - self.log_sf_a); // 1 − P(Z > y)/P(Z > a)
        (kept / (1.0 - self.ratio)).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_tail_moments_match_reference() {
        // mpmath, 600 digits: Z on [40, 41] has mean 40.0249688472072637, std 0.0249533239988460508.
        let t = TruncatedStandardNormal::new(40.0, 41.0);
        assert!((t.mean() - 40.024_968_847_207_26).abs() < 1e-12);
        assert!((t.std() / 0.024_953_323_998_846_05 - 1.0).abs() < 1e-8);
        let m = TruncatedStandardNormal::new(-41.0, -40.0);
        assert!((m.mean() + 40.024_968_847_207_26).abs() < 1e-12);
    }

    #[test]
    fn log_mass_is_finite_far_out_and_exact() {
        let log_mass = |a, b| TruncatedStandardNormal::new(a, b).log_mass();
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-13 * y.abs();
        // mpmath, 80 digits: ln P(8 ≤ Z ≤ 9), ln P(40 ≤ Z ≤ 41), ln P(1000 ≤ Z ≤ 1001).
        assert!(close(log_mass(8.0, 9.0), -35.013_618_593_437_15));
        assert!(close(log_mass(40.0, 41.0), -804.608_442_013_753_8));
        assert!(close(log_mass(-41.0, -40.0), -804.608_442_013_753_8));
        assert!(close(log_mass(1000.0, 1001.0), -500_007.826_694_812_2));
        // ln(φ(0)·10⁻³⁰⁰): a narrow interval at the centre.
        assert!(close(log_mass(0.0, 1e-300), -691.694_466_431_418_4));
        // Two bounds one double apart whose tail probabilities round together hold nothing.
        assert_eq!(log_mass(1.0, 1.000_000_000_000_000_2), f64::NEG_INFINITY);
    }

    #[test]
    fn far_tail_quantile_inverts_cdf() {
        for t in [
            TruncatedStandardNormal::new(40.0, 41.0),
            TruncatedStandardNormal::new(-41.0, -40.0),
            TruncatedStandardNormal::new(38.0, f64::INFINITY),
            TruncatedStandardNormal::new(8.0, 9.0),
            TruncatedStandardNormal::new(-2.0, 2.0),
            TruncatedStandardNormal::new(-0.001, 0.001),
        ] {
            for &u in &[1e-9, 0.01, 0.3, 0.5, 0.77, 0.999] {
                let x = t.quantile(u);
                assert!(
                    (t.cdf(x) - u).abs() < 1e-9,
                    "{t:?} u={u} x={x} F={}",
                    t.cdf(x)
                );
            }
        }
    }
}

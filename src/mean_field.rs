//! Mean-field signal propagation: which (σ_w, σ_b) keep a deep network trainable.
//!
//! A wide network with weights W ~ N(0, σ_w²/fan_in) and biases b ~ N(0, σ_b²) sums many
//! independent terms in every unit, so each pre-activation z is Gaussian over the draw of
//! the weights (Poole et al. 2016, "Exponential expressivity in deep neural networks through
//! transient chaos"; Schoenholz et al. 2017, "Deep information propagation"). Two numbers
//! per layer then describe the whole forward pass:
//!
//! ```text
//! length       q^l = E[z_j²]                 (mean square pre-activation of one input)
//! correlation  c^l = E[z_j(x) z_j(y)] / q^l  (two inputs x, y of equal length)
//! ```
//!
//! and they follow maps from one layer to the next, with Dz the standard normal measure:
//!
//! ```text
//! q^l   = σ_w² ∫Dz φ(√q^{l−1} z)² + σ_b²                                 (length map)
//! q₁₂^l = σ_w² ∫Dz₁Dz₂ φ(u₁) φ(u₂) + σ_b²,   c^l = q₁₂^l / q^l             (correlation map)
//!   u₁ = √q^{l−1} z₁,   u₂ = √q^{l−1} (c^{l−1} z₁ + √(1 − (c^{l−1})²) z₂)
//! ```
//!
//! The length map settles at a fixed point q*. At q*, c = 1 is always a fixed point of the
//! correlation map, and its slope there,
//!
//! ```text
//! χ₁ = σ_w² ∫Dz φ′(√q* z)²,
//! ```
//!
//! decides the phase: χ₁ < 1, nearby inputs are pulled together (ordered: c → c* = 1, the
//! network forgets how its inputs differed); χ₁ > 1, they are pushed apart to a c* < 1
//! (chaotic: the smallest change of input is scrambled); χ₁ = 1 is the critical line (the
//! "edge of chaos"). How fast c^l reaches c* is the correlation depth scale
//!
//! ```text
//! ξ_c = −1 / ln χ_c,   χ_c = σ_w² ∫Dz₁Dz₂ φ′(u₁) φ′(u₂)  at q* and c*,
//! ```
//!
//! the slope of the correlation map at c*: |c^l − c*| ~ e^{−l/ξ_c}. Schoenholz et al. found
//! networks trainable to about 6ξ_c layers, and ξ_c diverges on the critical line. [`mean_field`] computes all
//! of it for one (activation, σ_w, σ_b); the phase diagram calls [`fixed_point`] 3,600 times.
//!
//! The integrals are trapezoidal rules in z whose step shrinks like 1/√q ([`NormalGrid`]),
//! the 2-D ones through Mehler's series; for ReLU and linear units
//! every one of them has a closed form, which is used instead (ReLU: the arc-cosine kernel of
//! Cho & Saul 2009), so that their fixed points at q* = 0 and q* = ∞ are exact.
//!
//! **Where the fixed-point formulas meet their edges.** [`FixedPoint`] follows the formulas
//! above; the arrays of [`MeanField`] follow the general maps layer by layer, and at two
//! edges the two tell different stories, which the page should not blur:
//! - σ_b = 0 with the signal dying out (tanh for σ_w ≤ 1, ReLU for σ_w² < 2, linear for
//!   σ_w < 1): q* = 0, where the fixed-point form of the correlation map is 0/0. `c_star` and
//!   `xi_c` are its limit as σ_b → 0⁺ (c* = 1, χ_c = χ₁), continuous with the rest of the
//!   phase diagram. At σ_b = 0 exactly, c^l does something else: for ReLU it follows the
//!   arc-cosine map, whose slope at c = 1 is 1, so 1 − c^l falls only like 1/l², not
//!   exponentially; for tanh and linear units, φ acts linearly on the vanishing signal and
//!   c^l stops moving.
//! - Beyond the critical point of ReLU and linear units the signal grows without bound:
//!   q* = ∞, the bias becomes negligible, and c^l follows the bias-free map (ReLU: the
//!   arc-cosine map again, c* = 1 reached polynomially; linear: the identity, c frozen).
//!   No exponential approach: ξ_c = ∞, as on the critical line itself.

use crate::activation::Activation;
use crate::error::ErrorText;
use serde::Serialize;
use std::f64::consts::PI;
use std::fmt;
use std::sync::OnceLock;

// ------------------------------------------------------------------------------------------
// Quadrature: the trapezoidal rule for the normal measure, and Mehler's series
// ------------------------------------------------------------------------------------------

/// The coarsest grid's step in z. Fine enough that the trapezoidal rule integrates the
/// Hermite polynomials of degree < [`MEHLER_TERMS`] against the normal density to double
/// precision (their Fourier transforms are negligible beyond 2π/step ≈ 25).
const BASE_STEP: f64 = 0.25;

/// Grids of step BASE_STEP/2^level for level < LEVELS; a request for a finer one gets the finest.
const LEVELS: usize = 9;

/// Grid points per half-width d of the strip around the real axis where the integrand is
/// analytic. The trapezoidal rule's error is about the integrand's size on a line inside the
/// strip, at distance d′ < d, times e^{−2πd′/h}: with d′ = 0.8d and h = d/4, e^{−2π·3.2} ≈ 2e-9
/// (measured over the phase diagram: see `tests/mean_field.rs`).
const STEPS_PER_STRIP: f64 = 4.0;

/// The phase diagram's grid points per half-width of the strip: three quarters of
/// [`STEPS_PER_STRIP`], so e^{−2π·2.4} ≈ 3e-7 by the same estimate (measured over the
/// diagram: χ₁ within 2e-5, ξ_c within 5e-5, relative; the critical line χ₁ = 1 moves by
/// 3e-10 of σ_w, where a pixel is 0.066 wide: `tests/mean_field.rs`). Two points per
/// half-width were measured too coarse for that bound (χ₁ off by 2e-3). About a fifth less
/// time per tanh diagram; the grids' steps stay powers of two, so the same on every platform.
const DIAGRAM_STEPS_PER_STRIP: f64 = 3.0;

/// 1-D integrals stop at |z| = 9, beyond which the normal measure holds 2e-19.
const REACH_1D: f64 = 9.0;

/// The grids reach |z| = 12 for the Hermite coefficients: |h_k(z)|·e^{−z²/4} stays below
/// 1.45 for every k (Cramér's inequality), so beyond 12 the integrand f·h_k·e^{−z²/2}/√(2π)
/// of an f bounded by 1 is below 0.6·e^{−z²/4}, and all of it adds less than 1e-16 to a coefficient.
const REACH_HERMITE: f64 = 12.0;

/// Terms kept of Mehler's series for the correlation map (see [`NormalGrid::hermite_coefficients`]).
pub const MEHLER_TERMS: usize = 40;

/// The trapezoidal rule for the standard normal measure on a grid of step h:
/// ∫Dz f(z) ≈ Σ_i h·e^{−x_i²/2}/√(2π)·f(x_i), x_i = i·h.
///
/// Why not Gauss–Hermite: φ(√q z) changes over a width 1/√q in z, and q* reaches about 13
/// on the tanh diagram (σ_w = 4) and 45 on the sigmoid one (σ_w = 10). An n-node Gauss–Hermite rule resolves features
/// no narrower than about 1/√n, so it needs n ∝ q nodes: measured at q = 16, the relative
/// error of ∫Dz tanh′(4z)² is 0.59 with 32 nodes, 0.046 with 128 and 3e-3 with 256. The
/// trapezoidal rule on the whole line converges geometrically for integrands analytic in a
/// strip |Im z| < d (error ≈ e^{−2πd/h}: Trefethen & Weideman 2014), and φ(√q z) is analytic
/// for |Im z| < d = (π/2)/√q (tanh's poles at ±iπ/2) or π/√q (sigmoid's at ±iπ). So a step
/// h ∝ d gives the same accuracy at every q; and since for q ≥ 1 every 1-D integrand is cut
/// where φ′ vanishes, |√q z| ≤ 20 (see `Theory::moments`), the number of points used does not
/// grow with q at all (between about 40 and 100 on half the line).
#[derive(Clone, Debug, PartialEq)]
pub struct NormalGrid {
    /// h, the distance between neighbouring points.
    step: f64,
    /// The points x_i = i·h, |x_i| ≤ 12, in increasing order.
    nodes: Vec<f64>,
    /// h·e^{−x_i²/2}/√(2π); they sum to 1 to within the rule's error.
    weights: Vec<f64>,
    /// The points with |x_i| ≤ 9: all that a 1-D integral of a bounded function needs.
    inner: std::ops::Range<usize>,
    /// The index of x = 0 (the grid is symmetric about it).
    centre: usize,
    /// h_k(x_i), the orthonormal Hermite polynomials k < [`MEHLER_TERMS`] at every point,
    /// point-major (`hermite[i·MEHLER_TERMS + k]`).
    hermite: Vec<f64>,
}

impl NormalGrid {
    /// The grid of step `step` (> 0).
    pub fn new(step: f64) -> NormalGrid {
        let half = (REACH_HERMITE / step).floor() as i64;
        let nodes: Vec<f64> = (-half..=half).map(|i| i as f64 * step).collect();
        let density = step / (2.0 * PI).sqrt();
        let weights = nodes
            .iter()
            .map(|x| density * libm::exp(-0.5 * x * x))
            .collect();
        let first = nodes.partition_point(|&x| x < -REACH_1D);
        let end = nodes.partition_point(|&x| x <= REACH_1D);
        let hermite = nodes.iter().flat_map(|&x| orthonormal_hermite(x)).collect();
        NormalGrid {
            step,
            nodes,
            weights,
            inner: first..end,
            centre: half as usize,
            hermite,
        }
    }

    /// The shared grid of step BASE_STEP/2^level (at most the finest level), built once.
    pub fn level(level: usize) -> &'static NormalGrid {
        static GRIDS: [OnceLock<NormalGrid>; LEVELS] = [const { OnceLock::new() }; LEVELS];
        let level = level.min(LEVELS - 1);
        GRIDS[level].get_or_init(|| NormalGrid::new(BASE_STEP / (1u32 << level) as f64))
    }

    /// The coarsest shared grid fine enough for an integrand analytic in |Im z| < `strip`,
    /// made `refine` levels finer (0 on the page; the tests refine to check the error).
    pub fn for_strip(strip: f64, refine: usize) -> &'static NormalGrid {
        NormalGrid::for_strip_at(strip, STEPS_PER_STRIP, refine)
    }

    /// [`NormalGrid::for_strip`] with `steps` grid points per half-width of the strip.
    fn for_strip_at(strip: f64, steps: f64, refine: usize) -> &'static NormalGrid {
        let wanted = strip / steps;
        let mut level = 0;
        while level + 1 < LEVELS && BASE_STEP / (1u32 << level) as f64 > wanted {
            level += 1;
        }
        NormalGrid::level(level + refine)
    }

    pub fn step(&self) -> f64 {
        self.step
    }

    /// The points used by 1-D integrals.
    pub fn nodes(&self) -> &[f64] {
        &self.nodes[self.inner.clone()]
    }

    /// ∫Dz f(z), for f bounded by a polynomial of low degree.
    pub fn integrate(&self, f: impl Fn(f64) -> f64) -> f64 {
        let range = self.inner.clone();
        (self.nodes[range.clone()].iter())
            .zip(&self.weights[range])
            .map(|(&x, &w)| w * f(x))
            .sum()
    }

    /// The points 0 ≤ x_i ≤ `reach` (at most 9) with the weights of an even integrand: twice
    /// the rule's weight, once at x = 0. Half the evaluations of the whole line.
    fn even_points(&self, reach: f64) -> impl Iterator<Item = (f64, f64)> + '_ {
        let reach = reach.min(REACH_1D);
        let end = self.nodes.partition_point(|&x| x <= reach);
        (self.centre..end).map(move |i| {
            let twice = if i == self.centre { 1.0 } else { 2.0 };
            (self.nodes[i], twice * self.weights[i])
        })
    }

    /// [`NormalGrid::hermite_coefficients`] of an odd f, from the points x > 0 only: its even
    /// coefficients are 0, and f·h_k is even for odd k.
    fn odd_hermite_coefficients(&self, f: impl Fn(f64) -> f64) -> [f64; MEHLER_TERMS] {
        let mut a = [0.0; MEHLER_TERMS];
        for i in self.centre + 1..self.nodes.len() {
            let wf = 2.0 * self.weights[i] * f(self.nodes[i]);
            let h = &self.hermite[i * MEHLER_TERMS..(i + 1) * MEHLER_TERMS];
            for k in (1..MEHLER_TERMS).step_by(2) {
                a[k] += wf * h[k];
            }
        }
        a
    }

    /// The Hermite coefficients a_k = ∫Dz f(z) h_k(z), k < [`MEHLER_TERMS`].
    ///
    /// Why: Mehler's formula turns every 2-D integral of the theory into a power series. For
    /// z₁, z₂ standard normal with correlation c, ∫ f(z₁) f(z₂) = Σ_k a_k² c^k. So one pass
    /// of evaluations of φ gives the correlation map at every c, where a 2-D rule needs a
    /// pass per c, each the square of a 1-D one.
    pub fn hermite_coefficients(&self, f: impl Fn(f64) -> f64) -> [f64; MEHLER_TERMS] {
        let mut a = [0.0; MEHLER_TERMS];
        for (i, (&x, &w)) in self.nodes.iter().zip(&self.weights).enumerate() {
            let wf = w * f(x);
            let h = &self.hermite[i * MEHLER_TERMS..(i + 1) * MEHLER_TERMS];
            for (a_k, h_k) in a.iter_mut().zip(h) {
                *a_k += wf * h_k;
            }
        }
        a
    }
}

/// h_0(x) … h_{K−1}(x), K = [`MEHLER_TERMS`], the orthonormal Hermite polynomials of the
/// standard normal measure (∫Dz h_j h_k = [j = k]): h_0 = 1,
/// h_{k+1} = (x·h_k − √k·h_{k−1})/√(k+1).
fn orthonormal_hermite(x: f64) -> [f64; MEHLER_TERMS] {
    let mut h = [0.0; MEHLER_TERMS];
    let (mut previous, mut current) = (0.0, 1.0);
    for (k, h_k) in h.iter_mut().enumerate() {
        *h_k = current;
        let next = (x * current - (k as f64).sqrt() * previous) / ((k + 1) as f64).sqrt();
        previous = current;
        current = next;
    }
    h
}

// ------------------------------------------------------------------------------------------
// The API: arguments, result, errors
// ------------------------------------------------------------------------------------------

/// The default length of the two inputs, q⁰.
pub const DEFAULT_Q0: f64 = 1.0;
/// The default correlation of the two inputs, c⁰.
pub const DEFAULT_C0: f64 = 0.5;
/// The largest σ_w accepted (sigmoid's critical line lies beyond σ_w = 4).
pub const MAX_SIGMA_W: f64 = 10.0;
/// The largest σ_b accepted.
pub const MAX_SIGMA_B: f64 = 10.0;
/// The deepest network the maps are run through.
pub const MAX_DEPTH: usize = 1000;

/// What [`mean_field`] is asked: the network's activation and init, how many layers to
/// follow, and the two inputs' length q⁰ and correlation c⁰ (the page's `initlab.meanField`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeanFieldArgs {
    /// φ, the hidden layers' activation.
    pub act: Activation,
    /// Weights are drawn from N(0, σ_w²/fan_in); σ_w ∈ (0, 10].
    pub sigma_w: f64,
    /// Biases are drawn from N(0, σ_b²); σ_b ∈ [0, 10].
    pub sigma_b: f64,
    /// Layers to follow the maps through, 1…1000.
    pub depth: usize,
    /// The inputs' length q⁰ > 0 (the mean square of the first layer's pre-activations).
    pub q0: f64,
    /// The inputs' correlation c⁰ ∈ [−1, 1].
    pub c0: f64,
}

impl MeanFieldArgs {
    /// The arguments with the default inputs, q⁰ = 1 and c⁰ = 0.5.
    pub fn new(act: Activation, sigma_w: f64, sigma_b: f64, depth: usize) -> MeanFieldArgs {
        MeanFieldArgs {
            act,
            sigma_w,
            sigma_b,
            depth,
            q0: DEFAULT_Q0,
            c0: DEFAULT_C0,
        }
    }

    /// Refuses an argument out of its range, naming it as the page's API spells it.
    pub fn validate(&self) -> Result<(), MeanFieldError> {
        let refuse = |(argument, range): (&'static str, &'static str), value: f64| {
            Err(MeanFieldError::OutOfRange {
                argument,
                range,
                value,
            })
        };
        // Written as !(inside) so that NaN is refused too.
        if !(self.sigma_w > 0.0 && self.sigma_w <= MAX_SIGMA_W) {
            return refuse(SIGMA_W_RANGE, self.sigma_w);
        }
        if !(self.sigma_b >= 0.0 && self.sigma_b <= MAX_SIGMA_B) {
            return refuse(SIGMA_B_RANGE, self.sigma_b);
        }
        if !(1..=MAX_DEPTH).contains(&self.depth) {
            return refuse(DEPTH_RANGE, self.depth as f64);
        }
        if !(self.q0 > 0.0 && self.q0.is_finite()) {
            return refuse(Q0_RANGE, self.q0);
        }
        if !(self.c0 >= -1.0 && self.c0 <= 1.0) {
            return refuse(C0_RANGE, self.c0);
        }
        Ok(())
    }
}

/// The activation named `name` (tanh, sigmoid, relu, linear), or the error the page shows.
pub fn activation_named(name: &str) -> Result<Activation, MeanFieldError> {
    Activation::from_name(name).ok_or_else(|| MeanFieldError::UnknownActivation(name.to_string()))
}

/// Why [`mean_field`] refused its arguments.
#[derive(Clone, Debug, PartialEq)]
pub enum MeanFieldError {
    /// `argument` (the API's name for it) is `value`, outside `range`.
    OutOfRange {
        argument: &'static str,
        range: &'static str,
        value: f64,
    },
    /// `act` names no activation of the theory.
    UnknownActivation(String),
    /// A required `argument` was not given.
    Missing {
        argument: &'static str,
        range: &'static str,
    },
    /// `argument` was given as something other than a number (`value`, as the caller wrote it).
    NotNumber {
        argument: &'static str,
        range: &'static str,
        value: String,
    },
}

impl fmt::Display for MeanFieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().english())
    }
}

impl std::error::Error for MeanFieldError {}

impl MeanFieldError {
    /// The message id and arguments the page words in the learner's language.
    pub fn text(&self) -> ErrorText {
        match self {
            MeanFieldError::OutOfRange {
                argument,
                range,
                value,
            } => ErrorText::new("meanField.range")
                .with("argument", *argument)
                .with("range", *range)
                .with("value", value.to_string()),
            MeanFieldError::UnknownActivation(name) => ErrorText::new("meanField.act")
                .with("choices", Activation::NAMES.join(", "))
                .with("value", name.as_str()),
            MeanFieldError::Missing { argument, range } => ErrorText::new("meanField.missing")
                .with("argument", *argument)
                .with("range", *range),
            MeanFieldError::NotNumber {
                argument,
                range,
                value,
            } => ErrorText::new("meanField.number")
                .with("argument", *argument)
                .with("range", *range)
                .with("value", value.as_str()),
        }
    }
}

/// One argument of a `meanField` request as it arrived from JavaScript: absent, a number,
/// or anything else (a string, an object), kept as JavaScript prints it for the message.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    Missing,
    Number(f64),
    Other(String),
}

/// Each argument's name in the API and its range as the messages print it.
const SIGMA_W_RANGE: (&str, &str) = ("sigmaW", "(0, 10]");
const SIGMA_B_RANGE: (&str, &str) = ("sigmaB", "[0, 10]");
const DEPTH_RANGE: (&str, &str) = ("depth", "1…1000");
const Q0_RANGE: (&str, &str) = ("q0", "(0, ∞)");
const C0_RANGE: (&str, &str) = ("c0", "[−1, 1]");

/// The number given for `argument`: its `default` when it is missing (an error when there is
/// none), refused by name when it is not a number.
fn number(
    given: Given,
    (argument, range): (&'static str, &'static str),
    default: Option<f64>,
) -> Result<f64, MeanFieldError> {
    match (given, default) {
        (Given::Number(x), _) => Ok(x),
        (Given::Missing, Some(x)) => Ok(x),
        (Given::Missing, None) => Err(MeanFieldError::Missing { argument, range }),
        (Given::Other(value), _) => Err(MeanFieldError::NotNumber {
            argument,
            range,
            value,
        }),
    }
}

/// The page's `initlab.meanField({act, sigmaW, sigmaB, depth, q0, c0})` read into checked
/// arguments: the one place its arguments are refused. `act`, `sigmaW`, `sigmaB` and `depth`
/// are required; `q0` and `c0` default to 1 and 0.5; `depth` must be a whole number.
pub fn args_from_request(
    act: Given,
    sigma_w: Given,
    sigma_b: Given,
    depth: Given,
    q0: Given,
    c0: Given,
) -> Result<MeanFieldArgs, MeanFieldError> {
    let act = match act {
        Given::Other(name) => activation_named(&name)?,
        Given::Missing => return Err(MeanFieldError::UnknownActivation("undefined".to_string())),
        Given::Number(x) => return Err(MeanFieldError::UnknownActivation(x.to_string())),
    };
    let sigma_w = number(sigma_w, SIGMA_W_RANGE, None)?;
    let sigma_b = number(sigma_b, SIGMA_B_RANGE, None)?;
    let depth = number(depth, DEPTH_RANGE, None)?;
    let q0 = number(q0, Q0_RANGE, Some(DEFAULT_Q0))?;
    let c0 = number(c0, C0_RANGE, Some(DEFAULT_C0))?;
    // A depth that is not a whole number in range is refused before it is cast.
    if !(depth.fract() == 0.0 && (1.0..=MAX_DEPTH as f64).contains(&depth)) {
        let (argument, range) = DEPTH_RANGE;
        return Err(MeanFieldError::OutOfRange {
            argument,
            range,
            value: depth,
        });
    }
    let args = MeanFieldArgs {
        act,
        sigma_w,
        sigma_b,
        depth: depth as usize,
        q0,
        c0,
    };
    args.validate()?;
    Ok(args)
}

/// The theory's fixed point for one (activation, σ_w, σ_b): one pixel of the phase diagram.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FixedPoint {
    /// q*, the fixed point of the length map: 0 where the signal dies out, +∞ where it
    /// grows without bound (ReLU and linear beyond their critical line).
    pub q_star: f64,
    /// c*, the correlation the map settles at: 1 in the ordered phase, below 1 in the chaotic one.
    pub c_star: f64,
    /// χ₁ = σ_w² ∫Dz φ′(√q* z)²: below 1 ordered, above 1 chaotic.
    pub chi1: f64,
    /// ξ_c = −1/ln χ_c: the depth over which the correlation forgets its input value. +∞ on
    /// the critical line and wherever c^l does not approach c* exponentially; never NaN or negative.
    pub xi_c: f64,
}

/// [`mean_field`]'s answer: the fixed point, and both maps followed layer by layer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeanField {
    pub q_star: f64,
    pub c_star: f64,
    pub chi1: f64,
    pub xi_c: f64,
    /// q⁰ … q^depth: `q[0]` is the argument q0, then the length map.
    pub q: Vec<f64>,
    /// c⁰ … c^depth: `c[0]` is the argument c0, then the general correlation map.
    pub c: Vec<f64>,
}

/// The theory for one network: its fixed point, and q^l and c^l through `depth` layers from
/// (q0, c0), with the page's quadrature.
pub fn mean_field(args: MeanFieldArgs) -> Result<MeanField, MeanFieldError> {
    mean_field_with(args, 0)
}

/// [`mean_field`] with every quadrature grid `refine` times halved (the tests compare the
/// page's grids against finer ones).
pub fn mean_field_with(args: MeanFieldArgs, refine: usize) -> Result<MeanField, MeanFieldError> {
    args.validate()?;
    let theory = Theory::new(args.act, args.sigma_w, args.sigma_b, refine);
    let point = theory.fixed_point(args.q0, args.c0, None);
    let mut q = Vec::with_capacity(args.depth + 1);
    let mut c = Vec::with_capacity(args.depth + 1);
    let (mut q_l, mut c_l) = (args.q0, args.c0);
    q.push(q_l);
    c.push(c_l);
    for _ in 0..args.depth {
        (q_l, c_l) = theory.step(q_l, c_l);
        q.push(q_l);
        c.push(c_l);
    }
    Ok(MeanField {
        q_star: point.q_star,
        c_star: point.c_star,
        chi1: point.chi1,
        xi_c: point.xi_c,
        q,
        c,
    })
}

/// The fixed point (q*, c*, χ₁, ξ_c) alone, without the layer-by-layer arrays: what each
/// pixel of the phase diagram needs. The arguments are not range-checked (the diagram's
/// grid is inside the ranges by construction). q0 and c0 matter only where the maps forget
/// nothing: at σ_b = 0 on the critical point of ReLU or linear units (every q is a fixed
/// point), and for linear units beyond it (c freezes at a value that depends on its start).
pub fn fixed_point(act: Activation, sigma_w: f64, sigma_b: f64, q0: f64, c0: f64) -> FixedPoint {
    fixed_point_with(act, sigma_w, sigma_b, q0, c0, 0)
}

/// [`fixed_point`] with every quadrature grid `refine` times halved.
pub fn fixed_point_with(
    act: Activation,
    sigma_w: f64,
    sigma_b: f64,
    q0: f64,
    c0: f64,
    refine: usize,
) -> FixedPoint {
    Theory::new(act, sigma_w, sigma_b, refine).fixed_point(q0, c0, None)
}

/// [`fixed_point`] with Newton's method for q* started at `q_guess` instead of at its upper
/// bound σ_w² + σ_b²: the phase diagram passes the q* of the pixel next to this one, which is
/// close, and saves about two of the five passes over the grid. Any guess gives the same
/// result (to the solver's tolerance): one that is not positive and finite is ignored, and a
/// Newton step that leaves the bracket around q* falls back to bisection.
pub fn fixed_point_near(
    act: Activation,
    sigma_w: f64,
    sigma_b: f64,
    q0: f64,
    c0: f64,
    q_guess: f64,
) -> FixedPoint {
    Theory::new(act, sigma_w, sigma_b, 0).fixed_point(q0, c0, Some(q_guess))
}

/// [`fixed_point_near`] from q0 = 1 and c0 = 0.5 on the phase diagram's coarser grids
/// ([`DIAGRAM_STEPS_PER_STRIP`]): what each of its 3,600 pixels needs, in about half the
/// time. `refine` halves every grid's step (0 on the page; the tests compare finer ones).
pub fn diagram_fixed_point(
    act: Activation,
    sigma_w: f64,
    sigma_b: f64,
    q_guess: f64,
    refine: usize,
) -> FixedPoint {
    let theory = Theory {
        steps_per_strip: DIAGRAM_STEPS_PER_STRIP,
        ..Theory::new(act, sigma_w, sigma_b, refine)
    };
    theory.fixed_point(1.0, 0.5, Some(q_guess))
}

/// ξ_c = −1/ln χ_c, for a slope χ_c ≥ 0 of the correlation map at its fixed point.
///
/// χ_c ≥ 1 means c^l does not approach c* exponentially (the critical line, where χ_c = 1,
/// and beyond it for ReLU and linear units, whose c* = 1 is approached more slowly than any
/// exponential): ξ_c = +∞ there, never the negative number the formula would give.
/// χ_c = 0 gives ξ_c = 0 (c* reached in one layer). A NaN, which no argument in range
/// produces (`tests/mean_field.rs` scans them), would also read as +∞, never as NaN.
pub fn depth_scale(chi_c: f64) -> f64 {
    if chi_c >= 1.0 || chi_c.is_nan() {
        f64::INFINITY
    } else if chi_c <= 0.0 {
        0.0
    } else {
        -1.0 / libm::log(chi_c)
    }
}

// ------------------------------------------------------------------------------------------
// The maps
// ------------------------------------------------------------------------------------------

/// Iterations allowed to the safeguarded Newton solvers for q* and c*.
const MAX_SOLVER_STEPS: usize = 200;

/// A step of the solvers smaller than this (relative to the value, or absolute near 0) ends them.
const SOLVER_TOLERANCE: f64 = 1e-13;

/// A Newton step for q* this small (relative) is the last one taken: the one after it would
/// be about its square, below rounding.
const LAST_NEWTON_STEP: f64 = 1e-8;

/// One network's maps: activation, σ_w², σ_b² and how finely to integrate.
struct Theory {
    act: Activation,
    /// σ_w².
    w2: f64,
    /// σ_b².
    b2: f64,
    /// Extra halvings of every grid's step (0 on the page).
    refine: usize,
    /// Grid points per half-width of the strip where φ(√q z) is analytic.
    steps_per_strip: f64,
}

impl Theory {
    fn new(act: Activation, sigma_w: f64, sigma_b: f64, refine: usize) -> Theory {
        Theory {
            act,
            w2: sigma_w * sigma_w,
            b2: sigma_b * sigma_b,
            refine,
            steps_per_strip: STEPS_PER_STRIP,
        }
    }

    /// The grid for integrands φ(√q z), φ′(√q z): analytic for |Im z| < (pole distance)/√q,
    /// the poles of tanh at ±iπ/2 and of sigmoid at ±iπ.
    fn grid(&self, q: f64) -> &'static NormalGrid {
        NormalGrid::for_strip_at(self.strip(q), self.steps_per_strip, self.refine)
    }

    /// The half-width of the strip |Im z| < d where φ(√q z) is analytic: d = (π/2)/√q for
    /// tanh, π/√q for sigmoid.
    fn strip(&self, q: f64) -> f64 {
        let pole = match self.act {
            Activation::Sigmoid => PI,
            _ => PI / 2.0,
        };
        pole / q.sqrt()
    }

    /// One layer of both maps: (q^{l−1}, c^{l−1}) → (q^l, c^l).
    fn step(&self, q: f64, c: f64) -> (f64, f64) {
        let c = c.clamp(-1.0, 1.0);
        match self.act {
            Activation::Linear => {
                // φ(u) = u: E[φ(u₁)²] = q and E[φ(u₁)φ(u₂)] = c·q.
                let signal = self.w2 * q;
                (signal + self.b2, blend_with_bias(c, signal, self.b2))
            }
            Activation::Relu => {
                // E[relu(u)²] = q/2, and E[relu(u₁)relu(u₂)] = (q/2)·arccos_kernel(c).
                let signal = self.w2 * q / 2.0;
                (
                    signal + self.b2,
                    blend_with_bias(arccos_kernel(c), signal, self.b2),
                )
            }
            Activation::Tanh | Activation::Sigmoid => {
                let moments = self.moments(q);
                let series = self.mehler(q, &moments);
                let q_next = self.w2 * moments.square + self.b2;
                let q12 = self.w2 * series.at(c).0 + self.b2;
                // q_next = 0 only for tanh with q = 0 and σ_b = 0; as q → 0, tanh(u) → u and
                // the map leaves c where it is (the linear map's limit).
                let c_next = if q_next > 0.0 { q12 / q_next } else { c };
                (q_next, c_next.clamp(-1.0, 1.0))
            }
        }
    }

    /// (φ(u), φ′(u)), through the activation's own definitions.
    fn value_and_slope(&self, u: f64) -> (f64, f64) {
        let a = self.act.apply(u);
        (a, self.act.derivative(u, a))
    }

    /// The constants of φ = m + ψ, ψ odd: (m, ψ(∞)). Tanh: (0, 1); sigmoid: (½, ½).
    ///
    /// Both activations are a constant plus an odd function, and for both
    /// ψ(∞)² − ψ(u)² = φ′(u) (1 − tanh² = tanh′; ¼ − (σ − ½)² = σ(1 − σ) = σ′), and
    /// φ″ = −2ψφ′. So every integrand below is even in z (one half of the grid suffices),
    /// and ∫Dz φ² = m² + ψ(∞)² − ∫Dz φ′ (an integrand that vanishes within |u| ≲ 20).
    fn centre_and_limit(&self) -> (f64, f64) {
        match self.act {
            Activation::Sigmoid => (0.5, 0.5),
            _ => (0.0, 1.0),
        }
    }

    /// |u| beyond which φ′(u) < 1e-17: 4e^{−2|u|} for tanh, e^{−|u|} for sigmoid.
    fn slope_reach(&self) -> f64 {
        match self.act {
            Activation::Sigmoid => 40.0,
            _ => 20.0,
        }
    }

    /// The 1-D integrals of the length map at q, in one pass over half the grid.
    ///
    /// For q ≥ 1, ∫Dz φ² is taken as m² + ψ(∞)² − ∫Dz φ′ (see [`Theory::centre_and_limit`]):
    /// then every integrand vanishes for |z| > 20/√q (40/√q for sigmoid), and the pass stops
    /// there. Below q = 1, ∫Dz φ′ is close to ψ(∞)² and the difference would cancel digits
    /// (q* is tiny near tanh's critical point at σ_b = 0), so ∫Dz ψ² is summed directly.
    fn moments(&self, q: f64) -> Moments {
        let s = q.sqrt();
        let (m, limit) = self.centre_and_limit();
        let grid = self.grid(q);
        if grid.step() > self.strip(q) / self.steps_per_strip {
            return self.wide_moments(q); // even the finest grid is too coarse
        }
        let through_slope = q >= 1.0;
        let reach = if through_slope {
            self.slope_reach() / s
        } else {
            REACH_1D
        };
        let (mut part, mut heat, mut slope_square) = (0.0, 0.0, 0.0);
        for (z, w) in grid.even_points(reach) {
            let (a, d) = self.value_and_slope(s * z);
            let odd_square = (a - m) * (a - m);
            part += w * if through_slope { d } else { odd_square };
            heat += w * d * (d - 2.0 * odd_square);
            slope_square += w * d * d;
        }
        let square = if through_slope {
            m * m + limit * limit - part
        } else {
            m * m + part
        };
        Moments {
            square,
            heat,
            slope_square,
        }
    }

    /// [`Theory::moments`] for a q so large (above 1.6e5 for tanh, 6.4e5 for sigmoid: only
    /// from a huge q0) that the finest grid cannot follow φ′(√q z): over φ′'s width the normal
    /// density is flat, so ∫Dz g(√q z) = (∫g(u) du)/√(2πq) + O(q^{−3/2}) for g = φ′, φ′², and
    /// the heat integrand φ′² − 2ψ²φ′, whose integral over u is 0 for both activations
    /// (tanh: 4/3 − 2·2/3; sigmoid: 1/6 − 2·1/12).
    fn wide_moments(&self, q: f64) -> Moments {
        let (m, limit) = self.centre_and_limit();
        // ∫φ′ du = 2ψ(∞); ∫φ′² du = 4/3 for tanh (∫sech⁴), 1/6 for sigmoid (∫σ′²).
        let slope_square_area = match self.act {
            Activation::Sigmoid => 1.0 / 6.0,
            _ => 4.0 / 3.0,
        };
        let density = 1.0 / (2.0 * PI * q).sqrt();
        Moments {
            square: m * m + limit * limit - 2.0 * limit * density,
            heat: 0.0,
            slope_square: slope_square_area * density,
        }
    }

    /// Mehler's series of φ(√q z) = m + ψ(√q z): a_0 = m, and the odd coefficients of ψ.
    fn mehler(&self, q: f64, moments: &Moments) -> Mehler {
        let s = q.sqrt();
        let (m, _) = self.centre_and_limit();
        let a = self
            .grid(q)
            .odd_hermite_coefficients(|z| self.act.apply(s * z) - m);
        let mut squares = a.map(|a_k| a_k * a_k);
        squares[0] = m * m;
        let tail = (moments.square - squares.iter().sum::<f64>()).max(0.0);
        Mehler { squares, tail }
    }

    /// The fixed point of both maps, and the slopes that say how fast they are reached.
    fn fixed_point(&self, q0: f64, c0: f64, q_guess: Option<f64>) -> FixedPoint {
        match self.act {
            Activation::Linear => self.linear_fixed_point(q0, c0),
            Activation::Relu => self.relu_fixed_point(q0),
            Activation::Tanh | Activation::Sigmoid => self.smooth_fixed_point(q_guess),
        }
    }

    /// Linear units, in closed form. q^l = σ_w² q^{l−1} + σ_b² and q₁₂ obeys the same
    /// recursion, so c^l = (σ_w^{2l} c⁰q⁰ + σ_b² S_l)/(σ_w^{2l} q⁰ + σ_b² S_l),
    /// S_l = 1 + σ_w² + … + σ_w^{2(l−1)}; χ₁ = σ_w².
    fn linear_fixed_point(&self, q0: f64, c0: f64) -> FixedPoint {
        let chi1 = self.w2;
        if chi1 < 1.0 {
            // q* = σ_b²/(1 − σ_w²); c* = 1 reached at rate σ_w² (the limit σ_b → 0⁺ at σ_b = 0).
            return FixedPoint {
                q_star: self.b2 / (1.0 - chi1),
                c_star: 1.0,
                chi1,
                xi_c: depth_scale(chi1),
            };
        }
        // σ_w ≥ 1: the signal grows (or, at σ_w = 1 and σ_b = 0, every q is a fixed point)
        // and the bias's share goes to 0, so the map of c tends to the identity: nothing is
        // forgotten, ξ_c = ∞. Where c^l ends is the limit of the closed form above.
        let q_star = if chi1 == 1.0 && self.b2 == 0.0 {
            q0
        } else {
            f64::INFINITY
        };
        let c_star = if self.b2 == 0.0 {
            c0
        } else if chi1 == 1.0 {
            1.0 // S_l = l grows without bound
        } else {
            let bias_share = self.b2 / (chi1 - 1.0); // σ_b² S_l / σ_w^{2l} → σ_b²/(σ_w² − 1)
            (c0 * q0 + bias_share) / (q0 + bias_share)
        };
        FixedPoint {
            q_star,
            c_star,
            chi1,
            xi_c: f64::INFINITY,
        }
    }

    /// ReLU, in closed form: q^l = σ_w² q^{l−1}/2 + σ_b², χ₁ = σ_w²/2 (He init, σ_w² = 2, is
    /// the critical point), and c^l from the arc-cosine kernel.
    fn relu_fixed_point(&self, q0: f64) -> FixedPoint {
        let chi1 = self.w2 / 2.0;
        if chi1 < 1.0 {
            // c* = 1, and χ_c = σ_w² ∫Dz₁Dz₂ relu′(u₁)relu′(u₂) at c = 1 is σ_w²/2 = χ₁ for
            // every q* (relu′ is a step: the integral is P(u₁ > 0, u₂ > 0) = ½ at c = 1). At
            // σ_b = 0, q* = 0 and this is the limit σ_b → 0⁺ (see the module's documentation).
            return FixedPoint {
                q_star: self.b2 / (1.0 - chi1),
                c_star: 1.0,
                chi1,
                xi_c: depth_scale(chi1),
            };
        }
        // σ_w² ≥ 2: q grows without bound (or stays where it starts, at σ_w² = 2 and σ_b = 0),
        // the bias becomes negligible and c follows the arc-cosine map, whose only fixed point
        // is c* = 1 and whose slope there is 1: reached polynomially, not exponentially.
        let q_star = if chi1 == 1.0 && self.b2 == 0.0 {
            q0
        } else {
            f64::INFINITY
        };
        FixedPoint {
            q_star,
            c_star: 1.0,
            chi1,
            xi_c: f64::INFINITY,
        }
    }

    /// Tanh and sigmoid: q* by Newton's method, χ₁ at q*, and c* by Newton's method where
    /// the phase is chaotic.
    fn smooth_fixed_point(&self, q_guess: Option<f64>) -> FixedPoint {
        let (q_star, chi1) = self.length_fixed_point(q_guess);
        if chi1 <= 1.0 {
            // Ordered (or critical): c* = 1, and the 2-D slope integral at c = 1 is χ₁'s.
            return FixedPoint {
                q_star,
                c_star: 1.0,
                chi1,
                xi_c: depth_scale(chi1),
            };
        }
        let (c_star, chi_c) = self.correlation_fixed_point(q_star);
        FixedPoint {
            q_star,
            c_star,
            chi1,
            xi_c: depth_scale(chi_c),
        }
    }

    /// (F(q), F′(q), χ₁(q)) for F(q) = σ_w² ∫Dz φ(√q z)² + σ_b² − q, in one pass over the grid.
    ///
    /// F′ comes from the heat equation, d/dq ∫Dz f(√q z) = ½∫Dz f″(√q z), so
    /// F′(q) = σ_w² ∫Dz [φ′² + φφ″](√q z) − 1, with no division by √q; and
    /// χ₁(q) = σ_w² ∫Dz φ′(√q z)² shares its φ′².
    fn length_residual(&self, q: f64) -> (f64, f64, f64) {
        let moments = self.moments(q);
        (
            self.w2 * moments.square + self.b2 - q,
            self.w2 * moments.heat - 1.0,
            self.w2 * moments.slope_square,
        )
    }

    /// (q*, χ₁): q* the root of F(q) = σ_w² ∫Dz φ(√q z)² + σ_b² − q that iteration from any
    /// q > 0 reaches, and χ₁ there.
    ///
    /// Plain iteration converges like (F′(q*) + 1)^l, and F′(q*) + 1 → 1 near the critical
    /// line (at σ_b = 0 on it, only like 1/l): hundreds of layers for one pixel. Newton's
    /// method needs a handful of steps.
    ///
    /// Safeguard: φ² ≤ 1 for tanh and sigmoid, so F(σ_w² + σ_b²) ≤ 0 ≤ F(0) brackets the
    /// root; a Newton step that leaves the bracket is replaced by bisection. Starting from the
    /// top finds the largest root, the stable one (q = 0 is also a root for tanh at σ_b = 0).
    fn length_fixed_point(&self, q_guess: Option<f64>) -> (f64, f64) {
        // tanh at σ_b = 0: q = 0 is a fixed point, and the stable one when its slope
        // F′(0) + 1 = σ_w² φ′(0)² (exactly: φ(0)φ″(0) = 0) is at most 1; χ₁ is that slope.
        let (a0, d0) = self.value_and_slope(0.0);
        let chi0 = self.w2 * d0 * d0;
        if self.b2 == 0.0 && a0 == 0.0 && chi0 <= 1.0 {
            return (0.0, chi0);
        }
        let (mut lo, mut hi) = (0.0, self.w2 + self.b2);
        // From a guess below q*, where F > 0, the first Newton step lands above q* (F is
        // concave: its tangent lies above it), and the rest descend as from the top.
        let mut q = match q_guess {
            Some(guess) if guess > 0.0 && guess.is_finite() => guess.min(hi),
            _ => hi,
        };
        let mut chi1 = chi0;
        for _ in 0..MAX_SOLVER_STEPS {
            let (f, slope, chi) = self.length_residual(q);
            chi1 = chi;
            if f == 0.0 {
                break;
            }
            if f > 0.0 {
                lo = q;
            } else {
                hi = q;
            }
            let newton = q - f / slope;
            let next = if newton > lo && newton < hi {
                newton
            } else {
                0.5 * (lo + hi)
            };
            let step = (next - q).abs();
            let scale = q.max(1e-3);
            if step <= SOLVER_TOLERANCE * scale {
                break; // χ₁ is already that of a q within the tolerance
            }
            if next == newton && step <= LAST_NEWTON_STEP * scale {
                // Newton converges quadratically: after a step this small the next one would
                // be below rounding. Take it without another pass over the grid; χ₁ stays that
                // of the q one step before, off by about 1e-8 of itself.
                q = next;
                break;
            }
            q = next;
        }
        (q, chi1)
    }

    /// c* < 1 in the chaotic phase, and the slope χ_c of the correlation map there.
    ///
    /// At q*, the map M(c) = (σ_w² Σ_k a_k² c^k + σ_b²)/q* (Mehler, with a_k the Hermite
    /// coefficients of φ(√q* ·)) has M(1) = 1 and slope M′(c) = σ_w² Σ_k k a_k² c^{k−1}/q*,
    /// which equals σ_w² ∫Dz₁Dz₂ φ′(u₁)φ′(u₂) (Gaussian integration by parts) and is χ₁ > 1
    /// at c = 1. Its coefficients are nonnegative, so M is convex on [0, 1]: M(c) − c is ≥ 0
    /// at c = 0, negative just below 1, and Newton's method from c = 0 climbs monotonically
    /// to the one root c* in between, never jumping to the unstable root c = 1.
    fn correlation_fixed_point(&self, q_star: f64) -> (f64, f64) {
        let series = self.mehler(q_star, &self.moments(q_star));
        let map = |c: f64| {
            let (values, slopes) = series.at(c);
            (
                (self.w2 * values + self.b2) / q_star,
                self.w2 * slopes / q_star,
            )
        };
        let mut c = 0.0;
        let (mut m, mut chi_c) = map(c);
        for _ in 0..MAX_SOLVER_STEPS {
            let f = m - c;
            if f <= 0.0 || chi_c >= 1.0 {
                break; // at c* (to rounding), or numerically at the critical line
            }
            let next = (c - f / (chi_c - 1.0)).min(1.0);
            let done = (next - c).abs() <= SOLVER_TOLERANCE;
            c = next;
            (m, chi_c) = map(c);
            if done {
                break;
            }
        }
        (c, chi_c)
    }
}

/// The 1-D integrals of the length map at one q: ∫Dz φ², ∫Dz [φ′² + φφ″] and ∫Dz φ′².
struct Moments {
    square: f64,
    heat: f64,
    slope_square: f64,
}

/// Mehler's series for ∫Dz₁Dz₂ f(z₁)f(z₂) at correlation c: Σ_k a_k² c^k, a_k the Hermite
/// coefficients of f.
///
/// Only the coefficients k < [`MEHLER_TERMS`] are computed; what the others hold together,
/// tail = ∫Dz f² − Σ_{k<K} a_k², is known from the 1-D integral, and is put at the first
/// missing power, c^{K+1} (f − a_0 is odd here, so only odd powers follow). So the series is
/// exact at c = 1 (where the correlation map must give c = 1 back), at c = 0 and at c = −1,
/// and errs elsewhere by at most the tail times |c|^K: where c is far from 1 the tail is
/// damped, and where c is near 1 the length q is small enough (near the critical line) that
/// the coefficients have decayed (measured in `tests/mean_field.rs`).
struct Mehler {
    /// a_k² for k < K.
    squares: [f64; MEHLER_TERMS],
    /// Σ_{k ≥ K} a_k², at least 0.
    tail: f64,
}

impl Mehler {
    /// (Σ_k a_k² c^k, Σ_k k·a_k² c^{k−1}): the series and its derivative in c, by Horner's rule.
    fn at(&self, c: f64) -> (f64, f64) {
        let k = MEHLER_TERMS as i32 + 1;
        let mut value = self.tail * c.powi(k);
        let mut slope = self.tail * k as f64 * c.powi(k - 1);
        let (mut head, mut head_slope) = (0.0, 0.0);
        for a2 in self.squares.iter().rev() {
            head_slope = head_slope * c + head;
            head = head * c + a2;
        }
        value += head;
        slope += head_slope;
        (value, slope)
    }
}

/// c^l when the signal part of q^l is `signal` and its bias part `bias` (σ_b²), for a map
/// whose signal part carries correlation `carried`: (signal·carried + bias)/(signal + bias),
/// written through the bias's share so that an infinite signal (the bias negligible) or a
/// zero one stays finite. With both 0 (no signal, no bias) the limit is `carried`.
fn blend_with_bias(carried: f64, signal: f64, bias: f64) -> f64 {
    if signal == 0.0 {
        return if bias > 0.0 { 1.0 } else { carried };
    }
    let share = bias / signal; // 0 when the signal is infinite
    ((carried + share) / (1.0 + share)).clamp(-1.0, 1.0)
}

/// The arc-cosine kernel of degree 1 (Cho & Saul 2009), normalised: for jointly Gaussian
/// u₁, u₂ of variance q and correlation c = cos θ,
/// E[relu(u₁) relu(u₂)] = (q/2π)·(sin θ + (π − θ) cos θ), and E[relu(u)²] = q/2, so the
/// correlation after one ReLU layer without bias is (sin θ + (π − θ) cos θ)/π, whatever q is.
pub fn arccos_kernel(c: f64) -> f64 {
    let c = c.clamp(-1.0, 1.0);
    let theta = libm::acos(c);
    (libm::sin(theta) + (PI - theta) * c) / PI
}

//! The mean-field theory of signal propagation (`src/mean_field.rs`) against closed forms,
//! against independent quadratures, and against the engine's own wide networks.

mod common;

use common::{tanh_chi1 as chi1, tanh_critical_sigma_w as critical};
use initlab::activation::Activation;
use initlab::init::{Distribution, Family, ScaleRule, WeightInit};
use initlab::mean_field::*;
use initlab::mlp::Mlp;
use initlab::rng::Rng;
use std::f64::consts::{PI, SQRT_2};

const SMOOTH: [Activation; 2] = [Activation::Tanh, Activation::Sigmoid];

fn run(act: Activation, sigma_w: f64, sigma_b: f64, depth: usize) -> MeanField {
    mean_field(MeanFieldArgs::new(act, sigma_w, sigma_b, depth)).expect("arguments in range")
}

fn run_from(
    act: Activation,
    sigma_w: f64,
    sigma_b: f64,
    depth: usize,
    q0: f64,
    c0: f64,
) -> MeanField {
    let args = MeanFieldArgs {
        q0,
        c0,
        ..MeanFieldArgs::new(act, sigma_w, sigma_b, depth)
    };
    mean_field(args).expect("arguments in range")
}

fn close(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * a.abs().max(b.abs())
}

/// ∫Dz f(z) by a plain trapezoidal rule of step 1/1000 on [−12, 12]: an independent
/// reference, accurate to ~1e-7 even for ReLU's kink (error O(h²)), and spectrally for smooth f.
fn reference_1d(f: impl Fn(f64) -> f64) -> f64 {
    let h = 1e-3;
    (-12_000..=12_000)
        .map(|i| {
            let z = i as f64 * h;
            f(z) * (-0.5 * z * z).exp()
        })
        .sum::<f64>()
        * h
        / (2.0 * PI).sqrt()
}

/// ∫Dz₁Dz₂ f(z₁, z₂) by the product trapezoidal rule of step h on [−9, 9]²: the 2-D integral
/// computed directly, without Mehler's series.
fn reference_2d(h: f64, f: impl Fn(f64, f64) -> f64) -> f64 {
    let n = (9.0 / h) as i64;
    let weight = |i: i64| {
        let z = i as f64 * h;
        (-0.5 * z * z).exp() * h / (2.0 * PI).sqrt()
    };
    let mut sum = 0.0;
    for i in -n..=n {
        let wi = weight(i);
        for j in -n..=n {
            sum += wi * weight(j) * f(i as f64 * h, j as f64 * h);
        }
    }
    sum
}

// ---------------------------------------------------------------------------------------------
// Quadrature
// ---------------------------------------------------------------------------------------------

#[test]
fn trapezoid_grid_integrates_normal_moments_to_rounding() {
    // E[z^{2k}] = (2k−1)!!: the rule on the coarsest grid is exact to rounding for k ≤ 5 (for
    // higher powers the mass beyond |z| = 9, where 1-D integrals stop, reaches 1e-12).
    let grid = NormalGrid::level(0);
    assert!(close(grid.integrate(|_| 1.0), 1.0, 1e-14));
    let mut double_factorial = 1.0;
    for k in 1..=5i32 {
        double_factorial *= (2 * k - 1) as f64;
        let moment = grid.integrate(|z| z.powi(2 * k));
        assert!(
            close(moment, double_factorial, 1e-12),
            "E[z^{}] = {moment}",
            2 * k
        );
        assert!(grid.integrate(|z| z.powi(2 * k - 1)).abs() < 1e-12);
    }
}

#[test]
fn hermite_coefficients_are_the_projections_on_orthonormal_polynomials() {
    // For f = He_3 = z³ − 3z, whose norm is √3! = √6, the coefficients are 0 except a_3 = √6;
    // for f = e^{tz}, a_k = e^{t²/2}·t^k/√k! (the generating function).
    let grid = NormalGrid::level(0);
    let a = grid.hermite_coefficients(|z| z * z * z - 3.0 * z);
    for (k, a_k) in a.iter().enumerate() {
        let expected = if k == 3 { 6f64.sqrt() } else { 0.0 };
        assert!((a_k - expected).abs() < 1e-12, "a_{k} = {a_k}");
    }
    let t: f64 = 0.7;
    let a = grid.hermite_coefficients(|z| (t * z).exp());
    let mut factorial = 1.0;
    for (k, a_k) in a.iter().enumerate() {
        if k > 0 {
            factorial *= k as f64;
        }
        let expected = (t * t / 2.0).exp() * t.powi(k as i32) / factorial.sqrt();
        assert!(
            (a_k - expected).abs() < 1e-12,
            "a_{k} = {a_k}, expected {expected}"
        );
    }
}

#[test]
fn length_map_matches_an_independent_quadrature_at_every_scale() {
    // One layer of the length map, q¹ = σ_w² ∫Dz φ(√q⁰ z)² + σ_b², from a q⁰ that makes φ's
    // features 1/√q⁰ wide in z: the grid's step follows them, so the error stays ~1e-7.
    for act in SMOOTH {
        for q0 in [1e-3, 0.1, 1.0, 4.0, 16.0, 50.0, 200.0] {
            let got = run_from(act, 1.0, 0.0, 1, q0, 0.5).q[1];
            let want = reference_1d(|z| act.apply(q0.sqrt() * z).powi(2));
            assert!(close(got, want, 1e-6), "{act:?} q0={q0}: {got} vs {want}");
        }
    }
}

#[test]
fn length_map_stays_accurate_from_a_huge_input_length() {
    // q⁰ = 1e6 … 1e12: φ(√q⁰ z) is a step on every grid. Reference: the integral in u = √q z,
    // ∫ φ(u)² N(u; 0, q) du, by the trapezoidal rule of step 0.01 in u (where φ is smooth)
    // on |u| ≤ 60, plus the mass beyond, where φ² is its limit to 1e-26.
    for act in SMOOTH {
        for q0 in [1e6, 1e8, 1e10, 1e12] {
            let density = |u: f64| (-0.5 * u * u / q0).exp() / (2.0 * PI * q0).sqrt();
            let h = 0.01;
            let inside: f64 = (-6000..=6000)
                .map(|i| {
                    let u = i as f64 * h;
                    act.apply(u).powi(2) * density(u) * h
                })
                .sum();
            let mass_inside: f64 = (-6000..=6000).map(|i| density(i as f64 * h) * h).sum();
            // Beyond ±60, φ² is 1 on the right and 0 (sigmoid) or 1 (tanh) on the left.
            let left = if act == Activation::Tanh { 1.0 } else { 0.0 };
            let want = inside + (1.0 - mass_inside) / 2.0 * (1.0 + left);
            let got = run_from(act, 1.0, 0.0, 1, q0, 0.5).q[1];
            assert!(close(got, want, 1e-6), "{act:?} q0={q0}: {got} vs {want}");
            if act == Activation::Tanh {
                // tanh(√q z) → sign(z), and E[sign(z₁)sign(z₂)] = (2/π) arcsin c (Sheppard).
                let c1 = run_from(act, 1.0, 0.0, 1, q0, 0.5).c[1];
                let sheppard = 2.0 / PI * 0.5f64.asin();
                println!("q0={q0}: c¹ = {c1}, step limit {sheppard}");
                assert!(
                    (c1 - sheppard).abs() < 1e-3,
                    "q0={q0}: c¹ = {c1} vs {sheppard}"
                );
            }
        }
    }
}

#[test]
fn correlation_map_matches_a_direct_2d_quadrature() {
    // One layer of the general correlation map, with Mehler's series (40 terms, the rest
    // placed at c^41), against the 2-D integral done directly on a fine product grid.
    // Measured error of c¹: below 1e-9 everywhere but near c = 1 at large q, where φ(√q z) is
    // nearly a step and its Hermite coefficients decay slowly: 4e-7 at (q⁰, c⁰) = (4, 0.9),
    // 3.5e-4 for tanh and 1.4e-6 for sigmoid at (16, 0.99).
    for act in SMOOTH {
        for (q0, c0) in [
            (0.2, 0.5),
            (1.0, -0.7),
            (1.0, 0.95),
            (4.0, 0.3),
            (4.0, 0.9),
            (16.0, 0.5),
            (16.0, 0.99),
        ] {
            let (sigma_w, sigma_b) = (1.3, 0.2);
            let got = run_from(act, sigma_w, sigma_b, 1, q0, c0);
            let s = q0.sqrt();
            let orthogonal = (1.0 - c0 * c0).sqrt();
            let cross = reference_2d(0.03, |z1, z2| {
                act.apply(s * z1) * act.apply(s * (c0 * z1 + orthogonal * z2))
            });
            let q12 = sigma_w * sigma_w * cross + sigma_b * sigma_b;
            let want = q12 / got.q[1];
            let allowed = if c0 >= 0.9 && q0 > 1.0 { 1e-3 } else { 1e-8 };
            println!(
                "{act:?} q0={q0} c0={c0}: error {:.1e}",
                (got.c[1] - want).abs()
            );
            assert!(
                (got.c[1] - want).abs() <= allowed,
                "{act:?} q0={q0} c0={c0}: c¹ = {} vs {want}",
                got.c[1]
            );
        }
    }
}

/// The points of the phase diagram checked against finer grids and direct 2-D quadrature:
/// σ_w over the page's range for each activation (tanh to 4, sigmoid to 10), σ_b² from 0 to 0.3.
fn diagram_points() -> Vec<(Activation, f64, f64)> {
    let mut points = Vec::new();
    for (act, top) in [(Activation::Tanh, 4.0), (Activation::Sigmoid, 10.0)] {
        for i in 0..12 {
            let sigma_w = 0.1 + (top - 0.1) * i as f64 / 11.0;
            for j in 0..6 {
                let sigma_b = (0.3 * j as f64 / 5.0).sqrt();
                points.push((act, sigma_w, sigma_b));
            }
        }
    }
    points
}

#[test]
fn few_nodes_match_a_fine_quadrature_over_the_phase_diagram() {
    // The page's grids against grids 8 times finer (3 halvings of every step), over a 12 × 6
    // subgrid of both diagrams. Measured worst relative errors: q* 5e-10, χ₁ 4e-8, c* 2e-9
    // (absolute), ξ_c 3e-7; the bounds leave a factor of 20 to 50. (Mehler's truncation is
    // the same at both; `chaotic_fixed_point_solves_the_direct_2d_correlation_map` checks it.)
    let worst = worst_errors_against_fine(|act, w, b| fixed_point(act, w, b, 1.0, 0.5));
    println!("worst relative errors q*, χ₁, c* (absolute), ξ_c: {worst:?}");
    assert!(worst[0] < 1e-8, "q*: {}", worst[0]);
    assert!(worst[1] < 1e-6, "χ₁: {}", worst[1]);
    assert!(worst[2] < 1e-7, "c*: {}", worst[2]);
    assert!(worst[3] < 1e-5, "ξ_c: {}", worst[3]);
}

#[test]
fn the_diagrams_coarser_grids_keep_its_colours_and_its_critical_line() {
    // The diagram's pixels (3 grid points per strip's half-width, not 4: error estimate
    // 3e-7) against grids 8 times finer than the page's, over the same 12 × 6 subgrids.
    // Measured worst relative errors: q* 4e-7, χ₁ 2e-5, c* 8e-8 (absolute), ξ_c 4e-5: on a
    // log colour scale of ξ_c, far below one shade. The bounds leave a factor of 5 to 20.
    let worst = worst_errors_against_fine(|act, w, b| diagram_fixed_point(act, w, b, f64::NAN, 0));
    println!("diagram: worst relative errors q*, χ₁, c* (absolute), ξ_c: {worst:?}");
    assert!(worst[0] < 1e-5, "q*: {}", worst[0]);
    assert!(worst[1] < 1e-4, "χ₁: {}", worst[1]);
    assert!(worst[2] < 1e-6, "c*: {}", worst[2]);
    assert!(worst[3] < 1e-3, "ξ_c: {}", worst[3]);

    // The critical line: the σ_w where χ₁ = 1, by bisection on the diagram's grids and on the
    // fine ones, at σ_b² from 0.01 to 0.3 (tanh ≈ 1.0 … 1.6; sigmoid's lies beyond σ_w = 4).
    let critical = |act: Activation, sigma_b: f64, top: f64, coarse: bool| {
        let (mut lo, mut hi) = (0.5, top);
        for _ in 0..50 {
            let mid = 0.5 * (lo + hi);
            let chi1 = if coarse {
                diagram_fixed_point(act, mid, sigma_b, f64::NAN, 0).chi1
            } else {
                fixed_point_with(act, mid, sigma_b, 1.0, 0.5, 3).chi1
            };
            if chi1 < 1.0 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    };
    let mut worst_line = 0.0f64;
    for (act, top) in [(Activation::Tanh, 4.0), (Activation::Sigmoid, 10.0)] {
        for b2 in [0.01, 0.05, 0.1, 0.2, 0.3] {
            let sigma_b = f64::sqrt(b2);
            let (coarse, fine) = (
                critical(act, sigma_b, top, true),
                critical(act, sigma_b, top, false),
            );
            assert!(
                fine > 1.0 && fine < top,
                "{act:?} σ_b²={b2}: critical σ_w {fine}"
            );
            worst_line = worst_line.max((coarse - fine).abs());
        }
    }
    // A pixel of the tanh diagram is 3.9/59 ≈ 0.066 of σ_w wide; measured: 3e-10.
    println!("diagram: critical line moved by at most {worst_line} of σ_w");
    assert!(worst_line < 1e-6, "critical σ_w moved by {worst_line}");
}

#[test]
fn a_guess_for_q_star_changes_the_work_not_the_answer() {
    // The diagram starts each pixel's Newton search at its neighbour's q*; any start must
    // reach the same fixed point: below, at, above q*, beyond the bracket, or no number at all.
    for (act, sigma_w, sigma_b) in diagram_points() {
        let cold = fixed_point(act, sigma_w, sigma_b, 1.0, 0.5);
        for guess in [
            0.5 * cold.q_star,
            cold.q_star,
            1.7 * cold.q_star,
            1e-9,
            1e9,
            f64::NAN,
            -1.0,
        ] {
            let warm = fixed_point_near(act, sigma_w, sigma_b, 1.0, 0.5, guess);
            let what =
                format!("{act:?} σ_w={sigma_w} σ_b={sigma_b} guess {guess}: {warm:?} vs {cold:?}");
            assert!(
                close(warm.q_star, cold.q_star, 1e-11) || (warm.q_star - cold.q_star).abs() < 1e-15,
                "{what}"
            );
            assert!(close(warm.chi1, cold.chi1, 1e-7), "{what}");
            assert!((warm.c_star - cold.c_star).abs() < 1e-9, "{what}");
            assert!(
                close(warm.xi_c, cold.xi_c, 1e-6) || warm.xi_c == cold.xi_c,
                "{what}"
            );
        }
    }
}

#[test]
fn chaotic_fixed_point_solves_the_direct_2d_correlation_map() {
    // c* < 1 must be a fixed point of the correlation map computed directly in 2-D, and
    // e^{−1/ξ_c} its slope there, σ_w² ∫Dz₁Dz₂ φ′(u₁)φ′(u₂), both at q*. Measured: both
    // within 2e-13 (c* is small or q* moderate, where Mehler's 40 terms are exact to rounding).
    for (sigma_w, sigma_b2) in [
        (1.3, 0.01),
        (2.0, 0.3),
        (2.5, 0.0025),
        (4.0, 0.3),
        (4.0, 0.0),
    ] {
        let act = Activation::Tanh;
        let sigma_b = f64::sqrt(sigma_b2);
        let point = fixed_point(act, sigma_w, sigma_b, 1.0, 0.5);
        assert!(point.chi1 > 1.0 && point.c_star < 1.0, "{point:?}");
        let (s, c) = (point.q_star.sqrt(), point.c_star);
        let orthogonal = (1.0 - c * c).sqrt();
        let both = |f: &dyn Fn(f64) -> f64| {
            reference_2d(0.03, |z1, z2| f(s * z1) * f(s * (c * z1 + orthogonal * z2)))
        };
        let slope = |u: f64| act.derivative(u, act.apply(u));
        let w2 = sigma_w * sigma_w;
        let map = (w2 * both(&|u| act.apply(u)) + sigma_b2) / point.q_star;
        let chi_c = w2 * both(&slope);
        let from_xi = (-1.0 / point.xi_c).exp();
        println!(
            "σ_w={sigma_w}: |M(c*) − c*| = {:.1e}, |χ_c − e^(−1/ξ_c)| = {:.1e}",
            (map - c).abs(),
            (chi_c - from_xi).abs()
        );
        assert!(
            (map - c).abs() < 1e-10,
            "σ_w={sigma_w}: M(c*) = {map}, c* = {c}"
        );
        assert!(
            (chi_c - from_xi).abs() < 1e-10,
            "σ_w={sigma_w}: χ_c = {chi_c} vs {from_xi}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The fixed point and the maps
// ---------------------------------------------------------------------------------------------

#[test]
fn tanh_numbers_of_the_issue_are_reproduced() {
    // Issue #21: at σ_b = 0.05, χ₁ ≈ 0.93 at σ_w = 1 and 1.61 at σ_w = 2.5, critical σ_w ≈ 1.12;
    // at σ_b = 0.1 critical ≈ 1.19. Ours: 0.9341, 1.6064, 1.1225 and 1.1934.
    assert!(
        (chi1(1.0, 0.05) - 0.93).abs() < 0.005,
        "{}",
        chi1(1.0, 0.05)
    );
    assert!(
        (chi1(2.5, 0.05) - 1.61).abs() < 0.005,
        "{}",
        chi1(2.5, 0.05)
    );
    assert!((critical(0.05) - 1.12).abs() < 0.005, "{}", critical(0.05));
    assert!((critical(0.1) - 1.19).abs() < 0.005, "{}", critical(0.1));
    // ξ_c diverges at the line: within 1e-4 of it on either side it exceeds 1000 layers.
    for side in [-1e-4, 1e-4] {
        let point = fixed_point(Activation::Tanh, critical(0.05) + side, 0.05, 1.0, 0.5);
        assert!(point.xi_c > 1000.0, "{side}: {point:?}");
    }
}

#[test]
fn fixed_point_is_a_fixed_point_of_both_maps_and_the_layers_reach_it() {
    for act in SMOOTH {
        for (sigma_w, sigma_b) in [(0.8, 0.3), (1.5, 0.3), (3.0, 0.1), (6.0, 0.5)] {
            let point = run(act, sigma_w, sigma_b, 1);
            let again = run_from(act, sigma_w, sigma_b, 1, point.q_star, point.c_star);
            assert!(
                close(again.q[1], point.q_star, 1e-9),
                "{act:?} {sigma_w}: {again:?}"
            );
            assert!(
                (again.c[1] - point.c_star).abs() < 1e-9,
                "{act:?} {sigma_w}: {again:?}"
            );
            // Away from the critical line the layers converge geometrically to the same point.
            let deep = run(act, sigma_w, sigma_b, 400);
            assert!(close(deep.q[400], point.q_star, 1e-8), "{act:?} {sigma_w}");
            assert!(
                (deep.c[400] - point.c_star).abs() < 1e-6,
                "{act:?} {sigma_w}"
            );
        }
    }
}

#[test]
fn newton_finds_q_star_where_plain_iteration_crawls() {
    // At σ_b = 0 and σ_w = 1.0001, just past tanh's critical point, q* ≈ (σ_w² − 1)/2 ≈ 1e-4
    // and q^l ≈ 1/(2l) falls towards it only like 1/l: after 1000 layers the iteration is still
    // 5 times too high. Newton's q* is a fixed point to rounding all the same.
    let sigma_w = 1.0001;
    let point = run(Activation::Tanh, sigma_w, 0.0, 1000);
    let again = run_from(Activation::Tanh, sigma_w, 0.0, 1, point.q_star, 0.5);
    assert!(close(again.q[1], point.q_star, 1e-9), "{point:?}");
    assert!(
        close(point.q_star, (sigma_w * sigma_w - 1.0) / 2.0, 0.01),
        "{point:?}"
    );
    let crawled = point.q[1000];
    assert!(
        crawled > 2.0 * point.q_star,
        "{crawled} vs {}",
        point.q_star
    );
}

#[test]
fn relu_follows_its_closed_forms() {
    let act = Activation::Relu;
    for (sigma_w, sigma_b) in [(0.5, 0.1), (1.0, 0.3), (1.3, 1.0)] {
        let w2: f64 = sigma_w * sigma_w;
        let point = run(act, sigma_w, sigma_b, 50);
        // q^l = σ_w² q^{l−1}/2 + σ_b², checked against a direct integral of relu(√q z)².
        for l in 1..=3 {
            let q = point.q[l - 1];
            let direct = w2 * reference_1d(|z| (q.sqrt() * z).max(0.0).powi(2)) + sigma_b * sigma_b;
            assert!(
                close(point.q[l], direct, 1e-6),
                "layer {l}: {} vs {direct}",
                point.q[l]
            );
        }
        assert!(close(
            point.q_star,
            sigma_b * sigma_b / (1.0 - w2 / 2.0),
            1e-15
        ));
        assert!(close(point.chi1, w2 / 2.0, 1e-15));
        assert_eq!(point.c_star, 1.0);
        assert!(close(point.xi_c, -1.0 / (w2 / 2.0).ln(), 1e-12));
    }
    // σ_w² > 2: q grows without bound.
    let exploding = run(act, 1.6, 0.1, 100);
    assert_eq!(exploding.q_star, f64::INFINITY);
    assert!(exploding.q.windows(2).all(|w| w[1] > w[0]));
    assert_eq!(exploding.xi_c, f64::INFINITY);
    // σ_w² = 2, σ_b = 0: He init is the critical point, and every q is a fixed point.
    for q0 in [0.01, 1.0, 37.0] {
        let he = run_from(act, SQRT_2, 0.0, 100, q0, 0.5);
        assert!(he.q.iter().all(|&q| close(q, q0, 1e-12)), "q0={q0}");
        assert!(close(he.q_star, q0, 1e-12));
        assert!(close(he.chi1, 1.0, 1e-15));
        assert_eq!(he.xi_c, f64::INFINITY);
    }
}

#[test]
fn relu_correlation_follows_the_arc_cosine_kernel() {
    // Cho & Saul 2009: E[relu(u₁)relu(u₂)] = (q/2π)(sin θ + (π − θ) cos θ), c = cos θ. First
    // the kernel against a direct 2-D quadrature, then the layers against the kernel.
    for c in [-0.9, -0.3, 0.0, 0.5, 0.9] {
        let orthogonal = f64::sqrt(1.0 - c * c);
        let direct = 2.0
            * reference_2d(0.02, |z1, z2| {
                z1.max(0.0) * (c * z1 + orthogonal * z2).max(0.0)
            });
        assert!(
            (arccos_kernel(c) - direct).abs() < 1e-4,
            "c={c}: {} vs {direct}",
            arccos_kernel(c)
        );
    }
    // σ_b = 0: c^l = k(c^{l−1}), whatever σ_w and q (here through q → 0, q constant, q → ∞).
    for sigma_w in [0.7, SQRT_2, 3.0] {
        let m = run_from(Activation::Relu, sigma_w, 0.0, 30, 2.0, -0.4);
        for l in 1..=30 {
            assert!(
                (m.c[l] - arccos_kernel(m.c[l - 1])).abs() < 1e-15,
                "σ_w={sigma_w} l={l}"
            );
        }
        assert!(m.c.windows(2).all(|w| w[1] > w[0]), "c rises towards 1");
    }
    // σ_b > 0: c^l = (σ_w² q k(c)/2 + σ_b²) / q^l.
    let (sigma_w, sigma_b) = (1.2, 0.4);
    let m = run(Activation::Relu, sigma_w, sigma_b, 20);
    for l in 1..=20 {
        let signal = sigma_w * sigma_w * m.q[l - 1] / 2.0;
        let want = (signal * arccos_kernel(m.c[l - 1]) + sigma_b * sigma_b) / m.q[l];
        assert!((m.c[l] - want).abs() < 1e-14, "l={l}");
    }
}

#[test]
fn linear_follows_its_closed_forms() {
    let act = Activation::Linear;
    for (sigma_w, sigma_b) in [(0.5, 0.2), (0.9, 1.0)] {
        let w2: f64 = sigma_w * sigma_w;
        let m = run(act, sigma_w, sigma_b, 30);
        for l in 1..=30 {
            assert!(close(m.q[l], w2 * m.q[l - 1] + sigma_b * sigma_b, 1e-15));
            let q12 = w2 * m.c[l - 1] * m.q[l - 1] + sigma_b * sigma_b;
            assert!((m.c[l] - q12 / m.q[l]).abs() < 1e-15);
        }
        assert!(close(m.chi1, w2, 1e-15));
        assert!(close(m.q_star, sigma_b * sigma_b / (1.0 - w2), 1e-15));
        assert_eq!(m.c_star, 1.0);
        assert!(close(m.xi_c, -1.0 / w2.ln(), 1e-12));
    }
    // σ_w > 1: q explodes, the bias's share vanishes and c freezes at the closed form's limit.
    let m = run(act, 1.5, 0.5, 1000);
    assert_eq!(m.q_star, f64::INFINITY);
    assert!(
        (m.c[1000] - m.c_star).abs() < 1e-12,
        "{} vs {}",
        m.c[1000],
        m.c_star
    );
    assert!(m.c_star > 0.5 && m.c_star < 1.0);
    assert_eq!(m.xi_c, f64::INFINITY);
    // σ_w = 1, σ_b = 0: every q and every c is a fixed point.
    let identity = run_from(act, 1.0, 0.0, 10, 3.0, -0.2);
    assert!(identity.q.iter().all(|&q| q == 3.0) && identity.c.iter().all(|&c| c == -0.2));
    assert_eq!(
        (identity.q_star, identity.c_star, identity.chi1),
        (3.0, -0.2, 1.0)
    );
}

#[test]
fn sigmoid_slope_is_at_most_a_sixteenth_of_sigma_w_squared() {
    // σ′ ≤ 1/4, so χ₁ = σ_w² ∫Dz σ′² ≤ σ_w²/16, and the critical line lies beyond σ_w = 4.
    for i in 1..=40 {
        let sigma_w = 0.25 * i as f64;
        for sigma_b in [0.0, 0.3, 1.0, 3.0] {
            let point = fixed_point(Activation::Sigmoid, sigma_w, sigma_b, 1.0, 0.5);
            assert!(
                point.chi1 <= sigma_w * sigma_w / 16.0 * (1.0 + 1e-12),
                "{sigma_w}: {point:?}"
            );
            if sigma_w <= 4.0 {
                assert!(point.chi1 < 1.0);
            }
        }
    }
}

#[test]
fn small_sigma_w_leaves_q_star_at_the_bias_variance() {
    // q* = σ_w² ∫Dz φ(√q* z)² + σ_b², so |q* − σ_b²| ≤ σ_w² · max(q*, 1) for every φ here
    // (φ² ≤ 1 for tanh and sigmoid, φ(u)² ≤ u² for ReLU and linear): q* → σ_b² like σ_w².
    for act in Activation::ALL {
        for sigma_b in [0.1, 1.0] {
            for sigma_w in [0.1, 0.01, 0.001] {
                let q_star = fixed_point(act, sigma_w, sigma_b, 1.0, 0.5).q_star;
                let bound = sigma_w * sigma_w * q_star.max(1.0) * (1.0 + 1e-6);
                assert!(
                    (q_star - sigma_b * sigma_b).abs() <= bound,
                    "{act:?} σ_w={sigma_w}: {q_star}"
                );
            }
        }
    }
}

#[test]
fn xi_c_is_never_nan_or_negative_and_infinite_on_the_critical_line() {
    for act in Activation::ALL {
        for i in 0..=20 {
            let sigma_w = (0.5 * i as f64).max(0.01);
            for sigma_b in [0.0, 0.05, 0.5, 3.0, 10.0] {
                for (q0, c0) in [(1.0, 0.5), (1e-6, -1.0), (1e6, 1.0)] {
                    let m = run_from(act, sigma_w, sigma_b, 20, q0, c0);
                    let what =
                        format!("{act:?} σ_w={sigma_w} σ_b={sigma_b} q0={q0} c0={c0}: {m:?}");
                    assert!(m.xi_c >= 0.0, "{what}"); // false for NaN too
                    assert!(m.q_star >= 0.0 && m.chi1 >= 0.0, "{what}");
                    assert!((-1.0..=1.0).contains(&m.c_star), "{what}");
                    assert!(m.q.iter().all(|&q| q >= 0.0), "{what}");
                    assert!(m.c.iter().all(|&c| (-1.0..=1.0).contains(&c)), "{what}");
                }
            }
        }
    }
    let on_line = [
        (Activation::Relu, SQRT_2, 0.0),
        (Activation::Relu, SQRT_2, 0.3),
        (Activation::Linear, 1.0, 0.0),
        (Activation::Linear, 1.0, 0.3),
        (Activation::Tanh, 1.0, 0.0),
    ];
    for (act, sigma_w, sigma_b) in on_line {
        let point = fixed_point(act, sigma_w, sigma_b, 1.0, 0.5);
        assert_eq!(point.xi_c, f64::INFINITY, "{act:?}: {point:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The API
// ---------------------------------------------------------------------------------------------

#[test]
fn arrays_start_at_the_defaults_and_hold_depth_plus_one_layers() {
    let m = run(Activation::Tanh, 1.2, 0.1, 7);
    assert_eq!((m.q.len(), m.c.len()), (8, 8));
    assert_eq!((m.q[0], m.c[0]), (DEFAULT_Q0, DEFAULT_C0));
    assert_eq!((DEFAULT_Q0, DEFAULT_C0), (1.0, 0.5));
}

#[test]
fn out_of_range_arguments_are_refused_naming_the_argument_and_its_range() {
    let base = MeanFieldArgs::new(Activation::Tanh, 1.0, 0.1, 10);
    let cases = [
        (
            MeanFieldArgs {
                sigma_w: 0.0,
                ..base
            },
            "sigmaW",
            "(0, 10]",
        ),
        (
            MeanFieldArgs {
                sigma_w: 10.5,
                ..base
            },
            "sigmaW",
            "(0, 10]",
        ),
        (
            MeanFieldArgs {
                sigma_w: f64::NAN,
                ..base
            },
            "sigmaW",
            "(0, 10]",
        ),
        (
            MeanFieldArgs {
                sigma_b: -0.1,
                ..base
            },
            "sigmaB",
            "[0, 10]",
        ),
        (
            MeanFieldArgs {
                sigma_b: 10.1,
                ..base
            },
            "sigmaB",
            "[0, 10]",
        ),
        (MeanFieldArgs { depth: 0, ..base }, "depth", "1…1000"),
        (
            MeanFieldArgs {
                depth: 1001,
                ..base
            },
            "depth",
            "1…1000",
        ),
        (MeanFieldArgs { q0: 0.0, ..base }, "q0", "(0, ∞)"),
        (
            MeanFieldArgs {
                q0: f64::INFINITY,
                ..base
            },
            "q0",
            "(0, ∞)",
        ),
        (MeanFieldArgs { c0: 1.01, ..base }, "c0", "[−1, 1]"),
        (
            MeanFieldArgs {
                c0: f64::NAN,
                ..base
            },
            "c0",
            "[−1, 1]",
        ),
    ];
    for (args, argument, range) in cases {
        let error = mean_field(args).expect_err("out of range");
        let message = error.to_string();
        assert!(message.starts_with(argument), "{message}");
        assert!(message.contains(range), "{message}");
    }
    // The edges of the ranges are accepted.
    for args in [
        MeanFieldArgs {
            sigma_w: 10.0,
            sigma_b: 0.0,
            depth: 1,
            c0: -1.0,
            ..base
        },
        MeanFieldArgs {
            sigma_b: 10.0,
            depth: 1000,
            c0: 1.0,
            q0: 1e-300,
            ..base
        },
    ] {
        assert!(mean_field(args).is_ok(), "{args:?}");
    }
    let error = activation_named("softmax").expect_err("not an activation");
    assert_eq!(
        error.to_string(),
        "act must be one of sigmoid, tanh, relu, linear, not 'softmax'"
    );
    assert_eq!(activation_named("relu"), Ok(Activation::Relu));
}

#[test]
fn result_serialises_with_the_api_field_names() {
    let m = run(Activation::Tanh, 1.0, 0.05, 2);
    let json = serde_json::to_value(&m).expect("serialisable");
    for key in ["q_star", "c_star", "chi1", "xi_c", "q", "c"] {
        assert!(json.get(key).is_some(), "{key} missing from {json}");
    }
    assert_eq!(json["q"].as_array().map(Vec::len), Some(3));
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo: the engine's own wide network
// ---------------------------------------------------------------------------------------------

/// Units per hidden layer of the Monte Carlo networks, and their hidden layers.
const WIDTH: usize = 1024;
const HIDDEN: usize = 6;
/// Independent networks (seeds) per setting.
const SEEDS: u64 = 6;

/// Per hidden layer l = 1…6, (q̂^l, ĉ^l) of one network: q̂ the mean of z² over units and
/// both inputs, ĉ the cosine between the two inputs' z vectors.
fn measure(
    act: Activation,
    sigma_w: f64,
    sigma_b: f64,
    inputs: [[f64; 2]; 2],
    seed: u64,
) -> Vec<(f64, f64)> {
    let mut sizes = vec![2];
    sizes.extend([WIDTH; HIDDEN]);
    sizes.push(1);
    let mut mlp = Mlp::new(&sizes, act);
    let mut rng = Rng::seed_from(seed);
    // Weights by the engine's initialiser: N(0, σ_w²/fan_in) is LeCun's rule with gain σ_w.
    let init = WeightInit {
        family: Family::Normal,
        scale: ScaleRule::LeCun,
        gain: sigma_w,
    };
    let bias = Distribution::Normal { std: sigma_b };
    for l in 0..mlp.layers.len() {
        let shape = mlp.layers[l];
        let weights = init
            .for_layer(shape.n_in, shape.n_out)
            .expect("valid init")
            .distribution;
        mlp.fill(shape.weights(), &weights, &mut rng);
        mlp.fill(shape.biases(), &bias, &mut rng);
    }
    let mut ws = mlp.workspace(2);
    let x: Vec<f64> = inputs.iter().flatten().copied().collect();
    ws.load(&x, &[0.0, 0.0], 0..2);
    mlp.forward(&mut ws).expect("finite");
    (1..=HIDDEN)
        .map(|l| {
            let (mut xx, mut yy, mut xy) = (0.0, 0.0, 0.0);
            for j in 0..WIDTH {
                let z = ws.unit(&ws.z, l, j);
                let (zx, zy) = (z[0] as f64, z[1] as f64);
                xx += zx * zx;
                yy += zy * zy;
                xy += zx * zy;
            }
            ((xx + yy) / (2.0 * WIDTH as f64), xy / (xx * yy).sqrt())
        })
        .collect()
}

#[test]
fn wide_engine_network_follows_the_theory_within_sampling_error() {
    // Two inputs of length² 2 at cos θ = 0.6 feed layer 1 (fan_in 2): its pre-activations are
    // exactly N(0, q¹) with q¹ = σ_w²·|x|²/2 + σ_b² and correlation c¹ = (σ_w²·0.6 + σ_b²)/q¹;
    // the theory then runs from (q¹, c¹) through layers 2…6.
    //
    // The bound. Each layer adds fresh sampling noise: given the layer below, its N = WIDTH
    // units are independent, so ln q̂ gains a variance of about 2/N (a χ²_N/N) plus that of
    // the mean of φ² over the N units below, (κ − 1)/N with κ = E[φ⁴]/E[φ²]²: 6 for ReLU
    // (E[relu(u)⁴] = 3q²/2, E[relu(u)²] = q/2), at most 3 for tanh (between its linear part,
    // κ = 3, and its saturated one, κ = 1). ĉ, a sample correlation, gains at most
    // (1 − c²)²/N < 1/N. Both maps have slopes ≤ 1 in ln q and in c at these settings, so
    // after l layers the variance of one network is at most (1 + κ)·l/N. The spread measured
    // across seeds must stay within twice that standard deviation (a χ² with 5 degrees of
    // freedom exceeds 4 times its mean with probability 0.1 %). The mean over the seeds then
    // differs from the theory by at most 4 standard errors (measured across the seeds: a
    // Student t with 5 degrees of freedom is beyond 4 with probability 1 %, and the seeds
    // are fixed), plus the theory's finite-width bias, O(1/N).
    let inputs = [[SQRT_2, 0.0], [SQRT_2 * 0.6, SQRT_2 * 0.8]];
    for (act, sigma_w, sigma_b, kappa) in [
        (Activation::Tanh, 2.5, 0.05, 3.0),
        (Activation::Relu, SQRT_2, 0.1, 6.0),
    ] {
        let (w2, b2) = (sigma_w * sigma_w, sigma_b * sigma_b);
        let q1 = w2 + b2;
        let c1 = (w2 * 0.6 + b2) / q1;
        let theory = run_from(act, sigma_w, sigma_b, HIDDEN - 1, q1, c1);
        let runs: Vec<Vec<(f64, f64)>> = (0..SEEDS)
            .map(|seed| measure(act, sigma_w, sigma_b, inputs, 21 + seed))
            .collect();
        let n = WIDTH as f64;
        let s = SEEDS as f64;
        for l in 0..HIDDEN {
            let log_q: Vec<f64> = runs.iter().map(|r| (r[l].0 / theory.q[l]).ln()).collect();
            let dc: Vec<f64> = runs.iter().map(|r| r[l].1 - theory.c[l]).collect();
            for (name, deviations) in [("ln q", &log_q), ("c", &dc)] {
                let mean = deviations.iter().sum::<f64>() / s;
                let spread =
                    (deviations.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (s - 1.0)).sqrt();
                let what = format!(
                    "{act:?} σ_w={sigma_w} layer {}: {name} off by {mean:+.4} (spread {spread:.4})",
                    l + 1
                );
                println!("{what}");
                assert!(
                    spread <= 2.0 * ((1.0 + kappa) * (l + 1) as f64 / n).sqrt(),
                    "{what}"
                );
                assert!(mean.abs() <= 4.0 * spread / s.sqrt() + 1.0 / n, "{what}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The page's request: initlab.meanField({act, sigmaW, sigmaB, depth, q0, c0})
// ---------------------------------------------------------------------------------------------

#[test]
fn a_request_is_read_with_its_defaults_and_refused_by_the_argument_at_fault() {
    use initlab::mean_field::{args_from_request, Given};
    let n = Given::Number;
    let act = || Given::Other("tanh".to_string());
    let args = args_from_request(
        act(),
        n(1.5),
        n(0.05),
        n(20.0),
        Given::Missing,
        Given::Missing,
    )
    .expect("a good request");
    assert_eq!(args, MeanFieldArgs::new(Activation::Tanh, 1.5, 0.05, 20));
    let refused = |act: Given, w: Given, b: Given, depth: Given, q0: Given, c0: Given| {
        let error = args_from_request(act, w, b, depth, q0, c0).expect_err("refused");
        (error.text().id, error.to_string())
    };
    let (id, message) = refused(
        act(),
        n(0.0),
        n(0.0),
        n(5.0),
        Given::Missing,
        Given::Missing,
    );
    assert_eq!(
        (id, message.as_str()),
        ("meanField.range", "sigmaW must be in (0, 10], not 0")
    );
    let (id, message) = refused(
        act(),
        n(1.0),
        n(0.0),
        n(2.5),
        Given::Missing,
        Given::Missing,
    );
    assert_eq!(
        (id, message.as_str()),
        ("meanField.range", "depth must be in 1…1000, not 2.5")
    );
    let (id, message) = refused(
        act(),
        n(1.0),
        Given::Missing,
        n(5.0),
        Given::Missing,
        Given::Missing,
    );
    assert_eq!(
        (id, message.as_str()),
        (
            "meanField.missing",
            "sigmaB is missing: give a number in [0, 10]"
        )
    );
    let (id, message) = refused(
        act(),
        n(1.0),
        n(0.0),
        n(5.0),
        Given::Other("x".into()),
        Given::Missing,
    );
    assert_eq!(
        (id, message.as_str()),
        ("meanField.number", "q0 must be a number in (0, ∞), not x")
    );
    let (id, message) = refused(act(), n(1.0), n(0.0), n(5.0), Given::Missing, n(-1.5));
    assert_eq!(
        (id, message.as_str()),
        ("meanField.range", "c0 must be in [−1, 1], not -1.5")
    );
    let (id, message) = refused(
        Given::Other("gelu".into()),
        n(1.0),
        n(0.0),
        n(5.0),
        Given::Missing,
        Given::Missing,
    );
    assert_eq!(
        (id, message.as_str()),
        (
            "meanField.act",
            "act must be one of sigmoid, tanh, relu, linear, not 'gelu'"
        )
    );
    let (id, _) = refused(
        Given::Missing,
        n(1.0),
        n(0.0),
        n(5.0),
        Given::Missing,
        Given::Missing,
    );
    assert_eq!(id, "meanField.act");
}

/// The worst errors of `fast`'s fixed points against grids 8 times finer over the diagram's
/// subgrid (`diagram_points`): relative for q*, χ₁ and ξ_c, absolute for c*; both must agree
/// on whether ξ_c is infinite.
fn worst_errors_against_fine(fast: impl Fn(Activation, f64, f64) -> FixedPoint) -> [f64; 4] {
    let relative = |a: f64, b: f64| {
        if a == b {
            0.0
        } else {
            (a - b).abs() / a.abs().max(b.abs())
        }
    };
    let mut worst = [0.0f64; 4];
    for (act, sigma_w, sigma_b) in diagram_points() {
        let fast = fast(act, sigma_w, sigma_b);
        let fine = fixed_point_with(act, sigma_w, sigma_b, 1.0, 0.5, 3);
        let errors = [
            relative(fast.q_star, fine.q_star),
            relative(fast.chi1, fine.chi1),
            (fast.c_star - fine.c_star).abs(),
            relative(fast.xi_c, fine.xi_c),
        ];
        for (w, e) in worst.iter_mut().zip(errors) {
            *w = w.max(e);
        }
        assert!(
            fast.xi_c.is_infinite() == fine.xi_c.is_infinite(),
            "{act:?} σ_w={sigma_w} σ_b={sigma_b}: {fast:?} vs {fine:?}"
        );
    }
    worst
}

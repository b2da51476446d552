//! The phase diagram's model (issue #21, src/plot/phase.rs): the critical line lies where
//! the theory's χ₁ crosses 1, the colour scale never runs backwards in ξ_c, a click asks for
//! the point under it, and the marker sits where the network on screen is.

mod common;

use common::config;
use initlab::activation::Activation;
use initlab::mean_field::fixed_point;
use initlab::plot::colour::viridis_fast;
use initlab::plot::phase::{click, presets, Axes, Current, PhaseGrid, XiScale, SIDE};
use std::sync::OnceLock;

/// The tanh diagram, computed once for every test here.
fn tanh() -> &'static PhaseGrid {
    static GRID: OnceLock<PhaseGrid> = OnceLock::new();
    GRID.get_or_init(|| PhaseGrid::compute(Activation::Tanh))
}

/// Every end of every segment of the critical line.
fn line_points(grid: &PhaseGrid) -> Vec<(f64, f64)> {
    grid.critical_line()
        .iter()
        .flat_map(|segment| segment.iter().copied())
        .collect()
}

#[test]
fn the_critical_line_lies_where_chi1_crosses_one() {
    for act in [Activation::Tanh, Activation::Sigmoid] {
        let grid = PhaseGrid::compute(act);
        let points = line_points(&grid);
        // The line crosses the whole σ_b² axis: about one segment per row of cells.
        assert!(points.len() >= 2 * (SIDE - 1), "{act:?}: {}", points.len());
        for (sigma_w, sigma_b2) in points {
            // Linear interpolation between grid points 0.066 (sigmoid: 0.2) apart in σ_w:
            // χ₁ there is 1 up to its curvature over one cell.
            let chi1 = fixed_point(act, sigma_w, sigma_b2.sqrt(), 1.0, 0.5).chi1;
            assert!(
                (chi1 - 1.0).abs() < 0.01,
                "{act:?} at ({sigma_w}, {sigma_b2}): χ₁ {chi1}"
            );
        }
    }
}

#[test]
fn the_critical_line_is_he_for_relu_and_one_for_linear_units_at_every_bias() {
    for (act, critical) in [(Activation::Relu, 2f64.sqrt()), (Activation::Linear, 1.0)] {
        let grid = PhaseGrid::compute(act);
        let points = line_points(&grid);
        assert!(points.len() >= 2 * (SIDE - 1), "{act:?}");
        // χ₁ = σ_w²/2 (ReLU), σ_w² (linear): a vertical line, placed by interpolating a
        // parabola linearly over one cell (error below (Δσ_w)²/(8σ_w) ≈ 4e-4).
        for (sigma_w, _) in points {
            assert!((sigma_w - critical).abs() < 1e-3, "{act:?}: {sigma_w}");
        }
    }
}

#[test]
fn ordered_left_of_the_line_chaotic_right_of_it() {
    let grid = tanh();
    for i in 0..SIDE {
        let row = &grid.chi1[i * SIDE..(i + 1) * SIDE];
        assert!(row[0] < 1.0 && row[SIDE - 1] > 1.0, "row {i}");
        // One crossing per row: χ₁ grows with σ_w at fixed σ_b.
        let crossings = row.windows(2).filter(|w| (w[0] - 1.0) * (w[1] - 1.0) < 0.0);
        assert_eq!(crossings.count(), 1, "row {i}");
    }
    // Sigmoid's line is beyond σ_w = 10 (χ₁ = 0.986 there at σ_b = 0): on its axis to 12.
    let sigmoid = PhaseGrid::compute(Activation::Sigmoid);
    let line = line_points(&sigmoid);
    assert!(
        line.iter().all(|&(w, _)| (10.1..10.25).contains(&w)),
        "{line:?}"
    );
    // The edge-of-chaos lesson's numbers: at σ_b = 0.1 the line is at σ_w ≈ 1.19.
    let near = line_points(grid)
        .into_iter()
        .min_by(|a, b| (a.1 - 0.01).abs().total_cmp(&(b.1 - 0.01).abs()))
        .unwrap();
    assert!((near.0 - 1.19).abs() < 0.02, "{near:?}");
}

#[test]
fn xi_c_is_largest_along_the_critical_line() {
    // ξ_c diverges on the line: in each row, the largest ξ_c is in a cell next to a crossing.
    let grid = tanh();
    for i in 0..SIDE {
        let row = &grid.xi_c[i * SIDE..(i + 1) * SIDE];
        let chi = &grid.chi1[i * SIDE..(i + 1) * SIDE];
        let top = (0..SIDE)
            .max_by(|&a, &b| row[a].total_cmp(&row[b]))
            .unwrap();
        let cross = chi
            .windows(2)
            .position(|w| (w[0] - 1.0) * (w[1] - 1.0) <= 0.0);
        let cross = cross.unwrap();
        assert!(
            top == cross || top == cross + 1,
            "row {i}: top {top}, crossing {cross}"
        );
    }
}

#[test]
fn the_log_colour_scale_never_runs_backwards_and_infinity_is_its_top() {
    let grid = tanh();
    let scale = XiScale::of(grid);
    assert!(scale.hi > scale.lo);
    let mut last = -1.0;
    for k in 0..=900 {
        let xi = 10f64.powf(-3.0 + k as f64 / 100.0);
        let t = scale.t(xi);
        assert!(
            (0.0..=1.0).contains(&t) && t >= last,
            "ξ_c {xi}: {t} after {last}"
        );
        last = t;
    }
    assert_eq!(scale.t(f64::INFINITY), 1.0);
    assert_eq!(scale.t(0.0), 0.0);
    // Log: each decade inside the bar takes the same length of it.
    let decade =
        |k: f64| scale.t(10f64.powf(scale.lo + k + 1.0)) - scale.t(10f64.powf(scale.lo + k));
    assert!((decade(0.0) - 1.0 / (scale.hi - scale.lo)).abs() < 1e-12);
    // The image's pixel at (σ_w, σ_b²) has its ξ_c's colour, rows top-down.
    let image = grid.image(&scale);
    assert_eq!(image.len(), 4 * SIDE * SIDE);
    for (i, j) in [(0, 0), (SIDE - 1, 7), (20, 30)] {
        let row = SIDE - 1 - i;
        let pixel = &image[4 * (row * SIDE + j)..4 * (row * SIDE + j) + 3];
        assert_eq!(pixel, viridis_fast(scale.t(grid.xi_c[i * SIDE + j])));
    }
    let ticks = scale.ticks();
    assert!(ticks.windows(2).all(|w| w[0].0 < w[1].0) && !ticks.is_empty());
}

#[test]
fn a_grid_filled_a_few_columns_at_a_time_is_the_grid_computed_at_once() {
    let mut grid = PhaseGrid::empty(Activation::Tanh);
    assert!(grid.xi_c.iter().all(|x| x.is_nan()) && grid.critical_line().is_empty());
    grid.fill(7);
    assert_eq!(grid.filled, 7);
    // The columns not computed yet are transparent in the image.
    let image = grid.image(&XiScale::of(&grid));
    assert_eq!(image[4 * 6 + 3], 255);
    assert_eq!(image[4 * 7 + 3], 0);
    while !grid.complete() {
        grid.fill(10);
    }
    assert_eq!(&grid, tanh());
}

#[test]
fn a_click_asks_for_the_point_under_it() {
    for act in [Activation::Tanh, Activation::Sigmoid] {
        let axes = Axes::of(act);
        for (u, v) in [
            (0.0, 0.0),
            (1.0, 1.0),
            (0.25, 0.7),
            (0.513, 0.031),
            (0.9, 0.5),
        ] {
            let (w, b2) = axes.from_unit(u, v);
            let back = axes.to_unit(w, b2);
            assert!((back.0 - u).abs() < 1e-12 && (back.1 - v).abs() < 1e-12);
            let (gain, bsigma) = click(&axes, u, v).unwrap();
            // 3 significant digits: σ_w within 0.5 % of the point, σ_b² within 1 %.
            assert!((gain - w).abs() <= 0.005 * w, "{gain} for σ_w {w}");
            assert!(
                (bsigma * bsigma - b2).abs() <= 0.01 * b2 + 1e-15,
                "{bsigma}² for σ_b² {b2}"
            );
        }
        for (u, v) in [(-0.01, 0.5), (0.5, 1.01), (f64::NAN, 0.5)] {
            assert_eq!(click(&axes, u, v), None);
        }
    }
}

#[test]
fn the_clicked_settings_put_the_marker_where_the_click_was() {
    let axes = Axes::of(Activation::Tanh);
    let (gain, bsigma) = click(&axes, 0.4, 0.6).unwrap();
    for layers in ["8,8", "32,64,16", "4"] {
        let spec = config(&[
            ("layers", layers),
            ("init", "normal"),
            ("scale", "lecun"),
            ("gain", &gain.to_string()),
            ("bsigma", &bsigma.to_string()),
        ])
        .validate()
        .unwrap();
        let Current::At {
            sigma_w, sigma_b, ..
        } = Current::of(&spec)
        else {
            panic!("{layers}: no point");
        };
        assert!((sigma_w - gain).abs() < 1e-12 && (sigma_b - bsigma).abs() < 1e-12);
        let (u, v) = Current::of(&spec).unit(&axes).unwrap();
        assert!(
            (u - 0.4).abs() < 0.005 && (v - 0.6).abs() < 0.01,
            "{u}, {v}"
        );
    }
}

#[test]
fn the_marker_reads_the_second_weight_layer_and_says_when_it_has_no_point() {
    // Glorot at 2 → 16 → 4: layer 1 (2 → 16) would give √(4/18), layer 2 (16 → 4) √(32/20).
    let spec = config(&[("layers", "16,4"), ("init", "normal")])
        .validate()
        .unwrap();
    assert_eq!(
        Current::of(&spec),
        Current::At {
            sigma_w: (32.0f64 / 20.0).sqrt(),
            sigma_b: 0.0,
            layer: 1
        }
    );
    let names: Vec<(String, f64)> = presets(&spec)
        .into_iter()
        .map(|p| (p.name, p.sigma_w))
        .collect();
    assert_eq!(names[0], ("LeCun".to_string(), 1.0));
    assert_eq!(names[1].0, "Glorot");
    assert!((names[1].1 - (32.0f64 / 20.0).sqrt()).abs() < 1e-12);
    // Equal widths: Glorot is LeCun, one point.
    let square = config(&[("layers", "8,8")]).validate().unwrap();
    let names: Vec<String> = presets(&square).into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["LeCun = Glorot", "He"]);
    // Biases "like the weights": σ_b is the weights' std.
    let alike = config(&[("layers", "8,8"), ("bias", "init"), ("scale", "lecun")]);
    let Current::At { sigma_b, .. } = Current::of(&alike.validate().unwrap()) else {
        panic!()
    };
    assert!((sigma_b - 1.0 / 8f64.sqrt()).abs() < 1e-12);
    let no_point = |changes: &[(&str, &str)]| Current::of(&config(changes).validate().unwrap());
    assert_eq!(no_point(&[("layers", "0")]), Current::NoHiddenLayer);
    assert_eq!(no_point(&[("bias", "0.1")]), Current::NotCentred);
    assert_eq!(no_point(&[("init", "constant")]), Current::NotCentred);
    // Zero weights: σ_w = 0, left of the diagram.
    let zeros = no_point(&[("init", "zeros")]);
    assert!(matches!(zeros, Current::At { sigma_w, .. } if sigma_w == 0.0));
    assert_eq!(zeros.unit(&Axes::of(Activation::Tanh)), None);
}

//! Lesson: at zero init the gradient is 0, yet the loss is not flat around the weights.
//! The loss landscape, L(θ + α·d₁ + β·d₂) over a grid of (α, β), shows it.

mod common;

use initlab::landscape::{GridSpec, MAX_LANDSCAPE_N, MAX_LANDSCAPE_SPAN};

const ZERO_TANH_XOR4: &[(&str, &str)] = &[
    ("init", "zeros"),
    ("act", "tanh"),
    ("data", "xor4"),
    ("batch", "4"),
];

#[test]
fn landscape_centre_is_the_snapshot_loss_exactly() {
    for changes in [
        &[][..],
        ZERO_TANH_XOR4,
        &[
            ("act", "relu"),
            ("layers", "16,16,16"),
            ("data", "spiral"),
            ("loss", "mse"),
        ][..],
    ] {
        let mut exp = common::experiment(changes);
        exp.step(37);
        let snapshot = exp.snapshot();
        let grid = exp.landscape(7, 1.0).unwrap();
        assert_eq!(
            grid.center_loss.to_bits(),
            snapshot.loss.to_bits(),
            "{changes:?}"
        );
        // An odd grid has a cell at α = β = 0, which is θ itself.
        assert_eq!(
            grid.at(3, 3).to_bits(),
            snapshot.loss.to_bits(),
            "{changes:?}"
        );
        assert_eq!((grid.n, grid.loss.len(), grid.filled), (7, 49, 49));
    }
}

#[test]
fn zero_init_has_no_gradient_yet_the_landscape_curves() {
    let mut exp = common::experiment(ZERO_TANH_XOR4);
    let snapshot = exp.snapshot();
    assert!(snapshot.layers.iter().all(|l| l.grad_norm == 0.0));
    let grid = exp.landscape(11, 1.0).unwrap();
    // At θ = 0 every p is ½, so the loss is ln 2 whatever the labels.
    assert!((grid.center_loss - std::f64::consts::LN_2).abs() < 1e-6);
    let farthest = grid
        .loss
        .iter()
        .map(|l| (l - grid.center_loss).abs())
        .fold(0.0, f64::max);
    // The loss's rounding noise is ~1e-7 (f32 z); demand a change a thousand times bigger.
    assert!(
        farthest > 1e-4,
        "the landscape is flat: max |L − L(0)| = {farthest}"
    );
}

#[test]
fn zero_init_landscape_is_point_symmetric_on_xor4() {
    // With the biases held at 0, tanh odd, and the XOR points mapped onto points of the same
    // label by x → −x, the network at −θ computes ±z(x) = z(∓x): L(−α, −β) = L(α, β).
    for layers in ["8", "8,8", "4,4,4"] {
        let mut changes = ZERO_TANH_XOR4.to_vec();
        changes.push(("layers", layers));
        let grid = common::experiment(&changes).landscape(9, 2.0).unwrap();
        let n = grid.n;
        for i in 0..n {
            for j in 0..n {
                let (a, b) = (grid.at(i, j), grid.at(n - 1 - i, n - 1 - j));
                // Only the order of the f32 sums differs between the two points.
                assert!(
                    (a - b).abs() <= 1e-6 * a.abs(),
                    "{layers}: ({i}, {j}) {a} vs {b}"
                );
            }
        }
    }
}

#[test]
fn landscape_is_reproducible_and_its_rolling_version_agrees() {
    let mut exp = common::experiment(&[("data", "circles")]);
    exp.step(20);
    let whole = exp.landscape(5, 0.5).unwrap();
    assert_eq!(
        whole,
        exp.landscape(5, 0.5).unwrap(),
        "same experiment, same plane"
    );
    // 25 cells at 7 per call: all evaluated after 4 calls, in the same order, from the same directions.
    let mut rolling = exp.landscape_rolling(5, 0.5, 7).unwrap().clone();
    assert_eq!(
        (
            rolling.filled,
            rolling.loss.iter().filter(|l| l.is_nan()).count()
        ),
        (7, 18)
    );
    for _ in 0..3 {
        rolling = exp.landscape_rolling(5, 0.5, 7).unwrap().clone();
    }
    assert_eq!(rolling, whole);
}

#[test]
fn bad_grid_size_or_span_is_refused_with_its_name_and_limit() {
    let mut exp = common::experiment(&[]);
    for n in [0, 1, 2, MAX_LANDSCAPE_N + 1, 10_000] {
        let error = exp.landscape(n, 1.0).unwrap_err();
        assert_eq!(error.argument, "n");
        assert!(error.message.starts_with("n must be"), "{error}");
        assert!(error.message.contains("101"), "{error}");
    }
    for span in [
        0.0,
        -1.0,
        f64::NAN,
        f64::INFINITY,
        MAX_LANDSCAPE_SPAN * 1.01,
    ] {
        let error = exp.landscape(11, span).unwrap_err();
        assert_eq!(error.argument, "span");
        assert!(error.message.starts_with("span must be"), "{error}");
        assert!(error.message.contains("10"), "{error}");
    }
    let error = GridSpec::new(11.5, 1.0).unwrap_err();
    assert_eq!(error.argument, "n");
    assert!(exp.landscape(3, MAX_LANDSCAPE_SPAN).is_ok());
    assert!(exp.landscape_rolling(3, 0.0, 1).is_err());
}

#[test]
fn directions_are_scaled_to_each_layers_weight_norm() {
    use initlab::landscape::Directions;
    let exp = common::experiment(&[("layers", "8,8")]);
    let mlp = exp.mlp();
    let mut directions = Directions::new(mlp, 42);
    directions.normalise(mlp);
    for k in 0..2 {
        let d = directions.direction(k);
        for shape in &mlp.layers {
            let norm = |xs: &mut dyn Iterator<Item = f64>| xs.map(|x| x * x).sum::<f64>().sqrt();
            let want = norm(&mut mlp.params[shape.weights()].iter().map(|&w| w as f64));
            let got = norm(&mut d[shape.weights()].iter().copied());
            assert!((got - want).abs() <= 1e-9 * want, "{got} vs {want}");
            assert!(
                d[shape.biases()].iter().all(|&b| b == 0.0),
                "biases are not perturbed"
            );
        }
    }
}

#[test]
fn rolling_landscape_knows_when_its_picture_is_of_the_current_weights() {
    let mut exp = common::experiment(&[("data", "circles")]);
    assert_eq!(exp.landscape_fresh(), 0, "no grid yet");
    assert!(exp.landscape_current(5, 0.5).is_none());
    // 25 cells at 10 per call: the picture is of these weights after three calls.
    for fresh in [10, 20, 25] {
        exp.landscape_rolling(5, 0.5, 10).unwrap();
        assert_eq!(exp.landscape_fresh(), fresh);
    }
    let current = exp.landscape_current(5, 0.5).expect("kept").clone();
    assert_eq!(
        current,
        exp.landscape(5, 0.5).unwrap(),
        "and it is the whole landscape"
    );
    assert!(
        exp.landscape_current(7, 0.5).is_none(),
        "another n is another grid"
    );
    // One training step moves the weights: every cell is now of the old weights.
    exp.step(1);
    assert_eq!(exp.landscape_fresh(), 0);
    exp.landscape_rolling(5, 0.5, 10).unwrap();
    assert_eq!(exp.landscape_fresh(), 10);
    // Another span starts a new grid, with nothing in it yet of any weights.
    exp.landscape_rolling(5, 0.25, 4).unwrap();
    assert_eq!(exp.landscape_fresh(), 4);
    assert!(exp.landscape_current(5, 0.5).is_none());
}

/// The saddle lesson's network: 2-2-1, tanh, every weight and bias 0, the four XOR points.
const SADDLE: &[(&str, &str)] = &[
    ("init", "zeros"),
    ("act", "tanh"),
    ("data", "xor4"),
    ("batch", "4"),
    ("layers", "2"),
    ("bias", "0"),
];

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[test]
fn saddle_plane_directions_are_unit_orthogonal_and_name_the_right_parameters() {
    use initlab::landscape::saddle_directions;
    for layers in ["2", "8", "4,3"] {
        let mut changes = SADDLE.to_vec();
        changes.push(("layers", layers));
        let exp = common::experiment(&changes);
        let [d1, d2] = saddle_directions(exp.mlp());
        assert!((dot(&d1, &d1) - 1.0).abs() < 1e-12, "{layers}");
        assert!((dot(&d2, &d2) - 1.0).abs() < 1e-12, "{layers}");
        assert_eq!(dot(&d1, &d2), 0.0, "{layers}");
        let out = *exp.mlp().layers.last().unwrap();
        assert_eq!(d2[out.b_at], 1.0, "{layers}: d₂ is the output bias");
    }
    // 2-2-1: unit 0's two input weights, its bias and its output weight, each ½.
    let exp = common::experiment(SADDLE);
    let [d1, _] = saddle_directions(exp.mlp());
    let (hidden, out) = (exp.mlp().layers[0], exp.mlp().layers[1]);
    let moved = [hidden.w_at, hidden.w_at + 1, hidden.b_at, out.w_at];
    for (k, &x) in d1.iter().enumerate() {
        assert_eq!(x, if moved.contains(&k) { 0.5 } else { 0.0 }, "entry {k}");
    }
}

/// L(t·d₁) − L(0) at the zero point: 0 to third order (every gradient and every second and
/// third derivative along d₁ vanish there), so it goes as −c·t⁴: halving t divides the drop by
/// about 16. At t = 0.6 (each of the four entries 0.3) it is −3.8·10⁻³, the figure.
/// The network at −t·d₁ computes the same outputs as at t·d₁ (v·tanh(w·(x₁+x₂) + b) with all
/// of v, w, b flipped), so the loss falls both ways, equally.
#[test]
fn saddle_descent_direction_lowers_the_loss_both_ways_at_fourth_order() {
    use initlab::landscape::saddle_directions;
    let mut exp = common::experiment(SADDLE);
    let l0 = exp.snapshot().loss;
    let [d1, _] = saddle_directions(exp.mlp());
    let ts = [0.3, 0.6, -0.3, -0.6];
    let drop: Vec<f64> = exp.losses_along(&d1, &ts).iter().map(|l| l - l0).collect();
    assert!(drop[1] < -3.5e-3 && drop[1] > -4.0e-3, "{drop:?}");
    // Equal up to the f32 rounding of the outputs (2⁻²⁴·ln 2 ≈ 4e-8 per point).
    let same = |a: f64, b: f64| (a - b).abs() < 1e-7;
    assert!(same(drop[0], drop[2]) && same(drop[1], drop[3]), "{drop:?}");
    let ratio = drop[1] / drop[0];
    // (0.6/0.3)⁴ = 16 for a pure quartic; the sixth-order term, of opposite sign, lowers it.
    assert!(ratio > 12.0 && ratio < 16.5, "{drop:?}, ratio {ratio}");

    // Without the hidden bias the drop is gone: then the net is odd in x, XOR even, and the
    // loss can only rise.
    let hidden = exp.mlp().layers[0];
    let mut no_bias = d1.clone();
    no_bias[hidden.b_at] = 0.0;
    for l in exp.losses_along(&no_bias, &[0.3, 0.6, 1.0]) {
        assert!(l >= l0 - 1e-7, "{l} < {l0}");
    }
}

#[test]
fn saddle_plane_rises_along_the_output_bias_and_falls_along_d1() {
    use initlab::landscape::Plane;
    let mut exp = common::experiment(SADDLE);
    let snapshot = exp.snapshot();
    let grid = exp.landscape_in(Plane::Saddle, 11, 1.0).unwrap();
    assert_eq!(grid.plane, Plane::Saddle);
    assert_eq!(grid.center_loss.to_bits(), snapshot.loss.to_bits());
    assert_eq!(grid.at(5, 5).to_bits(), snapshot.loss.to_bits());
    let c = grid.center_loss;
    for k in (0..11).filter(|&k| k != 5) {
        // Along β (the output bias) the loss rises: L = ln 2 + β²/8 + O(β⁴).
        assert!(grid.at(k, 5) > c + 1e-4, "β row {k}: {}", grid.at(k, 5));
        // Along α (d₁) it falls, both ways; at α = ±1 by 0.0187.
        assert!(grid.at(5, k) < c, "α column {k}: {}", grid.at(5, k));
        assert!(
            (grid.at(5, k) - grid.at(5, 10 - k)).abs() < 1e-7,
            "α column {k}"
        );
    }
    assert!(c - grid.at(5, 0) > 0.015, "{}", grid.at(5, 0));
    // The rolling version draws the same plane; switching planes starts a new grid.
    for _ in 0..2 {
        exp.landscape_rolling_in(Plane::Saddle, 11, 1.0, 100)
            .unwrap();
    }
    assert_eq!(
        exp.landscape_current_in(Plane::Saddle, 11, 1.0),
        Some(&grid)
    );
    assert!(exp.landscape_current_in(Plane::Random, 11, 1.0).is_none());
    // And the default plane is still the random one.
    assert_eq!(exp.landscape(11, 1.0).unwrap().plane, Plane::Random);
}

#[test]
fn an_unknown_plane_is_refused_naming_it_and_the_choices() {
    use initlab::landscape::Plane;
    assert_eq!(Plane::parse("saddle"), Ok(Plane::Saddle));
    assert_eq!(Plane::parse("random"), Ok(Plane::Random));
    for bad in ["diagonal", "", "Saddle"] {
        let error = Plane::parse(bad).unwrap_err();
        assert_eq!(error.argument, "plane");
        assert_eq!(
            error.message,
            format!("plane must be one of random, saddle, not '{bad}'")
        );
    }
}

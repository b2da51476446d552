//! The Jacobian's spectrum (src/spectrum.rs): Jacobi against known spectra, and dynamical
//! isometry (Saxe et al. 2014; Pennington, Schoenholz & Ganguli 2017): orthogonal layers keep
//! every singular value at gain^depth, Gaussian ones spread them, more with depth.

mod common;
use common::experiment;
use initlab::init::orthogonal;
use initlab::rng::Rng;
use initlab::spectrum::{
    chain, singular_values, spectrum, symmetric_eigen, Factor, Matrix, SpectrumError, Spread,
    RESOLUTION,
};

fn square(n: usize, data: Vec<f64>) -> Matrix {
    Matrix {
        rows: n,
        cols: n,
        data,
    }
}

fn product(a: &Matrix, b: &Matrix) -> Matrix {
    let mut data = vec![0.0; a.rows * b.cols];
    for i in 0..a.rows {
        for j in 0..b.cols {
            data[i * b.cols + j] = (0..a.cols).map(|k| a.at(i, k) * b.at(k, j)).sum();
        }
    }
    Matrix {
        rows: a.rows,
        cols: b.cols,
        data,
    }
}

fn transpose(a: &Matrix) -> Matrix {
    let mut data = vec![0.0; a.rows * a.cols];
    for i in 0..a.rows {
        for j in 0..a.cols {
            data[j * a.rows + i] = a.at(i, j);
        }
    }
    Matrix {
        rows: a.cols,
        cols: a.rows,
        data,
    }
}

fn diagonal(values: &[f64]) -> Matrix {
    let n = values.len();
    let mut m = Matrix::identity(n);
    (0..n).for_each(|i| m.data[i * n + i] = values[i]);
    m
}

fn sorted_down(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|x, y| y.total_cmp(x));
    v
}

/// An n × n Haar orthogonal matrix from the engine's own QR.
fn haar(n: usize, seed: u64) -> Matrix {
    square(n, orthogonal::draw(n, n, 1.0, &mut Rng::seed_from(seed)))
}

#[test]
fn jacobi_finds_a_diagonal_matrixs_entries_in_no_sweep_at_all() {
    let values = [3.0, -1.5, 0.25, 7.0, 1e-9];
    let eigen = symmetric_eigen(&diagonal(&values));
    assert_eq!(eigen.values, values, "nothing to rotate");
    assert_eq!(eigen.sweeps, 1, "one sweep finds nothing off the diagonal");
    assert_eq!(eigen.vectors, Matrix::identity(values.len()));
}

#[test]
fn jacobi_recovers_a_spectrum_hidden_by_a_rotation() {
    // A = Q·Λ·Qᵀ with Q Haar orthogonal: A's eigenvalues are Λ's, whatever Q mixed.
    let n = 24;
    let lambda: Vec<f64> = (0..n).map(|i| (i as f64 - 7.5) * 0.75).collect();
    let q = haar(n, 5);
    let a = product(&product(&q, &diagonal(&lambda)), &transpose(&q));
    let found = sorted_down(symmetric_eigen(&a).values);
    for (got, want) in found.iter().zip(sorted_down(lambda.clone())) {
        assert!((got - want).abs() <= 1e-11, "{got} against {want}");
    }
}

#[test]
fn jacobi_reconstructs_a_random_symmetric_matrix_to_1e_10() {
    let n = 64;
    let mut rng = Rng::seed_from(11);
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        for j in i..n {
            let x = rng.standard_normal();
            a[i * n + j] = x;
            a[j * n + i] = x;
        }
    }
    let a = square(n, a);
    let eigen = symmetric_eigen(&a);
    let v = &eigen.vectors;
    let rebuilt = product(&product(v, &diagonal(&eigen.values)), &transpose(v));
    let worst = (a.data.iter().zip(&rebuilt.data))
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max);
    assert!(worst <= 1e-10, "A − VΛVᵀ reaches {worst:e}");
    let vtv = product(&transpose(v), v);
    let off_identity = (vtv.data.iter().zip(&Matrix::identity(n).data))
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max);
    assert!(off_identity <= 1e-10, "VᵀV − I reaches {off_identity:e}");
    assert!(
        eigen.sweeps <= 15,
        "cyclic Jacobi converges quadratically: {}",
        eigen.sweeps
    );
}

#[test]
fn singular_values_of_a_rotated_diagonal_are_its_entries_down_to_the_resolution() {
    // J = U·Σ·Vᵀ with σ from 1 down to 1e-5 (within RESOLUTION): √eig(JᵀJ) finds each to 1 %.
    let n = 32;
    let sigma: Vec<f64> = (0..n)
        .map(|i| 10f64.powf(-5.0 * i as f64 / (n - 1) as f64))
        .collect();
    let j = product(
        &product(&haar(n, 1), &diagonal(&sigma)),
        &transpose(&haar(n, 2)),
    );
    for (got, want) in singular_values(&j).iter().zip(&sigma) {
        assert!((got / want - 1.0).abs() < 0.01, "{got:e} against {want:e}");
    }
}

/// A linear chain of `depth` f64 orthogonal matrices of `n` times `gain`.
fn orthogonal_chain(n: usize, depth: usize, gain: f64) -> Vec<f64> {
    let mut rng = Rng::seed_from(7);
    let weights: Vec<Vec<f64>> = (0..depth)
        .map(|_| orthogonal::draw(n, n, gain, &mut rng))
        .collect();
    let ones = vec![1.0; n];
    let factors: Vec<Factor> = (weights.iter())
        .map(|w| Factor {
            rows: n,
            cols: n,
            weights: w,
            slopes: &ones,
        })
        .collect();
    singular_values(&chain(n, &factors))
}

#[test]
fn orthogonal_linear_layers_put_every_singular_value_at_gain_to_the_depth() {
    // (gQ_L)⋯(gQ_2) = g^depth × an orthogonal matrix: isometry up to the factor g^depth.
    for (gain, depth) in [(1.0, 31), (1.1, 31), (0.9, 15)] {
        let want = f64::powi(gain, depth as i32);
        for sigma in orthogonal_chain(64, depth, gain) {
            assert!(
                (sigma / want - 1.0).abs() <= 1e-9,
                "gain {gain}, depth {depth}: σ = {sigma} against {want}"
            );
        }
    }
}

/// The query of `hidden` layers of 64 units with `rest`.
fn deep(hidden: usize, rest: &str) -> Vec<(String, String)> {
    let layers = vec!["64"; hidden].join(",");
    let query = format!("layers={layers}&{rest}");
    initlab::link::query_pairs(&query)
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn spectrum_of(pairs: &[(String, String)]) -> initlab::spectrum::Spectrum {
    let changes: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let e = experiment(&changes);
    spectrum(e.mlp(), &e.data().train, 0).expect("32 layers of 64")
}

#[test]
fn the_engines_orthogonal_init_is_an_isometry_to_its_f32_rounding() {
    // The engine's weights are f32: each layer's WᵀW = g²I to ~1e-7, so over 31 layers the
    // σ stay at g^31 to a few 1e-7 (measured: κ − 1 = 3.7e-7 to 4.0e-7 on seeds 1–10).
    for seed in 1..=3 {
        let s = spectrum_of(&deep(
            32,
            &format!("act=linear&init=orthogonal&gain=1.02&seed={seed}"),
        ));
        assert_eq!((s.depth, s.singular.len()), (31, 64));
        let want = 1.02f64.powi(31);
        for sigma in &s.singular {
            assert!(
                (sigma / want - 1.0).abs() < 2e-6,
                "σ = {sigma} against {want}"
            );
        }
    }
}

/// σ_1/σ_16: the spread of the largest quarter, which stays above the resolution at every
/// depth measured (the full κ does not: see below).
fn top_quarter(s: &initlab::spectrum::Spectrum) -> f64 {
    s.singular[0] / s.singular[15]
}

#[test]
fn gaussian_layers_spread_the_singular_values_more_with_every_layer() {
    // LeCun's N(0, 1/64) keeps the mean square of J·v for a random v (E‖Wv‖² = ‖v‖²), but
    // not its directions: each Gaussian layer has σ from ~2 down to ~1/64, and the product
    // compounds them. Measured on seeds 1–10 (linear units, point 0): κ = σ_1/σ_64 is beyond
    // the resolution (≥ 10⁶) already at 8 hidden layers, and σ_1/σ_16 ranges over 5.3–7.3
    // (median 6.5), 19–30 (24) and 193–366 (283) at 8, 16 and 32 hidden layers.
    let mut medians = Vec::new();
    for hidden in [8, 16, 32] {
        let mut quarter: Vec<f64> = (1..=10)
            .map(|seed| {
                let s = spectrum_of(&deep(
                    hidden,
                    &format!("act=linear&init=normal&scale=lecun&seed={seed}"),
                ));
                assert_eq!(
                    s.spread(),
                    Spread::AtLeast(1.0 / RESOLUTION),
                    "{hidden} layers, seed {seed}"
                );
                top_quarter(&s)
            })
            .collect();
        quarter.sort_by(f64::total_cmp);
        eprintln!(
            "{hidden} hidden layers: σ1/σ16 from {:.3e} to {:.3e}, median {:.3e}",
            quarter[0], quarter[9], quarter[5]
        );
        medians.push(quarter[5]);
    }
    assert!(medians[0] > 3.0, "already spread at 8 layers: {medians:?}");
    assert!(
        medians[1] > 3.0 * medians[0] && medians[2] > 3.0 * medians[1],
        "{medians:?}"
    );
}

#[test]
fn the_spectrum_refuses_what_it_cannot_compute_in_words() {
    let e = experiment(&[("layers", "64")]);
    let train = &e.data().train;
    assert_eq!(
        spectrum(e.mlp(), train, 0),
        Err(SpectrumError::TooShallow { hidden: 1 })
    );
    let e = experiment(&[("layers", "128,128")]);
    let error = spectrum(e.mlp(), &e.data().train, 0).unwrap_err();
    assert_eq!(
        error,
        SpectrumError::TooWide {
            width: 128,
            max: 64
        }
    );
    assert!(error.to_string().contains("128"), "{error}");
    let e = experiment(&[("layers", "8,8")]);
    let count = e.data().train.len();
    let error = spectrum(e.mlp(), &e.data().train, count).unwrap_err();
    assert_eq!(
        error,
        SpectrumError::PointOutOfRange {
            index: count,
            count
        }
    );
}

#[test]
fn a_seed_gives_the_same_spectrum_bits_every_time() {
    let pairs = deep(12, "act=tanh&init=normal&scale=lecun&seed=4");
    assert_eq!(spectrum_of(&pairs).singular, spectrum_of(&pairs).singular);
}

#[test]
fn the_views_histogram_counts_every_singular_value_once() {
    use initlab::spectrum::{log_histogram, Spectrum};
    let at = |singular: Vec<f64>| Spectrum {
        singular,
        depth: 1,
        point: 0,
    };
    // An isometry: every σ in one bin, the axis a decade centred on it.
    let flat = at(vec![2.0; 64]);
    let h = log_histogram(&[&flat], 20);
    assert!((h.lo + h.hi - 2.0 * 2f64.log10()).abs() < 1e-12 && (h.hi - h.lo - 1.0).abs() < 1e-12);
    assert_eq!(h.counts[0].iter().filter(|&&c| c > 0).count(), 1);
    // σ = 1 ± rounding, a decade exactly: one bin, not split across an edge.
    let near_one = at((0..64).map(|k| 1.0 + (k as f64 - 32.0) * 1e-9).collect());
    let h = log_histogram(&[&near_one, &at(vec![10.0, 0.1])], 48);
    assert_eq!(
        h.counts[0].iter().filter(|&&c| c > 0).count(),
        1,
        "{:?}",
        h.counts[0]
    );
    assert_eq!(h.counts[0].iter().sum::<u32>(), 64);
    // From 20 down to 1e-6: 1e-5 and 1e-6 lie below σ_1·RESOLUTION = 2e-5, unresolved.
    let wide = at(vec![20.0, 1.0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6]);
    let h = log_histogram(&[&flat, &wide], 12);
    assert_eq!(h.unresolved, vec![0, 2]);
    assert_eq!(h.counts[1].iter().sum::<u32>(), 6);
    assert_eq!(
        (h.lo, h.hi),
        (-4.0, 2.0),
        "whole decades around both spectra"
    );
}

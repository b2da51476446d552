//! The through-depth view (issue #21): q̂^l and ĉ^l measured on the network the page builds,
//! against the mean-field theory run from its own first layer with σ_w, σ_b read from its weights.

use initlab::data::Split;
use initlab::through_depth::{through_depth, NoTheory, ThroughDepth, ThroughDepthError};
use initlab::{Config, Experiment};

/// The view of a fresh network built from `query`, comparing training points 0 and 1.
fn view_of(query: &str) -> ThroughDepth {
    view_at(query, |_| [0, 1])
}

/// The view of a fresh network built from `query`, comparing the points `pick` chooses.
fn view_at(query: &str, pick: impl Fn(&Split) -> [usize; 2]) -> ThroughDepth {
    let (config, notices) = Config::from_query(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    let mut experiment = Experiment::new(&config).expect("valid settings");
    let snapshot = experiment.snapshot();
    let train = &experiment.data().train;
    through_depth(experiment.mlp(), train, &snapshot.layers, pick(train))
        .expect("a hidden layer and two training points")
}

/// Point 0 and the training point whose input makes the cosine closest to 0.9 with it: two
/// inputs that start well correlated but not so close that the maps barely move them.
fn well_correlated(train: &Split) -> [usize; 2] {
    let x = |k: usize| [train.x[2 * k], train.x[2 * k + 1]];
    let cos = |a: [f64; 2], b: [f64; 2]| {
        let dot = a[0] * b[0] + a[1] * b[1];
        dot / ((a[0] * a[0] + a[1] * a[1]) * (b[0] * b[0] + b[1] * b[1])).sqrt()
    };
    let best = (1..train.len())
        .filter(|&k| x(k) != x(0))
        .min_by(|&a, &b| {
            let off = |k: usize| (cos(x(0), x(k)) - 0.9).abs();
            off(a).total_cmp(&off(b))
        })
        .expect("more than one point");
    [0, best]
}

/// Eight layers of 256 (the widest the page builds that deep), 400 points.
const WIDE: &str = "layers=256,256,256,256,256,256,256,256&points=500&init=normal&scale=lecun";
const SEEDS: u64 = 6;

#[test]
fn a_wide_relu_net_has_the_length_the_theory_predicts_within_sampling_error() {
    // ReLU's length map q^l = σ_w²·q^{l−1}/2 is linear in q, so the theory of the mean over
    // points is exactly the mean of the theory. (No bias: the theory's biases are random, and
    // a constant one shifts every unit's z alike, which E[relu(z)²] = q/2 does not allow.) The bound: given layer l − 1, each of the
    // N = 256 units adds an independent χ²-like term, so ln q̂ gains a variance of about
    // (1 + κ)/N per layer, κ = E[φ⁴]/E[φ²]² = 6 for ReLU (see tests/mean_field.rs), and after l
    // layers at most 7·l/N for one network: 0.47 standard deviations at l = 8. The mean over
    // SEEDS networks has √SEEDS less; it must lie within 3 of its standard deviations. A
    // factor 2 missing from the map would be off by 2⁷ at layer 8.
    let n = 256.0;
    let mut gap = [0.0; 8];
    for seed in 1..=SEEDS {
        let view = view_of(&format!("{WIDE}&act=relu&gain=1.3&bias=0&seed={seed}"));
        assert!(
            (view.sigma_w - 1.3).abs() < 0.05,
            "σ_w read back {}",
            view.sigma_w
        );
        assert_eq!(view.sigma_b, 0.0, "σ_b read back");
        let theory = view.theory.as_ref().expect("a theory");
        assert_eq!((theory.q.len(), view.q.len()), (8, 8));
        assert_eq!(
            theory.q[0], view.q[0],
            "the theory starts at the measured layer 1"
        );
        for (l, g) in gap.iter_mut().enumerate() {
            *g += (view.q[l] / theory.q[l]).ln() / SEEDS as f64;
        }
    }
    for (l, g) in gap.iter().enumerate() {
        let sd = (7.0 * l as f64 / n / SEEDS as f64).sqrt();
        assert!(
            g.abs() <= 3.0 * sd + 1e-9,
            "layer {}: ln(q̂/q) = {g}, 3 sd = {}",
            l + 1,
            3.0 * sd
        );
    }
}

#[test]
fn a_wide_chaotic_tanh_net_decorrelates_two_points_as_the_theory_predicts() {
    // tanh at σ_w = 2.5 is chaotic: c^l falls from ĉ¹ towards c* well below 1 within a few
    // layers. ĉ, a sample correlation over N units, gains a variance below (1 − c²)²/N < 1/N
    // per layer, so after l layers at most l/N for one network (0.18 sd at l = 8); the mean
    // over SEEDS networks must be within 3 of its standard deviations of the theory.
    let n = 256.0;
    let mut gap = [0.0; 8];
    let mut fall = 0.0;
    for seed in 1..=SEEDS {
        let query = format!("{WIDE}&act=tanh&gain=2.5&bias=0.05&seed={seed}");
        let view = view_at(&query, well_correlated);
        let theory = view.theory.as_ref().expect("a theory");
        assert!(theory.chi1 > 1.0, "chaotic: χ₁ = {}", theory.chi1);
        for (l, g) in gap.iter_mut().enumerate() {
            *g += (view.c[l] - theory.c[l]) / SEEDS as f64;
        }
        fall += (theory.c[0] - theory.c[7]) / SEEDS as f64;
    }
    assert!(
        fall > 0.2,
        "the theory's c falls by {fall} only: the test would prove nothing"
    );
    for (l, g) in gap.iter().enumerate() {
        let sd = (l as f64 / n / SEEDS as f64).sqrt();
        assert!(
            g.abs() <= 3.0 * sd + 1e-9,
            "layer {}: ĉ − c = {g}, 3 sd = {}",
            l + 1,
            3.0 * sd
        );
    }
}

#[test]
fn the_measured_length_is_the_mean_square_of_z_and_std_z_is_the_depth_charts() {
    let view = view_of("layers=16,16,16&act=tanh&bias=0.3&seed=4");
    for l in 0..3 {
        // q̂ ≥ std(z)², the difference being mean(z)² (0.3 of bias shifts the mean).
        assert!(view.q[l] >= view.z_std[l] * view.z_std[l]);
        assert!(view.c[l].abs() <= 1.0);
    }
}

#[test]
fn without_a_usable_init_or_points_the_view_says_why() {
    // Constant weights: σ_w = 0 is outside the theory's range (0, 10].
    let view = view_of("layers=8,8,8&init=constant&const=0.5");
    assert_eq!(view.sigma_w, 0.0);
    assert!(
        matches!(view.theory, Err(NoTheory::OutOfRange(_))),
        "{:?}",
        view.theory
    );
    // Zeros: no length to start from.
    let view = view_of("layers=8,8,8&init=zeros&bias=0");
    assert!(
        matches!(view.theory, Err(NoTheory::NoStart)),
        "{:?}",
        view.theory
    );
    // One hidden layer: nothing above the measured one.
    let view = view_of("layers=8");
    assert_eq!(view.theory, Err(NoTheory::OneHiddenLayer));
    // A point past the training set, and a network with no hidden layer.
    let config = Config::default();
    let mut experiment = Experiment::new(&config).expect("defaults");
    let layers = experiment.snapshot().layers;
    let count = experiment.data().train.len();
    let error = through_depth(
        experiment.mlp(),
        &experiment.data().train,
        &layers,
        [0, count],
    );
    assert_eq!(
        error,
        Err(ThroughDepthError::PointOutOfRange {
            index: count,
            count
        })
    );
    let (config, _) = Config::from_query("layers=0");
    let mut experiment = Experiment::new(&config).expect("layers=0");
    let layers = experiment.snapshot().layers;
    let error = through_depth(experiment.mlp(), &experiment.data().train, &layers, [0, 1]);
    assert_eq!(error, Err(ThroughDepthError::NoHiddenLayer));
}

//! The decision-boundary grid shows what the network learned, in the learner's coordinates.

mod common;
use common::experiment;

#[test]
fn trained_gauss_boundary_separates_the_two_blob_centres() {
    let mut exp = experiment(&[("data", "gauss"), ("noise", "0"), ("lr", "0.3")]);
    exp.step(2000);
    let grid = exp.decision_grid(40);
    assert_eq!(grid.p.len(), 40 * 40);
    let at = |x: f64, y: f64| {
        let col = ((x - grid.x[0]) / (grid.x[1] - grid.x[0]) * 40.0) as usize;
        let row = ((y - grid.y[0]) / (grid.y[1] - grid.y[0]) * 40.0) as usize;
        grid.p[row * 40 + col]
    };
    // Class 1 is the blob at (0.5, 0.5), class 0 at (−0.5, −0.5); both are 0.2-std blobs
    // 1.4 apart, so a trained net is confident at the centres.
    assert!(at(0.5, 0.5) > 0.9, "{}", at(0.5, 0.5));
    assert!(at(-0.5, -0.5) < 0.1, "{}", at(-0.5, -0.5));
}

#[test]
fn the_grid_covers_every_data_point() {
    let mut exp = experiment(&[("data", "spiral"), ("noise", "0.3")]);
    let grid = exp.decision_grid(10);
    for p in exp.data().train.raw.iter().chain(&exp.data().test.raw) {
        assert!(grid.x[0] < p[0] && p[0] < grid.x[1] && grid.y[0] < p[1] && p[1] < grid.y[1]);
    }
    assert!(grid.p.iter().all(|p| (0.0..=1.0).contains(p)));
}

#[test]
fn the_rolling_grid_catches_up_with_the_full_grid() {
    let mut exp = experiment(&[("data", "circles"), ("layers", "16,16")]);
    let first = exp.decision_grid_rolling(20, 50).clone();
    assert_eq!(
        first,
        exp.decision_grid(20),
        "the first call evaluates every cell"
    );
    exp.step(300);
    // 400 cells at (at least) one 20-cell row per call: 20 calls refresh every cell once.
    for _ in 0..20 {
        exp.decision_grid_rolling(20, 7);
    }
    let rolled = exp.decision_grid_rolling(20, 7).clone();
    let fresh = exp.decision_grid(20);
    // The last call refreshed one more row; every cell now reflects the trained weights.
    assert_eq!(rolled, fresh);
    assert_ne!(rolled, first, "training moved the boundary");
}

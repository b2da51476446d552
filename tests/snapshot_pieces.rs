//! A snapshot spread over animation frames (`Experiment::snapshot_piece`, issue #21 §5: the
//! frame budget at 20 and 32 layers of 64) is the snapshot: the same numbers bit for bit,
//! whatever the size of the pieces, whatever else is evaluated between them, and the loss
//! landscape's centre still equals its loss. A step between pieces starts the pass again, so a
//! snapshot is never of two different weights.

use initlab::digits;
use initlab::{Config, Experiment};

fn experiment(changes: &[(&str, &str)]) -> Experiment {
    let config = Config::default().with_changes(changes.iter().copied());
    Experiment::new(&config.expect("valid settings")).expect("a network")
}

/// The snapshot in pieces of `work` multiply-adds; also how many calls it took.
fn in_pieces(exp: &mut Experiment, work: f64) -> (initlab::experiment::Snapshot, usize) {
    for calls in 1..100_000 {
        if let Some(snapshot) = exp.snapshot_piece(work) {
            return (snapshot, calls);
        }
    }
    panic!("the pass never finished in pieces of {work} multiply-adds");
}

fn deep(layers: usize) -> String {
    vec!["64"; layers].join(",")
}

#[test]
fn a_snapshot_in_pieces_equals_the_snapshot_in_one_call() {
    let layers = deep(20);
    for act in ["tanh", "relu"] {
        let mut exp = experiment(&[("layers", &layers), ("act", act)]);
        exp.step(30);
        let whole = exp.snapshot();
        // One layer per piece, a few layers, and all of it at once.
        for work in [1.0, 3e6, f64::INFINITY] {
            let (spread, calls) = in_pieces(&mut exp, work);
            assert_eq!(spread, whole, "{act}, pieces of {work} multiply-adds");
            if work == 1.0 {
                // 320 training points: 2 chunks × 21 weight layers × (forward + backward).
                assert!(calls >= 2 * 21 * 2, "{calls} calls");
            } else if work.is_infinite() {
                assert_eq!(calls, 1);
            }
        }
        assert!(
            spread_is_finite(&whole),
            "{act}: a snapshot that did not diverge is finite"
        );
    }
}

fn spread_is_finite(s: &initlab::experiment::Snapshot) -> bool {
    s.loss.is_finite()
        && s.test_loss.is_finite()
        && s.layers
            .iter()
            .all(|l| l.z_std.is_finite() && l.delta_std.is_finite() && l.grad_norm.is_finite())
}

#[test]
fn other_evaluations_between_pieces_leave_the_pass_alone() {
    let mut exp = experiment(&[("layers", &deep(8))]);
    exp.step(20);
    let whole = exp.snapshot();
    let mut calls = 0;
    let spread = loop {
        calls += 1;
        if let Some(snapshot) = exp.snapshot_piece(2e6) {
            break snapshot;
        }
        // What the page may ask for between two frames: the scores, a landscape, a grid.
        let _ = exp.scores();
        let _ = exp.landscape(5, 0.5).expect("a small landscape");
        let _ = exp.decision_grid(8);
    };
    assert!(
        calls > 2,
        "the pass took {calls} calls: no evaluation came between pieces"
    );
    assert_eq!(spread, whole);
    let landscape = exp.landscape(5, 0.5).expect("a small landscape");
    assert_eq!(landscape.center_loss.to_bits(), spread.loss.to_bits());
}

#[test]
fn a_step_between_pieces_starts_the_pass_again() {
    let mut exp = experiment(&[("layers", &deep(20))]);
    assert!(
        exp.snapshot_piece(1.0).is_none(),
        "one layer is not the whole pass"
    );
    exp.step(5);
    let (spread, _) = in_pieces(&mut exp, 5e6);
    assert_eq!(spread.step, 5);
    assert_eq!(
        spread,
        exp.snapshot(),
        "the snapshot is of the weights after the steps only"
    );
}

#[test]
fn a_digits_snapshot_in_pieces_equals_the_snapshot() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(digits::FILE);
    digits::install(&std::fs::read(path).expect("the committed digits file")).expect("it reads");
    let mut exp = experiment(&[("data", "digits"), ("layers", &deep(6))]);
    exp.step(10);
    let whole = exp.snapshot();
    let (spread, calls) = in_pieces(&mut exp, 4e6);
    assert!(calls > 1);
    assert_eq!(spread, whole);
    assert!(spread_is_finite(&whole));
}

/// tests/divergence.rs's link that fuzzing found: frame by frame it diverges at step 228,
/// found by a snapshot's full check on points outside the batch.
const LATE_FLAG: &str = "?init=truncnormal&jitter=0.0010728017942759646&scale=manual&gain=0.11032082262526959&sigma=0.01080405689354946&lo=-1000&hi=1000&bounds=abs&act=relu&layers=15,21&data=spiral&points=378&noise=1&lr=10&batch=1&momentum=0.9999999&seed=9007199254740991";

#[test]
fn snapshots_in_pieces_frame_by_frame_pin_the_same_divergence() {
    let (config, notices) = Config::from_query(LATE_FLAG);
    assert!(notices.is_empty(), "{notices:?}");
    let mut exp = Experiment::new(&config).expect("a network");
    let mut last = None;
    for _ in 0..240 {
        let (snapshot, _) = in_pieces(&mut exp, 300.0);
        let diverged = snapshot.diverged;
        last = Some(snapshot);
        if diverged {
            break;
        }
        exp.step(1);
    }
    let last = last.expect("at least one snapshot");
    assert_eq!(
        exp.diverged_at(),
        Some(228),
        "as a whole snapshot per frame finds it"
    );
    assert_eq!(last.diverged_at, Some(228));
    // NaN ≠ NaN, so the two are compared as text.
    assert_eq!(format!("{last:?}"), format!("{:?}", exp.snapshot()));
}

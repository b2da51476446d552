//! A seed fixes the run: same seed, same history, bit for bit, here and in the browser.

mod common;
mod softmax_run;
use common::{config, experiment};
use initlab::Experiment;

/// The run the browser test replays (tests/web.rs); both compare against the same golden file.
const REFERENCE_QUERY: &str = "data=xor&act=tanh&layers=8,8&init=truncnormal&scale=glorot&seed=42";

#[test]
fn same_seed_gives_identical_histories() {
    let changes = [
        ("data", "spiral"),
        ("act", "relu"),
        ("init", "truncnormal"),
        ("momentum", "0.9"),
        ("seed", "5"),
    ];
    let mut a = experiment(&changes);
    let mut b = experiment(&changes);
    a.step(700);
    b.step(700);
    assert_eq!(a.history(), b.history());
    assert_eq!(a.mlp().params, b.mlp().params);
}

#[test]
fn reset_reproduces_the_run_bit_for_bit() {
    let mut exp = experiment(&[("data", "circles"), ("batch", "7"), ("seed", "9")]);
    exp.step(500);
    let (history, params) = (exp.history().clone(), exp.mlp().params.clone());
    exp.reset();
    assert_eq!(exp.steps_done(), 0);
    exp.step(500);
    assert_eq!(exp.history(), &history);
    assert_eq!(exp.mlp().params, params);
}

#[test]
fn another_seed_gives_another_run() {
    let mut a = experiment(&[("seed", "1")]);
    let mut b = experiment(&[("seed", "2")]);
    a.step(100);
    b.step(100);
    assert_ne!(a.mlp().params, b.mlp().params);
}

/// A shortcut net's run (the inputs also feed the output unit), replayed by tests/web.rs too.
const SHORTCUT_QUERY: &str = "data=circles&act=tanh&layers=6&shortcut=1&seed=42";

/// The run of `query` for 500 steps has the checksum in `tests/golden/{file}`, which the wasm
/// test (tests/web.rs) asserts too: native == wasm bit for bit.
fn assert_golden(query: &str, file: &str) {
    let (config, notices) = initlab::Config::from_query(query);
    assert!(notices.is_empty(), "{notices:?}");
    let mut exp = Experiment::new(&config).unwrap();
    exp.step(500);
    assert_matches_golden(exp.history_checksum(), query, file);
}

/// `checksum` (of the run `what`) is the one in `tests/golden/{file}`; INITLAB_UPDATE_GOLDEN=1
/// writes it instead.
fn assert_matches_golden(checksum: u64, what: &str, file: &str) {
    let checksum = format!("{checksum:016x}");
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file);
    if std::env::var_os("INITLAB_UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, format!("{checksum}\n")).unwrap();
    }
    let expected = std::fs::read_to_string(&golden)
        .unwrap_or_else(|_| panic!("tests/golden/{file} (INITLAB_UPDATE_GOLDEN=1 writes it)"));
    assert_eq!(
        checksum,
        expected.trim(),
        "the run {what} changed; if intended, rerun with INITLAB_UPDATE_GOLDEN=1"
    );
}

#[test]
fn reference_run_matches_the_golden_checksum_shared_with_wasm() {
    assert_golden(REFERENCE_QUERY, "reference_checksum.txt");
}

#[test]
fn shortcut_run_matches_its_golden_checksum_shared_with_wasm() {
    assert_golden(SHORTCUT_QUERY, "shortcut_checksum.txt");
}

#[test]
fn softmax_run_matches_its_golden_checksum_shared_with_wasm() {
    // The same run twice gives the same bits here, and the golden file pins them for wasm.
    let checksum = softmax_run::checksum();
    assert_eq!(checksum, softmax_run::checksum());
    assert_matches_golden(checksum, "softmax_run", "softmax_checksum.txt");
}

/// A network without a hidden layer (logistic regression), replayed by tests/web.rs too.
const NO_HIDDEN_QUERY: &str = "data=gauss&layers=0&init=normal&scale=manual&sigma=0.5&seed=42";

#[test]
fn no_hidden_layer_run_matches_its_golden_checksum_shared_with_wasm() {
    assert_golden(NO_HIDDEN_QUERY, "no_hidden_checksum.txt");
}

#[test]
fn reset_reproduces_a_no_hidden_layer_run_bit_for_bit() {
    let mut exp = experiment(&[("layers", "0"), ("data", "gauss"), ("batch", "7")]);
    assert_eq!(exp.mlp().layers.len(), 1, "the output layer alone");
    exp.step(300);
    let (history, params) = (exp.history().clone(), exp.mlp().params.clone());
    exp.reset();
    exp.step(300);
    assert_eq!(exp.history(), &history);
    assert_eq!(exp.mlp().params, params);
}

#[test]
fn reset_reproduces_a_shortcut_run_bit_for_bit() {
    let mut exp = experiment(&[
        ("layers", "1"),
        ("shortcut", "1"),
        ("data", "xor4"),
        ("batch", "3"),
    ]);
    exp.step(300);
    let (history, params) = (exp.history().clone(), exp.mlp().params.clone());
    exp.reset();
    exp.step(300);
    assert_eq!(exp.history(), &history);
    assert_eq!(exp.mlp().params, params);
}

#[test]
fn changing_learning_rate_keeps_the_run_but_changing_init_restarts_it() {
    let mut exp = experiment(&[]);
    exp.step(50);
    exp.configure(&config(&[("lr", "0.1")])).unwrap();
    assert_eq!(exp.steps_done(), 50);
    exp.configure(&config(&[
        ("lr", "0.1"),
        ("sigma", "0.5"),
        ("scale", "manual"),
    ]))
    .unwrap();
    assert_eq!(exp.steps_done(), 0);
}

#[test]
fn divergence_stops_training_and_reset_recovers() {
    // lr = 10 with σ = 10 and MSE-free BCE on ReLU: weights explode within a few steps.
    let mut exp = experiment(&[
        ("act", "relu"),
        ("scale", "manual"),
        ("sigma", "10"),
        ("lr", "10"),
        ("layers", "64,64,64"),
        ("data", "spiral"),
    ]);
    exp.step(5000);
    let at = exp.diverged_at().expect("this run diverges");
    assert_eq!(exp.steps_done(), at, "training went on after diverging");
    exp.step(10);
    assert_eq!(exp.steps_done(), at);
    assert!(exp.snapshot().diverged);
    exp.reset();
    assert_eq!(exp.diverged_at(), None);
    assert!(exp.mlp().params.iter().all(|p| p.is_finite()));
}

/// An orthogonal init (tall, square and wide layers: each a QR in f64), replayed by tests/web.rs too.
const ORTHOGONAL_QUERY: &str =
    "data=spiral&act=relu&layers=16,16,4&init=orthogonal&gain=1.4&seed=42";

#[test]
fn orthogonal_run_matches_its_golden_checksum_shared_with_wasm() {
    assert_golden(ORTHOGONAL_QUERY, "orthogonal_checksum.txt");
}

/// An LSUV init (orthogonal, then rescaled on the data through libm's tanh), replayed by
/// tests/web.rs too.
const LSUV_QUERY: &str = "data=circles&act=tanh&layers=12,12&init=lsuv&bias=0.1&seed=42";

#[test]
fn lsuv_run_matches_its_golden_checksum_shared_with_wasm() {
    assert_golden(LSUV_QUERY, "lsuv_checksum.txt");
}

//! A training step allocates nothing: every buffer is sized when the network is built. Nor
//! does refreshing the rolling loss landscape, once its grid and directions exist.

use initlab::activation::Activation;
use initlab::init::Distribution;
use initlab::loss::{Head, Loss};
use initlab::mlp::{Mlp, Trainer};
use initlab::rng::Rng;
use initlab::{Config, Experiment};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting the allocations of each thread (so that tests running in
/// parallel do not count each other's).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

/// Allocations made so far by the calling thread.
fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // A thread being torn down may have no counter left; it is not one of ours.
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn training_steps_allocate_nothing() {
    // The last two have shortcut connections (the inputs also feed the output unit); the
    // first two have no hidden layer (logistic regression, `layers=0`).
    for (sizes, batch, shortcut) in [
        (vec![2, 1], 10, false),
        (vec![2, 1], 300, false),
        (vec![2, 8, 8, 1], 10, false),
        (vec![2, 64, 64, 64, 1], 300, false),
        (vec![2, 3, 1], 1, false),
        (vec![2, 1, 1], 4, true),
        (vec![2, 64, 64, 1], 300, true),
    ] {
        let mut mlp = Mlp::with_shortcut(&sizes, Activation::Tanh, shortcut);
        let mut rng = Rng::seed_from(1);
        let all = 0..mlp.params.len();
        mlp.fill(all, &Distribution::Normal { std: 0.5 }, &mut rng);
        let n = 600;
        let x: Vec<f64> = (0..2 * n).map(|_| rng.standard_normal()).collect();
        let y: Vec<f64> = (0..n).map(|k| (k % 2) as f64).collect();
        let order: Vec<usize> = (0..n).collect();
        let mut trainer = Trainer::new(&mlp, batch);
        // Batches of 300 exceed one chunk of 256 samples: the chunking must not allocate either.
        let before = allocations();
        for step in 0..100 {
            let start = (step * batch) % (n - batch);
            trainer
                .step(
                    &mut mlp,
                    &x,
                    &y,
                    &order[start..start + batch],
                    Loss::Bce,
                    0.05,
                    0.9,
                )
                .expect("a small net stays finite");
        }
        let after = allocations();
        assert_eq!(
            after - before,
            0,
            "{sizes:?} (shortcut {shortcut}), batch {batch}: {} allocations in 100 steps",
            after - before
        );
    }
}

#[test]
fn softmax_training_steps_allocate_nothing() {
    // The softmax's two per-sample scratch rows are sized with the workspace.
    for (sizes, batch) in [
        (vec![64, 32, 32, 10], 10),
        (vec![64, 32, 32, 10], 300),
        (vec![5, 3], 7),
    ] {
        let mut mlp = Mlp::new(&sizes, Activation::Tanh);
        let mut rng = Rng::seed_from(1);
        let all = 0..mlp.params.len();
        mlp.fill(all, &Distribution::Normal { std: 0.3 }, &mut rng);
        let (n, classes) = (600, sizes[sizes.len() - 1]);
        let x: Vec<f64> = (0..sizes[0] * n).map(|_| rng.standard_normal()).collect();
        let y: Vec<f64> = (0..n).map(|k| (k % classes) as f64).collect();
        let order: Vec<usize> = (0..n).collect();
        let mut trainer = Trainer::new(&mlp, batch);
        let before = allocations();
        for step in 0..50 {
            let start = (step * batch) % (n - batch);
            let batch = &order[start..start + batch];
            trainer
                .step(&mut mlp, &x, &y, batch, Head::Softmax, 0.05, 0.9)
                .expect("a small net stays finite");
        }
        let after = allocations();
        assert_eq!(after - before, 0, "{sizes:?}, batch {batch}");
    }
}

#[test]
fn rolling_landscape_refresh_allocates_nothing() {
    let config = Config::default()
        .with_changes([("layers", "16,16"), ("data", "spiral")])
        .expect("a valid config");
    let mut exp = Experiment::new(&config).expect("valid");
    // The first call draws the directions and makes the grid; every later one only refreshes.
    exp.landscape_rolling(11, 1.0, 10).expect("valid grid");
    let before = allocations();
    for _ in 0..30 {
        exp.landscape_rolling(11, 1.0, 10).expect("valid grid");
    }
    let after = allocations();
    assert_eq!(
        after - before,
        0,
        "{} allocations in 30 refreshes",
        after - before
    );
}

/// Installs the committed digits for `data=digits` (as the page installs its download).
fn install_digits() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(initlab::digits::FILE);
    initlab::digits::install(&std::fs::read(file).unwrap()).unwrap();
}

#[test]
fn experiment_steps_allocate_only_to_grow_the_history() {
    for layers in ["8,8", "0"] {
        experiment_steps_allocate_only_to_grow_the_history_with(layers, "spiral");
    }
}

#[test]
fn digits_experiment_steps_allocate_only_to_grow_the_history() {
    install_digits();
    for layers in ["64,64,64,64,64,64", "0"] {
        experiment_steps_allocate_only_to_grow_the_history_with(layers, "digits");
    }
}

#[test]
fn digits_rolling_landscape_refresh_allocates_nothing() {
    install_digits();
    let config = Config::default()
        .with_changes([("layers", "64,64"), ("data", "digits")])
        .expect("a valid config");
    let mut exp = Experiment::new(&config).expect("valid");
    exp.landscape_rolling(5, 1.0, 3).expect("valid grid");
    let before = allocations();
    for _ in 0..10 {
        exp.landscape_rolling(5, 1.0, 3).expect("valid grid");
    }
    assert_eq!(allocations() - before, 0);
}

fn experiment_steps_allocate_only_to_grow_the_history_with(layers: &str, data: &str) {
    // Each history record also keeps the state as the checkpoint a diverging run replays from
    // (src/experiment.rs): it is copied into buffers sized at the first record, so a step
    // allocates nothing, and a record only when one of the history's columns grows.
    let config = Config::default()
        .with_changes([("layers", layers), ("data", data), ("batch", "10")])
        .expect("a valid config");
    let mut exp = Experiment::new(&config).expect("valid");
    let capacities = |exp: &Experiment| {
        let h = exp.history();
        [
            h.steps.capacity(),
            h.train.capacity(),
            h.test.capacity(),
            h.train_accuracy.capacity(),
            h.test_accuracy.capacity(),
        ]
    };
    // 3000 steps: 300 records, below the length at which the history is thinned.
    for step in 1..=3000 {
        let grown_before = capacities(&exp);
        let before = allocations();
        exp.step(1);
        let after = allocations();
        let grown = (capacities(&exp).iter().zip(&grown_before))
            .filter(|(now, was)| now != was)
            .count();
        assert_eq!(
            after - before,
            grown,
            "layers={layers} data={data} step {step}: {} allocations, {grown} history columns grew",
            after - before
        );
    }
    assert_eq!(exp.history().steps.len(), 301);
    assert!(exp.diverged_at().is_none());
}

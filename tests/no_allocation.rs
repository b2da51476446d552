//! A training step allocates nothing: every buffer is sized when the network is built.

use initlab::activation::Activation;
use initlab::init::Distribution;
use initlab::loss::Loss;
use initlab::mlp::{Mlp, Trainer};
use initlab::rng::Rng;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the allocations of the threads that ask it to. Only the
/// training thread counts: the test harness's own threads allocate when they like (on a
/// loaded machine, during the measured steps), and the engine is single-threaded.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTED.try_with(Cell::get).unwrap_or(false) {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
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
    for (sizes, batch) in [
        (vec![2, 8, 8, 1], 10),
        (vec![2, 64, 64, 64, 1], 300),
        (vec![2, 3, 1], 1),
    ] {
        let mut mlp = Mlp::new(&sizes, Activation::Tanh);
        let mut rng = Rng::seed_from(1);
        let all = 0..mlp.params.len();
        mlp.fill(all, &Distribution::Normal { std: 0.5 }, &mut rng);
        let n = 600;
        let x: Vec<f64> = (0..2 * n).map(|_| rng.standard_normal()).collect();
        let y: Vec<f64> = (0..n).map(|k| (k % 2) as f64).collect();
        let order: Vec<usize> = (0..n).collect();
        let mut trainer = Trainer::new(&mlp, batch);
        // Batches of 300 exceed one chunk of 256 samples: the chunking must not allocate either.
        COUNTED.with(|c| c.set(true));
        let before = ALLOCATIONS.load(Ordering::SeqCst);
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
        let after = ALLOCATIONS.load(Ordering::SeqCst);
        COUNTED.with(|c| c.set(false));
        assert_eq!(
            after - before,
            0,
            "{sizes:?}, batch {batch}: {} allocations in 100 steps",
            after - before
        );
    }
}

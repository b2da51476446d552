//! Profile one benchmark workload: `cargo run --release --example prof -- 2-16-16-16-1 [baseline]`.
use initlab::bench::{Implementation, Workload, SAMPLES_PER_STEP};

fn main() {
    let arch = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "2-16-16-16-1".into());
    let implementation = match std::env::args().nth(2).as_deref() {
        Some("baseline") => Implementation::Baseline,
        _ => Implementation::Engine,
    };
    let mut workload = Workload::new(&arch, implementation);
    let steps = 200_000;
    let start = std::time::Instant::now();
    let last = workload.run(steps);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{arch} {implementation:?}: {:.0} samples/s (last loss {last})",
        (steps * SAMPLES_PER_STEP) as f64 / secs
    );
}

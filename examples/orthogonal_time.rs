//! How long one orthogonal layer takes to draw (its QR), natively, for the widths that set
//! `init::orthogonal::MAX_UNITS`: `cargo run --release --example orthogonal_time`.
//! Prints the CPU time the thread got (Linux's schedstat), which a busy machine does not
//! inflate, and the wall time. The wasm figures come from `make bench` (scripts/bench-wasm.mjs).

use initlab::init::orthogonal;
use initlab::rng::Rng;
use std::time::Instant;

mod common;
use common::cpu_ns;

fn main() {
    for n in [64, 256, 1024] {
        let repeats = if n > 256 { 3 } else { 20 };
        let mut rng = Rng::seed_from(1);
        let mut wall = f64::INFINITY;
        // schedstat advances at scheduling events: its mean over the repeats, not its minimum.
        let start_cpu = cpu_ns();
        for _ in 0..repeats {
            let start = Instant::now();
            let w = orthogonal::draw(n, n, 1.0, &mut rng);
            wall = wall.min(start.elapsed().as_secs_f64() * 1e3);
            assert_eq!(w.len(), n * n);
        }
        let cpu = (cpu_ns() - start_cpu) / 1e6 / repeats as f64;
        println!(
            "orthogonal {n} × {n}: {cpu:.2} ms CPU (mean), {wall:.2} ms wall (best of {repeats})"
        );
    }
    // A whole experiment at the page's widest network: the 8 QRs, and LSUV's passes on top.
    for init in ["normal", "orthogonal", "lsuv"] {
        let query = format!("init={init}&layers=256,256,256,256,256,256,256,256");
        let (config, _) = initlab::Config::from_query(&query);
        let start_cpu = cpu_ns();
        let experiment = initlab::Experiment::new(&config).expect("a valid config");
        let cpu = (cpu_ns() - start_cpu) / 1e6;
        assert_eq!(experiment.steps_done(), 0);
        println!("Experiment::new, {query}: {cpu:.1} ms CPU");
    }
}

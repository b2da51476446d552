//! `make bench`, native half: samples per second of the fast engine and of the plain
//! baseline, in the same process, on the same workloads. Writes target/bench-native.json.

use initlab::bench::{Implementation, Workload, ARCHS, SAMPLES_PER_STEP};
use std::time::{Duration, Instant};

/// Samples per second over at least `budget` of wall time, after a warm-up.
fn samples_per_second(arch: &str, implementation: Implementation, budget: Duration) -> f64 {
    let mut workload = Workload::new(arch, implementation);
    std::hint::black_box(workload.run(200));
    let mut steps = 0usize;
    let mut batch = 100;
    let start = Instant::now();
    while start.elapsed() < budget {
        std::hint::black_box(workload.run(batch));
        steps += batch;
        batch = (batch * 2).min(20_000);
    }
    (steps * SAMPLES_PER_STEP) as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    // `cargo bench` passes "--bench"; nothing else is expected.
    let budget = Duration::from_millis(1500);
    let mut json = Vec::new();
    println!("native throughput (samples/s: forward + backward + update, batch 10, lr 0.03)");
    for arch in ARCHS {
        let engine = samples_per_second(arch, Implementation::Engine, budget);
        let baseline = samples_per_second(arch, Implementation::Baseline, budget);
        println!(
            "  {arch:>14}: engine {engine:>12.0}  baseline {baseline:>12.0}  engine/baseline {:>5.2}x",
            engine / baseline
        );
        json.push(format!(
            "\"{arch}\": {{\"engine\": {engine:.0}, \"baseline\": {baseline:.0}}}"
        ));
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-native.json");
    std::fs::write(&out, format!("{{{}}}\n", json.join(", ")))
        .expect("write target/bench-native.json");
    println!("wrote {}", out.display());
}

//! `make bench`, native half: samples per second of the fast engine and of the plain
//! baseline, in the same process, on the same workloads. Writes target/bench-native.json.

use initlab::bench::{
    macs_per_sample, Implementation, Workload, ARCHS, DIGITS_ARCHS, DIGITS_BATCHES,
};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The CPU time this thread has run so far (Linux's /proc/thread-self/schedstat), or else the
/// wall time since the first call. On the shared build machine the wall clock also counts the
/// time other guests take from our CPU; the wasm half (scripts/bench-wasm.mjs) measures CPU
/// time too, so the two halves compare like with like.
fn clock() -> Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    let on_cpu = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok());
    match on_cpu {
        Some(ns) => Duration::from_nanos(ns),
        None => START.get_or_init(Instant::now).elapsed(),
    }
}

/// Rounds in which the engine and the baseline are timed in turn, so that both see the same
/// machine; each figure is the median of its rounds.
const ROUNDS: usize = 5;

/// Samples per second of `workload` over at least `budget` of CPU time.
fn samples_per_second(workload: &mut Workload, budget: Duration) -> f64 {
    let mut steps = 0usize;
    let mut batch = 100;
    let start = clock();
    while clock() - start < budget {
        std::hint::black_box(workload.run(batch));
        steps += batch;
        batch = (batch * 2).min(20_000);
    }
    (steps * workload.samples_per_step()) as f64 / (clock() - start).as_secs_f64()
}

/// The engine's and the baseline's samples per second on the workload `make` builds, after a
/// warm-up.
fn time_pair(make: impl Fn(Implementation) -> Workload, budget: Duration) -> (f64, f64) {
    let mut workloads = [Implementation::Engine, Implementation::Baseline].map(|implementation| {
        let mut workload = make(implementation);
        std::hint::black_box(workload.run(200));
        workload
    });
    let mut rates = [Vec::new(), Vec::new()];
    for _ in 0..ROUNDS {
        for (workload, rates) in workloads.iter_mut().zip(&mut rates) {
            rates.push(samples_per_second(workload, budget / ROUNDS as u32));
        }
    }
    let median = |mut xs: Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    };
    let [engine, baseline] = rates;
    (median(engine), median(baseline))
}

fn main() {
    // `cargo bench` passes "--bench"; nothing else is expected.
    let budget = Duration::from_millis(1500);
    let mut json = Vec::new();
    println!(
        "native throughput (samples/s: forward + backward + update, lr 0.03; 2-D nets at batch 10)"
    );
    let mut report = |name: String, (engine, baseline): (f64, f64)| {
        println!(
            "  {name:>16}: engine {engine:>12.0}  baseline {baseline:>12.0}  engine/baseline {:>5.2}x",
            engine / baseline
        );
        json.push(format!(
            "\"{name}\": {{\"engine\": {engine:.0}, \"baseline\": {baseline:.0}}}"
        ));
    };
    for arch in ARCHS {
        report(
            arch.to_string(),
            time_pair(|i| Workload::new(arch, i), budget),
        );
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let digits = std::fs::read(root.join(initlab::digits::FILE)).expect("read data/digits.bin");
    println!("softmax on the digits' 1,438 training images (issue #20), by batch size:");
    for arch in DIGITS_ARCHS {
        for batch in DIGITS_BATCHES {
            let make = |i| Workload::digits(arch, batch, &digits, i).expect("a digits workload");
            let rates = time_pair(make, budget);
            let gmacs = |rate: f64| rate * macs_per_sample(arch).unwrap_or(0) as f64 / 1e9;
            report(format!("{arch} b{batch}"), rates);
            let (engine, baseline) = (gmacs(rates.0), gmacs(rates.1));
            println!(
                "  {:>14}  GMAC/s: engine {engine:.2}, baseline {baseline:.2}",
                ""
            );
        }
    }
    let out = root.join("target/bench-native.json");
    std::fs::write(&out, format!("{{{}}}\n", json.join(", ")))
        .expect("write target/bench-native.json");
    println!("wrote {}", out.display());
}

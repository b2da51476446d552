//! Profile `Experiment::snapshot` at 8 × 64 on xor, and at 6 tanh layers of 64 on the digits
//! (data/digits.bin), in CPU time: `cargo run --release --example snapshot`.
use initlab::{Config, Experiment};

mod common;
use common::cpu_ns;

/// Mean CPU milliseconds of `runs` snapshots of `exp`.
fn time_snapshots(exp: &mut Experiment, runs: usize) -> f64 {
    let t = cpu_ns();
    for _ in 0..runs {
        std::hint::black_box(exp.snapshot());
    }
    (cpu_ns() - t) / runs as f64 * 1e-6
}

fn main() {
    let config = Config::default()
        .with_changes([("layers", "64,64,64,64,64,64,64,64")])
        .unwrap();
    let mut exp = Experiment::new(&config).unwrap();
    println!(
        "snapshot at 8×64 (xor): {:.3} ms",
        time_snapshots(&mut exp, 300)
    );

    let bytes = std::fs::read(initlab::digits::FILE).expect("run from the repository's root");
    initlab::digits::install(&bytes).expect("the committed digits file");
    let config = Config::default()
        .with_changes([("data", "digits"), ("layers", "64,64,64,64,64,64")])
        .unwrap();
    let mut exp = Experiment::new(&config).unwrap();
    let measured = exp.data().measured().len();
    let ms = time_snapshots(&mut exp, 100);
    println!("snapshot at 6×64 (digits, {measured} measured training images): {ms:.3} ms");
    let t = cpu_ns();
    for _ in 0..20 {
        exp.step(10);
    }
    let per_step = (cpu_ns() - t) / 200.0 * 1e-6;
    println!("step at 6×64 (digits, batch 10, history every 10): {per_step:.3} ms");
}

//! Profile `Experiment::snapshot` at 8 × 64: `cargo run --release --example snapshot`.
use initlab::{Config, Experiment};
fn main() {
    let config = Config::default()
        .with_changes([("layers", "64,64,64,64,64,64,64,64")])
        .unwrap();
    let mut exp = Experiment::new(&config).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..300 {
        std::hint::black_box(exp.snapshot());
    }
    println!(
        "snapshot at 8×64: {:.3} ms",
        t.elapsed().as_secs_f64() / 300.0 * 1e3
    );
}

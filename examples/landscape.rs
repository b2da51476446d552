//! Time `Experiment::landscape` at n = 41, span 1 (the page's defaults otherwise), and show the
//! zero-init lesson's grid: `cargo run --release --example landscape`.
use initlab::{Config, Experiment};

fn time(changes: &[(&str, &str)], n: usize, runs: u32) -> f64 {
    let config = Config::default()
        .with_changes(changes.iter().copied())
        .unwrap();
    let mut exp = Experiment::new(&config).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..runs {
        std::hint::black_box(exp.landscape(n, 1.0).unwrap());
    }
    t.elapsed().as_secs_f64() / runs as f64 * 1e3
}

fn main() {
    println!(
        "landscape n=41 at the defaults: {:.1} ms",
        time(&[], 41, 10)
    );
    println!(
        "landscape n=21 at the defaults: {:.1} ms",
        time(&[], 21, 10)
    );
    println!(
        "landscape n=21 at 8×64: {:.1} ms",
        time(&[("layers", "64,64,64,64,64,64,64,64")], 21, 2)
    );
    let config = Config::default()
        .with_changes([("init", "zeros"), ("data", "xor4"), ("act", "tanh")])
        .unwrap();
    let grid = Experiment::new(&config).unwrap().landscape(7, 1.0).unwrap();
    println!("zero init, tanh, xor4 (L − ln 2, rows along β):");
    for row in grid.rows() {
        let shown: Vec<String> = row
            .iter()
            .map(|l| format!("{:+.2e}", l - grid.center_loss))
            .collect();
        println!("  {}", shown.join(" "));
    }
}

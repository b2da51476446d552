//! Time one animation frame's engine work natively: 10 steps, then a snapshot and a decision grid.
//! `cargo run --release --example frame -- 64,64,64,64,64,64,64,64`
use initlab::{Config, Experiment};
use std::time::Instant;

fn main() {
    let layers = std::env::args().nth(1).unwrap_or_else(|| "8,8".into());
    let config = Config::default()
        .with_changes([("layers", layers.as_str())])
        .unwrap();
    let mut exp = Experiment::new(&config).unwrap();
    let frames = 200;
    let (mut steps, mut snap, mut grid) = (0.0, 0.0, 0.0);
    for _ in 0..frames {
        let t = Instant::now();
        exp.step(10);
        steps += t.elapsed().as_secs_f64();
        let t = Instant::now();
        std::hint::black_box(exp.snapshot());
        snap += t.elapsed().as_secs_f64();
        let t = Instant::now();
        std::hint::black_box(exp.decision_grid(64));
        grid += t.elapsed().as_secs_f64();
    }
    let ms = |x: f64| x / frames as f64 * 1e3;
    println!(
        "layers {layers}: per frame steps {:.3} ms, snapshot {:.3} ms, grid(64²) {:.3} ms",
        ms(steps),
        ms(snap),
        ms(grid)
    );
}

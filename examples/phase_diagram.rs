//! Time the phase diagram's 60 × 60 fixed points (σ_w from 0.1 to 4, to 10 for sigmoid;
//! σ_b² from 0 to 0.3), natively: `cargo run --release --example phase_diagram [cold|warm]`
//! `[tanh|sigmoid|relu]` (both modes, every activation by default). On a busy machine,
//! wall-clock times mislead: run one mode and one activation under `/usr/bin/time` and divide
//! its user time by 21 (the first diagram builds the grids, then 20 are timed).
use initlab::activation::Activation;
use initlab::mean_field::{diagram_fixed_point, fixed_point};

/// One 60 × 60 diagram; returns the sum of the finite ξ_c so nothing is optimised away.
/// With `warm`, as the page: each pixel's Newton search for q* starts at its neighbour's q*,
/// on the diagram's coarser grids.
fn diagram(act: Activation, top: f64, warm: bool) -> f64 {
    let mut sum = 0.0;
    for i in 0..60 {
        let sigma_w = 0.1 + (top - 0.1) * i as f64 / 59.0;
        let mut q_guess = f64::NAN;
        for j in 0..60 {
            let sigma_b = (0.3 * j as f64 / 59.0).sqrt();
            let point = if warm {
                diagram_fixed_point(act, sigma_w, sigma_b, q_guess, 0)
            } else {
                fixed_point(act, sigma_w, sigma_b, 1.0, 0.5)
            };
            q_guess = point.q_star;
            if point.xi_c.is_finite() {
                sum += point.xi_c;
            }
        }
    }
    sum
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let modes: Vec<bool> = match args.first().map(String::as_str) {
        Some("cold") => vec![false],
        Some("warm") => vec![true],
        _ => vec![false, true],
    };
    let only = args.get(1).and_then(|name| Activation::from_name(name));
    let runs = 20;
    for (act, top) in [
        (Activation::Tanh, 4.0),
        (Activation::Sigmoid, 10.0),
        (Activation::Relu, 4.0),
    ] {
        if only.is_some_and(|only| only != act) {
            continue;
        }
        diagram(act, top, false); // builds the shared grids once
        for &warm in &modes {
            let t = std::time::Instant::now();
            for _ in 0..runs {
                std::hint::black_box(diagram(act, top, warm));
            }
            let ms = t.elapsed().as_secs_f64() / runs as f64 * 1e3;
            let start = if warm {
                "neighbour's q*"
            } else {
                "σ_w² + σ_b²"
            };
            println!(
                "{act:?}: 60 × 60 fixed points in {ms:.1} ms (Newton from {start}; {runs} runs)"
            );
        }
    }
}

//! Time the phase diagram's 60 × 60 fixed points (σ_w from 0.1 to 4, to 10 for sigmoid;
//! σ_b² from 0 to 0.3), natively: `cargo run --release --example phase_diagram`.
use initlab::activation::Activation;
use initlab::mean_field::fixed_point;

/// One 60 × 60 diagram; returns the sum of the finite ξ_c so nothing is optimised away.
fn diagram(act: Activation, top: f64) -> f64 {
    let mut sum = 0.0;
    for i in 0..60 {
        let sigma_w = 0.1 + (top - 0.1) * i as f64 / 59.0;
        for j in 0..60 {
            let sigma_b = (0.3 * j as f64 / 59.0).sqrt();
            let xi = fixed_point(act, sigma_w, sigma_b, 1.0, 0.5).xi_c;
            if xi.is_finite() {
                sum += xi;
            }
        }
    }
    sum
}

fn main() {
    for (act, top) in [
        (Activation::Tanh, 4.0),
        (Activation::Sigmoid, 10.0),
        (Activation::Relu, 4.0),
    ] {
        diagram(act, top); // builds the shared grids once
        let runs = 5;
        let t = std::time::Instant::now();
        for _ in 0..runs {
            std::hint::black_box(diagram(act, top));
        }
        let ms = t.elapsed().as_secs_f64() / runs as f64 * 1e3;
        println!("{act:?}: 60 × 60 fixed points in {ms:.1} ms");
    }
}

//! How long the orthogonal-depth lesson's spectra take natively (A orthogonal, B Gaussian, 32
//! linear layers of 64): `cargo run --release --example spectrum_time`. Prints the thread's
//! CPU time (Linux's schedstat), which a busy machine does not inflate.

use initlab::lessons::SPECTRUM_POINT;
use initlab::spectrum::spectrum;

mod common;
use common::cpu_ns;

fn main() {
    let setup = initlab::lessons::settings::ORTHOGONAL_DEPTH;
    let (config, _) = initlab::Config::from_query(setup.query);
    let pair = initlab::compare::Comparison::new(&config).expect("the lesson's settings");
    let sides = [
        ("A", pair.a()),
        ("B", pair.b().expect("the lesson compares")),
    ];
    for (name, e) in sides {
        let repeats = 10;
        let start = cpu_ns();
        for _ in 0..repeats {
            let s = spectrum(e.mlp(), &e.data().train, SPECTRUM_POINT).expect("a spectrum");
            assert_eq!(s.singular.len(), 64);
        }
        let cpu = (cpu_ns() - start) / 1e6 / repeats as f64;
        println!("{name}: {cpu:.2} ms CPU per spectrum (mean of {repeats})");
    }
}

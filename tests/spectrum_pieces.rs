//! The Jacobian's spectrum in pieces (`SpectrumWork`, src/spectrum.rs "In pieces"): the page
//! spreads the orthogonal-depth lesson's spectra over animation frames, and what it shows must
//! be the spectrum, bit for bit, whatever the size of the pieces and whatever training does
//! between them.

mod common;
use common::experiment;
use initlab::compare::Comparison;
use initlab::lessons::{settings::ORTHOGONAL_DEPTH, SPECTRUM_POINT};
use initlab::spectrum::{spectrum, Spectrum, SpectrumError, SpectrumWork};
use initlab::{Config, Experiment};

/// The spectrum of `e` at point 0 in pieces of `work` multiply-adds; also how many calls.
fn in_pieces(e: &Experiment, work: f64) -> (Spectrum, usize) {
    let mut pending = SpectrumWork::start(e.mlp(), &e.data().train, 0).expect("a spectrum");
    let mut calls = 1;
    while !pending.advance(work) {
        calls += 1;
        assert!(calls < 1_000_000, "never finished in pieces of {work}");
    }
    (pending.finish(), calls)
}

/// The lesson's A (orthogonal) and B (LeCun's Gaussian): 32 linear layers of 64.
fn lesson_pair() -> Comparison {
    let (config, notices) = Config::from_query(ORTHOGONAL_DEPTH.query);
    assert!(notices.is_empty(), "{notices:?}");
    Comparison::new(&config).expect("the lesson's settings")
}

/// FNV-1a over the singular values' bits.
fn checksum(s: &Spectrum) -> u64 {
    s.singular.iter().fold(0xcbf2_9ce4_8422_2325, |h, v| {
        (h ^ v.to_bits()).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn a_spectrum_in_pieces_equals_the_spectrum_in_one_call() {
    let pair = lesson_pair();
    let mut tanh = experiment(&[("layers", &["64"; 12].join(",")), ("act", "tanh")]);
    tanh.step(25);
    let sides = [pair.a(), pair.b().expect("the lesson compares"), &tanh];
    for (k, e) in sides.into_iter().enumerate() {
        let whole = spectrum(e.mlp(), &e.data().train, SPECTRUM_POINT).expect("a spectrum");
        // A rotation or a factor per piece, a few thousand multiply-adds, a frame's worth, all.
        for work in [1.0, 5e3, 3e6, f64::INFINITY] {
            let (spread, calls) = in_pieces(e, work);
            assert_eq!(spread, whole, "network {k}, pieces of {work}");
            if work == 1.0 {
                // Every factor of the product, then every pair of every sweep, one a call.
                assert!(calls > whole.depth + 64 * 63 / 2, "{calls} calls");
            } else if work.is_infinite() {
                assert_eq!(calls, 1);
            }
        }
    }
}

#[test]
fn training_between_pieces_leaves_the_spectrum_of_the_weights_it_started_from() {
    let mut e = experiment(&[("layers", &["64"; 16].join(",")), ("act", "tanh")]);
    e.step(5);
    let before = spectrum(e.mlp(), &e.data().train, 0).expect("a spectrum");
    let mut pending = SpectrumWork::start(e.mlp(), &e.data().train, 0).expect("a spectrum");
    let mut pieces = 0;
    while !pending.advance(2e5) {
        e.step(1);
        pieces += 1;
    }
    assert!(pieces > 10, "{pieces} pieces");
    assert_eq!(pending.finish(), before);
    let after = spectrum(e.mlp(), &e.data().train, 0).expect("a spectrum");
    assert_ne!(
        after, before,
        "the steps between the pieces moved the weights"
    );
}

#[test]
fn the_lessons_spectra_keep_their_bits_from_before_the_pieces() {
    // The checksums of seed 1's spectra as the whole computation gave them before it could be
    // split (commit bb6bef2): the pieces changed no sum's order.
    let pair = lesson_pair();
    let of =
        |e: &Experiment| spectrum(e.mlp(), &e.data().train, SPECTRUM_POINT).expect("a spectrum");
    let sums = [checksum(&of(pair.a())), checksum(&of(pair.b().expect("B")))];
    assert_eq!(sums, [0x49f0_3e37_a178_a391, 0x08e6_8f43_76ff_8b43]);
}

#[test]
fn what_has_no_spectrum_is_refused_before_any_piece() {
    let e = experiment(&[("layers", "64")]);
    let refused = SpectrumWork::start(e.mlp(), &e.data().train, 0).map(drop);
    assert_eq!(refused, Err(SpectrumError::TooShallow { hidden: 1 }));
}

//! `make bench`'s digits workloads (issue #20 §5): they train the real digits alike in the
//! engine and the baseline, count the multiply-adds the GMAC/s figures use, and refuse
//! a shape, batch or file that cannot be the digits with a sentence that says which.

use initlab::bench::{
    macs_per_sample, DigitsWorkloadError, Implementation, Workload, DIGITS_ARCHS, DIGITS_BATCHES,
};
use initlab::digits::{self, DigitsError};

fn digits_file() -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(digits::FILE))
        .expect("read data/digits.bin")
}

#[test]
fn digits_workloads_train_alike_in_engine_and_baseline() {
    // As for the synthetic workload (tests/softmax.rs): finite, and f32 follows f64 on the
    // first weight within the drift of 100 steps (1e-3 relative).
    let bytes = digits_file();
    for arch in DIGITS_ARCHS {
        for batch in DIGITS_BATCHES {
            let make = |i| Workload::digits(arch, batch, &bytes, i).expect("a digits workload");
            let (mut engine, mut plain) =
                (make(Implementation::Engine), make(Implementation::Baseline));
            assert_eq!(engine.samples_per_step(), batch);
            let (e, p) = (engine.run(100), plain.run(100));
            assert!(e.is_finite() && p.is_finite(), "{arch} b{batch}");
            assert!(
                (e - p).abs() <= 1e-3 * p.abs().max(1e-2),
                "{arch} b{batch}: {e} vs {p}"
            );
        }
    }
}

#[test]
fn multiply_adds_are_three_per_weight() {
    // The "about 4 GMAC/s" is 25 × 16,000 samples/s × this count at 64-32-32-10.
    assert_eq!(
        macs_per_sample("64-32-32-10"),
        Some(3 * (64 * 32 + 32 * 32 + 32 * 10))
    );
    assert_eq!(
        macs_per_sample("64-64-64-10"),
        Some(3 * (64 * 64 * 2 + 64 * 10))
    );
    assert_eq!(macs_per_sample("64-x-10"), None);
}

#[test]
fn a_workload_that_cannot_be_the_digits_is_refused_with_its_reason() {
    let bytes = digits_file();
    let build = |arch: &str, batch: usize, bytes: &[u8]| {
        Workload::digits(arch, batch, bytes, Implementation::Engine).err()
    };
    for arch in ["2-8-8-1", "64-32-2", "63-32-10", "64-0-10", "banana"] {
        let error = build(arch, 10, &bytes).expect("refused");
        assert_eq!(error, DigitsWorkloadError::Arch(arch.to_string()));
        assert!(error.to_string().contains("64 inputs"), "{error}");
    }
    for batch in [0, 1439] {
        let error = build("64-10", batch, &bytes).expect("refused");
        assert_eq!(error, DigitsWorkloadError::Batch { batch, train: 1438 });
    }
    assert!(build("64-10", 1438, &bytes).is_none(), "a full batch fits");
    let error = build("64-10", 10, b"<html>").expect("refused");
    assert_eq!(error, DigitsWorkloadError::File(DigitsError::NotDigits));
    assert_eq!(error.to_string(), DigitsError::NotDigits.to_string());
}

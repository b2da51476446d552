//! The handwritten digits (issue #20): the committed file is the one its hash names, it holds
//! UCI's test set, its split is fixed, stratified and complete, its inputs are centred by the
//! training mean, and every kind of broken file is refused with its own sentence.

use initlab::digits::{
    self, stratified_split, train_share, Digits, DigitsError, CLASSES, HEADER_BYTES, IMAGES,
    PIXELS, RECORD_BYTES, SPLIT_SEED,
};
use sha2::{Digest, Sha256};
use std::path::Path;

fn repository_file(path: &str) -> Vec<u8> {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()))
}

fn committed_bytes() -> Vec<u8> {
    repository_file(digits::FILE)
}

fn committed() -> Digits {
    Digits::parse(&committed_bytes()).expect("the committed digits file parses")
}

/// The file's SHA-256 in hex, by RustCrypto's `sha2` (a dev-dependency only: the page checks
/// its download with the browser's SubtleCrypto, so the wasm carries no hashing code).
fn sha256_hex(message: &[u8]) -> String {
    Sha256::digest(message)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[test]
fn committed_file_is_the_one_its_committed_hash_names() {
    let actual = sha256_hex(&committed_bytes());
    assert_eq!(
        actual,
        digits::SHA256,
        "digits::SHA256 is not the file's hash"
    );
    // data/digits.sha256 is what scripts/digits.py wrote, in sha256sum's format.
    let line = String::from_utf8(repository_file("data/digits.sha256")).unwrap();
    assert_eq!(line, format!("{actual}  digits.bin\n"));
}

#[test]
fn file_holds_ucis_1797_test_images_with_174_to_183_per_class() {
    let bytes = committed_bytes();
    let digits = committed();
    assert_eq!(digits.len(), IMAGES);
    assert_eq!(bytes.len(), HEADER_BYTES + IMAGES * RECORD_BYTES);
    let counts = digits.class_counts();
    assert_eq!(counts.iter().sum::<usize>(), IMAGES);
    assert!(counts.iter().all(|c| (174..=183).contains(c)), "{counts:?}");
    // Round trip: the header and the parsed images, written back, are the file byte for byte.
    let mut written = bytes[..HEADER_BYTES].to_vec();
    for i in 0..digits.len() {
        written.extend_from_slice(digits.image(i));
        written.push(digits.label(i) as u8);
    }
    assert!(
        written == bytes,
        "the parsed images do not write back to the file"
    );
}

#[test]
fn every_class_is_in_both_splits_80_20_within_one_image() {
    let digits = committed();
    let split = digits.split();
    let (mut train, mut test) = ([0usize; CLASSES], [0usize; CLASSES]);
    split.train.y.iter().for_each(|&c| train[c] += 1);
    split.test.y.iter().for_each(|&c| test[c] += 1);
    for (c, n) in digits.class_counts().into_iter().enumerate() {
        assert_eq!(train[c] + test[c], n, "class {c}");
        assert!(test[c] >= 1, "class {c} has no test image");
        let off = train[c] as f64 - 0.8 * n as f64;
        assert!(off.abs() <= 1.0, "class {c}: {} of {n} train", train[c]);
    }
    // Within one image per class of 80 % of the whole: 1437.6 ± 10.
    let off = split.train.len() as f64 - 0.8 * IMAGES as f64;
    assert!(off.abs() <= CLASSES as f64, "{} train", split.train.len());
    println!(
        "digits split: {} train, {} test; train per class {train:?}, test {test:?}",
        split.train.len(),
        split.test.len()
    );
}

#[test]
fn train_share_rounds_eight_tenths_to_the_nearest_image() {
    for n in 0..=1000 {
        let exact = 0.8 * n as f64;
        assert!((train_share(n) as f64 - exact).abs() < 0.5, "n = {n}");
    }
}

#[test]
fn split_is_disjoint_and_covers_all_1797_images() {
    let digits = committed();
    let split = digits.split();
    let mut seen = vec![0u8; IMAGES];
    for &i in split.train.source.iter().chain(&split.test.source) {
        seen[i] += 1;
    }
    assert!(
        seen.iter().all(|&n| n == 1),
        "an image is missing or in both sides"
    );
    // Each row's label is the label of the image it came from.
    for side in [&split.train, &split.test] {
        assert_eq!(side.x.len(), side.len() * PIXELS);
        for (row, &i) in side.source.iter().enumerate() {
            assert_eq!(side.y[row], digits.label(i));
        }
    }
}

#[test]
fn split_is_fixed_by_its_own_constant_not_by_an_experiment_seed() {
    let digits = committed();
    let fixed = digits.split_indices();
    assert_eq!(fixed, stratified_split(digits.labels(), SPLIT_SEED));
    // The seed matters: the experiment's seeds (the lessons use 0 to 10) would each give
    // another split, so the equality above is what keeps restarts and A/B on one split.
    for seed in (0..=10).filter(|&s| s != SPLIT_SEED) {
        assert_ne!(
            stratified_split(digits.labels(), seed),
            fixed,
            "seed {seed}"
        );
    }
    // Two parses of the file give the same images, bit for bit.
    assert_eq!(committed().split(), digits.split());
}

#[test]
fn inputs_lie_in_minus_one_one_and_the_training_mean_of_every_pixel_is_zero() {
    let digits = committed();
    let split = digits.split();
    for side in [&split.train, &split.test] {
        assert!(side.x.iter().all(|x| (-1.0..=1.0).contains(x)));
    }
    let n = split.train.len() as f64;
    for pixel in 0..PIXELS {
        let mean: f64 = (0..split.train.len())
            .map(|row| split.train.input(row)[pixel])
            .sum::<f64>()
            / n;
        assert!(mean.abs() <= 1e-9, "pixel {pixel}: training mean {mean}");
    }
    // The test images are centred with the training mean, not their own: adding it back
    // gives pixel/16, and the test set's own mean is not zero everywhere.
    for (row, &i) in split.test.source.iter().enumerate() {
        for (pixel, (&x, &raw)) in split
            .test
            .input(row)
            .iter()
            .zip(digits.image(i))
            .enumerate()
        {
            let scaled = f64::from(raw) / 16.0;
            assert!((x + split.train_mean[pixel] - scaled).abs() <= 1e-12);
        }
    }
    let test_mean = |pixel: usize| {
        (0..split.test.len())
            .map(|row| split.test.input(row)[pixel])
            .sum::<f64>()
            / split.test.len() as f64
    };
    assert!((0..PIXELS).any(|p| test_mean(p).abs() > 1e-3));
}

/// The committed file with `change` applied to its bytes.
fn broken(change: impl FnOnce(&mut Vec<u8>)) -> DigitsError {
    let mut bytes = committed_bytes();
    change(&mut bytes);
    Digits::parse(&bytes).expect_err("a broken file must be refused")
}

#[test]
fn each_broken_file_is_refused_with_its_own_sentence() {
    let pixel = |image: usize, pixel: usize| HEADER_BYTES + image * RECORD_BYTES + pixel;
    let cases = [
        (
            broken(|b| b[0] = b'<'),
            "does not start with the letters DIGITS",
        ),
        (broken(|b| b[6] = 2), "format version 2"),
        (broken(|b| b[7] = 7), "7×8 images"),
        (
            broken(|b| b[9..11].copy_from_slice(&1796u16.to_le_bytes())),
            "announces 1796 images",
        ),
        (
            broken(|b| b.truncate(b.len() - 1)),
            "cut short: 116815 bytes of the 116816",
        ),
        (broken(|b| b.push(0)), "1 more than its 1797 images need"),
        (
            broken(|b| b[pixel(5, 12)] = 17),
            "pixel 12 of image 5 in the digits file is 17",
        ),
        (
            broken(|b| b[pixel(9, PIXELS)] = 10),
            "image 9 in the digits file has the label 10",
        ),
        (broken(|b| b.truncate(4)), "cut short: 4 bytes"),
        (
            Digits::parse(b"<!doctype html>").unwrap_err(),
            "not the digits file",
        ),
    ];
    for (error, words) in &cases {
        let message = error.to_string();
        assert!(message.contains(words), "{message:?} should say {words:?}");
    }
    // The first eight are the eight kinds of error, each with its own id for the page.
    let mut ids: Vec<&str> = cases[..8].iter().map(|(e, _)| e.id()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 8, "two kinds of error share an id: {ids:?}");
}

#[test]
fn install_keeps_the_first_good_file_and_refuses_a_broken_one_without_losing_it() {
    let mut corrupt = committed_bytes();
    corrupt[0] = b'X';
    // A broken download is refused in words and installs nothing…
    assert_eq!(
        initlab::digits::install(&corrupt).err(),
        Some(DigitsError::NotDigits)
    );
    // …the committed file installs, and is what `installed` gives from then on.
    let kept = initlab::digits::install(&committed_bytes()).expect("the committed file reads");
    assert_eq!(kept, &committed());
    assert_eq!(initlab::digits::installed(), Some(kept));
    // A later call returns the digits already kept, whatever bytes it is given.
    let again = initlab::digits::install(&committed_bytes()).unwrap();
    assert!(std::ptr::eq(again, kept));
}

#[test]
fn a_broken_files_sentence_is_its_message_template_with_every_placeholder_filled() {
    // The page words these in the learner's language from the id and its arguments
    // (`installDigits` throws both), so the English must come from the same template.
    let errors = [
        broken(|b| b[0] = b'<'),
        broken(|b| b[6] = 2),
        broken(|b| b[7] = 7),
        broken(|b| b[9..11].copy_from_slice(&1796u16.to_le_bytes())),
        broken(|b| b.truncate(b.len() - 1)),
        broken(|b| b.push(0)),
        broken(|b| b[HEADER_BYTES + 12] = 17),
        broken(|b| b[HEADER_BYTES + PIXELS] = 10),
    ];
    for error in &errors {
        let text = error.text();
        assert_eq!(text.id, error.id());
        let template = initlab::error::english(text.id);
        assert!(
            initlab::error::MESSAGES
                .iter()
                .any(|(id, _)| *id == text.id),
            "{} is not in MESSAGES",
            text.id
        );
        let mut placeholders: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        placeholders.sort_unstable();
        placeholders.dedup();
        let mut names: Vec<&str> = text.args.keys().collect();
        names.sort_unstable();
        assert_eq!(placeholders, names, "{}", text.id);
        assert_eq!(error.to_string(), text.english());
        assert!(!error.to_string().contains('{'), "{error}");
    }
}

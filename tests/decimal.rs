//! `initlab::decimal::parse_f64` reads numbers exactly as `str::parse::<f64>` does.
//!
//! The page reads every number of a link with it instead of `str::parse` (which carries a
//! 20 KB table into the wasm), so a shared link must give the same f64, bit for bit. The
//! oracle is the standard library's own parser, which rounds correctly:
//! - random text in the number alphabet: the same acceptance and the same bits;
//! - every kind of f64 printed back (`{}`, `{:e}`, fixed precisions): the same f64;
//! - the exact midpoints between two neighbouring f64s, and the numbers just above and just
//!   below them, hundreds of digits long: ties go to the even neighbour, the rest to the
//!   nearer one.

use initlab::decimal::parse_f64;
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, TestRunner};

/// Both parsers agree: both refuse, or both give the same bits (any NaN for NaN).
fn agrees(text: &str) -> Result<(), TestCaseError> {
    let ours = parse_f64(text);
    let std = text.parse::<f64>().ok();
    match (ours, std) {
        (None, None) => Ok(()),
        (Some(a), Some(b)) if a.is_nan() && b.is_nan() => Ok(()),
        (Some(a), Some(b)) if a.to_bits() == b.to_bits() => Ok(()),
        _ => Err(TestCaseError::fail(format!(
            "{text:?}: ours {ours:?}, str::parse {std:?}"
        ))),
    }
}

fn run<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(RunnerConfig {
        cases,
        failure_persistence: None,
        ..RunnerConfig::default()
    });
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
}

#[test]
fn hand_picked_text_agrees_with_str_parse() {
    let cases = [
        // The grammar's edges.
        "", "+", "-", ".", "e", "e5", ".e5", "1e", "1e+", "1e-", "1.", ".5", "+.5", "-5.", "1.e5",
        "1..5", "1.5.", "1e5.", "1e5e5", "--1", "+-1", " 1", "1 ", "1_000", "0x10", "١", "1é",
        "inf", "-inf", "+INF", "Infinity", "-infinity", "infinit", "infinityy", "nan", "NaN",
        "-nan", "+nan", "nan1", "in", "0", "-0", "+0", "0.0", "-0e999", "00000.00000", "0e0",
        // Exponents far out of range, and huge mantissas.
        "1e400", "1e-400", "1e99999999999999999999", "1e-99999999999999999999",
        "0.000000000000000000000000000000000001e36",
        // Around the subnormals and f64::MAX.
        "4.9e-324", "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
        // Famously hard roundings, and the fast path's edges.
        "9007199254740993", "9007199254740992.5", "1e23", "8.98846567431158e307",
        "0.1", "0.2", "0.30000000000000004", "123456789012345", "1234567890123456",
        "1e22", "1e-22", "1e23", "123456789012345e22", "0.03", "1e-3", "400",
    ];
    for text in cases {
        agrees(text).unwrap();
    }
}

#[test]
fn digits_beyond_the_800th_still_round_correctly() {
    // 1 + 2^-53 is the midpoint between 1 and the next f64: a tie, to even (1.0). Any
    // nonzero digit after it, however far, rounds up.
    let half_ulp = format!("{:.53}", f64::EPSILON / 2.0); // 0.000…0111…125, exact
    let tie = half_ulp.replacen("0.", "1.", 1);
    assert!(tie.ends_with("203125"), "{tie}");
    assert_eq!(parse_f64(&tie), Some(1.0));
    let above = format!("{tie}{}1", "0".repeat(2000));
    assert_eq!(parse_f64(&above), Some(1.0f64.next_up()));
    let below = format!("{}4{}", &tie[..tie.len() - 1], "9".repeat(2000));
    assert_eq!(parse_f64(&below), Some(1.0));
    for text in [tie.to_string(), above, below] {
        agrees(&text).unwrap();
    }
}

/// Text made of what numbers are made of, often but not always well formed.
fn number_like() -> impl Strategy<Value = String> {
    let digits = |max: usize| {
        proptest::collection::vec(0u8..10, 0..max)
            .prop_map(|d| d.iter().map(|d| char::from(b'0' + d)).collect::<String>())
    };
    let well_formed = (
        prop_oneof![Just(""), Just("-"), Just("+")],
        digits(25),
        prop_oneof![Just(""), Just(".")],
        digits(25),
        prop_oneof![Just(""), Just("e"), Just("E-"), Just("e+")],
        prop_oneof![digits(4), (0i32..400).prop_map(|e| e.to_string())],
    )
        .prop_map(|(s, i, p, f, e, x)| format!("{s}{i}{p}{f}{e}{x}"));
    let junk = proptest::collection::vec(
        proptest::sample::select(b"0123456789.eE+-infatyINF ".to_vec()),
        0..12,
    )
    .prop_map(|b| String::from_utf8(b).unwrap());
    prop_oneof![4 => well_formed, 1 => junk]
}

#[test]
fn random_text_agrees_with_str_parse() {
    run(20_000, number_like(), |text| agrees(&text));
}

#[test]
fn every_kind_of_f64_reads_back_as_itself() {
    let any_finite = any::<u64>()
        .prop_map(f64::from_bits)
        .prop_filter("finite", |x| x.is_finite());
    run(20_000, any_finite, |x| {
        for text in [
            format!("{x}"),
            format!("{x:e}"),
            format!("{x:.3e}"),
            format!("{x:.16e}"),
            format!("{x:.25e}"),
        ] {
            agrees(&text)?;
        }
        prop_assert_eq!(
            parse_f64(&format!("{x}")).map(f64::to_bits),
            Some(x.to_bits())
        );
        Ok(())
    });
}

/// The decimal digits of `x × 10^1100`, an integer for every f64 (they are multiples of
/// 2^-1074), without its point: `{:.1100}` prints every f64 exactly.
fn scaled_digits(x: f64) -> Vec<u8> {
    format!("{x:.1100}")
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// (a + b) / 2 of two digit strings of the same length, when the sum is even.
fn mean(a: &[u8], b: &[u8]) -> Vec<u8> {
    let width = a.len().max(b.len()) + 1;
    let pad = |d: &[u8]| {
        let mut v = vec![0; width - d.len()];
        v.extend_from_slice(d);
        v
    };
    let (a, b) = (pad(a), pad(b));
    let mut sum = vec![0u8; width];
    let mut carry = 0;
    for i in (0..width).rev() {
        let s = a[i] + b[i] + carry;
        sum[i] = s % 10;
        carry = s / 10;
    }
    let mut remainder = 0;
    for d in &mut sum {
        let v = remainder * 10 + *d;
        *d = v / 2;
        remainder = v % 2;
    }
    assert_eq!(
        remainder, 0,
        "the sum of two neighbours' scaled digits is even"
    );
    sum
}

fn text(digits: &[u8], exponent: i32) -> String {
    let digits: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    format!("{digits}e{exponent}")
}

#[test]
fn midpoints_between_neighbours_round_to_even_and_their_neighbours_to_the_nearer() {
    // Positive finite f64s below f64::MAX (whose next neighbour is infinity), biased
    // toward the subnormals, the binade edges and the top.
    let positive = prop_oneof![
        (1u64..0x7fef_ffff_ffff_ffff).prop_map(f64::from_bits),
        (1u64..(1 << 53)).prop_map(f64::from_bits),
        (1u64..2046).prop_map(|e| f64::from_bits(e << 52).next_down()),
    ];
    run(1_500, positive, |z| {
        let up = z.next_up();
        let mid = mean(&scaled_digits(z), &scaled_digits(up));
        let even = if z.to_bits() & 1 == 0 { z } else { up };
        prop_assert_eq!(parse_f64(&text(&mid, -1100)), Some(even));
        // 10·mid + 1 and 10·mid − 1, at one more decimal place.
        let mut above = mid.clone();
        above.push(1);
        prop_assert_eq!(parse_f64(&text(&above, -1101)), Some(up));
        let mut below = mid.clone();
        let last = below.iter().rposition(|&d| d != 0).unwrap();
        below[last] -= 1;
        for d in &mut below[last + 1..] {
            *d = 9;
        }
        below.push(9);
        prop_assert_eq!(parse_f64(&text(&below, -1101)), Some(z));
        for t in [text(&mid, -1100), text(&above, -1101), text(&below, -1101)] {
            agrees(&t)?;
        }
        Ok(())
    });
}

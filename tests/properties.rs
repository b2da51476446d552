//! Property tests: rules that must hold for *every* input, checked on thousands of random
//! inputs here and on millions by `make fuzz`.
//!
//! Why: hand-picked examples missed defects that random inputs found at once. A link with two
//! conflicting keys lost *all* its keys, a NaN loss was not flagged as divergence, σ = 5e-324
//! was accepted, and truncation intervals far in a tail (mass below 1e-12) were refused although
//! the sampler draws from them exactly. The properties:
//!
//! 1. **Any query string** opens a page: `Config::from_query` never panics, its config
//!    validates, and that config's own link (`to_query`) reads back to it with no notices.
//! 2. **A link loses only what is wrong with it**: a key that is refused, or dropped to resolve
//!    a conflict, is named by a notice; every other key has the link's value and every key the
//!    link does not give keeps its default (or its preset's value). Sharper: a jointly valid
//!    link plus one hostile pair gives exactly the valid link's config and exactly one notice.
//! 3. **Any valid config trains honestly**: a snapshot that is not flagged as diverged holds
//!    only finite numbers, the loss history is always finite, and `reset()` replays the run
//!    bit for bit. However its steps are split into calls (with or without snapshots between
//!    them), a run diverges at the same step, the first that is not finite, with the same weights.
//! 4. **Any accepted truncation samples inside its bounds**, with finite moments; and every
//!    truncation within range that is not absurdly narrow is accepted, however far in a tail.
//!
//! Case counts come from `INITLAB_FUZZ_CASES` (the cheap properties, default 3000) and
//! `INITLAB_FUZZ_RUNS` (the training runs, default 300). Each property prints one line with
//! its case count and speed. A failure prints proptest's minimal input as a query string (the
//! inputs' `Debug` is the link itself). Failures are not persisted to files: the minimal
//! inputs found so far are replayed by the named regression tests at the end of this file.

mod common;
use common::non_finite_paths;
use initlab::config::presets::PRESETS;
use initlab::config::KEYS as ALL_KEYS;

/// Every key but `lesson`: a lesson resets every other key, which this model of links does
/// not follow (tests/lessons.rs covers the lessons' links, overrides and bad ids).
static KEYS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    ALL_KEYS
        .iter()
        .copied()
        .filter(|k| *k != "lesson")
        .collect()
});
use initlab::init::Distribution;
use initlab::rng::Rng;
use initlab::{Config, Experiment};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config as RunnerConfig, TestCaseError, TestError, TestRunner};
use std::cell::Cell;
use std::fmt;
use std::time::Instant;

// ---------------------------------------------------------------------------------------
// Running a property
// ---------------------------------------------------------------------------------------

/// A case count from the environment, or `default`.
fn env_count(var: &str, default: u32) -> u32 {
    match std::env::var(var) {
        Ok(text) => text
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{var}={text:?} is not a whole number")),
        Err(_) => default,
    }
}

/// Cases for the properties that cost microseconds each (parsing, sampling).
fn cheap_cases() -> u32 {
    env_count("INITLAB_FUZZ_CASES", 3000)
}

/// Cases for the property that trains a network in each case.
fn training_runs() -> u32 {
    env_count("INITLAB_FUZZ_RUNS", 300)
}

/// Check `property` on `cases` inputs drawn from `strategy`, print one timing line, and on a
/// failure panic with proptest's minimal failing input (whose `Debug` is a query string).
fn check<S>(
    name: &str,
    cases: u32,
    strategy: S,
    property: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: fmt::Debug,
{
    let mut runner = TestRunner::new(RunnerConfig {
        cases,
        failure_persistence: None,
        // Strategies filter out invalid configs; allow that at any case count.
        max_global_rejects: cases.saturating_mul(2).max(1024),
        max_local_rejects: cases.saturating_mul(100).max(65_536),
        // Shrinking a failure found after a million cases must still end.
        max_shrink_time: 120_000,
        ..RunnerConfig::default()
    });
    let passed = Cell::new(0u64);
    let start = Instant::now();
    let result = runner.run(&strategy, |input| {
        property(input)?;
        passed.set(passed.get() + 1);
        Ok(())
    });
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{name}: {} cases passed in {seconds:.2} s ({:.0} cases/s)",
        passed.get(),
        passed.get() as f64 / seconds.max(1e-9)
    );
    match result {
        Ok(()) => {}
        Err(TestError::Fail(why, minimal)) => {
            panic!("{name} failed: {why}\nminimal failing input: {minimal:?}")
        }
        Err(TestError::Abort(why)) => panic!("{name} aborted: {why}"),
    }
}

// ---------------------------------------------------------------------------------------
// Links: (key, value) pairs and the query string that encodes them
// ---------------------------------------------------------------------------------------

/// How a pair is written into the query.
#[derive(Clone, Copy, Debug)]
enum Encoding {
    /// Only the characters the parser would otherwise misread are escaped (`% & = + ? #`).
    Minimal,
    /// Everything but unreserved ASCII is escaped, and spaces are written as `+`.
    Reserved,
    /// Every byte is escaped, letters and digits too, with lowercase hex.
    Everything,
}

/// One `key=value` pair of a link, decoded (what the parser must recover).
#[derive(Clone, Debug)]
struct Pair {
    key: String,
    value: String,
    encoding: Encoding,
}

/// A link: its pairs, and the query string that encodes them exactly.
#[derive(Clone)]
struct Link {
    pairs: Vec<Pair>,
    text: String,
}

impl Link {
    /// The query for `pairs`, optionally with a leading `?` and empty `&&` segments.
    fn new(pairs: Vec<Pair>, question_mark: bool, empty_segments: bool) -> Link {
        let mut text = String::new();
        if question_mark {
            text.push('?');
        }
        for (k, pair) in pairs.iter().enumerate() {
            if k > 0 {
                text.push_str(if empty_segments { "&&" } else { "&" });
            }
            text.push_str(&encode(&pair.key, pair.encoding));
            text.push('=');
            text.push_str(&encode(&pair.value, pair.encoding));
        }
        Link { pairs, text }
    }

    /// The value of the last occurrence of `key`, if the link gives it.
    fn last(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|p| p.key == key)
            .map(|p| p.value.as_str())
    }
}

/// The link as it would be pasted, so a minimal failing input reads as a query string.
impl fmt::Debug for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.text)
    }
}

/// Percent-encode `text` so that the query parser decodes it back exactly.
fn encode(text: &str, encoding: Encoding) -> String {
    let mut out = String::new();
    for (k, b) in text.bytes().enumerate() {
        let unreserved = b.is_ascii_alphanumeric() || b"-_.~,".contains(&b);
        match encoding {
            Encoding::Minimal if !b"%&=+?#".contains(&b) => {
                // Copy whole UTF-8 characters: only start a char at a char boundary.
                if text.is_char_boundary(k) {
                    let c = text[k..].chars().next().unwrap();
                    out.push(c);
                }
            }
            Encoding::Reserved if unreserved => out.push(b as char),
            Encoding::Reserved if b == b' ' => out.push('+'),
            Encoding::Everything => out.push_str(&format!("%{b:02x}")),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A number as a link writes it: plain when short, else in exponent form (both read back exactly).
fn num(x: f64) -> String {
    let plain = format!("{x}");
    if plain.len() <= 12 {
        plain
    } else {
        format!("{x:e}")
    }
}

/// A number rounded to `digits` significant digits, in exponent form: short minimal inputs.
fn rounded(x: f64, digits: usize) -> String {
    let text = format!("{x:.*e}", digits.saturating_sub(1));
    num(text.parse().unwrap())
}

// ---------------------------------------------------------------------------------------
// Strategies for keys and values
// ---------------------------------------------------------------------------------------

/// Names some key accepts, plus near misses: any key may be given any of them.
#[rustfmt::skip]
const NAMES: &[&str] = &[
    "tanh", "relu", "sigmoid", "linear", "xor4", "xor", "circles", "spiral", "gauss", "zeros",
    "constant", "uniform", "normal", "truncnormal", "manual", "lecun", "glorot", "he", "sigma",
    "abs", "bce", "mse", "init", "none", "true", "false", "", " tanh ", "Tanh", "gelu", "moons",
    "xavier",
];

/// Numbers at the edges of f64 parsing and of every range the config checks.
#[rustfmt::skip]
const EDGE_NUMBERS: &[&str] = &[
    "0", "-0", "1", "0.5", "1e-300", "5e-324", "1e308", "1.8e308", "NaN", "nan", "inf", "-inf",
    "infinity", "-3", "9007199254740991", "9007199254740992", "2.5", "100", "101", "10",
    "10.000001", "11", "1e-9", "9.99e-10", "0.9999999", "5000", "5001", "9", "-2", "2", "8", "40",
    "41", "-40", "-41", "-1000", "1000", "1000.0001", "0.001", "-0.001", "+5", " 3 ", "1e3",
    "0x10", "1_000", ".5", "5.", "1e", "--1", "٣",
];

/// A single character a hostile link might hold: URL syntax, hex digits, letters, anything.
fn junk_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => select(vec!['&', '=', '%', '+', '?', '#', ' ', ',', '.', '-', 'e', ';']),
        3 => select("0123456789abcdefABCDEF".chars().collect::<Vec<_>>()),
        2 => proptest::char::range('a', 'z'),
        1 => any::<char>(),
    ]
}

/// A string of junk, usually short, sometimes thousands of characters.
fn junk() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::collection::vec(junk_char(), 0..24),
        1 => proptest::collection::vec(junk_char(), 0..4000),
    ]
    .prop_map(|chars| chars.into_iter().collect())
}

/// A number as text: edge values, any f64, huge digit strings, or a value in `lo..hi`.
fn number_in(lo: f64, hi: f64) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (lo..hi).prop_map(|x| rounded(x, 3)),
        2 => (lo.round() as i64..=hi.round() as i64).prop_map(|n| n.to_string()),
        2 => select(EDGE_NUMBERS).prop_map(str::to_string),
        1 => any::<f64>().prop_map(num),
        1 => (1usize..400, any::<bool>()).prop_map(|(n, fraction)| if fraction {
            format!("0.{}1", "0".repeat(n))
        } else {
            "9".repeat(n)
        }),
    ]
}

/// A number drawn log-uniformly from [lo, hi] (both > 0), rounded to 3 digits.
fn log_uniform(lo: f64, hi: f64) -> impl Strategy<Value = String> {
    (lo.ln()..=hi.ln()).prop_map(|ln| rounded(ln.exp(), 3))
}

/// Hidden layer lists, valid and not: `8,8`, `0`, `257`, nine layers, `8,,8`, ` 4 , 4`.
fn layer_list() -> impl Strategy<Value = String> {
    let join = |widths: Vec<usize>| {
        widths
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    prop_oneof![
        6 => proptest::collection::vec(1usize..=40, 1..=4).prop_map(join),
        1 => proptest::collection::vec(0usize..=300, 0..=10).prop_map(join),
        1 => select(vec!["8,,8", " 4 , 4", "8;8", "-1", "1.5", "256", "257", ","])
            .prop_map(str::to_string),
    ]
}

/// One of `names`, as an owned string.
fn one_of(names: &'static [&'static str]) -> BoxedStrategy<String> {
    select(names).prop_map(str::to_string).boxed()
}

/// Preset names (each one the config knows), `none`, and near misses.
fn preset_name() -> BoxedStrategy<String> {
    let mut names: Vec<String> = PRESETS.iter().map(|p| p.name.to_string()).collect();
    names.extend(["none", "", "torch", "TORCH-LINEAR", "keras"].map(String::from));
    select(names).boxed()
}

/// Values that make sense for `key` (mostly in range, some not).
fn plausible_value(key: &str) -> BoxedStrategy<String> {
    match key {
        "preset" => preset_name(),
        "init" => one_of(&[
            "zeros",
            "constant",
            "uniform",
            "normal",
            "truncnormal",
            "orthogonal",
            "lsuv",
        ]),
        "scale" => one_of(&["manual", "lecun", "glorot", "he"]),
        "bounds" => one_of(&["sigma", "abs"]),
        "correct" | "shortcut" => one_of(&["0", "1", "true", "false", "2"]),
        "act" => one_of(&["sigmoid", "tanh", "relu", "linear"]),
        "data" => one_of(&["xor4", "xor", "circles", "spiral", "gauss"]),
        "loss" => one_of(&["bce", "mse"]),
        "layers" => layer_list().boxed(),
        "bias" => prop_oneof![1 => Just("init".to_string()), 3 => number_in(-2.0, 2.0)].boxed(),
        "const" | "lo" | "hi" => number_in(-5.0, 5.0).boxed(),
        "jitter" => number_in(-0.1, 1.0).boxed(),
        "bsigma" => number_in(-0.1, 11.0).boxed(),
        "gain" | "sigma" => prop_oneof![log_uniform(1e-10, 200.0), number_in(0.0, 3.0)].boxed(),
        "points" => number_in(0.0, 6000.0).boxed(),
        "batch" => number_in(0.0, 100.0).boxed(),
        "noise" | "momentum" => number_in(-0.2, 1.2).boxed(),
        "lr" => prop_oneof![log_uniform(1e-5, 20.0), number_in(-1.0, 11.0)].boxed(),
        "seed" => number_in(-10.0, 1e17).boxed(),
        _ => junk().boxed(),
    }
}

/// Any value for `key`: mostly plausible for it, else another key's name, an edge number or junk.
fn value_for(key: &str) -> BoxedStrategy<String> {
    prop_oneof![
        6 => plausible_value(key),
        1 => one_of(NAMES),
        1 => select(EDGE_NUMBERS).prop_map(str::to_string),
        1 => layer_list(),
        1 => junk(),
    ]
    .boxed()
}

/// Keys the config does not know: typos, case and space variants, junk.
fn unknown_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(vec!["foo", "LR", "lr ", " lr", "", "sigma2", "const_", "colour", "Preset"])
            .prop_map(str::to_string),
        1 => junk(),
    ]
    .prop_filter("a known key", |k| !KEYS.contains(&k.as_str()))
}

/// How a pair is encoded: usually minimally, sometimes fully.
fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        6 => Just(Encoding::Minimal),
        2 => Just(Encoding::Reserved),
        1 => Just(Encoding::Everything),
    ]
}

/// One pair: usually a known key with a value for it, sometimes an unknown key.
fn pair() -> impl Strategy<Value = Pair> {
    prop_oneof![
        10 => select(KEYS.to_vec()).prop_map(str::to_string),
        1 => unknown_key(),
    ]
    .prop_flat_map(|key| (value_for(&key), Just(key), encoding()))
    .prop_map(|(value, key, encoding)| Pair {
        key,
        value,
        encoding,
    })
}

/// A link of up to 12 pairs (keys may repeat), with or without `?` and empty segments.
fn link() -> impl Strategy<Value = Link> {
    (
        proptest::collection::vec(pair(), 0..12),
        any::<bool>(),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(pairs, question_mark, empty)| Link::new(pairs, question_mark, empty))
}

/// Any query string: a structured link, or arbitrary text full of URL syntax.
fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => link().prop_map(|l| l.text),
        1 => junk(),
        1 => proptest::collection::vec(
            prop_oneof![
                select(KEYS.to_vec()).prop_map(|k| format!("{k}=")),
                junk(),
                select(NAMES).prop_map(str::to_string),
                select(EDGE_NUMBERS).prop_map(str::to_string),
            ],
            0..10,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

// ---------------------------------------------------------------------------------------
// Property 1: any query string opens a valid page, and the page's link reads back to it
// ---------------------------------------------------------------------------------------

/// `from_query` returns a valid config that its own `to_query` reproduces with no notices.
fn query_round_trips(query: &str) -> Result<(), TestCaseError> {
    let (config, notices) = Config::from_query(query);
    if let Err(e) = config.validate() {
        return Err(TestCaseError::fail(format!(
            "from_query({query:?}) returned an invalid config ({e}); notices {notices:?}"
        )));
    }
    let link = config.to_query();
    let (again, notices_again) = Config::from_query(&link);
    prop_assert!(
        notices_again.is_empty(),
        "its own link {link:?} gives notices {notices_again:?}"
    );
    prop_assert_eq!(
        &again,
        &config,
        "its own link {:?} reads back to another config",
        link
    );
    Ok(())
}

#[test]
fn any_query_gives_a_valid_config_that_round_trips() {
    check(
        "any_query_gives_a_valid_config_that_round_trips",
        cheap_cases(),
        any_query(),
        |query| query_round_trips(&query),
    );
}

// ---------------------------------------------------------------------------------------
// Property 2: a link loses only what is wrong with it
// ---------------------------------------------------------------------------------------

/// Every key the notices do not name has the link's value (or, if the link does not give
/// it, its default or its preset's value); notices name only the link's keys, at most one per
/// pair, one per unknown key, and at most one for a key the link gives once.
fn keeps_every_key_not_named(link: &Link) -> Result<(), TestCaseError> {
    let (config, notices) = Config::from_query(&link.text);
    let context = || format!("link {:?} gave notices {notices:?}", link.text);
    let named = |key: &str| notices.iter().any(|n| n.field == key);
    let occurrences = |key: &str| link.pairs.iter().filter(|p| p.key == key).count();

    prop_assert!(
        notices.len() <= link.pairs.len(),
        "more notices than pairs: {}",
        context()
    );
    let unknown = link
        .pairs
        .iter()
        .filter(|p| !KEYS.contains(&p.key.as_str()))
        .count();
    let config_notices = notices.iter().filter(|n| n.field == "config").count();
    prop_assert_eq!(
        config_notices,
        unknown,
        "one notice per unknown key: {}",
        context()
    );
    for notice in notices.iter().filter(|n| n.field != "config") {
        prop_assert!(
            occurrences(notice.field) > 0,
            "a notice names {}, which the link does not give: {}",
            notice.field,
            context()
        );
        if occurrences(notice.field) == 1 {
            let count = notices.iter().filter(|n| n.field == notice.field).count();
            prop_assert!(
                count == 1,
                "{} notices name {}, which the link gives once: {}",
                count,
                notice.field,
                context()
            );
        }
    }

    // What the config must be: the defaults, then the preset (if kept), then every key that
    // no notice names, at its last value. Keys are independent apart from the preset, which
    // only ever comes first, so the order of the others does not matter.
    let mut expected = Config::default();
    let preset_kept = link.last("preset").is_some() && !named("preset");
    if preset_kept {
        let value = link.last("preset").unwrap();
        prop_assert!(
            expected.set("preset", value).is_ok(),
            "preset={value:?} is refused but no notice says so: {}",
            context()
        );
    }
    for key in KEYS.iter().filter(|k| **k != "preset") {
        if let (Some(value), false) = (link.last(key), named(key)) {
            let set = expected.set(key, value);
            prop_assert!(
                set.is_ok(),
                "{key}={value:?} is refused ({set:?}) but no notice says so: {}",
                context()
            );
        }
    }
    // If the preset was dropped or refused, the keys a preset sets may hold the defaults or
    // an earlier preset's values: those the link does not give itself are not checked.
    let set_by_a_preset = |key: &str| {
        link.pairs.iter().filter(|p| p.key == "preset").any(|p| {
            let mut with = Config::default();
            with.set("preset", &p.value).is_ok() && with.get(key) != Config::default().get(key)
        })
    };
    for key in KEYS.iter() {
        let unchecked =
            named(key) || (named("preset") && link.last(key).is_none() && set_by_a_preset(key));
        if !unchecked {
            prop_assert_eq!(
                config.get(key),
                expected.get(key),
                "key {} lost the link's value (or its default) though no notice names it; \
                 the config reads {:?}; {}",
                key,
                config.to_query(),
                context()
            );
        }
    }
    Ok(())
}

#[test]
fn a_link_loses_only_the_keys_its_notices_name() {
    check(
        "a_link_loses_only_the_keys_its_notices_name",
        cheap_cases(),
        link(),
        |link| keeps_every_key_not_named(&link),
    );
}

/// A value for `key` that the config accepts on its own (with some that conflict jointly).
fn good_value(key: &str) -> BoxedStrategy<String> {
    match key {
        // A lesson resets every other key, which this model of links does not follow: it
        // uses the value that opens none (tests/lessons.rs covers the lessons' links).
        "lesson" => one_of(&["none"]),
        "preset" => {
            let mut names: Vec<String> = PRESETS.iter().map(|p| p.name.to_string()).collect();
            names.push("none".into());
            select(names).boxed()
        }
        "init" => one_of(&[
            "zeros",
            "constant",
            "uniform",
            "normal",
            "truncnormal",
            "orthogonal",
            "lsuv",
        ]),
        "const" => (-3.0..3.0).prop_map(|x: f64| rounded(x, 3)).boxed(),
        "jitter" => prop_oneof![Just("0".to_string()), log_uniform(1e-4, 1.0)].boxed(),
        "bsigma" => prop_oneof![Just("0".to_string()), log_uniform(1e-3, 1.0)].boxed(),
        "scale" => one_of(&["manual", "lecun", "glorot", "he"]),
        "gain" => log_uniform(0.01, 10.0).boxed(),
        "sigma" => log_uniform(1e-3, 10.0).boxed(),
        "lo" => prop_oneof![
            (-3.0..0.0).prop_map(|x: f64| rounded(x, 3)),
            Just("8".into())
        ]
        .boxed(),
        "hi" => prop_oneof![
            (0.0..3.0).prop_map(|x: f64| rounded(x, 3)),
            Just("9".into())
        ]
        .boxed(),
        "bounds" => one_of(&["sigma", "abs"]),
        "correct" | "shortcut" => one_of(&["0", "1"]),
        "bias" => one_of(&["0", "init", "0.1", "-1"]),
        "act" => one_of(&["sigmoid", "tanh", "relu", "linear"]),
        // No hidden layer ("0") is good alone; with shortcut=1 it conflicts jointly.
        "layers" => prop_oneof![
            5 => proptest::collection::vec(1usize..=16, 1..=3).prop_map(|w| {
                w.iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            }),
            1 => Just("0".to_string()),
        ]
        .boxed(),
        "data" => one_of(&["xor4", "xor", "circles", "spiral", "gauss"]),
        "points" => (10u32..=5000).prop_map(|n| n.to_string()).boxed(),
        "noise" => (0.0..=1.0).prop_map(|x: f64| rounded(x, 2)).boxed(),
        "lr" => log_uniform(1e-4, 10.0).boxed(),
        "batch" => (1u32..=5000).prop_map(|n| n.to_string()).boxed(),
        "momentum" => (0.0..0.99).prop_map(|x: f64| rounded(x, 2)).boxed(),
        "loss" => one_of(&["bce", "mse"]),
        "seed" => (0u64..=9_007_199_254_740_991)
            .prop_map(|n| n.to_string())
            .boxed(),
        "vs" => one_of(&[
            "same",
            "init=zeros",
            "act=relu&bias=0.1",
            "preset=keras-he-normal",
            "sigma=0.5&scale=manual",
        ]),
        other => unreachable!("no good value for {other}"),
    }
}

/// A value `key` refuses whatever the other keys are: unreadable, or out of a range that is
/// checked on its own.
fn bad_value(key: &str) -> BoxedStrategy<String> {
    let unreadable = prop_oneof![
        select(vec![
            "abc", "", "NaN", "inf", "-inf", "1e999", "0x1", "1,5", "two"
        ])
        .prop_map(str::to_string),
        junk().prop_filter("a number", |s| s.trim().parse::<f64>().is_err()),
    ];
    match key {
        "preset" => one_of(&["torch", "TORCH-LINEAR", "keras", "bogus"]),
        "init" => one_of(&["he", "Normal", "gaussian", "zero"]),
        "scale" => one_of(&["xavier", "kaiming", "Manual", "sigma"]),
        "bounds" => one_of(&["sd", "relative", "Sigma", "absolute"]),
        "correct" | "shortcut" => one_of(&["2", "yes", "-1", "on", "0.5"]),
        "act" => one_of(&["gelu", "ReLU", "softmax", "he"]),
        "data" => one_of(&["moons", "XOR", "circle", "4"]),
        "loss" => one_of(&["hinge", "ce", "l2", "BCE"]),
        "layers" => one_of(&[
            "8,0",
            "0,0",
            "257",
            "8,,8",
            "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1",
            "65,1,1,1,1,1,1,1,1",
            "-8",
            "8.5",
            "",
            "x",
        ]),
        "bias" => prop_oneof![
            one_of(&["101", "-100.5", "1e3", "abc", "nan"]),
            unreadable.boxed()
        ]
        .boxed(),
        "points" => prop_oneof![
            one_of(&["9", "5001", "10.5", "0", "-10"]),
            unreadable.boxed()
        ]
        .boxed(),
        "noise" => prop_oneof![one_of(&["-0.1", "1.5", "2"]), unreadable.boxed()].boxed(),
        "jitter" => prop_oneof![one_of(&["-0.001", "100.5", "1e3"]), unreadable.boxed()].boxed(),
        "bsigma" => prop_oneof![one_of(&["-0.001", "10.5", "1e3"]), unreadable.boxed()].boxed(),
        "lr" => prop_oneof![
            one_of(&["0", "-0.03", "10.0001", "11", "1e308"]),
            unreadable.boxed()
        ]
        .boxed(),
        "batch" => prop_oneof![one_of(&["0", "0.5", "5001", "-1"]), unreadable.boxed()].boxed(),
        "momentum" => prop_oneof![one_of(&["1", "-0.1", "1.5"]), unreadable.boxed()].boxed(),
        "seed" => prop_oneof![
            one_of(&["-1", "0.5", "9007199254740992", "1e300"]),
            unreadable.boxed()
        ]
        .boxed(),
        "vs" => one_of(&[
            "bogus=1",
            "init=gaussian",
            "vs=same",
            "sigma=abc",
            "lr",
            "seed=-1",
        ]),
        // Ranges of these depend on other keys (init, scale): only unreadable values.
        _ => unreadable.boxed(),
    }
}

/// A jointly valid link (distinct keys, in random order) plus one hostile pair at a random place.
#[derive(Clone)]
struct Hostile {
    /// The valid part, as (key, value).
    valid: Vec<(String, String)>,
    /// The config the valid part gives on its own.
    config: Config,
    /// The key the hostile pair's notice must name (`config` for an unknown key).
    blamed: String,
    link: Link,
}

impl fmt::Debug for Hostile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} (the notice must name {})",
            self.link.text, self.blamed
        )
    }
}

/// A hostile pair: an unknown key with any value, or a known key with a value it refuses.
fn hostile_pair() -> impl Strategy<Value = (String, String, String)> {
    prop_oneof![
        1 => (unknown_key(), junk()).prop_map(|(k, v)| (k, v, "config".to_string())),
        4 => select(KEYS.to_vec())
            .prop_flat_map(|k| (Just(k), bad_value(k)))
            .prop_map(|(k, v)| (k.to_string(), v, k.to_string())),
    ]
}

/// See [`Hostile`]: the valid part never gives the hostile pair's key.
fn hostile_link() -> impl Strategy<Value = Hostile> {
    let valid_part = proptest::sample::subsequence(KEYS.to_vec(), 0..=KEYS.len())
        .prop_flat_map(|keys| {
            keys.into_iter()
                .map(|k| good_value(k).prop_map(move |v| (k.to_string(), v)))
                .collect::<Vec<_>>()
        })
        .prop_shuffle();
    (
        valid_part,
        hostile_pair(),
        any::<prop::sample::Index>(),
        encoding(),
    )
        .prop_filter_map(
            "the valid part is not jointly valid",
            |(pairs, (key, value, blamed), at, hostile_encoding)| {
                let valid: Vec<(String, String)> =
                    pairs.into_iter().filter(|(k, _)| *k != key).collect();
                let config = Config::default()
                    .with_changes(valid.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                    .ok()?;
                let mut all: Vec<Pair> = valid
                    .iter()
                    .map(|(k, v)| Pair {
                        key: k.clone(),
                        value: v.clone(),
                        encoding: Encoding::Minimal,
                    })
                    .collect();
                let at = at.index(all.len() + 1);
                all.insert(
                    at,
                    Pair {
                        key,
                        value,
                        encoding: hostile_encoding,
                    },
                );
                Some(Hostile {
                    valid,
                    config,
                    blamed,
                    link: Link::new(all, false, false),
                })
            },
        )
}

/// The valid part survives whole and the hostile pair gives exactly one notice, naming it.
fn one_hostile_pair_costs_one_notice(case: &Hostile) -> Result<(), TestCaseError> {
    let (config, notices) = Config::from_query(&case.link.text);
    prop_assert_eq!(notices.len(), 1, "{:?} gave notices {:?}", case, &notices);
    prop_assert_eq!(
        notices[0].field,
        case.blamed.as_str(),
        "{:?} gave notices {:?}",
        case,
        &notices
    );
    for (key, value) in &case.valid {
        prop_assert_eq!(
            config.get(key),
            case.config.get(key),
            "{:?}: {}={:?} from the valid part was lost (notices {:?})",
            case,
            key,
            value,
            &notices
        );
    }
    prop_assert_eq!(&config, &case.config, "{:?}: notices {:?}", case, &notices);
    Ok(())
}

#[test]
fn one_hostile_pair_in_a_valid_link_costs_exactly_one_notice() {
    check(
        "one_hostile_pair_in_a_valid_link_costs_exactly_one_notice",
        cheap_cases(),
        hostile_link(),
        |case| one_hostile_pair_costs_one_notice(&case),
    );
}

// ---------------------------------------------------------------------------------------
// Property 3: any valid config trains honestly and replays bit for bit
// ---------------------------------------------------------------------------------------

/// A small but wild training run: a valid config and rounds of steps, each followed by a snapshot.
#[derive(Clone)]
struct Run {
    config: Config,
    rounds: Vec<usize>,
}

impl fmt::Debug for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} stepped {:?}", self.config.to_query(), self.rounds)
    }
}

/// Init settings across every family and scale, with wild σ, gains, biases and bounds.
fn wild_init() -> impl Strategy<Value = Vec<(&'static str, String)>> {
    (
        one_of(&[
            "zeros",
            "constant",
            "uniform",
            "normal",
            "truncnormal",
            "orthogonal",
            "lsuv",
        ]),
        one_of(&["manual", "lecun", "glorot", "he"]),
        log_uniform(1e-9, 100.0),
        prop_oneof![
            log_uniform(1e-9, 100.0),
            one_of(&["1", "1.4142135623730951", "1.6666666666666667"])
        ],
        prop_oneof![
            one_of(&["0", "init", "0.1"]),
            (-100.0..=100.0).prop_map(|x: f64| rounded(x, 3))
        ],
        (-100.0..=100.0).prop_map(|x: f64| rounded(x, 3)),
        truncation_bounds(),
        one_of(&["sigma", "abs"]),
        one_of(&["0", "1"]),
    )
        .prop_map(
            |(init, scale, sigma, gain, bias, constant, (lo, hi), bounds, correct)| {
                vec![
                    ("init", init),
                    ("scale", scale),
                    ("sigma", sigma),
                    ("gain", gain),
                    ("bias", bias),
                    ("const", constant),
                    ("lo", lo),
                    ("hi", hi),
                    ("bounds", bounds),
                    ("correct", correct),
                ]
            },
        )
}

/// Network, data and optimiser settings: small networks, any data, learning rates up to 10.
fn wild_training() -> impl Strategy<Value = Vec<(&'static str, String)>> {
    (
        one_of(&["sigmoid", "tanh", "relu", "linear"]),
        // An empty list is no hidden layer (layers=0).
        proptest::collection::vec(1usize..=32, 0..=3),
        one_of(&["xor4", "xor", "circles", "spiral", "gauss"]),
        10u32..=200,
        prop_oneof![
            Just("0.1".to_string()),
            (0.0..=1.0).prop_map(|x: f64| rounded(x, 2))
        ],
        log_uniform(1e-4, 10.0),
        1u32..=50,
        one_of(&["0", "0.5", "0.9", "0.9999999"]),
        one_of(&["bce", "mse"]),
        prop_oneof![
            0u64..=20,
            0u64..=9_007_199_254_740_991,
            Just(9_007_199_254_740_991u64)
        ],
        one_of(&["0", "1"]),
    )
        .prop_map(
            |(act, layers, data, points, noise, lr, batch, momentum, loss, seed, shortcut)| {
                // A shortcut needs a hidden layer: none with layers=0.
                let shortcut = if layers.is_empty() {
                    "0".into()
                } else {
                    shortcut
                };
                let layers = if layers.is_empty() {
                    "0".to_string()
                } else {
                    layers
                        .iter()
                        .map(|n| n.to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                };
                vec![
                    ("act", act),
                    ("layers", layers),
                    ("data", data),
                    ("points", points.to_string()),
                    ("noise", noise),
                    ("lr", lr),
                    ("batch", batch.to_string()),
                    ("momentum", momentum),
                    ("loss", loss),
                    ("seed", seed.to_string()),
                    ("shortcut", shortcut),
                ]
            },
        )
}

/// A valid wild config (sometimes from a preset) and 1–5 rounds of 1–40 steps.
fn run() -> impl Strategy<Value = Run> {
    (
        prop::option::weighted(0.15, preset_name()),
        wild_init(),
        wild_training(),
        proptest::collection::vec(1usize..=40, 1..=5),
    )
        .prop_filter_map("invalid config", |(preset, init, training, rounds)| {
            let mut changes: Vec<(&str, String)> = Vec::new();
            if let Some(preset) = preset {
                // A preset sets the init keys; keep only the training ones with it.
                changes.push(("preset", preset));
            } else {
                changes.extend(init);
            }
            changes.extend(training);
            let config = Config::default()
                .with_changes(changes.iter().map(|(k, v)| (*k, v.as_str())))
                .ok()?;
            Some(Run { config, rounds })
        })
}

/// Step the run's rounds, checking each snapshot; returns what a replay must reproduce:
/// each snapshot's JSON and the parameters' bits after it.
fn train_and_check(
    run: &Run,
    exp: &mut Experiment,
) -> Result<Vec<(String, Vec<u32>)>, TestCaseError> {
    let mut seen = Vec::new();
    let mut steps_asked = 0;
    let mut first_divergence: Option<(usize, Option<usize>)> = None;
    for &k in &run.rounds {
        exp.step(k);
        steps_asked += k;
        let snapshot = exp.snapshot();
        let at = format!("{run:?}, snapshot after {steps_asked} steps");
        prop_assert_eq!(snapshot.diverged, snapshot.diverged_at.is_some(), "{}", at);
        if let Some(diverged_at) = snapshot.diverged_at {
            prop_assert!(
                diverged_at <= snapshot.step,
                "{at}: diverged_at {diverged_at} is after step {}",
                snapshot.step
            );
            // Training stops at the first non-finite number, and stays stopped.
            match first_divergence {
                None => first_divergence = Some((snapshot.step, snapshot.diverged_at)),
                Some(first) => prop_assert_eq!(
                    (snapshot.step, snapshot.diverged_at),
                    first,
                    "{}: training went on after diverging",
                    at
                ),
            }
        } else {
            prop_assert_eq!(snapshot.step, steps_asked, "{}: steps went missing", at);
            let nulls = non_finite_paths(&snapshot);
            prop_assert!(
                nulls.is_empty(),
                "{at}: not flagged as diverged, yet these are not finite: {nulls:?}"
            );
        }
        let history = &snapshot.history;
        let bad: Vec<f64> = (history.train.iter().chain(&history.test))
            .copied()
            .filter(|x| !x.is_finite())
            .collect();
        prop_assert!(bad.is_empty(), "{at}: the loss history holds {bad:?}");
        let json = serde_json::to_string(&snapshot).expect("a snapshot serialises");
        let bits = exp.mlp().params.iter().map(|p| p.to_bits()).collect();
        seen.push((json, bits));
    }
    Ok(seen)
}

/// Train, check every snapshot, then reset and check the replay is bit for bit the same.
fn trains_honestly_and_replays(run: &Run) -> Result<(), TestCaseError> {
    let mut exp = Experiment::new(&run.config).expect("the strategy keeps only valid configs");
    let first = train_and_check(run, &mut exp)?;
    let checksum = exp.history_checksum();
    exp.reset();
    prop_assert_eq!(exp.steps_done(), 0, "{:?}: reset did not restart", run);
    let replay = train_and_check(run, &mut exp)?;
    for (k, (a, b)) in first.iter().zip(&replay).enumerate() {
        prop_assert!(
            a.0 == b.0,
            "{run:?}: snapshot {k} differs on replay:\n{}\n{}",
            a.0,
            b.0
        );
        prop_assert!(
            a.1 == b.1,
            "{run:?}: parameters differ on replay after round {k}"
        );
    }
    prop_assert_eq!(exp.history_checksum(), checksum, "{:?}", run);
    Ok(())
}

#[test]
fn any_valid_config_trains_honestly_and_replays_bit_for_bit() {
    check(
        "any_valid_config_trains_honestly_and_replays_bit_for_bit",
        training_runs(),
        run(),
        |run| trains_honestly_and_replays(&run),
    );
}

// ---------------------------------------------------------------------------------------
// Property 3b: divergence is pinned to its step however the steps are split
// ---------------------------------------------------------------------------------------

/// One run cut two ways into pieces, each stepped in one call and then snapshotted or not.
#[derive(Clone)]
struct Splits {
    config: Config,
    first: Vec<(usize, bool)>,
    second: Vec<(usize, bool)>,
}

impl fmt::Debug for Splits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |pieces: &[(usize, bool)]| {
            let shown: Vec<String> = pieces
                .iter()
                .map(|&(n, look)| format!("{n}{}", if look { "+snapshot" } else { "" }))
                .collect();
            shown.join(", ")
        };
        write!(
            f,
            "{:?} stepped [{}] and [{}]",
            self.config.to_query(),
            show(&self.first),
            show(&self.second)
        )
    }
}

/// `pieces` cut or extended so that their steps add up to `total`.
fn cut_to(total: usize, pieces: Vec<(usize, bool)>) -> Vec<(usize, bool)> {
    let mut left = total;
    let mut cut = Vec::new();
    for (n, look) in pieces {
        if left == 0 {
            break;
        }
        cut.push((n.min(left), look));
        left -= n.min(left);
    }
    if left > 0 {
        cut.push((left, false));
    }
    cut
}

/// A wild valid config (the same as property 3's, where many runs diverge) and two ways to
/// split 1–150 steps into pieces of 1–40.
fn splits() -> impl Strategy<Value = Splits> {
    let pieces = || proptest::collection::vec((1usize..=40, any::<bool>()), 1..=12);
    (run(), 1usize..=150, pieces(), pieces()).prop_map(|(run, total, first, second)| Splits {
        config: run.config,
        first: cut_to(total, first),
        second: cut_to(total, second),
    })
}

/// A fresh run of `config` stepped piece by piece, and its snapshot at the end.
fn stepped(config: &Config, pieces: &[(usize, bool)]) -> (Experiment, String) {
    let mut exp = Experiment::new(config).expect("the strategy keeps only valid configs");
    for &(n, look) in pieces {
        exp.step(n);
        if look {
            exp.snapshot();
        }
    }
    let json = serde_json::to_string(&exp.snapshot()).expect("a snapshot serialises");
    (exp, json)
}

/// Both splits stop at the same step with the same weights and the same snapshot, and that
/// step is the first: the run stepped to the step before it has not diverged.
fn splits_agree(case: &Splits) -> Result<(), TestCaseError> {
    let (a, a_json) = stepped(&case.config, &case.first);
    let (b, b_json) = stepped(&case.config, &case.second);
    prop_assert_eq!(a.diverged_at(), b.diverged_at(), "{:?}", case);
    prop_assert_eq!(a.steps_done(), b.steps_done(), "{:?}", case);
    let bits =
        |exp: &Experiment| -> Vec<u32> { exp.mlp().params.iter().map(|p| p.to_bits()).collect() };
    prop_assert!(
        bits(&a) == bits(&b),
        "{case:?}: the final parameters differ"
    );
    prop_assert!(
        a_json == b_json,
        "{case:?}: the final snapshots differ:\n{a_json}\n{b_json}"
    );
    if let Some(at) = a.diverged_at() {
        prop_assert_eq!(
            a.steps_done(),
            at,
            "{:?}: the run went on after diverging",
            case
        );
        if at > 0 {
            let (before, _) = stepped(&case.config, &[(at - 1, true)]);
            prop_assert_eq!(
                before.diverged_at(),
                None,
                "{:?}: already diverged one step before {}",
                case,
                at
            );
        }
    }
    Ok(())
}

#[test]
fn any_split_of_a_run_diverges_at_the_same_step_with_the_same_weights() {
    check(
        "any_split_of_a_run_diverges_at_the_same_step_with_the_same_weights",
        training_runs(),
        splits(),
        |case| splits_agree(&case),
    );
}

// ---------------------------------------------------------------------------------------
// Property 4: truncated normals sample inside their bounds, and far tails are accepted
// ---------------------------------------------------------------------------------------

/// A width log-uniform in [1e-6, 10].
fn width() -> impl Strategy<Value = f64> {
    (1e-6f64.ln()..10f64.ln()).prop_map(|ln| ln.exp())
}

/// Truncation bounds (lo, hi), as text, with lo < hi except rarely: symmetric, far tails on
/// either side, narrow anywhere, one-sided to ±1000, arbitrary, and the classics.
fn truncation_bounds() -> impl Strategy<Value = (String, String)> {
    let pair = |lo: f64, hi: f64| (rounded(lo, 12), rounded(hi, 12));
    prop_oneof![
        2 => (1e-3..10.0f64).prop_map(move |x| pair(-x, x)),
        2 => (3.0..999.0f64, width(), any::<bool>()).prop_map(move |(a, w, negative)| {
            let (lo, hi) = (a, (a + w).min(1000.0));
            if negative { pair(-hi, -lo) } else { pair(lo, hi) }
        }),
        2 => (-1000.0..1000.0f64, width()).prop_map(move |(c, w)| pair(c, (c + w).min(1000.0))),
        1 => (-1000.0..1000.0f64, any::<bool>()).prop_map(move |(x, upper)| {
            if upper { pair(x, 1000.0) } else { pair(-1000.0, x) }
        }),
        1 => (-1000.0..1000.0f64, -1000.0..1000.0f64).prop_map(move |(a, b)| pair(a.min(b), a.max(b))),
        2 => select(vec![
            ("8", "9"), ("40", "41"), ("-41", "-40"), ("-0.001", "0.001"), ("-2", "2"),
            ("0", "1000"), ("999", "1000"), ("-1000", "-999"), ("-1000", "1000"), ("37", "37.000001"),
            ("0", "1e-6"), ("1", "1.0000000000000002"), ("2", "-2"), ("3", "3"),
        ])
        .prop_map(|(lo, hi)| (lo.to_string(), hi.to_string())),
    ]
}

/// A truncated normal init: bounds, units, correction, scale rule with σ or gain, layers, seed.
#[derive(Clone)]
struct Truncation {
    changes: Vec<(&'static str, String)>,
    seed: u64,
}

impl Truncation {
    /// The defaults with the changes set (all readable), not yet validated.
    fn config(&self) -> Config {
        let mut config = Config::default();
        for (key, value) in &self.changes {
            config
                .set(key, value)
                .expect("the strategy writes readable values");
        }
        config
    }

    /// The number one key was given, if it was given one.
    fn number(&self, key: &str) -> Option<f64> {
        let (_, value) = self.changes.iter().find(|(k, _)| *k == key)?;
        value.parse().ok()
    }
}

impl fmt::Debug for Truncation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pairs: Vec<String> = (self.changes.iter())
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        write!(f, "{:?} (sampled with seed {})", pairs.join("&"), self.seed)
    }
}

/// σ or a gain: mostly log-uniform over the config's range [1e-9, 100], sometimes an edge
/// value just inside or outside it (5e-324 once slipped through and made the bounds ±0).
fn scale_size() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => log_uniform(1e-9, 100.0),
        1 => select(vec![
            "5e-324", "1e-300", "1e-10", "9.99e-10", "1e-9", "100", "100.5", "1e300", "0", "-1",
        ])
        .prop_map(str::to_string),
    ]
}

/// See [`Truncation`].
fn truncation(
    bounds_units: &'static [&'static str],
    corrections: &'static [&'static str],
) -> impl Strategy<Value = Truncation> {
    (
        truncation_bounds(),
        one_of(bounds_units),
        one_of(corrections),
        one_of(&["manual", "lecun", "glorot", "he"]),
        scale_size(),
        proptest::collection::vec(1usize..=64, 1..=3),
        any::<u64>(),
    )
        .prop_map(|((lo, hi), bounds, correct, scale, size, layers, seed)| {
            let size_key = if scale == "manual" { "sigma" } else { "gain" };
            let layers = layers
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(",");
            Truncation {
                changes: vec![
                    ("init", "truncnormal".to_string()),
                    ("lo", lo),
                    ("hi", hi),
                    ("bounds", bounds),
                    ("correct", correct),
                    ("scale", scale),
                    (size_key, size),
                    ("layers", layers),
                ],
                seed,
            }
        })
}

/// If the config accepts the truncation: every layer's distribution is a truncated normal
/// with std > 0 and lo < hi; its draws are finite and inside its support; its mean and std
/// are finite, the mean inside the support; `fill` draws the same stream as `sample`.
fn samples_inside_bounds(case: &Truncation) -> Result<(), TestCaseError> {
    let Ok(spec) = case.config().validate() else {
        return Ok(()); // Refused: nothing to sample (the next property says what must be accepted).
    };
    for (fan_in, fan_out) in spec.fans() {
        let init =
            (spec.weights.for_layer(fan_in, fan_out)).expect("validate resolved every layer");
        let d = init.distribution;
        let (lo, hi) = d.support();
        let at = format!("{case:?}, layer {fan_in}→{fan_out}: {d:?}, support [{lo}, {hi}]");
        let Distribution::TruncatedNormal { std, lo: a, hi: b } = d else {
            return Err(TestCaseError::fail(format!("{at}: not a truncated normal")));
        };
        prop_assert!(std.is_finite() && std > 0.0 && a < b, "{at}: degenerate");
        let (mean, sd) = (d.mean(), d.std());
        prop_assert!(
            mean.is_finite() && sd.is_finite(),
            "{at}: mean {mean}, std {sd}"
        );
        prop_assert!(
            lo <= mean && mean <= hi,
            "{at}: mean {mean} outside the support"
        );
        prop_assert!(sd >= 0.0, "{at}: std {sd}");
        let mut rng = Rng::seed_from(case.seed);
        let one_by_one: Vec<f64> = (0..16).map(|_| d.sample(&mut rng)).collect();
        let mut filled = vec![0.0; 256];
        d.fill(&mut Rng::seed_from(case.seed), &mut filled);
        prop_assert!(
            (filled[..16].iter().zip(&one_by_one)).all(|(x, y)| x.to_bits() == y.to_bits()),
            "{at}: fill and sample draw different streams"
        );
        for &x in &filled {
            prop_assert!(x.is_finite() && lo <= x && x <= hi, "{at}: drew {x}");
        }
    }
    Ok(())
}

#[test]
fn accepted_truncations_sample_inside_their_bounds() {
    check(
        "accepted_truncations_sample_inside_their_bounds",
        cheap_cases(),
        truncation(&["sigma", "abs"], &["0", "1"]),
        |case| samples_inside_bounds(&case),
    );
}

/// Must every correct implementation accept this truncation? Yes if σ or the gain is within
/// the config's range [1e-9, 100] and lo < hi lie within ±1000 at least 1e-6 apart, in σ units
/// (with or without variance correction) or absolute without it. Absolute bounds with
/// correction may legitimately be unreachable, and bounds a few ulps apart legitimately too
/// narrow.
fn must_be_accepted(case: &Truncation) -> bool {
    let size = case.number("sigma").or(case.number("gain"));
    let (Some(lo), Some(hi), Some(size)) = (case.number("lo"), case.number("hi"), size) else {
        return false;
    };
    let absolute_corrected = case.config().bounds == "abs" && case.config().correct;
    (1e-9..=100.0).contains(&size)
        && (-1000.0..=1000.0).contains(&lo)
        && (-1000.0..=1000.0).contains(&hi)
        && hi - lo >= 1e-6
        && !absolute_corrected
}

/// A truncation that [`must_be_accepted`] validates, and the previous property holds for it.
fn accepted_and_inside(case: &Truncation) -> Result<(), TestCaseError> {
    prop_assume!(must_be_accepted(case));
    if let Err(e) = case.config().validate() {
        return Err(TestCaseError::fail(format!("{case:?} is refused: {e}")));
    }
    samples_inside_bounds(case)
}

#[test]
fn every_truncation_in_range_is_accepted_however_far_out() {
    check(
        "every_truncation_in_range_is_accepted_however_far_out",
        cheap_cases(),
        truncation(&["sigma", "sigma", "abs"], &["0", "1"]),
        |case| accepted_and_inside(&case),
    );
}

// ---------------------------------------------------------------------------------------
// Regressions: the minimal inputs the properties above found, replayed by name
// ---------------------------------------------------------------------------------------

/// The (key, value) pairs of a query written without percent-encoding.
fn plain_pairs(query: &str) -> Vec<(&str, &str)> {
    query
        .split('&')
        .map(|p| p.split_once('=').expect("key=value"))
        .collect()
}

/// A [`Link`] for a query written without percent-encoding.
fn plain_link(query: &str) -> Link {
    let pairs = plain_pairs(query)
        .into_iter()
        .map(|(key, value)| Pair {
            key: key.into(),
            value: value.into(),
            encoding: Encoding::Minimal,
        })
        .collect();
    let link = Link::new(pairs, false, false);
    assert_eq!(link.text, query);
    link
}

/// The run of a valid query stepped in `rounds`.
fn plain_run(query: &str, rounds: &[usize]) -> Run {
    let config = Config::default()
        .with_changes(plain_pairs(query))
        .expect("a valid query");
    Run {
        config,
        rounds: rounds.to_vec(),
    }
}

/// A [`Truncation`] for a query whose keys are config keys.
fn plain_truncation(query: &str, seed: u64) -> Truncation {
    let changes = plain_pairs(query)
        .into_iter()
        .map(|(key, value)| {
            let key = KEYS.iter().find(|k| **k == key).expect("a config key");
            (*key, value.to_string())
        })
        .collect();
    Truncation { changes, seed }
}

/// Panic with the property's message if it fails on this input.
fn holds(result: Result<(), TestCaseError>) {
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The old `from_query` reset the whole link when hi conflicted with the preset's lo (and
/// named lo, again and again, in more notices than the link had pairs).
#[test]
fn regression_a_conflict_costs_one_key_not_the_link() {
    holds(keeps_every_key_not_named(&plain_link(
        "preset=torch-trunc-normal&hi=-2",
    )));
}

/// The old `from_query` put a refused key back to the page default, not the preset's value.
#[test]
fn regression_a_refused_key_keeps_its_preset_value() {
    let valid = vec![("preset".to_string(), "playground".to_string())];
    let config = Config::from_query("preset=playground").0;
    holds(one_hostile_pair_costs_one_notice(&Hostile {
        valid,
        config,
        blamed: "bias".into(),
        link: plain_link("preset=playground&bias=101"),
    }));
}

/// A NaN loss (zero weights, huge bias, linear units) was recorded without flagging divergence.
#[test]
fn regression_a_nan_loss_is_flagged_as_divergence() {
    holds(trains_honestly_and_replays(&plain_run(
        "init=zeros&bias=-94.8&act=linear&layers=2,1&data=xor4&points=10&lr=0.0504&batch=3&momentum=0.5&seed=7",
        &[10],
    )));
}

/// Constant weights, linear units and momentum 0.9999999, one point per step: the network
/// overflows on points outside the batch between two records. Stepped 1 + 96 times, the run
/// was flagged only by the snapshot after step 97, though it had diverged by step 96.
#[test]
fn regression_divergence_between_records_is_pinned_to_its_step() {
    let config = plain_run(
        "init=constant&const=-16.8&scale=manual&lo=-0.001&hi=0.001&act=linear&layers=7&data=xor4&points=10&lr=1&batch=1&momentum=0.9999999&seed=3102847848122407",
        &[],
    )
    .config;
    holds(splits_agree(&Splits {
        config,
        first: vec![(1, false), (96, false)],
        second: vec![(97, true)],
    }));
}

/// σ = 5e-324 was accepted: the variance-corrected bounds became [inf, inf] and sampling
/// panicked. σ below the config's MIN_SCALE (1e-9) must be refused.
#[test]
fn regression_a_subnormal_sigma_is_refused() {
    let case = plain_truncation(
        "init=truncnormal&lo=3&hi=4&bounds=abs&correct=1&scale=manual&sigma=5e-324&layers=1",
        0,
    );
    holds(samples_inside_bounds(&case));
    let refused = case
        .config()
        .validate()
        .expect_err("σ = 5e-324 is accepted");
    assert_eq!(refused.field, "sigma");
}

/// [412σ, 413σ] was refused as holding "less than 1e-300" of the normal: the sampler is exact there.
#[test]
fn regression_a_far_tail_is_accepted() {
    holds(accepted_and_inside(&plain_truncation(
        "init=truncnormal&lo=412&hi=413&bounds=sigma&correct=0&scale=manual&sigma=1&layers=1",
        0,
    )));
}

/// The mean of N(0, 1e-18) cut to [1, 2] is 1 + 1e-18, which rounds to 1; it was computed as
/// 1σ·(1/σ) and came out one ulp below the lower bound, 0.9999999999999999.
#[test]
fn regression_a_far_tail_mean_lies_inside_the_bounds() {
    holds(samples_inside_bounds(&plain_truncation(
        "init=truncnormal&lo=1&hi=2&bounds=abs&correct=0&scale=manual&sigma=1e-9&layers=1",
        0,
    )));
}

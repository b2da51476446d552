//! The defects fuzzing found in the landed page, each replayed from the link that showed it.
//!
//! The rules they broke: a link loses only the keys that are wrong, and a snapshot that is not
//! diverged holds only finite numbers, with `diverged_at` the step where the first non-finite
//! number appeared (in a forward pass, a weight, a loss or a statistic).

mod common;
use common::{history_is_finite, non_finite_paths};
use initlab::{Config, Experiment};

/// The experiment a link opens (with the link's notices checked by the caller).
fn open(query: &str) -> (Experiment, Vec<initlab::ConfigError>) {
    let (config, notices) = Config::from_query(query);
    let experiment = Experiment::new(&config).expect("from_query returns a valid config");
    (experiment, notices)
}

/// Steps one at a time with a snapshot after each, as the page does frame by frame, and checks
/// the rule at every step. Returns the step at which the run diverged, if it did.
fn run_checking_every_step(query: &str, steps: usize) -> Option<usize> {
    let (mut exp, _) = open(query);
    for _ in 0..=steps {
        let snapshot = exp.snapshot();
        let bad = non_finite_paths(&snapshot);
        if snapshot.diverged {
            let at = snapshot.diverged_at.expect("a diverged run says when");
            assert!(
                at <= snapshot.step,
                "{query}: diverged at {at} after {}",
                snapshot.step
            );
            assert!(snapshot.history.train.iter().all(|x| x.is_finite()));
            return Some(at);
        }
        assert!(
            bad.is_empty(),
            "{query} at step {}: not diverged but {bad:?}",
            snapshot.step
        );
        exp.step(1);
    }
    None
}

// ---- 1. One bad key wiped out the whole link. ----

#[test]
fn hi_below_the_default_lo_drops_hi_and_keeps_the_rest_of_the_link() {
    let (config, notices) = Config::from_query("?init=truncnormal&hi=-3&data=spiral&layers=4");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].field, "hi");
    assert!(
        notices[0].message.contains("hi=-3"),
        "{}",
        notices[0].message
    );
    assert_eq!(
        (
            config.init.as_str(),
            config.data.as_str(),
            config.layers.as_str()
        ),
        ("truncnormal", "spiral", "4")
    );
    assert_eq!(config.hi, Config::default().hi);
}

#[test]
fn an_unreachable_variance_correction_drops_one_key_not_the_preset() {
    // N(0, σ') cut to the absolute [−2, 2] has std below 4/√12 = 1.15 for any σ': σ = 2
    // with correction cannot be reached, so one of correct/sigma goes, and only one.
    let (config, notices) =
        Config::from_query("?preset=torch-trunc-normal&correct=1&sigma=2&data=spiral");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        ["correct", "sigma"].contains(&notices[0].field),
        "{notices:?}"
    );
    assert_eq!(config.preset, "torch-trunc-normal");
    assert_eq!(config.init, "truncnormal");
    assert_eq!(config.data, "spiral");
    assert!(
        config.correct != (config.sigma == 2.0),
        "exactly one of the pair survives"
    );
}

#[test]
fn a_gain_too_small_to_represent_is_refused_by_name() {
    let (config, notices) = Config::from_query("?gain=5e-324&data=spiral");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].field, "gain");
    assert_eq!(config.data, "spiral");
    assert_eq!(config.gain, Config::default().gain);
}

#[test]
fn lo_and_hi_that_conflict_with_each_other_lose_only_one_of_them() {
    let (config, notices) = Config::from_query("init=truncnormal&lo=1&hi=-3&act=relu");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(config.act, "relu");
    assert_eq!(config.init, "truncnormal");
    assert!(config.lo < config.hi);
    assert!(
        config.lo == 1.0 || config.hi == -3.0,
        "one of the link's bounds is kept"
    );
}

// ---- 2.–4. Divergence caught the step it happens. ----

#[test]
fn a_nan_loss_is_reported_as_diverged() {
    // Finite weights (up to 4.5e23) whose f32 forward pass overflows.
    let at = run_checking_every_step(
        "?init=truncnormal&scale=he&act=relu&layers=19,26,11&data=gauss&points=10&lr=10&batch=6&seed=9007199254740991",
        50,
    );
    assert!(at.is_some(), "this run overflows within a few steps");
}

#[test]
fn divergence_is_flagged_no_later_than_the_first_non_finite_loss() {
    // Linear units, momentum 0.9999999 and batch 1: the loss over all points goes NaN while the
    // batch of one still looks fine.
    let query = "?preset=keras-he-normal&act=relu&layers=29&data=spiral&points=27&lr=1.789401971424608&batch=1&momentum=0.9999999&seed=1598621919839413";
    assert!(run_checking_every_step(query, 400).is_some());
    // Stepped in one call, the run stops at the first recorded non-finite loss at the latest.
    let (mut exp, _) = open(query);
    exp.step(2000);
    let snapshot = exp.snapshot();
    assert!(snapshot.diverged);
    assert!(history_is_finite(&snapshot));
    let last = *snapshot.history.steps.last().unwrap();
    let at = snapshot.diverged_at.unwrap();
    assert!(
        at >= last && at - last <= snapshot.history.every,
        "history ends at {last}, diverged at {at}"
    );
}

#[test]
fn relu_cannot_hide_an_infinite_pre_activation() {
    assert!(run_checking_every_step("?act=relu&layers=16,16,16&lr=10&seed=6", 300).is_some());
}

// ---- 5. σ too small to represent. ----

#[test]
fn a_sigma_too_small_to_represent_is_refused_and_the_bounds_are_kept() {
    let (mut exp, notices) = open("?init=truncnormal&scale=manual&sigma=5e-324&lo=-0.001&hi=0.001");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].field, "sigma");
    assert_eq!((exp.config().lo, exp.config().hi), (-0.001, 0.001));
    let snapshot = exp.snapshot();
    assert!(non_finite_paths(&snapshot).is_empty());
    for layer in &snapshot.layers {
        assert!(layer.mean_actual.abs() <= 0.001 * layer.sigma_used);
    }
}

// ---- Issue #18, §5: the link reader, fuzzed again. ----

/// The one notice of a link, which must name `key` and say `says`.
fn one_notice(query: &str, notices: &[initlab::ConfigError], key: &str, says: &[&str]) {
    assert_eq!(notices.len(), 1, "{query}: {notices:?}");
    assert_eq!(notices[0].field, key, "{query}: {}", notices[0].message);
    for words in says {
        assert!(
            notices[0].message.contains(words),
            "{query}: '{}' should say '{words}'",
            notices[0].message
        );
    }
}

#[test]
fn a_repeated_keys_bad_later_value_costs_only_that_value() {
    // Once: "init=truncnormal from the link was left out: must be between -1000 and 1000,
    // not 1091", and the link became ?lo=1091&hi=-3.
    let query = "?init=truncnormal&lo=-5&hi=-3&lo=1091";
    let (config, notices) = Config::from_query(query);
    one_notice(
        query,
        &notices,
        "lo",
        &["must be between -1000 and 1000, not 1091"],
    );
    assert!(
        !notices[0].message.contains("init"),
        "{}",
        notices[0].message
    );
    assert_eq!(
        (config.init.as_str(), config.lo, config.hi),
        ("truncnormal", -5.0, -3.0)
    );
    assert_eq!(config.to_query(), "init=truncnormal&lo=-5&hi=-3");
}

#[test]
fn every_keys_range_is_checked_whatever_the_init() {
    // `lo` only matters for a truncated normal, `const` only for a constant init: they
    // were stored out of range, without a notice.
    for (query, key, says, init) in [
        (
            "?lo=5000",
            "lo",
            "between -1000 and 1000, not 5000",
            "normal",
        ),
        (
            "?init=zeros&const=1e6",
            "const",
            "between -100 and 100, not 1000000",
            "zeros",
        ),
        ("?hi=-1e4&act=relu", "hi", "not -10000", "normal"),
        (
            "?scale=he&sigma=0",
            "sigma",
            "between 1e-9 and 100, not 0",
            "normal",
        ),
    ] {
        let (config, notices) = Config::from_query(query);
        one_notice(query, &notices, key, &[says]);
        assert_eq!(config.get(key), Config::default().get(key), "{query}");
        assert_eq!(config.init, init, "{query}");
    }
    // The page's own changes are refused the same way, whatever the init.
    let refused = Config::default().with_changes([("init", "zeros"), ("lo", "5000")]);
    assert_eq!(refused.unwrap_err().field, "lo");
    let stored = Config {
        constant: 1e6,
        ..Config::default()
    };
    assert_eq!(stored.validate().unwrap_err().field, "const");
}

#[test]
fn an_out_of_range_key_the_init_ignores_does_not_cost_vs() {
    // Once this kept lo=5000 and dropped the valid vs.
    let query = "?lo=5000&vs=init%3Dtruncnormal";
    let (config, notices) = Config::from_query(query);
    one_notice(query, &notices, "lo", &["not 5000"]);
    assert_eq!(config.vs, "init=truncnormal");
    assert_eq!(config.lo, Config::default().lo);
    let b = config.versus().unwrap().unwrap();
    assert_eq!((b.init.as_str(), b.lo), ("truncnormal", -2.0));
    assert!(Experiment::new(&b).is_ok());
}

#[test]
fn b_has_no_vs_so_a_lesson_inside_vs_is_refused_by_name() {
    // Once: a B whose own vs was the lesson's (act=sigmoid), and validate() checked B's B.
    let query = "?vs=lesson%3Dtoo-small";
    let (config, notices) = Config::from_query(query);
    one_notice(
        query,
        &notices,
        "vs",
        &["'lesson' is not a setting B can change"],
    );
    assert!(!config.comparing(), "{config:?}");
    // The same through the page's API, and with the lesson among other keys of B.
    for changes in [
        vec![("vs", "lesson=too-small")],
        vec![("vs", "init=zeros&lesson=he-relu")],
    ] {
        let error = Config::default().with_changes(changes.clone()).unwrap_err();
        assert_eq!(error.field, "vs", "{changes:?}");
        assert!(error.message.contains("'lesson'"), "{}", error.message);
    }
    let error = Config::default()
        .with_versus([("lesson", "too-small")])
        .unwrap_err();
    assert!(error.message.contains("lesson"), "{}", error.message);
    // A lesson that compares keeps its B: B follows A's lesson, with no vs of its own.
    let (lesson, notices) = Config::from_query("?lesson=too-small");
    assert!(notices.is_empty(), "{notices:?}");
    let b = lesson.versus().unwrap().unwrap();
    // (too-small's B is the same tanh net at σ = 1/√64.)
    assert_eq!(
        (b.act.as_str(), b.sigma, b.vs.as_str()),
        ("tanh", 0.125, "")
    );
    assert_eq!(b.lesson, "too-small");
}

//! The key table is the one place a URL key is defined: every row reads and writes its own
//! field, round-trips through the URL, offers exactly the engine's list of names, and has
//! its limits enforced by validation.

use initlab::activation::Activation;
use initlab::config::presets::PRESETS;
use initlab::config::{Config, KEYS, TABLE};
use initlab::data::DatasetKind;
use initlab::init::{BoundsUnit, FamilyKind, RuleKind};
use initlab::loss::{Head, Loss};

/// A valid value other than the default for every key that is not a choice (a choice is
/// tried with every name it offers).
const SAMPLES: &[(&str, &str)] = &[
    ("const", "-0.25"),
    ("jitter", "0.001"),
    ("gain", "1.7"),
    ("sigma", "0.05"),
    ("lo", "-1.5"),
    ("hi", "2.5"),
    ("correct", "1"),
    ("bias", "init"),
    ("bias", "0.1"),
    ("bsigma", "0.3"),
    ("layers", "16,4,2"),
    ("shortcut", "1"),
    ("points", "1000"),
    ("noise", "0.3"),
    ("lr", "0.5"),
    ("batch", "32"),
    ("momentum", "0.9"),
    ("seed", "9007199254740991"),
    ("vs", "same"),
    ("vs", "init=zeros&bias=0.1"),
];

/// Every (key, value) to try: each choice's every non-default name, and the samples.
fn non_default_values() -> Vec<(&'static str, &'static str)> {
    let mut values: Vec<(&str, &str)> = SAMPLES.to_vec();
    for row in TABLE {
        for name in initlab::link::choices(row) {
            if *name != row.default {
                values.push((row.name, name));
            }
        }
    }
    values
}

#[test]
fn every_key_has_a_non_default_value_to_try() {
    let tried: Vec<&str> = non_default_values().iter().map(|(k, _)| *k).collect();
    for key in KEYS {
        assert!(tried.contains(&key), "no value tried for {key}");
    }
}

#[test]
fn every_key_round_trips_through_get_set_and_the_url() {
    // data=digits needs the digits (the page installs its download; a test, the file).
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(initlab::digits::FILE);
    initlab::digits::install(&std::fs::read(file).unwrap()).unwrap();
    let defaults = Config::default();
    for (key, value) in non_default_values() {
        // loss=ce is the digits' loss: tried on them (where it is also the default, so the
        // link leaves it out and the data brings it back).
        let base = if (key, value) == ("loss", "ce") {
            defaults.with_changes([("data", "digits")]).unwrap()
        } else {
            Config::default()
        };
        let mut config = base.clone();
        config.set(key, value).unwrap();
        let written = config.get(key);
        assert_ne!(written, defaults.get(key), "{key}={value} is not a change");
        let mut again = base.clone();
        again.set(key, &written).unwrap();
        assert_eq!(again, config, "{key}={value} read back as {written}");
        assert!(config.validate().is_ok(), "{key}={value} is valid");
        let (from_url, notices) = Config::from_query(&config.to_query());
        assert!(notices.is_empty(), "{key}={value}: {notices:?}");
        assert_eq!(from_url, config, "{key}={value} via {}", config.to_query());
    }
}

#[test]
fn the_defaults_are_the_tables_defaults() {
    let defaults = Config::default();
    for row in TABLE {
        assert_eq!(defaults.get(row.name), row.default, "{}", row.name);
    }
    assert_eq!(defaults.to_query(), "", "a fresh page writes no key");
    assert!(defaults.validate().is_ok());
}

#[test]
fn keys_are_the_tables_names_in_order_each_once() {
    let names: Vec<&str> = TABLE.iter().map(|row| row.name).collect();
    assert_eq!(names, KEYS.to_vec());
    for (at, key) in KEYS.iter().enumerate() {
        assert!(!KEYS[at + 1..].contains(key), "{key} twice");
    }
}

#[test]
fn every_choice_list_is_the_engines_own_list() {
    let choices = |key: &str| {
        let row = TABLE.iter().find(|row| row.name == key).unwrap();
        initlab::link::choices(row).to_vec()
    };
    let act: Vec<&str> = Activation::ALL.iter().map(|a| a.name()).collect();
    let data: Vec<&str> = DatasetKind::ALL.iter().map(|d| d.name()).collect();
    let loss: Vec<&str> = Head::ALL.iter().map(|l| l.name()).collect();
    let init: Vec<&str> = FamilyKind::ALL.iter().map(|f| f.name()).collect();
    let scale: Vec<&str> = RuleKind::ALL.iter().map(|r| r.name()).collect();
    let bounds: Vec<&str> = BoundsUnit::ALL.iter().map(|b| b.name()).collect();
    let presets: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
    assert_eq!(choices("act"), act);
    assert_eq!(choices("data"), data);
    assert_eq!(choices("loss"), loss);
    assert_eq!(choices("init"), init);
    assert_eq!(choices("scale"), scale);
    assert_eq!(choices("bounds"), bounds);
    assert_eq!(choices("preset"), presets);
    assert_eq!(choices("lesson"), initlab::lessons::IDS);
    // And only those keys are choices.
    let with_choices: Vec<&str> = TABLE
        .iter()
        .filter(|row| !initlab::link::choices(row).is_empty())
        .map(|row| row.name)
        .collect();
    assert_eq!(
        with_choices,
        ["lesson", "preset", "init", "scale", "bounds", "act", "data", "loss"]
    );
    // The table itself knows no lesson: the link layer adds their ids.
    let lesson = TABLE.iter().find(|row| row.name == "lesson").unwrap();
    assert!(lesson.kind.choices().is_empty());
}

#[test]
fn the_lesson_settings_the_link_opens_are_the_lessons_own() {
    use initlab::lessons::{settings, LESSONS};
    let ids: Vec<&str> = settings::ALL.iter().map(|s| s.id).collect();
    let lesson_ids: Vec<&str> = LESSONS.iter().map(|l| l.id).collect();
    assert_eq!(ids, lesson_ids, "settings::ALL in LESSONS order");
    for lesson in LESSONS {
        assert_eq!(settings::find(lesson.id).unwrap().query, lesson.settings);
        let (config, notices) = Config::from_query(&format!("lesson={}", lesson.id));
        assert!(notices.is_empty(), "{}: {notices:?}", lesson.id);
        assert_eq!(config, lesson.config().unwrap(), "{}", lesson.id);
    }
}

#[test]
fn every_engine_name_parses_back_to_its_value() {
    for a in Activation::ALL {
        assert_eq!(Activation::from_name(a.name()), Some(a));
    }
    for d in DatasetKind::ALL {
        assert_eq!(DatasetKind::from_name(d.name()), Some(d));
    }
    for l in Loss::ALL {
        assert_eq!(Loss::from_name(l.name()), Some(l));
    }
    for h in Head::ALL {
        assert_eq!(Head::from_name(h.name()), Some(h));
    }
    for f in FamilyKind::ALL {
        assert_eq!(FamilyKind::from_name(f.name()), Some(f));
    }
    for r in RuleKind::ALL {
        assert_eq!(RuleKind::from_name(r.name()), Some(r));
        assert_eq!(r.rule(0.5).kind(), r);
    }
    for b in BoundsUnit::ALL {
        assert_eq!(BoundsUnit::from_name(b.name()), Some(b));
    }
}

#[test]
fn a_preset_sets_only_keys_the_table_marks_as_init() {
    for preset in PRESETS {
        for (key, _) in preset.settings {
            let row = TABLE.iter().find(|row| row.name == *key).unwrap();
            assert!(
                row.init,
                "{} sets {key}, which presets do not own",
                preset.name
            );
        }
    }
}

#[test]
fn a_preset_resets_every_init_key_and_keeps_the_others() {
    let mut changed = Config::default();
    for (key, value) in non_default_values() {
        if key != "preset" {
            changed.set(key, value).unwrap();
        }
    }
    let mut preset = changed.clone();
    preset.set("preset", "keras-he-normal").unwrap();
    let keras = PRESETS
        .iter()
        .find(|p| p.name == "keras-he-normal")
        .unwrap();
    for row in TABLE.iter().filter(|row| row.name != "preset") {
        let expected = match keras.settings.iter().find(|(k, _)| *k == row.name) {
            Some((_, value)) => value.to_string(),
            None if row.init => row.default.to_string(),
            None => changed.get(row.name),
        };
        assert_eq!(preset.get(row.name), expected, "{}", row.name);
    }
}

/// A config where `key` is used by validation (the cut only matters for a truncated
/// normal, the constant only for init=constant), with `key` set to `value`.
fn with_key_used(key: &str, value: f64) -> Config {
    let mut config = Config::default();
    match key {
        "const" => config.set("init", "constant").unwrap(),
        "lo" | "hi" => config.set("init", "truncnormal").unwrap(),
        _ => {}
    }
    config.set(key, &value.to_string()).unwrap();
    config
}

#[test]
fn every_range_in_the_table_is_what_validation_enforces() {
    for row in TABLE {
        let Some(range) = row.range else { continue };
        let beyond = [
            range.min - range.min.abs() - 1.0,
            range.max + range.max.abs() + 1.0,
        ];
        let open_ends = [(range.min_open, range.min), (range.max_open, range.max)];
        let refused = beyond
            .into_iter()
            .chain(open_ends.iter().filter(|(open, _)| *open).map(|(_, x)| *x));
        for x in refused {
            let error = with_key_used(row.name, x).validate().unwrap_err();
            assert_eq!(error.field, row.name, "{}={x}: {error}", row.name);
        }
        if row.kind.name() == "whole" {
            let fraction = ((range.min + range.max.min(1e6)) / 2.0).floor() + 0.5;
            let error = with_key_used(row.name, fraction).validate().unwrap_err();
            assert_eq!(error.field, row.name, "{}={fraction}: {error}", row.name);
        }
    }
}

#[test]
fn a_key_applies_only_where_it_changes_the_network() {
    use initlab::Experiment;
    // A key that does not apply may change freely without changing the weights.
    let weights = |config: &Config| Experiment::new(config).unwrap().mlp().params.clone();
    for (init, scale) in [
        ("zeros", "manual"),
        ("constant", "he"),
        ("normal", "manual"),
        ("truncnormal", "glorot"),
    ] {
        let base = Config::default()
            .with_changes([("init", init), ("scale", scale)])
            .unwrap();
        for (key, other) in [
            ("const", "0.25"),
            ("sigma", "0.3"),
            ("gain", "2"),
            ("lo", "-1"),
            ("hi", "1.5"),
            ("correct", "1"),
            ("jitter", "0.001"),
            ("scale", "lecun"),
        ] {
            let changed = base.with_changes([(key, other)]).unwrap();
            let differs = weights(&base) != weights(&changed);
            assert_eq!(base.applies(key), differs, "{init}/{scale}: {key}={other}");
        }
    }
}

#[test]
fn without_a_hidden_layer_act_jitter_and_shortcut_do_not_apply_and_change_nothing() {
    use initlab::Experiment;
    let weights = |config: &Config| Experiment::new(config).unwrap().mlp().params.clone();
    let base = Config::default()
        .with_changes([("layers", "0"), ("init", "constant")])
        .unwrap();
    for (key, other) in [("act", "relu"), ("jitter", "0.01")] {
        assert!(!base.applies(key), "{key}");
        let changed = base.with_changes([(key, other)]).unwrap();
        assert_eq!(weights(&base), weights(&changed), "{key}={other}");
    }
    assert!(!base.applies("shortcut"));
    // With a hidden layer they apply again (jitter moves the constant weights apart).
    let hidden = base.with_changes([("layers", "4")]).unwrap();
    for key in ["act", "jitter", "shortcut"] {
        assert!(hidden.applies(key), "{key}");
    }
    let jittered = hidden.with_changes([("jitter", "0.01")]).unwrap();
    assert_ne!(weights(&hidden), weights(&jittered));
}

/// Settings A's panel is built from the rows' widgets: each control must offer only values
/// its key accepts, fit its key's kind, and every key but `lesson` and `vs` (which have
/// panels of their own) must have one.
#[test]
fn every_widget_offers_only_values_its_key_accepts() {
    use initlab::config::table::{Control, Kind};
    use initlab::config::{MAX_HIDDEN_LAYERS, MAX_UNITS};
    for row in TABLE {
        let Some(widget) = &row.widget else {
            assert!(
                ["lesson", "vs"].contains(&row.name),
                "{} has no widget",
                row.name
            );
            continue;
        };
        let accepts = |x: f64| row.check(x).is_ok();
        match (&widget.control, &row.kind) {
            (Control::Menu, Kind::Choice(..) | Kind::Preset(_)) => {}
            (Control::Check, Kind::Flag(_)) => {}
            (Control::Seed, Kind::Whole(_)) => {}
            (Control::NumberOrInit { step }, Kind::Bias(_)) => assert!(accepts(*step)),
            (Control::Number { step }, Kind::Number(_)) => assert!(accepts(*step), "{}", row.name),
            (Control::Slider { min, max, step }, Kind::Number(_)) => {
                assert!(
                    accepts(*min) && accepts(*max),
                    "{}: {min} … {max}",
                    row.name
                );
                let positions = (max - min) / step;
                assert!(
                    (positions - positions.round()).abs() < 1e-9,
                    "{}: {step}",
                    row.name
                );
            }
            (Control::LogSlider { min, max, steps }, Kind::Number(_)) => {
                assert!(*min > 0.0 && min < max && *steps >= 1.0, "{}", row.name);
                assert!(
                    accepts(*min) && accepts(*max),
                    "{}: {min} … {max}",
                    row.name
                );
            }
            (Control::Steps(values), Kind::Whole(_)) => {
                assert!(values.windows(2).all(|w| w[0] < w[1]), "{} rises", row.name);
                assert!(
                    values.iter().all(|&x| accepts(x)),
                    "{}: {values:?}",
                    row.name
                );
            }
            (Control::Layers { widths }, Kind::Layers(_)) => {
                assert!(widths.windows(2).all(|w| w[0] < w[1]));
                assert!(widths[0] >= 1.0 && *widths.last().unwrap() == MAX_UNITS as f64);
                let deepest = vec![widths[0].to_string(); MAX_HIDDEN_LAYERS].join(",");
                assert!(Config::default()
                    .with_changes([("layers", deepest.as_str())])
                    .is_ok());
            }
            _ => panic!("{}: its widget does not fit its kind", row.name),
        }
    }
}

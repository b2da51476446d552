//! Every bad setting is refused with a message that names its key and says why.

mod common;
use initlab::{Config, Experiment};

fn error_for(changes: &[(&str, &str)]) -> initlab::ConfigError {
    Config::default()
        .with_changes(changes.iter().copied())
        .expect_err(&format!("{changes:?} should be refused"))
}

#[test]
fn each_bad_value_is_refused_by_the_key_it_names() {
    // (changes, the key the error must name, a value its message must quote)
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: &[Case] = &[
        (&[("sigma", "NaN")], "sigma", "NaN"),
        (&[("sigma", "inf")], "sigma", "inf"),
        (&[("sigma", "-1"), ("scale", "manual")], "sigma", "-1"),
        (&[("sigma", "0")], "sigma", "0"),
        (&[("lr", "0")], "lr", "0"),
        (&[("lr", "11")], "lr", "11"),
        (&[("lr", "-0.5")], "lr", "-0.5"),
        (
            &[(
                "layers",
                "8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8",
            )],
            "layers",
            "33",
        ),
        (
            &[("layers", "65,8,8,8,8,8,8,8,8")],
            "layers",
            "more than 64 units",
        ),
        (&[("layers", "257")], "layers", "257"),
        (&[("layers", "8,x")], "layers", "x"),
        (&[("layers", "8,0")], "layers", "8,0"),
        (&[("layers", "0,8")], "layers", "0 stands alone"),
        (&[("layers", "0,0")], "layers", "0,0"),
        (&[("layers", "")], "layers", "0 for no hidden layer"),
        (
            &[("layers", "0"), ("shortcut", "1")],
            "shortcut",
            "layers=0",
        ),
        (&[("points", "5001")], "points", "5001"),
        (&[("points", "12.5")], "points", "12.5"),
        (&[("act", "banana")], "act", "banana"),
        (&[("init", "gaussian")], "init", "gaussian"),
        (&[("data", "moons")], "data", "moons"),
        (&[("loss", "hinge")], "loss", "hinge"),
        (&[("preset", "torch-magic")], "preset", "torch-magic"),
        (
            &[("init", "truncnormal"), ("lo", "1"), ("hi", "0.5")],
            "lo",
            "0.5",
        ),
        (
            &[
                ("init", "truncnormal"),
                ("lo", "1"),
                ("hi", "1.0000000000000002"),
            ],
            "hi",
            "widen",
        ),
        (&[("init", "truncnormal"), ("lo", "-1001")], "lo", "-1001"),
        (&[("sigma", "5e-324")], "sigma", "1e-9"),
        (&[("gain", "5e-324")], "gain", "1e-9"),
        (&[("batch", "0")], "batch", "0"),
        (&[("momentum", "1")], "momentum", "1"),
        (&[("noise", "2")], "noise", "2"),
        (&[("bias", "abc")], "bias", "abc"),
        (&[("seed", "-3")], "seed", "-3"),
        (&[("gain", "0")], "gain", "0"),
        (&[("colour", "red")], "config", "colour"),
    ];
    for (changes, field, mentions) in cases {
        let e = error_for(changes);
        assert_eq!(
            &e.field, field,
            "{changes:?} blamed {} ({})",
            e.field, e.message
        );
        assert!(
            e.message.contains(mentions),
            "{changes:?}: message '{}' should mention '{mentions}'",
            e.message
        );
    }
}

#[test]
fn a_refused_change_leaves_the_experiment_untouched() {
    let mut exp = common::experiment(&[]);
    exp.step(30);
    let params = exp.mlp().params.clone();
    let bad = Config::default().with_changes([("lr", "-1")]);
    assert!(bad.is_err());
    let mut broken = exp.config().clone();
    broken.lr = f64::NAN;
    assert!(exp.configure(&broken).is_err());
    assert_eq!(exp.steps_done(), 30);
    assert_eq!(exp.mlp().params, params);
}

#[test]
fn a_bad_url_opens_a_working_page_with_notices() {
    let (config, notices) =
        Config::from_query("?sigma=-1&act=banana&layers=8,8&lr=abc&nonsense=1&data=circles");
    let fields: Vec<&str> = notices.iter().map(|n| n.field).collect();
    for key in ["sigma", "act", "lr", "config"] {
        assert!(fields.contains(&key), "no notice for {key}: {notices:?}");
    }
    // The good keys survive and the bad ones keep their defaults.
    assert_eq!(config.data, "circles");
    assert_eq!(config.act, Config::default().act);
    assert!(Experiment::new(&config).is_ok());
}

#[test]
fn no_hidden_layer_is_a_setting_and_a_shortcut_with_it_is_a_notice_that_keeps_the_rest() {
    let (config, notices) = Config::from_query("?layers=0&data=gauss&lr=0.3");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(config.layers, "0");
    assert_eq!(
        Config::from_query(&config.to_query()).0,
        config,
        "round trip"
    );
    let spec = config.validate().unwrap();
    assert!(spec.hidden_sizes.is_empty());
    assert_eq!(spec.fans(), vec![(2, 1)], "the output reads the 2 inputs");

    // shortcut=1 needs a hidden layer: the notice names it, layers=0 and the rest stay.
    let (config, notices) = Config::from_query("?layers=0&shortcut=1&data=gauss&lr=0.3");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].field, "shortcut");
    assert!(
        notices[0].message.contains("hidden layer"),
        "{}",
        notices[0].message
    );
    assert_eq!(
        (
            config.layers.as_str(),
            config.shortcut,
            config.data.as_str(),
            config.lr
        ),
        ("0", false, "gauss", 0.3)
    );
}

#[test]
fn bounds_given_in_either_order_in_the_url_are_judged_together() {
    let (config, notices) =
        Config::from_query("init=truncnormal&lo=3&hi=5&bounds=abs&scale=manual&sigma=2");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!((config.lo, config.hi), (3.0, 5.0));
}

#[test]
fn the_url_round_trips_every_config() {
    let queries = [
        "",
        "preset=keras-glorot-normal&sigma=0.3&scale=manual",
        "init=truncnormal&lo=-1.5&hi=2.5&bounds=abs&correct=1&scale=manual&sigma=1",
        "act=relu&bias=0.1&layers=16,16,16&data=spiral&points=800&noise=0.25&lr=0.1&batch=32&momentum=0.9&loss=mse&seed=77",
        "preset=playground",
    ];
    for q in queries {
        let (config, notices) = Config::from_query(q);
        assert!(notices.is_empty(), "{q}: {notices:?}");
        let (again, notices) = Config::from_query(&config.to_query());
        assert!(notices.is_empty());
        assert_eq!(again, config, "{q} -> {}", config.to_query());
    }
}

#[test]
fn percent_encoded_values_are_decoded_and_nothing_panics_on_junk() {
    let (config, _) = Config::from_query("layers=8%2C4&act=%74anh");
    assert_eq!(config.layers, "8,4");
    assert_eq!(config.act, "tanh");
    for junk in [
        "%",
        "%zz",
        "=&&=",
        "layers=%FF%FE",
        "sigma=1e999",
        "seed=1e300",
        "a=b=c",
        "\u{0}=\u{0}",
    ] {
        let (config, _) = Config::from_query(junk);
        assert!(config.validate().is_ok(), "{junk}");
    }
}

#[test]
fn a_number_key_says_whether_its_text_is_not_a_number_or_not_finite() {
    // Read by the standard library's parser, which accepts `inf` and `NaN`: those are numbers
    // the engine cannot use, and the learner is told so, not that they are not numbers.
    let cases = [
        ("lr", "banana", "'banana' is not a number"),
        ("lr", "1,5", "'1,5' is not a number"),
        ("sigma", "0x10", "'0x10' is not a number"),
        ("sigma", "1e999", "'1e999' is not a finite number"),
        ("gain", "-inf", "'-inf' is not a finite number"),
        ("const", "NaN", "'NaN' is not a finite number"),
        ("bias", "Infinity", "'Infinity' is not a finite number"),
    ];
    for (key, text, message) in cases {
        let e = error_for(&[(key, text)]);
        assert_eq!(e.field, key, "{key}={text}: {}", e.message);
        assert!(
            e.message.ends_with(message),
            "{key}={text}: '{}' should end with '{message}'",
            e.message
        );
    }
}

#[test]
fn a_links_numbers_read_as_the_nearest_f64() {
    // The text a link carries is the text `Display` wrote, so it must read back bit for bit.
    let cases = [
        ("sigma", 0.1),
        ("lr", 0.03),
        ("gain", 1e-9),
        ("sigma", 0.28867513459481287),
        ("seed", 9_007_199_254_740_991.0),
        ("lo", -1000.0),
    ];
    for (key, x) in cases {
        let (config, notices) = Config::from_query(&format!("init=truncnormal&{key}={x}"));
        assert!(notices.is_empty(), "{key}={x}: {notices:?}");
        assert_eq!(config.get(key), format!("{x}"));
    }
    let (config, notices) = Config::from_query("lr=.5&momentum=5e-1&noise=+0.25");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!((config.lr, config.momentum, config.noise), (0.5, 0.5, 0.25));
}

#[test]
fn validation_resolves_every_layers_init_once_and_the_experiment_draws_from_it() {
    // A shortcut net: the output layer's fan-in counts the 2 inputs as well.
    let (config, notices) =
        Config::from_query("layers=16,4&shortcut=1&init=truncnormal&scale=he&correct=1");
    assert!(notices.is_empty(), "{notices:?}");
    let spec = config.validate().unwrap();
    assert_eq!(spec.fans(), [(2, 16), (16, 4), (6, 1)]);
    let resolved: Vec<_> = spec
        .fans()
        .into_iter()
        .map(|(fan_in, fan_out)| spec.weights.for_layer(fan_in, fan_out).unwrap())
        .collect();
    assert_eq!(spec.layers, resolved);
    // He: σ² = 2/fan_in, so each layer's requested σ differs, and the experiment uses them.
    assert_eq!(spec.layers[2].sigma_requested, (2.0f64 / 6.0).sqrt());
    let exp = Experiment::new(&config).unwrap();
    assert_eq!(exp.inits(), spec.layers.as_slice());
}

/// Issue #21: the deep lessons need 20 and 32 layers of 64; wider layers stay limited to 8
/// (a frame could not train 32 layers of 256), and the refusal says why in words.
#[test]
fn up_to_32_layers_of_64_are_accepted_and_wider_deep_nets_are_refused_in_words() {
    let deep = ["64"; 32].join(",");
    assert!(Config::default()
        .with_changes([("layers", deep.as_str())])
        .is_ok());
    let wide = ["256"; 8].join(",");
    assert!(Config::default()
        .with_changes([("layers", wide.as_str())])
        .is_ok());
    let error = error_for(&[("layers", "64,64,64,64,64,64,64,64,65")]);
    assert_eq!(error.text.id, "layers.tooManyWide");
    assert_eq!(
        error.message,
        "at most 8 hidden layers when a layer has more than 64 units (up to 32 layers of at most 64 units each): 9 layers with a layer of 65 would make the page too slow to animate"
    );
    let error = error_for(&[("layers", &["2"; 33].join(","))]);
    assert_eq!(error.message, "at most 32 hidden layers, not 33");
}

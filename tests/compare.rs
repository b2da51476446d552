//! A/B comparison: B is A with the settings of `vs` changed; both train together, share
//! everything `vs` does not change, and the same settings on both sides train bit for bit
//! the same.

mod common;
use common::config;
use initlab::compare::{Comparison, Side};
use initlab::Config;

fn comparison(query: &str) -> Comparison {
    let (config, notices) = Config::from_query(query);
    assert!(notices.is_empty(), "{notices:?}");
    Comparison::new(&config).expect("a valid config")
}

#[test]
fn the_same_settings_on_both_sides_train_bit_for_bit_the_same() {
    for query in ["vs=same", "act=relu&layers=16,16&vs=same", "vs=lr%3D0.03"] {
        let mut pair = comparison(query);
        pair.step(700);
        let (a, b) = pair.snapshots();
        let b = b.expect("comparing");
        assert_eq!(a.history, b.history, "{query}");
        assert_eq!(a.loss.to_bits(), b.loss.to_bits(), "{query}");
        assert_eq!(
            pair.a().history_checksum(),
            pair.b().unwrap().history_checksum()
        );
    }
}

#[test]
fn b_shares_the_data_and_seed_and_differs_only_where_vs_says() {
    let mut pair = comparison("data=circles&seed=7&vs=init%3Dzeros");
    let (a, b) = (pair.a(), pair.b().expect("comparing"));
    assert_eq!(b.config().init, "zeros");
    assert_eq!(a.config().init, "normal");
    assert_eq!(a.data().train.x, b.data().train.x);
    assert_eq!(b.config().seed, 7.0);
    assert_eq!(b.config().vs, "", "B has no B of its own");
    pair.step(200);
    let (a, b) = pair.snapshots();
    let b = b.unwrap();
    // Zero init with tanh: B's hidden gradients are exactly 0, A's are not.
    assert_eq!(b.layers[0].grad_norm, 0.0);
    assert!(a.layers[0].grad_norm > 0.0);
    assert_eq!((a.step, b.step), (200, 200));
}

#[test]
fn vs_round_trips_in_the_url() {
    for query in [
        "vs=init%3Dzeros",
        "vs=same",
        "act=sigmoid&vs=preset%3Dkeras-he-normal%26act%3Drelu",
        "vs=sigma%3D0.5%26scale%3Dmanual",
    ] {
        let (config, notices) = Config::from_query(query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        let again = config.to_query();
        let (back, notices) = Config::from_query(&again);
        assert!(notices.is_empty(), "{again}: {notices:?}");
        assert_eq!(back, config, "{query} -> {again}");
        assert!(again.contains("vs="), "{again}");
    }
    // Keys come back in URL order, each once.
    let (config, _) = Config::from_query("vs=sigma%3D0.5%26scale%3Dmanual%26sigma%3D0.25");
    assert_eq!(config.vs, "scale=manual&sigma=0.25");
}

#[test]
fn a_bad_vs_costs_only_b_and_names_vs_and_its_key() {
    let cases = [
        ("data=spiral&vs=sigma%3D-1", "sigma"),
        ("data=spiral&vs=bogus%3D1", "bogus"),
        ("data=spiral&init=truncnormal&vs=hi%3D-3", "hi"),
        ("data=spiral&vs=vs%3Dsame", "vs"),
        ("data=spiral&vs=act%3Dsoftmax", "act"),
    ];
    for (query, inner) in cases {
        let (config, notices) = Config::from_query(query);
        assert_eq!(notices.len(), 1, "{query}: {notices:?}");
        assert_eq!(notices[0].field, "vs", "{query}");
        assert!(
            notices[0].message.contains(inner),
            "{query}: {}",
            notices[0]
        );
        assert_eq!(config.vs, "", "{query}: B dropped");
        assert_eq!(config.data, "spiral", "{query}: A kept");
    }
    let (config, _) = Config::from_query("init=truncnormal&vs=hi%3D-3");
    assert_eq!(
        config.init, "truncnormal",
        "A's own keys are not blamed for B"
    );
}

#[test]
fn with_versus_sets_b_to_a_plus_the_changes() {
    let a = config(&[("act", "sigmoid"), ("sigma", "2"), ("scale", "manual")]);
    let zeros = a.with_versus([("init", "zeros")]).unwrap();
    assert_eq!(zeros.vs, "init=zeros");
    assert_eq!(a.with_versus([]).unwrap().vs, "same");
    // A preset resets the init keys: B is exactly A + the preset (+ later keys), and vs
    // names whatever it takes to get there from A.
    for changes in [
        vec![("preset", "keras-he-normal")],
        vec![("preset", "keras-he-normal"), ("sigma", "2")],
        vec![("preset", "playground"), ("act", "relu"), ("seed", "9")],
    ] {
        let expected = a.with_changes(changes.clone()).unwrap();
        let with_b = a.with_versus(changes.clone()).unwrap();
        let b = with_b.versus().unwrap().unwrap();
        assert_eq!(b, expected, "{changes:?} via vs={}", with_b.vs);
        assert_eq!(with_b.without_versus(), a);
    }
    let refused = a.with_versus([("sigma", "-1")]).unwrap_err();
    assert_eq!(refused.field, "sigma");
}

#[test]
fn swapping_twice_gives_back_the_same_comparison() {
    let a = config(&[("act", "sigmoid")]);
    for changes in [
        vec![("init", "zeros")],
        vec![("preset", "keras-he-normal"), ("act", "relu")],
    ] {
        let pair = a.with_versus(changes.clone()).unwrap();
        let swapped = pair.swapped().unwrap().unwrap();
        assert_eq!(swapped.without_versus(), pair.versus().unwrap().unwrap());
        assert_eq!(swapped.versus().unwrap().unwrap(), pair.without_versus());
        let back = swapped.swapped().unwrap().unwrap();
        assert_eq!(back.without_versus(), pair.without_versus(), "{changes:?}");
        assert_eq!(
            back.versus().unwrap().unwrap(),
            pair.versus().unwrap().unwrap(),
            "{changes:?}"
        );
    }
    assert!(a.swapped().is_none(), "nothing to swap when not comparing");
}

#[test]
fn both_train_together_and_restart_together() {
    let mut pair = comparison("vs=init%3Dzeros");
    pair.step(50);
    // A learning-rate change keeps both running...
    let faster = pair.config().with_changes([("lr", "0.1")]).unwrap();
    pair.configure(&faster).unwrap();
    assert_eq!(pair.a().steps_done(), 50);
    assert_eq!(pair.b().unwrap().steps_done(), 50);
    assert_eq!(
        pair.b().unwrap().config().lr,
        0.1,
        "B follows A where vs is silent"
    );
    // ...a change of B restarts both, so the curves stay aligned.
    let other_b = pair.config().with_versus([("init", "uniform")]).unwrap();
    pair.configure(&other_b).unwrap();
    assert_eq!(pair.a().steps_done(), 0);
    assert_eq!(pair.b().unwrap().config().init, "uniform");
    pair.step(10);
    pair.reset();
    assert_eq!(
        (pair.a().steps_done(), pair.b().unwrap().steps_done()),
        (0, 0)
    );
    // Stopping the comparison leaves A alone.
    let alone = pair.config().without_versus();
    pair.configure(&alone).unwrap();
    assert!(pair.b().is_none());
}

#[test]
fn a_diverged_b_does_not_stop_a() {
    let mut pair =
        comparison("act=relu&layers=16,16,16&lr=0.01&vs=lr%3D10%26sigma%3D50%26scale%3Dmanual");
    pair.step(200);
    assert_eq!(pair.diverged(), vec![Side::B]);
    assert_eq!(pair.a().steps_done(), 200, "A trained on");
    let (a, b) = pair.snapshots();
    assert!(!a.diverged && a.loss.is_finite());
    assert!(b.unwrap().diverged);
}

#[test]
fn changing_b_keeps_its_other_differences() {
    let a = config(&[("act", "sigmoid")]);
    let with_b = a.with_versus([("init", "zeros"), ("lr", "0.1")]).unwrap();
    let changed = with_b.with_b_changes([("act", "relu")]).unwrap();
    let b = changed.versus().unwrap().unwrap();
    assert_eq!(
        (b.init.as_str(), b.lr, b.act.as_str()),
        ("zeros", 0.1, "relu")
    );
    assert_eq!(changed.without_versus(), a, "A is untouched");
    // Changing B back to A's value drops it from vs; nothing left to differ gives "same".
    let back = changed
        .with_b_changes([("act", "sigmoid"), ("init", "normal"), ("lr", "0.03")])
        .unwrap();
    assert_eq!(back.vs, "same");
    assert_eq!(
        a.with_b_changes([("sigma", "-2")]).unwrap_err().field,
        "sigma",
        "a refused B change names its key"
    );
}

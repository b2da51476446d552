//! Lesson: XOR with a 2-2-1 network. Random restarts end in different places: most seeds
//! solve it, some get stuck in a local minimum that more training does not leave.
//!
//! The setting the XOR lesson uses: sigmoid hidden units, cross-entropy, weights and biases
//! ~ N(0, 1), learning rate 1, full batches of the 4 points, 5,000 steps.

mod common;
use common::{experiment, XOR_221};

/// The lesson's preset, for one seed.
fn xor_221(seed: u64) -> initlab::Experiment {
    let seed = seed.to_string();
    let mut changes = XOR_221.to_vec();
    changes.push(("seed", &seed));
    experiment(&changes)
}

#[test]
fn xor_2_2_1_restarts_find_both_the_solution_and_a_local_minimum() {
    let mut finals = Vec::new();
    for seed in 1..=20 {
        let mut exp = xor_221(seed);
        exp.step(5000);
        finals.push(exp.snapshot().loss);
    }
    let solved = finals.iter().filter(|&&l| l < 0.01).count();
    let stuck = finals.iter().filter(|&&l| l > 0.1).count();
    // Solved: loss < 0.01 means every point is classified with p within ~1 % of its label.
    // Stuck: loss > 0.1 means at least one point is still badly wrong after 5,000 full-batch steps.
    assert!(solved >= 1, "no seed solved XOR: {finals:?}");
    assert!(stuck >= 1, "no seed got stuck: {finals:?}");
}

#[test]
fn a_stuck_run_stays_stuck_with_ten_times_more_training() {
    let stuck_seed = (1..=20)
        .find(|&seed| {
            let mut exp = xor_221(seed);
            exp.step(5000);
            exp.snapshot().loss > 0.1
        })
        .expect("some seed gets stuck (see the test above)");
    let mut exp = xor_221(stuck_seed);
    exp.step(5000);
    let at_5k = exp.snapshot().loss;
    exp.step(45_000);
    let at_50k = exp.snapshot().loss;
    // A local minimum, not a slow start: ten times the training leaves the loss above 0.1.
    assert!(at_50k > 0.1, "seed {stuck_seed}: {at_5k} -> {at_50k}");
}

#[test]
fn the_lesson_url_in_the_readme_opens_this_setting() {
    let (config, notices) = initlab::Config::from_query(
        "?data=xor4&layers=2&act=sigmoid&loss=bce&init=normal&scale=manual&sigma=1&bias=init&lr=1&batch=4",
    );
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(config, xor_221(1).config().clone());
}

//! Lesson: XOR with a 2-2-1 network. Random restarts end in different places: most seeds
//! solve it, some get stuck on a plateau that more training does not leave.
//!
//! The setting the xor-restarts lesson uses: sigmoid hidden units, **squared error**
//! (`loss=mse`, the error the theory of this net's surface is about), weights and biases
//! ~ N(0, 1), learning rate 1, full batches of the 4 points. For this net no finite point is a
//! strict local minimum (Hamey 1998: every finite stationary point has points of lower error
//! arbitrarily close; Sprinkhuizen-Kuyper & Boers: a strictly decreasing path leads from every
//! finite point to zero error), so a stuck run is on a plateau, drifting towards infinite
//! weights where hidden units saturate. These tests measure what the page shows.

mod common;
use initlab::restarts::{RestartPlan, SOLVED_BELOW, STUCK_ABOVE};

/// The lesson's own settings.
fn lesson_config() -> initlab::Config {
    initlab::lessons::find("xor-restarts")
        .expect("the lesson exists")
        .config()
        .expect("its settings are valid")
}

/// The lesson's run at `seed`.
fn xor_221(seed: u64) -> initlab::Experiment {
    let mut config = lesson_config();
    config.seed = seed as f64;
    initlab::Experiment::new(&config).unwrap()
}

/// Seeds 1–20 at the lesson's 2,000 steps: measured 14 solved, 6 stuck (final losses 0.125 to
/// 0.169: two of the four points left near p = ½, or one badly wrong). The test asks for both
/// outcomes, not for these counts: the page shows the counts of the learner's own run.
#[test]
fn xor_2_2_1_restarts_under_squared_error_find_both_the_solution_and_a_plateau() {
    let lesson = initlab::lessons::find("xor-restarts").unwrap();
    let restarts = RestartPlan::new(&lesson_config(), 20.0, lesson.steps as f64, 1.0)
        .unwrap()
        .run_all();
    let losses: Vec<f64> = restarts.runs.iter().map(|r| r.loss).collect();
    let solved = losses.iter().filter(|&&l| l < SOLVED_BELOW).count();
    let stuck = losses.iter().filter(|&&l| l > STUCK_ABOVE).count();
    assert!(solved >= 1, "no seed solved XOR: {losses:?}");
    assert!(stuck >= 1, "no seed got stuck: {losses:?}");
    assert_eq!(
        solved + stuck,
        20,
        "every run ends clearly one way: {losses:?}"
    );
}

/// A stuck run is not a slow start: ten times the training leaves its loss above 0.1. It is
/// not at a strict minimum either: the loss still creeps down, and the weights keep growing
/// (the drift towards saturated hidden units at infinite weights).
#[test]
fn a_stuck_run_stays_stuck_with_ten_times_more_training_while_its_weights_grow() {
    let stuck_seed = (1..=20)
        .find(|&seed| {
            let mut exp = xor_221(seed);
            exp.step(2000);
            exp.snapshot().loss > STUCK_ABOVE
        })
        .expect("some seed gets stuck (see the test above)");
    let norm = |exp: &initlab::Experiment| {
        f64::sqrt(exp.mlp().params.iter().map(|&w| (w as f64).powi(2)).sum())
    };
    let mut exp = xor_221(stuck_seed);
    exp.step(2000);
    let (loss_2k, norm_2k) = (exp.snapshot().loss, norm(&exp));
    exp.step(18_000);
    let (loss_20k, norm_20k) = (exp.snapshot().loss, norm(&exp));
    assert!(
        loss_20k > STUCK_ABOVE,
        "seed {stuck_seed}: {loss_2k} -> {loss_20k}"
    );
    assert!(
        loss_20k <= loss_2k,
        "seed {stuck_seed}: {loss_2k} -> {loss_20k}"
    );
    assert!(
        norm_20k > norm_2k,
        "seed {stuck_seed}: ‖θ‖ {norm_2k} -> {norm_20k}"
    );
}

#[test]
fn the_lesson_url_in_the_readme_opens_this_setting() {
    let (config, notices) = initlab::Config::from_query(
        "?data=xor4&layers=2&act=sigmoid&loss=mse&init=normal&scale=manual&sigma=1&bias=init&lr=1&batch=4",
    );
    assert!(notices.is_empty(), "{notices:?}");
    let mut lesson = lesson_config();
    lesson.lesson = String::new();
    assert_eq!(config, lesson);
}

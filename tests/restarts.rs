//! Random restarts: each run is exactly the page's run at its seed, the summary counts what
//! the runs did, and bad arguments are refused by name.

mod common;
use common::{config, XOR_221};
use initlab::restarts::{
    LossHistogram, RestartPlan, Restarts, MAX_RUNS, SOLVED_BELOW, STUCK_ABOVE,
};
use initlab::Experiment;

/// The XOR 2-2-1 lesson's settings (see tests/lesson_local_minima.rs).
fn xor_221() -> initlab::Config {
    config(&XOR_221)
}

#[test]
fn a_restart_ends_bit_for_bit_where_the_pages_own_run_at_that_seed_ends() {
    let base = xor_221();
    let plan = RestartPlan::new(&base, 5.0, 700.0, 41.0).expect("valid arguments");
    for i in 0..plan.runs() {
        let run = plan.run(i);
        assert_eq!(run.seed, 41 + i as u64);
        let mut page = base.clone();
        page.seed = run.seed as f64;
        let mut page = Experiment::new(&page).unwrap();
        page.step(700);
        let snapshot = page.snapshot();
        assert_eq!(
            run.loss.to_bits(),
            snapshot.loss.to_bits(),
            "seed {}",
            run.seed
        );
        assert_eq!(run.accuracy, snapshot.accuracy);
        assert!(!run.diverged);
    }
}

#[test]
fn xor_restarts_find_both_the_solution_and_a_local_minimum_and_count_them() {
    let restarts = RestartPlan::new(&xor_221(), 20.0, 5000.0, 1.0)
        .unwrap()
        .run_all();
    let losses: Vec<f64> = restarts.runs.iter().map(|r| r.loss).collect();
    let solved = losses.iter().filter(|&&l| l < SOLVED_BELOW).count();
    let stuck = losses.iter().filter(|&&l| l > STUCK_ABOVE).count();
    assert!(solved >= 1 && stuck >= 1, "{losses:?}");
    assert_eq!(restarts.solved, solved as f64 / 20.0);
    assert_eq!(restarts.stuck, stuck as f64 / 20.0);
    // Different seeds, different starts: the final losses are not all one number.
    let mut distinct = losses.clone();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    assert!(distinct.len() > 10, "{losses:?}");
}

#[test]
fn bad_arguments_are_refused_naming_the_argument_and_its_limit() {
    let base = xor_221();
    let refused = |runs: f64, steps: f64, first: f64| {
        RestartPlan::new(&base, runs, steps, first).expect_err("should be refused")
    };
    for runs in [
        0.0,
        (MAX_RUNS + 1) as f64,
        2.5,
        f64::NAN,
        f64::INFINITY,
        -3.0,
    ] {
        let e = refused(runs, 100.0, 1.0);
        assert_eq!(e.field, "runs", "{e}");
        assert!(e.message.contains("200"), "{e}");
    }
    for steps in [0.0, 1e9, 0.5, f64::NAN] {
        assert_eq!(refused(10.0, steps, 1.0).field, "steps");
    }
    for first in [-1.0, 1.5, 9_007_199_254_740_991.0] {
        assert_eq!(refused(2.0, 100.0, first).field, "firstSeed");
    }
    // The largest first seed that keeps every run's seed exact in JavaScript is accepted.
    assert!(RestartPlan::new(&base, 2.0, 1.0, 9_007_199_254_740_990.0).is_ok());
    // Too much work in all: named, with the limit, instead of a minute-long wait.
    let wide = config(&[("layers", "256,256,256,256"), ("batch", "100")]);
    let e = RestartPlan::new(&wide, 200.0, 100_000.0, 1.0).expect_err("too much work");
    assert!(e.message.contains("fewer runs or steps"), "{e}");
}

#[test]
fn the_loss_histogram_holds_every_run_and_both_thresholds() {
    let losses = [1e-5, 0.004, 0.3, 0.35, 0.69, 0.0, f64::NAN, 2.5];
    let h = LossHistogram::new(&losses);
    assert_eq!(h.counts.iter().sum::<usize>() + h.diverged, losses.len());
    assert_eq!(h.diverged, 1);
    assert!(h.log10_lo <= -5.0 && h.log10_hi >= 1.0, "{h:?}");
    // Every finite loss lands in the bin whose range holds its logarithm (0 in the first).
    for (k, &count) in h.counts.iter().enumerate() {
        let (lo, hi) = h.bin(k);
        let inside = losses
            .iter()
            .filter(|l| l.is_finite())
            .map(|&l| if l == 0.0 { h.log10_lo } else { l.log10() })
            .filter(|&x| lo <= x && x < hi)
            .count();
        assert_eq!(count, inside, "bin {k} [{lo}, {hi})");
    }
    // With no losses at all the axis still shows the thresholds.
    let empty = LossHistogram::new(&[]);
    assert!(empty.log10_lo <= -2.0 && empty.log10_hi >= -1.0);
    assert!(empty.counts.iter().all(|&c| c == 0));
}

#[test]
fn a_diverged_run_is_stuck_not_solved() {
    let runs = vec![
        initlab::restarts::RestartRun {
            seed: 1,
            loss: f64::NAN,
            accuracy: 0.5,
            test_accuracy: 0.5,
            diverged: true,
        },
        initlab::restarts::RestartRun {
            seed: 2,
            loss: 0.001,
            accuracy: 1.0,
            test_accuracy: 1.0,
            diverged: false,
        },
    ];
    let r = Restarts::from_runs(runs, initlab::restarts::Goal::Loss);
    assert_eq!((r.solved, r.stuck), (0.5, 0.5));
}

//! Random restarts: the same settings trained from many seeds, to see where training ends.
//!
//! A seed fixes the initial weights, the order of the mini-batches and, for the generated
//! datasets, the data. Training from a random start is a random outcome: on XOR with a 2-2-1
//! sigmoid net some seeds reach a loss near 0 and others settle in a local minimum. One run
//! shows one outcome; a few dozen show the distribution.
//!
//! Run `i` of a plan uses seed `first_seed + i` and is exactly the page's own run at that
//! seed: the same [`Experiment`], stepped the same number of times, scored the same way.

use serde::Serialize;

use crate::config::table::Range;
use crate::config::{Config, MAX_SEED};
use crate::error::show;
use crate::error::ErrorText;
use crate::experiment::Experiment;
use crate::ConfigError;

/// Most runs one request may ask for.
pub const MAX_RUNS: usize = 200;
/// Most training steps per run.
pub const MAX_STEPS: usize = 100_000;
/// Most multiply-adds one request may ask for in all (a minute or so of a browser's time):
/// the runs happen in a worker, so the page stays responsive, but the learner waits.
pub const MAX_WORK: f64 = 1e11;
/// A run whose final training loss is below this has solved the task (a set in the plane).
pub const SOLVED_BELOW: f64 = 0.01;
/// A run whose final training loss is above this is stuck (a diverged run is stuck too).
pub const STUCK_ABOVE: f64 = 0.1;
/// On the digits a run has solved the task when its test accuracy is at least this.
pub const DIGITS_SOLVED_ACCURACY: f64 = 0.9;
/// On the digits a run is stuck when its final training loss is still at least this, near
/// the loss at chance, ln 10 = 2.303 (a diverged run is stuck too).
pub const DIGITS_STUCK_LOSS: f64 = 2.0;

/// What "solved" and "stuck" mean: they follow the task. XOR's thresholds on the loss
/// (below 0.01, above 0.1) say nothing of ten classes, where a loss of 0.01 is rarely reached
/// and a loss of 0.3 is a good network; on the digits solved is read off the test accuracy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Goal {
    /// The sets in the plane: solved below [`SOLVED_BELOW`], stuck above [`STUCK_ABOVE`].
    Loss,
    /// The digits: solved at a test accuracy of [`DIGITS_SOLVED_ACCURACY`] or more, stuck at a
    /// loss of [`DIGITS_STUCK_LOSS`] or more.
    Accuracy,
}

impl Goal {
    /// The goal of the settings `config`.
    pub fn of(config: &Config) -> Goal {
        if config.is_digits() {
            Goal::Accuracy
        } else {
            Goal::Loss
        }
    }

    /// Whether `run` solved the task (a diverged run never has).
    pub fn solved(self, run: &RestartRun) -> bool {
        match self {
            Goal::Loss => run.loss < SOLVED_BELOW,
            Goal::Accuracy => !run.diverged && run.test_accuracy >= DIGITS_SOLVED_ACCURACY,
        }
    }

    /// Whether `run` got stuck (a diverged run, whose loss is NaN, always has).
    pub fn stuck(self, run: &RestartRun) -> bool {
        match self {
            Goal::Loss => run.loss > STUCK_ABOVE || run.loss.is_nan(),
            Goal::Accuracy => run.loss >= DIGITS_STUCK_LOSS || run.loss.is_nan(),
        }
    }
}

/// Validated arguments of a restarts request: which settings, how many runs, how long each.
#[derive(Clone, Debug)]
pub struct RestartPlan {
    config: Config,
    runs: usize,
    steps: usize,
    first_seed: u64,
}

/// A plan as plain data: the settings as a URL query and the three numbers, for handing
/// the plan to a worker that rebuilds it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestartRequest {
    pub query: String,
    pub runs: usize,
    pub steps: usize,
    pub first_seed: u64,
}

/// Where one run ended.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RestartRun {
    pub seed: u64,
    /// Mean training loss after the last step (NaN if the run diverged), over the measured
    /// training points ([`crate::data::Dataset::measured`]).
    pub loss: f64,
    /// Training accuracy after the last step, over the same points.
    pub accuracy: f64,
    /// Test accuracy after the last step (what solves the digits).
    pub test_accuracy: f64,
    pub diverged: bool,
}

/// Every run of a plan, and the shares that solved and that got stuck.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Restarts {
    pub runs: Vec<RestartRun>,
    /// What solved and stuck mean for this task.
    pub goal: Goal,
    /// Share of runs that solved the task ([`Goal::solved`]).
    pub solved: f64,
    /// Share of runs that got stuck or diverged ([`Goal::stuck`]).
    pub stuck: f64,
}

impl RestartPlan {
    /// Checks the arguments (JS numbers, so whole-ness is checked too) against the limits,
    /// naming the argument at fault: `runs`, `steps` or `firstSeed`.
    pub fn new(
        config: &Config,
        runs: f64,
        steps: f64,
        first_seed: f64,
    ) -> Result<RestartPlan, ConfigError> {
        let runs = Range::closed(1.0, MAX_RUNS as f64).check("runs", runs, true)? as usize;
        let steps = Range::closed(1.0, MAX_STEPS as f64).check("steps", steps, true)? as usize;
        let last_first_seed = MAX_SEED - (runs - 1) as f64;
        let first_seed =
            Range::closed(0.0, last_first_seed).check("firstSeed", first_seed, true)? as u64;
        let cost = Experiment::new(config)?.step_cost();
        let work = cost * steps as f64 * runs as f64;
        if work > MAX_WORK {
            return Err(ConfigError::new(
                "steps",
                ErrorText::new("restarts.tooMuch")
                    .with("runs", runs.to_string())
                    .with("steps", steps.to_string())
                    .with("work", show(work))
                    .with("max", show(MAX_WORK)),
            ));
        }
        Ok(RestartPlan {
            config: config.clone(),
            runs,
            steps,
            first_seed,
        })
    }

    /// The plan as plain data.
    pub fn request(&self) -> RestartRequest {
        RestartRequest {
            query: self.config.to_query(),
            runs: self.runs,
            steps: self.steps,
            first_seed: self.first_seed,
        }
    }

    /// What solved and stuck mean for the plan's task.
    pub fn goal(&self) -> Goal {
        Goal::of(&self.config)
    }

    /// How many runs the plan holds.
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// Run `i` (0-based): seed `first_seed + i`, trained for the plan's steps.
    pub fn run(&self, i: usize) -> RestartRun {
        let seed = self.first_seed + i as u64;
        let mut config = self.config.clone();
        config.seed = seed as f64;
        let mut experiment =
            Experiment::of_valid(&config, "only the seed differs from a validated config");
        experiment.step(self.steps);
        let (train, test) = experiment.scores();
        let diverged = experiment.diverged_at().is_some() || !train.is_finite();
        RestartRun {
            seed,
            loss: if diverged { f64::NAN } else { train.loss },
            accuracy: train.accuracy,
            test_accuracy: test.accuracy,
            diverged,
        }
    }

    /// Every run, one after the other.
    pub fn run_all(&self) -> Restarts {
        Restarts::from_runs((0..self.runs).map(|i| self.run(i)).collect(), self.goal())
    }
}

impl Restarts {
    /// The summary of finished runs, solved and stuck as `goal` reads them.
    pub fn from_runs(runs: Vec<RestartRun>, goal: Goal) -> Restarts {
        let share = |count: usize| count as f64 / runs.len().max(1) as f64;
        let solved = share(runs.iter().filter(|r| goal.solved(r)).count());
        let stuck = share(runs.iter().filter(|r| goal.stuck(r)).count());
        Restarts {
            runs,
            goal,
            solved,
            stuck,
        }
    }
}

/// The shares of final `losses` that solved the task and that got stuck, by the loss
/// thresholds of the sets in the plane ([`Goal::Loss`]). A NaN loss is a diverged run, which
/// is stuck.
pub fn solved_and_stuck(losses: &[f64]) -> (f64, f64) {
    let n = losses.len().max(1) as f64;
    let solved = losses.iter().filter(|&&l| l < SOLVED_BELOW).count();
    let stuck = losses
        .iter()
        .filter(|&&l| l > STUCK_ABOVE || l.is_nan())
        .count();
    (solved as f64 / n, stuck as f64 / n)
}

/// Final losses binned on a log10 axis, for the restarts chart: a quarter decade per bin,
/// from a power of ten at or below both the smallest loss and 10⁻³ to one at or above both
/// the largest loss and 1, so the solved and stuck thresholds are always on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct LossHistogram {
    pub log10_lo: f64,
    pub log10_hi: f64,
    pub counts: Vec<usize>,
    /// Runs whose loss is NaN (diverged): shown apart, they have no place on the axis.
    pub diverged: usize,
}

/// Bins per decade of the loss histogram.
pub const BINS_PER_DECADE: usize = 4;
/// Losses below 10^this are drawn in the first bin (a loss of exactly 0 has no logarithm).
const LOG10_FLOOR: f64 = -12.0;

impl LossHistogram {
    pub fn new(losses: &[f64]) -> LossHistogram {
        let logs = || {
            losses
                .iter()
                .filter(|l| l.is_finite())
                .map(|&l| libm::log10(l.max(0.0)).max(LOG10_FLOOR))
        };
        let log10_lo = logs().fold(-3.0_f64, f64::min).floor();
        let log10_hi = logs().fold(0.0_f64, f64::max).ceil().max(log10_lo + 1.0);
        let bins = (log10_hi - log10_lo) as usize * BINS_PER_DECADE;
        let mut counts = vec![0; bins];
        for log in logs() {
            let at = ((log - log10_lo) * BINS_PER_DECADE as f64) as usize;
            counts[at.min(bins - 1)] += 1;
        }
        let diverged = losses.iter().filter(|l| !l.is_finite()).count();
        LossHistogram {
            log10_lo,
            log10_hi,
            counts,
            diverged,
        }
    }

    /// The [lo, hi) range of log10(loss) bin `k` covers.
    pub fn bin(&self, k: usize) -> (f64, f64) {
        let width = 1.0 / BINS_PER_DECADE as f64;
        let lo = self.log10_lo + k as f64 * width;
        (lo, lo + width)
    }
}

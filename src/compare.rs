//! An A/B comparison: two networks trained side by side, B being A with the settings of
//! `vs` changed (see [`Config::versus`]). They share everything `vs` does not change (the
//! data, the seed and so the batch order), and they always train together: every step,
//! reset and re-initialisation applies to both, so their histories line up step for step.
//! With the same settings on both sides the two histories are bit for bit the same.

use crate::experiment::{Experiment, Snapshot};
use crate::{Config, ConfigError};

/// Beyond the keys a preset owns (the initialiser group and the bias), the keys the page
/// offers for B: what a comparison is about. `vs` may still change any key.
pub const B_KEYS_BEYOND_INIT: [&str; 3] = ["preset", "act", "shortcut"];

/// Whether the page offers key `row` among B's controls.
pub fn offered_for_b(row: &crate::config::Key) -> bool {
    row.init || B_KEYS_BEYOND_INIT.contains(&row.name)
}

/// Which network of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// Network A, and network B while comparing.
#[derive(Debug)]
pub struct Comparison {
    a: Experiment,
    b: Option<Experiment>,
}

impl Comparison {
    /// A from `config`, and B from `config.versus()` if it compares.
    pub fn new(config: &Config) -> Result<Comparison, ConfigError> {
        let a = Experiment::new(config)?;
        let b = match config.versus() {
            Some(b) => Some(Experiment::new(&b?)?),
            None => None,
        };
        Ok(Comparison { a, b })
    }

    pub fn a(&self) -> &Experiment {
        &self.a
    }

    pub fn a_mut(&mut self) -> &mut Experiment {
        &mut self.a
    }

    pub fn b(&self) -> Option<&Experiment> {
        self.b.as_ref()
    }

    /// Both at once, for drawing A and B from one frame.
    pub fn both_mut(&mut self) -> (&mut Experiment, Option<&mut Experiment>) {
        (&mut self.a, self.b.as_mut())
    }

    /// The settings of A (which hold B's in `vs`).
    pub fn config(&self) -> &Config {
        self.a.config()
    }

    /// Applies new settings to both. When only the learning rate, batch size, momentum or
    /// the lesson's label change on both sides, both keep training; any other change (to A, to B or to `vs`)
    /// starts both again from step 0, so that their histories stay aligned. On error
    /// nothing changes.
    pub fn configure(&mut self, config: &Config) -> Result<(), ConfigError> {
        let next_b = config.versus().transpose()?;
        let keeps_running = |now: &Experiment, next: &Config| {
            let mut same = next.clone();
            same.lr = now.config().lr;
            same.batch = now.config().batch;
            same.momentum = now.config().momentum;
            same.lesson.clone_from(&now.config().lesson); // a label: closing a lesson keeps its run
            same == *now.config()
        };
        let both_keep = keeps_running(&self.a, config)
            && match (&self.b, &next_b) {
                (Some(b), Some(next)) => keeps_running(b, next),
                (None, None) => true,
                _ => false,
            };
        if !both_keep {
            *self = Comparison::new(config)?;
            return Ok(());
        }
        // Only training settings changed: the checks passed above, so neither can fail.
        self.a.configure(config)?;
        if let (Some(b), Some(next)) = (&mut self.b, &next_b) {
            b.configure(next)?;
        }
        Ok(())
    }

    /// Trains both `n` steps (a side that has diverged stays where it stopped).
    pub fn step(&mut self, n: usize) {
        self.a.step(n);
        if let Some(b) = &mut self.b {
            b.step(n);
        }
    }

    /// Starts both again: same seeds, same weights, same batches.
    pub fn reset(&mut self) {
        self.a.reset();
        if let Some(b) = &mut self.b {
            b.reset();
        }
    }

    /// Multiply-adds one step of both costs.
    pub fn step_cost(&self) -> f64 {
        self.a.step_cost() + self.b.as_ref().map_or(0.0, Experiment::step_cost)
    }

    /// The sides that have diverged, A first.
    pub fn diverged(&self) -> Vec<Side> {
        let mut sides = Vec::new();
        if self.a.diverged_at().is_some() {
            sides.push(Side::A);
        }
        if self.b.as_ref().is_some_and(|b| b.diverged_at().is_some()) {
            sides.push(Side::B);
        }
        sides
    }

    /// A's snapshot and B's, if comparing.
    pub fn snapshots(&mut self) -> (Snapshot, Option<Snapshot>) {
        (self.a.snapshot(), self.b.as_mut().map(Experiment::snapshot))
    }
}

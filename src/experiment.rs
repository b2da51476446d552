//! An experiment: one config, its data, its network and its training history.
//!
//! The page steps it, snapshots it and reconfigures it. A seed fixes everything (data,
//! initial weights, batch order), so `reset()` replays the same run bit for bit.

use crate::config::{Config, Spec};
use crate::data::Dataset;
use crate::init::LayerInit;
use crate::landscape::{GridSpec, Landscape, LandscapeError, Objective, Plane, RollingLandscape};
use crate::mlp::{Mlp, NonFinite, Trainer};
use crate::real::Real;
use crate::rng::Rng;
pub use crate::stats::Misclassified;
use crate::stats::{Classified, Evaluator, LayerStats, LayerStatsPass, Score};
use crate::ConfigError;
use serde::Serialize;

/// The loss history keeps at most this many points; beyond it every other point is dropped.
pub const MAX_HISTORY: usize = 1000;

/// Train and test loss, recorded every `every` steps (starting at step 0); the training
/// columns over the measured training points ([`Dataset::measured`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct History {
    pub steps: Vec<usize>,
    pub train: Vec<f64>,
    pub test: Vec<f64>,
    pub train_accuracy: Vec<f64>,
    pub test_accuracy: Vec<f64>,
    /// Steps between two recorded points (doubles as the history is thinned).
    pub every: usize,
}

impl History {
    fn new() -> Self {
        History {
            steps: Vec::new(),
            train: Vec::new(),
            test: Vec::new(),
            train_accuracy: Vec::new(),
            test_accuracy: Vec::new(),
            every: 10,
        }
    }

    fn record(&mut self, step: usize, train: Score, test: Score) {
        self.steps.push(step);
        self.train.push(train.loss);
        self.test.push(test.loss);
        self.train_accuracy.push(train.accuracy);
        self.test_accuracy.push(test.accuracy);
        if self.steps.len() > MAX_HISTORY {
            self.every *= 2;
            let every = self.every;
            let keep: Vec<bool> = self.steps.iter().map(|s| s % every == 0).collect();
            for column in [
                &mut self.train,
                &mut self.test,
                &mut self.train_accuracy,
                &mut self.test_accuracy,
            ] {
                keep_marked(column, &keep);
            }
            self.steps.retain(|s| s % every == 0);
        }
    }
}

/// Whether some value of `xs` is not ±0 (NaN counts as not 0): the bits without the sign bit,
/// OR-ed over chunks of 256 so that a non-zero value near the start ends the scan early.
fn any_nonzero(xs: &[Real]) -> bool {
    xs.chunks(256)
        .any(|chunk| chunk.iter().fold(0, |bits, x| bits | (x.to_bits() << 1)) != 0)
}

/// Keeps the values of `column` whose mark in `keep` is true (the four columns the history thins).
fn keep_marked(column: &mut Vec<f64>, keep: &[bool]) {
    let mut k = keep.iter();
    column.retain(|_| *k.next().unwrap());
}

/// What the page shows at one moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    pub step: usize,
    /// Whether some number has stopped being finite. A snapshot that has not diverged holds
    /// only finite numbers (loss, accuracies, every statistic, the whole history).
    pub diverged: bool,
    /// The first step after which a number is not finite: in the batch's or any measured
    /// training ([`Dataset::measured`]) or test point's forward pass, a weight after an
    /// update, or a statistic. The same however the steps were split into calls; the run
    /// stops there, with that step's weights.
    pub diverged_at: Option<usize>,
    /// Mean training loss over the measured training points ([`Dataset::measured`]: all of
    /// them for the sets in the plane) at the current weights.
    pub loss: f64,
    pub test_loss: f64,
    pub accuracy: f64,
    pub test_accuracy: f64,
    pub history: History,
    /// Hidden layers in order, then the output layer.
    pub layers: Vec<LayerStats>,
    /// The classes: 2 for the sets in the plane, 10 for the digits.
    pub classes: usize,
    /// The test set's confusion matrix, `classes × classes` row-major: `confusion[t · classes
    /// + p]` test points of true class t predicted as p (rows are true classes, so row t sums
    /// to the test points of class t, and the trace over the total is `test_accuracy`).
    pub confusion: Vec<u32>,
    /// Per class, the share of its test points predicted right (the confusion's diagonal over
    /// its row); 0 for a class with no test point (only a set in the plane of a few points
    /// can lack one).
    pub class_accuracy: Vec<f64>,
    /// The loss of a network that knows nothing, ln C: ln 10 = 2.303 for the digits, where
    /// the loss chart draws it (None for the sets in the plane).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chance_loss: Option<f64>,
    /// The first [`MAX_MISCLASSIFIED`] test images the network gets wrong, in test order
    /// (empty for the sets in the plane, which have no images).
    pub misclassified: Vec<Misclassified>,
}

/// Most misclassified test images a snapshot lists.
pub const MAX_MISCLASSIFIED: usize = 16;

/// Per class, the confusion's diagonal over its row (0 for an empty row).
fn class_accuracy(confusion: &[u32], classes: usize) -> Vec<f64> {
    (0..classes)
        .map(|t| {
            let row = &confusion[t * classes..(t + 1) * classes];
            let total: u32 = row.iter().sum();
            if total == 0 {
                0.0
            } else {
                f64::from(row[t]) / f64::from(total)
            }
        })
        .collect()
}

/// Data, network, optimiser state and history for one config.
#[derive(Clone, Debug)]
pub struct Experiment {
    config: Config,
    spec: Spec,
    data: Dataset,
    mlp: Mlp,
    /// What each weight layer was drawn from.
    inits: Vec<LayerInit>,
    trainer: Trainer,
    evaluator: Evaluator,
    /// The order in which training points are visited; reshuffled every epoch.
    order: Vec<usize>,
    cursor: usize,
    batch_rng: Rng,
    steps: usize,
    diverged_at: Option<usize>,
    /// Per weight layer, the first step after which some weight was not 0 (see
    /// [`LayerStats::nonzero_since`]); sized once, so a step fills it without allocating.
    nonzero_since: Vec<Option<usize>>,
    history: History,
    /// The decision boundary, refreshed a slice per frame.
    rolling_grid: crate::boundary::RollingGrid,
    /// The loss landscape, refreshed a slice per call.
    rolling_landscape: RollingLandscape,
    /// The training state as of the last full check, to replay from when a run diverges.
    checkpoint: Option<Checkpoint>,
    /// A snapshot being computed a piece at a time ([`Experiment::snapshot_piece`]).
    pieces: Option<Box<SnapshotPieces>>,
}

/// [`Experiment::snapshot_piece`]'s state between calls: its own scratch (so that any other
/// evaluation meanwhile leaves the pass alone), the pass, and the step it is of.
#[derive(Clone, Debug)]
struct SnapshotPieces {
    evaluator: Evaluator,
    pass: Option<LayerStatsPass>,
    at: (usize, Option<usize>),
}

/// The training state at a step where every training and test point's forward pass was
/// finite (a full check: each history record, each snapshot). A step only sees its batch, so
/// a non-finite number on another point is found at the next full check, up to a record late;
/// replaying from here one step at a time, with a full check after each, pins the step it
/// appeared at. Replay is bit-exact: the same parameters, velocity, batch order, cursor and
/// random stream give the same steps.
///
/// Saved by copying into buffers sized once, so a full check costs a copy and no allocation,
/// and nothing is replayed until a run diverges.
#[derive(Clone, Debug)]
struct Checkpoint {
    steps: usize,
    params: Vec<Real>,
    velocity: Vec<Real>,
    order: Vec<usize>,
    cursor: usize,
    batch_rng: Rng,
}

/// Independent random streams from one seed: data, weights and batch order.
const WEIGHT_STREAM: u64 = 0x57E1_6475;
const BATCH_STREAM: u64 = 0xBA7C_4E50;
/// The stream of the `jitter` noise, apart from the weights' own so that adding noise leaves
/// the underlying draws as they were: B = A's init plus noise, weight for weight.
const JITTER_STREAM: u64 = 0x0A15_E5EE;
/// The stream of biases drawn from N(0, σ_b²) (`bsigma`), apart from the weights' own so
/// that σ_b moves the network along the phase diagram's σ_b axis with the same weights.
const BIAS_STREAM: u64 = 0xB1A5_5D0E;
/// The stream of the loss landscape's two directions (the same for every step of a run).
const LANDSCAPE_STREAM: u64 = 0x1A4D_5CA9;

impl Experiment {
    /// The experiment of `config`, which the caller knows to be valid (`why` says how).
    /// A failure is a bug, and it panics with `why` alone: `Result::expect` would also
    /// print the error, which ships the whole `Debug` formatting of errors in the wasm
    /// for a case that never happens.
    pub fn of_valid(config: &Config, why: &str) -> Experiment {
        match Experiment::new(config) {
            Ok(experiment) => experiment,
            Err(_) => panic!("{why}"),
        }
    }

    /// The experiment of `config`, or the first error that validation finds in it.
    pub fn new(config: &Config) -> Result<Experiment, ConfigError> {
        let spec = config.validate()?;
        Ok(Experiment::with_spec(config, spec))
    }

    /// The experiment of `config`, whose validated form is `spec`: the data, and every layer
    /// drawn from the init that validation resolved for it (so the resolution runs once).
    fn with_spec(config: &Config, spec: Spec) -> Experiment {
        let data = Dataset::generate(&spec.data);
        let mut mlp = Mlp::with_shortcut(&spec.sizes(), spec.hidden, spec.shortcut);
        let mut rng = Rng::seed_from(spec.seed ^ WEIGHT_STREAM);
        // Each layer's init was resolved from its true fans (the output of a shortcut net
        // has h + 2 inputs), in the order of the network's layers.
        let mut inits = spec.layers.clone();
        let mut bias_rng = Rng::seed_from(spec.seed ^ BIAS_STREAM);
        for (shape, init) in mlp.layers.clone().into_iter().zip(&inits) {
            let weights = &mut mlp.params[shape.weights()];
            init.fill_weights(weights, shape.n_out, shape.n_in, &mut rng);
            // Zero or constant biases draw nothing, so with bsigma = 0 (or an override-free
            // link) every existing run stays bit for bit what it was.
            let biases = match spec.bias {
                crate::init::BiasInit::Normal { .. } => &mut bias_rng,
                _ => &mut rng,
            };
            mlp.fill(shape.biases(), &spec.bias.distribution(init), biases);
        }
        if spec.jitter > 0.0 {
            // Noise on the weights only (the biases stay as `bias` says). With jitter = 0 no
            // number is drawn, so every existing run stays bit for bit what it was.
            let mut noise = Rng::seed_from(spec.seed ^ JITTER_STREAM);
            let jitter = crate::init::Distribution::Normal { std: spec.jitter };
            for shape in mlp.layers.clone() {
                for w in &mut mlp.params[shape.weights()] {
                    *w += jitter.sample(&mut noise) as crate::real::Real;
                }
            }
        }
        if spec.weights.family == crate::init::Family::Lsuv {
            crate::init::lsuv::rescale(&mut mlp, &data.train.x, &mut inits); // needs the data
        }
        let trainer = Trainer::new(&mlp, spec.batch);
        let evaluator = Evaluator::new(&mlp);
        let depth = mlp.layers.len();
        let mut experiment = Experiment {
            config: config.clone(),
            order: (0..data.train.len()).collect(),
            cursor: usize::MAX,
            batch_rng: Rng::seed_from(spec.seed ^ BATCH_STREAM),
            spec,
            data,
            mlp,
            inits,
            trainer,
            evaluator,
            steps: 0,
            diverged_at: None,
            nonzero_since: vec![None; depth],
            history: History::new(),
            rolling_grid: crate::boundary::RollingGrid::new(),
            rolling_landscape: RollingLandscape::new(),
            checkpoint: None,
            pieces: None,
        };
        experiment.note_nonzero_weights();
        experiment.record();
        experiment
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    pub fn mlp(&self) -> &Mlp {
        &self.mlp
    }

    /// Per weight layer, the step after which some weight first was not 0 (`None`: all still
    /// 0), as the snapshot's [`LayerStats::nonzero_since`] has it, without computing a snapshot.
    pub fn nonzero_since(&self) -> &[Option<usize>] {
        &self.nonzero_since
    }

    pub fn inits(&self) -> &[LayerInit] {
        &self.inits
    }

    pub fn steps_done(&self) -> usize {
        self.steps
    }

    pub fn diverged_at(&self) -> Option<usize> {
        self.diverged_at
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// Gradient of the last training step (same layout as the parameters).
    pub fn last_gradient(&self) -> &[crate::real::Real] {
        &self.trainer.grads
    }

    /// Apply a new config. Learning rate, batch size and momentum take effect on the next
    /// step and keep the run going; any other change starts a fresh run. On error nothing changes.
    pub fn configure(&mut self, config: &Config) -> Result<(), ConfigError> {
        let spec = config.validate()?;
        let only_training_changed = {
            let mut same = config.clone();
            same.lr = self.config.lr;
            same.batch = self.config.batch;
            same.momentum = self.config.momentum;
            same.vs.clone_from(&self.config.vs); // B's settings are not this network's
            same.lesson.clone_from(&self.config.lesson); // a label, not a setting of the network
            same == self.config
        };
        if only_training_changed {
            // A replay must step with the settings the run was trained with: settle what the
            // steps so far did before the new ones take effect.
            if self.diverged_at.is_none() {
                self.full_check_or_pin();
            }
            if spec.batch != self.spec.batch {
                let velocity = std::mem::take(&mut self.trainer.velocity);
                self.trainer = Trainer::new(&self.mlp, spec.batch);
                self.trainer.velocity = velocity;
            }
            self.spec = spec;
            self.config = config.clone();
        } else {
            *self = Experiment::with_spec(config, spec);
        }
        Ok(())
    }

    /// Start the same run again: same seed, so the same data, weights and batches.
    pub fn reset(&mut self) {
        *self = Experiment::of_valid(
            &self.config,
            "the current config was validated when it was set",
        );
    }

    /// Start a fresh run with another seed.
    pub fn reseed(&mut self, seed: u64) {
        let mut config = self.config.clone();
        config.seed = (seed % (crate::config::MAX_SEED as u64 + 1)) as f64;
        *self = Experiment::of_valid(&config, "only the seed changed, and every seed is valid");
    }

    /// Train `n` mini-batch steps. Stops at the first step after which any number is not
    /// finite, sets `diverged_at` to it and keeps the weights of that step; `reset()` recovers.
    ///
    /// The checks ride on work done anyway: every layer's z in the batch's forward pass, the
    /// parameters as they are updated, and every point's forward pass whenever the history
    /// records. The last finds a point outside the batch up to a record late, so any finding
    /// is pinned to its step by a replay from the last full check (see [`Checkpoint`]).
    pub fn step(&mut self, n: usize) {
        for _ in 0..n {
            if self.diverged_at.is_some() {
                return;
            }
            if self.train_one().is_err() {
                self.pin_divergence();
                return;
            }
            if self.steps.is_multiple_of(self.history.every) {
                self.record();
            }
        }
    }

    /// One mini-batch step. On [`NonFinite::Forward`] the weights and the step count stay as
    /// they were (the current weights are the diverged ones); on [`NonFinite::Update`] the
    /// step counts (its new weights are).
    fn train_one(&mut self) -> Result<(), NonFinite> {
        let batch_len = self.spec.batch.min(self.order.len());
        if self.cursor.saturating_add(batch_len) > self.order.len() {
            self.batch_rng.shuffle(&mut self.order);
            self.cursor = 0;
        }
        let batch = &self.order[self.cursor..self.cursor + batch_len];
        self.cursor += batch_len;
        let outcome = self.trainer.step(
            &mut self.mlp,
            &self.data.train.x,
            &self.data.train.y,
            batch,
            self.spec.loss,
            self.spec.lr,
            self.spec.momentum,
        );
        if outcome != Err(NonFinite::Forward) {
            self.steps += 1;
            self.note_nonzero_weights();
        }
        outcome
    }

    /// Marks each layer whose weights left 0 on this step. Only layers still all zero are
    /// scanned: once every layer has moved (any random init, from step 0) this is a few
    /// comparisons per step. A frozen layer is scanned whole every step, as a branch-free OR
    /// of the weights' bits that the compiler vectorises: 2.3 µs natively for the 33 000
    /// weights of eight zero-init layers of 64, against about 35 µs for `any(|w| w != 0)`
    /// and 300+ µs for the step itself.
    fn note_nonzero_weights(&mut self) {
        for (since, shape) in self.nonzero_since.iter_mut().zip(&self.mlp.layers) {
            if since.is_none() && any_nonzero(&self.mlp.params[shape.weights()]) {
                *since = Some(self.steps);
            }
        }
    }

    /// Add the current losses to the history and keep this state as the checkpoint, or, if
    /// they are not finite, pin the step the run diverged at (so the history only ever holds
    /// finite numbers).
    fn record(&mut self) {
        let (train, test) = self.scores();
        if train.is_finite() && test.is_finite() {
            self.history.record(self.steps, train, test);
            self.save_checkpoint();
        } else {
            self.pin_divergence();
        }
    }

    /// The full check outside a record: every point's forward pass at the current weights.
    /// Keeps this state as the checkpoint if finite, else pins the step the run diverged at.
    fn full_check_or_pin(&mut self) {
        if self.all_points_finite() {
            self.save_checkpoint();
        } else {
            self.pin_divergence();
        }
    }

    /// Whether the forward pass of every training and test point is finite now.
    fn all_points_finite(&mut self) -> bool {
        let (train, test) = self.scores();
        train.is_finite() && test.is_finite()
    }

    fn save_checkpoint(&mut self) {
        match &mut self.checkpoint {
            // `clone_from` reuses the buffers: same lengths, no allocation.
            Some(saved) => {
                saved.steps = self.steps;
                saved.params.clone_from(&self.mlp.params);
                saved.velocity.clone_from(&self.trainer.velocity);
                saved.order.clone_from(&self.order);
                saved.cursor = self.cursor;
                saved.batch_rng.clone_from(&self.batch_rng);
            }
            None => {
                self.checkpoint = Some(Checkpoint {
                    steps: self.steps,
                    params: self.mlp.params.clone(),
                    velocity: self.trainer.velocity.clone(),
                    order: self.order.clone(),
                    cursor: self.cursor,
                    batch_rng: self.batch_rng.clone(),
                })
            }
        }
    }

    /// Something was found not finite at the current step, by a step, a record or a
    /// snapshot. Go back to the checkpoint and replay one step at a time with a full check
    /// after each, up to this step: the first step that fails is where the run diverged, and
    /// the run stays there. Without a checkpoint (the initial weights failed) it is this step.
    fn pin_divergence(&mut self) {
        let found_at = self.steps;
        if let Some(saved) = &self.checkpoint {
            self.steps = saved.steps;
            self.mlp.params.clone_from(&saved.params);
            self.trainer.velocity.clone_from(&saved.velocity);
            self.order.clone_from(&saved.order);
            self.cursor = saved.cursor;
            self.batch_rng.clone_from(&saved.batch_rng);
            // The replay notes again what the steps after the checkpoint moved.
            for since in &mut self.nonzero_since {
                *since = since.filter(|&step| step <= saved.steps);
            }
            // Until a check fails; if none does before `found_at` (a snapshot's gradient over
            // all points can overflow where no forward pass does), the run diverged there.
            while self.steps < found_at {
                if self.train_one().is_err() || !self.all_points_finite() {
                    break;
                }
            }
        }
        self.diverged_at = Some(self.steps);
    }

    /// Loss and accuracy on the measured training points ([`Dataset::measured`]) and the test
    /// split at the current weights.
    pub fn scores(&mut self) -> (Score, Score) {
        let train = self
            .evaluator
            .score(&self.mlp, self.data.measured(), self.spec.loss);
        let test = self
            .evaluator
            .score(&self.mlp, &self.data.test, self.spec.loss);
        (train, test)
    }

    /// Everything the page draws, computed over the measured training points
    /// ([`Dataset::measured`]: all of them for the sets in the plane) and the whole test set
    /// at the current weights.
    pub fn snapshot(&mut self) -> Snapshot {
        let (layers, train) = self.evaluator.layer_stats(
            &self.mlp,
            &self.inits,
            self.data.measured(),
            self.spec.loss,
        );
        self.snapshot_from(layers, train)
    }

    /// [`Experiment::snapshot`] spread over calls, so that a deep network's animation frame
    /// stays short: each call does about `work` multiply-adds of the pass over the training
    /// points (whole layers of a chunk, at least one) and returns `None` until the pass is
    /// done; the call that finishes it also scores the test set and returns the snapshot.
    /// The pass adds the same numbers in the same order as `snapshot`, so the result is the
    /// same bit for bit. A step taken between calls starts the pass again.
    pub fn snapshot_piece(&mut self, work: f64) -> Option<Snapshot> {
        let at = (self.steps, self.diverged_at);
        let pieces = match self.pieces.take() {
            Some(pieces) if pieces.at == at && pieces.pass.is_some() => pieces,
            old => {
                let mut evaluator = old.map_or_else(|| self.evaluator.clone(), |p| p.evaluator);
                let pass = Some(evaluator.begin_layer_stats(&self.mlp));
                Box::new(SnapshotPieces {
                    evaluator,
                    pass,
                    at,
                })
            }
        };
        let mut pieces = pieces;
        let (train, loss) = (self.data.measured(), self.spec.loss);
        let pass = pieces.pass.as_mut().expect("a pass was started above");
        let done = (pieces.evaluator).advance_layer_stats(pass, &self.mlp, train, loss, work);
        if !done {
            self.pieces = Some(pieces);
            return None;
        }
        let pass = pieces.pass.take().expect("a pass was started above");
        let n = train.len();
        let (layers, train) =
            (pieces.evaluator).finish_layer_stats(pass, &self.mlp, &self.inits, n);
        self.pieces = Some(pieces); // its scratch, for the next pass
        Some(self.snapshot_from(layers, train))
    }

    /// The snapshot from the training statistics of the current weights: adds the test
    /// set's scores and the full check that a pass over every measured point makes.
    fn snapshot_from(&mut self, mut layers: Vec<LayerStats>, train: Score) -> Snapshot {
        for (layer, &since) in layers.iter_mut().zip(&self.nonzero_since) {
            layer.nonzero_since = since;
        }
        let mut classified = Classified::default();
        let test = self.evaluator.classify(
            &self.mlp,
            &self.data.test,
            self.spec.loss,
            Some((&mut classified, MAX_MISCLASSIFIED)),
        );
        // The statistics see every measured point (and the gradient over them), which a
        // mini-batch step does not: a full check, so this state is the new checkpoint, or
        // the run has diverged at this step or, found by replay, an earlier one.
        let finite = train.is_finite() && test.is_finite() && layers.iter().all(|l| l.is_finite());
        if self.diverged_at.is_none() {
            if finite {
                self.save_checkpoint();
            } else {
                let found_at = self.steps;
                self.pin_divergence();
                if self.steps != found_at {
                    return self.snapshot(); // of the step it diverged at
                }
            }
        }
        Snapshot {
            step: self.steps,
            diverged: self.diverged_at.is_some(),
            diverged_at: self.diverged_at,
            loss: train.loss,
            test_loss: test.loss,
            accuracy: train.accuracy,
            test_accuracy: test.accuracy,
            history: self.history.clone(),
            layers,
            classes: self.data.classes(),
            class_accuracy: class_accuracy(&classified.confusion, self.data.classes()),
            confusion: classified.confusion,
            chance_loss: self
                .data
                .kind
                .is_digits()
                .then(|| libm::log(self.data.classes() as f64)),
            misclassified: classified.wrong,
        }
    }

    /// ‖∇L‖: the norm of the gradient of the mean training loss over every weight and bias,
    /// at the current weights (the same gradient the snapshot's per-layer `grad_norm`s split up).
    pub fn gradient_norm(&mut self) -> f64 {
        let (layers, _) = self.evaluator.layer_stats(
            &self.mlp,
            &self.inits,
            self.data.measured(),
            self.spec.loss,
        );
        f64::sqrt(layers.iter().map(|l| l.grad_norm * l.grad_norm).sum())
    }

    /// The second difference of the mean training loss along every parameter axis,
    /// (L(θ + h·eᵢ) − 2L(θ) + L(θ − h·eᵢ)) / h², in the engine's parameter order.
    ///
    /// The weights are f32, so θᵢ ± h is rounded: the steps actually taken, h₊ and h₋, are
    /// measured back (exactly, in f64) and the three-point formula for unequal steps is used,
    /// 2·(h₋·L₊ − (h₊ + h₋)·L₀ + h₊·L₋) / (h₊·h₋·(h₊ + h₋)), which is the formula above when
    /// h₊ = h₋ = h. The losses are summed in f64 by the snapshot's own code. Works on one
    /// scratch copy of the network: 2·(parameters) + 1 forward passes over the training split.
    pub fn axis_curvature(&mut self, h: f64) -> Vec<f64> {
        let (train, loss) = (self.data.measured(), self.spec.loss);
        let centre = self.evaluator.training_loss(&self.mlp, train, loss);
        let mut probe = self.mlp.clone();
        (0..probe.params.len())
            .map(|i| {
                let theta = self.mlp.params[i];
                let mut at = |step: f64| {
                    probe.params[i] = (theta as f64 + step) as Real;
                    let taken = (probe.params[i] as f64 - theta as f64).abs();
                    (taken, self.evaluator.training_loss(&probe, train, loss))
                };
                let ((up, l_up), (down, l_down)) = (at(h), at(-h));
                probe.params[i] = theta;
                2.0 * (down * l_up - (up + down) * centre + up * l_down) / (up * down * (up + down))
            })
            .collect()
    }

    /// Multiply-adds one training step costs (forward, backward and weight gradient over a
    /// batch): lets callers bound how much work one request may ask for.
    pub fn step_cost(&self) -> f64 {
        let per_sample: usize = self.mlp.layers.iter().map(|l| l.n_in * l.n_out).sum();
        3.0 * per_sample as f64 * self.spec.batch.min(self.order.len()) as f64
    }

    /// The network's output over an `n × n` grid of raw coordinates covering the data.
    pub fn decision_grid(&mut self, n: usize) -> crate::boundary::Grid {
        crate::boundary::decision_grid(&self.mlp, &self.data, n, self.evaluator.workspace())
    }

    /// The decision grid, refreshing at most `budget` of its `n × n` cells now (the first
    /// call after a (re)start computes all of them). Keeps deep networks' frames short.
    pub fn decision_grid_rolling(&mut self, n: usize, budget: usize) -> &crate::boundary::Grid {
        self.rolling_grid
            .advance(&self.mlp, &self.data, n, budget, self.evaluator.workspace())
    }

    /// The loss landscape around the current weights: the mean training loss on an `n × n`
    /// grid of the plane θ + α·d₁ + β·d₂, α and β in [−span, span], with the directions of
    /// this run's seed (see [`crate::landscape`]). Its `center_loss` is the snapshot's `loss`.
    ///
    /// Refuses, naming the argument and its limits, an `n` outside
    /// [[`MIN_LANDSCAPE_N`](crate::landscape::MIN_LANDSCAPE_N), [`MAX_LANDSCAPE_N`](crate::landscape::MAX_LANDSCAPE_N)]
    /// and a `span` that is not finite or outside (0, [`MAX_LANDSCAPE_SPAN`](crate::landscape::MAX_LANDSCAPE_SPAN)].
    /// Costs [`Experiment::landscape_cost`] multiply-adds.
    pub fn landscape(&mut self, n: usize, span: f64) -> Result<Landscape, LandscapeError> {
        self.landscape_in(Plane::Random, n, span)
    }

    /// [`Experiment::landscape`] in `plane` (the random plane, or the saddle's: see
    /// [`crate::landscape`]).
    pub fn landscape_in(
        &mut self,
        plane: Plane,
        n: usize,
        span: f64,
    ) -> Result<Landscape, LandscapeError> {
        let spec = GridSpec::new(n as f64, span)?.on(plane);
        let at = Objective {
            mlp: &self.mlp,
            train: self.data.measured(),
            loss: self.spec.loss,
        };
        let seed = self.spec.seed ^ LANDSCAPE_STREAM;
        Ok(crate::landscape::landscape(
            at,
            spec,
            seed,
            &mut self.evaluator,
        ))
    }

    /// The loss landscape, refreshing at most `budget` of its cells now (and its centre), so
    /// that a deep network's landscape costs a bounded amount of work per frame. Cells not yet
    /// evaluated after a (re)start or a change of `n` or `span` hold NaN. Same checks as
    /// [`Experiment::landscape`].
    pub fn landscape_rolling(
        &mut self,
        n: usize,
        span: f64,
        budget: usize,
    ) -> Result<&Landscape, LandscapeError> {
        self.landscape_rolling_in(Plane::Random, n, span, budget)
    }

    /// [`Experiment::landscape_rolling`] in `plane`; a change of plane starts a new grid.
    pub fn landscape_rolling_in(
        &mut self,
        plane: Plane,
        n: usize,
        span: f64,
        budget: usize,
    ) -> Result<&Landscape, LandscapeError> {
        let spec = GridSpec::new(n as f64, span)?.on(plane);
        let at = Objective {
            mlp: &self.mlp,
            train: self.data.measured(),
            loss: self.spec.loss,
        };
        let seed = self.spec.seed ^ LANDSCAPE_STREAM;
        Ok(self
            .rolling_landscape
            .advance(at, spec, seed, budget, &mut self.evaluator))
    }

    /// The rolling landscape as the last [`Experiment::landscape_rolling`] left it, without
    /// refreshing anything: `None` if it was for another `n` or `span` (or there is none yet).
    pub fn landscape_current(&self, n: usize, span: f64) -> Option<&Landscape> {
        self.landscape_current_in(Plane::Random, n, span)
    }

    /// [`Experiment::landscape_current`] in `plane`.
    pub fn landscape_current_in(&self, plane: Plane, n: usize, span: f64) -> Option<&Landscape> {
        let spec = GridSpec::new(n as f64, span).ok()?.on(plane);
        self.rolling_landscape.current(spec)
    }

    /// The mean training loss at θ + t·d for each `t` of `distances`, `direction` laid out
    /// like the parameters (the snapshot's own loss code, on one scratch copy of the network).
    /// Lets a verdict look for a point lower than θ along a direction it names.
    pub fn losses_along(&mut self, direction: &[f64], distances: &[f64]) -> Vec<f64> {
        let mut probe = self.mlp.clone();
        distances
            .iter()
            .map(|&t| {
                for ((p, &w), &d) in probe.params.iter_mut().zip(&self.mlp.params).zip(direction) {
                    *p = (w as f64 + t * d) as Real;
                }
                (self.evaluator).training_loss(&probe, self.data.measured(), self.spec.loss)
            })
            .collect()
    }

    /// Cells of the rolling landscape evaluated at exactly the current weights: n² when its
    /// whole picture is up to date (see [`RollingLandscape::fresh`]).
    pub fn landscape_fresh(&self) -> usize {
        self.rolling_landscape.fresh(&self.mlp)
    }

    /// Multiply-adds of an `n × n` landscape: n² + 1 forward passes over the measured
    /// training points.
    pub fn landscape_cost(&self, n: usize) -> f64 {
        let per_sample: usize = self.mlp.layers.iter().map(|l| l.n_in * l.n_out).sum();
        let passes = (n as f64) * (n as f64) + 1.0;
        passes * per_sample as f64 * self.data.measured().len() as f64
    }

    /// FNV-1a over the bits of the recorded train and test losses: equal checksums mean
    /// bit-identical runs (used to check that wasm and native agree).
    pub fn history_checksum(&self) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for x in self.history.train.iter().chain(&self.history.test) {
            for byte in x.to_bits().to_le_bytes() {
                hash ^= byte as u64;
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_nonzero_sees_one_weight_anywhere_and_not_a_negative_zero() {
        let mut xs = vec![0.0 as Real; 1000];
        assert!(!any_nonzero(&xs));
        xs[17] = -0.0;
        assert!(!any_nonzero(&xs), "−0 is 0");
        for (at, value) in [
            (999, 1e-45),
            (0, -3.0),
            (511, Real::NAN),
            (256, Real::INFINITY),
        ] {
            let mut moved = xs.clone();
            moved[at] = value;
            assert!(any_nonzero(&moved), "{value} at {at}");
        }
    }
}

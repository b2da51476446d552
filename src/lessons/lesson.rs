//! What a lesson is: its settings, the view that shows the answer, and its verdict, a
//! message (an id and named arguments) that the page words in the learner's language.

use crate::config::Config;
use crate::error::Args;
use crate::experiment::Snapshot;
use crate::restarts::Restarts;
use crate::spectrum::{Spectrum, SpectrumError};
use crate::stats::LayerStats;
use crate::through_depth::ThroughDepth;
use crate::ConfigError;
use serde::Serialize;

/// The chart (or panel) a lesson points at; the page scrolls it into view and highlights it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    Activation,
    Loss,
    Network,
    Boundary,
    Landscape,
    Depth,
    Gradients,
    Restarts,
    Table,
    /// The through-depth view: q^l and c^l measured against the mean-field theory.
    Through,
    /// The Jacobian's singular values (src/web/charts/spectrum.rs).
    Spectrum,
}

/// Evidence a verdict needs beyond the snapshots, which the caller computes on request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// The snapshots of A (and B) are enough.
    Snapshots,
    /// The loss's curvature along every parameter axis of A ([`Curvature`]).
    Curvature,
    /// The restarts panel's result for the current settings.
    Restarts,
    /// The snapshots of A (and B) at step 0 of the current settings, besides the current ones:
    /// a lesson that judges the init and what training made of it.
    Start,
    /// A's (and B's) correlation of two training points through depth ([`Evidence::through`]).
    ThroughDepth,
    /// The Jacobian's spectrum of A (and B) at step 0 of the current settings ([`Spectra`]).
    Spectrum,
}

/// The spectrum of the Jacobian from the first to the last hidden layer of A (and B), at
/// training point 0 of the step-0 draw, or why there is none (too shallow, too wide).
#[derive(Clone, Debug, PartialEq)]
pub struct Spectra {
    pub a: Result<Spectrum, SpectrumError>,
    /// B's while the settings compare.
    pub b: Option<Result<Spectrum, SpectrumError>>,
}

/// The training loss around A's current weights along each parameter axis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Curvature {
    /// ‖∇L‖ over all parameters.
    pub grad_norm: f64,
    /// (L(θ + h·eᵢ) − 2L(θ) + L(θ − h·eᵢ)) / h² for every parameter i, in the engine's
    /// parameter order.
    pub along_axes: Vec<f64>,
    /// L(θ), the snapshot's loss.
    pub center: f64,
    /// The lowest eigenvalue of the Hessian (every second derivative, mixed ones included),
    /// for nets of at most [`super::hessian::HESSIAN_MAX_PARAMS`] parameters at a stationary
    /// point (`None` elsewhere): below 0 some direction curves down, though perhaps no single
    /// axis does.
    pub lowest_eigen: Option<f64>,
    /// The lowest point the search found below L(θ) (see the saddle lesson), if any.
    pub lower: Option<LowerPoint>,
}

/// A point near θ where the loss is lower than at θ: the evidence that θ is not a minimum.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LowerPoint {
    /// The loss there.
    pub loss: f64,
    /// Its distance from θ in parameter space (every weight and bias).
    pub distance: f64,
}

/// What the restarts panel found for the current settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RestartsSeen {
    pub runs: usize,
    pub steps: usize,
    /// Shares of runs that solved (loss < 0.01) and that got stuck (loss > 0.1).
    pub solved: f64,
    pub stuck: f64,
}

impl RestartsSeen {
    /// What `restarts` (a plan of `steps` steps per run) found.
    pub fn from_restarts(restarts: &Restarts, steps: usize) -> RestartsSeen {
        RestartsSeen {
            runs: restarts.runs.len(),
            steps,
            solved: restarts.solved,
            stuck: restarts.stuck,
        }
    }
}

/// Everything a verdict may look at.
pub struct Evidence<'a> {
    pub a: &'a Snapshot,
    /// B's snapshot while comparing.
    pub b: Option<&'a Snapshot>,
    /// Present when the lesson [`Needs::Curvature`].
    pub curvature: Option<&'a Curvature>,
    /// Present when the lesson [`Needs::Restarts`] and the panel has a result for these settings.
    pub restarts: Option<&'a RestartsSeen>,
    /// Present when the lesson [`Needs::Start`]: A's (and B's) snapshot at step 0.
    pub start: Option<(&'a Snapshot, Option<&'a Snapshot>)>,
    /// Present when the lesson [`Needs::ThroughDepth`]: A's (and B's) through-depth view at
    /// the lesson's pair of training points ([`super::edge_points`]).
    pub through: Option<(&'a ThroughDepth, Option<&'a ThroughDepth>)>,
    /// Present when the lesson [`Needs::Spectrum`].
    pub spectra: Option<&'a Spectra>,
}

/// One argument of a message: a number (the page formats it), a name (a layer's name,
/// which the page translates), or the forward variance worked through layer by layer (the page
/// writes each layer as "n·Var(w)·E[a²] = predicted (measured)").
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Number(f64),
    Text(String),
    Variances(Vec<LayerVariance>),
}

/// One layer's Var(z) = n·Var(w)·E[a²] with the live numbers: its fan-in n, the variance of
/// its weights, the mean square of its inputs, their product (the prediction, biases left out)
/// and Var(z) as measured over the training points.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerVariance {
    pub n: usize,
    pub w_var: f64,
    pub a_sq: f64,
    pub predicted: f64,
    pub measured: f64,
}

impl LayerVariance {
    /// The layer's numbers from its statistics.
    pub fn of(layer: &LayerStats) -> LayerVariance {
        LayerVariance {
            n: layer.fan_in,
            w_var: layer.w_var,
            a_sq: layer.a_in_sq,
            predicted: layer.fan_in as f64 * layer.w_var * layer.a_in_sq,
            measured: layer.z_std * layer.z_std,
        }
    }
}

impl From<f64> for Arg {
    fn from(x: f64) -> Arg {
        Arg::Number(x)
    }
}

impl From<usize> for Arg {
    fn from(x: usize) -> Arg {
        Arg::Number(x as f64)
    }
}

impl From<Vec<LayerVariance>> for Arg {
    fn from(x: Vec<LayerVariance>) -> Arg {
        Arg::Variances(x)
    }
}

impl From<&str> for Arg {
    fn from(x: &str) -> Arg {
        Arg::Text(x.to_string())
    }
}

/// A sentence for the page to word: its id in the string tables and its named arguments.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Message {
    pub id: String,
    pub args: Args<Arg>,
}

impl Message {
    /// The message `id`, without arguments yet.
    pub fn new(id: &str) -> Message {
        Message {
            id: id.to_string(),
            args: Args::new(),
        }
    }

    /// The plain verdict sentence of lesson `lesson`: "<lesson>.holds" or "<lesson>.fails".
    pub fn outcome(lesson: &str, holds: bool) -> Message {
        Message::new(&format!(
            "{lesson}.{}",
            if holds { "holds" } else { "fails" }
        ))
    }

    /// The same message with one more argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.insert(name, value.into());
        self
    }

    /// A layer-by-layer variance argument, for tests.
    pub fn variances(&self, name: &str) -> Option<&[LayerVariance]> {
        match self.args.get(name) {
            Some(Arg::Variances(x)) => Some(x),
            _ => None,
        }
    }

    /// A number argument, for tests.
    pub fn number(&self, name: &str) -> Option<f64> {
        match self.args.get(name) {
            Some(Arg::Number(x)) => Some(*x),
            _ => None,
        }
    }
}

/// Whether the lesson's claim holds now, and the sentence (with its number) that says so.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    pub holds: bool,
    pub message: Message,
}

impl Verdict {
    pub fn new(holds: bool, message: Message) -> Verdict {
        Verdict { holds, message }
    }
}

/// One lesson.
pub struct Lesson {
    /// The URL's `lesson=` value.
    pub id: &'static str,
    /// A's settings over the defaults, as a URL query; B's (if it compares) under `vs`.
    pub settings: &'static str,
    /// Steps to run before the verdict means what the text says.
    pub steps: usize,
    /// The view that shows the answer.
    pub view: View,
    pub needs: Needs,
    /// The live verdict.
    pub judge: Judge,
}

/// How a lesson judges: from A alone, or by contrasting A with B (its settings then set up
/// a B with `vs`, and the verdict waits for B while the learner has stopped comparing).
#[derive(Clone, Copy)]
pub enum Judge {
    One(fn(&Evidence) -> Verdict),
    AgainstB(fn(&Evidence, &Snapshot) -> Verdict),
}

impl Lesson {
    /// The lesson's settings as a config: the defaults, then the lesson's keys.
    pub fn config(&self) -> Result<Config, ConfigError> {
        Config::default().with_changes([("lesson", self.id)])
    }

    /// The verdict from the evidence. A lesson judged against B says so while B is missing
    /// (the learner stopped comparing) instead of judging half the experiment.
    ///
    /// A lesson set up with hidden layers says so when A or B has none (`layers=0`): its
    /// claim is about hidden units, and its verdict would have none to judge.
    ///
    /// A lesson that reads the snapshots says which side diverged, and at which step, once A
    /// or B has: a diverged run stops with weights whose loss or statistics are not finite,
    /// and a verdict would print those NaNs (or fall to a sentence the numbers do not mean).
    /// `xor-restarts` judges the restarts panel's runs, not A's, and is left to them.
    pub fn verdict(&self, evidence: &Evidence) -> Verdict {
        let without_hidden = |s: &Snapshot| s.layers.len() < 2;
        if self.has_hidden_layers()
            && (without_hidden(evidence.a) || evidence.b.is_some_and(without_hidden))
        {
            return Verdict::new(false, Message::new("lesson.needsHidden"));
        }
        if self.needs != Needs::Restarts {
            if let Some(message) = diverged(evidence.a, evidence.b) {
                return Verdict::new(false, message);
            }
        }
        match (self.judge, evidence.b) {
            (Judge::One(judge), _) => judge(evidence),
            (Judge::AgainstB(judge), Some(b)) => judge(evidence, b),
            (Judge::AgainstB(_), None) => Verdict::new(false, Message::new("lesson.needsB")),
        }
    }

    /// Whether its settings give the network hidden layers (every lesson's but `no-hidden`'s).
    pub fn has_hidden_layers(&self) -> bool {
        !crate::link::query_pairs(self.settings).any(|(key, value)| key == "layers" && value == "0")
    }

    /// Whether its settings set up a B (every [`Judge::AgainstB`] lesson does; a lesson
    /// judging A alone may still show a B beside it).
    pub fn compares(&self) -> bool {
        crate::link::query_pairs(self.settings).any(|(key, _)| key == "vs")
    }
}

/// The message for a pair of which a side has diverged: "lesson.diverged" naming the side
/// and its step, or "lesson.divergedBoth" with both steps; `None` while neither has.
fn diverged(a: &Snapshot, b: Option<&Snapshot>) -> Option<Message> {
    match (a.diverged_at, b.and_then(|b| b.diverged_at)) {
        (None, None) => None,
        (Some(step_a), Some(step_b)) => Some(
            Message::new("lesson.divergedBoth")
                .with("stepA", step_a)
                .with("stepB", step_b),
        ),
        (Some(step), None) => Some(side_diverged("A", step)),
        (None, Some(step)) => Some(side_diverged("B", step)),
    }
}

fn side_diverged(side: &str, step: usize) -> Message {
    Message::new("lesson.diverged")
        .with("side", side)
        .with("step", step)
}

/// Share of `part` in `whole`, 0 for an empty whole.
pub(crate) fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

//! Guided lessons: one per question learners keep asking about initialisation.
//!
//! A lesson is a setting of the page (network A and, where it argues by contrast, network B),
//! the number of steps to run, the view that shows the answer, and a **verdict**: a function
//! of the running network(s) that says whether the lesson's claim holds right now, and with
//! which number. The verdict is re-evaluated on every frame, so a learner who changes a
//! setting sees it flip.
//!
//! Verdicts are messages (an id and named arguments), not sentences: the page formats them
//! with its string table, so every language words them its own way.
//!
//! - [`symmetry`]: zero and constant inits, the layers unfreezing from the output down, breaking the symmetry, the XOR nets, the saddle
//!   and random restarts;
//! - `no_hidden`: no hidden layer (logistic regression), where zero init is harmless;
//! - [`scale`]: truncation, the ReLU bias, too small, too large, Glorot's average and He's rule.
//! - `digits`: the scale and symmetry lessons again on the handwritten digits (ten classes);
//! - `edge`: the edge of chaos, two points' correlation through depth on and off the critical line;
//! - `isometry`: orthogonal against Gaussian init through 32 layers, told apart by the Jacobian's spectrum;
//! - `in_practice`: the closing lesson, what to use: a framework default against the rule;
//! - [`parts`]: the course map, the lessons grouped into parts;
//! - [`settings`]: every lesson's settings as plain data, which the link reader opens;
//! - `lesson`: what a lesson is, its evidence and its verdict;
//! - [`questions`]: each lesson's "predict first" question: its number of answers, the right one;
//! - [`tasks`]: each lesson's "Try this" tasks, checked live.

mod digits;
mod edge;
mod hessian;
mod in_practice;
mod isometry;
mod lesson;
mod no_hidden;
pub mod parts;
pub mod questions;
mod scale;
pub mod settings;
mod symmetry;
pub mod tasks;

pub use digits::{
    CHANCE_ACCURACY_UP_TO, CHANCE_LOSS_FROM, DIGITS_SCALE_STEPS, DIGITS_SYMMETRY_STEPS,
    LEARNED_ACCURACY,
};
pub use edge::{edge_points, EDGE_FALLEN_BELOW, EDGE_KEPT_FROM, EDGE_PAIR_COS, EDGE_START_FROM};
pub use hessian::HESSIAN_MAX_PARAMS;
pub use isometry::{ISOMETRIC_UP_TO, SPECTRUM_POINT, WIDER_BY};
pub use symmetry::{LOWER_BY, LOWER_REACH};

pub use lesson::{
    Arg, Curvature, Evidence, Judge, LayerVariance, Lesson, LowerPoint, Message, Needs,
    RestartsSeen, Spectra, Verdict, View,
};

use crate::compare::Comparison;
use crate::config::Config;
use crate::experiment::{Experiment, Snapshot};
use crate::through_depth::ThroughDepth;

/// Every lesson, in the order a learner meets them.
pub const LESSONS: &[Lesson] = &[
    symmetry::ZERO_TANH,
    symmetry::ZERO_SIGMOID,
    symmetry::UNFREEZE,
    no_hidden::NO_HIDDEN,
    symmetry::CONSTANT,
    symmetry::BREAK_SYMMETRY,
    symmetry::XOR_2_1,
    digits::DIGITS_SYMMETRY,
    symmetry::SADDLE,
    symmetry::XOR_RESTARTS,
    scale::TRUNCATED,
    scale::RELU_BIAS,
    scale::TOO_SMALL,
    scale::TOO_LARGE,
    scale::XAVIER,
    scale::HE_RELU,
    digits::DIGITS_SCALE,
    edge::EDGE_OF_CHAOS,
    isometry::ORTHOGONAL_DEPTH,
    in_practice::IN_PRACTICE,
];

/// Every lesson's id, in [`LESSONS`] order: the choices of the `lesson` key.
pub const IDS: [&str; LESSONS.len()] = names_of!(LESSONS, |l| l.id);

pub fn find(id: &str) -> Option<&'static Lesson> {
    crate::position_of(&IDS, id).map(|k| &LESSONS[k])
}

/// The loss's curvature along every parameter axis at `experiment`'s current weights.
pub fn curvature(experiment: &mut Experiment) -> Curvature {
    symmetry::curvature(experiment)
}

/// The plane the page's loss landscape shows while `lesson` is open: the saddle lesson's own
/// (its descent direction and the output bias), the random plane for every other lesson.
pub fn landscape_plane(lesson: &Lesson) -> crate::landscape::Plane {
    if lesson.id == symmetry::SADDLE.id {
        crate::landscape::Plane::Saddle
    } else {
        crate::landscape::Plane::Random
    }
}

/// A's and B's snapshots at step 0 of `config`: the same seeded draw the running pair started
/// from (`None` for B when `config` does not compare; `None` altogether if `config` is
/// refused, which the running pair's own config never is).
pub fn start(config: &Config) -> Option<(Snapshot, Option<Snapshot>)> {
    Comparison::new(config)
        .ok()
        .map(|mut pair| pair.snapshots())
}

/// The Jacobian's spectra of A and B at step 0 of `config` (training point
/// [`SPECTRUM_POINT`]): what the `orthogonal-depth` verdict reads (`None` if `config` is refused).
pub fn spectra(config: &Config) -> Option<Spectra> {
    let pair = Comparison::new(config).ok()?;
    let of = |e: &Experiment| crate::spectrum::spectrum(e.mlp(), &e.data().train, SPECTRUM_POINT);
    Some(Spectra {
        a: of(pair.a()),
        b: pair.b().map(of),
    })
}

/// The verdict of `lesson` on a pair as it is now: computes the snapshots and whatever else
/// the lesson needs (`restarts` is the restarts panel's result, if any). The page computes the
/// same from the snapshots it already holds.
pub fn judge_now(
    lesson: &Lesson,
    pair: &mut Comparison,
    restarts: Option<&RestartsSeen>,
) -> Verdict {
    let curvature = (lesson.needs == Needs::Curvature).then(|| curvature(pair.a_mut()));
    let start = (lesson.needs == Needs::Start)
        .then(|| start(pair.config()))
        .flatten();
    let spectra = (lesson.needs == Needs::Spectrum)
        .then(|| spectra(pair.config()))
        .flatten();
    let (a, b) = pair.snapshots();
    let through = (lesson.needs == Needs::ThroughDepth)
        .then(|| through_depth(pair, &a, b.as_ref()))
        .flatten();
    let evidence = Evidence {
        a: &a,
        b: b.as_ref(),
        curvature: curvature.as_ref(),
        restarts: restarts.filter(|_| lesson.needs == Needs::Restarts),
        start: start.as_ref().map(|(a, b)| (a, b.as_ref())),
        through: through.as_ref().map(|(a, b)| (a, b.as_ref())),
        spectra: spectra.as_ref(),
    };
    lesson.verdict(&evidence)
}

/// A's (and B's) correlation through depth, as the through-depth view measures it
/// ([`crate::through_depth`]), at each side's pair of [`edge_points`]; `a` and `b` are the
/// pair's snapshots now. `None` when A has no hidden layer (B's is then `None` alone).
pub fn through_depth(
    pair: &Comparison,
    a: &Snapshot,
    b: Option<&Snapshot>,
) -> Option<(ThroughDepth, Option<ThroughDepth>)> {
    let view = |experiment: &Experiment, snapshot: &Snapshot| {
        let train = &experiment.data().train;
        crate::through_depth::through_depth(
            experiment.mlp(),
            train,
            &snapshot.layers,
            edge_points(train),
        )
        .ok()
    };
    let b = pair
        .b()
        .zip(b)
        .and_then(|(experiment, b)| view(experiment, b));
    view(pair.a(), a).map(|a| (a, b))
}

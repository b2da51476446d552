//! The closing lesson, what to use in practice: biases at 0, Glorot's rule for tanh and
//! sigmoid, He's for ReLU, and what the frameworks do by default (the presets of
//! [`crate::config::presets`]). Its live A/B sets He's rule (A) against PyTorch's `nn.Linear`
//! default (B, `preset=torch-linear`) on a deep ReLU net.
//!
//! PyTorch draws W and b from U(±1/√fan_in), so Var(w) = Var(b) = (2/√fan_in)²/12 =
//! 1/(3·fan_in). A ReLU passes on E[a²] = ½·Var(z) (z symmetric about 0: the biases are too),
//! so from one 64-wide layer to the next Var(z) → 64·Var(w)·½·Var(z) + Var(b) = Var(z)/6 +
//! 1/192: std(z) shrinks by 1/√6 ≈ 0.41 a layer until it meets the biases' own spread, the
//! fixed point √(1/192 · 6/5) ≈ 0.079, which is the same for every point and so carries
//! nothing of the input. The first hidden layer sees 2 standardised inputs: Var(z₁) = 2·⅙ + ⅙
//! = ½. Over eight layers Var(z) = ½, 0.089, 0.020, 0.0085, 0.0066, 0.0063, 0.0063, 0.0063, so
//! std(z) of the last hidden layer is ≈ 0.11 of the first's (tests/lesson_in_practice.rs checks
//! this recurrence layer by layer against the page's measured std(z)). Going back, Var(δ)
//! shrinks by the same 64·Var(w)·½ = ⅙ a layer. He's Var(w) = 2/fan_in keeps both at a factor
//! 1 (the `he-relu` lesson).

use super::lesson::{Evidence, Judge, Lesson, Message, Needs, Verdict, View};
use super::scale::last_over_first;
use super::settings;
use crate::experiment::Snapshot;

/// Steps before the verdict judges training: the issue's ≥ 200 for a scale lesson.
pub const STEPS: usize = 200;

/// B's signal "fades" when std(z) of its last hidden layer is below this share of its first
/// hidden layer's. The recurrence above predicts 0.11; measured at step 0 over seeds 1–10,
/// 0.103–0.127 (and the same after 200 steps, since B hardly moves): 0.25 leaves a factor 2.
pub const FADED: f64 = 0.25;

/// A's signal "keeps" its size when that share is at least this. He's factor is 1 a layer;
/// 64-wide layers add sampling noise: measured 0.61–2.03 at step 0 over seeds 1–10 and
/// 0.73–1.82 after 200 steps. Glorot's rule on ReLU would give (1/√2)⁷ ≈ 0.09 (`he-relu`).
pub const KEPT: f64 = 0.5;

/// The bound on what training shows: A's loss at least this much below B's...
pub const LOSS_GAP: f64 = 0.1;
/// ...or A's training accuracy at least this much (10 points) above B's.
///
/// Why B barely learns: the part of z that depends on the input shrinks by 1/√6 a layer
/// (the biases' spread is the same for every point), (1/√6)⁷ ≈ 0.004 of it reaches the last
/// hidden layer, and the gradient reaching the first layers shrinks as much, so with plain SGD
/// at lr 0.03 B's output stays nearly one value for every point and its loss near
/// ln 2 ≈ 0.693. Measured after 200 steps, seeds 1–10: B 0.691–0.693 (accuracy 50–53 %),
/// A 0.06–0.14 on xor (94–97 %) and 0.09–0.27 on circles: a loss gap of at least 0.43,
/// four times the bound.
pub const ACCURACY_GAP: f64 = 0.1;

/// A (the rule for its activation) against B (a framework default): at depth, B's std(z)
/// fades while A's keeps, and after [`STEPS`] A's loss or accuracy is clearly better.
fn in_practice(e: &Evidence, b: &Snapshot) -> Verdict {
    let a = e.a;
    let (a_ratio, b_ratio) = (last_over_first(a), last_over_first(b));
    let trained_apart = b.loss - a.loss >= LOSS_GAP || a.accuracy - b.accuracy >= ACCURACY_GAP;
    // Written so that a NaN (a diverged run) fails both: it neither keeps nor fades.
    let (a_keeps, b_fades) = (a_ratio >= KEPT, b_ratio < FADED);
    let name = if !a_keeps {
        "aFades"
    } else if !b_fades {
        "bKeeps"
    } else if a.step < STEPS {
        "notYet"
    } else if trained_apart {
        "holds"
    } else {
        "fails"
    };
    let message = Message::new(&format!("in-practice.{name}"))
        .with("a_ratio", a_ratio)
        .with("b_ratio", b_ratio)
        .with("lossA", a.loss)
        .with("lossB", b.loss)
        .with("accA", 100.0 * a.accuracy)
        .with("accB", 100.0 * b.accuracy)
        .with("step", a.step);
    Verdict::new(name == "holds", message)
}

pub const IN_PRACTICE: Lesson = Lesson {
    id: settings::IN_PRACTICE.id,
    settings: settings::IN_PRACTICE.query,
    steps: STEPS,
    view: View::Depth,
    needs: Needs::Snapshots,
    judge: Judge::AgainstB(in_practice),
};

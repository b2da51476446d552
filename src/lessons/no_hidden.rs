//! The lesson without a hidden layer (`layers=0`: logistic regression), where zero init is
//! harmless: the material's objection that "a weight is not in its own delta rule" is true
//! only here.
//!
//! With the inputs feeding the sigmoid output directly, ∂loss/∂w_i = x_i·δ with δ = p − y for
//! cross-entropy. At w = 0 every p is ½, so the gradient is mean(x_i·(½ − y)): it does not
//! contain w_i, it is not 0 wherever the classes differ along x_i, and there are no units that
//! could stay copies of each other. And cross-entropy is convex in (w, b) (its Hessian is
//! mean(p(1 − p)·x̃x̃ᵀ) ⪰ 0, x̃ = [x; 1]): no saddle, no plateau but the minimum, which on
//! overlapping classes is one point. So A from zeros and B from random weights end at the same
//! loss (tests/lesson_no_hidden.rs checks all of this natively).

use super::lesson::{Evidence, Judge, Lesson, Message, Needs, Verdict, View};
use super::settings;
use super::symmetry::first_loss;
use crate::experiment::Snapshot;

/// A and B "reach the same loss" when their losses differ by at most this after the lesson's
/// steps. On the lesson's data the cross-entropy has one minimum (loss ≈ 0.09); after 300 steps
/// the two runs differ by about 2·10⁻⁵ (measured natively), 50 times below this bound, and a
/// hidden layer opens a gap of more than 0.1 (zero init then keeps the hidden units equal).
pub const SAME_LOSS: f64 = 1e-3;

/// A (zero init) against B (random init), both without a hidden layer: holds when their
/// losses are within [`SAME_LOSS`]. With a hidden layer in A it does not hold whatever the gap
/// (the claim is about the network without one), and when A and B start at the same loss B
/// did not start from different (random) weights, so there is nothing to compare.
fn no_hidden(e: &Evidence, b: &Snapshot) -> Verdict {
    let a = e.a;
    let gap = (a.loss - b.loss).abs();
    let hidden = a.layers.len().saturating_sub(1);
    let name = if hidden > 0 {
        "hidden"
    } else if first_loss(a) == first_loss(b) {
        "sameStart"
    } else if gap.is_nan() || gap > SAME_LOSS {
        "notYet"
    } else {
        "holds"
    };
    let message = Message::new(&format!("no-hidden.{name}"))
        .with("lossA", a.loss)
        .with("lossB", b.loss)
        .with("gap", gap)
        .with("bound", SAME_LOSS)
        .with("from", first_loss(a))
        .with("steps", a.step);
    let message = match a.layers.first() {
        Some(first) if hidden > 0 => message.with("layer", first.name.as_str()),
        _ => message,
    };
    Verdict::new(name == "holds", message)
}

pub const NO_HIDDEN: Lesson = Lesson {
    id: settings::NO_HIDDEN.id,
    settings: settings::NO_HIDDEN.query,
    steps: 300,
    view: View::Loss,
    needs: Needs::Snapshots,
    judge: Judge::AgainstB(no_hidden),
};

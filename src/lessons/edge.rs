//! `edge-of-chaos` (issue #21): two training points' correlation c^l through twenty tanh
//! layers, on the critical line χ₁ = 1 (A) and in the chaotic phase (B).
//!
//! Mean-field theory (Poole et al. 2016; Schoenholz et al. 2017, [`crate::mean_field`]) says
//! that in the chaotic phase c^l approaches its fixed point c* < 1 geometrically, over about
//! ξ_c layers, whatever it started from: two inputs that began alike end as unrelated as any
//! two. Towards the critical line ξ_c grows without bound, and c keeps its input value for
//! many layers. The verdict reads what the through-depth view measures ([`crate::through_depth`]:
//! ĉ^l, the cosine of the two points' z vectors, and the theory's ξ_c at σ_w and σ_b read from
//! the weights), for each side, at the lesson's pair of points ([`edge_points`]).
//!
//! At width 64 the measured ĉ^l wanders about the theory's curve by a few tenths after twenty
//! layers (the cosine of two 64-unit vectors carries a sampling error of order 1/√64 that
//! each layer adds to). The thresholds below were chosen from the lesson's own draws, seeds
//! 1–10 (tests/lesson_edge.rs prints them with `--nocapture`), with room on both sides.

use super::lesson::{Arg, Evidence, Judge, Lesson, Message, Needs, Verdict, View};
use super::settings;
use crate::data::Split;
use crate::experiment::Snapshot;
use crate::through_depth::ThroughDepth;

/// The input cosine the lesson's pair is picked for: two points whose inputs point nearly,
/// but not exactly, the same way, so that the map has somewhere to take them.
pub const EDGE_PAIR_COS: f64 = 0.9;

/// Below this ĉ¹ (at either side's first hidden layer) the pair starts too close to the chaotic
/// c* (0.004 for B) for a fall to show, and the verdict says so instead. On the lesson's draws
/// ĉ¹ was 0.87–0.95 (seeds 1–10).
pub const EDGE_START_FROM: f64 = 0.7;

/// A "kept" its correlation when ĉ at its last hidden layer is at least this. Measured on
/// seeds 1–10 at layer 20: A 0.64–0.995 (theory 0.83–0.91).
pub const EDGE_KEPT_FROM: f64 = 0.5;

/// B's correlation "fell" when ĉ at its last hidden layer is below this. Measured on seeds
/// 1–10 at layer 20: B −0.40–0.34 (theory 0.05–0.07, c* = 0.004).
pub const EDGE_FALLEN_BELOW: f64 = 0.5;

/// The pair the lesson compares in `train`: point 0 and the point whose input's cosine with
/// point 0's is nearest [`EDGE_PAIR_COS`] (the first such, in training order). The default
/// data is drawn anew for every seed, so a fixed pair such as the view's default 0 and 1 may
/// start anywhere from −1 to 1; this one starts near 0.9 on every draw of a set in the plane.
pub fn edge_points(train: &Split) -> [usize; 2] {
    let n = train.len();
    let features = train.x.len().checked_div(n).unwrap_or(0);
    let input = |k: usize| &train.x[k * features..(k + 1) * features];
    let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
    let first = input(0);
    let off = |k: usize| {
        let dot: f64 = first.iter().zip(input(k)).map(|(x, y)| x * y).sum();
        (dot / (norm(first) * norm(input(k))) - EDGE_PAIR_COS).abs()
    };
    let best = (1..n).min_by(|&j, &k| off(j).total_cmp(&off(k)));
    [0, best.unwrap_or(0)]
}

/// ĉ at the first and the last hidden layer, and the theory's c at the last.
fn ends(view: &ThroughDepth) -> (f64, f64, f64) {
    let first = view.c.first().copied().unwrap_or(f64::NAN);
    let last = view.c.last().copied().unwrap_or(f64::NAN);
    let theory = (view.theory.as_ref().ok())
        .and_then(|t| t.c.last().copied())
        .unwrap_or(f64::NAN);
    (first, last, theory)
}

/// ξ_c as a verdict's argument: a number of layers, or "∞" on the critical line exactly.
fn depth_scale(view: &ThroughDepth) -> Arg {
    match &view.theory {
        Ok(t) if t.xi_c.is_infinite() => Arg::from("∞"),
        Ok(t) => Arg::from(t.xi_c),
        Err(_) => Arg::from(f64::NAN),
    }
}

/// `edge-of-chaos`: holds when both sides' pair starts correlated (ĉ¹ ≥ [`EDGE_START_FROM`]),
/// the theory puts A's ξ_c beyond A's depth and B's within B's (A near the critical line, B
/// chaotic: what the lesson sets up), A's measured ĉ at its last hidden layer is still at
/// least [`EDGE_KEPT_FROM`] and B's has fallen below [`EDGE_FALLEN_BELOW`]. Written so that
/// a NaN never holds. The sentence gives the numbers it judged, nothing it did not measure.
fn edge_of_chaos(e: &Evidence, _b: &Snapshot) -> Verdict {
    let Some((a, Some(b))) = e.through else {
        return Verdict::new(false, Message::new("lesson.needsHidden"));
    };
    let (Ok(theory_a), Ok(theory_b)) = (&a.theory, &b.theory) else {
        return Verdict::new(false, Message::new("edge-of-chaos.noTheory"));
    };
    let (first_a, last_a, th_a) = ends(a);
    let (first_b, last_b, th_b) = ends(b);
    let (layers_a, layers_b) = (a.c.len() as f64, b.c.len() as f64);
    let starts = first_a >= EDGE_START_FROM && first_b >= EDGE_START_FROM;
    let a_deep = theory_a.xi_c > layers_a;
    let b_shallow = theory_b.xi_c < layers_b;
    let a_kept = last_a >= EDGE_KEPT_FROM;
    let b_fell = last_b < EDGE_FALLEN_BELOW;
    let name = if !starts {
        "lowStart"
    } else if !a_deep {
        "aShallow"
    } else if !b_shallow {
        "bDeep"
    } else if !a_kept {
        "aFalls"
    } else if !b_fell {
        "bKeeps"
    } else {
        "holds"
    };
    let message = Message::new(&format!("edge-of-chaos.{name}"))
        .with("i", a.points[0])
        .with("j", a.points[1])
        .with("depth", a.c.len())
        .with("c1_a", first_a)
        .with("c1_b", first_b)
        .with("c_a", last_a)
        .with("c_b", last_b)
        .with("th_a", th_a)
        .with("th_b", th_b)
        .with("xi_a", depth_scale(a))
        .with("xi_b", depth_scale(b))
        .with("start", EDGE_START_FROM)
        .with("kept", EDGE_KEPT_FROM);
    Verdict::new(name == "holds", message)
}

pub const EDGE_OF_CHAOS: Lesson = Lesson {
    id: settings::EDGE_OF_CHAOS.id,
    settings: settings::EDGE_OF_CHAOS.query,
    steps: 0,
    view: View::Through,
    needs: Needs::ThroughDepth,
    judge: Judge::AgainstB(edge_of_chaos),
};

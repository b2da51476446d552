//! "Try this": each lesson's one or two tasks, which the page checks live. A task is a
//! message id (the page words it) and a predicate over what the learner has set and run:
//! A's and B's settings, their snapshots and the lesson's verdict now. A task is never met
//! by the lesson's own settings: the learner has to change something, and the predicate
//! checks the outcome the task asks for, not merely the setting it suggests.

use super::lesson::Verdict;
use crate::activation::Activation;
use crate::config::Config;
use crate::experiment::Snapshot;
use crate::mean_field::{mean_field, MeanFieldArgs};

/// What a task may look at: both networks' settings and state, and the verdict now.
pub struct Seen<'a> {
    pub a: &'a Config,
    /// B's settings and snapshot while comparing.
    pub b: Option<(&'a Config, &'a Snapshot)>,
    pub snapshot: &'a Snapshot,
    pub verdict: &'a Verdict,
}

/// One task: its message id (`<lesson>.<name>` in the page's task tables) and its check.
pub struct Task {
    pub id: &'static str,
    pub done: fn(&Seen) -> bool,
}

/// Whether the verdict's message is `id`.
fn says(seen: &Seen, id: &str) -> bool {
    seen.verdict.message.id == id
}

/// Whether every weight of `s` is still exactly 0 (no layer has left zero).
fn all_weights_zero(s: &Snapshot) -> bool {
    s.layers.iter().all(|l| l.nonzero_since.is_none())
}

/// The share of dead units over `s`'s hidden layers (every weight layer but the output).
fn dead_share(s: &Snapshot) -> f64 {
    let hidden = s.layers.split_last().map_or(&[][..], |(_, rest)| rest);
    let units: usize = hidden.iter().map(|l| l.size).sum();
    let dead: f64 = hidden.iter().map(|l| l.dead * l.size as f64).sum();
    dead / units.max(1) as f64
}

/// Steps after which a frozen net counts as frozen, not as not started: 10 full batches.
const FROZEN_AFTER: usize = 10;

/// "About the same" dead share: within one unit in eight (the lesson's 16 hidden units: 2).
const DEAD_SAME: f64 = 0.125;

/// zero-tanh: make the output bias move while every weight stays 0 (unequal batches).
fn bias_only(seen: &Seen) -> bool {
    says(seen, "zero-tanh.biasOnly")
}

/// zero-sigmoid: make it freeze like zero-tanh (balanced full batches: data=xor4&batch=4).
fn sigmoid_freezes(seen: &Seen) -> bool {
    says(seen, "zero-sigmoid.frozen") && seen.snapshot.step >= FROZEN_AFTER
}

/// no-hidden: with a hidden layer and tanh, zero init no longer learns: after 100 steps
/// every weight of A is still exactly 0.
fn hidden_freezes(seen: &Seen) -> bool {
    let s = seen.snapshot;
    s.layers.len() >= 2 && seen.a.init == "zeros" && s.step >= 100 && all_weights_zero(s)
}

/// constant: break the symmetry with jitter: some hidden layer of A has 2 or more distinct units.
fn jitter_splits(seen: &Seen) -> bool {
    let s = seen.snapshot;
    let hidden = s.layers.split_last().map_or(&[][..], |(_, rest)| rest);
    seen.a.jitter > 0.0 && hidden.iter().any(|l| l.distinct_units > 1)
}

/// saddle: with linear units no lower point is found and the test stays inconclusive.
fn linear_inconclusive(seen: &Seen) -> bool {
    seen.a.act == "linear" && says(seen, "saddle.inconclusive")
}

/// xor-restarts: with a wider hidden layer (3 units or more) the restarts panel's 20 runs or
/// more all solve XOR, none stuck (the verdict, which needs both, then fails with stuck 0).
fn wider_never_stuck(seen: &Seen) -> bool {
    let message = &seen.verdict.message;
    let width = seen.snapshot.layers.first().map_or(0, |l| l.size);
    width >= 3
        && says(seen, "xor-restarts.fails")
        && message.number("stuck") == Some(0.0)
        && message.number("runs").is_some_and(|runs| runs >= 20.0)
}

/// Saturated pairs (percent, at the step-0 draw) from which the truncated lesson's question
/// is a real one: at the lesson's σ = 1/√fan_in it is ≈ 0 %, at σ = 3 about 15 %.
const SATURATING_PCT: f64 = 5.0;

/// truncated: raise σ until units do saturate (5 % of pairs or more at step 0): with B's std
/// corrected the cut still hardly changes the saturated share, and the verdict still holds.
fn cut_still_harmless(seen: &Seen) -> bool {
    says(seen, "truncated.holds")
        && (seen.verdict.message.number("sat_a_pct")).is_some_and(|pct| pct >= SATURATING_PCT)
}

/// relu-bias: make the verdict fail (B's bias no longer gives fewer dead units).
fn bias_fails(seen: &Seen) -> bool {
    says(seen, "relu-bias.fails")
}

/// relu-bias: truncation alone (B at bias 0, one net truncated and the other not) leaves the
/// dead share about the same after the lesson's 100 steps.
fn truncation_alone(seen: &Seen) -> bool {
    let Some((b, b_snapshot)) = seen.b else {
        return false;
    };
    let cut = |c: &Config| c.init == "truncnormal";
    let plain = |c: &Config| c.init == "normal";
    let one_of_each = (cut(seen.a) && plain(b)) || (plain(seen.a) && cut(b));
    one_of_each
        && seen.a.bias == "0"
        && b.bias == "0"
        && seen.a.bsigma == 0.0
        && b.bsigma == 0.0
        && seen.snapshot.step >= 100
        && (dead_share(seen.snapshot) - dead_share(b_snapshot)).abs() <= DEAD_SAME
}

/// too-small: find a σ at which the verdict stops holding (tanh A, σ raised).
fn small_flips(seen: &Seen) -> bool {
    seen.a.act == "tanh" && seen.a.sigma > 0.01 && !seen.verdict.holds
}

/// too-large: lower σ until fewer than half of the pairs saturate.
fn large_flips(seen: &Seen) -> bool {
    seen.a.act == "tanh" && says(seen, "too-large.fails")
}

/// xavier: with equal hidden widths LeCun and Glorot are the same rule wherever n_in = n_out:
/// every layer between two hidden layers gets the same σ in A and B (to rounding).
fn equal_widths_agree(seen: &Seen) -> bool {
    let Some((_, b)) = seen.b else { return false };
    let (a, b) = (&seen.snapshot.layers, &b.layers);
    let hidden = a.split_last().map_or(&[][..], |(_, rest)| rest);
    let equal = hidden.len() > 1 && hidden.iter().all(|l| l.size == hidden[0].size);
    let between = 1..hidden.len();
    equal
        && a.len() == b.len()
        && between.into_iter().all(|k| {
            let (x, y) = (a[k].sigma_used, b[k].sigma_used);
            (x - y).abs() <= 1e-9 * x.abs()
        })
}

/// unfreeze: with a random start every layer has moved from step 0, and the verdict says
/// the order is gone.
fn random_unfreezes_at_once(seen: &Seen) -> bool {
    seen.a.init != "zeros" && says(seen, "unfreeze.order")
}

/// break-symmetry: with B's noise shrunk (below the lesson's 0.001) its units still differ,
/// but after the lesson's 2000 steps training has not yet pulled B away from A: the verdict
/// says "not yet". The smaller the difference, the longer training takes to widen it.
fn smaller_noise_is_slower(seen: &Seen) -> bool {
    let Some((b, b_snapshot)) = seen.b else {
        return false;
    };
    let split = b_snapshot
        .layers
        .first()
        .is_some_and(|l| l.distinct_units > 1);
    b.jitter > 0.0
        && b.jitter < 0.001
        && seen.snapshot.step >= 2000
        && split
        && says(seen, "break-symmetry.notYet")
}

/// xor-2-1: from random weights (not zeros) A solves XOR: every point right, loss below 0.1,
/// after 1000 steps or more.
fn random_solves_xor(seen: &Seen) -> bool {
    let s = seen.snapshot;
    seen.a.init != "zeros" && s.step >= 1000 && s.accuracy == 1.0 && s.loss < 0.1
}

/// std(z) of the last hidden layer over the first's.
fn last_over_first(s: &Snapshot) -> f64 {
    match s.layers.split_last().map_or(&[][..], |(_, hidden)| hidden) {
        [first, .., last] => last.z_std / first.z_std,
        _ => 1.0,
    }
}

/// he-relu: Glorot's rule with gain √2 is He's variance on 64 → 64 layers (2/(64 + 64)·2 =
/// 2/64), so A's std(z) at the start (the verdict's `a_ratio`, from the step-0 draw) then
/// stays within a factor 2 of the first layer's, as B's does.
fn gain_makes_he(seen: &Seen) -> bool {
    let ratio = seen.verdict.message.number("a_ratio");
    seen.a.scale == "glorot" && seen.a.gain > 1.0 && ratio.is_some_and(|r| (0.5..=2.0).contains(&r))
}

/// in-practice: PyTorch's uniform with gain √2 has He's variance (Var(w) = gain²/n_in = 2/n_in):
/// after the lesson's 200 steps B's std(z) no longer fades (last over first ≥ 0.5, as for A)
/// and its loss is within 0.1 of A's (measured: 0.131 against 0.117).
fn gain_fixes_default(seen: &Seen) -> bool {
    let Some((b, b_snapshot)) = seen.b else {
        return false;
    };
    b.init == "uniform"
        && b.gain > 1.0
        && seen.snapshot.step >= 200
        && last_over_first(b_snapshot) >= 0.5
        && (seen.snapshot.loss - b_snapshot.loss).abs() < 0.1
}

/// digits-scale: A at σ = 3 (tanh units saturated, as in too-large) after the lesson's 2,000
/// steps: its loss falls from the tens to about chance, but its test accuracy stays below
/// 50 % while B (Glorot) passes 90 % (measured on seeds 1–10: A 10–28 %, B 95.5–97.5 %).
fn saturated_barely_learns(seen: &Seen) -> bool {
    let Some((_, b)) = seen.b else { return false };
    let a = seen.snapshot;
    seen.a.act == "tanh"
        && seen.a.scale == "manual"
        && seen.a.sigma >= 3.0
        && a.classes == 10
        && a.step >= 2000
        && a.test_accuracy < 0.5
        && b.test_accuracy >= 0.9
}

/// digits-symmetry: jitter on A's constant splits its units (every unit of the first layer
/// distinct), and after the lesson's 2,000 steps A reaches 90 % on the test set as B does
/// (jitter 0.01, measured on seeds 1–10: 94.4–96.1 %).
fn jitter_learns_digits(seen: &Seen) -> bool {
    let a = seen.snapshot;
    let split = a.layers.first().is_some_and(|l| l.distinct_units == l.size);
    seen.a.jitter > 0.0
        && a.classes == 10
        && a.layers.len() >= 2
        && split
        && a.step >= 2000
        && a.test_accuracy >= 0.9
}

/// edge-of-chaos: the σ_b the task asks for, within half a step of the bsigma slider (0.01).
const TASK_BSIGMA: f64 = 0.1;
const TASK_BSIGMA_WITHIN: f64 = 0.005;
/// How near 1 χ₁ must be: 2 % (the check). χ₁ grows about as σ_w², so that is about
/// 1 % in σ_w: at σ_b = 0.1 the line is at σ_w = 1.1934 (the engine's mean field), and the gain
/// slider's step nearest it, 1.2023, is within (tests/lesson_edge.rs).
pub const CRITICAL_WITHIN: f64 = 0.02;

/// edge-of-chaos: put A's tanh net on the critical line at σ_b = 0.1: with init=normal and
/// scale=lecun, gain is σ_w, and the engine's mean field at A's gain and bsigma gives
/// |χ₁ − 1| ≤ [`CRITICAL_WITHIN`].
fn critical_at_bsigma(seen: &Seen) -> bool {
    let a = seen.a;
    let args = MeanFieldArgs::new(Activation::Tanh, a.gain, a.bsigma, 1);
    a.act == "tanh"
        && a.init == "normal"
        && a.scale == "lecun"
        && (a.bsigma - TASK_BSIGMA).abs() <= TASK_BSIGMA_WITHIN
        && mean_field(args).is_ok_and(|theory| (theory.chi1 - 1.0).abs() <= CRITICAL_WITHIN)
}

/// orthogonal-depth: with tanh units in both nets, A's spectrum stays tight (κ ≤ 10) while
/// B's stays 100 times wider or more (measured at 32 layers on seeds 1–10: A 2.0–6.2, B
/// beyond 10⁶): the verdict still holds, now on tanh.
fn tanh_keeps_orthogonal_tight(seen: &Seen) -> bool {
    let Some((b, _)) = seen.b else { return false };
    seen.a.act == "tanh" && b.act == "tanh" && seen.verdict.holds
}

/// Every lesson's tasks, by lesson id.
pub const TASKS: &[(&str, &[Task])] = &[
    ("zero-tanh", &[task("zero-tanh.biasOnly", bias_only)]),
    (
        "zero-sigmoid",
        &[task("zero-sigmoid.freeze", sigmoid_freezes)],
    ),
    (
        "unfreeze",
        &[task("unfreeze.random", random_unfreezes_at_once)],
    ),
    ("no-hidden", &[task("no-hidden.hidden", hidden_freezes)]),
    ("constant", &[task("constant.jitter", jitter_splits)]),
    (
        "break-symmetry",
        &[task("break-symmetry.smaller", smaller_noise_is_slower)],
    ),
    ("xor-2-1", &[task("xor-2-1.random", random_solves_xor)]),
    (
        "digits-symmetry",
        &[task("digits-symmetry.jitter", jitter_learns_digits)],
    ),
    ("saddle", &[task("saddle.linear", linear_inconclusive)]),
    (
        "xor-restarts",
        &[task("xor-restarts.wider", wider_never_stuck)],
    ),
    ("truncated", &[task("truncated.sigma", cut_still_harmless)]),
    (
        "relu-bias",
        &[
            task("relu-bias.fail", bias_fails),
            task("relu-bias.truncation", truncation_alone),
        ],
    ),
    ("too-small", &[task("too-small.sigma", small_flips)]),
    ("too-large", &[task("too-large.sigma", large_flips)]),
    ("xavier", &[task("xavier.equal", equal_widths_agree)]),
    ("he-relu", &[task("he-relu.gain", gain_makes_he)]),
    (
        "digits-scale",
        &[task("digits-scale.sigma", saturated_barely_learns)],
    ),
    (
        "edge-of-chaos",
        &[task("edge-of-chaos.critical", critical_at_bsigma)],
    ),
    (
        "orthogonal-depth",
        &[task("orthogonal-depth.tanh", tanh_keeps_orthogonal_tight)],
    ),
    (
        "in-practice",
        &[task("in-practice.gain", gain_fixes_default)],
    ),
];

const fn task(id: &'static str, done: fn(&Seen) -> bool) -> Task {
    Task { id, done }
}

/// The tasks of lesson `id` (none for a lesson without tasks).
pub fn of(id: &str) -> &'static [Task] {
    TASKS
        .iter()
        .find(|(lesson, _)| *lesson == id)
        .map_or(&[], |(_, tasks)| tasks)
}

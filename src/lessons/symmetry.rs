//! Lessons on symmetry: why the weights must start *different* (zero and constant inits, the
//! layers unfreezing one by one from zero, breaking the symmetry, the XOR 2-1 net and its
//! saddle, random restarts).
//!
//! The one idea behind them all: two hidden units with the same incoming weights compute the
//! same function, receive the same gradient and so stay the same after every step. A layer of
//! copies is one unit, however wide it is drawn. Zero init is the worst case: with tanh or ReLU
//! (g(0) = 0) the copies even output 0, and no weight below the output gets any gradient.
//!
//! Every verdict reads the snapshot's own counters ([`LayerStats`]), so it costs a few
//! comparisons per layer and allocates nothing but its message.

use super::hessian;
use super::lesson::{
    Curvature, Evidence, Judge, Lesson, LowerPoint, Message, Needs, Verdict, View,
};
use super::settings;
use crate::experiment::{Experiment, Snapshot};
use crate::stats::LayerStats;

/// The step h of the second differences along each axis.
///
/// The engine computes in f32, so the loss at θ ± h carries rounding of about ε·L with
/// ε = 2⁻²⁴ ≈ 6e-8 and L ≈ ln 2 near zero init; the second difference divides it by h², an
/// error up to 4·ε·L/h². The truncation error of the three-point formula is h²/12·|L''''|, and
/// for a sigmoid output |L''''| ≤ 1/8 along any one parameter's own scale. h = 1e-2 keeps both
/// small: rounding ≤ 4·6e-8·0.7/1e-4 ≈ 1.7e-3, truncation ≈ 1e-5. (h = 1e-3 would make the
/// rounding 100 times larger: 0.17.)
pub const CURVATURE_STEP: f64 = 1e-2;

/// An axis "curves up" when its second difference exceeds this: 1e-2, six times the worst
/// rounding error of [`CURVATURE_STEP`] (1.7e-3), and 25 times below the curvature of the
/// loss along the output bias at zero init, p(1 − p) = 1/4.
pub const CURVES_UP_ABOVE: f64 = 1e-2;

/// A gradient norm at or below this counts as zero: a few hundred f32 roundings (6e-8 each) of
/// terms of order 1. At zero init on balanced XOR it is exactly 0; from random init it is of
/// order 0.1, and even a well-trained net is far above this.
pub const ZERO_GRADIENT: f64 = 1e-6;

/// The loss is "unchanged" when it differs from step 0's by at most this. The snapshot and the
/// history sum the same per-point losses in different orders, which alone can differ by about
/// n·2⁻⁵³·L ≈ 3e-14 for 400 points; 1e-9 is far above that and far below any real move.
pub const LOSS_SAME: f64 = 1e-9;

/// The loss "has changed" when it moved by more than this, the smallest change the loss
/// chart's three decimals show. (Weights that do not move give the same loss bit for bit.)
pub const LOSS_MOVED: f64 = 1e-3;

/// Accuracy that counts as solving the noisy XOR quadrants. One effective hidden unit makes the
/// output a monotone function of one projection w·x, which gets at most 3 of the 4 quadrants
/// right: 0.75. 0.9 is well above that ceiling and leaves room for the noisy points near the axes.
pub const SOLVED_ACCURACY: f64 = 0.9;

/// The loss below which XOR counts as solved, as in the restarts panel (p within about 1 % of
/// every label).
pub const SOLVED_LOSS: f64 = crate::restarts::SOLVED_BELOW;

/// How far from θ the saddle verdict looks for a lower point: the landscape's default span, so
/// that the verdict's point is one the page's picture shows.
pub const LOWER_REACH: f64 = crate::landscape::DEFAULT_LANDSCAPE_SPAN;

/// Points per sign along each searched direction, at LOWER_REACH·k/LOWER_POINTS, k = 1, 2, …
pub const LOWER_POINTS: usize = 10;

/// A point counts as lower than θ when its loss is below L(θ) by more than this: the loss sums
/// f32 outputs, whose rounding is about 2⁻²⁴·L ≈ 4e-8 at L ≈ ln 2, and 1e-6 is 25 times that.
/// The saddle's drop within the reach is 1.9e-2 (cross-entropy) and 9.7e-3 (squared error).
pub const LOWER_BY: f64 = 1e-6;

/// The loss's curvature along every parameter axis of A, the Hessian's lowest eigenvalue (small
/// nets at a stationary point, [`hessian`]), the gradient norm there, and the lowest point below L(θ) found along ±d₁
/// of the saddle plane ([`crate::landscape::saddle_directions`]) and, where some direction
/// curves down, along the one that curves down most (the lowest eigenvector, or on a larger
/// net the axis that curves down most): [`LOWER_POINTS`] distances each way up to
/// [`LOWER_REACH`].
pub(super) fn curvature(experiment: &mut Experiment) -> Curvature {
    let along_axes = experiment.axis_curvature(CURVATURE_STEP);
    let center = experiment.snapshot().loss;
    let [descent, _] = crate::landscape::saddle_directions(experiment.mlp());
    let mut directions = vec![descent];
    // The Hessian only where the verdict reads it, at a stationary point: while training moves
    // the weights the gradient is not 0, and its n(n − 1)/2 pairs would be spent every frame.
    let grad_norm = experiment.gradient_norm();
    let stationary = grad_norm <= ZERO_GRADIENT;
    let eigen = stationary
        .then(|| hessian::hessian(experiment, &along_axes, CURVATURE_STEP))
        .flatten()
        .and_then(hessian::lowest_eigen);
    let lowest_eigen = eigen.as_ref().map(|(value, _)| *value);
    match eigen {
        Some((value, vector)) if value < -CURVES_UP_ABOVE => directions.push(vector),
        Some(_) => {}
        None => {
            let down = (along_axes.iter().enumerate())
                .filter(|(_, &k)| k < -CURVES_UP_ABOVE)
                .min_by(|a, b| a.1.total_cmp(b.1));
            if let Some((axis, _)) = down {
                let mut unit = vec![0.0; along_axes.len()];
                unit[axis] = 1.0;
                directions.push(unit);
            }
        }
    }
    let steps = LOWER_POINTS as f64;
    let distances: Vec<f64> = (1..=LOWER_POINTS)
        .flat_map(|k| [1.0, -1.0].map(|sign| sign * LOWER_REACH * k as f64 / steps))
        .collect();
    let mut lower: Option<LowerPoint> = None;
    for direction in &directions {
        let losses = experiment.losses_along(direction, &distances);
        for (&t, &loss) in distances.iter().zip(&losses) {
            let better = lower.as_ref().is_none_or(|l| loss < l.loss);
            if loss < center - LOWER_BY && better {
                let distance = t.abs();
                lower = Some(LowerPoint { loss, distance });
            }
        }
    }
    Curvature {
        grad_norm,
        along_axes,
        lowest_eigen,
        center,
        lower,
    }
}

/// The hidden layers of a snapshot (every layer but the output).
fn hidden(snapshot: &Snapshot) -> &[LayerStats] {
    &snapshot.layers[..snapshot.layers.len() - 1]
}

/// The hidden layer with the most distinct units (the first, on a tie).
fn most_distinct(snapshot: &Snapshot) -> &LayerStats {
    hidden(snapshot)
        .iter()
        .reduce(|best, l| {
            if l.distinct_units > best.distinct_units {
                l
            } else {
                best
            }
        })
        .expect("a network has at least one hidden layer")
}

/// The first layer where some weight (or, below the output, some bias) has a gradient that is
/// not exactly 0. The output bias may move: it is the one parameter that sees p − y directly.
fn first_moving(snapshot: &Snapshot) -> Option<&LayerStats> {
    let (output, below) = snapshot.layers.split_last()?;
    below
        .iter()
        .find(|l| l.grad_norm != 0.0)
        .or_else(|| (output.grad_zeros < output.fan_in * output.size).then_some(output))
}

/// The loss at step 0, as the history recorded it.
pub(super) fn first_loss(snapshot: &Snapshot) -> f64 {
    snapshot
        .history
        .train
        .first()
        .copied()
        .unwrap_or(snapshot.loss)
}

/// The largest gap between a unit's output and its activation of the plain sum of its inputs
/// that still counts as "outputs g(Σ inputs)". With every weight 1 and every bias 0 the only
/// difference is rounding: z is summed in f32 (relative error about n·2⁻²⁴ for n inputs),
/// g' ≤ 1 and g is evaluated in f32 (another 6e-8); measured on the lesson's data (|x| < 2):
/// 8e-8. 1e-6 is the material's own precision; weights of 0.999 instead of 1 already miss
/// sigmoid(x₁ + x₂) by 2.2e-4 on that data, 0.99 by 2.2e-3.
pub const SUM_GAP: f64 = 1e-6;

/// Whether every layer's weights are all still exactly 0.
fn all_weights_zero(snapshot: &Snapshot) -> bool {
    snapshot.layers.iter().all(|l| l.nonzero_since.is_none())
}

/// Zero init with tanh (A) and ReLU (B): g(0) = 0, so every hidden output is 0, every weight
/// gradient δ·aᵀ is 0 and δ = Wᵀδ' = 0 below the output. Exact zeros, not small numbers: the
/// claim holds from step 0 and forever, and it is judged on the gradients, not on the loss.
///
/// Only the output bias sees p − y directly, and its mini-batch gradient mean(p − y) is not 0
/// when a batch holds unequal numbers of each class (`data=gauss` with batches of 10): then it
/// moves and the loss with it. That changes nothing of the claim: the output weights are still
/// exactly 0 (the snapshot's `nonzero_since` is None for every layer), so z = 0·a + b = b on
/// every point, and the network gives every point the same output σ(b). The verdict checks
/// those zeros rather than assuming them.
fn zero_tanh(e: &Evidence) -> Verdict {
    for (snapshot, side) in [(Some(e.a), ""), (e.b, "B")] {
        let Some(s) = snapshot else { continue };
        if let Some(layer) = first_moving(s) {
            let message = Message::new(&format!("zero-tanh.fails{side}"))
                .with("layer", layer.name.as_str())
                .with("grad", layer.grad_norm);
            return Verdict::new(false, message);
        }
        // Weights away from 0 with every gradient exactly 0: not the zero-init case (no
        // setting of the lesson reaches it, but the claims below need the zeros).
        if let Some(layer) = s.layers.iter().find(|l| l.nonzero_since.is_some()) {
            let message = Message::new(&format!("zero-tanh.notZero{side}"))
                .with("layer", layer.name.as_str());
            return Verdict::new(false, message);
        }
    }
    let frozen: usize = e.a.layers.iter().map(|l| l.grad_zeros).sum();
    let weights: usize = e.a.layers.iter().map(|l| l.fan_in * l.size).sum();
    let from = first_loss(e.a);
    let name = if (e.a.loss - from).abs() > LOSS_SAME {
        "biasOnly"
    } else {
        "holds"
    };
    let message = Message::new(&format!("zero-tanh.{name}"))
        .with("zeros", frozen)
        .with("weights", weights)
        .with("from", from)
        .with("loss", e.a.loss)
        .with("steps", e.a.step);
    Verdict::new(true, message)
}

/// Zero init with sigmoid: every hidden unit outputs σ(0) = ½ on every input, so with the
/// output p = ½ the output weights' mini-batch gradient is ½·mean(p − y) = ½·mean(½ − y): it
/// depends only on how many points of each class the *batch* holds, not on the inputs. Once
/// they are not 0 the hidden weights get gradients too, and the loss falls. But every unit of
/// a layer has the same weights, sees the same inputs and gets the same gradient: the layer
/// stays 1 distinct unit. A claim about training: before the loss has moved by [`LOSS_MOVED`]
/// it does not hold yet; and if after some steps every weight is still exactly 0 (every batch
/// balanced, as `data=xor4&batch=4` makes it), the network froze just as zero-tanh's does.
fn zero_sigmoid(e: &Evidence) -> Verdict {
    let layer = most_distinct(e.a);
    if layer.distinct_units > 1 {
        let message = Message::new("zero-sigmoid.split")
            .with("layer", layer.name.as_str())
            .with("units", layer.distinct_units)
            .with("size", layer.size);
        return Verdict::new(false, message);
    }
    let (from, loss) = (first_loss(e.a), e.a.loss);
    let moved = (loss - from).abs() > LOSS_MOVED;
    let name = if moved {
        "holds"
    } else if e.a.step > 0 && all_weights_zero(e.a) {
        "frozen"
    } else {
        "still"
    };
    let message = Message::new(&format!("zero-sigmoid.{name}"))
        .with("layer", layer.name.as_str())
        .with("units", layer.distinct_units)
        .with("size", layer.size)
        .with("from", from)
        .with("loss", loss)
        .with("steps", e.a.step);
    Verdict::new(moved, message)
}

/// Zero init, sigmoid, several hidden layers: the layers unfreeze from the output down.
///
/// While a layer's weights are all 0, every unit below it gets δ = Wᵀδ' ⊙ g' = 0, so the
/// weights below get no gradient: a layer's weights can leave 0 only on a step *after* the
/// layer above them did (the step uses the weights as they were before it). The output's
/// weights move first, on the first batch with unequal numbers of each class (while every
/// output is ½, a balanced batch gives mean(½ − y) = 0 and moves nothing). So the steps at
/// which the layers first moved (`nonzero_since`) rise strictly from the output down: at most
/// one layer per step. The units of a layer stay copies throughout: 1 distinct unit each.
///
/// Holds once every layer has moved, in that order, each still 1 distinct unit. It flips to
/// "order" with any random init (every layer non-zero from step 0).
fn unfreeze(e: &Evidence) -> Verdict {
    let s = e.a;
    // From the output down: each layer must have moved strictly after the one above it, and
    // not at all while the one above is still 0.
    for pair in s.layers.windows(2).rev() {
        let (layer, upper) = (&pair[0], &pair[1]);
        let Some(step) = layer.nonzero_since else {
            continue;
        };
        let message = match upper.nonzero_since {
            Some(upper_step) if step <= upper_step => {
                Message::new("unfreeze.order").with("aboveStep", upper_step)
            }
            None => Message::new("unfreeze.under"),
            Some(_) => continue,
        };
        let message = message
            .with("layer", layer.name.as_str())
            .with("step", step)
            .with("above", upper.name.as_str());
        return Verdict::new(false, message);
    }
    let layer = most_distinct(s);
    if layer.distinct_units > 1 {
        let message = Message::new("unfreeze.split")
            .with("layer", layer.name.as_str())
            .with("units", layer.distinct_units)
            .with("size", layer.size);
        return Verdict::new(false, message);
    }
    let moved = s
        .layers
        .iter()
        .filter(|l| l.nonzero_since.is_some())
        .count();
    let depth = s.layers.len();
    let step_of = |l: usize| s.layers[l].nonzero_since.unwrap_or(0);
    let message = if moved == 0 && s.step == 0 {
        Message::new("unfreeze.start")
    } else if moved == 0 {
        Message::new("unfreeze.frozen").with("steps", s.step)
    } else if moved < depth {
        let (last, lowest) = (depth - moved, &s.layers[depth - moved]);
        Message::new("unfreeze.partly")
            .with("moved", moved)
            .with("layers", depth)
            .with("layer", lowest.name.as_str())
            .with("step", step_of(last))
            .with("steps", s.step)
    } else if depth == 4 {
        Message::new("unfreeze.holds")
            .with("output", step_of(3))
            .with("h3", step_of(2))
            .with("h2", step_of(1))
            .with("h1", step_of(0))
    } else {
        Message::new("unfreeze.holdsDepth")
            .with("layers", depth)
            .with("output", step_of(depth - 1))
            .with("h1", step_of(0))
    };
    let holds = moved == depth;
    Verdict::new(holds, message.with("units", layer.distinct_units))
}

/// Constant init: every hidden unit of a layer computes g(c·Σ inputs + b), the same function,
/// and gets the same gradient, so it stays a copy of every other unit of its layer (a unit's
/// own input weights may well differ from each other after training: the gradient of wᵢ is
/// mean(δ·xᵢ)). The verdict is the largest count of distinct units over the hidden layers: 1
/// means every layer is one unit drawn many times. It holds at step 0 and after any number of
/// steps. At step 0 it also checks the material's exact claim: with every weight 1 and every
/// bias 0, each hidden unit outputs g(sum of its inputs) on every point, to [`SUM_GAP`]
/// (the snapshot's `sum_gap`, over every unit and training point).
fn constant(e: &Evidence) -> Verdict {
    let layer = most_distinct(e.a);
    let holds = layer.distinct_units == 1;
    let gap = hidden(e.a).iter().fold(0.0f64, |m, l| m.max(l.sum_gap));
    let message = if holds && e.a.step == 0 && gap <= SUM_GAP {
        Message::new("constant.holdsSum").with("gap", gap)
    } else {
        Message::outcome("constant", holds)
    };
    let message = message
        .with("layer", layer.name.as_str())
        .with("units", layer.distinct_units)
        .with("size", layer.size);
    Verdict::new(holds, message)
}

/// A: constant init, its hidden units copies; B: the same plus noise of std 10⁻³. The noise
/// makes B's units differ (distinct = size), the differences grow under training, and B
/// reaches [`SOLVED_ACCURACY`], which A's one effective unit cannot (its ceiling is 3/4).
fn break_symmetry(e: &Evidence, b: &Snapshot) -> Verdict {
    let b_layer = hidden(b)
        .iter()
        .find(|l| l.distinct_units < l.size)
        .unwrap_or(&b.layers[0]);
    let a_layer = most_distinct(e.a);
    let name = if b_layer.distinct_units < b_layer.size {
        "copies"
    } else if e.a.accuracy >= SOLVED_ACCURACY {
        "aLearns"
    } else if b.accuracy < SOLVED_ACCURACY {
        "notYet"
    } else {
        "holds"
    };
    let message = Message::new(&format!("break-symmetry.{name}"))
        .with("layer", b_layer.name.as_str())
        .with("units", b_layer.distinct_units)
        .with("size", b_layer.size)
        .with("unitsA", a_layer.distinct_units)
        .with("accuracyA", e.a.accuracy)
        .with("accuracyB", b.accuracy);
    Verdict::new(name == "holds", message)
}

/// The XOR 2-1 net (Rumelhart, Hinton & Williams 1986), A from zero, B from random weights.
/// At zero the hidden unit outputs the same value on all 4 points and XOR has no linear part,
/// so every gradient is exactly 0: A sits on a stationary point forever. B descends to a loss
/// below [`SOLVED_LOSS`]. A claim about training: B must have had time to solve it.
fn xor_2_1(e: &Evidence, b: &Snapshot) -> Verdict {
    let grad_a = f64::sqrt(e.a.layers.iter().map(|l| l.grad_norm * l.grad_norm).sum());
    let name = if grad_a != 0.0 {
        "aMoves"
    } else if b.loss.is_nan() || b.loss >= SOLVED_LOSS {
        "notYet"
    } else {
        "holds"
    };
    let message = Message::new(&format!("xor-2-1.{name}"))
        .with("grad", grad_a)
        .with("lossA", e.a.loss)
        .with("lossB", b.loss)
        .with("solved", SOLVED_LOSS);
    Verdict::new(name == "holds", message)
}

/// A stationary point that is not a minimum. The gradient is 0 (below [`ZERO_GRADIENT`]), and
/// the second differences along the axes alone cannot settle it: at the zero point of the tanh
/// XOR net one axis curves up (the output bias, ¼) and none curves down, which a flat minimum
/// would show as well. A *strict* saddle has a direction that curves down: the Hessian's
/// lowest eigenvalue is below 0 ([`hessian`]; an axis that curves down is one such direction,
/// but a combination of parameters can curve down while no axis does). The lesson's point is
/// degenerate: its lowest eigenvalue is 0 (measured, to 1e-3), so no direction curves down;
/// with every bias at 1 the same net reaches a strict one (tests/lesson_symmetry.rs).
/// So the verdict holds only with a point it found lower than θ (along the saddle plane's d₁,
/// where the loss falls at fourth order, or along the direction that curves down most): its
/// loss and distance are the proof, and the eigenvalue says which kind of saddle it is ("holds"
/// for degenerate, "strict"; "lower" on a net too large for the Hessian, where no axis curves
/// down and the kind is left open). Without a lower point it says the test is inconclusive: a
/// linear network at zero (`act=linear`) has the same second differences and is a minimum.
/// At random init the gradient is not 0 and it says so.
fn saddle(e: &Evidence) -> Verdict {
    let Some(c) = e.curvature else {
        return Verdict::new(false, Message::new("saddle.computing"));
    };
    let up = (c.along_axes.iter())
        .filter(|&&k| k > CURVES_UP_ABOVE)
        .count();
    let down = (c.along_axes.iter())
        .filter(|&&k| k < -CURVES_UP_ABOVE)
        .count();
    let (lowest, highest) = c
        .along_axes
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &k| {
            (lo.min(k), hi.max(k))
        });
    // The Hessian's lowest eigenvalue where it was computed; else the lowest axis, which is
    // never below it (so an axis that curves down still proves a strict saddle).
    let curves_down = c.lowest_eigen.unwrap_or(lowest) < -CURVES_UP_ABOVE;
    let name = match (&c.lower, curves_down, c.lowest_eigen) {
        _ if c.grad_norm.is_nan() || c.grad_norm > ZERO_GRADIENT => "slope",
        (None, _, _) => "inconclusive",
        (Some(_), true, _) => "strict",
        (Some(_), false, Some(_)) => "holds",
        (Some(_), false, None) => "lower",
    };
    let (lower, distance) = c
        .lower
        .as_ref()
        .map_or((f64::NAN, f64::NAN), |l| (l.loss, l.distance));
    let message = Message::new(&format!("saddle.{name}"))
        .with("grad", c.grad_norm)
        .with("up", up)
        .with("down", down)
        .with("axes", c.along_axes.len())
        .with("lowest", lowest)
        .with("highest", highest)
        .with("eigen", c.lowest_eigen.unwrap_or(lowest))
        .with("center", c.center)
        .with("lower", lower)
        .with("distance", distance)
        .with("reach", LOWER_REACH)
        .with("most", hessian::HESSIAN_MAX_PARAMS);
    Verdict::new(matches!(name, "holds" | "strict" | "lower"), message)
}

/// Restarts over seeds: the claim is that random init is a lottery on this net, so some runs
/// solve XOR (loss < 0.01) and some stay stuck (loss > 0.1). Both shares must be above 0.
/// The counts are the restarts panel's, the run the learner sees; no text repeats them. Under
/// the lesson's squared error no finite point of this net is a strict local minimum (Hamey
/// 1998; Sprinkhuizen-Kuyper & Boers): a stuck run sits on a plateau, its weights drifting
/// towards saturation (tests/lesson_local_minima.rs). With 4 hidden units no seed gets stuck.
fn xor_restarts(e: &Evidence) -> Verdict {
    let Some(r) = e.restarts else {
        return Verdict::new(false, Message::new("xor-restarts.run"));
    };
    let holds = r.solved > 0.0 && r.stuck > 0.0;
    let count = |share: f64| (share * r.runs as f64).round() as usize;
    let message = Message::outcome("xor-restarts", holds)
        .with("runs", r.runs)
        .with("steps", r.steps)
        .with("solved", count(r.solved))
        .with("stuck", count(r.stuck));
    Verdict::new(holds, message)
}

pub const ZERO_TANH: Lesson = Lesson {
    id: settings::ZERO_TANH.id,
    settings: settings::ZERO_TANH.query,
    steps: 200,
    view: View::Gradients,
    needs: Needs::Snapshots,
    judge: Judge::One(zero_tanh),
};

pub const ZERO_SIGMOID: Lesson = Lesson {
    id: settings::ZERO_SIGMOID.id,
    settings: settings::ZERO_SIGMOID.query,
    steps: 300,
    view: View::Table,
    needs: Needs::Snapshots,
    judge: Judge::One(zero_sigmoid),
};

pub const UNFREEZE: Lesson = Lesson {
    id: settings::UNFREEZE.id,
    settings: settings::UNFREEZE.query,
    steps: 30,
    view: View::Network,
    needs: Needs::Snapshots,
    judge: Judge::One(unfreeze),
};

pub const CONSTANT: Lesson = Lesson {
    id: settings::CONSTANT.id,
    settings: settings::CONSTANT.query,
    steps: 300,
    view: View::Network,
    needs: Needs::Snapshots,
    judge: Judge::One(constant),
};

pub const BREAK_SYMMETRY: Lesson = Lesson {
    id: settings::BREAK_SYMMETRY.id,
    settings: settings::BREAK_SYMMETRY.query,
    steps: 2000,
    view: View::Boundary,
    needs: Needs::Snapshots,
    judge: Judge::AgainstB(break_symmetry),
};

pub const XOR_2_1: Lesson = Lesson {
    id: settings::XOR_2_1.id,
    settings: settings::XOR_2_1.query,
    steps: 4000,
    view: View::Network,
    needs: Needs::Snapshots,
    judge: Judge::AgainstB(xor_2_1),
};

pub const SADDLE: Lesson = Lesson {
    id: settings::SADDLE.id,
    settings: settings::SADDLE.query,
    steps: 0,
    view: View::Landscape,
    needs: Needs::Curvature,
    judge: Judge::One(saddle),
};

pub const XOR_RESTARTS: Lesson = Lesson {
    id: settings::XOR_RESTARTS.id,
    settings: settings::XOR_RESTARTS.query,
    steps: 2000,
    view: View::Restarts,
    needs: Needs::Restarts,
    judge: Judge::One(xor_restarts),
};

//! Issue #20's two digits lessons, natively: the engine trains on the real digits' training
//! split (Mlp + Trainer + the softmax head) and is scored on the test split.
//!
//! Settings (both lessons): plain SGD, learning rate 0.1, batches of 32, 2,000 steps, biases
//! from 0. The bounds are the issue's; seeds 1–3 run here (set `INITLAB_ALL_SEEDS=1` for 1–10,
//! or run `cargo run --release --example digits_lessons -- 0.1 0 32`, which prints every
//! seed's numbers).
//!
//! - `digits-scale`, 6 tanh layers of 64: σ = 0.01 stays at chance (loss ≥ 2.2, accuracy
//!   ≤ 20 %), Glorot reaches ≥ 90 %, σ = 3 learns slowly: its loss falls, but it has not
//!   reached 90 % after 2,000 steps, when Glorot has by step 1,000 (so it takes more than twice
//!   as long). Measured, it is closer to stuck than slow (the README's digits section).
//! - `digits-symmetry`, 64-16-10: from a constant, the 16 hidden units stay one unit (their
//!   receptive fields identical to 1e-6), and the net computes what a 64-1-10 net computes;
//!   from Glorot the fields are pairwise distinct and the net reaches ≥ 90 %.

mod digits_train;

use digits_train::{
    distinct_units, evaluate, max_gap, network, receptive_fields, split, train, Init, Schedule, Set,
};
use initlab::activation::Activation;
use initlab::mlp::{Mlp, CHUNK};

const SCHEDULE: Schedule = Schedule {
    lr: 0.1,
    momentum: 0.0,
    batch: 32,
};
const STEPS: usize = 2000;
/// 6 tanh layers of 64 between the 64 pixels and the 10 classes.
const DEEP: [usize; 8] = [64, 64, 64, 64, 64, 64, 64, 10];
/// The symmetry lesson's net: 16 hidden units, so 16 receptive fields to draw.
const SHALLOW: [usize; 3] = [64, 16, 10];

fn seeds() -> std::ops::RangeInclusive<u64> {
    if std::env::var_os("INITLAB_ALL_SEEDS").is_some() {
        1..=10
    } else {
        1..=3
    }
}

/// Trains `sizes` from `init` for `STEPS` steps; returns the net and its test accuracy after
/// steps 1,000 and 2,000.
fn trained(sizes: &[usize], init: Init, seed: u64, sets: &(Set, Set)) -> (Mlp, [f64; 2]) {
    let (train_set, test_set) = sets;
    let mut mlp = network(sizes, init, seed);
    let mut accuracy = [f64::NAN; 2];
    let ran = train(
        &mut mlp,
        train_set,
        SCHEDULE,
        (STEPS, seed),
        &[STEPS / 2, STEPS],
        |step, m| accuracy[step / (STEPS / 2) - 1] = evaluate(m, test_set).1,
    );
    assert_eq!(ran, STEPS, "{init:?}, seed {seed}: a step was not finite");
    (mlp, accuracy)
}

#[test]
fn digits_scale_sigma_001_stays_at_chance() {
    let sets = split();
    for seed in seeds() {
        let (mlp, [_, accuracy]) = trained(&DEEP, Init::Normal(0.01), seed, &sets);
        let (loss, _) = evaluate(&mlp, &sets.0);
        println!("σ = 0.01, seed {seed}: train loss {loss:.4}, test accuracy {accuracy:.3}");
        assert!(loss >= 2.2, "seed {seed}: loss {loss} fell below 2.2");
        assert!(accuracy <= 0.2, "seed {seed}: test accuracy {accuracy}");
    }
}

#[test]
fn digits_scale_glorot_reaches_90_percent_and_sigma_3_takes_more_than_twice_as_long() {
    let sets = split();
    for seed in seeds() {
        let (_, [glorot_half, glorot]) = trained(&DEEP, Init::Glorot, seed, &sets);
        println!("Glorot, seed {seed}: test accuracy {glorot_half:.3} at step 1,000, {glorot:.3} at 2,000");
        assert!(
            glorot >= 0.9,
            "seed {seed}: Glorot's test accuracy {glorot}"
        );
        assert!(
            glorot_half >= 0.9,
            "seed {seed}: Glorot at step 1,000: {glorot_half}"
        );

        let start = evaluate(&network(&DEEP, Init::Normal(3.0), seed), &sets.0).0;
        let (saturated, [_, accuracy]) = trained(&DEEP, Init::Normal(3.0), seed, &sets);
        let (loss, _) = evaluate(&saturated, &sets.0);
        println!(
            "σ = 3, seed {seed}: train loss {start:.2} → {loss:.3}, test accuracy {accuracy:.3}"
        );
        // It learns: the loss of its saturated start (logits of tens) falls…
        assert!(loss < start / 2.0, "seed {seed}: loss {start} → {loss}");
        // …but slowly: not at the 90 % that Glorot reached in half the steps.
        assert!(accuracy < 0.9, "seed {seed}: σ = 3 reached {accuracy}");
    }
}

/// The largest and the smallest difference between two of the receptive fields.
fn field_gaps(mlp: &Mlp) -> (f64, f64) {
    let fields = receptive_fields(mlp);
    let (mut closest, mut farthest) = (f64::INFINITY, 0.0f64);
    for (i, a) in fields.iter().enumerate() {
        for b in &fields[i + 1..] {
            closest = closest.min(max_gap(a, b));
            farthest = farthest.max(max_gap(a, b));
        }
    }
    (closest, farthest)
}

/// The 64-1-10 net that a 64-16-10 net of identical hidden units amounts to: unit 0's
/// weights and bias, and each class's 16 output weights summed into one.
fn one_unit_net(mlp: &Mlp) -> Mlp {
    let (hidden, output) = (mlp.layers[0], mlp.layers[1]);
    let mut one = Mlp::new(&[64, 1, 10], Activation::Tanh);
    let (first, last) = (one.layers[0], one.layers[1]);
    one.params[first.weights()].copy_from_slice(&mlp.params[hidden.w_at..hidden.w_at + 64]);
    one.params[first.b_at] = mlp.params[hidden.b_at];
    for k in 0..10 {
        let row = &mlp.params[output.w_at + k * output.n_in..][..output.n_in];
        one.params[last.w_at + k] = row.iter().sum();
    }
    one.params[last.biases()].copy_from_slice(&mlp.params[output.biases()]);
    one
}

/// The largest difference between the class probabilities of two nets over `set`.
fn probability_gap(a: &Mlp, b: &Mlp, set: &Set) -> f64 {
    let (mut wa, mut wb) = (a.workspace(CHUNK), b.workspace(CHUNK));
    let mut gap = 0.0f64;
    let all: Vec<usize> = (0..set.len()).collect();
    for chunk in all.chunks(CHUNK) {
        wa.load(&set.x, &set.y, chunk.iter().copied());
        wb.load(&set.x, &set.y, chunk.iter().copied());
        a.forward(&mut wa).unwrap();
        b.forward(&mut wb).unwrap();
        for k in 0..10 {
            let (pa, pb) = (a.probabilities(&wa, k), b.probabilities(&wb, k));
            for (x, y) in pa.iter().zip(pb) {
                gap = gap.max((x - y).abs() as f64);
            }
        }
    }
    gap
}

#[test]
fn digits_symmetry_constant_init_keeps_one_unit_random_init_learns() {
    let sets = split();
    for seed in seeds() {
        let (constant, [_, accuracy]) = trained(&SHALLOW, Init::Constant(0.1), seed, &sets);
        let (closest, farthest) = field_gaps(&constant);
        println!(
            "constant 0.1, seed {seed}: test accuracy {accuracy:.3}, fields apart by at most {farthest:.1e}"
        );
        // The weights did move (this is not a frozen net)…
        let moved = receptive_fields(&constant)[0]
            .iter()
            .map(|w| (w - 0.1f32 as f64).abs())
            .fold(0.0, f64::max);
        assert!(
            moved > 1e-3,
            "seed {seed}: the first layer moved only {moved}"
        );
        // …in lockstep: one distinct hidden unit, 16 identical receptive fields.
        assert_eq!(distinct_units(&constant, 0, 1e-6), 1, "seed {seed}");
        assert!(
            farthest <= 1e-6,
            "seed {seed}: two fields differ by {farthest}"
        );
        assert!(closest <= farthest);
        // One effective unit: a 64-1-10 net gives the same probabilities (f32 rounding of the
        // 16-term sums apart), so the classes are read off one number tanh(w·x + b), and
        // each class wins on at most one interval of it.
        let gap = probability_gap(&constant, &one_unit_net(&constant), &sets.1);
        assert!(gap <= 1e-4, "seed {seed}: the 64-1-10 net is {gap} away");

        let (random, [_, accuracy]) = trained(&SHALLOW, Init::Glorot, seed, &sets);
        let (closest, _) = field_gaps(&random);
        println!(
            "Glorot, seed {seed}: test accuracy {accuracy:.3}, fields apart by ≥ {closest:.2}"
        );
        assert!(closest > 1e-6, "seed {seed}: two fields are the same");
        assert!(accuracy >= 0.9, "seed {seed}: test accuracy {accuracy}");
    }
}

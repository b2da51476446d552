//! Issue #20's two digits lessons, measured over seeds 1–10 (the native tests run fewer
//! seeds): `cargo run --release --example digits_lessons -- [lr momentum batch [seeds]]`.
//!
//! digits-scale: 6 tanh layers of 64, 2,000 steps, from σ = 0.01, Glorot and σ = 3;
//! digits-symmetry: 64-16-10 from constant weights against Glorot.

#[path = "../tests/digits_train/mod.rs"]
mod digits_train;

use digits_train::{
    distinct_units, evaluate, max_gap, network, receptive_fields, split, train, Init, Schedule,
};

const DEEP: [usize; 8] = [64, 64, 64, 64, 64, 64, 64, 10];
const STEPS: usize = 2000;

fn min_max(xs: &[f64]) -> (f64, f64) {
    let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (min, max)
}

fn main() {
    let args: Vec<f64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("numbers: lr momentum batch [seeds]"))
        .collect();
    let schedule = Schedule {
        lr: args.first().copied().unwrap_or(0.1),
        momentum: args.get(1).copied().unwrap_or(0.9),
        batch: args.get(2).copied().unwrap_or(32.0) as usize,
    };
    let seeds = args.get(3).copied().unwrap_or(10.0) as u64;
    let (train_set, test_set) = split();
    println!("{schedule:?}, {STEPS} steps, seeds 1–{seeds}");
    let checkpoints: Vec<usize> = (1..=STEPS / 100).map(|k| 100 * k).collect();
    if let Some(long) = std::env::var("SIGMA3_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return sigma3_long((&train_set, &test_set), schedule, long, seeds);
    }
    for (name, init) in [
        ("A σ=0.01", Init::Normal(0.01)),
        ("B Glorot", Init::Glorot),
        ("C σ=3", Init::Normal(3.0)),
    ] {
        let (mut losses, mut accs, mut at1000, mut first90) = (vec![], vec![], vec![], vec![]);
        for seed in 1..=seeds {
            let mut mlp = network(&DEEP, init, seed);
            let (loss0, _) = evaluate(&mlp, &train_set);
            let mut curve = Vec::new();
            let ran = train(
                &mut mlp,
                &train_set,
                schedule,
                (STEPS, seed),
                &checkpoints,
                |step, m| {
                    curve.push((step, evaluate(m, &test_set).1));
                },
            );
            let (loss, _) = evaluate(&mlp, &train_set);
            let (test_loss, acc) = evaluate(&mlp, &test_set);
            let reach = curve.iter().find(|(_, a)| *a >= 0.9).map(|(s, _)| *s);
            let acc1000 = curve
                .iter()
                .find(|(s, _)| *s == 1000)
                .map_or(f64::NAN, |c| c.1);
            println!(
                "  {name} seed {seed:>2}: ran {ran}, train loss {loss0:.3} → {loss:.4}, test loss {test_loss:.4}, \
                 test acc @1000 {:.1} %, @2000 {:.1} %, first ≥ 90 % at step {reach:?}",
                100.0 * acc1000,
                100.0 * acc
            );
            losses.push(loss);
            accs.push(acc);
            at1000.push(acc1000);
            first90.push(reach.map_or(f64::INFINITY, |s| s as f64));
        }
        let (l0, l1) = min_max(&losses);
        let (a0, a1) = min_max(&accs);
        let (m0, m1) = min_max(&at1000);
        let (f0, f1) = min_max(&first90);
        println!(
            "{name}: train loss {l0:.4}–{l1:.4}, test acc @2000 {:.1}–{:.1} %, @1000 {:.1}–{:.1} %, \
             first ≥ 90 % at step {f0}–{f1}",
            100.0 * a0,
            100.0 * a1,
            100.0 * m0,
            100.0 * m1
        );
    }
    let wide = [64, 16, 10];
    for (name, init) in [
        ("constant 0.1", Init::Constant(0.1)),
        ("constant 1", Init::Constant(1.0)),
        ("Glorot", Init::Glorot),
    ] {
        let mut accs = Vec::new();
        for seed in 1..=seeds {
            let mut mlp = network(&wide, init, seed);
            train(
                &mut mlp,
                &train_set,
                schedule,
                (STEPS, seed),
                &[],
                |_, _| {},
            );
            let fields = receptive_fields(&mlp);
            let (mut closest, mut farthest) = (f64::INFINITY, 0.0f64);
            for i in 0..fields.len() {
                for j in i + 1..fields.len() {
                    let gap = max_gap(&fields[i], &fields[j]);
                    closest = closest.min(gap);
                    farthest = farthest.max(gap);
                }
            }
            let (loss, _) = evaluate(&mlp, &train_set);
            let acc = evaluate(&mlp, &test_set).1;
            println!(
                "  symmetry {name} seed {seed:>2}: distinct units {} / {}, field gaps {closest:.2e}–{farthest:.2e}, \
                 train loss {loss:.4}, test acc {:.1} %",
                distinct_units(&mlp, 0, 1e-6),
                distinct_units(&mlp, 1, 1e-6),
                100.0 * acc
            );
            accs.push(acc);
        }
        let (a0, a1) = min_max(&accs);
        println!(
            "symmetry {name}: test acc {:.1}–{:.1} %",
            100.0 * a0,
            100.0 * a1
        );
    }
}

/// How σ = 3 goes on after the lesson's 2,000 steps: test accuracy every 1,000 steps.
fn sigma3_long(
    (train_set, test_set): (&digits_train::Set, &digits_train::Set),
    schedule: Schedule,
    steps: usize,
    seeds: u64,
) {
    let checkpoints: Vec<usize> = (1..=steps / 1000).map(|k| 1000 * k).collect();
    for seed in 1..=seeds {
        let mut mlp = network(&DEEP, Init::Normal(3.0), seed);
        let mut curve = Vec::new();
        train(
            &mut mlp,
            train_set,
            schedule,
            (steps, seed),
            &checkpoints,
            |step, m| {
                let (loss, _) = evaluate(m, train_set);
                curve.push(format!(
                    "{step}: {loss:.2}/{:.0}%",
                    100.0 * evaluate(m, test_set).1
                ));
            },
        );
        println!(
            "σ=3 seed {seed} (train loss/test acc): {}",
            curve.join(", ")
        );
    }
}

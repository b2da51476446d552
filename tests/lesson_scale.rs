//! The scale lessons (truncated, relu-bias, too-small, too-large, xavier, he-relu): each
//! lesson's own settings, run for its `steps`, make its verdict hold, with the number behind it
//! inside a bound derived from theory; changing the one setting the lesson is about flips it.

use initlab::compare::Comparison;
mod common;
use common::{assert_verdict, number};
use initlab::lessons::{find, judge_now, Arg, Lesson, Verdict};
use initlab::Config;

fn lesson(id: &str) -> &'static Lesson {
    find(id).unwrap_or_else(|| panic!("no lesson {id}"))
}

/// The verdict after running `config` for the lesson's steps, as a learner pressing "Run it" sees it.
fn verdict_of(lesson: &Lesson, config: &Config) -> Verdict {
    let mut pair = Comparison::new(config).expect("a valid lesson config");
    pair.step(lesson.steps);
    judge_now(lesson, &mut pair, None)
}

/// The lesson as it opens.
fn as_opened(id: &str) -> Verdict {
    let lesson = lesson(id);
    verdict_of(lesson, &lesson.config().expect("the lesson's config"))
}

/// The lesson with A's settings changed (B follows, as `vs` only lists B's differences).
fn with_a(id: &str, changes: &[(&str, &str)]) -> Verdict {
    let lesson = lesson(id);
    let config = lesson
        .config()
        .unwrap()
        .with_changes(changes.iter().copied());
    verdict_of(lesson, &config.expect("valid changes"))
}

/// The lesson with only B's settings changed.
fn with_b(id: &str, changes: &[(&str, &str)]) -> Verdict {
    let lesson = lesson(id);
    let config = lesson
        .config()
        .unwrap()
        .with_b_changes(changes.iter().copied());
    verdict_of(lesson, &config.expect("valid changes"))
}

#[test]
fn truncated_cuts_at_two_sigma_keeps_the_std_and_barely_changes_saturation() {
    let v = as_opened("truncated");
    assert_verdict(&v, true, "truncated.holds");
    // The cut is at ±2σ', so no weight of B lies beyond (f32 rounding aside; σ' = σ/0.8796
    // and the weights are reported in units of σ', the σ they were drawn with).
    assert!(number(&v, "b_max") <= 2.0 + 1e-6, "{v:?}");
    // A draws 2·256 + 256 = 768 uncut weights: all within 2σ has probability 0.9545⁷⁶⁸ ≈ 10⁻¹⁶.
    assert!(number(&v, "a_max") > 2.0, "{v:?}");
    // Corrected (Keras' correction), B's std is exactly the σ asked for: only the tails differ.
    assert!((number(&v, "b_std") - 1.0).abs() < 1e-9, "{v:?}");
    // std(z) ≈ 1 here (σ = 1/√2 on 2 standardised inputs) and sigmoid saturates beyond
    // |z| = 5.99, ≈ 6 std: a share ≈ 2·10⁻⁹, so none of 256 · 200 pairs.
    for side in ["sat_a_pct", "sat_b_pct"] {
        assert!(number(&v, side) < 0.01, "{side}: {v:?}");
    }
}

#[test]
fn truncated_flips_when_b_is_not_cut() {
    // B drawn like A: the same weights, so B's largest weight is A's, beyond 2σ.
    let v = with_b("truncated", &[("init", "normal")]);
    assert_verdict(&v, false, "truncated.uncut");
    assert_eq!(number(&v, "b_max"), number(&v, "a_max"));
    assert!(number(&v, "b_max") > 2.0, "{v:?}");
}

#[test]
fn truncated_flips_when_b_has_no_random_weights_at_all() {
    // Zeros have no weight beyond 2σ either, but they are not a truncated normal.
    let v = with_b("truncated", &[("init", "zeros")]);
    assert_verdict(&v, false, "truncated.uncut");
}

#[test]
fn truncated_without_keras_correction_narrows_the_std_to_0_88() {
    let v = with_b("truncated", &[("correct", "0")]);
    assert_verdict(&v, true, "truncated.holds");
    // Std of N(0, 1) cut at ±2: √(1 − 4φ(2)/(Φ(2) − Φ(−2))) = 0.87962 (Keras' 0.87962566).
    assert!((number(&v, "b_std") - 0.879_626).abs() < 1e-5, "{v:?}");
}

/// Saturated shares (A, B) in percent of the truncated lesson at σ = 3 on `seed`, B corrected or not.
fn saturated_at_sigma_3(seed: u32, correct: &str) -> (f64, f64) {
    let lesson = lesson("truncated");
    let config = lesson
        .config()
        .unwrap()
        .with_changes([
            ("scale", "manual"),
            ("sigma", "3"),
            ("seed", &seed.to_string()),
        ])
        .unwrap()
        .with_b_changes([("correct", correct)])
        .unwrap();
    let v = verdict_of(lesson, &config);
    (number(&v, "sat_a_pct"), number(&v, "sat_b_pct"))
}

#[test]
fn truncated_at_sigma_3_the_std_not_the_tails_decides_saturation() {
    // σ = 3 on 2 standardised inputs: z ≈ N(0, 9·‖x‖²), std ≈ 3·√2 ≈ 4.2, and P(|z| > 5.99)
    // ≈ P(|N(0,1)| > 1.41) ≈ 16 % of pairs saturate in A. B corrected has the same std and
    // lighter tails: for a sum of two weights the tails barely move that share. B uncorrected
    // has std 0.88·4.2 ≈ 3.7: P(|N(0,1)| > 1.61) ≈ 11 %. Means over 20 seeds keep the chance
    // gap between two draws of 256 units (spread ≈ 2 points per seed) within ≈ 0.5 points.
    let seeds = 20;
    let mean = |correct: &str| {
        let (mut a, mut b) = (0.0, 0.0);
        for seed in 1..=seeds {
            let (x, y) = saturated_at_sigma_3(seed, correct);
            if correct == "1" {
                // Per seed the tails alone stay within the verdict's 5 points.
                assert!((x - y).abs() < 5.0, "seed {seed}: A {x} %, B {y} %");
            }
            a += x;
            b += y;
        }
        (a / seeds as f64, b / seeds as f64)
    };
    let (a, tails) = mean("1");
    let (_, narrower) = mean("0");
    assert!((13.0..18.0).contains(&a), "A {a} %");
    assert!((a - tails).abs() < 1.5, "A {a} %, B corrected {tails} %");
    assert!(
        (9.0..13.0).contains(&narrower),
        "B uncorrected {narrower} %"
    );
    assert!(a - narrower > 2.5, "A {a} %, B uncorrected {narrower} %");
}

#[test]
fn truncated_pytorch_cuts_at_weight_values_and_at_small_sigma_cuts_nothing() {
    // torch.nn.init.trunc_normal_(w, std=σ) cuts at a = −2, b = 2 as weight values. At
    // σ = 0.05 that is ±40σ: the share it removes, 2Φ(−40) ≈ 10⁻³⁴⁹, is no double at all, so
    // B is an uncut normal and its largest of 768 weights passes 2σ like A's.
    let lesson = lesson("truncated");
    let config = lesson
        .config()
        .unwrap()
        .with_changes([("scale", "manual"), ("sigma", "0.05")])
        .unwrap()
        .with_b_changes([
            ("correct", "0"),
            ("bounds", "abs"),
            ("lo", "-2"),
            ("hi", "2"),
        ])
        .unwrap();
    let v = verdict_of(lesson, &config);
    assert_verdict(&v, false, "truncated.uncut");
    assert!(number(&v, "b_max") > 2.0, "{v:?}");
}

#[test]
fn normal_weights_pass_three_sigma_where_truncated_ones_never_pass_two() {
    // 2·64 + 64·64 + 64 = 4288 weights: all within 3σ has probability 0.9973⁴²⁸⁸ ≈ 10⁻⁵.
    for seed in ["1", "2", "3"] {
        let base = [("layers", "64,64"), ("scale", "lecun"), ("seed", seed)];
        let mut normal = Config::default().with_changes(base).unwrap();
        normal.init = "normal".into();
        let mut cut = normal.clone();
        cut.init = "truncnormal".into();
        let largest = |c: &Config| {
            let s = initlab::Experiment::new(c).unwrap().snapshot();
            s.layers
                .iter()
                .map(|l| l.w_max_abs_sigmas)
                .fold(0.0, f64::max)
        };
        assert!(largest(&normal) > 3.0, "seed {seed}");
        assert!(largest(&cut) <= 2.0 + 1e-6, "seed {seed}");
    }
}

#[test]
fn relu_bias_the_small_bias_leaves_fewer_dead_units() {
    let v = as_opened("relu-bias");
    assert_verdict(&v, true, "relu-bias.holds");
    assert_eq!(number(&v, "units"), 16.0);
    // A dead unit gets no gradient on its incoming weights, so once dead at the start it stays
    // so (at this learning rate); some of A's 16 units must be dead for the lesson to show anything.
    assert!(number(&v, "dead_a") >= 1.0, "{v:?}");
    assert!(number(&v, "dead_b") < number(&v, "dead_a"), "{v:?}");
}

#[test]
fn relu_bias_flips_when_b_drops_the_bias() {
    // B's weights are A's (a constant bias draws no random number): same bias, same net.
    let v = with_b("relu-bias", &[("bias", "0")]);
    assert_verdict(&v, false, "relu-bias.fails");
    assert_eq!(number(&v, "dead_a"), number(&v, "dead_b"));
}

/// Mean share of dead hidden units at step 0 over `seeds` seeds of the relu-bias net.
fn mean_dead(init: &str, bias: &str, seeds: u32) -> f64 {
    let mut total = 0.0;
    for seed in 1..=seeds {
        let config = lesson("relu-bias")
            .config()
            .unwrap()
            .with_changes([
                ("vs", ""),
                ("init", init),
                ("bias", bias),
                ("seed", &seed.to_string()),
            ])
            .unwrap();
        let s = initlab::Experiment::new(&config).unwrap().snapshot();
        let hidden = &s.layers[..s.layers.len() - 1];
        total += hidden.iter().map(|l| l.dead).sum::<f64>() / hidden.len() as f64;
    }
    total / seeds as f64
}

#[test]
fn relu_bias_truncation_barely_changes_the_dead_share_the_bias_does() {
    // With bias 0, a unit is dead iff w·a ≤ 0 on every point: scale-free, so cutting the tails
    // (which mostly shrinks the weights) leaves the expected dead share nearly unchanged, while
    // a bias of 0.1 removes every case where w·a stays within (−0.1, 0] on some point. Over 40
    // seeds the truncation's change must be under half the bias's.
    let seeds = 40;
    let normal = mean_dead("normal", "0", seeds);
    let cut = mean_dead("truncnormal", "0", seeds);
    let biased = mean_dead("normal", "0.1", seeds);
    let (by_cut, by_bias) = ((cut - normal).abs(), normal - biased);
    assert!(
        by_cut < by_bias / 2.0,
        "normal {normal}, cut {cut}, bias 0.1 {biased}"
    );
}

/// Dead hidden units per hidden layer of `config` at step 0 and after `steps` steps.
fn dead_per_layer(config: &Config, steps: usize) -> (Vec<usize>, Vec<usize>) {
    let count = |s: &initlab::experiment::Snapshot| {
        let hidden = &s.layers[..s.layers.len() - 1];
        hidden
            .iter()
            .map(|l| (l.dead * l.size as f64).round() as usize)
            .collect::<Vec<_>>()
    };
    let mut run = initlab::Experiment::new(config).unwrap();
    let before = count(&run.snapshot());
    run.step(steps);
    (before, count(&run.snapshot()))
}

#[test]
fn relu_dead_units_stay_dead_in_the_first_layer_only() {
    // A dead unit's incoming weights and bias get no gradient. In the first hidden layer its
    // inputs are the fixed data, so z ≤ 0 on every point stays so: the layer's dead count can
    // only grow. Deeper, its inputs are the outputs of layers that keep training, so z can
    // turn positive again somewhere: a dead unit can come back. A bias of −1 kills units in
    // every layer (with 0, centred 2-d data leaves no first-layer unit dead to watch).
    let mut revived_deeper = 0;
    for seed in 1..=5 {
        let config = lesson("relu-bias")
            .config()
            .unwrap()
            .with_changes([
                ("vs", ""),
                ("bias", "-1"),
                ("layers", "16,16,16"),
                ("seed", &seed.to_string()),
            ])
            .unwrap();
        let (before, after) = dead_per_layer(&config, lesson("relu-bias").steps);
        assert!(before[0] >= 1, "seed {seed}: {before:?}");
        assert!(after[0] >= before[0], "seed {seed}: {before:?} → {after:?}");
        revived_deeper += (1..before.len()).filter(|&l| after[l] < before[l]).count();
    }
    // Measured at 100 steps: layer 3 of seed 4 goes from 10 dead to 9.
    assert!(revived_deeper >= 1, "no deeper layer revived a unit");
}

#[test]
fn relu_bias_truncation_alone_leaves_the_dead_share_about_the_same_after_training() {
    // The task's claim, at the lesson's steps with B at bias 0: truncated (B) against normal (A)
    // weights. The two draws differ (the cut redraws), so one seed's counts differ by chance:
    // over 200 seeds the difference of the 16-unit counts had a spread of ≈ 2.4 units, with
    // |Δ| ≤ 2 in 151 of them. On average (measured, 200 seeds, 200 steps): 2.21 dead with a
    // normal, 2.14 truncated, 0.97 with bias 0.1. Over 100 seeds the mean's chance error is
    // ≈ 2.4/√100 = 0.24 units, so the cut's change must stay under a third of the bias's
    // (≈ 1.2 units).
    let lesson = lesson("relu-bias");
    let seeds = 100;
    let mean_dead = |init: &str, bias: &str| {
        let total: usize = (1..=seeds)
            .map(|seed| {
                let config = lesson
                    .config()
                    .unwrap()
                    .with_changes([
                        ("vs", ""),
                        ("init", init),
                        ("bias", bias),
                        ("seed", &seed.to_string()),
                    ])
                    .unwrap();
                dead_per_layer(&config, lesson.steps)
                    .1
                    .iter()
                    .sum::<usize>()
            })
            .sum();
        total as f64 / seeds as f64
    };
    let (normal, cut, biased) = (
        mean_dead("normal", "0"),
        mean_dead("truncnormal", "0"),
        mean_dead("normal", "0.1"),
    );
    assert!(
        (cut - normal).abs() < (normal - biased) / 3.0,
        "normal {normal}, cut {cut}, bias 0.1 {biased}"
    );
    // On the lesson's own seed, B at bias 0 truncated against A: at most 2 units apart.
    let v = with_b("relu-bias", &[("bias", "0"), ("init", "truncnormal")]);
    let gap = number(&v, "dead_a") - number(&v, "dead_b");
    assert!(gap.abs() <= 2.0, "{v:?}");
}

#[test]
fn relu_dead_units_at_bias_zero_do_not_depend_on_the_scale() {
    // Glorot and He differ by a factor per layer; w·a ≤ 0 everywhere is unchanged by it, so
    // with bias 0 the dead units of a freshly drawn net are the same ones, exactly.
    let config = |scale: &str| {
        lesson("relu-bias")
            .config()
            .unwrap()
            .with_changes([("vs", ""), ("scale", scale)])
            .unwrap()
    };
    let dead = |scale: &str| {
        let s = initlab::Experiment::new(&config(scale)).unwrap().snapshot();
        s.layers.iter().map(|l| l.dead).collect::<Vec<_>>()
    };
    assert_eq!(dead("he"), dead("glorot"));
    assert_eq!(dead("he"), dead("lecun"));
}

#[test]
fn too_small_collapses_stays_linear_and_a_sane_sigma_trains_better() {
    let v = as_opened("too-small");
    assert_verdict(&v, true, "too-small.holds");
    // At step 0: each tanh layer multiplies std(z) by σ·√64 = 0.08: over 7 layers 0.08⁷ ≈
    // 2·10⁻⁸. Row norms of 64 draws vary by a few percent per layer: allow a factor 50 either way.
    let ratio = number(&v, "ratio");
    assert!((4e-10..1e-6).contains(&ratio), "{v:?}");
    // A's widest std(z) is its first layer's, σ·√2 ≈ 0.014 on 2 standardised inputs.
    assert!(number(&v, "z_max") < 0.03, "{v:?}");
    // B at σ = 1/√64: each layer passes std(z) on (factor σ·√64 = 1, tanh shrinks it a little
    // where |z| nears 1); measured 0.60–0.90 on seeds 1–6, far from a collapse.
    assert!(number(&v, "b_ratio") > 0.3, "{v:?}");
    // After the steps, the bound: A's collapsed net answers ≈ ½ everywhere, its loss
    // stays at ln 2 = 0.693 and its accuracy near 50 %; B learns (measured: 0.376, 86 %).
    assert_eq!(number(&v, "step"), 200.0);
    assert!(
        (number(&v, "loss_a") - std::f64::consts::LN_2).abs() < 0.01,
        "{v:?}"
    );
    let accuracy_gap = number(&v, "accuracy_b_pct") - number(&v, "accuracy_a_pct");
    assert!(accuracy_gap >= 10.0, "{v:?}");
}

#[test]
fn too_small_a_sigmoid_net_keeps_its_std_but_not_its_input() {
    // B as a sigmoid net at σ = 0.01: layer 1 has std σ·√2 ≈ 0.014 (standardised inputs),
    // later ones σ·√(64·¼) = 0.04 (every input ≈ ½): a ratio ≈ 2.8, no collapse — but that
    // spread is the same for every point, so B learns nothing either and training cannot set
    // A and B apart.
    let v = with_b("too-small", &[("act", "sigmoid"), ("sigma", "0.01")]);
    assert!((1.5..5.0).contains(&number(&v, "b_ratio")), "{v:?}");
    assert_verdict(&v, false, "too-small.trainedAlike");
}

#[test]
fn too_small_before_training_judges_the_start_and_waits_for_the_steps() {
    let lesson = lesson("too-small");
    let mut pair = Comparison::new(&lesson.config().unwrap()).unwrap();
    let v = judge_now(lesson, &mut pair, None);
    assert_verdict(&v, false, "too-small.notYet");
}

#[test]
fn too_small_flips_at_a_sane_sigma() {
    // σ = 1/√64: each layer passes std(z) on (tanh shrinks it only a little at std ≈ 0.2).
    let v = with_a("too-small", &[("sigma", "0.125")]);
    assert_verdict(&v, false, "too-small.kept");
    assert!(number(&v, "ratio") > 0.5, "{v:?}");
}

#[test]
fn too_large_saturates_most_units_the_gradient_explodes_and_a_sane_sigma_trains_better() {
    let v = as_opened("too-large");
    assert_verdict(&v, true, "too-large.explode");
    // At step 0: std(z) ≈ 3·√64 = 24 against tanh's flat tails beyond |z| = 2.99:
    // P(|z| > 3) ≈ 90 %.
    assert!(number(&v, "sat_min_pct") > 85.0, "{v:?}");
    // Var(δ) grows ≈ 64·9·(4/3)/(24·√(2π)) ≈ 13 per layer back: std(δ) ≈ 3.6× per layer,
    // 3.6⁷ ≈ 8000 from hidden 8 to hidden 1. Demand a factor 100.
    assert!(number(&v, "delta_ratio") > 100.0, "{v:?}");
    // After the steps, the bound: B (σ = 1/√64) 0.1 lower in loss or 10 points higher
    // in accuracy. Measured on this seed: 1.15 against 0.21, 71 % against 93 %.
    assert_eq!(number(&v, "step"), 300.0);
    let loss_gap = number(&v, "loss_a") - number(&v, "loss_b");
    let accuracy_gap = number(&v, "accuracy_b_pct") - number(&v, "accuracy_a_pct");
    assert!(loss_gap >= 0.1 || accuracy_gap >= 10.0, "{v:?}");
}

#[test]
fn too_large_training_sets_the_sane_sigma_apart_on_every_seed() {
    // Seeds 1–8 measured: loss gaps 0.44–3.7, accuracy gaps 22–45 points.
    for seed in 1..=4 {
        let v = with_a("too-large", &[("seed", &seed.to_string())]);
        assert_verdict(&v, true, "too-large.explode");
        let accuracy_gap = number(&v, "accuracy_b_pct") - number(&v, "accuracy_a_pct");
        assert!(accuracy_gap >= 10.0, "seed {seed}: {v:?}");
    }
}

#[test]
fn too_large_before_training_judges_the_start_and_waits_for_the_steps() {
    let lesson = lesson("too-large");
    let mut pair = Comparison::new(&lesson.config().unwrap()).unwrap();
    let v = judge_now(lesson, &mut pair, None);
    assert_verdict(&v, false, "too-large.notYet");
    let before = (number(&v, "sat_min_pct"), number(&v, "delta_ratio"));
    pair.step(lesson.steps);
    let after = judge_now(lesson, &mut pair, None);
    assert_eq!(
        before,
        (number(&after, "sat_min_pct"), number(&after, "delta_ratio"))
    );
}

#[test]
fn too_large_flips_at_a_sane_sigma() {
    // σ = 1/√64: std(z) ≈ 0.2, nowhere near |z| = 3.
    let v = with_a("too-large", &[("sigma", "0.125")]);
    assert_verdict(&v, false, "too-large.fails");
    assert_eq!(number(&v, "sat_min_pct"), 0.0, "{v:?}");
}

#[test]
fn xavier_lecun_keeps_the_forward_signal_glorot_balances_both() {
    let v = as_opened("xavier");
    assert_verdict(&v, true, "xavier.holds");
    // Linear units, widths 64 ↔ 16. LeCun: forward factor 1 (sampling adds a few percent),
    // backward √(64/16) = 2. Glorot: 1.26 and 1.58 each way. Bounds: ±25 % around those.
    let (a_fwd, a_bwd) = (number(&v, "a_fwd"), number(&v, "a_bwd"));
    let (b_fwd, b_bwd) = (number(&v, "b_fwd"), number(&v, "b_bwd"));
    assert!(a_fwd < 1.25, "{v:?}");
    assert!((1.5..2.5).contains(&a_bwd), "{v:?}");
    assert!((1.2..2.0).contains(&b_fwd), "{v:?}");
    assert!((1.2..2.0).contains(&b_bwd), "{v:?}");
}

#[test]
fn xavier_works_the_forward_variance_through_layer_by_layer() {
    // Var(z) = n·Var(w)·E[a²] for every hidden layer, widths 2 → 64 → 16 → 64 → 16.
    let v = as_opened("xavier");
    let (a, b) = (
        v.message.variances("a_work").expect("A's layers"),
        v.message.variances("b_work").expect("B's layers"),
    );
    assert_eq!(a.iter().map(|l| l.n).collect::<Vec<_>>(), [2, 64, 16, 64]);
    assert_eq!(b.len(), 4);
    // LeCun: n·Var(w) = 1 up to sampling. The sample variance of k normal draws has a relative
    // std of √(2/k): 12.5 % for the first layer's 128 weights, 4.4 % for 1024: allow 3 of them.
    for (l, layer) in a.iter().enumerate() {
        let tolerance = if l == 0 { 0.375 } else { 0.133 };
        let rule = layer.n as f64 * layer.w_var;
        assert!((rule - 1.0).abs() < tolerance, "A layer {l}: {layer:?}");
    }
    // Glorot: n·Var(w) = 2n/(n + m): 4/66 ≈ 0.061, 128/80 = 1.6, 32/80 = 0.4, 1.6.
    let sizes = [64.0, 16.0, 64.0, 16.0];
    for (l, layer) in b.iter().enumerate() {
        let n = layer.n as f64;
        let glorot = 2.0 * n / (n + sizes[l]);
        let tolerance = if l == 0 { 0.375 } else { 0.133 };
        let rule = n * layer.w_var;
        assert!(
            (rule / glorot - 1.0).abs() < tolerance,
            "B layer {l}: {layer:?}"
        );
    }
    for (side, layers) in [("A", a), ("B", b)] {
        // The first layer's inputs are standardised: E[x²] = 1 (up to f32 rounding).
        assert!(
            (layers[0].a_sq - 1.0).abs() < 1e-6,
            "{side}: {:?}",
            layers[0]
        );
        for (l, pair) in layers.windows(2).enumerate() {
            // Linear units with zero-mean z pass E[a²] = E[z²] = Var(z) on unchanged.
            let (below, above) = (&pair[0], &pair[1]);
            assert!(
                (above.a_sq / below.measured - 1.0).abs() < 1e-5,
                "{side} layer {l}: {pair:?}"
            );
        }
        for (l, layer) in layers.iter().enumerate() {
            // Every z of a linear net on 2 inputs lies in a plane, so a layer of m units
            // averages only ≈ 2m squared projections: the measured Var(z) scatters around
            // the prediction by √(2/(2m)), 25 % for 16 units. Measured: within 15 %.
            let ratio = layer.measured / layer.predicted;
            assert!((0.5..1.5).contains(&ratio), "{side} layer {l}: {layer:?}");
        }
    }
}

/// What training makes of the two starts, seeds 1–10 (src/lessons/scale.rs, XAVIER_STEPS):
/// measured, A (LeCun) 0.035–0.104 and B (Glorot) 0.159–0.528 after 200 steps at lr 0.001, A
/// ahead by 0.12–0.42 on every seed. The reason derived there: B's output starts with about a
/// third of A's spread, the product of its σ ratios √(2n/(n + m)) over A's √(1/n) from the
/// input to the output (√(4/66)·√(128/80)·√(32/80)·√(128/80)·√(32/17) ≈ 0.34).
#[test]
fn xavier_lecun_trains_faster_than_glorot_on_every_seed_at_the_lessons_rate() {
    let lesson = lesson("xavier");
    assert!(
        lesson.steps >= 200,
        "the issue asks a scale lesson to train 200 steps"
    );
    let factors: f64 = [
        (2.0, 64.0),
        (64.0, 16.0),
        (16.0, 64.0),
        (64.0, 16.0),
        (16.0, 1.0),
    ]
    .iter()
    .map(|(n, m): &(f64, f64)| (2.0 * n / (n + m)).sqrt())
    .product();
    assert!((factors - 0.34).abs() < 0.005, "{factors}");
    let mut held = 0;
    for seed in 1..=10 {
        let seed = seed.to_string();
        let config = lesson
            .config()
            .unwrap()
            .with_changes([("seed", seed.as_str())]);
        let mut pair = Comparison::new(&config.unwrap()).unwrap();
        let (a0, b0) = pair.snapshots();
        let (a0, b0) = (
            a0.layers.last().unwrap(),
            b0.unwrap().layers.last().unwrap().clone(),
        );
        // The output's z spread, B over A: A and B scale the same normal draws by each layer's
        // σ, the units are linear and the biases 0, so B's z is A's times that product,
        // exactly (up to f32 rounding).
        let ratio = b0.z_std / a0.z_std;
        assert!((ratio / factors - 1.0).abs() < 1e-4, "seed {seed}: {ratio}");
        pair.step(lesson.steps);
        let v = judge_now(lesson, &mut pair, None);
        let gap = number(&v, "loss_b") - number(&v, "loss_a");
        assert!(gap >= 0.1, "seed {seed}: {v:?}");
        held += usize::from(v.holds);
    }
    // The whole verdict also needs the step-0 jumps, which 16-unit linear layers sample
    // noisily: on seed 3 LeCun's largest forward jump (1.47) is a hair above Glorot's (1.46).
    assert!(held >= 9, "the verdict held on {held} of seeds 1–10");
}

#[test]
fn xavier_waits_for_its_steps_and_says_when_training_does_not_set_them_apart() {
    let lesson = lesson("xavier");
    let mut pair = Comparison::new(&lesson.config().unwrap()).unwrap();
    let v = judge_now(lesson, &mut pair, None);
    assert_verdict(&v, false, "xavier.notYet");
    // At lr 0.01 both nets learn the blobs within 200 steps (measured: losses 0.025 or below
    // on seeds 1–10, within 0.016 of each other): the start no longer shows in training.
    let v = with_a("xavier", &[("lr", "0.01")]);
    assert_verdict(&v, false, "xavier.trainedAlike");
    assert!(
        (number(&v, "loss_a") - number(&v, "loss_b")).abs() < 0.1,
        "{v:?}"
    );
}

#[test]
fn xavier_flips_when_b_also_uses_lecun() {
    let v = with_b("xavier", &[("scale", "lecun")]);
    assert_verdict(&v, false, "xavier.forward");
    assert_eq!(number(&v, "a_fwd"), number(&v, "b_fwd"));
}

#[test]
fn he_relu_glorot_halves_every_two_layers_he_keeps_and_only_he_learns() {
    let v = as_opened("he-relu");
    assert_verdict(&v, true, "he-relu.holds");
    // At step 0: Glorot's std(z) × 1/√2 a layer, (1/√2)⁷ ≈ 0.088 from hidden 1 to hidden 8;
    // He's × 1. Seven layers of 64 units add up to ±30 % of sampling noise.
    assert!((0.06..0.12).contains(&number(&v, "a_ratio")), "{v:?}");
    assert!((0.7..1.4).contains(&number(&v, "b_ratio")), "{v:?}");
    // After the steps: the bound, B's loss at least 0.1 below A's. A's last hidden
    // layer carries ≈ 0.09 of the first's signal, so its output stays near ½ and its loss near
    // ln 2 = 0.693 (the loss of answering ½ everywhere); measured 0.677 against B's 0.160.
    assert_eq!(number(&v, "step"), 200.0);
    let (a, b) = (number(&v, "loss_a"), number(&v, "loss_b"));
    assert!(a - b >= 0.1, "{v:?}");
    assert!(a > 0.6 && a < std::f64::consts::LN_2 + 0.01, "{v:?}");
}

#[test]
fn he_relu_training_sets_he_apart_on_every_seed() {
    // Seeds 1–6 at the lesson's settings and steps: measured gaps 0.48–0.60 in loss (and on
    // seeds 1–12, never below 0.48), far above the bound of 0.1.
    for seed in 1..=6 {
        let v = with_a("he-relu", &[("seed", &seed.to_string())]);
        assert_verdict(&v, true, "he-relu.holds");
        let gap = number(&v, "loss_a") - number(&v, "loss_b");
        assert!(gap > 0.3, "seed {seed}: {v:?}");
    }
}

#[test]
fn he_relu_before_training_judges_the_start_and_waits_for_the_steps() {
    let lesson = lesson("he-relu");
    let mut pair = Comparison::new(&lesson.config().unwrap()).unwrap();
    let v = judge_now(lesson, &mut pair, None);
    assert_verdict(&v, false, "he-relu.notYet");
    let before = (number(&v, "a_ratio"), number(&v, "b_ratio"));
    // The depth claim is judged on the step-0 draw even after training moved the weights.
    pair.step(lesson.steps);
    let after = judge_now(lesson, &mut pair, None);
    assert_eq!(
        before,
        (number(&after, "a_ratio"), number(&after, "b_ratio"))
    );
}

#[test]
fn he_relu_is_not_judged_trained_apart_when_both_use_he() {
    // A with He as well: the same weights as B (the scale rule draws the same numbers), so
    // the depth claim fails on A's side.
    let v = with_a("he-relu", &[("scale", "he")]);
    assert_verdict(&v, false, "he-relu.fails");
}

#[test]
fn relu_passes_on_half_the_second_moment_and_a_third_of_the_variance() {
    // For z ~ N(0, 1): E[ReLU(z)²] = ∫₀^∞ z²φ(z) dz = ½ (half of E[z²] = 1, by symmetry), and
    // E[ReLU(z)] = φ(0) = 1/√(2π), so Var(ReLU(z)) = ½ − 1/(2π) ≈ 0.3408. Integrated here
    // (Simpson's rule on [0, 12], error far below 1e-9) rather than taken on trust.
    let phi = |z: f64| (-z * z / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let simpson = |f: &dyn Fn(f64) -> f64| {
        let (n, h) = (12_000, 12.0 / 12_000.0);
        (0..=n)
            .map(|k| {
                let w = if k == 0 || k == n {
                    1.0
                } else if k % 2 == 1 {
                    4.0
                } else {
                    2.0
                };
                w * f(k as f64 * h)
            })
            .sum::<f64>()
            * h
            / 3.0
    };
    let second_moment = simpson(&|z| z * z * phi(z));
    let mean = simpson(&|z| z * phi(z));
    assert!((second_moment - 0.5).abs() < 1e-9, "{second_moment}");
    let variance = second_moment - mean * mean;
    let expected = 0.5 - 1.0 / (2.0 * std::f64::consts::PI);
    assert!((variance - expected).abs() < 1e-9, "{variance}");
    assert!((variance - 0.3408).abs() < 1e-4, "{variance}");
}

#[test]
fn he_relu_each_layer_receives_half_of_the_variance_below_as_its_second_moment() {
    // The lesson's own nets, live: hidden 1's z is exactly zero-mean and symmetric (w·x, with
    // w symmetric and biases 0), so the next layer's E[a²] is ½·Var(z) of hidden 1 up to
    // sampling: 64 units × 200 points give ±5 % at most here (measured 0.500 and 0.4995).
    // Under a 1/fan_in rule (Glorot on 64 → 64 is 2/128 = 1/64) the next Var(z) is then
    // 64 · (1/64) · ½·Var(z): std(z) × 1/√2 ≈ 0.71 a layer.
    let lesson = lesson("he-relu");
    let mut pair = Comparison::new(&lesson.config().unwrap()).unwrap();
    let (a, b) = pair.snapshots();
    for s in [&a, b.as_ref().unwrap()] {
        let (first, second) = (&s.layers[0], &s.layers[1]);
        let share = second.a_in_sq / (first.z_std * first.z_std);
        assert!((share - 0.5).abs() < 0.025, "{share}");
    }
    let factor = a.layers[1].z_std / a.layers[0].z_std;
    let rule = a.layers[1].fan_in as f64 * a.layers[1].w_var;
    // n·Var(w) of the sampled 64 × 64 weights is 1 within ±10 % (4096 draws: ±2.2 % std).
    assert!((rule - 1.0).abs() < 0.1, "{rule}");
    // std(z) of hidden 2 over hidden 1 ≈ 0.71; 64 units keep it within ±20 % (measured 0.765).
    assert!(
        (factor - std::f64::consts::FRAC_1_SQRT_2).abs() < 0.15,
        "{factor}"
    );
}

#[test]
fn he_relu_flips_when_b_uses_glorot_too() {
    let v = with_b("he-relu", &[("scale", "glorot")]);
    assert_verdict(&v, false, "he-relu.fails");
    assert_eq!(number(&v, "a_ratio"), number(&v, "b_ratio"));
}

#[test]
fn he_relu_says_so_when_training_has_not_set_them_apart() {
    // At lr 0.0001 neither net moves far from its start in 200 steps: A stays near ln 2 and
    // B near its initial loss, and the training half of the claim is not met.
    let v = with_a("he-relu", &[("lr", "0.0001")]);
    assert_verdict(&v, false, "he-relu.trainedAlike");
    let gap = number(&v, "loss_a") - number(&v, "loss_b");
    assert!(gap < 0.1, "{v:?}");
}

#[test]
fn relu_bias_training_leaves_the_losses_close() {
    // Reported, not judged: over seeds 1–12, 200 steps left B's loss within 0.1 of A's
    // (A − B from −0.04 to +0.09). Fewer dead units need not mean a clearly better net.
    for seed in 1..=4 {
        let v = with_a("relu-bias", &[("seed", &seed.to_string())]);
        let gap = number(&v, "loss_a") - number(&v, "loss_b");
        assert!(gap.abs() < 0.1, "seed {seed}: {v:?}");
    }
}

#[test]
fn truncated_training_leaves_the_two_nets_alike() {
    // Reported, not judged: with the same std and only the tails cut, 200 steps at lr 1 left
    // the losses within 0.042 and the accuracies within a point on seeds 1–10 (both nets
    // learn: losses 0.11–0.33). The cut and saturation stay judged on the step-0 draw.
    for seed in 1..=3 {
        let v = with_a("truncated", &[("seed", &seed.to_string())]);
        assert_verdict(&v, true, "truncated.holds");
        let gap = number(&v, "loss_a") - number(&v, "loss_b");
        assert!(gap.abs() < 0.1, "seed {seed}: {v:?}");
        assert!(number(&v, "loss_b") < 0.5, "seed {seed}: {v:?}");
        let accuracy_gap = number(&v, "accuracy_a_pct") - number(&v, "accuracy_b_pct");
        assert!(accuracy_gap.abs() < 5.0, "seed {seed}: {v:?}");
    }
}

/// Measured at lr 10 (seed 1): too-large's B ends at a loss of 49 and 42 % accuracy, A at 58
/// and 50 %: B's loss is "lower by 0.1", yet neither has learned anything. The verdict must not
/// hold on that; it says B has not learned.
#[test]
fn a_learning_rate_so_high_that_neither_side_learns_is_said_not_claimed() {
    for id in ["too-large", "too-small"] {
        for lr in ["10", "3"] {
            let v = with_a(id, &[("lr", lr)]);
            assert_verdict(&v, false, "lesson.notLearned");
            // The side the lesson expects to train better (B) is at a coin toss's accuracy,
            // within the 10 points the verdict allows.
            assert!(number(&v, "accuracy_pct") < 60.0, "{id} lr {lr}: {v:?}");
            assert_eq!(number(&v, "accuracy_pct"), number(&v, "accuracy_b_pct"));
        }
    }
}

#[test]
fn a_run_where_the_other_side_trains_clearly_better_is_said_to_go_against_the_lesson() {
    // he-relu claims B (He) trains better than A (Glorot). Slow B's learning rate a
    // thousandfold: B stays near a coin toss (47–52 % accuracy measured), while A's small but
    // rightly signed output reaches 88–95 % accuracy on seeds 2, 3, 4, 6, 8 (at a loss still
    // near ln 2). The verdict says the run goes against the lesson, naming A, instead of holding.
    let lesson = lesson("he-relu");
    for seed in [2, 4, 8] {
        let config = lesson
            .config()
            .unwrap()
            .with_changes([("seed", seed.to_string().as_str())])
            .and_then(|c| c.with_b_changes([("lr", "0.00001")]))
            .unwrap();
        let v = verdict_of(lesson, &config);
        assert_verdict(&v, false, "lesson.reversed");
        let other = v.message.args.iter().find(|(k, _)| *k == "other");
        assert!(
            matches!(other, Some((_, Arg::Text(side))) if side == "A"),
            "{v:?}"
        );
        assert!(
            number(&v, "accuracy_a_pct") - number(&v, "accuracy_b_pct") >= 10.0,
            "{v:?}"
        );
        assert!(number(&v, "accuracy_a_pct") >= 60.0, "{v:?}");
    }
}

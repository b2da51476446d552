//! The `unfreeze` lesson: zero init with sigmoid and 3 hidden layers. The layers' weights
//! leave 0 from the output down, at most one layer per step; while every output is ½, a batch
//! with as many points of each class moves nothing; every layer stays 1 distinct unit.

mod common;
use common::experiment;
use initlab::compare::Comparison;
use initlab::lessons::{find, judge_now, Lesson, Verdict};
use initlab::mlp::{Mlp, Trainer};
use initlab::stats::distinct_units;
use initlab::Experiment;

fn lesson() -> &'static Lesson {
    find("unfreeze").expect("the unfreeze lesson")
}

/// The lesson's settings with `changes`, as an experiment.
fn lesson_experiment(changes: &[(&str, &str)]) -> Experiment {
    let config = lesson()
        .config()
        .and_then(|c| c.with_changes(changes.iter().copied()))
        .expect("valid settings");
    Experiment::new(&config).expect("a valid config")
}

/// Whether some weight (not bias) of layer `l` is not 0.
fn weights_moved(mlp: &Mlp, l: usize) -> bool {
    mlp.params[mlp.layers[l].weights()]
        .iter()
        .any(|&w| w != 0.0)
}

/// Steps `exp` one at a time up to `steps`, and returns per layer the first step after which
/// its weights were not all 0, read from the weights themselves. Checks at every step that
/// every layer is 1 distinct unit and that the snapshot's `nonzero_since` says the same.
fn first_moves(exp: &mut Experiment, steps: usize) -> Vec<Option<usize>> {
    let depth = exp.mlp().layers.len();
    let mut first = vec![None; depth];
    for step in 1..=steps {
        exp.step(1);
        for (l, first) in first.iter_mut().enumerate() {
            if first.is_none() && weights_moved(exp.mlp(), l) {
                *first = Some(step);
            }
            assert_eq!(distinct_units(exp.mlp(), l), 1, "layer {l} at step {step}");
        }
    }
    let snapshot = exp.snapshot();
    let recorded: Vec<_> = snapshot.layers.iter().map(|l| l.nonzero_since).collect();
    assert_eq!(recorded, first, "the snapshot's nonzero_since");
    first
}

/// From the output down, each layer that moved did so strictly after the layer above it, and
/// none moved while the layer above was still 0: at most one layer per step, top-down.
fn assert_top_down(first: &[Option<usize>], what: &str) {
    for l in 0..first.len() - 1 {
        match (first[l], first[l + 1]) {
            (Some(step), Some(above)) => assert!(step > above, "{what}: {first:?}"),
            (Some(_), None) => panic!("{what}: layer {l} moved before the one above: {first:?}"),
            (None, _) => {}
        }
    }
}

#[test]
fn layers_unfreeze_from_the_output_down_one_per_step_at_most_and_stay_one_unit() {
    // The lesson's data (xor4 in batches of 2) and, as a check on other batches, the Gaussian
    // blobs in batches of 10, over 30 seeds each.
    for extra in [&[][..], &[("data", "gauss"), ("batch", "10")][..]] {
        for seed in 1..=30 {
            let seed = seed.to_string();
            let mut changes = vec![("seed", seed.as_str())];
            changes.extend_from_slice(extra);
            let mut exp = lesson_experiment(&changes);
            let first = first_moves(&mut exp, lesson().steps);
            assert_top_down(&first, &format!("{changes:?}"));
            // Within the lesson's steps every layer has moved, on every one of these seeds. On
            // xor4 a shuffled epoch is two batches, both balanced with chance 2/3; the output
            // moves in the first unbalanced epoch, and the layers below within a few steps
            // (a batch of two same-class points at opposite corners gives hidden 1's weights
            // Σ(p − y)x = 0, so it can lag): 30 steps leave 13 epochs, (2/3)¹³ < 1 %.
            assert!(first.iter().all(Option::is_some), "{changes:?}: {first:?}");
        }
    }
}

#[test]
fn while_every_output_is_half_a_balanced_batch_moves_nothing_and_an_unbalanced_one_moves_the_output(
) {
    let exp = lesson_experiment(&[]);
    let (x, y) = (&exp.data().train.x, &exp.data().train.y);
    assert_eq!(y.len(), 4);
    let spec = exp.spec();
    let top = exp.mlp().layers.len() - 1;
    let pairs = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]];
    for pair in pairs {
        let mut mlp = exp.mlp().clone();
        let mut trainer = Trainer::new(&mlp, 2);
        let before = mlp.params.clone();
        trainer
            .step(&mut mlp, x, y, &pair, spec.loss, spec.lr, spec.momentum)
            .expect("finite");
        let balanced = y[pair[0]] != y[pair[1]];
        if balanced {
            // mean(½ − y) = 0 over the batch: every gradient, the output bias's too, is 0.
            assert!(trainer.grads.iter().all(|&g| g == 0.0), "{pair:?}");
            assert_eq!(mlp.params, before, "{pair:?}");
        } else {
            // Two points of one class: the output weights move, nothing below them does.
            assert!(weights_moved(&mlp, top), "{pair:?}");
            assert!((0..top).all(|l| !weights_moved(&mlp, l)), "{pair:?}");
        }
    }
    // The limit of the claim: once the output has moved, p is no longer ½ and a balanced
    // batch gives mean(p − y) = p − ½ ≠ 0, so it moves the weights too.
    let mut mlp = exp.mlp().clone();
    let mut trainer = Trainer::new(&mlp, 2);
    let same_class = pairs
        .into_iter()
        .find(|p| y[p[0]] == y[p[1]])
        .expect("two points of one class");
    let mixed = pairs.into_iter().find(|p| y[p[0]] != y[p[1]]).unwrap();
    for batch in [same_class, mixed] {
        let before = mlp.params.clone();
        trainer
            .step(&mut mlp, x, y, &batch, spec.loss, spec.lr, spec.momentum)
            .expect("finite");
        assert_ne!(mlp.params, before, "{batch:?}");
    }
}

fn verdict_after(changes: &[(&str, &str)], steps: usize) -> Verdict {
    let config = lesson()
        .config()
        .and_then(|c| c.with_changes(changes.iter().copied()))
        .expect("valid settings");
    let mut pair = Comparison::new(&config).expect("a valid config");
    pair.step(steps);
    judge_now(lesson(), &mut pair, None)
}

fn number(verdict: &Verdict, name: &str) -> f64 {
    verdict
        .message
        .number(name)
        .unwrap_or_else(|| panic!("{verdict:?} has no {name}"))
}

#[test]
fn the_verdict_names_each_layers_first_step_and_flips_with_random_weights() {
    let verdict = verdict_after(&[], lesson().steps);
    assert!(verdict.holds, "{verdict:?}");
    assert_eq!(verdict.message.id, "unfreeze.holds");
    // The steps the weights themselves show (seed 1: two balanced epochs first, steps 1–4).
    let first = first_moves(&mut lesson_experiment(&[]), lesson().steps);
    for (name, l) in [("output", 3), ("h3", 2), ("h2", 1), ("h1", 0)] {
        assert_eq!(Some(number(&verdict, name) as usize), first[l], "{name}");
    }
    assert_eq!(
        number(&verdict, "output"),
        5.0,
        "seed 1's first unbalanced batch"
    );
    assert_eq!(number(&verdict, "units"), 1.0);

    // Before any step, and while only some layers moved: not yet.
    let start = verdict_after(&[], 0);
    assert_eq!(
        (start.holds, start.message.id.as_str()),
        (false, "unfreeze.start")
    );
    let frozen = verdict_after(&[], 4);
    assert_eq!(
        (frozen.holds, frozen.message.id.as_str()),
        (false, "unfreeze.frozen")
    );
    let partly = verdict_after(&[], 6);
    assert_eq!(
        (partly.holds, partly.message.id.as_str()),
        (false, "unfreeze.partly")
    );
    assert_eq!(
        (number(&partly, "moved"), number(&partly, "layers")),
        (2.0, 4.0)
    );
    assert_eq!(number(&partly, "step"), 6.0);

    // Random weights: every layer is non-zero from step 0, not after the layer above.
    let random = verdict_after(&[("init", "normal")], lesson().steps);
    assert_eq!(
        (random.holds, random.message.id.as_str()),
        (false, "unfreeze.order")
    );
    assert_eq!(
        (number(&random, "step"), number(&random, "aboveStep")),
        (0.0, 0.0)
    );
    // tanh: g(0) = 0, nothing below the output bias ever moves.
    let tanh = verdict_after(&[("act", "tanh")], lesson().steps);
    assert_eq!(
        (tanh.holds, tanh.message.id.as_str()),
        (false, "unfreeze.frozen")
    );
    // Two hidden layers: the same order, named by its ends.
    let shallow = verdict_after(&[("layers", "4,4")], lesson().steps);
    assert_eq!(
        (shallow.holds, shallow.message.id.as_str()),
        (true, "unfreeze.holdsDepth")
    );
}

#[test]
fn recording_when_a_layer_moved_follows_a_reset_and_a_random_init() {
    let mut exp = experiment(&[("init", "normal")]);
    let snapshot = exp.snapshot();
    assert!(snapshot.layers.iter().all(|l| l.nonzero_since == Some(0)));
    let mut zero = lesson_experiment(&[]);
    zero.step(lesson().steps);
    zero.reset();
    assert!(zero
        .snapshot()
        .layers
        .iter()
        .all(|l| l.nonzero_since.is_none()));
    exp.step(5);
    assert!(exp
        .snapshot()
        .layers
        .iter()
        .all(|l| l.nonzero_since == Some(0)));
}

/// The network diagram's caption data: each weight layer's column says the step its weights
/// first moved, the same step the verdict names; "still 0" before; nothing for a random init.
#[test]
fn the_diagram_says_at_which_step_each_layers_weights_first_moved() {
    use initlab::diagram::{Diagram, Frame, Moved};
    let frame = Frame::new(600.0, 300.0, 20.0, 60.0);
    let mut pair = {
        let config = lesson().config().expect("the lesson's config");
        Comparison::new(&config).expect("a valid config")
    };
    let diagram = |e: &Experiment| Diagram::new(e.mlp(), frame).with_moved(e.nonzero_since());
    // Step 0: every weight layer's column (hidden 1–3, output) says "still 0"; the inputs
    // have no weights coming in.
    let start = diagram(pair.a());
    assert_eq!(start.columns[0].moved, None);
    assert!(start.columns[1..]
        .iter()
        .all(|c| c.moved == Some(Moved::StillZero)));

    pair.step(lesson().steps);
    let verdict = judge_now(lesson(), &mut pair, None);
    assert_eq!(verdict.message.id, "unfreeze.holds");
    let moved = diagram(pair.a());
    for (column, name) in [(4, "output"), (3, "h3"), (2, "h2"), (1, "h1")] {
        let step = number(&verdict, name) as usize;
        assert_eq!(
            moved.columns[column].moved,
            Some(Moved::AtStep(step)),
            "{name}"
        );
    }
    // A random init moved nothing *from* 0: no column has a "moved" caption.
    let random = lesson_experiment(&[("init", "normal")]);
    assert!(diagram(&random).columns.iter().all(|c| c.moved.is_none()));
}

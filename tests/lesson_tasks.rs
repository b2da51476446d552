//! "Predict first" and "Try this": every lesson has a question of 2 to 4 answers whose right
//! one is in range, and every task is not yet done on its lesson's own settings and is done
//! on a setting that meets it (the setting the task's words suggest, run for the lesson's steps).

mod common;
use common::install_digits;
use initlab::compare::Comparison;
use initlab::lessons::{self, judge_now, questions, tasks, Needs, RestartsSeen, LESSONS};
use initlab::restarts::RestartPlan;
use initlab::Config;

#[test]
fn every_lesson_has_one_question_of_two_to_four_answers_with_the_right_one_among_them() {
    assert_eq!(questions::QUESTIONS.len(), LESSONS.len());
    for lesson in LESSONS {
        let q = questions::find(lesson.id).unwrap_or_else(|| panic!("{}: no question", lesson.id));
        assert!(
            (2..=4).contains(&q.choices),
            "{}: {} answers",
            lesson.id,
            q.choices
        );
        assert!(
            q.correct < q.choices,
            "{}: right answer {} of {}",
            lesson.id,
            q.correct,
            q.choices
        );
    }
    for q in questions::QUESTIONS {
        assert!(
            lessons::find(q.lesson).is_some(),
            "a question for no lesson: {}",
            q.lesson
        );
    }
}

#[test]
fn every_lesson_has_one_or_two_tasks_and_every_task_belongs_to_a_lesson() {
    for lesson in LESSONS {
        assert!(!tasks::of(lesson.id).is_empty(), "{}: no task", lesson.id);
    }
    for (id, list) in tasks::TASKS {
        assert!(lessons::find(id).is_some(), "tasks for no lesson: {id}");
        assert!((1..=2).contains(&list.len()), "{id}: {} tasks", list.len());
        for task in *list {
            assert!(task.id.starts_with(&format!("{id}.")), "{}", task.id);
        }
    }
}

/// Which of lesson `id`'s tasks are done after `steps` steps of the settings `query`.
fn done_after(id: &str, query: &str, steps: usize) -> Vec<(&'static str, bool)> {
    install_digits();
    let lesson = lessons::find(id).unwrap();
    let (config, notices) = Config::from_query(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    let mut pair = Comparison::new(&config).unwrap();
    pair.step(steps);
    // The restarts lesson judges what the panel found: its 20 seeds at the lesson's steps.
    let restarts = (lesson.needs == Needs::Restarts).then(|| {
        let plan = RestartPlan::new(&config, 20.0, steps as f64, 1.0).unwrap();
        RestartsSeen::from_restarts(&plan.run_all(), steps)
    });
    let verdict = judge_now(lesson, &mut pair, restarts.as_ref());
    let (a, b) = pair.snapshots();
    let b_config = pair.b().map(|b| b.config().clone());
    let seen = tasks::Seen {
        a: pair.config(),
        b: b_config.as_ref().zip(b.as_ref()),
        snapshot: &a,
        verdict: &verdict,
    };
    tasks::of(id)
        .iter()
        .map(|t| (t.id, (t.done)(&seen)))
        .collect()
}

/// Every task's lesson and the setting that meets it (run for the lesson's steps).
const MET_BY: &[(&str, &str, &str)] = &[
    ("zero-tanh", "zero-tanh.biasOnly", "data=gauss&batch=10"),
    ("zero-sigmoid", "zero-sigmoid.freeze", "data=xor4&batch=4"),
    ("unfreeze", "unfreeze.random", "init=normal"),
    ("no-hidden", "no-hidden.hidden", "layers=4&act=tanh"),
    ("constant", "constant.jitter", "jitter=0.01"),
    (
        "break-symmetry",
        "break-symmetry.smaller",
        "vs=jitter%3D0.000001",
    ),
    (
        "xor-2-1",
        "xor-2-1.random",
        "init=normal&scale=manual&sigma=1&bias=init",
    ),
    ("digits-symmetry", "digits-symmetry.jitter", "jitter=0.01"),
    ("saddle", "saddle.linear", "act=linear"),
    ("xor-restarts", "xor-restarts.wider", "layers=4"),
    ("truncated", "truncated.sigma", "scale=manual&sigma=3"),
    ("relu-bias", "relu-bias.fail", "vs=same"),
    ("relu-bias", "relu-bias.truncation", "vs=init%3Dtruncnormal"),
    ("too-small", "too-small.sigma", "sigma=0.1"),
    ("too-large", "too-large.sigma", "sigma=0.1"),
    ("xavier", "xavier.equal", "layers=64,64,64,64"),
    ("he-relu", "he-relu.gain", "gain=1.4142"),
    ("digits-scale", "digits-scale.sigma", "sigma=3"),
    ("orthogonal-depth", "orthogonal-depth.tanh", "act=tanh"),
    (
        "edge-of-chaos",
        "edge-of-chaos.critical",
        "bsigma=0.1&gain=1.1934",
    ),
    (
        "in-practice",
        "in-practice.gain",
        "vs=preset%3Dtorch-linear%26gain%3D1.4142",
    ),
];

/// Steps to run a lesson for its tasks: its own (those of the tasks that judge training ask
/// for no more than their lesson's steps).
fn steps_of(id: &str) -> usize {
    lessons::find(id).unwrap().steps
}

#[test]
fn no_task_is_done_on_its_lessons_own_settings() {
    let mut done_already = Vec::new();
    for (id, list) in tasks::TASKS {
        let done = done_after(id, &format!("lesson={id}"), steps_of(id));
        assert_eq!(done.len(), list.len());
        done_already.extend(done.into_iter().filter(|(_, d)| *d).map(|(t, _)| t));
    }
    assert!(
        done_already.is_empty(),
        "done on the lesson's own settings: {done_already:?}"
    );
}

#[test]
fn every_task_is_done_on_a_setting_that_meets_it() {
    let listed: usize = tasks::TASKS.iter().map(|(_, l)| l.len()).sum();
    assert_eq!(MET_BY.len(), listed, "every task has its setting here");
    let not_done: Vec<_> = MET_BY
        .iter()
        .filter(|(id, task, change)| {
            let done = done_after(id, &format!("lesson={id}&{change}"), steps_of(id));
            let (_, is_done) = done.iter().find(|(t, _)| t == task).expect("a listed task");
            !is_done
        })
        .map(|(_, task, change)| format!("{task} with {change}"))
        .collect();
    assert!(not_done.is_empty(), "not done: {not_done:?}");
}

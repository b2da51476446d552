//! Divergence is flagged at the step it happens, however the steps are split.
//!
//! The rule: `diverged_at` is the first step after which the batch, the update or the forward
//! pass of any training or test point is not finite, and the run stops there, with the weights
//! of that step. Training checks every point only when the history records (a forward pass over
//! all points at every step would cost too much), so a non-finite number on a point outside the
//! batch is found up to a record late; the experiment then replays from its last full check one
//! step at a time to pin the step. These tests hold it to what the page sees frame by frame.

mod common;

use common::history_is_finite;
use initlab::{Config, Experiment};

/// Fuzzing found it: with a snapshot after every step it diverges at 228, while a single
/// `step(240)` trained through 228–229 with −∞ in hidden layer 2 on points outside the batch
/// and flagged it only at 230, the next history record.
const LATE_FLAG: &str = "?init=truncnormal&jitter=0.0010728017942759646&scale=manual&gain=0.11032082262526959&sigma=0.01080405689354946&lo=-1000&hi=1000&bounds=abs&act=relu&layers=15,21&data=spiral&points=378&noise=1&lr=10&batch=1&momentum=0.9999999&seed=9007199254740991";

fn open(query: &str) -> Experiment {
    let (config, notices) = Config::from_query(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    Experiment::new(&config).expect("from_query returns a valid config")
}

/// The parameters' bits (NaN-safe equality).
fn bits(exp: &Experiment) -> Vec<u32> {
    exp.mlp().params.iter().map(|p| p.to_bits()).collect()
}

/// One step at a time with a snapshot after each, as the page does frame by frame: the
/// snapshot sees every point. Returns the experiment where it stopped.
fn frame_by_frame(query: &str, steps: usize) -> Experiment {
    let mut exp = open(query);
    for _ in 0..steps {
        if exp.snapshot().diverged {
            break;
        }
        exp.step(1);
    }
    exp.snapshot();
    exp
}

#[test]
fn a_late_flag_link_diverges_at_228_however_the_steps_are_split() {
    let reference = frame_by_frame(LATE_FLAG, 240);
    assert_eq!(reference.diverged_at(), Some(228), "frame by frame");
    assert_eq!(
        reference.steps_done(),
        228,
        "the run stops where it diverged"
    );

    let mut once = open(LATE_FLAG);
    once.step(240);
    assert_eq!(once.diverged_at(), Some(228), "one step(240)");
    assert_eq!(once.steps_done(), 228);
    assert!(bits(&once) == bits(&reference), "the weights of step 228");
    let snapshot = once.snapshot();
    assert!(snapshot.diverged);
    assert_eq!((snapshot.step, snapshot.diverged_at), (228, Some(228)));
    assert!(snapshot.history.steps.iter().all(|&s| s <= 220));
    assert!(history_is_finite(&snapshot));

    // Step 227 is finite everywhere: the same run stopped one step earlier is not diverged.
    let mut before = open(LATE_FLAG);
    before.step(227);
    let snapshot = before.snapshot();
    assert!(!snapshot.diverged, "step 227 is still finite");

    // Split across the record at 230 and with a snapshot in between.
    let mut split = open(LATE_FLAG);
    split.step(225);
    assert!(!split.snapshot().diverged);
    split.step(4);
    split.step(11);
    assert_eq!(split.diverged_at(), Some(228), "225 + 4 + 11 steps");
    assert!(bits(&split) == bits(&reference), "the weights of step 228");
}

#[test]
fn a_new_learning_rate_mid_run_is_not_used_to_replay_the_steps_before_it() {
    // The learning rate changes at step 225, between the record at 220 and the divergence:
    // a replay from 220 must train 221–225 with the old rate, as the run did.
    let run = |look_every_step: bool| {
        let mut exp = open(LATE_FLAG);
        let faster = exp.config().with_changes([("lr", "9.5")]).expect("valid");
        for step in 0..260 {
            if step == 225 {
                exp.configure(&faster)
                    .expect("only the learning rate changes");
            }
            exp.step(1);
            if look_every_step {
                exp.snapshot();
            }
        }
        exp
    };
    let (reference, stepped) = (run(true), run(false));
    assert!(
        reference.diverged_at().is_some(),
        "still diverges at lr 9.5"
    );
    assert_eq!(stepped.diverged_at(), reference.diverged_at());
    assert_eq!(stepped.steps_done(), reference.steps_done());
    assert!(bits(&stepped) == bits(&reference), "the weights differ");
}

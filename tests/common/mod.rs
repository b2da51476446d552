//! Helpers shared by the native lesson tests.
#![allow(dead_code)]

use initlab::{Config, Experiment};

/// The default config with some keys changed (panics on a bad key: test inputs are fixed).
pub fn config(changes: &[(&str, &str)]) -> Config {
    Config::default()
        .with_changes(changes.iter().copied())
        .unwrap_or_else(|e| panic!("test config {changes:?} is invalid: {e}"))
}

pub fn experiment(changes: &[(&str, &str)]) -> Experiment {
    Experiment::new(&config(changes)).expect("valid config")
}

/// The XOR 2-2-1 lesson's settings: sigmoid hidden units, cross-entropy, weights and biases
/// ~ N(0, 1), learning rate 1, full batches of the 4 points.
pub const XOR_221: [(&str, &str); 10] = [
    ("data", "xor4"),
    ("layers", "2"),
    ("act", "sigmoid"),
    ("loss", "bce"),
    ("init", "normal"),
    ("scale", "manual"),
    ("sigma", "1"),
    ("bias", "init"),
    ("lr", "1"),
    ("batch", "4"),
];

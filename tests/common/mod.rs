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

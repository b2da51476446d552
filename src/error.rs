//! The one error type a learner sees: which setting is wrong, and why.

use std::fmt;

/// A setting that cannot be used, with a message written for a learner.
///
/// `field` is the configuration key (the same name as in the page's URL), so the
/// page can put the message next to the control that caused it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The configuration key at fault, e.g. `"sigma"` or `"layers"`.
    pub field: &'static str,
    /// What is wrong and what would be accepted, in plain words.
    pub message: String,
}

impl ConfigError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        ConfigError {
            field,
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ConfigError {}

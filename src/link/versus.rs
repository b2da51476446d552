//! The second network of an A/B comparison, B, is A with a few settings changed. The key
//! `vs` holds those changes as a query of its own (`vs=init%3Dzeros` in a URL: B is A with
//! zero init), or `same` for a B identical to A, so that one link holds both networks and B
//! follows A in every setting `vs` does not name. Everything B does not change it shares
//! with A, data, seed and batch order included, so the same settings on both sides train
//! bit for bit the same.
//!
//! B itself ([`Config::versus`]) and the form of a `vs` value are read in
//! [`open`](super::open); here A and B are edited and swapped.

use super::open::{check_versus, SAME};
use super::percent::percent_encode;
use crate::config::{Config, KEYS};
use crate::ConfigError;

impl Config {
    /// These settings comparing with B = these settings + `changes` (`vs` becomes the keys
    /// where B differs, or `same`). An error names the key of `changes` at fault, or `vs`
    /// for a change B cannot have (a lesson of its own).
    pub fn with_versus<'a>(
        &self,
        changes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        let mut a = self.clone();
        a.vs.clear();
        let b = a.with_changes(changes)?;
        a.vs = check_versus(&differences(&a, &b))?;
        Ok(a)
    }

    /// These settings comparing with B = the current B + `changes` (B = A + `changes` when
    /// not comparing yet). An error names the key of `changes` at fault, or `vs` as above.
    pub fn with_b_changes<'a>(
        &self,
        changes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        let a = self.without_versus();
        let b = match self.versus() {
            Some(b) => b?,
            None => a.clone(),
        };
        let b = b.with_changes(changes)?;
        let mut with_b = a;
        with_b.vs = check_versus(&differences(&with_b, &b))?;
        Ok(with_b)
    }

    /// A and B trade places: B's settings, comparing with A's. `None` when not comparing.
    pub fn swapped(&self) -> Option<Result<Config, ConfigError>> {
        let b = self.versus()?;
        Some(b.map(|mut b| {
            b.vs = differences(&b, &self.without_versus());
            b
        }))
    }
}

/// The `vs` value that turns `a` into `b`: each key in URL order where they still differ
/// after the keys before it were applied (so a preset comes first, and a key the preset
/// resets is named again if B's value differs from the preset's), or [`SAME`].
fn differences(a: &Config, b: &Config) -> String {
    let mut current = a.without_versus();
    let mut parts = Vec::new();
    for key in KEYS.iter().filter(|k| **k != "vs") {
        let wanted = b.get(key);
        if current.get(key) != wanted {
            let _ = current.set(key, &wanted);
            parts.push(format!("{key}={}", percent_encode(&wanted)));
        }
    }
    if parts.is_empty() {
        SAME.to_string()
    } else {
        parts.join("&")
    }
}

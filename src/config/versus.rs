//! The second network of an A/B comparison, B, is A with a few settings changed. The key
//! `vs` holds those changes as a query of its own (`vs=init%3Dzeros` in a URL: B is A with
//! zero init), or `same` for a B identical to A, so that one link holds both networks and B
//! follows A in every setting `vs` does not name. Everything B does not change it shares
//! with A, data, seed and batch order included, so the same settings on both sides train
//! bit for bit the same.

use super::query::{percent_encode, query_pairs};
use super::{clip, table, Config, KEYS};
use crate::error::ErrorText;
use crate::ConfigError;

/// The `vs` value for a B identical to A.
pub const SAME: &str = "same";

impl Config {
    /// Whether a second network B is being compared with this one.
    pub fn comparing(&self) -> bool {
        !self.vs.is_empty()
    }

    /// B's settings, if comparing: these settings with `vs` applied (and no `vs` of B's own).
    /// An error names `vs` and, in its message, the key of `vs` at fault.
    pub fn versus(&self) -> Option<Result<Config, ConfigError>> {
        if !self.comparing() {
            return None;
        }
        let mut base = self.clone();
        base.vs.clear();
        let pairs: Vec<(String, String)> = versus_pairs(&self.vs).collect();
        let b = base
            .with_changes(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(inside_vs);
        Some(b)
    }

    /// These settings comparing with B = these settings + `changes` (`vs` becomes the keys
    /// where B differs, or `same`). An error names the key of `changes` at fault.
    pub fn with_versus<'a>(
        &self,
        changes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        let mut a = self.clone();
        a.vs.clear();
        let b = a.with_changes(changes)?;
        a.vs = differences(&a, &b);
        Ok(a)
    }

    /// These settings comparing with B = the current B + `changes` (B = A + `changes` when
    /// not comparing yet). An error names the key of `changes` at fault.
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
        with_b.vs = differences(&with_b, &b);
        Ok(with_b)
    }

    /// These settings, not comparing.
    pub fn without_versus(&self) -> Config {
        let mut a = self.clone();
        a.vs.clear();
        a
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

/// The (key, value) pairs of a `vs` value (none for [`SAME`]).
fn versus_pairs(vs: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query_pairs(if vs == SAME { "" } else { vs })
}

/// Checks the form of a `vs` value: [`SAME`], or a query whose keys are known settings
/// (not `vs` itself) with readable values. Returns it with its keys in URL order, each once.
pub(super) fn check_versus(value: &str) -> Result<String, ConfigError> {
    if value.is_empty() || value == SAME {
        return Ok(value.to_string());
    }
    let mut kept: Vec<(&'static str, String)> = Vec::new();
    for (key, inner) in versus_pairs(value) {
        let row = table::key(&key)
            .filter(|row| row.name != "vs")
            .ok_or_else(|| {
                ConfigError::new(
                    "vs",
                    ErrorText::new("vs.unknownKey").with("value", clip(&key)),
                )
            })?;
        Config::default().set(row.name, &inner).map_err(inside_vs)?;
        kept.retain(|(k, _)| *k != row.name);
        kept.push((row.name, inner));
    }
    let kept = table::in_key_order(kept);
    if kept.is_empty() {
        return Ok(SAME.to_string());
    }
    let parts: Vec<String> = kept
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v.trim())))
        .collect();
    Ok(parts.join("&"))
}

/// An error of one of B's keys, as an error of `vs` that names that key.
fn inside_vs(e: ConfigError) -> ConfigError {
    let text = ErrorText::new("vs.key")
        .with("key", e.field)
        .with("error", e.text);
    ConfigError::new("vs", text)
}

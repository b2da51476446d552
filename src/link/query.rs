//! The URL is the state: a [`Config`] from a query string and back, percent-coded, every
//! key in [`TABLE`](crate::config::TABLE) order. A link with bad keys loses only those (see
//! [`Config::from_query`] and [`culprit`]).

use super::percent::{percent_encode, query_pairs};
use crate::config::{clip, table, Config, KEYS};
use crate::error::ErrorText;
use crate::ConfigError;

impl Config {
    /// Parse a URL query (`?a=1&b=2` or `a=1&b=2`). Never fails, so a mistyped link still
    /// opens a working page, and never loses more of the link than it must:
    /// - a value that is unknown, unreadable or out of range becomes a notice naming its key,
    ///   which keeps its default (whatever the init, so `?lo=5000` is refused too);
    /// - when keys that are fine on their own conflict (lo against hi, σ against the bounds),
    ///   one of the link's keys involved is left out, with one notice saying so;
    /// - every other key keeps the link's value.
    ///
    /// A key given twice takes its last good value: a bad later value costs only itself
    /// (`?lo=-5&lo=1091` keeps `lo=-5`).
    pub fn from_query(query: &str) -> (Config, Vec<ConfigError>) {
        let mut notices = Vec::new();
        // The link's good values, one per key, in KEYS order (so the preset comes first).
        let mut kept: Vec<(&'static str, String)> = Vec::new();
        for (key, value) in query_pairs(query) {
            match good_value(&key, &value) {
                Ok(name) => {
                    kept.retain(|(k, _)| *k != name);
                    kept.push((name, value));
                }
                Err(e) => notices.push(e),
            }
        }
        let mut kept = table::in_key_order(kept);
        loop {
            let config = Config::from_pairs(&kept);
            let Err(error) = config.validate() else {
                return (config, notices);
            };
            // The default config is valid, so an invalid one has at least one key to drop.
            let at = culprit(&kept, &error);
            let (key, value) = kept.remove(at);
            notices.push(if key == error.field {
                error
            } else {
                ConfigError::new(
                    key,
                    ErrorText::new("linkLeftOut")
                        .with("key", key)
                        .with("value", clip(&value))
                        .with("error", error.text),
                )
            });
        }
    }

    /// The defaults with `pairs` applied in order; each pair was already accepted by `set`.
    fn from_pairs(pairs: &[(&'static str, String)]) -> Config {
        let mut config = Config::default();
        for (key, value) in pairs {
            let _ = config.set(key, value);
        }
        config
    }

    /// The query string that recreates this config: the lesson and the preset (if any), then
    /// every key that differs from what they and the keys before it set (the loss follows
    /// the data, so `data=digits` leaves out its own default, `loss=ce`).
    pub fn to_query(&self) -> String {
        let mut base = Config::default();
        for key in ["lesson", "preset"] {
            let value = self.get(key);
            if !value.is_empty() {
                let _ = base.set(key, &value);
            }
        }
        let mut parts = Vec::new();
        for key in KEYS {
            let value = self.get(key);
            let sets_others = matches!(key, "lesson" | "preset");
            if sets_others && !value.is_empty() || !sets_others && value != base.get(key) {
                parts.push(format!("{key}={}", percent_encode(&value)));
            }
            if !sets_others && value != base.get(key) {
                let _ = base.set(key, &value);
            }
        }
        parts.join("&")
    }
}

/// The row name of `key` if `value` is a good value for it on its own: readable (a number,
/// a known name, lesson or preset) and inside the key's range. Judged value by value, so
/// that a bad value is refused alone, before the keys are weighed against each other.
fn good_value(key: &str, value: &str) -> Result<&'static str, ConfigError> {
    let mut alone = Config::default();
    alone.set(key, value)?;
    let row =
        table::key(key).ok_or_else(|| ConfigError::new("config", ErrorText::new("notInTable")))?;
    row.check_range(&alone)?;
    Ok(row.name)
}

/// Which of the link's `pairs` to leave out when together they fail with `error`.
///
/// Prefer a key whose removal alone makes the rest valid: the key the error names if it is
/// one of them, else the most detailed of them (lo/hi before init: `?init=truncnormal&hi=-3`
/// keeps the truncated normal and drops hi). If no single key does, drop the named key, or
/// failing that the most detailed key, and let the caller try again.
fn culprit(pairs: &[(&'static str, String)], error: &ConfigError) -> usize {
    let valid_without = |at: usize| {
        let mut rest = pairs.to_vec();
        rest.remove(at);
        Config::from_pairs(&rest).validate().is_ok()
    };
    let named = pairs.iter().position(|(key, _)| *key == error.field);
    let fixes: Vec<usize> = (0..pairs.len()).filter(|&at| valid_without(at)).collect();
    match (named, fixes.last()) {
        (Some(at), _) if fixes.contains(&at) => at,
        (_, Some(&at)) => at,
        (Some(at), None) => at,
        (None, None) => pairs.len() - 1,
    }
}

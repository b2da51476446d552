//! Changing settings the way a learner does: one key at a time, where the lesson, the
//! preset and `vs` open into other keys. Lessons and presets are resolved here, one level
//! above [`Config`]: the key table stores their names, and this module sets the keys they
//! stand for, from the plain data that [`lessons::settings`] and [`presets`] hold.

use super::percent::{percent_encode, query_pairs};
use crate::config::{clip, presets, table, Config, Spec, KEYS, TABLE};
use crate::error::ErrorText;
use crate::lessons::settings as lessons;
use crate::ConfigError;

/// The `vs` value for a B identical to A.
pub const SAME: &str = "same";

/// The names a key may take: its table choices, and for `lesson` the lessons' ids (which
/// the table does not know).
pub fn choices(row: &table::Key) -> &'static [&'static str] {
    match row.kind {
        table::Kind::Lesson(_) => &lessons::IDS,
        _ => row.kind.choices(),
    }
}

impl Config {
    /// Set one key from its string form. Checks only the value's form (a number, a known
    /// name, a known lesson or preset); ranges and combinations are checked by
    /// [`Config::validate`]. A lesson sets every key, a preset the init keys.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let value = value.trim();
        match (table::key(key), value) {
            (None, _) => Err(ConfigError::new(
                "config",
                ErrorText::new("unknownKey")
                    .with("value", clip(key))
                    .with("known", KEYS.join(", ")),
            )),
            (Some(row), "" | "none") if matches!(key, "lesson" | "preset") => row.set(self, value),
            (Some(_), _) if key == "lesson" => open_lesson(self, value),
            (Some(_), _) if key == "preset" => apply_preset(self, value),
            (Some(row), _) if key == "vs" => row.set(self, &check_versus(value)?),
            // The loss follows the data where the old one cannot apply (bce → ce for digits).
            (Some(row), _) if key == "data" => {
                row.set(self, value)?;
                self.fit_loss_to_data();
                Ok(())
            }
            (Some(row), _) => row.set(self, value),
        }
    }

    /// Apply changes given as (key, value) strings; the lesson and the preset first, then the
    /// rest in order.
    /// The result is validated as a whole; on error nothing is changed.
    pub fn with_changes<'a>(
        &self,
        changes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        let changes: Vec<(&str, &str)> = changes.into_iter().collect();
        self.with_change_list(&changes)
    }

    /// [`Config::with_changes`] once its changes are in a list: not generic, so its callers
    /// (the page, the links, B, the lessons) share one copy.
    fn with_change_list(&self, changes: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut next = self.clone();
        // A lesson sets every key and a preset the init keys: they go first, so the other
        // changes refine them.
        for first in ["lesson", "preset"] {
            for (key, value) in changes.iter().filter(|(k, _)| *k == first) {
                next.set(key, value)?;
            }
        }
        for (key, value) in changes
            .iter()
            .filter(|(k, _)| !matches!(*k, "lesson" | "preset"))
        {
            next.set(key, value)?;
        }
        next.validate()?;
        Ok(next)
    }

    /// Check every range and combination, of A and, if comparing, of B; the typed result
    /// is A's, what the engine runs.
    pub fn validate(&self) -> Result<Spec, ConfigError> {
        let spec = self.spec()?;
        // Last: B, if comparing, must be a network the engine can run too (`versus`
        // validates it, naming `vs` and the key of `vs` at fault).
        if let Some(b) = self.versus() {
            b?;
        }
        Ok(spec)
    }

    /// B's settings, if comparing: these settings with `vs` applied (and no `vs` of B's own:
    /// `vs` names neither `vs` nor a lesson, the only keys that could set one).
    /// An error names `vs` and, in its message, the key of `vs` at fault.
    pub fn versus(&self) -> Option<Result<Config, ConfigError>> {
        if !self.comparing() {
            return None;
        }
        let base = self.without_versus();
        let pairs: Vec<(String, String)> = versus_pairs(&self.vs).collect();
        let b = base
            .with_changes(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(inside_vs);
        Some(b)
    }
}

/// Sets every key as the lesson `id` does: the defaults, then the lesson's settings (B's
/// included). The keys a link gives after it then refine the lesson.
fn open_lesson(config: &mut Config, id: &str) -> Result<(), ConfigError> {
    let lesson = lessons::find(id).ok_or_else(|| {
        ConfigError::new(
            "lesson",
            ErrorText::new("unknownLesson")
                .with("value", clip(id))
                .with("known", lessons::IDS.join(", ")),
        )
    })?;
    let mut fresh = Config::default();
    for (key, value) in query_pairs(lesson.query) {
        fresh.set(&key, &value)?;
    }
    fresh.lesson = lesson.id.to_string();
    *config = fresh;
    Ok(())
}

/// Set the init keys of `config` as the framework `name` does: every key the table marks
/// `init` back to its default, then the preset's settings.
fn apply_preset(config: &mut Config, name: &str) -> Result<(), ConfigError> {
    let preset = presets::find(name).ok_or_else(|| {
        ConfigError::new(
            "preset",
            ErrorText::new("unknownPreset")
                .with("value", clip(name))
                .with("known", presets::NAMES.join(", ")),
        )
    })?;
    for key in TABLE.iter().filter(|key| key.init) {
        key.set(config, key.default)?;
    }
    for (key, value) in preset.settings {
        config.set(key, value)?;
    }
    config.preset = preset.name.to_string();
    Ok(())
}

/// The (key, value) pairs of a `vs` value (none for [`SAME`]).
fn versus_pairs(vs: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query_pairs(if vs == SAME { "" } else { vs })
}

/// Checks the form of a `vs` value: [`SAME`], or a query whose keys are settings B can
/// have, with readable values in range. Returns it with its keys in URL order, each once.
///
/// B has no `vs` of its own, and no lesson of its own either: a lesson sets every key,
/// B's `vs` included, so `vs=lesson%3D…` is refused by name (B follows A's lesson).
pub(super) fn check_versus(value: &str) -> Result<String, ConfigError> {
    if value.is_empty() || value == SAME {
        return Ok(value.to_string());
    }
    let mut kept: Vec<(&'static str, String)> = Vec::new();
    for (key, inner) in versus_pairs(value) {
        let row = table::key(&key)
            .filter(|row| !matches!(row.name, "vs" | "lesson"))
            .ok_or_else(|| {
                ConfigError::new(
                    "vs",
                    ErrorText::new("vs.unknownKey").with("value", clip(&key)),
                )
            })?;
        let mut alone = Config::default();
        alone.set(row.name, &inner).map_err(inside_vs)?;
        row.check_range(&alone).map_err(inside_vs)?;
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

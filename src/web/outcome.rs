//! The answer to a change of settings (`configure`, `reseed`, `compare`, `swap`), shared by
//! the files that make one. A leaf: it knows nothing of [`super::Lab`].

use serde::Serialize;

use crate::error::ErrorText;
use crate::ConfigError;

/// The answer to `configure`: `{ok: true}` or `{ok: false, field, error, text}`.
#[derive(Serialize)]
pub(super) struct Outcome {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    /// The whole message in English, starting with the key at fault ("lr: ...").
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    /// The message without the key, as `{id, args}` for the page's string tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<ErrorText>,
}

impl Outcome {
    pub(super) fn ok() -> Self {
        Outcome {
            ok: true,
            field: None,
            error: None,
            text: None,
        }
    }

    pub(super) fn rejected(field: &'static str, text: ErrorText) -> Self {
        ConfigError::new(field, text).into()
    }
}

impl From<ConfigError> for Outcome {
    fn from(e: ConfigError) -> Self {
        Outcome {
            ok: false,
            field: Some(e.field.to_string()),
            error: Some(e.to_string()),
            text: Some(e.text),
        }
    }
}

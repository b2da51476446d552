//! A setting's text: reading a number or the hidden layer widths from it, writing a number
//! back, and quoting what a learner typed in a message.

use super::limits::{DEEP_MAX_UNITS, MAX_HIDDEN_LAYERS, MAX_UNITS, MAX_WIDE_HIDDEN_LAYERS};
use crate::error::ErrorText;
use crate::ConfigError;

/// Quote at most 40 characters of user text in a message.
pub fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Shortest decimal that reads back as the same f64 (Rust's `Display` guarantees the round trip).
pub fn fmt_num(x: f64) -> String {
    format!("{x}")
}

/// A finite number from `text`, or an error on `field` that quotes the text. The standard
/// library's parser reads it: `1`, `-0.5`, `.5`, `2e-3`, and also `inf` and `NaN`, which
/// are then refused as not finite.
pub fn number(field: &'static str, text: &str) -> Result<f64, ConfigError> {
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(ConfigError::new(
            field,
            ErrorText::new("textNotFinite").with("value", clip(text)),
        )),
        Err(_) => Err(ConfigError::new(
            field,
            ErrorText::new("notNumber").with("value", clip(text)),
        )),
    }
}

/// Hidden layer widths from "8,8": 1 to 8 layers of 1 to 256 units, or "0" alone for no
/// hidden layer at all (logistic regression: the inputs feed the output unit directly).
/// A 0 inside a list ("8,0") is refused: a hidden layer of no units would cut the network.
pub fn parse_layers(text: &str) -> Result<Vec<usize>, ConfigError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ConfigError::new("layers", ErrorText::new("layers.none")));
    }
    if text == "0" {
        return Ok(Vec::new());
    }
    let widths = text
        .split(',')
        .map(|part| match part.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_UNITS).contains(&n) => Ok(n),
            Ok(0) => Err(ConfigError::new(
                "layers",
                ErrorText::new("layers.zeroInList")
                    .with("max", MAX_UNITS.to_string())
                    .with("value", clip(text)),
            )),
            _ => Err(ConfigError::new(
                "layers",
                ErrorText::new("layers.width")
                    .with("max", MAX_UNITS.to_string())
                    .with("value", clip(part.trim())),
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if widths.len() > MAX_HIDDEN_LAYERS {
        return Err(ConfigError::new(
            "layers",
            ErrorText::new("layers.tooMany")
                .with("max", MAX_HIDDEN_LAYERS.to_string())
                .with("count", widths.len().to_string()),
        ));
    }
    let widest = widths.iter().copied().max().unwrap_or(0);
    if widths.len() > MAX_WIDE_HIDDEN_LAYERS && widest > DEEP_MAX_UNITS {
        return Err(ConfigError::new(
            "layers",
            ErrorText::new("layers.tooManyWide")
                .with("max", MAX_WIDE_HIDDEN_LAYERS.to_string())
                .with("width", DEEP_MAX_UNITS.to_string())
                .with("deepest", MAX_HIDDEN_LAYERS.to_string())
                .with("count", widths.len().to_string())
                .with("widest", widest.to_string()),
        ));
    }
    Ok(widths)
}

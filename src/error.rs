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

/// A number for a message: as typed when short (0.5, -2, 100), else 4 significant digits.
pub(crate) fn show(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    let plain = format!("{x}");
    if plain.len() <= 10 {
        return plain;
    }
    let magnitude = libm::floor(libm::log10(x.abs()));
    if (-4.0..6.0).contains(&magnitude) {
        let decimals = (3.0 - magnitude).max(0.0) as usize;
        trim_zeros(format!("{x:.decimals$}"))
    } else {
        let text = format!("{x:.3e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        format!("{}e{exponent}", trim_zeros(mantissa.to_string()))
    }
}

/// Two bounds for a message, with as many digits as it takes to tell them apart.
pub(crate) fn show_pair(lo: f64, hi: f64) -> (String, String) {
    let (short_lo, short_hi) = (show(lo), show(hi));
    if short_lo == short_hi {
        (format!("{lo}"), format!("{hi}"))
    } else {
        (short_lo, short_hi)
    }
}

/// "2.5000" → "2.5", "3.000" → "3".
fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::show;

    #[test]
    fn show_keeps_short_numbers_as_typed_and_rounds_long_ones() {
        assert_eq!(show(0.5), "0.5");
        assert_eq!(show(-2.0), "-2");
        assert_eq!(show(2.999_999_999_999_999_6), "3");
        assert_eq!(show(0.086_602_540_378_443_87), "0.0866");
        assert_eq!(show(1e-13), "1e-13");
        assert_eq!(show(1.234_567e-13), "1.235e-13");
        assert_eq!(show(f64::NEG_INFINITY), "-∞");
    }
}

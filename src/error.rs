//! The one error type a learner sees: which setting is wrong, and why.
//!
//! An error is a message id with named arguments (issue #9), so the page can word it in
//! the learner's language from its own tables; the English wording lives here, in
//! [`MESSAGES`], the one list of ids, and every error also carries its English sentence
//! for `Display`, native tests and the console.

use serde::{Serialize, Serializer};
use std::fmt;

/// A message's named arguments, each name once, in the order they were given. Serialised
/// as an object (`{min: "0", max: "10"}`) for the page's templates. A short list rather
/// than a map: a message has at most a handful, and a map type would add its own code to
/// the wasm for nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args<T>(Vec<(&'static str, T)>);

impl<T> Args<T> {
    pub fn new() -> Args<T> {
        Args(Vec::new())
    }

    /// Sets argument `name`, replacing an earlier value of the same name.
    pub fn insert(&mut self, name: &'static str, value: T) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }

    pub fn get(&self, name: &str) -> Option<&T> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The names, in the order they were given.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(n, _)| *n)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &T)> {
        self.0.iter().map(|(n, v)| (*n, v))
    }
}

impl<T> Default for Args<T> {
    fn default() -> Args<T> {
        Args::new()
    }
}

impl<T: Serialize> Serialize for Args<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Every message id with its English template. `{name}` is replaced by the argument of
/// that name; an argument may itself be a message (a link's value that was left out says
/// why, in the words of the inner error). The page's other languages translate each id.
pub const MESSAGES: &[(&str, &str)] = &[
    ("range", "must be {range}, not {value}"),
    ("range.whole", "a whole number from {min} to {max}"),
    ("range.closed", "between {min} and {max}"),
    ("range.openMin", "above {min} and at most {max}"),
    ("range.openMax", "at least {min} and below {max}"),
    ("range.open", "above {min} and below {max}"),
    ("notFinite", "must be a finite number, not {value}"),
    ("textNotFinite", "'{value}' is not a finite number"),
    ("notNumber", "'{value}' is not a number"),
    ("notBool", "'{value}' is not 0 or 1"),
    ("notChoice", "'{value}' is not one of: {choices}"),
    ("scale.gain", "the gain must be from {min} to {max}, not {value}"),
    ("layers.none", "give the hidden layers' widths, e.g. 8,8, or 0 for no hidden layer"),
    ("layers.width", "each hidden layer needs a whole number of units from 1 to {max}; '{value}' is not"),
    ("layers.zeroInList", "0 stands alone, for no hidden layer; in a list every hidden layer needs 1 to {max} units, so '{value}' is refused"),
    ("layers.needsHidden", "{key} needs a hidden layer, and layers=0 has none"),
    ("layers.tooMany", "at most {max} hidden layers, not {count}"),
    ("data.digitsMissing", "the handwritten digits have not arrived yet: the page downloads them (117 kB) the first time data=digits is chosen, which needs one visit online; choose it again once they have arrived"),
    ("shortcut.digits", "the shortcut links the 2 inputs of a set in the plane straight to its one output unit (the XOR 2-1 net); the digits, with 64 pixels and 10 outputs, take no shortcut"),
    ("loss.bceDigits", "bce is the loss of one sigmoid output, for two classes; the digits have ten classes and a softmax output, trained on the softmax cross-entropy: loss=ce"),
    ("loss.mseDigits", "mse is offered for the one sigmoid output of the sets in the plane; on the digits' ten-class softmax, squared error has no gradient left where the network is confidently wrong, so the digits train on the softmax cross-entropy: loss=ce"),
    ("loss.ceNeedsDigits", "ce is the softmax cross-entropy of the ten digits (data=digits); {data} has two classes and one sigmoid output: loss=bce or loss=mse"),
    ("layers.tooManyWide", "at most {max} hidden layers when a layer has more than {width} units (up to {deepest} layers of at most {width} units each): {count} layers with a layer of {widest} would make the page too slow to animate"),
    ("unknownKey", "'{value}' is not a setting InitLab knows (known: {known})"),
    ("unknownPreset", "'{value}' is not a preset InitLab knows (known: {known})"),
    ("unknownLesson", "'{value}' is not a lesson InitLab has (lessons: {known})"),
    ("notInTable", "is missing from the key table"),
    ("digits.notDigits", "this is not the digits file: it does not start with the letters DIGITS (another file, perhaps an error page, came back)"),
    ("digits.version", "the digits file is in format version {found}, and this page reads version {version}: reload the page to get files of the same version"),
    ("digits.shape", "the digits file holds {width}×{height} images, and the network expects {side}×{side} ({inputs} inputs)"),
    ("digits.count", "the digits file announces {found} images, and UCI's test set has {images}"),
    ("digits.truncated", "the digits file is cut short: {bytes} bytes of the {needed} it needs (the download stopped early?)"),
    ("digits.extraBytes", "the digits file has {bytes} bytes, {extra} more than its {images} images need"),
    ("digits.pixel", "pixel {pixel} of image {image} in the digits file is {value}, and a pixel counts ink from 0 to {max}"),
    ("digits.label", "image {image} in the digits file has the label {value}, and a digit is 0 to 9"),
    ("linkLeftOut", "{key}={value} from the link was left out: {error}"),
    ("vs.key", "{key}: {error}"),
    ("vs.unknownKey", "'{value}' is not a setting B can change"),
    ("vs.noB", "there is no B to swap with"),
    ("configureObject", "configure expects an object of settings, for example {lr: 0.1}"),
    ("notText", "this value cannot be read as text"),
    ("const.notFinite", "the constant weight must be a finite number, not {value}"),
    ("sigma.rule", "the {rule} rule gives σ = {sigma} for a layer with fan-in {fanIn} and fan-out {fanOut}; σ must be a positive, finite number"),
    ("orthogonal.tooWide", "an orthogonal (or LSUV) init draws each layer as a whole, by a QR decomposition whose time grows with the cube of the width; above {max} units it would hold the page for seconds, and this layer has fan-in {fanIn} and fan-out {fanOut}: use at most {max} units per layer, or another init"),
    ("lo.nan", "lo must be a number"),
    ("hi.nan", "hi must be a number"),
    ("lo.aboveHi", "lo ({lo}) must be below hi ({hi})"),
    ("cut.noMass", "the interval {interval} is so narrow or so far out that its share of the normal distribution cannot be told from 0, even as a logarithm; widen it or move it closer to 0"),
    ("cut.tooNarrow", "the interval [{lo}σ, {hi}σ] is too narrow for σ = {sigma}: its two ends round to the same weight; widen it"),
    ("cut.unreachable", "variance correction cannot reach σ = {sigma}: a normal cut to [{lo}, {hi}] has a std below {widest} however wide it is (at most a uniform's (hi − lo)/√12); widen the bounds or turn variance correction off"),
    ("restarts.object", "expects an object such as {runs: 100, steps: 2000, firstSeed: 1}"),
    ("restarts.number", "must be a number, not '{value}'"),
    ("restarts.tooMuch", "{runs} runs of {steps} steps on this network would take {work} multiply-adds, more than the {max} one request may ask for; ask for fewer runs or steps"),
    ("landscape.object", "landscape expects an object of options, for example {n: 21, span: 1}"),
    ("landscape.number", "{key} must be a number, not {value}"),
    ("landscape.n", "n must be a whole number of grid points per side from {min} to {max}, not {value}"),
    ("landscape.span", "span must be a number above 0 and at most {max} (α and β run from −span to span), not {value}"),
    ("landscape.plane", "plane must be one of {choices}, not '{value}'"),
    ("landscape.tooMuch", "n = {n} needs {work} multiply-adds for this network, more than one call may do ({max}); {advice}"),
    ("landscape.most", "n = {most} is the most it allows now"),
    ("landscape.none", "even n = 3 is too much: use fewer points or a smaller network"),
    ("step.whole", "n must be a whole number of steps (0 or more), not {value}"),
    ("meanField.object", "meanField expects an object such as {act: 'tanh', sigmaW: 1.5, sigmaB: 0.05, depth: 20}"),
    ("meanField.missing", "{argument} is missing: give a number in {range}"),
    ("meanField.number", "{argument} must be a number in {range}, not {value}"),
    ("meanField.range", "{argument} must be in {range}, not {value}"),
    ("meanField.act", "act must be one of {choices}, not '{value}'"),
    ("step.tooMany", "{n} steps are more than one call may train for this network (at most {most}, a few seconds of work); call step again, or use play()"),
];

/// The English template of message `id` (the id itself if it is not in [`MESSAGES`]).
pub fn english(id: &str) -> &'static str {
    MESSAGES
        .iter()
        .find(|(name, _)| *name == id)
        .map_or("(unknown message)", |(_, template)| template)
}

/// One argument of an error message: text as the learner typed it or as the engine
/// shows a number, or a whole message (the reason nested inside another).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ErrorArg {
    Text(String),
    Message(Box<ErrorText>),
}

/// A message id and its arguments: what the page words per language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorText {
    pub id: &'static str,
    pub args: Args<ErrorArg>,
}

impl ErrorText {
    pub fn new(id: &'static str) -> ErrorText {
        ErrorText {
            id,
            args: Args::new(),
        }
    }

    /// The same message with one more argument (text, or a nested message).
    pub fn with(mut self, name: &'static str, value: impl Into<ErrorArg>) -> ErrorText {
        self.args.insert(name, value.into());
        self
    }

    /// The English sentence: the template with every argument filled in.
    pub fn english(&self) -> String {
        let mut out = english(self.id).to_string();
        for (name, arg) in self.args.iter() {
            let value = match arg {
                ErrorArg::Text(text) => text.clone(),
                ErrorArg::Message(inner) => inner.english(),
            };
            out = out.replace(&format!("{{{name}}}"), &value);
        }
        out
    }
}

impl From<String> for ErrorArg {
    fn from(x: String) -> ErrorArg {
        ErrorArg::Text(x)
    }
}

impl From<&str> for ErrorArg {
    fn from(x: &str) -> ErrorArg {
        ErrorArg::Text(x.to_string())
    }
}

impl From<ErrorText> for ErrorArg {
    fn from(x: ErrorText) -> ErrorArg {
        ErrorArg::Message(Box::new(x))
    }
}

/// A setting that cannot be used, with a message written for a learner.
///
/// `field` is the configuration key (the same name as in the page's URL), so the
/// page can put the message next to the control that caused it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The configuration key at fault, e.g. `"sigma"` or `"layers"`.
    pub field: &'static str,
    /// What is wrong, as an id and arguments the page words in the learner's language.
    pub text: ErrorText,
    /// The same in English, in plain words (what `Display` and the tests read).
    pub message: String,
}

impl ConfigError {
    /// The error on `field` that `text` words.
    pub fn new(field: &'static str, text: ErrorText) -> Self {
        ConfigError {
            field,
            message: text.english(),
            text,
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
    let magnitude = libm::log10(x.abs()).floor();
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

//! The settings as one flat record whose fields are the page's URL keys ([`Config`]), and
//! their validated, typed form ([`Spec`]). Plain data: how a key's text is read and
//! written is the key [`TABLE`](super::TABLE)'s business, and opening a lesson or a preset
//! is [`crate::link`]'s.

use crate::activation::Activation;
use crate::data::{DataSpec, DatasetKind};
use crate::init::{BiasInit, LayerInit, WeightInit};
use crate::loss::Head;
use serde::Serialize;

/// The raw settings, keyed as in the URL. `Default` is the page's starting point, read
/// from the defaults in [`TABLE`](super::TABLE).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Config {
    /// Distribution family: zeros | constant | uniform | normal | truncnormal | orthogonal | lsuv.
    pub init: String,
    /// The value for `init=constant`.
    #[serde(rename = "const")]
    pub constant: f64,
    /// Std of the random noise added to every initial weight (0 for none).
    pub jitter: f64,
    /// How σ is chosen: manual | lecun | glorot | he.
    pub scale: String,
    /// Multiplies the σ of the lecun/glorot/he rules.
    pub gain: f64,
    /// The std for `scale=manual` (for `uniform` the bounds are ±σ√3).
    pub sigma: f64,
    /// Truncation bounds.
    pub lo: f64,
    pub hi: f64,
    /// Units of `lo`/`hi`: sigma (multiples of σ) | abs (absolute values).
    pub bounds: String,
    /// Rescale σ so the std after truncation equals the requested σ.
    pub correct: bool,
    /// The framework preset the other keys started from ("" for none).
    pub preset: String,
    /// The guided lesson the other keys started from ("" for none; opened by [`crate::link`]).
    pub lesson: String,
    /// Bias init: a number, or "init" to draw biases like the weights.
    pub bias: String,
    /// σ_b: the std of biases drawn from N(0, σ_b²); above 0 it overrides `bias`.
    pub bsigma: f64,
    /// Hidden activation: sigmoid | tanh | relu | linear.
    pub act: String,
    /// Hidden layer widths, comma-separated, e.g. "8,8".
    pub layers: String,
    /// The inputs also feed the output unit (shortcut connections: the XOR 2-1 net).
    pub shortcut: bool,
    /// Dataset: xor4 | xor | circles | spiral | gauss | digits.
    pub data: String,
    pub points: f64,
    pub noise: f64,
    pub lr: f64,
    pub batch: f64,
    pub momentum: f64,
    /// Loss: bce | mse (two classes) | ce (the digits); follows `data` (see `Config::set`).
    pub loss: String,
    pub seed: f64,
    /// Compare with a second network B: the settings where B differs, as a query
    /// ("init=zeros"), "same" for a B identical to A, or "" for no comparison.
    pub vs: String,
}

/// The validated, typed form of a [`Config`]: what the engine runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub weights: WeightInit,
    /// What every weight layer's weights are drawn from, hidden layers then the output:
    /// `weights` resolved once per layer, from the fans of [`Spec::fans`].
    pub layers: Vec<LayerInit>,
    /// Std of the noise N(0, jitter²) added to every weight after it is drawn (0: none).
    pub jitter: f64,
    pub bias: BiasInit,
    pub hidden: Activation,
    /// Widths of the hidden layers.
    pub hidden_sizes: Vec<usize>,
    /// Whether the inputs also feed the output unit (its fan_in is then the last width + 2).
    pub shortcut: bool,
    pub data: DataSpec,
    pub lr: f64,
    pub batch: usize,
    pub momentum: f64,
    /// The output and its loss: a sigmoid trained on bce or mse for two classes, a softmax
    /// trained on the cross-entropy (`ce`) for the digits.
    pub loss: Head,
    pub seed: u64,
}

impl Spec {
    /// Layer sizes including input (2, or 64 pixels) and output (1, or 10 classes).
    pub fn sizes(&self) -> Vec<usize> {
        layer_sizes(&self.hidden_sizes, self.data.kind)
    }

    /// (fan_in, fan_out) of every weight layer, hidden layers then the output: what each
    /// layer's scale rule sees (with the shortcut, the output's fan_in counts the 2 inputs).
    pub fn fans(&self) -> Vec<(usize, usize)> {
        crate::mlp::fans(&self.sizes(), self.shortcut)
    }
}

/// Layer sizes around the hidden widths: the data's inputs (2, or 64 pixels) first, its
/// outputs (1 sigmoid, or a softmax over 10 classes) last.
pub(super) fn layer_sizes(hidden: &[usize], data: DatasetKind) -> Vec<usize> {
    let mut sizes = vec![data.features()];
    sizes.extend(hidden);
    sizes.push(data.outputs());
    sizes
}

impl Config {
    /// Whether `key` changes anything under the other settings: σ, the gain and the rule do
    /// nothing for zero or constant weights, the rule and σ nothing for orthogonal ones (the
    /// gain does) and none of the three for LSUV, the constant only matters for `init=constant`,
    /// the cut only for a truncated normal; with no hidden layer (`layers=0`) the hidden
    /// activation, the jitter and the shortcut have nothing to act on; the digits are read,
    /// not generated (no `points`, no `noise`), and take no shortcut; drawn biases
    /// (`bsigma` > 0) leave `bias` unused. The page hides the
    /// keys that do not apply.
    pub fn applies(&self, key: &str) -> bool {
        use crate::init::{FamilyKind, RuleKind};
        let family = FamilyKind::from_name(&self.init);
        // Orthogonal and LSUV take no scale rule: orthogonality fixes the scale (times the
        // gain), and LSUV then sets it from the data.
        let orthogonal = matches!(family, Some(FamilyKind::Orthogonal | FamilyKind::Lsuv));
        let scaled =
            !orthogonal && !matches!(family, Some(FamilyKind::Zeros | FamilyKind::Constant));
        let manual = RuleKind::from_name(&self.scale) == Some(RuleKind::Manual);
        match key {
            "const" => family == Some(FamilyKind::Constant),
            "scale" => scaled,
            "sigma" => scaled && manual,
            "gain" => (scaled && !manual) || family == Some(FamilyKind::Orthogonal),
            "lo" | "hi" | "bounds" | "correct" => family == Some(FamilyKind::TruncatedNormal),
            "act" | "jitter" => self.has_hidden_layer(),
            "shortcut" => self.has_hidden_layer() && !self.is_digits(),
            "points" | "noise" => !self.is_digits(),
            // Drawn biases (σ_b > 0) override the bias value.
            "bias" => self.bsigma <= 0.0,
            _ => true,
        }
    }
}

impl Config {
    /// Whether these settings ask for at least one hidden layer (`layers` other than `0`).
    pub fn has_hidden_layer(&self) -> bool {
        self.layers.trim() != "0"
    }

    /// Whether these settings train on the digits (`data=digits`).
    pub fn is_digits(&self) -> bool {
        DatasetKind::from_name(&self.data).is_some_and(DatasetKind::is_digits)
    }

    /// Whether a second network B is being compared with this one.
    pub fn comparing(&self) -> bool {
        !self.vs.is_empty()
    }

    /// These settings, not comparing.
    pub fn without_versus(&self) -> Config {
        let mut a = self.clone();
        a.vs.clear();
        a
    }
}

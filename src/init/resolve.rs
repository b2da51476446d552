//! From an initialiser to one layer's distribution: the scale rule, the variance correction of
//! a truncated normal, and the checks that stop settings which cannot work.

use super::{
    orthogonal, BoundsUnit, Distribution, Draw, Family, LayerInit, TruncatedStandardNormal,
    WeightInit, MAX_SCALE, MIN_SCALE,
};
use crate::error::ErrorText;
use crate::error::{show, show_pair};
use crate::ConfigError;

/// Variance correction with absolute bounds refuses a target std within this relative
/// distance of the uniform's (hi − lo)/√12, which is only reached as σ' → ∞.
const REACH_MARGIN: f64 = 1e-6;

/// Doublings of σ' allowed while bracketing the variance-corrected parent σ'.
const MAX_DOUBLINGS: usize = 64;

/// Bisection steps on ln σ' after bracketing; 64 halvings of a factor-2 bracket reach far
/// below double precision, in a fixed amount of work.
const BISECTIONS: usize = 64;

impl WeightInit {
    /// Resolve the init for one layer with `fan_in` inputs and `fan_out` outputs per unit.
    ///
    /// Errors name the setting at fault (`field` is "sigma", "lo", "hi", "gain" or "const"):
    /// a gain that is not a positive finite number, a layer's σ that is not one (a manual σ
    /// of 0, or a layer with no inputs), a constant that is not finite, lo ≥ hi, a
    /// truncation interval whose mass cannot be told from 0 even in logarithms, and a
    /// variance-corrected std that absolute bounds cannot reach.
    ///
    /// The *ranges* of σ and the gain ([`MIN_SCALE`] … [`MAX_SCALE`]) are not checked here:
    /// a config's validation checks every key's range in one place, the key table, and
    /// resolves each layer once; this only refuses what would give no distribution at all.
    ///
    /// Zeros and Constant do not consult the scale rule (their σ fields are 0), so a bad σ or
    /// gain is not reported for them; likewise `Manual` ignores the gain. Orthogonal and LSUV
    /// ignore the rule (and LSUV the gain too); they refuse a layer wider than
    /// [`orthogonal::MAX_UNITS`], whose QR would hold the page too long.
    pub fn for_layer(&self, fan_in: usize, fan_out: usize) -> Result<LayerInit, ConfigError> {
        let with_sigma = |sigma_requested: f64, sigma_used: f64, distribution| LayerInit {
            sigma_used,
            sigma_requested,
            distribution,
            draw: Draw::Independent,
            lsuv: None,
        };
        match self.family {
            Family::Zeros => Ok(with_sigma(0.0, 0.0, Distribution::Zeros)),
            Family::Constant(c) => {
                if !c.is_finite() {
                    return Err(ConfigError::new(
                        "const",
                        ErrorText::new("const.notFinite").with("value", show(c)),
                    ));
                }
                Ok(with_sigma(0.0, 0.0, Distribution::Constant(c)))
            }
            Family::Uniform => {
                let sigma = self.requested_sigma(fan_in, fan_out)?;
                // U(−a, a) has variance a²/3, so a = σ√3 gives std σ.
                let a = sigma * f64::sqrt(3.0);
                Ok(with_sigma(
                    sigma,
                    sigma,
                    Distribution::Uniform { lo: -a, hi: a },
                ))
            }
            Family::Normal => {
                let sigma = self.requested_sigma(fan_in, fan_out)?;
                Ok(with_sigma(
                    sigma,
                    sigma,
                    Distribution::Normal { std: sigma },
                ))
            }
            Family::TruncatedNormal {
                lo,
                hi,
                bounds,
                variance_corrected,
            } => {
                let sigma = self.requested_sigma(fan_in, fan_out)?;
                let (sigma_used, distribution) =
                    truncated(sigma, lo, hi, bounds, variance_corrected)?;
                Ok(with_sigma(sigma, sigma_used, distribution))
            }
            Family::Orthogonal => orthogonal_layer(self.gain, fan_in, fan_out),
            // LSUV rescales every layer to unit output variance, so its start's gain is moot.
            Family::Lsuv => orthogonal_layer(1.0, fan_in, fan_out),
        }
    }

    /// The σ the scale rule asks for: a positive finite number, from a positive finite gain.
    fn requested_sigma(&self, fan_in: usize, fan_out: usize) -> Result<f64, ConfigError> {
        if self.scale.uses_gain() && !(self.gain.is_finite() && self.gain > 0.0) {
            // Every such gain lies outside the config's range, which the message states.
            return Err(ConfigError::new(
                "gain",
                ErrorText::new("scale.gain")
                    .with("min", show(MIN_SCALE))
                    .with("max", show(MAX_SCALE))
                    .with("value", show(self.gain)),
            ));
        }
        let sigma = self.scale.std(self.gain, fan_in, fan_out);
        if !(sigma.is_finite() && sigma > 0.0) {
            return Err(ConfigError::new(
                "sigma",
                ErrorText::new("sigma.rule")
                    .with("rule", self.scale.name())
                    .with("sigma", show(sigma))
                    .with("fanIn", fan_in.to_string())
                    .with("fanOut", fan_out.to_string()),
            ));
        }
        Ok(sigma)
    }
}

/// gain × a (semi-)orthogonal fan_out × fan_in matrix: its entries' std is
/// gain/√max(fan_in, fan_out) (a unit vector of n entries has mean square 1/n).
fn orthogonal_layer(gain: f64, fan_in: usize, fan_out: usize) -> Result<LayerInit, ConfigError> {
    if !(gain.is_finite() && gain > 0.0) {
        return Err(ConfigError::new(
            "gain",
            ErrorText::new("scale.gain")
                .with("min", show(MIN_SCALE))
                .with("max", show(MAX_SCALE))
                .with("value", show(gain)),
        ));
    }
    let widest = fan_in.max(fan_out);
    if widest > orthogonal::MAX_UNITS {
        return Err(ConfigError::new(
            "layers",
            ErrorText::new("orthogonal.tooWide")
                .with("max", orthogonal::MAX_UNITS.to_string())
                .with("fanIn", fan_in.to_string())
                .with("fanOut", fan_out.to_string()),
        ));
    }
    let sigma = gain / (widest.max(1) as f64).sqrt();
    Ok(LayerInit {
        sigma_used: sigma,
        sigma_requested: sigma,
        distribution: Distribution::Normal { std: sigma },
        draw: Draw::Orthogonal { gain },
        lsuv: None,
    })
}

/// The truncated normal for a requested std σ: returns the parent σ' and the distribution.
fn truncated(
    sigma: f64,
    lo: f64,
    hi: f64,
    bounds: BoundsUnit,
    variance_corrected: bool,
) -> Result<(f64, Distribution), ConfigError> {
    if lo.is_nan() {
        return Err(ConfigError::new("lo", ErrorText::new("lo.nan")));
    }
    if hi.is_nan() {
        return Err(ConfigError::new("hi", ErrorText::new("hi.nan")));
    }
    if lo >= hi {
        return Err(ConfigError::new(
            "lo",
            ErrorText::new("lo.aboveHi")
                .with("lo", show(lo))
                .with("hi", show(hi)),
        ));
    }
    match bounds {
        BoundsUnit::Sigma => cut_in_sigmas(sigma, lo, hi, variance_corrected),
        BoundsUnit::Absolute => cut_at_values(sigma, lo, hi, variance_corrected),
    }
}

/// A cut at [lo·σ', hi·σ'] (Keras, JAX): the bounds scale with the σ' the weights are drawn with.
fn cut_in_sigmas(
    sigma: f64,
    lo: f64,
    hi: f64,
    variance_corrected: bool,
) -> Result<(f64, Distribution), ConfigError> {
    let interval = || {
        let (lo, hi) = show_pair(lo, hi);
        format!("[{lo}σ, {hi}σ]")
    };
    check_mass(lo, hi, interval)?;
    // Cutting at [lo, hi] (in σ units) multiplies the std by s = std of N(0, 1) cut
    // there, whatever σ' is; so σ' = σ/s gives std σ afterwards (±2: s = 0.8796…).
    let sigma_used = if variance_corrected {
        sigma / TruncatedStandardNormal::new(lo, hi).std()
    } else {
        sigma
    };
    let (lo_abs, hi_abs) = (lo * sigma_used, hi * sigma_used);
    // σ·lo and σ·hi can round together (or σ' overflow) for an interval a few ulps wide.
    if !(sigma_used.is_finite() && lo_abs < hi_abs) {
        return Err(too_narrow_for_sigma(lo, hi, sigma_used));
    }
    check_mass(lo_abs / sigma_used, hi_abs / sigma_used, interval)?;
    let distribution = Distribution::TruncatedNormal {
        std: sigma_used,
        lo: lo_abs,
        hi: hi_abs,
    };
    Ok((sigma_used, distribution))
}

/// A cut at the weight values [lo, hi] (PyTorch's `trunc_normal_`), whatever σ' is.
fn cut_at_values(
    sigma: f64,
    lo: f64,
    hi: f64,
    variance_corrected: bool,
) -> Result<(f64, Distribution), ConfigError> {
    let sigma_used = if variance_corrected {
        parent_sigma_for_absolute_bounds(sigma, lo, hi)?
    } else {
        sigma
    };
    let (alpha, beta) = (lo / sigma_used, hi / sigma_used);
    check_mass(alpha, beta, || {
        let (lo, hi) = show_pair(lo, hi);
        let (alpha, beta) = show_pair(alpha, beta);
        let parent = if variance_corrected {
            "the variance-corrected parent σ"
        } else {
            "σ"
        };
        format!(
            "[{lo}, {hi}] (that is [{alpha}σ, {beta}σ] for {parent} = {})",
            show(sigma_used)
        )
    })?;
    let distribution = Distribution::TruncatedNormal {
        std: sigma_used,
        lo,
        hi,
    };
    Ok((sigma_used, distribution))
}

/// Refuses an interval [α, β] (σ units) that holds no probability even in logarithms: one so
/// narrow, or so far out, that no double can tell its mass from 0. Every other interval is
/// accepted, however far in a tail: the sampler is exact there (see [`TruncatedStandardNormal`]),
/// which is the point of showing [8σ, 9σ], where clamping a float32 inverse CDF (the usual
/// framework method) would put every weight at exactly 9σ.
/// `interval` describes it to the learner, in the units they typed.
fn check_mass(alpha: f64, beta: f64, interval: impl FnOnce() -> String) -> Result<(), ConfigError> {
    if alpha < beta && TruncatedStandardNormal::new(alpha, beta).log_mass() > f64::NEG_INFINITY {
        return Ok(());
    }
    let field = if beta <= 0.0 { "lo" } else { "hi" };
    Err(ConfigError::new(
        field,
        ErrorText::new("cut.noMass").with("interval", interval()),
    ))
}

/// [lo, hi] (σ units) that no longer has two distinct ends once multiplied by σ.
fn too_narrow_for_sigma(lo: f64, hi: f64, sigma: f64) -> ConfigError {
    let (lo, hi) = show_pair(lo, hi);
    ConfigError::new(
        "hi",
        ErrorText::new("cut.tooNarrow")
            .with("lo", lo)
            .with("hi", hi)
            .with("sigma", show(sigma)),
    )
}

/// The parent σ' whose normal, cut to the absolute interval [lo, hi], has std σ.
///
/// The std after cutting, σ'·s(lo/σ', hi/σ'), grows with σ' from 0 towards the uniform's
/// (hi − lo)/√12 (a very wide normal looks flat on [lo, hi]). Cutting only ever narrows, so
/// σ' = σ is too small: we double σ' until it is large enough, then bisect on ln σ'.
fn parent_sigma_for_absolute_bounds(sigma: f64, lo: f64, hi: f64) -> Result<f64, ConfigError> {
    let std_after_cut =
        |parent: f64| parent * TruncatedStandardNormal::new(lo / parent, hi / parent).std();
    let widest = (hi - lo) / f64::sqrt(12.0);
    let unreachable = || {
        ConfigError::new(
            "hi",
            ErrorText::new("cut.unreachable")
                .with("sigma", show(sigma))
                .with("lo", show(lo))
                .with("hi", show(hi))
                .with("widest", show(widest)),
        )
    };
    if sigma >= widest * (1.0 - REACH_MARGIN) {
        return Err(unreachable());
    }
    let (mut low, mut high) = (sigma, sigma);
    let mut doublings = 0;
    while std_after_cut(high) < sigma {
        if doublings == MAX_DOUBLINGS {
            return Err(unreachable());
        }
        low = high;
        high *= 2.0;
        doublings += 1;
    }
    for _ in 0..BISECTIONS {
        let mid = low * f64::sqrt(high / low);
        if std_after_cut(mid) < sigma {
            low = mid;
        } else {
            high = mid;
        }
    }
    Ok(low * f64::sqrt(high / low))
}

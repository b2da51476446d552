//! The core view's model: one layer's panel, the activation curve g(z) with the histogram of
//! the layer's pre-activations z drawn over it on the same z axis.
//!
//! The z axis is the histogram's own range (the snapshot bins z over
//! [`z_range`](crate::stats::z_range), widened to wherever z went); the g axis fits the curve
//! with a small margin. The histogram is not a density here: its tallest bar reaches
//! [`BAR_REACH`] of the g axis, so only the *shape* of the spread of z is read against the
//! curve. The flat tails, where g′(z) is below 1 % of its largest value (the same test the
//! statistics use for "saturated"), are found by scanning the curve and shaded.

use super::{pad, span, Bar};
use crate::activation::Activation;
use crate::stats::{z_range, Histogram};

/// Points on each drawn curve (plus 0, ReLU's kink, when inside the range).
pub const SAMPLES: usize = 200;
/// The tallest histogram bar reaches this share of the panel's height.
pub const BAR_REACH: f64 = 0.9;
/// Room above and below the curve, as a share of its height.
pub const MARGIN: f64 = 0.06;

/// Everything one panel draws, in (z, g) units.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivationPanel {
    pub z_range: (f64, f64),
    pub g_range: (f64, f64),
    /// (z, g(z)) over `z_range`.
    pub curve: Vec<(f64, f64)>,
    /// The z intervals where g is saturated, to shade over the whole g range.
    pub saturated: Vec<(f64, f64)>,
    /// The histogram of z, its bars standing on the bottom of the g axis.
    pub bars: Vec<Bar>,
    /// Whether z is known: false for a diverged run (no finite z), which draws no bars.
    pub known: bool,
}

impl ActivationPanel {
    /// The panel of `act` over `hist`, the histogram of z; `z_std` is std(z) (not finite
    /// after a diverged run).
    pub fn new(act: Activation, hist: &Histogram, z_std: f64) -> ActivationPanel {
        let zs = span(hist.lo, hist.hi, z_range(act));
        let curve: Vec<(f64, f64)> = samples(zs).map(|z| (z, act.apply(z))).collect();
        let (g_lo, g_hi) = curve
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &(_, g)| {
                (lo.min(g), hi.max(g))
            });
        let gs = pad(span(g_lo, g_hi, (0.0, 1.0)), MARGIN);
        let most = hist.counts.iter().copied().max().unwrap_or(0);
        let known = most > 0 && z_std.is_finite() && hist.lo.is_finite() && hist.hi.is_finite();
        ActivationPanel {
            z_range: zs,
            g_range: gs,
            saturated: saturated_intervals(act, zs),
            curve,
            bars: if known {
                bars(hist, gs, most)
            } else {
                Vec::new()
            },
            known,
        }
    }
}

/// The non-empty bins of `hist` standing on `gs.0`, the tallest (`most`) reaching
/// [`BAR_REACH`] of `gs`; `height` is the top of the bar on the g axis.
fn bars(hist: &Histogram, gs: (f64, f64), most: u32) -> Vec<Bar> {
    let bin = (hist.hi - hist.lo) / hist.counts.len() as f64;
    let scale = BAR_REACH * (gs.1 - gs.0) / f64::from(most);
    hist.counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(k, &n)| {
            let left = hist.lo + k as f64 * bin;
            Bar {
                lo: left,
                hi: left + bin,
                height: gs.0 + f64::from(n) * scale,
            }
        })
        .collect()
}

/// `SAMPLES` evenly spaced points over `(lo, hi)`, plus 0 if inside (ReLU's kink), in order.
pub fn samples((lo, hi): (f64, f64)) -> impl Iterator<Item = f64> {
    let kink = (lo < 0.0 && hi > 0.0).then_some(0.0);
    super::grid_with(lo, hi, SAMPLES, kink).into_iter()
}

/// The z intervals within `(lo, hi)` where `act` counts as saturated (g′ below 1 % of
/// its largest value, the same test the statistics use), found by scanning.
pub fn saturated_intervals(act: Activation, zs: (f64, f64)) -> Vec<(f64, f64)> {
    let mut intervals = Vec::new();
    let mut start: Option<f64> = None;
    let mut last = zs.0;
    for z in samples(zs) {
        match (act.is_saturated(z, act.apply(z)), start) {
            (true, None) => start = Some(z),
            (false, Some(s)) => {
                intervals.push((s, last));
                start = None;
            }
            _ => {}
        }
        last = z;
    }
    if let Some(s) = start {
        intervals.push((s, zs.1));
    }
    intervals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn histogram(lo: f64, hi: f64, zs: &[f64]) -> Histogram {
        let mut hist = Histogram::new(lo, hi);
        zs.iter().for_each(|&z| hist.add(z));
        hist
    }

    #[test]
    fn the_tallest_bar_reaches_ninety_percent_and_bars_tile_the_z_axis() {
        let zs: Vec<f64> = (0..1000)
            .map(|k| (k as f64 / 100.0 - 5.0).sin() * 3.0)
            .collect();
        let hist = histogram(-5.0, 5.0, &zs);
        let panel = ActivationPanel::new(Activation::Tanh, &hist, 2.0);
        assert!(panel.known);
        let (g0, g1) = panel.g_range;
        let top = panel.bars.iter().map(|b| b.height).fold(f64::MIN, f64::max);
        assert!((top - (g0 + BAR_REACH * (g1 - g0))).abs() < 1e-12);
        for b in &panel.bars {
            assert!(b.lo < b.hi && b.height > g0 && b.height <= top);
            assert!(b.lo >= panel.z_range.0 - 1e-12 && b.hi <= panel.z_range.1 + 1e-12);
        }
    }

    #[test]
    fn the_g_axis_holds_the_curve_with_a_margin() {
        let hist = histogram(-10.0, 10.0, &[0.0]);
        let panel = ActivationPanel::new(Activation::Sigmoid, &hist, 0.0);
        let (g0, g1) = panel.g_range;
        assert!(panel.curve.iter().all(|&(_, g)| g0 < g && g < g1));
        assert_eq!(
            panel.curve.len(),
            SAMPLES + 2,
            "0 is added, inside the range"
        );
        assert!(panel.curve.windows(2).all(|p| p[0].0 <= p[1].0), "in order");
    }

    #[test]
    fn tanh_saturates_in_both_tails_and_relu_only_on_the_left() {
        let tanh = saturated_intervals(Activation::Tanh, (-5.0, 5.0));
        assert_eq!(tanh.len(), 2, "{tanh:?}");
        assert_eq!(tanh[0].0, -5.0);
        assert_eq!(tanh[1].1, 5.0);
        assert!((tanh[0].1 + tanh[1].0).abs() < 0.1, "symmetric: {tanh:?}");
        let relu = saturated_intervals(Activation::Relu, (-5.0, 5.0));
        assert_eq!(relu.len(), 1);
        assert!(
            relu[0].0 == -5.0 && relu[0].1 <= 0.0 && relu[0].1 > -0.1,
            "{relu:?}"
        );
        assert!(saturated_intervals(Activation::Linear, (-5.0, 5.0)).is_empty());
    }

    #[test]
    fn a_diverged_layer_draws_the_curve_but_no_bars() {
        let mut hist = histogram(-5.0, 5.0, &[0.1, 0.2]);
        let panel = ActivationPanel::new(Activation::Tanh, &hist, f64::NAN);
        assert!(!panel.known && panel.bars.is_empty());
        hist.lo = f64::NEG_INFINITY;
        let panel = ActivationPanel::new(Activation::Tanh, &hist, 1.0);
        assert!(!panel.known);
        assert_eq!(
            panel.z_range,
            z_range(Activation::Tanh),
            "the fallback range"
        );
        assert!(!panel.curve.is_empty());
    }
}

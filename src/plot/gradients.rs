//! The gradient chart's model: for each layer, the histogram of log₁₀ |∂L/∂w| over its
//! weights, and how many of those gradients are exactly 0.
//!
//! Beside the histograms of z, these show the other half of the story: where z sits in the
//! flat tails of tanh or sigmoid, the gradients reaching the layers below shift left by
//! decades (vanishing); with zero init every hidden gradient is exactly 0, which no log axis
//! can show, so the panel says it in words instead. All panels share one x range, so a shift
//! from layer to layer reads directly.
//!
//! The counts come from the engine's [`LayerStats::grad_hist`] (bins of log₁₀ |g| on
//! [`GRAD_LOG10_RANGE`], anything beyond it in the edge bins) and `grad_zeros`.

use super::{decades, power_of_ten, Bar};
use crate::stats::{LayerStats, GRAD_LOG10_RANGE};

/// What the panel of one layer shows.
#[derive(Clone, Debug, PartialEq)]
pub struct GradPanel {
    pub name: String,
    /// Weights of the layer (fan_in × fan_out).
    pub weights: usize,
    /// Of them, gradients exactly 0, and gradients that are not numbers (a diverged run).
    pub zeros: usize,
    pub not_finite: usize,
    /// The non-empty bins: (log₁₀ |g| from, to, count).
    pub bars: Vec<(f64, f64, u32)>,
    /// The tallest bar's count.
    pub most: u32,
    /// The norm of the layer's whole gradient (weights and biases).
    pub norm: f64,
}

/// What a panel says about its exact zeros.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zeros {
    /// No gradient is exactly 0.
    None,
    /// `k` of `of` are.
    Some { k: usize, of: usize },
    /// Every one of `of` is: nothing is learnt in this layer.
    All { of: usize },
}

impl GradPanel {
    pub fn from_layer(layer: &LayerStats) -> GradPanel {
        let hist = &layer.grad_hist;
        let weights = layer.fan_in * layer.fan_out;
        let counted = hist.total() as usize + layer.grad_zeros;
        let bin = (hist.hi - hist.lo) / hist.counts.len().max(1) as f64;
        let bars: Vec<(f64, f64, u32)> = hist
            .counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(k, &c)| {
                let from = hist.lo + k as f64 * bin;
                (from, from + bin, c)
            })
            .filter(|(a, b, _)| a.is_finite() && b.is_finite())
            .collect();
        GradPanel {
            name: layer.name.clone(),
            weights,
            zeros: layer.grad_zeros,
            not_finite: weights.saturating_sub(counted),
            most: bars.iter().map(|b| b.2).max().unwrap_or(0),
            bars,
            norm: layer.grad_norm,
        }
    }

    /// The top of the panel's count axis: room above the tallest bar (1 when none).
    pub fn top(&self) -> f64 {
        f64::from(self.most.max(1)) * 1.15
    }

    pub fn zeros(&self) -> Zeros {
        match self.zeros {
            0 => Zeros::None,
            k if k >= self.weights => Zeros::All { of: self.weights },
            k => Zeros::Some {
                k,
                of: self.weights,
            },
        }
    }
}

/// The panels of every layer, and the x range they share.
#[derive(Clone, Debug, PartialEq)]
pub struct GradientsModel {
    pub panels: Vec<GradPanel>,
    /// log₁₀ |g| shown: whole decades around every non-empty bin of every layer (at least
    /// three decades), within [`GRAD_LOG10_RANGE`]; the whole range when nothing is binned.
    pub range: (f64, f64),
}

impl GradientsModel {
    pub fn new(layers: &[LayerStats]) -> GradientsModel {
        let panels: Vec<GradPanel> = layers.iter().map(GradPanel::from_layer).collect();
        let bars = || panels.iter().flat_map(|p| p.bars.iter());
        let lo = bars().map(|b| b.0).fold(f64::INFINITY, f64::min);
        let hi = bars().map(|b| b.1).fold(f64::NEG_INFINITY, f64::max);
        let (min, max) = GRAD_LOG10_RANGE;
        let range = if lo.is_finite() && hi.is_finite() {
            let (mut a, mut b) = ((lo - 0.5).floor().max(min), (hi + 0.5).ceil().min(max));
            while b - a < 3.0 {
                (a, b) = ((a - 1.0).max(min), (b + 1.0).min(max));
            }
            (a, b)
        } else {
            (min, max)
        };
        GradientsModel { panels, range }
    }

    /// `panel`'s bars as drawn: a small gap on each side, kept inside the shared range.
    pub fn drawn_bars(&self, panel: &GradPanel) -> Vec<Bar> {
        let (lo, hi) = self.range;
        panel
            .bars
            .iter()
            .map(|&(a, b, n)| {
                let gap = 0.04 * (b - a);
                Bar {
                    lo: (a + gap).max(lo),
                    hi: (b - gap).min(hi),
                    height: f64::from(n),
                }
            })
            .collect()
    }

    /// The decades labelled on a panel's x axis, at most `most` of them.
    pub fn ticks(&self, most: usize) -> Vec<(i32, String)> {
        decades(self.range.0, self.range.1, most)
            .into_iter()
            .map(|k| (k, power_of_ten(k)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Histogram;

    fn layer(grads: &[f64], fan_in: usize, fan_out: usize) -> LayerStats {
        let (lo, hi) = GRAD_LOG10_RANGE;
        let mut grad_hist = Histogram::new(lo, hi);
        let mut zeros = 0;
        for &g in grads {
            if g == 0.0 {
                zeros += 1;
            } else {
                grad_hist.add(libm::log10(g.abs()));
            }
        }
        let h = || Histogram::new(0.0, 1.0);
        LayerStats {
            name: "hidden 1".to_string(),
            activation: "tanh".to_string(),
            fan_in,
            fan_out,
            size: fan_out,
            sigma_requested: 0.0,
            sigma_used: 0.0,
            mean_actual: 0.0,
            std_actual: 0.0,
            z_mean: 0.0,
            z_std: 0.0,
            z_std_predicted: 0.0,
            w_var: 0.0,
            a_in_sq: 0.0,
            delta_std: 0.0,
            saturated: 0.0,
            dead: 0.0,
            distinct_units: 1,
            grad_norm: 0.0,
            z_hist: h(),
            a_hist: h(),
            w_hist: h(),
            w_max_abs_sigmas: 0.0,
            grad_hist,
            grad_zeros: zeros,
            sum_gap: 0.0,
            nonzero_since: None,
            mass_log10: 0.0,
            lsuv: None,
        }
    }

    #[test]
    fn zero_init_says_every_gradient_is_exactly_zero() {
        let model = GradientsModel::new(&[layer(&[0.0; 16], 2, 8)]);
        let panel = &model.panels[0];
        assert_eq!(panel.zeros(), Zeros::All { of: 16 });
        assert!(panel.bars.is_empty());
        assert_eq!(
            model.range, GRAD_LOG10_RANGE,
            "nothing binned: the whole range"
        );
    }

    #[test]
    fn bars_sit_at_their_decades_and_the_range_hugs_them() {
        let grads = [1e-3, 2e-3, -1e-3, 0.0, 5e-2, 1e-6];
        let model = GradientsModel::new(&[layer(&grads, 2, 3)]);
        let panel = &model.panels[0];
        assert_eq!(panel.zeros(), Zeros::Some { k: 1, of: 6 });
        assert_eq!(panel.not_finite, 0);
        assert_eq!(panel.bars.iter().map(|b| b.2).sum::<u32>(), 5);
        assert_eq!(panel.most, 2, "1e-3 twice (its sign is dropped)");
        for &(a, b, _) in &panel.bars {
            assert!(b > a && a >= -12.0 && b <= 2.0);
        }
        let (lo, hi) = model.range;
        assert!(
            (-7.0..=-6.0).contains(&lo) && (-1.0..=0.0).contains(&hi),
            "{lo} … {hi}"
        );
        let ticks = model.ticks(10);
        assert!(ticks.iter().any(|(k, label)| *k == -3 && label == "10⁻³"));
    }

    #[test]
    fn nan_gradients_of_a_diverged_run_are_counted_as_not_finite() {
        let panel = GradPanel::from_layer(&layer(&[f64::NAN, f64::NAN, 1e-2, 0.0], 2, 2));
        assert_eq!((panel.not_finite, panel.zeros), (2, 1));
    }

    #[test]
    fn drawn_bars_stay_inside_the_range_apart_and_under_the_top() {
        let grads = [1e-14, 1e-3, 2e-3, 5e-2, 1e3];
        let model = GradientsModel::new(&[layer(&grads, 1, 5)]);
        let panel = &model.panels[0];
        let bars = model.drawn_bars(panel);
        assert_eq!(bars.len(), panel.bars.len());
        let (lo, hi) = model.range;
        for (drawn, &(a, b, n)) in bars.iter().zip(&panel.bars) {
            assert!(drawn.lo >= lo && drawn.hi <= hi, "{drawn:?}");
            assert!(drawn.lo >= a && drawn.hi <= b, "within its bin");
            assert!(drawn.height == f64::from(n) && drawn.height < panel.top());
        }
        assert!(
            bars.windows(2).all(|w| w[0].hi < w[1].lo),
            "a gap between bars"
        );
    }

    #[test]
    fn panels_share_one_range_of_at_least_three_decades() {
        let model = GradientsModel::new(&[layer(&[1e-2; 4], 2, 2), layer(&[1e-9; 4], 2, 2)]);
        let (lo, hi) = model.range;
        assert!(lo <= -9.0 && hi >= -2.0);
        let single = GradientsModel::new(&[layer(&[1e-2; 4], 2, 2)]);
        assert!(single.range.1 - single.range.0 >= 3.0);
    }
}

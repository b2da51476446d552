//! The depth chart's model: "signals and gradients through depth".
//!
//! For each layer (hidden 1 … output) three spreads, on a log axis: the measured std(z) of
//! the pre-activations going up, the std(z) the variance-scaling rule predicts from the layer
//! below, and the std(δ) of the errors coming back down. A good init keeps all three level
//! with depth; too small a σ makes std(z) fall by a constant factor per layer (a straight line
//! down on the log axis) and too large a σ makes it climb, while std(δ) shrinks going back
//! towards the input as tanh and sigmoid units saturate.
//!
//! A log axis cannot show 0 (zero init: every hidden z and δ is exactly 0) or a number that
//! is not finite (a diverged run). Such values are left out, the line breaks there, and the
//! model counts them so that the chart can say why.
//!
//! The model takes one set of layers per *side* (A, and later B of an A/B comparison), so
//! the same chart compares two runs.

use super::{decades, power_of_ten};
use crate::stats::LayerStats;

/// The three spreads drawn for every layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// Measured std(z).
    Z,
    /// std(z) predicted from the layer below.
    ZPredicted,
    /// std(δ), δ = ∂loss/∂z.
    Delta,
}

impl Quantity {
    pub const ALL: [Quantity; 3] = [Quantity::Z, Quantity::ZPredicted, Quantity::Delta];

    pub fn of(self, layer: &LayerStats) -> f64 {
        match self {
            Quantity::Z => layer.z_std,
            Quantity::ZPredicted => layer.z_std_predicted,
            Quantity::Delta => layer.delta_std,
        }
    }
}

/// One quantity of one side: its drawable points as unbroken runs of (layer index, log₁₀ std).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Which side (0 for A, 1 for B, …).
    pub side: usize,
    pub quantity: Quantity,
    pub runs: Vec<Vec<(usize, f64)>>,
}

/// A labelled tick of the log axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where, in log₁₀ std.
    pub log10: f64,
    pub label: String,
    /// A whole decade (a grid line); else 2× or 5× one, shown when the axis spans few decades.
    pub major: bool,
}

/// Everything the depth chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct DepthModel {
    /// The sides' names ("A", "B").
    pub sides: Vec<String>,
    /// The layers' names along x (from the deepest side).
    pub layers: Vec<String>,
    pub lines: Vec<Line>,
    /// The y axis, log₁₀ std: whole decades around every drawn value.
    pub log_range: (f64, f64),
    /// The y axis's labelled ticks.
    pub ticks: Vec<Tick>,
    /// Values left out because they are exactly 0 (or below), or not finite.
    pub zeros: usize,
    pub not_finite: usize,
    /// Values drawn.
    pub drawn: usize,
}

impl DepthModel {
    /// The model of `sides`, each a name and that run's layers (hidden 1 … output), with at
    /// most `most_ticks` labelled decades.
    pub fn new(sides: &[(&str, &[LayerStats])], most_ticks: usize) -> DepthModel {
        let mut model = DepthModel {
            sides: sides.iter().map(|(name, _)| name.to_string()).collect(),
            layers: Vec::new(),
            lines: Vec::new(),
            log_range: (-1.0, 1.0),
            ticks: Vec::new(),
            zeros: 0,
            not_finite: 0,
            drawn: 0,
        };
        if let Some((_, deepest)) = sides.iter().max_by_key(|(_, layers)| layers.len()) {
            model.layers = deepest.iter().map(|l| l.name.clone()).collect();
        }
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for (side, (_, layers)) in sides.iter().enumerate() {
            for quantity in Quantity::ALL {
                let mut runs: Vec<Vec<(usize, f64)>> = Vec::new();
                let mut broken = true;
                for (x, layer) in layers.iter().enumerate() {
                    let v = quantity.of(layer);
                    if !v.is_finite() {
                        model.not_finite += 1;
                        broken = true;
                        continue;
                    }
                    if v <= 0.0 {
                        model.zeros += 1;
                        broken = true;
                        continue;
                    }
                    let y = libm::log10(v);
                    (lo, hi) = (lo.min(y), hi.max(y));
                    if broken {
                        runs.push(Vec::new());
                        broken = false;
                    }
                    runs.last_mut().expect("pushed above").push((x, y));
                    model.drawn += 1;
                }
                model.lines.push(Line {
                    side,
                    quantity,
                    runs,
                });
            }
        }
        if model.drawn > 0 {
            // Whole decades, with a little room above and below the extreme points.
            model.log_range = ((lo - 0.03).floor(), (hi + 0.03).ceil());
        }
        model.ticks = ticks(model.log_range, most_ticks);
        model
    }

    /// The layers (indices) labelled under the x axis: every `every`-th one from the first,
    /// and always the output.
    pub fn labelled_layers(&self, every: usize) -> Vec<usize> {
        let count = self.layers.len();
        let every = every.max(1);
        (0..count)
            .filter(|i| i % every == 0 || i + 1 == count)
            .collect()
    }
}

/// Decades labelled as powers of ten (thinned to at most `most`), and, on an axis of at most
/// two decades, 2× and 5× each decade as plain numbers.
fn ticks((lo, hi): (f64, f64), most: usize) -> Vec<Tick> {
    let mut ticks: Vec<Tick> = decades(lo, hi, most)
        .into_iter()
        .map(|k| Tick {
            log10: f64::from(k),
            label: power_of_ten(k),
            major: true,
        })
        .collect();
    if hi - lo <= 2.0 {
        for k in lo.floor() as i32..=hi.ceil() as i32 {
            for m in [2.0_f64, 5.0] {
                let at = f64::from(k) + libm::log10(m);
                if at > lo && at < hi {
                    let label = if (-3..=3).contains(&k) {
                        let decimals = (-k).max(0) as usize;
                        format!("{:.*}", decimals, m * 10f64.powi(k))
                    } else {
                        format!("{m}·{}", power_of_ten(k))
                    };
                    // In place among the decades (no sort: see `config::table::in_key_order`).
                    let place = ticks.partition_point(|t| t.log10 <= at);
                    let minor = Tick {
                        log10: at,
                        label,
                        major: false,
                    };
                    ticks.insert(place, minor);
                }
            }
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Histogram;

    fn layer(name: &str, z: f64, predicted: f64, delta: f64) -> LayerStats {
        let h = || Histogram::new(0.0, 1.0);
        LayerStats {
            name: name.to_string(),
            activation: "tanh".to_string(),
            fan_in: 8,
            fan_out: 8,
            size: 8,
            sigma_requested: 0.5,
            sigma_used: 0.5,
            mean_actual: 0.0,
            std_actual: 0.5,
            z_mean: 0.0,
            z_std: z,
            z_std_predicted: predicted,
            w_var: 0.0,
            a_in_sq: 0.0,
            delta_std: delta,
            saturated: 0.0,
            dead: 0.0,
            distinct_units: 8,
            grad_norm: 0.1,
            z_hist: h(),
            a_hist: h(),
            w_hist: h(),
            w_max_abs_sigmas: 0.0,
            grad_hist: h(),
            grad_zeros: 0,
            sum_gap: 0.0,
            nonzero_since: None,
            mass_log10: 0.0,
            lsuv: None,
        }
    }

    #[test]
    fn a_shrinking_signal_is_a_straight_line_down_on_the_log_axis() {
        let layers = [
            layer("hidden 1", 1.0, 1.0, 1e-3),
            layer("hidden 2", 0.1, 0.1, 1e-2),
            layer("output", 0.01, 0.01, 1e-1),
        ];
        let model = DepthModel::new(&[("A", &layers)], 8);
        assert_eq!(model.layers, ["hidden 1", "hidden 2", "output"]);
        assert_eq!((model.drawn, model.zeros, model.not_finite), (9, 0, 0));
        let z = &model.lines[0];
        assert_eq!(z.quantity, Quantity::Z);
        assert_eq!(z.runs, vec![vec![(0, 0.0), (1, -1.0), (2, -2.0)]]);
        assert_eq!(model.log_range, (-4.0, 1.0));
        let labels: Vec<&str> = model.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "1", "10"]);
        assert!(model.ticks.iter().all(|t| t.major));
    }

    #[test]
    fn zeros_and_non_finite_values_are_skipped_counted_and_break_the_line() {
        let layers = [
            layer("hidden 1", 0.0, 0.0, 0.0), // zero init: nothing flows
            layer("hidden 2", f64::NAN, 0.5, f64::INFINITY),
            layer("hidden 3", 0.2, 0.0, 0.01),
            layer("output", 0.4, 0.6, 0.25),
        ];
        let model = DepthModel::new(&[("A", &layers)], 8);
        assert_eq!((model.zeros, model.not_finite, model.drawn), (4, 2, 6));
        let runs = |q: Quantity| &model.lines.iter().find(|l| l.quantity == q).unwrap().runs;
        assert_eq!(runs(Quantity::Z).len(), 1);
        assert_eq!(
            runs(Quantity::ZPredicted).len(),
            2,
            "broken at hidden 3's 0"
        );
        assert!(model
            .lines
            .iter()
            .flat_map(|l| l.runs.iter().flatten())
            .all(|&(_, y)| y.is_finite() && y >= model.log_range.0 && y <= model.log_range.1));
        assert!(model.log_range.0.is_finite() && model.log_range.1.is_finite());
    }

    #[test]
    fn an_axis_of_one_decade_gets_ticks_at_two_and_five() {
        let layers = [
            layer("hidden 1", 0.8, 0.75, 0.12),
            layer("output", 0.23, 0.45, 0.5),
        ];
        let model = DepthModel::new(&[("A", &layers)], 8);
        assert_eq!(model.log_range, (-1.0, 0.0));
        let labels: Vec<&str> = model.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["10⁻¹", "0.2", "0.5", "1"]);
        assert!(model.ticks.windows(2).all(|t| t[0].log10 < t[1].log10));
        let tiny = ticks((-6.0, -5.0), 8);
        assert_eq!(tiny[1].label, "2·10⁻⁶");
    }

    #[test]
    fn nothing_drawable_keeps_a_finite_axis() {
        let layers = [
            layer("hidden 1", 0.0, f64::NAN, 0.0),
            layer("output", 0.0, 0.0, 0.0),
        ];
        let model = DepthModel::new(&[("A", &layers)], 8);
        assert_eq!(model.drawn, 0);
        assert_eq!(model.zeros + model.not_finite, 6);
        assert_eq!(model.log_range, (-1.0, 1.0));
        let empty = DepthModel::new(&[], 8);
        assert!(empty.layers.is_empty() && empty.lines.is_empty());
    }

    #[test]
    fn thinned_layer_labels_keep_the_first_and_the_output() {
        let layers: Vec<LayerStats> = (0..7)
            .map(|i| layer(&format!("hidden {i}"), 1.0, 1.0, 1.0))
            .collect();
        let model = DepthModel::new(&[("A", &layers)], 8);
        assert_eq!(model.labelled_layers(1), [0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(model.labelled_layers(3), [0, 3, 6]);
        assert_eq!(
            model.labelled_layers(4),
            [0, 4, 6],
            "the output is always labelled"
        );
        assert_eq!(model.labelled_layers(0), model.labelled_layers(1));
        assert_eq!(model.labelled_layers(100), [0, 6]);
    }

    #[test]
    fn two_sides_get_their_own_lines_over_the_deeper_sides_layers() {
        let a = [
            layer("hidden 1", 1.0, 1.0, 0.1),
            layer("output", 1.0, 1.0, 0.1),
        ];
        let b = [
            layer("hidden 1", 1.0, 1.0, 0.1),
            layer("hidden 2", 2.0, 2.0, 0.1),
            layer("output", 4.0, 4.0, 0.1),
        ];
        let model = DepthModel::new(&[("A", &a), ("B", &b)], 8);
        assert_eq!(model.sides, ["A", "B"]);
        assert_eq!(model.layers.len(), 3);
        assert_eq!(model.lines.len(), 6);
        assert!(model.lines[3..].iter().all(|l| l.side == 1));
        assert_eq!(model.drawn, 15);
    }
}

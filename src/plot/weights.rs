//! The weight chart's model: one layer's weights as a histogram over the density they were
//! drawn from.
//!
//! The bars are a *density* (count ÷ (total · bin width)), so that they sit on the same
//! scale as the pdf and their areas add up to 1. A point mass (zero or constant init) has
//! no density: its bars are *shares* of the weights instead (count ÷ total, adding up to 1),
//! drawn under a spike at the value every weight takes.
//!
//! A truncated normal also shows its parent normal (dashed, out to ±[`PARENT_SIGMAS`] σ) and
//! the cuts, so a learner sees what was cut off. The x axis holds every bar, every finite cut
//! and the densities wherever they are visible, with their far tails trimmed.

use super::{pad, span, Bar};
use crate::init::Distribution;
use crate::stats::Histogram;

/// Points on each drawn density (plus the exact edges of a bounded one).
pub const SAMPLES: usize = 300;
/// How far the parent normal of a truncated normal is drawn, in its σ.
pub const PARENT_SIGMAS: f64 = 4.0;
/// A density's tail is trimmed where it falls below this share of the tallest density.
pub const VISIBLE: f64 = 0.003;
/// Room left on each side of the x axis, as a share of its width.
pub const MARGIN: f64 = 0.05;
/// Room above the tallest bar or density, as a factor of its height.
pub const HEADROOM: f64 = 1.35;

/// A legend entry, in the order the chart lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// The histogram of the sampled weights.
    Sampled,
    /// The parent normal of a truncated normal.
    Parent,
    /// The density the weights were drawn from.
    Density,
    /// A truncated normal's cuts.
    Cut,
}

/// Everything the weight chart draws, in weight units.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightsModel {
    /// The value every weight takes, for a zero or constant init: bars are shares, not a density.
    pub point: Option<f64>,
    /// The non-empty bins: a density (or for a point mass a share) over weights.
    pub bars: Vec<Bar>,
    /// Weights counted by the histogram (0 when none is finite).
    pub total: u64,
    /// The x axis (weights) and the y axis (density, or share).
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    /// The density over `x_range`, as (w, pdf(w)); empty for a point mass.
    pub density: Vec<(f64, f64)>,
    /// The parent normal's density over `x_range`; empty unless truncated.
    pub parent: Vec<(f64, f64)>,
    /// Where a truncated normal is cut (its finite bounds only).
    pub cuts: Vec<f64>,
    pub legend: Vec<Entry>,
}

impl WeightsModel {
    /// The chart of the weights counted in `hist`, drawn from `dist`.
    pub fn new(hist: &Histogram, dist: Distribution) -> WeightsModel {
        let point = dist.point_mass();
        let bars = bars(hist, point.is_some());
        let parent = match dist {
            Distribution::TruncatedNormal { std, .. } => Some(Distribution::Normal { std }),
            _ => None,
        };
        let x_range = pad(x_range(hist, dist, parent, &bars), MARGIN);
        let density = match point {
            Some(_) => Vec::new(),
            None => sampled(&dist, x_range),
        };
        let peak = bars
            .iter()
            .map(|b| b.height)
            .chain(density.iter().map(|p| p.1))
            .fold(0.0, f64::max);
        let top = if point.is_some() { 1.0 } else { peak };
        let cuts = match dist {
            Distribution::TruncatedNormal { lo, hi, .. } => vec![lo, hi],
            _ => Vec::new(),
        };
        let mut legend = vec![Entry::Sampled];
        legend.extend(parent.map(|_| Entry::Parent));
        legend.extend(point.is_none().then_some(Entry::Density));
        legend.extend(parent.map(|_| Entry::Cut));
        WeightsModel {
            point,
            bars,
            total: hist.total(),
            x_range,
            y_range: span(0.0, top * HEADROOM, (0.0, 1.0)),
            density,
            parent: parent.map(|p| sampled(&p, x_range)).unwrap_or_default(),
            cuts: cuts.into_iter().filter(|x| x.is_finite()).collect(),
            legend,
        }
    }
}

/// The non-empty bins of `hist` as bars: a density, or for a point mass (`shares`) a share
/// of the weights. None when nothing was counted or the bins have no width.
pub fn bars(hist: &Histogram, shares: bool) -> Vec<Bar> {
    let total = hist.total() as f64;
    let bin = (hist.hi - hist.lo) / hist.counts.len().max(1) as f64;
    let per_count = if shares {
        1.0 / total
    } else {
        1.0 / (total * bin)
    };
    hist.counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0 && total > 0.0 && bin > 0.0)
        .map(|(k, &n)| Bar {
            lo: hist.lo + k as f64 * bin,
            hi: hist.lo + (k + 1) as f64 * bin,
            height: f64::from(n) * per_count,
        })
        .collect()
}

/// `d`'s density sampled over `xs`, with exact vertical edges where a bounded one jumps to 0;
/// points where it is not finite are left out.
pub fn sampled(d: &Distribution, xs: (f64, f64)) -> Vec<(f64, f64)> {
    let (lo, hi) = d.support();
    let step = (xs.1 - xs.0) / SAMPLES as f64;
    let edges = [lo - 1e-9 * step, lo, hi, hi + 1e-9 * step];
    let points = super::grid_with(xs.0, xs.1, SAMPLES, edges);
    let values = points.into_iter().map(|x| (x, d.pdf(x)));
    values.filter(|p| p.1.is_finite()).collect()
}

/// The x axis before its margin: the support and the histogram (and the parent normal out to
/// ±[`PARENT_SIGMAS`] σ), then, for a density, trimmed to where anything is visible, keeping
/// every bar and every cut.
fn x_range(
    hist: &Histogram,
    dist: Distribution,
    parent: Option<Distribution>,
    bars: &[Bar],
) -> (f64, f64) {
    let support = dist.support();
    let mut xs = span(support.0.min(hist.lo), support.1.max(hist.hi), (-1.0, 1.0));
    if let Some(Distribution::Normal { std }) = parent {
        let reach = PARENT_SIGMAS * std;
        xs = span(xs.0.min(-reach), xs.1.max(reach), xs);
    }
    if dist.point_mass().is_some() {
        return xs;
    }
    // Trim the far tails, where neither the bars nor the densities show anything.
    let mut seen: Vec<(f64, f64)> = sampled(&dist, xs);
    seen.extend(parent.map(|p| sampled(&p, xs)).unwrap_or_default());
    let top = seen.iter().map(|p| p.1).fold(0.0, f64::max);
    let visible = seen.iter().filter(|p| p.1 > VISIBLE * top).map(|p| p.0);
    let cuts = [support.0, support.1]
        .into_iter()
        .filter(|_| parent.is_some());
    let edges = bars.iter().flat_map(|b| [b.lo, b.hi]);
    let (lo, hi) = visible
        .chain(cuts)
        .chain(edges)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
    span(lo, hi, xs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    /// `n` weights drawn from `dist` (seed 7), counted as the snapshot counts them: over the
    /// support, widened to every finite weight.
    fn histogram(dist: Distribution, n: usize) -> Histogram {
        let mut weights = vec![0.0; n];
        dist.fill(&mut Rng::seed_from(7), &mut weights);
        let (lo, hi) = weights
            .iter()
            .fold(dist.support(), |(lo, hi), &w| (lo.min(w), hi.max(w)));
        let mut hist = Histogram::new(lo, hi);
        weights.iter().for_each(|&w| hist.add(w));
        hist
    }

    fn area(bars: &[Bar]) -> f64 {
        bars.iter().map(|b| (b.hi - b.lo) * b.height).sum()
    }

    fn holds(range: (f64, f64), x: f64) -> bool {
        range.0 <= x && x <= range.1
    }

    #[test]
    fn density_bars_integrate_to_one() {
        for dist in [
            Distribution::Normal { std: 0.3 },
            Distribution::Uniform { lo: -0.5, hi: 0.5 },
            Distribution::TruncatedNormal {
                std: 1.0,
                lo: -2.0,
                hi: 2.0,
            },
        ] {
            let model = WeightsModel::new(&histogram(dist, 5000), dist);
            assert_eq!(model.point, None);
            assert!((area(&model.bars) - 1.0).abs() < 1e-9, "{dist:?}");
            assert!(!model.density.is_empty() && model.legend.contains(&Entry::Density));
        }
    }

    #[test]
    fn a_point_mass_has_shares_summing_to_one_and_no_density() {
        for (dist, c) in [
            (Distribution::Zeros, 0.0),
            (Distribution::Constant(0.25), 0.25),
        ] {
            let model = WeightsModel::new(&histogram(dist, 64), dist);
            assert_eq!(model.point, Some(c));
            let shares: f64 = model.bars.iter().map(|b| b.height).sum();
            assert!((shares - 1.0).abs() < 1e-12, "{dist:?}: {shares}");
            assert!(model.density.is_empty() && model.parent.is_empty());
            assert_eq!(model.legend, [Entry::Sampled]);
            assert!(holds(model.x_range, c));
            assert_eq!(model.y_range, (0.0, HEADROOM), "a share of 1 fits");
        }
    }

    #[test]
    fn the_x_range_holds_every_bar_and_the_cut_bounds() {
        let dist = Distribution::TruncatedNormal {
            std: 0.5,
            lo: -0.2,
            hi: 5.0,
        };
        let model = WeightsModel::new(&histogram(dist, 2000), dist);
        for b in &model.bars {
            assert!(
                holds(model.x_range, b.lo) && holds(model.x_range, b.hi),
                "{b:?}"
            );
        }
        assert_eq!(model.cuts, [-0.2, 5.0]);
        assert!(model.cuts.iter().all(|&c| holds(model.x_range, c)));
        assert_eq!(
            model.legend,
            [Entry::Sampled, Entry::Parent, Entry::Density, Entry::Cut]
        );
        let top = model.bars.iter().map(|b| b.height).fold(0.0, f64::max);
        assert!(model.y_range.1 >= top, "the tallest bar fits");
    }

    #[test]
    fn far_tails_are_trimmed_but_the_parent_normal_shows_past_the_cuts() {
        // Weights far out on one side widen the histogram; the normal's tails are trimmed.
        let dist = Distribution::Normal { std: 0.1 };
        let mut hist = Histogram::new(-5.0, 5.0);
        hist.add(0.0);
        let model = WeightsModel::new(&hist, dist);
        let (lo, hi) = model.x_range;
        assert!(lo > -5.0 && hi < 5.0, "trimmed: {:?}", model.x_range);
        // A truncated normal cut at ±0.05σ still shows its parent normal out to where it
        // is visible (beyond 2σ), far past the cuts.
        let cut = Distribution::TruncatedNormal {
            std: 1.0,
            lo: -0.05,
            hi: 0.05,
        };
        let model = WeightsModel::new(&histogram(cut, 1000), cut);
        assert!(
            model.x_range.0 < -2.0 && model.x_range.1 > 2.0,
            "{:?}",
            model.x_range
        );
        assert!(model.parent.len() > SAMPLES);
    }

    #[test]
    fn a_density_has_exact_edges_where_a_bounded_one_jumps_to_zero() {
        let d = Distribution::Uniform { lo: -1.0, hi: 1.0 };
        let points = sampled(&d, (-2.0, 2.0));
        assert!(points.windows(2).all(|p| p[0].0 <= p[1].0), "in order");
        assert!(points.contains(&(-1.0, 0.5)) && points.contains(&(1.0, 0.5)));
        assert!(points
            .iter()
            .any(|&(x, y)| x > 1.0 && x < 1.0 + 1e-6 && y == 0.0));
    }

    #[test]
    fn no_finite_weight_draws_no_bars_on_finite_axes() {
        let mut hist = Histogram::new(-1.0, 1.0);
        hist.add(f64::NAN);
        let model = WeightsModel::new(&hist, Distribution::Normal { std: 0.5 });
        assert_eq!(model.total, 0);
        assert!(model.bars.is_empty());
        let (x, y) = (model.x_range, model.y_range);
        assert!(x.0.is_finite() && x.1.is_finite() && x.0 < x.1);
        assert!(y.0.is_finite() && y.1.is_finite() && y.0 < y.1);
    }
}

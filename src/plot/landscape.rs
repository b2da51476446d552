//! The loss-landscape chart's model: how each cell of a [`Landscape`] is coloured, where the
//! contour lines run, what the colour bar says, and where the current and the lowest points are.
//!
//! The heatmap maps the loss to viridis, dark for low loss and light for high. When the finite
//! losses span [`LOG_SCALE_RATIO`] or more (two decades: a trained network's valley floor
//! against its walls), the scale is logarithmic, and the contours are spaced evenly in log₁₀ L;
//! otherwise both are linear. The contour lines are computed in the scale's own units, so they
//! sit where the colours change.

use super::colour::viridis_fast;
use super::contour::{segments, Field, Segment};
use super::{decades, nice_ticks, power_of_ten};
use crate::landscape::Landscape;

/// The loss ratio (largest ÷ smallest finite loss) from which the colour scale is logarithmic.
pub const LOG_SCALE_RATIO: f64 = 100.0;
/// About this many contour levels (round values of the scale inside its range).
pub const LEVELS: usize = 10;
/// About this many labelled ticks on the colour bar.
pub const BAR_TICKS: usize = 5;

/// How loss maps onto the colour scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear,
    /// By log₁₀ L.
    Log,
}

/// One contour line: all its segments, in (α, β).
#[derive(Clone, Debug, PartialEq)]
pub struct Contour {
    /// The loss along the line.
    pub loss: f64,
    /// Its position on the colour scale, 0 … 1.
    pub t: f64,
    pub segments: Vec<Segment>,
}

/// A labelled tick of the colour bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position along the bar, 0 … 1.
    pub t: f64,
    pub label: String,
}

/// Everything the landscape chart draws, in (α, β) and on the 0 … 1 colour scale.
#[derive(Clone, Debug, PartialEq)]
pub struct LandscapeView {
    /// Grid points per side, and the α, β of each (the same list for both axes).
    pub n: usize,
    pub span: f64,
    pub coords: Vec<f64>,
    pub scale: Scale,
    /// The scale's value (L, or log₁₀ L) at the colour bar's ends.
    pub range: (f64, f64),
    /// Every finite loss is the same (within rounding): one colour, no contours.
    pub flat: bool,
    pub contours: Vec<Contour>,
    pub ticks: Vec<Tick>,
    /// Cells holding a finite loss; cells evaluated so far (of `n²`).
    pub finite: usize,
    pub filled: usize,
    /// The loss at the current weights (α = β = 0).
    pub center_loss: f64,
    /// The lowest finite loss in view and where, (α, β, L); the current point on a tie.
    pub lowest: Option<(f64, f64, f64)>,
}

/// The α (and β) of each of `n` ≥ 2 grid points per side, evenly from −span to +span.
fn coords(n: usize, span: f64) -> Vec<f64> {
    let last = (n - 1) as f64;
    (0..n)
        .map(|k| span * ((2 * k) as f64 - last) / last)
        .collect()
}

impl LandscapeView {
    pub fn new(grid: &Landscape) -> LandscapeView {
        let n = grid.n;
        let whole = n >= 2 && grid.loss.len() == n * n;
        let coords = if whole {
            coords(n, grid.span)
        } else {
            Vec::new()
        };
        let finite_losses = || grid.loss.iter().copied().filter(|l| l.is_finite());
        let (lo, hi) = finite_losses().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), l| {
            (lo.min(l), hi.max(l))
        });
        let finite = if whole { finite_losses().count() } else { 0 };
        let scale = if lo > 0.0 && hi / lo >= LOG_SCALE_RATIO {
            Scale::Log
        } else {
            Scale::Linear
        };
        let to_scale = |l: f64| match scale {
            Scale::Linear => l,
            Scale::Log => libm::log10(l),
        };
        let (a, b) = if finite > 0 {
            (to_scale(lo), to_scale(hi))
        } else {
            (0.0, 1.0)
        };
        let flat = finite > 0 && (b - a) <= 1e-12 * a.abs().max(b.abs()).max(1e-300);
        let range = if flat { (a - 0.5, b + 0.5) } else { (a, b) };
        let mut view = LandscapeView {
            n,
            span: grid.span,
            coords,
            scale,
            range,
            flat,
            contours: Vec::new(),
            ticks: Vec::new(),
            finite,
            filled: grid.filled,
            center_loss: grid.center_loss,
            lowest: None,
        };
        if finite == 0 {
            return view;
        }
        view.ticks = view.bar_ticks();
        view.lowest = view.lowest_point(grid);
        if !flat {
            view.contours = view.contour_lines(grid);
        }
        view
    }

    /// The contour lines of `grid` at round values of the scale strictly inside its range.
    fn contour_lines(&self, grid: &Landscape) -> Vec<Contour> {
        let range = self.range;
        let values: Vec<f64> = grid.loss.iter().map(|&l| self.to_scale(l)).collect();
        let field = Field {
            values: &values,
            xs: &self.coords,
            ys: &self.coords,
        };
        nice_ticks(range.0, range.1, LEVELS)
            .into_iter()
            .filter(|&v| v > range.0 && v < range.1)
            .map(|v| Contour {
                loss: self.loss_at(v),
                t: (v - range.0) / (range.1 - range.0),
                segments: segments(field, v),
            })
            .collect()
    }

    /// L, or log₁₀ L, as the scale measures it (NaN where L cannot be placed).
    fn to_scale(&self, loss: f64) -> f64 {
        match self.scale {
            Scale::Linear => loss,
            Scale::Log if loss > 0.0 => libm::log10(loss),
            Scale::Log => f64::NAN,
        }
    }

    fn loss_at(&self, v: f64) -> f64 {
        match self.scale {
            Scale::Linear => v,
            Scale::Log => libm::pow(10.0, v),
        }
    }

    /// Where `loss` sits on the colour scale, 0 … 1 (clamped); NaN for a loss with no place.
    pub fn position(&self, loss: f64) -> f64 {
        let v = self.to_scale(loss);
        if !v.is_finite() {
            return f64::NAN;
        }
        ((v - self.range.0) / (self.range.1 - self.range.0)).clamp(0.0, 1.0)
    }

    /// The colour of a cell holding `loss` (grey where it is not a number or not computed).
    pub fn colour(&self, loss: f64) -> [u8; 3] {
        viridis_fast(self.position(loss))
    }

    /// The grid as an `n × n` RGBA image, top row first (β = +span at the top, as on the chart).
    pub fn image(&self, grid: &Landscape) -> Vec<u8> {
        let mut rgba = Vec::with_capacity(grid.loss.len() * 4);
        for row in grid.loss.chunks(self.n.max(1)).rev() {
            for &loss in row {
                let [r, g, b] = self.colour(loss);
                rgba.extend([r, g, b, 255]);
            }
        }
        rgba
    }

    /// Round values along the colour bar: decades (10⁻², 10⁻¹, …) on a log scale.
    fn bar_ticks(&self) -> Vec<Tick> {
        let (lo, hi) = self.range;
        let at = |v: f64| (v - lo) / (hi - lo);
        match self.scale {
            Scale::Log => decades(lo, hi, BAR_TICKS + 1)
                .into_iter()
                .map(|k| Tick {
                    t: at(f64::from(k)),
                    label: power_of_ten(k),
                })
                .collect(),
            Scale::Linear => {
                let values = nice_ticks(lo, hi, BAR_TICKS);
                let step = match values.as_slice() {
                    [a, b, ..] => b - a,
                    _ => hi - lo,
                };
                let decimals = (-libm::log10(step).floor()).max(0.0) as usize;
                values
                    .into_iter()
                    .map(|v| Tick {
                        t: at(v),
                        label: format!("{:.*}", decimals, if v == 0.0 { 0.0 } else { v }),
                    })
                    .collect()
            }
        }
    }

    /// The cell with the lowest finite loss, or the current point if it is as low.
    fn lowest_point(&self, grid: &Landscape) -> Option<(f64, f64, f64)> {
        let n = self.n;
        let (k, loss) = grid
            .loss
            .iter()
            .enumerate()
            .filter(|(_, l)| l.is_finite())
            .min_by(|a, b| a.1.total_cmp(b.1))?;
        if self.center_loss.is_finite() && self.center_loss <= *loss {
            return Some((0.0, 0.0, self.center_loss));
        }
        Some((self.coords[k % n], self.coords[k / n], *loss))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A landscape of `f(α, β)` on an n × n grid over [−span, span]².
    fn grid(n: usize, span: f64, f: impl Fn(f64, f64) -> f64) -> Landscape {
        let c = |k: usize| span * ((2 * k) as f64 - (n - 1) as f64) / (n - 1) as f64;
        let loss = (0..n * n).map(|k| f(c(k % n), c(k / n))).collect();
        Landscape {
            n,
            span,
            plane: Default::default(),
            center_loss: f(0.0, 0.0),
            loss,
            filled: n * n,
        }
    }

    #[test]
    fn a_bowl_has_a_linear_scale_circular_contours_and_its_lowest_point_at_the_centre() {
        let view = LandscapeView::new(&grid(41, 1.0, |a, b| 0.5 + a * a + b * b));
        assert_eq!(view.scale, Scale::Linear);
        assert_eq!(view.range, (0.5, 2.5));
        assert!(!view.flat);
        assert!(view.contours.len() >= 4, "{} levels", view.contours.len());
        for contour in &view.contours {
            assert!(contour.t > 0.0 && contour.t < 1.0);
            let r = (contour.loss - 0.5).sqrt();
            for &(a, b) in contour.segments.iter().flatten() {
                assert!(
                    ((a * a + b * b).sqrt() - r).abs() < 3e-3,
                    "level {}",
                    contour.loss
                );
            }
        }
        assert_eq!(view.lowest, Some((0.0, 0.0, 0.5)));
        assert_eq!(view.position(0.5), 0.0);
        assert_eq!(view.position(2.5), 1.0);
        assert!(view.ticks.windows(2).all(|t| t[0].t < t[1].t));
        assert_eq!(view.ticks.first().map(|t| t.label.as_str()), Some("0.5"));
    }

    #[test]
    fn losses_spanning_decades_get_a_log_scale_with_decade_ticks() {
        // A valley floor at 10⁻³ and walls up to 10.
        let view = LandscapeView::new(&grid(21, 2.0, |a, b| 1e-3 + 2.5 * (a * a + b * b)));
        assert_eq!(view.scale, Scale::Log);
        let labels: Vec<&str> = view.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["10⁻³", "10⁻²", "10⁻¹", "1", "10"]);
        // On a log scale, a tenfold loss moves the colour by the same step anywhere.
        let step = view.position(1e-2) - view.position(1e-3);
        assert!((view.position(1.0) - view.position(1e-1) - step).abs() < 1e-12);
        assert!(view
            .contours
            .iter()
            .all(|c| c.loss > 1e-3 && c.loss < 20.01));
    }

    #[test]
    fn a_downhill_landscape_puts_its_lowest_point_away_from_the_centre() {
        let view = LandscapeView::new(&grid(21, 1.0, |a, b| 1.0 + 0.3 * a - 0.2 * b + 0.1 * a * a));
        let (a, b, loss) = view.lowest.unwrap();
        assert!(
            a < 0.0 && b > 0.0 && loss < view.center_loss,
            "{a}, {b}, {loss}"
        );
    }

    #[test]
    fn cells_not_computed_yet_are_grey_and_have_no_contours() {
        let mut g = grid(11, 1.0, |a, b| a * a + b * b);
        for l in &mut g.loss[60..] {
            *l = f64::NAN;
        }
        g.filled = 60;
        let view = LandscapeView::new(&g);
        assert_eq!((view.finite, view.filled), (60, 60));
        let image = view.image(&g);
        assert_eq!(image.len(), 11 * 11 * 4);
        // The last cell (β = +span, top right) is the image's first row, last pixel.
        assert_eq!(image[10 * 4..10 * 4 + 3], super::super::colour::MISSING);
        assert_ne!(
            image[(120 - 10) * 4..(120 - 10) * 4 + 3],
            super::super::colour::MISSING
        );
    }

    #[test]
    fn empty_flat_and_broken_grids_draw_without_contours() {
        let flat = LandscapeView::new(&grid(5, 1.0, |_, _| 0.7));
        assert!(flat.flat && flat.contours.is_empty());
        assert!((flat.position(0.7) - 0.5).abs() < 1e-12);
        let mut none = grid(5, 1.0, |_, _| f64::NAN);
        none.center_loss = f64::NAN;
        let view = LandscapeView::new(&none);
        assert_eq!(view.finite, 0);
        assert!(view.lowest.is_none() && view.contours.is_empty() && view.ticks.is_empty());
        let broken = Landscape {
            n: 4,
            span: 1.0,
            plane: Default::default(),
            center_loss: 1.0,
            loss: vec![1.0; 3],
            filled: 3,
        };
        assert_eq!(LandscapeView::new(&broken).finite, 0);
        let infinite =
            LandscapeView::new(&grid(
                5,
                1.0,
                |a, _| if a > 0.0 { f64::INFINITY } else { 1.0 + a },
            ));
        assert!(infinite.range.0.is_finite() && infinite.range.1.is_finite());
    }
}

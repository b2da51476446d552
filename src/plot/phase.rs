//! The phase diagram's model (issue #21): mean-field theory's depth scale ξ_c over
//! (σ_w, σ_b²) for one activation, the critical line χ₁ = 1 between the ordered and the
//! chaotic phase, where the current init sits, and where the frameworks' rules put it.
//!
//! A wide network whose weights are N(0, σ_w²/fan_in) and biases N(0, σ_b²) forgets how two
//! inputs differed over about ξ_c layers (see [`crate::mean_field`]); Schoenholz et al. 2017
//! trained networks to about 6ξ_c layers and no deeper. ξ_c diverges on the critical line,
//! so the diagram colours log₁₀ ξ_c: a bright ridge along the line, dark where a few layers
//! already scramble (chaotic) or erase (ordered) the difference.
//!
//! The grid is [`SIDE`] × [`SIDE`] fixed points, evenly spaced in σ_w (from
//! [`SIGMA_W_MIN`] to 4, or to 12 for sigmoid) and in σ_b² (0 to [`SIGMA_B2_MAX`]).
//! Sigmoid's χ₁ ≤ σ_w²/16 puts its line beyond σ_w = 4, and our quadrature puts it at
//! σ_w = 10.15 (σ_b = 0) to 10.18 (σ_b² = 0.3), just past the 10 that issue #21 names: its
//! axis goes to 12 so that the line is on it. It depends on the activation alone, so
//! the page computes it once per activation; the current init is only a marker on it.
//!
//! Where a network sits: σ_w = std(w)·√fan_in of one hidden layer's weights, read at the
//! second weight layer ([`read_layer`]): the first one's fan_in is the 2 inputs, which are
//! no wide layer's output, while every later hidden layer of the page's uniform widths has
//! the same σ_w. σ_b is the std of the biases when they are random and centred.

use super::colour::viridis_fast;
use super::contour::{segments, Field, Segment};
use super::{decades, power_of_ten};
use crate::activation::Activation;
use crate::config::Spec;
use crate::init::{BiasInit, Distribution};
use crate::mean_field::diagram_fixed_point;

/// Grid points per side.
pub const SIDE: usize = 60;
/// The left end of the σ_w axis (σ_w = 0 is no network at all).
pub const SIGMA_W_MIN: f64 = 0.1;
/// The top of the σ_b² axis: biases up to σ_b ≈ 0.55, the range Poole et al. plot.
pub const SIGMA_B2_MAX: f64 = 0.3;
/// ξ_c beyond 10³ layers (the page's networks are at most tens deep) shares the top
/// colour with ξ_c = ∞.
pub const XI_CAP: f64 = 1000.0;

/// The diagram's two axes: σ_w across, σ_b² up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axes {
    pub sigma_w: (f64, f64),
    pub sigma_b2: (f64, f64),
}

impl Axes {
    /// σ_w from 0.1 to 4 (to 12 for sigmoid), σ_b² from 0 to 0.3.
    pub fn of(act: Activation) -> Axes {
        let top = match act {
            Activation::Sigmoid => 12.0,
            _ => 4.0,
        };
        Axes {
            sigma_w: (SIGMA_W_MIN, top),
            sigma_b2: (0.0, SIGMA_B2_MAX),
        }
    }

    /// (σ_w, σ_b²) as a point of the unit square: u across from the left, v up from the bottom.
    pub fn to_unit(&self, sigma_w: f64, sigma_b2: f64) -> (f64, f64) {
        let (w0, w1) = self.sigma_w;
        let (b0, b1) = self.sigma_b2;
        ((sigma_w - w0) / (w1 - w0), (sigma_b2 - b0) / (b1 - b0))
    }

    /// The inverse of [`Axes::to_unit`].
    pub fn from_unit(&self, u: f64, v: f64) -> (f64, f64) {
        let (w0, w1) = self.sigma_w;
        let (b0, b1) = self.sigma_b2;
        (w0 + u * (w1 - w0), b0 + v * (b1 - b0))
    }

    /// The `SIDE` grid values from `lo` to `hi`, evenly.
    fn grid((lo, hi): (f64, f64)) -> Vec<f64> {
        let last = (SIDE - 1) as f64;
        (0..SIDE)
            .map(|k| lo + (hi - lo) * k as f64 / last)
            .collect()
    }
}

/// The theory over the whole diagram for one activation: `values[i · SIDE + j]` is at
/// (σ_w = `sigma_w[j]`, σ_b² = `sigma_b2[i]`), as [`Field`] reads a grid.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseGrid {
    pub act: Activation,
    pub axes: Axes,
    pub sigma_w: Vec<f64>,
    pub sigma_b2: Vec<f64>,
    /// χ₁ at each point: below 1 ordered, above 1 chaotic.
    pub chi1: Vec<f64>,
    /// ξ_c at each point (+∞ where c^l does not approach c* exponentially).
    pub xi_c: Vec<f64>,
    /// Columns of σ_w computed so far, from the left (NaN in the others).
    pub filled: usize,
}

impl PhaseGrid {
    /// The whole grid: the [`SIDE`]² fixed points.
    pub fn compute(act: Activation) -> PhaseGrid {
        let mut grid = PhaseGrid::empty(act);
        grid.fill(SIDE);
        grid
    }

    /// The grid with nothing computed yet (every value NaN), to be filled by [`PhaseGrid::fill`].
    pub fn empty(act: Activation) -> PhaseGrid {
        let axes = Axes::of(act);
        PhaseGrid {
            act,
            axes,
            sigma_w: Axes::grid(axes.sigma_w),
            sigma_b2: Axes::grid(axes.sigma_b2),
            chi1: vec![f64::NAN; SIDE * SIDE],
            xi_c: vec![f64::NAN; SIDE * SIDE],
            filled: 0,
        }
    }

    /// Whether every point is computed.
    pub fn complete(&self) -> bool {
        self.filled >= SIDE
    }

    /// Computes up to `columns` more columns of σ_w (a page spreads the grid over a few
    /// frames this way). Up each column, Newton's search for q* starts from the q* of the
    /// point below it, which is close, on the diagram's coarser grids (see
    /// [`crate::mean_field::diagram_fixed_point`]).
    pub fn fill(&mut self, columns: usize) {
        let end = (self.filled + columns).min(SIDE);
        for j in self.filled..end {
            let w = self.sigma_w[j];
            let mut q_guess = f64::NAN;
            for i in 0..SIDE {
                let b2 = self.sigma_b2[i];
                let point = diagram_fixed_point(self.act, w, b2.sqrt(), q_guess, 0);
                q_guess = point.q_star;
                self.chi1[i * SIDE + j] = point.chi1;
                self.xi_c[i * SIDE + j] = point.xi_c;
            }
        }
        self.filled = end;
    }

    /// The critical line χ₁ = 1, as segments in (σ_w, σ_b²): where χ₁, interpolated
    /// linearly between grid points, crosses 1.
    pub fn critical_line(&self) -> Vec<Segment> {
        let field = Field {
            values: &self.chi1,
            xs: &self.sigma_w,
            ys: &self.sigma_b2,
        };
        segments(field, 1.0)
    }

    /// The heatmap: SIDE × SIDE RGBA pixels, rows top-down (the largest σ_b² first); the
    /// columns not yet computed are transparent.
    pub fn image(&self, scale: &XiScale) -> Vec<u8> {
        let mut rgba = Vec::with_capacity(4 * SIDE * SIDE);
        for i in (0..SIDE).rev() {
            for (j, &xi) in self.xi_c[i * SIDE..(i + 1) * SIDE].iter().enumerate() {
                if j < self.filled {
                    let [r, g, b] = viridis_fast(scale.t(xi));
                    rgba.extend_from_slice(&[r, g, b, 255]);
                } else {
                    rgba.extend_from_slice(&[0, 0, 0, 0]);
                }
            }
        }
        rgba
    }
}

/// The colour scale of ξ_c: log₁₀ ξ_c from the whole decade at or below the smallest ξ_c
/// on the grid up to [`XI_CAP`] (or the decade at or above the largest finite ξ_c, if lower).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct XiScale {
    /// log₁₀ ξ_c at the bar's ends.
    pub lo: f64,
    pub hi: f64,
}

impl XiScale {
    pub fn of(grid: &PhaseGrid) -> XiScale {
        let positive = grid.xi_c.iter().copied().filter(|x| *x > 0.0);
        let (lo, hi) = positive.fold((f64::INFINITY, 0.0_f64), |(lo, hi), x| {
            (lo.min(x), if x.is_finite() { hi.max(x) } else { hi })
        });
        if !lo.is_finite() {
            return XiScale { lo: 0.0, hi: 3.0 };
        }
        let lo = libm::floor(libm::log10(lo));
        let top = libm::log10(XI_CAP);
        let hi = if hi > 0.0 {
            libm::ceil(libm::log10(hi)).min(top)
        } else {
            top
        };
        XiScale {
            lo,
            hi: hi.max(lo + 1.0),
        }
    }

    /// Where ξ_c falls on the bar, 0 … 1: log₁₀ ξ_c between the ends, clamped; +∞ (and any
    /// ξ_c beyond the top) is 1, 0 (or below the bottom) is 0. Never decreasing in ξ_c.
    pub fn t(&self, xi: f64) -> f64 {
        if xi.is_nan() {
            return 0.0;
        }
        if xi <= 0.0 {
            return 0.0;
        }
        if xi == f64::INFINITY {
            return 1.0;
        }
        ((libm::log10(xi) - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
    }

    /// The bar's labelled ticks: (position 0 … 1, "10²"), a whole decade each.
    pub fn ticks(&self) -> Vec<(f64, String)> {
        decades(self.lo, self.hi, 6)
            .into_iter()
            .map(|k| ((k as f64 - self.lo) / (self.hi - self.lo), power_of_ten(k)))
            .collect()
    }
}

/// Which weight layer gives a network's σ_w (0-based): the second (hidden layer 1 →
/// hidden layer 2) when there are two hidden layers or more, else the first.
pub fn read_layer(hidden_layers: usize) -> usize {
    usize::from(hidden_layers >= 2)
}

/// Where the current init sits on the diagram, or why it has no point there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Current {
    /// (σ_w, σ_b) of weight layer `layer` (0-based, see [`read_layer`]).
    At {
        sigma_w: f64,
        sigma_b: f64,
        layer: usize,
    },
    /// No hidden layer: no signal propagates through depth.
    NoHiddenLayer,
    /// Weights or biases not centred random numbers (constant weights or biases), which the
    /// theory does not describe.
    NotCentred,
}

impl Current {
    /// The current init of `spec`: σ_w = std(w)·√fan_in (with the jitter's noise added in
    /// variance), σ_b the std of centred random biases (0 for zero biases).
    pub fn of(spec: &Spec) -> Current {
        if spec.hidden_sizes.is_empty() {
            return Current::NoHiddenLayer;
        }
        let layer = read_layer(spec.hidden_sizes.len());
        let (Some(init), Some(&(fan_in, _))) = (spec.layers.get(layer), spec.fans().get(layer))
        else {
            return Current::NoHiddenLayer;
        };
        let weights = init.distribution;
        if weights.mean() != 0.0 && !matches!(weights, Distribution::Zeros) {
            return Current::NotCentred;
        }
        let variance = weights.variance() + spec.jitter * spec.jitter;
        let sigma_w = (variance * fan_in as f64).sqrt();
        let biases = spec.bias.distribution(init);
        let sigma_b = match spec.bias {
            BiasInit::Constant(_) => return Current::NotCentred,
            _ if biases.mean() != 0.0 => return Current::NotCentred,
            _ => biases.std(),
        };
        Current::At {
            sigma_w,
            sigma_b,
            layer,
        }
    }

    /// Where the marker goes on the unit square, if inside the diagram.
    pub fn unit(&self, axes: &Axes) -> Option<(f64, f64)> {
        let Current::At {
            sigma_w, sigma_b, ..
        } = *self
        else {
            return None;
        };
        let (u, v) = axes.to_unit(sigma_w, sigma_b * sigma_b);
        ((0.0..=1.0).contains(&u) && (0.0..=1.0).contains(&v)).then_some((u, v))
    }
}

/// A framework's rule as a point of the diagram (zero biases: σ_b = 0).
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// "LeCun", "Glorot", "He", or "LeCun = Glorot" where the widths make them the same.
    pub name: String,
    pub sigma_w: f64,
}

/// LeCun (σ_w = 1), Glorot for the current widths at the layer σ_w is read from
/// (σ_w = √(2·fan_in/(fan_in + fan_out))) and He (σ_w = √2), all with gain 1 and zero
/// biases. Rules that give the same σ_w share one labelled point.
pub fn presets(spec: &Spec) -> Vec<Preset> {
    let layer = read_layer(spec.hidden_sizes.len());
    let fans = spec.fans();
    let glorot = fans.get(layer).map_or(1.0, |&(fan_in, fan_out)| {
        (2.0 * fan_in as f64 / (fan_in + fan_out) as f64).sqrt()
    });
    let mut out: Vec<Preset> = Vec::new();
    for (name, sigma_w) in [
        ("LeCun", 1.0),
        ("Glorot", glorot),
        ("He", std::f64::consts::SQRT_2),
    ] {
        match out.iter_mut().find(|p| (p.sigma_w - sigma_w).abs() < 1e-9) {
            Some(same) => same.name = format!("{} = {name}", same.name),
            None => out.push(Preset {
                name: name.to_string(),
                sigma_w,
            }),
        }
    }
    out
}

/// `x` to 3 significant digits: the settings a click writes into the link.
fn three_digits(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = libm::pow(10.0, 2.0 - libm::floor(libm::log10(x.abs())));
    libm::round(x * scale) / scale
}

/// The init a click at `(u, v)` of the unit square asks for: (gain = σ_w, bsigma = σ_b) of
/// `init=normal&scale=lecun` (LeCun's σ = gain/√fan_in gives every layer σ_w = gain), each
/// to 3 significant digits; `None` outside the square.
pub fn click(axes: &Axes, u: f64, v: f64) -> Option<(f64, f64)> {
    if !((0.0..=1.0).contains(&u) && (0.0..=1.0).contains(&v)) {
        return None;
    }
    let (sigma_w, sigma_b2) = axes.from_unit(u, v);
    Some((
        three_digits(sigma_w),
        three_digits(sigma_b2.max(0.0).sqrt()),
    ))
}

//! The loss landscape: how the training loss changes around the current weights.
//!
//! A network has far too many weights to plot its loss against all of them, so we plot a
//! slice: the plane through the current weights θ spanned by two random directions d₁, d₂,
//!
//! ```text
//! L(α, β) = mean training loss at θ + α·d₁ + β·d₂,        α, β ∈ [−span, span]
//! ```
//!
//! on an n × n grid. The lesson: with every weight at zero, tanh hidden units and XOR, every
//! gradient is exactly 0, so gradient descent never moves. The landscape shows that this is
//! not because the loss is flat: it curves away from the centre. (On the four XOR points it
//! curves *up* in every direction of the plane: with the biases held at 0, see below, a tanh
//! network is an odd function of x, and XOR gives x and −x the same label, so no point of the
//! plane does better than the centre's ln 2.)
//!
//! **Directions.** Each entry of d₁ and d₂ is drawn once from N(0, 1) with the crate's
//! [`Rng`] on a stream fixed by the experiment's seed, so the same experiment always shows
//! the same plane. Then each weight layer's block of a direction is rescaled to have the
//! norm of that layer's weights, ‖d_l‖ = ‖W_l‖: the layer-wise version of the *filter
//! normalisation* of Li et al., "Visualizing the Loss Landscape of Neural Nets" (NeurIPS 2018),
//! which rescales each filter (for a dense layer, each unit's incoming weights). Without it,
//! α = 1 would be a huge step for a layer of small weights and a tiny one for a layer of large
//! weights, and two inits of different scale could not be compared; with it, α = 1 moves every
//! layer by as much as the layer itself. Where a layer's weights are all zero (zero init),
//! there is no norm to match, and its block gets norm 1, so α = span moves it by exactly span.
//!
//! **Biases are not perturbed** (d is 0 on every bias). The page is about how the *weights*
//! start; holding the biases keeps the slice about them, and keeps a symmetry the theory
//! predicts: with zero biases, tanh (an odd function) and the XOR points (symmetric under
//! x → −x with the same labels), L(−α, −β) = L(α, β) at zero init.
//!
//! **The saddle plane** (`plane: "saddle"`). Two random directions hold the biases and
//! rescale each layer, which suits comparing inits but cannot show *why* the zero point of the
//! tanh XOR net is not a minimum. There the gradient is 0 and the only non-zero second
//! derivative is the output bias's (¼): no direction curves down, so the second-order test is
//! inconclusive, and a flat minimum would look the same. The loss falls at fourth order along
//! one combined direction: one hidden unit's incoming weights ∝ (1, 1), that unit's bias and
//! its output weight, moved together (the page's XOR gives class 1 where x₁x₂ < 0; with
//! ±1 inputs and each entry at 0.3, L falls by about 4·10⁻³ under cross-entropy). Moving the
//! unit's weights without its bias gives an odd function of x, which XOR cannot use: the drop
//! needs the bias. And the network at −t·d₁ computes the same outputs as at t·d₁ (tanh is
//! odd and the output weight flips with it), so the loss falls both ways. In this plane d₁ is
//! that direction ([`saddle_directions`]: in a deeper network, unit 0 of every hidden layer
//! chained from the inputs to the output) and d₂ the output bias, both unit vectors in the
//! whole parameter space, biases included, with no rescaling: α and β are distances.
//!
//! **Cost and allocation.** Each grid point is one forward pass over the training split. The
//! perturbed weights go into one scratch parameter buffer, reused for every point; the
//! directions are drawn once. The centre is computed by the very code that computes the
//! snapshot's `loss` ([`Evaluator::training_loss`]), so the two are equal bit for bit.

use crate::data::Split;
use crate::error::ErrorText;
use crate::loss::Head;
use crate::mlp::{Mlp, Real};
use crate::rng::Rng;
use crate::stats::Evaluator;
use serde::Serialize;
use std::fmt;

/// Fewest grid points per side: the centre and one point either side.
pub const MIN_LANDSCAPE_N: usize = 3;
/// Most grid points per side (10,201 forward passes over the training set).
pub const MAX_LANDSCAPE_N: usize = 101;
/// Largest span: α = 10 moves each layer by ten times its own norm, far past anything useful.
pub const MAX_LANDSCAPE_SPAN: f64 = 10.0;
/// What the page asks for when it does not say.
pub const DEFAULT_LANDSCAPE_N: usize = 21;
pub const DEFAULT_LANDSCAPE_SPAN: f64 = 1.0;

/// A landscape that cannot be computed: which argument is wrong, and what would be accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LandscapeError {
    /// The argument at fault: `"n"` or `"span"`.
    pub argument: &'static str,
    /// The message as an id and arguments, for the page to word in the learner's language.
    pub text: ErrorText,
    /// The same in English, starting with the argument's name.
    pub message: String,
}

impl LandscapeError {
    fn new(argument: &'static str, text: ErrorText) -> LandscapeError {
        LandscapeError {
            argument,
            message: text.english(),
            text,
        }
    }
}

impl fmt::Display for LandscapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "landscape: {}", self.message)
    }
}

impl std::error::Error for LandscapeError {}

/// Which plane through θ a landscape shows (see the module's documentation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Plane {
    /// Two random directions, rescaled layer by layer to the weights, biases held.
    #[default]
    Random,
    /// d₁ the saddle's descent direction, d₂ the output bias: unit vectors, biases included.
    Saddle,
}

impl Plane {
    pub const ALL: [Plane; 2] = [Plane::Random, Plane::Saddle];
    pub const NAMES: [&'static str; 2] = ["random", "saddle"];

    pub fn name(self) -> &'static str {
        match self {
            Plane::Random => "random",
            Plane::Saddle => "saddle",
        }
    }

    /// The plane called `name`, or a message naming the value and the choices.
    pub fn parse(name: &str) -> Result<Plane, LandscapeError> {
        Plane::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .ok_or_else(|| {
                LandscapeError::new(
                    "plane",
                    ErrorText::new("landscape.plane")
                        .with("value", name.to_string())
                        .with("choices", Plane::NAMES.join(", ")),
                )
            })
    }
}

/// A valid grid: `n` points per side, α and β running over [−span, span], in `plane`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridSpec {
    n: usize,
    span: f64,
    plane: Plane,
}

impl GridSpec {
    /// Checks the arguments: `n` a whole number in [`MIN_LANDSCAPE_N`, `MAX_LANDSCAPE_N`],
    /// `span` finite in (0, [`MAX_LANDSCAPE_SPAN`]]. `n` is an f64 so that a JS number can be
    /// checked before it is rounded.
    pub fn new(n: f64, span: f64) -> Result<GridSpec, LandscapeError> {
        let (lo, hi) = (MIN_LANDSCAPE_N as f64, MAX_LANDSCAPE_N as f64);
        if !(n.fract() == 0.0 && (lo..=hi).contains(&n)) {
            return Err(LandscapeError::new(
                "n",
                ErrorText::new("landscape.n")
                    .with("min", MIN_LANDSCAPE_N.to_string())
                    .with("max", MAX_LANDSCAPE_N.to_string())
                    .with("value", crate::error::show(n)),
            ));
        }
        if !(span.is_finite() && span > 0.0 && span <= MAX_LANDSCAPE_SPAN) {
            return Err(LandscapeError::new(
                "span",
                ErrorText::new("landscape.span")
                    .with("max", crate::error::show(MAX_LANDSCAPE_SPAN))
                    .with("value", crate::error::show(span)),
            ));
        }
        Ok(GridSpec {
            n: n as usize,
            span,
            plane: Plane::Random,
        })
    }

    /// The same grid in `plane`.
    pub fn on(self, plane: Plane) -> GridSpec {
        GridSpec { plane, ..self }
    }

    pub fn plane(&self) -> Plane {
        self.plane
    }

    pub fn n(&self) -> usize {
        self.n
    }

    pub fn span(&self) -> f64 {
        self.span
    }

    /// The k-th coordinate along an axis, span·(2k − (n−1))/(n−1): −span at k = 0, span at
    /// k = n−1. Written so that the centre of an odd grid is exactly 0 and the k-th and
    /// (n−1−k)-th coordinates are exact negatives of each other.
    pub fn coordinate(&self, k: usize) -> f64 {
        let last = (self.n - 1) as f64;
        self.span * ((2 * k) as f64 - last) / last
    }
}

/// What the loss is measured on: the network at θ, the training split and the objective.
#[derive(Clone, Copy, Debug)]
pub struct Objective<'a> {
    pub mlp: &'a Mlp,
    pub train: &'a Split,
    pub loss: Head,
}

/// The loss over an `n × n` grid of the plane θ + α·d₁ + β·d₂.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Landscape {
    /// Grid points per side.
    pub n: usize,
    /// α and β run over [−span, span] (see [`GridSpec::coordinate`]).
    pub span: f64,
    /// The plane the grid lies in.
    pub plane: Plane,
    /// Mean training loss at θ itself (α = β = 0): the snapshot's `loss`, bit for bit.
    pub center_loss: f64,
    /// Mean training loss at θ + α_j·d₁ + β_i·d₂, row-major: `loss[i·n + j]`, rows along β
    /// (d₂) and columns along α (d₁), both from −span. NaN where the perturbed network's z
    /// overflows, and (rolling) for cells not evaluated yet.
    pub loss: Vec<f64>,
    /// Cells evaluated since the grid was started: n² once it is complete.
    pub filled: usize,
}

impl Landscape {
    /// An `n × n` grid with no cell evaluated yet.
    fn empty(spec: GridSpec, center_loss: f64) -> Landscape {
        Landscape {
            n: spec.n,
            span: spec.span,
            plane: spec.plane,
            center_loss,
            loss: vec![f64::NAN; spec.n * spec.n],
            filled: 0,
        }
    }

    /// The loss at row i (β_i), column j (α_j).
    pub fn at(&self, i: usize, j: usize) -> f64 {
        self.loss[i * self.n + j]
    }

    /// The grid's rows, β from −span to span, each holding α from −span to span.
    pub fn rows(&self) -> std::slice::Chunks<'_, f64> {
        self.loss.chunks(self.n.max(1))
    }
}

/// The plane's two directions and the scratch network its points are evaluated with.
#[derive(Clone, Debug)]
pub struct Directions {
    /// d₁ and d₂ before normalisation, laid out like `Mlp::params`: in the random plane one
    /// N(0, 1) draw per weight, 0 on every bias; in the saddle plane the unit vectors of
    /// [`saddle_directions`].
    raw: [Vec<Real>; 2],
    plane: Plane,
    /// Per weight layer, what each raw block is multiplied by to get its normalised norm:
    /// ‖W_l‖ / ‖raw_l‖, or 1 / ‖raw_l‖ where W_l = 0.
    factors: Vec<[f64; 2]>,
    /// θ + α·d₁ + β·d₂ for the point being evaluated: the one scratch parameter buffer.
    probe: Mlp,
    /// The seed the raw directions were drawn from.
    seed: u64,
}

impl Directions {
    /// Draws d₁ then d₂ (weights in parameter order) from `seed`, for networks shaped like `mlp`.
    pub fn new(mlp: &Mlp, seed: u64) -> Directions {
        Directions::in_plane(Plane::Random, mlp, seed)
    }

    /// The directions of `plane` for networks shaped like `mlp` (`seed` draws the random ones).
    pub fn in_plane(plane: Plane, mlp: &Mlp, seed: u64) -> Directions {
        if plane == Plane::Saddle {
            let raw = saddle_directions(mlp).map(|d| d.iter().map(|&x| x as Real).collect());
            return Directions {
                raw,
                plane,
                factors: vec![[1.0; 2]; mlp.layers.len()],
                probe: mlp.clone(),
                seed,
            };
        }
        let mut rng = Rng::seed_from(seed);
        let mut draw = || {
            let mut d = vec![0.0; mlp.params.len()];
            for shape in &mlp.layers {
                for w in &mut d[shape.weights()] {
                    *w = rng.standard_normal() as Real;
                }
            }
            d
        };
        let raw = [draw(), draw()];
        Directions {
            raw,
            plane,
            factors: vec![[0.0; 2]; mlp.layers.len()],
            probe: mlp.clone(),
            seed,
        }
    }

    /// Whether these directions were drawn from `seed` for a network of `mlp`'s shape, in `plane`.
    pub fn fits(&self, mlp: &Mlp, seed: u64, plane: Plane) -> bool {
        self.seed == seed
            && self.plane == plane
            && self.probe.sizes == mlp.sizes
            && self.probe.shortcut == mlp.shortcut
            && self.probe.hidden == mlp.hidden
    }

    /// Rescales both directions layer by layer to the norms of `mlp`'s current weights
    /// (filter normalisation, see the module's documentation). The saddle plane's unit
    /// vectors are kept as they are: there α and β are distances.
    pub fn normalise(&mut self, mlp: &Mlp) {
        if self.plane == Plane::Saddle {
            return;
        }
        for (shape, factors) in mlp.layers.iter().zip(&mut self.factors) {
            let weights = norm(&mlp.params[shape.weights()]);
            let target = if weights == 0.0 { 1.0 } else { weights };
            for (raw, factor) in self.raw.iter().zip(factors) {
                let length = norm(&raw[shape.weights()]);
                *factor = if length > 0.0 { target / length } else { 0.0 };
            }
        }
    }

    /// Direction `k` (0 for d₁, 1 for d₂) as normalised by the last [`Directions::normalise`],
    /// laid out like `Mlp::params` (for tests and inspection; allocates).
    pub fn direction(&self, k: usize) -> Vec<f64> {
        let mut d = vec![0.0; self.raw[k].len()];
        for (shape, factors) in self.probe.layers.iter().zip(&self.factors) {
            for i in shape.all() {
                d[i] = factors[k] * self.raw[k][i] as f64;
            }
        }
        d
    }

    /// Mean training loss at θ + α·d₁ + β·d₂ (after [`Directions::normalise`]).
    pub fn loss_at(&mut self, at: Objective, alpha: f64, beta: f64, ev: &mut Evaluator) -> f64 {
        let [d1, d2] = &self.raw;
        let saddle = self.plane == Plane::Saddle;
        for (shape, &[f1, f2]) in at.mlp.layers.iter().zip(&self.factors) {
            let (a, b) = (alpha * f1, beta * f2);
            // The random plane holds the biases; the saddle plane moves them too.
            let moved = if saddle { shape.all() } else { shape.weights() };
            let theta = &at.mlp.params[moved.clone()];
            let probe = &mut self.probe.params[moved.clone()];
            let steps = d1[moved.clone()].iter().zip(&d2[moved]);
            for ((p, &w), (&x, &y)) in probe.iter_mut().zip(theta).zip(steps) {
                *p = (w as f64 + a * x as f64 + b * y as f64) as Real;
            }
            if !saddle {
                let biases = shape.biases();
                self.probe.params[biases.clone()].copy_from_slice(&at.mlp.params[biases]);
            }
        }
        ev.training_loss(&self.probe, at.train, at.loss)
    }
}

/// The saddle plane's d₁ and d₂ for networks shaped like `mlp`, laid out like `Mlp::params`,
/// each of norm 1.
///
/// d₁ moves unit 0 of every hidden layer, chained from the inputs to the output, all by the
/// same amount: every incoming weight of the first layer's unit 0, the weight from unit 0 to
/// unit 0 of each layer above, the bias of unit 0 in every hidden layer, and the output
/// layer's weights from the last hidden layer's unit 0. In the 2-2-1 net these are four
/// entries, each ½. d₂ is the output bias (the mean of the output biases, with several).
pub fn saddle_directions(mlp: &Mlp) -> [Vec<f64>; 2] {
    let mut d1 = vec![0.0; mlp.params.len()];
    let mut d2 = vec![0.0; mlp.params.len()];
    let top = mlp.layers.len() - 1;
    for (l, shape) in mlp.layers.iter().enumerate() {
        let w = shape.w_at;
        if l == 0 && l < top {
            d1[w..w + shape.n_in].fill(1.0); // unit 0's whole row: ∝ (1, 1)
        } else if l < top {
            d1[w] = 1.0; // unit 0 below → unit 0 here
        } else {
            for j in 0..shape.n_out {
                d1[w + j * shape.n_in] = 1.0; // the last hidden unit 0 → every output
            }
            d2[shape.biases()].fill(1.0);
        }
        if l < top {
            d1[shape.b_at] = 1.0;
        }
    }
    for d in [&mut d1, &mut d2] {
        let length = f64::sqrt(d.iter().map(|x| x * x).sum::<f64>());
        if length > 0.0 {
            d.iter_mut().for_each(|x| *x /= length);
        }
    }
    [d1, d2]
}

/// √(Σ x²), in f64.
fn norm(xs: &[Real]) -> f64 {
    f64::sqrt(xs.iter().map(|&x| x as f64 * x as f64).sum::<f64>())
}

/// Evaluates the cells `cells` (indices into `grid.loss`, wrapping past the end).
fn refresh(
    grid: &mut Landscape,
    spec: GridSpec,
    cells: std::ops::Range<usize>,
    directions: &mut Directions,
    at: Objective,
    ev: &mut Evaluator,
) {
    let total = grid.loss.len();
    for k in cells.map(|k| k % total) {
        let (i, j) = (k / spec.n, k % spec.n);
        grid.loss[k] = directions.loss_at(at, spec.coordinate(j), spec.coordinate(i), ev);
    }
}

/// The whole landscape around `at.mlp`'s weights, with directions drawn from `seed`.
///
/// Costs n² + 1 forward passes over the training split; allocates the directions, one
/// scratch network and the grid, once.
pub fn landscape(at: Objective, spec: GridSpec, seed: u64, ev: &mut Evaluator) -> Landscape {
    let mut directions = Directions::in_plane(spec.plane, at.mlp, seed);
    directions.normalise(at.mlp);
    let mut grid = Landscape::empty(spec, ev.training_loss(at.mlp, at.train, at.loss));
    let cells = spec.n * spec.n;
    refresh(&mut grid, spec, 0..cells, &mut directions, at, ev);
    grid.filled = cells;
    grid
}

/// A landscape refreshed a slice at a time, so that a deep network's landscape costs a
/// bounded amount of work per call (per animation frame); every cell is at most a few
/// calls old. The first call after a start, or a change of n or span, begins a new grid
/// whose cells not yet evaluated hold NaN (`filled` counts the ones that are).
#[derive(Clone, Debug, Default)]
pub struct RollingLandscape {
    grid: Option<(GridSpec, Landscape)>,
    directions: Option<Directions>,
    /// The next cell to refresh.
    cursor: usize,
    /// The weights θ the last call saw, bit for bit, and how many cells have been evaluated
    /// around exactly those weights since they changed (n² = the whole grid is of θ).
    weights: Vec<Real>,
    fresh: usize,
}

impl RollingLandscape {
    pub fn new() -> Self {
        RollingLandscape::default()
    }

    /// Re-normalises the directions to the current weights, recomputes the centre, and
    /// refreshes up to `budget` cells (at least one), continuing where the last call
    /// stopped: at most `budget + 1` forward passes over the training split. Allocates
    /// nothing once the grid and the directions exist.
    pub fn advance(
        &mut self,
        at: Objective,
        spec: GridSpec,
        seed: u64,
        budget: usize,
        ev: &mut Evaluator,
    ) -> &Landscape {
        if !self
            .directions
            .as_ref()
            .is_some_and(|d| d.fits(at.mlp, seed, spec.plane))
        {
            self.directions = Some(Directions::in_plane(spec.plane, at.mlp, seed));
            self.grid = None;
        }
        let directions = self.directions.as_mut().expect("set above");
        directions.normalise(at.mlp);
        let center_loss = ev.training_loss(at.mlp, at.train, at.loss);
        if !self.grid.as_ref().is_some_and(|(kept, _)| *kept == spec) {
            self.grid = Some((spec, Landscape::empty(spec, center_loss)));
            self.cursor = 0;
        }
        let same_weights = self.weights.len() == at.mlp.params.len()
            && (self.weights.iter().zip(&at.mlp.params)).all(|(a, b)| a.to_bits() == b.to_bits());
        if !same_weights {
            self.weights.clear();
            self.weights.extend_from_slice(&at.mlp.params);
            self.fresh = 0;
        }
        let (_, grid) = self.grid.as_mut().expect("set above");
        if grid.filled == 0 {
            self.fresh = 0; // a new grid: nothing in it is of these weights yet
        }
        grid.center_loss = center_loss;
        let cells = spec.n * spec.n;
        let take = budget.clamp(1, cells);
        self.fresh = (self.fresh + take).min(cells);
        refresh(
            grid,
            spec,
            self.cursor..self.cursor + take,
            directions,
            at,
            ev,
        );
        self.cursor = (self.cursor + take) % cells;
        grid.filled = (grid.filled + take).min(cells);
        grid
    }

    /// The grid as the last [`RollingLandscape::advance`] left it, if that was for `spec`.
    pub fn current(&self, spec: GridSpec) -> Option<&Landscape> {
        self.grid
            .as_ref()
            .filter(|(kept, _)| *kept == spec)
            .map(|(_, grid)| grid)
    }

    /// How many cells of the current grid were evaluated around exactly `mlp`'s weights (bit
    /// for bit): n² when the whole picture is of the weights as they are now, fewer while
    /// training has moved them since, 0 when there is no grid. Lets a caller stop refreshing
    /// a landscape that is already up to date.
    pub fn fresh(&self, mlp: &Mlp) -> usize {
        let same = self.weights.len() == mlp.params.len()
            && (self.weights.iter().zip(&mlp.params)).all(|(a, b)| a.to_bits() == b.to_bits());
        if same && self.grid.is_some() {
            self.fresh
        } else {
            0
        }
    }
}

//! The Jacobian's spectrum through depth: dynamical isometry (Saxe et al. 2014; Pennington,
//! Schoenholz & Ganguli 2017).
//!
//! std(z) and std(δ) say how the *size* of a signal travels through the layers, averaged over
//! directions. They cannot tell a network that stretches every direction alike from one that
//! stretches some a thousandfold and crushes others: both can keep the mean square. The
//! input-output Jacobian at a training point x says which:
//!
//! ```text
//! J = ∂a_L/∂a_1 = D_L W_L · D_{L−1} W_{L−1} ⋯ D_2 W_2,     D_l = diag(φ′(z_l(x)))
//! ```
//!
//! from the first hidden layer's outputs a_1 to the last's a_L (L hidden layers, L − 1
//! weight matrices: the product's *depth*). Its singular values σ_1 ≥ … ≥ σ_n are how much
//! J stretches each direction. With linear units and orthogonal W_l = g·Q_l, J is g^(L−1)
//! times an orthogonal matrix: every σ_i = g^(L−1) exactly (isometry). With Gaussian W_l they
//! spread over orders of magnitude, more with every layer, so a gradient reaching the first
//! layer is carried by a few directions only.
//!
//! The singular values are the square roots of the eigenvalues of the Gram matrix JᵀJ (or
//! JJᵀ, whichever is smaller), found by the cyclic Jacobi method: plain rotations in a fixed
//! order, using only +, −, ×, ÷ and √, so a network gives the same bits natively and in
//! WebAssembly. At the page's 64 units it costs about ten sweeps of 2,016 rotations.
//!
//! **In pieces.** At 32 layers of 64 one spectrum is a few milliseconds natively and several
//! times that in a browser: more than an animation frame. [`SpectrumWork`] is the same
//! computation stopped and resumed between pieces of a bounded number of multiply-adds (the
//! product a factor at a time, Jacobi a rotation at a time), every sum in the same order, so
//! its singular values are [`spectrum`]'s bit for bit (which is [`SpectrumWork`] run whole).
//!
//! **Resolution.** J is formed in f64, and the eigenvalues of JᵀJ carry an absolute error of
//! about n·ε·σ_1² (ε = 2.2e-16). A singular value below σ_1·[`RESOLUTION`] is therefore not
//! resolved: its digits are rounding. [`Spectrum::spread`] says when the spread reaches that floor,
//! and is then a lower bound, not a measurement.

use crate::activation::Activation;
use crate::data::Split;
use crate::mlp::Mlp;

/// The smallest σ_i/σ_1 the spectrum resolves: the square root of n·ε with n = 64 is 1.2e-7,
/// so 1e-6 leaves a margin (a singular value there is still known to about 2 %).
pub const RESOLUTION: f64 = 1e-6;

/// The widest hidden layer whose spectrum is computed: Jacobi's cost grows like n³ per sweep,
/// about 5 ms natively at 64 units and 32 layers; at 256 it would be 64 times that.
pub const MAX_WIDTH: usize = 64;

/// Sweeps after which Jacobi stops whatever is left (it converges quadratically: ~10 at 64).
const MAX_SWEEPS: usize = 60;

/// A dense matrix of f64, row-major: entry (i, j) at `data[i·cols + j]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f64>,
}

impl Matrix {
    /// The n × n identity.
    pub fn identity(n: usize) -> Matrix {
        let mut data = vec![0.0; n * n];
        (0..n).for_each(|i| data[i * n + i] = 1.0);
        Matrix {
            rows: n,
            cols: n,
            data,
        }
    }

    pub fn at(&self, i: usize, j: usize) -> f64 {
        self.data[i * self.cols + j]
    }

    /// AᵀA when A has no more columns than rows, else AAᵀ: the smaller Gram matrix, whose
    /// eigenvalues are A's squared singular values.
    pub fn gram(&self) -> Matrix {
        let (n, len, entry): (usize, usize, &dyn Fn(usize, usize) -> f64) =
            if self.cols <= self.rows {
                (self.cols, self.rows, &|p, k| self.at(k, p))
            } else {
                (self.rows, self.cols, &|p, k| self.at(p, k))
            };
        let mut data = vec![0.0; n * n];
        for p in 0..n {
            for q in p..n {
                let dot: f64 = (0..len).map(|k| entry(p, k) * entry(q, k)).sum();
                data[p * n + q] = dot;
                data[q * n + p] = dot;
            }
        }
        Matrix {
            rows: n,
            cols: n,
            data,
        }
    }
}

/// The eigen-decomposition A = V·diag(λ)·Vᵀ of a symmetric matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Eigen {
    /// λ_1 … λ_n, in no particular order (column k of `vectors` belongs to `values[k]`).
    pub values: Vec<f64>,
    /// V, whose columns are the orthonormal eigenvectors.
    pub vectors: Matrix,
    /// Sweeps the method took.
    pub sweeps: usize,
}

/// The eigenvalues and eigenvectors of the symmetric matrix `a` by the cyclic Jacobi method:
/// sweep over the pairs (p, q), p < q, in order, and zero a_pq by a plane rotation
/// A ← JᵀAJ (Golub & Van Loan, §8.5). A pair is left alone once |a_pq| ≤ ε·√|a_pp·a_qq|
/// (Demmel & Veselić's test, which keeps small eigenvalues of a positive definite matrix to
/// high relative accuracy); the method stops after a sweep with no rotation.
pub fn symmetric_eigen(a: &Matrix) -> Eigen {
    jacobi(a, true)
}

/// [`symmetric_eigen`], with the eigenvectors accumulated only when `vectors` (the singular
/// values need none: a third of the work saved).
fn jacobi(a: &Matrix, vectors: bool) -> Eigen {
    let mut state = Jacobi::new(a.clone(), vectors);
    state.advance(f64::INFINITY);
    state.eigen()
}

/// The cyclic Jacobi method between two rotations: where the sweep is, and whether it has
/// rotated yet. [`Jacobi::advance`] goes on from there, so any split into pieces does the
/// very rotations, in the very order, of one call.
#[derive(Clone, Debug)]
struct Jacobi {
    n: usize,
    a: Vec<f64>,
    /// V (n × n) when the eigenvectors are wanted, else 0 × 0.
    v: Matrix,
    sweeps: usize,
    /// The next pair of the current sweep (p < q); p = n once a sweep is over.
    p: usize,
    q: usize,
    /// Whether the current sweep has rotated so far.
    rotated: bool,
    done: bool,
}

impl Jacobi {
    fn new(a: Matrix, vectors: bool) -> Jacobi {
        let n = a.rows;
        Jacobi {
            n,
            a: a.data,
            v: Matrix::identity(if vectors { n } else { 0 }),
            sweeps: 0,
            p: n,
            q: n,
            rotated: false,
            done: false,
        }
    }

    /// Multiply-adds of one rotation (rows and columns of A, and V's columns if kept).
    fn rotation_work(&self) -> f64 {
        (4 * self.n + 2 * self.v.rows) as f64
    }

    /// Visits pairs until about `work` multiply-adds are spent (at least one pair) or the
    /// method has stopped; returns whether it has.
    fn advance(&mut self, work: f64) -> bool {
        let n = self.n;
        let mut spent = 0.0;
        while !self.done {
            if self.p + 1 >= n {
                // A sweep is over (or none began): stop after one with no rotation.
                if (self.sweeps > 0 && !self.rotated) || self.sweeps == MAX_SWEEPS {
                    self.done = true;
                    break;
                }
                self.sweeps += 1;
                self.rotated = false;
                (self.p, self.q) = (0, 1);
                if n < 2 {
                    continue;
                }
            }
            let (p, q, a) = (self.p, self.q, &mut self.a);
            let apq = a[p * n + q];
            let (app, aqq) = (a[p * n + p], a[q * n + q]);
            spent += 1.0;
            if !(apq == 0.0 || apq.abs() <= f64::EPSILON * (app * aqq).abs().sqrt()) {
                self.rotated = true;
                let (c, s) = rotation(app, aqq, apq);
                rotate(a, n, p, q, c, s);
                if self.v.rows > 0 {
                    rotate_columns(&mut self.v.data, n, p, q, c, s);
                }
                spent += self.rotation_work();
            }
            self.q += 1;
            if self.q == n {
                self.p += 1;
                self.q = self.p + 1;
            }
            if spent >= work {
                break;
            }
        }
        self.done
    }

    /// The diagonal: the eigenvalues once the method has stopped.
    fn values(&self) -> Vec<f64> {
        (0..self.n).map(|i| self.a[i * self.n + i]).collect()
    }

    fn eigen(self) -> Eigen {
        Eigen {
            values: self.values(),
            vectors: self.v,
            sweeps: self.sweeps,
        }
    }
}

/// (cos, sin) of the rotation that zeroes a_pq: t = tan θ is the smaller root of
/// t² + 2τt − 1 = 0, τ = (a_qq − a_pp)/(2a_pq), which keeps |θ| ≤ π/4.
fn rotation(app: f64, aqq: f64, apq: f64) -> (f64, f64) {
    let tau = (aqq - app) / (2.0 * apq);
    let t = if tau.abs() > 1e150 {
        0.5 / tau
    } else {
        let sign = if tau >= 0.0 { 1.0 } else { -1.0 };
        sign / (tau.abs() + (1.0 + tau * tau).sqrt())
    };
    let c = 1.0 / (1.0 + t * t).sqrt();
    (c, t * c)
}

/// A ← JᵀAJ for the rotation J in the plane (p, q): columns p and q, then rows p and q.
fn rotate(a: &mut [f64], n: usize, p: usize, q: usize, c: f64, s: f64) {
    rotate_columns(a, n, p, q, c, s);
    for k in 0..n {
        let (apk, aqk) = (a[p * n + k], a[q * n + k]);
        a[p * n + k] = c * apk - s * aqk;
        a[q * n + k] = s * apk + c * aqk;
    }
}

/// M ← MJ: columns p and q of the n × n matrix `m` rotated.
fn rotate_columns(m: &mut [f64], n: usize, p: usize, q: usize, c: f64, s: f64) {
    for k in 0..n {
        let (mkp, mkq) = (m[k * n + p], m[k * n + q]);
        m[k * n + p] = c * mkp - s * mkq;
        m[k * n + q] = s * mkp + c * mkq;
    }
}

/// The singular values of `j`, largest first: √ of the eigenvalues of its smaller Gram
/// matrix (an eigenvalue that rounding made slightly negative counts as 0).
pub fn singular_values(j: &Matrix) -> Vec<f64> {
    singular_from(jacobi(&j.gram(), false).values)
}

/// σ_1 ≥ … ≥ σ_n from the Gram matrix's eigenvalues (a negative one, rounding's, counts as 0).
fn singular_from(eigenvalues: Vec<f64>) -> Vec<f64> {
    let mut values: Vec<f64> = eigenvalues.into_iter().map(|l| l.max(0.0).sqrt()).collect();
    values.sort_by(|x, y| y.total_cmp(x));
    values
}

/// One layer of the product: its weights W (`rows` × `cols`, row-major) and φ′(z) of its
/// `rows` units at the point.
pub struct Factor<'a> {
    pub rows: usize,
    pub cols: usize,
    pub weights: &'a [f64],
    pub slopes: &'a [f64],
}

/// J = D_L W_L ⋯ D_2 W_2 from the factors in order (the layer just above a_1 first), starting
/// from the identity on a_1's `width` units.
pub fn chain(width: usize, factors: &[Factor]) -> Matrix {
    factors
        .iter()
        .fold(Matrix::identity(width), |j, f| chain_step(&j, f))
}

/// D·W·J: the product so far, `j`, carried through one more layer.
fn chain_step(j: &Matrix, f: &Factor) -> Matrix {
    let mut next = vec![0.0; f.rows * j.cols];
    for r in 0..f.rows {
        let row = &mut next[r * j.cols..(r + 1) * j.cols];
        for k in 0..f.cols {
            let w = f.weights[r * f.cols + k];
            if w != 0.0 {
                let below = &j.data[k * j.cols..(k + 1) * j.cols];
                row.iter_mut().zip(below).for_each(|(x, b)| *x += w * b);
            }
        }
        row.iter_mut().for_each(|x| *x *= f.slopes[r]);
    }
    Matrix {
        rows: f.rows,
        cols: j.cols,
        data: next,
    }
}

/// Why a network has no spectrum to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpectrumError {
    /// Fewer than two hidden layers: no weight matrix lies between the first and the last.
    TooShallow { hidden: usize },
    /// A hidden layer wider than [`MAX_WIDTH`]: too slow for a frame.
    TooWide { width: usize, max: usize },
    /// The point is not a training point: `index` ≥ `count`.
    PointOutOfRange { index: usize, count: usize },
    /// The weights or the point's pre-activations are not finite (a diverged run).
    NotFinite,
}

impl std::fmt::Display for SpectrumError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            SpectrumError::TooShallow { hidden } => {
                write!(f, "needs 2 hidden layers or more (has {hidden})")
            }
            SpectrumError::TooWide { width, max } => {
                write!(f, "a hidden layer of {width} units (computed up to {max})")
            }
            SpectrumError::PointOutOfRange { index, count } => {
                write!(f, "point {index} is not one of the {count} training points")
            }
            SpectrumError::NotFinite => write!(f, "the weights are not finite"),
        }
    }
}

/// The singular values of J at one training point.
#[derive(Clone, Debug, PartialEq)]
pub struct Spectrum {
    /// σ_1 ≥ … ≥ σ_n.
    pub singular: Vec<f64>,
    /// Weight matrices in the product (hidden layers − 1).
    pub depth: usize,
    /// The training point's index.
    pub point: usize,
}

/// σ_1/σ_n, the condition number, as far as it is resolved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spread {
    /// σ_n ≥ σ_1·[`RESOLUTION`]: the ratio measured.
    Measured(f64),
    /// σ_n below the resolution: the ratio is at least 1/[`RESOLUTION`].
    AtLeast(f64),
    /// σ_1 = 0 (or not finite): J sends everything to 0.
    Zero,
}

impl Spectrum {
    pub fn largest(&self) -> f64 {
        self.singular.first().copied().unwrap_or(0.0)
    }

    pub fn smallest(&self) -> f64 {
        self.singular.last().copied().unwrap_or(0.0)
    }

    /// σ_1/σ_n where resolved (see the module's documentation).
    pub fn spread(&self) -> Spread {
        let (max, min) = (self.largest(), self.smallest());
        if !(max > 0.0 && max.is_finite()) {
            Spread::Zero
        } else if min >= max * RESOLUTION {
            Spread::Measured(max / min)
        } else {
            Spread::AtLeast(1.0 / RESOLUTION)
        }
    }
}

/// The spectrum of `mlp`'s Jacobian from its first to its last hidden layer at training point
/// `point` of `train`: one forward pass of that point in f64 for the slopes φ′(z_l), then the
/// product and its singular values ([`SpectrumWork`] run in one piece).
pub fn spectrum(mlp: &Mlp, train: &Split, point: usize) -> Result<Spectrum, SpectrumError> {
    Ok(SpectrumWork::start(mlp, train, point)?.finish())
}

/// A spectrum being computed a piece at a time (the module's "In pieces"): the weights and
/// slopes it started from (owned, so training may go on meanwhile), and how far it got.
#[derive(Clone, Debug)]
pub struct SpectrumWork {
    point: usize,
    /// Each hidden layer's weights and slopes, as [`forward_point`] made them.
    layers: Vec<OwnedFactor>,
    stage: Stage,
}

/// A [`Factor`] that owns its numbers.
#[derive(Clone, Debug)]
struct OwnedFactor {
    rows: usize,
    cols: usize,
    weights: Vec<f64>,
    slopes: Vec<f64>,
}

impl OwnedFactor {
    fn factor(&self) -> Factor<'_> {
        Factor {
            rows: self.rows,
            cols: self.cols,
            weights: &self.weights,
            slopes: &self.slopes,
        }
    }
}

#[derive(Clone, Debug)]
enum Stage {
    /// The product so far, and the next hidden layer to carry it through (from 1).
    Chain { j: Matrix, next: usize },
    /// Jacobi on J's smaller Gram matrix.
    Eigen(Jacobi),
    /// σ_1 ≥ … ≥ σ_n.
    Done(Vec<f64>),
}

impl SpectrumWork {
    /// Checks that `mlp` has a spectrum at `point` of `train` and does the forward pass (a
    /// small part of the work); [`SpectrumWork::advance`] does the rest.
    pub fn start(mlp: &Mlp, train: &Split, point: usize) -> Result<SpectrumWork, SpectrumError> {
        let hidden = mlp.sizes.len().saturating_sub(2);
        if hidden < 2 {
            return Err(SpectrumError::TooShallow { hidden });
        }
        if let Some(&width) = mlp.sizes[1..=hidden]
            .iter()
            .max()
            .filter(|&&w| w > MAX_WIDTH)
        {
            return Err(SpectrumError::TooWide {
                width,
                max: MAX_WIDTH,
            });
        }
        let count = train.len();
        if point >= count {
            return Err(SpectrumError::PointOutOfRange {
                index: point,
                count,
            });
        }
        let n_in = mlp.sizes[0];
        let x = &train.x[point * n_in..(point + 1) * n_in];
        let layers = forward_point(mlp, x, hidden);
        if layers
            .iter()
            .any(|(w, s)| !w.iter().chain(s).all(|v| v.is_finite()))
        {
            return Err(SpectrumError::NotFinite);
        }
        let shapes = mlp.layers[..hidden].iter();
        Ok(SpectrumWork {
            point,
            layers: (shapes.zip(layers))
                .map(|(shape, (weights, slopes))| OwnedFactor {
                    rows: shape.n_out,
                    cols: shape.n_in,
                    weights,
                    slopes,
                })
                .collect(),
            stage: Stage::Chain {
                j: Matrix::identity(mlp.sizes[1]),
                next: 1,
            },
        })
    }

    /// Goes on for about `work` multiply-adds (at least one factor of the product or one pair
    /// of a Jacobi sweep); returns whether the spectrum is complete.
    pub fn advance(&mut self, work: f64) -> bool {
        let mut spent = 0.0;
        loop {
            match &mut self.stage {
                Stage::Done(_) => return true,
                _ if spent > 0.0 && spent >= work => return false,
                Stage::Chain { j, next } if *next < self.layers.len() => {
                    let factor = self.layers[*next].factor();
                    *j = chain_step(j, &factor);
                    *next += 1;
                    spent += (factor.rows * factor.cols * j.cols) as f64;
                }
                Stage::Chain { j, .. } => {
                    spent += (j.rows * j.cols * j.rows.min(j.cols)) as f64 / 2.0;
                    self.stage = Stage::Eigen(Jacobi::new(j.gram(), false));
                }
                Stage::Eigen(jacobi) => {
                    if jacobi.advance(work - spent) {
                        self.stage = Stage::Done(singular_from(jacobi.values()));
                    }
                    spent = work;
                }
            }
        }
    }

    /// The spectrum, computing whatever is still missing.
    pub fn finish(mut self) -> Spectrum {
        self.advance(f64::INFINITY);
        let Stage::Done(singular) = self.stage else {
            unreachable!("advance without a bound completes the spectrum")
        };
        Spectrum {
            singular,
            depth: self.layers.len() - 1,
            point: self.point,
        }
    }
}

/// Each hidden layer's weights in f64 and the slopes φ′(z_l) at the input `x`, computed plainly
/// (z = W·a + b, a = φ(z)) in f64 from the engine's f32 parameters.
fn forward_point(mlp: &Mlp, x: &[f64], hidden: usize) -> Vec<(Vec<f64>, Vec<f64>)> {
    let act: Activation = mlp.hidden;
    let mut a: Vec<f64> = x.to_vec();
    let mut layers = Vec::with_capacity(hidden);
    for shape in &mlp.layers[..hidden] {
        let w: Vec<f64> = mlp.params[shape.weights()]
            .iter()
            .map(|&v| f64::from(v))
            .collect();
        let b = &mlp.params[shape.biases()];
        let mut slopes = Vec::with_capacity(shape.n_out);
        let mut next = Vec::with_capacity(shape.n_out);
        for (r, bias) in b.iter().enumerate() {
            let row = &w[r * shape.n_in..(r + 1) * shape.n_in];
            let z: f64 = row.iter().zip(&a).map(|(w, a)| w * a).sum::<f64>() + f64::from(*bias);
            let out = act.apply(z);
            slopes.push(act.derivative(z, out));
            next.push(out);
        }
        a = next;
        layers.push((w, slopes));
    }
    layers
}

/// The histogram of one or more spectra on a shared log axis: what the spectrum view draws.
#[derive(Clone, Debug, PartialEq)]
pub struct LogHistogram {
    /// The axis, in log10 σ: whole decades around every resolved σ (at least one decade).
    pub lo: f64,
    pub hi: f64,
    /// Per spectrum, the resolved σ per bin: bin k is centred on `lo + k·width` (a whole decade
    /// is a bin's centre, never an edge, so an isometry at σ = 1 fills one bin).
    pub counts: Vec<Vec<u32>>,
    /// A bin's width in log10 σ.
    pub width: f64,
    /// Per spectrum, the σ below σ_1·[`RESOLUTION`] (or 0), which have no place on the axis.
    pub unresolved: Vec<usize>,
}

/// The σ of `s` that are resolved, as log10 σ.
fn resolved_logs(s: &Spectrum) -> impl Iterator<Item = f64> + '_ {
    let floor = s.largest() * RESOLUTION;
    (s.singular.iter())
        .filter(move |&&v| v > 0.0 && v >= floor && v.is_finite())
        .map(|&v| v.log10())
}

/// `spectra` binned over one log axis from `lo` to `hi`, `bins` bins wide (plus one: the
/// bins are centred on `lo` … `hi`).
pub fn log_histogram(spectra: &[&Spectrum], bins: usize) -> LogHistogram {
    let bins = bins.max(1);
    let (min, max) = (spectra.iter())
        .flat_map(|s| resolved_logs(s))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let (lo, hi) = if !min.is_finite() {
        (-1.0, 1.0)
    } else if max - min < 0.5 {
        // One value, or a narrow band: a decade centred on it.
        let mid = 0.5 * (min + max);
        (mid - 0.5, mid + 0.5)
    } else {
        (min.floor(), max.ceil())
    };
    let width = (hi - lo) / bins as f64;
    let counts = (spectra.iter())
        .map(|s| {
            let mut counts = vec![0u32; bins + 1];
            for v in resolved_logs(s) {
                let k = ((v - lo) / width + 0.5).floor();
                counts[(k.max(0.0) as usize).min(bins)] += 1;
            }
            counts
        })
        .collect();
    let unresolved = (spectra.iter())
        .map(|s| s.singular.len() - resolved_logs(s).count())
        .collect();
    LogHistogram {
        lo,
        hi,
        counts,
        width,
        unresolved,
    }
}

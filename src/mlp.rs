//! The fast engine: a multilayer perceptron 2 → hidden layers → 1 with backprop and SGD.
//!
//! The maths is the textbook one (see [`crate::baseline`] for it written plainly):
//!
//! ```text
//! forward:   z_l = W_l · a_{l-1} + b_l        a_l = g(z_l)        p = σ(z_L)
//! backward:  δ_L = ∂loss/∂z_L                 δ_{l-1} = (W_lᵀ · δ_l) ⊙ g'(z_{l-1})
//!            ∂loss/∂W_l = δ_l · a_{l-1}ᵀ      ∂loss/∂b_l = Σ_batch δ_l
//! update:    v ← μ·v + ∂loss/∂θ               θ ← θ − η·v
//! ```
//!
//! What makes it fast is only the memory layout:
//! - every weight and bias lives in one flat buffer (`params`), layer after layer;
//! - activations are stored unit-major and batch-contiguous (`z[j][s]` with the sample
//!   index `s` innermost), so each inner loop runs over the batch and vectorises;
//! - all buffers are sized once, so a training step allocates nothing.
//!
//! Every sum runs in one fixed order (over inputs `i` for z, over samples `s` for
//! gradients), so a seed gives bit-identical runs natively and in WebAssembly.

use crate::activation::Activation;
use crate::loss::Loss;

/// Largest number of samples pushed through the network at once; bigger batches go in chunks.
pub const CHUNK: usize = 256;

/// Where one layer's weights and biases sit in the flat parameter buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerShape {
    /// Units feeding in (fan_in).
    pub n_in: usize,
    /// Units of this layer (fan_out of its weights).
    pub n_out: usize,
    /// Offset of W (n_out × n_in, row-major: `W[j][i]` at `j·n_in + i`).
    pub w_at: usize,
    /// Offset of b (n_out).
    pub b_at: usize,
}

impl LayerShape {
    pub fn weights(&self) -> std::ops::Range<usize> {
        self.w_at..self.w_at + self.n_in * self.n_out
    }
    pub fn biases(&self) -> std::ops::Range<usize> {
        self.b_at..self.b_at + self.n_out
    }
    /// Weights and biases together (they are adjacent).
    pub fn all(&self) -> std::ops::Range<usize> {
        self.w_at..self.b_at + self.n_out
    }
}

/// The network's parameters and how to read them.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    /// Units per layer, input first: `[2, h1, …, hk, 1]`.
    pub sizes: Vec<usize>,
    /// g for every hidden layer; the output layer is always a sigmoid.
    pub hidden: Activation,
    /// One entry per weight layer (hidden layers, then the output layer).
    pub layers: Vec<LayerShape>,
    /// All weights and biases: `W_1, b_1, W_2, b_2, …`.
    pub params: Vec<f64>,
}

/// Scratch buffers for one chunk of samples: everything the forward and backward passes write.
#[derive(Clone, Debug)]
pub struct Workspace {
    /// Samples held per unit (the stride between units).
    pub capacity: usize,
    /// Offset of layer l's rows in `z`, `a` and `delta` (layer 0 is the input).
    row_at: Vec<usize>,
    /// Pre-activations z_l, unit-major: `z[row_at[l] + j·capacity + s]` (layer 0 unused).
    pub z: Vec<f64>,
    /// Activations a_l = g(z_l); layer 0 holds the inputs, the last layer holds p = σ(z_L).
    pub a: Vec<f64>,
    /// δ_l = ∂loss/∂z_l for the current chunk.
    pub delta: Vec<f64>,
    /// One layer's activations transposed to sample-major (`[s][i]`), so the weight
    /// gradient loop runs along a contiguous row of ∂loss/∂W.
    pub a_by_sample: Vec<f64>,
    /// Targets y of the current chunk.
    pub y: Vec<f64>,
    /// Samples currently loaded.
    pub count: usize,
}

impl Workspace {
    pub fn new(sizes: &[usize], capacity: usize) -> Self {
        let mut row_at = Vec::with_capacity(sizes.len());
        let mut total = 0;
        for &n in sizes {
            row_at.push(total);
            total += n * capacity;
        }
        Workspace {
            capacity,
            row_at,
            z: vec![0.0; total],
            a: vec![0.0; total],
            delta: vec![0.0; total],
            a_by_sample: vec![0.0; sizes.iter().max().copied().unwrap_or(0) * capacity],
            y: vec![0.0; capacity],
            count: 0,
        }
    }

    /// The samples of unit `j` in layer `l` for the loaded chunk, from one of the buffers.
    pub fn unit<'b>(&self, buffer: &'b [f64], l: usize, j: usize) -> &'b [f64] {
        let at = self.row_at[l] + j * self.capacity;
        &buffer[at..at + self.count]
    }

    /// Load inputs (sample-major rows of `n_in` features) and targets for the samples `idx`.
    pub fn load(&mut self, x: &[f64], y: &[f64], idx: impl ExactSizeIterator<Item = usize>) {
        let n_in = self.row_at[1] / self.capacity;
        let count = idx.len();
        debug_assert!(count <= self.capacity);
        for (s, k) in idx.enumerate() {
            for i in 0..n_in {
                self.a[i * self.capacity + s] = x[k * n_in + i];
            }
            self.y[s] = y[k];
        }
        self.count = count;
    }
}

impl Mlp {
    /// A network of the given layer sizes with all parameters zero.
    pub fn new(sizes: &[usize], hidden: Activation) -> Self {
        assert!(
            sizes.len() >= 2,
            "an MLP needs an input and an output layer"
        );
        let mut layers = Vec::with_capacity(sizes.len() - 1);
        let mut at = 0;
        for pair in sizes.windows(2) {
            let (n_in, n_out) = (pair[0], pair[1]);
            layers.push(LayerShape {
                n_in,
                n_out,
                w_at: at,
                b_at: at + n_in * n_out,
            });
            at += n_in * n_out + n_out;
        }
        Mlp {
            sizes: sizes.to_vec(),
            hidden,
            layers,
            params: vec![0.0; at],
        }
    }

    /// The activation of weight layer `l` (0-based): g for hidden layers, σ for the output.
    pub fn activation_of(&self, l: usize) -> Activation {
        if l + 1 == self.layers.len() {
            Activation::Sigmoid
        } else {
            self.hidden
        }
    }

    pub fn workspace(&self, capacity: usize) -> Workspace {
        Workspace::new(&self.sizes, capacity)
    }

    /// Forward pass over the chunk loaded in `ws`: fills z_l and a_l for every layer.
    pub fn forward(&self, ws: &mut Workspace) {
        let (cap, count) = (ws.capacity, ws.count);
        for (l, shape) in self.layers.iter().enumerate() {
            let w = &self.params[shape.weights()];
            let b = &self.params[shape.biases()];
            let g = self.activation_of(l);
            let a_prev = &ws.a[ws.row_at[l]..ws.row_at[l + 1]];
            let z_rows = &mut ws.z[ws.row_at[l + 1]..];
            // z_j = b_j + Σ_i W[j][i] · a_i, accumulated in the order i = 0, 1, …
            let n_in = shape.n_in;
            weighted_sums(
                z_rows,
                shape.n_out,
                a_prev,
                n_in,
                cap,
                count,
                |j| b[j],
                |j, i| w[j * n_in + i],
            );
            // a = g(z)
            let rows = ws.row_at[l + 1]..ws.row_at[l + 1] + shape.n_out * cap;
            let (z, a) = (&ws.z[rows.clone()], &mut ws.a[rows]);
            for j in 0..shape.n_out {
                let span = j * cap..j * cap + count;
                g.apply_slice(&z[span.clone()], &mut a[span]);
            }
        }
    }

    /// Backward pass over the loaded chunk, after [`Mlp::forward`].
    ///
    /// Adds `scale · ∂(Σ_s loss_s)/∂θ` into `grads` (same layout as `params`), so chunks of
    /// one batch accumulate; `scale` is 1/batch for a mean loss. Returns Σ_s loss_s.
    pub fn backward(&self, ws: &mut Workspace, loss: Loss, scale: f64, grads: &mut [f64]) -> f64 {
        let (cap, count) = (ws.capacity, ws.count);
        let top = self.layers.len();
        // δ_L = scale · ∂loss/∂z_L, and the chunk's total loss.
        let mut total = 0.0;
        {
            let at = ws.row_at[top];
            for s in 0..count {
                let (z, y) = (ws.z[at + s], ws.y[s]);
                total += loss.value(z, y);
                ws.delta[at + s] = scale * loss.dz(z, y);
            }
        }
        for l in (0..top).rev() {
            let shape = self.layers[l];
            let (prev, this) = (ws.row_at[l], ws.row_at[l + 1]);
            // ∂/∂W[j][i] += Σ_s δ_j[s] · a_i[s];  ∂/∂b_j += Σ_s δ_j[s]   (summed in the order s = 0, 1, …)
            {
                let n_in = shape.n_in;
                for i in 0..n_in {
                    for (s, &a) in ws.a[prev + i * cap..prev + i * cap + count]
                        .iter()
                        .enumerate()
                    {
                        ws.a_by_sample[s * n_in + i] = a;
                    }
                }
                let g = &mut grads[shape.all()];
                let (gw, gb) = g.split_at_mut(n_in * shape.n_out);
                for j in 0..shape.n_out {
                    let d_j = &ws.delta[this + j * cap..this + j * cap + count];
                    accumulate_outer(
                        &mut gw[j * n_in..(j + 1) * n_in],
                        d_j,
                        &ws.a_by_sample,
                        n_in,
                    );
                    gb[j] = d_j.iter().fold(gb[j], |sum, &d| sum + d);
                }
            }
            if l == 0 {
                break; // no δ for the inputs
            }
            // δ_{l-1}[i] = g'(z_{l-1}[i]) · Σ_j W[j][i] · δ_l[j], accumulated in the order j = 0, 1, …
            let w = &self.params[shape.weights()];
            let g = self.activation_of(l - 1);
            let (lower, upper) = ws.delta.split_at_mut(this);
            let d_below = &mut lower[prev..];
            let n_in = shape.n_in;
            weighted_sums(
                d_below,
                n_in,
                upper,
                shape.n_out,
                cap,
                count,
                |_| 0.0,
                |i, j| w[j * n_in + i],
            );
            for i in 0..n_in {
                let span = prev + i * cap..prev + i * cap + count;
                g.scale_by_derivative(
                    &ws.z[span.clone()],
                    &ws.a[span],
                    &mut d_below[i * cap..i * cap + count],
                );
            }
        }
        total
    }

    /// The probability p = σ(z_L) for the first sample of the loaded chunk onwards.
    pub fn outputs<'w>(&self, ws: &'w Workspace) -> &'w [f64] {
        ws.unit(&ws.a, self.layers.len(), 0)
    }
}

/// `out[r][s] = start(r) + Σ_k coef(r, k) · input[k][s]` for every row r and sample s < count,
/// rows `cap` apart, summing k = 0, 1, … in order.
///
/// This is both `z = W·a + b` (forward) and `δ = Wᵀ·δ'` (backward). Samples go in blocks of
/// 8, 4, 2, 1 whose running sums stay in registers while k runs; that, not the arithmetic,
/// is what makes it several times faster than a loop that re-reads `out` for every k.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn weighted_sums(
    out: &mut [f64],
    rows: usize,
    input: &[f64],
    terms: usize,
    cap: usize,
    count: usize,
    start: impl Fn(usize) -> f64,
    coef: impl Fn(usize, usize) -> f64,
) {
    for r in 0..rows {
        let out_r = &mut out[r * cap..r * cap + count];
        let mut s = 0;
        s = sum_block::<8>(out_r, s, input, terms, cap, start(r), |k| coef(r, k));
        s = sum_block::<4>(out_r, s, input, terms, cap, start(r), |k| coef(r, k));
        s = sum_block::<2>(out_r, s, input, terms, cap, start(r), |k| coef(r, k));
        sum_block::<1>(out_r, s, input, terms, cap, start(r), |k| coef(r, k));
    }
}

/// Fill `out_r` from sample `s` on in blocks of `L` samples; returns where it stopped.
#[inline(always)]
fn sum_block<const L: usize>(
    out_r: &mut [f64],
    mut s: usize,
    input: &[f64],
    terms: usize,
    cap: usize,
    start: f64,
    coef: impl Fn(usize) -> f64,
) -> usize {
    while s + L <= out_r.len() {
        let mut acc = [start; L];
        for k in 0..terms {
            let c = coef(k);
            let x: &[f64; L] = input[k * cap + s..k * cap + s + L].try_into().unwrap();
            for t in 0..L {
                acc[t] += c * x[t];
            }
        }
        out_r[s..s + L].copy_from_slice(&acc);
        s += L;
    }
    s
}

/// `row[i] += Σ_s d[s] · rows_by_sample[s][i]`, summing s = 0, 1, … in order: one row of
/// ∂loss/∂W = δ·aᵀ. Blocks of inputs i keep their running sums in registers while s runs.
#[inline(always)]
fn accumulate_outer(row: &mut [f64], d: &[f64], rows_by_sample: &[f64], width: usize) {
    let mut i = 0;
    i = outer_block::<8>(row, i, d, rows_by_sample, width);
    i = outer_block::<4>(row, i, d, rows_by_sample, width);
    i = outer_block::<2>(row, i, d, rows_by_sample, width);
    outer_block::<1>(row, i, d, rows_by_sample, width);
}

#[inline(always)]
fn outer_block<const L: usize>(
    row: &mut [f64],
    mut i: usize,
    d: &[f64],
    rows_by_sample: &[f64],
    width: usize,
) -> usize {
    while i + L <= row.len() {
        let mut acc: [f64; L] = row[i..i + L].try_into().unwrap();
        for (s, &d_s) in d.iter().enumerate() {
            let a: &[f64; L] = rows_by_sample[s * width + i..s * width + i + L]
                .try_into()
                .unwrap();
            for t in 0..L {
                acc[t] += d_s * a[t];
            }
        }
        row[i..i + L].copy_from_slice(&acc);
        i += L;
    }
    i
}

/// Everything one SGD run owns besides the parameters: gradient, velocity, scratch.
#[derive(Clone, Debug)]
pub struct Trainer {
    /// ∂(mean batch loss)/∂θ of the last step, same layout as `Mlp::params`.
    pub grads: Vec<f64>,
    /// Momentum velocity v, same layout.
    pub velocity: Vec<f64>,
    pub workspace: Workspace,
}

impl Trainer {
    pub fn new(mlp: &Mlp, batch: usize) -> Self {
        Trainer {
            grads: vec![0.0; mlp.params.len()],
            velocity: vec![0.0; mlp.params.len()],
            workspace: mlp.workspace(batch.clamp(1, CHUNK)),
        }
    }

    /// One SGD step on the samples `batch` of (x, y). Returns the batch's mean loss.
    ///
    /// Allocates nothing: the batch is pushed through in chunks of the workspace's capacity.
    #[allow(clippy::too_many_arguments)]
    pub fn step(
        &mut self,
        mlp: &mut Mlp,
        x: &[f64],
        y: &[f64],
        batch: &[usize],
        loss: Loss,
        lr: f64,
        momentum: f64,
    ) -> f64 {
        self.grads.fill(0.0);
        let scale = 1.0 / batch.len() as f64;
        let mut total = 0.0;
        for chunk in batch.chunks(self.workspace.capacity) {
            self.workspace.load(x, y, chunk.iter().copied());
            mlp.forward(&mut self.workspace);
            total += mlp.backward(&mut self.workspace, loss, scale, &mut self.grads);
        }
        if momentum == 0.0 {
            for (p, &g) in mlp.params.iter_mut().zip(&self.grads) {
                *p -= lr * g;
            }
        } else {
            for ((p, v), &g) in mlp
                .params
                .iter_mut()
                .zip(&mut self.velocity)
                .zip(&self.grads)
            {
                *v = momentum * *v + g;
                *p -= lr * *v;
            }
        }
        total * scale
    }
}

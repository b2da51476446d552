//! The fast engine: a multilayer perceptron n_in → hidden layers → output with backprop and SGD.
//!
//! The maths is the textbook one (see [`crate::baseline`] for it written plainly):
//!
//! ```text
//! forward:   z_l = W_l · a_{l-1} + b_l        a_l = g(z_l)        p = σ(z_L) or softmax(z_L)
//! backward:  δ_L = ∂loss/∂z_L                 δ_{l-1} = (W_lᵀ · δ_l) ⊙ g'(z_{l-1})
//!            ∂loss/∂W_l = δ_l · a_{l-1}ᵀ      ∂loss/∂b_l = Σ_batch δ_l
//! update:    v ← μ·v + ∂loss/∂θ               θ ← θ − η·v
//! ```
//!
//! What makes it fast is only the memory layout:
//! - every weight and bias lives in one flat buffer (`params`), layer after layer;
//! - activations are stored unit-major and batch-contiguous (`z[j][s]` with the sample
//!   index `s` innermost), so each inner loop runs over the batch and vectorises;
//! - all buffers are sized once, so a training step allocates nothing;
//! - the three products (z = W·a + b, δ = Wᵀ·δ', ∂W += δ·aᵀ, and ∂b as the weight of a
//!   constant input of 1) all run through one kernel, `Tiled`, which keeps a tile of 4 rows ×
//!   up to 12 samples of running sums in registers (a padded batch of 10 is one tile wide) and
//!   checks its indices once per product rather than once per multiply-add.
//!
//! - numbers are [`Real`] = f32: twice the SIMD lanes of f64 and ample precision for SGD
//!   (the f64 [`crate::baseline`] is the oracle the tests hold it to).
//!
//! **No hidden layer** (`sizes = [2, 1]`, `layers=0`: logistic regression) is the same code with
//! one weight layer: the forward pass is z = W·x + b, the backward pass stops after the output's
//! gradients (∂loss/∂w_i = δ·x_i), and the hidden activation is never used.
//!
//! **The output** ([`Head`]) follows from its width: one unit is a sigmoid p = σ(z) for two
//! classes (labels 0/1, trained on a [`crate::loss::Loss`]); C ≥ 2 units are a softmax
//! p = softmax(z) over C classes (labels the class indices 0, …, C − 1 stored as numbers in
//! `y`, trained on the cross-entropy logsumexp(z) − z_y, so δ_L = p − onehot(y)). The softmax
//! runs across the C rows of the output block, one row at a time along the samples (so it
//! vectorises like the rest), shifted by each sample's largest z (so no exponential
//! overflows); its two per-sample scratch rows are sized with the workspace. Training
//! matches on the head once per chunk.
//!
//! Every sum runs in one fixed order (over inputs `i` for z, over samples `s` for
//! gradients), so a seed gives bit-identical runs natively and in WebAssembly.
//!
//! **Shortcut connections** (`shortcut`, Rumelhart, Hinton & Williams 1986's "XOR 2-1 net"):
//! the inputs x also feed the output unit, so the output layer reads the concatenation
//! [a_{L-1} ; x] and its fan-in is (last hidden width) + 2:
//!
//! ```text
//! z_L = W_L · [a_{L-1} ; x] + b_L          ∂loss/∂W_L = δ_L · [a_{L-1} ; x]ᵀ
//! δ_{L-1} = (W_L[:, ..h]ᵀ · δ_L) ⊙ g'(z_{L-1})   (x has nothing below it: no δ for it)
//! ```
//!
//! The output layer is an ordinary dense layer with `n_in = h + 2`: its weight row is
//! `[w_1 … w_h, w_x1, w_x2]`, the shortcut weights being its **last two columns**, then its
//! bias. The workspace block below the output holds h + 2 rows: the h hidden activations, then
//! a copy of the 2 input rows made by the forward pass (2 × batch copies). So the one kernel
//! computes z_L and ∂loss/∂W_L unchanged, and the backward pass sends δ only into the h hidden
//! rows. Without the shortcut nothing of this runs (one test per layer in the forward pass).

use crate::activation::fast;
use crate::activation::Activation;
use crate::init::Distribution;
use crate::loss::Head;
use crate::rng::Rng;

/// The engine's number type, re-exported from its leaf module [`crate::real`].
pub use crate::real::Real;

/// Largest number of samples pushed through the network at once; bigger batches go in chunks.
pub const CHUNK: usize = 256;

/// Samples are processed in whole groups of this many (one 128-bit SIMD register of f32);
/// a chunk's last group is padded with zero inputs that no sum over samples ever reads.
pub const LANES: usize = 4;

/// A constant input of 1 for every sample of a chunk: what a bias multiplies.
static ONES: [Real; CHUNK] = [1.0; CHUNK];

/// A number stopped being finite: the run has diverged. Says where it was first seen, because
/// that decides which step the run diverged at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonFinite {
    /// A pre-activation z of some layer, in the forward pass at the current weights. ReLU would
    /// hide a z of −∞ (its output is 0), so every layer's z is checked, not only the output.
    Forward,
    /// A weight or bias, just after an update.
    Update,
}

/// The exponent bits of an f32: all ones exactly for ±∞ and NaN.
const EXPONENT_BITS: u32 = 0x7f80_0000;

/// True when every number is finite. Written as a maximum over exponent bits (no early exit,
/// no branch) so that it vectorises and costs next to nothing beside the loop that made the numbers.
fn all_finite(xs: &[Real]) -> bool {
    xs.iter()
        .fold(0, |max, x| (x.to_bits() & EXPONENT_BITS).max(max))
        != EXPONENT_BITS
}

/// Calls `each` with the spans `j·stride .. j·stride + len` of rows j < rows, or, when the
/// rows fill their stride (`len == stride`: a full chunk), once with all of them: one long
/// loop for an element-wise pass instead of many short ones.
#[inline(always)]
fn for_each_row(
    rows: usize,
    stride: usize,
    len: usize,
    mut each: impl FnMut(std::ops::Range<usize>),
) {
    if len == stride {
        each(0..rows * stride);
    } else {
        (0..rows).for_each(|j| each(j * stride..j * stride + len));
    }
}

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

/// (fan_in, fan_out) of every weight layer of a network with `sizes` units per layer (input
/// first): each layer reads the layer below; with `shortcut` the output layer also reads the
/// inputs, so its fan_in is the last hidden width + `sizes[0]`. [`Mlp::with_shortcut`] lays
/// out its layers by this, and validation resolves every layer's init by it.
pub fn fans(sizes: &[usize], shortcut: bool) -> Vec<(usize, usize)> {
    let top = sizes.len().saturating_sub(1);
    (1..=top)
        .map(|l| {
            let extra = if shortcut && l == top { sizes[0] } else { 0 };
            (sizes[l - 1] + extra, sizes[l])
        })
        .collect()
}

/// The network's parameters and how to read them.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    /// Units per layer, input first: `[n_in, h1, …, hk, n_out]`; n_out = 1 is a sigmoid
    /// output, n_out = C ≥ 2 a softmax over C classes (see the module's documentation).
    pub sizes: Vec<usize>,
    /// g for every hidden layer; the output layer is a sigmoid or a softmax.
    pub hidden: Activation,
    /// Whether the inputs also feed the output unit (the output's weight row ends with the
    /// n_in shortcut weights; see the module's documentation).
    pub shortcut: bool,
    /// One entry per weight layer (hidden layers, then the output layer).
    pub layers: Vec<LayerShape>,
    /// All weights and biases: `W_1, b_1, W_2, b_2, …`.
    pub params: Vec<Real>,
}

/// Scratch buffers for one chunk of samples: everything the forward and backward passes write.
#[derive(Clone, Debug)]
pub struct Workspace {
    /// Samples held per unit (the stride between units).
    pub capacity: usize,
    /// Offset of block l's rows in `z`, `a` and `delta`: block 0 holds the inputs, block l the
    /// units of layer l, and every block below a weight layer holds that layer's n_in rows
    /// (with the shortcut, the block below the output ends with a copy of the inputs).
    row_at: Vec<usize>,
    /// Pre-activations z_l, unit-major: `z[row_at[l] + j·capacity + s]` (layer 0 unused).
    pub z: Vec<Real>,
    /// Activations a_l = g(z_l); layer 0 holds the inputs, the last layer holds p = σ(z_L).
    pub a: Vec<Real>,
    /// δ_l = ∂loss/∂z_l for the current chunk.
    pub delta: Vec<Real>,
    /// One layer's activations transposed to sample-major (`[s][i]`), so the weight
    /// gradient loop runs along a contiguous row of ∂loss/∂W.
    pub a_by_sample: Vec<Real>,
    /// Targets y of the current chunk (0/1, or a class index for a softmax output).
    pub y: Vec<f64>,
    /// A softmax output's per-sample scratch: each sample's largest z, then its Σ e^{z − max}
    /// (2 × capacity; empty for a sigmoid output).
    softmax_scratch: Vec<Real>,
    /// Samples currently loaded.
    pub count: usize,
    /// `count` rounded up to whole groups of [`LANES`]: what the per-sample loops run over.
    pub lanes: usize,
}

impl Workspace {
    /// Buffers for `capacity` samples of blocks of `sizes[l]` rows each (see `row_at`); the
    /// last block is the output's.
    pub fn new(sizes: &[usize], capacity: usize) -> Self {
        let capacity = capacity.div_ceil(LANES) * LANES;
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
            softmax_scratch: match sizes.last() {
                Some(&classes) if classes > 1 => vec![0.0; 2 * capacity],
                _ => Vec::new(),
            },
            count: 0,
            lanes: 0,
        }
    }

    /// The samples of unit `j` in layer `l` for the loaded chunk, from one of the buffers.
    pub fn unit<'b, T>(&self, buffer: &'b [T], l: usize, j: usize) -> &'b [T] {
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
                self.a[i * self.capacity + s] = x[k * n_in + i] as Real;
            }
            self.y[s] = y[k];
        }
        self.count = count;
        self.lanes = count.div_ceil(LANES) * LANES;
        for i in 0..n_in {
            self.a[i * self.capacity + count..i * self.capacity + self.lanes].fill(0.0);
        }
    }
}

impl Mlp {
    /// A network of the given layer sizes with all parameters zero.
    pub fn new(sizes: &[usize], hidden: Activation) -> Self {
        Mlp::with_shortcut(sizes, hidden, false)
    }

    /// A network of the given layer sizes with all parameters zero; with `shortcut` the inputs
    /// also feed the output unit (which needs a hidden layer between them).
    pub fn with_shortcut(sizes: &[usize], hidden: Activation, shortcut: bool) -> Self {
        assert!(
            sizes.len() >= 2,
            "an MLP needs an input and an output layer"
        );
        assert!(
            !shortcut || sizes.len() >= 3,
            "a shortcut needs a hidden layer between the inputs and the output"
        );
        let mut layers = Vec::with_capacity(sizes.len() - 1);
        let mut at = 0;
        for (n_in, n_out) in fans(sizes, shortcut) {
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
            shortcut,
            layers,
            params: vec![0.0; at],
        }
    }

    /// The activation of weight layer `l` (0-based): g for hidden layers, σ for a one-unit
    /// output. A softmax output has no unit-wise activation: it is `Linear` here (its z are
    /// the logits), and the forward pass applies the softmax across its units.
    pub fn activation_of(&self, l: usize) -> Activation {
        if l + 1 < self.layers.len() {
            self.hidden
        } else if self.is_softmax() {
            Activation::Linear
        } else {
            Activation::Sigmoid
        }
    }

    /// Units of the output layer: 1 (sigmoid) or the number of classes C (softmax).
    pub fn output_units(&self) -> usize {
        self.sizes.last().copied().unwrap_or(0)
    }

    /// Whether the output is a softmax over C ≥ 2 classes (else one sigmoid unit).
    pub fn is_softmax(&self) -> bool {
        self.output_units() > 1
    }

    /// The head `head` as it fits this network's output; panics on a mismatch (a softmax head
    /// on one unit, a sigmoid on several), which is a caller's bug and not a user's input.
    fn checked(&self, head: impl Into<Head>) -> Head {
        let head = head.into();
        assert!(
            head.fits(self.output_units()),
            "{head:?} does not fit an output of {} units",
            self.output_units()
        );
        head
    }

    /// Draw the parameters in `range` (e.g. `layers[l].weights()`) from `dist`, in order.
    pub fn fill(&mut self, range: std::ops::Range<usize>, dist: &Distribution, rng: &mut Rng) {
        for p in &mut self.params[range] {
            *p = dist.sample(rng) as Real;
        }
    }

    /// Scratch for `capacity` samples: below each weight layer a block of its n_in rows,
    /// then the output's rows.
    pub fn workspace(&self, capacity: usize) -> Workspace {
        let rows: Vec<usize> = (self.layers.iter().map(|shape| shape.n_in))
            .chain(self.sizes.last().copied())
            .collect();
        Workspace::new(&rows, capacity)
    }

    /// Forward pass over the chunk loaded in `ws`: fills z_l and a_l for every layer.
    /// Fails when some z of the loaded samples is not finite (the buffers are filled all the same).
    pub fn forward(&self, ws: &mut Workspace) -> Result<(), NonFinite> {
        let mut finite = true;
        for l in 0..self.layers.len() {
            finite &= self.forward_layer(ws, l);
        }
        if finite {
            Ok(())
        } else {
            Err(NonFinite::Forward)
        }
    }

    /// Weight layer `l`'s share of [`Mlp::forward`] (layers 0 … l − 1 done): z_{l+1} and
    /// a_{l+1}; false when some z of the loaded samples is not finite. A pass spread over
    /// frames stops between layers.
    pub fn forward_layer(&self, ws: &mut Workspace, l: usize) -> bool {
        let mut finite = true;
        // Padding samples ride along: each loop below runs over whole SIMD groups.
        let (cap, count, samples) = (ws.capacity, ws.lanes, ws.count);
        let top = self.layers.len();
        let shape = self.layers[l];
        {
            if self.shortcut && l + 1 == top {
                // [a_{L-1} ; x]: copy the input rows after the last hidden layer's rows.
                let (inputs, above) = ws.a.split_at_mut(ws.row_at[1]);
                let at = ws.row_at[l] + self.sizes[l] * cap - ws.row_at[1];
                for i in 0..self.sizes[0] {
                    let row = i * cap..i * cap + count;
                    above[at + row.start..at + row.end].copy_from_slice(&inputs[row]);
                }
            }
            let w = &self.params[shape.weights()];
            let b = &self.params[shape.biases()];
            let g = self.activation_of(l);
            let a_prev = &ws.a[ws.row_at[l]..ws.row_at[l + 1]];
            let z_rows = &mut ws.z[ws.row_at[l + 1]..];
            // z_j = b_j + Σ_i W[j][i] · a_i, accumulated in the order i = 0, 1, …
            let n_in = shape.n_in;
            for (j, &b_j) in b.iter().enumerate() {
                z_rows[j * cap..j * cap + count].fill(b_j);
            }
            Tiled {
                rows: shape.n_out,
                cols: count,
                terms: n_in,
                out_stride: cap,
                in_stride: cap,
            }
            .add_products(
                z_rows,
                a_prev,
                Strided {
                    values: w,
                    row_stride: n_in,
                    term_stride: 1,
                },
            );
            // a = g(z), or a softmax across the output's units
            let rows = ws.row_at[l + 1]..ws.row_at[l + 1] + shape.n_out * cap;
            let (z, a) = (&ws.z[rows.clone()], &mut ws.a[rows]);
            if l + 1 == top && self.is_softmax() {
                softmax_columns(z, a, &mut ws.softmax_scratch, shape.n_out, cap, count);
            } else {
                for_each_row(shape.n_out, cap, count, |span| {
                    g.apply_slice(&z[span.clone()], &mut a[span])
                });
            }
            for j in 0..shape.n_out {
                finite &= all_finite(&z[j * cap..j * cap + samples]); // padding aside
            }
        }
        finite
    }

    /// Σ_s loss_s over the loaded chunk, after [`Mlp::forward`] (in f64 from the f32 logits;
    /// training does not need it, evaluation does). `head` is a [`crate::loss::Loss`] for a
    /// one-unit output, [`Head::Softmax`] for C ≥ 2 units.
    pub fn loss_sum(&self, ws: &Workspace, head: impl Into<Head>) -> f64 {
        let top = self.layers.len();
        match self.checked(head) {
            Head::Sigmoid(loss) => {
                let z = ws.unit(&ws.z, top, 0);
                z.iter()
                    .zip(&ws.y)
                    .map(|(&z, &y)| loss.value(z as f64, y))
                    .sum()
            }
            Head::Softmax => {
                let (at, cap, classes) = (ws.row_at[top], ws.capacity, self.output_units());
                (ws.y[..ws.count].iter().enumerate())
                    .map(|(s, &y)| {
                        let z = |k: usize| ws.z[at + k * cap + s] as f64;
                        crate::loss::softmax_cross_entropy_by(classes, z, y)
                    })
                    .sum()
            }
        }
    }

    /// Adds `scale · ∂(Σ_s loss_s)/∂θ` into `grads` (same layout as `params`), so chunks of
    /// one batch accumulate; `scale` is 1/batch for a mean loss. `head` as for [`Mlp::loss_sum`].
    pub fn backward(
        &self,
        ws: &mut Workspace,
        head: impl Into<Head>,
        scale: f64,
        grads: &mut [Real],
    ) {
        self.backward_output(ws, head, scale);
        for l in (0..self.layers.len()).rev() {
            self.backward_layer(ws, l, grads);
        }
    }

    /// The start of [`Mlp::backward`]: δ_L = scale · ∂loss/∂z_L of the output layer.
    pub fn backward_output(&self, ws: &mut Workspace, head: impl Into<Head>, scale: f64) {
        let (cap, count, lanes) = (ws.capacity, ws.count, ws.lanes);
        let top = self.layers.len();
        match self.checked(head) {
            Head::Sigmoid(loss) => {
                let at = ws.row_at[top];
                let scale = scale as Real;
                // Over whole SIMD groups; padding samples carry no gradient (a select, not a
                // second loop: a short fill would be a call to memset).
                let (z, y) = (&ws.z[at..at + lanes], &ws.y[..lanes]);
                let deltas = ws.delta[at..at + lanes].iter_mut().zip(z).zip(y);
                for (s, ((delta, &z), &y)) in deltas.enumerate() {
                    let d = scale * loss.output_delta(z, y as Real);
                    *delta = if s < count { d } else { 0.0 };
                }
            }
            Head::Softmax => {
                // δ_k = scale · (p_k − [y = k]), one class row at a time along the samples.
                let scale = scale as Real;
                for k in 0..self.output_units() {
                    let row = ws.row_at[top] + k * cap..ws.row_at[top] + k * cap + lanes;
                    let (p, y) = (&ws.a[row.clone()], &ws.y[..lanes]);
                    let deltas = ws.delta[row].iter_mut().zip(p).zip(y);
                    let class = k as f64;
                    for (s, ((delta, &p), &y)) in deltas.enumerate() {
                        let d = scale * (p - if y == class { 1.0 } else { 0.0 });
                        *delta = if s < count { d } else { 0.0 };
                    }
                }
            }
        }
    }

    /// Weight layer `l`'s share of [`Mlp::backward`] (layers above it done): adds its
    /// gradient into `grads` and, below the first layer, fills δ_l. A pass spread over
    /// frames stops between layers.
    pub fn backward_layer(&self, ws: &mut Workspace, l: usize, grads: &mut [Real]) {
        let (cap, count, lanes) = (ws.capacity, ws.count, ws.lanes);
        {
            let shape = self.layers[l];
            let (prev, this) = (ws.row_at[l], ws.row_at[l + 1]);
            // ∂/∂W[j][i] += Σ_s δ_j[s] · a_i[s];  ∂/∂b_j += Σ_s δ_j[s]   (summed in the order s = 0, 1, …)
            {
                let n_in = shape.n_in;
                let rows = ws.a[prev..prev + n_in * cap].chunks_exact(cap);
                for (i, a_i) in rows.enumerate() {
                    // a_by_sample[s·n_in + i] = a_i[s], walked by iterators (no index checks)
                    let column = ws.a_by_sample[i..].iter_mut().step_by(n_in);
                    for (to, &a) in column.zip(&a_i[..count]) {
                        *to = a;
                    }
                }
                let g = &mut grads[shape.all()];
                let (gw, gb) = g.split_at_mut(n_in * shape.n_out);
                let deltas = &ws.delta[this..];
                Tiled {
                    rows: shape.n_out,
                    cols: n_in,
                    terms: count,
                    out_stride: n_in,
                    in_stride: n_in,
                }
                .add_products(
                    gw,
                    &ws.a_by_sample,
                    Strided {
                        values: deltas,
                        row_stride: cap,
                        term_stride: 1,
                    },
                );
                // ∂/∂b_j is the weight gradient of a constant input of 1 (δ · 1 is δ exactly):
                // the same kernel then runs four rows' sums side by side.
                Tiled {
                    rows: shape.n_out,
                    cols: 1,
                    terms: count,
                    out_stride: 1,
                    in_stride: 1,
                }
                .add_products(
                    gb,
                    &ONES,
                    Strided {
                        values: deltas,
                        row_stride: cap,
                        term_stride: 1,
                    },
                );
            }
            if l == 0 {
                return; // no δ for the inputs
            }
            // δ_{l-1}[i] = g'(z_{l-1}[i]) · Σ_j W[j][i] · δ_l[j], accumulated in the order j = 0, 1, …
            // for the units i of layer l-1 only: a shortcut's copied inputs (the last rows of
            // the block) have no derivative and nothing below them.
            let w = &self.params[shape.weights()];
            let g = self.activation_of(l - 1);
            let (lower, upper) = ws.delta.split_at_mut(this);
            let d_below = &mut lower[prev..];
            let (n_in, units) = (shape.n_in, self.sizes[l]);
            for_each_row(units, cap, lanes, |span| d_below[span].fill(0.0));
            Tiled {
                rows: units,
                cols: lanes,
                terms: shape.n_out,
                out_stride: cap,
                in_stride: cap,
            }
            .add_products(
                d_below,
                upper,
                Strided {
                    values: w,
                    row_stride: 1,
                    term_stride: n_in,
                },
            );
            for_each_row(units, cap, lanes, |span| {
                let (z, a) = (&ws.z[prev..], &ws.a[prev..]);
                g.scale_by_derivative(&z[span.clone()], &a[span.clone()], &mut d_below[span]);
            });
        }
    }

    /// The probability p = σ(z_L) for the first sample of the loaded chunk onwards (for a
    /// softmax output: the probability of class 0).
    pub fn outputs<'w>(&self, ws: &'w Workspace) -> &'w [Real] {
        self.probabilities(ws, 0)
    }

    /// A softmax output's probability of class `k` for each loaded sample, after
    /// [`Mlp::forward`] (for a sigmoid output, k = 0 is p = σ(z_L)).
    pub fn probabilities<'w>(&self, ws: &'w Workspace, k: usize) -> &'w [Real] {
        ws.unit(&ws.a, self.layers.len(), k)
    }
}

/// a = softmax(z) down every sample's column of `classes` rows (unit-major, `stride` apart),
/// for the first `lanes` samples: the shifted form of [`crate::loss::softmax`] in f32, written
/// row by row so that every loop runs along the samples and vectorises. `scratch` holds
/// 2 × stride numbers: each sample's largest z, then its Σ e^{z − max} (summed k = 0, 1, …).
fn softmax_columns(
    z: &[Real],
    a: &mut [Real],
    scratch: &mut [Real],
    classes: usize,
    stride: usize,
    lanes: usize,
) {
    let (max, sum) = scratch.split_at_mut(stride);
    let (max, sum) = (&mut max[..lanes], &mut sum[..lanes]);
    let row = |k: usize| k * stride..k * stride + lanes;
    max.copy_from_slice(&z[row(0)]);
    for k in 1..classes {
        for (m, &z) in max.iter_mut().zip(&z[row(k)]) {
            *m = if z > *m { z } else { *m };
        }
    }
    // e^{z − max} ≤ 1, with 1 for the largest z: the sum lies in [1, C] and never overflows.
    for k in 0..classes {
        let (a, z) = (&mut a[row(k)], &z[row(k)]);
        for (((a, &z), &m), s) in a.iter_mut().zip(z).zip(&*max).zip(sum.iter_mut()) {
            *a = fast::exp(z - m);
            *s = if k == 0 { *a } else { *s + *a };
        }
    }
    for k in 0..classes {
        for (a, &s) in a[row(k)].iter_mut().zip(&*sum) {
            *a /= s;
        }
    }
}

/// The one kernel of the engine: `out[r][t] += Σ_k coef(r, k) · input[k][t]` for every row
/// r < rows and column t < cols, summing k = 0, 1, … in order. It is
/// - `z = W·a + b` (rows: units, columns: samples, k: inputs; `out` starts at b),
/// - `δ = Wᵀ·δ'` (rows: units below, columns: samples, k: units above; `out` starts at 0),
/// - `∂W += δ·aᵀ` (rows: units, columns: inputs, k: samples; `out` is the running gradient).
///
/// The work goes in tiles of R rows × L columns whose R·L running sums stay in registers
/// while k runs: enough independent sums to keep the adder busy, and `out` is read and
/// written once per tile instead of once per k. That layout, not the arithmetic, is what
/// makes the engine fast; the order of every sum is the plain one, so results do not
/// depend on the tiling.
///
/// `input` and the coefficients are read with unchecked indexing inside the tiles: every
/// index the tiles can form is checked once, up front, by [`Tiled::add_products`]. Checked
/// indexing in the innermost loop cost a third of the time of small layers.
struct Tiled {
    rows: usize,
    cols: usize,
    terms: usize,
    /// Distance between rows of `out`.
    out_stride: usize,
    /// Distance between rows (k) of `input`.
    in_stride: usize,
}

/// A matrix read in place: element (r, k) at `values[r·row_stride + k·term_stride]`. W is
/// read with strides (n_in, 1) for z = W·a and transposed, (1, n_in), for δ = Wᵀ·δ'.
#[derive(Clone, Copy)]
struct Strided<'m> {
    values: &'m [Real],
    row_stride: usize,
    term_stride: usize,
}

/// Whether a block of `rows × cols` elements at `i·row_stride + j·col_stride` (i < rows,
/// j < cols) lies inside a buffer of `len` elements; true for an empty block. Overflow-proof,
/// because the kernel's unchecked reads rest on it.
fn block_fits(
    len: usize,
    (rows, row_stride): (usize, usize),
    (cols, col_stride): (usize, usize),
) -> bool {
    if rows == 0 || cols == 0 {
        return true;
    }
    let last = (rows - 1)
        .checked_mul(row_stride)
        .zip((cols - 1).checked_mul(col_stride))
        .and_then(|(a, b)| a.checked_add(b));
    last.is_some_and(|last| last < len)
}

impl Strided<'_> {
    /// Whether every element (r, k) with r < rows and k < terms lies inside `values`.
    fn holds(&self, rows: usize, terms: usize) -> bool {
        block_fits(
            self.values.len(),
            (rows, self.row_stride),
            (terms, self.term_stride),
        )
    }

    /// Element (r, k), without a bounds check.
    ///
    /// # Safety
    /// `holds(rows, terms)` must be true for some rows > r and terms > k.
    #[inline(always)]
    unsafe fn get(&self, r: usize, k: usize) -> Real {
        // SAFETY: r·row_stride + k·term_stride ≤ the largest index `holds` checked.
        unsafe {
            *self
                .values
                .get_unchecked(r * self.row_stride + k * self.term_stride)
        }
    }
}

impl Tiled {
    /// Adds the products into `out`; panics if `out`, `input` or `coefs` is too short for
    /// the shape (the one bounds check of the whole product).
    #[inline(always)]
    fn add_products(&self, out: &mut [Real], input: &[Real], coefs: Strided) {
        assert!(block_fits(
            out.len(),
            (self.rows, self.out_stride),
            (self.cols, 1)
        ));
        assert!(block_fits(
            input.len(),
            (self.terms, self.in_stride),
            (self.cols, 1)
        ));
        assert!(coefs.holds(self.rows, self.terms));
        let mut t = 0;
        t = self.tiles::<12, 4>(out, input, coefs, t);
        t = self.tiles::<8, 4>(out, input, coefs, t);
        t = self.tiles::<4, 4>(out, input, coefs, t);
        t = self.tiles::<2, 4>(out, input, coefs, t);
        self.tiles::<1, 4>(out, input, coefs, t);
    }

    /// Columns `t..` in blocks of L, rows in groups of R (then singly); returns where it stopped.
    #[inline(always)]
    fn tiles<const L: usize, const R: usize>(
        &self,
        out: &mut [Real],
        input: &[Real],
        coefs: Strided,
        mut t: usize,
    ) -> usize {
        while t + L <= self.cols {
            let mut r = 0;
            while r + R <= self.rows {
                self.tile::<L, R>(out, input, coefs, r, t);
                r += R;
            }
            while r < self.rows {
                self.tile::<L, 1>(out, input, coefs, r, t);
                r += 1;
            }
            t += L;
        }
        t
    }

    /// Rows r..r+R, columns t..t+L: needs r + R ≤ rows and t + L ≤ cols, and the checks of
    /// [`Tiled::add_products`].
    #[inline(always)]
    fn tile<const L: usize, const R: usize>(
        &self,
        out: &mut [Real],
        input: &[Real],
        coefs: Strided,
        r: usize,
        t: usize,
    ) {
        let mut acc = [[0.0; L]; R];
        for (q, acc_q) in acc.iter_mut().enumerate() {
            *acc_q = out[(r + q) * self.out_stride + t..][..L]
                .try_into()
                .unwrap();
        }
        for k in 0..self.terms {
            let at = k * self.in_stride + t;
            // SAFETY: at + L − 1 ≤ (terms − 1)·in_stride + cols − 1 < input.len() (add_products).
            let x: &[Real; L] = unsafe { input.get_unchecked(at..at + L) }
                .try_into()
                .unwrap();
            for (q, acc_q) in acc.iter_mut().enumerate() {
                // SAFETY: r + q < rows and k < terms, and add_products checked coefs.holds.
                let c = unsafe { coefs.get(r + q, k) };
                for (sum, &x) in acc_q.iter_mut().zip(x) {
                    *sum += c * x;
                }
            }
        }
        for (q, acc_q) in acc.iter().enumerate() {
            out[(r + q) * self.out_stride + t..][..L].copy_from_slice(acc_q);
        }
    }
}

/// Everything one SGD run owns besides the parameters: gradient, velocity, scratch.
#[derive(Clone, Debug)]
pub struct Trainer {
    /// ∂(mean batch loss)/∂θ of the last step, same layout as `Mlp::params`.
    pub grads: Vec<Real>,
    /// Momentum velocity v, same layout.
    pub velocity: Vec<Real>,
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

    /// One SGD step on the samples `batch` of (x, y), on the loss of `head`: a
    /// [`crate::loss::Loss`] for a one-unit output, [`Head::Softmax`] for C ≥ 2 units (panics
    /// on a head that does not fit).
    ///
    /// Fails with [`NonFinite::Forward`], leaving the parameters as they were, when the forward
    /// pass at the current weights is not finite; with [`NonFinite::Update`] when the update
    /// made a parameter non-finite. Both checks ride on loops that run anyway.
    ///
    /// Allocates nothing: the batch is pushed through in chunks of the workspace's capacity.
    #[allow(clippy::too_many_arguments)]
    pub fn step(
        &mut self,
        mlp: &mut Mlp,
        x: &[f64],
        y: &[f64],
        batch: &[usize],
        head: impl Into<Head>,
        lr: f64,
        momentum: f64,
    ) -> Result<(), NonFinite> {
        let head = mlp.checked(head);
        self.grads.fill(0.0);
        let scale = 1.0 / batch.len() as f64;
        for chunk in batch.chunks(self.workspace.capacity) {
            self.workspace.load(x, y, chunk.iter().copied());
            mlp.forward(&mut self.workspace)?;
            mlp.backward(&mut self.workspace, head, scale, &mut self.grads);
        }
        let (lr, momentum) = (lr as Real, momentum as Real);
        // The largest exponent among the new parameters: all ones means one is ±∞ or NaN.
        let mut exponents = 0;
        if momentum == 0.0 {
            for (p, &g) in mlp.params.iter_mut().zip(&self.grads) {
                *p -= lr * g;
                exponents = exponents.max(p.to_bits() & EXPONENT_BITS);
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
                exponents = exponents.max(p.to_bits() & EXPONENT_BITS);
            }
        }
        if exponents == EXPONENT_BITS {
            Err(NonFinite::Update)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_fits_checks_the_last_element_and_never_overflows() {
        // 3 rows of 4 at stride 5: the last element is 2·5 + 3 = 13.
        assert!(block_fits(14, (3, 5), (4, 1)));
        assert!(!block_fits(13, (3, 5), (4, 1)));
        // Read transposed (W for δ = Wᵀ·δ'): rows step by 1, terms by the row length.
        assert!(block_fits(12, (4, 1), (3, 4)));
        assert!(!block_fits(11, (4, 1), (3, 4)));
        // Empty blocks touch nothing.
        assert!(block_fits(0, (0, 7), (5, 1)));
        assert!(block_fits(0, (5, 7), (0, 1)));
        // Strides that would wrap around are refused, not wrapped.
        assert!(!block_fits(usize::MAX, (3, usize::MAX / 2 + 1), (1, 1)));
        assert!(!block_fits(usize::MAX, (2, usize::MAX - 1), (3, 1)));
    }
}

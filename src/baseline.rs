//! The same network written as plainly as possible: one neuron at a time, one sample at a time.
//!
//! This is the textbook version of backprop (in the spirit of micrograd's `nn.py`):
//! a [`Neuron`] holds its weights `w` and bias `b`, a [`Layer`] is a list of neurons,
//! an [`Mlp`] is a list of layers. Every formula appears once, in the obvious place.
//! It is the **test oracle** (the fast engine must agree with it) and the **benchmark
//! baseline** (the fast engine must beat it). It is never used by the page.
//!
//! With no hidden layer (`layers=0`) the output neuron reads x itself: logistic regression.
//!
//! With `shortcut` (the XOR 2-1 net) the output neuron reads the last hidden layer's
//! activations followed by the inputs x, so its `w` ends with the n_in shortcut weights.
//!
//! The output is one sigmoid neuron (two classes, labels 0/1), or C ≥ 2 neurons whose logits z
//! a softmax turns into class probabilities (labels the class indices 0, …, C − 1), trained on
//! the cross-entropy logsumexp(z) − z_y: see [`Head`].

use crate::activation::Activation;
use crate::loss::{self, Head};

/// One unit: a = g(w · x + b).
#[derive(Clone, Debug, PartialEq)]
pub struct Neuron {
    pub w: Vec<f64>,
    pub b: f64,
}

/// A layer of neurons sharing one activation function (a softmax output layer's is `Linear`:
/// the softmax is applied across the layer, see [`Mlp::forward`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub neurons: Vec<Neuron>,
    pub act: Activation,
}

/// What a forward pass remembers for the backward pass: every layer's z and a.
#[derive(Clone, Debug, PartialEq)]
pub struct Trace {
    /// `zs[l][j]`: pre-activation of unit j in layer l.
    pub zs: Vec<Vec<f64>>,
    /// `activations[0]` is the input x; `activations[l + 1]` is layer l's output (for a
    /// softmax output layer, the class probabilities).
    pub activations: Vec<Vec<f64>>,
}

/// Gradients with the same shape as the network.
#[derive(Clone, Debug, PartialEq)]
pub struct Gradients {
    /// `dw[l][j][i]` = ∂loss/∂w of input i into unit j of layer l.
    pub dw: Vec<Vec<Vec<f64>>>,
    /// `db[l][j]` = ∂loss/∂b of unit j of layer l.
    pub db: Vec<Vec<f64>>,
}

/// A multilayer perceptron with a sigmoid output unit or a softmax output layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    pub layers: Vec<Layer>,
    /// Whether the inputs also feed the output layer: it then reads [a ; x].
    pub shortcut: bool,
}

impl Neuron {
    /// z = w · x + b, summed in input order.
    pub fn pre_activation(&self, x: &[f64]) -> f64 {
        let mut z = self.b;
        for (wi, xi) in self.w.iter().zip(x) {
            z += wi * xi;
        }
        z
    }
}

impl Mlp {
    /// Build the network from the fast engine's parameters (same values, plain layout).
    pub fn from_engine(engine: &crate::mlp::Mlp) -> Mlp {
        let layers = engine
            .layers
            .iter()
            .enumerate()
            .map(|(l, shape)| Layer {
                act: engine.activation_of(l),
                neurons: (0..shape.n_out)
                    .map(|j| Neuron {
                        w: engine.params
                            [shape.w_at + j * shape.n_in..shape.w_at + (j + 1) * shape.n_in]
                            .iter()
                            .map(|&w| w as f64)
                            .collect(),
                        b: engine.params[shape.b_at + j] as f64,
                    })
                    .collect(),
            })
            .collect();
        Mlp {
            layers,
            shortcut: engine.shortcut,
        }
    }

    /// What layer `l` reads: the layer below's activations (x for the first layer), and for
    /// the output of a shortcut net the inputs x after them.
    fn input_of(&self, l: usize, trace: &Trace) -> Vec<f64> {
        let mut input = trace.activations[l].clone();
        if self.shortcut && l + 1 == self.layers.len() {
            input.extend(&trace.activations[0]);
        }
        input
    }

    /// Whether the output is a softmax over C ≥ 2 classes (else one sigmoid neuron).
    pub fn is_softmax(&self) -> bool {
        self.layers
            .last()
            .is_some_and(|layer| layer.neurons.len() > 1)
    }

    /// Forward pass for one sample x, keeping every z and a.
    pub fn forward(&self, x: &[f64]) -> Trace {
        let mut trace = Trace {
            zs: Vec::new(),
            activations: vec![x.to_vec()],
        };
        for (l, layer) in self.layers.iter().enumerate() {
            let input = self.input_of(l, &trace);
            let z: Vec<f64> = layer
                .neurons
                .iter()
                .map(|n| n.pre_activation(&input))
                .collect();
            let a: Vec<f64> = if l + 1 == self.layers.len() && self.is_softmax() {
                loss::softmax(&z)
            } else {
                z.iter().map(|&z| layer.act.apply(z)).collect()
            };
            trace.zs.push(z);
            trace.activations.push(a);
        }
        trace
    }

    /// The head `head` as it fits this network's output (a caller's bug otherwise).
    fn checked(&self, head: impl Into<Head>) -> Head {
        let head = head.into();
        let units = self.layers.last().map_or(0, |layer| layer.neurons.len());
        assert!(
            head.fits(units),
            "{head:?} does not fit {units} output units"
        );
        head
    }

    /// The gradient of one sample's loss with respect to every weight and bias; `head` is a
    /// [`loss::Loss`] for a sigmoid output, [`Head::Softmax`] for a softmax one.
    pub fn gradients(&self, x: &[f64], y: f64, head: impl Into<Head>) -> Gradients {
        let head = self.checked(head);
        let trace = self.forward(x);
        // δ = ∂loss/∂z for the output units.
        let mut delta = head.dz(trace.zs.last().unwrap(), y);
        let mut dw = vec![Vec::new(); self.layers.len()];
        let mut db = vec![Vec::new(); self.layers.len()];
        for l in (0..self.layers.len()).rev() {
            let input = self.input_of(l, &trace);
            // ∂loss/∂w_ji = δ_j · a_i,  ∂loss/∂b_j = δ_j
            dw[l] = delta
                .iter()
                .map(|d| input.iter().map(|a| d * a).collect())
                .collect();
            db[l] = delta.clone();
            if l == 0 {
                break;
            }
            // δ_i of the layer below = g'(z_i) · Σ_j w_ji · δ_j, for its units only (a
            // shortcut's inputs x have nothing below them)
            let below = &self.layers[l - 1];
            delta = (0..below.neurons.len())
                .map(|i| {
                    let mut back = 0.0;
                    for (neuron, d) in self.layers[l].neurons.iter().zip(&delta) {
                        back += neuron.w[i] * d;
                    }
                    back * below.act.derivative(trace.zs[l - 1][i], input[i])
                })
                .collect();
        }
        Gradients { dw, db }
    }

    /// Mean gradient over a batch of samples (rows of `x`, `n_in` wide).
    pub fn batch_gradients(
        &self,
        x: &[f64],
        y: &[f64],
        batch: &[usize],
        head: impl Into<Head>,
    ) -> Gradients {
        let head = self.checked(head);
        let n_in = self.n_in();
        let mut sum: Option<Gradients> = None;
        for &k in batch {
            let g = self.gradients(&x[k * n_in..(k + 1) * n_in], y[k], head);
            sum = Some(match sum {
                None => g,
                Some(mut s) => {
                    for (sl, gl) in s.dw.iter_mut().zip(&g.dw) {
                        for (sj, gj) in sl.iter_mut().zip(gl) {
                            for (si, gi) in sj.iter_mut().zip(gj) {
                                *si += gi;
                            }
                        }
                    }
                    for (sl, gl) in s.db.iter_mut().zip(&g.db) {
                        for (sj, gj) in sl.iter_mut().zip(gl) {
                            *sj += gj;
                        }
                    }
                    s
                }
            });
        }
        let mut mean = sum.expect("a batch has at least one sample");
        let scale = 1.0 / batch.len() as f64;
        mean.dw
            .iter_mut()
            .flatten()
            .flatten()
            .for_each(|g| *g *= scale);
        mean.db.iter_mut().flatten().for_each(|g| *g *= scale);
        mean
    }

    /// One plain SGD step: θ ← θ − η · mean gradient.
    pub fn sgd_step(
        &mut self,
        x: &[f64],
        y: &[f64],
        batch: &[usize],
        head: impl Into<Head>,
        lr: f64,
    ) {
        let grads = self.batch_gradients(x, y, batch, head);
        for (l, layer) in self.layers.iter_mut().enumerate() {
            for (j, neuron) in layer.neurons.iter_mut().enumerate() {
                for (i, w) in neuron.w.iter_mut().enumerate() {
                    *w -= lr * grads.dw[l][j][i];
                }
                neuron.b -= lr * grads.db[l][j];
            }
        }
    }

    /// Mean loss over samples `idx`.
    pub fn mean_loss(&self, x: &[f64], y: &[f64], idx: &[usize], head: impl Into<Head>) -> f64 {
        let head = self.checked(head);
        let n_in = self.n_in();
        let mut total = 0.0;
        for &k in idx {
            let trace = self.forward(&x[k * n_in..(k + 1) * n_in]);
            total += head.value(trace.zs.last().unwrap(), y[k]);
        }
        total / idx.len() as f64
    }

    /// Inputs per sample: what the first layer's neurons read.
    fn n_in(&self) -> usize {
        self.layers[0].neurons[0].w.len()
    }
}

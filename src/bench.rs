//! Throughput workloads for `make bench`: the fast engine against the plain baseline,
//! on the same data, the same initial weights and the same batches.

use crate::activation::Activation;
use crate::baseline;
use crate::data::{DataSpec, Dataset, DatasetKind};
use crate::init::Distribution;
use crate::loss::Loss;
use crate::mlp::{Mlp, Trainer};
use crate::rng::Rng;

/// Samples in one training step.
pub const SAMPLES_PER_STEP: usize = 10;
/// The learning rate of the benchmark.
pub const LEARNING_RATE: f64 = 0.03;
/// Points in the benchmark dataset (all used for training).
pub const POINTS: usize = 500;
/// The benchmarked shapes: small, deep and narrow, and wide (where per-call overhead no
/// longer hides the kernel).
pub const ARCHS: [&str; 3] = ["2-8-8-1", "2-16-16-16-1", "2-64-64-1"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Implementation {
    Engine,
    Baseline,
}

enum Net {
    Engine(Box<(Mlp, Trainer)>),
    Baseline(baseline::Mlp),
}

/// A network, its data and a batch cursor, ready to be stepped.
pub struct Workload {
    net: Net,
    x: Vec<f64>,
    y: Vec<f64>,
    order: Vec<usize>,
    cursor: usize,
}

/// Layer sizes from "2-8-8-1".
pub fn parse_arch(arch: &str) -> Option<Vec<usize>> {
    let sizes: Option<Vec<usize>> = arch
        .split('-')
        .map(|s| s.parse().ok().filter(|&n| n > 0))
        .collect();
    sizes.filter(|s| s.len() >= 2 && s[0] == 2 && s[s.len() - 1] == 1)
}

impl Workload {
    /// Panics on an unknown arch string (benchmark code, called with [`ARCHS`]).
    pub fn new(arch: &str, implementation: Implementation) -> Workload {
        let sizes = parse_arch(arch).expect("an arch like 2-8-8-1");
        let data = Dataset::generate(&DataSpec {
            kind: DatasetKind::Spiral,
            points: POINTS,
            noise: 0.1,
            seed: 7,
        });
        // All points train: join the splits.
        let mut x = data.train.x.clone();
        x.extend(&data.test.x);
        let mut y = data.train.y.clone();
        y.extend(&data.test.y);
        let mut mlp = Mlp::new(&sizes, Activation::Tanh);
        let mut rng = Rng::seed_from(11);
        for shape in mlp.layers.clone() {
            let std = (2.0 / (shape.n_in + shape.n_out) as f64).sqrt();
            mlp.fill(shape.weights(), &Distribution::Normal { std }, &mut rng);
        }
        let net = match implementation {
            Implementation::Engine => {
                let trainer = Trainer::new(&mlp, SAMPLES_PER_STEP);
                Net::Engine(Box::new((mlp, trainer)))
            }
            Implementation::Baseline => Net::Baseline(baseline::Mlp::from_engine(&mlp)),
        };
        let order = (0..y.len()).collect();
        Workload {
            net,
            x,
            y,
            order,
            cursor: 0,
        }
    }

    /// Run `steps` SGD steps of [`SAMPLES_PER_STEP`] samples; returns the first weight, so
    /// that the work cannot be optimised away.
    pub fn run(&mut self, steps: usize) -> f64 {
        for _ in 0..steps {
            if self.cursor + SAMPLES_PER_STEP > self.order.len() {
                self.cursor = 0;
            }
            let batch = &self.order[self.cursor..self.cursor + SAMPLES_PER_STEP];
            self.cursor += SAMPLES_PER_STEP;
            match &mut self.net {
                Net::Engine(engine) => {
                    let (mlp, trainer) = &mut **engine;
                    // The workloads stay finite (tested); a benchmark only times the step.
                    let _ =
                        trainer.step(mlp, &self.x, &self.y, batch, Loss::Bce, LEARNING_RATE, 0.0);
                }
                Net::Baseline(mlp) => {
                    mlp.sgd_step(&self.x, &self.y, batch, Loss::Bce, LEARNING_RATE);
                }
            }
        }
        match &self.net {
            Net::Engine(engine) => engine.0.params[0] as f64,
            Net::Baseline(mlp) => mlp.layers[0].neurons[0].w[0],
        }
    }
}

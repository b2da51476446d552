//! Throughput workloads for `make bench`: the fast engine against the plain baseline,
//! on the same data, the same initial weights and the same batches.
//!
//! Three kinds: the page's 2-D networks ([`ARCHS`]: a spiral, one sigmoid output, batches of
//! [`SAMPLES_PER_STEP`]); softmax classifiers of the real handwritten digits
//! ([`Workload::digits`]: any `64-…-10` shape, [`DIGITS_ARCHS`] at [`DIGITS_BATCHES`] in
//! `make bench`, issue #20); and [`SOFTMAX_ARCH`] on [`gaussian_blobs`], synthetic
//! 64-dimensional points that need no file (tests/softmax.rs checks engine against baseline
//! on it).

use crate::activation::Activation;
use crate::baseline;
use crate::data::{DataSpec, Dataset, DatasetKind};
use crate::digits::{Digits, DigitsError, CLASSES, PIXELS};
use crate::init::Distribution;
use crate::loss::{Head, Loss};
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

/// The softmax workload's shape: 8×8-pixel digits' 64 inputs, two hidden layers, 10 classes.
pub const SOFTMAX_ARCH: &str = "64-32-32-10";
/// The softmax workload's batch sizes.
pub const SOFTMAX_BATCHES: [usize; 2] = [10, 100];
/// Synthetic points per class of the softmax workload.
pub const SOFTMAX_POINTS_PER_CLASS: usize = 100;

/// The digits workloads `make bench` times (issue #20 §5), against TF.js's figures.
pub const DIGITS_ARCHS: [&str; 2] = ["64-32-32-10", "64-64-64-10"];
/// The digits workloads' batch sizes.
pub const DIGITS_BATCHES: [usize; 2] = [10, 100];

/// Multiply-adds one training sample costs `arch`: one per weight in each of the forward
/// product (z = W·a), the backward one (δ = Wᵀ·δ′) and the gradient (∂L/∂W = δ′·aᵀ). The
/// first layer's δ is not needed, so this slightly overcounts; it is the count behind the
/// issue's "GMAC/s". `None` for an arch that does not parse.
pub fn macs_per_sample(arch: &str) -> Option<usize> {
    let sizes = parse_arch(arch)?;
    Some(3 * sizes.windows(2).map(|w| w[0] * w[1]).sum::<usize>())
}

/// Why a digits workload cannot be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DigitsWorkloadError {
    /// Not a `64-…-10` shape of positive widths.
    Arch(String),
    /// A batch of 0 or larger than the training split.
    Batch { batch: usize, train: usize },
    /// The bytes are not the digits file.
    File(DigitsError),
}

impl std::fmt::Display for DigitsWorkloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DigitsWorkloadError::Arch(arch) => write!(
                f,
                "{arch:?} is not a digits network: it must read {PIXELS} inputs and end in \
                 {CLASSES} classes, like \"64-32-32-10\""
            ),
            DigitsWorkloadError::Batch { batch, train } => write!(
                f,
                "a batch of {batch} does not fit the {train} training images"
            ),
            DigitsWorkloadError::File(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DigitsWorkloadError {}

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
    /// Samples per step.
    batch: usize,
    head: Head,
}

/// Layer sizes from "2-8-8-1": a page network (2 inputs, one output) or, with C ≥ 2 outputs,
/// a softmax classifier of any input width.
pub fn parse_arch(arch: &str) -> Option<Vec<usize>> {
    let sizes: Option<Vec<usize>> = arch
        .split('-')
        .map(|s| s.parse().ok().filter(|&n| n > 0))
        .collect();
    sizes.filter(|s| s.len() >= 2 && (s[0] == 2 || s[s.len() - 1] > 1))
}

/// Synthetic labelled points: `per_class` points of each of `classes` classes in `dims`
/// dimensions, class k normal with standard deviation `spread` around the centre
/// `distance`·e_{k mod dims}; labels are the class indices (as the softmax head reads them),
/// points in class order. Two centres lie `distance`·√2 apart.
pub fn gaussian_blobs(
    classes: usize,
    dims: usize,
    per_class: usize,
    (distance, spread): (f64, f64),
    rng: &mut Rng,
) -> (Vec<f64>, Vec<f64>) {
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for k in 0..classes {
        for _ in 0..per_class {
            for i in 0..dims {
                let centre = if i == k % dims { distance } else { 0.0 };
                x.push(centre + spread * rng.standard_normal());
            }
            y.push(k as f64);
        }
    }
    (x, y)
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
        let head = Head::Sigmoid(Loss::Bce);
        Workload::with_data(&sizes, head, (x, y), SAMPLES_PER_STEP, implementation)
    }

    /// The softmax classifier [`SOFTMAX_ARCH`] on synthetic 64-dimensional blobs (10 classes
    /// of [`SOFTMAX_POINTS_PER_CLASS`] points, shuffled), `batch` samples per step.
    pub fn synthetic_softmax(batch: usize, implementation: Implementation) -> Workload {
        let sizes = parse_arch(SOFTMAX_ARCH).expect("a valid arch");
        let (dims, classes) = (sizes[0], sizes[sizes.len() - 1]);
        let mut rng = Rng::seed_from(7);
        let data = gaussian_blobs(
            classes,
            dims,
            SOFTMAX_POINTS_PER_CLASS,
            (3.0, 1.0),
            &mut rng,
        );
        let mut workload = Workload::with_data(&sizes, Head::Softmax, data, batch, implementation);
        rng.shuffle(&mut workload.order);
        workload
    }

    /// A softmax classifier `arch` (`64-…-10`) trained on the real digits' training split
    /// (1,438 images, centred as the page centres them, visited in an order shuffled by seed
    /// 7), `batch` samples per step. `digits_file` holds the bytes of `data/digits.bin`: the
    /// caller reads them (natively a file, in wasm the bench script hands them over), so no
    /// build carries the data.
    pub fn digits(
        arch: &str,
        batch: usize,
        digits_file: &[u8],
        implementation: Implementation,
    ) -> Result<Workload, DigitsWorkloadError> {
        let sizes = parse_arch(arch)
            .filter(|s| s[0] == PIXELS && s[s.len() - 1] == CLASSES)
            .ok_or_else(|| DigitsWorkloadError::Arch(arch.to_string()))?;
        let train = Digits::parse(digits_file)
            .map_err(DigitsWorkloadError::File)?
            .split()
            .train;
        if batch == 0 || batch > train.len() {
            let train = train.len();
            return Err(DigitsWorkloadError::Batch { batch, train });
        }
        let y = train.y.iter().map(|&c| c as f64).collect();
        let data = (train.x, y);
        let mut workload = Workload::with_data(&sizes, Head::Softmax, data, batch, implementation);
        Rng::seed_from(7).shuffle(&mut workload.order);
        Ok(workload)
    }

    /// A tanh network of `sizes` with Glorot-normal weights (seed 11) on the data (x, y).
    fn with_data(
        sizes: &[usize],
        head: Head,
        (x, y): (Vec<f64>, Vec<f64>),
        batch: usize,
        implementation: Implementation,
    ) -> Workload {
        let mut mlp = Mlp::new(sizes, Activation::Tanh);
        let mut rng = Rng::seed_from(11);
        for shape in mlp.layers.clone() {
            let std = (2.0 / (shape.n_in + shape.n_out) as f64).sqrt();
            mlp.fill(shape.weights(), &Distribution::Normal { std }, &mut rng);
        }
        let net = match implementation {
            Implementation::Engine => {
                let trainer = Trainer::new(&mlp, batch);
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
            batch,
            head,
        }
    }

    /// Samples per step: [`SAMPLES_PER_STEP`] for [`ARCHS`], the batch chosen for a softmax.
    pub fn samples_per_step(&self) -> usize {
        self.batch
    }

    /// Run `steps` SGD steps of [`Workload::samples_per_step`] samples; returns the first
    /// weight, so that the work cannot be optimised away.
    pub fn run(&mut self, steps: usize) -> f64 {
        let (size, head) = (self.batch, self.head);
        for _ in 0..steps {
            if self.cursor + size > self.order.len() {
                self.cursor = 0;
            }
            let batch = &self.order[self.cursor..self.cursor + size];
            self.cursor += size;
            match &mut self.net {
                Net::Engine(engine) => {
                    let (mlp, trainer) = &mut **engine;
                    // The workloads stay finite (tested); a benchmark only times the step.
                    let _ = trainer.step(mlp, &self.x, &self.y, batch, head, LEARNING_RATE, 0.0);
                }
                Net::Baseline(mlp) => {
                    mlp.sgd_step(&self.x, &self.y, batch, head, LEARNING_RATE);
                }
            }
        }
        match &self.net {
            Net::Engine(engine) => engine.0.params[0] as f64,
            Net::Baseline(mlp) => mlp.layers[0].neurons[0].w[0],
        }
    }
}

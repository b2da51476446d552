//! Training on the real digits with the engine directly (issue #20's lessons, natively): an
//! [`Mlp`] with a softmax output, the [`Trainer`], the fixed train/test split of
//! `data/digits.bin`. Shared by `tests/digits_lessons.rs` and `examples/digits_lessons.rs`
//! (the full seed sweep, run in release).
#![allow(dead_code)]

use initlab::activation::Activation;
use initlab::digits::{Digits, Images, CLASSES, PIXELS};
use initlab::init::Distribution;
use initlab::loss::Head;
use initlab::mlp::{Mlp, Trainer, CHUNK};
use initlab::rng::Rng;

/// One side of the split as the engine reads it: sample-major inputs, class indices as f64.
pub struct Set {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
}

impl Set {
    fn from(images: &Images) -> Set {
        Set {
            x: images.x.clone(),
            y: images.y.iter().map(|&c| c as f64).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.y.len()
    }
}

/// The committed digits' fixed split: (train, test).
pub fn split() -> (Set, Set) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(initlab::digits::FILE);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let split = Digits::parse(&bytes)
        .expect("the committed file parses")
        .split();
    (Set::from(&split.train), Set::from(&split.test))
}

/// How the weights start (every bias starts at 0).
#[derive(Clone, Copy, Debug)]
pub enum Init {
    /// N(0, σ²) in every layer.
    Normal(f64),
    /// Glorot (Xavier) normal: σ² = 2 / (fan_in + fan_out), layer by layer.
    Glorot,
    /// Every weight the same value.
    Constant(f64),
}

/// A tanh network of `sizes` (64 inputs … 10 classes) with weights drawn by `init` from `seed`.
pub fn network(sizes: &[usize], init: Init, seed: u64) -> Mlp {
    assert_eq!((sizes[0], sizes[sizes.len() - 1]), (PIXELS, CLASSES));
    let mut mlp = Mlp::new(sizes, Activation::Tanh);
    let mut rng = Rng::seed_from(seed);
    for shape in mlp.layers.clone() {
        let dist = match init {
            Init::Normal(std) => Distribution::Normal { std },
            Init::Glorot => Distribution::Normal {
                std: (2.0 / (shape.n_in + shape.n_out) as f64).sqrt(),
            },
            Init::Constant(c) => Distribution::Constant(c),
        };
        mlp.fill(shape.weights(), &dist, &mut rng);
    }
    mlp
}

/// Mini-batch SGD with momentum.
#[derive(Clone, Copy, Debug)]
pub struct Schedule {
    pub lr: f64,
    pub momentum: f64,
    pub batch: usize,
}

/// Trains `steps` steps: each epoch visits the training images in an order shuffled by `seed`
/// (its own stream, apart from the weights'), in batches of `schedule.batch`. Calls `at(step,
/// mlp)` after every step whose number is in `checkpoints`. Stops at a non-finite step and
/// returns how many steps ran.
pub fn train(
    mlp: &mut Mlp,
    train: &Set,
    schedule: Schedule,
    (steps, seed): (usize, u64),
    checkpoints: &[usize],
    mut at: impl FnMut(usize, &Mlp),
) -> usize {
    let mut trainer = Trainer::new(mlp, schedule.batch);
    let mut rng = Rng::seed_from(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD161);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut cursor = order.len();
    for step in 1..=steps {
        if cursor + schedule.batch > order.len() {
            rng.shuffle(&mut order);
            cursor = 0;
        }
        let batch = &order[cursor..cursor + schedule.batch];
        cursor += schedule.batch;
        let (lr, momentum) = (schedule.lr, schedule.momentum);
        if trainer
            .step(mlp, &train.x, &train.y, batch, Head::Softmax, lr, momentum)
            .is_err()
        {
            return step - 1;
        }
        if checkpoints.contains(&step) {
            at(step, mlp);
        }
    }
    steps
}

/// Mean cross-entropy and accuracy (share of argmax = label) of `mlp` on `set`; a non-finite
/// forward pass gives a NaN loss and accuracy 0.
pub fn evaluate(mlp: &Mlp, set: &Set) -> (f64, f64) {
    let mut ws = mlp.workspace(CHUNK);
    let (mut loss, mut correct) = (0.0, 0usize);
    let all: Vec<usize> = (0..set.len()).collect();
    for chunk in all.chunks(CHUNK) {
        ws.load(&set.x, &set.y, chunk.iter().copied());
        if mlp.forward(&mut ws).is_err() {
            return (f64::NAN, 0.0);
        }
        loss += mlp.loss_sum(&ws, Head::Softmax);
        let p: Vec<&[f32]> = (0..CLASSES).map(|k| mlp.probabilities(&ws, k)).collect();
        for (s, &y) in ws.y[..ws.count].iter().enumerate() {
            let best = (0..CLASSES)
                .max_by(|&a, &b| p[a][s].total_cmp(&p[b][s]))
                .unwrap();
            correct += usize::from(best as f64 == y);
        }
    }
    (loss / set.len() as f64, correct as f64 / set.len() as f64)
}

/// The incoming weights (a row of W) of every unit of weight layer `l`, with its bias last.
pub fn unit_rows(mlp: &Mlp, l: usize) -> Vec<Vec<f64>> {
    let shape = mlp.layers[l];
    (0..shape.n_out)
        .map(|j| {
            let row = &mlp.params[shape.w_at + j * shape.n_in..][..shape.n_in];
            let mut unit: Vec<f64> = row.iter().map(|&w| w as f64).collect();
            unit.push(mlp.params[shape.b_at + j] as f64);
            unit
        })
        .collect()
}

/// The largest |a_i − b_i|.
pub fn max_gap(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max)
}

/// Units of weight layer `l` that differ (in weights or bias) by more than `tolerance` from
/// every earlier distinct unit: 1 when the whole layer moves in lockstep.
pub fn distinct_units(mlp: &Mlp, l: usize, tolerance: f64) -> usize {
    let mut kinds: Vec<Vec<f64>> = Vec::new();
    for unit in unit_rows(mlp, l) {
        if kinds.iter().all(|kind| max_gap(kind, &unit) > tolerance) {
            kinds.push(unit);
        }
    }
    kinds.len()
}

/// The first layer's receptive fields: each hidden unit's 64 incoming weights (an 8×8 image).
pub fn receptive_fields(mlp: &Mlp) -> Vec<Vec<f64>> {
    let mut rows = unit_rows(mlp, 0);
    rows.iter_mut().for_each(|row| {
        row.pop();
    });
    rows
}

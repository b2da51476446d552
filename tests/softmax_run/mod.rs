//! The softmax run whose checksum tests/determinism.rs (native) and tests/web.rs (wasm) both
//! hold to `tests/golden/softmax_checksum.txt`: equal checksums mean a softmax network trains
//! bit for bit alike on both. Built from the engine's parts, because no config asks for a
//! softmax yet (`data=digits` will).

use initlab::activation::Activation;
use initlab::bench::gaussian_blobs;
use initlab::init::Distribution;
use initlab::loss::Head;
use initlab::mlp::{Mlp, Trainer, CHUNK};
use initlab::rng::Rng;

/// 4 classes of 50 points in 6 dimensions, a 6-8-8-4 tanh net with Glorot-normal weights.
const SIZES: [usize; 4] = [6, 8, 8, 4];

/// SGD steps of the run; a batch of 7 leaves a padded SIMD group in every chunk.
pub const STEPS: usize = 500;

/// Trains the run and folds (FNV-1a) the bits of its mean training loss every 10 steps and
/// of its final parameters into one number.
pub fn checksum() -> u64 {
    let classes = SIZES[SIZES.len() - 1];
    let mut rng = Rng::seed_from(42);
    let (x, y) = gaussian_blobs(classes, SIZES[0], 50, (2.0, 1.0), &mut rng);
    let mut mlp = Mlp::new(&SIZES, Activation::Tanh);
    for shape in mlp.layers.clone() {
        let std = (2.0 / (shape.n_in + shape.n_out) as f64).sqrt();
        mlp.fill(shape.weights(), &Distribution::Normal { std }, &mut rng);
    }
    let mut order: Vec<usize> = (0..y.len()).collect();
    rng.shuffle(&mut order);
    let mut trainer = Trainer::new(&mlp, 7);
    let mut eval = mlp.workspace(CHUNK);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut fold = |bytes: &[u8]| {
        for &byte in bytes {
            hash ^= byte as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for step in 0..STEPS {
        let at = (step * 7) % (order.len() - 7);
        trainer
            .step(
                &mut mlp,
                &x,
                &y,
                &order[at..at + 7],
                Head::Softmax,
                0.1,
                0.9,
            )
            .expect("the run stays finite");
        if step % 10 == 9 {
            eval.load(&x, &y, 0..y.len());
            mlp.forward(&mut eval).expect("finite");
            let mean = mlp.loss_sum(&eval, Head::Softmax) / y.len() as f64;
            fold(&mean.to_bits().to_le_bytes());
        }
    }
    for p in &mlp.params {
        fold(&p.to_bits().to_le_bytes());
    }
    hash
}

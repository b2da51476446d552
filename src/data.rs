//! The datasets: the toy sets (two classes in the plane, seeded, with a held-out test split)
//! and the handwritten digits (64 pixels, ten classes; see [`crate::digits`]).
//!
//! Raw coordinates of the plane live in roughly [−1, 1]² and are what the charts show. The
//! network sees them standardised per feature to mean 0 and variance 1 (statistics of the
//! training split), because the variance lessons assume inputs of unit variance:
//! Var(z) = fan_in · Var(w) · E[a²] only means something when E[x²] = 1.
//!
//! The digits come from [`crate::digits::installed`], the one copy the page's download (or a
//! test's file) put there, split and centred as [`crate::digits::Digits::split`] does; their
//! labels are class indices 0–9 (what a softmax output reads), stored as numbers like the
//! plane's 0/1.

use crate::rng::Rng;
use std::f64::consts::PI;

/// Which toy problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatasetKind {
    /// The classic four points of XOR (the 2-2-1 textbook example); train = test.
    Xor4,
    /// A cloud of points labelled by quadrant: 1 where x·y < 0.
    Xor,
    /// A disc inside a ring.
    Circles,
    /// Two interleaved spirals.
    Spiral,
    /// Two Gaussian blobs.
    Gauss,
    /// The 1,797 handwritten digits, 8×8 pixels, ten classes (see [`crate::digits`]).
    Digits,
}

impl DatasetKind {
    pub const ALL: [DatasetKind; 6] = [
        DatasetKind::Xor4,
        DatasetKind::Xor,
        DatasetKind::Circles,
        DatasetKind::Spiral,
        DatasetKind::Gauss,
        DatasetKind::Digits,
    ];

    /// The URL names of [`DatasetKind::ALL`], in order: the choices of the `data` key.
    pub const NAMES: [&'static str; 6] = names_of!(DatasetKind::ALL, |x| x.name());

    /// The name used in the URL and the config.
    pub const fn name(self) -> &'static str {
        match self {
            DatasetKind::Xor4 => "xor4",
            DatasetKind::Xor => "xor",
            DatasetKind::Circles => "circles",
            DatasetKind::Spiral => "spiral",
            DatasetKind::Gauss => "gauss",
            DatasetKind::Digits => "digits",
        }
    }

    /// Whether this is the digits (an image task) rather than a set of points in the plane.
    pub const fn is_digits(self) -> bool {
        matches!(self, DatasetKind::Digits)
    }

    /// The network's inputs: 2 coordinates, or the digits' 64 pixels.
    pub const fn features(self) -> usize {
        if self.is_digits() {
            crate::digits::PIXELS
        } else {
            2
        }
    }

    /// The classes: 2 for the plane's sets, 10 for the digits.
    pub const fn classes(self) -> usize {
        if self.is_digits() {
            crate::digits::CLASSES
        } else {
            2
        }
    }

    /// The network's output units: one sigmoid for two classes, a softmax over the digits' ten.
    pub const fn outputs(self) -> usize {
        if self.is_digits() {
            crate::digits::CLASSES
        } else {
            1
        }
    }

    pub fn from_name(name: &str) -> Option<DatasetKind> {
        crate::position_of(&DatasetKind::NAMES, name).map(|k| DatasetKind::ALL[k])
    }
}

/// Share of the points held out for testing (none for `xor4`, whose 4 points are the whole problem).
pub const TEST_SHARE: f64 = 0.2;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DataSpec {
    pub kind: DatasetKind,
    /// Points in total (train + test); ignored by `xor4` and the digits.
    pub points: usize,
    /// Std of the Gaussian jitter added to each coordinate, in raw units (the data spans about
    /// [−1, 1]); ignored by the digits.
    pub noise: f64,
    pub seed: u64,
}

/// One split of labelled points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    /// Raw coordinates, for charts (empty for the digits, whose images are drawn from the
    /// file by `source`).
    pub raw: Vec<[f64; 2]>,
    /// What the network sees, row-major, [`Dataset::features`] numbers a point: the
    /// standardised coordinates `[x0, x1, x0, x1, …]`, or the digits' centred pixels.
    pub x: Vec<f64>,
    /// Labels: 0.0 or 1.0 for the plane's sets, the class index 0.0–9.0 for the digits.
    pub y: Vec<f64>,
    /// For the digits, which image of the file each row is ([`crate::digits::Images::source`]);
    /// empty for the plane's sets.
    pub source: Vec<usize>,
}

impl Split {
    pub fn len(&self) -> usize {
        self.y.len()
    }
    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }
}

/// A generated dataset and the standardisation it used.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub kind: DatasetKind,
    pub train: Split,
    pub test: Split,
    /// Per-feature mean of the raw training points (for the digits: of pixel/16).
    pub mean: Vec<f64>,
    /// Per-feature std of the raw training points (1 where it would be 0; all 1 for the
    /// digits, which are centred and not divided: see [`crate::digits`]).
    pub std: Vec<f64>,
    /// The training points the statistics are measured on when they are not all of them
    /// (the digits: see [`Dataset::measured`]).
    subset: Option<Split>,
}

/// Training images of the digits that the loss, the accuracy and every statistic are
/// measured on: one chunk of the evaluator. All 1,438 cost a snapshot 22 ms natively at 6
/// tanh layers of 64 (CPU time, `examples/snapshot.rs`), more than a 16 ms frame before
/// anything is drawn; 256 cost 5.7 ms (with the whole test set's confusion matrix), and
/// still hold 25 or 26 of each digit.
pub const MEASURED_DIGITS: usize = 256;

/// [`MEASURED_DIGITS`] rows of `train`, stratified: each class's rows in order get the keys
/// (j + ½)/n_c (j-th of its n_c rows), and the rows of the smallest keys are taken (ties by
/// row), so every class keeps its share of the subset to within one image, and its images are
/// spread over the file. The rows stay in the training split's order.
fn measured_subset(train: &Split, features: usize, classes: usize) -> Split {
    let class_of = |row: usize| (train.y[row] as usize).min(classes - 1);
    let mut counts = vec![0usize; classes];
    for row in 0..train.len() {
        counts[class_of(row)] += 1;
    }
    let mut seen = vec![0usize; classes];
    let mut keyed: Vec<(f64, usize)> = (0..train.len())
        .map(|row| {
            let class = class_of(row);
            seen[class] += 1;
            ((seen[class] as f64 - 0.5) / counts[class] as f64, row)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut rows: Vec<usize> = keyed.iter().take(MEASURED_DIGITS).map(|k| k.1).collect();
    rows.sort_unstable();
    let mut subset = Split::default();
    for row in rows {
        subset
            .x
            .extend_from_slice(&train.x[row * features..(row + 1) * features]);
        subset.y.push(train.y[row]);
        subset.source.extend(train.source.get(row));
    }
    subset
}

impl Dataset {
    /// The data of `spec`. The digits must have been installed ([`crate::digits::install`]):
    /// validation refuses `data=digits` until they are, so a config that passed it has them.
    pub fn generate(spec: &DataSpec) -> Dataset {
        if spec.kind.is_digits() {
            return match crate::digits::installed() {
                Some(digits) => Dataset::of_digits(digits),
                None => panic!("data=digits is validated only once the digits are installed"),
            };
        }
        let mut rng = Rng::seed_from(spec.seed ^ 0x0DA7_A5E7);
        let (mut train, mut test) = if spec.kind == DatasetKind::Xor4 {
            let four = vec![
                ([-1.0, -1.0], 0.0),
                ([-1.0, 1.0], 1.0),
                ([1.0, -1.0], 1.0),
                ([1.0, 1.0], 0.0),
            ];
            (four.clone(), four)
        } else {
            let mut points: Vec<([f64; 2], f64)> = (0..spec.points)
                .map(|k| {
                    let label = (k % 2) as f64; // balanced classes
                    let p = sample_point(spec.kind, label, &mut rng);
                    let jitter = [
                        spec.noise * rng.standard_normal(),
                        spec.noise * rng.standard_normal(),
                    ];
                    ([p[0] + jitter[0], p[1] + jitter[1]], label)
                })
                .collect();
            rng.shuffle(&mut points);
            let n_test = ((spec.points as f64) * TEST_SHARE).round() as usize;
            let test = points.split_off(spec.points - n_test);
            (points, test)
        };
        let (mean, std) = feature_moments(&train);
        let standardise = |pts: &mut Vec<([f64; 2], f64)>| {
            let mut split = Split::default();
            for (p, label) in pts.drain(..) {
                split.raw.push(p);
                split.x.push((p[0] - mean[0]) / std[0]);
                split.x.push((p[1] - mean[1]) / std[1]);
                split.y.push(label);
            }
            split
        };
        Dataset {
            kind: spec.kind,
            train: standardise(&mut train),
            test: standardise(&mut test),
            mean: mean.to_vec(),
            std: std.to_vec(),
            subset: None,
        }
    }

    /// The digits as [`crate::digits::Digits::split`] gives them, labels as numbers.
    pub fn of_digits(digits: &crate::digits::Digits) -> Dataset {
        let split = digits.split();
        let side = |images: crate::digits::Images| Split {
            raw: Vec::new(),
            x: images.x,
            y: images.y.iter().map(|&k| k as f64).collect(),
            source: images.source,
        };
        let train = side(split.train);
        Dataset {
            kind: DatasetKind::Digits,
            subset: Some(measured_subset(
                &train,
                crate::digits::PIXELS,
                crate::digits::CLASSES,
            )),
            train,
            test: side(split.test),
            mean: split.train_mean.to_vec(),
            std: vec![1.0; crate::digits::PIXELS],
        }
    }

    /// The training points the training loss, the training accuracy and every statistic of
    /// a snapshot, the history's training curve, the restarts and the loss landscape are
    /// measured on: all of them for the sets in the plane; for the digits one fixed subset
    /// of [`MEASURED_DIGITS`] training images, the same for every step and seed (the frame's
    /// budget: see the constant). Every training step still draws from all training points,
    /// and the test set is always whole.
    pub fn measured(&self) -> &Split {
        self.subset.as_ref().unwrap_or(&self.train)
    }

    /// The network's inputs per point: 2, or 64 for the digits.
    pub fn features(&self) -> usize {
        self.kind.features()
    }

    /// The classes: 2, or 10 for the digits.
    pub fn classes(&self) -> usize {
        self.kind.classes()
    }

    /// Map a raw point to what the network sees (for drawing the decision boundary).
    pub fn standardise(&self, p: [f64; 2]) -> [f64; 2] {
        [
            (p[0] - self.mean[0]) / self.std[0],
            (p[1] - self.mean[1]) / self.std[1],
        ]
    }
}

/// A noiseless point of class `label` (0 or 1).
fn sample_point(kind: DatasetKind, label: f64, rng: &mut Rng) -> [f64; 2] {
    match kind {
        DatasetKind::Xor4 => unreachable!("xor4 has fixed points"),
        DatasetKind::Digits => unreachable!("the digits are read, not sampled"),
        DatasetKind::Xor => {
            // Keep a small margin from the axes so the classes are separable without noise.
            let mag = |rng: &mut Rng| rng.uniform(0.05, 1.0);
            let (sx, sy) = if rng.uniform01() < 0.5 {
                (1.0, 1.0)
            } else {
                (-1.0, -1.0)
            };
            let (x, y) = (sx * mag(rng), sy * mag(rng));
            // Same-sign quadrants are class 0; flip y for class 1.
            if label == 1.0 {
                [x, -y]
            } else {
                [x, y]
            }
        }
        DatasetKind::Circles => {
            let r = if label == 1.0 {
                rng.uniform(0.0, 0.45)
            } else {
                rng.uniform(0.65, 1.0)
            };
            let angle = rng.uniform(0.0, 2.0 * PI);
            [r * libm::cos(angle), r * libm::sin(angle)]
        }
        DatasetKind::Spiral => {
            let t = rng.uniform01();
            let r = 0.05 + 0.95 * t;
            let angle = 1.75 * 2.0 * PI * t + label * PI;
            [r * libm::cos(angle), r * libm::sin(angle)]
        }
        DatasetKind::Gauss => {
            let c = if label == 1.0 { 0.5 } else { -0.5 };
            [
                c + 0.2 * rng.standard_normal(),
                c + 0.2 * rng.standard_normal(),
            ]
        }
    }
}

fn feature_moments(points: &[([f64; 2], f64)]) -> ([f64; 2], [f64; 2]) {
    let n = points.len() as f64;
    let mut mean = [0.0; 2];
    for (p, _) in points {
        mean[0] += p[0];
        mean[1] += p[1];
    }
    mean = [mean[0] / n, mean[1] / n];
    let mut var = [0.0; 2];
    for (p, _) in points {
        var[0] += (p[0] - mean[0]) * (p[0] - mean[0]);
        var[1] += (p[1] - mean[1]) * (p[1] - mean[1]);
    }
    let std = var.map(|v| {
        let s = f64::sqrt(v / n);
        if s > 0.0 {
            s
        } else {
            1.0
        }
    });
    (mean, std)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_inputs_are_standardised() {
        for kind in DatasetKind::ALL.into_iter().filter(|k| !k.is_digits()) {
            let d = Dataset::generate(&DataSpec {
                kind,
                points: 400,
                noise: 0.1,
                seed: 3,
            });
            let n = d.train.len() as f64;
            for f in 0..2 {
                let xs: Vec<f64> = d.train.x.iter().skip(f).step_by(2).copied().collect();
                let mean = xs.iter().sum::<f64>() / n;
                let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
                // Standardised by the training split's own moments: exact up to rounding.
                assert!(mean.abs() < 1e-12, "{kind:?} mean {mean}");
                assert!((var - 1.0).abs() < 1e-12, "{kind:?} var {var}");
            }
        }
    }

    #[test]
    fn splits_have_the_promised_sizes_and_balanced_labels() {
        let d = Dataset::generate(&DataSpec {
            kind: DatasetKind::Circles,
            points: 500,
            noise: 0.0,
            seed: 1,
        });
        assert_eq!(d.train.len(), 400);
        assert_eq!(d.test.len(), 100);
        let ones = d
            .train
            .y
            .iter()
            .chain(&d.test.y)
            .filter(|&&y| y == 1.0)
            .count();
        assert_eq!(ones, 250);
    }

    #[test]
    fn noiseless_circles_are_separated_by_radius() {
        let d = Dataset::generate(&DataSpec {
            kind: DatasetKind::Circles,
            points: 300,
            noise: 0.0,
            seed: 9,
        });
        for (p, &y) in d.train.raw.iter().zip(&d.train.y) {
            let r = (p[0] * p[0] + p[1] * p[1]).sqrt();
            assert_eq!(y == 1.0, r < 0.55, "r={r} y={y}");
        }
    }
}

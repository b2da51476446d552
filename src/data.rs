//! The toy datasets: two classes in the plane, seeded, with a held-out test split.
//!
//! Raw coordinates live in roughly [−1, 1]² and are what the charts show. The network
//! sees them standardised per feature to mean 0 and variance 1 (statistics of the
//! training split), because the variance lessons assume inputs of unit variance:
//! Var(z) = fan_in · Var(w) · E[a²] only means something when E[x²] = 1.

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
}

impl DatasetKind {
    pub const ALL: [DatasetKind; 5] = [
        DatasetKind::Xor4,
        DatasetKind::Xor,
        DatasetKind::Circles,
        DatasetKind::Spiral,
        DatasetKind::Gauss,
    ];

    /// The URL names of [`DatasetKind::ALL`], in order: the choices of the `data` key.
    pub const NAMES: [&'static str; 5] = names_of!(DatasetKind::ALL, |x| x.name());

    /// The name used in the URL and the config.
    pub const fn name(self) -> &'static str {
        match self {
            DatasetKind::Xor4 => "xor4",
            DatasetKind::Xor => "xor",
            DatasetKind::Circles => "circles",
            DatasetKind::Spiral => "spiral",
            DatasetKind::Gauss => "gauss",
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
    /// Points in total (train + test); ignored by `xor4`.
    pub points: usize,
    /// Std of the Gaussian jitter added to each coordinate, in raw units (the data spans about [−1, 1]).
    pub noise: f64,
    pub seed: u64,
}

/// One split of labelled points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    /// Raw coordinates, for charts.
    pub raw: Vec<[f64; 2]>,
    /// Standardised coordinates, row-major `[x0, x1, x0, x1, …]`: what the network sees.
    pub x: Vec<f64>,
    /// Labels, 0.0 or 1.0.
    pub y: Vec<f64>,
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
    pub train: Split,
    pub test: Split,
    /// Per-feature mean of the raw training points.
    pub mean: [f64; 2],
    /// Per-feature std of the raw training points (1 where it would be 0).
    pub std: [f64; 2],
}

impl Dataset {
    pub fn generate(spec: &DataSpec) -> Dataset {
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
            train: standardise(&mut train),
            test: standardise(&mut test),
            mean,
            std,
        }
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
        for kind in DatasetKind::ALL {
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

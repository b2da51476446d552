//! The second-order test in full: the Hessian of the training loss at A's weights (every
//! second derivative, the mixed ones included) and its lowest eigenvalue, for small nets.
//!
//! The second differences along the axes are the Hessian's diagonal, and a diagonal entry is
//! never below the lowest eigenvalue (eᵢᵀHeᵢ ≥ λ_min), so an axis that curves down proves a
//! strict saddle. The converse fails: a point can curve down along a *combination* of
//! parameters while every single axis curves up or stays flat. That is what the saddle lesson's
//! net does with every bias at 1 (see `tests/lesson_symmetry.rs`): after a few steps the output
//! settles at p = ½ with output weights away from 0, the gradient is exactly 0 again, and
//! pairs of hidden weights curve down together (λ_min ≈ −0.1) while no axis does. Telling a
//! strict saddle from a degenerate one therefore needs the eigenvalue, not the axes.

use crate::experiment::Experiment;

/// The most parameters for which the Hessian is computed: n(n − 1)/2 pairs at 4 forward passes
/// each (the lesson's 2-2-1 net has 9 parameters: 144 passes over 4 points). The bound also
/// keeps the eigenvalue's rounding error small: each mixed entry carries the f32 loss's
/// rounding, about 4·(2⁻²⁴·L)/(4h²) ≈ 4e-4 at L ≈ ln 2 and h = 10⁻², and an eigenvalue moves by
/// at most the error matrix's norm, ≤ n·4e-4 = 0.01 for n = 25: the threshold that counts as
/// curving down ([`super::symmetry::CURVES_UP_ABOVE`]).
pub const HESSIAN_MAX_PARAMS: usize = 25;

/// The Hessian of the mean training loss at `experiment`'s weights, by second differences of
/// step `h`: the diagonal is `along_axes` (already measured, with its f32 step correction), a
/// mixed entry is (L(+h, +h) − L(+h, −h) − L(−h, +h) + L(−h, −h)) / 4h² along axes i and j.
/// `None` above [`HESSIAN_MAX_PARAMS`] parameters.
pub fn hessian(experiment: &mut Experiment, along_axes: &[f64], h: f64) -> Option<Vec<Vec<f64>>> {
    let n = along_axes.len();
    if n > HESSIAN_MAX_PARAMS {
        return None;
    }
    let mut matrix = vec![vec![0.0; n]; n];
    let mut direction = vec![0.0; n];
    for i in 0..n {
        matrix[i][i] = along_axes[i];
        for j in i + 1..n {
            direction[i] = 1.0;
            direction[j] = 1.0;
            let same = experiment.losses_along(&direction, &[h, -h]);
            direction[j] = -1.0;
            let opposite = experiment.losses_along(&direction, &[h, -h]);
            direction[i] = 0.0;
            direction[j] = 0.0;
            let mixed = (same[0] + same[1] - opposite[0] - opposite[1]) / (4.0 * h * h);
            matrix[i][j] = mixed;
            matrix[j][i] = mixed;
        }
    }
    Some(matrix)
}

/// Sweeps of the Jacobi method before it gives up: each sweep roughly squares the remaining
/// off-diagonal size once it is small, so a 25 × 25 matrix converges in well under 20.
const JACOBI_SWEEPS: usize = 50;

/// The lowest eigenvalue of the symmetric `matrix` and a unit eigenvector of it, by the cyclic
/// Jacobi method: rotations that zero one off-diagonal entry at a time until none is left
/// above 10⁻¹⁴ of the matrix's size. (`None` for an empty matrix.)
pub fn lowest_eigen(mut matrix: Vec<Vec<f64>>) -> Option<(f64, Vec<f64>)> {
    let n = matrix.len();
    let mut vectors: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect();
    let size: f64 = matrix.iter().flatten().map(|x| x * x).sum::<f64>().sqrt();
    for _ in 0..JACOBI_SWEEPS {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| matrix[i][j] * matrix[i][j])
            .sum::<f64>()
            .sqrt();
        if off <= 1e-14 * size {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                rotate(&mut matrix, &mut vectors, p, q);
            }
        }
    }
    let k = (0..n).min_by(|&a, &b| matrix[a][a].total_cmp(&matrix[b][b]))?;
    Some((matrix[k][k], (0..n).map(|i| vectors[i][k]).collect()))
}

/// One Jacobi rotation in the (p, q) plane that zeroes `matrix[p][q]`; `vectors` collects the
/// rotations, so that its columns end as the eigenvectors.
fn rotate(matrix: &mut [Vec<f64>], vectors: &mut [Vec<f64>], p: usize, q: usize) {
    let apq = matrix[p][q];
    if apq == 0.0 {
        return;
    }
    let theta = (matrix[q][q] - matrix[p][p]) / (2.0 * apq);
    // The smaller root of t² + 2θt − 1 = 0, so the rotation is by at most 45°.
    let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
    let c = 1.0 / (t * t + 1.0).sqrt();
    let s = t * c;
    // A ← A·J (columns p and q), then A ← Jᵀ·A (rows p and q).
    for row in matrix.iter_mut() {
        let (akp, akq) = (row[p], row[q]);
        row[p] = c * akp - s * akq;
        row[q] = s * akp + c * akq;
    }
    let (row_p, row_q) = (matrix[p].clone(), matrix[q].clone());
    for (k, (apk, aqk)) in row_p.into_iter().zip(row_q).enumerate() {
        matrix[p][k] = c * apk - s * aqk;
        matrix[q][k] = s * apk + c * aqk;
    }
    for row in vectors.iter_mut() {
        let (vkp, vkq) = (row[p], row[q]);
        row[p] = c * vkp - s * vkq;
        row[q] = s * vkp + c * vkq;
    }
}

#[cfg(test)]
mod tests {
    use super::lowest_eigen;

    #[test]
    fn the_lowest_eigenpair_of_a_matrix_whose_diagonal_is_never_negative() {
        // [[1, 2, 0], [2, 1, 0], [0, 0, 3]]: eigenvalues −1 (along (1, −1, 0)/√2), 3 and 3,
        // though every diagonal entry is positive: the case the axes miss.
        let m = vec![
            vec![1.0, 2.0, 0.0],
            vec![2.0, 1.0, 0.0],
            vec![0.0, 0.0, 3.0],
        ];
        let (value, vector) = lowest_eigen(m.clone()).unwrap();
        assert!((value + 1.0).abs() < 1e-12, "{value}");
        let r = std::f64::consts::FRAC_1_SQRT_2;
        let along = vector[0] * r - vector[1] * r;
        assert!((along.abs() - 1.0).abs() < 1e-12, "{vector:?}");
        // M·v = λ·v, entry by entry.
        for (row, v) in m.iter().zip(&vector) {
            let mv: f64 = row.iter().zip(&vector).map(|(a, b)| a * b).sum();
            assert!((mv - value * v).abs() < 1e-12);
        }
        assert_eq!(lowest_eigen(Vec::new()), None);
    }
}

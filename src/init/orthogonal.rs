//! Orthogonal initialisation (Saxe, McClelland & Ganguli 2014), as PyTorch's
//! `torch.nn.init.orthogonal_` draws it.
//!
//! A layer's weight matrix W (fan_out × fan_in) is `gain · Q`, where Q comes from the QR
//! decomposition of a matrix G of independent N(0, 1) draws. Q alone is not uniformly
//! distributed over the orthogonal matrices: the QR's sign convention leaves a bias. Fixing
//! the signs so that R has a positive diagonal (Q ← Q·diag(sign R_kk)) makes Q exactly the
//! Gram–Schmidt of G's columns, which *is* Haar-distributed (Mezzadri 2007).
//!
//! A non-square W is semi-orthogonal: with fan_out ≥ fan_in its columns are orthonormal
//! (WᵀW = gain²·I), else its rows are (WWᵀ = gain²·I). Every entry then has mean 0 and
//! variance exactly gain²/max(fan_in, fan_out).
//!
//! The QR is Householder's, in f64 although the engine runs in f32: the reflections keep
//! WᵀW = gain²·I to about 1e-15 relative, and rounding to f32 afterwards costs ~1e-7, far
//! inside the 1e-5 the tests ask. It uses only +, −, ×, ÷ and √, which IEEE 754 rounds
//! exactly on every target, so a seed gives the same bits natively and in wasm.
//!
//! Its cost grows like fan_out·fan_in·min(fan_in, fan_out): [`MAX_UNITS`] bounds it.

use crate::rng::Rng;

/// Most units (fan_in or fan_out) of a layer drawn orthogonally. The QR of a square n × n
/// layer costs ≈ (8/3)·n³ flops (the reflections, then Q). Measured (CPU time, on the shared
/// 2-core build machine; `examples/orthogonal_time.rs` natively, `make bench` in wasm under
/// node), one layer of 64, 256 and 1024 units takes 0.4, 13 and 1,050 ms natively and 1.7, 12
/// and 765 ms in wasm. The budget is 100 ms for the page's widest network (8 layers): at 256
/// units, 8 × 12 ms ≈ 100 ms in wasm; at 1024 a single layer would hold the tab for most of a
/// second. So 256 it is, the page's own width limit; a wider layer is refused in words.
pub const MAX_UNITS: usize = 256;

/// The weights of one layer, `rows` × `cols` row-major (W[j][i] at `j·cols + i`, as the
/// engine lays them out: rows = fan_out, cols = fan_in): `gain` times a Haar-distributed
/// (semi-)orthogonal matrix. Draws rows·cols standard normals from `rng`, in that order.
pub fn draw(rows: usize, cols: usize, gain: f64, rng: &mut Rng) -> Vec<f64> {
    let g: Vec<f64> = (0..rows * cols).map(|_| rng.standard_normal()).collect();
    if rows == 0 || cols == 0 {
        return g;
    }
    let mut w = if rows < cols {
        // G's buffer, read column-major, is Gᵀ (cols × rows, tall); Q's buffer, read
        // row-major, is Qᵀ: no copy either way.
        let mut a = g;
        orthonormal_columns(&mut a, cols, rows)
    } else {
        let mut a = transpose(&g, rows, cols);
        let q = orthonormal_columns(&mut a, rows, cols);
        transpose(&q, cols, rows)
    };
    for x in &mut w {
        *x *= gain;
    }
    w
}

/// `x` (r × c row-major) as c × r row-major.
fn transpose(x: &[f64], r: usize, c: usize) -> Vec<f64> {
    let mut t = vec![0.0; r * c];
    for i in 0..r {
        for j in 0..c {
            t[j * r + i] = x[i * c + j];
        }
    }
    t
}

/// The Q of A = QR (A is m × n column-major, m ≥ n; overwritten), m × n column-major, with
/// each column's sign set so that R's diagonal is positive: the Gram–Schmidt of A's columns,
/// computed by Householder reflections H_k = I − 2vvᵀ/(vᵀv), which stay orthogonal in
/// floating point where Gram–Schmidt itself loses orthogonality.
fn orthonormal_columns(a: &mut [f64], m: usize, n: usize) -> Vec<f64> {
    debug_assert!(m >= n && a.len() == m * n);
    // v_k lives in rows k.. of column k of `reflectors`; `norms_sq[k]` is vᵀv (0: no reflection).
    let mut reflectors = vec![0.0; m * n];
    let mut norms_sq = vec![0.0; n];
    let mut signs = vec![1.0; n];
    for k in 0..n {
        let x = &a[k * m + k..k * m + m];
        let norm = dot(x, x).sqrt();
        // R_kk = −sign(x₀)·‖x‖: reflecting onto the side away from x avoids cancellation.
        let r_kk = if x[0] >= 0.0 { -norm } else { norm };
        signs[k] = if r_kk < 0.0 { -1.0 } else { 1.0 };
        let v = &mut reflectors[k * m + k..k * m + m];
        v.copy_from_slice(x);
        v[0] -= r_kk;
        let v_sq = dot(v, v);
        norms_sq[k] = v_sq;
        if v_sq == 0.0 {
            // x = 0 (probability 0 for Gaussian A): nothing to reflect.
            continue;
        }
        for j in k + 1..n {
            reflect(
                &reflectors[k * m + k..k * m + m],
                v_sq,
                &mut a[j * m + k..j * m + m],
            );
        }
    }
    // Q = H_0 H_1 … H_{n−1} applied to the first n columns of I, the last reflection first;
    // H_k leaves e_j (j < k) alone, so it only touches columns k.. .
    let mut q = vec![0.0; m * n];
    for j in 0..n {
        q[j * m + j] = 1.0;
    }
    for k in (0..n).rev() {
        if norms_sq[k] == 0.0 {
            continue;
        }
        for j in k..n {
            reflect(
                &reflectors[k * m + k..k * m + m],
                norms_sq[k],
                &mut q[j * m + k..j * m + m],
            );
        }
    }
    for (j, sign) in signs.iter().enumerate() {
        for t in &mut q[j * m..j * m + m] {
            *t *= sign;
        }
    }
    q
}

/// y ← (I − 2vvᵀ/v_sq)·y, on the rows the reflector touches.
fn reflect(v: &[f64], v_sq: f64, y: &mut [f64]) {
    let f = 2.0 * dot(v, y) / v_sq;
    for (t, vi) in y.iter_mut().zip(v) {
        *t -= f * vi;
    }
}

/// Σ xᵢyᵢ in four interleaved partial sums, added in a fixed order: the same bits on every
/// target, and four independent additions in flight instead of one chain (3× faster).
pub(super) fn dot(x: &[f64], y: &[f64]) -> f64 {
    let mut lanes = [0.0; 4];
    let (xs, ys) = (x.chunks_exact(4), y.chunks_exact(4));
    let (x_rest, y_rest) = (xs.remainder(), ys.remainder());
    for (a, b) in xs.zip(ys) {
        for k in 0..4 {
            lanes[k] += a[k] * b[k];
        }
    }
    let rest: f64 = x_rest.iter().zip(y_rest).map(|(a, b)| a * b).sum();
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) + rest
}

#[cfg(test)]
mod tests {
    use super::*;

    /// max |(WᵀW or WWᵀ) − gain²·I| over the smaller Gram matrix, relative to gain².
    fn gram_error(w: &[f64], rows: usize, cols: usize, gain: f64) -> f64 {
        // at(k, p): entry k of the p-th orthonormal vector (a column if tall, else a row).
        let tall = rows >= cols;
        let (outer, inner) = if tall { (cols, rows) } else { (rows, cols) };
        let at = |k: usize, p: usize| {
            if tall {
                w[k * cols + p]
            } else {
                w[p * cols + k]
            }
        };
        let mut worst: f64 = 0.0;
        for p in 0..outer {
            for r in 0..outer {
                let dot: f64 = (0..inner).map(|k| at(k, p) * at(k, r)).sum();
                let target = if p == r { gain * gain } else { 0.0 };
                worst = worst.max((dot - target).abs() / (gain * gain));
            }
        }
        worst
    }

    #[test]
    fn square_tall_and_wide_layers_are_orthogonal_times_the_gain() {
        for (rows, cols, gain) in [
            (8, 8, 1.0),
            (16, 2, 2.5),
            (2, 16, 0.3),
            (1, 5, 1.0),
            (33, 17, 5.0 / 3.0),
        ] {
            let w = draw(rows, cols, gain, &mut Rng::seed_from(3));
            let error = gram_error(&w, rows, cols, gain);
            assert!(error < 1e-12, "{rows}×{cols}: {error}");
        }
    }

    #[test]
    fn the_sign_fix_leaves_no_bias_on_the_diagonal() {
        // Without the fix, Householder's R_kk = −sign(x₀)‖x‖ makes Q₀₀ = −x₀/‖x‖·… lean
        // negative; Haar Q₀₀ of a 2 × 2 matrix is cos θ, θ uniform: mean 0, mean square 1/2.
        let mut rng = Rng::seed_from(11);
        let n = 20_000;
        let (mut sum, mut sum_sq) = (0.0, 0.0);
        for _ in 0..n {
            let q = draw(2, 2, 1.0, &mut rng)[0];
            sum += q;
            sum_sq += q * q;
        }
        let (mean, mean_sq) = (sum / n as f64, sum_sq / n as f64);
        // Var(cos θ) = 1/2: the mean's std is √(0.5/n) = 0.005; 5 of them.
        assert!(mean.abs() < 0.025, "mean of Q₀₀ = {mean}");
        assert!(
            (mean_sq - 0.5).abs() < 0.02,
            "mean square of Q₀₀ = {mean_sq}"
        );
    }
}

//! What the charts draw, worked out as plain data before any pixel is painted.
//!
//! Each chart of the page is two halves: a *model* here (which values go where: ranges,
//! ticks, contour lines, colours, which points are left out and why), tested natively like
//! the rest of the engine, and its *painting* in `src/web/charts/`, which only turns the
//! model into canvas calls. Nothing here knows about canvases or the page.
//!
//! Powers, logarithms and cube roots go through `libm`, as in the engine, so the wasm holds one
//! copy of each (std's `powf`/`log10` would bring a second).
//!
//! - [`activation`]: one layer's panel of the core view: g(z) over the histogram of z;
//! - [`colour`]: the perceptual colour scale of the heatmaps (viridis) and its lightness;
//! - [`contour`]: contour lines of a grid of values, by marching squares;
//! - [`landscape`]: the loss-landscape chart: colour scale (linear or log), contours, markers;
//! - [`loss`]: train and test loss against the step (one network, or A and B), linear or log;
//! - [`depth`]: std(z), its prediction and std(δ) layer by layer, on a log axis;
//! - [`gradients`]: one histogram of log₁₀ |∂L/∂w| per layer, and its exact zeros;
//! - [`phase`]: mean-field theory's phase diagram: ξ_c over (σ_w, σ_b²), the critical line, the init's point;
//! - [`pick`]: which training point a click on the data view means (the through-depth points);
//! - [`weights`]: one layer's weight histogram over the density it was drawn from;
//! - [`digits`]: the views of an image task: the confusion matrix, the misclassified digits
//!   and the first layer's receptive fields.

pub mod activation;
pub mod colour;
pub mod contour;
pub mod depth;
pub mod digits;
pub mod gradients;
pub mod labels;
pub mod landscape;
pub mod loss;
pub mod phase;
pub mod pick;
pub mod weights;
pub mod wrap;

/// `count` + 1 evenly spaced points from `lo` to `hi`, with each of `extra` inside that range
/// (kinks, jumps) inserted where it belongs, so a curve through them stays in order.
pub fn grid_with(lo: f64, hi: f64, count: usize, extra: impl IntoIterator<Item = f64>) -> Vec<f64> {
    let step = (hi - lo) / count as f64;
    let mut points: Vec<f64> = (0..=count).map(|k| lo + k as f64 * step).collect();
    for x in extra.into_iter().filter(|x| (lo..=hi).contains(x)) {
        let at = points.partition_point(|&p| p <= x);
        points.insert(at, x);
    }
    points
}

/// The indices of `keys` in ascending key order, equal keys in the order they come: a counting
/// sort, for keys that are small numbers (the network diagram's strokes: quarter pixels × 4
/// signs), and lighter in the wasm than a general sort.
pub fn by_key(keys: &[u32]) -> Vec<usize> {
    let top = keys.iter().max().map_or(0, |&k| k as usize + 1);
    let mut next = vec![0usize; top + 1];
    for &k in keys {
        next[k as usize + 1] += 1;
    }
    for i in 1..=top {
        next[i] += next[i - 1];
    }
    let mut order = vec![0; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        order[next[k as usize]] = i;
        next[k as usize] += 1;
    }
    order
}

/// One histogram bar: from `lo` to `hi` on the x axis, up to `height` on the y axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub lo: f64,
    pub hi: f64,
    pub height: f64,
}

/// A finite, non-empty range for an axis: plotters asserts on NaN and can loop on
/// infinite ranges, so non-finite ends fall back, and an empty range is widened.
pub fn span(lo: f64, hi: f64, fallback: (f64, f64)) -> (f64, f64) {
    const LIMIT: f64 = 1e12;
    if !(lo.is_finite() && hi.is_finite()) {
        return fallback;
    }
    let (lo, hi) = (lo.clamp(-LIMIT, LIMIT), hi.clamp(-LIMIT, LIMIT));
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    let centre = 0.5 * (lo + hi);
    let least = (centre.abs() * 1e-6).max(1e-9);
    if hi - lo < least {
        let half = (centre.abs() * 0.1).max(1e-3);
        (centre - half, centre + half)
    } else {
        (lo, hi)
    }
}

/// `(lo, hi)` widened by `share` of its width on each side.
pub fn pad((lo, hi): (f64, f64), share: f64) -> (f64, f64) {
    let w = (hi - lo) * share;
    (lo - w, hi + w)
}

/// `10` with `exponent` as a superscript, for a log axis: "10³", "10⁻¹²"; "1" and "10"
/// for 10⁰ and 10¹.
pub fn power_of_ten(exponent: i32) -> String {
    match exponent {
        0 => return "1".to_string(),
        1 => return "10".to_string(),
        _ => {}
    }
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::from("10");
    if exponent < 0 {
        out.push('⁻');
    }
    for d in exponent.unsigned_abs().to_string().bytes() {
        out.push(DIGITS[usize::from(d - b'0')]);
    }
    out
}

/// The whole decades k (for 10ᵏ) inside `[lo, hi]` (both log₁₀ values), every `step`-th one
/// so that at most `most` are returned (at least one decade is kept while the range holds one).
pub fn decades(lo: f64, hi: f64, most: usize) -> Vec<i32> {
    if !(lo.is_finite() && hi.is_finite()) || lo > hi {
        return Vec::new();
    }
    let (first, last) = (lo.ceil() as i32, hi.floor() as i32);
    if first > last {
        return Vec::new();
    }
    let count = (last - first + 1) as usize;
    let step = count.div_ceil(most.max(1)).max(1);
    // Multiples of the step, so that 10⁰ is among them whenever it is in range.
    (first..=last)
        .filter(|k| k.rem_euclid(step as i32) == 0)
        .collect()
}

/// "Nice" tick values (1, 2 or 5 × 10ᵏ apart) inside `[lo, hi]`, about `most` of them at most.
pub fn nice_ticks(lo: f64, hi: f64, most: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || most == 0 {
        return Vec::new();
    }
    let rough = (hi - lo) / most as f64;
    let magnitude = libm::pow(10.0, libm::log10(rough).floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|&s| (hi - lo) / s <= most as f64)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last)
        .map(|k| {
            let v = k as f64 * step;
            // 0.30000000000000004 → 0.3: round to the step's own precision.
            let digits = (-libm::log10(step).floor()).max(0.0) as i32 + 1;
            let scale = 10f64.powi(digits);
            (v * scale).round() / scale
        })
        .collect()
}

/// "Nice" ticks inside `[lo, hi]`, as many as fit in `most` points: the finest step of
/// [`nice_ticks`] that puts at most `most` ticks in the range (it bounds the intervals, one
/// fewer than the points when the ends are ticks, so the finest fit is searched for).
pub fn nice_ticks_within(lo: f64, hi: f64, most: usize) -> Vec<f64> {
    (1..=2 * most)
        .rev()
        .map(|intervals| nice_ticks(lo, hi, intervals))
        .find(|ticks| ticks.len() <= most)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_within_fill_the_points_allowed() {
        // Step 1 gives only 0 inside ±0.9; step 0.5 gives three ticks, which fit in three.
        assert_eq!(nice_ticks_within(-0.9, 0.9, 3), vec![-0.5, 0.0, 0.5]);
        assert_eq!(
            nice_ticks_within(0.0, 10.0, 6),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        for most in 1..9 {
            assert!(nice_ticks_within(-3.7, 12.2, most).len() <= most);
        }
        assert!(nice_ticks_within(0.0, 1.0, 0).is_empty());
    }

    #[test]
    fn by_key_orders_indices_by_key_keeping_ties_in_order() {
        assert_eq!(by_key(&[5, 1, 5, 0, 1]), vec![3, 1, 4, 0, 2]);
        assert_eq!(by_key(&[]), Vec::<usize>::new());
        let keys = [9, 3, 3, 7, 0, 9, 1];
        let order = by_key(&keys);
        assert!(order
            .windows(2)
            .all(|w| keys[w[0]] < keys[w[1]] || (keys[w[0]] == keys[w[1]] && w[0] < w[1])));
    }

    #[test]
    fn spans_are_finite_and_never_empty() {
        assert_eq!(span(-1.0, 2.0, (0.0, 1.0)), (-1.0, 2.0));
        assert_eq!(span(2.0, -1.0, (0.0, 1.0)), (-1.0, 2.0), "ends in order");
        assert_eq!(span(f64::NAN, 2.0, (0.0, 1.0)), (0.0, 1.0), "the fallback");
        assert_eq!(span(0.0, f64::INFINITY, (0.0, 1.0)), (0.0, 1.0));
        let (lo, hi) = span(3.0, 3.0, (0.0, 1.0));
        assert!(lo < 3.0 && hi > 3.0, "a point is widened around itself");
        assert_eq!(pad((0.0, 10.0), 0.05), (-0.5, 10.5));
    }

    #[test]
    fn powers_of_ten_read_as_superscripts() {
        assert_eq!(power_of_ten(0), "1");
        assert_eq!(power_of_ten(1), "10");
        assert_eq!(power_of_ten(3), "10³");
        assert_eq!(power_of_ten(-12), "10⁻¹²");
    }

    #[test]
    fn decades_are_thinned_to_fit_and_keep_ten_to_the_zero() {
        assert_eq!(decades(-3.5, 1.2, 10), vec![-3, -2, -1, 0, 1]);
        assert_eq!(decades(-12.0, 2.0, 5), vec![-12, -9, -6, -3, 0]);
        assert!(decades(0.2, 0.8, 5).is_empty());
        assert!(decades(f64::NAN, 1.0, 5).is_empty());
    }

    #[test]
    fn nice_ticks_are_round_numbers_inside_the_range() {
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.63, 0.71, 4), vec![0.64, 0.66, 0.68, 0.7]);
        assert!(nice_ticks(1.0, 1.0, 5).is_empty());
        assert!(nice_ticks(0.0, f64::INFINITY, 5).is_empty());
    }
}

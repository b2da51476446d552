//! Contour lines of a function known on a grid, by marching squares.
//!
//! The value f is known at the grid points (x_j, y_i). A contour at level c is where f = c.
//! Each cell of four neighbouring points is looked at on its own: an edge whose two ends lie
//! on different sides of c is crossed by the contour, at the point where the straight line
//! between the two values reaches c. A cell has 0, 2 or 4 crossed edges; two are joined by one
//! segment; four (a saddle: diagonal corners on the same side) by two segments, chosen by the
//! mean of the four corners, which stands for the value at the cell's centre.
//!
//! A crossing is computed from its edge alone, always from the same end, so the two cells
//! that share an edge put their segments' ends at exactly the same point: a contour that does
//! not leave the grid closes on itself.

/// One straight piece of a contour line, in the grid's own coordinates (x, y).
pub type Segment = [(f64, f64); 2];

/// Values on a grid: `values[i · xs.len() + j]` is f at (`xs[j]`, `ys[i]`). Non-finite values
/// (points not computed, or not a number) leave their cells without contours.
#[derive(Clone, Copy, Debug)]
pub struct Field<'a> {
    pub values: &'a [f64],
    pub xs: &'a [f64],
    pub ys: &'a [f64],
}

impl Field<'_> {
    fn at(&self, i: usize, j: usize) -> f64 {
        self.values[i * self.xs.len() + j]
    }
}

/// The point of the edge from `a` (value `fa`) to `b` (value `fb`) where the linear
/// interpolation between them equals `level`.
/// A value exactly at the level puts the crossing exactly on its grid point, so that every
/// cell meeting there ends its segment at the very same point.
fn crossing(a: (f64, f64), fa: f64, b: (f64, f64), fb: f64, level: f64) -> (f64, f64) {
    let t = (level - fa) / (fb - fa);
    if t >= 1.0 {
        return b;
    }
    (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
}

/// The segments of the contour `f = level` over the whole field. A field whose `values` do
/// not have `xs.len() × ys.len()` entries has no contours.
pub fn segments(field: Field, level: f64) -> Vec<Segment> {
    let (nx, ny) = (field.xs.len(), field.ys.len());
    let mut out = Vec::new();
    if nx < 2 || ny < 2 || field.values.len() != nx * ny || !level.is_finite() {
        return out;
    }
    for i in 0..ny - 1 {
        for j in 0..nx - 1 {
            cell(field, i, j, level, &mut out);
        }
    }
    out
}

/// The segments of one cell, whose lower-left corner is grid point (i, j).
fn cell(field: Field, i: usize, j: usize, level: f64, out: &mut Vec<Segment>) {
    // Corners counter-clockwise from the lower left.
    let corners = [(i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j)];
    let f = corners.map(|(i, j)| field.at(i, j));
    if !f.iter().all(|v| v.is_finite()) {
        return;
    }
    let p = corners.map(|(i, j)| (field.xs[j], field.ys[i]));
    let above = f.map(|v| v > level);
    // Edge k joins corner k and corner k+1 (bottom, right, top, left); its crossing is
    // computed from the corner with the lower grid index, as the neighbouring cell does.
    let edge = |k: usize| -> Option<(f64, f64)> {
        let (a, b) = (k, (k + 1) % 4);
        if above[a] == above[b] {
            return None;
        }
        let (a, b) = if corners[a] < corners[b] {
            (a, b)
        } else {
            (b, a)
        };
        Some(crossing(p[a], f[a], p[b], f[b], level))
    };
    let crossed: Vec<(usize, (f64, f64))> =
        (0..4).filter_map(|k| edge(k).map(|q| (k, q))).collect();
    // A segment of no length (a corner exactly at the level) joins nothing: leave it out.
    let mut push = |a: (f64, f64), b: (f64, f64)| {
        if a != b {
            out.push([a, b]);
        }
    };
    match crossed.as_slice() {
        [(_, a), (_, b)] => push(*a, *b),
        [(_, bottom), (_, right), (_, top), (_, left)] => {
            // A saddle: corners 0 and 2 are on one side, 1 and 3 on the other. If the centre
            // is on corner 0's side, the contour cuts off corners 1 and 3; else 0 and 2.
            let centre = 0.25 * f.iter().sum::<f64>();
            if (centre > level) == above[0] {
                push(*bottom, *right); // around corner 1
                push(*top, *left); // around corner 3
            } else {
                push(*left, *bottom); // around corner 0
                push(*right, *top); // around corner 2
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// f = x² + y² on an n × n grid over [−1, 1]².
    fn bowl(n: usize) -> (Vec<f64>, Vec<f64>) {
        let xs: Vec<f64> = (0..n)
            .map(|k| -1.0 + 2.0 * k as f64 / (n - 1) as f64)
            .collect();
        let values = (0..n)
            .flat_map(|i| xs.iter().map(move |&x| (x, i)))
            .map(|(x, i)| x * x + xs[i] * xs[i])
            .collect();
        (values, xs)
    }

    /// How many segment ends meet at each point (compared bit for bit).
    fn ends(segments: &[Segment]) -> HashMap<(u64, u64), usize> {
        let mut count = HashMap::new();
        for &(x, y) in segments.iter().flatten() {
            *count.entry((x.to_bits(), y.to_bits())).or_insert(0) += 1;
        }
        count
    }

    #[test]
    fn a_quadratic_bowl_gives_closed_circles_at_the_right_radii() {
        let (values, xs) = bowl(41);
        let field = Field {
            values: &values,
            xs: &xs,
            ys: &xs,
        };
        // 0.5 and 0.9 pass exactly through grid points: the corner case of a value equal
        // to the level.
        for r in [0.2, 0.5, 0.9, 0.61] {
            let segs = segments(field, r * r);
            assert!(!segs.is_empty(), "r = {r}");
            for &(x, y) in segs.iter().flatten() {
                let at = (x * x + y * y).sqrt();
                assert!((at - r).abs() < 2e-3, "r = {r}: an end at radius {at}");
            }
            assert!(
                ends(&segs).values().all(|&k| k == 2),
                "r = {r}: every end joins exactly two segments, so the circle is closed"
            );
            let length: f64 = segs.iter().map(|[a, b]| (a.0 - b.0).hypot(a.1 - b.1)).sum();
            let circumference = std::f64::consts::TAU * r;
            assert!(
                (length - circumference).abs() < 0.01 * circumference,
                "r = {r}: length {length}, circumference {circumference}"
            );
        }
    }

    #[test]
    fn a_contour_that_leaves_the_grid_ends_only_on_its_border() {
        let (values, xs) = bowl(21);
        let field = Field {
            values: &values,
            xs: &xs,
            ys: &xs,
        };
        let segs = segments(field, 1.5); // r ≈ 1.22: four arcs across the corners
        let open: Vec<(f64, f64)> = ends(&segs)
            .into_iter()
            .filter(|&(_, k)| k == 1)
            .map(|((x, y), _)| (f64::from_bits(x), f64::from_bits(y)))
            .collect();
        assert_eq!(open.len(), 8, "four arcs, two open ends each");
        for (x, y) in open {
            assert!(
                x.abs() == 1.0 || y.abs() == 1.0,
                "({x}, {y}) is on the border"
            );
        }
    }

    #[test]
    fn levels_outside_the_values_and_broken_fields_have_no_contours() {
        let (values, xs) = bowl(11);
        let field = Field {
            values: &values,
            xs: &xs,
            ys: &xs,
        };
        assert!(segments(field, -0.1).is_empty());
        assert!(segments(field, 2.5).is_empty());
        assert!(segments(field, f64::NAN).is_empty());
        let short = Field {
            values: &values[..10],
            xs: &xs,
            ys: &xs,
        };
        assert!(segments(short, 0.5).is_empty());
    }

    #[test]
    fn cells_with_a_missing_value_are_left_out() {
        let (mut values, xs) = bowl(11);
        let whole = segments(
            Field {
                values: &values,
                xs: &xs,
                ys: &xs,
            },
            0.25,
        )
        .len();
        for v in &mut values[..11 * 5] {
            *v = f64::NAN; // the lower half not computed yet
        }
        let half = segments(
            Field {
                values: &values,
                xs: &xs,
                ys: &xs,
            },
            0.25,
        );
        assert!(!half.is_empty() && half.len() < whole);
        assert!(
            half.iter().flatten().all(|&(_, y)| y >= 0.0),
            "only the computed half"
        );
    }

    #[test]
    fn a_saddle_is_split_by_the_centre_value() {
        let xs = [0.0, 1.0];
        let field = |v: &[f64; 4]| {
            segments(
                Field {
                    values: v,
                    xs: &xs,
                    ys: &xs,
                },
                0.5,
            )
        };
        // Rows (y = 0, then y = 1): the corners (0, 0) and (1, 1) are high, the other two low.
        // The centre, 0.5, is not above the level: each high corner is cut off on its own,
        // so both segments' midpoints lie on the diagonal between them.
        let segs = field(&[1.0, 0.0, 0.0, 1.0]);
        assert_eq!(segs.len(), 2);
        for [a, b] in &segs {
            let mid = (0.5 * (a.0 + b.0), 0.5 * (a.1 + b.1));
            assert!(
                (mid.0 - mid.1).abs() < 1e-12,
                "{mid:?} cuts off a high corner"
            );
        }
        // Raise the low corners so that the centre (0.6) is above: now the low corners are
        // cut off, and the segments lie across the other diagonal.
        let segs = field(&[1.0, 0.2, 0.2, 1.0]);
        assert_eq!(segs.len(), 2);
        for [a, b] in &segs {
            let mid = (0.5 * (a.0 + b.0), 0.5 * (a.1 + b.1));
            assert!((mid.0 - mid.1).abs() > 0.4, "{mid:?} cuts off a low corner");
        }
    }
}

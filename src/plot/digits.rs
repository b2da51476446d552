//! The digits' views, worked out as plain data: what replaces the decision boundary when the
//! inputs are 8×8 images (64 dimensions have no plane to draw a boundary in).
//!
//! - **The confusion matrix** on the test set: row = the true class, column = the class the
//!   network answered. A cell's colour is its *share of its row* (of the test images of
//!   that true class, the share answered as the column's class), not its count: the rows
//!   hold slightly different numbers of images (35–37 each), and a share means the same in
//!   every row, so the diagonal reads directly as each class's accuracy and an error reads
//!   as "how often a 3 is taken for an 8". The share goes through a square root before it
//!   becomes a tint ([`cell_tint`]), so that one mistake (1 of 36 ≈ 3 %, a tint of 17 %)
//!   is visible while the diagonal stays the strongest; the counts are written in the
//!   cells, so no number is read off the colour alone. The tint runs from the chart's
//!   background (0) to the first series colour, in straight lines in sRGB whose channels
//!   all move the same way, so its lightness is monotone in the share, on a light page and
//!   on a dark one ([`mix`]).
//! - **The misclassified test digits**, each drawn as its 8×8 image (ink = pixel / 16, from
//!   the background to the ink colour) with its true and answered class, laid out by
//!   [`tile_grid`] for the room the canvas has.
//! - **The receptive fields**: the first weight layer's incoming weights of up to
//!   [`MOST_FIELDS`] units, each unit's 64 weights drawn as an 8×8 image. All units share
//!   one colour scale, symmetric about 0 ([`Fields::scale`], the largest |w| shown):
//!   a weight w becomes t = w / scale ∈ [−1, 1], drawn from the background (t = 0) towards
//!   one colour for t > 0 and another for t < 0. One shared scale, so that equal weights give
//!   equal pixels in every unit: a zero or constant init (every unit a copy of the others)
//!   shows the same image 16 times, a random init 16 different ones; symmetric, so that 0 is
//!   always the background and a sign flip always swaps the hue.

use super::colour::{contrast_ratio, Rgba};
use crate::digits::{MAX_PIXEL, PIXELS};
use crate::mlp::Real;

/// Receptive fields drawn at most: the first units of the first layer.
pub const MOST_FIELDS: usize = 16;
/// Misclassified digits drawn at most.
pub const MOST_MISTAKES: usize = 16;
/// Two fields are identical when no weight differs by more than this (the symmetry lesson's
/// own tolerance: constant init keeps units equal to rounding, far below it).
pub const IDENTICAL: f64 = 1e-6;

/// An sRGB colour without opacity.
pub type Rgb = [u8; 3];

/// The colour part of a palette entry.
pub fn rgb(c: Rgba) -> Rgb {
    [c[0], c[1], c[2]]
}

/// The colour `t` of the way from `from` to `to` (t clamped to [0, 1]), channel by channel.
///
/// Each channel moves monotonically in t, so when every channel of `to` lies on the same
/// side of `from` (a light background towards a darker colour, or a dark one towards a
/// lighter colour, as in both of the page's palettes) the lightness is monotone in t.
pub fn mix(from: Rgb, to: Rgb, t: f64) -> Rgb {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    std::array::from_fn(|c| {
        let (a, b) = (f64::from(from[c]), f64::from(to[c]));
        (a + (b - a) * t).round() as u8
    })
}

/// WCAG 2's contrast for normal text, which the counts are.
pub const READABLE: f64 = 4.5;

/// What a count written on a cell of colour `under` is drawn in: of the page's `ink` and
/// `background`, the one that contrasts more with it; where neither reaches [`READABLE`]
/// (a mid tint), black or white, whichever contrasts more (one of them always does).
pub fn ink_on(under: Rgb, ink: Rgb, background: Rgb) -> Rgb {
    let best = |a: Rgb, b: Rgb| {
        if contrast_ratio(a, under) >= contrast_ratio(b, under) {
            a
        } else {
            b
        }
    };
    let page = best(ink, background);
    if contrast_ratio(page, under) >= READABLE {
        page
    } else {
        best([0, 0, 0], [255, 255, 255])
    }
}

/// The tint of a confusion cell that holds `share` of its row: √share, so that one mistake
/// in a row of ~36 (3 %) is a visible 17 % and a full row 100 %; 0 for nothing or not a number.
pub fn cell_tint(share: f64) -> f64 {
    if share.is_finite() && share > 0.0 {
        share.min(1.0).sqrt()
    } else {
        0.0
    }
}

/// The confusion matrix as the chart reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Confusion {
    /// Classes: the matrix is `classes × classes`.
    pub classes: usize,
    /// `counts[t·classes + p]`: test images of true class t answered as p.
    pub counts: Vec<u32>,
    /// Test images of each true class (each row's sum).
    pub row_totals: Vec<u32>,
}

impl Confusion {
    /// The matrix from its counts, rows the true classes; `None` unless `counts` holds a
    /// square number (≥ 1) of cells.
    pub fn new(counts: &[u32]) -> Option<Confusion> {
        let classes = (1..=counts.len()).find(|c| c * c >= counts.len())?;
        if classes * classes != counts.len() {
            return None;
        }
        let row_totals = counts.chunks(classes).map(|row| row.iter().sum()).collect();
        Some(Confusion {
            classes,
            counts: counts.to_vec(),
            row_totals,
        })
    }

    /// Test images counted.
    pub fn total(&self) -> u32 {
        self.row_totals.iter().sum()
    }

    /// Test images on the diagonal (answered right).
    pub fn correct(&self) -> u32 {
        (0..self.classes)
            .map(|c| self.counts[c * self.classes + c])
            .sum()
    }

    /// The count of true class `truth` answered as `predicted`.
    pub fn count(&self, truth: usize, predicted: usize) -> u32 {
        self.counts[truth * self.classes + predicted]
    }

    /// The share of row `truth` answered as `predicted` (0 for an empty row).
    pub fn share(&self, truth: usize, predicted: usize) -> f64 {
        match self.row_totals[truth] {
            0 => 0.0,
            total => f64::from(self.count(truth, predicted)) / f64::from(total),
        }
    }

    /// The cells as a `classes × classes` RGBA image (rows top-down = true classes 0, 1, …):
    /// each cell's [`cell_tint`] from `background` towards `full`.
    pub fn image(&self, background: Rgb, full: Rgb) -> Vec<u8> {
        let mut rgba = Vec::with_capacity(self.counts.len() * 4);
        for truth in 0..self.classes {
            for predicted in 0..self.classes {
                let colour = mix(background, full, cell_tint(self.share(truth, predicted)));
                rgba.extend([colour[0], colour[1], colour[2], 255]);
            }
        }
        rgba
    }
}

/// A count is written in its cell when the cell is at least this many times as wide as the
/// text and as tall as a line: below that, numbers would touch their neighbours.
pub const COUNT_ROOM: f64 = 1.2;

/// Whether a count `text_width` wide and `line_height` tall (device pixels) is legible in a
/// cell of `cell` device pixels.
pub fn count_fits(cell: f64, text_width: f64, line_height: f64) -> bool {
    cell >= COUNT_ROOM * text_width && cell >= line_height
}

/// An 8×8 digit (pixels 0–16, row by row from the top left) as RGBA: ink pixel/16 of the
/// way from `background` to `ink`. Pixels beyond 16 count as 16.
pub fn digit_image(pixels: &[u8], background: Rgb, ink: Rgb) -> Vec<u8> {
    let mut rgba = Vec::with_capacity(pixels.len() * 4);
    for &p in pixels {
        let share = f64::from(p.min(MAX_PIXEL)) / f64::from(MAX_PIXEL);
        let c = mix(background, ink, share);
        rgba.extend([c[0], c[1], c[2], 255]);
    }
    rgba
}

/// A misclassified test digit as the strip draws it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mistake<'a> {
    /// Its 64 pixels (0–16, row by row from the top left).
    pub pixels: &'a [u8],
    /// Its true class, and the class the network answered.
    pub truth: usize,
    pub predicted: usize,
}

/// Tiles of equal squares in a grid: the strip of digits and the receptive fields.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TileGrid {
    pub columns: usize,
    pub rows: usize,
    /// The side of a tile's image, device pixels (a whole number, so 8 image pixels map to
    /// equal squares when it is a multiple of 8).
    pub side: f64,
    /// Room under each tile for its label, and between tiles.
    pub label: f64,
    pub gap: f64,
}

impl TileGrid {
    /// The top-left corner of tile `k` (row by row), relative to the grid's corner.
    pub fn corner(&self, k: usize) -> (f64, f64) {
        let (row, column) = (k / self.columns.max(1), k % self.columns.max(1));
        (
            column as f64 * (self.side + self.gap),
            row as f64 * (self.side + self.label + self.gap),
        )
    }

    /// The whole grid's width and height.
    pub fn size(&self) -> (f64, f64) {
        let (c, r) = (self.columns as f64, self.rows as f64);
        (
            c * self.side + (c - 1.0).max(0.0) * self.gap,
            r * (self.side + self.label) + (r - 1.0).max(0.0) * self.gap,
        )
    }
}

/// The layout of `count` square tiles, each with `label` device pixels under it and `gap`
/// between tiles, in `width × height`: the column count that gives the largest tiles, their
/// side a multiple of 8 pixels when it is at least 8 (so every image pixel is the same
/// size), at most `most_side`. `None` when nothing is to be drawn or not even a 4-pixel tile
/// fits.
pub fn tile_grid(
    count: usize,
    (width, height): (f64, f64),
    label: f64,
    gap: f64,
    most_side: f64,
) -> Option<TileGrid> {
    if count == 0 || !(width.is_finite() && height.is_finite()) {
        return None;
    }
    // A side of at least 8 pixels is cut to a multiple of 8, so every image pixel is a
    // whole number of pixels.
    let whole = |side: f64| {
        if side >= 8.0 {
            (side / 8.0).floor() * 8.0
        } else {
            side.floor()
        }
    };
    let (columns, rows, side) = (1..=count)
        .map(|columns| {
            let rows = count.div_ceil(columns);
            let by_width = (width - (columns - 1) as f64 * gap) / columns as f64;
            let by_height = (height - (rows - 1) as f64 * gap) / rows as f64 - label;
            (columns, rows, whole(by_width.min(by_height).min(most_side)))
        })
        // The largest side; among equals, the fewest empty places in the last row, then the
        // fewest rows (16 as 4 × 4 or 8 × 2 rather than 6 + 6 + 4).
        .min_by(|a, b| {
            let empty = |(c, r, _): (usize, usize, f64)| c * r - count;
            b.2.total_cmp(&a.2)
                .then(empty(*a).cmp(&empty(*b)))
                .then(a.1.cmp(&b.1))
        })?;
    (side >= 4.0).then_some(TileGrid {
        columns,
        rows,
        side,
        label,
        gap,
    })
}

/// The first weight layer's incoming weights of its first units, on one shared scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Fields {
    /// Units drawn (at most [`MOST_FIELDS`]) and units in the layer.
    pub shown: usize,
    pub units: usize,
    /// The largest finite |w| among the units drawn: w = ±scale is the full colour.
    /// 0 when every weight drawn is 0 (or none is finite).
    pub scale: f64,
    /// Each unit's weights divided by `scale`, in [−1, 1] (NaN where a weight is not
    /// finite; 0 throughout when `scale` is 0), `PIXELS` per unit.
    pub values: Vec<f64>,
    /// Whether every unit drawn has the same weights as the first, within [`IDENTICAL`].
    pub identical: bool,
    /// Whether some weight drawn is not a finite number (a diverged run).
    pub diverged: bool,
}

impl Fields {
    /// The fields of a weight layer stored row by row (unit j's `n_in` weights at
    /// `j·n_in ..`, as [`crate::mlp::LayerShape`] lays them out) with `n_out` units.
    /// `None` unless the layer reads 64 inputs (8×8 pixels) and `weights` holds them all.
    pub fn new(weights: &[Real], n_in: usize, n_out: usize) -> Option<Fields> {
        if n_in != PIXELS || n_out == 0 || weights.len() < n_in * n_out {
            return None;
        }
        let shown = n_out.min(MOST_FIELDS);
        let drawn = &weights[..shown * n_in];
        let finite = drawn
            .iter()
            .map(|&w| f64::from(w))
            .filter(|w| w.is_finite());
        let scale = finite.fold(0.0_f64, |m, w| m.max(w.abs()));
        let values = drawn
            .iter()
            .map(|&w| match f64::from(w) {
                w if !w.is_finite() => f64::NAN,
                _ if scale == 0.0 => 0.0,
                w => (w / scale).clamp(-1.0, 1.0),
            })
            .collect();
        let first = &drawn[..n_in];
        let identical = drawn.chunks(n_in).all(|unit| {
            unit.iter()
                .zip(first)
                .all(|(&a, &b)| (f64::from(a) - f64::from(b)).abs() <= IDENTICAL)
        });
        Some(Fields {
            shown,
            units: n_out,
            scale,
            values,
            identical,
            diverged: drawn.iter().any(|w| !w.is_finite()),
        })
    }

    /// Unit `j`'s values (of the units drawn).
    pub fn unit(&self, j: usize) -> &[f64] {
        &self.values[j * PIXELS..(j + 1) * PIXELS]
    }

    /// Unit `j` as an 8×8 RGBA image: see [`diverging`].
    pub fn image(&self, j: usize, colours: &Diverging) -> Vec<u8> {
        let mut rgba = Vec::with_capacity(PIXELS * 4);
        for &t in self.unit(j) {
            let c = colours.at(t);
            rgba.extend([c[0], c[1], c[2], 255]);
        }
        rgba
    }
}

/// A diverging colour scale: t ∈ [−1, 1] from `negative` through `zero` (t = 0) to `positive`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Diverging {
    pub negative: Rgb,
    pub zero: Rgb,
    pub positive: Rgb,
    /// What a value that is not a number is drawn in.
    pub missing: Rgb,
}

impl Diverging {
    /// The colour of `t` (clamped to [−1, 1]).
    pub fn at(&self, t: f64) -> Rgb {
        if t.is_nan() {
            self.missing
        } else if t < 0.0 {
            mix(self.zero, self.negative, -t)
        } else {
            mix(self.zero, self.positive, t)
        }
    }
}

/// `diverging(t)` for the page's palette: towards `negative` below 0 and `positive` above,
/// from the chart's background at 0.
pub fn diverging(background: Rgb, negative: Rgb, positive: Rgb, missing: Rgb) -> Diverging {
    Diverging {
        negative,
        zero: background,
        positive,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::colour::{lightness, Palette};

    fn palettes() -> [Palette; 2] {
        let css = include_str!("../../www/style.css");
        [false, true].map(|dark| Palette::from_stylesheet(css, dark).unwrap())
    }

    /// The confusion's tint from the page's background towards its first series colour.
    fn tint_colour(p: &Palette, share: f64) -> Rgb {
        mix(rgb(p.background), rgb(p.series[0]), cell_tint(share))
    }

    #[test]
    fn a_cells_colour_moves_away_from_the_background_as_its_share_grows() {
        for p in palettes() {
            let bg = lightness(rgb(p.background));
            let distance = |share: f64| (lightness(tint_colour(&p, share)) - bg).abs();
            let mut last = distance(0.0);
            assert!(last < 1e-9, "an empty cell is the background");
            for k in 1..=36 {
                let now = distance(k as f64 / 36.0);
                assert!(
                    now > last,
                    "{k}/36 of a row: L* distance {now} after {last}"
                );
                last = now;
            }
            // One mistake in a row of 36 is visible: more than 5 L* from the background.
            assert!(distance(1.0 / 36.0) > 5.0, "{}", distance(1.0 / 36.0));
        }
    }

    /// WCAG AA for the counts (11 px text): 4.5:1 on every tint, light and dark.
    #[test]
    fn counts_are_readable_on_every_tint_of_either_palette() {
        for p in palettes() {
            for k in 0..=100 {
                let under = tint_colour(&p, f64::from(k) / 100.0);
                let ink = ink_on(under, rgb(p.ink), rgb(p.background));
                let ratio = contrast_ratio(ink, under);
                assert!(ratio >= READABLE, "share {k}%: {ratio:.2} on {under:?}");
            }
        }
    }

    #[test]
    fn the_matrix_reads_its_rows_as_true_classes() {
        // 2 classes: 3 of true 0 answered 0, 1 answered 1; true 1 all answered 0.
        let m = Confusion::new(&[3, 1, 2, 0]).unwrap();
        assert_eq!(m.classes, 2);
        assert_eq!(m.row_totals, vec![4, 2]);
        assert_eq!((m.total(), m.correct()), (6, 3));
        assert_eq!(m.share(0, 1), 0.25);
        assert_eq!(m.share(1, 0), 1.0);
        let (bg, full) = ([255, 255, 255], [0, 0, 0]);
        let image = m.image(bg, full);
        assert_eq!(image.len(), 4 * 4);
        // The full row (true 1 → 0) is the full colour, its empty cell the background.
        assert_eq!(&image[8..12], &[0, 0, 0, 255]);
        assert_eq!(&image[12..16], &[255, 255, 255, 255]);
        assert!(Confusion::new(&[1, 2, 3]).is_none(), "not square");
        assert!(Confusion::new(&[]).is_none());
        let empty_row = Confusion::new(&[0, 0, 0, 5]).unwrap();
        assert_eq!(empty_row.share(0, 0), 0.0, "an empty row has no share");
    }

    #[test]
    fn a_count_is_written_only_where_it_has_room() {
        assert!(count_fits(30.0, 14.0, 15.0));
        assert!(!count_fits(15.0, 14.0, 15.0), "too narrow for the text");
        assert!(!count_fits(12.0, 6.0, 15.0), "shorter than a line");
    }

    #[test]
    fn a_digit_runs_from_background_to_ink() {
        let pixels: Vec<u8> = (0..64).map(|k| (k % 17) as u8).collect();
        let image = digit_image(&pixels, [250, 250, 250], [10, 20, 30]);
        assert_eq!(&image[..4], &[250, 250, 250, 255], "0 is the background");
        assert_eq!(&image[16 * 4..17 * 4], &[10, 20, 30, 255], "16 is the ink");
        let grey = |k: usize| image[4 * k];
        assert!((1..17).all(|k| grey(k) < grey(k - 1)), "more ink is darker");
    }

    #[test]
    fn tiles_fit_their_room_without_overlapping_and_fill_it() {
        for (count, w, h) in [
            (16, 340.0, 200.0),
            (16, 760.0, 240.0),
            (7, 300.0, 300.0),
            (1, 90.0, 90.0),
            (16, 1000.0, 60.0),
        ] {
            let (label, gap) = (14.0, 6.0);
            let g = tile_grid(count, (w, h), label, gap, 96.0).unwrap();
            assert!(g.columns * g.rows >= count && (g.rows - 1) * g.columns < count);
            let (gw, gh) = g.size();
            assert!(
                gw <= w + 1e-9 && gh <= h + 1e-9,
                "{count} in {w}×{h}: {g:?}"
            );
            let (x1, y1) = g.corner(count - 1);
            assert!(x1 + g.side <= w && y1 + g.side + label <= h);
            assert!(g.side <= 96.0 && (g.side < 8.0 || g.side % 8.0 == 0.0));
            // No other column count gives larger tiles (of whole multiples of 8 pixels).
            for columns in 1..=count {
                let rows = count.div_ceil(columns);
                let side = ((w - (columns - 1) as f64 * gap) / columns as f64)
                    .min((h - (rows - 1) as f64 * gap) / rows as f64 - label)
                    .min(96.0);
                assert!(side < g.side + 8.0, "{columns} columns give {side}: {g:?}");
            }
        }
        // Ties go to full rows, then to fewer of them: 16 tiles that fit 4 × 4 or 8 × 2 at
        // the same side are never laid out 6 + 6 + 4.
        let square = tile_grid(16, (400.0, 400.0), 14.0, 6.0, 64.0).unwrap();
        assert_eq!(square.columns * square.rows, 16, "{square:?}");
        for (w, h) in [(400.0, 300.0), (668.0, 500.0)] {
            let g = tile_grid(16, (w, h), 14.0, 6.0, 96.0).unwrap();
            assert_eq!(g.columns * g.rows, 16, "{w}×{h}: {g:?}");
        }
        assert_eq!(tile_grid(0, (300.0, 300.0), 10.0, 4.0, 96.0), None);
        assert_eq!(tile_grid(16, (20.0, 20.0), 10.0, 4.0, 96.0), None);
        assert_eq!(tile_grid(3, (f64::NAN, 20.0), 10.0, 4.0, 96.0), None);
    }

    fn random_weights(n: usize) -> Vec<Real> {
        let mut rng = crate::rng::Rng::seed_from(7);
        (0..n).map(|_| rng.standard_normal() as Real).collect()
    }

    fn colours() -> Diverging {
        diverging(
            [255, 255, 255],
            [0, 114, 178],
            [213, 94, 0],
            [150, 150, 150],
        )
    }

    #[test]
    fn identical_weights_give_identical_fields_and_random_ones_differ() {
        let constant = vec![0.3 as Real; 64 * 32];
        let fields = Fields::new(&constant, 64, 32).unwrap();
        assert_eq!((fields.shown, fields.units), (16, 32));
        assert!(fields.identical);
        let first = fields.image(0, &colours());
        assert!((1..16).all(|j| fields.image(j, &colours()) == first));
        assert_eq!(
            &first[..3],
            &[213, 94, 0],
            "the largest weight is the full colour"
        );

        let random = Fields::new(&random_weights(64 * 20), 64, 20).unwrap();
        assert!(!random.identical);
        for a in 0..16 {
            for b in a + 1..16 {
                assert_ne!(random.image(a, &colours()), random.image(b, &colours()));
            }
        }
    }

    #[test]
    fn one_scale_symmetric_about_zero_for_every_unit() {
        let mut weights = random_weights(64 * 16);
        weights[5] = -4.0; // the largest |w|, in unit 0
        weights[64 * 9 + 3] = 2.0; // unit 9
        let fields = Fields::new(&weights, 64, 16).unwrap();
        assert_eq!(fields.scale, 4.0);
        assert_eq!(fields.unit(0)[5], -1.0);
        assert_eq!(fields.unit(9)[3], 0.5, "unit 9 is read on unit 0's scale");
        // w and −w are equally far from the background, on opposite hues.
        let c = colours();
        for t in [0.1, 0.5, 1.0] {
            let (up, down) = (c.at(t), c.at(-t));
            let far = |x: Rgb| {
                (0..3)
                    .map(|k| (f64::from(x[k]) - f64::from(c.zero[k])).powi(2))
                    .sum::<f64>()
                    .sqrt()
            };
            assert_ne!(up, down);
            assert!(far(up) > 0.0 && far(down) > 0.0);
            assert!(t < 1.0 || (up == c.positive && down == c.negative));
        }
        assert_eq!(c.at(0.0), c.zero, "zero is the background");
        // |w| grows ⇒ the colour moves monotonically away from the background.
        let l = |t: f64| lightness(c.at(t));
        assert!((1..=10).all(|k| l(k as f64 / 10.0) < l((k - 1) as f64 / 10.0)));
        assert!((1..=10).all(|k| l(-k as f64 / 10.0) < l(-(k - 1) as f64 / 10.0)));
    }

    #[test]
    fn zero_init_fields_are_the_background_and_nan_is_flagged() {
        let zero = Fields::new(&[0.0; 64 * 4], 64, 4).unwrap();
        assert_eq!((zero.scale, zero.shown, zero.identical), (0.0, 4, true));
        assert!(zero
            .image(2, &colours())
            .chunks(4)
            .all(|p| p[..3] == [255; 3]));
        let mut weights = vec![0.5 as Real; 64 * 2];
        weights[70] = Real::NAN;
        let diverged = Fields::new(&weights, 64, 2).unwrap();
        assert!(diverged.diverged && diverged.unit(1)[6].is_nan());
        assert_eq!(diverged.scale, 0.5);
        assert_eq!(&diverged.image(1, &colours())[24..27], &[150, 150, 150]);
        assert!(Fields::new(&[0.0; 2 * 8], 2, 8).is_none(), "not 8×8 inputs");
        assert!(Fields::new(&[0.0; 64], 64, 2).is_none(), "too few weights");
    }
}

//! The first layer's "receptive fields": each of up to 16 hidden units' 64 incoming weights,
//! drawn as the 8×8 image of the pixels it reads, all on one colour scale symmetric about 0.
//!
//! This is the symmetry lesson on real data. A zero or constant init gives every unit the
//! same weights, so the 16 images are the same image (blank at zero init), and training
//! cannot tell them apart: they stay copies. A random init starts them different, and
//! training turns them into stroke detectors. The shared scale is what makes "the same" a
//! fact of the picture (see [`crate::plot::digits::Fields`]).

use super::canvas::{self, Rect, Tile};
use super::confusion::rgb;
use super::style::Style;
use super::theme::{num, stroke, FONT, SMALL};
use super::words::{Swatch, Words};
use super::{begin, fill, Surface};
use crate::digits::SIDE;
use crate::mlp::Real;
use crate::plot::colour::MISSING;
use crate::plot::digits::{diverging, tile_grid, Diverging, Fields};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use web_sys::HtmlCanvasElement;

/// The largest a field is drawn, CSS pixels (8 pixels of 10).
const MOST_SIDE: f64 = 80.0;

/// Draws the fields of a first weight layer stored row by row (`n_out` units of `n_in`
/// weights each, as [`crate::mlp::LayerShape`] lays them out). Returns where each field was
/// drawn (device pixels: left, top, width, height; none when there was no room), so that a
/// test can compare them.
pub fn draw(
    canvas: &HtmlCanvasElement,
    weights: &[Real],
    (n_in, n_out): (usize, usize),
    style: &Style,
) -> Result<Vec<Rect>, String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    let Some(fields) = Fields::new(weights, n_in, n_out) else {
        words.message((0.0, 0.0, w, h), labels.fields_not_images, t.muted);
        return Ok(Vec::new());
    };
    let colours = diverging(rgb(t.bg), rgb(t.class[0]), rgb(t.class[1]), MISSING);
    let top = header(&words, &fields, &colours, w);
    let pad = style.px(4.0);
    let label = words.line_height(SMALL) + style.px(2.0);
    let room = (w - 2.0 * pad, h - top - pad);
    let Some(grid) = tile_grid(
        fields.shown,
        room,
        label,
        style.px(8.0),
        style.px(MOST_SIDE),
    ) else {
        return Ok(Vec::new());
    };
    let left = (0.5 * (w - grid.size().0)).floor();
    let images: Vec<Vec<u8>> = (0..fields.shown)
        .map(|j| fields.image(j, &colours))
        .collect();
    let mut atlas = Vec::with_capacity(fields.shown * SIDE * SIDE * 4);
    for row in 0..SIDE {
        for image in &images {
            atlas.extend_from_slice(&image[row * SIDE * 4..(row + 1) * SIDE * 4]);
        }
    }
    let side = SIDE as f64;
    let tiles: Vec<Tile> = (0..fields.shown)
        .map(|j| {
            let (x, y) = grid.corner(j);
            let to = (left + x, top + y, grid.side, grid.side);
            ((j as f64 * side, 0.0, side, side), to)
        })
        .collect();
    let size = ((fields.shown * SIDE) as u32, SIDE as u32);
    canvas::pixel_tiles(canvas, &atlas, size, &tiles)?;
    for (j, (_, (x, y, s, _))) in tiles.iter().enumerate() {
        let frame = [
            (x.round() as i32, y.round() as i32),
            ((x + s).round() as i32, (y + s).round() as i32),
        ];
        let _ = words
            .root
            .draw(&Rectangle::new(frame, stroke(style, t.muted.mix(0.5), 1.0)));
        let at = (x + 0.5 * s, y + s + style.px(1.0));
        words.text(&(j + 1).to_string(), at, SMALL, t.muted, HPos::Center);
    }
    Ok(tiles.into_iter().map(|(_, to)| to).collect())
}

/// The caption, the scale's two ends as a legend, and what the fields show when they are all
/// alike (identical, blank) or not numbers; returns the height used.
fn header(words: &Words, fields: &Fields, colours: &Diverging, w: f64) -> f64 {
    let (style, labels, t) = (words.style, words.style.labels, words.t);
    let x0 = style.px(4.0);
    let width = w - 2.0 * x0;
    let caption = fill(
        labels.fields_caption,
        &[&fields.shown.to_string(), &fields.units.to_string()],
    );
    let lines = words.wrap(&[caption], width, FONT);
    let mut used = style.px(2.0) + words.lines(&lines, (x0, style.px(2.0)), FONT, t.fg);
    if fields.scale > 0.0 {
        let scale = num(style, fields.scale, 2);
        let (negative, positive) = (format!("w = −{scale}"), format!("w = +{scale}"));
        let swatch = |[r, g, b]: [u8; 3]| Swatch::Bar(RGBColor(r, g, b).mix(1.0));
        let legend = [
            (swatch(colours.negative), negative.as_str()),
            (swatch(colours.positive), positive.as_str()),
        ];
        used += words.legend(&legend, (x0, used), width, false);
    }
    let note = words.wrap(&[labels.fields_scale.to_string()], width, SMALL);
    used += words.lines(&note, (x0, used), SMALL, t.muted);
    let alike = if fields.diverged {
        Some((labels.weights_not_finite, t.alarm))
    } else if fields.scale == 0.0 {
        Some((labels.fields_zero, t.fg))
    } else if fields.identical && fields.shown > 1 {
        Some((labels.fields_identical, t.fg))
    } else {
        None
    };
    if let Some((text, colour)) = alike {
        let text = fill(text, &[&fields.shown.to_string()]);
        let lines = words.wrap(&[text], width, FONT);
        used += words.lines(&lines, (x0, used), FONT, colour);
    }
    used + style.px(6.0)
}

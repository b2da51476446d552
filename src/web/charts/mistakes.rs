//! The test digits the network gets wrong, each as its 8×8 image with its true class and the
//! network's answer under it ("3 → 8").
//!
//! What a learner reads here is whether the mistakes are understandable (a sloppy 3 that
//! does look like an 8) or arbitrary, as they are while the network has not learned. The
//! layout and the pixels' ink are [`crate::plot::digits`].

use super::canvas::{self, Tile};
use super::confusion::rgb;
use super::style::Style;
use super::theme::{stroke, FONT, SMALL};
use super::words::Words;
use super::{begin, fill, Surface};
use crate::digits::SIDE;
use crate::plot::digits::{digit_image, tile_grid, Mistake, MOST_MISTAKES};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use web_sys::HtmlCanvasElement;

/// The largest a digit is drawn, CSS pixels (8 pixels of 10).
const MOST_SIDE: f64 = 80.0;

/// Draws the first [`MOST_MISTAKES`] of `mistakes`; `wrong` and `tested` are how many test
/// digits are misclassified in all and how many there are, for the caption.
pub fn draw(
    canvas: &HtmlCanvasElement,
    mistakes: &[Mistake],
    (wrong, tested): (usize, usize),
    style: &Style,
) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    if wrong == 0 || mistakes.is_empty() {
        let message = if wrong == 0 {
            labels.no_mistakes
        } else {
            labels.no_images
        };
        words.message((0.0, 0.0, w, h), message, t.muted);
        return Ok(());
    }
    let shown = &mistakes[..mistakes.len().min(MOST_MISTAKES)];
    let top = caption(&words, shown.len(), (wrong, tested), w);
    let pad = style.px(4.0);
    let label = words.line_height(SMALL) + style.px(2.0);
    let room = (w - 2.0 * pad, h - top - pad);
    let Some(grid) = tile_grid(shown.len(), room, label, style.px(8.0), style.px(MOST_SIDE)) else {
        return Ok(()); // no room for a digit: the caption says how many are wrong
    };
    let left = (0.5 * (w - grid.size().0)).floor();
    let pixels = SIDE * SIDE;
    let mut atlas = Vec::with_capacity(shown.len() * pixels * 4);
    let mut tiles: Vec<Tile> = Vec::with_capacity(shown.len());
    // The atlas: the digits side by side, one 8-pixel column of images each.
    let (bg, ink) = (rgb(t.bg), rgb(t.fg));
    let images: Vec<Vec<u8>> = shown
        .iter()
        .map(|m| {
            // A short image (never one of the file's) is padded with blank pixels.
            let mut padded = vec![0; pixels];
            let have = pixels.min(m.pixels.len());
            padded[..have].copy_from_slice(&m.pixels[..have]);
            digit_image(&padded, bg, ink)
        })
        .collect();
    for row in 0..SIDE {
        for image in &images {
            atlas.extend_from_slice(&image[row * SIDE * 4..(row + 1) * SIDE * 4]);
        }
    }
    let side = SIDE as f64;
    for k in 0..shown.len() {
        let (x, y) = grid.corner(k);
        let to = (left + x, top + y, grid.side, grid.side);
        tiles.push(((k as f64 * side, 0.0, side, side), to));
    }
    let size = ((shown.len() * SIDE) as u32, SIDE as u32);
    canvas::pixel_tiles(canvas, &atlas, size, &tiles)?;
    for (m, (_, (x, y, s, _))) in shown.iter().zip(&tiles) {
        let frame = [
            (x.round() as i32, y.round() as i32),
            ((x + s).round() as i32, (y + s).round() as i32),
        ];
        let _ = words
            .root
            .draw(&Rectangle::new(frame, stroke(style, t.muted.mix(0.5), 1.0)));
        let text = format!("{} → {}", m.truth, m.predicted);
        let at = (x + 0.5 * s, y + s + style.px(1.0));
        words.text(&text, at, SMALL, t.fg, HPos::Center);
    }
    Ok(())
}

/// "23 of 359 test digits misclassified · the first 16 shown" and what the labels say,
/// wrapped to `w`; returns the height they take.
fn caption(words: &Words, shown: usize, (wrong, tested): (usize, usize), w: f64) -> f64 {
    let (style, labels) = (words.style, words.style.labels);
    let x0 = style.px(4.0);
    let mut pieces = vec![fill(
        labels.mistakes_caption,
        &[&wrong.to_string(), &tested.to_string()],
    )];
    if shown < wrong {
        pieces.push(fill(labels.mistakes_shown, &[&shown.to_string()]));
    }
    let lines = words.wrap(&pieces, w - 2.0 * x0, FONT);
    let mut used = style.px(2.0) + words.lines(&lines, (x0, style.px(2.0)), FONT, words.t.fg);
    let note = words.wrap(&[labels.mistakes_legend.to_string()], w - 2.0 * x0, SMALL);
    used += words.lines(&note, (x0, used), SMALL, words.t.muted);
    used + style.px(6.0)
}

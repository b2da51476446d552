//! The confusion matrix of the digits' test set: row = true class, column = the network's
//! answer, each cell tinted by its share of its row and labelled with its count.
//!
//! A trained network puts nearly everything on the diagonal, and its few errors show which
//! digits it takes for which (a 3 for an 8, a 1 for a 7). A network that has not learned
//! answers most images with one or two classes: whole columns light up. The model (tints,
//! which counts fit, which ink reads on a cell) is [`crate::plot::digits`].

use super::canvas::{self, Rect};
use super::style::Style;
use super::theme::{at, chart, font, percent, stroke, Axis, Theme, FONT, SMALL};
use super::words::Words;
use super::{begin, fill, Surface};
use crate::plot::digits::{count_fits, ink_on, Confusion};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

/// Draws the matrix `counts` (classes × classes, row-major, rows the true classes) with its
/// caption above a square chart.
pub fn draw(canvas: &HtmlCanvasElement, counts: &[u32], style: &Style) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    let matrix = Confusion::new(counts).filter(|m| m.total() > 0);
    let Some(matrix) = matrix else {
        words.message((0.0, 0.0, w, h), labels.no_confusion, t.muted);
        return Ok(());
    };
    let top = caption(&words, &matrix, w);
    // A square plot, centred, with room for the tick labels and the two axis titles.
    let (extra_w, extra_h) = (style.px(66.0), style.px(38.0));
    // The class numbers and the title under the matrix take two lines, more than the 32 px
    // the chart leaves under it where a script's lines are tall (Devanagari, Chinese).
    let below = (2.0 * words.line_height(SMALL) + style.px(12.0) - style.px(32.0)).max(0.0);
    let side = (w - extra_w).min(h - top - extra_h - below);
    if side < style.px(40.0) {
        return Ok(()); // no room: the caption says what matters
    }
    let left = (0.5 * (w - side - extra_w)).max(0.0).floor();
    let area = words.area((left, top.floor(), side + extra_w, side + extra_h));
    let n = matrix.classes;
    let last = (n - 1) as f64;
    // Class k sits at k on x and at last − k on y, so that row 0 is the top row.
    let x_label = |v: f64| format!("{}", v.round() as i64);
    let y_label = |v: f64| format!("{}", (last - v).round() as i64);
    let ticks: Vec<f64> = (0..n).map(|k| k as f64).collect();
    let range = (-0.5, last + 0.5);
    let x = Axis {
        range,
        ticks: ticks.clone(),
        label: &x_label,
        desc: labels.confusion_predicted_axis,
    };
    let y = Axis {
        range,
        ticks,
        label: &y_label,
        desc: labels.confusion_truth_axis,
    };
    let c = chart(&area, style, &x, &y)?;
    let (x0, y0) = at(&c, range.0, range.1);
    let (x1, y1) = at(&c, range.1, range.0);
    let rect = (x0, y0, x1 - x0, y1 - y0);
    let rgba = matrix.image(rgb(t.bg), rgb(t.class[0]));
    canvas::pixel_tiles(
        canvas,
        &rgba,
        (n as u32, n as u32),
        &[((0.0, 0.0, n as f64, n as f64), rect)],
    )?;
    outline(&words, rect, n, &t);
    axes(&words, rect, n);
    counts_in_cells(&words, &matrix, rect);
    Ok(())
}

/// The classes along both axes and the axes' titles, written where plotters' mesh would put
/// them. Not by `configure_mesh`: it sizes each of its 22 labels with plotters-canvas's
/// measure, a forced layout of the page per string (see `canvas.rs`), which made this chart
/// cost 15 ms a draw; written directly, the words need no measuring.
fn axes(words: &Words, (x, y, w, h): Rect, n: usize) {
    let (style, t, labels) = (words.style, words.t, words.style.labels);
    let (cw, ch) = (w / n as f64, h / n as f64);
    let line = words.line_height(SMALL);
    let tick = style.px(3.0);
    for k in 0..n {
        let label = k.to_string();
        let below = (x + (k as f64 + 0.5) * cw, y + h + tick + style.px(2.0));
        words.text(&label, below, SMALL, t.muted, HPos::Center);
        let left = (
            x - tick - style.px(4.0),
            y + (k as f64 + 0.5) * ch - 0.5 * line,
        );
        words.text(&label, left, SMALL, t.muted, HPos::Right);
    }
    let under = (x + 0.5 * w, y + h + tick + style.px(4.0) + line);
    words.text(
        labels.confusion_predicted_axis,
        under,
        SMALL,
        t.muted,
        HPos::Center,
    );
    // The y title, turned a quarter left, centred on the matrix's height.
    let title = font(style, &t, SMALL, t.muted)
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let at = (
        (x - style.px(34.0)).round() as i32,
        (y + 0.5 * h).round() as i32,
    );
    let _ = words
        .root
        .draw_text(labels.confusion_truth_axis, &title, at);
}

/// A colour of the theme as the model's sRGB triple.
pub(crate) fn rgb(c: RGBColor) -> [u8; 3] {
    [c.0, c.1, c.2]
}

/// "340 of 359 test digits right (95%)" and what the colour and the numbers mean, wrapped
/// to the width `w`; returns the height they take.
fn caption(words: &Words, matrix: &Confusion, w: f64) -> f64 {
    let (style, labels) = (words.style, words.style.labels);
    let (correct, total) = (matrix.correct(), matrix.total());
    let accuracy = percent(f64::from(correct) / f64::from(total));
    let x0 = style.px(4.0);
    let headline = fill(
        labels.confusion_caption,
        &[&correct.to_string(), &total.to_string(), &accuracy],
    );
    let lines = words.wrap(&[headline], w - 2.0 * x0, FONT);
    let mut used = style.px(2.0) + words.lines(&lines, (x0, style.px(2.0)), FONT, words.t.fg);
    let note = words.wrap(&[labels.confusion_colour.to_string()], w - 2.0 * x0, SMALL);
    used += words.lines(&note, (x0, used), SMALL, words.t.muted);
    used + style.px(4.0)
}

/// A thin frame around the matrix and between its cells, so that empty cells (the
/// background's colour) still read as cells of a grid.
fn outline(words: &Words, (x, y, w, h): Rect, n: usize, t: &Theme) {
    let style = words.style;
    let line = stroke(style, t.grid, 1.0);
    for k in 1..n {
        let (dx, dy) = (x + w * k as f64 / n as f64, y + h * k as f64 / n as f64);
        let _ = words.root.draw(&PathElement::new(
            vec![
                (dx.round() as i32, y as i32),
                (dx.round() as i32, (y + h) as i32),
            ],
            line,
        ));
        let _ = words.root.draw(&PathElement::new(
            vec![
                (x as i32, dy.round() as i32),
                ((x + w) as i32, dy.round() as i32),
            ],
            line,
        ));
    }
    let frame = [
        (x.round() as i32, y.round() as i32),
        ((x + w).round() as i32, (y + h).round() as i32),
    ];
    let _ = words
        .root
        .draw(&Rectangle::new(frame, stroke(style, t.muted, 1.0)));
}

/// Every nonzero count written in its cell, in the ink that reads on the cell's tint, when
/// the cells are large enough for it (a zero is left blank: the empty background says it).
fn counts_in_cells(words: &Words, matrix: &Confusion, (x, y, w, h): Rect) {
    let t = words.t;
    let n = matrix.classes;
    let (cw, ch) = (w / n as f64, h / n as f64);
    let line = words.line_height(SMALL);
    let widest = words.width(&matrix.counts.iter().max().unwrap_or(&0).to_string(), SMALL);
    if !count_fits(cw.min(ch), widest, line) {
        return;
    }
    let full = rgb(t.class[0]);
    let bg = rgb(t.bg);
    for truth in 0..n {
        for predicted in 0..n {
            let count = matrix.count(truth, predicted);
            if count == 0 {
                continue;
            }
            let tint = crate::plot::digits::cell_tint(matrix.share(truth, predicted));
            let under = crate::plot::digits::mix(bg, full, tint);
            let [r, g, b] = ink_on(under, rgb(t.fg), bg);
            let centre = (
                x + (predicted as f64 + 0.5) * cw,
                y + (truth as f64 + 0.5) * ch - 0.5 * line,
            );
            words.text(
                &count.to_string(),
                centre,
                SMALL,
                RGBColor(r, g, b),
                HPos::Center,
            );
        }
    }
}

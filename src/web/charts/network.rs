//! The network diagram: units as circles, weights as edges (colour = sign, width ∝ |w|),
//! biases as rings around their units (colour = sign, width ∝ |b|), painted from the
//! geometry of [`crate::diagram`] on the 2D context directly.
//!
//! Start every weight at one constant and each layer's edges all look alike, its rings
//! too, and a dashed box says "all N identical": the units are copies. A random start
//! gives every edge its own colour and width.
//!
//! The layout is made in CSS pixels from the canvas's CSS size alone ([`frame`] does not
//! measure text), so the page's hover (`Lab.networkHit`) finds exactly what was painted.
//! Painting batches strokes by colour and width: one path per (sign, width) pair, not one
//! per edge, so the ~1,600 edges drawn for 8 layers of 64 units cost a few dozen strokes.

use super::style::Style;
use super::theme::{font, num, stroke, Theme, FONT, SMALL};
use super::words::Words;
use super::{begin, fill, Labels, Surface};
use crate::diagram::{Diagram, Frame, Hit, Moved, Role, Sign, Target, UnitRef};
use crate::mlp::Mlp;
use crate::plot::by_key;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

/// Height of one legend row and of one caption line, in CSS pixels.
const LEGEND_ROW: f64 = 17.0;
const CAPTION_LINE: f64 = 14.0;
/// Caption lines under each column: its name, how many units, whether they are identical, and
/// (for a net whose weights started at 0) when they first moved.
const CAPTION_LINES: f64 = 3.0;
/// Room above the legend, and between the legend and the units.
const GAP: f64 = 4.0;
/// How far from an edge or unit (CSS pixels) a mouse pointer still finds it.
pub const MOUSE_TOLERANCE: f64 = 6.0;

/// One legend entry's sample.
#[derive(Clone, Copy)]
enum Key {
    Line(Sign),
    Widths,
    Ring,
    Identical,
}

fn legend_entries(labels: &Labels) -> [(Key, &'static str); 6] {
    [
        (Key::Line(Sign::Positive), labels.net_positive),
        (Key::Line(Sign::Negative), labels.net_negative),
        (Key::Line(Sign::Zero), labels.net_zero),
        (Key::Widths, labels.net_width),
        (Key::Ring, labels.net_ring),
        (Key::Identical, labels.net_identical),
    ]
}

/// A generous estimate of a text's width in CSS pixels (0.6 em a character): the legend is
/// flowed with it, so that its height is known without a canvas and nothing overlaps.
fn estimate(text: &str, size: f64) -> f64 {
    crate::plot::wrap::estimate_em(text, 0.6) * size
}

/// Where each legend entry starts, relative to the legend's top-left corner, on a canvas
/// `width` CSS pixels wide; and how many rows it takes.
fn legend_flow(labels: &Labels, width: f64) -> (Vec<(f64, f64)>, usize) {
    let (mut x, mut row) = (0.0, 0);
    let mut at = Vec::new();
    for (_, label) in legend_entries(labels) {
        let w = 24.0 + estimate(label, FONT) + 10.0;
        if x > 0.0 && x + w > width - 8.0 {
            x = 0.0;
            row += 1;
        }
        at.push((x, row as f64 * LEGEND_ROW));
        x += w;
    }
    (at, row + 1)
}

/// The layout frame of a canvas of `width` × `height` CSS pixels: room for the legend on
/// top and `lines` caption lines below. The same for painting and for hit-testing.
pub fn frame(width: f64, height: f64, labels: &Labels, lines: f64) -> Frame {
    let (_, rows) = legend_flow(labels, width);
    let top = GAP + rows as f64 * LEGEND_ROW + GAP;
    Frame::new(width, height, top, lines * CAPTION_LINE + GAP)
}

/// The diagram of `mlp` on a canvas of `width` × `height` CSS pixels, each weight layer's
/// `nonzero_since` noted for the captions (one more caption line when some layer started at 0).
pub fn layout(
    mlp: &Mlp,
    nonzero_since: &[Option<usize>],
    width: f64,
    height: f64,
    labels: &Labels,
) -> Diagram {
    let started_at_zero = nonzero_since.iter().any(|&s| s != Some(0));
    let lines = CAPTION_LINES + f64::from(u8::from(started_at_zero));
    Diagram::new(mlp, frame(width, height, labels, lines)).with_moved(nonzero_since)
}

/// The colour of a weight or bias of this sign.
fn colour(t: &Theme, sign: Sign) -> RGBAColor {
    match sign {
        Sign::Positive => t.class[0].mix(0.85),
        Sign::Negative => t.class[1].mix(0.85),
        Sign::Zero => t.muted.mix(0.55),
        Sign::NotFinite => t.marker.to_rgba(),
    }
}

/// Draws the network `mlp` into `canvas` (`nonzero_since`: see [`layout`]).
pub fn draw(
    canvas: &HtmlCanvasElement,
    mlp: &Mlp,
    nonzero_since: &[Option<usize>],
    style: &Style,
) -> Result<(), String> {
    let Surface { words, t, w, h, .. } = begin(canvas, style)?;
    let labels = style.labels;
    let diagram = layout(mlp, nonzero_since, w / style.dpr, h / style.dpr, labels);
    legend(&words, &diagram);
    if diagram.radius >= 1.5 {
        identical(&words, &diagram);
        edges(&words, &diagram);
        units(&words, &diagram);
        captions(&words, &diagram);
    }
    if diagram.diverged {
        words.message((0.0, 0.0, w, h), labels.weights_not_finite, t.fg);
    }
    Ok(())
}

/// A point given in CSS pixels, in device pixels as plotters takes them.
fn device(s: &Style, (x, y): (f64, f64)) -> (i32, i32) {
    (s.px(x).round() as i32, s.px(y).round() as i32)
}

/// The legend, flowed as [`legend_flow`] says.
fn legend(words: &Words, d: &Diagram) {
    let (t, s) = (words.t, words.style);
    let root = &words.root;
    let (at, _) = legend_flow(s.labels, d.frame.width);
    for ((key, label), (x, y)) in legend_entries(s.labels).into_iter().zip(at) {
        let (x, mid) = (8.0 + x, GAP + y + 0.5 * LEGEND_ROW);
        let _ = match key {
            Key::Line(sign) => {
                let line = vec![device(s, (x, mid)), device(s, (x + 18.0, mid))];
                root.draw(&PathElement::new(line, stroke(s, colour(&t, sign), 2.5)))
            }
            Key::Widths => {
                // A wedge from the thinnest stroke to the widest.
                let (thin, wide) = (0.5 * d.min_width, 0.5 * MAX_LEGEND_WIDTH);
                let corners = [
                    (x, mid - thin),
                    (x + 18.0, mid - wide),
                    (x + 18.0, mid + wide),
                    (x, mid + thin),
                ];
                let wedge: Vec<_> = corners.iter().map(|&p| device(s, p)).collect();
                root.draw(&Polygon::new(wedge, t.fg.mix(0.7).filled()))
            }
            Key::Ring => {
                let centre = device(s, (x + 9.0, mid));
                let _ = root.draw(&Circle::new(centre, s.ipx(4.0), t.bg.filled()));
                let _ = root.draw(&Circle::new(
                    centre,
                    s.ipx(4.0),
                    stroke(s, t.fg.mix(0.6), 1.0),
                ));
                root.draw(&Circle::new(
                    centre,
                    s.ipx(5.5),
                    stroke(s, colour(&t, Sign::Positive), 2.5),
                ))
            }
            Key::Identical => {
                dashed_box(words, (x + 2.0, mid - 5.0), (x + 16.0, mid + 5.0));
                Ok(())
            }
        };
        words.text(
            label,
            (s.px(x + 24.0), s.px(GAP + y + 2.0)),
            FONT,
            t.fg,
            HPos::Left,
        );
    }
}

/// The legend's widest sample, in CSS pixels (the widest stroke of a roomy layout).
const MAX_LEGEND_WIDTH: f64 = crate::diagram::MAX_WIDTH;

/// A dashed rectangle in the "identical units" colour, by two corners in CSS pixels.
fn dashed_box(words: &Words, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) {
    let s = words.style;
    let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
    let path: Vec<_> = corners.iter().map(|&p| device(s, p)).collect();
    let ink = stroke(s, words.t.marker, 1.5);
    let _ = words
        .root
        .draw(&DashedPathElement::new(path, s.ipx(4.0), s.ipx(3.0), ink));
}

/// A dashed box around every layer whose units are all the same function.
fn identical(words: &Words, d: &Diagram) {
    // Around the units and their rings, within the room between the legend and the captions.
    let reach = d.radius + d.max_width + 2.0;
    let (room_top, room_bottom) = (d.frame.top, d.frame.height - d.frame.bottom + 1.0);
    for column in d.columns.iter().filter(|c| c.all_identical()) {
        let top = (column.span.0 - reach).max(room_top);
        let bottom = (column.span.1 + reach).min(room_bottom);
        dashed_box(words, (column.x - reach, top), (column.x + reach, bottom));
    }
}

/// The order strokes are batched and drawn in: thin under wide, then by sign.
fn sign_rank(sign: Sign) -> u8 {
    match sign {
        Sign::Zero => 0,
        Sign::Positive => 1,
        Sign::Negative => 2,
        Sign::NotFinite => 3,
    }
}

/// A width in quarter CSS pixels: strokes of equal key share one path.
fn quarter(width: f64) -> u32 {
    (width * 4.0).round().max(1.0) as u32
}

/// Widths above this many quarter pixels (64 px, far beyond any stroke the diagram draws)
/// share one group: it bounds the counting in [`by_key`].
const MOST_QUARTERS: u32 = 256;

/// What edges and rings are grouped and ordered by: the width in quarter pixels, then the sign.
fn stroke_key(width: f64, sign: Sign) -> u32 {
    quarter(width).min(MOST_QUARTERS) * 4 + u32::from(sign_rank(sign))
}

/// The width (CSS pixels) of the strokes of `key`.
fn key_width(key: u32) -> f64 {
    f64::from(key / 4) / 4.0
}

/// Every edge as a plotters path, thinnest first so strong weights lie on top; a bent edge
/// (one that would run through a unit) as a quadratic curve of [`BEND_STEPS`] straight pieces.
fn edges(words: &Words, d: &Diagram) {
    let s = words.style;
    let keys: Vec<u32> = (d.edges.iter())
        .map(|e| stroke_key(e.width, e.sign))
        .collect();
    for k in by_key(&keys) {
        let e = &d.edges[k];
        let points: Vec<(i32, i32)> = match e.bend {
            None => vec![device(s, e.start), device(s, e.end)],
            Some(c) => (0..=BEND_STEPS)
                .map(|i| {
                    device(
                        s,
                        quadratic(e.start, c, e.end, i as f64 / BEND_STEPS as f64),
                    )
                })
                .collect(),
        };
        let ink = stroke(s, colour(&words.t, e.sign), key_width(keys[k]));
        let _ = words.root.draw(&PathElement::new(points, ink));
    }
}

/// Straight pieces of a bent edge: enough that the curve reads as smooth at its few dozen pixels.
const BEND_STEPS: usize = 12;

/// The point at `t` ∈ [0, 1] of the quadratic Bézier curve from `a` through control `c` to `b`.
fn quadratic(a: (f64, f64), c: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    let u = 1.0 - t;
    (
        u * u * a.0 + 2.0 * u * t * c.0 + t * t * b.0,
        u * u * a.1 + 2.0 * u * t * c.1 + t * t * b.1,
    )
}

/// The units, their bias rings (widest last), the ellipses of sampled layers, and the names
/// x₁, x₂ in the input units when they fit.
fn units(words: &Words, d: &Diagram) {
    let (s, t) = (words.style, words.t);
    let root = &words.root;
    let r = s.px(d.radius).round() as i32;
    for u in &d.units {
        let centre = device(s, (u.x, u.y));
        let _ = root.draw(&Circle::new(centre, r, t.bg.filled()));
        let _ = root.draw(&Circle::new(centre, r, stroke(s, t.fg.mix(0.55), 1.0)));
    }
    let ringed: Vec<usize> = (0..d.units.len())
        .filter(|&k| d.units[k].ring > 0.0)
        .collect();
    let keys: Vec<u32> = (ringed.iter())
        .map(|&k| stroke_key(d.units[k].ring, d.units[k].sign))
        .collect();
    for at in by_key(&keys) {
        let (u, width) = (&d.units[ringed[at]], key_width(keys[at]));
        let around = s.px(d.radius + 0.5 * width).round() as i32;
        let ring = Circle::new(
            device(s, (u.x, u.y)),
            around,
            stroke(s, colour(&t, u.sign), width),
        );
        let _ = root.draw(&ring);
    }
    // "⋮" as three dots: no font needed.
    let dot = (0.2 * d.radius).clamp(1.3, 2.2);
    for (x, y) in d.columns.iter().filter_map(|c| c.ellipsis) {
        for k in [-1.0, 0.0, 1.0] {
            let centre = device(s, (x, y + k * 3.0 * dot));
            let _ = root.draw(&Circle::new(centre, s.ipx(dot), t.fg.filled()));
        }
    }
    if d.radius >= 7.0 {
        let size = (0.95 * d.radius).min(FONT);
        let style = font(s, &t, size, t.fg).pos(Pos::new(HPos::Center, VPos::Center));
        for u in d.units_of(0) {
            let _ = root.draw_text(&input_name(u.index), &style, device(s, (u.x, u.y)));
        }
    }
}

/// x₁, x₂, … (subscript digits).
fn input_name(index: usize) -> String {
    let digits: String = (index + 1)
        .to_string()
        .chars()
        .map(|c| char::from_u32(0x2080 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect();
    format!("x{digits}")
}

/// Under each column: its name, how many of its units are shown, "all N identical", and for
/// weights that started at 0, "moved at step N" or "weights all 0".
/// Each line in its long form if it fits the column's width, else its short form.
fn captions(words: &Words, d: &Diagram) {
    let (s, t, labels) = (words.style, words.t, words.style.labels);
    let room = s.px(0.88 * d.frame.width / d.columns.len().max(1) as f64);
    let top = d.frame.height - d.frame.bottom + GAP;
    let stride = caption_stride(words, d, room);
    for column in &d.columns {
        // Every stride-th hidden layer, none within a stride of the inputs' or the output's.
        let hidden = d.columns.len().saturating_sub(2);
        if matches!(column.role, Role::Hidden(k) if k % stride != 0 || k + stride > hidden + 1) {
            continue;
        }
        let shown = column.shown.len();
        let (size, shown_text) = (column.size.to_string(), shown.to_string());
        let name = match column.role {
            Role::Input => (
                labels.net_inputs.to_string(),
                labels.net_inputs_short.to_string(),
            ),
            Role::Hidden(k) => (
                fill(labels.net_hidden, &[&k.to_string()]),
                fill(labels.net_hidden_short, &[&k.to_string()]),
            ),
            Role::Output => (
                labels.output.to_string(),
                labels.net_output_short.to_string(),
            ),
        };
        let count = if shown < column.size {
            (
                fill(labels.net_sampled, &[&shown_text, &size]),
                fill(labels.net_sampled_short, &[&shown_text, &size]),
            )
        } else {
            let long = if column.size == 1 {
                labels.one_unit
            } else {
                labels.units
            };
            (fill(long, &[&size]), size.clone())
        };
        let mut lines = vec![(name, t.fg), (count, t.muted)];
        if column.all_identical() {
            let caption = fill(labels.net_all_identical, &[&size]);
            lines.push(((caption, labels.net_identical_short.to_string()), t.marker));
        }
        match column.moved {
            Some(Moved::AtStep(step)) => {
                let step = step.to_string();
                let at = (labels.net_moved_at, labels.net_moved_at_short);
                lines.push(((fill(at.0, &[&step]), fill(at.1, &[&step])), t.muted));
            }
            Some(Moved::StillZero) => {
                let zero = (labels.net_still_zero, labels.net_still_zero_short);
                lines.push(((zero.0.to_string(), zero.1.to_string()), t.muted));
            }
            None => {}
        }
        for (k, ((long, short), colour)) in lines.iter().enumerate() {
            let text = if words.width(long, SMALL) <= room {
                long
            } else {
                short
            };
            // Centred under its column, but kept inside the canvas: the first and last
            // columns of a deep network sit at its edges ("out" lost its "t" at 32 layers).
            let half = 0.5 * words.width(text, SMALL);
            let x = s
                .px(column.x)
                .clamp(half, (s.px(d.frame.width) - half).max(half));
            let at = (x, s.px(top + k as f64 * CAPTION_LINE));
            words.text(text, at, SMALL, *colour, HPos::Center);
        }
    }
}

/// Every how many hidden columns a caption fits: 1 until even the short captions ("h32",
/// "15/64") are wider than a column (deep networks, issue #21), then every second, third…
/// hidden layer is captioned (h2, h4, h6 …), so that no two overlap.
fn caption_stride(words: &Words, d: &Diagram, room: f64) -> usize {
    let labels = words.style.labels;
    let widest = (d.columns.iter())
        .map(|column| {
            let name = match column.role {
                Role::Hidden(k) => fill(labels.net_hidden_short, &[&k.to_string()]),
                _ => String::new(),
            };
            let (shown, size) = (column.shown.len().to_string(), column.size.to_string());
            let count = fill(labels.net_sampled_short, &[&shown, &size]);
            words.width(&name, SMALL).max(words.width(&count, SMALL))
        })
        .fold(0.0, f64::max);
    let gap = words.style.px(4.0);
    ((widest + gap) / room.max(1.0)).ceil().max(1.0) as usize
}

/// A weight or bias as the tooltip shows it: 3 decimals (scientific when that would show
/// 0 or a very long number), with a true minus sign.
pub fn value_text(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    num(&Style::default(), v, 3).replace('-', "−")
}

/// The name of a unit: "input x₁", "hidden 2 unit 5", "output".
fn unit_name(d: &Diagram, unit: UnitRef, labels: &Labels) -> String {
    let size = d.columns.get(unit.column).map_or(0, |c| c.size);
    let number = (unit.index + 1).to_string();
    match d.columns.get(unit.column).map(|c| c.role) {
        Some(Role::Input) => fill(labels.net_input_unit, &[&input_name(unit.index)]),
        Some(Role::Hidden(k)) => fill(labels.net_hidden_unit, &[&k.to_string(), &number]),
        Some(Role::Output) if size == 1 => labels.output.to_string(),
        _ => fill(labels.net_output_unit, &[&number]),
    }
}

/// What a hover says: "hidden 1 unit 3 → hidden 2 unit 5: w = −0.412", "output: b = 0.100".
pub fn describe(hit: &Hit, d: &Diagram, labels: &Labels) -> String {
    match hit.target {
        Target::Weight {
            from, to, value, ..
        } => fill(
            labels.net_weight_text,
            &[
                &unit_name(d, from, labels),
                &unit_name(d, to, labels),
                &value_text(value),
            ],
        ),
        Target::Bias { unit, value, .. } => fill(
            labels.net_bias_text,
            &[&unit_name(d, unit, labels), &value_text(value)],
        ),
        Target::Input { unit } => fill(labels.net_input_text, &[&unit_name(d, unit, labels)]),
    }
}

//! What a learner or a course author takes away from the page: the current weights as plain
//! numbers, the loss history and the per-layer statistics as CSV.
//!
//! Every number is printed in Rust's shortest form that reads back to the same `f64`, so a
//! spreadsheet or numpy gets exactly the values the page showed; a statistic that is not a
//! number (a diverged run) is printed as `NaN` or `inf`, which both read back.

use crate::experiment::History;
use crate::mlp::Mlp;
use crate::stats::{layer_name, LayerStats};
use serde::Serialize;
use std::fmt::Write;

/// One weight layer's parameters, as the engine holds them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerWeights {
    /// "hidden 1" … "output", as in the snapshot.
    pub name: String,
    pub n_in: usize,
    pub n_out: usize,
    /// The n_out × n_in weights row by row: `w[j * n_in + i]` is the weight from input i to
    /// unit j (with `shortcut=1` the output's last inputs are the network's inputs).
    pub w: Vec<f64>,
    /// One bias per unit.
    pub b: Vec<f64>,
}

/// Every layer's weights and biases, input side first. The engine's f32 values widen to
/// f64 exactly.
pub fn weights(mlp: &Mlp) -> Vec<LayerWeights> {
    let widen =
        |range: std::ops::Range<usize>| mlp.params[range].iter().map(|&x| f64::from(x)).collect();
    mlp.layers
        .iter()
        .enumerate()
        .map(|(l, shape)| LayerWeights {
            name: layer_name(l, mlp.layers.len()),
            n_in: shape.n_in,
            n_out: shape.n_out,
            w: widen(shape.weights()),
            b: widen(shape.biases()),
        })
        .collect()
}

/// A field of a CSV row: numbers as they read back; text quoted only if it must be.
fn field(out: &mut String, value: &Cell) {
    match value {
        Cell::Number(x) => write!(out, "{x}").expect("writing to a String"),
        Cell::Whole(n) => write!(out, "{n}").expect("writing to a String"),
        Cell::Text(s) if s.contains([',', '"', '\n']) => {
            write!(out, "\"{}\"", s.replace('"', "\"\"")).expect("writing to a String")
        }
        Cell::Text(s) => out.push_str(s),
    }
}

/// One CSV cell.
enum Cell {
    Number(f64),
    Whole(usize),
    Text(String),
}

/// A CSV table: the header, then one line per row; lines end in `\n`.
fn csv(header: &[&str], rows: impl Iterator<Item = Vec<Cell>>) -> String {
    let mut out = header.join(",");
    out.push('\n');
    for row in rows {
        push_line(&mut out, &row);
    }
    out
}

/// One line of cells, comma-separated (both tables write their lines through this).
fn push_line(out: &mut String, row: &[Cell]) {
    for (k, cell) in row.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        field(out, cell);
    }
    out.push('\n');
}

/// The loss history as recorded (every `history.every` steps, thinned as it grows): step,
/// training and test loss, training and test accuracy.
pub fn history_csv(history: &History) -> String {
    let header = [
        "step",
        "train_loss",
        "test_loss",
        "train_accuracy",
        "test_accuracy",
    ];
    let rows = (0..history.steps.len()).map(|k| {
        vec![
            Cell::Whole(history.steps[k]),
            Cell::Number(history.train[k]),
            Cell::Number(history.test[k]),
            Cell::Number(history.train_accuracy[k]),
            Cell::Number(history.test_accuracy[k]),
        ]
    });
    csv(&header, rows)
}

/// A column of the layer statistics: the snapshot's field name and how to read it.
type Column = (&'static str, fn(&LayerStats) -> Cell);

/// The columns of the layer statistics. The histograms are left out (they are charts, not
/// columns).
const LAYER_COLUMNS: &[Column] = &[
    ("name", |l| Cell::Text(l.name.clone())),
    ("activation", |l| Cell::Text(l.activation.clone())),
    ("fan_in", |l| Cell::Whole(l.fan_in)),
    ("fan_out", |l| Cell::Whole(l.fan_out)),
    ("size", |l| Cell::Whole(l.size)),
    ("sigma_requested", |l| Cell::Number(l.sigma_requested)),
    ("sigma_used", |l| Cell::Number(l.sigma_used)),
    ("mean_actual", |l| Cell::Number(l.mean_actual)),
    ("std_actual", |l| Cell::Number(l.std_actual)),
    ("z_mean", |l| Cell::Number(l.z_mean)),
    ("z_std", |l| Cell::Number(l.z_std)),
    ("z_std_predicted", |l| Cell::Number(l.z_std_predicted)),
    ("delta_std", |l| Cell::Number(l.delta_std)),
    ("saturated", |l| Cell::Number(l.saturated)),
    ("dead", |l| Cell::Number(l.dead)),
    ("distinct_units", |l| Cell::Whole(l.distinct_units)),
    ("grad_norm", |l| Cell::Number(l.grad_norm)),
];

/// One row per layer (hidden layers, then the output) of the snapshot's statistics, with
/// the snapshot's field names as the header.
pub fn layers_csv(layers: &[LayerStats]) -> String {
    let header: Vec<&str> = LAYER_COLUMNS.iter().map(|(name, _)| *name).collect();
    let rows = layers
        .iter()
        .map(|layer| LAYER_COLUMNS.iter().map(|(_, read)| read(layer)).collect());
    csv(&header, rows)
}

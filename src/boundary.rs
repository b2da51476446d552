//! The decision boundary: the network's output p over a grid of raw input coordinates.

use crate::data::Dataset;
use crate::mlp::{Mlp, Workspace};
use serde::Serialize;

/// p = P(class 1 | x) on an `n × n` grid covering the data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Grid {
    /// Raw-coordinate range shown on each axis: [x_lo, x_hi] and [y_lo, y_hi].
    pub x: [f64; 2],
    pub y: [f64; 2],
    /// Cells per side.
    pub n: usize,
    /// Row-major from the bottom-left cell: `p[row · n + col]`, row along y, col along x.
    pub p: Vec<f64>,
}

/// Margin around the raw data's bounding box, in raw units (the data spans about [−1, 1]).
const MARGIN: f64 = 0.2;

/// The square range the charts show: the training and test points' bounding box plus a margin.
pub fn data_extent(data: &Dataset) -> [f64; 2] {
    let mut extent = [f64::INFINITY, f64::NEG_INFINITY];
    for p in data.train.raw.iter().chain(&data.test.raw) {
        for &c in p {
            extent[0] = extent[0].min(c);
            extent[1] = extent[1].max(c);
        }
    }
    [extent[0] - MARGIN, extent[1] + MARGIN]
}

/// Evaluate the network at the centre of every cell of an `n × n` grid over `extent`.
pub fn decision_grid(mlp: &Mlp, data: &Dataset, n: usize, ws: &mut Workspace) -> Grid {
    let extent = data_extent(data);
    let cell = (extent[1] - extent[0]) / n as f64;
    let centre = |k: usize| extent[0] + (k as f64 + 0.5) * cell;
    let mut p = Vec::with_capacity(n * n);
    let mut inputs = Vec::with_capacity(2 * ws.capacity);
    let labels = vec![0.0; ws.capacity];
    let cells = n * n;
    let mut start = 0;
    while start < cells {
        let end = (start + ws.capacity).min(cells);
        inputs.clear();
        for k in start..end {
            let (row, col) = (k / n, k % n);
            inputs.extend(data.standardise([centre(col), centre(row)]));
        }
        ws.load(&inputs, &labels, 0..end - start);
        mlp.forward(ws);
        p.extend(mlp.outputs(ws).iter().map(|&p| p as f64));
        start = end;
    }
    Grid {
        x: extent,
        y: extent,
        n,
        p,
    }
}

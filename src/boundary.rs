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

/// The square range the charts show: the training and test points' bounding box plus a margin
/// ([−1, 1] plus the margin for data with no points in the plane: the digits).
pub fn data_extent(data: &Dataset) -> [f64; 2] {
    if data.train.raw.is_empty() && data.test.raw.is_empty() {
        return [-1.0 - MARGIN, 1.0 + MARGIN];
    }
    let mut extent = [f64::INFINITY, f64::NEG_INFINITY];
    for p in data.train.raw.iter().chain(&data.test.raw) {
        for &c in p {
            extent[0] = extent[0].min(c);
            extent[1] = extent[1].max(c);
        }
    }
    [extent[0] - MARGIN, extent[1] + MARGIN]
}

impl Grid {
    /// A grid of `n × n` cells over the data's extent, not yet evaluated (p = ½ everywhere).
    pub fn new(data: &Dataset, n: usize) -> Grid {
        let extent = data_extent(data);
        Grid {
            x: extent,
            y: extent,
            n,
            p: vec![0.5; n * n],
        }
    }

    /// Re-evaluate the cells `cells` (indices into `p`) with the network's current weights.
    /// A network of other inputs than the plane's 2 (the digits' 64 pixels) has no map of the
    /// plane: its cells stay as they are (½), and the page draws the digits' own views.
    pub fn refresh(
        &mut self,
        mlp: &Mlp,
        data: &Dataset,
        cells: std::ops::Range<usize>,
        ws: &mut Workspace,
    ) {
        if data.features() != 2 {
            return;
        }
        let cell = (self.x[1] - self.x[0]) / self.n as f64;
        let centre = |lo: f64, k: usize| lo + (k as f64 + 0.5) * cell;
        let mut inputs = Vec::with_capacity(2 * ws.capacity);
        let labels = vec![0.0; ws.capacity];
        let end = cells.end.min(self.p.len());
        let mut start = cells.start;
        while start < end {
            let stop = (start + ws.capacity).min(end);
            inputs.clear();
            for k in start..stop {
                let (row, col) = (k / self.n, k % self.n);
                inputs.extend(data.standardise([centre(self.x[0], col), centre(self.y[0], row)]));
            }
            ws.load(&inputs, &labels, 0..stop - start);
            // A diverged network's map shows what it computes; the snapshot reports the divergence.
            let _ = mlp.forward(ws);
            for (p, &out) in self.p[start..stop].iter_mut().zip(mlp.outputs(ws)) {
                *p = out as f64;
            }
            start = stop;
        }
    }
}

/// Evaluate the network at the centre of every cell of an `n × n` grid over the data.
pub fn decision_grid(mlp: &Mlp, data: &Dataset, n: usize, ws: &mut Workspace) -> Grid {
    let mut grid = Grid::new(data, n);
    grid.refresh(mlp, data, 0..n * n, ws);
    grid
}

/// A decision grid refreshed a slice at a time, so that a deep network's boundary costs a
/// bounded amount of work per animation frame; every cell is at most a few frames old.
#[derive(Clone, Debug, PartialEq)]
pub struct RollingGrid {
    grid: Option<Grid>,
    /// The next cell to refresh.
    cursor: usize,
}

impl RollingGrid {
    pub fn new() -> Self {
        RollingGrid {
            grid: None,
            cursor: 0,
        }
    }

    /// Refresh up to `budget` cells (at least one row), continuing where the last call
    /// stopped; the first call, or a change of `n`, evaluates the whole grid.
    pub fn advance(
        &mut self,
        mlp: &Mlp,
        data: &Dataset,
        n: usize,
        budget: usize,
        ws: &mut Workspace,
    ) -> &Grid {
        let n = n.max(1);
        match &mut self.grid {
            Some(grid) if grid.n == n => {
                let cells = n * n;
                let take = budget.max(n).min(cells);
                let start = self.cursor % cells;
                let end = (start + take).min(cells);
                grid.refresh(mlp, data, start..end, ws);
                if end - start < take {
                    grid.refresh(mlp, data, 0..take - (end - start), ws);
                }
                self.cursor = (start + take) % cells;
            }
            _ => {
                self.grid = Some(decision_grid(mlp, data, n, ws));
                self.cursor = 0;
            }
        }
        self.grid.as_ref().expect("set above")
    }
}

impl Default for RollingGrid {
    fn default() -> Self {
        RollingGrid::new()
    }
}

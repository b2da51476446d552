//! The network as a picture: units as circles, weights as edges, biases as rings.
//!
//! The lesson is symmetry. A unit of layer l computes `z_j = Σ_i W[j][i]·a_i + b_j`, so it
//! is drawn with one edge per incoming weight `W[j][i]` (from unit i of the column on its
//! left) and a ring for its bias `b_j`. Start every weight at the same constant and every
//! edge into a layer has the same colour and the same width, every ring the same look:
//! the units are copies of each other, and the picture says so before any statistic does.
//!
//! This module is the geometry only, plain Rust over an [`Mlp`] and a canvas size, so it is
//! tested natively; `web::charts::network` paints it and answers hovers with [`Diagram::hit`].
//!
//! - **Columns:** the inputs x₁, x₂ at the left, each hidden layer, the output at the right,
//!   evenly spaced; the units of a column are stacked and centred vertically.
//! - **Wide layers** (more than [`MAX_SHOWN`] units) show a fixed sample: the first [`HEAD`]
//!   units, an ellipsis, the last [`TAIL`]. Edges to or from units left out are not drawn.
//! - **Colour** is the sign ([`Sign`]): positive, negative, exactly zero (a neutral colour:
//!   zero has no sign) or not a number (a diverged run).
//! - **Width** is linear in |w| (or |b| for a ring) on *one scale for the whole network*:
//!   `width = min + (max − min)·|v| / m`, where m is the largest finite |w| or |b| of any
//!   layer. Linear, so equal values always have equal widths, anywhere in the picture; one
//!   scale, so a layer whose weights are smaller (Glorot in a wide layer) looks thinner, as
//!   it is; and the floor `min` keeps a tiny but nonzero weight visible (and coloured).
//! - **Edge groups:** the edges come from a list of [`Group`]s, each one weight matrix from
//!   one column to another. The dense layers join neighbouring columns with straight edges.
//!   A group that skips columns (a shortcut from the inputs straight to the output, planned
//!   as an `Mlp` option) is drawn as a curve arching over the columns between, and hit-tested
//!   on that curve, without changing anything else here.

use crate::mlp::Mlp;
use crate::stats::distinct_units;

/// A column with more units than this shows a sample of them.
pub const MAX_SHOWN: usize = 16;
/// Units shown from the top of a sampled column …
pub const HEAD: usize = 8;
/// … and from its bottom, after the ellipsis (HEAD + ellipsis + TAIL = MAX_SHOWN slots).
pub const TAIL: usize = 7;
/// The widest stroke (edges and rings) and the largest unit radius, in canvas units
/// (CSS pixels on the page). Dense layouts get less (see [`Diagram::widths`]).
pub const MAX_WIDTH: f64 = 5.0;
pub const MAX_RADIUS: f64 = 11.0;
/// The thinnest stroke: what a tiny but nonzero weight (and a zero one) is drawn with.
pub const MIN_WIDTH: f64 = 0.75;
/// Straight pieces a curved edge is measured on for hit-testing.
const CURVE_PIECES: usize = 24;

/// Which colour a value gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    Positive,
    Negative,
    /// Exactly 0: no sign, a neutral colour.
    Zero,
    /// NaN or ±∞: the run has diverged.
    NotFinite,
}

impl Sign {
    pub fn of(v: f64) -> Sign {
        if !v.is_finite() {
            Sign::NotFinite
        } else if v > 0.0 {
            Sign::Positive
        } else if v < 0.0 {
            Sign::Negative
        } else {
            Sign::Zero
        }
    }
}

/// The canvas and the room kept free along its edges (for a legend and captions), in any
/// unit (the page uses CSS pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Free room above the units (the legend).
    pub top: f64,
    /// Free room below them (the captions).
    pub bottom: f64,
}

impl Frame {
    /// A frame whose sizes are made finite and non-negative, so any input lays out.
    pub fn new(width: f64, height: f64, top: f64, bottom: f64) -> Frame {
        let clean = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
        Frame {
            width: clean(width),
            height: clean(height),
            top: clean(top),
            bottom: clean(bottom),
        }
    }
}

/// What a column of units is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The inputs x₁, x₂ (no bias, no incoming weights).
    Input,
    /// Hidden layer k, 1-based.
    Hidden(usize),
    Output,
}

/// One weight matrix drawn as edges: `W` of `sizes[to] × sizes[from]`, row-major at
/// `params[w_at..]`, so that `W[j][i]` (unit i of column `from` → unit j of column `to`)
/// is `params[w_at + j·sizes[from] + i]`, the layout of [`crate::mlp::LayerShape`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    /// The columns it joins; `to > from`. Neighbours give straight edges, others curves.
    pub from: usize,
    pub to: usize,
    pub w_at: usize,
    /// The index a hover reports for its weights (the weight layer, 0-based, for dense groups).
    pub layer: usize,
}

impl Group {
    /// The weight matrices of `mlp`: weight layer l joins column l to column l + 1, and with
    /// a shortcut the output's last columns join the inputs straight to the output. (Its
    /// row stride is the output's whole fan-in, not the inputs' count; with the one output
    /// unit there is a single row, so `W[0][i]` is `params[w_at + i]` either way.)
    pub fn dense(mlp: &Mlp) -> Vec<Group> {
        let mut groups: Vec<Group> = mlp
            .layers
            .iter()
            .enumerate()
            .map(|(l, shape)| Group {
                from: l,
                to: l + 1,
                w_at: shape.w_at,
                layer: l,
            })
            .collect();
        let top = mlp.layers.len() - 1;
        let output = mlp.layers[top];
        if mlp.shortcut && output.n_out == 1 && top > 0 {
            let hidden = mlp.layers[top - 1].n_out;
            groups.push(Group {
                from: 0,
                to: top + 1,
                w_at: output.w_at + hidden,
                layer: top,
            });
        }
        groups
    }
}

/// A column of units.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub role: Role,
    /// Units in the layer.
    pub size: usize,
    pub x: f64,
    /// The units drawn, by index, ascending: all of them, or the first HEAD and last TAIL.
    pub shown: Vec<usize>,
    /// Where the "⋮" marker stands, for a sampled column.
    pub ellipsis: Option<(f64, f64)>,
    /// How many different units the layer has ([`distinct_units`]); `None` for the inputs.
    pub distinct: Option<usize>,
    /// The top and bottom y of the units drawn (centres).
    pub span: (f64, f64),
    /// For a weight layer that started with every weight at 0, when they first moved
    /// ([`Diagram::with_moved`]); `None` for the inputs and for a layer that did not start at 0.
    pub moved: Option<Moved>,
}

/// When the weights into a column, all 0 at the start, first moved: the caption says so, and
/// under zero init with sigmoid the layers unfreeze from the output down (the `unfreeze`
/// lesson).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// Every weight is still exactly 0.
    StillZero,
    /// The step after which some weight first was not 0.
    AtStep(usize),
}

impl Moved {
    /// From a layer's `nonzero_since` ([`crate::stats::LayerStats::nonzero_since`]): `None`
    /// when its weights were not all 0 at the start (step 0).
    pub fn of(nonzero_since: Option<usize>) -> Option<Moved> {
        match nonzero_since {
            None => Some(Moved::StillZero),
            Some(0) => None,
            Some(step) => Some(Moved::AtStep(step)),
        }
    }
}

impl Column {
    /// True when the layer has several units and all of them are the same function.
    pub fn all_identical(&self) -> bool {
        self.size > 1 && self.distinct == Some(1)
    }
}

/// One unit drawn, with its bias ring.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub column: usize,
    pub index: usize,
    pub x: f64,
    pub y: f64,
    /// `b_j`, `None` for an input.
    pub bias: Option<f64>,
    /// Width of the ring for the bias (0 for no bias or a bias of exactly 0).
    pub ring: f64,
    pub sign: Sign,
}

/// One weight drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    /// Index into [`Diagram::groups`].
    pub group: usize,
    /// Unit indices in the `from` and `to` columns.
    pub from: usize,
    pub to: usize,
    pub start: (f64, f64),
    pub end: (f64, f64),
    /// The control point of a curved edge (a quadratic Bézier), `None` for a straight one.
    pub bend: Option<(f64, f64)>,
    pub weight: f64,
    pub width: f64,
    pub sign: Sign,
}

impl Edge {
    /// The point a fraction `t` along the edge.
    pub fn at(&self, t: f64) -> (f64, f64) {
        let (a, b) = (self.start, self.end);
        match self.bend {
            None => (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)),
            Some(c) => {
                let s = 1.0 - t;
                (
                    s * s * a.0 + 2.0 * s * t * c.0 + t * t * b.0,
                    s * s * a.1 + 2.0 * s * t * c.1 + t * t * b.1,
                )
            }
        }
    }

    /// The distance from `p` to the edge as drawn.
    pub fn distance(&self, p: (f64, f64)) -> f64 {
        match self.bend {
            None => segment_distance(p, self.start, self.end),
            Some(_) => (0..CURVE_PIECES)
                .map(|k| {
                    let t0 = k as f64 / CURVE_PIECES as f64;
                    let t1 = (k + 1) as f64 / CURVE_PIECES as f64;
                    segment_distance(p, self.at(t0), self.at(t1))
                })
                .fold(f64::INFINITY, f64::min),
        }
    }
}

/// The distance from `p` to the segment `a`–`b`.
pub fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - x).powi(2) + (p.1 - y).powi(2)).sqrt()
}

/// A unit named by its column and its index in the layer (0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitRef {
    pub column: usize,
    pub index: usize,
}

/// What a point of the diagram is over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// The weight `W[to][from]` of a group (its `layer`).
    Weight {
        layer: usize,
        from: UnitRef,
        to: UnitRef,
        value: f64,
    },
    /// The bias of a unit; `layer` is the unit's weight layer (its column − 1).
    Bias {
        layer: usize,
        unit: UnitRef,
        value: f64,
    },
    /// An input unit (it has no bias).
    Input { unit: UnitRef },
}

/// A hit and how far from the point it is (0 inside a unit or on an edge's centre line).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub target: Target,
    pub distance: f64,
}

/// The whole picture: where every shown unit and edge goes, and how it looks.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub frame: Frame,
    /// Radius of every unit.
    pub radius: f64,
    /// The thinnest and widest strokes of this layout (see [`Diagram::widths`]).
    pub min_width: f64,
    pub max_width: f64,
    /// The largest finite |w| or |b| in the network: the value drawn at `max_width`
    /// (0 when every parameter is 0 or not finite).
    pub scale: f64,
    /// True when some parameter is not a finite number.
    pub diverged: bool,
    pub columns: Vec<Column>,
    pub groups: Vec<Group>,
    /// Every unit shown, column after column, top to bottom.
    pub units: Vec<Unit>,
    /// Every edge shown, group after group.
    pub edges: Vec<Edge>,
}

/// The units drawn of a layer of `size`, and the slot (0-based, top to bottom) of the
/// ellipsis between them if it is sampled.
pub fn sample(size: usize) -> (Vec<usize>, Option<usize>) {
    if size <= MAX_SHOWN {
        ((0..size).collect(), None)
    } else {
        let shown = (0..HEAD).chain(size - TAIL..size).collect();
        (shown, Some(HEAD))
    }
}

impl Diagram {
    /// The dense network `mlp` laid out in `frame`.
    pub fn new(mlp: &Mlp, frame: Frame) -> Diagram {
        Diagram::with_groups(mlp, &Group::dense(mlp), frame)
    }

    /// The same diagram with each weight layer's [`Moved`], from the layers' `nonzero_since`
    /// in layer order (the experiment's [`crate::Experiment::nonzero_since`]): weight layer l
    /// feeds column l + 1.
    pub fn with_moved(mut self, nonzero_since: &[Option<usize>]) -> Diagram {
        for (column, &since) in self.columns.iter_mut().skip(1).zip(nonzero_since) {
            column.moved = Moved::of(since);
        }
        self
    }

    /// `mlp`'s units laid out in `frame`, with the edges of `groups` (a group that names a
    /// column `mlp` lacks, or weights beyond its parameters, is left out).
    pub fn with_groups(mlp: &Mlp, groups: &[Group], frame: Frame) -> Diagram {
        let sizes = &mlp.sizes;
        let count = sizes.len().max(1);
        let slots = sizes.iter().map(|&n| n.min(MAX_SHOWN)).max().unwrap_or(1);
        let (top, bottom) = (frame.top, (frame.height - frame.bottom).max(frame.top));
        let dx = frame.width / count as f64;
        let dy = (bottom - top) / slots.max(1) as f64;
        let radius = MAX_RADIUS.min(0.3 * dy).min(0.2 * dx).max(0.0);
        // A ring sits outside its circle: radius + max_width ≤ 1.5·radius stays inside the slot.
        let max_width = MAX_WIDTH.min(0.5 * radius);
        let min_width = MIN_WIDTH.min(0.5 * max_width);
        let finite = mlp.params.iter().filter(|p| p.is_finite());
        let scale = finite.fold(0.0_f64, |m, p| m.max(f64::from(p.abs())));
        let diverged = mlp.params.iter().any(|p| !p.is_finite());
        let mut diagram = Diagram {
            frame,
            radius,
            min_width,
            max_width,
            scale,
            diverged,
            columns: Vec::with_capacity(sizes.len()),
            groups: Vec::new(),
            units: Vec::new(),
            edges: Vec::new(),
        };
        let middle = 0.5 * (top + bottom);
        for (c, &size) in sizes.iter().enumerate() {
            let x = (c as f64 + 0.5) * dx;
            diagram.add_column(mlp, c, size, (x, middle, dy));
        }
        for group in groups {
            diagram.add_group(mlp, *group);
        }
        diagram
    }

    /// Column `c` of `size` units at x, centred on `middle`, one slot of `dy` per unit drawn:
    /// its units (the sample of a wide layer) with their bias rings, and its caption's data.
    fn add_column(&mut self, mlp: &Mlp, c: usize, size: usize, (x, middle, dy): (f64, f64, f64)) {
        let (shown, gap) = sample(size);
        let slots = shown.len() + usize::from(gap.is_some());
        let y = |slot: usize| middle + (slot as f64 - 0.5 * (slots as f64 - 1.0)) * dy;
        let role = match c {
            0 => Role::Input,
            c if c + 1 == mlp.sizes.len() => Role::Output,
            c => Role::Hidden(c),
        };
        let layer = c.checked_sub(1).and_then(|l| mlp.layers.get(l));
        for (k, &index) in shown.iter().enumerate() {
            let slot = k + usize::from(gap.is_some_and(|g| k >= g));
            let bias = layer.and_then(|shape| mlp.params.get(shape.b_at + index));
            let bias = bias.map(|&b| f64::from(b));
            let ring = match bias {
                Some(b) if b != 0.0 => self.width_of(b),
                _ => 0.0,
            };
            self.units.push(Unit {
                column: c,
                index,
                x,
                y: y(slot),
                bias,
                ring,
                sign: bias.map_or(Sign::Zero, Sign::of),
            });
        }
        let span = if slots == 0 {
            (middle, middle)
        } else {
            (y(0), y(slots - 1))
        };
        self.columns.push(Column {
            role,
            size,
            x,
            shown,
            ellipsis: gap.map(|g| (x, y(g))),
            distinct: layer.map(|_| distinct_units(mlp, c - 1)),
            span,
            moved: None,
        });
    }

    /// The stroke width for a weight or bias `v`: linear in |v| on the network's one scale,
    /// never thinner than `min_width` (a zero or non-finite value gets exactly that).
    pub fn width_of(&self, v: f64) -> f64 {
        if !v.is_finite() || v == 0.0 || self.scale <= 0.0 {
            return self.min_width;
        }
        let share = (v.abs() / self.scale).min(1.0);
        self.min_width + (self.max_width - self.min_width) * share
    }

    /// The thinnest and widest strokes of this layout, for a legend.
    pub fn widths(&self) -> (f64, f64) {
        (self.min_width, self.max_width)
    }

    /// The units of column `c`, top to bottom.
    pub fn units_of(&self, c: usize) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.column == c)
    }

    /// Adds the edges of one group between its shown units.
    fn add_group(&mut self, mlp: &Mlp, group: Group) {
        let (Some(from), Some(to)) = (self.columns.get(group.from), self.columns.get(group.to))
        else {
            return;
        };
        let n_from = from.size;
        let end = group.w_at + from.size * to.size;
        if group.to <= group.from || end > mlp.params.len() {
            return;
        }
        let index = self.groups.len();
        self.groups.push(group);
        let starts: Vec<Unit> = self.units_of(group.from).copied().collect();
        let ends: Vec<Unit> = self.units_of(group.to).copied().collect();
        // A group that skips columns arches over them: the edge between the highest units
        // peaks at the top of the units' room, the others nest under it (a quarter of their
        // distance below), so no two arches share their peak.
        let top = self.frame.top;
        let highest = |units: &[Unit]| units.iter().map(|u| u.y).fold(f64::INFINITY, f64::min);
        let lowest_middle = 0.5 * (highest(&starts) + highest(&ends));
        self.edges.reserve(starts.len() * ends.len());
        for b in &ends {
            for a in &starts {
                let weight = f64::from(mlp.params[group.w_at + b.index * n_from + a.index]);
                let middle = 0.5 * (a.y + b.y);
                let peak = top + 0.25 * (middle - lowest_middle);
                let bend =
                    (group.to > group.from + 1).then_some((0.5 * (a.x + b.x), 2.0 * peak - middle));
                self.edges.push(Edge {
                    group: index,
                    from: a.index,
                    to: b.index,
                    start: (a.x, a.y),
                    end: (b.x, b.y),
                    bend,
                    weight,
                    width: self.width_of(weight),
                    sign: Sign::of(weight),
                });
            }
        }
    }

    /// What is at `p`: the unit whose circle (grown by `tolerance`) holds it, else the edge
    /// nearest to it within `tolerance`, else nothing. A point inside a circle is always its
    /// unit (edges are drawn beneath units); on a crossing the earlier edge wins.
    pub fn hit(&self, p: (f64, f64), tolerance: f64) -> Option<Hit> {
        if !(p.0.is_finite() && p.1.is_finite()) {
            return None;
        }
        let tolerance = if tolerance.is_finite() {
            tolerance.max(0.0)
        } else {
            0.0
        };
        let unit = self
            .units
            .iter()
            .map(|u| (u, ((p.0 - u.x).powi(2) + (p.1 - u.y).powi(2)).sqrt()))
            .filter(|(u, d)| *d <= self.radius + u.ring + tolerance)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(u, d)| (u, (d - self.radius).max(0.0)));
        if let Some((u, inside)) = unit.filter(|(_, d)| *d <= 0.0) {
            return Some(self.unit_hit(u, inside));
        }
        let edge = self
            .edges
            .iter()
            .map(|e| (e, e.distance(p)))
            .filter(|(_, d)| *d <= tolerance)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match (unit, edge) {
            (Some((_, du)), Some((e, de))) if de < du => Some(self.edge_hit(e, de)),
            (Some((u, du)), _) => Some(self.unit_hit(u, du)),
            (None, Some((e, de))) => Some(self.edge_hit(e, de)),
            (None, None) => None,
        }
    }

    fn unit_hit(&self, u: &Unit, distance: f64) -> Hit {
        let unit = UnitRef {
            column: u.column,
            index: u.index,
        };
        let target = match u.bias {
            Some(value) => Target::Bias {
                layer: u.column - 1,
                unit,
                value,
            },
            None => Target::Input { unit },
        };
        Hit { target, distance }
    }

    fn edge_hit(&self, e: &Edge, distance: f64) -> Hit {
        let group = self.groups[e.group];
        Hit {
            target: Target::Weight {
                layer: group.layer,
                from: UnitRef {
                    column: group.from,
                    index: e.from,
                },
                to: UnitRef {
                    column: group.to,
                    index: e.to,
                },
                value: e.weight,
            },
            distance,
        }
    }
}

//! Which training point a click on the data view means (issue #21: the through-depth view
//! compares two training points the learner picks there).
//!
//! The data view draws the points of the input plane over a rectangle of the canvas. A
//! click inside that rectangle means the training point drawn nearest to it, measured on
//! the screen (in pixels, so that "nearest" is what the learner sees, whatever the two
//! axes' ranges); a click outside it, or on a view with no point drawn, means none.

/// Where the data view's plot was drawn: its rectangle (left, top, width, height, in CSS
/// pixels of its canvas) and the input ranges its axes span (`x`, `y`: low, high).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotMap {
    pub rect: (f64, f64, f64, f64),
    pub x: [f64; 2],
    pub y: [f64; 2],
}

impl PlotMap {
    /// A map of a drawn plot, or `None` when a side or a range is empty or not finite
    /// (nothing was drawn there to click on).
    pub fn new(rect: (f64, f64, f64, f64), x: [f64; 2], y: [f64; 2]) -> Option<PlotMap> {
        let (left, top, width, height) = rect;
        let range = |r: [f64; 2]| r[0].is_finite() && r[1].is_finite() && r[0] < r[1];
        let finite = left.is_finite() && top.is_finite();
        (finite && width > 0.0 && height > 0.0 && width.is_finite() && height.is_finite())
            .then_some(())
            .filter(|_| range(x) && range(y))
            .map(|_| PlotMap { rect, x, y })
    }

    /// The pixel where input point `p` is drawn (y grows downwards), or `None` when `p`
    /// lies outside the axes' ranges (the view leaves it out).
    pub fn pixel(&self, p: [f64; 2]) -> Option<(f64, f64)> {
        let inside = |v: f64, r: [f64; 2]| (r[0]..=r[1]).contains(&v);
        if !(inside(p[0], self.x) && inside(p[1], self.y)) {
            return None;
        }
        let (left, top, width, height) = self.rect;
        let u = (p[0] - self.x[0]) / (self.x[1] - self.x[0]);
        let v = (p[1] - self.y[0]) / (self.y[1] - self.y[0]);
        Some((left + u * width, top + (1.0 - v) * height))
    }

    /// Whether the pixel (`x`, `y`) lies on the plot (its edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let (left, top, width, height) = self.rect;
        (left..=left + width).contains(&x) && (top..=top + height).contains(&y)
    }
}

/// The index of the point of `points` drawn nearest to the click at (`x`, `y`) CSS pixels,
/// or `None` for a click off the plot (or not a number) or when no point is drawn. Of two
/// points at the same distance, the first.
pub fn nearest(map: &PlotMap, points: &[[f64; 2]], x: f64, y: f64) -> Option<usize> {
    if !map.contains(x, y) {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    for (index, p) in points.iter().enumerate() {
        let Some((px, py)) = map.pixel(*p) else {
            continue;
        };
        let d = (px - x).powi(2) + (py - y).powi(2);
        if best.is_none_or(|(_, b)| d < b) {
            best = Some((index, d));
        }
    }
    best.map(|(index, _)| index)
}

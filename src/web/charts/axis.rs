//! The one axis type of every chart: linear with "nice" ticks (1, 2 or 5 × 10ᵏ apart), or
//! log₁₀ with ticks at 1, 2 and 5 times the powers of ten.
//!
//! It places values the way plotters' `Ranged::map` does (the charts drew through plotters'
//! `Cartesian2d` before issue #10), so every point lands on the same pixel as it did.

use crate::plot::{loss::log_ticks, nice_ticks_within};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Axis {
    lo: f64,
    hi: f64,
    /// Values are placed by their log₁₀ (both ends > 0).
    log: bool,
}

impl Axis {
    pub fn linear((lo, hi): (f64, f64)) -> Axis {
        Axis { lo, hi, log: false }
    }

    /// A log axis from `lo` to `hi`, both > 0 (see [`log_axis`](crate::plot::loss::log_axis)).
    pub fn log((lo, hi): (f64, f64)) -> Axis {
        Axis { lo, hi, log: true }
    }

    /// Where `v` lies along the axis: 0 at `lo`, 1 at `hi`.
    fn fraction(&self, v: f64) -> f64 {
        if self.log {
            let (lo, hi) = (libm::log10(self.lo), libm::log10(self.hi));
            (libm::log10(v.max(f64::MIN_POSITIVE)) - lo) / (hi - lo)
        } else {
            (v - self.lo) / (self.hi - self.lo)
        }
    }
}

impl Axis {
    /// The pixel of `v` on an axis running from pixel `limit.0` (at `lo`) to `limit.1` (at `hi`).
    pub fn map(&self, v: f64, limit: (i32, i32)) -> i32 {
        let t = self.fraction(v);
        if !t.is_finite() {
            return limit.0;
        }
        // `as` saturates, so a value far off the axis lands at the edge of i32, not in a panic.
        (f64::from(limit.0) + f64::from(limit.1 - limit.0) * t).round() as i32
    }

    /// At most `most` tick values: "nice" ones, or 1, 2 and 5 times powers of ten on a log axis.
    pub fn ticks(&self, most: usize) -> Vec<f64> {
        if self.log {
            log_ticks(self.lo, self.hi, most)
        } else {
            nice_ticks_within(self.lo, self.hi, most)
        }
    }

    pub fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

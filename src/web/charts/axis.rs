//! The one axis type of every chart: linear with "nice" ticks (1, 2 or 5 × 10ᵏ apart), or
//! log₁₀ with ticks at 1, 2 and 5 times the powers of ten.
//!
//! One type for every axis of every chart (issue #10) means plotters' chart, mesh and series
//! code is generated once for `Cartesian2d<Axis, Axis>` instead of once per kind of axis,
//! and that tick labels are always written by the charts' own [`tick`](super::theme::tick)
//! (in the language's decimal sign), never by plotters' default number formatting.

use crate::plot::{loss::log_ticks, nice_ticks_within};
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
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

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let t = self.fraction(*v);
        if !t.is_finite() {
            return limit.0;
        }
        // `as` saturates, so a value far off the axis lands at the edge of i32, not in a panic.
        (f64::from(limit.0) + f64::from(limit.1 - limit.0) * t).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        let most = hint.max_num_points();
        if self.log {
            log_ticks(self.lo, self.hi, most)
        } else {
            nice_ticks_within(self.lo, self.hi, most)
        }
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

impl ValueFormatter<f64> for Axis {
    fn format(value: &f64) -> String {
        super::theme::tick(*value)
    }
}

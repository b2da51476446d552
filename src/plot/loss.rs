//! The loss chart's model: train and test loss against the step, for one network or for
//! both sides of an A/B comparison, on a linear or a log loss axis.
//!
//! Alone, train and test are two colours, test dashed. In a comparison each side has one
//! colour and one dash (A solid, B dashed, told apart without colour too), its train loss
//! thick and its test loss thin. A loss that cannot be shown (not finite, or ≤ 0 on a log
//! axis) breaks its line rather than ending the chart. A side that diverged is marked at the
//! step where it did. On the digits the loss of a uniform guess over the ten classes, ln 10,
//! is a level line (issue #20): a run that stays on it has learned nothing.

use super::{pad, span};
use crate::experiment::History;

/// Room around the drawn losses, as a share of the axis: above and below a linear axis,
/// and at both ends of a log axis (in decades).
pub const MARGIN_LINEAR: f64 = 0.04;
pub const MARGIN_LOG: f64 = 0.05;

/// One network's losses: its name in a comparison ("A", "B"; `None` alone), its history
/// and the step where it diverged, if it did.
pub struct Curves<'a> {
    pub name: Option<&'static str>,
    pub history: &'a History,
    pub diverged_at: Option<usize>,
    /// The loss of a uniform guess over its classes (the snapshot's `chance_loss`: ln 10 on
    /// the digits), drawn as a level line; `None` in the plane.
    pub chance: Option<f64>,
}

/// One line of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Runs of consecutive drawable points (step, loss).
    pub runs: Vec<Vec<(f64, f64)>>,
    /// The first (0) or the second (1) series colour.
    pub colour: usize,
    pub dashed: bool,
    pub thin: bool,
}

/// What a legend entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Train,
    Test,
    /// Both losses of one side of a comparison.
    Side(&'static str),
}

/// A legend entry: a line of `colour` (dashed or not) and what it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub colour: usize,
    pub dashed: bool,
    pub label: Label,
}

/// Everything the loss chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct LossModel {
    pub lines: Vec<Line>,
    pub legend: Vec<Entry>,
    /// The smallest and the largest loss drawn; `None` when no loss can be drawn.
    pub values: Option<(f64, f64)>,
    /// Steps: from 0 to just past the last step (or divergence), at least 10 wide.
    pub x_range: (f64, f64),
    /// Loss: on a log axis, the positive ends of an axis of at least one decade.
    pub y_range: (f64, f64),
    /// Divergence markers: the step, and the side's name in a comparison.
    pub markers: Vec<(usize, Option<&'static str>)>,
    /// No side has recorded a step yet.
    pub no_history: bool,
    /// The chance level to draw (every side on the digits has the same, ln 10), inside
    /// `y_range`; `None` when no side has one or it cannot be shown (≤ 0 on a log axis).
    pub chance: Option<f64>,
}

impl LossModel {
    pub fn new(sides: &[Curves], log_scale: bool) -> LossModel {
        let shown = |v: f64| v.is_finite() && (!log_scale || v > 0.0);
        let (lines, legend) = lines(sides, shown);
        let chance = sides
            .iter()
            .find_map(|side| side.chance.filter(|&c| shown(c)));
        let values = || {
            lines
                .iter()
                .flat_map(|s| s.runs.iter().flatten())
                .map(|p| p.1)
        };
        let (lo, hi) = values().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        // The axis holds the chance line too, once there is a loss to set it beside.
        let (axis_lo, axis_hi) = match chance {
            Some(c) if lo.is_finite() => (lo.min(c), hi.max(c)),
            _ => (lo, hi),
        };
        let last = sides
            .iter()
            .flat_map(|side| {
                side.history
                    .steps
                    .last()
                    .copied()
                    .into_iter()
                    .chain(side.diverged_at)
            })
            .max()
            .unwrap_or(0);
        let y_range = if !lo.is_finite() {
            (0.0, 1.0)
        } else if log_scale {
            log_axis(axis_lo, axis_hi)
        } else {
            let ys = pad(span(axis_lo.min(0.0), axis_hi, (0.0, 1.0)), MARGIN_LINEAR);
            (ys.0.max(axis_lo.min(0.0)), ys.1)
        };
        LossModel {
            lines,
            legend,
            values: lo.is_finite().then_some((lo, hi)),
            // At least 10 steps wide, so a run that has not started still gets a sensible axis.
            x_range: (0.0, (last as f64 * 1.02).max(10.0)),
            y_range,
            markers: sides
                .iter()
                .filter_map(|side| Some((side.diverged_at?, side.name)))
                .collect(),
            no_history: sides.iter().all(|side| side.history.steps.is_empty()),
            chance: chance.filter(|_| lo.is_finite()),
        }
    }
}

/// The lines to draw and their legend. Alone: train (solid) and test (dashed), in two
/// colours. In a comparison: each side in its colour and dash, train thick and test thin.
fn lines(sides: &[Curves], shown: impl Fn(f64) -> bool + Copy) -> (Vec<Line>, Vec<Entry>) {
    let mut lines = Vec::new();
    let mut legend = Vec::new();
    for (k, side) in sides.iter().enumerate() {
        let h = side.history;
        let (train, test) = (
            runs(&h.steps, &h.train, shown),
            runs(&h.steps, &h.test, shown),
        );
        let line = |runs, colour, dashed, thin| Line {
            runs,
            colour,
            dashed,
            thin,
        };
        match side.name {
            None => {
                lines.extend([line(train, 0, false, false), line(test, 1, true, false)]);
                legend.extend([
                    Entry {
                        colour: 0,
                        dashed: false,
                        label: Label::Train,
                    },
                    Entry {
                        colour: 1,
                        dashed: true,
                        label: Label::Test,
                    },
                ]);
            }
            Some(name) => {
                let (colour, dashed) = if k == 0 { (0, false) } else { (1, true) };
                lines.extend([
                    line(train, colour, dashed, false),
                    line(test, colour, dashed, true),
                ]);
                legend.push(Entry {
                    colour,
                    dashed,
                    label: Label::Side(name),
                });
            }
        }
    }
    (lines, legend)
}

/// The losses as runs of consecutive points that can be drawn (a loss that is not
/// `shown` breaks the line instead of ending the chart).
pub fn runs(steps: &[usize], losses: &[f64], shown: impl Fn(f64) -> bool) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (&step, &loss) in steps.iter().zip(losses) {
        if shown(loss) {
            if let Some(run) = runs.last_mut() {
                run.push((step as f64, loss));
            }
        } else if runs.last().is_some_and(|run| !run.is_empty()) {
            runs.push(Vec::new());
        }
    }
    runs.retain(|run| !run.is_empty());
    runs
}

/// The ends of a log axis holding `lo … hi` (both > 0) and at least one decade, so that it
/// has two ticks; exponents within ±300, so both ends stay finite and positive.
pub fn log_axis(lo: f64, hi: f64) -> (f64, f64) {
    let (lo, hi) = span(libm::log10(lo), libm::log10(hi), (-1.0, 0.0));
    let (lo, hi) = pad((lo, hi), MARGIN_LOG);
    let widen = (0.5 * (1.0 - (hi - lo))).max(0.0);
    let (lo, hi) = ((lo - widen).max(-300.0), (hi + widen).min(300.0));
    (libm::pow(10.0, lo), libm::pow(10.0, hi))
}

/// Ticks of the log axis `lo … hi`, at most `most`: 1, 2 and 5 times each power of ten if
/// they fit, else 1 and 3 times, else the decades, else every k-th decade. (plotters' own log
/// axis labels whole decades only: often a single tick for a loss that spans one.)
pub fn log_ticks(lo: f64, hi: f64, most: usize) -> Vec<f64> {
    if most == 0 {
        return Vec::new(); // plotters asks for no "light" grid lines
    }
    let (first, last) = (
        libm::log10(lo).floor() as i32,
        libm::log10(hi).ceil() as i32,
    );
    let decades = (last - first).max(1);
    let all = |mantissas: &[f64], every: i32| -> Vec<f64> {
        (first..=last)
            .filter(|d| (d - first) % every == 0)
            .flat_map(|d| mantissas.iter().map(move |m| m * 10f64.powi(d)))
            .filter(|v| (lo..=hi).contains(v))
            .collect()
    };
    for mantissas in [&[1.0, 2.0, 5.0][..], &[1.0, 3.0], &[1.0]] {
        let ticks = all(mantissas, 1);
        if ticks.len() <= most {
            return ticks;
        }
    }
    all(&[1.0], (decades + most as i32 - 1) / most as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(steps: &[usize], train: &[f64], test: &[f64]) -> History {
        History {
            steps: steps.to_vec(),
            train: train.to_vec(),
            test: test.to_vec(),
            train_accuracy: vec![0.5; steps.len()],
            test_accuracy: vec![0.5; steps.len()],
            every: 1,
        }
    }

    fn alone(h: &History) -> Curves<'_> {
        Curves {
            name: None,
            history: h,
            diverged_at: None,
            chance: None,
        }
    }

    #[test]
    fn a_loss_that_cannot_be_shown_breaks_the_line() {
        let steps = [0, 1, 2, 3, 4];
        let losses = [0.7, f64::NAN, 0.5, 0.0, 0.3];
        assert_eq!(runs(&steps, &losses, f64::is_finite).len(), 2);
        let positive = |v: f64| v.is_finite() && v > 0.0;
        assert_eq!(
            runs(&steps, &losses, positive),
            vec![vec![(0.0, 0.7)], vec![(2.0, 0.5)], vec![(4.0, 0.3)]]
        );
    }

    #[test]
    fn alone_train_and_test_get_two_colours_and_the_axes_hold_every_loss() {
        let h = history(&[0, 10, 20], &[0.7, 0.4, 0.1], &[0.72, 0.5, 0.3]);
        for log_scale in [false, true] {
            let model = LossModel::new(&[alone(&h)], log_scale);
            let colours: Vec<usize> = model.legend.iter().map(|e| e.colour).collect();
            assert_eq!(colours, [0, 1]);
            assert_eq!(model.legend[1].label, Label::Test);
            assert_eq!(model.values, Some((0.1, 0.72)));
            let (lo, hi) = model.y_range;
            assert!(lo <= 0.1 && hi >= 0.72, "{log_scale}: {lo} … {hi}");
            assert!(model.x_range.1 >= 20.0);
        }
        let linear = LossModel::new(&[alone(&h)], false);
        assert_eq!(linear.y_range.0, 0.0, "a linear axis starts at 0");
    }

    #[test]
    fn a_comparison_tells_sides_apart_by_dash_and_marks_divergence() {
        let a = history(&[0, 10], &[0.7, 0.6], &[0.7, 0.6]);
        let b = history(&[0, 10], &[0.7, f64::NAN], &[0.7, f64::NAN]);
        let sides = [
            Curves {
                name: Some("A"),
                history: &a,
                diverged_at: None,
                chance: None,
            },
            Curves {
                name: Some("B"),
                history: &b,
                diverged_at: Some(7),
                chance: None,
            },
        ];
        let model = LossModel::new(&sides, false);
        assert_eq!(model.lines.len(), 4);
        assert!(model.lines.iter().all(|l| l.dashed == (l.colour == 1)));
        assert_eq!(
            model.lines.iter().filter(|l| l.thin).count(),
            2,
            "the test losses"
        );
        assert_eq!(
            model.legend.iter().map(|e| e.label).collect::<Vec<_>>(),
            [Label::Side("A"), Label::Side("B")]
        );
        assert_eq!(model.markers, [(7, Some("B"))]);
    }

    /// On the digits the chance level ln 10 is drawn, inside the axis even when every loss is
    /// far below it; in a comparison with one side on the digits it is that side's; in the
    /// plane there is none, and with nothing drawn there is none either.
    #[test]
    fn the_digits_chance_level_is_drawn_inside_the_axis() {
        let chance = 10f64.ln();
        let h = history(&[0, 10, 20], &[0.3, 0.1, 0.05], &[0.3, 0.12, 0.08]);
        for log_scale in [false, true] {
            let digits = Curves {
                chance: Some(chance),
                ..alone(&h)
            };
            let model = LossModel::new(&[digits], log_scale);
            assert_eq!(model.chance, Some(chance));
            let (lo, hi) = model.y_range;
            assert!(lo <= 0.05 && hi >= chance, "{log_scale}: {lo} … {hi}");
            assert_eq!(
                model.values,
                Some((0.05, 0.3)),
                "the losses drawn, not the level"
            );
        }
        let plane = LossModel::new(&[alone(&h)], true);
        assert_eq!(plane.chance, None);
        assert!(
            plane.y_range.1 < chance,
            "the plane's axis is not stretched"
        );
        let digits_b = Curves {
            name: Some("B"),
            chance: Some(chance),
            ..alone(&h)
        };
        let mixed = LossModel::new(
            &[
                Curves {
                    name: Some("A"),
                    ..alone(&h)
                },
                digits_b,
            ],
            false,
        );
        assert_eq!(mixed.chance, Some(chance));
        let empty = history(&[], &[], &[]);
        let nothing = Curves {
            chance: Some(chance),
            ..alone(&empty)
        };
        assert_eq!(LossModel::new(&[nothing], false).chance, None);
    }

    #[test]
    fn nothing_drawable_says_why() {
        let empty = history(&[], &[], &[]);
        let model = LossModel::new(&[alone(&empty)], true);
        assert!(model.values.is_none() && model.no_history);
        let zeros = history(&[0, 1], &[0.0, 0.0], &[0.0, 0.0]);
        let model = LossModel::new(&[alone(&zeros)], true);
        assert!(
            model.values.is_none() && !model.no_history,
            "0 has no logarithm"
        );
        assert!(LossModel::new(&[alone(&zeros)], false).values.is_some());
    }

    #[test]
    fn a_log_axis_spans_a_decade_and_its_ticks_fit() {
        let (lo, hi) = log_axis(0.3, 0.35);
        assert!(hi / lo >= 10.0 * (1.0 - 1e-12) && lo <= 0.3 && hi >= 0.35);
        let (lo, hi) = log_axis(1e-320, 1e300);
        assert!(lo > 0.0 && hi.is_finite());
        assert_eq!(log_ticks(0.1, 1.0, 10), [0.1, 0.2, 0.5, 1.0]);
        assert_eq!(log_ticks(0.1, 1.0, 2), [0.1, 1.0]);
        // Every k-th decade, k = ⌈decades / most⌉: at most one more than asked.
        for most in 1..6 {
            let ticks = log_ticks(1e-9, 10.0, most);
            assert!(
                !ticks.is_empty() && ticks.len() <= most + 1,
                "{most}: {ticks:?}"
            );
        }
        assert!(log_ticks(0.1, 1.0, 0).is_empty());
    }
}

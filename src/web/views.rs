//! What the views keep between draws, and the loss landscape's pacing (`draw.rs` spends
//! it). A leaf: it knows nothing of [`super::Lab`].
//!
//! A landscape costs n² + 1 forward passes over the training set: for a deep network far
//! more than one animation frame can spend. So every draw earns the landscape a budget of
//! multiply-adds (small when it shares the frame with the other charts, so frames and a
//! slider's redraw stay short; larger in a frame of its own while paused; large when the
//! learner asks for it at once), and the rolling landscape refreshes
//! as many cells as the budget pays for, where it stopped last time. A budget too small for
//! even one cell is kept for the next draw. Once every cell is of the current weights,
//! nothing is computed until they change. The page asks `landscapeProgress()` whether to
//! draw again on the next frame.

/// Multiply-adds the landscape may spend in a draw of every chart: each frame while the page
/// trains, and each redraw after a change (a step, a slider).
pub const LANDSCAPE_WORK_PER_FRAME: f64 = 5e5;
/// … in a frame where it is drawn alone, while paused, until its picture is complete.
pub const LANDSCAPE_WORK_ALONE: f64 = 8e6;
/// … when the learner presses "recompute": the whole grid at once for any small network
/// (the draw options' `landscapeNow`).
pub const LANDSCAPE_WORK_NOW: f64 = 2e8;

/// What the views keep between draws.
#[derive(Clone, Debug, Default)]
pub(super) struct Views {
    /// Multiply-adds earned by the landscape and not yet spent.
    pub(super) credit: f64,
    /// The phase diagram's grid, of the activation it was computed for: it depends on
    /// nothing else, so it is computed once per activation (`phase.rs`).
    pub(super) phase: Option<crate::plot::phase::PhaseGrid>,
    /// Where the phase diagram's map was last drawn, in CSS pixels of its canvas: where a
    /// click means a point.
    pub(super) phase_map: Option<(f64, f64, f64, f64)>,
    /// Where A's data view last drew the input plane, in CSS pixels of its canvas: where a
    /// click picks a through-depth point (`None` before, or while it shows the digits).
    pub(super) data_map: Option<crate::plot::pick::PlotMap>,
    /// The spectrum view's last complete computation, which it shows (`spectrum.rs`).
    pub(super) spectrum: Option<SpectrumComputed>,
    /// … and the next, under way while the page plays.
    pub(super) spectrum_next: Option<SpectrumPending>,
}

/// The spectrum view's spectra last computed (`spectrum.rs` decides when), what they were
/// computed for, and the draws since.
#[derive(Clone, Debug)]
pub(super) struct SpectrumComputed {
    /// The settings (a query) and A's and B's steps.
    pub(super) key: (String, usize, Option<usize>),
    pub(super) a: Result<crate::spectrum::Spectrum, crate::spectrum::SpectrumError>,
    pub(super) b: Option<Result<crate::spectrum::Spectrum, crate::spectrum::SpectrumError>>,
    pub(super) draws_since: usize,
}

/// The spectrum view's next spectra, computed a piece per draw while playing (`spectrum.rs`).
#[derive(Clone, Debug)]
pub(super) struct SpectrumPending {
    /// The settings (a query) and A's and B's steps they started from.
    pub(super) key: (String, usize, Option<usize>),
    /// A's and B's, each under way, or refused at the start.
    pub(super) a: Result<crate::spectrum::SpectrumWork, crate::spectrum::SpectrumError>,
    pub(super) b: Option<Result<crate::spectrum::SpectrumWork, crate::spectrum::SpectrumError>>,
    /// Draws of the view it has had pieces in.
    pub(super) draws: usize,
}

/// One side's through-depth measurement at one pair of training points, at the current
/// weights (`through_depth.rs` computes it once per weights; kept here, in a leaf, so that
/// `lab.rs` can hold it without importing the module that adds to `Lab`).
#[derive(Clone, Debug)]
pub(super) struct ThroughMeasured {
    pub(super) side: super::side::Side,
    pub(super) points: [usize; 2],
    pub(super) view:
        Result<crate::through_depth::ThroughDepth, crate::through_depth::ThroughDepthError>,
}

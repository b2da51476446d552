//! The spectrum view's draw (the `orthogonal-depth` lesson): the singular values of A's (and
//! B's) Jacobian from the first to the last hidden layer at training point 0, at the current
//! weights. The numbers are [`crate::spectrum`]'s, the painting
//! [`super::charts::spectrum`]'s; this file decides when to compute them.
//!
//! **Cost.** At 32 hidden layers of 64 a spectrum costs ~40 ms in the browser (4–8 ms
//! natively: the product of 31 matrices and ten Jacobi sweeps; `examples/spectrum_time.rs`),
//! twice that with B: several frames. The page calls this only while the view's canvas is on
//! screen (a hidden canvas has no pixels and is skipped) and, while playing, among the slower
//! views drawn every third frame at most. A spectrum is computed once per set of weights
//! (settings and steps). While the page plays, a new one starts at most once every
//! [`REFRESH_EVERY`] draws of the view, and is computed [`SPECTRUM_WORK_PER_DRAW`]
//! multiply-adds per draw ([`SpectrumWork`]: the same bits as at once): the bars keep showing
//! the last complete spectra meanwhile, and no frame pays for a whole one. Any other draw
//! (paused, other settings) computes the spectra of the current weights at once.

use web_sys::HtmlCanvasElement;

use super::charts::{self, Style};
use super::lab::Lab;
use super::views::{SpectrumComputed as Computed, SpectrumPending as Pending};
use crate::experiment::Experiment;
use crate::lessons::SPECTRUM_POINT;
use crate::spectrum::{Spectrum, SpectrumError, SpectrumWork};

/// Draws of the view, while playing, between the starts of two computations of the spectra.
pub const REFRESH_EVERY: usize = 10;

/// Multiply-adds of the spectra computed per draw of the view while playing: ~3 ms in the
/// browser, so a refresh at 32 × 64 (1–2·10⁷ per side) takes four to six draws.
pub const SPECTRUM_WORK_PER_DRAW: f64 = 6e6;

/// A side's spectrum under way (`Err`: there is none to compute, known at once).
type Side = Result<SpectrumWork, SpectrumError>;

fn start(e: &Experiment) -> Side {
    SpectrumWork::start(e.mlp(), &e.data().train, SPECTRUM_POINT)
}

fn advance(side: &mut Side, work: f64) -> bool {
    side.as_mut().map_or(true, |w| w.advance(work))
}

fn finish(side: Side) -> Result<Spectrum, SpectrumError> {
    side.map(SpectrumWork::finish)
}

impl Lab {
    /// The settings and steps the spectra of the current weights belong to.
    fn spectrum_key(&self) -> (String, usize, Option<usize>) {
        (
            self.pair.config().to_query(),
            self.pair.a().steps_done(),
            self.pair.b().map(|b| b.steps_done()),
        )
    }

    /// Draws the spectrum view: the spectra of the current weights, computed now when stale,
    /// or (while `live`) the last ones while the next are computed a piece per draw.
    pub(super) fn draw_spectrum(
        &mut self,
        canvas: &HtmlCanvasElement,
        live: bool,
        style: &Style,
    ) -> Result<(), String> {
        let key = self.spectrum_key();
        let shown = self.views.spectrum.as_ref().map(|done| &done.key);
        // Other settings: the bars would show another network. Paused: they show these weights.
        let at_once = shown.is_none_or(|k| k.0 != key.0) || (!live && shown != Some(&key));
        if at_once {
            self.views.spectrum_next = None;
            let pending = self.start_spectra(key);
            self.views.spectrum = Some(done(pending));
        } else if shown != Some(&key) {
            self.refresh_spectra(key);
        }
        let done = self.views.spectrum.as_ref().ok_or("no spectrum")?;
        let mut sides = vec![("A", &done.a)];
        if let Some(b) = &done.b {
            sides.push(("B", b));
        }
        charts::spectrum::draw(canvas, &sides, style)
    }

    /// A's and B's spectra of the current weights, started (`key`: these weights').
    fn start_spectra(&self, key: (String, usize, Option<usize>)) -> Pending {
        Pending {
            key,
            a: start(self.pair.a()),
            b: self.pair.b().map(start),
            draws: 0,
        }
    }

    /// While playing: counts the draw, starts the next spectra when the refresh is due, and
    /// goes on with them by one piece (A's, then B's); shows them once both are complete.
    fn refresh_spectra(&mut self, key: (String, usize, Option<usize>)) {
        let Some(shown) = self.views.spectrum.as_mut() else {
            return;
        };
        shown.draws_since += 1;
        if self.views.spectrum_next.is_none() && shown.draws_since >= REFRESH_EVERY {
            self.views.spectrum_next = Some(self.start_spectra(key));
        }
        let Some(next) = self.views.spectrum_next.as_mut() else {
            return;
        };
        next.draws += 1;
        let complete = if advance(&mut next.a, SPECTRUM_WORK_PER_DRAW) {
            next.b
                .as_mut()
                .is_none_or(|b| advance(b, SPECTRUM_WORK_PER_DRAW))
        } else {
            false
        };
        if complete {
            self.views.spectrum = self.views.spectrum_next.take().map(done);
        }
    }
}

/// Spectra under way, completed (whatever is left computed now). Their draws count towards
/// the next refresh, which so comes [`REFRESH_EVERY`] draws after this one started, as when
/// a refresh was computed at once.
fn done(pending: Pending) -> Computed {
    Computed {
        key: pending.key,
        a: finish(pending.a),
        b: pending.b.map(finish),
        draws_since: pending.draws,
    }
}

//! The spectrum view's draw (the `orthogonal-depth` lesson): the singular values of A's (and
//! B's) Jacobian from the first to the last hidden layer at training point 0, at the current
//! weights. The numbers are [`crate::spectrum`]'s, the painting
//! [`super::charts::spectrum`]'s; this file decides when to compute them.
//!
//! **Cost.** At 32 hidden layers of 64 a spectrum costs 10–30 ms natively (the product of 31
//! matrices and ten Jacobi sweeps; measured on the shared 2-core machine), twice that with B:
//! more than a frame. The page calls this only while the view's canvas is on screen (a
//! hidden canvas has no pixels and is skipped) and, while playing, among the slower views
//! drawn every third frame. On top of that, a spectrum is computed once per set of weights
//! (settings and steps), and while the page plays, at most once every
//! [`REFRESH_EVERY`] draws of the view (the bars lag the weights by up to about half a
//! second, and the long frame comes once in 30 rather than every third).

use web_sys::HtmlCanvasElement;

use super::charts::{self, Style};
use super::lab::Lab;
use super::views::SpectrumComputed as Computed;
use crate::lessons::SPECTRUM_POINT;
use crate::spectrum::spectrum;

/// Draws of the view, while playing, between two computations of the spectra.
pub const REFRESH_EVERY: usize = 10;

impl Lab {
    /// The settings and steps the spectra of the current weights belong to.
    fn spectrum_key(&self) -> (String, usize, Option<usize>) {
        (
            self.pair.config().to_query(),
            self.pair.a().steps_done(),
            self.pair.b().map(|b| b.steps_done()),
        )
    }

    /// Draws the spectrum view, computing the spectra when they are stale and (while `live`)
    /// the refresh is due.
    pub(super) fn draw_spectrum(
        &mut self,
        canvas: &HtmlCanvasElement,
        live: bool,
        style: &Style,
    ) -> Result<(), String> {
        let key = self.spectrum_key();
        let due = match &self.views.spectrum {
            None => true,
            Some(done) if done.key == key => false,
            // Other settings: the bars would show another network.
            Some(done) if done.key.0 != key.0 => true,
            Some(done) => !live || done.draws_since + 1 >= REFRESH_EVERY,
        };
        if due {
            let of = |e: &crate::experiment::Experiment| {
                spectrum(e.mlp(), &e.data().train, SPECTRUM_POINT)
            };
            self.views.spectrum = Some(Computed {
                key,
                a: of(self.pair.a()),
                b: self.pair.b().map(of),
                draws_since: 0,
            });
        }
        let done = self.views.spectrum.as_mut().ok_or("no spectrum")?;
        if !due {
            done.draws_since += 1;
        }
        let mut sides = vec![("A", &done.a)];
        if let Some(b) = &done.b {
            sides.push(("B", b));
        }
        charts::spectrum::draw(canvas, &sides, style)
    }
}

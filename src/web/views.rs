//! The views below the core charts, for `Lab.draw`: the loss landscape's pacing, and the
//! canvas height the gradient panels need.
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

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::charts::{self, Style};
use super::draw::LandscapeOptions;
use super::Lab;
use crate::landscape::GridSpec;

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
    credit: f64,
}

impl Lab {
    /// Refreshes as much of the landscape as this draw's budget pays for, then draws it.
    pub(super) fn draw_landscape(
        &mut self,
        canvas: &HtmlCanvasElement,
        options: &LandscapeOptions,
        style: &Style,
    ) -> Result<(), String> {
        let spec = GridSpec::new(options.n, options.span).map_err(|e| e.to_string())?;
        let (n, span, cells) = (spec.n(), spec.span(), spec.n() * spec.n());
        let experiment = self.pair.a_mut();
        let pass = experiment.landscape_cost(0).max(1.0);
        let fresh = match experiment.landscape_current(n, span) {
            Some(_) => experiment.landscape_fresh(),
            None => 0,
        };
        if fresh >= cells {
            self.views.credit = 0.0;
        } else {
            let work = if options.now {
                LANDSCAPE_WORK_NOW
            } else if options.alone {
                LANDSCAPE_WORK_ALONE
            } else {
                LANDSCAPE_WORK_PER_FRAME
            };
            let credit = self.views.credit + work;
            // One pass recomputes the centre; each further pass is one cell.
            let cells_paid = (credit / pass).floor() - 1.0;
            if cells_paid >= 1.0 {
                let take = (cells_paid as usize).min(cells - fresh);
                experiment
                    .landscape_rolling(n, span, take)
                    .map_err(|e| e.to_string())?;
                self.views.credit = (credit - (take + 1) as f64 * pass).clamp(0.0, 2.0 * pass);
            } else {
                self.views.credit = credit;
            }
        }
        charts::landscape::draw(canvas, experiment.landscape_current(n, span), style)
    }
}

#[wasm_bindgen]
impl Lab {
    /// The share of the landscape `{landscapeN, landscapeSpan}` computed at the current
    /// weights: 1 when its picture is up to date, less while training has moved the weights
    /// since or cells are still to come (the page then draws it again on the next frame).
    /// 1 for options that name no valid grid: there is nothing to wait for.
    #[wasm_bindgen(js_name = landscapeProgress)]
    pub fn landscape_progress(&self, options: JsValue) -> f64 {
        let options = LandscapeOptions::from_js(&options);
        let Ok(spec) = GridSpec::new(options.n, options.span) else {
            return 1.0;
        };
        let cells = (spec.n() * spec.n()) as f64;
        match self.pair.a().landscape_current(spec.n(), spec.span()) {
            Some(_) => self.pair.a().landscape_fresh() as f64 / cells,
            None => 0.0,
        }
    }

    /// The CSS height the gradients canvas needs at `width` CSS pixels: one panel per
    /// layer, in the activation chart's columns (`side` "b": B's canvas, 0 when not comparing).
    #[wasm_bindgen(js_name = gradientsHeight)]
    pub fn gradients_height(&self, width: f64, side: JsValue) -> Result<f64, JsError> {
        let network = self.experiment(super::Side::from_js(&side)?);
        Ok(network.map_or(0.0, |n| {
            charts::gradients::height_for(width, n.spec().hidden_sizes.len() + 1)
        }))
    }
}

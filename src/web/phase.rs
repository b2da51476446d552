//! `Lab.draw`'s phase diagram and `Lab.phasePoint`: the diagram of the current activation
//! (its grid computed once per activation and kept in [`super::views::Views`]), and the init
//! a click on it asks for, which the page applies through `configure` like any change.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::charts::{self, Style};
use super::js::to_js;
use super::lab::Lab;
use crate::plot::phase::{click, presets, Current, PhaseGrid, SIDE};

/// Columns of the 60 × 60 grid computed per draw until it is complete: 600 fixed points,
/// about a sixth of the whole grid's time (tanh's, the slowest, is measured by `make bench`),
/// so no draw is long and the page draws again on the next frame (`www/phase.js`).
pub const PHASE_COLUMNS_PER_DRAW: usize = 10;

impl Lab {
    /// Draws the phase diagram of A's activation, computing [`PHASE_COLUMNS_PER_DRAW`]
    /// more columns of its grid while it is not complete (a new grid after the activation
    /// changed; a complete one is kept), and keeps where the map is for `phasePoint`.
    pub(super) fn draw_phase(
        &mut self,
        canvas: &HtmlCanvasElement,
        style: &Style,
    ) -> Result<(), String> {
        let spec = self.pair.a().spec();
        let act = spec.hidden;
        let marks = charts::phase::Marks {
            current: Current::of(spec),
            presets: &presets(spec),
        };
        let mut grid = match self.views.phase.take() {
            Some(grid) if grid.act == act => grid,
            _ => PhaseGrid::empty(act),
        };
        grid.fill(PHASE_COLUMNS_PER_DRAW);
        let drawn = charts::phase::draw(canvas, &grid, &marks, style);
        self.views.phase = Some(grid);
        let map = drawn?;
        let css = |x: f64| x / style.dpr;
        self.views.phase_map = map.map(|(x, y, w, h)| (css(x), css(y), css(w), css(h)));
        Ok(())
    }
}

/// The settings a click asks for, as `configure` takes them.
#[derive(serde::Serialize)]
struct PhaseClick {
    init: &'static str,
    scale: &'static str,
    gain: f64,
    bsigma: f64,
}

#[wasm_bindgen]
impl Lab {
    /// The share of the phase diagram of A's activation computed, 0 … 1: below 1 the page
    /// draws it again on the next frame (0 before its first draw or after the activation
    /// changed).
    #[wasm_bindgen(js_name = phaseProgress)]
    pub fn phase_progress(&self) -> f64 {
        let act = self.pair.a().spec().hidden;
        match &self.views.phase {
            Some(grid) if grid.act == act => grid.filled as f64 / SIDE as f64,
            _ => 0.0,
        }
    }

    /// The init at the point (`x`, `y`) CSS pixels from the phase diagram canvas's top left,
    /// as settings for `configure`: `{init: "normal", scale: "lecun", gain: σ_w, bsigma: σ_b}`
    /// (LeCun's rule gives every layer σ_w = gain); `null` off the map or before it is drawn.
    #[wasm_bindgen(js_name = phasePoint)]
    pub fn phase_point(&self, x: f64, y: f64) -> Result<JsValue, JsError> {
        let (Some((left, top, width, height)), Some(grid)) =
            (self.views.phase_map, self.views.phase.as_ref())
        else {
            return Ok(JsValue::NULL);
        };
        let (u, v) = ((x - left) / width, 1.0 - (y - top) / height);
        match click(&grid.axes, u, v) {
            Some((gain, bsigma)) => to_js(&PhaseClick {
                init: "normal",
                scale: "lecun",
                gain,
                bsigma,
            }),
            None => Ok(JsValue::NULL),
        }
    }
}

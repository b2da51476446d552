//! Random restarts for the page: [`RestartRunner`], which a Web Worker drives a few runs at a
//! time (so the page keeps animating), the check of a request's arguments the page makes
//! before starting a worker, and the chart of where the runs ended.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::js::{js_string, property, refusal, to_js};
use super::lab::Lab;
use crate::error::ErrorText;
use crate::restarts::{RestartPlan, RestartRun, Restarts};
use crate::{Config, ConfigError};

/// Runs per request when the caller does not say.
pub const DEFAULT_RUNS: f64 = 50.0;
/// Steps per run when the caller does not say (2,000 epochs of the XOR lesson).
pub const DEFAULT_STEPS: f64 = 2000.0;
/// The first seed when the caller does not say.
pub const DEFAULT_FIRST_SEED: f64 = 1.0;

/// `options.key` as a number: its default when absent, an error naming it when present but
/// not a number.
fn number_option(options: &JsValue, key: &'static str, default: f64) -> Result<f64, ConfigError> {
    let value = property(options, key);
    if value.is_undefined() || value.is_null() {
        return Ok(default);
    }
    value.as_f64().ok_or_else(|| {
        let text = js_string(&value).unwrap_or_default();
        ConfigError::new(key, ErrorText::new("restarts.number").with("value", text))
    })
}

/// The plan `{runs, steps, firstSeed}` asks for, for `config`.
fn plan_from_js(config: &Config, options: &JsValue) -> Result<RestartPlan, ConfigError> {
    if !(options.is_undefined() || options.is_object()) || js_sys::Array::is_array(options) {
        return Err(ConfigError::new(
            "restarts",
            ErrorText::new("restarts.object"),
        ));
    }
    RestartPlan::new(
        config,
        number_option(options, "runs", DEFAULT_RUNS)?,
        number_option(options, "steps", DEFAULT_STEPS)?,
        number_option(options, "firstSeed", DEFAULT_FIRST_SEED)?,
    )
}

/// A refusal as a JS `Error` the page words in its language (see [`refusal`]).
fn thrown(error: ConfigError) -> JsValue {
    refusal(error.field, error.text)
}

/// A restarts request being worked through, one run at a time.
#[wasm_bindgen]
pub struct RestartRunner {
    plan: RestartPlan,
    finished: Vec<RestartRun>,
}

#[wasm_bindgen]
impl RestartRunner {
    /// The runs `options` (`{runs, steps, firstSeed}`) asks for, of the settings `query`
    /// describes. Throws a message naming the argument and its limit when one is out of range.
    #[wasm_bindgen(constructor)]
    pub fn new(query: &str, options: JsValue) -> Result<RestartRunner, JsValue> {
        let (config, notices) = Config::from_query(query);
        if let Some(notice) = notices.into_iter().next() {
            return Err(thrown(notice));
        }
        let plan = plan_from_js(&config, &options).map_err(thrown)?;
        Ok(RestartRunner {
            finished: Vec::with_capacity(plan.runs()),
            plan,
        })
    }

    pub fn total(&self) -> f64 {
        self.plan.runs() as f64
    }

    pub fn done(&self) -> f64 {
        self.finished.len() as f64
    }

    /// Trains the next `count` runs (at least one); true once every run is done.
    pub fn advance(&mut self, count: f64) -> bool {
        let count = if count.is_finite() && count >= 1.0 {
            count as usize
        } else {
            1
        };
        for _ in 0..count {
            let i = self.finished.len();
            if i == self.plan.runs() {
                break;
            }
            self.finished.push(self.plan.run(i));
        }
        self.finished.len() == self.plan.runs()
    }

    /// `{runs: [{seed, loss, accuracy, test_accuracy, diverged}], goal, solved, stuck}` over
    /// the finished runs (`goal`: "loss" for the sets in the plane, "accuracy" for the digits).
    pub fn result(&self) -> Result<JsValue, JsError> {
        to_js(&Restarts::from_runs(
            self.finished.clone(),
            self.plan.goal(),
        ))
    }
}

#[wasm_bindgen]
impl Lab {
    /// Checks a restarts request against the current settings before a worker starts on it:
    /// returns `{query, runs, steps, firstSeed}` with the defaults filled in, or throws a
    /// message naming the argument and its limit.
    #[wasm_bindgen(js_name = restartPlan)]
    pub fn restart_plan(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let plan = plan_from_js(self.pair.config(), &options).map_err(thrown)?;
        Ok(to_js(&plan.request())?)
    }
}

/// Draws the histogram of final losses (one per run; NaN for a diverged run) into `canvas`,
/// with `options` `{dpr, dark}`. Returns `undefined`, or why it could not be drawn.
#[wasm_bindgen(js_name = drawRestarts)]
pub fn draw_restarts(
    canvas: HtmlCanvasElement,
    losses: Vec<f64>,
    options: JsValue,
) -> Option<String> {
    let dpr = property(&options, "dpr").as_f64().unwrap_or(1.0);
    let dark = property(&options, "dark").is_truthy();
    let style = super::charts::Style::new(dpr, dark);
    super::charts::restarts::draw(&canvas, &losses, &style).err()
}

//! The throughput workloads of [`crate::bench`], exported to JavaScript so that
//! `make bench` can time the wasm build under node (feature `bench` only).

use wasm_bindgen::prelude::*;

use crate::bench::{Implementation, Workload, ARCHS, SAMPLES_PER_STEP};

/// One benchmark workload: a network of the given shape, trained by the fast engine
/// or by the textbook baseline.
#[wasm_bindgen]
pub struct BenchWorkload {
    workload: Workload,
}

#[wasm_bindgen]
impl BenchWorkload {
    /// `arch` is one of [`ARCHS`] (`"2-8-8-1"`, `"2-16-16-16-1"`, `"2-64-64-1"`); `implementation`
    /// is `"engine"` or `"baseline"`.
    #[wasm_bindgen(constructor)]
    pub fn new(arch: &str, implementation: &str) -> Result<BenchWorkload, JsError> {
        if !ARCHS.contains(&arch) {
            return Err(JsError::new(&format!(
                "unknown architecture {arch:?}; expected one of {ARCHS:?}"
            )));
        }
        let implementation = match implementation {
            "engine" => Implementation::Engine,
            "baseline" => Implementation::Baseline,
            other => {
                return Err(JsError::new(&format!(
                    "unknown implementation {other:?}; expected \"engine\" or \"baseline\""
                )))
            }
        };
        Ok(BenchWorkload {
            workload: Workload::new(arch, implementation),
        })
    }

    /// Trains `steps` steps (of [`SAMPLES_PER_STEP`] samples each) and returns a value
    /// derived from the result, so that the work cannot be optimised away.
    pub fn run(&mut self, steps: u32) -> f64 {
        self.workload.run(steps as usize)
    }

    /// The samples one step trains on (the batch size).
    #[wasm_bindgen(js_name = samplesPerStep)]
    pub fn samples_per_step() -> f64 {
        SAMPLES_PER_STEP as f64
    }

    /// The architectures the benchmark times, e.g. `["2-8-8-1", "2-16-16-16-1"]`.
    pub fn archs() -> Vec<String> {
        ARCHS.iter().map(|a| a.to_string()).collect()
    }
}

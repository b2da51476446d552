//! The throughput workloads of [`crate::bench`], exported to JavaScript so that
//! `make bench` can time the wasm build under node (feature `bench` only).

use wasm_bindgen::prelude::*;

use crate::bench::{
    Implementation, Workload, ARCHS, DIGITS_ARCHS, DIGITS_BATCHES, SAMPLES_PER_STEP,
};

/// `"engine"` or `"baseline"`.
fn implementation_named(name: &str) -> Result<Implementation, JsError> {
    match name {
        "engine" => Ok(Implementation::Engine),
        "baseline" => Ok(Implementation::Baseline),
        other => Err(JsError::new(&format!(
            "unknown implementation {other:?}; expected \"engine\" or \"baseline\""
        ))),
    }
}

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
        let implementation = implementation_named(implementation)?;
        Ok(BenchWorkload {
            workload: Workload::new(arch, implementation),
        })
    }

    /// A softmax classifier `arch` (any `64-…-10`) on the digits' training split, `batch`
    /// samples per step. `digits_file` is the bytes of `data/digits.bin`, which the bench
    /// script reads and hands over, so that no wasm build carries the data.
    pub fn digits(
        arch: &str,
        batch: u32,
        implementation: &str,
        digits_file: &[u8],
    ) -> Result<BenchWorkload, JsError> {
        let implementation = implementation_named(implementation)?;
        let workload = Workload::digits(arch, batch as usize, digits_file, implementation)
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(BenchWorkload { workload })
    }

    /// This workload's samples per step (its batch size).
    #[wasm_bindgen(js_name = samplesInStep)]
    pub fn samples_in_step(&self) -> f64 {
        self.workload.samples_per_step() as f64
    }

    /// The digits shapes `make bench` times, e.g. `["64-32-32-10", "64-64-64-10"]`.
    #[wasm_bindgen(js_name = digitsArchs)]
    pub fn digits_archs() -> Vec<String> {
        DIGITS_ARCHS.iter().map(|a| a.to_string()).collect()
    }

    /// Multiply-adds one training sample costs `arch` (see [`crate::bench::macs_per_sample`]),
    /// for GMAC/s; 0 for an arch that does not parse.
    #[wasm_bindgen(js_name = macsPerSample)]
    pub fn macs_per_sample(arch: &str) -> f64 {
        crate::bench::macs_per_sample(arch).unwrap_or(0) as f64
    }

    /// The digits workloads' batch sizes.
    #[wasm_bindgen(js_name = digitsBatches)]
    pub fn digits_batches() -> Vec<u32> {
        DIGITS_BATCHES.iter().map(|&b| b as u32).collect()
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

    /// Draws one `n` × `n` orthogonal layer (its QR: what `init=orthogonal` costs per
    /// layer) and returns its first weight, so that the work cannot be optimised away.
    #[wasm_bindgen(js_name = orthogonalDraw)]
    pub fn orthogonal_draw(n: u32, seed: u32) -> f64 {
        let mut rng = crate::rng::Rng::seed_from(seed as u64);
        let n = n as usize;
        crate::init::orthogonal::draw(n, n, 1.0, &mut rng)
            .first()
            .copied()
            .unwrap_or(0.0)
    }
}

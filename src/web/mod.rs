//! The page's door into the engine: a thin wasm-bindgen API over [`Experiment`].
//!
//! This module only translates. JavaScript values come in as strings or plain
//! objects, go through the same [`Config`] validation the native code uses, and the
//! results go back out as plain JSON-shaped objects (through serde-wasm-bindgen's
//! JSON-compatible serializer). It does no maths of its own.
//!
//! Nothing here panics on bad input: a bad URL becomes a list of notices, a bad
//! `configure` becomes `{ok: false, field, error}`, and anything unforeseen is
//! reported on the console by `console_error_panic_hook`.
//!
//! The files are layered so that none needs a file that needs it. The leaves know nothing of
//! [`Lab`]: `js` (JS conversions), `side`, `outcome`, `options` (what a draw call carries),
//! `views` (the landscape's budget), `start`, `language`, `catalogue`, `mean_field` (the theory's
//! `meanField`, no Lab); `lab` holds the `Lab`
//! struct and its core methods; `draw` (with `through_depth`, the through-depth view's), `compare`, `export`, `network`, `lessons`, `phase` and
//! `restarts` add `#[wasm_bindgen] impl Lab` blocks above it, and nothing imports them.
//! This file only declares the modules and re-exports.
//!
//! [`Experiment`]: crate::experiment::Experiment
//! [`Config`]: crate::Config

#[cfg(feature = "bench")]
mod bench;
mod catalogue;
mod compare;
mod digits;
mod draw;
mod export;
mod js;
mod lab;
mod language;
mod lessons;
mod mean_field;
mod network;
mod options;
mod outcome;
mod phase;
mod restarts;
mod side;
mod spectrum;
mod start;
mod through_depth;
mod views;

pub use catalogue::{defaults, keys, limits, presets, LogSlider};
pub use digits::{
    digits_bytes, digits_file, digits_installed, digits_sha256, install_digits, picks_digits,
};
pub use lab::{Lab, MAX_STEPS_PER_CALL, MAX_WORK_PER_CALL};
pub use language::{error_messages, set_chart_language};
pub use mean_field::mean_field_js;
pub use restarts::{draw_restarts, RestartRunner};
pub use side::Side;
pub use start::{new_seed, start};
pub mod charts;

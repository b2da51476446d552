//! InitLab's engine: why a neural network's weights must start random, and at what scale.
//!
//! Everything here is plain Rust with no knowledge of the page, so it can be tested
//! natively and runs bit for bit the same in WebAssembly:
//!
//! - [`rng`]: a seeded, portable random number generator;
//! - [`special`]: erf, the normal CDF and its inverse;
//! - [`init`]: the weight distributions, the scale rules (LeCun, Glorot, He) and their exact theory;
//! - [`activation`] and [`loss`]: the nonlinearities and the training objectives;
//! - [`real`]: the engine's number type (f32);
//! - [`mlp`]: the fast engine (flat buffers, batch-major, no allocation per step);
//! - [`baseline`]: the same network written as plainly as possible, used as test oracle and benchmark baseline;
//! - [`data`]: the toy datasets;
//! - [`boundary`]: the network's output over the input plane;
//! - [`diagram`]: the network drawn as units, edges and bias rings (geometry and hit-testing);
//! - [`stats`]: per-layer statistics over the whole training set;
//! - [`landscape`]: the training loss over a plane through the current weights;
//! - [`config`]: the settings a learner can change, their validation and the framework presets;
//! - [`link`]: a link or a change opened into settings: the URL codec, lessons, presets, B;
//! - [`experiment`]: data + network + history, stepped by the page;
//! - [`compare`]: two networks, A and B = A with a few settings changed, trained together;
//! - [`restarts`]: the same settings from many seeds, and where each run ends;
//! - [`lessons`]: the guided lessons, their settings and their live verdicts;
//! - [`spectrum`]: the Jacobian from the first to the last hidden layer and its singular values (dynamical isometry);
//! - [`mean_field`]: signal propagation in the wide-network limit: q*, χ₁, ξ_c, the phase diagram's maths;
//! - [`plot`]: the models of the charts (ranges, bars, ticks, legends, contours, colour
//!   scales, log axes), worked out as plain data for the page to paint.

/// The names of a list's items, in the same order, computed at compile time:
/// `names_of!(Activation::ALL, |a| a.name())` gives the one list of URL names that the
/// config table offers and the enum parses (`name` must be a `const fn`).
macro_rules! names_of {
    ($list:expr, |$item:ident| $name:expr) => {{
        let mut names = [""; $list.len()];
        let mut i = 0;
        while i < names.len() {
            let $item = &$list[i];
            names[i] = $name;
            i += 1;
        }
        names
    }};
}

/// Where `name` is in `names` (a list made by [`names_of!`]). Every lookup of a name in one
/// of the engine's lists (activations, losses, datasets, inits, rules, presets, lessons)
/// goes through this one loop.
pub(crate) fn position_of(names: &[&str], name: &str) -> Option<usize> {
    names.iter().position(|n| *n == name)
}

pub mod activation;
pub mod baseline;
pub mod bench;
pub mod boundary;
pub mod compare;
pub mod config;
pub mod data;
pub mod diagram;
pub mod digits;
pub mod error;
pub mod experiment;
pub mod export;
pub mod init;
pub mod landscape;
pub mod lessons;
pub mod link;
pub mod loss;
pub mod mean_field;
pub mod mlp;
pub mod plot;
pub mod real;
pub mod restarts;
pub mod rng;
pub mod special;
pub mod spectrum;
pub mod stats;
pub mod through_depth;

pub use config::Config;
pub use error::ConfigError;
pub use experiment::Experiment;

#[cfg(target_arch = "wasm32")]
pub mod web;

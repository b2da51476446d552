//! Every setting a learner can change, as one flat record whose keys are the page's URL keys.
//!
//! [`Config`] holds the raw values (strings, numbers, flags) exactly as a URL or a JS call
//! gives them; [`Config::spec`] turns them into a typed [`Spec`] or a [`ConfigError`]
//! naming the key and saying what would be accepted. This module knows the keys and nothing
//! of lessons: reading a link, opening `lesson=` and `preset=`, and B's `vs` are
//! [`crate::link`]'s, one level up.
//!
//! From the bottom up:
//! - `limits`: the largest network, dataset, learning rate and cut accepted;
//! - `text`: reading a number or the layer widths, writing a number, quoting a value;
//! - [`presets`]: the framework presets, as data;
//! - `record`: the [`Config`] record and the [`Spec`];
//! - [`table`]: the one table of keys (default, kind, choices, limits, description);
//! - `validate`: ranges and combinations, from a [`Config`] to a [`Spec`].
//!
//! [`ConfigError`]: crate::ConfigError

mod limits;
pub mod presets;
mod record;
pub mod table;
mod text;
mod validate;

pub use limits::{
    DEEP_MAX_UNITS, MAX_BOUND, MAX_HIDDEN_LAYERS, MAX_LR, MAX_POINTS, MAX_SCALE, MAX_SEED,
    MAX_UNITS, MAX_WIDE_HIDDEN_LAYERS, MIN_POINTS, MIN_SCALE,
};
pub use record::{Config, Spec};
pub use table::{Key, Kind, Range, KEYS, TABLE};
pub use text::{clip, fmt_num, number, parse_layers};

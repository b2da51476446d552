//! Settings as a link or a learner changes them, opened into a [`Config`]: the URL codec,
//! the lessons and presets that set other keys, and the second network B of `vs`.
//!
//! It sits one level above [`crate::config`], which holds only the keys, so that the
//! settings record knows nothing of lessons. From the bottom up:
//! - `percent`: the percent-coding of a query, knowing no key;
//! - `open`: [`Config::set`] and [`Config::with_changes`], which open `lesson=` (from
//!   [`crate::lessons::settings`]), `preset=` and `vs=`; [`Config::validate`] for A and B;
//! - `query`: [`Config::from_query`] and [`Config::to_query`], losing only a link's bad keys;
//! - `versus`: editing and swapping A and B.
//!
//! [`Config`]: crate::Config
//! [`Config::set`]: crate::Config::set
//! [`Config::with_changes`]: crate::Config::with_changes
//! [`Config::validate`]: crate::Config::validate
//! [`Config::from_query`]: crate::Config::from_query
//! [`Config::to_query`]: crate::Config::to_query

mod open;
mod percent;
mod query;
mod versus;

pub use open::{choices, SAME};
pub use percent::query_pairs;

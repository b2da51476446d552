//! The engine's number type, in a module of its own so that the activations, the losses
//! and the statistics can name it without depending on the engine ([`crate::mlp`]).
//!
//! The fast engine computes in f32: twice the SIMD lanes of f64 and ample precision for
//! SGD. Losses, statistics and the init theory stay in f64, and the f64
//! [`crate::baseline`] is the oracle the tests hold the f32 engine to.

/// The engine's number type. Losses, statistics and the init theory stay in f64.
pub type Real = f32;

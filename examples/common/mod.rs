//! What the profiling examples share. Each example is its own crate, so each includes this
//! module with `mod common;`.

/// Nanoseconds this thread has run on a CPU (Linux's /proc/thread-self/schedstat), so that a
/// machine busy with other work does not inflate the figures; 0 where it cannot be read.
pub fn cpu_ns() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(0.0)
}

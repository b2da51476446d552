//! Helpers shared by the native tests.
#![allow(dead_code)]

use initlab::{baseline, Config, Experiment};

/// The default config with some keys changed (panics on a bad key: test inputs are fixed).
pub fn config(changes: &[(&str, &str)]) -> Config {
    Config::default()
        .with_changes(changes.iter().copied())
        .unwrap_or_else(|e| panic!("test config {changes:?} is invalid: {e}"))
}

pub fn experiment(changes: &[(&str, &str)]) -> Experiment {
    Experiment::new(&config(changes)).expect("valid config")
}

/// The XOR 2-2-1 net under cross-entropy (the xor-restarts lesson trains it with squared error): sigmoid hidden units, weights and biases
/// ~ N(0, 1), learning rate 1, full batches of the 4 points.
pub const XOR_221: [(&str, &str); 10] = [
    ("data", "xor4"),
    ("layers", "2"),
    ("act", "sigmoid"),
    ("loss", "bce"),
    ("init", "normal"),
    ("scale", "manual"),
    ("sigma", "1"),
    ("bias", "init"),
    ("lr", "1"),
    ("batch", "4"),
];

/// Paths of every number in the snapshot that is not finite: serde_json writes NaN and ±∞
/// as null. `diverged_at` is left out, being null while the run is fine, and so are a layer's
/// `nonzero_since`, null while its weights are all still 0, and `lsuv`, null unless init=lsuv.
pub fn non_finite_paths(snapshot: &initlab::experiment::Snapshot) -> Vec<String> {
    fn walk(value: &serde_json::Value, path: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Null
                if !path.ends_with("diverged_at")
                    && !path.ends_with("nonzero_since")
                    && !path.ends_with("lsuv") =>
            {
                out.push(path)
            }
            serde_json::Value::Array(items) => {
                for (k, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{k}]"), out);
                }
            }
            serde_json::Value::Object(fields) => {
                for (key, item) in fields {
                    walk(item, format!("{path}.{key}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let json = serde_json::to_value(snapshot).expect("a snapshot serialises");
    walk(&json, String::new(), &mut out);
    out
}

/// Whether every train and test loss the snapshot's history recorded is finite (the history
/// only ever holds finite numbers, even of a run that diverged).
pub fn history_is_finite(snapshot: &initlab::experiment::Snapshot) -> bool {
    let history = &snapshot.history;
    history
        .train
        .iter()
        .chain(&history.test)
        .all(|x| x.is_finite())
}

/// A number the verdict's message carries (panics, naming the message, when it has none).
pub fn number(v: &initlab::lessons::Verdict, name: &str) -> f64 {
    v.message
        .number(name)
        .unwrap_or_else(|| panic!("{} has no number {name}: {v:?}", v.message.id))
}

/// The verdict holds (or not) with message `id`.
pub fn assert_verdict(v: &initlab::lessons::Verdict, holds: bool, id: &str) {
    assert_eq!(v.holds, holds, "{v:?}");
    assert_eq!(v.message.id, id, "{v:?}");
}

/// Every parameter of the baseline, in the engine's order (W then b, layer by layer).
pub fn parameters(net: &mut baseline::Mlp) -> Vec<&mut f64> {
    let mut out = Vec::new();
    for layer in &mut net.layers {
        let (ws, bs): (Vec<_>, Vec<_>) = layer
            .neurons
            .iter_mut()
            .map(|n| (&mut n.w, &mut n.b))
            .unzip();
        out.extend(ws.into_iter().flatten());
        out.extend(bs);
    }
    out
}

/// The baseline's gradient flattened in the same order.
pub fn flat(grads: &baseline::Gradients) -> Vec<f64> {
    let mut out = Vec::new();
    for (dw, db) in grads.dw.iter().zip(&grads.db) {
        out.extend(dw.iter().flatten());
        out.extend(db);
    }
    out
}

/// Installs the committed digits file, as the page installs its download: the digits lessons
/// and `data=digits` train on it.
pub fn install_digits() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(initlab::digits::FILE);
    initlab::digits::install(&std::fs::read(file).unwrap()).expect("the committed file reads");
}

/// Whether task `task_id` of lesson `lesson_id` counts as done on `pair` now, judged as the
/// page judges it (the pair's settings and snapshots, and the lesson's current verdict).
pub fn task_done(
    lesson_id: &str,
    task_id: &str,
    pair: &mut initlab::compare::Comparison,
    verdict: &initlab::lessons::Verdict,
) -> bool {
    let task = (initlab::lessons::tasks::of(lesson_id).iter())
        .find(|t| t.id == task_id)
        .expect("the task");
    let (a, b) = pair.snapshots();
    let b_config = pair.b().map(|b| b.config().clone());
    (task.done)(&initlab::lessons::tasks::Seen {
        a: pair.config(),
        b: b_config.as_ref().zip(b.as_ref()),
        snapshot: &a,
        verdict,
    })
}

/// χ₁ of tanh at (σ_w, σ_b), by the engine's mean field.
pub fn tanh_chi1(sigma_w: f64, sigma_b: f64) -> f64 {
    initlab::mean_field::fixed_point(
        initlab::activation::Activation::Tanh,
        sigma_w,
        sigma_b,
        1.0,
        0.5,
    )
    .chi1
}

/// The σ_w in (0.5, 3) where tanh's χ₁ = 1 at `sigma_b`, by bisection on the engine's χ₁
/// (which grows with σ_w): the critical line the edge-of-chaos lesson and its task use.
pub fn tanh_critical_sigma_w(sigma_b: f64) -> f64 {
    let (mut lo, mut hi) = (0.5, 3.0);
    assert!(tanh_chi1(lo, sigma_b) < 1.0 && tanh_chi1(hi, sigma_b) > 1.0);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if tanh_chi1(mid, sigma_b) < 1.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

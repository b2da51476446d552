//! LSUV (Mishkin & Matas 2016): after the init, every layer's pre-activations on LSUV's batch
//! of training points have variance 1 ± 0.1, or the layer says why not, in at most 10
//! rescalings; the snapshot reports them; the same settings give the same bits.

mod common;
use common::experiment;
use initlab::init::lsuv::{BATCH, MAX_ITERATIONS, TOLERANCE};
use initlab::Experiment;

/// Var(z) of weight layer `l` over every (unit, point) pair of LSUV's batch (the first
/// [`BATCH`] training points), by the engine's own f32 forward pass.
fn engine_variance(exp: &Experiment, l: usize) -> f64 {
    let mlp = exp.mlp();
    let train = &exp.data().train;
    let points = train.len().min(BATCH);
    let mut ws = mlp.workspace(points);
    ws.load(&train.x, &train.y, 0..points);
    mlp.forward(&mut ws).expect("finite");
    let z: Vec<f64> = (0..mlp.layers[l].n_out)
        .flat_map(|j| {
            ws.unit(&ws.z, l + 1, j)
                .iter()
                .map(|&v| v as f64)
                .collect::<Vec<_>>()
        })
        .collect();
    let mean = z.iter().sum::<f64>() / z.len() as f64;
    z.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / z.len() as f64
}

const SETTINGS: &[&[(&str, &str)]] = &[
    &[("act", "tanh"), ("layers", "8,8")],
    &[("act", "relu"), ("layers", "32,32,32"), ("data", "spiral")],
    &[
        ("act", "sigmoid"),
        ("layers", "16,4"),
        ("data", "circles"),
        ("bias", "0.1"),
    ],
    &[
        ("act", "linear"),
        ("layers", "64,64,64,64"),
        ("bias", "init"),
    ],
    &[
        ("act", "tanh"),
        ("layers", "6"),
        ("shortcut", "1"),
        ("data", "xor4"),
    ],
    &[
        ("act", "tanh"),
        ("layers", "24,24"),
        ("points", "20"),
        ("jitter", "0.05"),
    ],
];

#[test]
fn after_lsuv_every_layer_has_unit_output_variance_on_its_batch() {
    for changes in SETTINGS {
        let mut all = vec![("init", "lsuv")];
        all.extend_from_slice(changes);
        let exp = experiment(&all);
        for (l, init) in exp.inits().iter().enumerate() {
            let outcome = init
                .lsuv
                .expect("init=lsuv says what it did to every layer");
            assert!(
                outcome.iterations <= MAX_ITERATIONS,
                "{changes:?} layer {l}: {outcome:?}"
            );
            let measured = engine_variance(&exp, l);
            // LSUV measures in f64; the engine's f32 forward agrees to ~1e-6.
            assert!(
                (measured - outcome.variance).abs() < 1e-4 * outcome.variance.max(1.0),
                "{changes:?} layer {l}: engine {measured}, LSUV {}",
                outcome.variance
            );
            if outcome.converged {
                assert!(
                    (measured - 1.0).abs() < TOLERANCE,
                    "{changes:?} layer {l}: {measured}"
                );
            } else {
                assert_eq!(
                    outcome.iterations, MAX_ITERATIONS,
                    "{changes:?} layer {l}: {outcome:?}"
                );
            }
        }
    }
}

#[test]
fn with_zero_biases_one_rescaling_per_layer_is_enough() {
    // Var(s·z) = s²·Var(z): the first rescaling lands on 1 up to rounding.
    for act in ["tanh", "relu", "sigmoid", "linear"] {
        let exp = experiment(&[("init", "lsuv"), ("act", act), ("layers", "16,16,16")]);
        for init in exp.inits() {
            let outcome = init.lsuv.unwrap();
            assert!(
                outcome.converged && outcome.iterations <= 1,
                "{act}: {outcome:?}"
            );
            assert!((outcome.variance - 1.0).abs() < 1e-9 || outcome.iterations == 0);
        }
    }
}

#[test]
fn a_layer_fed_only_zeros_stops_and_says_it_did_not_converge() {
    // A bias of −100 kills every ReLU of the first layer once its z has variance 1: the
    // second layer's z is its bias alone, which no rescaling of W can change.
    let exp = experiment(&[
        ("init", "lsuv"),
        ("act", "relu"),
        ("layers", "8,8"),
        ("bias", "-100"),
    ]);
    let first = exp.inits()[0].lsuv.unwrap();
    assert!(first.converged);
    let second = exp.inits()[1].lsuv.unwrap();
    assert!(!second.converged && second.iterations == 0, "{second:?}");
}

#[test]
fn lsuv_is_reproducible_and_ignores_the_batch_size() {
    let a = experiment(&[("init", "lsuv"), ("layers", "16,16"), ("seed", "3")]);
    let b = experiment(&[
        ("init", "lsuv"),
        ("layers", "16,16"),
        ("seed", "3"),
        ("batch", "1"),
    ]);
    assert_eq!(a.mlp().params, b.mlp().params);
    assert_eq!(a.inits(), b.inits());
}

#[test]
fn the_snapshot_reports_each_layers_iterations_only_for_lsuv() {
    let mut exp = experiment(&[("init", "lsuv"), ("layers", "8,8")]);
    let snapshot = exp.snapshot();
    assert_eq!(snapshot.layers.len(), 3);
    for layer in &snapshot.layers {
        let outcome = layer.lsuv.expect("a field per layer");
        // The σ the table shows is the rescaled one: the weights' own std (mean 0 exactly
        // would need Σw = 0; the mean square is what orthogonality fixes).
        assert!(outcome.scale > 0.0);
        assert!(layer.sigma_used > 0.0);
    }
    let json = serde_json::to_value(&snapshot).unwrap();
    assert!(json["layers"][0]["lsuv"]["iterations"].is_u64());
    let mut plain = experiment(&[("init", "orthogonal"), ("layers", "8,8")]);
    assert!(plain
        .snapshot()
        .layers
        .iter()
        .all(|layer| layer.lsuv.is_none()));
}

#[test]
fn lsuv_starts_orthogonal_and_only_rescales_each_layer() {
    // Same seed: LSUV's weights are the gain-1 orthogonal draw times one factor per layer.
    let ortho = experiment(&[("init", "orthogonal"), ("layers", "16,8"), ("seed", "5")]);
    let lsuv = experiment(&[("init", "lsuv"), ("layers", "16,8"), ("seed", "5")]);
    for (l, shape) in ortho.mlp().layers.iter().enumerate() {
        let scale = lsuv.inits()[l].lsuv.unwrap().scale;
        let pairs = ortho.mlp().params[shape.weights()]
            .iter()
            .zip(&lsuv.mlp().params[shape.weights()]);
        for (&w, &v) in pairs {
            assert!(
                (w as f64 * scale - v as f64).abs() <= 1e-6 * (w as f64 * scale).abs().max(1e-30)
            );
        }
    }
}

//! The exports: the weights reproduce the network (a forward pass written here from the
//! exported numbers alone gives the loss the snapshot reports), and the CSVs read back to
//! exactly the numbers of the history and of the layer statistics.

use initlab::activation::Activation;
use initlab::experiment::Experiment;
use initlab::export::{history_csv, layers_csv, weights, LayerWeights};
use initlab::loss::Loss;
use initlab::Config;

fn trained(query: &str, steps: usize) -> Experiment {
    let (config, notices) = Config::from_query(query);
    assert!(notices.is_empty(), "{notices:?}");
    let mut experiment = Experiment::new(&config).expect("a valid config");
    experiment.step(steps);
    experiment
}

/// The mean training loss of the network the exported layers describe, in plain f64:
/// z = W·a + b layer by layer (with a shortcut, the output also reads the inputs, after the
/// last hidden layer's units), g on hidden layers, the loss on the output's z.
fn loss_from_export(
    layers: &[LayerWeights],
    act: Activation,
    shortcut: bool,
    exp: &Experiment,
) -> f64 {
    let train = &exp.data().train;
    let loss = Loss::from_name(&exp.config().loss).expect("a known loss");
    let mut total = 0.0;
    for (k, &y) in train.y.iter().enumerate() {
        let input = train.x[2 * k..2 * k + 2].to_vec();
        let mut a = input.clone();
        for (l, layer) in layers.iter().enumerate() {
            let last = l + 1 == layers.len();
            if last && shortcut {
                a.extend_from_slice(&input);
            }
            assert_eq!(a.len(), layer.n_in, "{}", layer.name);
            let z: Vec<f64> = (0..layer.n_out)
                .map(|j| {
                    let row = &layer.w[j * layer.n_in..(j + 1) * layer.n_in];
                    row.iter().zip(&a).map(|(w, x)| w * x).sum::<f64>() + layer.b[j]
                })
                .collect();
            if last {
                total += loss.value(z[0], y);
            } else {
                a = z.iter().map(|&z| act.apply(z)).collect();
            }
        }
    }
    total / train.len() as f64
}

#[test]
fn exported_weights_reproduce_the_networks_loss() {
    for (query, act, shortcut) in [
        (
            "act=tanh&layers=8,4&data=circles&seed=3",
            Activation::Tanh,
            false,
        ),
        (
            "act=relu&layers=16&data=spiral&seed=5&loss=mse",
            Activation::Relu,
            false,
        ),
        (
            "act=sigmoid&layers=1&shortcut=1&data=xor4&batch=4",
            Activation::Sigmoid,
            true,
        ),
    ] {
        let mut exp = trained(query, 200);
        let layers = weights(exp.mlp());
        let names: Vec<&str> = layers.iter().map(|l| l.name.as_str()).collect();
        let snapshot = exp.snapshot();
        let expected: Vec<&str> = snapshot.layers.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, expected, "{query}");
        for layer in &layers {
            assert_eq!(
                layer.w.len(),
                layer.n_in * layer.n_out,
                "{query} {}",
                layer.name
            );
            assert_eq!(layer.b.len(), layer.n_out, "{query} {}", layer.name);
        }
        // The engine computes in f32: a few units in the 6th digit of the loss, not more.
        let by_hand = loss_from_export(&layers, act, shortcut, &exp);
        let tolerance = 1e-5 * snapshot.loss.max(1.0);
        assert!(
            (by_hand - snapshot.loss).abs() < tolerance,
            "{query}: by hand {by_hand}, engine {}",
            snapshot.loss
        );
    }
}

/// A CSV as a header and rows of fields (the exports quote nothing they need not).
fn parse(csv: &str) -> (Vec<&str>, Vec<Vec<&str>>) {
    assert!(csv.ends_with('\n'));
    let mut lines = csv.lines();
    let header = lines.next().expect("a header").split(',').collect();
    (
        header,
        lines.map(|line| line.split(',').collect()).collect(),
    )
}

fn number(field: &str) -> f64 {
    field
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {field:?}"))
}

#[test]
fn the_history_csv_reads_back_to_the_exact_history() {
    let mut exp = trained("act=tanh&layers=8&data=gauss&seed=9", 700);
    let history = exp.snapshot().history;
    let csv = history_csv(&history);
    let (header, rows) = parse(&csv);
    assert_eq!(
        header,
        [
            "step",
            "train_loss",
            "test_loss",
            "train_accuracy",
            "test_accuracy"
        ]
    );
    assert_eq!(rows.len(), history.steps.len());
    assert!(rows.len() > 10);
    for (k, row) in rows.iter().enumerate() {
        assert_eq!(row[0].parse::<usize>().unwrap(), history.steps[k]);
        let columns = [
            &history.train,
            &history.test,
            &history.train_accuracy,
            &history.test_accuracy,
        ];
        for (field, column) in row[1..].iter().zip(columns) {
            assert_eq!(number(field).to_bits(), column[k].to_bits(), "row {k}");
        }
    }
}

#[test]
fn the_layers_csv_has_one_row_per_layer_with_the_snapshots_numbers() {
    let mut exp = trained("act=relu&layers=16,8,4&data=spiral&seed=2", 50);
    let snapshot = exp.snapshot();
    let csv = layers_csv(&snapshot.layers);
    let (header, rows) = parse(&csv);
    assert_eq!(rows.len(), snapshot.layers.len());
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    for (row, layer) in rows.iter().zip(&snapshot.layers) {
        assert_eq!(row.len(), header.len());
        assert_eq!(row[column("name")], layer.name);
        assert_eq!(row[column("activation")], layer.activation);
        assert_eq!(row[column("size")].parse::<usize>().unwrap(), layer.size);
        assert_eq!(
            row[column("distinct_units")].parse::<usize>().unwrap(),
            layer.distinct_units
        );
        for (name, value) in [
            ("z_std", layer.z_std),
            ("z_std_predicted", layer.z_std_predicted),
            ("delta_std", layer.delta_std),
            ("dead", layer.dead),
            ("grad_norm", layer.grad_norm),
            ("sigma_used", layer.sigma_used),
        ] {
            assert_eq!(
                number(row[column(name)]).to_bits(),
                value.to_bits(),
                "{} {name}",
                layer.name
            );
        }
    }
}

#[test]
fn a_diverged_runs_numbers_are_written_so_that_they_read_back() {
    let mut exp = trained(
        "act=relu&layers=16,16,16&lr=10&seed=6&init=normal&scale=manual&sigma=3",
        300,
    );
    let snapshot = exp.snapshot();
    assert!(snapshot.diverged, "this setting diverges");
    let layers = layers_csv(&snapshot.layers);
    assert!(layers.contains("NaN") || layers.contains("inf"), "{layers}");
    for csv in [history_csv(&snapshot.history), layers] {
        let (header, rows) = parse(&csv);
        for row in rows {
            assert_eq!(row.len(), header.len());
            for field in row.iter().filter(|f| {
                !f.starts_with(|c: char| c.is_alphabetic()) || ["NaN", "inf"].contains(f)
            }) {
                let _ = number(field);
            }
        }
    }
}

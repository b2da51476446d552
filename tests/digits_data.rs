//! `data=digits` as a data set of the engine (issue #20, parts 1–2): its sizes, the key
//! table's defaults and refusals, the snapshot's confusion matrix, per-class accuracy, loss at
//! chance and misclassified images, the restarts' thresholds and the exports.
//!
//! Every test installs the committed `data/digits.bin` first (the page installs its download
//! the same way); `tests/digits_missing.rs` runs in a process that never does.

use initlab::data::{DatasetKind, MEASURED_DIGITS};
use initlab::digits::{self, Digits, CLASSES, PIXELS};
use initlab::experiment::MAX_MISCLASSIFIED;
use initlab::loss::Head;
use initlab::restarts::{Goal, RestartPlan, RestartRun};
use initlab::stats::predicted_class;
use initlab::{Config, Experiment};

/// The digits, installed once for this process.
fn installed() -> &'static Digits {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(digits::FILE);
    let bytes = std::fs::read(path).expect("the committed digits file");
    digits::install(&bytes).expect("the committed file reads")
}

fn digits_config(changes: &[(&str, &str)]) -> Result<Config, initlab::ConfigError> {
    installed();
    let mut all = vec![("data", "digits")];
    all.extend_from_slice(changes);
    Config::default().with_changes(all)
}

fn experiment(changes: &[(&str, &str)]) -> Experiment {
    Experiment::new(&digits_config(changes).expect("valid")).expect("valid")
}

#[test]
fn digits_networks_have_64_inputs_and_10_softmax_outputs() {
    let exp = experiment(&[("layers", "32,16")]);
    assert_eq!(exp.spec().sizes(), vec![PIXELS, 32, 16, CLASSES]);
    assert_eq!(exp.mlp().sizes, vec![64, 32, 16, 10]);
    assert!(exp.mlp().is_softmax());
    assert_eq!(exp.spec().loss, Head::Softmax);
    let data = exp.data();
    assert_eq!((data.features(), data.classes()), (64, 10));
    assert_eq!((data.train.len(), data.test.len()), (1438, 359));
    assert_eq!(data.train.x.len(), 64 * 1438);
    assert_eq!(data.test.source.len(), 359);
    // Labels are the file's, as class indices.
    let file = installed();
    for (&y, &image) in data.test.y.iter().zip(&data.test.source) {
        assert_eq!(y, file.label(image) as f64);
    }
    // layers=0: multinomial logistic regression, one weight layer of 64 × 10.
    let flat = experiment(&[("layers", "0")]);
    assert_eq!(flat.mlp().sizes, vec![64, 10]);
    assert_eq!(flat.mlp().params.len(), 64 * 10 + 10);
    // The scale rules see the true fans: Glorot's σ² = 2 / (64 + 10) for that one layer.
    let glorot = (2.0f64 / 74.0).sqrt();
    assert!((flat.inits()[0].sigma_used - glorot).abs() < 1e-15);
}

#[test]
fn the_plane_keeps_two_inputs_one_sigmoid_and_its_data() {
    installed();
    let exp = Experiment::new(&Config::default()).unwrap();
    assert_eq!(exp.mlp().sizes, vec![2, 8, 8, 1]);
    assert_eq!(exp.spec().loss, Head::Sigmoid(initlab::loss::Loss::Bce));
    assert_eq!(exp.data().train.len(), 320);
    assert_eq!(exp.data().train.raw.len(), 320);
    assert!(exp.data().train.source.is_empty());
    // Every training point is measured, as before the digits.
    assert_eq!(exp.data().measured(), &exp.data().train);
}

#[test]
fn data_digits_defaults_to_ce_and_its_link_stays_short() {
    installed();
    let config = digits_config(&[]).unwrap();
    assert_eq!(config.loss, "ce");
    assert_eq!(config.to_query(), "data=digits");
    let (opened, notices) = Config::from_query("?data=digits");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(opened, config);
    // Back to a set in the plane: ce does not apply there, so the loss is bce again.
    let back = config.with_changes([("data", "spiral")]).unwrap();
    assert_eq!(back.loss, "bce");
    assert_eq!(back.to_query(), "data=spiral");
    // mse on the plane does not apply to the digits either: it becomes their ce.
    let mse = Config::default().with_changes([("loss", "mse")]).unwrap();
    assert_eq!(mse.with_changes([("data", "digits")]).unwrap().loss, "ce");
    // A change of data that keeps the plane keeps the learner's loss.
    assert_eq!(mse.with_changes([("data", "gauss")]).unwrap().loss, "mse");
    // Round trips of links with more keys.
    for query in [
        "data=digits&layers=0",
        "layers=64,64&data=digits&lr=0.1&seed=7",
    ] {
        let (config, notices) = Config::from_query(query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        assert_eq!(config.loss, "ce", "{query}");
        let (again, _) = Config::from_query(&config.to_query());
        assert_eq!(again, config, "{query}");
        assert!(!config.to_query().contains("loss"), "{query}");
    }
}

/// The error `changes` on top of `data=digits` meet, as (key, message id, English sentence).
fn refusal(changes: &[(&str, &str)]) -> (&'static str, &'static str, String) {
    let e = digits_config(changes).expect_err("refused");
    (e.field, e.text.id, e.message)
}

#[test]
fn losses_and_the_shortcut_that_do_not_fit_the_digits_are_refused_with_a_reason() {
    let (key, id, message) = refusal(&[("loss", "bce")]);
    assert_eq!((key, id), ("loss", "loss.bceDigits"));
    assert!(
        message.contains("ten classes") && message.contains("loss=ce"),
        "{message}"
    );
    let (key, id, message) = refusal(&[("loss", "mse")]);
    assert_eq!((key, id), ("loss", "loss.mseDigits"));
    assert!(
        message.contains("confidently wrong") && message.contains("loss=ce"),
        "{message}"
    );
    let (key, id, message) = refusal(&[("layers", "8"), ("shortcut", "1")]);
    assert_eq!((key, id), ("shortcut", "shortcut.digits"));
    assert!(message.contains("64 pixels"), "{message}");
    // ce on a set in the plane, named in the sentence.
    let e = Config::default()
        .with_changes([("data", "circles"), ("loss", "ce")])
        .expect_err("refused");
    assert_eq!((e.field, e.text.id), ("loss", "loss.ceNeedsDigits"));
    assert!(
        e.message.contains("circles has two classes"),
        "{}",
        e.message
    );
    // A link that asks for them loses only that key, with the reason.
    let (config, notices) = Config::from_query("data=digits&loss=bce&layers=16");
    assert_eq!(
        (config.data.as_str(), config.loss.as_str()),
        ("digits", "ce")
    );
    assert_eq!(config.layers, "16");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].field, "loss");
    assert_eq!(notices[0].text.id, "loss.bceDigits");
    // layers=0 is valid: multinomial logistic regression.
    assert!(digits_config(&[("layers", "0")]).is_ok());
}

#[test]
fn points_noise_and_the_shortcut_do_not_apply_to_the_digits() {
    let config = digits_config(&[]).unwrap();
    for key in ["points", "noise", "shortcut"] {
        assert!(!config.applies(key), "{key}");
        assert!(Config::default().applies(key), "{key} on xor");
    }
    for key in ["points", "noise", "shortcut", "loss"] {
        let row = initlab::config::table::key(key).unwrap();
        assert!(
            row.description.contains("digits"),
            "{key}: {}",
            row.description
        );
    }
    // The same link with other points or noise is the same experiment: the digits ignore them.
    let a = Experiment::new(&config).unwrap();
    let b = experiment(&[("points", "50"), ("noise", "0.7")]);
    assert_eq!(a.data(), b.data());
    assert_eq!(a.mlp(), b.mlp());
}

/// The class the network predicts for each test image, computed apart from the snapshot
/// (one image at a time through its own workspace).
fn test_predictions(exp: &Experiment) -> Vec<usize> {
    let (mlp, test) = (exp.mlp(), &exp.data().test);
    let mut ws = mlp.workspace(1);
    (0..test.len())
        .map(|i| {
            ws.load(&test.x, &test.y, i..i + 1);
            mlp.forward(&mut ws).expect("finite");
            predicted_class(mlp, &ws, 0)
        })
        .collect()
}

#[test]
fn the_confusion_matrix_counts_the_test_set_by_true_and_predicted_class() {
    let mut exp = experiment(&[("layers", "32"), ("lr", "0.1")]);
    exp.step(300);
    let s = exp.snapshot();
    assert_eq!(s.classes, 10);
    assert_eq!(s.confusion.len(), 100);
    // Rows are the true classes: each sums to that digit's test images.
    let test = &exp.data().test;
    for t in 0..10 {
        let count = test.y.iter().filter(|&&y| y == t as f64).count() as u32;
        let row: u32 = s.confusion[t * 10..(t + 1) * 10].iter().sum();
        assert_eq!(row, count, "digit {t}");
        let right = s.confusion[t * 10 + t] as f64;
        assert_eq!(s.class_accuracy[t], right / count as f64, "digit {t}");
    }
    let trace: u32 = (0..10).map(|t| s.confusion[t * 11]).sum();
    assert_eq!(s.test_accuracy, trace as f64 / test.len() as f64);
    // The same counts from predictions made apart, one image at a time.
    let predictions = test_predictions(&exp);
    let mut confusion = vec![0u32; 100];
    for (&p, &y) in predictions.iter().zip(&test.y) {
        confusion[y as usize * 10 + p] += 1;
    }
    assert_eq!(s.confusion, confusion);
    // It learnt something, and not everything: some images are wrong, and listed.
    assert!(s.test_accuracy > 0.5, "{}", s.test_accuracy);
    let wrong: Vec<usize> = (0..test.len())
        .filter(|&i| predictions[i] != test.y[i] as usize)
        .collect();
    assert!(!wrong.is_empty());
    assert_eq!(s.misclassified.len(), wrong.len().min(MAX_MISCLASSIFIED));
    let file = installed();
    for (m, &i) in s.misclassified.iter().zip(&wrong) {
        assert_eq!(
            m.image, test.source[i],
            "the first wrong ones, in test order"
        );
        assert_eq!(m.truth, file.label(m.image));
        assert_eq!(m.predicted, predictions[i]);
        assert_ne!(m.truth, m.predicted);
    }
    // At chance, ln 10.
    assert_eq!(s.chance_loss, Some(10f64.ln()));
}

#[test]
fn at_the_start_the_loss_is_near_chance_and_a_snapshot_serialises_without_nulls() {
    // Small weights: every softmax output near 1/10, so the loss near ln 10.
    let mut exp = experiment(&[("scale", "manual"), ("sigma", "0.001")]);
    let s = exp.snapshot();
    assert!((s.loss - 10f64.ln()).abs() < 1e-3, "{}", s.loss);
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["chance_loss"].as_f64(), Some(10f64.ln()));
    assert_eq!(json["confusion"].as_array().unwrap().len(), 100);
    assert!(json["misclassified"][0]["image"].is_u64());
}

#[test]
fn the_plane_has_a_two_by_two_confusion_and_no_chance_line_or_images() {
    installed();
    let config = Config::default()
        .with_changes([("data", "gauss"), ("points", "200")])
        .unwrap();
    let mut exp = Experiment::new(&config).unwrap();
    exp.step(100);
    let s = exp.snapshot();
    assert_eq!((s.classes, s.confusion.len()), (2, 4));
    let total: u32 = s.confusion.iter().sum();
    assert_eq!(total as usize, exp.data().test.len());
    assert_eq!(
        s.test_accuracy,
        (s.confusion[0] + s.confusion[3]) as f64 / total as f64
    );
    for t in 0..2 {
        let count = exp.data().test.y.iter().filter(|&&y| y == t as f64).count() as u32;
        assert_eq!(s.confusion[2 * t] + s.confusion[2 * t + 1], count);
    }
    assert_eq!(s.chance_loss, None);
    assert!(s.misclassified.is_empty());
    let json = serde_json::to_value(&s).unwrap();
    assert!(json.get("chance_loss").is_none(), "left out, not null");
}

#[test]
fn statistics_are_measured_on_one_fixed_subset_and_the_equalities_hold() {
    let mut exp = experiment(&[("layers", "16,16"), ("lr", "0.1")]);
    let measured = exp.data().measured().clone();
    assert_eq!(measured.len(), MEASURED_DIGITS);
    // Rows of the training split, in its order, each digit with its share (to one image).
    let train = &exp.data().train;
    for (k, &image) in measured.source.iter().enumerate() {
        let row = train.source.iter().position(|&s| s == image).unwrap();
        assert_eq!(
            measured.x[k * 64..(k + 1) * 64],
            train.x[row * 64..(row + 1) * 64]
        );
    }
    assert!(measured.source.windows(2).all(|w| w[0] < w[1]));
    for t in 0..10 {
        let n = measured.y.iter().filter(|&&y| y == t as f64).count() as f64;
        let in_train = train.y.iter().filter(|&&y| y == t as f64).count() as f64;
        let share = 256.0 * in_train / train.len() as f64;
        assert!(
            (n - share).abs() <= 1.0,
            "digit {t}: {n} of 256, share {share}"
        );
    }
    exp.step(40);
    let s = exp.snapshot();
    // The snapshot's loss is the mean over the subset, as the landscape's centre is.
    let landscape = exp.landscape(3, 0.5).unwrap();
    assert_eq!(landscape.center_loss, s.loss);
    let mut evaluator = initlab::stats::Evaluator::new(exp.mlp());
    let direct = evaluator.training_loss(exp.mlp(), &measured, Head::Softmax);
    assert_eq!(direct, s.loss);
    // The history's last training loss (recorded at step 40) is the same number.
    assert_eq!(*exp.history().train.last().unwrap(), s.loss);
    // The output layer is a softmax, its a histogram of probabilities over every
    // (class, measured image) pair.
    let output = s.layers.last().unwrap();
    assert_eq!(output.activation, "softmax");
    assert_eq!((output.a_hist.lo, output.a_hist.hi), (0.0, 1.0));
    assert_eq!(output.a_hist.total(), 10 * MEASURED_DIGITS as u64);
    assert_eq!(s.layers[0].fan_in, 64);
    // One gradient: the snapshot's layers split up ‖∇L‖.
    let norm = s
        .layers
        .iter()
        .map(|l| l.grad_norm.powi(2))
        .sum::<f64>()
        .sqrt();
    assert_eq!(exp.gradient_norm(), norm);
    // The rolling landscape works on the digits and ends with the same centre.
    let mut done = 0;
    while done < 9 {
        exp.landscape_rolling(3, 0.5, 2).unwrap();
        done = exp.landscape_fresh();
    }
    let rolled = exp.landscape_current(3, 0.5).unwrap();
    assert_eq!(rolled.center_loss, s.loss);
    assert_eq!(rolled.loss, landscape.loss);
}

/// The page's caption under the loss chart (`digitsMeasured`, www/i18n/en.js) states the
/// subset's size and the splits' sizes: they are the engine's numbers.
#[test]
fn the_pages_caption_names_the_measured_subset_and_the_splits_as_they_are() {
    let exp = experiment(&[]);
    let (train, test) = (exp.data().train.len(), exp.data().test.len());
    let thousands = |n: usize| format!("{},{:03}", n / 1000, n % 1000);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/i18n/en.js");
    let english = std::fs::read_to_string(path).expect("the English strings");
    let caption = english
        .lines()
        .find(|line| line.trim_start().starts_with("digitsMeasured:"))
        .expect("the caption");
    let subset = format!(
        "{MEASURED_DIGITS} of the {} training images",
        thousands(train)
    );
    assert!(caption.contains(&subset), "{caption} / {subset}");
    assert!(
        caption.contains(&format!("all {}", thousands(train))),
        "{caption}"
    );
    assert!(
        caption.contains(&format!("all {test} test images")),
        "{caption}"
    );
}

#[test]
fn restarts_on_the_digits_are_solved_by_test_accuracy_and_stuck_near_chance() {
    let run = |loss: f64, test_accuracy: f64| RestartRun {
        seed: 1,
        loss,
        accuracy: test_accuracy,
        test_accuracy,
        diverged: loss.is_nan(),
    };
    let goal = Goal::Accuracy;
    assert!(goal.solved(&run(0.3, 0.9)));
    assert!(!goal.solved(&run(0.3, 0.899)));
    assert!(
        !goal.solved(&run(f64::NAN, 0.95)),
        "a diverged run never solved"
    );
    assert!(goal.stuck(&run(2.0, 0.2)));
    assert!(!goal.stuck(&run(1.99, 0.2)));
    assert!(goal.stuck(&run(f64::NAN, 0.1)));
    // XOR's thresholds are unchanged: below 0.01 solved, above 0.1 stuck.
    assert!(Goal::Loss.solved(&run(0.0099, 0.0)) && !Goal::Loss.solved(&run(0.01, 1.0)));
    assert!(Goal::Loss.stuck(&run(0.1001, 1.0)) && !Goal::Loss.stuck(&run(0.1, 0.0)));
    assert_eq!(Goal::of(&Config::default()), Goal::Loss);
    // A real plan: logistic regression learns the digits, a σ = 0.001 six-layer tanh net stays
    // at chance.
    let learns = digits_config(&[("layers", "0"), ("lr", "0.1")]).unwrap();
    let plan = RestartPlan::new(&learns, 2.0, 1000.0, 1.0).unwrap();
    assert_eq!(plan.goal(), Goal::Accuracy);
    let result = plan.run_all();
    assert_eq!(
        (result.solved, result.stuck),
        (1.0, 0.0),
        "{:?}",
        result.runs
    );
    // Each run is the page's run at that seed.
    let mut exp = Experiment::new(&learns).unwrap();
    exp.step(1000);
    let s = exp.snapshot();
    assert_eq!(result.runs[0].test_accuracy, s.test_accuracy);
    assert_eq!(result.runs[0].loss, s.loss);
    let stuck = digits_config(&[
        ("layers", "64,64,64,64,64,64"),
        ("scale", "manual"),
        ("sigma", "0.001"),
    ])
    .unwrap();
    let result = RestartPlan::new(&stuck, 1.0, 50.0, 1.0).unwrap().run_all();
    assert_eq!(
        (result.solved, result.stuck),
        (0.0, 1.0),
        "{:?}",
        result.runs
    );
}

#[test]
fn exports_work_on_the_digits() {
    let mut exp = experiment(&[("layers", "8")]);
    exp.step(20);
    let s = exp.snapshot();
    let weights = initlab::export::weights(exp.mlp());
    assert_eq!((weights[0].n_in, weights[0].n_out), (64, 8));
    assert_eq!((weights[1].n_in, weights[1].n_out), (8, 10));
    assert_eq!(weights[1].w.len(), 80);
    let layers = initlab::export::layers_csv(&s.layers);
    assert_eq!(layers.lines().count(), 3, "{layers}");
    assert!(layers
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("hidden 1,tanh,64,8,8,"));
    let history = initlab::export::history_csv(&s.history);
    assert_eq!(history.lines().count(), 1 + s.history.steps.len());
    let last = history.lines().last().unwrap();
    assert!(last.starts_with("20,"), "{last}");
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains("\"confusion\":["));
}

#[test]
fn every_data_set_name_reads_back() {
    for kind in DatasetKind::ALL {
        assert_eq!(DatasetKind::from_name(kind.name()), Some(kind));
    }
    assert!(DatasetKind::NAMES.contains(&"digits"));
    assert_eq!(Head::NAMES, ["bce", "mse", "ce"]);
}

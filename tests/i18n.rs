//! The engine's side of the page's four languages (issue #9): every chart label translated
//! with the same placeholders, every error an id with an English template whose
//! placeholders its arguments fill, and line breaking that suits Chinese and Hindi.

use initlab::error::{english, ErrorText, MESSAGES};
use initlab::plot::labels::{LabelError, Labels, EN};
use initlab::plot::wrap::{units, wrap};
use initlab::Config;
use std::collections::BTreeSet;

/// The `{name}` placeholders of a template.
fn placeholders(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if after[..close]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_') =>
            {
                out.insert(after[..close].to_string());
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// English's labels, with `change` applied to the one named `name`.
fn english_with(
    name: &str,
    change: impl Fn(&'static str) -> Option<&'static str>,
) -> Vec<(&'static str, Option<&'static str>)> {
    EN.entries()
        .into_iter()
        .map(|(n, text)| (n, if n == name { change(text) } else { Some(text) }))
        .collect()
}

fn from_table(table: &[(&'static str, Option<&'static str>)]) -> Result<Labels, LabelError> {
    Labels::from_lookup(|name| table.iter().find(|(n, _)| *n == name).and_then(|(_, t)| *t))
}

#[test]
fn a_language_table_must_have_every_chart_label_with_englishs_placeholders() {
    // The other languages' tables live in www/i18n/<code>.js; the e2e language tests hand
    // each one to the wasm, which checks it with this same function.
    let english = english_with("", Some);
    let labels = from_table(&english).expect("English passes its own check");
    assert_eq!(labels.entries(), EN.entries());
    assert_eq!(
        from_table(&english_with("layer", |_| None)).err(),
        Some(LabelError::Missing("layer"))
    );
    assert_eq!(
        from_table(&english_with("units", |_| Some("  "))).err(),
        Some(LabelError::Empty("units"))
    );
    // "{0} units" without its number, and "diverged at step" with a second, unfilled one.
    assert_eq!(
        from_table(&english_with("units", |_| Some("units"))).err(),
        Some(LabelError::Placeholders("units"))
    );
    assert_eq!(
        from_table(&english_with("diverged_at", |_| Some("{0} {1}"))).err(),
        Some(LabelError::Placeholders("diverged_at"))
    );
    // The placeholders may move: a translation puts them where its grammar wants.
    let moved = english_with("side_diverged_at", |_| Some("at step {1}, {0} diverged"));
    assert_eq!(
        from_table(&moved).unwrap().side_diverged_at,
        "at step {1}, {0} diverged"
    );
}

#[test]
fn every_error_id_is_listed_once_and_its_arguments_fill_its_template() {
    let ids: BTreeSet<&str> = MESSAGES.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids.len(), MESSAGES.len(), "an id is listed twice");
    // Real errors from bad settings: each id is in the list, and no placeholder is left.
    let bad = [
        ("sigma", "-1"),
        ("lr", "abc"),
        ("layers", "8,999"),
        (
            "layers",
            "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1",
        ),
        ("layers", "65,1,1,1,1,1,1,1,1"),
        ("init", "ones"),
        ("preset", "theano"),
        ("correct", "2"),
        ("batch", "0.5"),
        ("nonsense", "1"),
    ];
    for (key, value) in bad {
        let error = Config::default()
            .with_changes([(key, value)])
            .expect_err(key);
        let text = &error.text;
        assert!(
            ids.contains(text.id),
            "{key}: {} is not in MESSAGES",
            text.id
        );
        assert_eq!(
            placeholders(english(text.id)),
            text.args.keys().map(|k| k.to_string()).collect(),
            "{key}: the arguments of {} are not its template's",
            text.id
        );
        assert!(!error.message.contains('{'), "{key}: {}", error.message);
        assert!(error.message.contains(value) || key == "nonsense" || key == "layers");
    }
}

#[test]
fn an_error_of_b_names_the_key_and_nests_the_reason() {
    let error = Config::default()
        .with_changes([("vs", "lr=banana")])
        .expect_err("vs=lr=banana");
    assert_eq!((error.field, error.text.id), ("vs", "vs.key"));
    assert_eq!(error.message, "lr: 'banana' is not a number");
    let inner = ErrorText::new("notNumber").with("value", "banana");
    assert_eq!(
        error.text.args.get("error"),
        Some(&initlab::error::ErrorArg::from(inner))
    );
}

#[test]
fn chinese_breaks_between_characters_and_keeps_commas_with_the_character_before() {
    let pieces: Vec<&str> = units("损失（对数坐标），训练")
        .iter()
        .map(|u| u.text)
        .collect();
    assert_eq!(
        pieces,
        ["损", "失", "（对", "数", "坐", "标），", "训", "练"]
    );
    // One "character width" each: a line of at most 3 characters.
    let lines = wrap(
        "全部 8 个梯度恰好为 0：这一层无法学习",
        3.0,
        |t| t.chars().count() as f64,
    );
    assert!(lines.len() > 4, "{lines:?}");
    assert!(lines.iter().all(|l| l.chars().count() <= 3), "{lines:?}");
    assert_eq!(
        lines.concat().replace(' ', ""),
        "全部8个梯度恰好为0：这一层无法学习"
    );
}

#[test]
fn hindi_and_russian_break_only_at_spaces() {
    let text = "सभी 8 ग्रेडिएंट ठीक 0 हैं: यह परत सीख नहीं सकती";
    let words: Vec<&str> = text.split_whitespace().collect();
    let lines = wrap(text, 12.0, |t| t.chars().count() as f64);
    assert!(lines.len() > 2, "{lines:?}");
    for line in &lines {
        for word in line.split(' ') {
            assert!(
                words.contains(&word),
                "{word:?} is not a whole word of {text:?}"
            );
        }
    }
    let ru = wrap(
        "градиенты — не числа: обучение разошлось",
        10.0,
        |t| t.chars().count() as f64,
    );
    assert_eq!(ru.join(" "), "градиенты — не числа: обучение разошлось");
}

/// The value of `key: "…"` in a language file of the page.
fn table_value(file: &str, key: &str) -> Option<&'static str> {
    let start = file.find(&format!("\n  {key}: \""))? + key.len() + 6;
    let end = start + file[start..].find('"')?;
    Some(Box::leak(file[start..end].to_string().into_boxed_str()))
}

#[test]
fn each_languages_decimal_sign_and_line_height_live_in_its_table_and_are_checked() {
    assert_eq!((EN.decimal(), EN.leading()), ('.', 1.35));
    for (key, bad) in [
        ("decimal_sign", ",."),
        ("line_height", "tall"),
        ("line_height", "9"),
    ] {
        assert_eq!(
            from_table(&english_with(key, |_| Some(bad))).err(),
            Some(LabelError::Invalid(key)),
            "{key}: {bad}"
        );
    }
    // Every page language's table carries both, in a form the check accepts, and the charts
    // read them from there.
    for code in ["ru", "zh", "hi"] {
        let file = std::fs::read_to_string(format!("www/i18n/{code}.js")).unwrap();
        let sign = table_value(&file, "decimal_sign").expect("a decimal sign");
        let height = table_value(&file, "line_height").expect("a line height");
        let table: Vec<_> = EN
            .entries()
            .into_iter()
            .map(|(name, text)| match name {
                "decimal_sign" => (name, Some(sign)),
                "line_height" => (name, Some(height)),
                _ => (name, Some(text)),
            })
            .collect();
        let labels = from_table(&table).unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(labels.decimal().to_string(), sign, "{code}");
        assert_eq!(labels.leading(), height.parse::<f64>().unwrap(), "{code}");
    }
}

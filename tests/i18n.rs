//! The engine's side of the page's four languages (issue #9): every chart label translated
//! with the same placeholders, every error an id with an English template whose
//! placeholders its arguments fill, and line breaking that suits Chinese and Hindi.

use initlab::error::{english, ErrorText, MESSAGES};
use initlab::plot::labels::{Labels, EN, LANGUAGES};
use initlab::plot::wrap::{units, wrap};
use initlab::Config;
use std::collections::BTreeSet;

/// Labels that are symbols or formulas, the same in every language.
const SAME_EVERYWHERE: &[&str] = &[
    "x1_axis",
    "x2_axis",
    "net_inputs_short",
    "net_sampled_short",
    "net_weight_text",
    "net_bias_text",
];

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

#[test]
fn every_language_translates_every_chart_label_with_the_same_placeholders() {
    let english = EN.entries();
    for (code, labels) in LANGUAGES.iter().filter(|(code, _)| *code != "en") {
        let entries = Labels::entries(labels);
        assert_eq!(entries.len(), english.len(), "{code}");
        for ((name, text), (_, en)) in entries.iter().zip(&english) {
            assert!(!text.trim().is_empty(), "{code}.{name} is empty");
            if !SAME_EVERYWHERE.contains(name) {
                assert_ne!(text, en, "{code}.{name} is still English");
            }
            assert_eq!(
                placeholders(text),
                placeholders(en),
                "{code}.{name}: {text:?} must use the placeholders of {en:?}"
            );
        }
    }
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
        ("layers", "1,1,1,1,1,1,1,1,1"),
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

//! Before the page's download has arrived, `data=digits` is refused in words a learner can act
//! on, and a link that asks for it opens on the default data with that notice. A process of
//! its own: it never installs the digits (tests/digits_data.rs does).

use initlab::{Config, Experiment};

#[test]
fn data_digits_is_refused_until_the_digits_have_arrived() {
    assert!(initlab::digits::installed().is_none());
    let e = Config::default()
        .with_changes([("data", "digits")])
        .expect_err("not installed");
    assert_eq!((e.field, e.text.id), ("data", "data.digitsMissing"));
    assert!(
        e.message
            .starts_with("the handwritten digits have not arrived yet"),
        "{}",
        e.message
    );
    let config = Config {
        data: "digits".into(),
        loss: "ce".into(),
        ..Config::default()
    };
    assert_eq!(
        Experiment::new(&config).err().map(|e| e.field),
        Some("data")
    );
    let (opened, notices) = Config::from_query("data=digits&layers=16");
    assert_eq!((opened.data.as_str(), opened.loss.as_str()), ("xor", "bce"));
    assert_eq!(opened.layers, "16");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].text.id, "data.digitsMissing");
}

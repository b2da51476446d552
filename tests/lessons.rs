//! The lesson table and the `lesson` key: every lesson opens a valid config that its link
//! reproduces, keys after the lesson refine it, and a bad id is refused with the lesson list.

use initlab::compare::Comparison;
use initlab::lessons::{self, judge_now, Judge, LESSONS};
use initlab::Config;

#[test]
fn every_lesson_opens_a_valid_config_that_its_link_reproduces() {
    for lesson in LESSONS {
        let config = lesson
            .config()
            .unwrap_or_else(|e| panic!("lesson {}: {e}", lesson.id));
        assert_eq!(config.lesson, lesson.id);
        assert_eq!(config.to_query(), format!("lesson={}", lesson.id));
        let (again, notices) = Config::from_query(&config.to_query());
        assert!(notices.is_empty(), "{}: {notices:?}", lesson.id);
        assert_eq!(again, config, "{}", lesson.id);
        assert_eq!(lesson.compares(), !config.vs.is_empty(), "{}", lesson.id);
    }
}

#[test]
fn ids_are_unique_and_in_the_key_table() {
    let mut ids: Vec<_> = lessons::IDS.to_vec();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), LESSONS.len());
    let row = initlab::config::table::key("lesson").expect("a lesson key");
    assert_eq!(initlab::link::choices(row), &lessons::IDS);
}

#[test]
fn keys_after_the_lesson_refine_it_and_the_link_keeps_only_them() {
    // Keys before the lesson in the link refine it too: the lesson is applied first.
    for query in ["lesson=too-small&sigma=0.5", "sigma=0.5&lesson=too-small"] {
        let (config, notices) = Config::from_query(query);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(config.lesson, "too-small");
        assert_eq!(config.sigma, 0.5);
        let lesson = lessons::find("too-small").unwrap().config().unwrap();
        assert_eq!(config.layers, lesson.layers, "the lesson's other keys stay");
        assert_eq!(config.to_query(), "lesson=too-small&sigma=0.5");
    }
}

#[test]
fn an_unknown_lesson_is_a_notice_naming_the_key_and_the_explorer_opens() {
    let (config, notices) = Config::from_query("lesson=nope&sigma=0.5&scale=manual");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].field, "lesson");
    assert!(
        notices[0].message.contains("zero-tanh"),
        "{}",
        notices[0].message
    );
    assert_eq!(config.lesson, "");
    assert_eq!(config.sigma, 0.5);
}

#[test]
fn an_override_that_fails_validation_is_left_out_and_the_lesson_kept() {
    let (config, notices) = Config::from_query("lesson=he-relu&sigma=-3");
    assert_eq!(config.lesson, "he-relu");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].field, "sigma");
    assert_eq!(config, lessons::find("he-relu").unwrap().config().unwrap());
}

#[test]
fn closing_the_lesson_keeps_its_settings() {
    let config = lessons::find("xavier").unwrap().config().unwrap();
    let closed = config.with_changes([("lesson", "")]).unwrap();
    assert_eq!(closed.lesson, "");
    assert_eq!(closed.layers, config.layers);
    assert_eq!(closed.vs, config.vs);
}

#[test]
fn every_lesson_judged_against_b_sets_up_b_and_says_it_needs_b_when_b_is_gone() {
    let against_b = LESSONS
        .iter()
        .filter(|lesson| matches!(lesson.judge, Judge::AgainstB(_)));
    for lesson in against_b {
        assert!(lesson.compares(), "{}", lesson.id);
        let config = lesson.config().unwrap().with_changes([("vs", "")]).unwrap();
        let verdict = judge_now(lesson, &mut Comparison::new(&config).unwrap(), None);
        assert!(!verdict.holds, "{}", lesson.id);
        assert_eq!(verdict.message.id, "lesson.needsB", "{}", lesson.id);
    }
}

/// The README's table of contents for course notes: one link per lesson, in the page's order.
#[test]
fn the_readme_links_every_lesson_in_order() {
    let readme = include_str!("../README.md");
    let linked: Vec<&str> = readme
        .split("](http://127.0.0.1:8000/?lesson=")
        .skip(1)
        .map(|rest| {
            rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(linked, lessons::IDS, "the README's lesson links");
}

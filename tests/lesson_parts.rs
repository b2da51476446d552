//! The course map (src/lessons/parts.rs): every lesson is in exactly one part, and the
//! parts read in order give the lessons in the order a learner meets them.

use initlab::lessons::parts::{part_of, PARTS};
use initlab::lessons::IDS;

#[test]
fn every_lesson_is_in_exactly_one_part() {
    for id in IDS {
        let holders: Vec<_> = PARTS
            .iter()
            .filter(|p| p.lessons.contains(&id))
            .map(|p| p.id)
            .collect();
        assert_eq!(holders.len(), 1, "{id} is in the parts {holders:?}");
        assert_eq!(part_of(id), Some(holders[0]));
    }
}

#[test]
fn the_parts_in_order_give_the_lessons_in_order() {
    let flattened: Vec<&str> = PARTS
        .iter()
        .flat_map(|p| p.lessons.iter().copied())
        .collect();
    assert_eq!(flattened, IDS.to_vec());
}

#[test]
fn parts_have_unique_ids_and_no_empty_part() {
    let mut ids: Vec<_> = PARTS.iter().map(|p| p.id).collect();
    assert_eq!(ids, ["symmetry", "stuck", "scale", "practice"]);
    ids.dedup();
    assert_eq!(ids.len(), PARTS.len());
    assert!(PARTS.iter().all(|p| !p.lessons.is_empty()));
    assert_eq!(part_of("no-such-lesson"), None);
}

//! The course map: the lessons grouped into parts, in one small table apart from the
//! lessons themselves (a lesson does not know its part; the map does). The page shows the
//! parts in its lesson menus; `initlab.lessons()` gives each lesson's part id.

use super::settings;

/// One part of the course: a stable id (the page words its title) and its lessons, in
/// [`super::LESSONS`] order.
pub struct Part {
    pub id: &'static str,
    pub lessons: &'static [&'static str],
}

/// Every part, in the order a learner meets them. Each lesson is in exactly one part, and
/// reading the parts in order gives [`super::LESSONS`] in order (tests/lesson_parts.rs).
pub const PARTS: &[Part] = &[
    Part {
        id: "symmetry",
        lessons: &[
            settings::ZERO_TANH.id,
            settings::ZERO_SIGMOID.id,
            settings::UNFREEZE.id,
            settings::NO_HIDDEN.id,
            settings::CONSTANT.id,
            settings::BREAK_SYMMETRY.id,
            settings::XOR_2_1.id,
            settings::DIGITS_SYMMETRY.id,
        ],
    },
    Part {
        id: "stuck",
        lessons: &[settings::SADDLE.id, settings::XOR_RESTARTS.id],
    },
    Part {
        id: "scale",
        lessons: &[
            settings::TRUNCATED.id,
            settings::RELU_BIAS.id,
            settings::TOO_SMALL.id,
            settings::TOO_LARGE.id,
            settings::XAVIER.id,
            settings::HE_RELU.id,
            settings::DIGITS_SCALE.id,
            settings::EDGE_OF_CHAOS.id,
            settings::ORTHOGONAL_DEPTH.id,
        ],
    },
    Part {
        id: "practice",
        lessons: &[settings::IN_PRACTICE.id],
    },
];

/// The id of the part that holds lesson `id`, or `None` for an id no part holds.
pub fn part_of(id: &str) -> Option<&'static str> {
    PARTS
        .iter()
        .find(|part| part.lessons.contains(&id))
        .map(|part| part.id)
}

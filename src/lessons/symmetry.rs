//! Lessons on symmetry: why the weights must start *different* (zero and constant inits,
//! breaking the symmetry, the XOR 2-1 net and its saddle, random restarts).

use super::{Curvature, Evidence, Lesson, Message, Needs, Verdict, View};
use crate::experiment::Experiment;

/// TODO(helper): the second differences of the training loss along every parameter axis.
pub(super) fn curvature(_experiment: &mut Experiment) -> Curvature {
    Curvature {
        grad_norm: f64::NAN,
        along_axes: Vec::new(),
    }
}

// TODO(helper): every judge below is a placeholder to be replaced by the real verdict.
fn pending(_: &Evidence) -> Verdict {
    Verdict::new(false, Message::new("lesson.pending"))
}

pub const ZERO_TANH: Lesson = Lesson {
    id: "zero-tanh",
    settings: "data=xor4&layers=4&act=tanh&init=zeros&bias=0&lr=0.5&batch=4&vs=act%3Drelu",
    steps: 200,
    view: View::Gradients,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const ZERO_SIGMOID: Lesson = Lesson {
    id: "zero-sigmoid",
    settings: "data=gauss&layers=4&act=sigmoid&init=zeros&bias=0&lr=0.5",
    steps: 300,
    view: View::Table,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const CONSTANT: Lesson = Lesson {
    id: "constant",
    settings: "data=xor&layers=4&act=sigmoid&init=constant&const=1&bias=0&lr=0.5",
    steps: 300,
    view: View::Network,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const BREAK_SYMMETRY: Lesson = Lesson {
    id: "break-symmetry",
    settings: "data=xor&layers=4&act=sigmoid&init=constant&const=1&bias=0&lr=0.5\
               &vs=init%3Dnormal%26scale%3Dmanual%26sigma%3D0.001",
    steps: 1000,
    view: View::Boundary,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const XOR_2_1: Lesson = Lesson {
    id: "xor-2-1",
    settings: "data=xor4&layers=1&shortcut=1&act=sigmoid&loss=bce&init=zeros&bias=0&lr=1&batch=4\
               &vs=init%3Dnormal%26scale%3Dmanual%26sigma%3D1%26bias%3Dinit",
    steps: 2000,
    view: View::Network,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const SADDLE: Lesson = Lesson {
    id: "saddle",
    settings: "data=xor4&layers=2&act=tanh&init=zeros&bias=0&lr=1&batch=4",
    steps: 0,
    view: View::Landscape,
    needs: Needs::Curvature,
    judge: pending,
};

pub const XOR_RESTARTS: Lesson = Lesson {
    id: "xor-restarts",
    settings:
        "data=xor4&layers=2&act=sigmoid&loss=bce&init=normal&scale=manual&sigma=1&bias=init&lr=1&batch=4",
    steps: 2000,
    view: View::Restarts,
    needs: Needs::Restarts,
    judge: pending,
};

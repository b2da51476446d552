//! Lessons on scale: how large the random weights should be (truncation, the ReLU bias,
//! too small, too large, Glorot's average of the fans, He's rule for ReLU).

use super::{Evidence, Lesson, Message, Needs, Verdict, View};

// TODO(helper): every judge below is a placeholder to be replaced by the real verdict.
fn pending(_: &Evidence) -> Verdict {
    Verdict::new(false, Message::new("lesson.pending"))
}

pub const TRUNCATED: Lesson = Lesson {
    id: "truncated",
    settings: "act=sigmoid&init=normal&scale=lecun&vs=init%3Dtruncnormal",
    steps: 0,
    view: View::Activation,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const RELU_BIAS: Lesson = Lesson {
    id: "relu-bias",
    settings: "act=relu&layers=8,8,8&init=normal&scale=he&bias=0&vs=bias%3D0.1",
    steps: 0,
    view: View::Table,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const TOO_SMALL: Lesson = Lesson {
    id: "too-small",
    settings: "layers=64,64,64,64,64,64,64,64&act=tanh&init=normal&scale=manual&sigma=0.01\
               &vs=act%3Dsigmoid",
    steps: 0,
    view: View::Depth,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const TOO_LARGE: Lesson = Lesson {
    id: "too-large",
    settings: "layers=64,64,64,64,64,64,64,64&act=sigmoid&init=normal&scale=manual&sigma=3",
    steps: 0,
    view: View::Activation,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const XAVIER: Lesson = Lesson {
    id: "xavier",
    settings: "layers=64,16,64,16&act=tanh&init=normal&scale=lecun&vs=scale%3Dglorot",
    steps: 0,
    view: View::Depth,
    needs: Needs::Snapshots,
    judge: pending,
};

pub const HE_RELU: Lesson = Lesson {
    id: "he-relu",
    settings: "layers=64,64,64,64,64,64,64,64&act=relu&init=normal&scale=glorot&vs=scale%3Dhe",
    steps: 0,
    view: View::Depth,
    needs: Needs::Snapshots,
    judge: pending,
};

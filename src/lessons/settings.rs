//! Each lesson's settings, as plain data: network A's keys over the defaults as a URL
//! query, and B's (where the lesson argues by contrast) under `vs`.
//!
//! They live apart from the lessons' verdicts so that reading a link can open
//! `lesson=<id>` ([`crate::link`]) without the verdicts and the engine they judge: the
//! settings sit below the link reader, the verdicts above the experiments it opens.

/// One lesson's settings.
pub struct Setup {
    /// The URL's `lesson=` value.
    pub id: &'static str,
    /// A's settings over the defaults, as a URL query; B's (if it compares) under `vs`.
    pub query: &'static str,
}

pub const ZERO_TANH: Setup = Setup {
    id: "zero-tanh",
    query: "data=xor4&layers=4&act=tanh&init=zeros&bias=0&lr=0.5&batch=4&vs=act%3Drelu",
};

pub const ZERO_SIGMOID: Setup = Setup {
    id: "zero-sigmoid",
    query: "data=gauss&layers=4&act=sigmoid&init=zeros&bias=0&lr=0.5",
};

/// Balanced XOR's 4 points in batches of 2: a batch holds one point of each class (nothing
/// moves) or two of one class (the output moves), so the learner sees both.
pub const UNFREEZE: Setup = Setup {
    id: "unfreeze",
    query: "data=xor4&layers=4,4,4&act=sigmoid&init=zeros&bias=0&lr=0.5&batch=2",
};

/// No hidden layer (logistic regression) on two overlapping blobs a line separates as well as
/// anything can; B differs in its init alone.
pub const NO_HIDDEN: Setup = Setup {
    id: "no-hidden",
    query: "data=gauss&noise=0.3&layers=0&init=zeros&bias=0&lr=1&vs=init%3Dnormal",
};

pub const CONSTANT: Setup = Setup {
    id: "constant",
    query: "data=xor&layers=4&act=sigmoid&init=constant&const=1&bias=0&lr=0.5",
};

pub const BREAK_SYMMETRY: Setup = Setup {
    id: "break-symmetry",
    query: "data=xor&layers=8&act=sigmoid&init=constant&const=1&bias=0&lr=1\
               &vs=jitter%3D0.001",
};

pub const XOR_2_1: Setup = Setup {
    id: "xor-2-1",
    query: "data=xor4&layers=1&shortcut=1&act=sigmoid&loss=bce&init=zeros&bias=0&lr=1&batch=4\
               &vs=init%3Dnormal%26scale%3Dmanual%26sigma%3D1%26bias%3Dinit",
};

/// The digits (64 pixels, ten classes), one hidden layer of 16 tanh units so that there are
/// 16 receptive fields to draw: A from every weight 0.1, B from Glorot's random draw. Plain SGD
/// at lr 0.1 in batches of 32, biases from 0 (tests/lesson_digits.rs).
pub const DIGITS_SYMMETRY: Setup = Setup {
    id: "digits-symmetry",
    query: "data=digits&layers=16&act=tanh&init=constant&const=0.1&bias=0&lr=0.1&batch=32\
               &vs=init%3Dnormal",
};

pub const SADDLE: Setup = Setup {
    id: "saddle",
    query: "data=xor4&layers=2&act=tanh&init=zeros&bias=0&lr=1&batch=4",
};

pub const XOR_RESTARTS: Setup = Setup {
    id: "xor-restarts",
    query: "data=xor4&layers=2&act=sigmoid&loss=mse&init=normal&scale=manual&sigma=1&bias=init&lr=1&batch=4",
};

pub const TRUNCATED: Setup = Setup {
    id: "truncated",
    query:
        "act=sigmoid&layers=256&init=normal&scale=lecun&lr=1&vs=init%3Dtruncnormal%26correct%3D1",
};

pub const RELU_BIAS: Setup = Setup {
    id: "relu-bias",
    query: "act=relu&layers=4,4,4,4&init=normal&scale=he&bias=0&vs=bias%3D0.1",
};

pub const TOO_SMALL: Setup = Setup {
    id: "too-small",
    query: "layers=64,64,64,64,64,64,64,64&act=tanh&init=normal&scale=manual&sigma=0.01&lr=0.1\
               &vs=sigma%3D0.125",
};

pub const TOO_LARGE: Setup = Setup {
    id: "too-large",
    query: "layers=64,64,64,64,64,64,64,64&act=tanh&init=normal&scale=manual&sigma=3&lr=0.1\
               &vs=sigma%3D0.125",
};

/// Linear units, so only the widths change the spreads; the two gauss blobs, which a linear
/// net can learn (XOR it cannot); a small learning rate, at which the two rules' start shows
/// in how fast they learn.
pub const XAVIER: Setup = Setup {
    id: "xavier",
    query: "data=gauss&layers=64,16,64,16&act=linear&init=normal&scale=lecun&lr=0.001\
               &vs=scale%3Dglorot",
};

pub const HE_RELU: Setup = Setup {
    id: "he-relu",
    query: "layers=64,64,64,64,64,64,64,64&act=relu&init=normal&scale=glorot&lr=0.01&vs=scale%3Dhe",
};

/// Six tanh layers of 64 on the digits: A at σ = 0.01, B at Glorot's σ (1/√64 between the
/// hidden layers). Plain SGD at lr 0.1 in batches of 32, biases from 0 (tests/lesson_digits.rs).
pub const DIGITS_SCALE: Setup = Setup {
    id: "digits-scale",
    query: "data=digits&layers=64,64,64,64,64,64&act=tanh&init=normal&scale=manual&sigma=0.01\
               &bias=0&lr=0.1&batch=32&vs=scale%3Dglorot",
};

/// Twenty tanh layers of 64 with biases from N(0, 0.05²) (issue #21): A at σ_w = 1.1225, on
/// the critical line χ₁ = 1 (the engine's mean field puts it at 1.12254; tests/lesson_edge.rs
/// checks χ₁ at this gain), B at σ_w = 2.5, in the chaotic phase (χ₁ = 1.61). The default
/// data (xor) and learning rate; the verdict judges the draw, so the lesson runs no step.
pub const EDGE_OF_CHAOS: Setup = Setup {
    id: "edge-of-chaos",
    query: "layers=64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64&act=tanh\
               &init=normal&scale=lecun&gain=1.1225&bsigma=0.05&vs=gain%3D2.5",
};

/// Dynamical isometry: 32 linear layers of 64, A orthogonal (gain 1), B Gaussian at LeCun's
/// σ = 1/√64 (the same mean square through every layer). Nothing is trained: the lesson judges
/// the draw (tests/lesson_orthogonal_depth.rs).
pub const ORTHOGONAL_DEPTH: Setup = Setup {
    id: "orthogonal-depth",
    query:
        "layers=64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,64,\
               64,64,64,64,64,64&act=linear&init=orthogonal&bias=0&vs=init%3Dnormal%26scale%3Dlecun",
};

/// He's rule on a deep ReLU net (A) against PyTorch's `nn.Linear` default (B), with the
/// default data (xor), learning rate (0.03, plain SGD) and bias 0 for A.
pub const IN_PRACTICE: Setup = Setup {
    id: "in-practice",
    query: "layers=64,64,64,64,64,64,64,64&act=relu&init=normal&scale=he\
               &vs=preset%3Dtorch-linear",
};

/// Every lesson's settings, in the order a learner meets the lessons (the order of
/// [`LESSONS`](super::LESSONS)).
pub const ALL: &[Setup] = &[
    ZERO_TANH,
    ZERO_SIGMOID,
    UNFREEZE,
    NO_HIDDEN,
    CONSTANT,
    BREAK_SYMMETRY,
    XOR_2_1,
    DIGITS_SYMMETRY,
    SADDLE,
    XOR_RESTARTS,
    TRUNCATED,
    RELU_BIAS,
    TOO_SMALL,
    TOO_LARGE,
    XAVIER,
    HE_RELU,
    DIGITS_SCALE,
    EDGE_OF_CHAOS,
    ORTHOGONAL_DEPTH,
    IN_PRACTICE,
];

/// Every lesson's id, in [`ALL`] order: the choices of the `lesson` key.
pub const IDS: [&str; ALL.len()] = names_of!(ALL, |s| s.id);

/// The settings of the lesson `id`.
pub fn find(id: &str) -> Option<&'static Setup> {
    crate::position_of(&IDS, id).map(|k| &ALL[k])
}

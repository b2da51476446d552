//! Framework presets: each one sets the init keys exactly as that library initialises a
//! dense layer, for weights and biases. JAX's `jax.nn.initializers` equal the Keras ones.
//!
//! Every preset is expressed in the page's own keys, so a learner can see (and change)
//! what the framework really does. For `uniform` the page's σ is the std, bounds ±σ√3.
//! Plain data: `preset=` is opened by `Config::set` in [`crate::link`].

/// One preset: its key, a one-line description with the published formula, and its settings.
pub struct Preset {
    pub name: &'static str,
    pub formula: &'static str,
    /// (key, value) pairs it sets; every other init key goes back to its default.
    pub settings: &'static [(&'static str, &'static str)],
}

/// 1/√3, so that a uniform of std gain/√fan_in has bounds ±1/√fan_in (PyTorch's nn.Linear).
const INV_SQRT3: &str = "0.5773502691896258";
/// 0.5/√3: the std of U(−0.5, 0.5) (TensorFlow Playground).
const HALF_OVER_SQRT3: &str = "0.28867513459481287";

pub const PRESETS: &[Preset] = &[
    Preset {
        name: "torch-linear",
        formula: "PyTorch nn.Linear default: W, b ~ U(±1/√fan_in) (kaiming_uniform_ with a=√5)",
        settings: &[("init", "uniform"), ("scale", "lecun"), ("gain", INV_SQRT3), ("bias", "init")],
    },
    Preset {
        name: "torch-xavier-uniform",
        formula: "torch.nn.init.xavier_uniform_: W ~ U(±√(6/(fan_in+fan_out))), bias zeros_",
        settings: &[("init", "uniform"), ("scale", "glorot")],
    },
    Preset {
        name: "torch-xavier-normal",
        formula: "torch.nn.init.xavier_normal_: W ~ N(0, 2/(fan_in+fan_out)), bias zeros_",
        settings: &[("init", "normal"), ("scale", "glorot")],
    },
    Preset {
        name: "torch-kaiming-normal",
        formula: "torch.nn.init.kaiming_normal_ (fan_in, ReLU gain √2): W ~ N(0, 2/fan_in), bias zeros_",
        settings: &[("init", "normal"), ("scale", "he")],
    },
    Preset {
        name: "torch-trunc-normal",
        formula: "torch.nn.init.trunc_normal_ defaults: N(0, 1) cut at the absolute values a=−2, b=2, bias zeros_",
        settings: &[
            ("init", "truncnormal"),
            ("scale", "manual"),
            ("sigma", "1"),
            ("lo", "-2"),
            ("hi", "2"),
            ("bounds", "abs"),
        ],
    },
    Preset {
        name: "torch-orthogonal",
        formula: "torch.nn.init.orthogonal_ (gain 1): W = a random (semi-)orthogonal matrix, the QR of a Gaussian one with signs fixed (Saxe et al. 2014), bias zeros_",
        settings: &[("init", "orthogonal")],
    },
    Preset {
        name: "lsuv",
        formula: "LSUV (Mishkin & Matas 2016): orthogonal_, then layer by layer W ← W/√Var(z) on a batch of 256 training points until Var(z) = 1 ± 0.1 (at most 10 times), bias 0",
        settings: &[("init", "lsuv")],
    },
    Preset {
        name: "keras-glorot-uniform",
        formula: "Keras/JAX GlorotUniform: W ~ U(±√(6/(fan_in+fan_out))), bias zeros",
        settings: &[("init", "uniform"), ("scale", "glorot")],
    },
    Preset {
        name: "keras-glorot-normal",
        formula: "Keras/JAX GlorotNormal: truncated at ±2σ', σ' = √(2/(fan_in+fan_out)) / 0.87962566103423978",
        settings: &[("init", "truncnormal"), ("scale", "glorot"), ("correct", "1")],
    },
    Preset {
        name: "keras-he-normal",
        formula: "Keras/JAX HeNormal: truncated at ±2σ', σ' = √(2/fan_in) / 0.87962566103423978",
        settings: &[("init", "truncnormal"), ("scale", "he"), ("correct", "1")],
    },
    Preset {
        name: "keras-lecun-normal",
        formula: "Keras/JAX LecunNormal: truncated at ±2σ', σ' = √(1/fan_in) / 0.87962566103423978",
        settings: &[("init", "truncnormal"), ("scale", "lecun"), ("correct", "1")],
    },
    Preset {
        name: "keras-truncated-normal",
        formula: "Keras TruncatedNormal() defaults: N(0, 0.05²) cut at ±2σ, not rescaled",
        settings: &[("init", "truncnormal"), ("scale", "manual"), ("sigma", "0.05")],
    },
    Preset {
        name: "caffe-xavier",
        formula: "Caffe XavierFiller (FAN_IN): W ~ U(±√(3/fan_in)), bias constant 0",
        settings: &[("init", "uniform"), ("scale", "lecun")],
    },
    Preset {
        name: "playground",
        formula: "TensorFlow Playground: W ~ U(−0.5, 0.5), bias 0.1",
        settings: &[("init", "uniform"), ("scale", "manual"), ("sigma", HALF_OVER_SQRT3), ("bias", "0.1")],
    },
];

/// Every preset's name, in [`PRESETS`] order: the choices of the `preset` key.
pub const NAMES: [&str; PRESETS.len()] = names_of!(PRESETS, |p| p.name);

pub fn find(name: &str) -> Option<&'static Preset> {
    crate::position_of(&NAMES, name).map(|k| &PRESETS[k])
}

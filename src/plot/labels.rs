//! Every word the charts draw (issue #9).
//!
//! The field list is written once, in the [`labels!`] invocation below: it defines the
//! struct, [`Labels::entries`] and [`Labels::from_lookup`]. English is the constant [`EN`]
//! here (the default, and what native tests read); the page's other languages bring their
//! table with their page strings (`www/i18n/<code>.js`, `charts`), fetched only when
//! chosen (issue #10), and [`Labels::from_lookup`] checks it against English: every label
//! present, with the same `{0}`, `{1}` … placeholders. Templates take `{0}`, `{1}` … for
//! numbers already formatted (see `fill` in the charts), so a translation may put them in
//! any order.

/// Defines [`Labels`] from one list of field names (doc comments kept).
macro_rules! labels {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        #[derive(Debug)]
        pub struct Labels {
            $($(#[$doc])* pub $name: &'static str,)*
        }

        impl Labels {
            /// Every label as (field name, text), in the order of the struct.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                FIELDS.iter().map(|&field| (field.name(), *self.field(field))).collect()
            }

            /// A language's labels, each read by its field name from `lookup` and checked
            /// against English (see [`LabelError`]).
            pub fn from_lookup(
                mut lookup: impl FnMut(&'static str) -> Option<&'static str>,
            ) -> Result<Labels, LabelError> {
                // Start from English and replace each label in one loop over the fields,
                // not one check (or one copy) written out per field: the loop's code
                // appears once in the wasm.
                let mut labels = EN;
                for &field in &FIELDS {
                    let name = field.name();
                    let slot = labels.field_mut(field);
                    let english = *slot;
                    *slot = checked(name, lookup(name), english)?;
                }
                typography(&labels)?;
                Ok(labels)
            }

            /// The text of one label.
            fn field(&self, field: Field) -> &&'static str {
                match field {
                    $(Field::$name => &self.$name,)*
                }
            }

            /// Where one label's text is kept.
            fn field_mut(&mut self, field: Field) -> &mut &'static str {
                match field {
                    $(Field::$name => &mut self.$name,)*
                }
            }
        }

        /// One label of [`Labels`], by its field.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Field {
            $($name,)*
        }

        impl Field {
            /// The field's name, which is also the label's key in a language's table.
            fn name(self) -> &'static str {
                FIELD_NAMES[self as usize]
            }
        }

        /// Every field, in the order of the struct.
        const FIELDS: [Field; FIELD_NAMES.len()] = [$(Field::$name,)*];
        const FIELD_NAMES: &[&str] = &[$(stringify!($name),)*];
    };
}

labels! {
    /// A hidden layer by its 1-based index.
    layer,
    /// The output layer.
    output,
    one_unit,
    /// The digits' softmax output panel: why it has no curve.
    softmax_no_curve,
    units,
    z_std,
    saturated,
    dead,
    legend_curve,
    legend_z_hist,
    legend_saturated,
    /// Shown in a panel whose pre-activations are all NaN.
    z_not_finite,
    no_layers,
    step_axis,
    loss_axis,
    loss_axis_log,
    train,
    test,
    diverged_at,
    /// One side of a comparison diverged: its name, the step.
    side_diverged_at,
    /// The legend of one side's losses in a comparison: its name.
    side_losses,
    /// The digits' chance line: a uniform guess's loss over the ten classes, ln 10 (formatted).
    chance_level,
    no_history,
    no_finite_loss,
    weights_of,
    weight_axis,
    density_axis,
    share_axis,
    requested_actual,
    point_mass,
    /// The same for a network without a hidden layer (`layers=0`): one unit, no symmetry.
    point_mass_one_unit,
    legend_sampled,
    legend_pdf,
    legend_parent,
    legend_cut,
    /// Shown over a weight chart whose weights are all NaN.
    weights_not_finite,
    class0,
    class1,
    x1_axis,
    x2_axis,
    no_grid,
    grid_not_finite,
    // The digits' views, which replace the boundary for 8×8 images: the confusion matrix,
    // the misclassified test digits and the first layer's receptive fields.
    /// Right answers, test digits, accuracy as a percentage.
    confusion_caption,
    confusion_colour,
    confusion_truth_axis,
    confusion_predicted_axis,
    no_confusion,
    /// Misclassified test digits, test digits.
    mistakes_caption,
    /// How many of them are drawn (when not all).
    mistakes_shown,
    /// What the label under each digit says: its true class, then the network's answer.
    mistakes_legend,
    no_mistakes,
    no_images,
    /// Units drawn, units in the first layer.
    fields_caption,
    fields_scale,
    /// Units drawn, all identical.
    fields_identical,
    fields_zero,
    fields_not_images,
    /// The caption's pieces: how many runs, the share solved, the share stuck.
    restarts_count,
    restarts_solved,
    restarts_stuck,
    /// The same two for the digits, judged by the engine's goal for them (issue #20).
    restarts_solved_digits,
    restarts_stuck_digits,
    restarts_diverged,
    no_restarts,
    final_loss_axis,
    runs_axis,
    solved_line,
    stuck_line,
    stuck_line_digits,
    // The network diagram: its legend, the captions under each column (a long form and
    // a short one for narrow columns) and what a hover says.
    net_positive,
    net_negative,
    net_zero,
    net_width,
    net_ring,
    net_identical,
    net_inputs,
    net_inputs_short,
    net_hidden,
    net_hidden_short,
    net_output_short,
    /// "{0} of {1} shown": a wide layer drawn as a sample of its units.
    net_sampled,
    net_sampled_short,
    net_all_identical,
    net_identical_short,
    /// A layer whose weights started at 0: "moved at step {0}", or "weights all 0" while
    /// they still are (the unfreeze lesson).
    net_moved_at,
    net_moved_at_short,
    net_still_zero,
    net_still_zero_short,
    /// Unit names: {0} is "x₁", or the layer and the 1-based unit.
    net_input_unit,
    net_hidden_unit,
    net_output_unit,
    /// A weight: from, to, value; a bias: unit, value; an input: its name.
    net_weight_text,
    net_bias_text,
    net_input_text,
    // The loss landscape.
    alpha_axis,
    beta_axis,
    landscape_current,
    landscape_lowest,
    landscape_contour,
    /// The loss at the current weights.
    landscape_centre,
    /// The lowest loss in view and where: loss, α, β.
    landscape_lowest_at,
    landscape_lowest_here,
    landscape_colour_linear,
    landscape_colour_log,
    landscape_flat,
    /// Points computed so far, of all.
    landscape_computing,
    landscape_waiting,
    landscape_not_finite,
    /// What the saddle plane's two axes move.
    landscape_saddle_plane,
    // The phase diagram of mean-field theory.
    phase_x_axis,
    phase_y_axis,
    phase_critical,
    phase_current,
    phase_colour,
    /// Hidden layer, σ_w, σ_b, χ₁, ξ_c.
    phase_current_at,
    /// σ_w, σ_b.
    phase_outside,
    phase_not_centred,
    phase_no_hidden,
    phase_ordered,
    phase_chaotic,
    phase_presets,
    // Signals and gradients through depth.
    depth_x_axis,
    depth_y_axis,
    /// The output layer's short name on the depth chart's x axis.
    depth_output_tick,
    depth_z,
    depth_z_predicted,
    depth_delta,
    /// How sides A and B are told apart: their names.
    depth_sides,
    depth_zeros,
    depth_not_finite,
    depth_nothing,
    // Through depth: the network against the mean-field theory (issue #21).
    /// The two points compared ({0}, {1}) and σ_w, σ_b read from the weights ({2}, {3}).
    through_header,
    /// χ₁ ({0}) and ξ_c ({1}) at that init.
    through_phase,
    through_x_axis,
    through_length_axis,
    through_corr_axis,
    through_q_measured,
    through_q_theory,
    through_z_std,
    through_c_measured,
    through_c_theory,
    through_no_hidden,
    /// A picked point ({0}) past the training set's last index ({1}).
    through_point_out,
    through_one_layer,
    through_no_start,
    /// σ_w ({0}) or σ_b ({1}) read from the weights outside the theory's ranges.
    through_out_of_range,
    // The Jacobian's spectrum (orthogonal-depth).
    /// Layers of weights in the product ({0}) and the training point ({1}).
    spectrum_header,
    /// A side ({0}) and its condition number κ ({1}).
    spectrum_kappa,
    /// A side ({0}), its unresolved σ ({1} of {2}), the resolution ({3}) and κ's floor ({4}).
    spectrum_beyond,
    spectrum_x_axis,
    spectrum_y_axis,
    spectrum_too_shallow,
    /// The widest layer computed ({0}) and this network's widest ({1}).
    spectrum_too_wide,
    spectrum_not_finite,
    // Gradients per layer.
    gradients_header,
    gradients_weights,
    gradients_norm,
    gradients_all_zero,
    gradients_some_zero,
    gradients_none_zero,
    gradients_not_finite,
    /// The decimal sign numbers are written with: "," in Russian (0,68), "." in English,
    /// Chinese and Hindi. One character.
    decimal_sign,
    /// Line height as a multiple of the font size, between 1 and 3: "1.6" where the glyphs
    /// fill the whole em (Chinese; Devanagari, whose vowel signs reach above and below it),
    /// "1.35" for Latin and Cyrillic.
    line_height,
}

/// What is wrong with a language's table of chart labels: the label's field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelError {
    /// The table has no text for this label (or not a text).
    Missing(&'static str),
    /// The text is empty.
    Empty(&'static str),
    /// The text's `{0}`, `{1}` … placeholders are not English's, so a number would be lost
    /// or a placeholder left unfilled.
    Placeholders(&'static str),
    /// A typographic label (the decimal sign, the line height) is not of its form.
    Invalid(&'static str),
}

impl std::fmt::Display for LabelError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            LabelError::Missing(name) => write!(f, "the chart label '{name}' is missing"),
            LabelError::Empty(name) => write!(f, "the chart label '{name}' is empty"),
            LabelError::Invalid(name) => write!(
                f,
                "the chart label '{name}' must be one character (decimal_sign) or a number from 1 to 3 (line_height)"
            ),
            LabelError::Placeholders(name) => write!(
                f,
                "the chart label '{name}' must use the {{0}}, {{1}} … placeholders of English"
            ),
        }
    }
}

/// `text` for label `name` if it is there, not blank, and fills the placeholders `english`
/// fills (the templates have at most a few, numbered from 0).
fn checked(
    name: &'static str,
    text: Option<&'static str>,
    english: &str,
) -> Result<&'static str, LabelError> {
    let text = text.ok_or(LabelError::Missing(name))?;
    if text.trim().is_empty() {
        return Err(LabelError::Empty(name));
    }
    if placeholders(text) != placeholders(english) {
        return Err(LabelError::Placeholders(name));
    }
    Ok(text)
}

/// Which of the placeholders `{0}` … `{9}` `text` holds, one bit each: read in one pass
/// over its bytes rather than by searching for each placeholder in turn.
fn placeholders(text: &str) -> u16 {
    text.as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
        .fold(0, |held, w| held | 1 << (w[1] - b'0'))
}

impl Labels {
    /// The decimal sign of [`Labels::decimal_sign`] (checked to be one character).
    pub fn decimal(&self) -> char {
        self.decimal_sign.chars().next().unwrap_or('.')
    }

    /// The line height of [`Labels::line_height`] (checked to be a number from 1 to 3).
    pub fn leading(&self) -> f64 {
        parse_leading(self.line_height).unwrap_or(1.35)
    }
}

/// A line height from its label, if it is a number from 1 to 3.
fn parse_leading(text: &str) -> Option<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|h| (1.0..=3.0).contains(h))
}

/// The two labels that are not words but a language's typography, checked for their form.
fn typography(labels: &Labels) -> Result<(), LabelError> {
    if labels.decimal_sign.chars().count() != 1 {
        return Err(LabelError::Invalid("decimal_sign"));
    }
    if parse_leading(labels.line_height).is_none() {
        return Err(LabelError::Invalid("line_height"));
    }
    Ok(())
}

/// English.
pub const EN: Labels = Labels {
    layer: "hidden {0}",
    output: "output",
    one_unit: "1 unit",
    softmax_no_curve: "softmax: each p depends on all 10 z, no curve per unit",
    units: "{0} units",
    z_std: "z std {0}",
    saturated: "saturated {0}",
    dead: "dead {0}",
    legend_curve: "activation g(z)",
    legend_z_hist: "histogram of z",
    legend_saturated: "saturated: g′(z) < 1% of its max",
    z_not_finite: "z is not a number: the run diverged",
    no_layers: "no layers",
    step_axis: "step",
    loss_axis: "loss",
    loss_axis_log: "loss (log scale)",
    train: "train",
    test: "test",
    diverged_at: "diverged at step {0}",
    side_diverged_at: "{0} diverged at step {1}",
    side_losses: "{0}: train (thick), test (thin)",
    chance_level: "chance: ln 10 = {0}",
    no_history: "no steps yet",
    no_finite_loss: "the loss is not a finite number",
    weights_of: "weights of {0}",
    weight_axis: "weight value",
    density_axis: "density",
    share_axis: "share of weights",
    requested_actual: "requested σ {0} · actual std {1}",
    point_mass: "all weights = {0}: no randomness to break symmetry",
    point_mass_one_unit: "all weights = {0}: one unit, no symmetry to break",
    legend_sampled: "current weights",
    legend_pdf: "init density",
    legend_parent: "normal before the cut",
    legend_cut: "cut",
    weights_not_finite: "the weights are not numbers: the run diverged",
    class0: "class 0",
    class1: "class 1",
    x1_axis: "x₁",
    x2_axis: "x₂",
    no_grid: "no output to show",
    grid_not_finite: "the output is not a number: the run diverged",
    confusion_caption: "{0} of {1} test digits right ({2})",
    confusion_colour: "colour: share of each true class · numbers: counts",
    confusion_truth_axis: "true class",
    confusion_predicted_axis: "predicted class",
    no_confusion: "no test digits to count",
    mistakes_caption: "{0} of {1} test digits misclassified",
    mistakes_shown: "the first {0} shown",
    mistakes_legend: "under each: true → predicted",
    no_mistakes: "no test digit is misclassified",
    no_images: "the digit images are not loaded yet",
    fields_caption: "first layer: the 64 incoming weights of {0} of {1} units, each as an 8×8 image",
    fields_scale: "one colour scale for every unit, 0 = background",
    fields_identical: "all {0} identical: the units are copies of one another",
    fields_zero: "every weight is 0: each field is blank, all of them identical",
    fields_not_images: "the first layer does not read 8×8 images",
    restarts_count: "{0} runs",
    restarts_solved: "{0} solved (loss < 0.01)",
    restarts_stuck: "{0} stuck (loss > 0.1)",
    restarts_solved_digits: "{0} solved (test accuracy ≥ 90%)",
    restarts_stuck_digits: "{0} stuck (loss ≥ 2, near chance ln 10 = 2.30)",
    restarts_diverged: "{0} diverged (counted as stuck)",
    no_restarts: "no restarts yet: choose how many runs and press Run",
    final_loss_axis: "final training loss (log scale)",
    runs_axis: "runs",
    solved_line: "solved below 0.01",
    stuck_line: "stuck above 0.1",
    stuck_line_digits: "stuck from 2",
    net_positive: "positive",
    net_negative: "negative",
    net_zero: "zero",
    net_width: "width ∝ |w|, |b|",
    net_ring: "ring: bias",
    net_identical: "identical units",
    net_inputs: "inputs",
    net_inputs_short: "x",
    net_hidden: "hidden {0}",
    net_hidden_short: "h{0}",
    net_output_short: "out",
    net_sampled: "{0} of {1} shown",
    net_sampled_short: "{0}/{1}",
    net_all_identical: "all {0} identical",
    net_identical_short: "identical",
    net_moved_at: "moved at step {0}",
    net_moved_at_short: "step {0}",
    net_still_zero: "weights all 0",
    net_still_zero_short: "w = 0",
    net_input_unit: "input {0}",
    net_hidden_unit: "hidden {0} unit {1}",
    net_output_unit: "output unit {0}",
    net_weight_text: "{0} → {1}: w = {2}",
    net_bias_text: "{0}: b = {1}",
    net_input_text: "{0}: an input, no bias",
    alpha_axis: "α (along direction d₁)",
    beta_axis: "β (along d₂)",
    landscape_current: "current weights θ",
    landscape_lowest: "lowest in view",
    landscape_contour: "equal loss",
    landscape_centre: "loss at θ {0}",
    landscape_lowest_at: "lowest in view {0} at α {1}, β {2}",
    landscape_lowest_here: "θ is the lowest point in view",
    landscape_colour_linear: "colour: loss",
    landscape_colour_log: "colour: loss, log scale",
    landscape_flat: "flat: the loss is {0} everywhere in view",
    landscape_computing: "computing: {0} of {1} points",
    landscape_waiting: "computing the landscape…",
    landscape_not_finite: "the loss is not a number anywhere in view: the run diverged",
    landscape_saddle_plane: "saddle plane: d₁ moves hidden unit 1's weights, its bias and its output weight together; d₂ the output bias",
    phase_x_axis: "σ_w = std(w)·√fan_in",
    phase_y_axis: "σ_b² (variance of the biases)",
    phase_critical: "critical line χ₁ = 1",
    phase_current: "current init",
    phase_colour: "colour: depth scale ξ_c in layers, log scale (trainable to about 6 ξ_c layers)",
    phase_current_at: "current init (hidden layer {0}'s weights): σ_w {1}, σ_b {2}, χ₁ {3}, ξ_c {4}",
    phase_outside: "current init: σ_w {0}, σ_b {1}, outside the diagram",
    phase_not_centred: "current init: constant weights or biases, not drawn from N(0, σ²): no point on the diagram",
    phase_no_hidden: "no hidden layer: nothing propagates through depth, no point on the diagram",
    phase_ordered: "ordered",
    phase_chaotic: "chaotic",
    phase_presets: "LeCun, Glorot, He (gain 1, biases 0)",
    depth_x_axis: "hidden layer → output",
    depth_y_axis: "std (log scale)",
    depth_output_tick: "out",
    depth_z: "std(z) measured",
    depth_z_predicted: "std(z) predicted",
    depth_delta: "std(δ), δ = ∂loss/∂z",
    depth_sides: "{0} solid, {1} dotted",
    depth_zeros: "not drawn, exactly 0 (nothing flows there; a log scale has no 0): {0}",
    depth_not_finite: "not drawn, not a number (the run diverged): {0}",
    depth_nothing: "nothing to draw on a log scale: every std is 0 or not a number",
    through_header: "training points #{0} and #{1}; theory with σ_w = {2}, σ_b = {3} read from the weights of hidden layers 2 and up",
    through_phase: "χ₁ = {0} (below 1 ordered, above 1 chaotic); correlation depth ξ_c = {1} layers",
    through_x_axis: "hidden layer",
    through_length_axis: "length (log scale)",
    through_corr_axis: "correlation c",
    through_q_measured: "√q measured (rms of z)",
    through_q_theory: "√q theory",
    through_z_std: "std(z) measured",
    through_c_measured: "c of the two points, measured",
    through_c_theory: "c theory",
    through_no_hidden: "no hidden layer: nothing travels through depth",
    through_point_out: "point {0} is not a training point (they are numbered 0 to {1})",
    through_one_layer: "one hidden layer: the theory has no layer above the first to predict",
    through_no_start: "no theory: the first hidden layer has no length or correlation to start from (its z are 0 or not numbers)",
    through_out_of_range: "no theory: the weights read as σ_w = {0}, σ_b = {1}, outside its ranges σ_w ∈ (0, 10], σ_b ∈ [0, 10]",
    spectrum_header: "singular values σ of the Jacobian from the first to the last hidden layer ({0} layers of weights), at training point #{1}",
    spectrum_kappa: "{0}: condition number κ = σ_max/σ_min = {1}",
    spectrum_beyond: "{0}: {1} of {2} σ lie below {3}·σ_max, beyond the resolution (not drawn): κ > {4}",
    spectrum_x_axis: "singular value σ (log scale)",
    spectrum_y_axis: "count (√ scale)",
    spectrum_too_shallow: "needs two hidden layers or more: the Jacobian runs from the first to the last",
    spectrum_too_wide: "computed for hidden layers of up to {0} units (this network has {1})",
    spectrum_not_finite: "the weights are not numbers: the run diverged",
    gradients_header: "|∂L/∂w| of each weight, log scale, the same axis in every panel",
    gradients_weights: "{0} weights",
    gradients_norm: "gradient norm {0}",
    gradients_all_zero: "all {0} gradients are exactly 0: this layer cannot learn",
    gradients_some_zero: "{0} of {1} are exactly 0",
    gradients_none_zero: "no gradient is exactly 0",
    gradients_not_finite: "the gradients are not numbers: the run diverged",
    decimal_sign: ".",
    line_height: "1.35",
};

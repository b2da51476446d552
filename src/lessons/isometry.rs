//! `orthogonal-depth`: dynamical isometry (Saxe et al. 2014; Pennington, Schoenholz & Ganguli
//! 2017). Through 32 linear layers of 64, an orthogonal init (A) and LeCun's Gaussian (B) both
//! keep the mean square of a signal: E‖Wv‖² = ‖v‖² for either, so std(z) and std(δ) hardly
//! tell them apart. What differs is the Jacobian J = ∂a_32/∂a_1 ([`crate::spectrum`]): A's is
//! an orthogonal matrix, every singular value exactly 1, while B's stretches a few directions
//! and crushes the rest, its condition number κ = σ_max/σ_min beyond 10⁶ (the resolution of
//! the computation) already at 8 layers. The verdict reads κ of both at the step-0 draw, and
//! std(δ) of the first hidden layer over the last's beside it.

use super::lesson::{Evidence, Judge, Lesson, Message, Needs, Verdict, View};
use super::settings;
use crate::experiment::Snapshot;
use crate::spectrum::{Spectrum, Spread, RESOLUTION};

/// The training point whose Jacobian is read (with linear units J is the same at every point).
pub const SPECTRUM_POINT: usize = 0;

/// "Isometric enough": κ at most 10. A's linear orthogonal net has κ − 1 ≈ 4e-7 (f32 weights);
/// with tanh units its κ rose to 2.0–6.2 on seeds 1–10 (the task), still a tight spectrum.
pub const ISOMETRIC_UP_TO: f64 = 10.0;

/// B's κ must exceed A's by this factor (two orders of magnitude) for the contrast to hold.
/// Measured: B's κ is beyond 10⁶ on seeds 1–10, linear or tanh.
pub const WIDER_BY: f64 = 100.0;

/// std(δ) of the first hidden layer over the last's (1 with one hidden layer).
fn delta_ratio(s: &Snapshot) -> f64 {
    let hidden = s.layers.split_last().map_or(&[][..], |(_, rest)| rest);
    match hidden {
        [first, .., last] => first.delta_std / last.delta_std,
        _ => 1.0,
    }
}

/// κ as a number for the message (1/[`RESOLUTION`] when only its floor is known) and whether
/// it was resolved.
fn kappa(s: &Spectrum) -> (f64, bool) {
    match s.spread() {
        Spread::Measured(k) => (k, true),
        Spread::AtLeast(k) => (k, false),
        Spread::Zero => (f64::INFINITY, false),
    }
}

fn orthogonal_depth(e: &Evidence, b: &Snapshot) -> Verdict {
    let spectra = e.spectra.map(|s| (&s.a, s.b.as_ref()));
    let Some((Ok(sa), Some(Ok(sb)))) = spectra else {
        let max = crate::spectrum::MAX_WIDTH;
        return Verdict::new(
            false,
            Message::new("orthogonal-depth.noSpectrum").with("max", max),
        );
    };
    let ((kappa_a, _), (kappa_b, b_resolved)) = (kappa(sa), kappa(sb));
    // Written so that a NaN is neither isometric nor wider.
    let isometric = kappa_a <= ISOMETRIC_UP_TO;
    let wider = kappa_b >= WIDER_BY * kappa_a;
    let name = if !isometric {
        "aSpread"
    } else if !wider {
        "bTight"
    } else if b_resolved {
        "holds"
    } else {
        "holdsBeyond"
    };
    let message = Message::new(&format!("orthogonal-depth.{name}"))
        .with("kappa_a", kappa_a)
        .with("kappa_b", kappa_b)
        .with("max_a", sa.largest())
        .with("min_a", sa.smallest())
        .with("max_b", sb.largest())
        // κ's floor when B is unresolved; the sentences write it as 10⁶ (1/RESOLUTION).
        .with("floor", 1.0 / RESOLUTION)
        .with("delta_a", delta_ratio(e.a))
        .with("delta_b", delta_ratio(b))
        .with("depth", sa.depth);
    Verdict::new(name.starts_with("holds"), message)
}

pub const ORTHOGONAL_DEPTH: Lesson = Lesson {
    id: settings::ORTHOGONAL_DEPTH.id,
    settings: settings::ORTHOGONAL_DEPTH.query,
    steps: 0,
    view: View::Spectrum,
    needs: Needs::Spectrum,
    judge: Judge::AgainstB(orthogonal_depth),
};

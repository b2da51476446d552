//! The network diagram's geometry (src/diagram.rs): where units and edges go, how wide and
//! which colour each is, and what a hover finds.

mod common;
use common::experiment;
use initlab::diagram::{sample, Diagram, Frame, Group, Role, Sign, Target, UnitRef, MAX_SHOWN};
use initlab::mlp::Mlp;

/// A desktop-sized frame with room for a legend and captions.
fn frame() -> Frame {
    Frame::new(900.0, 360.0, 24.0, 48.0)
}

fn mlp_of(changes: &[(&str, &str)]) -> Mlp {
    experiment(changes).mlp().clone()
}

/// `W[to][from]` of weight layer `l`, read straight from the parameters.
fn weight(mlp: &Mlp, l: usize, from: usize, to: usize) -> f64 {
    let shape = mlp.layers[l];
    f64::from(mlp.params[shape.w_at + to * shape.n_in + from])
}

#[test]
fn every_unit_and_its_ring_stays_inside_the_canvas() {
    let nets = [
        mlp_of(&[]),
        mlp_of(&[("layers", "1")]),
        mlp_of(&[("layers", "64,64,64,64,64,64,64,64")]),
        mlp_of(&[("layers", "256,3"), ("bias", "init")]),
    ];
    let frames = [
        frame(),
        Frame::new(358.0, 300.0, 60.0, 48.0),
        Frame::new(40.0, 30.0, 10.0, 10.0),
        Frame::new(0.0, 0.0, 0.0, 0.0),
        Frame::new(f64::NAN, f64::INFINITY, -3.0, 5.0),
    ];
    for mlp in &nets {
        for f in frames {
            let d = Diagram::new(mlp, f);
            assert_eq!(d.columns.len(), mlp.sizes.len());
            for u in &d.units {
                let reach = d.radius + u.ring;
                assert!(u.x.is_finite() && u.y.is_finite(), "{f:?}: {u:?}");
                assert!(u.x - reach >= 0.0 && u.x + reach <= f.width.max(0.0) + 1e-9);
                assert!(
                    u.y - reach >= f.top - 1e-9 && u.y + reach <= f.height - f.bottom + 1e-9
                        || f.height <= f.top + f.bottom,
                    "{f:?}: unit {u:?} leaves the room between legend and captions"
                );
            }
            // Columns run left to right: inputs, hidden layers, output.
            assert!(d.columns.windows(2).all(|c| c[0].x < c[1].x) || f.width <= 0.0);
            assert_eq!(d.columns[0].role, Role::Input);
            assert_eq!(d.columns.last().unwrap().role, Role::Output);
        }
    }
}

#[test]
fn wide_layers_show_the_first_8_and_last_7_units_around_an_ellipsis() {
    let mlp = mlp_of(&[("layers", "64,16,17")]);
    let d = Diagram::new(&mlp, frame());
    let sizes: Vec<usize> = d.columns.iter().map(|c| c.shown.len()).collect();
    assert_eq!(sizes, [2, 15, 16, 15, 1]);
    for column in &d.columns {
        assert!(column.shown.len() + usize::from(column.ellipsis.is_some()) <= MAX_SHOWN);
        assert_eq!(column.ellipsis.is_some(), column.size > MAX_SHOWN);
    }
    let wide = &d.columns[1];
    let expected: Vec<usize> = (0..8).chain(57..64).collect();
    assert_eq!(wide.shown, expected);
    // The ellipsis stands between unit 7 and unit 57.
    let ys: Vec<f64> = d.units_of(1).map(|u| u.y).collect();
    let (_, gap_y) = wide.ellipsis.unwrap();
    assert!(ys[7] < gap_y && gap_y < ys[8]);
    // Only edges between shown units are drawn: 2·15 + 15·16 + 16·15 + 15·1.
    assert_eq!(d.edges.len(), 2 * 15 + 15 * 16 + 16 * 15 + 15);
    assert_eq!(sample(3), (vec![0, 1, 2], None));
}

#[test]
fn constant_init_draws_every_edge_of_a_layer_alike() {
    let mlp = mlp_of(&[
        ("init", "constant"),
        ("const", "0.3"),
        ("act", "sigmoid"),
        ("layers", "8,8"),
        ("bias", "0.1"),
    ]);
    let d = Diagram::new(&mlp, frame());
    for (g, _) in d.groups.iter().enumerate() {
        let edges: Vec<_> = d.edges.iter().filter(|e| e.group == g).collect();
        assert!(edges
            .iter()
            .all(|e| e.width == edges[0].width && e.sign == edges[0].sign));
    }
    for column in d.columns.iter().skip(1) {
        assert_eq!(column.distinct, Some(1));
        assert_eq!(column.all_identical(), column.size > 1);
    }
    for c in 1..d.columns.len() {
        let units: Vec<_> = d.units_of(c).collect();
        assert!(units
            .iter()
            .all(|u| u.ring == units[0].ring && u.sign == Sign::Positive && u.ring > 0.0));
    }
    // And a random init does not.
    let random = Diagram::new(&mlp_of(&[("layers", "8,8")]), frame());
    assert_eq!(random.columns[1].distinct, Some(8));
    let widths: Vec<f64> = random.edges.iter().map(|e| e.width).collect();
    assert!(widths.iter().any(|w| *w != widths[0]));
}

#[test]
fn widths_are_linear_in_the_magnitude_on_one_scale_and_tiny_weights_stay_visible() {
    let mut mlp = mlp_of(&[("layers", "4")]);
    let n = mlp.params.len();
    for (k, p) in mlp.params.iter_mut().enumerate() {
        *p = (k as f32 - n as f32 / 2.0) * 0.01;
    }
    mlp.params[0] = 1e-7;
    let d = Diagram::new(&mlp, frame());
    let (thin, wide) = d.widths();
    assert!(thin > 0.0 && wide > thin);
    assert_eq!(
        d.scale,
        f64::from(mlp.params.iter().fold(0.0f32, |m, p| m.max(p.abs())))
    );
    let tiny = d.edges.iter().find(|e| e.weight == 1e-7f32 as f64).unwrap();
    assert!(tiny.width >= thin && tiny.sign == Sign::Positive);
    for e in &d.edges {
        let expected = thin + (wide - thin) * e.weight.abs() / d.scale;
        assert!((e.width - expected).abs() < 1e-12);
        assert_eq!(
            d.width_of(-e.weight),
            e.width,
            "the sign does not change the width"
        );
    }
}

#[test]
fn zero_init_draws_thin_neutral_edges_and_no_rings() {
    let d = Diagram::new(&mlp_of(&[("init", "zeros")]), frame());
    assert_eq!(d.scale, 0.0);
    assert!(d
        .edges
        .iter()
        .all(|e| e.sign == Sign::Zero && e.width == d.min_width));
    assert!(d.units.iter().all(|u| u.ring == 0.0));
}

#[test]
fn the_midpoint_of_an_edge_hits_that_edges_weight() {
    let mlp = mlp_of(&[("layers", "5,3"), ("bias", "init")]);
    let d = Diagram::new(&mlp, frame());
    let mut unique = 0;
    for e in &d.edges {
        let mid = e.at(0.5);
        let hit = d.hit(mid, 4.0).expect("an edge's midpoint hits something");
        let Target::Weight {
            layer,
            from,
            to,
            value,
        } = hit.target
        else {
            panic!("the midpoint of {e:?} hit {hit:?}");
        };
        assert!(hit.distance < 1e-9);
        // Edges can cross at a midpoint: the one found passes through it, and its value is
        // the engine's weight for the units it names.
        assert_eq!(value, weight(&mlp, layer, from.index, to.index));
        assert_eq!((from.column + 1, to.column), (to.column, layer + 1));
        let through = d.edges.iter().filter(|o| o.distance(mid) < 1e-9).count();
        if through == 1 {
            unique += 1;
            assert_eq!((from.index, to.index, value), (e.from, e.to, e.weight));
        }
    }
    assert!(unique > 0);
    // In a 2-1-1 network no two edges cross: every midpoint is its own edge's.
    let mlp = mlp_of(&[("layers", "1"), ("bias", "init")]);
    let d = Diagram::new(&mlp, frame());
    for e in &d.edges {
        match d.hit(e.at(0.5), 4.0).map(|h| h.target) {
            Some(Target::Weight {
                from, to, value, ..
            }) => {
                assert_eq!((from.index, to.index, value), (e.from, e.to, e.weight))
            }
            other => panic!("the midpoint of {e:?} hit {other:?}"),
        }
    }
}

#[test]
fn a_unit_centre_hits_its_bias_and_an_input_has_none() {
    let mlp = mlp_of(&[("layers", "4,3"), ("bias", "init")]);
    let d = Diagram::new(&mlp, frame());
    for u in &d.units {
        let hit = d.hit((u.x, u.y), 6.0).unwrap();
        let unit = UnitRef {
            column: u.column,
            index: u.index,
        };
        match hit.target {
            Target::Bias {
                layer,
                unit: got,
                value,
            } => {
                assert_eq!(got, unit);
                assert_eq!(layer, u.column - 1);
                let b_at = mlp.layers[layer].b_at;
                assert_eq!(value, f64::from(mlp.params[b_at + u.index]));
            }
            Target::Input { unit: got } => assert_eq!((got, u.column), (unit, 0)),
            other => panic!("a unit centre hit {other:?}"),
        }
    }
    // Far from everything: nothing.
    assert_eq!(d.hit((1.0, 1.0), 3.0), None);
    assert_eq!(d.hit((f64::NAN, 3.0), 3.0), None);
}

#[test]
fn a_diverged_network_is_flagged_and_still_lays_out() {
    let mut mlp = mlp_of(&[]);
    mlp.params[3] = f32::NAN;
    mlp.params[7] = f32::INFINITY;
    let d = Diagram::new(&mlp, frame());
    assert!(d.diverged);
    assert!(d.scale.is_finite() && d.scale > 0.0);
    let bad: Vec<_> = d
        .edges
        .iter()
        .filter(|e| e.sign == Sign::NotFinite)
        .collect();
    assert_eq!(bad.len(), 2);
    assert!(bad.iter().all(|e| e.width == d.min_width));
    assert!(d.edges.iter().all(|e| e.width.is_finite()));
}

/// The planned shortcut (the inputs also feed the output unit) is one more group: its
/// edges arch over the hidden layers and hover like any other weight.
#[test]
fn a_group_that_skips_columns_is_drawn_as_a_curve_over_them() {
    let mut mlp = mlp_of(&[("layers", "4,4")]);
    let w_at = mlp.params.len();
    mlp.params.extend([0.5, -0.25]);
    let mut groups = Group::dense(&mlp);
    let last = mlp.sizes.len() - 1;
    groups.push(Group {
        from: 0,
        to: last,
        w_at,
        layer: mlp.layers.len(),
    });
    let f = frame();
    let d = Diagram::with_groups(&mlp, &groups, f);
    let shortcut: Vec<_> = d.edges.iter().filter(|e| e.group == 3).collect();
    assert_eq!(shortcut.len(), 2);
    let peaks: Vec<f64> = shortcut.iter().map(|e| e.at(0.5).1).collect();
    assert!(
        (peaks[0] - f.top).abs() < 1e-9,
        "the highest arch peaks at the top of the room"
    );
    assert!(peaks[1] > peaks[0], "the other nests under it");
    let hidden_top = d.units_of(1).map(|u| u.y).fold(f64::INFINITY, f64::min);
    assert!(
        peaks[1] < hidden_top - d.radius,
        "and still passes over the hidden units"
    );
    for e in &shortcut {
        assert!(e.bend.is_some());
        let hit = d.hit(e.at(0.5), 4.0).unwrap();
        match hit.target {
            Target::Weight {
                layer,
                from,
                to,
                value,
            } => {
                assert_eq!((layer, from.column, to.column), (3, 0, last));
                assert_eq!(value, e.weight);
            }
            other => panic!("the shortcut's midpoint hit {other:?}"),
        }
    }
    assert!(d
        .edges
        .iter()
        .filter(|e| e.group < 3)
        .all(|e| e.bend.is_none()));
    // A group beyond the parameters is left out, not a panic.
    let broken = Group {
        from: 0,
        to: last,
        w_at: mlp.params.len(),
        layer: 9,
    };
    let d = Diagram::with_groups(&mlp, &[broken], f);
    assert!(d.edges.is_empty() && d.groups.is_empty());
}

#[test]
fn a_shortcut_net_draws_its_input_to_output_weights_as_arches() {
    // The XOR 2-1 net: the output reads [hidden ; x], its last two weights the shortcut's.
    let mlp = mlp_of(&[("layers", "1"), ("shortcut", "1"), ("data", "xor4")]);
    let d = Diagram::new(&mlp, frame());
    let last = mlp.sizes.len() - 1;
    let arches: Vec<_> = d.edges.iter().filter(|e| e.bend.is_some()).collect();
    assert_eq!(arches.len(), 2, "one arch per input");
    let top = mlp.layers.len() - 1;
    for e in &arches {
        let group = d.groups[e.group];
        assert_eq!((group.from, group.to), (0, last));
        // Column `from` + 1 hidden unit: the shortcut weights sit after the hidden one.
        assert_eq!(e.weight, weight(&mlp, top, 1 + e.from, 0));
        match d.hit(e.at(0.5), 4.0).unwrap().target {
            Target::Weight { layer, value, .. } => {
                assert_eq!(layer, top);
                assert_eq!(value, e.weight);
            }
            other => panic!("the arch's midpoint hit {other:?}"),
        }
    }
    // Without the shortcut, no arch.
    let plain = mlp_of(&[("layers", "1"), ("data", "xor4")]);
    assert!(Diagram::new(&plain, frame())
        .edges
        .iter()
        .all(|e| e.bend.is_none()));
}

/// The digits' 64 pixels are an input column like any wide layer: the first 8 and last 7
/// pixels around an ellipsis, edges only from those, and the 10 softmax outputs all shown.
#[test]
fn the_64_pixel_inputs_of_the_digits_are_sampled_like_any_wide_layer() {
    let mut mlp = Mlp::new(&[64, 32, 10], initlab::activation::Activation::Tanh);
    for (k, p) in mlp.params.iter_mut().enumerate() {
        *p = ((k % 7) as f32 - 3.0) * 0.1;
    }
    let d = Diagram::new(&mlp, frame());
    let inputs = &d.columns[0];
    assert_eq!(inputs.role, Role::Input);
    assert_eq!(inputs.size, 64);
    assert_eq!(inputs.shown, (0..8).chain(57..64).collect::<Vec<_>>());
    assert!(inputs.ellipsis.is_some());
    assert_eq!(
        d.columns[2].shown.len(),
        10,
        "every digit's output is shown"
    );
    // Edges into the first hidden layer come from the 15 pixels shown, into its 15 units shown.
    let first: Vec<_> = d.edges.iter().filter(|e| e.group == 0).collect();
    assert_eq!(first.len(), 15 * 15);
    assert!(first.iter().all(|e| inputs.shown.contains(&e.from)));
    for u in &d.units {
        assert!(
            u.x > 0.0 && u.x < 900.0 && u.y > 0.0 && u.y < 360.0,
            "{u:?}"
        );
    }
}

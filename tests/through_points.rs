//! Picking the through-depth view's points by a click on the data view (issue #21 §2):
//! the nearest training point on the screen, none for a click off the plot.

use initlab::data::{DataSpec, Dataset, DatasetKind};
use initlab::plot::pick::{nearest, PlotMap};

/// A 200 × 100 plot at (10, 20) over x ∈ [−1, 1], y ∈ [0, 4]: the axes' scales differ
/// (100 px per unit across, 25 px per unit up).
fn map() -> PlotMap {
    PlotMap::new((10.0, 20.0, 200.0, 100.0), [-1.0, 1.0], [0.0, 4.0]).unwrap()
}

#[test]
fn a_point_is_drawn_where_its_axes_put_it() {
    let m = map();
    assert_eq!(m.pixel([-1.0, 4.0]), Some((10.0, 20.0)));
    assert_eq!(m.pixel([1.0, 0.0]), Some((210.0, 120.0)));
    assert_eq!(m.pixel([0.0, 2.0]), Some((110.0, 70.0)));
    assert_eq!(m.pixel([1.5, 2.0]), None, "off the x range: not drawn");
}

#[test]
fn a_click_on_a_point_picks_it() {
    let points = [[-0.5, 1.0], [0.5, 3.0], [0.0, 2.0]];
    let m = map();
    for (index, p) in points.iter().enumerate() {
        let (x, y) = m.pixel(*p).unwrap();
        assert_eq!(nearest(&m, &points, x + 1.0, y - 1.0), Some(index));
    }
}

#[test]
fn nearest_is_measured_on_the_screen_not_in_input_units() {
    // From the click at (110, 70) (input (0, 2)): point 0 is 0.3 input units away across
    // (30 px), point 1 is 0.8 units away up (20 px). In input units 0 is nearer; on screen 1 is.
    let points = [[0.3, 2.0], [0.0, 2.8]];
    assert_eq!(nearest(&map(), &points, 110.0, 70.0), Some(1));
}

#[test]
fn a_click_off_the_plot_or_not_a_number_picks_nothing() {
    let points = [[0.0, 2.0]];
    let m = map();
    assert_eq!(nearest(&m, &points, 5.0, 70.0), None, "left of the plot");
    assert_eq!(nearest(&m, &points, 110.0, 121.0), None, "below it");
    assert_eq!(nearest(&m, &points, f64::NAN, 70.0), None);
    assert_eq!(nearest(&m, &points, 110.0, f64::INFINITY), None);
    assert_eq!(nearest(&m, &[], 110.0, 70.0), None, "no point drawn");
    assert_eq!(
        nearest(&m, &[[3.0, 2.0]], 110.0, 70.0),
        None,
        "its only point lies off the axes"
    );
}

#[test]
fn an_empty_or_broken_plot_is_no_map() {
    assert!(PlotMap::new((0.0, 0.0, 0.0, 10.0), [0.0, 1.0], [0.0, 1.0]).is_none());
    assert!(PlotMap::new((0.0, 0.0, 10.0, 10.0), [1.0, 1.0], [0.0, 1.0]).is_none());
    assert!(PlotMap::new((f64::NAN, 0.0, 10.0, 10.0), [0.0, 1.0], [0.0, 1.0]).is_none());
    assert!(PlotMap::new((0.0, 0.0, 10.0, 10.0), [0.0, 1.0], [0.0, f64::NAN]).is_none());
}

#[test]
fn every_training_point_of_a_real_dataset_is_picked_by_a_click_on_it() {
    // XOR's 4 points and the circles' hundreds: a click right on a point picks that point
    // (or one drawn at the very same pixel).
    for kind in [DatasetKind::Xor4, DatasetKind::Circles] {
        let data = Dataset::generate(&DataSpec {
            kind,
            points: 200,
            noise: 0.1,
            seed: 1,
        });
        let raw = &data.train.raw;
        let pad = |lo: f64, hi: f64| [lo - 0.1, hi + 0.1];
        let (xs, ys): (Vec<f64>, Vec<f64>) = raw.iter().map(|p| (p[0], p[1])).unzip();
        let range = |v: &[f64]| {
            let lo = v.iter().cloned().fold(f64::INFINITY, f64::min);
            let hi = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            pad(lo, hi)
        };
        let m = PlotMap::new((0.0, 0.0, 300.0, 300.0), range(&xs), range(&ys)).unwrap();
        for (index, p) in raw.iter().enumerate() {
            let (x, y) = m.pixel(*p).unwrap();
            let picked = nearest(&m, raw, x, y).unwrap();
            assert_eq!(m.pixel(raw[picked]), Some((x, y)), "{kind:?} point {index}");
        }
    }
}

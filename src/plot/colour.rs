//! The heatmaps' colour scale: viridis, perceptually uniform and readable with the common
//! colour-vision deficiencies, because it runs monotonically from dark to light (its
//! lightness alone orders the values, even in greyscale).
//!
//! The scale is the nine-stop sampling of matplotlib's viridis (van der Walt & Smith, 2015,
//! as in R's `viridisLite::viridis(9)`), interpolated between the stops in CIELAB, where
//! lightness runs linearly between the stops (interpolating in sRGB would let it dip).

/// viridis at t = 0, 1/8, …, 1.
const VIRIDIS: [[u8; 3]; 9] = [
    [68, 1, 84],
    [71, 45, 123],
    [59, 82, 139],
    [44, 114, 142],
    [33, 144, 140],
    [39, 173, 129],
    [93, 200, 99],
    [170, 220, 50],
    [253, 231, 37],
];

/// What a cell with no value (not computed yet, or not a number) is painted: a mid grey,
/// outside the scale's hues.
pub const MISSING: [u8; 3] = [150, 150, 150];

/// viridis at `t` ∈ [0, 1] (dark purple at 0, yellow at 1); `t` is clamped, NaN gives [`MISSING`].
pub fn viridis(t: f64) -> [u8; 3] {
    if t.is_nan() {
        return MISSING;
    }
    let x = t.clamp(0.0, 1.0) * (VIRIDIS.len() - 1) as f64;
    let k = (x.floor() as usize).min(VIRIDIS.len() - 2);
    let f = x - k as f64;
    let (a, b) = (to_lab(VIRIDIS[k]), to_lab(VIRIDIS[k + 1]));
    from_lab(std::array::from_fn(|c| a[c] + f * (b[c] - a[c])))
}

/// Entries of [`viridis_table`].
pub const TABLE: usize = 256;

/// viridis at t = k / 255 for k = 0 … 255, computed once: what the heatmaps look colours up
/// in, a thousand times per frame, instead of converting through CIELAB each time.
pub fn viridis_table() -> &'static [[u8; 3]; TABLE] {
    static TABLE_ONCE: std::sync::OnceLock<[[u8; 3]; TABLE]> = std::sync::OnceLock::new();
    TABLE_ONCE.get_or_init(|| std::array::from_fn(|k| viridis(k as f64 / (TABLE - 1) as f64)))
}

/// viridis at `t` from [`viridis_table`] (the nearest of its 256 entries; NaN gives [`MISSING`]).
pub fn viridis_fast(t: f64) -> [u8; 3] {
    if t.is_nan() {
        return MISSING;
    }
    viridis_table()[(t.clamp(0.0, 1.0) * (TABLE - 1) as f64).round() as usize]
}

/// The D65 white point in XYZ.
const WHITE: [f64; 3] = [0.95047, 1.0, 1.08883];
/// CIELAB's δ = 6/29, where its cube root gives way to a straight line.
const DELTA: f64 = 6.0 / 29.0;

/// sRGB (0 … 255) to CIELAB [L*, a*, b*].
fn to_lab(rgb: [u8; 3]) -> [f64; 3] {
    let [r, g, b] = rgb.map(|c| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            libm::pow((c + 0.055) / 1.055, 2.4)
        }
    });
    let xyz = [
        0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
        0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
        0.0193339 * r + 0.1191920 * g + 0.9503041 * b,
    ];
    let [fx, fy, fz] = std::array::from_fn(|i| {
        let t = xyz[i] / WHITE[i];
        if t > DELTA.powi(3) {
            libm::cbrt(t)
        } else {
            t / (3.0 * DELTA * DELTA) + 4.0 / 29.0
        }
    });
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIELAB back to sRGB, each channel clamped to 0 … 255.
fn from_lab([l, a, b]: [f64; 3]) -> [u8; 3] {
    let fy = (l + 16.0) / 116.0;
    let f = [fy + a / 500.0, fy, fy - b / 200.0];
    let [x, y, z] = std::array::from_fn(|i| {
        let t = f[i];
        WHITE[i]
            * if t > DELTA {
                t * t * t
            } else {
                3.0 * DELTA * DELTA * (t - 4.0 / 29.0)
            }
    });
    let linear = [
        3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
        -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
        0.0556434 * x - 0.2040259 * y + 1.0572252 * z,
    ];
    linear.map(|c| {
        let c = c.clamp(0.0, 1.0);
        let s = if c <= 0.0031308 {
            12.92 * c
        } else {
            1.055 * libm::pow(c, 1.0 / 2.4) - 0.055
        };
        (s * 255.0).round() as u8
    })
}

/// The page's palette as the charts use it. It is defined once, as CSS custom properties in
/// `www/style.css` (`:root`, and its `prefers-color-scheme: dark` block): the page's CSS uses
/// them, the charts read them from the page at draw time ([`Palette::from_lookup`] over the
/// computed style), and the native contrast test reads the stylesheet itself
/// ([`Palette::from_stylesheet`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// The charts' background (the page's panels).
    pub background: Rgba,
    /// Titles, values, legends.
    pub ink: Rgba,
    /// Axis labels and secondary text.
    pub muted: Rgba,
    /// Grid lines.
    pub grid: Rgba,
    /// Histogram bars (z, weights, gradients, restarts).
    pub bars: Rgba,
    /// Class 0 and class 1 (also train/A and B), then the second line of a chart (test loss).
    pub series: [Rgba; 3],
    /// Saturated regions, the density weights were drawn from, failures.
    pub alarm: Rgba,
    /// The divergence marker, truncation cuts, identical units.
    pub marker: Rgba,
}

/// An sRGB colour with its opacity (0 … 255).
pub type Rgba = [u8; 4];

/// The custom property each colour of [`Palette`] is read from, in the order of its fields.
pub const PALETTE_PROPERTIES: [&str; 10] = [
    "--panel",
    "--ink",
    "--muted",
    "--chart-grid",
    "--chart-bars",
    "--chart-a",
    "--chart-b",
    "--chart-c",
    "--chart-alarm",
    "--chart-marker",
];

impl Palette {
    /// The palette from `value(property)` for each of [`PALETTE_PROPERTIES`]; an `Err` names
    /// the first property that is missing or not a colour.
    pub fn from_lookup(mut value: impl FnMut(&str) -> Option<String>) -> Result<Palette, String> {
        let mut colours = [[0u8; 4]; 10];
        for (colour, name) in colours.iter_mut().zip(PALETTE_PROPERTIES) {
            let text = value(name).unwrap_or_default();
            *colour = parse_hex(text.trim()).ok_or_else(|| {
                format!("the page's colour {name} is not a #hex colour: {text:?}")
            })?;
        }
        let [background, ink, muted, grid, bars, a, b, c, alarm, marker] = colours;
        Ok(Palette {
            background,
            ink,
            muted,
            grid,
            bars,
            series: [a, b, c],
            alarm,
            marker,
        })
    }

    /// The palette as a stylesheet defines it: the custom properties of its first `:root`
    /// rule, overridden (when `dark`) by those of a `:root` inside `@media
    /// (prefers-color-scheme: dark)`.
    pub fn from_stylesheet(css: &str, dark: bool) -> Result<Palette, String> {
        let light = root_block(css).ok_or("the stylesheet has no :root rule")?;
        let dark_block = match dark {
            false => "",
            true => css
                .find("prefers-color-scheme: dark")
                .and_then(|at| root_block(&css[at..]))
                .ok_or("the stylesheet has no dark :root rule")?,
        };
        Palette::from_lookup(|name| {
            custom_property(dark_block, name).or_else(|| custom_property(light, name))
        })
    }
}

/// The declarations of the first `:root { … }` in `css`.
fn root_block(css: &str) -> Option<&str> {
    let start = css.find(":root")?;
    let open = start + css[start..].find('{')? + 1;
    let close = open + css[open..].find('}')?;
    Some(&css[open..close])
}

/// The value of custom property `name` among `declarations` (comments skipped).
fn custom_property(declarations: &str, name: &str) -> Option<String> {
    without_comments(declarations)
        .split(';')
        .find_map(|declaration| {
            let (key, value) = declaration.split_once(':')?;
            (key.trim() == name).then(|| value.trim().to_string())
        })
}

/// `css` with its `/* … */` comments left out (an unclosed one runs to the end).
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(open) = rest.find("/*") {
        out.push_str(&rest[..open]);
        rest = rest[open + 2..]
            .find("*/")
            .map_or("", |close| &rest[open + 2 + close + 2..]);
    }
    out.push_str(rest);
    out
}

/// `#rgb`, `#rrggbb` or `#rrggbbaa` as [r, g, b, a].
pub fn parse_hex(text: &str) -> Option<Rgba> {
    let hex = text.strip_prefix('#')?;
    let digit = |k: usize| hex[k..=k].chars().next()?.to_digit(16).map(|d| d as u8);
    let byte = |k: usize| Some(digit(k)? * 16 + digit(k + 1)?);
    if !hex.is_ascii() {
        return None;
    }
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17, 255]),
        6 => Some([byte(0)?, byte(2)?, byte(4)?, 255]),
        8 => Some([byte(0)?, byte(2)?, byte(4)?, byte(6)?]),
        _ => None,
    }
}

/// An sRGB channel as linear light (0 … 1).
fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        libm::pow((c + 0.055) / 1.055, 2.4)
    }
}

/// Relative luminance Y of an sRGB colour (0 black … 1 white), as WCAG 2 and CIELAB use it.
fn relative_luminance([r, g, b]: [u8; 3]) -> f64 {
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2 contrast ratio of two colours, 1 (none) … 21 (black on white); text needs 4.5.
pub fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// CIELAB lightness L* (0 black … 100 white) of an sRGB colour, D65 white.
pub fn lightness(colour: [u8; 3]) -> f64 {
    let y = relative_luminance(colour);
    if y > 216.0 / 24389.0 {
        116.0 * libm::cbrt(y) - 16.0
    } else {
        y * 24389.0 / 27.0
    }
}

/// Whether lines and marks drawn over `colour` should be light (over the dark end of the
/// scale) rather than dark, so that they keep their contrast everywhere on the map.
pub fn wants_light_ink(colour: [u8; 3]) -> bool {
    lightness(colour) < 55.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratio_spans_1_to_21() {
        assert!((contrast_ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio([90, 90, 90], [90, 90, 90]) - 1.0).abs() < 1e-12);
    }

    /// WCAG AA for normal text (the charts' 11–12 px labels): at least 4.5:1, light and dark,
    /// in the one palette the page and the charts share.
    #[test]
    fn chart_text_has_at_least_4_5_to_1_contrast_in_light_and_dark() {
        let css = include_str!("../../www/style.css");
        for dark in [false, true] {
            let palette =
                Palette::from_stylesheet(css, dark).expect("the page defines its palette");
            let rgb = |c: Rgba| [c[0], c[1], c[2]];
            for ink in [palette.ink, palette.muted] {
                let ratio = contrast_ratio(rgb(ink), rgb(palette.background));
                assert!(
                    ratio >= 4.5,
                    "{ink:?} on {:?}: {ratio:.2}",
                    palette.background
                );
            }
        }
    }

    #[test]
    fn the_dark_palette_differs_from_the_light_one() {
        let css = include_str!("../../www/style.css");
        let (light, dark) = (
            Palette::from_stylesheet(css, false).unwrap(),
            Palette::from_stylesheet(css, true).unwrap(),
        );
        assert_ne!(light.background, dark.background);
        assert!(lightness([dark.background[0], dark.background[1], dark.background[2]]) < 20.0);
    }

    #[test]
    fn hex_colours_parse_and_others_do_not() {
        assert_eq!(parse_hex("#1d232b"), Some([29, 35, 43, 255]));
        assert_eq!(parse_hex("#fff"), Some([255, 255, 255, 255]));
        assert_eq!(parse_hex("#56b4e98c"), Some([86, 180, 233, 140]));
        for bad in ["", "#12", "1d232b", "#1d232g", "rgb(0,0,0)", "#ééé"] {
            assert_eq!(parse_hex(bad), None, "{bad}");
        }
        let missing = Palette::from_lookup(|name| (name != "--muted").then(|| "#000".into()));
        assert!(missing.unwrap_err().contains("--muted"));
        // A comment with a colon before a declaration does not hide it.
        let css = ":root { /* a: b */ --ink: #123456; --panel: #fff; }";
        assert_eq!(
            custom_property(root_block(css).unwrap(), "--ink").as_deref(),
            Some("#123456")
        );
    }

    #[test]
    fn viridis_gets_lighter_all_the_way_up() {
        // Strictly, at every 1/64 of the scale (steps of about 1.2 L*) …
        let steps = 64;
        let ls: Vec<f64> = (0..=steps)
            .map(|k| lightness(viridis(k as f64 / steps as f64)))
            .collect();
        for (k, pair) in ls.windows(2).enumerate() {
            assert!(
                pair[1] > pair[0],
                "L* does not rise after t = {}: {pair:?}",
                k as f64 / 64.0
            );
        }
        assert!(
            ls[0] < 20.0 && ls[steps] > 85.0,
            "from {} to {}",
            ls[0],
            ls[steps]
        );
        // … and between them never back by more than rounding to 8-bit channels.
        let fine = 1024;
        let mut highest = f64::NEG_INFINITY;
        for k in 0..=fine {
            let l = lightness(viridis(k as f64 / fine as f64));
            assert!(l > highest - 0.25, "L* falls to {l} after {highest}");
            highest = highest.max(l);
        }
    }

    #[test]
    fn the_table_is_viridis_at_its_own_points() {
        for k in [0, 1, 77, 128, 254, 255] {
            let t = k as f64 / 255.0;
            assert_eq!(viridis_fast(t), viridis(t));
        }
        assert_eq!(viridis_fast(f64::NAN), MISSING);
        assert_eq!(viridis_fast(2.0), viridis(1.0));
    }

    #[test]
    fn viridis_ends_and_missing_values() {
        assert_eq!(viridis(0.0), VIRIDIS[0]);
        assert_eq!(viridis(1.0), VIRIDIS[8]);
        assert_eq!(viridis(-3.0), VIRIDIS[0]);
        assert_eq!(viridis(7.0), VIRIDIS[8]);
        assert_eq!(viridis(f64::NAN), MISSING);
    }

    #[test]
    fn lab_round_trips_the_stops() {
        for stop in VIRIDIS {
            assert_eq!(from_lab(to_lab(stop)), stop);
            assert!((to_lab(stop)[0] - lightness(stop)).abs() < 0.01);
        }
    }

    #[test]
    fn lightness_of_black_grey_and_white() {
        assert!(lightness([0, 0, 0]).abs() < 1e-9);
        assert!((lightness([255, 255, 255]) - 100.0).abs() < 1e-6);
        assert!((lightness([119, 119, 119]) - 50.0).abs() < 0.5);
    }

    #[test]
    fn ink_is_light_over_the_dark_end_and_dark_over_the_light_end() {
        assert!(wants_light_ink(viridis(0.0)));
        assert!(!wants_light_ink(viridis(1.0)));
    }
}

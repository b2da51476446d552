//! Line breaking for the charts' captions and messages, in any of the page's scripts.
//!
//! English, Russian and Hindi break at spaces only: a Devanagari word is one unit, since
//! breaking between its letters would split a conjunct or a vowel sign from its consonant.
//! Chinese has no spaces, so every Han character (and kana, for completeness) is a unit of
//! its own; CJK punctuation such as "，" or "：" stays with the character before it, as
//! Chinese typesetting wants (no line starts with a comma).

/// One unbreakable piece of text and whether a space separated it from the one before.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit<'t> {
    pub text: &'t str,
    pub space_before: bool,
}

/// A character a line may break before and after without a space (Han, kana, CJK symbols).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // kana
        | 0x3400..=0x4DBF   // Han extension A
        | 0x4E00..=0x9FFF   // Han
        | 0xF900..=0xFAFF   // Han compatibility
        | 0x20000..=0x2FFFF // Han extensions B…
    )
}

/// CJK punctuation that must not start a line: it stays with the unit before it.
const CLOSING: &[char] = &[
    '，', '。', '、', '：', '；', '！', '？', '）', '」', '』', '】', '〉', '》', '…', '”', '’',
];

/// Punctuation that must not end a line: it stays with the unit after it.
const OPENING: &[char] = &['（', '「', '『', '【', '〈', '《', '“', '‘', '('];

fn is_closing(c: char) -> bool {
    CLOSING.contains(&c)
}

fn is_opening(c: char) -> bool {
    OPENING.contains(&c)
}

/// The text cut into units a line may break between: words at spaces, and inside a word
/// before and after every CJK character (keeping punctuation with its neighbour).
pub fn units(text: &str) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut start = 0;
        let mut prev: Option<char> = None;
        for (i, c) in word.char_indices() {
            if let Some(p) = prev {
                if (is_cjk(c) || is_cjk(p)) && !is_closing(c) && !is_opening(p) {
                    out.push(Unit {
                        text: &word[start..i],
                        space_before: start == 0,
                    });
                    start = i;
                }
            }
            prev = Some(c);
        }
        out.push(Unit {
            text: &word[start..],
            space_before: start == 0,
        });
    }
    out
}

/// Greedy lines of `text` no wider than `max` (by `width`), breaking only between units;
/// a unit wider than `max` gets a line of its own.
pub fn wrap(text: &str, max: f64, width: impl Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for unit in units(text) {
        if let Some(line) = lines.last_mut() {
            let joined = if unit.space_before {
                format!("{line} {}", unit.text)
            } else {
                format!("{line}{}", unit.text)
            };
            if width(&joined) <= max {
                *line = joined;
                continue;
            }
        }
        lines.push(unit.text.to_string());
    }
    lines
}

/// `pieces` joined by `separator` into as few lines as fit in `max`; a piece that fits on
/// no line by itself is wrapped by [`wrap`].
pub fn wrap_pieces(
    pieces: &[String],
    separator: &str,
    max: f64,
    width: impl Fn(&str) -> f64,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for piece in pieces {
        if let Some(line) = lines.last_mut() {
            let joined = format!("{line}{separator}{piece}");
            if width(&joined) <= max {
                *line = joined;
                continue;
            }
        }
        if width(piece) <= max {
            lines.push(piece.clone());
        } else {
            lines.extend(wrap(piece, max, &width));
        }
    }
    lines
}

/// A text's width in em, estimated without a canvas (for layouts worked out before
/// drawing): a CJK character is a full em wide, any other character `narrow` em, and a
/// combining mark (a Devanagari vowel sign or virama) nothing, as it sits on its consonant.
pub fn estimate_em(text: &str, narrow: f64) -> f64 {
    text.chars()
        .map(|c| {
            if is_cjk(c) || is_closing(c) || is_opening(c) && !c.is_ascii() {
                1.0
            } else if is_combining(c) {
                0.0
            } else {
                narrow
            }
        })
        .sum()
}

/// Devanagari's dependent vowel signs, nukta and virama: they take no width of their own.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963)
}

//! Reading a decimal number as the nearest f64, exactly as `str::parse::<f64>` does.
//!
//! Why not `str::parse`? It is exact and fast, but its fast path (Eisel–Lemire) carries
//! a 20 KB table of powers of five into the wasm: about 12 kB of the page's gzipped
//! download, to read the few numbers of a link. This reader accepts the same text and
//! gives the same f64, bit for bit (`tests/decimal.rs` holds it to `str::parse` on random
//! text, on every kind of f64 printed back, and on the exact halfway points between two
//! neighbouring f64s), with no table:
//!
//! 1. the common case, at most 15 significant digits and a power of ten up to 10²², is
//!    one exact IEEE multiplication or division, hence correctly rounded;
//! 2. otherwise a first guess within a few units in the last place is corrected by
//!    comparing the decimal value, as an exact big integer, with the midpoints between
//!    the guess and its neighbours (Clinger's "algorithm R"), then ties go to even.

use std::cmp::Ordering;

/// The number in `text`, or `None` if it is not one. The grammar is `str::parse::<f64>`'s:
/// an optional sign, then `inf`, `infinity` or `nan` in any case, or digits with an
/// optional point and an optional exponent (`1`, `-0.5`, `.5`, `5.`, `2e-3`, `1E+6`),
/// with no spaces. Out-of-range values give ±infinity or ±0, as `str::parse` does.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = named(body).or_else(|| Decimal::read(body).map(|d| d.nearest()))?;
    Some(if negative { -magnitude } else { magnitude })
}

/// `inf`, `infinity` and `nan`, in any case.
fn named(body: &str) -> Option<f64> {
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// The value `digits × 10^exponent`, `digits` being the significant decimal digits
/// (0–9, no leading or trailing zero; empty for zero).
struct Decimal {
    digits: Vec<u8>,
    exponent: i64,
}

/// Digits kept. A midpoint between two f64s has at most 767 significant digits, so any
/// digits after the 800th only matter as "some nonzero digit follows": one `1` stands
/// for them all.
const MAX_DIGITS: usize = 800;

/// Beyond this the exponent only says "overflow" or "underflow" (and cannot overflow i64).
const EXPONENT_CAP: i64 = 1_000_000;

impl Decimal {
    /// Reads `digits[.digits][(e|E)[sign]digits]`, with at least one mantissa digit.
    fn read(body: &str) -> Option<Decimal> {
        let bytes = body.as_bytes();
        let mut decimal = Decimal {
            digits: Vec::new(),
            exponent: 0,
        };
        let mut i = 0;
        let mut seen_digit = false;
        let mut dropped_nonzero = false;
        for in_fraction in [false, true] {
            while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
                seen_digit = true;
                i += 1;
                let digit = b - b'0';
                if decimal.digits.is_empty() && digit == 0 {
                    // A leading zero: only its place counts.
                    decimal.exponent -= i64::from(in_fraction);
                } else if decimal.digits.len() < MAX_DIGITS {
                    decimal.digits.push(digit);
                    decimal.exponent -= i64::from(in_fraction);
                } else {
                    dropped_nonzero |= digit != 0;
                    decimal.exponent += i64::from(!in_fraction);
                }
            }
            if in_fraction || bytes.get(i) != Some(&b'.') {
                break;
            }
            i += 1;
        }
        if !seen_digit {
            return None;
        }
        if i < bytes.len() {
            decimal.exponent += exponent_part(&bytes[i..])?;
        }
        if dropped_nonzero {
            decimal.digits.push(1);
            decimal.exponent -= 1;
        }
        while decimal.digits.last() == Some(&0) {
            decimal.digits.pop();
            decimal.exponent += 1;
        }
        Some(decimal)
    }

    /// The f64 nearest to this (non-negative) value, ties to even.
    fn nearest(&self) -> f64 {
        let count = self.digits.len() as i64;
        // The value lies in [10^(magnitude - 1), 10^magnitude).
        let magnitude = count + self.exponent;
        if self.digits.is_empty() || magnitude < -324 {
            return 0.0; // below half the smallest subnormal, 2.5e-324
        }
        if magnitude > 310 {
            return f64::INFINITY; // above f64::MAX, 1.8e308
        }
        if count <= 15 && self.exponent.abs() <= 22 {
            // Both operands are exact, so one IEEE operation rounds correctly.
            let digits = self.leading_digits(15) as f64;
            let scale = exact_power_of_ten(self.exponent.unsigned_abs() as i32);
            return if self.exponent >= 0 {
                digits * scale
            } else {
                digits / scale
            };
        }
        self.corrected(self.guess())
    }

    /// The first `n` digits (at most 19, which fit in a u64) as an integer.
    fn leading_digits(&self, n: usize) -> u64 {
        let head = &self.digits[..self.digits.len().min(n)];
        head.iter().fold(0, |acc, &d| acc * 10 + u64::from(d))
    }

    /// A first guess within a few units in the last place: the first 19 digits times a
    /// power of ten, in two steps so that nothing underflows or overflows on the way.
    fn guess(&self) -> f64 {
        let head = self.digits.len().min(19);
        let mut power = self.exponent + (self.digits.len() - head) as i64;
        let mut guess = self.leading_digits(19) as f64;
        for half in [power / 2, power - power / 2] {
            guess *= libm::pow(10.0, half as f64);
            power -= half;
        }
        debug_assert_eq!(power, 0);
        guess.clamp(f64::from_bits(1), f64::MAX)
    }

    /// Moves `z` one f64 at a time until it is the nearest to this value (ties to even).
    fn corrected(&self, mut z: f64) -> f64 {
        loop {
            let up = z.next_up();
            match self.compare_with_midpoint(z) {
                Ordering::Greater => z = up,
                Ordering::Equal => return if z.to_bits() & 1 == 0 { z } else { up },
                Ordering::Less if z == 0.0 => return z,
                Ordering::Less => {
                    let down = z.next_down();
                    match self.compare_with_midpoint(down) {
                        Ordering::Less => z = down,
                        Ordering::Equal => return if down.to_bits() & 1 == 0 { down } else { z },
                        Ordering::Greater => return z,
                    }
                }
            }
            if z.is_infinite() {
                return z;
            }
        }
    }

    /// This value against the midpoint between `z` (finite, ≥ 0) and the next f64 up,
    /// exactly: with `z = m × 2^k`, the midpoint is `(2m + 1) × 2^(k − 1)`, which holds
    /// at the top of a binade and at f64::MAX too.
    fn compare_with_midpoint(&self, z: f64) -> Ordering {
        let bits = z.to_bits();
        let biased = (bits >> 52) as i64;
        let fraction = bits & ((1 << 52) - 1);
        let (m, k) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1 << 52), biased - 1075)
        };
        let mut value = Big::from_digits(&self.digits);
        let mut midpoint = Big::from_u64(2 * m + 1);
        if self.exponent >= 0 {
            value.mul_power_of_ten(self.exponent as u32);
        } else {
            midpoint.mul_power_of_ten(self.exponent.unsigned_abs() as u32);
        }
        if k >= 1 {
            midpoint.shift_left((k - 1) as u32);
        } else {
            value.shift_left((1 - k) as u32);
        }
        value.cmp(&midpoint)
    }
}

/// The exponent after a mantissa: `e` or `E`, an optional sign, at least one digit, and
/// nothing else. Capped at ±[`EXPONENT_CAP`].
fn exponent_part(bytes: &[u8]) -> Option<i64> {
    let (&marker, rest) = bytes.split_first()?;
    if marker != b'e' && marker != b'E' {
        return None;
    }
    let (negative, digits) = match rest.first() {
        Some(b'-') => (true, &rest[1..]),
        Some(b'+') => (false, &rest[1..]),
        _ => (false, rest),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let size = digits.iter().fold(0i64, |acc, &b| {
        (acc * 10 + i64::from(b - b'0')).min(EXPONENT_CAP)
    });
    Some(if negative { -size } else { size })
}

/// 10^n for n ≤ 22, exactly: every factor and product below 10²² is an f64.
fn exact_power_of_ten(n: i32) -> f64 {
    (0..n).fold(1.0, |acc, _| acc * 10.0)
}

/// An unsigned big integer, base 2³² limbs, least significant first: just the four
/// operations the exact comparison needs.
#[derive(PartialEq, Eq)]
struct Big {
    limbs: Vec<u32>,
}

impl Big {
    fn from_u64(x: u64) -> Big {
        let mut big = Big {
            limbs: vec![x as u32, (x >> 32) as u32],
        };
        big.trim();
        big
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big { limbs: Vec::new() };
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0, |acc, &d| acc * 10 + u32::from(d));
            big.mul_add(10u32.pow(chunk.len() as u32), value);
        }
        big
    }

    /// self = self × factor + carry.
    fn mul_add(&mut self, factor: u32, mut carry: u32) {
        for limb in &mut self.limbs {
            let wide = u64::from(*limb) * u64::from(factor) + u64::from(carry);
            *limb = wide as u32;
            carry = (wide >> 32) as u32;
        }
        if carry != 0 {
            self.limbs.push(carry);
        }
    }

    fn mul_power_of_ten(&mut self, mut n: u32) {
        while n > 0 {
            let step = n.min(9);
            self.mul_add(10u32.pow(step), 0);
            n -= step;
        }
    }

    fn shift_left(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.limbs {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        if !self.limbs.is_empty() {
            self.limbs.splice(0..0, std::iter::repeat_n(0, words));
        }
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        // Both are trimmed (no zero top limb), so the longer one is larger.
        self.limbs
            .len()
            .cmp(&other.limbs.len())
            .then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

// Every number the page writes, in the page's language: the one place that formats them,
// on Intl.NumberFormat (the decimal sign, rounding, exponents). strings.js sets the language
// (useLanguage) and passes every number it fills into a sentence through localNumber.
// Grouping is off everywhere: a readout of 12345 stays "12345", as the URL writes it.

/** The page's language and its word for a missing value (set by strings.js). */
const current = { code: "en", missing: "—" };

/** Formatters by language and options: building one costs more than using it. */
const formatters = new Map();

/** Sets the language numbers are written in, and the text shown for a missing one. */
export function setNumberLanguage(code, missing) {
  current.code = code;
  current.missing = missing;
}

/** The Intl.NumberFormat of the page's language with `options` (grouping off). */
function formatter(options) {
  const key = `${current.code} ${JSON.stringify(options)}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.NumberFormat(current.code, { useGrouping: false, ...options }));
  return formatters.get(key);
}

/**
 * `x` written by `options`, with "e" as the exponent's sign (Intl writes "E"). Only an
 * exponent needs the parts: `format` writes the same text ~30× faster (~0.7 against ~20 µs
 * a call, measured in V8), and the first frame writes ~45 numbers, a playing frame as many.
 */
function written(x, options) {
  if (options.notation !== "scientific") return formatter(options).format(x);
  const parts = formatter(options).formatToParts(x);
  return parts.map((part) => (part.type === "exponentSeparator" ? "e" : part.value)).join("");
}

/**
 * A number (or a number already written as text, "0.0316", "1e-7") exactly as JavaScript
 * writes it, with the language's decimal sign: a setting's value, which must read back as
 * the same number. Any other text is returned as it is.
 */
export function localNumber(value) {
  const text = String(value);
  if (current.code === "en" || !/^[-−]?\d+(\.\d+)?(e[-+]?\d+)?$/.test(text)) return text;
  const decimal = formatter({}).formatToParts(1.5).find((part) => part.type === "decimal");
  return decimal ? text.replace(".", decimal.value) : text;
}

/** `x` with exactly `digits` digits after the decimal sign (a loss, a time in seconds). */
export function fixed(x, digits) {
  if (!Number.isFinite(x)) return current.missing;
  return written(x, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** 100·`share` with `digits` decimals, for a "{value} %" sentence. */
export const percentOf = (share, digits) => fixed(100 * share, digits);

/** Whether `x` is written with an exponent: far from 1 in either direction. */
const needsExponent = (x) => x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6);

/**
 * `x` with exactly `digits` significant digits (a statistic that spans many scales: 0.500,
 * 1.23e-5), trailing zeros kept so that a column of them lines up.
 */
export function significant(x, digits = 3) {
  if (!Number.isFinite(x)) return current.missing;
  const notation = needsExponent(x) ? "scientific" : "standard";
  return written(x, { notation, minimumSignificantDigits: digits, maximumSignificantDigits: digits });
}

/**
 * `x` rounded to at most `digits` significant digits, trailing zeros dropped (0.95, 8.12119,
 * 6.2e-16); a whole number as it is.
 */
export function rounded(x, digits = 3) {
  if (!Number.isFinite(x)) return current.missing;
  if (Number.isInteger(x) && !needsExponent(x)) return written(x, { maximumFractionDigits: 0 });
  const notation = needsExponent(x) ? "scientific" : "standard";
  return written(x, { notation, maximumSignificantDigits: digits });
}

/**
 * A share given as its log10, so that far tails keep shares no JS number holds: "0.954"
 * near 1, "6.2e-16" for [8σ, 9σ], "4.0e-350" for [40σ, 41σ].
 */
export function shareFromLog10(log10) {
  if (!Number.isFinite(log10)) return current.missing;
  if (log10 > -3) return rounded(10 ** log10);
  const exponent = Math.floor(log10);
  const mantissa = 10 ** (log10 - exponent);
  return mantissa >= 9.95 ? `${fixed(1, 1)}e${exponent + 1}` : `${fixed(mantissa, 1)}e${exponent}`;
}

/** Plural rules by language (Intl.PluralRules, built once each). */
const pluralRules = new Map();

/** The plural category ("one", "few", "many", "other"…) of the count `n` in the page's language. */
export function pluralCategory(n) {
  if (!pluralRules.has(current.code)) pluralRules.set(current.code, new Intl.PluralRules(current.code));
  return pluralRules.get(current.code).select(n);
}

/**
 * Builds the formatters the first frame's readouts use, so that the one-time cost of the
 * first Intl.NumberFormat (its locale data: tens of ms on a slow phone) is paid while the
 * engine still downloads and compiles, not inside the first frame.
 */
export function prepareNumbers() {
  for (const digits of [0, 1, 3, 4]) fixed(0.5, digits);
  significant(0.5);
  significant(1e-5);
  rounded(0.5);
  rounded(0.5, 6);
  rounded(1);
}

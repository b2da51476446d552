// Every user-visible string of the page, one table per language.
// English (www/i18n/en.js, STRINGS.en here) is always loaded: it is the fallback for any
// key a translation lacks. The other languages live in www/i18n/<code>.js and are loaded
// on demand with import() (only the active one). Markup names a string with
// data-i18n="key" (text) or data-i18n-aria="key" (aria-label); scripts use
// text("key", {name: value}). The charts' own words are in Rust (src/plot/labels/), the
// engine's error templates too (src/error.rs, MESSAGES); the lessons' English titles in
// lessons-titles.js, the rest of their words with the lesson panel (lesson-words.js).

import { strings as english } from "./i18n/en.js";
import { formatMessage } from "./message-format.js";
import { localNumber, pluralCategory, setNumberLanguage } from "./numbers.js";

/** The page's languages, by code, with their own names for the picker: the one list. */
export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "zh", name: "中文" },
  { code: "ru", name: "Русский" },
  { code: "hi", name: "हिन्दी" },
];

const STRINGS = { en: english };

/**
 * English as a language module (the shape of www/i18n/<code>.js), without its lessons' words:
 * those come with the lesson panel (lesson-words.js), which falls back to them.
 */
const ENGLISH = { strings: STRINGS.en, errors: {} };

/** The active language: its code, its module, the engine's English error templates. */
const active = { code: "en", words: ENGLISH, explicit: false, englishErrors: {} };

/** The language module of `code` (English at once, the others fetched on first use). */
export async function languageModule(code) {
  if (code === "en") return ENGLISH;
  if (!LANGUAGES.some((l) => l.code === code)) throw new Error(`no language '${code}'`);
  return import(`./i18n/${code}.js`);
}

/** Makes `code` the page's language (loading its table first); `explicit` keeps it in the URL. */
export async function useLanguage(code, explicit) {
  active.words = await languageModule(code);
  active.code = code;
  active.explicit = explicit;
  setNumberLanguage(code, text("noValue"));
  document.documentElement.lang = code;
}

/** The active language's chart labels for the wasm's setChartLanguage (none for English,
 * whose labels are the engine's own). */
export const chartLabels = () => active.words.charts;

/** The active language's code, and whether the page's URL should carry it (`lang=`). */
export const currentLanguage = () => active.code;
export const languageInUrl = () => (active.explicit ? active.code : null);

/** The engine's English error templates, `[[id, template], …]` (wasm errorMessages()). */
export function setEnglishErrors(pairs) {
  active.englishErrors = Object.fromEntries(pairs);
}

/**
 * Fills `{name}` placeholders and `{name, plural, …}` blocks of `template` from `values`,
 * numbers in the language's form and nouns in the form its grammar gives the count.
 */
function fill(template, values, word = localNumber) {
  return formatMessage(template, values, word, pluralCategory);
}

/** The string `key` in the page's language, with `{name}` placeholders filled in. */
export function text(key, values = {}) {
  const template = active.words.strings[key] ?? STRINGS.en[key] ?? key;
  return fill(template, values);
}

/**
 * An engine message `{id, args}` (a ConfigError's `text`) in the page's language; an
 * argument may itself be a message (the reason a link's value was left out).
 */
export function engineText(message) {
  if (!message || typeof message !== "object") return String(message ?? "");
  const template = active.words.errors[message.id] ?? active.englishErrors[message.id] ?? message.id;
  return fill(template, message.args ?? {}, (arg) =>
    typeof arg === "object" && arg !== null ? engineText(arg) : localNumber(arg),
  );
}

/** A refusal or notice `{field, error, text}` as "field: message" in the page's language. */
export function errorText({ field, error, text: message }) {
  if (!message) return error ?? "";
  return field ? `${field}: ${engineText(message)}` : engineText(message);
}

/**
 * An error the engine threw (`step`, `landscape`, `restarts`), worded in the page's
 * language: the same Error, its message replaced when it carries a message id.
 */
export function localizedError(error) {
  if (error?.text) error.message = errorText({ field: error.field, error: error.message, text: error.text });
  return error;
}

/**
 * The active language's table `name` (`lessons`, `verdicts`, `questions`, `tasks`); undefined
 * in English, whose own are apart (lessons-titles.js and the lesson panel's tables).
 */
export const activeTable = (name) => active.words[name];

/**
 * The label of the menu option `value` of the URL key `key`: the string named key + Value
 * ("initTruncnormal", "dataXor4"), or the value itself where there is none (preset names).
 */
export function optionText(key, value) {
  const name = key + value.charAt(0).toUpperCase() + value.slice(1);
  return active.words.strings[name] ?? STRINGS.en[name] ?? value;
}

/**
 * A layer's name in the page's language, from the name the engine gives it in the
 * snapshot ("hidden 2", "output"): the page never works out which layer is which.
 */
export function layerName(name) {
  const hidden = /^hidden (\d+)$/.exec(name);
  if (hidden) return text("hiddenLayer", { index: hidden[1] });
  return name === "output" ? text("outputLayer") : name;
}

/**
 * Fills every element marked with data-i18n / data-i18n-aria under `root`, every menu
 * option marked data-i18n-option="key" (its label from optionText) and data-i18n-layer
 * (a layer's name), so a language switch relabels the page in place.
 */
export function applyStaticText(root) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = text(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("[data-i18n-aria]")) {
    el.setAttribute("aria-label", text(el.dataset.i18nAria));
  }
  for (const el of root.querySelectorAll("[data-i18n-option]")) {
    el.textContent = optionText(el.dataset.i18nOption, el.value);
  }
  for (const el of root.querySelectorAll("[data-i18n-layer]")) {
    el.textContent = layerName(el.dataset.i18nLayer);
  }
  document.title = text("title");
}

export { STRINGS };

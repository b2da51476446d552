// Numbers agree with their nouns in every verdict (issue #19): every verdict template of
// English, Russian and Hindi is formatted at the counts 0, 1, 2, 5, 21, 22 and 25, and
// every count followed by a noun this file knows must be followed by the form the
// language's grammar gives that count. Chinese has no plural forms and is not checked.
//
// The forms are the grammar books', written out per noun; the count's category is CLDR's
// (Intl.PluralRules), the one the page itself uses. Russian: "1 нейрон", "2 нейрона",
// "5 нейронов", and after a preposition that takes the genitive ("из", "у", …) "из 1 веса",
// "из 2 весов". Hindi: "1 इकाई", "2 इकाइयाँ", and before a postposition (का, में, …) the
// oblique plural "2 भारों का".

import assert from "node:assert/strict";
import { test } from "node:test";
import { LESSON_VERDICTS } from "../../www/lessons-verdicts.js";
import { formatMessage, templateNames } from "../../www/message-format.js";

const COUNTS = [0, 1, 2, 5, 21, 22, 25];

/** Arguments that are names (a layer's name), not numbers. */
const NAME_ARGS = new Set(["layer", "above", "below", "lesson", "side"]);

/** Russian nouns and adjectives that follow counts: [nominative/accusative, genitive] forms by category. */
const RUSSIAN = [
  [{ one: "нейрон", few: "нейрона", many: "нейронов" }, { one: "нейрона", few: "нейронов", many: "нейронов" }],
  [{ one: "различный", few: "различных", many: "различных" }, { one: "различного", few: "различных", many: "различных" }],
  [{ one: "мёртвый", few: "мёртвых", many: "мёртвых" }, { one: "мёртвого", few: "мёртвых", many: "мёртвых" }],
  [{ one: "вес", few: "веса", many: "весов" }, { one: "веса", few: "весов", many: "весов" }],
  [{ one: "шаг", few: "шага", many: "шагов" }, { one: "шага", few: "шагов", many: "шагов" }],
  [{ one: "слой", few: "слоя", many: "слоёв" }, { one: "слоя", few: "слоёв", many: "слоёв" }],
  [{ one: "зерно", few: "зерна", many: "зёрен" }, { one: "зерна", few: "зёрен", many: "зёрен" }],
  [{ one: "запуск", few: "запуска", many: "запусков" }, { one: "запуска", few: "запусков", many: "запусков" }],
  [{ one: "точка", few: "точки", many: "точек" }, { one: "точки", few: "точек", many: "точек" }],
  [{ one: "раз", few: "раза", many: "раз" }, { one: "раза", few: "раз", many: "раз" }],
];
/** Prepositions after which a Russian count and its noun are in the genitive. */
const RUSSIAN_GENITIVE = new Set(["из", "у", "от", "до", "без", "для", "около", "после", "кроме"]);

/** Hindi nouns that follow counts: [direct, oblique] forms by category (CLDR: 0 and 1 are "one"). */
const HINDI = [
  [{ one: "इकाई", other: "इकाइयाँ" }, { one: "इकाई", other: "इकाइयों" }],
  [{ one: "भार", other: "भार" }, { one: "भार", other: "भारों" }],
  [{ one: "चरण", other: "चरण" }, { one: "चरण", other: "चरणों" }],
  [{ one: "परत", other: "परतें" }, { one: "परत", other: "परतों" }],
  [{ one: "भार-परत", other: "भार-परतें" }, { one: "भार-परत", other: "भार-परतों" }],
  [{ one: "बिंदु", other: "बिंदु" }, { one: "बिंदु", other: "बिंदुओं" }],
];
/** Hindi postpositions: a noun before one is oblique. */
const HINDI_POSTPOSITIONS = new Set(["का", "की", "के", "में", "से", "पर", "को", "तक"]);

/** English nouns that follow counts. */
const ENGLISH = [
  ["unit", "units"], ["weight", "weights"], ["step", "steps"], ["layer", "layers"], ["seed", "seeds"],
  ["run", "runs"], ["point", "points"], ["time", "times"],
].map(([one, other]) => [{ one, other }]);

/** Trailing punctuation: it ends a count's phrase. */
const CLOSING = /[»),.:;!?"।—]+$/u;

/** The words of `sentence`, punctuation stripped, and after which of them a phrase ends. */
function words(sentence) {
  const raw = sentence.split(/\s+/);
  return {
    list: raw.map((w) => w.replace(/^[«(„"]+/u, "").replace(CLOSING, "")),
    ends: raw.map((w) => CLOSING.test(w)),
  };
}

/**
 * Every disagreement in `sentence` of `code`: for each whole number, the run of known words
 * right after it (a count's adjectives and noun: "2 distinct units", "2 weight layers") must
 * take the form the count's category asks for in the case the context gives. Where only the
 * head noun agrees (English, Hindi: `headOnly`), only the run's last word is checked.
 */
function disagreements(code, sentence, { nouns, modifiers = [], caseOf, headOnly }) {
  const rules = new Intl.PluralRules(code);
  const { list, ends } = words(sentence);
  const entryOf = (word) => nouns.find((cases) => cases.some((forms) => Object.values(forms).includes(word)));
  const wrong = [];
  list.forEach((word, i) => {
    if (!/^\d+$/.test(word)) return;
    const category = rules.select(Number(word));
    let end = i + 1;
    while (!ends[end - 1] && end < list.length && (entryOf(list[end]) || modifiers.includes(list[end]))) end += 1;
    const run = [];
    for (let k = i + 1; k < end; k += 1) if (entryOf(list[k])) run.push(k);
    for (const k of headOnly ? run.slice(-1) : run) {
      const cases = entryOf(list[k]);
      const forms = cases[Math.min(caseOf(list, i, end - 1), cases.length - 1)];
      const expected = forms[category] ?? forms.other;
      if (list[k] !== expected) wrong.push(`"${word} … ${list[k]}" should read "${expected}"`);
    }
  });
  return wrong;
}

const LANGUAGES = {
  en: { nouns: ENGLISH, modifiers: ["distinct", "dead", "hidden", "more"], caseOf: () => 0, headOnly: true },
  ru: { nouns: RUSSIAN, caseOf: (list, i) => (RUSSIAN_GENITIVE.has(list[i - 1]?.toLowerCase()) ? 1 : 0) },
  hi: {
    nouns: HINDI,
    modifiers: ["अलग", "मृत", "छिपी"],
    caseOf: (list, i, last) => (HINDI_POSTPOSITIONS.has(list[last + 1]) ? 1 : 0),
    headOnly: true,
  },
};

/** Every verdict template of `code`, and every page string that shows a count: [name, template]. */
async function verdictTemplates(code) {
  const table = await import(`../../www/i18n/${code}.js`);
  const lessons = code === "en" ? LESSON_VERDICTS : table.lessons;
  const verdicts = Object.entries(lessons).flatMap(([id, { verdicts }]) =>
    Object.entries(verdicts).map(([name, template]) => [`${id}.${name}`, template]),
  );
  return [...verdicts, ...Object.entries(table.strings).map(([name, template]) => [`strings.${name}`, template])];
}

for (const [code, language] of Object.entries(LANGUAGES)) {
  test(`${code}: every verdict's and page string's counts agree with their nouns at 0, 1, 2, 5, 21, 22 and 25`, async () => {
    const rules = new Intl.PluralRules(code);
    const wrong = [];
    for (const [name, template] of await verdictTemplates(code)) {
      for (const n of COUNTS) {
        const values = Object.fromEntries(templateNames(template).map((arg) => [arg, NAME_ARGS.has(arg) ? "hidden 1" : n]));
        const sentence = formatMessage(template, values, String, (x) => rules.select(x));
        for (const problem of disagreements(code, sentence, language)) wrong.push(`${name} at ${n}: ${problem}`);
      }
    }
    assert.deepEqual([...new Set(wrong)], []);
  });
}

test("the checker finds a wrong form: it is not vacuous", () => {
  assert.deepEqual(disagreements("ru", "в слое 4 различных нейронов из 8", LANGUAGES.ru), [
    '"4 … нейронов" should read "нейрона"',
  ]);
  assert.deepEqual(disagreements("ru", "у 1 из 21 весов", LANGUAGES.ru), ['"21 … весов" should read "веса"']);
  assert.deepEqual(disagreements("hi", "1 अलग इकाइयाँ", LANGUAGES.hi), ['"1 … इकाइयाँ" should read "इकाई"']);
  assert.deepEqual(disagreements("hi", "2 भार का", LANGUAGES.hi), ['"2 … भार" should read "भारों"']);
  assert.deepEqual(disagreements("en", "still 1 distinct units", LANGUAGES.en), ['"1 … units" should read "unit"']);
  assert.deepEqual(disagreements("en", "all 2 weight layers", LANGUAGES.en), []);
});

// The page's sentence templates (www/message-format.js): placeholders, and plural blocks
// that pick the form a language's grammar gives a count (issue #19: "4 различных
// нейронов" must read "4 различных нейрона").

import assert from "node:assert/strict";
import { test } from "node:test";
import { formatMessage, pluralForms, templateNames } from "../../www/message-format.js";

/** Fills `template` the way the page does in `code`: numbers as written, CLDR's plural rule. */
function filled(code, template, values) {
  const rules = new Intl.PluralRules(code);
  return formatMessage(template, values, String, (n) => rules.select(n));
}

/**
 * Russian's cardinal rule for whole numbers, as its grammar states it: 1, 21, 31… take the
 * singular; 2–4, 22–24… the genitive singular ("few"); the rest, 11–14 included, the
 * genitive plural ("many").
 */
function russianForm(n) {
  if (n % 10 === 1 && n % 100 !== 11) return "one";
  if ([2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)) return "few";
  return "many";
}

const UNITS_RU = "{units, plural, one {# нейрон} few {# нейрона} many {# нейронов} other {# нейрона}}";

test("a Russian plural block gives the form Russian grammar asks for at every count", () => {
  const form = { one: "нейрон", few: "нейрона", many: "нейронов" };
  for (const n of [0, 1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111]) {
    assert.equal(filled("ru", UNITS_RU, { units: n }), `${n} ${form[russianForm(n)]}`, `count ${n}`);
  }
});

test("a fraction takes the form a fraction takes: 'other', not the count's last digit", () => {
  assert.equal(filled("ru", "в {x, plural, one {# раз} few {# раза} many {# раз} other {# раза}}", { x: 0.001 }), "в 0.001 раза");
  assert.equal(filled("ru", "в {x, plural, one {# раз} few {# раза} many {# раз} other {# раза}}", { x: 8000 }), "в 8000 раз");
});

test("Hindi gives 0 and 1 the singular and every other count the plural", () => {
  const template = "{units, plural, one {# अलग इकाई} other {# अलग इकाइयाँ}}";
  assert.equal(filled("hi", template, { units: 1 }), "1 अलग इकाई");
  assert.equal(filled("hi", template, { units: 0 }), "0 अलग इकाई");
  for (const n of [2, 5, 21, 22, 25]) assert.equal(filled("hi", template, { units: n }), `${n} अलग इकाइयाँ`);
});

test("placeholders inside a form are filled, and # is the block's own count", () => {
  const template = "{layer}: {units, plural, one {# unit of {size}} other {# units of {size}}}";
  assert.equal(filled("en", template, { layer: "hidden 1", units: 1, size: 8 }), "hidden 1: 1 unit of 8");
  assert.equal(filled("en", template, { layer: "hidden 1", units: 3, size: 8 }), "hidden 1: 3 units of 8");
});

test("a name the values lack, and braces that are not a placeholder, stay as written", () => {
  assert.equal(filled("en", "{a} and {b}", { a: 1 }), "1 and {b}");
  assert.equal(filled("en", "for example {n: 21, span: 1}", { n: 5 }), "for example {n: 21, span: 1}");
  assert.equal(filled("en", "{units, plural, one {# unit} other {# units}}", {}), "{units, plural, one {# unit} other {# units}}");
  assert.equal(filled("en", "an unclosed { brace", {}), "an unclosed { brace");
});

test("a plural block without an 'other' form, or with an unknown category, is refused", () => {
  assert.throws(() => pluralForms(" one {# unit}"), /needs an "other" form/);
  assert.throws(() => pluralForms(" single {# unit} other {# units}"), /no form/);
});

test("templateNames lists plain and plural names once each", () => {
  assert.deepEqual(templateNames(`{layer} ${UNITS_RU} {units} {size}`), ["layer", "units", "size"]);
});

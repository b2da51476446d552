// Fills a sentence template: `{name}` takes the value of that name, and a plural block
// `{name, plural, one {# unit} few {# units} other {# units}}` picks the form the
// language's grammar asks for at that count (Intl.PluralRules' categories: zero, one, two,
// few, many, other), `#` standing for the count. Translators write the forms of their own
// language; the page never decides a plural itself. Pure: strings.js supplies the number
// writer and the plural rule of the page's language, and the node tests use it as it is.

/** The plural categories a block may name, as Intl.PluralRules gives them. */
export const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"];

/** The end (index after the closing brace) of the block opened at `template[start]`, or -1. */
function blockEnd(template, start) {
  let depth = 0;
  for (let i = start; i < template.length; i += 1) {
    if (template[i] === "{") depth += 1;
    if (template[i] === "}") depth -= 1;
    if (depth === 0) return i + 1;
  }
  return -1;
}

/** A plural block's forms, {category: text}, from the text after "name, plural,". */
export function pluralForms(body) {
  const forms = {};
  let rest = body.trim();
  while (rest.length > 0) {
    const head = /^(\w+)\s*\{/.exec(rest);
    if (!head || !PLURAL_CATEGORIES.includes(head[1])) throw new Error(`a plural block has no form "${rest}"`);
    const open = head[0].length - 1;
    const end = blockEnd(rest, open);
    if (end < 0) throw new Error(`a plural form is not closed: "${rest}"`);
    forms[head[1]] = rest.slice(open + 1, end - 1);
    rest = rest.slice(end).trim();
  }
  if (!("other" in forms)) throw new Error(`a plural block needs an "other" form: "${body}"`);
  return forms;
}

/**
 * `template` filled from `values`: `write(value)` writes a value (a number in the page's
 * language), `category(number)` gives its plural category. A name missing from `values`
 * stays as it is written, so a gap shows rather than hides.
 */
export function formatMessage(template, values, write, category) {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) return out + template.slice(i);
    out += template.slice(i, open);
    const end = blockEnd(template, open);
    if (end < 0) return out + template.slice(open);
    out += filledBlock(template.slice(open + 1, end - 1), template.slice(open, end), values, write, category);
    i = end;
  }
  return out;
}

/** One `{…}` block, filled: a placeholder or a plural block. */
function filledBlock(inner, whole, values, write, category) {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
  if (plural) {
    const [, name, body] = plural;
    if (!(name in values)) return whole;
    const forms = pluralForms(body);
    const form = forms[category(Number(values[name]))] ?? forms.other;
    return formatMessage(form.replaceAll("#", write(values[name])), values, write, category);
  }
  return /^\w+$/.test(inner) && inner in values ? write(values[inner]) : whole;
}

/** Every name a template fills, plain or plural (and inside plural forms), in order of first use. */
export function templateNames(template, names = new Set()) {
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    const end = open < 0 ? -1 : blockEnd(template, open);
    if (end < 0) break;
    const inner = template.slice(open + 1, end - 1);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural) {
      names.add(plural[1]);
      for (const form of Object.values(pluralForms(plural[2]))) templateNames(form, names);
    } else if (/^\w+$/.test(inner)) names.add(inner);
    i = end;
  }
  return [...names];
}

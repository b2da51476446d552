// The stylesheets, read by a real CSS parser (css-tree, pinned in package.json): every rule of
// every sheet in www/ parses, every block closes where it should (browsers close an unclosed
// block silently at the end of the file, and CSS nesting then turns every later rule into a
// descendant rule that matches nothing: that once left four views unstyled without an error),
// rules nest only inside at-rules, every property is known and every value valid for it (a
// var() is checked with each value its custom property is given in the sheets).
// No browser, no build: run by `make test-css` (part of `make test`), or alone with
// `node --test tests/css/stylesheets.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as csstree from "css-tree";

const WWW = resolve(fileURLToPath(new URL("../../www", import.meta.url)));

/** At-rules whose blocks hold rules (the only places a rule may nest). */
const GROUPING = new Set(["media", "supports", "container", "layer"]);
/** The node types a selector is made of; anything else is not a selector. */
const SELECTOR_PARTS = new Set([
  "TypeSelector", "ClassSelector", "IdSelector", "AttributeSelector", "PseudoClassSelector",
  "PseudoElementSelector", "Combinator", "NestingSelector",
]);
/** `var(--name)` or `var(--name, fallback)` (no var() inside the fallback). */
const VAR = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/;

/** Parses `css`, collecting parse errors as problems. */
function parse(css, problems) {
  return csstree.parse(css, {
    positions: true,
    onParseError: (error) => problems.push(`line ${error.line}: ${error.message}`),
  });
}

/** Every value each custom property (--name) is given in `sheets`, by name. */
export function customProperties(sheets) {
  const values = new Map();
  for (const css of sheets) {
    csstree.walk(parse(css, []), {
      visit: "Declaration",
      enter(node) {
        if (!node.property.startsWith("--")) return;
        const value = csstree.generate(node.value).trim();
        values.set(node.property, [...(values.get(node.property) ?? []), value]);
      },
    });
  }
  return values;
}

/**
 * Every way to write `text` without var(): each var() replaced by each value its custom
 * property has (or its fallback). Throws, naming it, on a var() that has neither.
 */
function substitutions(text, custom) {
  const match = VAR.exec(text);
  if (!match) return [text];
  const [whole, name, fallback] = match;
  const values = custom.get(name) ?? (fallback === undefined ? [] : [fallback.trim()]);
  if (values.length === 0) throw new Error(`${whole}: ${name} is set in no stylesheet`);
  return values.flatMap((value) => substitutions(text.replace(whole, value), custom));
}

/** The problems of one declaration: an unknown property, or a value not valid for it. */
function declarationProblems(node, custom) {
  if (node.property.startsWith("--")) return []; // checked where it is used, in var()
  const at = `line ${node.loc.start.line}: ${node.property}`;
  let texts;
  try {
    texts = substitutions(csstree.generate(node.value), custom);
  } catch (error) {
    return [`${at}: ${error.message}`];
  }
  const problems = [];
  for (const text of texts) {
    const value = csstree.parse(text, { context: "value", onParseError: () => {} });
    const { error } = csstree.lexer.matchProperty(node.property, value);
    if (error) problems.push(`${at}: ${text}: ${error.message.split("\n")[0]}`);
  }
  return problems;
}

/** The problem of a rule's prelude if it is not a list of real selectors. */
function selectorProblem(rule) {
  const parts = rule.prelude.type === "SelectorList" ? rule.prelude.children.toArray() : [];
  const real = parts.length > 0 && parts.every((s) => s.type === "Selector" && s.children.toArray().every((p) => SELECTOR_PARTS.has(p.type)));
  return real ? null : `line ${rule.loc.start.line}: "${csstree.generate(rule.prelude)}" is not a selector`;
}

/**
 * Whether a block ends with a "}" of its own. The parser closes an unclosed block at the end
 * of the file, where the last "}" may be that of the last rule inside it.
 */
function closes(block, css) {
  const end = block.loc.end.offset;
  const last = block.children.last;
  return css[end - 1] === "}" && (last === null || last.loc.end.offset < end);
}

/**
 * Every problem of one stylesheet (`custom`: the custom properties of every sheet), as
 * "line N: …" strings: [] when it is sound.
 */
export function sheetProblems(css, custom = customProperties([css])) {
  const problems = [];
  const ast = parse(css, problems);
  csstree.walk(ast, {
    enter(node, item, list) {
      const parent = this.rule ?? this.atrule;
      if (node.type === "Block" && !closes(node, css)) {
        problems.push(`line ${node.loc.start.line}: a block opened here is never closed`);
      } else if (node.type === "Rule") {
        if (this.rule) problems.push(`line ${node.loc.start.line}: a rule nested in "${csstree.generate(this.rule.prelude)}" (an unclosed block above?)`);
        if (this.atrule?.name !== "keyframes") {
          const problem = selectorProblem(node);
          if (problem) problems.push(problem);
        }
      } else if (node.type === "Atrule") {
        const { error } = node.prelude ? csstree.lexer.matchAtrulePrelude(node.name, node.prelude) : {};
        if (error) problems.push(`line ${node.loc.start.line}: @${node.name}: ${error.message.split("\n")[0]}`);
        if (parent && !GROUPING.has(this.atrule?.name)) problems.push(`line ${node.loc.start.line}: @${node.name} nested in a rule`);
      } else if (node.type === "Declaration" && this.atrule?.name !== "font-face") {
        problems.push(...declarationProblems(node, custom));
      }
    },
  });
  return problems;
}

const names = readdirSync(WWW).filter((file) => file.endsWith(".css")).sort();
const sheets = names.map((name) => readFileSync(join(WWW, name), "utf8"));
const custom = customProperties(sheets);

test("www/ has its stylesheets, and they set custom properties", () => {
  assert.ok(names.includes("style.css"), `found ${names}`);
  assert.ok(custom.size > 5, `custom properties: ${[...custom.keys()]}`);
});

names.forEach((name, k) => {
  test(`www/${name}: parses, every block closes, known properties with valid values`, () => {
    assert.deepEqual(sheetProblems(sheets[k], custom), []);
  });
});

test("the checker passes a sound sheet and fails each kind of broken one", () => {
  const sound = ":root { --w: 2px; --ink: #222; }\n@media (max-width: 600px) { a.b > c:hover { border: var(--w) solid var(--ink); } }\n@keyframes spin { from { opacity: 0; } 50% { opacity: 1; } }";
  assert.deepEqual(sheetProblems(sound), []);
  const broken = {
    "an unclosed @media swallows the rules after it": ["@media (x) { a { color: red; }\nd { color: blue; }", /never closed/],
    "an unclosed rule nests the next one": ["a { color: red;\nd { color: blue; }", /line 1: a block opened here is never closed/],
    "a misspelt property": ["a { colr: red; }", /colr/],
    "a value the property does not take": ["a { color: 12px; }", /color/],
    "a broken selector": ["a..b { color: red; }", /"a\.\.b" is not a selector/],
    "a custom property no sheet sets": ["a { color: var(--nowhere); }", /--nowhere is set in no stylesheet/],
    "a custom property whose value does not fit": [":root { --w: red; }\na { width: var(--w); }", /width: red/],
    "a rule nested in a rule (no nesting here)": ["a { b { color: red; } }", /line 1/],
    "a declaration outside any rule": ["color: red;\na { color: blue; }", /"color: red;\na" is not a selector/],
  };
  for (const [what, [css, expected]] of Object.entries(broken)) {
    const problems = sheetProblems(css);
    assert.ok(problems.some((p) => expected.test(p)), `${what}: ${JSON.stringify(problems)}`);
  }
});

// Every JS function of the page (www/**/*.js) and of the build scripts (scripts/*.mjs) is at
// most MAX_LINES lines, so that each reads as one idea (issue #18). Parsed with acorn, so a
// function is what the language says it is: declarations, expressions, arrows and methods.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "acorn";

const MAX_LINES = 60;

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/** Every file under `dir` (recursively) whose name ends with `suffix`. */
function filesUnder(dir, suffix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

/** The name a reader would look for: the function's own, or the variable, property or method holding it. */
function nameOf(node, parent) {
  if (node.id?.name) return node.id.name;
  const key = parent?.key ?? parent?.id ?? parent?.left?.property ?? parent?.left;
  return key?.name ?? key?.value ?? "(anonymous)";
}

/** Calls `visit(node, parent)` for every node of the tree under `node`. */
function walk(node, parent, visit) {
  visit(node, parent);
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child.type === "string") walk(child, node, visit);
    }
  }
}

/** The functions of `source` longer than `max` lines: [{name, line, lines}]. */
export function longFunctions(source, max = MAX_LINES) {
  const tree = parse(source, { ecmaVersion: "latest", sourceType: "module", locations: true });
  const found = [];
  walk(tree, null, (node, parent) => {
    if (!FUNCTION_TYPES.has(node.type)) return;
    const lines = node.loc.end.line - node.loc.start.line + 1;
    if (lines > max) found.push({ name: nameOf(node, parent), line: node.loc.start.line, lines });
  });
  return found;
}

test("the check finds a long function, an arrow in a variable and a method, by name", () => {
  const body = (n) => Array.from({ length: n }, (_, i) => `  step(${i});`).join("\n");
  const source = [
    `function short() {\n${body(58)}\n}`,
    `function long() {\n${body(59)}\n}`,
    `const arrow = () => {\n${body(70)}\n};`,
    `const api = { method() {\n${body(61)}\n} };`,
  ].join("\n");
  const found = longFunctions(source);
  assert.deepEqual(found.map((f) => [f.name, f.lines]), [["long", 61], ["arrow", 72], ["method", 63]]);
});

test(`every function in www/ and scripts/ is at most ${MAX_LINES} lines`, () => {
  const files = [...filesUnder(join(ROOT, "www"), ".js"), ...filesUnder(join(ROOT, "scripts"), ".mjs")];
  assert.ok(files.length > 20, `found only ${files.length} files: is the root ${ROOT} right?`);
  const long = files.flatMap((file) =>
    longFunctions(readFileSync(file, "utf8")).map((f) => ({ ...f, id: `${relative(ROOT, file)} ${f.name}` })),
  );
  const tooLong = long.map(({ id, line, lines }) => `${id} (line ${line}) is ${lines} lines`);
  assert.deepEqual(tooLong, [], `functions over ${MAX_LINES} lines:\n${tooLong.join("\n")}`);
});

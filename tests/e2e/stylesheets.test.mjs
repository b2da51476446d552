// The stylesheets are well formed: every block closes, and rules nest only inside an
// at-rule (@media, @supports). Browsers accept an unclosed block silently (CSS nesting
// then turns every later rule into a descendant rule that matches nothing), which once
// left the diagram, depth, landscape and restarts styles unapplied without any error.
// Run by `make test`, or alone with `node --test tests/e2e/stylesheets.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

/** The problems of one stylesheet's block structure: [] when every block closes where it should. */
function blockProblems(css) {
  const problems = [];
  const code = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
  const open = []; // the selector or at-rule of every open block
  let start = 0;
  let line = 1;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "\n") line++;
    if (c === "{") {
      const head = code.slice(start, i).trim().split(/[;}]/).pop().trim();
      if (open.length > 0 && !open.at(-1).startsWith("@")) {
        problems.push(`line ${line}: "${head}" opens inside "${open.at(-1)}" (an unclosed block above?)`);
      }
      open.push(head);
      start = i + 1;
    } else if (c === "}") {
      if (open.length === 0) problems.push(`line ${line}: "}" closes nothing`);
      open.pop();
      start = i + 1;
    }
  }
  for (const head of open) problems.push(`"${head}" is never closed`);
  return problems;
}

test("the checker finds an unclosed block", () => {
  assert.deepEqual(blockProblems("@media (x) { a { b: c; } }\nd { e: f; }"), []);
  assert.deepEqual(blockProblems("@media (x) { a { b: c; }\nd { e: f; }"), [`"@media (x)" is never closed`]);
  assert.equal(blockProblems("a { b: c;\nd { e: f; }").length, 2);
});

for (const name of readdirSync(join(ROOT, "www")).filter((file) => file.endsWith(".css"))) {
  test(`www/${name}: every block closes, and rules nest only in @media or @supports`, () => {
    assert.deepEqual(blockProblems(readFileSync(join(ROOT, "www", name), "utf8")), []);
  });
}

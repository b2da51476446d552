// No import circles among the page's modules (issue #18: "no import circles"; the native
// test tests/module_circles.rs guards src/). An edge is a static import or export-from, or a
// dynamic import() of a literal path: a module fetched on demand still depends on what it
// names, and a circle through it came back once (lesson-core.js ⇄ lessons.js over titleOf).

import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { staticImports } from "../../scripts/first-load.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every .js file under `dir`, as a path relative to the repository. */
function modulesUnder(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return modulesUnder(path);
    return entry.name.endsWith(".js") ? [path] : [];
  });
}

/** The modules `file` names: static imports and literal dynamic imports, repository paths. */
function edgesOf(file) {
  const source = readFileSync(join(ROOT, file), "utf8");
  const dynamic = [...source.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]);
  return [...staticImports(source), ...dynamic].map((specifier) =>
    relative(ROOT, join(ROOT, dirname(file), specifier)).split("\\").join("/"),
  );
}

/** One circle of `graph` (a Map from node to its successors) as a path, or null if none. */
export function findCircle(graph) {
  const state = new Map(); // node → "open" while on the path, "done" after
  const path = [];
  const visit = (node) => {
    state.set(node, "open");
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

test("the circle finder finds a circle of two and of three, and none in a chain", () => {
  assert.deepEqual(findCircle(new Map([["a", ["b"]], ["b", ["a"]]])), ["a", "b", "a"]);
  assert.deepEqual(findCircle(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]]])), ["a", "b", "c", "a"]);
  assert.equal(findCircle(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]])), null);
});

test("the page's modules (www/ and the service worker's template) import no circle", () => {
  const files = modulesUnder("www");
  const graph = new Map(files.map((file) => [file, edgesOf(file)]));
  // The reader sees the lesson panel's on-demand import, so it would see a circle through it.
  assert.ok(graph.get("www/lesson-core.js").includes("www/lessons.js"));
  const circle = findCircle(graph);
  assert.equal(circle, null, `import circle: ${circle?.join(" → ")}`);
});

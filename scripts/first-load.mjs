// The files the page fetches at first load, found the way the browser finds them: from
// index.html (its stylesheets, module scripts, module preloads and preloads), then every
// module's static imports (`import … from "…"`, `export … from "…"`), transitively. A
// dynamic `import("…")` is on demand and not followed: what the page loads that way at
// start (the engine) is named in ALWAYS_AT_START below, with the reason. It reads the site's
// own files: in the source tree the modules of www/, in dist/ (scripts/bundle.mjs) main.js
// and the shared chunks it imports, as dist's index.html preloads them.
// Used by `make size` (scripts/size-profile.mjs) and `make bench` on dist/ (and the source
// tree), and checked against the requests the browser really makes by
// tests/e2e/firstload.test.mjs (the source) and tests/e2e/dist.test.mjs (dist/).

import { parse } from "acorn";
import { readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

/**
 * Fetched at every start although no static import names them: main.js imports the engine
 * at once (a dynamic import only so that a broken build is reported in the page), whose glue
 * fetches its wasm (which index.html also preloads, so that it downloads beside the
 * scripts), and main.js starts the worker that pays Intl's set-up off the main thread
 * (www/intl-warmup.js).
 */
const ALWAYS_AT_START = ["pkg/initlab.js", "pkg/initlab_bg.wasm", "www/intl-warmup.js"];

/**
 * The same-origin files index.html asks for before any script runs. Icons and the web app
 * manifest are the browser's business (fetched when and if it shows or installs them): a
 * browser opening the page does not fetch the manifest, so it is not counted.
 */
function htmlReferences(html) {
  const found = [];
  for (const tag of html.match(/<(link|script)\b[^>]*>/g) ?? []) {
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1] ?? "";
    const url = /\b(?:href|src)="([^"]*)"/.exec(tag)?.[1];
    if (!url || /^[a-z]+:/i.test(url)) continue;
    if (tag.startsWith("<link") && !["stylesheet", "modulepreload", "preload"].includes(rel)) continue;
    found.push(url.replace(/^\.\//, ""));
  }
  return found;
}

/**
 * The relative specifiers a module imports statically (import/export … from, import "…").
 * Read by a JavaScript parser, so that a minified module (dist/: `import{a as b}from"./c.js"`
 * on one line) is read as its source is.
 */
export function staticImports(source) {
  const statements = parse(source, { ecmaVersion: "latest", sourceType: "module" }).body;
  const fromClauses = ["ImportDeclaration", "ExportNamedDeclaration", "ExportAllDeclaration"];
  return statements
    .filter((node) => fromClauses.includes(node.type) && node.source)
    .map((node) => node.source.value)
    .filter((specifier) => /^\.{1,2}\//.test(specifier));
}

/** The first-load files of the site at `root`, as paths relative to it, sorted. */
export function firstLoadFiles(root) {
  const seen = new Set();
  const queue = [...htmlReferences(readFileSync(join(root, "index.html"), "utf8")), ...ALWAYS_AT_START];
  queue.unshift("index.html");
  while (queue.length > 0) {
    const file = normalize(queue.shift()).split("\\").join("/");
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith(".js") || file.startsWith("pkg/")) continue;
    for (const specifier of staticImports(readFileSync(join(root, file), "utf8"))) {
      queue.push(relative(root, join(root, dirname(file), specifier)));
    }
  }
  return [...seen].sort();
}

// `make size`: where the shipped bytes go. Reads twiggy's per-function table of the wasm as
// wasm-bindgen ships it, but with its function names kept, and sums it by crate, and by module for
// InitLab's own code; prints both tables and the gzip weight of every file the page loads
// first, as a static host serves them from dist/ (`make dist`: scripts and styles minified),
// with the source tree's unminified total beside it; writes them to target/size.json.
//
// Usage: node scripts/size-profile.mjs <twiggy top -f csv output> <out.json>

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { firstLoadFiles } from "./first-load.mjs";

const [csvPath, outPath] = process.argv.slice(2);
/** What a static host serves (`make dist`), and the source tree `make serve` serves. */
const DIST = "dist";
const SOURCE = ".";

/** twiggy's CSV: Name,ShallowSize,… with names quoted when they hold commas. */
function rows(csv) {
  const lines = csv.trim().split("\n").slice(1);
  return lines.map((line) => {
    const match = /^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/.exec(line);
    if (!match) throw new Error(`cannot read twiggy's line: ${line}`);
    return { name: (match[1] ?? match[2]).replace(/""/g, '"'), bytes: Number(match[3]) };
  });
}

/**
 * What an item belongs to: "initlab::<module>" for our code, the crate for a dependency,
 * "data" for data segments, "wasm-bindgen glue" for its generated shims; null for sections
 * that wasm-bindgen removes before shipping (names, descriptors).
 */
function owner(name) {
  if (name.startsWith("custom section") || name.includes("function names")) return null;
  if (name.includes("__wbindgen_describe")) return null;
  if (name.startsWith("data segment")) return "data";
  if (name.startsWith("import ") || name.startsWith("export ")) return "imports and exports";
  // Strip a leading "<" and "<impl " of trait impls: the first path segment names the crate.
  const path = name.replace(/^<+(impl )?/, "");
  const crate = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::([A-Za-z_][A-Za-z0-9_]*)/.exec(path);
  if (!crate) return "other";
  if (crate[1] === "initlab") {
    const web = /^initlab::web::([A-Za-z_][A-Za-z0-9_]*)/.exec(path);
    return web ? `initlab::web::${web[1]}` : `initlab::${crate[2]}`;
  }
  return crate[1];
}

/** Bytes per owner, largest first, with each one's share of the total. */
function table(items) {
  const sums = new Map();
  for (const { name, bytes } of items) {
    const who = owner(name);
    if (who !== null) sums.set(who, (sums.get(who) ?? 0) + bytes);
  }
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  return {
    total,
    rows: [...sums].sort((a, b) => b[1] - a[1]).map(([who, bytes]) => ({ who, bytes, share: bytes / total })),
  };
}

/**
 * The gzip weight (level 9) of every file the site at `root` loads at first, and their sum. The
 * list follows index.html and the static imports, as the browser does (scripts/first-load.mjs):
 * what the page imports on demand (other languages, lessons' texts, restarts…) is not in it.
 */
function firstLoad(root) {
  const sizes = firstLoadFiles(root).map((file) => ({
    file,
    gzip: gzipSync(readFileSync(join(root, file)), { level: 9 }).length,
  }));
  return { files: sizes, total: sizes.reduce((a, b) => a + b.gzip, 0) };
}

if (!existsSync(join(DIST, "index.html"))) {
  console.error("size-profile: dist/ is missing (run `make dist`)");
  process.exit(1);
}

const profile = table(rows(readFileSync(csvPath, "utf8")));
const load = firstLoad(DIST);
const source = firstLoad(SOURCE);
const kb = (bytes) => (bytes / 1024).toFixed(1);
/** The guard's unit (issue #18): 1000 bytes. */
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log("code and data of the shipped wasm, by owner (names, which are not shipped, left out):");
for (const { who, bytes, share } of profile.rows.slice(0, 25)) {
  console.log(`  ${kb(bytes).padStart(7)} KB  ${(100 * share).toFixed(1).padStart(5)} %  ${who}`);
}
console.log(`  ${kb(profile.total).padStart(7)} KB  total`);
console.log("first load as a static host serves it (dist/: scripts and styles minified), gzip -9:");
for (const { file, gzip } of load.files.sort((a, b) => b.gzip - a.gzip)) {
  console.log(`  ${kb(gzip).padStart(7)} KB  ${file}`);
}
console.log(`  ${kb(load.total).padStart(7)} KB  total (${load.files.length} files) = ${kB(load.total)}`);
const saved = source.total - load.total;
console.log(
  `  source tree, unminified (what \`make serve\` serves): ${kb(source.total)} KB = ${kB(source.total)} ` +
    `(${source.files.length} files); minifying saves ${kB(saved)}`,
);
writeFileSync(outPath, JSON.stringify({ wasm: profile, firstLoad: load, firstLoadSource: source }, null, 2));
console.log(`written to ${outPath}`);

// `node scripts/minify.mjs DIR…`: minifies, in place, every .js and .css file under each DIR
// with esbuild (`make dist`). The sources teach through their comments, which a learner's
// browser would otherwise download at every first load; dist/ ships the same code without
// them. One file at a time, no bundling: in `make dist` it runs after scripts/bundle.mjs,
// which has bundled the page's modules already (minified), and minifies what that leaves
// apart: the engine's glue, the workers and the stylesheets. Characters stay UTF-8 (esbuild's default would escape every non-ASCII
// character of the translations as \uXXXX, larger than the character itself).

import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { transform } from "esbuild";
import { COMPILE_HINT } from "./bundle.mjs";

/**
 * The service worker runs as a classic script (registered without type: "module"): no
 * module format for it, so its top-level names stay global.
 */
const CLASSIC_SCRIPTS = new Set(["sw.js", "service-worker.js"]);

/** esbuild's options for `file`, or null when it is not a script or a stylesheet. */
function optionsFor(file) {
  const common = { minify: true, legalComments: "none", charset: "utf8", sourcefile: file };
  if (file.endsWith(".css")) return { ...common, loader: "css" };
  if (!file.endsWith(".js")) return null;
  return CLASSIC_SCRIPTS.has(basename(file)) ? { ...common, loader: "js" } : { ...common, loader: "js", format: "esm" };
}

/** Every file under `path` (or `path` itself), with its full path. */
function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error("usage: node scripts/minify.mjs <dir or file>…");
  process.exit(1);
}
let before = 0;
let after = 0;
let count = 0;
for (const file of paths.flatMap(filesUnder).sort()) {
  const options = optionsFor(file);
  if (options === null) continue;
  const source = readFileSync(file, "utf8");
  const { code } = await transform(source, options);
  // A compile hint (scripts/bundle.mjs) is a comment that V8 reads: it stays, first.
  const hint = source.startsWith(COMPILE_HINT) ? `${COMPILE_HINT}\n` : "";
  writeFileSync(file, hint + code);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(code);
  count += 1;
}
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(`minified ${count} scripts and stylesheets: ${kb(before)} → ${kb(after)} (uncompressed)`);

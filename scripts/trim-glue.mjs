// `node scripts/trim-glue.mjs pkg/initlab.js`: removes the JSDoc blocks wasm-bindgen copies
// from the Rust doc comments into the JS glue. The page never reads them, yet they are a
// third of the glue's gzip weight at every first load; the same documentation stays in
// pkg/initlab.d.ts (generated beside it, never fetched by the page) and in the Rust source.
//
// Only whole-line blocks are removed: a line that is just "/**" up to a line that is just
// "*/", which is exactly how wasm-bindgen writes them (code never starts a line with "/**").

import { readFileSync, writeFileSync } from "node:fs";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/trim-glue.mjs <glue.js>");
  process.exit(1);
}
const kept = [];
let inDoc = false;
for (const line of readFileSync(file, "utf8").split("\n")) {
  const bare = line.trim();
  if (!inDoc && bare === "/**") inDoc = true;
  else if (inDoc && bare === "*/") inDoc = false;
  else if (!inDoc) kept.push(line);
}
if (inDoc) {
  console.error(`trim-glue: ${file} has a "/**" block that never closes; left unchanged`);
  process.exit(1);
}
writeFileSync(file, kept.join("\n"));

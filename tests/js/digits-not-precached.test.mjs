// The digits (data/digits.bin, issue #20) are fetched on demand, when a learner first picks
// them: they must stay out of the service worker's pre-cached shell, which every first visit
// downloads. The shell is listed by scripts/build-sw.mjs, here on this repository's own files
// (www/, index.html, data/) with stand-ins for the built wasm, so that no build is needed.

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { shellFiles } from "../../scripts/build-sw.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIGITS = "data/digits.bin";

test("the digits file exists but is not in the service worker's pre-cached shell", () => {
  assert.ok(existsSync(join(ROOT, DIGITS)), `${DIGITS} is missing: run python3 scripts/digits.py`);
  const root = mkdtempSync(join(tmpdir(), "initlab-shell-"));
  try {
    for (const entry of ["index.html", "www", "data"]) symlinkSync(join(ROOT, entry), join(root, entry));
    mkdirSync(join(root, "pkg"));
    for (const file of ["initlab.js", "initlab_bg.wasm"]) writeFileSync(join(root, "pkg", file), "");
    const shell = shellFiles(root);
    assert.ok(shell.includes("www/main.js"), "the shell was not read from this repository's www/");
    assert.deepEqual(shell.filter((file) => file.startsWith("data/") || file.endsWith(".bin")), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

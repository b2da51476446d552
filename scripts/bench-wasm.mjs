// The wasm half of `make bench`: times the engine and the textbook baseline as wasm
// under node, joins the native figures from `cargo bench`, prints the ratios and the
// shipped wasm size, and writes target/bench.json.
//
// Expects (the Makefile's `bench` target makes them):
//   target/bench-node/initlab.js   wasm-bindgen --target nodejs of the `bench` feature build
//   target/bench-native.json       written by benches/throughput.rs
//   pkg/initlab_bg.wasm            the wasm the page ships (`make build`)

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GLUE = join(ROOT, "target/bench-node/initlab.js");
const NATIVE = join(ROOT, "target/bench-native.json");
const SHIPPED = join(ROOT, "pkg/initlab_bg.wasm");
const OUT = join(ROOT, "target/bench.json");

const IMPLEMENTATIONS = ["engine", "baseline"];
/** Each timed run lasts at least this long; the figure is the median of REPEATS runs. */
const MIN_SECONDS = 1;
const REPEATS = 3;
const WARMUP_STEPS = 500;

// Issue #10's targets, reported (not enforced: a benchmark is not a test).
const TARGETS = {
  engineOverBaseline: { "2-8-8-1": 10, "2-16-16-16-1": 10, "2-64-64-1": 8 },
  wasmOverNative: 0.75,
  gzipBytes: 90_000,
};

function need(path, hint) {
  if (!existsSync(path)) {
    console.error(`bench: ${path} is missing (${hint})`);
    process.exit(1);
  }
}

/** wasm-bindgen's nodejs glue is CommonJS in some versions and ESM in others. */
async function loadGlue() {
  const source = readFileSync(GLUE, "utf8");
  if (/\bmodule\.exports\b|\brequire\(/.test(source)) {
    // The repository's package.json says "type": "module"; mark this folder CommonJS.
    writeFileSync(join(dirname(GLUE), "package.json"), '{ "type": "commonjs" }\n');
    return createRequire(import.meta.url)(GLUE);
  }
  return import(pathToFileURL(GLUE).href);
}

/** Samples per second of one workload: warm up, calibrate to ≥ MIN_SECONDS, median of REPEATS. */
function samplesPerSecond(BenchWorkload, arch, implementation) {
  const workload = new BenchWorkload(arch, implementation);
  const samplesPerStep = BenchWorkload.samplesPerStep();
  let sink = workload.run(WARMUP_STEPS);

  let steps = 64;
  let ms = 0;
  for (;;) {
    const start = performance.now();
    sink += workload.run(steps);
    ms = performance.now() - start;
    if (ms >= 100) break;
    steps *= 2;
  }
  const timedSteps = Math.ceil(((steps / ms) * 1000 * MIN_SECONDS) * 1.05);

  const rates = [];
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    sink += workload.run(timedSteps);
    const seconds = (performance.now() - start) / 1000;
    rates.push((timedSteps * samplesPerStep) / seconds);
  }
  workload.free();
  if (Number.isNaN(sink)) console.warn(`  (${arch} ${implementation}: the workload returned NaN)`);
  rates.sort((a, b) => a - b);
  return rates[Math.floor(REPEATS / 2)];
}

const fmt = (sps) => Math.round(sps).toLocaleString("en-US").padStart(13);
const ratio = (x) => `${x.toFixed(2)}×`.padStart(8);
const mark = (ok) => (ok ? "ok" : "BELOW TARGET");

need(GLUE, "run `make bench`, which builds it");
need(NATIVE, "run `cargo bench --bench throughput` first");
need(SHIPPED, "run `make build` first");

const { BenchWorkload } = await loadGlue();
const native = JSON.parse(readFileSync(NATIVE, "utf8"));
const archs = BenchWorkload.archs();

const wasm = {};
for (const arch of archs) {
  wasm[arch] = {};
  for (const implementation of IMPLEMENTATIONS) {
    process.stdout.write(`timing wasm ${arch} ${implementation}… `);
    wasm[arch][implementation] = Math.round(samplesPerSecond(BenchWorkload, arch, implementation));
    console.log(`${fmt(wasm[arch][implementation]).trim()} samples/s`);
  }
}

const shipped = readFileSync(SHIPPED);
const report = {
  native,
  wasm,
  wasm_bytes: shipped.length,
  wasm_gzip_bytes: gzipSync(shipped, { level: 9 }).length,
};
writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

console.log("\nsamples/second (forward + backward + update; batch 10, lr 0.03, 500 points, tanh)\n");
console.log("arch            where       engine      baseline  engine/baseline");
for (const arch of archs) {
  for (const [where, figures] of [["native", native[arch]], ["wasm", wasm[arch]]]) {
    const speedup = figures.engine / figures.baseline;
    const target = where === "wasm" ? `  (target ≥ ${TARGETS.engineOverBaseline[arch]}×: ${mark(speedup >= TARGETS.engineOverBaseline[arch])})` : "";
    console.log(`${arch.padEnd(15)} ${where.padEnd(6)} ${fmt(figures.engine)} ${fmt(figures.baseline)} ${ratio(speedup)}${target}`);
  }
}
console.log("\nwasm/native");
for (const arch of archs) {
  const engine = wasm[arch].engine / native[arch].engine;
  const baseline = wasm[arch].baseline / native[arch].baseline;
  console.log(`${arch.padEnd(15)} engine ${ratio(engine)} (target ≥ ${TARGETS.wasmOverNative}×: ${mark(engine >= TARGETS.wasmOverNative)})   baseline ${ratio(baseline)}`);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(
  `\nshipped wasm (pkg/initlab_bg.wasm): ${kb(report.wasm_bytes)} raw, ${kb(report.wasm_gzip_bytes)} gzip ` +
    `(target ≤ ${kb(TARGETS.gzipBytes)}: ${mark(report.wasm_gzip_bytes <= TARGETS.gzipBytes)})`,
);
console.log(`\nwritten: ${OUT}`);

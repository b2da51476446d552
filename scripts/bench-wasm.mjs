// The wasm half of `make bench`: times the engine and the textbook baseline as wasm
// under node, joins the native figures from `cargo bench`, prints the ratios and the
// shipped wasm size, and writes target/bench.json.
//
// Expects (the Makefile's `bench` target makes them):
//   target/bench-node/initlab.js   wasm-bindgen --target nodejs of the `bench` feature build
//   target/bench-native.json       written by benches/throughput.rs
//   pkg/initlab_bg.wasm            the wasm the page ships (`make build`)
//   data/digits.bin                committed; read here and handed to the digits workloads, so
//                                  that neither the bench build nor the page's carries it

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
const DIGITS = join(ROOT, "data/digits.bin");

const IMPLEMENTATIONS = ["engine", "baseline"];
/** Each timed run lasts at least this long (CPU time); the figure is the median of REPEATS runs. */
const MIN_SECONDS = 1;
const REPEATS = 5;
const WARMUP_STEPS = 500;

// Issue #10's speed targets, reported (not enforced: a benchmark is not a test). Its size target
// (90 kB) was withdrawn by issue #18; the size guard is checked by the browser half.
const TARGETS = {
  engineOverBaseline: { "2-8-8-1": 10, "2-16-16-16-1": 10, "2-64-64-1": 8 },
  wasmOverNative: 0.75,
};

// Issue #20: the digits nets. TF.js 4.22's wasm backend (one thread, SIMD, one node process),
// samples/s by batch, and the engine's goals in wasm as multiples of it.
const TFJS = {
  "64-32-32-10": { 10: 16_000, 100: 85_000 },
  "64-64-64-10": { 10: 11_500, 100: 43_000 },
};
const OVER_TFJS = { "64-32-32-10": { 10: 25, 100: 5 }, "64-64-64-10": { 10: 20, 100: 5 } };
const DIGITS_OVER_BASELINE = 8;

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

/**
 * CPU time of this process in ms. On the shared build machine the wall clock also counts the
 * time other guests take from our CPU, which swung the ratios by ±30 % between runs; the
 * benchmark is single-threaded, so its CPU time is the time its work took.
 */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A workload warmed up, with the number of steps that takes about MIN_SECONDS of CPU. */
function prepared(make, implementation) {
  const workload = make(implementation);
  workload.run(WARMUP_STEPS);
  let steps = 64;
  for (;;) {
    const start = cpuMs();
    workload.run(steps);
    const ms = cpuMs() - start;
    if (ms >= 100) return { workload, steps: Math.ceil((steps / ms) * 1000 * MIN_SECONDS * 1.05) };
    steps *= 2;
  }
}

/**
 * Samples per second of the engine and of the baseline on `arch`, timed in alternation (engine,
 * baseline, engine, …) so that both see the same machine; each figure is the median of
 * REPEATS timings, and the ratio is the median of the REPEATS paired ratios.
 */
function timePair({ name, make }) {
  const runs = IMPLEMENTATIONS.map((implementation) => prepared(make, implementation));
  const rates = IMPLEMENTATIONS.map(() => []);
  let sink = 0;
  for (let r = 0; r < REPEATS; r++) {
    runs.forEach(({ workload, steps }, k) => {
      const start = cpuMs();
      sink += workload.run(steps);
      rates[k].push((steps * workload.samplesInStep()) / ((cpuMs() - start) / 1000));
    });
  }
  for (const { workload } of runs) workload.free();
  if (Number.isNaN(sink)) console.warn(`  (${name}: a workload returned NaN)`);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratios = rates[0].map((engine, r) => engine / rates[1][r]);
  return { engine: Math.round(median(rates[0])), baseline: Math.round(median(rates[1])), ratio: median(ratios) };
}

/** The digits table: samples/s and GMAC/s natively and in wasm, engine/baseline, and × TF.js. */
function printDigits(digits, native, wasm, BenchWorkload) {
  console.log("\ndigits (softmax, 1,438 training images, lr 0.03, tanh): samples/s, GMAC/s, × TF.js wasm");
  console.log("workload         where       engine  GMAC/s      baseline  engine/baseline   × TF.js");
  for (const { name, arch, batch } of digits) {
    const macs = BenchWorkload.macsPerSample(arch);
    for (const [where, figures] of [["native", native[name]], ["wasm", wasm[name]]]) {
      if (!figures) continue;
      const speedup = figures.ratio ?? figures.engine / figures.baseline;
      const gmacs = ((figures.engine * macs) / 1e9).toFixed(2).padStart(7);
      const tfjs = figures.engine / TFJS[arch][batch];
      const goals =
        where === "wasm"
          ? `  (goals: ≥ ${DIGITS_OVER_BASELINE}× baseline ${mark(speedup >= DIGITS_OVER_BASELINE)}, ` +
            `≥ ${OVER_TFJS[arch][batch]}× TF.js ${mark(tfjs >= OVER_TFJS[arch][batch])})`
          : "";
      console.log(
        `${name.padEnd(16)} ${where.padEnd(6)} ${fmt(figures.engine)} ${gmacs} ${fmt(figures.baseline)} ${ratio(speedup)}   ${ratio(tfjs)}${goals}`,
      );
    }
  }
}

const fmt = (sps) => Math.round(sps).toLocaleString("en-US").padStart(13);
const ratio = (x) => `${x.toFixed(2)}×`.padStart(8);
const mark = (ok) => (ok ? "ok" : "BELOW TARGET");

need(GLUE, "run `make bench`, which builds it");
need(NATIVE, "run `cargo bench --bench throughput` first");
need(SHIPPED, "run `make build` first");
need(DIGITS, "it is committed with the repository");

const { BenchWorkload } = await loadGlue();
const native = JSON.parse(readFileSync(NATIVE, "utf8"));
const archs = BenchWorkload.archs();

const digitsFile = readFileSync(DIGITS);
const digits = BenchWorkload.digitsArchs().flatMap((arch) =>
  [...BenchWorkload.digitsBatches()].map((batch) => ({
    name: `${arch} b${batch}`,
    arch,
    batch,
    make: (implementation) => BenchWorkload.digits(arch, batch, implementation, digitsFile),
  })),
);
const workloads = [
  ...archs.map((arch) => ({ name: arch, make: (implementation) => new BenchWorkload(arch, implementation) })),
  ...digits,
];

const wasm = {};
for (const workload of workloads) {
  const { name } = workload;
  process.stdout.write(`timing wasm ${name}, engine and baseline in turn… `);
  wasm[name] = timePair(workload);
  console.log(`${fmt(wasm[name].engine).trim()} and ${fmt(wasm[name].baseline).trim()} samples/s (CPU time)`);
}

// Issue #21: one orthogonal layer's QR, which sets init::orthogonal::MAX_UNITS (native figures:
// `cargo run --release --example orthogonal_time`). CPU ms, the mean of a few draws.
const orthogonalMs = {};
for (const n of [64, 256, 1024]) {
  const draws = n > 256 ? 2 : 10;
  const start = cpuMs();
  for (let k = 0; k < draws; k++) BenchWorkload.orthogonalDraw(n, k);
  orthogonalMs[n] = (cpuMs() - start) / draws;
  console.log(`orthogonal init, one ${n} × ${n} layer (QR) in wasm: ${orthogonalMs[n].toFixed(2)} ms CPU`);
}

const shipped = readFileSync(SHIPPED);
const report = {
  native,
  wasm,
  orthogonal_ms: orthogonalMs,
  wasm_bytes: shipped.length,
  wasm_gzip_bytes: gzipSync(shipped, { level: 9 }).length,
};
writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

console.log("\nsamples/second (forward + backward + update; batch 10, lr 0.03, 500 points, tanh)\n");
console.log("arch            where       engine      baseline  engine/baseline");
for (const arch of archs) {
  for (const [where, figures] of [["native", native[arch]], ["wasm", wasm[arch]]]) {
    const speedup = figures.ratio ?? figures.engine / figures.baseline;
    const target = where === "wasm" ? `  (target ≥ ${TARGETS.engineOverBaseline[arch]}×: ${mark(speedup >= TARGETS.engineOverBaseline[arch])})` : "";
    console.log(`${arch.padEnd(15)} ${where.padEnd(6)} ${fmt(figures.engine)} ${fmt(figures.baseline)} ${ratio(speedup)}${target}`);
  }
}
printDigits(digits, native, wasm, BenchWorkload);
console.log("\nwasm/native");
for (const { name } of workloads) {
  if (!native[name]) continue;
  const engine = wasm[name].engine / native[name].engine;
  const baseline = wasm[name].baseline / native[name].baseline;
  console.log(`${name.padEnd(16)} engine ${ratio(engine)} (target ≥ ${TARGETS.wasmOverNative}×: ${mark(engine >= TARGETS.wasmOverNative)})   baseline ${ratio(baseline)}`);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(
  `\nshipped wasm (pkg/initlab_bg.wasm): ${kb(report.wasm_bytes)} raw, ${kb(report.wasm_gzip_bytes)} gzip ` +
    "(its guard is checked by the browser half, scripts/bench-browser.mjs)",
);
console.log(`\nwritten: ${OUT}`);

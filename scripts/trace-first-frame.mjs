// Where the phone's first frame goes (issue #18): visits the built site on the profile of
// scripts/first-frame.mjs, traces the visit over CDP (the Tracing domain), and prints the
// page's main-thread time from navigation to `initlab.ready` by kind of work, with its CPU
// time beside it, whether the wasm came from V8's code cache, and the longest tasks.
//
//   node scripts/trace-first-frame.mjs [warm|cold] [runs] [site…]   (after `make build`)
//
// `site`: built copies of the site to trace (default: this repository), visited in turn run
// after run, so that builds are compared under the same load; the last lines give each one's
// medians of the ready time and of the main thread's CPU time. On a host shared with other
// work the CPU time swings far less than the wall time: compare builds by it.
//
// A measuring tool, not a benchmark: tracing slows the page, and on a shared machine the wall
// times swing with the load (printed); compare kinds of work, and runs taken side by side.

import { loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "./chromium.mjs";
import { phoneContext, selfSignedCertificate, serviceWorkerSettled, throttledPage, timeToReady } from "./first-frame.mjs";
import { startServer } from "./static-server.mjs";

const SITES = process.argv.length > 4 ? process.argv.slice(4).map((site) => resolve(site)) : [resolve(dirname(fileURLToPath(import.meta.url)), "..")];
const WHICH = process.argv[2] ?? "warm";
const RUNS = Number(process.argv[3] ?? 1);
const CATEGORIES = [
  "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "v8.wasm",
  "disabled-by-default-v8.wasm.detailed", "blink.user_timing", "loading", "toplevel",
  "disabled-by-default-v8.compile",
];

/** Kinds of main-thread work, by trace event name; an event of none counts as its parent's. */
const KINDS = [
  [/^ParseHTML$/, "HTML parse (and its requests)"],
  [/^ParseAuthorStyleSheet$/, "CSS parse"],
  [/^(UpdateLayoutTree|Layout|PrePaint|Paint|Commit|Layerize|UpdateLayer)$/, "style, layout, paint"],
  [/^(v8\.produceModuleCache|v8\.produceCache|V8\.CompileSerialize)$/, "JS code cache production"],
  [/^(v8\.compileModule|v8\.compile|V8\.(CompileStreamedModule|CompileCode|ParseFunction|CompileIgnition|ParseProgram|CompileLazy|CollectSourcePositions|CompileIgnitionFinalization)|V8\.(OffThread|Streaming)Finalization.*)$/, "JS parse and compile"],
  [/^(wasm\.CompileLazy|wasm\.CompileBaseline|wasm\.AddCompiledCode|wasm\.PublishCode)$/, "wasm compiled on first call"],
  [/^(v8\.wasm\.|wasm\.)/, "wasm stream, compile, instantiate"],
  [/^(v8\.evaluateModule|v8\.callFunction|FunctionCall|RunMicrotasks|EventDispatch|TimerFire|FireAnimationFrame|v8\.run|EvaluateScript)$/, "JS and wasm running"],
  [/^(DocumentLoader::.*|LocalWindowProxy::.*|V8\.DeserializeContext)$/, "navigation commit, context"],
];
const OTHER = "other (task and IPC overhead)";
const kindOf = (name) => KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? null;

/** Traces `run()` (which resolves to the ms of ready) in the whole browser: {ms, events}. */
async function traced(browser, run) {
  const cdp = await browser.newBrowserCDPSession();
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((done) => cdp.once("Tracing.tracingComplete", done));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: CATEGORIES }, transferMode: "ReportEvents" });
  const ms = await run();
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  return { ms, events };
}

/** The page's main-thread complete events from its navigationStart to `ms` later, by start. */
function mainThread(events, ms) {
  const nav = events.find((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL?.startsWith("https"));
  const end = nav.ts + ms * 1000;
  const mine = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === "X" && e.ts >= nav.ts && e.ts + e.dur <= end);
  return { start: nav.ts, pid: nav.pid, events: mine.sort((a, b) => a.ts - b.ts || b.dur - a.dur) };
}

/**
 * Self time (wall and CPU, ms) by kind of work: each event's time less its children's; and of
 * the work of no kind, the same by event name (what "other" is made of).
 */
function byKind(events) {
  const totals = {};
  const others = {};
  const stack = [];
  const own = new Map();
  for (const e of events) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    e.kind = kindOf(e.name) ?? parent?.kind ?? OTHER;
    own.set(e, [e.dur, e.tdur ?? 0]);
    if (parent) own.set(parent, own.get(parent).map((t, i) => t - [e.dur, e.tdur ?? 0][i]));
    stack.push(e);
  }
  for (const [e, [wall, cpu]] of own) {
    const total = (totals[e.kind] ??= { wall: 0, cpu: 0 });
    total.wall += wall / 1000;
    total.cpu += cpu / 1000;
    if (e.kind !== OTHER) continue;
    const other = (others[e.name] ??= { wall: 0, cpu: 0, count: 0 });
    other.wall += wall / 1000;
    other.cpu += cpu / 1000;
    other.count += 1;
  }
  return { totals, others };
}

/** Busy wall time of the main thread (the union of its top-level tasks), ms. */
function busyMs(events) {
  let busy = 0;
  let until = 0;
  for (const e of events) {
    const from = Math.max(e.ts, until);
    if (e.ts + e.dur > from) busy += e.ts + e.dur - from;
    until = Math.max(until, e.ts + e.dur);
  }
  return busy / 1000;
}

/** What the trace says of the wasm: code-cache hit, functions compiled lazily, when it started. */
function wasmSummary(events, main) {
  const mine = events.filter((e) => e.pid === main.pid && e.ts >= main.start);
  const first = (name) => mine.find((e) => e.name === name);
  const at = (e) => (e ? `${Math.round((e.ts - main.start) / 1000)} ms` : "never");
  const lazy = mine.filter((e) => e.name === "wasm.CompileLazy");
  return [
    `streaming compile started at ${at(first("wasm.StartStreamingCompilation"))}, ` +
      `instantiated at ${at(first("wasm.SyncInstantiate") ?? first("wasm.AsyncInstantiate"))}`,
    `V8's wasm code cache: ${first("v8.wasm.compileConsume") ? "hit (compileConsume)" : "not used (compiled from the bytes)"}`,
    `functions compiled on their first call: ${lazy.length} (${Math.round(lazy.reduce((s, e) => s + e.dur, 0) / 1000)} ms wall)`,
  ];
}

/** The report's lines for one traced visit, and its main thread's CPU ms. */
function report({ ms, events }) {
  const main = mainThread(events, ms);
  const { totals: kinds, others } = byKind(main.events);
  const top = main.events.filter((e) => !main.events.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur));
  const idle = ms - busyMs(top);
  const rows = Object.entries(kinds).sort((a, b) => b[1].wall - a[1].wall);
  const long = top.filter((e) => e.dur > 30_000).map((e) => `${Math.round((e.ts - main.start) / 1000)} ms +${Math.round(e.dur / 1000)}`);
  const cpu = Object.values(kinds).reduce((sum, t) => sum + t.cpu, 0);
  const lines = [
    `ready at ${Math.round(ms)} ms (load ${loadavg()[0].toFixed(1)} on this host); main thread ${Math.round(cpu)} ms of CPU; wall and CPU ms:`,
    ...rows.map(([kind, t]) => `  ${String(Math.round(t.wall)).padStart(6)} ${String(Math.round(t.cpu)).padStart(6)}  ${kind}`),
    `  ${String(Math.round(idle)).padStart(6)}         idle (waiting)`,
    `"other", its largest events (wall, CPU, count): ` +
      Object.entries(others)
        .sort((a, b) => b[1].wall - a[1].wall)
        .slice(0, 5)
        .map(([name, t]) => `${name} ${Math.round(t.wall)}/${Math.round(t.cpu)}/${t.count}`)
        .join(", "),
    ...wasmSummary(events, main),
    `tasks over 30 ms: ${long.join(", ") || "none"}`,
  ];
  return { lines, cpu };
}

/** One cold visit, or a warm one (after a cold visit whose service worker took over), traced. */
async function visit(browser, url) {
  const context = await phoneContext(browser);
  try {
    let page = await throttledPage(context);
    if (WHICH === "warm") {
      await timeToReady(page, url);
      await serviceWorkerSettled(page);
      await page.close();
      page = await throttledPage(context);
    }
    const visited = page;
    return await traced(browser, () => timeToReady(visited, url));
  } finally {
    await context.close();
  }
}

if (!["warm", "cold"].includes(WHICH)) {
  console.error(`trace-first-frame: warm or cold, not ${JSON.stringify(WHICH)}`);
  process.exit(1);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const tls = selfSignedCertificate();
const servers = await Promise.all(SITES.map((site) => startServer(site, 0, { tls })));
const browser = await launchBrowser(["--ignore-certificate-errors"]);
try {
  // As scripts/first-frame.mjs: an unthrottled visit fills each server's compression cache.
  for (const server of servers) {
    const warmUp = await browser.newContext();
    await (await warmUp.newPage()).goto(`${server.url}/`, { waitUntil: "load" });
    await warmUp.close();
  }
  const results = SITES.map(() => ({ ready: [], cpu: [] }));
  for (let run = 1; run <= RUNS; run++) {
    for (const [i, server] of servers.entries()) {
      console.log(`\n${WHICH} visit ${run} of ${RUNS}${SITES.length > 1 ? ` of ${SITES[i]}` : ""}`);
      const visited = await visit(browser, `${server.url}/`);
      const { lines, cpu } = report(visited);
      for (const line of lines) console.log(line);
      results[i].ready.push(visited.ms);
      results[i].cpu.push(cpu);
    }
  }
  console.log(`\nmedians of ${RUNS} ${WHICH} visits: ready ms, main-thread CPU ms`);
  for (const [i, { ready, cpu }] of results.entries()) {
    console.log(`  ${String(Math.round(median(ready))).padStart(6)} ${String(Math.round(median(cpu))).padStart(6)}  ${SITES[i]}`);
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}

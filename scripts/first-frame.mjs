// What a phone user feels (issue #18): the time from navigation to the page's first drawn
// frame (`initlab.ready` resolved), on Lighthouse's simulated mobile profile, emulated over
// CDP: the CPU 4× slower, 1.6 Mbps down, 750 kbps up, 150 ms round trip, at 390×844.
//  - cold: a fresh browser context (empty HTTP cache, no service worker);
//  - warm: a second visit in the same context, once the first visit's service worker
//    has taken over (as it has by the time a learner comes back).
// Each is the median of RUNS visits whose renderer kept the 4× CPU throttle, which Chromium
// sometimes loses for a visit (its renderer then runs no throttling thread: see renderers);
// a visit that lost it is run again and listed apart. The site is served as static hosts
// serve it: compressed, over HTTPS and HTTP/2 (scripts/static-server.mjs; a self-signed
// certificate made by openssl for the run, which the browser is told to accept). Over plain
// HTTP/1.1 a browser opens 6 connections per host and queues the rest, each request waiting
// a round trip: at 150 ms that is not what a phone on a real host feels.
// Used by scripts/bench-browser.mjs (`make bench`), and alone by
// `node scripts/bench-browser.mjs --only first-frame` after `make dist` (it measures dist/, the minified site a static host serves).

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser } from "./chromium.mjs";
import { startServer } from "./static-server.mjs";

/** Lighthouse's mobile profile, with the viewport the page's phone tests use. */
export const PHONE = {
  cpuSlowdown: 4,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  roundTripMs: 150,
  viewport: { width: 390, height: 844 },
  // Lighthouse's emulated phone (a Moto G Power) has 1.75 device pixels per CSS pixel.
  deviceScaleFactor: 1.75,
};
export const GOALS = { coldMs: 2500, warmMs: 800 };
const RUNS = 3;

/** The console line by which the page reports its first frame: READY_LINE + " " + ms. */
const READY_LINE = "initlab first frame at";

/**
 * Records, in the page, when `initlab.ready` resolves: ms since navigation started
 * (performance.now()'s origin), written to the console. main.js assigns `window.initlab`
 * before the engine loads, so a setter sees it before `ready` can resolve.
 */
function recordReady() {
  let api;
  Object.defineProperty(window, "initlab", {
    configurable: true,
    get: () => api,
    set(value) {
      api = value;
      value?.ready?.then(() => console.debug(`initlab first frame at ${performance.now()}`));
    },
  });
}

/** A page in `context` with the phone's CPU and network, and the ready-time recorder. */
export async function throttledPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PHONE.roundTripMs,
    downloadThroughput: PHONE.downloadBitsPerSecond / 8,
    uploadThroughput: PHONE.uploadBitsPerSecond / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
  await page.addInitScript(recordReady);
  return page;
}

/**
 * Opens `url` in `page` and resolves to the ms from navigation to the first frame. It listens
 * to the console rather than polling the page with waitForFunction: a poll is a script the
 * driver injects and runs in the page (~60 ms at the 4× slower CPU, and a task every poll),
 * which a learner's page does not run and which delayed the frame it timed.
 */
export async function timeToReady(page, url) {
  const line = page.waitForEvent("console", { predicate: (m) => m.text().startsWith(READY_LINE), timeout: 60_000 });
  await page.goto(url, { waitUntil: "commit" });
  return Number((await line).text().slice(READY_LINE.length));
}

/** The parent process id of `pid` (from /proc), or 0 when it is gone. */
function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return 0;
  }
}

/** Whether process `pid` descends from this Node process (a renderer of our own browser). */
function ours(pid) {
  for (let up = Number(pid); up > 1; up = parentOf(up)) if (up === process.pid) return true;
  return false;
}

/**
 * Our Chromium's renderers, by process id (Linux, from /proc): the CPU ms of each one's main
 * thread, and whether it runs Blink's CPU throttling thread ("CPUThrottlingThread", which
 * exists while a 4× rate is set in that process). Other programs' browsers on the host are
 * left out.
 */
export function renderers() {
  const tick = 1000 / 100; // USER_HZ: /proc counts CPU time in 1/100 s
  const found = new Map();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer") || !ours(pid)) continue;
      const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
      const [utime, stime] = stat.slice(stat.lastIndexOf(")") + 2).split(" ").slice(11, 13).map(Number);
      const threads = readdirSync(`/proc/${pid}/task`).map((task) => readFileSync(`/proc/${pid}/task/${task}/comm`, "utf8"));
      found.set(pid, { cpuMs: (utime + stime) * tick, throttled: threads.some((name) => name.startsWith("CPUThrottling")) });
    } catch {
      // the process ended while it was read
    }
  }
  return found;
}

/**
 * The visited page's renderer since `before` (renderers()): the one whose main thread used
 * the most CPU. {cpu_ms, throttled}: its CPU ms (about 4× the page's work when throttled,
 * Blink's throttler busy-waiting 3× as long as the thread last ran), and whether it runs the
 * throttling thread once `ready` is heard. In 2 of 20 traced warm visits the throttle had not
 * applied: the main thread used a quarter of its siblings' CPU time.
 */
export function visitRenderer(before) {
  let visited = { cpu_ms: 0, throttled: false };
  for (const [pid, now] of renderers()) {
    const cpu = now.cpuMs - (before.get(pid)?.cpuMs ?? 0);
    if (cpu >= visited.cpu_ms) visited = { cpu_ms: cpu, throttled: now.throttled };
  }
  return visited;
}

/** Waits until the page's service worker controls it and has cached the site (or 60 s). */
export async function serviceWorkerSettled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, {
    timeout: 60_000,
    polling: 100,
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms) => Math.round(ms);

/** A throwaway self-signed certificate for 127.0.0.1: {key, cert}, PEM. */
export function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), "initlab-tls-"));
  try {
    const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
      { stdio: "ignore" },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves the site at `root` over HTTPS/HTTP/2 and measures its first frame on the phone;
 * resolves to {cold_ms, warm_ms, cold_runs_ms, warm_runs_ms, goals, profile}.
 */
export async function firstFramePhone(root) {
  const server = await startServer(root, 0, { tls: selfSignedCertificate() });
  // The certificate is self-signed: without this switch the service worker is refused.
  const browser = await launchBrowser(["--ignore-certificate-errors"]);
  try {
    return { ...(await measure(browser, `${server.url}/`)), protocol: "h2" };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** How many more visits are made when some lost their throttle, before the measurement fails. */
const RETRIES = 4;

/** The visits of `visits` whose renderer ran with the throttle. */
const throttled = (visits) => visits.filter((visit) => visit.throttled);

/** A fresh browser context of the emulated phone (its screen, density, touch): one per visit pair. */
export function phoneContext(browser) {
  return browser.newContext({
    viewport: PHONE.viewport,
    deviceScaleFactor: PHONE.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
}

/** A cold visit in a fresh context, then a warm one once its service worker took over. */
async function coldThenWarm(browser, url) {
  const context = await phoneContext(browser);
  try {
    const first = await throttledPage(context);
    let before = renderers();
    const cold = { ms: await timeToReady(first, url), ...visitRenderer(before) };
    await serviceWorkerSettled(first);
    await first.close();
    const second = await throttledPage(context);
    before = renderers();
    const warm = { ms: await timeToReady(second, url), ...visitRenderer(before) };
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/**
 * Cold and warm first frames of `url` in `browser`, RUNS kept visits each (any server); a
 * visit that lost its throttle is listed under `lost_throttle` and replaced by another.
 */
export async function measure(browser, url) {
  // One unthrottled visit first: the server compresses each file on its first request, and a
  // static host serves precompressed files; this fills the server's cache.
  const warmUp = await browser.newContext();
  await (await warmUp.newPage()).goto(url, { waitUntil: "load" });
  await warmUp.close();
  const cold = [];
  const warm = [];
  const enough = () => throttled(cold).length >= RUNS && throttled(warm).length >= RUNS;
  for (let visit = 0; visit < RUNS + RETRIES && (visit < RUNS || !enough()); visit++) {
    const pair = await coldThenWarm(browser, url);
    cold.push(pair.cold);
    warm.push(pair.warm);
  }
  if (!enough()) throw new Error(`first frame: the CPU throttle was lost in too many visits (${JSON.stringify({ cold, warm })})`);
  // The kept visits: the first RUNS of each kind whose throttle held.
  const [keptCold, keptWarm] = [cold, warm].map((visits) => throttled(visits).slice(0, RUNS));
  const lost = (visits) => visits.filter((visit) => !visit.throttled).map(rounded);
  return {
    // The CPU throttle slows the page's main thread relative to the host's speed: on a host
    // already busy with other work, the times are longer (recorded beside them).
    host: { load_1min: Math.round(loadavg()[0] * 10) / 10, cores: availableParallelism() },
    cold_ms: round(median(keptCold.map((visit) => visit.ms))),
    warm_ms: round(median(keptWarm.map((visit) => visit.ms))),
    cold_runs_ms: keptCold.map((visit) => round(visit.ms)),
    warm_runs_ms: keptWarm.map((visit) => round(visit.ms)),
    // The renderer main thread's CPU ms of each kept visit (about 4× the page's work).
    cold_runs_cpu_ms: keptCold.map((visit) => round(visit.cpu_ms)),
    warm_runs_cpu_ms: keptWarm.map((visit) => round(visit.cpu_ms)),
    lost_throttle: { cold: lost(cold), warm: lost(warm) },
    goals: { cold_ms: GOALS.coldMs, warm_ms: GOALS.warmMs },
    profile: PHONE,
  };
}

const rounded = (visit) => ({ ms: round(visit.ms), cpu_ms: round(visit.cpu_ms) });

/** The report's lines for a result of firstFramePhone. */
export function firstFrameLines(result) {
  const mark = (ok) => (ok ? "ok" : "ABOVE GOAL");
  const line = (label, ms, runs, goal) =>
    `${label.padEnd(34)} median ${String(ms).padStart(7)} ms   runs ${runs.join(", ")} ms   (goal ≤ ${goal} ms: ${mark(ms <= goal)})`;
  return [
    `first frame on a phone (CPU ${PHONE.cpuSlowdown}× slower, ${PHONE.downloadBitsPerSecond / 1e6} Mbps down, ` +
      `${PHONE.uploadBitsPerSecond / 1e3} kbps up, ${PHONE.roundTripMs} ms RTT, ` +
      `${PHONE.viewport.width}×${PHONE.viewport.height} at DPR ${PHONE.deviceScaleFactor})`,
    line("  cold (empty cache, no worker)", result.cold_ms, result.cold_runs_ms, GOALS.coldMs),
    line("  warm (second visit)", result.warm_ms, result.warm_runs_ms, GOALS.warmMs),
    `  renderer main thread's CPU ms, cold ${result.cold_runs_cpu_ms.join(", ")}, warm ${result.warm_runs_cpu_ms.join(", ")}` +
      ` (4× throttled work)`,
    ...["cold", "warm"]
      .filter((kind) => result.lost_throttle[kind].length > 0)
      .map((kind) => `  ${kind} visits run again, having lost the CPU throttle (ms/CPU ms): ` +
        result.lost_throttle[kind].map((visit) => `${visit.ms}/${visit.cpu_ms}`).join(", ")),
    ...(result.host.load_1min > result.host.cores
      ? [`  (the host was busy: load ${result.host.load_1min} on ${result.host.cores} cores, so these times are inflated)`]
      : []),
  ];
}

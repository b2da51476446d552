// `make shots`: screenshots of the built page to look at, not a test. Writes every view, and
// every lesson's first screen and the view it points at, at 1280×800 (desktop) and 390×844
// (phone); and the explorer and every lesson in a 640×480 iframe with ?embed=1 (as course
// notes frame it). Into test-output/shots/.
// Fails, after writing what it could, if a page logged an error or a request failed.
// Needs `make build` first (pkg/), then: node scripts/shots.mjs

import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "./chromium.mjs";
import { startServer } from "./static-server.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const OUT = join(ROOT, "test-output", "shots");

/** The sizes a learner sees the page at; the phone is a touch screen at 2 device pixels per px. */
const SIZES = [
  { name: "1280", viewport: { width: 1280, height: 800 }, options: {} },
  { name: "390", viewport: { width: 390, height: 844 }, options: { deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
];
/** The embed frame of the course notes (tests/e2e/embed.test.mjs checks the page fits it). */
const FRAME = { width: 640, height: 480 };
/** Steps trained before the explorer's shots, so that the charts show a run, not only an init. */
const STEPS = 100;

/** Every console error, uncaught exception and failed request, by page. */
const problems = [];

/** Records what goes wrong on `page` (and in its frames) under `label`. */
function watch(page, label) {
  page.on("console", (msg) => msg.type() === "error" && problems.push(`${label}: console: ${msg.text()}`));
  page.on("pageerror", (error) => problems.push(`${label}: uncaught: ${error.message}`));
  page.on("requestfailed", (r) => problems.push(`${label}: request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${label}: HTTP ${r.status()}: ${r.url()}`));
}

/** Waits until the page in `target` (a page or a frame) has drawn every chart once. */
async function ready(target) {
  await target.waitForFunction(() => window.initlab !== undefined);
  await target.evaluate(() => window.initlab.drawn);
}

/** Opens `url` in a fresh context of `size`; runs `body(page)`, then closes the context. */
async function withPage(browser, url, size, label, body) {
  const context = await browser.newContext({ viewport: size.viewport, ...size.options });
  try {
    const page = await context.newPage();
    watch(page, label);
    await page.goto(url);
    await ready(page);
    return await body(page);
  } finally {
    await context.close();
  }
}

/** Saves a screenshot of `target` (a page or a locator) as shots/<name>.png. */
async function save(target, name, options = {}) {
  await target.screenshot({ path: join(OUT, `${name}.png`), ...options });
  console.log(`  ${name}.png`);
}

/** The views (the page's data-view panels) and the lessons (the engine's list), from the page. */
function contents(browser, base) {
  return withPage(browser, `${base}/`, SIZES[0], "explorer", (page) =>
    page.evaluate(() => ({
      views: [...document.querySelectorAll("section[data-view]")].map((s) => s.dataset.view),
      lessons: window.initlab.lessons().map(({ id }) => id),
    })),
  );
}

/**
 * The explorer after a few steps: the whole page, then each view's panel on its own (with
 * the sticky transport bar let go for the moment, so that it covers no panel's top).
 */
function shootViews(browser, base, size, views) {
  return withPage(browser, `${base}/`, size, `explorer ${size.name}`, async (page) => {
    await page.evaluate((steps) => window.initlab.step(steps), STEPS);
    await settle(page);
    await save(page, `explorer-${size.name}`, { fullPage: true });
    await page.evaluate(() => (document.querySelector(".transport").style.position = "static"));
    for (const view of views) {
      const panel = page.locator(`section[data-view="${view}"]`);
      if (!(await panel.isVisible())) {
        problems.push(`view ${view} is hidden at ${size.name}`);
        continue;
      }
      await panel.scrollIntoViewIfNeeded();
      await save(panel, `view-${view}-${size.name}`);
    }
  });
}

/**
 * Waits for the fonts and, up to 20 s, for the views that fill over a few frames (the loss
 * landscape); a shot of a landscape still filling is still worth looking at.
 */
async function settle(page) {
  const filled = () => document.getElementById("chart-landscape")?.getAttribute("aria-busy") !== "true";
  await page.waitForFunction(filled, null, { timeout: 20_000 }).catch(() => console.log("  (the landscape is still filling)"));
  await page.evaluate(() => document.fonts.ready.then(() => new Promise(requestAnimationFrame)));
}

/** Each lesson as it opens: the first screen, and the view the lesson points at. */
async function shootLessons(browser, base, size, lessons) {
  for (const id of lessons) {
    await withPage(browser, `${base}/?lesson=${id}`, size, `lesson ${id} ${size.name}`, async (page) => {
      await settle(page);
      await save(page, `lesson-${id}-${size.name}`);
      const focus = page.locator(".lesson-focus");
      if ((await focus.count()) !== 1) return problems.push(`lesson ${id} points at ${await focus.count()} views`);
      await page.evaluate(() => (document.querySelector(".transport").style.position = "static"));
      await focus.scrollIntoViewIfNeeded();
      await save(focus, `lesson-${id}-${size.name}-view`);
    });
  }
}

/**
 * `query` with embed=1 in a 640×480 iframe of a blank host page, as course notes frame it;
 * the shot is the frame alone.
 */
async function shootEmbedded(browser, base, query, name) {
  const host = { viewport: { width: FRAME.width + 40, height: FRAME.height + 40 }, options: {} };
  const context = await browser.newContext({ viewport: host.viewport });
  try {
    const page = await context.newPage();
    watch(page, `embed ${name}`);
    const src = `${base}/${query}${query ? "&" : "?"}embed=1`;
    await page.setContent(
      `<body style="margin:20px"><iframe src="${src}" width="${FRAME.width}" height="${FRAME.height}" style="border:0" title="InitLab"></iframe></body>`,
    );
    const frame = await (await page.waitForSelector("iframe")).contentFrame();
    await ready(frame);
    await settle(frame);
    await save(page.locator("iframe"), `embed-${name}-${FRAME.width}x${FRAME.height}`);
  } finally {
    await context.close();
  }
}

async function main() {
  if (!existsSync(join(ROOT, "pkg", "initlab_bg.wasm"))) {
    throw new Error("pkg/initlab_bg.wasm is missing: run `make build` first (or `make shots`)");
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const server = await startServer(ROOT);
  const browser = await launchBrowser();
  try {
    const { views, lessons } = await contents(browser, server.url);
    console.log(`${views.length} views, ${lessons.length} lessons → ${OUT}`);
    for (const size of SIZES) {
      await shootViews(browser, server.url, size, views);
      await shootLessons(browser, server.url, size, lessons);
    }
    await shootEmbedded(browser, server.url, "", "explorer");
    for (const id of lessons) await shootEmbedded(browser, server.url, `?lesson=${id}`, `lesson-${id}`);
  } finally {
    await browser.close();
    await server.close();
  }
  if (problems.length > 0) {
    console.error(`shots: ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  }
}

await main();

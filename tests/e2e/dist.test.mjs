// The site as a static host serves it: dist/ (`make dist`), its modules bundled by esbuild
// (scripts/bundle.mjs: main.js, its shared chunks, each on-demand module under its own name),
// the other scripts and the styles minified (scripts/minify.mjs). The numbers of `make size`
// and `make bench` weigh it, so it must work as the source tree does: the first frame drawn
// with no error, exactly the first-load files that `make size` counts fetched (and preloaded
// by dist's own index.html), a lesson with its words, the restarts worker, and a service
// worker built for these files (not the source's copied).

import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parse } from "acorn";
import { shellFiles } from "../../scripts/build-sw.mjs";
import { COMPILE_HINT, STYLESHEET, linked } from "../../scripts/bundle.mjs";
import { firstLoadFiles, staticImports } from "../../scripts/first-load.mjs";
import { ROOT, launchBrowser, openPage, startServer } from "./helpers.mjs";

const DIST = join(ROOT, "dist");
/** Fetched once the page runs, never before its first frame: the offline registration. */
const AFTER_READY = ["www/offline.js", "sw.js"];

const env = {};

before(async () => {
  if (!existsSync(join(DIST, "pkg", "initlab_bg.wasm"))) {
    throw new Error("dist/ is missing: run `make dist` (or `make test`) first");
  }
  env.server = await startServer(DIST);
  env.source = await startServer(ROOT);
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  await env.source?.close();
});

/** The value of `const NAME = …;` in the header scripts/build-sw.mjs writes atop sw.js. */
function swConstant(file, name) {
  const match = new RegExp(`^const ${name} = (.*?);$`, "ms").exec(readFileSync(file, "utf8"));
  assert.ok(match, `${file} declares ${name}`);
  return JSON.parse(match[1]);
}

/**
 * In the page, before it loads: when `initlab.ready` resolves, records whether the activation
 * chart (on screen at 1280×800) has a pixel that differs from its corner, the background.
 */
function recordDrawnAtReady() {
  let api;
  Object.defineProperty(window, "initlab", {
    configurable: true,
    get: () => api,
    set(value) {
      api = value;
      value.ready.then(() => {
        const canvas = document.getElementById("chart-activation");
        const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
        const differs = (i) => [0, 1, 2, 3].some((k) => data[i + k] !== data[k]);
        let drawn = 0;
        for (let i = 4; i < data.length; i += 4) drawn += differs(i) ? 1 : 0;
        window.__drawnAtReady = { drawn, width: canvas.width, height: canvas.height };
      });
    },
  });
}

/** Opens dist's page at `query`, recording the site's files it requests (paths, no query). */
async function openDist(query) {
  const requested = new Set();
  const browser = {
    newContext: async (options) => {
      const context = await env.browser.newContext(options);
      await context.addInitScript(recordDrawnAtReady);
      context.on("request", (request) => {
        const url = new URL(request.url());
        if (!request.serviceWorker() && url.origin === env.server.url) requested.add(url.pathname.slice(1) || "index.html");
      });
      return context;
    },
  };
  const opened = await openPage(browser, `${env.server.url}/${query}`);
  return { ...opened, atDrawn: new Set(requested) };
}

test("dist/ ships its scripts and styles without comments, and its service worker lists dist's files", () => {
  const scripts = [];
  const hinted = [];
  for (const file of shellFiles(DIST).filter((f) => f.endsWith(".js"))) {
    const comments = [];
    const source = readFileSync(join(DIST, file), "utf8");
    parse(source, { ecmaVersion: "latest", sourceType: "module", onComment: comments });
    // V8's compile hint, a comment the browser reads, may open a script; no other comment.
    if (source.startsWith(COMPILE_HINT)) hinted.push(file);
    const others = comments.filter((comment) => !(comment.start === 0 && `//${comment.value}` === COMPILE_HINT));
    if (others.length > 0) scripts.push(`${file}: ${others.length} comments`);
  }
  assert.deepEqual(scripts, []);
  // Exactly the page's scripts run at start (its module script and the modules index.html
  // preloads) have all their functions compiled as they stream in.
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const atStart = [...html.matchAll(/<(?:script type="module" src|link rel="modulepreload" href)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(atStart.includes("www/main.js") && atStart.includes("pkg/initlab.js"), `index.html's scripts: ${atStart}`);
  assert.deepEqual(hinted.sort(), atStart.sort());
  // The first-load stylesheet is the source's sheets of index.html in one; the others keep their names.
  const sourceSheets = linked(readFileSync(join(ROOT, "index.html"), "utf8"), "stylesheet");
  const sourceSize = (file) => (file === STYLESHEET ? sourceSheets : [file]).reduce((sum, f) => sum + statSync(join(ROOT, f)).size, 0);
  for (const file of shellFiles(DIST).filter((f) => f.endsWith(".css"))) {
    assert.ok(!readFileSync(join(DIST, file), "utf8").includes("/*"), `${file} has a comment`);
    assert.ok(statSync(join(DIST, file)).size < sourceSize(file), `${file} is smaller than its source`);
  }
  assert.deepEqual(swConstant(join(DIST, "sw.js"), "SHELL"), shellFiles(DIST));
});

/** The relative specifiers of `source`'s `import("…")` calls with a literal (on-demand modules). */
function dynamicImports(source) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "ImportExpression" && node.source.type === "Literal") found.push(node.source.value);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === "object") visit(child);
    }
  };
  visit(parse(source, { ecmaVersion: "latest", sourceType: "module" }));
  return found.filter((specifier) => /^\.{1,2}\//.test(specifier));
}

test("dist/ bundles the page's modules: index.html preloads main.js's chunks, every import resolves", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]).sort();
  // main.js's static import closure in dist: its shared chunks, preloaded, with the glue.
  const chunks = [];
  const queue = ["www/main.js"];
  while (queue.length > 0) {
    for (const specifier of staticImports(readFileSync(join(DIST, queue.shift()), "utf8"))) {
      const path = new URL(specifier, "http://x/www/main.js").pathname.slice(1);
      if (!chunks.includes(path)) queue.push(path);
      if (!chunks.includes(path)) chunks.push(path);
    }
  }
  assert.deepEqual(preloaded, [...chunks, "pkg/initlab.js"].sort());
  // Bundled: none of the source's modules of main.js is fetched as a file of its own.
  const bundled = (root) => firstLoadFiles(root).filter((file) => file.startsWith("www/") && file.endsWith(".js"));
  const left = bundled(ROOT).filter((file) => file !== "www/main.js" && chunks.includes(file));
  assert.deepEqual(left, []);
  assert.ok(bundled(DIST).length < bundled(ROOT).length / 2, `${bundled(DIST).length} scripts for the source's ${bundled(ROOT).length}`);
  // Every import of every script, static or on demand, names a file dist/ has.
  const broken = [];
  for (const file of shellFiles(DIST).filter((f) => f.endsWith(".js") && f !== "sw.js")) {
    const source = readFileSync(join(DIST, file), "utf8");
    for (const specifier of [...staticImports(source), ...dynamicImports(source)]) {
      const target = new URL(specifier, `http://x/${file}`).pathname.slice(1);
      if (!existsSync(join(DIST, target))) broken.push(`${file} → ${specifier}`);
    }
  }
  assert.deepEqual(broken, []);
});

/**
 * In the page: a few computed properties of every element of the body, in document order, so
 * that two copies of the page can be compared for the cascade their stylesheets give.
 */
function computedStyles() {
  const properties = ["display", "position", "color", "background-color", "font-size", "font-weight", "margin", "padding", "width", "grid-template-columns", "border-left-width"];
  return [...document.body.querySelectorAll("*")].map((element) => {
    const style = getComputedStyle(element);
    return `${element.tagName}#${element.id}.${element.className} ${properties.map((p) => style.getPropertyValue(p)).join("|")}`;
  });
}

test("dist's one first-load stylesheet styles the page as the source's six do, at both sizes", async () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  assert.deepEqual(linked(html, "stylesheet"), [STYLESHEET]);
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    const [source, dist] = await Promise.all(
      [env.source, env.server].map((server) => openPage(env.browser, `${server.url}/?lesson=constant`, viewport)),
    );
    try {
      const [expected, actual] = await Promise.all([source, dist].map((opened) => opened.page.evaluate(computedStyles)));
      assert.ok(expected.length > 300, `${expected.length} elements compared`);
      const differ = actual.flatMap((line, i) => (line === expected[i] ? [] : [`${expected[i]}  →  ${line}`]));
      assert.deepEqual(differ.slice(0, 5), [], `${viewport.width}×${viewport.height}: ${differ.length} elements differ`);
      assert.equal(actual.length, expected.length);
    } finally {
      await source.close();
      await dist.close();
    }
  }
});

test("the minified page draws its first frame with no error and fetches exactly dist's first-load files", async () => {
  const opened = await openDist("");
  try {
    const { drawn, width, height } = await opened.page.evaluate(() => window.__drawnAtReady);
    assert.ok(width > 0 && height > 0, "the chart has its size at the first frame");
    assert.ok(drawn > 100, `${drawn} pixels differ from the chart's background at the first frame`);
    const icon = (file) => file.startsWith("www/icons/");
    const fetched = [...opened.atDrawn].filter((file) => !icon(file) && !AFTER_READY.includes(file)).sort();
    assert.deepEqual(fetched, firstLoadFiles(DIST));
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("in the minified page a lesson opens with its words and the restarts worker runs", async () => {
  const opened = await openDist("");
  const { page } = opened;
  try {
    assert.deepEqual(await page.evaluate(() => window.initlab.openLesson("zero-tanh")), { ok: true });
    const shown = await page.evaluate(() => window.initlab.lessonShown());
    assert.equal(shown.id, "zero-tanh");
    assert.ok(shown.question.text.length > 20, "the question's words are there once lessonShown resolves");
    assert.equal(await page.locator("#lesson-question-text").textContent(), shown.question.text);

    const restarts = await page.evaluate(() => window.initlab.restarts({ runs: 2, steps: 20 }));
    assert.equal(restarts.runs.length, 2);
    assert.ok(restarts.runs.every((run) => Number.isFinite(run.loss)), JSON.stringify(restarts.runs));
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

test("in the minified page the other on-demand modules load and work: Share, the A/B panel, the compact page", async () => {
  const opened = await openDist("");
  const { page } = opened;
  try {
    await page.locator("#share-toggle").click();
    await page.locator("#share-menu").waitFor();
    assert.deepEqual(await page.evaluate(() => window.initlab.compare({ init: "zeros" })), { ok: true });
    await page.locator("#chart-boundary-b").waitFor();
    assert.equal(await page.locator("#b-init").inputValue(), "zeros");
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
  const embed = await openDist("?embed=1");
  try {
    assert.equal(await embed.page.evaluate(() => document.documentElement.classList.contains("embed")), true);
    assert.equal(await embed.page.locator(".top").isHidden(), true, "the compact page's styles apply");
    assert.deepEqual(embed.errors, []);
  } finally {
    await embed.close();
  }
});

test("dist's service worker is built for dist: its own version, and it caches the minified files", async () => {
  const version = swConstant(join(DIST, "sw.js"), "VERSION");
  if (existsSync(join(ROOT, "sw.js"))) {
    assert.notEqual(version, swConstant(join(ROOT, "sw.js"), "VERSION"), "not the source tree's sw.js");
  }
  const opened = await openDist("");
  const { page } = opened;
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const cached = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith("initlab "));
      const cache = await caches.open(names[0]);
      const sizes = {};
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).arrayBuffer();
        sizes[new URL(request.url).pathname.slice(1)] = body.byteLength;
      }
      return { names, sizes };
    });
    assert.equal(cached.names.length, 1, `one cache: ${cached.names}`);
    assert.ok(cached.names[0].endsWith(version), cached.names[0]);
    const expected = Object.fromEntries(shellFiles(DIST).map((file) => [file, statSync(join(DIST, file)).size]));
    assert.deepEqual(cached.sizes, expected);
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.close();
  }
});

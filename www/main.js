// Entry point: pick the language, load the wasm engine, start a Lab from the URL, wire the buttons.
// Only what the default explorer shows is imported here; the rest is fetched when first
// used (on-demand.js): the parent-page protocol in a frame, Share, the restarts' panel,
// the lesson panel with its words, the A/B panel, the network diagram's tooltip, the
// compact page's code and styles, the offline registration. The lessons' menus, titles and
// state are in the first load (lesson-core.js), so that `initlab.openLesson()` and
// `initlab.lesson()` always answer at once.

import { createApi } from "./api.js";
import { createCharts } from "./charts.js";
import { createControls } from "./controls.js";
import { choosesDigits, loadDigits } from "./digits-choice.js";
import { createExport } from "./export.js";
import { createLanguagePicker, startLanguage } from "./language.js";
import { createLessons, loadLessonLayer } from "./lesson-core.js";
import { prepareNumbers } from "./numbers.js";
import { loadStylesheet, once } from "./on-demand.js";
import { pageParamsQuery, querySets, readAddress } from "./page-params.js";
import { createRestarts } from "./restarts.js";
import { applyStaticText, chartLabels, currentLanguage, languageInUrl, setEnglishErrors } from "./strings.js";
import { view } from "./view.js";
import { wirePhase } from "./phase.js";
import { createViews } from "./views.js";

// In a frame (course notes), the page talks to its parent: fetched at once, beside the language.
const framed = window.parent !== window;
const messagesCode = framed ? import("./messages.js") : null;

// Intl's one-time set-up, paid by a worker while the page loads (www/intl-warmup.js says why).
const intlWarm = warmIntlOffThread();

// The engine first: its wasm (preloaded by index.html) compiles while the language loads.
// A dynamic import, so that a missing or broken build is reported in the page. The glue
// instantiates as the wasm streams in, with its 90 imports known: compiling it apart first
// (WebAssembly.compileStreaming) was tried and dropped: its end still waited behind this
// module's work, and in one trace instantiating the compiled module then took 80 ms of the
// main thread at 4× CPU (~1 ms here), likely building the import wrappers.
const compiled = import("../pkg/initlab.js").then(async (wasm) => {
  await wasm.default();
  return wasm;
});
compiled.catch(() => {}); // reported through `engine` below, once the page can show it

// The page's own parameters (lang, embed, course) come out of the query; the engine reads the rest.
const params = readAddress();

// The language first (its table may need fetching), so the page is never shown half-translated.
// A language the page lacks falls back to English, not to the browser's, as its notice says.
const browserLanguages = params.refused.includes("lang") ? [] : (navigator.languages ?? []);
const languageNotices = await startLanguage(params.lang, browserLanguages);
applyStaticText(document);

/** The compact page's code, fetched only when embedded. */
const embedCode = params.embed ? import("./embed-mode.js") : null;
let updateEmbed = () => {};
/** Draws the phase diagram again while its grid is being computed (phase.js, once loaded). */
let refreshPhase = () => {};
let messaging = null;

/** The A/B panel's code (B's controls, Swap, Copy, Stop). */
const compareCode = once(() => import("./compare.js"));

/** Whether the link sets the engine's key `key` (the engine itself decides what it means). */
const linkSets = (key) => querySets(params.engineQuery, key);

/**
 * What the first frame needs besides the engine, fetched beside it: the lesson panel with
 * its words when the link opens a lesson or sets a course, the A/B panel when it sets a B,
 * the compact page's code and styles when embedded. (A lesson may bring a B too: then the
 * api fetches that panel before the frame.)
 */
const firstFrameNeeds = Promise.all([
  linkSets("lesson") || params.course ? loadLessonLayer().catch(() => {}) : null,
  linkSets("vs") ? compareCode().catch(() => {}) : null,
  params.embed ? loadStylesheet("embed.css") : null,
  embedCode?.catch(() => {}),
]);

const engine = compiled.then(async (wasm) => {
  setEnglishErrors(wasm.errorMessages());
  wasm.setChartLanguage(currentLanguage(), chartLabels());
  await firstFrameNeeds;
  // A link that picks the digits fetches them first; if that fails, its notice says why and
  // the engine leaves data=digits out of the link with its own.
  if (choosesDigits(wasm, params.engineQuery)) await loadDigits(wasm).catch(() => {});
  return { lab: new wasm.Lab(params.engineQuery), wasm };
});
// Work the first frame needs that does not need the engine, done while it loads (the
// number formatters: once the worker has paid Intl's set-up, they cost ~0.1 ms each).
intlWarm.then(prepareNumbers);
const charts = createCharts(() => page.redraw(), (message) => view.showChartError(message));
const { api, page } = createApi(engine, {
  charts,
  makeControls: createControls,
  makeRestarts: createRestarts,
  loadCompare: compareCode,
  loadDigits: () => compiled.then(loadDigits),
  makeViews: createViews,
  makeLessons: (parts) => createLessons({ ...parts, predict: params.predict }),
  makeExport: createExport,
  pageQuery: () => pageParamsQuery({ embed: params.embed, lang: languageInUrl(), predict: params.predict }),
  pageNotices: [...params.notices, ...languageNotices],
  course: params.course,
  onRender(snapshot, lesson) {
    refreshPhase();
    updateEmbed();
    messaging?.observe(snapshot, lesson);
  },
});
window.initlab = api;
createLanguagePicker((code) => api.setLanguage(code), api.ready);
embedCode?.then(
  (code) => {
    updateEmbed = code.startEmbedMode(page.query);
  },
  (error) => console.warn(`The compact page could not load: ${error.message}`),
);
if (framed) messaging = (await messagesCode).createMessaging({ api, page });
// A failed load is reported by the api; the diagram's tooltip then has nothing to wire.
engine.then(({ lab }) => {
  diagramOnFirstUse(lab);
  diagramOnFirstUse(lab, "b");
  const configure = (partial) => api.configure(partial);
  refreshPhase = wirePhase(document.getElementById("chart-phase"), { lab, charts, configure });
}, () => {});
api.ready.then(() => {
  enableShare();
  on("compare-start", () => api.compare({}));
  document.getElementById("compare-start").disabled = false;
  messaging?.announce();
  // Offline copy: registered once the page runs, so its downloads never delay the first frame.
  import("./offline.js").then(
    (offline) => offline.registerOffline(),
    (error) => console.warn(`InitLab works online only here: ${error.message}`),
  );
}, () => {});

/**
 * Starts www/intl-warmup.js; resolves once it has made its formatter, failed, or at once
 * where no worker can start (the main thread then pays Intl's set-up itself).
 */
function warmIntlOffThread() {
  return new Promise((resolve) => {
    try {
      const worker = new Worker(new URL("./intl-warmup.js", import.meta.url));
      worker.onmessage = worker.onerror = () => {
        worker.terminate();
        resolve();
      };
    } catch {
      resolve();
    }
  });
}

/** Share: its menu's code and styles are fetched on the first press; every press toggles it. */
function enableShare() {
  const toggle = document.getElementById("share-toggle");
  const share = once(async () => {
    const [code] = await Promise.all([import("./share.js"), loadStylesheet("share.css")]);
    return code.createShare({ query: page.query, lessonTitle: () => api.lesson()?.title ?? null });
  });
  toggle.addEventListener("click", () =>
    share().then(
      (menu) => menu.toggle(),
      (error) => console.warn(`Share could not load: ${error.message}`),
    ),
  );
  toggle.disabled = false;
}

/**
 * The network diagram's tooltip (diagram.js) for network A's canvas, or B's with `side` "b":
 * fetched when a pointer first comes over the canvas. The pointer's latest move or tap
 * until then is passed on once the code is here, so the first tap shows its tip too.
 */
function diagramOnFirstUse(lab, side = "") {
  const canvas = document.getElementById(side ? `chart-network-${side}` : "chart-network");
  let latest = null;
  const early = (event) => {
    if (event.type !== "pointerover") latest = event;
    start().catch((error) => console.warn(`The diagram's tooltip could not load: ${error.message}`));
  };
  const types = ["pointerover", "pointermove", "pointerdown"];
  const start = once(async () => {
    const { createDiagram } = await import("./diagram.js");
    for (const type of types) canvas.removeEventListener(type, early);
    createDiagram(lab, side);
    if (latest) canvas.dispatchEvent(new PointerEvent(latest.type, latest));
  });
  for (const type of types) canvas.addEventListener(type, early);
}

const on = (id, handler) => document.getElementById(id).addEventListener("click", handler);
on("play", () => page.toggle());
on("step", () => api.step(1));
on("step10", () => api.step(10));
on("reset", () => api.reset());

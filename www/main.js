// Entry point: pick the language, load the wasm engine, start a Lab from the URL, wire the buttons.
// Only what the default explorer shows is imported here; the rest is fetched when first
// used (on-demand.js): the parent-page protocol in a frame, Share, the restarts' panel,
// the lessons' explanations, the compact page's styles, the offline registration.

import { createApi } from "./api.js";
import { createCharts } from "./charts.js";
import { createCompare } from "./compare.js";
import { createControls } from "./controls.js";
import { createDiagram } from "./diagram.js";
import { pageQueryFor, readPageQuery, startEmbedMode } from "./embed.js";
import { createExport } from "./export.js";
import { createLanguagePicker, startLanguage } from "./language.js";
import { createLessons } from "./lessons.js";
import { loadStylesheet, once } from "./on-demand.js";
import { createQuickControls } from "./phone.js";
import { createRestarts } from "./restarts.js";
import { applyStaticText, chartLabels, currentLanguage, loadLessonTexts, setEnglishErrors } from "./strings.js";
import { createViews } from "./views.js";

// In a frame (course notes), the page talks to its parent: fetched at once, beside the language.
const framed = window.parent !== window;
const messagesCode = framed ? import("./messages.js") : null;

// The language first (its table may need fetching), so the page is never shown half-translated.
const language = await startLanguage(location.search, navigator.languages ?? []);
applyStaticText(document);
createQuickControls();

// The page's own keys (lang above, embed here) come out of the query; the engine reads the rest.
const mode = readPageQuery(language.engineQuery);
let updateEmbed = () => {};
let messaging = null;

/**
 * What the first frame needs besides the engine, fetched beside it: a lesson's explanation
 * when the link opens one, the compact page's styles when embedded.
 */
const firstFrameNeeds = Promise.all([
  /(^|[?&])lesson=[^&]/.test(mode.labQuery) ? loadLessonTexts() : null,
  mode.embed ? loadStylesheet("embed.css") : null,
]);

// A dynamic import, so that a missing or broken build is reported in the page.
const engine = import("../pkg/initlab.js").then(async (wasm) => {
  await wasm.default();
  setEnglishErrors(wasm.errorMessages());
  wasm.setChartLanguage(currentLanguage(), chartLabels());
  await firstFrameNeeds;
  return { lab: new wasm.Lab(mode.labQuery), wasm };
});
const charts = createCharts(() => page.redraw());
const { api, page } = createApi(engine, {
  charts,
  makeControls: createControls,
  makeRestarts: createRestarts,
  makeCompare: createCompare,
  makeViews: createViews,
  makeLessons: createLessons,
  makeExport: createExport,
  pageQuery: () => pageQueryFor(mode.embed),
  pageNotices: [...language.notices, ...mode.notices],
  onRender(snapshot, lesson) {
    updateEmbed();
    messaging?.observe(snapshot, lesson);
  },
});
window.initlab = api;
createLanguagePicker((code) => api.setLanguage(code));
if (mode.embed) updateEmbed = startEmbedMode(page.query);
if (framed) messaging = (await messagesCode).createMessaging({ api, page });
// A failed load is reported by the api; the diagram's tooltip then has nothing to wire.
engine.then(({ lab }) => {
  createDiagram(lab);
  createDiagram(lab, "b");
}, () => {});
api.ready.then(() => {
  enableShare();
  messaging?.announce();
  // Offline copy: registered once the page runs, so its downloads never delay the first frame.
  import("./offline.js").then(
    (offline) => offline.registerOffline(),
    (error) => console.warn(`InitLab works online only here: ${error.message}`),
  );
}, () => {});

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

const on = (id, handler) => document.getElementById(id).addEventListener("click", handler);
on("play", () => page.toggle());
on("step", () => api.step(1));
on("step10", () => api.step(10));
on("reset", () => api.reset());
on("new-seed", () => page.newSeed());

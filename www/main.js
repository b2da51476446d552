// Entry point: pick the language, load the wasm engine, start a Lab from the URL, wire the buttons.

import { createApi } from "./api.js";
import { createCharts } from "./charts.js";
import { createCompare } from "./compare.js";
import { createControls } from "./controls.js";
import { createDiagram } from "./diagram.js";
import { pageQueryFor, readPageQuery, startEmbedMode } from "./embed.js";
import { createExport } from "./export.js";
import { createLanguagePicker, startLanguage } from "./language.js";
import { createLessons } from "./lessons.js";
import { createMessaging } from "./messages.js";
import { createQuickControls } from "./phone.js";
import { registerOffline } from "./offline.js";
import { createRestarts } from "./restarts.js";
import { createShare } from "./share.js";
import { applyStaticText, chartLabels, currentLanguage, setEnglishErrors } from "./strings.js";
import { createViews } from "./views.js";

// The language first (its table may need fetching), so the page is never shown half-translated.
const language = await startLanguage(location.search, navigator.languages ?? []);
applyStaticText(document);
registerOffline();
createQuickControls();

// The page's own keys (lang above, embed here) come out of the query; the engine reads the rest.
const mode = readPageQuery(language.engineQuery);
const framed = window.parent !== window;
let updateEmbed = () => {};
let messaging = null;

// A dynamic import, so that a missing or broken build is reported in the page.
const engine = import("../pkg/initlab.js").then(async (wasm) => {
  await wasm.default();
  setEnglishErrors(wasm.errorMessages());
  wasm.setChartLanguage(currentLanguage(), chartLabels());
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
// In a frame (course notes), talk to the parent page: events out, commands in.
if (framed) messaging = createMessaging({ api, page });
// A failed load is reported by the api; the diagram's tooltip then has nothing to wire.
engine.then(({ lab }) => {
  createDiagram(lab);
  createDiagram(lab, "b");
}, () => {});
api.ready.then(() => {
  createShare({ query: page.query, lessonTitle: () => api.lesson()?.title ?? null });
  messaging?.announce();
}, () => {});

const on = (id, handler) => document.getElementById(id).addEventListener("click", handler);
on("play", () => page.toggle());
on("step", () => api.step(1));
on("step10", () => api.step(10));
on("reset", () => api.reset());
on("new-seed", () => page.newSeed());

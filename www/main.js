// Entry point: pick the language, load the wasm engine, start a Lab from the URL, wire the buttons.

import { createApi } from "./api.js";
import { createCharts } from "./charts.js";
import { createCompare } from "./compare.js";
import { createControls } from "./controls.js";
import { createDiagram } from "./diagram.js";
import { createLanguagePicker, startLanguage } from "./language.js";
import { createLessons } from "./lessons.js";
import { createRestarts } from "./restarts.js";
import { applyStaticText, currentLanguage, setEnglishErrors } from "./strings.js";
import { createViews } from "./views.js";

// The language first (its table may need fetching), so the page is never shown half-translated.
const { notices, engineQuery } = await startLanguage(location.search, navigator.languages ?? []);
applyStaticText(document);

// A dynamic import, so that a missing or broken build is reported in the page.
const engine = import("../pkg/initlab.js").then(async (wasm) => {
  await wasm.default();
  setEnglishErrors(wasm.errorMessages());
  wasm.setChartLanguage(currentLanguage());
  return { lab: new wasm.Lab(engineQuery), wasm };
});
const charts = createCharts(() => page.redraw());
const { api, page } = createApi(engine, {
  charts,
  makeControls: createControls,
  makeRestarts: createRestarts,
  makeCompare: createCompare,
  makeViews: createViews,
  makeLessons: createLessons,
  extraNotices: notices,
});
window.initlab = api;
createLanguagePicker((code) => api.setLanguage(code));
// A failed load is reported by the api; the diagram's tooltip then has nothing to wire.
engine.then(({ lab }) => {
  createDiagram(lab);
  createDiagram(lab, "b");
}, () => {});

const on = (id, handler) => document.getElementById(id).addEventListener("click", handler);
on("play", () => page.toggle());
on("step", () => api.step(1));
on("step10", () => api.step(10));
on("reset", () => api.reset());
on("new-seed", () => page.newSeed());

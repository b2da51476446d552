// Entry point: load the wasm engine, start a Lab from the URL, wire the buttons.

import { createApi } from "./api.js";
import { createCharts } from "./charts.js";
import { createCompare } from "./compare.js";
import { createControls } from "./controls.js";
import { createDiagram } from "./diagram.js";
import { createLessons } from "./lessons.js";
import { registerOffline } from "./offline.js";
import { createRestarts } from "./restarts.js";
import { applyStaticText } from "./strings.js";
import { createViews } from "./views.js";

applyStaticText(document);
registerOffline();

// A dynamic import, so that a missing or broken build is reported in the page.
const engine = import("../pkg/initlab.js").then(async (wasm) => {
  await wasm.default();
  return { lab: new wasm.Lab(location.search), wasm };
});
const charts = createCharts(() => page.redraw());
const { api, page } = createApi(engine, {
  charts,
  makeControls: createControls,
  makeRestarts: createRestarts,
  makeCompare: createCompare,
  makeViews: createViews,
  makeLessons: createLessons,
});
window.initlab = api;
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

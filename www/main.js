// Entry point: load the wasm engine, start a Lab from the URL, wire the buttons.

import { createApi } from "./api.js";
import { createCharts } from "./charts.js";
import { createControls } from "./controls.js";
import { createRestarts } from "./restarts.js";
import { applyStaticText } from "./strings.js";
import { createViews } from "./views.js";

applyStaticText(document);

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
  makeViews: createViews,
});
window.initlab = api;

const on = (id, handler) => document.getElementById(id).addEventListener("click", handler);
on("play", () => page.toggle());
on("step", () => api.step(1));
on("step10", () => api.step(10));
on("reset", () => api.reset());
on("new-seed", () => page.newSeed());

// Export: any chart as PNG, the loss history and the layer statistics as CSV (written by
// the engine), the settings and the current weights as JSON. Downloads only; no maths here.

import { text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** The link that reproduces the settings, as the page shows it. */
const linkQuery = (lab) => `?${lab.query().replace(/^\?/, "")}`;

/**
 * Every export kind: its file name (after "initlab-") and media type, and how to make its
 * text from the Lab for `side` ("a" or "b").
 */
const KINDS = {
  "csv-history": { file: "history.csv", type: "text/csv", make: (lab, side) => lab.historyCsv(side) },
  "csv-layers": { file: "layers.csv", type: "text/csv", make: (lab, side) => lab.layersCsv(side) },
  "json-config": {
    file: "settings.json",
    type: "application/json",
    make: (lab) => JSON.stringify({ query: linkQuery(lab), config: lab.config("a") }, null, 2),
  },
  "json-weights": {
    file: "weights.json",
    type: "application/json",
    make: (lab, side) =>
      JSON.stringify({ query: linkQuery(lab), step: lab.stepsDone(), network: side.toUpperCase(), layers: lab.weights(side) }),
  },
};

/** The export kinds, in the panel's order. */
export const EXPORT_KINDS = Object.keys(KINDS);

/** Hands `blob` to the browser as a download named `name`. */
function download(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** The charts that can be saved now: every chart canvas that is on the page and has pixels. */
function chartsNow() {
  return [...document.querySelectorAll("canvas.chart")].filter(
    (canvas) => canvas.width > 0 && canvas.height > 0 && !canvas.closest("[hidden]"),
  );
}

/** `side` ("a", the default, or "b"), checked; throws a message in the page's language otherwise. */
function checkedSide(side = "a") {
  if (side !== "a" && side !== "b") throw new Error(text("exportUnknownSide", { side: String(side) }));
  return side;
}

/** The text of export `kind` from `lab` for side "a" or "b"; throws a message naming the kinds. */
function exportText(lab, kind, side) {
  const entry = Object.hasOwn(KINDS, kind) ? KINDS[kind] : null;
  if (!entry) throw new Error(text("exportUnknownKind", { kind: String(kind), kinds: EXPORT_KINDS.join(", ") }));
  return entry.make(lab, checkedSide(side));
}

/** Shows `message` in the panel's status line. */
function say(message) {
  $("export-status").textContent = message;
}

/** Downloads export `kind` of A (`lab()`: the Lab). */
function saveFile(lab, kind) {
  try {
    const entry = KINDS[kind];
    download(new Blob([exportText(lab(), kind)], { type: entry.type }), `initlab-${entry.file}`);
    say(text("exportSaved", { name: `initlab-${entry.file}` }));
  } catch (error) {
    say(error.message);
  }
}

/** Fills the chart menu with the charts on the page now (named by their accessible labels). */
function fillCharts() {
  const menu = $("export-chart");
  const chosen = menu.value;
  const options = chartsNow().map((canvas) => {
    const option = document.createElement("option");
    option.value = canvas.id;
    option.textContent = canvas.getAttribute("aria-label") || canvas.id;
    return option;
  });
  menu.replaceChildren(...options);
  if (options.some((o) => o.value === chosen)) menu.value = chosen;
}

/** Downloads the chart chosen in the menu as a PNG named after it and the step. */
function saveChart(lab) {
  const canvas = $($("export-chart").value);
  if (!canvas || canvas.width === 0) return say(text("exportNoChart"));
  const name = `initlab-${canvas.id.replace(/^chart-/, "")}-step${lab.stepsDone()}.png`;
  canvas.toBlob((blob) => {
    if (!blob) return say(text("exportNoChart"));
    download(blob, name);
    say(text("exportSaved", { name }));
  }, "image/png");
}

/** For the JS API: `fn`, whose refusal is also shown in the panel, then thrown to the caller. */
function shownInPanel(fn) {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      say(error.message);
      throw error;
    }
  };
}

/**
 * Wires the export panel. `lab()` returns the Lab (throwing while it loads).
 * Returns {text(kind, side), weights(side)} for the JS API.
 */
export function createExport({ lab }) {
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", () => saveFile(lab, button.dataset.export));
    button.disabled = false;
  }
  // The menu lists the charts shown when it is opened (B's appear only while comparing).
  $("export-chart").addEventListener("focus", fillCharts);
  $("export-chart").addEventListener("pointerdown", fillCharts);
  $("export-png").addEventListener("click", () => saveChart(lab()));
  $("export-png").disabled = false;
  fillCharts();
  return {
    text: shownInPanel((kind, side) => exportText(lab(), kind, side)),
    weights: shownInPanel((side) => lab().weights(checkedSide(side))),
  };
}

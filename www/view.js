// Shows the engine's answers as text. Reads snapshots; computes nothing.
// Everything is written with textContent: no value from the URL or the engine
// is ever parsed as HTML.

import { fixed, percentOf, significant } from "./numbers.js";
import { engineText, layerName, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** A share as a percentage with one decimal, or a dash when it is missing or not finite. */
function percent(share) {
  return Number.isFinite(share) ? text("percent", { value: percentOf(share, 1) }) : text("noValue");
}

/** The σ a layer's weights have; with LSUV, how many rescalings it took and whether it got there. */
function sigmaCell(layer) {
  const sigma = significant(layer.sigma_used);
  const lsuv = layer.lsuv;
  if (!lsuv) return sigma;
  const values = { sigma, n: lsuv.iterations, variance: significant(lsuv.variance) };
  return text(lsuv.converged ? "lsuvDone" : "lsuvStopped", values);
}

/** The text of every cell of one row of the layer table. */
function rowCells(layer) {
  return [
    layerName(layer.name),
    String(layer.size),
    sigmaCell(layer),
    significant(layer.z_std),
    significant(layer.z_std_predicted),
    percent(layer.saturated),
    percent(layer.dead),
    String(layer.distinct_units),
    significant(layer.grad_norm),
  ];
}

/** Columns of one network in the layer table (the layer's name is the row header). */
const COLUMNS = 8;

/** Adds B's column group to the table's head while comparing (each title prefixed "B"). */
function showHeadForB(comparing) {
  const head = document.querySelector("#layers thead tr");
  const extra = [...head.cells].slice(1 + COLUMNS);
  // Rebuilt after a language switch: the copies carry the titles' words.
  const lang = document.documentElement.lang;
  if (!comparing || head.dataset.bLang !== lang) extra.forEach((cell) => cell.remove());
  if (!comparing || (extra.length > 0 && head.dataset.bLang === lang)) return;
  head.dataset.bLang = lang;
  for (const cell of [...head.cells].slice(1, 1 + COLUMNS)) {
    const copy = document.createElement("th");
    copy.scope = "col";
    copy.className = "side-b-column";
    copy.textContent = text("sideColumn", { side: "B", title: cell.textContent });
    head.append(copy);
  }
}

/**
 * The per-layer table: hidden layers in order, then the output layer (updated in place);
 * while comparing, B's columns follow A's (a dash where B has no such layer).
 */
function showLayers(layers, layersB) {
  showHeadForB(Boolean(layersB));
  const rowsNeeded = Math.max(layers.length, layersB?.length ?? 0);
  const width = 1 + COLUMNS * (layersB ? 2 : 1);
  const body = $("layer-rows");
  if (body.rows.length !== rowsNeeded || body.rows[0]?.cells.length !== width) {
    const rows = Array.from({ length: rowsNeeded }, () => {
      const row = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      row.append(th);
      for (let k = 1; k < width; k++) row.append(document.createElement("td"));
      return row;
    });
    body.replaceChildren(...rows);
  }
  const dashes = Array(COLUMNS).fill(text("noValue"));
  for (let i = 0; i < rowsNeeded; i++) {
    const a = layers[i] ? rowCells(layers[i]) : [layerName(layersB[i].name), ...dashes];
    const b = layersB ? (layersB[i] ? rowCells(layersB[i]).slice(1) : dashes) : [];
    const cells = body.rows[i].cells;
    [...a, ...b].forEach((value, k) => {
      if (cells[k].textContent !== value) cells[k].textContent = value;
    });
  }
}

/** B's readouts while comparing (hidden otherwise). */
function showReadoutsB(b) {
  $("b-readouts").hidden = !b;
  if (!b) return;
  $("b-loss").textContent = fixed(b.loss, 4);
  $("b-test-loss").textContent = fixed(b.test_loss, 4);
  $("b-accuracy").textContent = percent(b.accuracy);
  $("b-test-accuracy").textContent = percent(b.test_accuracy);
}

/** The status line's divergence message: which side, and whether the other trains on. */
function divergedText(snapshot) {
  const b = snapshot.compare;
  if (!b) return text("diverged", { step: snapshot.diverged_at ?? snapshot.step });
  const sides = [
    ["A", snapshot],
    ["B", b],
  ].filter(([, s]) => s.diverged);
  const parts = sides.map(([side, s]) => text("sideDiverged", { side, step: s.diverged_at ?? s.step }));
  if (sides.length === 1) parts.push(text("otherTrainsOn", { side: sides[0][0] === "A" ? "B" : "A" }));
  return parts.join(" ");
}

export const view = {
  /** The notices raised while reading the URL, as "key: message" lines (in the page's language). */
  showNotices(notices) {
    const items = notices.map(({ field, message, text: words }) => {
      const li = document.createElement("li");
      const key = document.createElement("code");
      key.textContent = field;
      li.append(key, document.createTextNode(`: ${words ? engineText(words) : message}`));
      return li;
    });
    $("notice-list").replaceChildren(...items);
    $("notices").hidden = items.length === 0;
  },

  /** The current settings, as the query string a link would carry. */
  showSettings(query) {
    $("settings").textContent = query ? `?${query}` : text("settingsDefault");
  },

  /** Step count, losses, accuracies, the layer table and the divergence message. */
  showSnapshot(snapshot, playing) {
    $("step-count").textContent = String(snapshot.step);
    $("loss").textContent = fixed(snapshot.loss, 4);
    $("test-loss").textContent = fixed(snapshot.test_loss, 4);
    $("accuracy").textContent = percent(snapshot.accuracy);
    $("test-accuracy").textContent = percent(snapshot.test_accuracy);
    showLayers(snapshot.layers ?? [], snapshot.compare?.layers);
    showReadoutsB(snapshot.compare);
    this.showPlaying(playing, snapshot);
  },

  /** The play button's label and the status line. */
  showPlaying(playing, snapshot) {
    $("play").textContent = text(playing ? "pause" : "play");
    $("play").setAttribute("aria-pressed", String(playing));
    const status = $("status");
    const diverged = Boolean(snapshot?.diverged || snapshot?.compare?.diverged);
    status.classList.toggle("error", diverged);
    if (diverged) {
      status.textContent = divergedText(snapshot);
    } else {
      status.textContent = text(playing ? "running" : "paused");
    }
  },

  /** Turns the buttons on once the engine is ready. */
  enable() {
    for (const id of ["play", "step", "step10", "reset", "new-seed"]) $(id).disabled = false;
    // From now on the status line says what training does, not "Loading…": a language
    // switch must not put the loading text back.
    $("status").removeAttribute("data-i18n");
  },

  /** Playing, but the tab is hidden: say why nothing moves. */
  showHiddenPause() {
    $("status").textContent = text("hiddenPaused");
  },

  /** A chart that could not be drawn (undefined: all drew). */
  showChartError(message) {
    const line = $("chart-error");
    if (message) line.textContent = message;
    line.hidden = !message;
  },

  /** The engine did not load: say why, in the page. */
  showFailure(error) {
    const status = $("status");
    status.classList.add("error");
    status.textContent = text("loadFailed", { error: error?.message ?? String(error) });
  },
};

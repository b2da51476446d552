// Shows the engine's answers as text. Reads snapshots; computes nothing.
// Everything is written with textContent: no value from the URL or the engine
// is ever parsed as HTML.

import { text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** A number for a readout: fixed digits, or a dash when it is missing or not finite. */
function fixed(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : text("noValue");
}

/** A number with `digits` significant digits (for statistics spanning many scales). */
function significant(value, digits = 3) {
  return Number.isFinite(value) ? value.toPrecision(digits) : text("noValue");
}

function percent(share) {
  return Number.isFinite(share) ? text("percent", { value: (100 * share).toFixed(1) }) : text("noValue");
}

/** The text of every cell of one row of the layer table. */
function rowCells(layer, i, count) {
  return [
    i === count - 1 ? text("outputLayer") : text("hiddenLayer", { index: i + 1 }),
    String(layer.size),
    significant(layer.sigma_used),
    significant(layer.z_std),
    significant(layer.z_std_predicted),
    percent(layer.saturated),
    percent(layer.dead),
    String(layer.distinct_units),
    significant(layer.grad_norm),
  ];
}

/** The per-layer table: hidden layers in order, then the output layer (updated in place). */
function showLayers(layers) {
  const body = $("layer-rows");
  if (body.rows.length !== layers.length) {
    const rows = layers.map(() => {
      const row = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      row.append(th);
      for (let k = 1; k < 9; k++) row.append(document.createElement("td"));
      return row;
    });
    body.replaceChildren(...rows);
  }
  layers.forEach((layer, i) => {
    const cells = body.rows[i].cells;
    rowCells(layer, i, layers.length).forEach((value, k) => {
      if (cells[k].textContent !== value) cells[k].textContent = value;
    });
  });
}

export const view = {
  /** The notices raised while reading the URL, as "key: message" lines. */
  showNotices(notices) {
    const items = notices.map(({ field, message }) => {
      const li = document.createElement("li");
      const key = document.createElement("code");
      key.textContent = field;
      li.append(key, document.createTextNode(`: ${message}`));
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
    showLayers(snapshot.layers ?? []);
    this.showPlaying(playing, snapshot);
  },

  /** The play button's label and the status line. */
  showPlaying(playing, snapshot) {
    $("play").textContent = text(playing ? "pause" : "play");
    $("play").setAttribute("aria-pressed", String(playing));
    const status = $("status");
    status.classList.toggle("error", Boolean(snapshot?.diverged));
    if (snapshot?.diverged) {
      status.textContent = text("diverged", { step: snapshot.diverged_at ?? snapshot.step });
    } else {
      status.textContent = text(playing ? "running" : "paused");
    }
  },

  /** Turns the buttons on once the engine is ready. */
  enable() {
    for (const id of ["play", "step", "step10", "reset", "new-seed"]) $(id).disabled = false;
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

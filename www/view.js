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

function cell(row, value) {
  const td = document.createElement("td");
  td.textContent = value;
  row.append(td);
}

/** The per-layer table: hidden layers in order, then the output layer. */
function showLayers(layers) {
  const rows = layers.map((layer, i) => {
    const row = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent =
      i === layers.length - 1 ? text("outputLayer") : text("hiddenLayer", { index: i + 1 });
    row.append(th);
    cell(row, String(layer.size));
    cell(row, significant(layer.sigma_used));
    cell(row, significant(layer.std_actual));
    cell(row, significant(layer.z_std));
    cell(row, significant(layer.z_std_predicted));
    cell(row, percent(layer.saturated));
    cell(row, percent(layer.dead));
    cell(row, String(layer.distinct_units));
    cell(row, significant(layer.grad_norm));
    return row;
  });
  $("layer-rows").replaceChildren(...rows);
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

  /** The engine did not load: say why, in the page. */
  showFailure(error) {
    const status = $("status");
    status.classList.add("error");
    status.textContent = text("loadFailed", { error: error?.message ?? String(error) });
  },
};

// Settings A's panel: built from the engine's key table (wasm `keys()`), whose rows say
// which control sets each key, in which box of the panel, with which range and steps
// (`widget`, src/config/table.rs). A new key is one row there; this file holds no list
// of keys or ranges. Controls show the engine's current config; a change is sent as
// {key: value}; a refusal is shown next to the control with the value still in use, and
// nothing else changes. The controls are made by settings-fields.js.

import { rounded, shareFromLog10 } from "./numbers.js";
import { createQuickControls } from "./phone.js";
import { buildField } from "./settings-fields.js";
import { text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/**
 * Builds every field of the panel from the key table, each in its box (`<fieldset
 * data-group>`) before the box's readouts, in table order. Returns the fields' handles.
 */
function buildPanel(wasm, send) {
  const presets = wasm.presets();
  const handles = wasm
    .keys()
    .filter((row) => row.widget)
    .map((row) => buildField(row, { wasm, presets, send }));
  for (const box of document.querySelectorAll("#settings-body fieldset[data-group]")) {
    const mine = handles.filter((h) => h.group === box.dataset.group);
    box.querySelector("legend").after(...mine.flatMap((h) => h.elements));
  }
  return handles;
}

/** Hides the fields of keys that do not apply (the engine's `applies`), and a box with none left. */
function showRelevant(applies) {
  for (const field of document.querySelectorAll(".field[data-key]")) {
    if (field.closest("#settings-body, #core-quick")) field.hidden = applies[field.dataset.key] === false;
  }
  for (const box of document.querySelectorAll("#settings-body fieldset[data-group]")) {
    const keyed = [...box.querySelectorAll(".field[data-key]")];
    box.hidden = keyed.length > 0 && keyed.every((field) => field.hidden);
  }
}

/** The σ each layer was drawn with and, for a truncated normal, the std it came out with. */
function showSnapshot(snapshot, config, applies) {
  const layers = snapshot.layers ?? [];
  // Orthogonal and LSUV take no scale rule, but their weights do have a σ per layer.
  const noSigma = layers.length > 0 && layers.every((l) => l.sigma_used === 0);
  $("sigma-used").textContent = !applies?.scale && (noSigma || layers.length === 0)
    ? text("notUsed", { init: config.init })
    : layers.map((l) => rounded(l.sigma_used)).join(" · ");
  $("actual-std").textContent = layers
    .map((l) => text("requestedActual", { actual: rounded(l.std_actual), requested: rounded(l.sigma_requested) }))
    .join(" · ");
  // Mean and std in units of the σ each layer was drawn with (a unit change, for display).
  // Bounds in σ units give every layer the same line: show it once.
  const cuts = layers.map((l) => text("truncInfo", {
    mass: shareFromLog10(l.mass_log10),
    mean: rounded(l.mean_actual / l.sigma_used, 6),
    std: rounded(l.std_actual / l.sigma_used, 6),
  }));
  $("trunc-info").textContent = new Set(cuts).size === 1 ? cuts[0] : cuts.join(" | ");
}

/** The field a refusal belongs to: the key's own (if shown), else the moved control's. */
function fieldFor(outcome, control) {
  const keyed = outcome.field && document.querySelector(`.field[data-key="${CSS.escape(outcome.field)}"]`);
  return (keyed && !keyed.closest("[hidden]") ? keyed : null) ?? control?.closest(".field");
}

/** The refusal's sentence, with the value still in use ("sigma stays 1."). */
function refusalText(outcome, config) {
  const kept = config && outcome.field in config && config[outcome.field] !== ""
    ? ` ${text("keptValue", { key: outcome.field, value: config[outcome.field] })}`
    : "";
  const stop = kept && !/[.!?…。！？।]$/.test(outcome.error) ? text("fullStop") : "";
  return `${outcome.error}${stop}${kept}`;
}

/**
 * Shows a refused change next to the control of the key at fault (or the control that
 * was moved, or the page-level line), with the value still in use.
 */
function showError(outcome, control, config) {
  const field = fieldFor(outcome, control);
  const message = refusalText(outcome, config);
  if (!field) {
    $("config-error").textContent = message;
    $("config-error").hidden = false;
    return;
  }
  let error = field.querySelector(".field-error");
  if (!error) {
    error = document.createElement("p");
    error.className = "field-error";
    error.id = `${field.dataset.key ?? "field"}-error`;
    error.setAttribute("role", "alert");
    field.append(error);
  }
  error.textContent = message;
  error.hidden = false;
  for (const input of field.querySelectorAll("input, select")) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", error.id);
  }
  if (control && !field.contains(control)) control.setAttribute("aria-invalid", "true");
}

function clearErrors() {
  for (const error of document.querySelectorAll(".field-error")) error.hidden = true;
  for (const input of document.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
}

/** On phones the panel folds away; on wider screens the toggle is hidden by CSS. */
function wireToggle() {
  $("settings-toggle").addEventListener("click", (e) => {
    const open = e.currentTarget.getAttribute("aria-expanded") !== "true";
    e.currentTarget.setAttribute("aria-expanded", String(open));
    $("settings-body").classList.toggle("open", open);
  });
}

/**
 * Builds and wires the settings panel. `wasm` is the loaded module (the key table, the
 * presets, LogSlider), `configure(partial, control)` applies a change through the API and
 * returns its outcome.
 */
export function createControls(wasm, configure) {
  const fields = buildPanel(wasm, (control, partial) => configure(partial, control));
  // The quick row of phones moves some of these fields beside the activation chart.
  createQuickControls();
  wireToggle();
  const state = { config: null, applies: null };
  const refresh = () => {
    for (const field of fields) field.show(state.config);
    showRelevant(state.applies);
  };
  return {
    /**
     * Puts every control at the engine's current value, hides those that do not apply
     * (`applies`: the engine's {key: bool}) and clears refusals.
     */
    show(config, applies) {
      Object.assign(state, { config, applies });
      refresh();
      clearErrors();
    },
    showSnapshot: (snapshot) => showSnapshot(snapshot, state.config, state.applies),
    showError: (outcome, control) => showError(outcome, control, state.config),
    clearErrors,
    enable() {
      // The quick row holds settings too, moved beside the activation chart on phones (phone.js).
      for (const el of document.querySelectorAll(":is(#settings-body, #core-quick) :is(input, select, button)")) {
        el.disabled = false;
      }
      if (state.config) refresh();
    },
  };
}

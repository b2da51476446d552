// The settings panel: one control per URL key, wired to configure().
// Controls show the engine's current config; a change is sent as {key: value}; a refusal
// is shown next to the control with the value still in use, and nothing else changes.
// Slider ↔ value mappings for σ, gain and the learning rate come from the wasm LogSlider.

import { optionText, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** The values the list sliders step through (the URL may hold any other valid value). */
const WIDTHS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];
const POINTS = [10, 20, 50, 100, 200, 400, 800, 1000, 2000, 3000, 5000];
const BATCHES = [1, 2, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100, 128, 256, 500];
/** Distributions with no σ: the scale controls do not apply to them. */

/** The index of the first list entry ≥ value (the last entry if none is). */
function listIndex(list, value) {
  const i = list.findIndex((entry) => entry >= value);
  return i < 0 ? list.length - 1 : i;
}

/** A statistic for a readout, 3 significant digits (or as many as asked). */
function sig(value, digits = 3) {
  return Number.isFinite(value) ? String(Number(value.toPrecision(digits))) : text("noValue");
}

/**
 * A share given as its log10 (far tails keep shares no JS number holds): "0.954" near 1,
 * "6.2e-16" for [8σ, 9σ], "4.0e-350" for [40σ, 41σ].
 */
function share(log10) {
  if (!Number.isFinite(log10)) return text("noValue");
  if (log10 > -3) return sig(10 ** log10);
  const exponent = Math.floor(log10);
  const mantissa = 10 ** (log10 - exponent);
  return mantissa >= 9.95 ? `1.0e${exponent + 1}` : `${mantissa.toFixed(1)}e${exponent}`;
}

/**
 * Fills every menu of a key with choices (`<select id="c-KEY">`) from the engine's key
 * table, in the engine's order; a menu's first option, if the page has one, stays first.
 * Returns the keys of those menus.
 */
function fillMenus(keys) {
  const menus = keys.filter((k) => k.choices.length > 0 && $(`c-${k.key}`));
  for (const { key, choices } of menus) {
    for (const name of choices) {
      const option = document.createElement("option");
      option.value = name;
      option.textContent = optionText(key, name);
      option.dataset.i18nOption = key;
      $(`c-${key}`).append(option);
    }
  }
  return menus.map((k) => k.key);
}

/**
 * Wires the settings panel. `wasm` is the loaded module (for LogSlider, the key table and
 * the presets), `configure(partial, control)` applies a change through the API and returns
 * its outcome.
 */
export function createControls(wasm, configure) {
  const limits = wasm.limits();
  const log = (range, steps) => new wasm.LogSlider(range.min, range.max, steps);
  const sliders = {
    sigma: log(limits.sigma, Number($("c-sigma").max)),
    gain: log(limits.gain, Number($("c-gain").max)),
    lr: log(limits.lr, Number($("c-lr").max)),
  };
  const widths = WIDTHS.filter((w) => w <= limits.maxUnits);
  const points = POINTS.filter((p) => p >= limits.minPoints && p <= limits.maxPoints);
  $("c-width").max = String(widths.length - 1);
  $("c-points").max = String(points.length - 1);
  $("c-batch").max = String(BATCHES.length - 1);
  $("c-depth").max = String(limits.maxHiddenLayers);
  const presets = wasm.presets();
  const menus = fillMenus(wasm.keys());

  let config = null;
  /** Which keys apply under the current settings (from the engine). */
  let relevant = null;

  const send = (control, partial) => configure(partial, control);
  const onInput = (id, event, toPartial) =>
    $(id).addEventListener(event, (e) => send(e.currentTarget, toPartial(e.currentTarget)));

  for (const key of menus) {
    onInput(`c-${key}`, "change", (el) => ({ [key]: el.value }));
  }
  for (const key of ["const", "lo", "hi", "noise", "momentum"]) {
    onInput(`c-${key}`, "input", (el) => ({ [key]: el.value }));
  }
  for (const key of ["sigma", "gain", "lr"]) {
    onInput(`c-${key}`, "input", (el) => ({ [key]: sliders[key].value(Number(el.value)) }));
  }
  onInput("c-points", "input", (el) => ({ points: points[Number(el.value)] }));
  onInput("c-batch", "input", (el) => ({ batch: BATCHES[Number(el.value)] }));
  const layers = () =>
    Array.from({ length: Number($("c-depth").value) }, () => widths[Number($("c-width").value)]).join(",");
  onInput("c-depth", "input", () => ({ layers: layers() }));
  onInput("c-width", "input", () => ({ layers: layers() }));
  onInput("c-correct", "change", (el) => ({ correct: el.checked ? 1 : 0 }));
  onInput("c-shortcut", "change", (el) => ({ shortcut: el.checked ? 1 : 0 }));
  onInput("c-bias-init", "change", (el) => ({ bias: el.checked ? "init" : $("c-bias").value || "0" }));
  onInput("c-bias", "change", (el) => ({ bias: el.value }));
  onInput("c-jitter", "change", (el) => ({ jitter: el.value }));
  onInput("c-seed", "change", (el) => ({ seed: el.value }));

  // On phones the panel folds away; on wider screens the toggle is hidden by CSS.
  $("settings-toggle").addEventListener("click", (e) => {
    const open = e.currentTarget.getAttribute("aria-expanded") !== "true";
    e.currentTarget.setAttribute("aria-expanded", String(open));
    $("settings-body").classList.toggle("open", open);
  });

  function setOutput(id, template, value) {
    $(`${id}-value`).textContent = text(template, { value });
  }

  /** Hides the controls that do not apply to the current settings (the engine says which). */
  function showRelevant(applies) {
    for (const key of ["const", "scale", "sigma", "gain"]) {
      $(`c-${key}`).closest(".field").hidden = !applies[key];
    }
    $("truncation").hidden = !applies.lo;
    $("c-bias").disabled = config.bias === "init";
  }

  const controls = {
    /**
     * Puts every control at the engine's current value, hides those that do not apply
     * (`applies`: the engine's {key: bool}) and clears refusals.
     */
    show(current, applies) {
      config = current;
      relevant = applies;
      for (const key of menus) $(`c-${key}`).value = config[key];
      const rule = config.scale.charAt(0).toUpperCase() + config.scale.slice(1);
      $("c-scale-hint").textContent = text(`scaleHint${rule}`);
      $("c-preset-formula").textContent = presets.find((p) => p.name === config.preset)?.formula ?? "";
      for (const key of ["const", "lo", "hi", "noise", "momentum"]) $(`c-${key}`).value = config[key];
      for (const key of ["sigma", "gain", "lr"]) $(`c-${key}`).value = sliders[key].position(config[key]);
      const bound = config.bounds === "abs" ? "valueBoundAbs" : "valueBound";
      setOutput("c-const", "valuePlain", config.const);
      setOutput("c-sigma", "valueSigma", config.sigma);
      setOutput("c-gain", "valuePlain", config.gain);
      setOutput("c-lo", bound, config.lo);
      setOutput("c-hi", bound, config.hi);
      setOutput("c-noise", "valueNoise", config.noise);
      setOutput("c-momentum", "valuePlain", config.momentum);
      setOutput("c-lr", "valuePlain", config.lr);
      $("c-points").value = listIndex(points, config.points);
      setOutput("c-points", "valuePoints", config.points);
      $("c-batch").value = listIndex(BATCHES, config.batch);
      setOutput("c-batch", "valueBatch", config.batch);
      const widthsNow = config.layers.split(",").map(Number);
      $("c-depth").value = widthsNow.length;
      setOutput("c-depth", "valueLayers", widthsNow.length);
      $("c-width").value = listIndex(widths, Math.max(...widthsNow));
      const uniform = widthsNow.every((w) => w === widthsNow[0]);
      setOutput("c-width", "valueUnits", uniform ? widthsNow[0] : widthsNow.join(", "));
      $("c-correct").checked = config.correct;
      $("c-shortcut").checked = config.shortcut;
      $("c-bias-init").checked = config.bias === "init";
      if (config.bias !== "init") $("c-bias").value = config.bias;
      $("c-seed").value = config.seed;
      $("c-jitter").value = config.jitter;
      showRelevant(relevant);
      controls.clearErrors();
    },

    /** The σ each layer was drawn with and, for a truncated normal, the std it came out with. */
    showSnapshot(snapshot) {
      const layers = snapshot.layers ?? [];
      $("sigma-used").textContent = !relevant?.scale
        ? text("notUsed", { init: config.init })
        : layers.map((l) => sig(l.sigma_used)).join(" · ");
      $("actual-std").textContent = layers
        .map((l) => text("requestedActual", { actual: sig(l.std_actual), requested: sig(l.sigma_requested) }))
        .join(" · ");
      // Mean and std in units of the σ each layer was drawn with (a unit change, for display).
      // Bounds in σ units give every layer the same line: show it once.
      const cuts = layers.map((l) => text("truncInfo", {
        mass: share(l.mass_log10),
        mean: sig(l.mean_actual / l.sigma_used, 6),
        std: sig(l.std_actual / l.sigma_used, 6),
      }));
      $("trunc-info").textContent = new Set(cuts).size === 1 ? cuts[0] : cuts.join(" | ");
    },

    /**
     * Shows a refused change next to the control of the key at fault (or the control that
     * was moved, or the page-level line), with the value still in use.
     */
    showError(outcome, control) {
      const keyed = outcome.field && document.querySelector(`.field[data-key="${CSS.escape(outcome.field)}"]`);
      const field = (keyed && !keyed.closest("[hidden]") ? keyed : null) ?? control?.closest(".field");
      const kept = config && outcome.field in config && config[outcome.field] !== ""
        ? ` ${text("keptValue", { key: outcome.field, value: config[outcome.field] })}`
        : "";
      const stop = kept && !/[.!?…。！？।]$/.test(outcome.error) ? text("fullStop") : "";
      const message = `${outcome.error}${stop}${kept}`;
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
    },

    clearErrors() {
      for (const error of document.querySelectorAll(".field-error")) error.hidden = true;
      for (const input of document.querySelectorAll("[aria-invalid]")) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      }
    },

    enable() {
      // The quick row holds settings too, moved beside the activation chart on phones (phone.js).
      for (const el of document.querySelectorAll(":is(#settings-body, #core-quick) :is(input, select, button)")) {
        el.disabled = false;
      }
      showRelevant(relevant);
    },
  };
  return controls;
}

// The A/B comparison panel while there is a B: B's own controls (built from the engine's
// key table: the keys it marks forB, shown when they apply), Swap, Copy A → B and Stop
// comparing. B's settings live in the URL key `vs`; the engine checks every change, and a
// refusal is shown here, naming B's key. Fetched the first time there is a B (a link with
// `vs`, the Compare button, `initlab.compare`); until then the explorer's Compare button
// (main.js) is all the panel needs.

import { labelId } from "./settings-fields.js";
import { optionText, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** A label for key `key`: its label in Settings A's panel, else the key itself. */
function labelOf(key) {
  const label = text(labelId(key));
  return label === labelId(key) ? key : label;
}

/** One control for one key of the engine's table (`row`), with id `b-KEY`. */
function controlFor(row) {
  const id = `b-${row.key}`;
  let control;
  if (row.choices.length > 0) {
    control = document.createElement("select");
    const names = row.kind === "preset" ? ["", ...row.choices] : row.choices;
    for (const name of names) {
      const option = document.createElement("option");
      option.value = name;
      option.textContent = name ? optionText(row.key, name) : text("presetNone");
      // A language switch relabels it (strings.js applyStaticText).
      if (name) option.dataset.i18nOption = row.key;
      else option.dataset.i18n = "presetNone";
      control.append(option);
    }
  } else if (row.kind === "flag") {
    control = document.createElement("input");
    control.type = "checkbox";
  } else {
    control = document.createElement("input");
    control.type = row.kind === "bias" ? "text" : "number";
    control.inputMode = "decimal";
    if (row.kind !== "bias") control.step = "any";
  }
  control.id = id;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = labelOf(row.key);
  if (label.textContent !== row.key) label.dataset.i18n = labelId(row.key);
  const field = document.createElement("div");
  field.className = row.kind === "flag" ? "field check" : "field";
  field.dataset.key = row.key;
  field.append(...(row.kind === "flag" ? [control, label] : [label, control]));
  return field;
}

/** The value a control holds, as the engine reads it. */
function valueOf(control) {
  return control.type === "checkbox" ? (control.checked ? 1 : 0) : control.value;
}

/**
 * `lab()` returns the Lab, `api` is window.initlab (compare), `apply(outcome)` redraws after
 * a change the engine accepted, and `wasm` is the engine module (for the key table).
 */
export function createCompare({ lab, api, apply, wasm }) {
  const rows = wasm.keys().filter((row) => row.forB);
  $("b-settings").replaceChildren(...rows.map(controlFor));

  function showError(outcome) {
    $("b-error").hidden = outcome.ok;
    $("b-error").textContent = outcome.ok ? "" : outcome.error;
    for (const row of rows) {
      $(`b-${row.key}`).setAttribute("aria-invalid", String(!outcome.ok && outcome.field === row.key));
    }
    return outcome;
  }

  for (const row of rows) {
    $(`b-${row.key}`).addEventListener("change", (e) => {
      const outcome = showError(lab().configure({ [row.key]: valueOf(e.currentTarget) }, "b"));
      if (outcome.ok) apply();
    });
  }
  const button = (id, action) => $(id).addEventListener("click", () => showError(action()));
  button("compare-copy", () => api.compare({}));
  button("compare-stop", () => api.compare(null));
  button("compare-swap", () => {
    const outcome = lab().swap();
    if (outcome.ok) apply();
    return outcome;
  });

  return {
    /** Shows B's settings (or that there is no B) after any change. */
    show() {
      const config = lab().config("b");
      const comparing = config !== null;
      $("compare-start").hidden = comparing;
      for (const id of ["compare-swap", "compare-copy", "compare-stop"]) $(id).hidden = !comparing;
      $("b-settings").hidden = !comparing;
      for (const el of document.querySelectorAll(".side-b, .side-tag")) el.hidden = !comparing;
      if (!comparing) return;
      const applies = lab().applies("b");
      for (const row of rows) {
        const control = $(`b-${row.key}`);
        if (control.type === "checkbox") control.checked = Boolean(config[row.key]);
        else if (document.activeElement !== control) control.value = String(config[row.key]);
        control.closest(".field").hidden = !applies[row.key];
      }
    },
    showError,
  };
}

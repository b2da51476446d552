// One field of Settings A's panel per row of the engine's key table, made from the row's
// `widget` (src/config/table.rs): a menu, a slider (linear, logarithmic, or stepping through
// listed values), a number, a check box, and the three fields with a part of their own
// (the layers' two sliders, the bias's "init" box, the seed's button). Ids are `c-KEY`,
// a slider's shown value `c-KEY-value`; every label is a string of the page's tables
// (`data-i18n`, relabelled on a language switch).

import { optionText, text } from "./strings.js";

/** The string id of key `key`'s label (the loss function's differs from the loss readout's). */
export const labelId = (key) => (key === "loss" ? "lossFnLabel" : `${key}Label`);

/** An element `tag` with `attributes` (`text` sets data-i18n and the text, in the page's language). */
function element(tag, attributes = {}) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") {
      el.dataset.i18n = value;
      el.textContent = text(value);
    } else if (name === "className") el.className = value;
    else el.setAttribute(name, String(value));
  }
  return el;
}

/** `<div class="field" data-key>` holding `children`. */
function fieldBox(key, children, className = "field") {
  const box = element("div", { className });
  if (key) box.dataset.key = key;
  box.append(...children);
  return box;
}

/** A control, disabled until the engine is ready, that sends `toPartial(control)` on `event`. */
function control(tag, attributes, event, send, toPartial) {
  const el = element(tag, { ...attributes, disabled: "" });
  el.addEventListener(event, (e) => send(e.currentTarget, toPartial(e.currentTarget)));
  return el;
}

/** A slider's label: its name and its value as shown (`<output id="ID-value">`). */
function sliderLabel(id, labelKey) {
  const output = element("output", { for: id, id: `${id}-value` });
  const label = element("label", { for: id });
  label.append(element("span", { text: labelKey }), " ", output);
  return { label, output };
}

/** The string that shows a slider's value: `value<Key>` where the tables have one. */
function valueTemplate(key, config) {
  if (key === "lo" || key === "hi") return config.bounds === "abs" ? "valueBoundAbs" : "valueBound";
  const own = `value${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  return text(own) === own ? "valuePlain" : own;
}

/** The index of the first list entry ≥ value (the last entry if none is). */
function listIndex(list, value) {
  const i = list.findIndex((entry) => entry >= value);
  return i < 0 ? list.length - 1 : i;
}

/** A menu of the row's choices (a preset's also offers none), with its hint line where it has one. */
function menuField(row, { presets, send }) {
  const id = `c-${row.key}`;
  const menu = control("select", { id }, "change", send, (el) => ({ [row.key]: el.value }));
  if (row.kind === "preset") menu.append(element("option", { value: "", text: "presetNone" }));
  for (const name of row.choices) {
    const option = element("option", { value: name });
    option.textContent = optionText(row.key, name);
    option.dataset.i18nOption = row.key;
    menu.append(option);
  }
  const hint = HINTS[row.key] ? element("p", { id: `${id}-hint`, className: "hint" }) : null;
  const box = fieldBox(row.key, [element("label", { for: id, text: labelId(row.key) }), menu, ...(hint ? [hint] : [])]);
  return {
    elements: [box],
    show(config) {
      menu.value = config[row.key];
      if (hint) hint.textContent = HINTS[row.key](config, presets);
    },
  };
}

/** What a menu's hint line says: the preset's published formula, the scale rule's meaning. */
const HINTS = {
  preset: (config, presets) => presets.find((p) => p.name === config.preset)?.formula ?? "",
  scale: (config) => text(`scaleHint${config.scale.charAt(0).toUpperCase()}${config.scale.slice(1)}`),
};

/**
 * The slider's positions and values: linear (`slider`), logarithmic (`log`, through the
 * engine's LogSlider) or stepping through listed values (`steps`).
 */
function sliderScale(widget, wasm) {
  if (widget.control === "log") {
    const log = new wasm.LogSlider(widget.min, widget.max, widget.steps);
    return { min: 0, max: widget.steps, step: 1, value: (p) => log.value(Number(p)), position: (v) => log.position(v) };
  }
  if (widget.control === "steps") {
    const values = widget.values;
    return { min: 0, max: values.length - 1, step: 1, value: (p) => values[Number(p)], position: (v) => listIndex(values, v) };
  }
  return { ...widget, value: (p) => p, position: (v) => v };
}

/** The string id of a slider's label for `config`: gain scales an orthogonal matrix, not a rule's σ, with init=orthogonal. */
const labelFor = (key, config) => (key === "gain" && config.init === "orthogonal" ? "gainLabelOrthogonal" : labelId(key));

/** Gives `span` the string `id` (kept on a language switch), if it has another. */
function relabel(span, id) {
  if (span.dataset.i18n === id) return;
  span.dataset.i18n = id;
  span.textContent = text(id);
}

/** A slider with its value shown in its label. */
function sliderField(row, { wasm, send }) {
  const id = `c-${row.key}`;
  const scale = sliderScale(row.widget, wasm);
  const { min, max, step } = scale;
  const input = control("input", { type: "range", id, min, max, step }, "input", send, (el) => ({
    [row.key]: scale.value(el.value),
  }));
  const { label, output } = sliderLabel(id, labelId(row.key));
  return {
    elements: [fieldBox(row.key, [label, input])],
    show(config) {
      relabel(label.firstChild, labelFor(row.key, config));
      input.value = scale.position(config[row.key]);
      output.textContent = text(valueTemplate(row.key, config), { value: config[row.key] });
    },
  };
}

/** A number field (`step`; the key's lower limit as its `min`). */
function numberField(row, { send }) {
  const id = `c-${row.key}`;
  const attributes = { type: "number", id, step: row.widget.step, inputmode: "decimal" };
  if (row.min !== null) attributes.min = row.min;
  const input = control("input", attributes, "change", send, (el) => ({ [row.key]: el.value }));
  return {
    elements: [fieldBox(row.key, [element("label", { for: id, text: labelId(row.key) }), input])],
    show(config) {
      input.value = config[row.key];
    },
  };
}

/** A check box for a flag; its whole labelled row is the touch target. */
function checkField(row, { send }) {
  const id = `c-${row.key}`;
  const box = control("input", { type: "checkbox", id }, "change", send, (el) => ({ [row.key]: el.checked ? 1 : 0 }));
  const label = element("label", { for: id, text: labelId(row.key) });
  return {
    elements: [fieldBox(row.key, [box, label], "field check")],
    show(config) {
      box.checked = config[row.key];
    },
  };
}

/**
 * The hidden layers: how many (0 to the widget's max; 0 is "no hidden layer", written `0`) and
 * how wide (its listed widths; no width to pick with none).
 */
function layersField(row, { send }) {
  const widths = row.widget.values;
  const layers = () =>
    Array.from({ length: Number(depth.value) }, () => widths[Number(width.value)]).join(",") || "0";
  const slider = (id, min, max) =>
    control("input", { type: "range", id, min, max, step: 1 }, "input", send, () => ({ layers: layers() }));
  const depth = slider("c-depth", row.widget.min, row.widget.max);
  const width = slider("c-width", 0, widths.length - 1);
  const depthLabel = sliderLabel("c-depth", "depthLabel");
  const widthLabel = sliderLabel("c-width", "widthLabel");
  return {
    elements: [fieldBox(row.key, [depthLabel.label, depth, widthLabel.label, width])],
    show(config) {
      const now = config.layers === "0" ? [] : config.layers.split(",").map(Number);
      depth.value = now.length;
      depthLabel.output.textContent = text("valueLayers", { value: now.length });
      width.disabled = now.length === 0;
      if (now.length === 0) {
        widthLabel.output.textContent = text("noValue");
        return;
      }
      width.value = listIndex(widths, Math.max(...now));
      const uniform = now.every((w) => w === now[0]);
      widthLabel.output.textContent = text("valueUnits", { value: uniform ? now[0] : now.join(", ") });
    },
  };
}

/** The biases: a number, or "init" (drawn like the weights) by a check box beside it. */
function biasField(row, { send }) {
  const value = control("input", { type: "number", id: "c-bias", step: row.widget.step, inputmode: "decimal" }, "change", send,
    (el) => ({ bias: el.value }));
  const init = control("input", { type: "checkbox", id: "c-bias-init" }, "change", send,
    (el) => ({ bias: el.checked ? "init" : value.value || "0" }));
  const initLabel = element("label", { for: "c-bias-init", text: "biasInitLabel" });
  return {
    elements: [
      fieldBox(row.key, [element("label", { for: "c-bias", text: labelId(row.key) }), value]),
      fieldBox(row.key, [init, initLabel], "field check"),
    ],
    show(config) {
      init.checked = config.bias === "init";
      if (config.bias !== "init") value.value = config.bias;
      value.disabled = init.disabled || config.bias === "init";
    },
  };
}

/** The seed: a whole number, and a button that draws a fresh one (wasm newSeed). */
function seedField(row, { wasm, send }) {
  const input = control("input", { type: "number", id: "c-seed", min: 0, step: 1, inputmode: "numeric" }, "change", send,
    (el) => ({ seed: el.value }));
  const button = control("button", { type: "button", id: "new-seed", text: "newSeed" }, "click", (_, partial) =>
    send(input, partial), () => ({ seed: wasm.newSeed() }));
  const inline = element("div", { className: "inline" });
  inline.append(input, button);
  return {
    elements: [fieldBox(row.key, [element("label", { for: "c-seed", text: labelId(row.key) }), inline])],
    show(config) {
      input.value = config.seed;
    },
  };
}

const BUILDERS = {
  menu: menuField,
  slider: sliderField,
  log: sliderField,
  steps: sliderField,
  number: numberField,
  check: checkField,
  layers: layersField,
  bias: biasField,
  seed: seedField,
};

/**
 * The field of key table row `row`: `{key, group, elements, show(config)}`. `parts` is
 * `{wasm, presets, send(control, partial)}`.
 */
export function buildField(row, parts) {
  const build = BUILDERS[row.widget.control];
  if (!build) throw new Error(`the key table gives ${row.key} a widget the page lacks: ${row.widget.control}`);
  return { key: row.key, group: row.widget.group, ...build(row, parts) };
}

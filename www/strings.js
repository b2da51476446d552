// Every user-visible string of the page, one table per language.
// Markup names a string with data-i18n="key" (text) or data-i18n-aria="key" (aria-label);
// scripts use text("key", {name: value}).

const STRINGS = {
  en: {
    title: "InitLab: how a network's weights should start",
    heading: "InitLab",
    tagline:
      "Why a neural network's weights must start random, and at what scale. " +
      "Train a small network live and watch what its first weights do.",
    noscript: "InitLab needs JavaScript and WebAssembly to train the network in your browser.",
    loading: "Loading the engine…",
    loadFailed: "The engine could not load: {error}",
    notReady: "InitLab is still loading: await initlab.ready before calling it.",
    noticesHeading: "Some settings in this link were not used; their defaults apply instead:",
    controlsLabel: "Training controls",
    play: "Play",
    pause: "Pause",
    step: "Step",
    step10: "Step ×10",
    reset: "Reset",
    newSeed: "New seed",
    readoutsLabel: "Training progress",
    stepLabel: "Step",
    lossLabel: "Train loss",
    testLossLabel: "Test loss",
    accuracyLabel: "Train accuracy",
    testAccuracyLabel: "Test accuracy",
    noValue: "—",
    percent: "{value} %",
    running: "Training…",
    paused: "Paused.",
    diverged:
      "Training diverged at step {step}: the loss or a weight stopped being a finite number. " +
      "Press Reset to start again, or lower the learning rate.",
    settingsHeading: "Settings",
    settingsDefault: "? (every setting at its default)",
    settingsHint: "These are the keys of this page's link; change them in the address bar.",
    layersHeading: "Layers",
    layersCaption: "Statistics over all training points at the current weights.",
    colLayer: "Layer",
    colUnits: "Units",
    colSigma: "σ used",
    colStd: "std of weights",
    colZStd: "std(z)",
    colZStdPredicted: "predicted std(z)",
    colSaturated: "Saturated",
    colDead: "Dead",
    colDistinct: "Distinct units",
    colGradNorm: "Gradient norm",
    hiddenLayer: "hidden {index}",
    outputLayer: "output",
  },
};

const language = STRINGS[document.documentElement.lang] ? document.documentElement.lang : "en";

/** The string `key` in the page's language, with `{name}` placeholders filled in. */
export function text(key, values = {}) {
  const template = STRINGS[language][key] ?? STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Fills every element marked with data-i18n / data-i18n-aria under `root`. */
export function applyStaticText(root) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = text(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("[data-i18n-aria]")) {
    el.setAttribute("aria-label", text(el.dataset.i18nAria));
  }
  document.title = text("title");
}

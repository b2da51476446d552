// English: every string of the page (a flat key: string table). Always loaded: it is the
// fallback for any key a translation lacks. The other languages (zh.js, ru.js, hi.js) have
// the same keys and are loaded on demand. Lesson words are in ../lessons-text.js, the
// engine's error templates in src/error.rs (MESSAGES), the charts' in src/plot/labels/.

export const strings = {
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
  accuracyLabel: "Train acc.",
  testAccuracyLabel: "Test acc.",
  noValue: "—",
  percent: "{value} %",
  running: "Training…",
  paused: "Paused.",
  hiddenPaused: "Paused while the tab is hidden.",
  diverged:
    "Training diverged at step {step}: the loss or a weight stopped being a finite number. " +
    "Press Reset to start again, or lower the learning rate or σ.",
  chartFailed: "A chart could not be drawn: {error}",

  // The settings panel.
  settingsTitle: "Settings",
  groupWeights: "Initial weights",
  presetLabel: "Framework preset",
  presetNone: "None (set by hand)",
  initLabel: "Distribution",
  initZeros: "Zeros",
  initConstant: "Constant",
  initUniform: "Uniform",
  initNormal: "Normal",
  initTruncnormal: "Truncated normal",
  constLabel: "Constant value",
  scaleLabel: "Scale",
  scaleManual: "Manual σ",
  scaleLecun: "LeCun / Caffe",
  scaleGlorot: "Glorot / Xavier",
  scaleHe: "He / Kaiming",
  scaleHintManual: "You choose σ; every layer gets the same.",
  scaleHintLecun: "Var(w) = gain² / fan_in",
  scaleHintGlorot: "Var(w) = gain² · 2 / (fan_in + fan_out)",
  scaleHintHe: "Var(w) = gain² · 2 / fan_in",
  sigmaLabel: "σ (std of the weights)",
  gainLabel: "Gain (× the rule's σ)",
  sigmaUsedLabel: "σ used per layer:",
  notUsed: "not used by {init}",
  groupTruncation: "Truncation",
  loLabel: "Low cut",
  hiLabel: "High cut",
  boundsLabel: "Cuts are given in",
  boundsSigma: "units of σ (Keras, JAX)",
  boundsAbs: "absolute weight values (PyTorch)",
  correctLabel: "Variance-corrected (rescale σ so the std after the cut is σ)",
  actualStdLabel: "Actual std after the cut, per layer:",
  truncInfoLabel: "Exactly, the cut keeps:",
  truncInfo: "{mass} of the normal · mean {mean}σ · std {std}σ",
  groupBias: "Biases",
  biasLabel: "Bias value",
  biasInitLabel: "Draw the biases like the weights",
  groupNetwork: "Network",
  actLabel: "Hidden activation",
  actSigmoid: "Sigmoid",
  actTanh: "tanh",
  actRelu: "ReLU",
  actLinear: "Linear (none)",
  depthLabel: "Hidden layers",
  widthLabel: "Units per layer",
  jitterLabel: "Noise added to every weight (std)",
  shortcutLabel: "Shortcut: inputs also feed the output (XOR 2-1 net)",
  groupData: "Data",
  dataLabel: "Dataset",
  dataXor4: "XOR, the 4 textbook points",
  dataXor: "XOR cloud",
  dataCircles: "Circles",
  dataSpiral: "Spiral",
  dataGauss: "Two Gaussians",
  pointsLabel: "Points",
  noiseLabel: "Noise",
  groupTraining: "Training",
  lrLabel: "Learning rate",
  batchLabel: "Batch size",
  momentumLabel: "Momentum",
  lossFnLabel: "Loss",
  lossBce: "Cross-entropy",
  lossMse: "Mean squared error",
  seedLabel: "Seed",

  // Values shown beside the controls.
  valueSigma: "{value}",
  valueBound: "{value} σ",
  valueBoundAbs: "{value}",
  valueLayers: "{value}",
  valueUnits: "{value, plural, one {# unit} other {# units}}",
  valueMixedUnits: "{value, plural, one {# unit} other {# units}}",
  valuePoints: "{value, plural, one {# point} other {# points}}",
  valueNoise: "{value} (std, data units)",
  valueBatch: "{value, plural, one {# point} other {# points}} per step",
  valuePlain: "{value}",
  keptValue: "Still using {key} = {value}.",
  requestedActual: "{actual} (requested {requested})",

  // The charts' panels.
  coreHeading: "Activations and pre-activations, layer by layer",
  coreHint:
    "Each panel: the activation curve, with the histogram of that layer's inputs z over " +
    "all training points. Shaded: where the curve is flat and no gradient passes.",
  coreAlt: "Activation curves with the histogram of pre-activations, one panel per layer",
  lossHeading: "Loss",
  logScale: "Log scale",
  lossAlt: "Training and test loss over steps",
  weightsHeading: "Weights",
  weightLayerLabel: "Layer shown",
  weightsAlt: "Histogram of one layer's weights with the density they were drawn from",
  boundaryHeading: "Decision boundary",
  boundaryAlt: "The network's output over the input plane, with the data points",
  networkHeading: "Network",
  networkHint:
    "Every weight is an edge: blue if positive, vermillion if negative, wider the larger |w|. " +
    "The ring around a unit is its bias. Point at (or tap) an edge or a unit to read its value. " +
    "Layers wider than 16 units show their first 8 and last 7.",
  networkAlt:
    "Diagram of the network: the inputs, every hidden unit and the output, one edge per " +
    "weight coloured by its sign and as wide as its size, and a ring for each bias",

  // The per-layer table.
  layersHeading: "Layers",
  layersCaption: "Statistics over all training points at the current weights.",
  colLayer: "Layer",
  colUnits: "Units",
  colSigma: "σ used",
  colZStd: "std(z)",
  colZStdPredicted: "predicted std(z)",
  colSaturated: "Saturated",
  colDead: "Dead",
  colDistinct: "Distinct units",
  colGradNorm: "Gradient norm",
  hiddenLayer: "hidden {index}",
  outputLayer: "output",

  settingsHeading: "Link to this experiment",
  settingsDefault: "? (every setting at its default)",
  settingsHint: "The address bar always holds these settings: copy it to share the exact run.",

  // The A/B comparison.
  compareHeading: "Compare A with B",
  compareHint:
    "Train a second network B beside this one (A): same data, seed and batches, with the settings " +
    "below changed. Both train together; the loss chart overlays them (A solid blue, B dashed orange).",
  compareStart: "Compare…",
  compareSwap: "Swap A ↔ B",
  compareCopy: "Copy A → B",
  compareStop: "Stop comparing",
  sideA: "A",
  sideB: "B",
  readoutsBLabel: "Network B's progress",
  bLossLabel: "B: train loss",
  coreAltB: "Network B: activation curves with the histogram of pre-activations, one panel per layer",
  weightsAltB: "Network B: histogram of the chosen layer's weights over their initial density",
  gradientsAltB: "Network B: histograms of the weight gradients, one panel per layer",
  networkAltB: "Network B's diagram: units, weights coloured by sign and thickened by size, biases as rings",
  boundaryAltB: "Network B's output over the input plane, with the data points",
  sideColumn: "{side}: {title}",
  sideDiverged: "{side} diverged at step {step}.",
  otherTrainsOn: "{side} trains on; Reset restarts both.",

  // Random restarts.
  restartsHeading: "Random restarts",
  restartsHint:
    "The same settings from many seeds: each seed draws other initial weights. " +
    "Training ends in different places: some runs solve the task, others get stuck.",
  restartsRunsLabel: "Runs",
  restartsStepsLabel: "Steps each",
  restartsFirstLabel: "First seed",
  restartsRun: "Run restarts",
  restartsStop: "Stop",
  restartsProgress: "Training run {done} of {total} in the background…",
  restartsDone: "{runs, plural, one {# run} other {# runs}} of {steps, plural, one {# step} other {# steps}} in {seconds} s.",
  restartsStopped: "Restarts stopped.",
  restartsSuperseded: "A newer restarts request replaced this one.",
  restartsFailed: "The restarts could not run: {error}",
  restartsAlt: "Histogram of the final training loss of every restart, on a log scale",
  restartsSeedsHint: "Every run, lowest final loss first: choose one to load its seed into the page.",
  restartsSeedsLabel: "Seeds of the restarts",
  restartsSeed: "seed {seed} · loss {loss}",
  restartsDiverged: "diverged",

  // The views: gradients per layer, signals through depth, the loss landscape.
  gradientsHeading: "Gradients per layer",
  gradientsHint:
    "For each layer, how strongly the loss pulls on each weight: the histogram of |∂L/∂w| on a " +
    "log axis, the same in every panel. Vanishing gradients shift left layer by layer; at zero " +
    "init every hidden gradient is exactly 0.",
  gradientsAlt: "Histograms of the size of every weight's gradient, one panel per layer, on a log scale",
  depthHeading: "Signals and gradients through depth",
  depthHint:
    "The spread of the signal going forward (std of z, measured and as the variance-scaling " +
    "rule predicts it) and of the error coming back (std of δ), layer by layer on a log scale. " +
    "A good init keeps them level; a bad one makes them shrink or grow by a factor per layer.",
  depthAlt: "Standard deviation of the pre-activations and of the back-propagated error for each layer, on a log scale",
  landscapeHeading: "Loss landscape",
  landscapeHint:
    "The training loss on a plane through the current weights θ (the centre), along two random " +
    "directions scaled to each layer's weights. At zero init every gradient is exactly 0, yet " +
    "the surface curves in some directions and is flat in others: θ is a stationary point, a " +
    "saddle or a flat plateau, not a minimum you want. From a random init the surface bends " +
    "downhill, and training follows it.",
  landscapeHintSaddle:
    "The saddle lesson's plane through the current weights θ (the centre): across, d₁ moves one " +
    "hidden unit's weights, its bias and its output weight together; up, d₂ moves the output bias. " +
    "Both are unit vectors, so α and β are distances. The loss rises along d₂ and falls to both " +
    "sides along d₁: the lower point that shows θ is no minimum.",
  landscapeAlt: "Heatmap with contour lines of the training loss around the current weights",
  landscapeNLabel: "Grid",
  landscapeN21: "21 × 21 points",
  landscapeN41: "41 × 41 points",
  landscapeSpanLabel: "Span: α and β up to",
  valueSpan: "±{value}",
  landscapeNow: "Recompute now",
  lessonStartHeading: "New here? Start with the lessons",
  lessonStartHint:
    "Short experiments, one per question learners ask about how weights should start. " +
    "Each sets up the network, says what to look at, and checks its own claim live.",
  lessonStartGo: "Start with the lessons",
  lessonPick: "…or pick a lesson",
  lessonsLabel: "Lessons",
  lessonExplorer: "No lesson: the explorer",
  lessonPrev: "← Previous",
  lessonNext: "Next →",
  lessonClose: "Back to the explorer",
  lessonLook: "What to look at: {look}",
  lessonVerdictLabel: "Verdict now",
  lessonRun: "Run it ({steps, plural, one {# step} other {# steps}})",
  lessonRunStart: "Start again at step 0",
  // The charts in words for screen readers (issue #9)
  summaryLoss: "Step {step}: training loss {loss}, accuracy {accuracy} %.",
  summaryLayer: "{layer}: {saturated} % saturated, {distinct, plural, one {# distinct unit} other {# distinct units}} of {size}.",
  summaryB: "Network B: training loss {loss}, accuracy {accuracy} %.",
  summaryVerdict: "Verdict: {verdict}",
  // The phone's one screen (issue #9)
  quickLabel: "Initial weights: distribution and scale",
  // Export (issue #9)
  exportHeading: "Export",
  exportHint: "Save a chart as a picture, or the numbers behind the page for a spreadsheet or a notebook.",
  exportChartLabel: "Chart",
  exportPng: "Save as PNG",
  exportHistory: "Loss history (CSV)",
  exportLayers: "Layer statistics (CSV)",
  exportConfig: "Settings (JSON)",
  exportWeights: "Weights (JSON)",
  exportSaved: "Saved {name}.",
  exportNoChart: "That chart is not on the page right now: pick another one.",
  exportUnknownKind: "export: '{kind}' is not one of: {kinds}",
  exportUnknownSide: "export: the network must be \"a\" or \"b\", not '{side}'",
  lessonPaused: "Training was paused to set up this lesson. Press Run it to play the lesson's own run.",

  // Embedding in course notes (?embed=1), the messages to and from the parent page, and Share.
  embedOpen: "Open in InitLab ↗",
  embedOpenLabel: "Open in InitLab, in a new tab, with the same settings",
  embedBadValue: "embed is 1 (the compact page for course notes) or 0, not “{value}”",
  messageUnknownType: "InitLab does not know the message type “{type}”; it knows {known}.",
  messageNotObject: "A message to InitLab is an object {source: \"initlab\", type, …}.",
  messageBadId: "The message id must be a string or a number, not {got}.",
  messageExtraKeys: "“{type}” does not take {keys}; it takes {takes}.",
  messageNothing: "nothing",
  messageConfigNotObject: "configure needs config: an object of settings such as {lr: 0.1}, not {got}.",
  messageLessonBad: "openLesson needs lesson: one of {ids}, or null to close the lesson; not {got}.",
  messageFailed: "InitLab could not do “{type}”: {error}",
  shareButton: "Share",
  shareLink: "Copy link",
  shareEmbed: "Copy embed code",
  shareTextLabel: "The text to copy",
  shareLinkCopied: "Link copied to the clipboard.",
  shareEmbedCopied: "Embed code copied to the clipboard.",
  shareCopyByHand: "Your browser did not let the page copy. The text above is selected: press Ctrl+C (⌘C on a Mac).",
  shareEmbedTitle: "InitLab: {what}",
  shareEmbedDefault: "how a network's weights should start",
  // Offline and installable (www/offline.js).
  offlineUpdated: "A new version of InitLab has been installed: reload to use it (the settings stay in the link).",
  offlineReload: "Reload",
  // Languages (issue #9): the header's picker and a bad ?lang=.
  languageLabel: "Language",
  fullStop: ".",
  languageUnknown: "'{lang}' is not a language InitLab has (it has en, zh, ru, hi): the page is in English.",
};

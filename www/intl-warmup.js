// A dedicated worker that makes one Intl.NumberFormat and quits (started by main.js).
// The first number formatter of a page pays Intl's one-time set-up (Chromium's V8 builds
// its list of ICU locales then): 40-150 ms of a phone's main thread at 4× CPU, measured,
// the largest single piece of the warm first frame's script. That set-up is shared by
// every thread of the page's process, so paid here, on another core while the page loads,
// the first frame's formatters then cost ~0.1 ms each. Where a browser shares nothing,
// this costs a short-lived worker and the page formats as before.

new Intl.NumberFormat().format(0.5);
postMessage("ready");

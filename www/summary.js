// The charts in words, for screen readers: one polite live region that says what the loss,
// the activation histograms, the network and the lesson's verdict show now. It speaks at
// most once a second (a frame-by-frame stream would drown everything else), and once more
// after the last change so that the final state is always said.

import { fixed, percentOf } from "./numbers.js";
import { layerName, text } from "./strings.js";

/** The least time between two announcements, in milliseconds. */
const QUIET_MS = 1000;

const percent = (share) => percentOf(share, 0);

/** The summary of one snapshot (and the open lesson's verdict sentence, if any). */
export function summaryText(snapshot, verdict) {
  const parts = [
    text("summaryLoss", {
      step: snapshot.step,
      loss: fixed(snapshot.loss, 3),
      accuracy: percent(snapshot.accuracy),
    }),
  ];
  for (const layer of snapshot.layers ?? []) {
    parts.push(text("summaryLayer", {
      layer: layerName(layer.name),
      saturated: percent(layer.saturated),
      distinct: layer.distinct_units,
      size: layer.size,
    }));
  }
  if (snapshot.compare) {
    parts.push(text("summaryB", { loss: fixed(snapshot.compare.loss, 3), accuracy: percent(snapshot.compare.accuracy) }));
  }
  if (verdict) parts.push(text("summaryVerdict", { verdict }));
  return parts.join(" ");
}

/**
 * Returns `show(snapshot, verdict)`, which updates the live region at most once a second;
 * `verdict` is the open lesson's verdict sentence, if any.
 */
export function createSummary(region = document.getElementById("live-summary")) {
  let last = -Infinity;
  let pending = null;
  let latest = null;
  const speak = () => {
    pending = null;
    last = performance.now();
    const words = summaryText(latest.snapshot, latest.verdict);
    if (region.textContent !== words) region.textContent = words;
  };
  return function show(snapshot, verdict) {
    latest = { snapshot, verdict };
    if (pending !== null) return;
    const wait = last + QUIET_MS - performance.now();
    if (wait <= 0) speak();
    else pending = setTimeout(speak, wait);
  };
}

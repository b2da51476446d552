// Picking the handwritten digits (issue #20): their file is not in the first load, so a
// change that picks `data=digits` (A's menu, a link at start, with `vs` or a lesson too)
// first fetches them (www/digits-data.js, itself fetched then) and is applied once they are
// installed. Any other change is applied at once, as before.

import { once } from "./on-demand.js";

/**
 * Whether `settings` (an object as configure takes, or a query) picks the digits, for A or
 * through `vs` for B, or by a lesson whose settings do: the engine decides (picksDigits).
 */
export function choosesDigits(wasm, settings) {
  if (typeof settings === "string") return wasm.picksDigits(settings);
  const pairs = Object.entries(settings ?? {}).map(([key, value]) => [key, String(value)]);
  return wasm.picksDigits(new URLSearchParams(pairs).toString());
}

const loaderCode = once(() => import("./digits-data.js"));

/**
 * Fetches and installs the digits once (digits-data.js `loadDigits`), at once when they are
 * here; its note goes under `near` (a menu's field), else under the page's status line.
 */
export function loadDigits(wasm, near = null) {
  if (wasm.digitsInstalled()) return Promise.resolve();
  return loaderCode().then((code) => code.loadDigits(wasm, near));
}

/**
 * The digits file's bytes for another engine (the restarts' worker) when `query` picks the
 * digits and they are installed: a Promise of a Uint8Array, or of null.
 */
export function digitsFor(wasm, query) {
  if (!wasm.digitsInstalled() || !wasm.picksDigits(query)) return Promise.resolve(null);
  return loaderCode().then((code) => code.installedDigits());
}

/** Counts the changes asked: a download that ends later applies its change only if no other came since. */
let latest = 0;

/**
 * Runs `apply()` now, or once the digits are installed when `partial` picks them first
 * (its result, or a Promise of it), the note under `control`'s field. If the download fails,
 * its notice says why and `keep(error)` shows the settings as they still are (a menu that
 * moved to "digits" moves back).
 */
export function digitsFirst(wasm, partial, apply, keep, control = null) {
  const mine = ++latest;
  if (wasm.digitsInstalled() || !choosesDigits(wasm, partial)) {
    // A download's fault stays said until the learner changes something else.
    const fault = document.getElementById("digits-note");
    if (fault?.getAttribute("role") === "alert") fault.hidden = true;
    return apply();
  }
  return loadDigits(wasm, control?.closest(".field") ?? control).then(
    () => (mine === latest ? apply() : undefined),
    (error) => {
      const kept = keep(error);
      // keep() puts the menu back, which clears its field's messages: the notice comes after.
      if (error.kind) loaderCode().then((code) => code.showFault(error));
      else console.warn(`The digits could not load: ${error.message}`);
      return kept;
    },
  );
}

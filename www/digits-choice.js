// Picking the handwritten digits (issue #20): their file is not in the first load, so a
// change that picks `data=digits` (A's menu, B's, a link at start) first fetches them
// (www/digits-data.js, itself fetched then) and is applied once they are installed. Any
// other change is applied at once, as before.

import { once } from "./on-demand.js";

/** Whether `settings` (an object as configure takes, or a query) picks the digits for A or, through `vs`, for B. */
export function choosesDigits(settings) {
  const pairs = typeof settings === "string" ? [...new URLSearchParams(settings)] : Object.entries(settings ?? {});
  return pairs.some(
    ([key, value]) =>
      (key === "data" && String(value) === "digits") ||
      (key === "vs" && typeof value === "string" && value.includes("=") && choosesDigits(value)),
  );
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

/** The latest change asked of each side ("a", "b"): a download that ends later applies only if no change came since. */
const latest = { a: 0, b: 0 };

/**
 * Runs `apply()` now, or once the digits are installed when `partial` picks them first
 * (its result, or a Promise of it), the note under `control`'s field. If the download fails,
 * its notice says why and `keep()` shows the settings as they still are (a menu that moved
 * to "digits" moves back).
 */
export function digitsFirst(wasm, side, partial, apply, keep, control = null) {
  const mine = ++latest[side];
  if (wasm.digitsInstalled() || !choosesDigits(partial)) {
    // A download's fault stays said until the learner changes something else.
    const fault = document.getElementById("digits-note");
    if (fault?.getAttribute("role") === "alert") fault.hidden = true;
    return apply();
  }
  return loadDigits(wasm, control?.closest(".field") ?? control).then(
    () => (mine === latest[side] ? apply() : undefined),
    (error) => {
      const kept = keep();
      // keep() puts the menu back, which clears its field's messages: the notice comes after.
      if (error.kind) loaderCode().then((code) => code.showFault(error));
      else console.warn(`The digits could not load: ${error.message}`);
      return kept;
    },
  );
}

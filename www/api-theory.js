// The theory's part of window.initlab (README, "JS API"): mean-field signal propagation
// (issue #21), computed by the engine from its arguments alone, no network needed.

import { localizedError } from "./strings.js";

/** The theory functions of the API, on `wasm()`: the loaded engine's module (throws until it is). */
export function theoryApi(wasm) {
  return {
    /**
     * q^l and c^l through `depth` layers of a wide network, and the fixed point:
     * `{act, sigmaW, sigmaB, depth, q0 = 1, c0 = 0.5}` → `{q_star, c_star, chi1, xi_c, q, c}`.
     * An argument out of its range throws an Error naming it and its range, in the page's language.
     */
    meanField(options) {
      const engine = wasm();
      try {
        return engine.meanField(options);
      } catch (error) {
        throw localizedError(error);
      }
    },
  };
}

// The experiments' part of window.initlab (README, "JS API"): the A/B comparison, restarts,
// the loss landscape and the exports. It forwards to the wasm Lab through the page's state
// `s` and the helpers api.js hands it; it does no maths.

import { localizedError, text } from "./strings.js";

/**
 * The API's comparison, restarts, landscape and exports, on the page's state `s`: `need(s)`
 * the Lab (throws until it is loaded), `localized` a refusal in the page's language,
 * `changed(s)` the redraw after an accepted change, `warn(what)` a failed load's logger.
 */
export function experimentsApi(s, { need, localized, changed, warn }) {
  return {
    /**
     * Compares with a second network B = the current settings + `partial` (`{}`: a copy of
     * A), both restarted; `null` stops comparing. {ok: true} or {ok: false, field, error}.
     */
    compare(partial) {
      const outcome = localized(need(s).compare(partial));
      if (outcome.ok) changed(s);
      // A B on the digits before they are here: the refusal says to choose again once they
      // have arrived, so fetch them now (the note counts the bytes; a fault is said there).
      if (outcome.text?.id === "data.digitsMissing") s.loadDigits().catch(() => {});
      // A refusal is shown in the panel, fetched for it if need be; an acceptance clears it.
      if (s.compare || !outcome.ok) s.loadCompare().then((panel) => panel.showError(outcome), warn("The A/B panel"));
      return outcome;
    },

    /**
     * Trains `runs` seeds (firstSeed, firstSeed + 1, …) of the current settings for `steps`
     * steps each in a Web Worker: a Promise of {runs: [{seed, loss, accuracy, diverged}],
     * solved, stuck, seconds}. Bad arguments reject with a message naming them.
     */
    restarts(options) {
      if (!s.restarts) return Promise.reject(new Error(text("notReady")));
      return s.restarts.run(options);
    },

    /** The training loss on an n × n grid around the current weights: {n, span, center_loss, loss}. */
    landscape(options) {
      try {
        return need(s).landscape(options);
      } catch (error) {
        throw localizedError(error);
      }
    },

    /** The current weights and biases per layer, [{name, n_in, n_out, w, b}]; "b": B's. */
    weights(side) {
      need(s);
      return s.exporter.weights(side);
    },

    /** "csv-history" | "csv-layers" | "json-config" | "json-weights" as a string; "b": B's. */
    export(kind, side) {
      need(s);
      return s.exporter.text(kind, side);
    },
  };
}

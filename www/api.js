// window.initlab: the page's public JS API (see README.md, "JS API").
// It forwards to the wasm Lab and asks the view to redraw; it does no maths.

import { text } from "./strings.js";
import { view } from "./view.js";

/** Training steps per animation frame while playing. */
const STEPS_PER_FRAME = 10;

/**
 * Builds the API around a promise of the loaded engine: `{lab, newSeed}`, a wasm
 * `Lab` and the wasm function that draws a fresh seed.
 */
export function createApi(engine) {
  let lab = null;
  let newSeed = null;
  let playing = false;
  let frame = 0;

  function need() {
    if (!lab) throw new Error(text("notReady"));
    return lab;
  }

  function redraw(snapshot = need().snapshot()) {
    view.showSnapshot(snapshot, playing);
    return snapshot;
  }

  /** Keeps the address bar equal to the settings, so a copied link reproduces them. */
  function syncUrl() {
    const query = need().query().replace(/^\?/, "");
    view.showSettings(query);
    const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
    history.replaceState(history.state, "", url);
  }

  function tick() {
    if (!playing) return;
    const snapshot = need().step(STEPS_PER_FRAME);
    if (snapshot.diverged) playing = false;
    redraw(snapshot);
    if (playing) frame = requestAnimationFrame(tick);
  }

  const api = {
    /** Resolves once the wasm is initialised and the first frame is drawn. */
    ready: null,

    /** The current settings, with the same keys as the URL. */
    config: () => need().config(),

    /** Validates and applies settings: {ok: true} or {ok: false, field, error}. */
    configure(partial) {
      const outcome = need().configure(partial);
      if (outcome.ok) {
        syncUrl();
        redraw();
      }
      return outcome;
    },

    /** Trains n mini-batch steps synchronously, redraws, and returns the snapshot. */
    step(n = 1) {
      return redraw(need().step(Number(n)));
    },

    play() {
      need();
      if (playing) return;
      playing = true;
      view.showPlaying(true);
      frame = requestAnimationFrame(tick);
    },

    pause() {
      playing = false;
      cancelAnimationFrame(frame);
      if (lab) redraw();
    },

    /** Starts the same run again (same seed, so the very same weights and batches). */
    reset() {
      need().reset();
      redraw();
    },

    /** Layer statistics over all training points at the current weights, and the history. */
    snapshot: () => need().snapshot(),
  };

  /** Page-only helpers (not part of the public contract). */
  const page = {
    isPlaying: () => playing,
    toggle: () => (playing ? api.pause() : api.play()),
    newSeed() {
      const outcome = need().reseed(newSeed());
      if (outcome.ok) {
        syncUrl();
        redraw();
      }
      return outcome;
    },
  };

  api.ready = engine.then((loaded) => {
    ({ lab, newSeed } = loaded);
    view.showNotices(lab.notices());
    view.showSettings(lab.query().replace(/^\?/, ""));
    redraw();
    view.enable();
  });
  // The page reports a failed load itself; this keeps it from also being an
  // "unhandled rejection" when no script awaits `ready`.
  api.ready.catch((error) => view.showFailure(error));

  return { api, page };
}

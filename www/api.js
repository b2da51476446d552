// window.initlab: the page's public JS API (see README.md, "JS API"), and the animation
// loop behind play(). It forwards to the wasm Lab, keeps the URL equal to the settings
// and asks the view, the controls and the charts to redraw; it does no maths.

import { createFrameCycle } from "./frames.js";
import { once } from "./on-demand.js";
import { applyStaticText, chartLabels, errorText, localizedError, text, useLanguage } from "./strings.js";
import { createSummary } from "./summary.js";
import { view } from "./view.js";

/** Training steps per animation frame while playing. */
const STEPS_PER_FRAME = 10;

/**
 * Builds the API around a promise of the loaded engine, `{lab, wasm}`, and the page's
 * parts: `charts` (createCharts), `makeControls(wasm, configure)` (createControls),
 * `makeRestarts(parts)` (createRestarts), and optionally `makeViews(parts)` (createViews),
 * `makeLessons(parts)` (createLessons) and `makeExport(parts)` (createExport).
 * `loadCompare()` (compare.js) fetches the A/B panel's code, once there is a B. The page's
 * own URL keys (`lang`, `embed`) stay out of the engine: `pageQuery()` is kept in the
 * address beside the engine's query, `pageNotices` ([{field, message}]) are shown with the
 * engine's notices, and `onRender(snapshot, lesson)` hears every redraw, with the open
 * lesson as `lesson()` gives it (the embed link, the parent's events).
 */
export function createApi(engine, options) {
  const { charts, makeControls, makeRestarts, makeViews, makeLessons, makeExport } = options;
  const { pageQuery = () => "", onRender = () => {} } = options;
  let lab = null;
  let wasm = null;
  let controls = null;
  let restarts = null;
  let compare = null;
  let lessons = null;
  let exporter = null;
  const summarise = createSummary();
  let playing = false;
  /** play() stops by itself at this step (a lesson's "Run it"); Infinity otherwise. */
  let stopAt = Infinity;
  let frame = 0;
  // A heavy cycle (train, snapshot, redraw) spreads over several frames; see frames.js.
  const cycle = createFrameCycle({
    // A huge network may allow fewer steps per call than a frame would like.
    train: () => {
      const left = Math.max(0, stopAt - lab.stepsDone());
      need().train(Math.min(STEPS_PER_FRAME, lab.maxStepsPerCall(), left));
    },
    prepare: () => lab.prepareSnapshot(),
    draw() {
      const snapshot = lab.snapshot();
      if (finished(snapshot) || snapshot.step >= stopAt) stop();
      render(snapshot, playing);
    },
  });

  function need() {
    if (!lab) throw new Error(text("notReady"));
    return lab;
  }

  /** Training has nothing left to do: every network of the page has diverged. */
  const finished = (snapshot) => snapshot.diverged && (!snapshot.compare || snapshot.compare.diverged);

  /** One redraw of everything from one snapshot: charts, readouts, table, controls' readouts. */
  function render(snapshot = need().snapshot(), live = false) {
    charts.layersChanged(snapshot.layers);
    view.showChartError(charts.draw(live, snapshot.compare !== null));
    view.showSnapshot(snapshot, playing);
    controls?.showSnapshot(snapshot);
    const lesson = lessons?.show() ?? null;
    summarise(snapshot, lesson?.verdict.text);
    onRender(snapshot, lesson);
    return snapshot;
  }

  /** After an accepted change: the URL, both panels of settings, every chart. */
  function changed() {
    syncUrl();
    controls?.show(lab.config("a"), lab.applies("a"));
    showCompare();
    render();
  }

  const warn = (what) => (error) => console.warn(`${what} could not load: ${error.message}`);

  /** The A/B panel (B's controls, Swap, Copy, Stop): its code is fetched once there is a B. */
  const loadCompare = once(async () => {
    const { createCompare } = await options.loadCompare();
    compare ??= createCompare({ lab: need, api, apply: changed, wasm });
    return compare;
  });

  /** Shows B's panel after a change: now, or once its code is here if there is a B to show. */
  function showCompare() {
    if (compare) compare.show();
    else if (lab.config("b") !== null) loadCompare().then(showLoadedCompare, warn("The A/B panel"));
  }
  function showLoadedCompare(panel) {
    panel.show();
    render();
  }

  /** Keeps the address bar equal to the settings, so a copied link reproduces them. */
  function syncUrl() {
    const query = need().query().replace(/^\?/, "");
    view.showSettings(query);
    // The page's own parameters (embed, lang: page-params.js), kept beside the engine's query.
    const full = [query, pageQuery()].filter(Boolean).join("&");
    const url = `${location.pathname}${full ? `?${full}` : ""}${location.hash}`;
    history.replaceState(history.state, "", url);
  }

  function stop() {
    playing = false;
    stopAt = Infinity;
    cancelAnimationFrame(frame);
  }

  function tick() {
    if (!playing) return;
    cycle.runFrame();
    if (playing) frame = requestAnimationFrame(tick);
  }

  /** Applies a change; on refusal shows it beside `control` (or the key's control). */
  function configureFrom(partial, control) {
    const outcome = localized(need().configure(partial));
    if (outcome.ok) {
      changed();
    } else {
      controls?.showError(outcome, control);
    }
    return outcome;
  }

  /** A refusal with its `error` in the page's language ("field: message"). */
  function localized(outcome) {
    if (!outcome.ok && outcome.text) outcome.error = errorText(outcome);
    return outcome;
  }

  /** The URL's notices (the engine's, and the page's own `extra`, e.g. an unknown lang). */
  let pageNotices = [];
  const showNotices = () => view.showNotices([...pageNotices, ...lab.notices()]);

  /**
   * Switches the page's language in place: the tables, every static and dynamic text, the
   * charts' words; training, settings and step stay as they are.
   */
  async function switchLanguage(code) {
    await useLanguage(code, true);
    wasm?.setChartLanguage(code, chartLabels());
    applyStaticText(document);
    if (!lab) return;
    lessons?.relabel();
    restarts?.relabel();
    showNotices();
    syncUrl();
    controls?.show(lab.config("a"), lab.applies("a"));
    showCompare();
    render(lab.snapshot(), playing);
  }

  const api = {
    /** Resolves once the wasm is initialised and the first frame is drawn. */
    ready: null,

    /** The current settings, with the same keys as the URL. */
    config: () => need().config("a"),

    /** Validates and applies settings: {ok: true} or {ok: false, field, error}. */
    configure: (partial) => configureFrom(partial, null),

    /** Trains n mini-batch steps synchronously, redraws, and returns the snapshot. */
    step(n = 1) {
      try {
        return render(need().step(Number(n)));
      } catch (error) {
        // A refused n (not a whole number, or more work than one call may do): say so in the page too.
        controls?.showError({ ok: false, error: localizedError(error).message }, null);
        throw error;
      }
    },

    /**
     * Trains until paused: STEPS_PER_FRAME steps and one redraw per animation frame, or per
     * few frames when one cycle is more work than a frame should do (frames.js).
     */
    play() {
      need();
      if (playing) return;
      if (finished(lab.snapshot())) {
        render();
        return;
      }
      playing = true;
      cycle.restart();
      view.showPlaying(true);
      if (!document.hidden) frame = requestAnimationFrame(tick);
    },

    pause() {
      stop();
      if (lab) render();
    },

    /** Starts the same run again (same seed, so the very same weights and batches). */
    reset() {
      need().reset();
      render();
    },

    /**
     * Layer statistics over all training points at the current weights, and the history;
     * while comparing, B's snapshot (the same shape) under `compare`, else `compare: null`.
     */
    snapshot: () => need().snapshot(),

    /**
     * Compares with a second network B = the current settings + `partial` (`{}`: a copy of
     * A), both restarted; `null` stops comparing. {ok: true} or {ok: false, field, error}.
     */
    compare(partial) {
      const outcome = localized(need().compare(partial));
      if (outcome.ok) changed();
      // A refusal is shown in the panel, fetched for it if need be; an acceptance clears it.
      if (compare || !outcome.ok) loadCompare().then((panel) => panel.showError(outcome), warn("The A/B panel"));
      return outcome;
    },

    /**
     * Trains `runs` seeds (firstSeed, firstSeed + 1, …) of the current settings for `steps`
     * steps each in a Web Worker: a Promise of {runs: [{seed, loss, accuracy, diverged}],
     * solved, stuck, seconds}. Bad arguments reject with a message naming them.
     */
    restarts(options) {
      if (!restarts) return Promise.reject(new Error(text("notReady")));
      return restarts.run(options);
    },

    /** The training loss on an n × n grid around the current weights: {n, span, center_loss, loss}. */
    landscape(options) {
      try {
        return need().landscape(options);
      } catch (error) {
        throw localizedError(error);
      }
    },

    /** The current weights and biases per layer, [{name, n_in, n_out, w, b}]; "b": B's. */
    weights(side) {
      need();
      return exporter.weights(side);
    },

    /** "csv-history" | "csv-layers" | "json-config" | "json-weights" as a string; "b": B's. */
    export(kind, side) {
      need();
      return exporter.text(kind, side);
    },

    /** Every guided lesson, in order: [{id, title}]. */
    lessons() {
      need();
      return lessons.list();
    },

    /** The open lesson, {id, title, steps, verdict: {holds, text}} (the sentence shown), or null. */
    lesson() {
      need();
      return lessons.current();
    },

    /** Opens a lesson (pausing first): {ok: true} or {ok: false, error}; null or "" closes it. */
    openLesson(id) {
      need();
      return lessons.open(id);
    },

    /** The page's language code ("en", "zh", "ru", "hi"). */
    language: () => document.documentElement.lang,

    /**
     * Switches the page to language `code` live, keeping the run: a Promise of {ok: true},
     * or {ok: false, error} for a language the page does not have.
     */
    async setLanguage(code) {
      try {
        await switchLanguage(String(code));
        return { ok: true };
      } catch (error) {
        return { ok: false, error: text("languageUnknown", { lang: String(code) }) };
      }
    },
  };

  /** Page-only helpers (not part of the public contract). */
  const page = {
    isPlaying: () => playing,
    toggle: () => (playing ? api.pause() : api.play()),
    redraw: () => lab && render(),
    /** The engine's current query, without "?" and without the page's own keys. */
    query: () => need().query().replace(/^\?/, ""),
    pause: () => api.pause(),
    reset: () => api.reset(),
    /** Plays until step `step` (a lesson's "Run it"). */
    playTo(step) {
      stop();
      stopAt = step;
      api.play();
    },
  };

  // A hidden tab gets no animation frames; stop asking, and carry on when it is back.
  document.addEventListener("visibilitychange", () => {
    if (!playing) return;
    if (document.hidden) {
      cancelAnimationFrame(frame);
      view.showHiddenPause();
    } else {
      frame = requestAnimationFrame(tick);
    }
  });

  api.ready = engine.then(async (loaded) => {
    wasm = loaded.wasm;
    // The first frame shows the link's B in its panel: its code first (the Lab is the
    // page's only once it is here, so that nothing redraws half set up).
    if (loaded.lab.config("b") !== null) await loadCompare().catch(warn("The A/B panel"));
    lab = loaded.lab;
    charts.attach(lab);
    controls = makeControls(wasm, configureFrom);
    restarts = makeRestarts({
      need,
      wasm,
      adopt: charts.adopt,
      loadSeed: (seed) => configureFrom({ seed }, document.getElementById("c-seed")),
      // A lesson's verdict may rest on what the restarts found.
      finished(request, result) {
        lab.restartsFinished(request, result);
        if (!playing) render();
      },
    });
    makeViews?.({ lab, wasm, charts, redraw: () => render() });
    const configure = (partial) => configureFrom(partial, null);
    lessons = makeLessons?.({ lab: need, wasm, configure, page, restarts: api.restarts }) ?? null;
    exporter = makeExport?.({ lab: need }) ?? null;
    pageNotices = options.pageNotices ?? [];
    showNotices();
    view.showSettings(lab.query().replace(/^\?/, ""));
    controls.show(lab.config("a"), lab.applies("a"));
    compare?.show();
    controls.enable();
    render();
    view.enable();
  });
  // The page reports a failed load itself; this keeps it from also being an
  // "unhandled rejection" when no script awaits `ready`.
  api.ready.catch((error) => view.showFailure(error));

  return { api, page };
}

// window.initlab: the page's public JS API (see README.md, "JS API"), and the animation
// loop behind play(). It forwards to the wasm Lab, keeps the URL equal to the settings
// and asks the view, the controls and the charts to redraw; it does no maths.

import { experimentsApi } from "./api-experiments.js";
import { lessonsApi } from "./api-lessons.js";
import { digitsFirst } from "./digits-choice.js";
import { theoryApi } from "./api-theory.js";
import { createFrameCycle } from "./frames.js";
import { once } from "./on-demand.js";
import { applyStaticText, chartLabels, errorText, localizedError, text, useLanguage } from "./strings.js";
import { createSummary } from "./summary.js";
import { view } from "./view.js";

/** Training steps per animation frame while playing. */
const STEPS_PER_FRAME = 10;

/*
 * The page's state, one object `s` that the functions below share: the loaded engine
 * (`lab`, `wasm`), the page's parts (`controls`, `restarts`, `compare`, `lessons`,
 * `exporter`), the options given to createApi, and the animation loop's state (`playing`,
 * `stopAt`: play() stops by itself at this step, a lesson's "Run it"; `frame`, `cycle`).
 */

function need(s) {
  if (!s.lab) throw new Error(text("notReady"));
  return s.lab;
}

/** Training has nothing left to do: every network of the page has diverged. */
const finished = (snapshot) => snapshot.diverged && (!snapshot.compare || snapshot.compare.diverged);

/** One redraw of everything from one snapshot: charts, readouts, table, controls' readouts. */
function render(s, snapshot = need(s).snapshot(), live = false) {
  s.charts.layersChanged(snapshot.layers);
  s.charts.classesChanged(snapshot.classes, snapshot.compare?.classes);
  view.showChartError(s.charts.draw(live, snapshot.compare !== null));
  view.showSnapshot(snapshot, s.playing);
  s.controls?.showSnapshot(snapshot);
  const lesson = s.lessons?.show() ?? null;
  // Predict first: the screen reader's summary says the verdict only once it is shown.
  s.summarise(snapshot, lesson?.question.answered === false ? undefined : lesson?.verdict.text);
  s.onRender(snapshot, lesson);
  return snapshot;
}

/** After an accepted change: the URL, both panels of settings, every chart. */
function changed(s) {
  syncUrl(s);
  s.controls?.show(s.lab.config("a"), s.lab.applies("a"));
  showCompare(s);
  render(s);
}

const warn = (what) => (error) => console.warn(`${what} could not load: ${error.message}`);

/** The A/B panel (B's controls, Swap, Copy, Stop): its code is fetched once there is a B. */
function compareLoader(s) {
  return once(async () => {
    const { createCompare } = await s.loadCompareCode();
    s.compare ??= createCompare({ lab: () => need(s), api: s.api, apply: () => changed(s), wasm: s.wasm });
    return s.compare;
  });
}

/** Shows B's panel after a change: now, or once its code is here if there is a B to show. */
function showCompare(s) {
  if (s.compare) s.compare.show();
  else if (s.lab.config("b") !== null) {
    s.loadCompare().then((panel) => {
      panel.show();
      render(s);
    }, warn("The A/B panel"));
  }
}

/** Keeps the address bar equal to the settings, so a copied link reproduces them. */
function syncUrl(s) {
  const query = need(s).query().replace(/^\?/, "");
  view.showSettings(query);
  // The page's own parameters (embed, lang: page-params.js), kept beside the engine's query.
  const full = [query, s.pageQuery()].filter(Boolean).join("&");
  const url = `${location.pathname}${full ? `?${full}` : ""}${location.hash}`;
  history.replaceState(history.state, "", url);
}

function stop(s) {
  s.playing = false;
  s.stopAt = Infinity;
  cancelAnimationFrame(s.frame);
}

function tick(s) {
  if (!s.playing) return;
  s.cycle.runFrame();
  if (s.playing) s.frame = requestAnimationFrame(() => tick(s));
}

/** A heavy cycle (train, snapshot, redraw) spreads over several frames; see frames.js. */
function frameCycle(s) {
  /** The step this cycle trains to: STEPS_PER_FRAME steps on, or where play() stops. */
  let target = 0;
  const targetOf = (lab, first) => (first ? Math.min(lab.stepsDone() + STEPS_PER_FRAME, s.stopAt) : target);
  /** The steps of the next training piece: a deep network's a few at a time. */
  const pieceSteps = (lab, first) =>
    Math.max(0, Math.min(targetOf(lab, first) - lab.stepsDone(), lab.stepsPerPiece(), lab.maxStepsPerCall()));
  return createFrameCycle({
    // A deep network trains the cycle's steps a few per piece (a huge one may allow fewer
    // steps per call than a cycle would like); done at the target, or when a diverged run
    // trained fewer steps than asked.
    train(first) {
      const lab = need(s);
      const n = pieceSteps(lab, first);
      target = targetOf(lab, first);
      const before = lab.stepsDone();
      lab.train(n);
      return lab.stepsDone() >= target || lab.stepsDone() - before < n;
    },
    prepare: () => s.lab.prepareSnapshot(),
    draw() {
      const snapshot = s.lab.snapshot();
      if (finished(snapshot) || snapshot.step >= s.stopAt) stop(s);
      render(s, snapshot, s.playing);
    },
    // The slower views a live redraw left, one per piece, from the same snapshot (view-pieces.js).
    drawView() {
      const error = s.charts.drawNextView();
      if (error) view.showChartError(error);
      return !s.charts.viewsPending();
    },
    // Pieces that cost their own: each view, and the training piece whose last step records
    // the loss history (every training and test point through A and B).
    tagOf(piece, first) {
      if (piece === "view") return `view:${s.charts.nextViewId()}`;
      if (piece !== "train" || !s.lab) return piece;
      return s.lab.stepsToRecord() <= pieceSteps(s.lab, first) ? "train:record" : "train";
    },
  });
}

/** Applies a change; on refusal shows it beside `control` (or the key's control). */
function configureFrom(s, partial, control) {
  const outcome = localized(need(s).configure(partial, "a"));
  if (outcome.ok) changed(s);
  else s.controls?.showError(outcome, control);
  return outcome;
}

/**
 * `initlab.configure`: as configureFrom. The digits before they are here: the refusal says to
 * choose again once they have arrived, so fetch them now, as compare does (the note counts;
 * a fault is said there).
 */
function configureFromApi(s, partial) {
  const outcome = configureFrom(s, partial, null);
  if (outcome.text?.id === "data.digitsMissing") s.loadDigits().catch(() => {});
  return outcome;
}

/** A refusal with its `error` in the page's language ("field: message"). */
function localized(outcome) {
  if (!outcome.ok && outcome.text) outcome.error = errorText(outcome);
  return outcome;
}

/** The URL's notices (the page's own, e.g. an unknown lang, and the engine's). */
const showNotices = (s) => view.showNotices([...s.pageNotices, ...s.lab.notices()]);

/**
 * Switches the page's language in place: the tables, every static and dynamic text, the
 * charts' words; training, settings and step stay as they are.
 */
async function switchLanguage(s, code) {
  await useLanguage(code, true);
  s.wasm?.setChartLanguage(code, chartLabels());
  applyStaticText(document);
  if (!s.lab) return;
  s.lessons?.relabel();
  s.restarts?.relabel();
  showNotices(s);
  syncUrl(s);
  s.controls?.show(s.lab.config("a"), s.lab.applies("a"));
  showCompare(s);
  render(s, s.lab.snapshot(), s.playing);
}

/** The API's settings and training: config, configure, step, play, pause, reset, snapshot. */
function trainingApi(s) {
  return {
    /** The current settings, with the same keys as the URL. */
    config: () => need(s).config("a"),

    /** Validates and applies settings: {ok: true} or {ok: false, field, error}. */
    configure: (partial) => configureFromApi(s, partial),

    /** Fetches the handwritten digits once: a Promise, resolved once `data: "digits"` can be used. */
    loadDigits: () => s.loadDigits(),

    /** Trains n mini-batch steps synchronously, redraws, and returns the snapshot. */
    step(n = 1) {
      try {
        return render(s, need(s).step(Number(n)));
      } catch (error) {
        // A refused n (not a whole number, or more work than one call may do): say so in the page too.
        s.controls?.showError({ ok: false, error: localizedError(error).message }, null);
        throw error;
      }
    },

    /**
     * Trains until paused: STEPS_PER_FRAME steps and one redraw per animation frame, or per
     * few frames when one cycle is more work than a frame should do (frames.js).
     */
    play() {
      need(s);
      if (s.playing) return;
      if (finished(s.lab.snapshot())) {
        render(s);
        return;
      }
      s.playing = true;
      s.cycle.restart();
      view.showPlaying(true);
      if (!document.hidden) s.frame = requestAnimationFrame(() => tick(s));
    },

    pause() {
      stop(s);
      if (s.lab) render(s);
    },

    /** Starts the same run again (same seed, so the very same weights and batches). */
    reset() {
      need(s).reset();
      render(s);
    },

    /**
     * Layer statistics over all training points at the current weights, and the history;
     * while comparing, B's snapshot (the same shape) under `compare`, else `compare: null`.
     */
    snapshot: () => need(s).snapshot(),
  };
}

/** The API's lessons (api-lessons.js) and language. */
function pageApi(s) {
  return {
    ...lessonsApi(() => (need(s), s.lessons)),

    /** The page's language code ("en", "zh", "ru", "hi"). */
    language: () => document.documentElement.lang,

    /**
     * Switches the page to language `code` live, keeping the run: a Promise of {ok: true},
     * or {ok: false, error} for a language the page does not have.
     */
    async setLanguage(code) {
      try {
        await switchLanguage(s, String(code));
        return { ok: true };
      } catch (error) {
        return { ok: false, error: text("languageUnknown", { lang: String(code) }) };
      }
    },
  };
}

/** Page-only helpers (not part of the public contract). */
function pageHelpers(s) {
  return {
    isPlaying: () => s.playing,
    toggle: () => (s.playing ? s.api.pause() : s.api.play()),
    redraw: () => s.lab && render(s),
    /** The engine's current query, without "?" and without the page's own keys. */
    query: () => need(s).query().replace(/^\?/, ""),
    pause: () => s.api.pause(),
    reset: () => s.api.reset(),
    /** Plays until step `step` (a lesson's "Run it"). */
    playTo(step) {
      stop(s);
      s.stopAt = step;
      s.api.play();
    },
  };
}

/** A hidden tab gets no animation frames; stop asking, and carry on when it is back. */
function pauseWhileHidden(s) {
  document.addEventListener("visibilitychange", () => {
    if (!s.playing) return;
    if (document.hidden) {
      cancelAnimationFrame(s.frame);
      view.showHiddenPause();
    } else {
      s.frame = requestAnimationFrame(() => tick(s));
    }
  });
}

/** The page's parts, made once the engine is here (`makeX` of createApi's options). */
function makeParts(s, options) {
  const { lab, wasm } = s;
  // Picking the digits from the menu fetches them first; a failed download leaves the menu as it was.
  const keepMenu = () => s.controls.show(lab.config("a"), lab.applies("a"));
  const fromMenu = (partial, control) =>
    digitsFirst(wasm, partial, () => configureFrom(s, partial, control), keepMenu, control);
  s.controls = options.makeControls(wasm, fromMenu);
  s.restarts = options.makeRestarts({
    need: () => need(s),
    wasm,
    adopt: s.charts.adopt,
    loadSeed: (seed) => configureFrom(s, { seed }, document.getElementById("c-seed")),
    // A lesson's verdict may rest on what the restarts found.
    finished(request, result) {
      lab.restartsFinished(request, result);
      if (!s.playing) render(s);
    },
  });
  options.makeViews?.({ lab, wasm, charts: s.charts, redraw: () => render(s) });
  const configure = (partial) => configureFrom(s, partial, null);
  const page = s.page;
  s.lessons = options.makeLessons?.({ lab: () => need(s), wasm, configure, page, restarts: s.api.restarts, course: options.course }) ?? null;
  s.exporter = options.makeExport?.({ lab: () => need(s) }) ?? null;
}

/** Once the engine is loaded: the parts, the notices, the settings, the first frame. */
async function start(s, loaded, options) {
  s.wasm = loaded.wasm;
  // The first frame shows the link's B in its panel: its code first (the Lab is the
  // page's only once it is here, so that nothing redraws half set up).
  if (loaded.lab.config("b") !== null) await s.loadCompare().catch(warn("The A/B panel"));
  s.lab = loaded.lab;
  s.charts.attach(s.lab);
  makeParts(s, options);
  s.pageNotices = [...(options.pageNotices ?? []), ...(s.lessons?.notices ?? [])];
  showNotices(s);
  view.showSettings(s.lab.query().replace(/^\?/, ""));
  s.controls.show(s.lab.config("a"), s.lab.applies("a"));
  s.compare?.show();
  s.controls.enable();
  render(s);
  view.enable();
}

/**
 * Builds the API around a promise of the loaded engine, `{lab, wasm}`, and the page's
 * parts: `charts` (createCharts), `makeControls(wasm, configure)` (createControls),
 * `makeRestarts(parts)` (createRestarts), and optionally `makeViews(parts)` (createViews),
 * `makeLessons(parts)` (createLessons) and `makeExport(parts)` (createExport).
 * `loadCompare()` (compare.js) fetches the A/B panel's code, once there is a B, and
 * `loadDigits()` (digits-choice.js) the handwritten digits, once they are picked. The page's
 * own URL keys (`lang`, `embed`) stay out of the engine: `pageQuery()` is kept in the
 * address beside the engine's query, `pageNotices` ([{field, message}]) are shown with the
 * engine's notices, and `onRender(snapshot, lesson)` hears every redraw, with the open
 * lesson as `lesson()` gives it (the embed link, the parent's events).
 */
export function createApi(engine, options) {
  const s = {
    charts: options.charts,
    pageQuery: options.pageQuery ?? (() => ""),
    onRender: options.onRender ?? (() => {}),
    loadCompareCode: options.loadCompare,
    loadDigits: options.loadDigits ?? (() => Promise.reject(new Error(text("notReady")))),
    summarise: createSummary(),
    pageNotices: [],
    playing: false,
    stopAt: Infinity,
    frame: 0,
  };
  s.cycle = frameCycle(s);
  s.loadCompare = compareLoader(s);
  s.api = { ready: null, drawn: null, ...trainingApi(s), ...experimentsApi(s, { need, localized, changed, warn }), ...pageApi(s), ...theoryApi(() => (need(s), s.wasm)) };
  s.page = pageHelpers(s);
  pauseWhileHidden(s);
  s.api.ready = engine.then((loaded) => start(s, loaded, options));
  // The page reports a failed load itself; this keeps it from also being an
  // "unhandled rejection" when no script awaits `ready`.
  s.api.ready.catch((error) => view.showFailure(error));
  // `ready` is the first frame the learner sees (the charts on screen drawn); `drawn`
  // follows once every chart has been drawn once (charts.js), for scripts that read pixels.
  s.api.drawn = s.api.ready.then(() => s.charts.drawn);
  s.api.drawn.catch(() => {});
  return { api: s.api, page: s.page };
}

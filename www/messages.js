// The postMessage protocol between a framed InitLab and the page that frames it (README,
// "Embed"). Every message either way is an object with source: "initlab". InitLab sends
// events (ready, step, verdict, diverged) to its parent, and answers each command the
// parent sends (configure, openLesson, play, pause, reset) with one reply carrying the
// request's id. A command it cannot do gets an error reply and changes nothing; a message
// without source "initlab", or from another window than the parent, is ignored.

import { text } from "./strings.js";

/** The `source` of every message of the protocol, both ways. */
export const SOURCE = "initlab";
/** The protocol's version, sent with `ready`. */
const PROTOCOL = 1;
/** At most this many `step` events a second; the latest state always follows within 1/4 s. */
export const STEP_EVENTS_PER_SECOND = 4;
const STEP_INTERVAL_MS = 1000 / STEP_EVENTS_PER_SECOND;

/** A value as a reply quotes it: short JSON, or its type when it has none. */
function describe(value) {
  const json = JSON.stringify(value);
  if (json === undefined) return typeof value;
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

const isPlainObject = (value) =>
  value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The commands a parent may send: the keys each takes besides source, type and id, and
 * what it does. `run(args, parts)` returns the reply's {ok, result} or {ok: false, error, field}.
 */
const COMMANDS = {
  configure: {
    takes: ["config"],
    run({ config }, { api }) {
      if (!isPlainObject(config)) {
        return { ok: false, field: "config", error: text("messageConfigNotObject", { got: describe(config) }) };
      }
      const outcome = api.configure(config);
      return outcome.ok ? { ok: true, result: api.config() } : outcome;
    },
  },
  openLesson: {
    takes: ["lesson"],
    run({ lesson }, { api }) {
      // Checked here first: opening a lesson pauses the training, and a refusal must change nothing.
      const ids = api.lessons().map(({ id }) => id);
      if (!(lesson === null || lesson === "" || ids.includes(lesson))) {
        const error = text("messageLessonBad", { ids: ids.join(", "), got: describe(lesson) });
        return { ok: false, field: "lesson", error };
      }
      const outcome = api.openLesson(lesson);
      return outcome.ok ? { ok: true, result: api.lesson() } : outcome;
    },
  },
  play: { takes: [], run: (_, parts) => (parts.api.play(), { ok: true, result: parts.state() }) },
  pause: { takes: [], run: (_, parts) => (parts.api.pause(), { ok: true, result: parts.state() }) },
  reset: { takes: [], run: (_, parts) => (parts.api.reset(), { ok: true, result: parts.state() }) },
};

/** The protocol's own keys, which every message may carry. */
const ENVELOPE = ["source", "type", "id"];

/** Why `data` (with source "initlab") cannot be run, or null; `id` is already checked. */
function refusal(data) {
  const command = Object.hasOwn(COMMANDS, data.type) ? COMMANDS[data.type] : null;
  if (!command) {
    return text("messageUnknownType", { type: String(data.type), known: Object.keys(COMMANDS).join(", ") });
  }
  const extra = Object.keys(data).filter((key) => !ENVELOPE.includes(key) && !command.takes.includes(key));
  if (extra.length === 0) return null;
  const takes = command.takes.length ? command.takes.join(", ") : text("messageNothing");
  return text("messageExtraKeys", { type: data.type, keys: extra.join(", "), takes });
}

/**
 * Starts the protocol in a framed page: `api` is window.initlab, `page` its page-only
 * helpers (isPlaying, query). Returns `{announce(), observe(snapshot)}`: `announce` sends
 * `ready` (once the engine is loaded), `observe(snapshot, lesson)` turns each redraw into events.
 */
export function createMessaging({ api, page }) {
  const parent = window.parent;
  let announced = false;
  let lastStepSent = -Infinity;
  let sentStep = null;
  let pendingStep = null;
  let stepTimer = 0;
  let verdictKey = null;
  let divergedA = false;
  let divergedB = false;

  const post = (type, fields) => parent.postMessage({ source: SOURCE, type, ...fields }, "*");
  const state = () => ({ playing: page.isPlaying(), step: api.snapshot().step });

  function onMessage(event) {
    if (event.source !== parent) return;
    const data = event.data;
    if (!isPlainObject(data) || data.source !== SOURCE) return;
    const id = data.id ?? null;
    // An opaque origin (a sandboxed frame, a file) can only be answered with "*".
    const origin = event.origin && event.origin !== "null" ? event.origin : "*";
    const reply = (fields) =>
      event.source.postMessage({ source: SOURCE, type: "reply", id, request: data.type, ...fields }, origin);
    if (id !== null && typeof id !== "string" && !Number.isFinite(id)) {
      reply({ id: null, ok: false, field: "id", error: text("messageBadId", { got: describe(id) }) });
      return;
    }
    const refused = refusal(data);
    if (refused) {
      reply({ ok: false, field: null, error: refused });
      return;
    }
    let outcome;
    try {
      outcome = COMMANDS[data.type].run(data, { api, state });
    } catch (error) {
      outcome = { ok: false, error: text("messageFailed", { type: data.type, error: error.message }) };
    }
    if (outcome.ok) reply({ ok: true, result: outcome.result ?? null });
    else reply({ ok: false, field: outcome.field ?? null, error: outcome.error });
  }

  /** The step event's numbers. */
  const stepFields = (s) => ({
    step: s.step,
    loss: s.loss,
    accuracy: s.accuracy,
    testLoss: s.test_loss,
    testAccuracy: s.test_accuracy,
  });

  function sendStep() {
    stepTimer = 0;
    if (!pendingStep || pendingStep.step === sentStep) return;
    post("step", pendingStep);
    sentStep = pendingStep.step;
    lastStepSent = performance.now();
  }

  /** Sends the step now if the last went out 1/4 s ago or more, else once that is so. */
  function throttleStep(snapshot) {
    pendingStep = stepFields(snapshot);
    if (stepTimer) return;
    const wait = lastStepSent + STEP_INTERVAL_MS - performance.now();
    if (wait <= 0) sendStep();
    else stepTimer = setTimeout(sendStep, wait);
  }

  /** The open lesson's verdict, sent when the lesson or whether its claim holds changes. */
  /** `lesson`: the open lesson as `initlab.lesson()` gives it (the redraw has it already). */
  function watchVerdict(lesson) {
    const key = lesson ? `${lesson.id}:${lesson.verdict.holds}` : null;
    if (key === verdictKey) return;
    verdictKey = key;
    const { id = null, verdict = { holds: null, text: null } } = lesson ?? {};
    post("verdict", { lesson: id, holds: verdict.holds, text: verdict.text });
  }

  function watchDivergence(snapshot) {
    const b = snapshot.compare;
    if (snapshot.diverged && !divergedA) post("diverged", { network: "A", step: snapshot.diverged_at ?? snapshot.step });
    if (b?.diverged && !divergedB) post("diverged", { network: "B", step: b.diverged_at ?? b.step });
    divergedA = Boolean(snapshot.diverged);
    divergedB = Boolean(b?.diverged);
  }

  window.addEventListener("message", onMessage);

  return {
    announce() {
      const snapshot = api.snapshot();
      const lesson = api.lesson();
      post("ready", {
        protocol: PROTOCOL,
        config: api.config(),
        query: page.query(),
        step: snapshot.step,
        lesson: lesson ? { id: lesson.id, holds: lesson.verdict.holds } : null,
      });
      sentStep = snapshot.step;
      verdictKey = lesson ? `${lesson.id}:${lesson.verdict.holds}` : null;
      divergedA = Boolean(snapshot.diverged);
      divergedB = Boolean(snapshot.compare?.diverged);
      announced = true;
    },
    observe(snapshot, lesson) {
      if (!announced) return;
      throttleStep(snapshot);
      watchVerdict(lesson);
      watchDivergence(snapshot);
    },
  };
}

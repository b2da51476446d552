// The postMessage protocol between a framed InitLab and the page that frames it (README,
// "Embed"). Every message either way is an object with source: "initlab". InitLab sends
// events (ready, step, question, verdict, diverged) to its parent, and answers each command
// the parent sends (configure, openLesson, answer, play, pause, reset) with one reply
// carrying the request's id. Version 2 (predict first): a lesson's verdict is sent only once
// the learner has answered its question (a `question` event says one waits), and `ready`
// says `holds: null` until then; every version-1 message keeps its shape. A command it cannot do gets an error reply and changes nothing; a message
// without source "initlab", or from another window than the parent, is ignored.

import { text } from "./strings.js";

/** The `source` of every message of the protocol, both ways. */
export const SOURCE = "initlab";
/** The protocol's version, sent with `ready` (2: predict first, and openLesson's course; see the file's head). */
const PROTOCOL = 2;
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
 * what it does. `run(args, parts)` returns the reply's {ok, result} or {ok: false, error, field}, or a Promise of it.
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
    // `course` (version 2): the lesson ids Previous / Next go through; version 1 sends only `lesson`.
    takes: ["lesson", "course"],
    run({ lesson, course }, { api }) {
      // Checked here first: opening a lesson pauses the training, and a refusal must change nothing.
      const ids = api.lessons().map(({ id }) => id);
      if (!(lesson === null || lesson === "" || ids.includes(lesson))) {
        const error = text("messageLessonBad", { ids: ids.join(", "), got: describe(lesson) });
        return { ok: false, field: "lesson", error };
      }
      if (!(course === undefined || course === null || typeof course === "string" || Array.isArray(course))) {
        return { ok: false, field: "course", error: text("courseBad", { id: describe(course), ids: ids.join(", ") }) };
      }
      // A Promise when the lesson waits for the digits' download (www/digits-choice.js).
      const outcome = api.openLesson(lesson, course);
      // The reply carries the lesson with its words, fetched with its panel the first time.
      const reply = (done) => (done.ok ? api.lessonShown().then((result) => ({ ok: true, result })) : done);
      return typeof outcome.then === "function" ? outcome.then(reply) : reply(outcome);
    },
  },
  answer: {
    takes: ["choice"],
    run({ choice }, { api }) {
      return { ok: true, result: api.answer(choice) };
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

/*
 * The protocol's state, one object `m` shared by the functions below: `api` and `page`
 * (as createMessaging gets them), `announced`, the step event's throttle (`pendingStep`,
 * `sentStep`, `lastStepSent`, `stepTimer`), and what was last said about the verdict and
 * divergence (`verdictKey`, `divergedA`, `divergedB`).
 */

/** Sends event `type` with `fields` to the framing page. */
function post(type, fields) {
  window.parent.postMessage({ source: SOURCE, type, ...fields }, "*");
}

/** The answer to a request `data` (already checked): a Promise of {ok, result} or {ok: false, field, error}. */
async function answer(m, data) {
  const state = () => ({ playing: m.page.isPlaying(), step: m.api.snapshot().step });
  let outcome;
  try {
    outcome = await COMMANDS[data.type].run(data, { api: m.api, state });
  } catch (error) {
    outcome = { ok: false, error: text("messageFailed", { type: data.type, error: error.message }) };
  }
  if (outcome.ok) return { ok: true, result: outcome.result ?? null };
  return { ok: false, field: outcome.field ?? null, error: outcome.error };
}

/** Answers one message from the framing page (others are ignored). */
async function onMessage(m, event) {
  if (event.source !== window.parent) return;
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
  reply(refused ? { ok: false, field: null, error: refused } : await answer(m, data));
}

/** The step event's numbers. */
const stepFields = (s) => ({
  step: s.step,
  loss: s.loss,
  accuracy: s.accuracy,
  testLoss: s.test_loss,
  testAccuracy: s.test_accuracy,
});

function sendStep(m) {
  m.stepTimer = 0;
  if (!m.pendingStep || m.pendingStep.step === m.sentStep) return;
  post("step", m.pendingStep);
  m.sentStep = m.pendingStep.step;
  m.lastStepSent = performance.now();
}

/** Sends the step now if the last went out 1/4 s ago or more, else once that is so. */
function throttleStep(m, snapshot) {
  m.pendingStep = stepFields(snapshot);
  if (m.stepTimer) return;
  const wait = m.lastStepSent + STEP_INTERVAL_MS - performance.now();
  if (wait <= 0) sendStep(m);
  else m.stepTimer = setTimeout(() => sendStep(m), wait);
}

/**
 * The open lesson's verdict, sent when the lesson or whether its claim holds changes.
 * `lesson`: the open lesson as `initlab.lesson()` gives it (the redraw has it already).
 */
function watchVerdict(m, lesson) {
  const key = verdictKey(lesson);
  if (key === m.verdictKey) return;
  // The verdict's sentence comes with the lesson panel: it is told on the redraw that has it.
  if (lesson?.question.answered && lesson.verdict.text === null) return;
  m.verdictKey = key;
  // Predict first: until the learner has answered, the parent hears that a question waits.
  if (lesson && !lesson.question.answered) {
    post("question", { lesson: lesson.id });
    return;
  }
  const { id = null, verdict = { holds: null, text: null } } = lesson ?? {};
  post("verdict", { lesson: id, holds: verdict.holds, text: verdict.text });
}

/** What the parent has been told of the open lesson: its id, and whether its claim holds once shown. */
const verdictKey = (lesson) =>
  lesson ? `${lesson.id}:${lesson.question.answered ? lesson.verdict.holds : "asked"}` : null;

function watchDivergence(m, snapshot) {
  const b = snapshot.compare;
  if (snapshot.diverged && !m.divergedA) post("diverged", { network: "A", step: snapshot.diverged_at ?? snapshot.step });
  if (b?.diverged && !m.divergedB) post("diverged", { network: "B", step: b.diverged_at ?? b.step });
  m.divergedA = Boolean(snapshot.diverged);
  m.divergedB = Boolean(b?.diverged);
}

/** The open lesson as `ready` tells it: `{id, holds, answered}`, `holds` null until answered. */
const readyLesson = ({ id, verdict, question }) => ({
  id,
  holds: question.answered ? verdict.holds : null,
  answered: question.answered,
});

/** Sends `ready` with the settings, the step and the open lesson; events follow from now. */
function announce(m) {
  const snapshot = m.api.snapshot();
  const lesson = m.api.lesson();
  post("ready", {
    protocol: PROTOCOL,
    config: m.api.config(),
    query: m.page.query(),
    step: snapshot.step,
    lesson: lesson ? readyLesson(lesson) : null,
  });
  m.sentStep = snapshot.step;
  m.verdictKey = verdictKey(lesson);
  m.divergedA = Boolean(snapshot.diverged);
  m.divergedB = Boolean(snapshot.compare?.diverged);
  m.announced = true;
}

/**
 * Starts the protocol in a framed page: `api` is window.initlab, `page` its page-only
 * helpers (isPlaying, query). Returns `{announce(), observe(snapshot)}`: `announce` sends
 * `ready` (once the engine is loaded), `observe(snapshot, lesson)` turns each redraw into events.
 */
export function createMessaging({ api, page }) {
  const m = {
    api,
    page,
    announced: false,
    lastStepSent: -Infinity,
    sentStep: null,
    pendingStep: null,
    stepTimer: 0,
    verdictKey: null,
    divergedA: false,
    divergedB: false,
  };
  window.addEventListener("message", (event) => onMessage(m, event));
  return {
    announce: () => announce(m),
    observe(snapshot, lesson) {
      if (!m.announced) return;
      throttleStep(m, snapshot);
      watchVerdict(m, lesson);
      watchDivergence(m, snapshot);
    },
  };
}

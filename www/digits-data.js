// The handwritten digits' download (issue #20): fetched the first time a learner picks them,
// never in the first load (digits-choice.js imports this file then). The file's place,
// SHA-256 and size are the engine's (wasm digitsFile, digitsSha256, digitsBytes), so this
// file holds no copy of them. A note in the page counts the bytes as they come; the bytes
// are checked with SubtleCrypto, then handed to the engine (installDigits), which reads and
// keeps them for every experiment. The service worker keeps the file once fetched, so the
// digits work offline after one online visit. Each fault is a notice in the same place
// that names its cause; the page's settings are left as they were.

import { fixed } from "./numbers.js";
import { errorText, text } from "./strings.js";

/**
 * The note's element, made on first use: in the field of the menu the digits were picked
 * from (`near`), as its refusals are, else under the page's status line (a link, a script).
 */
function note(near) {
  let element = document.getElementById("digits-note");
  if (!element) {
    element = document.createElement("p");
    element.id = "digits-note";
  }
  const status = document.getElementById("update-note") ?? document.getElementById("status");
  if (near && element.parentElement !== near) near.append(element);
  else if (!near && status && status.nextElementSibling !== element) status.after(element);
  else if (!element.isConnected) document.body.prepend(element);
  return element;
}

/** Where the current download's note goes (see `note`). */
let noteNear = null;
/** The shown note's words, a function of the page's language (a switch rewords them). */
let noteWords = null;

// A language switch sets <html lang> once the new words are in place: the note follows.
new MutationObserver(() => {
  const element = document.getElementById("digits-note");
  if (element && !element.hidden && noteWords) element.textContent = noteWords();
}).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });

/** Shows the progress note, or the notice of a fault (`error` true); `words()` gives its text. */
function showNote(words, error = false) {
  noteWords = words;
  const element = note(noteNear);
  // Styled as the place's own words: a field's hint or refusal, or the status line's.
  const look = noteNear ? (error ? "field-error" : "hint") : error ? "status update-note error" : "status update-note";
  element.className = `${look} digits-note`;
  element.setAttribute("role", error ? "alert" : "status");
  element.textContent = words();
  element.hidden = false;
}

function hideNote() {
  const element = document.getElementById("digits-note");
  if (element) element.hidden = true;
}

/** Kilobytes of `bytes`, in the page's language (no decimals: the note counts, not measures). */
const kilobytes = (bytes) => fixed(bytes / 1000, 0);

/**
 * A fault of the download: its kind ("offline", "network", "missing", "server", "corrupt"),
 * and the notice's words, `words()` in the page's language now (`message` when it failed).
 */
class DigitsLoadError extends Error {
  constructor(kind, words) {
    super(words());
    this.name = "DigitsLoadError";
    this.kind = kind;
    this.words = words;
  }
}

/** The fault of a network that failed with `error`. */
const networkFault = (error) => new DigitsLoadError("network", () => text("digitsNetwork", { reason: error.message }));

/** The progress note's words: `received` bytes of `total`. */
const progress = (received, total) => () =>
  text("digitsLoading", { received: kilobytes(received), total: kilobytes(total) });

/** The file's bytes, counted in the note as they arrive; `fresh` skips every cache. */
async function download(wasm, fresh) {
  const url = new URL(wasm.digitsFile(), document.baseURI);
  const total = wasm.digitsBytes();
  showNote(progress(0, total));
  let response;
  try {
    response = await fetch(url, fresh ? { cache: "reload" } : {});
  } catch (error) {
    if (navigator.onLine === false) throw new DigitsLoadError("offline", () => text("digitsOffline"));
    throw networkFault(error);
  }
  if (!response.ok) {
    const words = { file: wasm.digitsFile(), status: `${response.status} ${response.statusText}`.trim() };
    if ([404, 410].includes(response.status)) throw new DigitsLoadError("missing", () => text("digitsMissing", words));
    throw new DigitsLoadError("server", () => text("digitsServer", words));
  }
  return readAll(response, total);
}

/**
 * The whole body of `response`, the note counting its bytes towards `total`. The bytes come
 * from arrayBuffer(), which ends with the request; a copy of the stream counts them (a
 * reader alone reaches its end before the request ends, which Chromium reports as aborted).
 */
async function readAll(response, total) {
  const counting = response.body ? countBytes(response.clone().body, total) : null;
  try {
    const [buffer] = await Promise.all([response.arrayBuffer(), counting]);
    return new Uint8Array(buffer);
  } catch (error) {
    // The connection dropped halfway.
    throw networkFault(error);
  }
}

/** Reads `stream` to its end, showing in the note how many bytes of `total` have come. */
async function countBytes(stream, total) {
  const reader = stream.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    received += value.length;
    showNote(progress(received, total));
  }
}

/** The SHA-256 of `bytes` in lowercase hex, or null where SubtleCrypto is missing (an insecure origin). */
async function sha256(bytes) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Checks `bytes` against the engine's checksum, then installs them (the engine reads every byte). */
async function install(wasm, bytes) {
  const expected = wasm.digitsSha256();
  const actual = await sha256(bytes);
  // Without SubtleCrypto the engine's own reading still refuses a broken file, in words.
  if (actual === null) console.warn("InitLab cannot check the digits' SHA-256 here (no SubtleCrypto)");
  if (actual !== null && actual !== expected) {
    const sums = { actual: actual.slice(0, 12), expected: expected.slice(0, 12) };
    throw new DigitsLoadError("corrupt", () => text("digitsChecksum", sums));
  }
  try {
    wasm.installDigits(bytes);
  } catch (error) {
    // The engine's refusal, worded from its id and arguments in the page's language.
    const reason = () => errorText({ error: error.message, text: error.text });
    throw new DigitsLoadError("corrupt", () => text("digitsUnreadable", { reason: reason() }));
  }
}

/** The download under way, shared by every caller; null when none is. */
let loading = null;
/** The bytes installed, kept for the restarts' worker, which runs an engine of its own. */
let installedBytes = null;

/** The digits file's bytes as installed by `loadDigits`, or null before. */
export const installedDigits = () => installedBytes;
/** The last download brought a broken file: the next asks past every cache (the service worker's too). */
let lastWasCorrupt = false;

async function fetchAndInstall(wasm) {
  try {
    const bytes = await download(wasm, lastWasCorrupt);
    await install(wasm, bytes);
    installedBytes = bytes;
    lastWasCorrupt = false;
    hideNote();
  } catch (error) {
    const fault = error instanceof DigitsLoadError ? error : networkFault(error);
    lastWasCorrupt = fault.kind === "corrupt";
    showNote(fault.words, true);
    throw fault;
  }
}

/** Shows the notice of `fault` (a rejection of loadDigits) again, where the last download put it. */
export function showFault(fault) {
  showNote(fault.words, true);
}

/**
 * Fetches, checks and installs the digits, once: a Promise resolved when they are installed
 * (at once if they are), shared by concurrent callers. It rejects with the notice the page
 * shows (`kind`: "offline", "network", "missing", "server" or "corrupt"); the next call
 * tries again.
 * `near`: the element (a menu's field) the note goes under, else the page's status line.
 */
export function loadDigits(wasm, near = null) {
  if (wasm.digitsInstalled()) return Promise.resolve();
  if (!loading) noteNear = near;
  loading ??= fetchAndInstall(wasm).finally(() => {
    loading = null;
  });
  return loading;
}

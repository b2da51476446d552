// The page's own URL parameters, all read here: `lang` (the page's language), `embed`
// (the compact page for course notes, ?embed=1), `course` (a course author's sequence
// of lesson ids, ?course=zero-tanh,saddle: Previous / Next follow it) and `predict` (0:
// lessons open with their verdict shown, for a teacher presenting). A new one is one row of
// PARAMS. `lesson` is not one of them: it is a setting of the experiment,
// an engine key.
//
// A page parameter is not in the engine's key table (src/config/table.rs): a lesson resets
// every setting, `vs` would accept it for B, and a shared or opened link must not carry
// `embed`. So the page takes them out of the query before the engine reads the rest (kept
// exactly as written, so the engine reads it as it would without them) and puts them back
// on every rewrite of the address (pageParamsQuery).

import { LANGUAGES, text } from "./strings.js";

/**
 * Every page parameter: how its text is read (`undefined`: a bad value, left out of the
 * link with a notice) and the notice's string id and arguments. In the address's order.
 */
const PARAMS = {
  embed: {
    read: (value) => (value === "1" ? true : value === "0" ? false : undefined),
    notice: (value) => ["embedBadValue", { value }],
  },
  lang: {
    read: (value) => LANGUAGES.find((l) => l.code === value.toLowerCase())?.code,
    notice: (value) => ["languageUnknown", { lang: value }],
  },
  // The ids as written; lesson-core.js checks them against the engine's list.
  course: {
    read: (value) => courseIdsOf(value) ?? undefined,
    notice: () => ["courseEmpty", {}],
  },
  // Predict first (1, the default) or, for a teacher presenting, the verdict at once (0).
  predict: {
    read: (value) => (value === "1" ? true : value === "0" ? false : undefined),
    notice: (value) => ["predictBadValue", { value }],
  },
};

/** The lesson ids of a `course=` value ("a, b,,c" → ["a", "b", "c"]), or null when it has none. */
export function courseIdsOf(value) {
  const ids = String(value)
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  return ids.length ? ids : null;
}

/** The course the page follows (the known ids of `course=`), kept in every address it writes. */
let followedCourse = null;

/** Sets the course every address keeps: a list of lesson ids, or null for none. */
export function setCourse(ids) {
  followedCourse = ids && ids.length ? [...ids] : null;
}

/** A query's pair name and value, decoded (a malformed escape is kept as written). */
function decodedPair(pair) {
  const at = pair.indexOf("=");
  const decode = (part) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return part;
    }
  };
  return at < 0 ? [decode(pair), ""] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
}

/**
 * A notice about parameter `field`, worded when shown (view.js reads `message`), so that it
 * follows a switch of the page's language.
 */
function notice(field, [id, args]) {
  return {
    field,
    get message() {
      return text(id, args);
    },
  };
}

/**
 * Splits `search` ("?a=1&embed=1&lang=ru") into the page's parameters and the engine's
 * query: `{lang, embed, predict, engineQuery, address, notices, refused}`. `lang` is a language
 * code or null (an empty `lang=` is no choice), `embed` and `predict` true or false; a later
 * valid value wins.
 * A bad value is a notice, its parameter's name is in `refused`, and it is left out of
 * `address`, the search the address bar should show.
 */
export function readPageParams(search) {
  const params = { lang: null, embed: false, course: null, predict: true, notices: [], refused: [] };
  const engine = [];
  const kept = [];
  for (const pair of search.replace(/^\?/, "").split("&").filter(Boolean)) {
    const [name, value] = decodedPair(pair);
    const param = Object.hasOwn(PARAMS, name) ? PARAMS[name] : null;
    if (!param) engine.push(pair);
    if (!param || (name === "lang" && value === "")) {
      kept.push(pair);
      continue;
    }
    const read = param.read(value);
    if (read === undefined) {
      params.notices.push(notice(name, param.notice(value)));
      params.refused.push(name);
      continue;
    }
    params[name] = read;
    kept.push(pair);
  }
  const query = (pairs) => (pairs.length ? `?${pairs.join("&")}` : "");
  return { ...params, engineQuery: query(engine), address: query(kept) };
}

/**
 * The page's parameters from its own address (readPageParams of `location.search`); a bad
 * value leaves the address at once, like a bad engine key.
 */
export function readAddress() {
  const params = readPageParams(location.search);
  if (params.address !== location.search) {
    history.replaceState(history.state, "", `${location.pathname}${params.address}${location.hash}`);
  }
  return params;
}

/**
 * What the page adds to the engine's query in its own address: `embed=1`, `lang=ru`,
 * `course=a,b` (the course set by setCourse), `predict=0`, or nothing.
 */
export function pageParamsQuery({ embed = false, lang = null, course = followedCourse, predict = true }) {
  const courseQuery = course ? `course=${course.map(encodeURIComponent).join(",")}` : "";
  return [embed ? "embed=1" : "", lang ? `lang=${lang}` : "", courseQuery, predict ? "" : "predict=0"]
    .filter(Boolean)
    .join("&");
}

/** Writes the followed course (setCourse) into the address in place of the one it had. */
export function rewriteCourse() {
  const others = location.search.replace(/^\?/, "").split("&").filter((pair) => pair && !pair.startsWith("course="));
  const full = [...others, pageParamsQuery({})].filter(Boolean).join("&");
  history.replaceState(history.state, "", `${location.pathname}${full ? `?${full}` : ""}${location.hash}`);
}

/** Whether the engine's query sets its key `key` (the engine itself decides what it means). */
export function querySets(engineQuery, key) {
  return new RegExp(`(^|[?&])${key}=[^&]`).test(engineQuery);
}

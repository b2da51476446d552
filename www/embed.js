// The page's own URL key `embed`, read on every page; the compact page it switches on
// (?embed=1, for course notes) is embed-mode.js, fetched only then.
//
// `embed` is a page key, not a setting of the experiment: it is not in the engine's key
// table (src/config/table.rs), because a lesson resets every setting, `vs` would accept it
// for B, and a shared or opened link must not carry it. So the page takes it out of the
// query before the engine reads the rest, and puts it back on every rewrite of the URL.

import { text } from "./strings.js";

/** The page's own key: `embed=1` shows the compact page for an iframe. */
export const EMBED_KEY = "embed";

/** A query's pair name, decoded (a malformed escape is kept as written). */
function pairName(pair) {
  const name = pair.split("=", 1)[0];
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}

/**
 * Splits `search` ("?a=1&embed=1") into the page's mode and the engine's query:
 * `{embed, labQuery, notices}`. The engine's pairs are kept exactly as written, so it
 * reads them as it would without `embed`; a bad `embed` value is a notice, like a bad key.
 */
export function readPageQuery(search) {
  const pairs = search.replace(/^\?/, "").split("&").filter(Boolean);
  const rest = [];
  const notices = [];
  let embed = false;
  for (const pair of pairs) {
    if (pairName(pair) !== EMBED_KEY) {
      rest.push(pair);
      continue;
    }
    const value = pair.includes("=") ? pair.slice(pair.indexOf("=") + 1) : "";
    if (value === "1" || value === "0") embed = value === "1";
    else notices.push({ field: EMBED_KEY, message: text("embedBadValue", { value }) });
  }
  return { embed, labQuery: rest.length ? `?${rest.join("&")}` : "", notices };
}

/** What the page adds to the engine's query in its own address: `embed=1` or nothing. */
export const pageQueryFor = (embed) => (embed ? `${EMBED_KEY}=1` : "");

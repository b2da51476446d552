// The compact page for course notes (?embed=1): its chrome and its "Open in InitLab ↗"
// link. Fetched only by an embedded page (main.js), beside the engine; the addresses it
// writes are also Share's (share.js).

import { loadStylesheet } from "./on-demand.js";
import { pageParamsQuery } from "./page-params.js";

/** The absolute address of this page with the engine's `query` (no "?"), embedded or not. */
export function pageUrl(query, embed) {
  const full = [query, pageParamsQuery({ embed })].filter(Boolean).join("&");
  return `${location.origin}${location.pathname}${full ? `?${full}` : ""}`;
}

/**
 * Switches the compact chrome on (a class on <html>, and embed.css, fetched only for the
 * compact page) and keeps the "Open in InitLab ↗" link on the same experiment, without
 * `embed`. Returns `update()`, to call after every redraw.
 */
export function startEmbedMode(query) {
  loadStylesheet("embed.css");
  document.documentElement.classList.add("embed");
  const link = document.getElementById("embed-open");
  link.hidden = false;
  return function update() {
    const href = pageUrl(query(), false);
    if (link.href !== href) link.href = href;
  };
}

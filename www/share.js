// The Share menu: copy a link to the experiment, or the iframe snippet that embeds it in
// course notes, each with a visible confirmation. Where the browser refuses the
// clipboard (no secure context, no permission), the text is shown selected in a
// read-only field instead, with how to copy it by hand.

import { pageUrl } from "./embed-mode.js";
import { text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** How long a confirmation stays, in ms (long enough to read twice). */
const CONFIRMATION_MS = 6000;

/** `value` safe inside a double-quoted HTML attribute. */
const attribute = (value) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The iframe snippet for the experiment `query`, titled after the open lesson if any. */
export function embedCode(query, lessonTitle) {
  const title = text("shareEmbedTitle", { what: lessonTitle || text("shareEmbedDefault") });
  return (
    `<iframe src="${attribute(pageUrl(query, true))}" title="${attribute(title)}" ` +
    `width="640" height="480" style="max-width: 100%; border: 0" loading="lazy" ` +
    `allow="clipboard-write"></iframe>`
  );
}

/**
 * Wires the Share menu; the button itself is main.js's, which fetches this file on the
 * first press and calls `toggle()` on every press. `query()` is the engine's current
 * query (no "?"), `lessonTitle()` the open lesson's title or null. Returns {toggle()}.
 */
export function createShare({ query, lessonTitle }) {
  const toggle = $("share-toggle");
  const menu = $("share-menu");
  const field = $("share-text");
  const done = $("share-done");
  let timer = 0;

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", String(open));
    menu.hidden = !open;
    if (!open) {
      field.hidden = true;
      done.textContent = "";
    }
  }

  function confirm(message) {
    done.textContent = message;
    clearTimeout(timer);
    timer = setTimeout(() => (done.textContent = ""), CONFIRMATION_MS);
  }

  /** Puts `value` on the clipboard, or in the field, selected, with how to copy it. */
  async function copy(value, copied) {
    field.value = value;
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      field.hidden = true;
      confirm(copied);
    } catch {
      field.hidden = false;
      field.focus();
      field.select();
      confirm(text("shareCopyByHand"));
    }
  }

  $("share-link").addEventListener("click", () => copy(pageUrl(query(), false), text("shareLinkCopied")));
  $("share-embed").addEventListener("click", () =>
    copy(embedCode(query(), lessonTitle()), text("shareEmbedCopied")),
  );
  // Escape, or a click elsewhere, closes the menu.
  menu.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    setOpen(false);
    toggle.focus();
  });
  document.addEventListener("click", (e) => {
    if (!menu.hidden && !e.target.closest(".share")) setOpen(false);
  });
  return { toggle: () => setOpen(menu.hidden) };
}

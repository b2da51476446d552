// The page's language: chosen from ?lang= or the browser at start, switched live by the
// picker in the header. `lang` is the page's own URL parameter: the engine never sees it,
// and the page writes it back on every URL rewrite (api.js syncUrl) once it was chosen.

import { LANGUAGES, currentLanguage, text, useLanguage } from "./strings.js";

/**
 * Which language to start in: `?lang=` if it names one of LANGUAGES, else the first of the
 * browser's languages that does (by primary subtag: zh-CN → zh), else English.
 * {code, explicit: whether the URL chose it, unknown: a bad ?lang= value or null}.
 */
function pickLanguage(search, browserLanguages = []) {
  const known = (tag) => LANGUAGES.find((l) => l.code === String(tag).toLowerCase().split(/[-_]/)[0]);
  const asked = new URLSearchParams(search).get("lang");
  if (asked !== null && asked !== "") {
    const found = LANGUAGES.find((l) => l.code === asked.toLowerCase());
    if (found) return { code: found.code, explicit: true, unknown: null };
    return { code: "en", explicit: false, unknown: asked };
  }
  const fromBrowser = browserLanguages.map(known).find(Boolean);
  return { code: fromBrowser?.code ?? "en", explicit: false, unknown: null };
}

/**
 * Loads the starting language. Returns the page's notices about it (an unknown ?lang=, or
 * a table that failed to load: English then) and the query for the engine, without `lang`.
 */
export async function startLanguage(search, browserLanguages) {
  const params = new URLSearchParams(search);
  const picked = pickLanguage(search, browserLanguages);
  const notices = [];
  try {
    await useLanguage(picked.code, picked.explicit);
  } catch {
    await useLanguage("en", false);
    notices.push({ field: "lang", message: text("languageUnknown", { lang: picked.code }) });
  }
  if (picked.unknown !== null) {
    notices.push({ field: "lang", message: text("languageUnknown", { lang: picked.unknown }) });
    // Like a bad engine key, a bad lang is left out of the link (the rest stays as given).
    const kept = new URLSearchParams(search);
    kept.delete("lang");
    const query = kept.toString();
    history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  }
  params.delete("lang");
  const rest = params.toString();
  return { notices, engineQuery: rest ? `?${rest}` : "" };
}

/** Fills the header's language menu and switches on change (`choose(code)`: a Promise). */
export function createLanguagePicker(choose) {
  const picker = document.getElementById("language");
  const options = LANGUAGES.map(({ code, name }) => {
    const option = document.createElement("option");
    option.value = code;
    option.lang = code;
    option.textContent = name;
    return option;
  });
  picker.replaceChildren(...options);
  picker.value = currentLanguage();
  picker.addEventListener("change", async () => {
    picker.disabled = true;
    const outcome = await choose(picker.value);
    if (!outcome.ok) picker.value = currentLanguage();
    picker.disabled = false;
  });
}

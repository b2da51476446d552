// The page's language: chosen from ?lang= (read by page-params.js) or the browser at start,
// switched live by the picker in the header. `lang` is the page's own URL parameter: the
// engine never sees it, and the page writes it back on every URL rewrite once it was chosen.

import { LANGUAGES, currentLanguage, text, useLanguage } from "./strings.js";

/**
 * Which language to start in: `asked` (the link's `lang`, already checked by
 * page-params.js) if there is one, else the first of the browser's languages the page has
 * (by primary subtag: zh-CN → zh), else English.
 */
function pickLanguage(asked, browserLanguages) {
  if (asked) return asked;
  const known = (tag) => LANGUAGES.find((l) => l.code === String(tag).toLowerCase().split(/[-_]/)[0]);
  return browserLanguages.map(known).find(Boolean)?.code ?? "en";
}

/**
 * Loads the starting language: the link's (`asked`, a code or null) or the browser's
 * (`browserLanguages`; pass none after the link asked for a language the page lacks, so
 * that it falls back to English as its notice says). Returns the page's notices about it:
 * a table that failed to load (English then).
 */
export async function startLanguage(asked, browserLanguages) {
  const code = pickLanguage(asked, browserLanguages);
  try {
    await useLanguage(code, asked !== null);
    return [];
  } catch {
    await useLanguage("en", false);
    return [{ field: "lang", message: text("languageUnknown", { lang: code }) }];
  }
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

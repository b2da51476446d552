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

/**
 * Fills the header's language menu and switches on change (`choose(code)`: a Promise).
 * Until `ready` settles (the first frame), the menu holds only the current language: each
 * other language's name is in its own script, and laying out 中文 and हिन्दी loads the
 * CJK and Devanagari fallback fonts, measured at 170-185 ms of a phone's first frame at
 * 4× CPU (10 ms for the same menu in Latin letters).
 */
export function createLanguagePicker(choose, ready) {
  const picker = document.getElementById("language");
  const option = ({ code, name }) => {
    const element = document.createElement("option");
    element.value = code;
    element.lang = code;
    element.textContent = name;
    return element;
  };
  const fill = (languages) => {
    picker.replaceChildren(...languages.map(option));
    picker.value = currentLanguage();
  };
  fill(LANGUAGES.filter(({ code }) => code === currentLanguage()));
  ready.catch(() => {}).then(() => fill(LANGUAGES));
  picker.addEventListener("change", async () => {
    picker.disabled = true;
    const outcome = await choose(picker.value);
    if (!outcome.ok) picker.value = currentLanguage();
    picker.disabled = false;
  });
}

//! The languages the engine speaks to the page: the English templates of its messages, and
//! the chart labels of the learner's language.

use wasm_bindgen::prelude::*;

use super::charts;
use super::js::to_js;

/// Every engine message id with its English template (`[[id, template], …]`): the page's
/// English wording of errors, and the list each language's table must cover.
#[wasm_bindgen(js_name = errorMessages)]
pub fn error_messages() -> Result<JsValue, JsError> {
    to_js(crate::error::MESSAGES)
}

/// Chooses the language of every word drawn on the charts and of `networkHit`'s text:
/// `code` ("en", "zh", "ru", "hi") and, for any language but English, its table of chart
/// labels (`charts` of `www/i18n/<code>.js`, fetched with the page's strings only when the
/// language is chosen). Throws, keeping the current language, for a table that lacks a
/// label or changes a label's placeholders.
#[wasm_bindgen(js_name = setChartLanguage)]
pub fn set_chart_language(code: &str, labels: JsValue) -> Result<(), JsError> {
    if code == "en" || labels.is_undefined() || labels.is_null() {
        charts::set_language(None);
        return Ok(());
    }
    let labels = language_table(code, &labels)
        .map_err(|e| JsError::new(&format!("the charts cannot speak '{code}': {e}")))?;
    charts::set_language(Some(labels));
    Ok(())
}

/// Most languages whose chart labels the page may load.
const MOST_CHART_LANGUAGES: usize = 16;

thread_local! {
    /// Each language's chart labels, made once: the charts draw from `&'static` labels, so
    /// a table lives as long as the page (a few KB per language, at most
    /// [`MOST_CHART_LANGUAGES`] of them), like the English constant.
    static CHART_LANGUAGES: std::cell::RefCell<Vec<(String, &'static charts::Labels)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The labels of `code` from the page's table `labels` (the first table given for a code
/// is kept: it is the same file every time).
fn language_table(code: &str, labels: &JsValue) -> Result<&'static charts::Labels, String> {
    CHART_LANGUAGES.with(|known| {
        let mut known = known.borrow_mut();
        if let Some((_, table)) = known.iter().find(|(c, _)| c == code) {
            return Ok(*table);
        }
        if known.len() >= MOST_CHART_LANGUAGES {
            return Err(format!("at most {MOST_CHART_LANGUAGES} languages"));
        }
        let text = |name: &str| {
            js_sys::Reflect::get(labels, &JsValue::from_str(name))
                .ok()?
                .as_string()
                .map(|s| &*Box::leak(s.into_boxed_str()))
        };
        let table: &'static charts::Labels = Box::leak(Box::new(
            charts::Labels::from_lookup(text).map_err(|e| e.to_string())?,
        ));
        known.push((code.to_string(), table));
        Ok(table)
    })
}

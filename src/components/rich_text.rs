//! Content text from the API: emphasis as `<strong>`, and a `lang` attribute when the text is
//! in another language than the interface (an untranslated Bulgarian text in English, say).
use crate::i18n::ui_lang;
use gishe_api::Text;
use leptos::prelude::*;

fn runs(text: &Text) -> impl IntoView {
    text.runs
        .iter()
        .map(|r| {
            if r.strong {
                view! { <strong>{r.text.clone()}</strong> }.into_any()
            } else {
                r.text.clone().into_any()
            }
        })
        .collect_view()
}

/// Inline text; wrapped in a `span lang` only when its language differs from the interface.
#[component]
pub fn RichText(text: Text) -> impl IntoView {
    let other = (text.lang != ui_lang()).then(|| text.lang.code());
    match other {
        Some(lang) => view! { <span lang=lang>{runs(&text)}</span> }.into_any(),
        None => runs(&text).into_any(),
    }
}

/// The `lang` attribute for an element that holds only this text.
pub fn lang_attr(text: &Text) -> Option<&'static str> {
    (text.lang != ui_lang()).then(|| text.lang.code())
}

/// Renders runs directly, for elements that carry the `lang` attribute themselves.
#[component]
pub fn Runs(text: Text) -> impl IntoView {
    runs(&text)
}

//! Links to a place on the same page (skip link, table of contents). The router only scrolls
//! to such targets; these links also move keyboard and screen-reader focus there.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus to the element with `id` (made focusable if needed) and scrolls it into view.
pub fn focus_target(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// A link to `#target` that focuses `focus` (the target itself unless given) when followed.
/// `remember` puts the fragment in the address, so the place can be shared and bookmarked.
#[component]
pub fn InPageLink(
    #[prop(into)] target: String,
    #[prop(optional, into)] focus: Option<String>,
    #[prop(default = true)] remember: bool,
    #[prop(optional, into)] class: Option<String>,
    children: Children,
) -> impl IntoView {
    let href = format!("#{target}");
    let focus_id = focus.unwrap_or_else(|| target.clone());
    let on_click = move |ev: web_sys::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        if remember {
            if let Ok(history) = window().history() {
                let _ = history.push_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&format!("#{target}")),
                );
            }
        }
        focus_target(&focus_id);
    };
    view! { <a href=href class=class on:click=on_click>{children()}</a> }
}

/// After content has loaded, scrolls to the place the address names (a shared section link).
pub fn scroll_to_address_fragment() {
    let hash = window().location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if !id.is_empty() {
        if let Some(el) = document().get_element_by_id(id) {
            el.scroll_into_view();
        }
    }
}

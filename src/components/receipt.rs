//! The receipt after an application or a report is filed: the registry number and the access
//! code in a panel, with "copy" and "print / save as PDF" beside them, what else the citizen
//! needs, and where to follow it. The code stays in the app's memory (for the status page); it
//! is never put in an address.
use crate::components::page_heading::PageHeading;
use crate::context::app_context;
use crate::i18n::msg;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::components::A;
use wasm_bindgen::JsValue;

#[component]
pub fn Receipt(
    /// The page's heading ("Application submitted", "Sent").
    #[prop(into)]
    title: Signal<String>,
    /// The municipality's name, for the document title.
    municipality: Signal<Option<String>>,
    /// A smaller line above the heading (the service).
    #[prop(optional, into)]
    caption: Signal<Option<String>>,
    slug: String,
    registry_number: String,
    access_code: String,
    /// What the citizen should know now, under the summary.
    notice: impl IntoView + 'static,
    /// The words of the link to the status page (an application's, or a report's).
    #[prop(default = "apply-check-status-link")]
    status_link: &'static str,
    /// Summary rows after the access code.
    children: Children,
) -> impl IntoView {
    app_context()
        .last_receipt
        .set(Some((registry_number.clone(), access_code.clone())));
    remember_number(&registry_number);
    let status_href = format!("/{slug}/status?number={registry_number}");
    let feedback_href = format!("/{slug}/feedback");
    // What "copy" put on the clipboard, said politely: None before, then whether it worked.
    let copied = RwSignal::new(None::<bool>);
    let copy = {
        let (number, code) = (registry_number.clone(), access_code.clone());
        move |_| {
            let text =
                tr!("receipt-copy-text", {"number" => number.clone(), "code" => code.clone()});
            copy_text(&text, copied);
        }
    };
    view! {
        <div class="g-panel">
            <PageHeading title=title context=municipality caption=caption/>
            <p class="g-panel__body">{msg("apply-confirmation-number")}<br/><strong class="g-panel__number">{registry_number}</strong></p>
            <p class="g-panel__body g-panel__code">{msg("apply-access-code")}<br/><strong class="g-code">{access_code}</strong></p>
            <p class="g-panel__actions g-no-print">
                <button type="button" class="g-button g-button--inverse" on:click=copy>
                    {msg("receipt-copy")}<span class="g-visually-hidden">" "{msg("receipt-copy-what")}</span>
                </button>
                <button type="button" class="g-button g-button--inverse" on:click=move |_| { let _ = window().print(); }>
                    {msg("apply-print")}
                </button>
            </p>
            <p class="g-panel__copied" role="status">{move || match copied.get() {
                Some(true) => tr!("receipt-copied"),
                Some(false) => tr!("receipt-copy-failed"),
                None => String::new(),
            }}</p>
        </div>
        <dl class="g-summary">
            {children()}
        </dl>
        <p class="g-notice g-notice--info">{notice}</p>
        <p><A href=status_href attr:class="g-link">{msg(status_link)}</A></p>
        <p><A href=feedback_href attr:class="g-link">{msg("feedback-offer")}</A></p>
    }
}

const LAST_NUMBER_KEY: &str = "gishe.last-number";

/// Keeps the registry number (never the code) in this tab, so a confirmation opened again
/// after it was lost can still name it.
pub fn remember_number(number: &str) {
    crate::browser::save(LAST_NUMBER_KEY, &number);
}

/// The last registry number this tab received, if it still knows one.
pub fn last_number() -> Option<String> {
    crate::browser::load(LAST_NUMBER_KEY)
}

/// Puts `text` on the clipboard and records in `done` whether it worked.
fn copy_text(text: &str, done: RwSignal<Option<bool>>) {
    // Set again even when it is already true, so a second copy is announced too.
    done.set(None);
    // Without a clipboard (plain http, older browsers) say that copying failed, not throw.
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("clipboard")).unwrap_or(false) {
        done.set(Some(false));
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    type Callback = wasm_bindgen::closure::Closure<dyn FnMut(JsValue)>;
    let ok: Callback = Callback::once(move |_: JsValue| done.set(Some(true)));
    let failed: Callback = Callback::once(move |_: JsValue| done.set(Some(false)));
    let _ = promise.then2(&ok, &failed);
    // The browser calls one of them later; a copy is rare, so the two are left to it.
    ok.forget();
    failed.forget();
}

//! `/accessibility`: the accessibility statement required by Directive (EU) 2016/2102 and
//! чл. 58в of the e-Government Act: conformance status, feedback, enforcement procedure.
use crate::components::contact_card::ContactCard;
use crate::components::page_heading::PageHeading;
use crate::context::app_context;
use crate::i18n::msg;
use crate::pages::use_remembered_municipality;
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn Accessibility() -> impl IntoView {
    use_remembered_municipality();
    let ctx = app_context();
    let municipality = move || ctx.municipality.get().flatten().and_then(Result::ok);
    view! {
        <PageHeading title=move_tr!("a11y-title")/>
        <p class="g-lead">{msg("a11y-lead")}</p>

        <h2>{msg("a11y-status-title")}</h2>
        <p>{msg("a11y-status-body")}</p>

        <h2>{msg("a11y-limits-title")}</h2>
        <ul class="g-list g-list--bullet">
            <li>{msg("a11y-limit-source-documents")}</li>
            <li>{msg("a11y-limit-translations")}</li>
            <li>{msg("a11y-limit-javascript")}</li>
        </ul>

        <h2>{msg("a11y-features-title")}</h2>
        <ul class="g-list g-list--bullet">
            <li>{msg("a11y-feature-keyboard")}</li>
            <li>{msg("a11y-feature-zoom")}</li>
            <li>{msg("a11y-feature-screen-reader")}</li>
            <li>{msg("a11y-feature-languages")}</li>
        </ul>

        <h2>{msg("a11y-preparation-title")}</h2>
        <p>{msg("a11y-preparation-body")}</p>

        <h2 id="feedback">{msg("a11y-feedback-title")}</h2>
        <p>{msg("a11y-feedback-body")}</p>
        {move || match municipality() {
            Some(m) if m.has_no_contacts() => view! {
                <p class="g-notice">{msg("a11y-feedback-no-contacts")}</p>
                <ContactCard municipality=m heading_level=3/>
            }.into_any(),
            Some(m) => view! { <ContactCard municipality=m heading_level=3/> }.into_any(),
            None => view! { <p>{msg("a11y-feedback-choose")}</p> }.into_any(),
        }}

        <h2>{msg("a11y-enforcement-title")}</h2>
        <p>{msg("a11y-enforcement-body")}</p>
        <p>{msg("a11y-enforcement-ombudsman")}</p>
    }
}

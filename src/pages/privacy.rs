//! `/privacy`: the privacy notice (GDPR Art. 13): what is collected, why, on what legal basis,
//! how long it is kept, the citizen's rights, and whom to contact.
use crate::components::contact_card::ContactCard;
use crate::components::page_heading::PageHeading;
use crate::context::app_context;
use crate::i18n::msg;
use crate::pages::use_remembered_municipality;
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn Privacy() -> impl IntoView {
    use_remembered_municipality();
    let ctx = app_context();
    let municipality = move || ctx.municipality.get().flatten().and_then(Result::ok);
    view! {
        <PageHeading title=move_tr!("privacy-title")/>
        <p class="g-lead">{msg("privacy-lead")}</p>
        <h2>{msg("privacy-controller-title")}</h2>
        <p>{msg("privacy-controller-body")}</p>
        <h2>{msg("privacy-what-title")}</h2>
        <ul class="g-list g-list--bullet">
            <li>{msg("privacy-what-identity")}</li>
            <li>{msg("privacy-what-contact")}</li>
            <li>{msg("privacy-what-answers")}</li>
            <li>{msg("privacy-what-technical")}</li>
        </ul>
        <h2>{msg("privacy-why-title")}</h2>
        <p>{msg("privacy-why-body")}</p>
        <h2>{msg("privacy-basis-title")}</h2>
        <p>{msg("privacy-basis-body")}</p>
        <h2>{msg("privacy-keep-title")}</h2>
        <p>{msg("privacy-keep-body")}</p>
        <p>{msg("privacy-keep-browser")}</p>
        <h2>{msg("privacy-rights-title")}</h2>
        <p>{msg("privacy-rights-body")}</p>
        <p>{msg("privacy-rights-complaint")}</p>
        <h2 id="privacy-contact">{msg("privacy-contact-title")}</h2>
        <p>{msg("privacy-contact-body")}</p>
        {move || match municipality() {
            Some(m) => view! { <ContactCard municipality=m heading_level=3/> }.into_any(),
            None => view! { <p>{msg("a11y-feedback-choose")}</p> }.into_any(),
        }}
    }
}

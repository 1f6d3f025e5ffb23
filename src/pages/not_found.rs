//! The page for an address that leads nowhere, with links onward.
use crate::components::page_heading::PageHeading;
use crate::context::remembered_slug;
use crate::i18n::msg;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let remembered = remembered_slug();
    view! {
        <PageHeading title=move_tr!("not-found-title")/>
        <p class="g-lead">{msg("not-found-body")}</p>
        <ul class="g-list">
            <li><A href="/" attr:class="g-link">{msg("not-found-choose")}</A></li>
            {remembered.map(|s| view! {
                <li><A href=format!("/{s}") attr:class="g-link">{msg("not-found-home")}</A></li>
            })}
            <li><A href="/accessibility" attr:class="g-link">{msg("footer-accessibility")}</A></li>
        </ul>
    }
}

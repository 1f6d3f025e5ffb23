//! What the citizen sees while something loads, and when it fails: what happened, and a retry.
use crate::client::ApiError;
use crate::components::page_heading::PageHeading;
use crate::i18n::{ids, msg};
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// A polite status line, e.g. "Loading the charter…".
#[component]
pub fn Loading(#[prop(into)] message: Signal<String>) -> impl IntoView {
    view! {
        <p class="g-loading" role="status">
            <span class="g-loading__spinner" aria-hidden="true"></span>
            {move || message.get()}
        </p>
    }
}

/// A part of a page that failed to load, with the reason and a way to try again.
#[component]
pub fn LoadFailed(error: ApiError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="g-notice g-notice--error" role="alert">
            <h2 class="g-notice__title">{msg("load-failed-title")}</h2>
            <Reason error=error retry=retry/>
        </div>
    }
}

/// A page that could not load at all: its heading says so (the page's one `h1`, and its
/// title), then the reason and a retry.
#[component]
pub fn PageLoadFailed(error: ApiError, retry: Callback<()>) -> impl IntoView {
    view! {
        <PageHeading title=move_tr!("load-failed-title")/>
        <div class="g-notice g-notice--error" role="alert">
            <Reason error=error retry=retry/>
        </div>
    }
}

#[component]
fn Reason(error: ApiError, retry: Callback<()>) -> impl IntoView {
    let id = ids::api_error(&error);
    view! {
        <p>{msg(id)}</p>
        <button type="button" class="g-button g-button--secondary" on:click=move |_| retry.run(())>
            {msg("load-failed-retry")}
        </button>
    }
}

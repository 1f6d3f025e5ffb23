//! What the citizen sees while something loads, and when it fails: what happened, and a retry.
use crate::client::ApiError;
use crate::i18n::msg;
use leptos::prelude::*;

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

/// A failure with the reason and a way to try again.
#[component]
pub fn LoadFailed(error: ApiError, retry: Callback<()>) -> impl IntoView {
    let id = error.message_id();
    view! {
        <div class="g-notice g-notice--error" role="alert">
            <h2 class="g-notice__title">{msg("load-failed-title")}</h2>
            <p>{msg(id)}</p>
            <button type="button" class="g-button g-button--secondary" on:click=move |_| retry.run(())>
                {msg("load-failed-retry")}
            </button>
        </div>
    }
}

//! A summary list (GOV.UK): rows of what is asked and what was answered, as a `dl`.
use leptos::prelude::*;

/// One row: `label` in the `dt`, the children in the `dd`.
#[component]
pub fn SummaryRow(label: impl IntoView + 'static, children: Children) -> impl IntoView {
    view! {
        <div class="g-summary__row">
            <dt class="g-summary__key">{label}</dt>
            <dd class="g-summary__value">{children()}</dd>
        </div>
    }
}

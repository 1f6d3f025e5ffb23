//! The receipt after an application or a report is filed: the registry number in a panel, the
//! access code and what else the citizen needs, and where to follow it. The code stays in the
//! app's memory (for the status page); it is never put in an address.
use crate::components::page_heading::PageHeading;
use crate::components::summary_list::SummaryRow;
use crate::context::app_context;
use crate::i18n::msg;
use leptos::prelude::*;
use leptos_router::components::A;

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
    /// Summary rows after the access code.
    children: Children,
) -> impl IntoView {
    app_context()
        .last_receipt
        .set(Some((registry_number.clone(), access_code.clone())));
    let status_href = format!("/{slug}/status?number={registry_number}");
    let feedback_href = format!("/{slug}/feedback");
    view! {
        <div class="g-panel">
            <PageHeading title=title context=municipality caption=caption/>
            <p class="g-panel__body">{msg("apply-confirmation-number")}<br/><strong class="g-panel__number">{registry_number}</strong></p>
        </div>
        <dl class="g-summary">
            <SummaryRow label=msg("apply-access-code")><strong class="g-code">{access_code}</strong></SummaryRow>
            {children()}
        </dl>
        <p class="g-notice g-notice--info">{notice}</p>
        <p><A href=status_href attr:class="g-link">{msg("apply-check-status-link")}</A></p>
        <p><A href=feedback_href attr:class="g-link">{msg("feedback-offer")}</A></p>
    }
}

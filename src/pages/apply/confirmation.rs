//! The confirmation: the receipt (registry number, access code, expected date, tier and fee),
//! what happens next, contacts, print.
use super::draft;
use super::flow_ref;
use crate::components::contact_card::ContactCard;
use crate::components::page_heading::PageHeading;
use crate::components::receipt::Receipt;
use crate::components::summary_list::SummaryRow;
use crate::i18n::{format_expected, ids, msg, t, ui_lang};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

#[component]
pub fn Confirmation() -> impl IntoView {
    let flow = flow_ref();
    let receipt = draft::load_receipt(flow.slug(), &flow.service.code);
    let municipality = flow.municipality.clone();
    let name = municipality.name.to_plain();
    let service_name = flow.service.name.to_plain();
    let Some(r) = receipt else {
        // Opened without a submission in this tab: nothing to confirm.
        let start = flow.start_page();
        return view! {
            <PageHeading title=move_tr!("apply-confirmation-missing-title") context=Signal::derive(move || Some(name.clone()))/>
            <p>{msg("apply-confirmation-missing")}</p>
            <p><A href=start attr:class="g-link">{msg("service-back")}</A></p>
        }
        .into_any();
    };
    let expected = format_expected(r.expected);
    let fee = r.fee.format(ui_lang());
    let tier = t(ids::tier(r.tier));
    view! {
        <Receipt title=move_tr!("apply-confirmation-title") municipality=Signal::derive(move || Some(name.clone()))
            caption=Signal::derive(move || Some(service_name.clone()))
            slug=flow.slug().to_string() registry_number=r.registry_number access_code=r.access_code
            notice=msg("apply-access-code-keep")>
            <SummaryRow label=msg("apply-expected")>{expected}</SummaryRow>
            <SummaryRow label=msg("apply-tier-title")>{format!("{tier} – {fee}")}</SummaryRow>
        </Receipt>
        <h2>{msg("apply-next-title")}</h2>
        <ul class="g-list g-list--bullet">
            <li>{msg("apply-next-registered")}</li>
            <li>{msg("apply-next-fee")}</li>
            <li>{msg("apply-next-extension")}</li>
        </ul>
        <p class="g-actions g-no-print">
            <button type="button" class="g-button g-button--secondary" on:click=move |_| { let _ = window().print(); }>
                {msg("apply-print")}
            </button>
        </p>
        <ContactCard municipality=municipality/>
    }
    .into_any()
}

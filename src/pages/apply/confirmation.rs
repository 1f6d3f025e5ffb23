//! The confirmation: registry number and access code, expected date, what happens next,
//! contacts, print. The code stays in the app's memory; it is never put in an address.
use super::draft;
use super::flow_ref;
use crate::components::contact_card::ContactCard;
use crate::components::page_heading::PageHeading;
use crate::i18n::{format_date, msg, t, ui_lang};
use crate::pages::service::tier_id;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
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
    let expected = match r.expected.time {
        Some(time) => {
            tr!("apply-expected-with-time", {"date" => format_date(r.expected.date), "time" => format!("{:02}:{:02}", time.hour(), time.minute())})
        }
        None => format_date(r.expected.date),
    };
    let fee = r.fee.format(ui_lang());
    crate::context::app_context()
        .last_receipt
        .set(Some((r.registry_number.clone(), r.access_code.clone())));
    let status_href = format!("/{}/status?number={}", flow.slug(), r.registry_number);
    let tier = t(tier_id(r.tier));
    view! {
        <div class="g-panel">
            <PageHeading title=move_tr!("apply-confirmation-title") context=Signal::derive(move || Some(name.clone()))
                caption=Signal::derive(move || Some(service_name.clone()))/>
            <p class="g-panel__body">{msg("apply-confirmation-number")}<br/><strong class="g-panel__number">{r.registry_number.clone()}</strong></p>
        </div>
        <dl class="g-summary">
            <div class="g-summary__row">
                <dt class="g-summary__key">{msg("apply-access-code")}</dt>
                <dd class="g-summary__value"><strong class="g-code">{r.access_code.clone()}</strong></dd>
            </div>
            <div class="g-summary__row">
                <dt class="g-summary__key">{msg("apply-expected")}</dt>
                <dd class="g-summary__value">{expected}</dd>
            </div>
            <div class="g-summary__row">
                <dt class="g-summary__key">{msg("apply-tier-title")}</dt>
                <dd class="g-summary__value">{format!("{tier} – {fee}")}</dd>
            </div>
        </dl>
        <p class="g-notice g-notice--info">{msg("apply-access-code-keep")}</p>
        <p><A href=status_href attr:class="g-link">{msg("apply-check-status-link")}</A></p>
        <p><A href=format!("/{}/feedback", flow.slug()) attr:class="g-link">{msg("feedback-offer")}</A></p>
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

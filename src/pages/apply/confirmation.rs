//! The confirmation: the receipt (registry number, access code, expected date, tier and fee),
//! what happens next, contacts, print.
use super::draft::{self, Draft};
use super::{flow_ref, Step};
use crate::components::contact_card::ContactCard;
use crate::components::page_heading::PageHeading;
use crate::components::receipt::Receipt;
use crate::components::summary_list::SummaryRow;
use crate::context::app_context;
use crate::i18n::{format_expected, ids, msg, t, ui_lang};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

#[component]
pub fn Confirmation() -> impl IntoView {
    let flow = flow_ref();
    let receipt = draft::load_receipt(flow.slug(), &flow.service.code);
    let municipality = flow.municipality.clone();
    let name = municipality.name.to_plain();
    let service_name = flow.service.name.to_plain();
    let Some(r) = receipt else {
        // Opened without a submission in this tab (a new tab, a bookmark): say where the
        // number is, and show the last one this tab received, if any.
        let start = flow.start_page();
        let status = format!("/{}/status", flow.slug());
        let known = crate::components::receipt::last_number();
        return view! {
            <PageHeading title=move_tr!("apply-confirmation-missing-title") context=Signal::derive(move || Some(name.clone()))/>
            <p>{msg("apply-confirmation-missing")}</p>
            {known.map(|n| view! {
                <div class="g-notice g-notice--info">
                    <p>{msg("apply-confirmation-last-known")}<br/><strong class="g-sent-number">{n}</strong></p>
                </div>
            })}
            <h2>{msg("apply-confirmation-where-title")}</h2>
            <ul class="g-list g-list--bullet">
                <li>{msg("apply-confirmation-where-receipt")}</li>
                <li>{msg("apply-confirmation-where-office")}</li>
            </ul>
            <p><A href=status attr:class="g-link">{msg("apply-check-status-link")}</A></p>
            <p><A href=start attr:class="g-link">{msg("service-back")}</A></p>
            <ContactCard municipality=municipality/>
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
        <ContactCard municipality=municipality/>
    }
    .into_any()
}

/// A step of an application that has already been sent (reached with Back, or reloaded): it
/// says so, with the number and where to follow it; a new application is an explicit choice.
#[component]
pub fn AlreadySent() -> impl IntoView {
    let flow = flow_ref();
    let Some(r) = flow.sent.get_untracked() else {
        return ().into_any();
    };
    app_context()
        .last_receipt
        .set(Some((r.registry_number.clone(), r.access_code.clone())));
    let name = flow.municipality.name.to_plain();
    let service_name = flow.service.name.to_plain();
    let confirmation = flow.path(Step::Confirmation);
    let status = format!("/{}/status?number={}", flow.slug(), r.registry_number);
    let navigate = use_navigate();
    let location = use_location();
    let start_new = move |_| {
        draft::forget_sent(flow.slug(), &flow.service.code);
        flow.sent.set(None);
        flow.draft.set(Draft::default());
        flow.restored.set(false);
        flow.problems.set(Vec::new());
        let first = flow.path(Step::Applicant);
        if location.pathname.get_untracked() == first {
            // Already at the first step's address: redraw it, its heading taking focus as
            // after a navigation.
            app_context().pending_focus.set(true);
            flow.generation.update(|g| *g += 1);
        } else {
            navigate(&first, Default::default());
        }
    };
    view! {
        <PageHeading title=move_tr!("apply-sent-title") context=Signal::derive(move || Some(name.clone()))
            caption=Signal::derive(move || Some(service_name.clone()))/>
        <div class="g-notice g-notice--info">
            <p>{msg("apply-confirmation-number")}<br/><strong class="g-sent-number">{r.registry_number}</strong></p>
        </div>
        <p>{msg("apply-sent-lead")}</p>
        <ul class="g-list">
            <li><A href=confirmation attr:class="g-link">{msg("apply-sent-confirmation-link")}</A></li>
            <li><A href=status attr:class="g-link">{msg("apply-check-status-link")}</A></li>
        </ul>
        <h2>{msg("apply-sent-new-title")}</h2>
        <p>{msg("apply-sent-new-lead")}</p>
        <button type="button" class="g-button g-button--secondary" on:click=start_new>{msg("apply-sent-new")}</button>
    }
    .into_any()
}

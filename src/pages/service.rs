//! `/{slug}/services/{code}`: the service's start page — what it is, fee and deadline per
//! urgency tier, documents, legal basis, how the result is received, other ways to apply.
use crate::components::page_heading::PageHeading;
use crate::components::rich_text::{lang_attr, RichText, Runs};
use crate::i18n::{deadline_text, ids, msg, ui_lang};
use crate::pages::apply::Step;
use crate::pages::service_route::with_route_service;
use gishe_api::{Service, Text};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ServicePage() -> impl IntoView {
    with_route_service(|s, m| {
        view! { <StartPage service=s municipality=m.name.to_plain()/> }.into_any()
    })
}

fn text_list(items: Vec<Text>) -> impl IntoView {
    view! {
        <ul class="g-list g-list--bullet">
            {items.into_iter().map(|t| {
                let lang = lang_attr(&t);
                view! { <li lang=lang><Runs text=t/></li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn StartPage(service: Service, municipality: String) -> impl IntoView {
    let s = service;
    let title = s.name.to_plain();
    let category = s.category.name.to_plain();
    let back = format!("/{}/services", s.municipality);
    let lang = ui_lang();
    view! {
        <p class="g-back"><A href=back attr:class="g-link">{msg("service-back")}</A></p>
        <PageHeading title=Signal::derive(move || title.clone())
            context=Signal::derive(move || Some(municipality.clone()))
            caption=Signal::derive(move || Some(category.clone()))/>
        <p class="g-lead"><RichText text=s.summary/></p>
        <p><RichText text=s.description/></p>
        {s.department.map(|d| view! {
            <p><strong>{msg("service-department")}": "</strong><RichText text=d/></p>
        })}

        <p><A href=format!("/{}/services/{}/apply/{}", s.municipality, s.code, Step::Applicant.slug()) attr:class="g-button g-button--start">{msg("apply-start")}<span class="g-button__arrow" aria-hidden="true"></span></A></p>

        <h2>{msg("service-fees-title")}</h2>
        // Scrolls on its own, not the page, when a phone or large text makes it too wide.
        <div class="g-table-wrap" tabindex="0" role="region" aria-labelledby="service-fees-caption">
        <table class="g-table">
            <caption id="service-fees-caption" class="g-table__caption">{msg("service-fees-caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{msg("service-fees-tier")}</th>
                    <th scope="col">{msg("service-fees-deadline")}</th>
                    <th scope="col" class="g-table__num">{msg("service-fees-fee")}</th>
                </tr>
            </thead>
            <tbody>
                {s.tiers.into_iter().map(|t| {
                    let fee = t.fee.format(lang);
                    view! {
                        <tr>
                            <th scope="row">{msg(ids::tier(t.tier))}</th>
                            <td>{move || deadline_text(t.deadline)}</td>
                            <td class="g-table__num">{fee}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>

        <h2>{msg("service-documents-title")}</h2>
        {text_list(s.documents)}

        {(!s.fields.is_empty()).then(|| view! {
            <h2>{msg("service-questions-title")}</h2>
            <p>{msg("service-questions-lead")}</p>
            <ul class="g-list g-list--bullet">
                {s.fields.into_iter().map(|f| view! {
                    <li>
                        <RichText text=f.label/>
                        " ("{msg(ids::field_kind(&f.kind))}{(!f.required).then(|| view! { ", "{msg("service-question-optional")} })}")"
                    </li>
                }).collect_view()}
            </ul>
        })}

        <h2>{msg("service-result-title")}</h2>
        {s.result_collection.map(|r| view! { <p><RichText text=r/></p> })}
        <ul class="g-list g-list--bullet">
            {s.delivery.into_iter().map(|d| view! { <li>{msg(ids::delivery(d))}</li> }).collect_view()}
        </ul>

        <h2>{msg("service-how-title")}</h2>
        {text_list(s.channels)}

        {(!s.legal_basis.is_empty()).then(|| view! {
            <h2>{msg("service-legal-title")}</h2>
            {text_list(s.legal_basis)}
        })}
    }
}

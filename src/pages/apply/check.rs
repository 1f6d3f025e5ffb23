//! Check your answers, with a Change link per answer that returns here; then submit, once.
use super::draft::{self, Draft};
use super::{flow_ref, steps::RestoredNotice, Flow, Step};
use crate::client::{self, ApiError};
use crate::components::form::ErrorSummary;
use crate::components::page_heading::PageHeading;
use crate::i18n::{ids, msg, t, ui_lang};
use gishe_api::{Answer, Applicant, FieldKind};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

struct Row {
    key: String,
    value: String,
    step: Step,
    /// The id of the input the Change link leads to (for the visually hidden part of its name).
    lang: Option<&'static str>,
}

fn rows(flow: &Flow, d: &Draft) -> Vec<Row> {
    let mut rows = Vec::new();
    let row = |key: String, value: String, step: Step| Row {
        key,
        value,
        step,
        lang: None,
    };
    match d.applicant() {
        Some(Applicant::Person {
            name,
            personal_number,
        }) => {
            rows.push(row(tr!("apply-person-name"), name, Step::Applicant));
            rows.push(row(
                tr!("apply-personal-number"),
                personal_number,
                Step::Applicant,
            ));
        }
        Some(Applicant::Company {
            name,
            eik,
            representative,
        }) => {
            rows.push(row(tr!("apply-company-name"), name, Step::Applicant));
            rows.push(row(tr!("apply-eik"), eik, Step::Applicant));
            rows.push(row(
                tr!("apply-representative"),
                representative,
                Step::Applicant,
            ));
        }
        None => rows.push(row(
            tr!("apply-applicant-title"),
            String::new(),
            Step::Applicant,
        )),
    }
    rows.push(row(tr!("apply-email"), d.email.clone(), Step::Contact));
    rows.push(row(tr!("apply-phone"), d.phone.clone(), Step::Contact));
    for f in &flow.service.fields {
        let raw = d.answers.get(&f.id).cloned().unwrap_or_default();
        let value = match &f.kind {
            FieldKind::SingleChoice { options } => options
                .iter()
                .find(|o| o.value == raw)
                .map(|o| o.label.to_plain())
                .unwrap_or_default(),
            FieldKind::MultipleChoice { options, .. } => {
                let chosen = d.choices.get(&f.id).cloned().unwrap_or_default();
                options
                    .iter()
                    .filter(|o| chosen.contains(&o.value))
                    .map(|o| o.label.to_plain())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            FieldKind::Date { .. } => {
                let [day, month, year] = d.dates.get(&f.id).cloned().unwrap_or_default();
                match gishe_api::parse_date_parts(&day, &month, &year) {
                    Ok(date) => crate::i18n::format_date(date),
                    Err(gishe_api::DatePartsError::Empty) => String::new(),
                    Err(_) => format!("{}.{}.{}", day.trim(), month.trim(), year.trim()),
                }
            }
            FieldKind::YesNo if raw == "yes" => tr!("form-yes"),
            FieldKind::YesNo if raw == "no" => tr!("form-no"),
            _ => raw,
        };
        rows.push(Row {
            key: f.label.to_plain(),
            value,
            step: Step::Questions,
            lang: crate::components::rich_text::lang_attr(&f.label),
        });
    }
    let tier = d
        .tier()
        .and_then(|t| flow.service.tiers.iter().find(|x| x.tier == t))
        .map(|x| format!("{} – {}", t(ids::tier(x.tier)), x.fee.format(ui_lang())));
    rows.push(row(
        tr!("apply-tier-title"),
        tier.unwrap_or_default(),
        Step::Tier,
    ));
    let delivery = d.delivery_method().map(|m| {
        let mut v = t(ids::delivery(m));
        match m {
            gishe_api::DeliveryMethod::Post => v = format!("{v}: {}", d.address.trim()),
            gishe_api::DeliveryMethod::Email => v = format!("{v}: {}", d.delivery_email.trim()),
            gishe_api::DeliveryMethod::Counter => {}
        }
        v
    });
    rows.push(row(
        tr!("apply-delivery-title"),
        delivery.unwrap_or_default(),
        Step::Delivery,
    ));
    rows.push(row(
        tr!("apply-consent-title"),
        if d.consent {
            tr!("apply-consent-given")
        } else {
            String::new()
        },
        Step::Consent,
    ));
    let _ = Answer::Flag(false);
    rows
}

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let flow = flow_ref();
    let problems = flow.problems;
    let failure = RwSignal::new(None::<ApiError>);
    let navigate = use_navigate();
    let submit = {
        let flow = flow.clone();
        Action::new_local(move |_: &()| {
            let flow = flow.clone();
            async move {
                let mut d = flow.draft.get_untracked();
                let Some(request) = d.request(&flow.service) else {
                    return Err(ApiError::Invalid(Vec::new()));
                };
                if d.idempotency_key.is_empty() {
                    d.idempotency_key = crate::browser::new_idempotency_key();
                    flow.draft.set(d.clone());
                }
                client::submit(flow.slug(), &request, &d.idempotency_key).await
            }
        })
    };
    // Show what is missing or wrong before the citizen can submit.
    {
        let flow = flow.clone();
        Effect::new(move |_| {
            let d = flow.draft.get_untracked();
            let errors = match d.request(&flow.service) {
                Some(r) => gishe_api::validate_request(&flow.service, &r, super::today_in_sofia()),
                None => incomplete(&flow, &d),
            };
            flow.show_on_check(&errors);
        });
    }
    {
        let flow = flow.clone();
        Effect::new(move |_| {
            if let Some(result) = submit.value().get() {
                match result {
                    Ok(receipt) => {
                        draft::save_receipt(flow.slug(), &flow.service.code, &receipt);
                        draft::mark_sent(flow.slug(), &flow.service.code);
                        flow.sent.set(Some(receipt));
                        draft::clear(flow.slug(), &flow.service.code);
                        flow.draft.set(Draft::default());
                        flow.restored.set(false);
                        navigate(&flow.path(Step::Confirmation), Default::default());
                    }
                    Err(ApiError::Invalid(errors)) => {
                        failure.set(None);
                        flow.show_on_check(&errors);
                    }
                    Err(e) => failure.set(Some(e)),
                }
            }
        });
    }
    let pending = submit.pending();
    let rows_view = {
        let flow = flow.clone();
        move || {
            let d = flow.draft.get();
            rows(&flow, &d)
                .into_iter()
                .map(|r| {
                    let href = format!("{}?return=check", flow.path(r.step));
                    let key = r.key.clone();
                    view! {
                        <div class="g-summary__row g-summary__row--actions">
                            <dt class="g-summary__key" lang=r.lang>{r.key}</dt>
                            <dd class="g-summary__value">{if r.value.trim().is_empty() { view! { <span class="g-muted">{msg("apply-not-answered")}</span> }.into_any() } else { r.value.into_any() }}</dd>
                            <dd class="g-summary__actions">
                                <A href=href attr:class="g-link">{msg("apply-change")}<span class="g-visually-hidden">" "{key}</span></A>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        }
    };
    let service_name = flow.service.name.to_plain();
    let municipality = flow.municipality.name.to_plain();
    let back = flow.path(Step::Consent);
    view! {
        <p class="g-back"><A href=back attr:class="g-link">{msg("form-back")}</A></p>
        <RestoredNotice/>
        <ErrorSummary problems=problems.into()/>
        <PageHeading title=move_tr!("apply-check-title")
            context=Signal::derive(move || Some(municipality.clone()))
            caption=Signal::derive(move || Some(service_name.clone()))
            has_errors=Signal::derive(move || !problems.get().is_empty())/>
        <dl class="g-summary g-summary--check">{rows_view}</dl>
        <h2>{msg("apply-submit-title")}</h2>
        <p>{msg("apply-submit-lead")}</p>
        {move || failure.get().map(|e| view! {
            <div class="g-notice g-notice--error" role="alert">
                <h3 class="g-notice__title">{msg("apply-submit-failed")}</h3>
                <p>{move || t(ids::api_error(&e))}</p>
                <p>{msg("apply-submit-kept")}</p>
            </div>
        })}
        <button type="button" class="g-button" aria-disabled=move || pending.get().then_some("true")
            on:click=move |_| {
                if pending.get_untracked() {
                    return;
                }
                if problems.get_untracked().is_empty() {
                    failure.set(None);
                    submit.dispatch(());
                } else {
                    // Never a button that silently does nothing: show (and focus) the problems again.
                    problems.update(|_| {});
                }
            }>
            {move || if pending.get() { tr!("apply-submitting") } else if failure.get().is_some() { tr!("apply-submit-retry") } else { tr!("apply-submit") }}
        </button>
        <p class="g-visually-hidden" role="status">{move || if pending.get() { tr!("apply-submitting") } else { String::new() }}</p>
    }
}

/// What is missing, step by step, when the draft cannot yet form a request.
fn incomplete(flow: &Flow, d: &Draft) -> Vec<gishe_api::FieldError> {
    let fe = |field: &str, code: &str| gishe_api::FieldError {
        field: field.into(),
        code: code.into(),
    };
    let mut errors = Vec::new();
    match d.applicant() {
        None => errors.push(fe("applicant.kind", "required")),
        Some(a) => errors.extend(gishe_api::validate_applicant(&a)),
    }
    errors.extend(gishe_api::validate_contact(&d.contact()));
    let (answers, bad) = d.answers(&flow.service);
    errors.extend(gishe_api::validate_answers(
        &flow.service,
        &answers,
        super::today_in_sofia(),
    ));
    errors.extend(
        bad.into_iter()
            .map(|id| fe(&format!("answers.{id}"), "number-invalid")),
    );
    if d.tier().is_none() {
        errors.push(fe("tier", "required"));
    }
    match d.delivery() {
        None => errors.push(fe("delivery.method", "required")),
        Some(c) => errors.extend(gishe_api::validate_delivery(&flow.service, &c)),
    }
    errors.extend(gishe_api::validate_consent(d.consent));
    errors
}

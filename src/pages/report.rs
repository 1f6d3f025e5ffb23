//! `/{slug}/report`: a complaint, signal, proposal or praise. Kinds are explained in plain
//! words; the contact details asked follow the law (signals and proposals are never anonymous);
//! the text has a character counter; the draft survives a reload; submission happens once.
use crate::browser;
use crate::client::{self, ApiError};
use crate::components::field_errors::{form_problems, report_message};
use crate::components::form::{
    problem_for, Checkbox, Choice, ErrorSummary, Problem, Radios, TextField,
};
use crate::components::page_heading::PageHeading;
use crate::components::receipt::Receipt;
use crate::components::summary_list::SummaryRow;
use crate::i18n::{format_date, ids, msg, t};
use crate::pages::municipality::use_municipality;
use gishe_api::{FieldError, NewReport, ReportKind, ReportReceipt, MAX_REPORT_TEXT};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct ReportDraft {
    kind: String,
    subject: String,
    text: String,
    name: String,
    email: String,
    phone: String,
    address: String,
    consent: bool,
    idempotency_key: String,
}

fn key(slug: &str) -> String {
    format!("gishe.report.{slug}")
}

/// The receipt of the report sent from this tab: a reload or Back shows it again instead of an
/// empty form, until the citizen chooses to write another.
fn receipt_key(slug: &str) -> String {
    format!("gishe.report-receipt.{slug}")
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let route = use_municipality();
    view! { <ReportForm slug=route.slug.get_untracked() name=route.name()/> }
}

#[component]
fn ReportForm(slug: String, name: Signal<Option<String>>) -> impl IntoView {
    let loaded: ReportDraft = browser::load(&key(&slug)).unwrap_or_default();
    let restored = loaded != ReportDraft::default();
    let field = |v: String| RwSignal::new(v);
    let kind = field(loaded.kind.clone());
    let subject = field(loaded.subject.clone());
    let text = field(loaded.text.clone());
    let person = field(loaded.name.clone());
    let email = field(loaded.email.clone());
    let phone = field(loaded.phone.clone());
    let address = field(loaded.address.clone());
    let consent = RwSignal::new(loaded.consent);
    let idempotency_key = StoredValue::new(loaded.idempotency_key.clone());
    let draft = move || ReportDraft {
        kind: kind.get(),
        subject: subject.get(),
        text: text.get(),
        name: person.get(),
        email: email.get(),
        phone: phone.get(),
        address: address.get(),
        consent: consent.get(),
        idempotency_key: idempotency_key.get_value(),
    };
    {
        let slug = slug.clone();
        Effect::new(move |_| browser::save(&key(&slug), &draft()));
    }
    let problems = RwSignal::new(Vec::<Problem>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let receipt = RwSignal::new(browser::load::<ReportReceipt>(&receipt_key(&slug)));
    let pending_focus = crate::context::app_context().pending_focus;
    let show =
        move |errors: &[FieldError]| problems.set(form_problems("report", errors, report_message));
    let submit = {
        let slug = slug.clone();
        Action::new_local(move |r: &NewReport| {
            let (slug, r) = (slug.clone(), r.clone());
            async move { client::submit_report(&slug, &r, &idempotency_key.get_value()).await }
        })
    };
    {
        let slug = slug.clone();
        Effect::new(move |_| match submit.value().get() {
            Some(Ok(r)) => {
                browser::forget(&key(&slug));
                browser::save(&receipt_key(&slug), &r);
                // The "Sent" heading takes focus, as a new page's would, so it is announced.
                pending_focus.set(true);
                receipt.set(Some(r));
            }
            Some(Err(ApiError::Invalid(errors))) => show(&errors),
            Some(Err(e)) => failure.set(Some(e)),
            None => {}
        });
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(k) = ReportKind::from_code(&kind.get_untracked()) else {
            show(&[FieldError {
                field: "kind".into(),
                code: "required".into(),
            }]);
            return;
        };
        let report = NewReport {
            kind: k,
            subject: subject.get_untracked(),
            text: text.get_untracked(),
            name: person.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            address: address.get_untracked(),
            consent: consent.get_untracked(),
        };
        let errors = gishe_api::validate_report(&report);
        show(&errors);
        if errors.is_empty() && !submit.pending().get_untracked() {
            if idempotency_key.get_value().is_empty() {
                idempotency_key.set_value(browser::new_idempotency_key());
            }
            failure.set(None);
            submit.dispatch(report);
        }
    };
    let p: Signal<Vec<Problem>> = problems.into();
    let remaining =
        Signal::derive(move || MAX_REPORT_TEXT as i64 - text.get().trim().chars().count() as i64);
    let kind_choices = ReportKind::ALL
        .into_iter()
        .map(|k| Choice {
            value: k.code().into(),
            label: Signal::derive(move || t(ids::report_kind(k))),
            hint: Some(Signal::derive(move || t(ids::report_kind_hint(k)))),
            lang: None,
        })
        .collect::<Vec<_>>();
    let needs_name = Signal::derive(move || matches!(kind.get().as_str(), "signal" | "proposal"));
    let write_another = {
        let slug = slug.clone();
        move |_| {
            browser::forget(&receipt_key(&slug));
            for f in [kind, subject, text, person, email, phone, address] {
                f.set(String::new());
            }
            consent.set(false);
            idempotency_key.set_value(String::new());
            problems.set(Vec::new());
            failure.set(None);
            pending_focus.set(true);
            receipt.set(None);
        }
    };
    move || {
        if let Some(r) = receipt.get() {
            let notice = if r.anonymous {
                msg("report-anonymous-no-reply").into_any()
            } else {
                msg("report-reply-coming").into_any()
            };
            return view! {
                <Receipt title=move_tr!("report-sent-title") municipality=name slug=slug.clone()
                    registry_number=r.registry_number access_code=r.access_code notice=notice
                    status_link="report-check-status-link">
                    <SummaryRow label=msg("report-answer-by")>{format_date(r.answer_by.date)}</SummaryRow>
                </Receipt>
                <h2>{msg("report-another-title")}</h2>
                <button type="button" class="g-button g-button--secondary" on:click=write_another.clone()>{msg("report-another")}</button>
            }
            .into_any();
        }
        view! {
            <ErrorSummary problems=p/>
            <PageHeading title=move_tr!("report-title") context=name
                has_errors=Signal::derive(move || !problems.get().is_empty())/>
            {restored.then(|| view! { <p class="g-notice g-notice--info">{msg("report-restored")}</p> })}
            <p class="g-lead">{msg("report-lead")}</p>
            <form novalidate on:submit=on_submit>
                <Radios id="report-kind" legend=move_tr!("report-kind-legend") value=kind error=problem_for(p, "report-kind")
                    choices=kind_choices.clone()/>
                <TextField id="report-subject" label=move_tr!("report-subject") hint=Some(move_tr!("report-subject-hint")) value=subject
                    error=problem_for(p, "report-subject")/>
                <TextField id="report-text" label=move_tr!("report-text") hint=Some(move_tr!("report-text-hint")) value=text rows=8
                    error=problem_for(p, "report-text")/>
                <p class="g-character-count" id="report-text-count" aria-live="polite">
                    {move || {
                        let n = remaining.get();
                        if n >= 0 { tr!("report-characters-left", {"count" => n}) } else { tr!("report-characters-over", {"count" => -n}) }
                    }}
                </p>
                <h2>{msg("report-contact-title")}</h2>
                <p class="g-hint">{move || if needs_name.get() { tr!("report-contact-required") } else { tr!("report-contact-optional") }}</p>
                <TextField id="report-name" label=move_tr!("report-name") value=person autocomplete="name" error=problem_for(p, "report-name")/>
                <TextField id="report-email" label=move_tr!("apply-email") value=email input_type="email" autocomplete="email" error=problem_for(p, "report-email")/>
                <TextField id="report-phone" label=move_tr!("apply-phone") value=phone input_type="tel" autocomplete="tel" width_class="g-input--20" error=problem_for(p, "report-phone")/>
                <TextField id="report-address" label=move_tr!("apply-address") value=address rows=2 autocomplete="street-address" error=problem_for(p, "report-address")/>
                <div class="g-notice g-notice--info">
                    <h2 class="g-notice__title">{msg("report-confidential-title")}</h2>
                    <p>{msg("report-confidential")}</p>
                </div>
                <Checkbox id="report-consent" label=move_tr!("report-consent") checked=consent error=problem_for(p, "report-consent")/>
                {move || failure.get().map(|e| view! {
                    <div class="g-notice g-notice--error" role="alert">
                        <p>{move || t(ids::api_error(&e))}</p>
                        <p>{msg("apply-submit-kept")}</p>
                    </div>
                })}
                <button type="submit" class="g-button">{move || if submit.pending().get() { tr!("apply-submitting") } else { tr!("report-submit") }}</button>
            </form>
        }
        .into_any()
    }
}

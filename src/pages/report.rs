//! `/{slug}/report`: a complaint, signal, proposal or praise. Kinds are explained in plain
//! words; the contact details asked follow the law (signals and proposals are never anonymous);
//! the text has a character counter; the draft survives a reload; submission happens once.
use crate::client::{self, ApiError};
use crate::components::field_errors::input_id;
use crate::components::form::{
    problem_for, Checkbox, Choice, ErrorSummary, Problem, Radios, TextField,
};
use crate::components::page_heading::PageHeading;
use crate::context::app_context;
use crate::i18n::{format_date, msg, t, ui_lang};
use crate::pages::apply::draft::storage;
use crate::pages::municipality::use_municipality;
use gishe_api::{FieldError, NewReport, ReportKind, ReportReceipt, MAX_REPORT_TEXT};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::A;
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

fn report_message(field: &str, code: &str) -> String {
    match (field, code) {
        ("kind", _) => tr!("error-report-kind-required"),
        ("text", "required") => tr!("error-report-text-required"),
        ("text", _) => tr!("error-report-text-too-long"),
        ("name", "name-required-for-kind") => tr!("error-report-name-required"),
        ("email", "reply-channel-required") => tr!("error-report-reply-required"),
        (f, c) => crate::components::field_errors::message(&format!("report.{f}"), c, ""),
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let route = use_municipality();
    view! { <ReportForm slug=route.slug.get_untracked() name=route.name()/> }
}

#[component]
fn ReportForm(slug: String, name: Signal<Option<String>>) -> impl IntoView {
    let loaded: ReportDraft = storage()
        .and_then(|s| s.get_item(&key(&slug)).ok().flatten())
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default();
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
        Effect::new(move |_| {
            let d = draft();
            if let (Some(s), Ok(j)) = (storage(), serde_json::to_string(&d)) {
                let _ = s.set_item(&key(&slug), &j);
            }
        });
    }
    let problems = RwSignal::new(Vec::<Problem>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let receipt = RwSignal::new(None::<ReportReceipt>);
    let show = move |errors: &[FieldError]| {
        problems.set(
            errors
                .iter()
                .map(|e| Problem {
                    target: format!("report-{}", input_id(&e.field)),
                    message: report_message(&e.field, &e.code),
                    href: None,
                })
                .collect(),
        );
    };
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
                if let Some(s) = storage() {
                    let _ = s.remove_item(&key(&slug));
                }
                app_context()
                    .last_receipt
                    .set(Some((r.registry_number.clone(), r.access_code.clone())));
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
                idempotency_key.set_value(crate::pages::apply::draft::new_idempotency_key());
            }
            failure.set(None);
            submit.dispatch(report);
        }
    };
    let p: Signal<Vec<Problem>> = problems.into();
    let remaining =
        Signal::derive(move || MAX_REPORT_TEXT as i64 - text.get().trim().chars().count() as i64);
    let kind_choice = |k: ReportKind, label: &'static str, hint: &'static str| Choice {
        value: k.code().into(),
        label: Signal::derive(move || t(label)),
        hint: Some(Signal::derive(move || t(hint))),
        lang: None,
    };
    let needs_name = Signal::derive(move || matches!(kind.get().as_str(), "signal" | "proposal"));
    let status_slug = slug.clone();
    let feedback_slug = slug.clone();
    move || {
        if let Some(r) = receipt.get() {
            let status_href = format!("/{status_slug}/status?number={}", r.registry_number);
            let feedback_href = format!("/{feedback_slug}/feedback");
            let answer_by = format_date(r.answer_by.date);
            return view! {
                <div class="g-panel">
                    <PageHeading title=move_tr!("report-sent-title") context=name/>
                    <p class="g-panel__body">{msg("apply-confirmation-number")}<br/><strong class="g-panel__number">{r.registry_number.clone()}</strong></p>
                </div>
                <dl class="g-summary">
                    <div class="g-summary__row"><dt class="g-summary__key">{msg("apply-access-code")}</dt><dd class="g-summary__value"><strong class="g-code">{r.access_code.clone()}</strong></dd></div>
                    <div class="g-summary__row"><dt class="g-summary__key">{msg("report-answer-by")}</dt><dd class="g-summary__value">{answer_by}</dd></div>
                </dl>
                <p class="g-notice g-notice--info">{if r.anonymous { msg("report-anonymous-no-reply").into_any() } else { msg("report-reply-coming").into_any() }}</p>
                <p><A href=status_href attr:class="g-link">{msg("apply-check-status-link")}</A></p>
                <p><A href=feedback_href attr:class="g-link">{msg("feedback-offer")}</A></p>
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
                    choices=vec![
                        kind_choice(ReportKind::Complaint, "report-kind-complaint", "report-kind-complaint-hint"),
                        kind_choice(ReportKind::Signal, "report-kind-signal", "report-kind-signal-hint"),
                        kind_choice(ReportKind::Proposal, "report-kind-proposal", "report-kind-proposal-hint"),
                        kind_choice(ReportKind::Praise, "report-kind-praise", "report-kind-praise-hint"),
                    ]/>
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
                        <p>{move || t(e.message_id())}</p>
                        <p>{msg("apply-submit-kept")}</p>
                    </div>
                })}
                <button type="submit" class="g-button">{move || if submit.pending().get() { tr!("apply-submitting") } else { tr!("report-submit") }}</button>
            </form>
        }
        .into_any()
    }
}

/// Ratings 1–5 with words, as radios (never sliders or bare stars).
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let route = use_municipality();
    view! { <FeedbackForm slug=route.slug.get_untracked() name=route.name()/> }
}

#[component]
fn FeedbackForm(slug: String, name: Signal<Option<String>>) -> impl IntoView {
    let memory = app_context().last_receipt.get_untracked();
    let ratings: Vec<(&'static str, &'static str, RwSignal<String>)> = vec![
        (
            "courtesy",
            "feedback-courtesy",
            RwSignal::new(String::new()),
        ),
        ("clarity", "feedback-clarity", RwSignal::new(String::new())),
        (
            "deadlines",
            "feedback-deadlines",
            RwSignal::new(String::new()),
        ),
        (
            "accessibility",
            "feedback-accessibility",
            RwSignal::new(String::new()),
        ),
        ("overall", "feedback-overall", RwSignal::new(String::new())),
    ];
    let comment = RwSignal::new(String::new());
    let number = RwSignal::new(memory.as_ref().map(|m| m.0.clone()).unwrap_or_default());
    let code = RwSignal::new(memory.map(|m| m.1).unwrap_or_default());
    let problems = RwSignal::new(Vec::<Problem>::new());
    let done = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let p: Signal<Vec<Problem>> = problems.into();
    let show = move |errors: &[FieldError]| {
        problems.set(
            errors
                .iter()
                .map(|e| Problem {
                    target: format!("feedback-{}", input_id(&e.field)),
                    message: match (e.field.as_str(), e.code.as_str()) {
                        ("comment", _) => tr!("error-feedback-comment-too-long"),
                        ("registry_number", "request-not-found") => tr!("status-not-found"),
                        ("registry_number", _) => tr!("error-registry-number-invalid"),
                        ("access_code", _) => tr!("error-access-code-invalid"),
                        _ => tr!("error-feedback-rating-required"),
                    },
                    href: None,
                })
                .collect(),
        )
    };
    let send = {
        let slug = slug.clone();
        Action::new_local(move |f: &gishe_api::NewFeedback| {
            let (slug, f) = (slug.clone(), f.clone());
            async move { client::submit_feedback(&slug, &f).await }
        })
    };
    Effect::new(move |_| match send.value().get() {
        Some(Ok(())) => done.set(true),
        Some(Err(ApiError::Invalid(errors))) => show(&errors),
        Some(Err(e)) => failure.set(Some(e)),
        None => {}
    });
    let values = ratings.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let get = |i: usize| values[i].2.get_untracked().parse::<u8>().unwrap_or(0);
        let f = gishe_api::NewFeedback {
            courtesy: get(0),
            clarity: get(1),
            deadlines: get(2),
            accessibility: get(3),
            overall: get(4),
            comment: comment.get_untracked(),
            registry_number: number.get_untracked(),
            access_code: code.get_untracked(),
        };
        let errors = gishe_api::validate_feedback(&f);
        show(&errors);
        if errors.is_empty() {
            failure.set(None);
            send.dispatch(f);
        }
    };
    let groups = move || {
        ratings
            .clone()
            .into_iter()
            .map(|(field, legend, value)| {
                let choices = (1..=5)
                    .map(|n| Choice {
                        value: n.to_string(),
                        label: Signal::derive(move || tr!("feedback-scale", {"n" => n})),
                        hint: None,
                        lang: None,
                    })
                    .collect();
                let id: &'static str = match field {
                    "courtesy" => "feedback-courtesy",
                    "clarity" => "feedback-clarity",
                    "deadlines" => "feedback-deadlines",
                    "accessibility" => "feedback-accessibility",
                    _ => "feedback-overall",
                };
                view! { <Radios id=id legend=Signal::derive(move || t(legend)) choices=choices value=value error=problem_for(p, id)/> }
            })
            .collect_view()
    };
    let _ = ui_lang();
    view! {
        <ErrorSummary problems=p/>
        <PageHeading title=move_tr!("feedback-title") context=name
            has_errors=Signal::derive(move || !problems.get().is_empty())/>
        <Show when=move || !done.get() fallback=move || view! {
            <div class="g-panel" role="status"><p class="g-panel__body">{msg("feedback-thanks")}</p></div>
        }>
            <p class="g-lead">{msg("feedback-lead")}</p>
            <form novalidate class="g-feedback" on:submit=on_submit.clone()>
                {groups.clone()()}
                <TextField id="feedback-comment" label=move_tr!("feedback-comment") hint=Some(move_tr!("feedback-comment-hint")) value=comment rows=4
                    error=problem_for(p, "feedback-comment")/>
                <h2>{msg("feedback-request-title")}</h2>
                <p class="g-hint">{msg("feedback-request-hint")}</p>
                <TextField id="feedback-registry-number" label=move_tr!("status-number") value=number width_class="g-input--20"
                    error=problem_for(p, "feedback-registry-number")/>
                <TextField id="feedback-access-code" label=move_tr!("status-code") value=code width_class="g-input--13"
                    error=problem_for(p, "feedback-access-code")/>
                {move || failure.get().map(|e| view! { <div class="g-notice g-notice--error" role="alert"><p>{move || t(e.message_id())}</p></div> })}
                <button type="submit" class="g-button">{msg("feedback-submit")}</button>
            </form>
        </Show>
    }
}

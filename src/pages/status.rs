//! `/{slug}/status`: check a request with its registry number and access code; the answer —
//! status, expected date, what to do now, the timeline — is announced politely.
use crate::client::{self, ApiError};
use crate::components::field_errors::input_id;
use crate::components::form::{problem_for, ErrorSummary, Message, Problem, TextField};
use crate::components::page_heading::PageHeading;
use crate::components::rich_text::RichText;
use crate::components::summary_list::SummaryRow;
use crate::context::app_context;
use crate::i18n::{format_date, format_expected, ids, msg, t, ui_lang};
use crate::pages::municipality::use_municipality;
use gishe_api::calendar::to_sofia;
use gishe_api::{RegistryNumber, RequestStatusView, StatusQuery, TimelineEvent};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::hooks::use_query_map;

fn when(e: &TimelineEvent) -> String {
    let local = to_sofia(e.at);
    format!(
        "{}, {:02}:{:02}",
        format_date(local.date()),
        local.hour(),
        local.minute()
    )
}

#[component]
pub fn StatusPage() -> impl IntoView {
    let ctx = app_context();
    let name = use_municipality().name();
    let query = use_query_map();
    let from_address = query.read_untracked().get("number").unwrap_or_default();
    // The code comes only from this tab's memory, and only for the number it belongs to.
    let remembered = ctx.last_receipt.get_untracked();
    let code_from_memory = remembered
        .filter(|(n, _)| RegistryNumber::parse(n) == RegistryNumber::parse(&from_address))
        .map(|(_, c)| c)
        .unwrap_or_default();
    let number = RwSignal::new(from_address);
    let code = RwSignal::new(code_from_memory);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let check = Action::new_local(move |q: &StatusQuery| {
        let q = q.clone();
        async move { client::status(&q, ui_lang()).await }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        if RegistryNumber::parse(&number.get_untracked()).is_none() {
            found.push(Problem {
                target: input_id("registry_number"),
                message: Message::new(|| tr!("error-registry-number-invalid")),
                href: None,
            });
        }
        if gishe_api::normalize_access_code(&code.get_untracked()).is_none() {
            found.push(Problem {
                target: input_id("access_code"),
                message: Message::new(|| tr!("error-access-code-invalid")),
                href: None,
            });
        }
        let ok = found.is_empty();
        problems.set(found);
        if ok {
            check.dispatch(StatusQuery {
                registry_number: number.get_untracked(),
                access_code: code.get_untracked(),
            });
        }
    };
    let pending = check.pending();
    let p: Signal<Vec<Problem>> = problems.into();
    view! {
        <ErrorSummary problems=p/>
        <PageHeading title=move_tr!("status-title") context=name
            has_errors=Signal::derive(move || !problems.get().is_empty())/>
        <p class="g-lead">{msg("status-lead")}</p>
        <form novalidate class="g-status-form" on:submit=on_submit>
            <TextField id="registry-number" label=move_tr!("status-number") hint=Some(move_tr!("status-number-hint"))
                value=number autocomplete="off" width_class="g-input--20" error=problem_for(p, "registry-number")/>
            <TextField id="access-code" label=move_tr!("status-code") hint=Some(move_tr!("status-code-hint"))
                value=code autocomplete="off" width_class="g-input--13" error=problem_for(p, "access-code")/>
            <button type="submit" class="g-button">{move || if pending.get() { tr!("status-checking") } else { tr!("status-check") }}</button>
        </form>
        <div class="g-status-result" aria-live="polite">
            {move || check.value().get().map(|r| match r {
                Ok(view) => {
                    let feedback = format!("/{}/feedback", view.municipality);
                    view! {
                        <StatusResult view=view/>
                        <p><leptos_router::components::A href=feedback attr:class="g-link">{msg("feedback-offer")}</leptos_router::components::A></p>
                    }.into_any()
                }
                Err(ApiError::Problem { status: 404, .. }) => view! {
                    <div class="g-notice g-notice--error"><p>{msg("status-not-found")}</p></div>
                }.into_any(),
                Err(ApiError::RateLimited(secs)) => view! {
                    <div class="g-notice g-notice--error"><p>{move || tr!("error-rate-limited", {"minutes" => secs.div_ceil(60)})}</p></div>
                }.into_any(),
                Err(e) => view! { <div class="g-notice g-notice--error"><p>{move || t(ids::api_error(&e))}</p></div> }.into_any(),
            })}
        </div>
    }
}

/// A message that names what is being followed: an application, or a report of its kind
/// (`$kind` is `service`, `complaint`, `signal`, `proposal` or `praise`).
fn kinded(id: &'static str, kind: &str) -> String {
    let mut args = std::collections::HashMap::new();
    args.insert("kind".into(), kind.to_string().into());
    expect_context::<leptos_fluent::I18n>().tr_with_args(id, &args)
}

#[component]
fn StatusResult(view: RequestStatusView) -> impl IntoView {
    let v = view;
    let kind = v.kind.clone();
    let is_report = kind != "service";
    // A report has an answer due date (the law's two months), not a completion date.
    let expected = if is_report {
        format_date(v.expected.date)
    } else {
        format_expected(v.expected)
    };
    let expected_label = if is_report {
        "report-answer-by"
    } else {
        "apply-expected"
    };
    let action = ids::status_action(v.status, &v.delivery);
    let delivery = gishe_api::DeliveryMethod::ALL
        .into_iter()
        .find(|d| d.code() == v.delivery);
    let tag_class = format!(
        "g-tag g-tag--status g-tag--{}",
        v.status.code().replace('_', "-")
    );
    view! {
        <section class="g-status" aria-labelledby="status-result-title">
            <h2 id="status-result-title">{
                let kind = kind.clone();
                move || tr!("status-result-title", {"number" => v.registry_number.clone(), "kind" => kind.clone()})
            }</h2>
            <p><strong class=tag_class>{msg(ids::status(v.status))}</strong></p>
            <dl class="g-summary">
                {v.service.map(|s| view! { <SummaryRow label=msg("status-service")><RichText text=s/></SummaryRow> })}
                <SummaryRow label=msg(expected_label)>{expected}</SummaryRow>
                {v.department.map(|d| view! { <SummaryRow label=msg("service-department")><RichText text=d/></SummaryRow> })}
                {delivery.map(|d| view! { <SummaryRow label=msg("apply-delivery-title")>{msg(ids::delivery(d))}</SummaryRow> })}
            </dl>
            {action.map(|a| {
                let kind = kind.clone();
                view! {
                    <h3>{msg("status-action-title")}</h3>
                    <p class="g-notice g-notice--info">{move || kinded(a, &kind)}</p>
                }
            })}
            <h3 id="timeline-title">{
                let kind = kind.clone();
                move || kinded("status-timeline", &kind)
            }</h3>
            <ol class="g-timeline" aria-labelledby="timeline-title">
                {v.timeline.into_iter().map(|e| {
                    let at = when(&e);
                    let (what, kind) = (ids::event(e.kind), kind.clone());
                    let new_date = e.new_expected.map(format_date);
                    view! {
                        <li class="g-timeline__item">
                            <p class="g-timeline__when">{at}</p>
                            <p class="g-timeline__what">{move || kinded(what, &kind)}</p>
                            {new_date.map(|d| view! { <p>{move || tr!("status-event-new-date", {"date" => d.clone()})}</p> })}
                            {e.reason.map(|r| view! { <p>{msg("status-event-reason")}": "{r}</p> })}
                            {e.note.map(|n| view! { <p class="g-timeline__note">{n}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

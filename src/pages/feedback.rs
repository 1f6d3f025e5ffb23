//! `/{slug}/feedback`: how satisfied the citizen is, as ratings 1–5 with words (radios, never
//! sliders or bare stars), a comment, and optionally the request it is about.
use crate::client::{self, ApiError};
use crate::components::field_errors::{feedback_message, form_problems};
use crate::components::form::{problem_for, Choice, ErrorSummary, Problem, Radios, TextField};
use crate::components::page_heading::PageHeading;
use crate::context::app_context;
use crate::i18n::{ids, msg, t, ui_lang};
use crate::pages::municipality::use_municipality;
use gishe_api::FieldError;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

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
    // Sent from this tab: a reload or Back shows the thanks again, not an empty survey.
    let sent_key = format!("gishe.feedback-sent.{slug}");
    let done = RwSignal::new(crate::browser::load::<bool>(&sent_key).unwrap_or(false));
    let pending_focus = app_context().pending_focus;
    let failure = RwSignal::new(None::<ApiError>);
    let p: Signal<Vec<Problem>> = problems.into();
    let show = move |errors: &[FieldError]| {
        problems.set(form_problems("feedback", errors, feedback_message))
    };
    let send = {
        let slug = slug.clone();
        Action::new_local(move |f: &gishe_api::NewFeedback| {
            let (slug, f) = (slug.clone(), f.clone());
            async move { client::submit_feedback(&slug, &f).await }
        })
    };
    let key = sent_key.clone();
    Effect::new(move |_| match send.value().get() {
        Some(Ok(())) => {
            crate::browser::save(&key, &true);
            // The thanks heading takes focus, as a new page's would, so it is announced.
            pending_focus.set(true);
            done.set(true);
        }
        Some(Err(ApiError::Invalid(errors))) => show(&errors),
        Some(Err(e)) => failure.set(Some(e)),
        None => {}
    });
    let values = ratings.clone();
    let values_again = ratings.clone();
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
                // The id the validation errors name (`feedback-` and the API field).
                let id = format!("feedback-{field}");
                view! { <Radios id=id.clone() legend=Signal::derive(move || t(legend)) choices=choices value=value error=problem_for(p, id)/> }
            })
            .collect_view()
    };
    let _ = ui_lang();
    let rate_again = move |_| {
        crate::browser::forget(&sent_key);
        for (_, _, v) in &values_again {
            v.set(String::new());
        }
        comment.set(String::new());
        problems.set(Vec::new());
        failure.set(None);
        pending_focus.set(true);
        done.set(false);
    };
    view! {
        <Show when=move || !done.get() fallback=move || view! {
            <div class="g-panel">
                <PageHeading title=move_tr!("feedback-sent-title") context=name/>
                <p class="g-panel__body">{msg("feedback-thanks")}</p>
            </div>
            <button type="button" class="g-button g-button--secondary" on:click=rate_again.clone()>{msg("feedback-again")}</button>
        }>
            <ErrorSummary problems=p/>
            <PageHeading title=move_tr!("feedback-title") context=name
                has_errors=Signal::derive(move || !problems.get().is_empty())/>
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
                {move || failure.get().map(|e| view! { <div class="g-notice g-notice--error" role="alert"><p>{move || t(ids::api_error(&e))}</p></div> })}
                <button type="submit" class="g-button">{msg("feedback-submit")}</button>
            </form>
        </Show>
    }
}

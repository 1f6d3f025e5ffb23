//! The question pages: who applies, how to contact them, the service's own questions, the
//! urgency tier, how to receive the result, and consent. Validation runs on Continue.
use super::draft::{bind, Draft};
use super::{back_href, flow_ref, today_in_sofia, use_next, Step};
use crate::components::form::{
    problem_for, Checkbox, Checkboxes, Choice, DateInput, ErrorSummary, QuestionHeading, Radios,
    Reveal, TextField,
};
use crate::components::page_heading::PageHeading;
use crate::components::rich_text::lang_attr;
use crate::i18n::{deadline_text, format_date, ids, msg, ui_lang};
use gishe_api::calendar::{expected_completion, Adjustments};
use gishe_api::{FieldError, FieldKind};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::A;
use std::sync::Arc;

/// The frame of a question page: back link, restored-draft notice, error summary, heading
/// (with the service as caption), the form and its Continue button.
#[component]
fn StepPage(
    step: Step,
    #[prop(into)] title: Signal<String>,
    /// The page's checks; Continue shows their problems, or goes on when there are none.
    validate: Callback<(), Vec<FieldError>>,
    /// The page asks one question, whose legend is the page's heading ([`question_heading`]).
    #[prop(optional)]
    question_is_heading: bool,
    children: Children,
) -> impl IntoView {
    let flow = flow_ref();
    let next = use_next(step);
    let on_continue = {
        let flow = flow.clone();
        move || {
            let errors = validate.run(());
            flow.show(&errors);
            if errors.is_empty() {
                next();
            }
        }
    };
    let service_name = flow.service.name.to_plain();
    let municipality = flow.municipality.name.to_plain();
    let problems = flow.problems;
    let back = back_href(step);
    view! {
        <p class="g-back"><A href=move || back.get() attr:class="g-link">{msg("form-back")}</A></p>
        <RestoredNotice/>
        <ErrorSummary problems=problems.into()/>
        {(!question_is_heading).then(|| view! {
            <PageHeading title=title
                context=Signal::derive(move || Some(municipality.clone()))
                caption=Signal::derive(move || Some(service_name.clone()))
                has_errors=Signal::derive(move || !problems.get().is_empty())/>
        })}
        <form novalidate on:submit=move |ev| { ev.prevent_default(); on_continue(); }>
            {children()}
            <button type="submit" class="g-button">{msg("form-continue")}</button>
        </form>
    }
}

/// The page's heading, for a page whose one question is it: caption (the service), the
/// municipality for the document title, and "Error:" while there are problems.
fn question_heading() -> QuestionHeading {
    let flow = flow_ref();
    let service_name = flow.service.name.to_plain();
    let municipality = flow.municipality.name.to_plain();
    let problems = flow.problems;
    QuestionHeading {
        caption: Signal::derive(move || Some(service_name.clone())),
        context: Signal::derive(move || Some(municipality.clone())),
        has_errors: Signal::derive(move || !problems.get().is_empty()),
    }
}

/// Shown when the answers were brought back from before a reload, with a way to start again.
#[component]
pub fn RestoredNotice() -> impl IntoView {
    let flow = flow_ref();
    let restored = flow.restored;
    let navigate = leptos_router::hooks::use_navigate();
    let start_again = {
        let flow = flow.clone();
        move |_| {
            super::draft::clear(flow.slug(), &flow.service.code);
            flow.draft.set(Draft::default());
            restored.set(false);
            flow.problems.set(Vec::new());
            flow.generation.update(|g| *g += 1);
            navigate(&flow.path(Step::Applicant), Default::default());
        }
    };
    view! {
        <Show when=move || restored.get()>
            <div class="g-notice g-notice--info">
                <p>{msg("apply-restored")}</p>
                <button type="button" class="g-button g-button--secondary" on:click=start_again.clone()>{msg("apply-start-again")}</button>
            </div>
        </Show>
    }
}

fn choice(value: &str, label: Signal<String>) -> Choice {
    Choice {
        value: value.to_string(),
        label,
        hint: None,
        lang: None,
    }
}

#[component]
pub fn ApplicantStep() -> impl IntoView {
    let flow = flow_ref();
    let d = flow.draft;
    let kind = bind(d, |d| d.applicant_kind.clone(), |d, v| d.applicant_kind = v);
    let name = bind(d, |d| d.name.clone(), |d, v| d.name = v);
    let personal = bind(
        d,
        |d| d.personal_number.clone(),
        |d, v| d.personal_number = v,
    );
    let company = bind(d, |d| d.company_name.clone(), |d, v| d.company_name = v);
    let eik = bind(d, |d| d.eik.clone(), |d, v| d.eik = v);
    let representative = bind(d, |d| d.representative.clone(), |d, v| d.representative = v);
    let problems: Signal<Vec<_>> = flow.problems.into();
    let validate = {
        let flow = flow.clone();
        Callback::new(move |_| {
            let draft = flow.draft.get_untracked();
            match draft.applicant() {
                None => vec![FieldError {
                    field: "applicant.kind".into(),
                    code: "required".into(),
                }],
                Some(a) => gishe_api::validate_applicant(&a),
            }
        })
    };
    let reveal: Reveal = Arc::new(move |v: &str| {
        match v {
        "person" => Some(
            view! {
                <TextField id="applicant-name" label=move_tr!("apply-person-name") value=name autocomplete="name"
                    error=problem_for(problems, "applicant-name")/>
                <TextField id="applicant-personal-number" label=move_tr!("apply-personal-number")
                    hint=Some(move_tr!("apply-personal-number-hint")) value=personal inputmode="numeric" autocomplete="off"
                    width_class="g-input--10" error=problem_for(problems, "applicant-personal-number")/>
            }
            .into_any(),
        ),
        "company" => Some(
            view! {
                <TextField id="applicant-name" label=move_tr!("apply-company-name") value=company autocomplete="organization"
                    error=problem_for(problems, "applicant-name")/>
                <TextField id="applicant-eik" label=move_tr!("apply-eik") hint=Some(move_tr!("apply-eik-hint")) value=eik
                    inputmode="numeric" width_class="g-input--13" error=problem_for(problems, "applicant-eik")/>
                <TextField id="applicant-representative" label=move_tr!("apply-representative")
                    hint=Some(move_tr!("apply-representative-hint")) value=representative autocomplete="name"
                    error=problem_for(problems, "applicant-representative")/>
            }
            .into_any(),
        ),
        _ => None,
    }
    });
    view! {
        <StepPage step=Step::Applicant title=move_tr!("apply-applicant-kind") validate=validate question_is_heading=true>
            <Radios id="applicant-kind" legend=move_tr!("apply-applicant-kind") value=kind
                choices=vec![choice("person", move_tr!("apply-kind-person")), choice("company", move_tr!("apply-kind-company"))]
                error=problem_for(problems, "applicant-kind") reveal=reveal heading=question_heading()/>
        </StepPage>
    }
}

#[component]
pub fn ContactStep() -> impl IntoView {
    let flow = flow_ref();
    let d = flow.draft;
    let email = bind(d, |d| d.email.clone(), |d, v| d.email = v);
    let phone = bind(d, |d| d.phone.clone(), |d, v| d.phone = v);
    let problems: Signal<Vec<_>> = flow.problems.into();
    let validate = {
        let flow = flow.clone();
        Callback::new(move |_| gishe_api::validate_contact(&flow.draft.get_untracked().contact()))
    };
    view! {
        <StepPage step=Step::Contact title=move_tr!("apply-contact-title") validate=validate>
            <p class="g-hint">{msg("apply-contact-lead")}</p>
            <TextField id="contact-email" label=move_tr!("apply-email") value=email input_type="email" autocomplete="email"
                error=problem_for(problems, "contact-email")/>
            <TextField id="contact-phone" label=move_tr!("apply-phone") hint=Some(move_tr!("apply-phone-hint")) value=phone
                input_type="tel" autocomplete="tel" width_class="g-input--20" error=problem_for(problems, "contact-phone")/>
        </StepPage>
    }
}

#[component]
pub fn QuestionsStep() -> impl IntoView {
    let flow = flow_ref();
    let d = flow.draft;
    let problems: Signal<Vec<_>> = flow.problems.into();
    let validate = {
        let flow = flow.clone();
        Callback::new(move |_| {
            let draft = flow.draft.get_untracked();
            let (answers, bad) = draft.answers(&flow.service);
            let mut errors: Vec<FieldError> =
                gishe_api::validate_answers(&flow.service, &answers, today_in_sofia());
            for id in bad {
                errors.retain(|e| e.field != format!("answers.{id}"));
                errors.push(FieldError {
                    field: format!("answers.{id}"),
                    code: "number-invalid".into(),
                });
            }
            // In the order of the questions on the page.
            let order: Vec<String> = flow
                .service
                .fields
                .iter()
                .map(|f| format!("answers.{}", f.id))
                .collect();
            errors.sort_by_key(|e| order.iter().position(|o| *o == e.field));
            errors
        })
    };
    let fields = flow
        .service
        .fields
        .iter()
        .cloned()
        .map(|f| {
            let id = format!("answer-{}", f.id);
            let label_text = f.label.to_plain();
            let label_lang = lang_attr(&f.label);
            let label = Signal::derive(move || label_text.clone());
            let hint = f.hint.clone().map(|h| {
                let t = h.to_plain();
                Signal::derive(move || t.clone())
            });
            let error = problem_for(problems, id.clone());
            let fid = f.id.clone();
            let value = RwSignal::new(d.with_untracked(|d| d.answers.get(&fid).cloned().unwrap_or_default()));
            {
                let fid = fid.clone();
                Effect::new(move |_| {
                    let v = value.get();
                    d.update(|d| {
                        d.answers.insert(fid.clone(), v);
                    });
                });
            }
            match f.kind {
                FieldKind::Text { .. } => view! {
                    <TextField id=id label=label hint=hint value=value error=error label_lang=label_lang/>
                }
                .into_any(),
                FieldKind::LongText { .. } => view! {
                    <TextField id=id label=label hint=hint value=value error=error rows=5/>
                }
                .into_any(),
                FieldKind::Number { .. } => view! {
                    <TextField id=id label=label hint=hint value=value error=error inputmode="numeric" width_class="g-input--5"/>
                }
                .into_any(),
                FieldKind::Date { .. } => {
                    let parts = d.with_untracked(|d| d.dates.get(&fid).cloned().unwrap_or_default());
                    let [day, month, year] = parts.map(RwSignal::new);
                    let fid = fid.clone();
                    // A missing month or year leads to its own input; the message is the group's.
                    let error = {
                        let id = id.clone();
                        Signal::derive(move || {
                            let parts = [id.clone(), format!("{id}-month"), format!("{id}-year")];
                            problems.get().into_iter().find(|p| parts.contains(&p.target)).map(|p| p.message.text())
                        })
                    };
                    Effect::new(move |_| {
                        let typed = [day.get(), month.get(), year.get()];
                        d.update(|d| {
                            d.dates.insert(fid.clone(), typed);
                        });
                    });
                    view! {
                        <DateInput id=id legend=label hint=hint day=day month=month year=year error=error legend_lang=label_lang/>
                    }
                    .into_any()
                }
                FieldKind::SingleChoice { options } => {
                    let choices = options
                        .into_iter()
                        .map(|o| {
                            let t = o.label.to_plain();
                            Choice { value: o.value, label: Signal::derive(move || t.clone()), hint: None, lang: lang_attr(&o.label) }
                        })
                        .collect();
                    view! { <Radios id=id legend=label hint=hint choices=choices value=value error=error/> }.into_any()
                }
                FieldKind::YesNo => view! {
                    <Radios id=id legend=label hint=hint value=value error=error
                        choices=vec![choice("yes", move_tr!("form-yes")), choice("no", move_tr!("form-no"))]/>
                }
                .into_any(),
                FieldKind::MultipleChoice { options, .. } => {
                    let many = RwSignal::new(d.with_untracked(|d| d.choices.get(&fid).cloned().unwrap_or_default()));
                    Effect::new(move |_| {
                        let v = many.get();
                        d.update(|d| {
                            d.choices.insert(fid.clone(), v);
                        });
                    });
                    let choices = options
                        .into_iter()
                        .map(|o| {
                            let t = o.label.to_plain();
                            Choice { value: o.value, label: Signal::derive(move || t.clone()), hint: None, lang: lang_attr(&o.label) }
                        })
                        .collect();
                    view! { <Checkboxes id=id legend=label hint=hint choices=choices value=many error=error/> }.into_any()
                }
            }
        })
        .collect_view();
    view! {
        <StepPage step=Step::Questions title=move_tr!("apply-questions-title") validate=validate>
            {fields}
        </StepPage>
    }
}

#[component]
pub fn TierStep() -> impl IntoView {
    let flow = flow_ref();
    let tier = bind(flow.draft, |d| d.tier.clone(), |d, v| d.tier = v);
    let problems: Signal<Vec<_>> = flow.problems.into();
    let lang = ui_lang();
    let adjustments = Adjustments::builtin();
    let choices = flow
        .service
        .tiers
        .iter()
        .map(|t| {
            let (fee, deadline, id) = (t.fee.format(lang), t.deadline, ids::tier(t.tier));
            let expected = expected_completion(crate::browser::now(), t.deadline, &adjustments);
            Choice {
                value: t.tier.code().to_string(),
                label: Signal::derive(move || tr!("apply-tier-option", {"tier" => crate::i18n::t(id), "fee" => fee.clone()})),
                hint: Some(Signal::derive(move || {
                    tr!("apply-tier-hint", {"deadline" => deadline_text(deadline), "date" => format_date(expected.date)})
                })),
                lang: None,
            }
        })
        .collect();
    let validate = {
        let flow = flow.clone();
        Callback::new(move |_| {
            let draft = flow.draft.get_untracked();
            match draft.tier() {
                None => vec![FieldError {
                    field: "tier".into(),
                    code: "required".into(),
                }],
                Some(t) => gishe_api::validate_tier(&flow.service, t),
            }
        })
    };
    view! {
        <StepPage step=Step::Tier title=move_tr!("apply-tier-legend") validate=validate question_is_heading=true>
            <Radios id="tier" legend=move_tr!("apply-tier-legend") hint=Some(move_tr!("apply-tier-lead")) choices=choices value=tier
                error=problem_for(problems, "tier") heading=question_heading()/>
        </StepPage>
    }
}

#[component]
pub fn DeliveryStep() -> impl IntoView {
    let flow = flow_ref();
    let d = flow.draft;
    let method = bind(d, |d| d.delivery.clone(), |d, v| d.delivery = v);
    let address = bind(d, |d| d.address.clone(), |d, v| d.address = v);
    if d.with_untracked(|d| d.delivery_email.is_empty() && !d.email.is_empty()) {
        d.update(|d| d.delivery_email = d.email.clone());
    }
    let email = bind(d, |d| d.delivery_email.clone(), |d, v| d.delivery_email = v);
    let problems: Signal<Vec<_>> = flow.problems.into();
    let choices = flow
        .service
        .delivery
        .iter()
        .copied()
        .map(|m| {
            choice(
                m.code(),
                Signal::derive(move || crate::i18n::t(ids::delivery(m))),
            )
        })
        .collect();
    let reveal: Reveal = Arc::new(move |v: &str| {
        match v {
        "post" => Some(
            view! {
                <TextField id="delivery-address" label=move_tr!("apply-address") hint=Some(move_tr!("apply-address-hint")) value=address
                    rows=3 autocomplete="street-address" error=problem_for(problems, "delivery-address")/>
            }
            .into_any(),
        ),
        "email" => Some(
            view! {
                <TextField id="delivery-email" label=move_tr!("apply-delivery-email") value=email input_type="email"
                    autocomplete="email" error=problem_for(problems, "delivery-email")/>
            }
            .into_any(),
        ),
        _ => None,
    }
    });
    let validate = {
        let flow = flow.clone();
        Callback::new(move |_| {
            let draft = flow.draft.get_untracked();
            match draft.delivery() {
                None => vec![FieldError {
                    field: "delivery.method".into(),
                    code: "required".into(),
                }],
                Some(c) => gishe_api::validate_delivery(&flow.service, &c),
            }
        })
    };
    view! {
        <StepPage step=Step::Delivery title=move_tr!("apply-delivery-legend") validate=validate question_is_heading=true>
            <Radios id="delivery-method" legend=move_tr!("apply-delivery-legend") choices=choices value=method
                error=problem_for(problems, "delivery-method") reveal=reveal heading=question_heading()/>
        </StepPage>
    }
}

#[component]
pub fn ConsentStep() -> impl IntoView {
    let flow = flow_ref();
    let d = flow.draft;
    let problems: Signal<Vec<_>> = flow.problems.into();
    let error = problem_for(problems, "consent");
    let consent = bind(d, |d| d.consent, |d, v| d.consent = v);
    let validate = {
        let flow = flow.clone();
        Callback::new(move |_| gishe_api::validate_consent(flow.draft.get_untracked().consent))
    };
    view! {
        <StepPage step=Step::Consent title=move_tr!("apply-consent-title") validate=validate>
            <p>{msg("apply-consent-lead")}</p>
            <ul class="g-list g-list--bullet">
                <li>{msg("apply-consent-what")}</li>
                <li>{msg("apply-consent-why")}</li>
                <li>{msg("apply-consent-keep")}</li>
            </ul>
            <p><A href="/privacy" attr:class="g-link">{msg("apply-consent-privacy-link")}</A></p>
            <Checkbox id="consent" label=move_tr!("apply-consent-label") checked=consent error=error/>
        </StepPage>
    }
}

//! `/{slug}/services/{code}/apply/{step}`: applying for a service, one question (or one small
//! group) per page, then check your answers, submit exactly once, and the confirmation.
mod check;
mod confirmation;
pub mod draft;
mod steps;

use crate::components::field_errors::{input_id, message};
use crate::components::form::Problem;
use crate::pages::not_found::NotFound;
use draft::Draft;
use gishe_api::calendar::{to_sofia, Date, UtcSeconds};
use gishe_api::{FieldError, Municipality, Service};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The steps, in order; `questions` only when the service has questions of its own.
pub fn steps(service: &Service) -> Vec<&'static str> {
    let mut s = vec!["applicant", "contact"];
    if !service.fields.is_empty() {
        s.push("questions");
    }
    s.extend(["tier", "delivery", "consent", "check"]);
    s
}

/// What every step of one application shares.
#[derive(Clone)]
pub struct Flow {
    pub service: Service,
    pub municipality: Municipality,
    pub draft: RwSignal<Draft>,
    pub problems: RwSignal<Vec<Problem>>,
    /// True when the page was opened with a draft from before (a reload, a crashed tab).
    pub restored: RwSignal<bool>,
    /// Bumped by "start again", so the page is rebuilt from the emptied draft.
    pub generation: RwSignal<u32>,
}

impl Flow {
    pub fn slug(&self) -> &str {
        &self.municipality.slug
    }

    pub fn path(&self, step: &str) -> String {
        format!(
            "/{}/services/{}/apply/{step}",
            self.municipality.slug, self.service.code
        )
    }

    pub fn start_page(&self) -> String {
        format!("/{}/services/{}", self.municipality.slug, self.service.code)
    }

    /// Problems for the page from validation errors; `labels` names the service's questions.
    pub fn show(&self, errors: &[FieldError]) {
        let problems = errors
            .iter()
            .map(|e| {
                let label = e
                    .field
                    .strip_prefix("answers.")
                    .and_then(|id| self.service.fields.iter().find(|f| f.id == id))
                    .map(|f| f.label.to_plain())
                    .unwrap_or_default();
                Problem {
                    target: input_id(&e.field),
                    message: message(&e.field, &e.code, &label),
                    href: None,
                }
            })
            .collect();
        self.problems.set(problems);
    }

    /// On the check page, each problem links to the page where the answer is given.
    pub fn show_on_check(&self, errors: &[FieldError]) {
        self.show(errors);
        self.problems.update(|problems| {
            for (p, e) in problems.iter_mut().zip(errors) {
                let step = match e.field.split('.').next().unwrap_or("") {
                    "applicant" => "applicant",
                    "contact" => "contact",
                    "answers" => "questions",
                    "tier" => "tier",
                    "delivery" => "delivery",
                    _ => "consent",
                };
                p.href = Some(format!("{}?return=check", self.path(step)));
            }
        });
    }
}

pub fn today_in_sofia() -> Date {
    to_sofia(UtcSeconds((js_sys::Date::now() / 1000.0) as i64)).date()
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| params.read().get("step").unwrap_or_default());
    crate::pages::service::with_route_service(move |s, m| {
        view! { <FlowPages service=s municipality=m step=step/> }.into_any()
    })
}

#[component]
fn FlowPages(service: Service, municipality: Municipality, step: Memo<String>) -> impl IntoView {
    let (slug, code) = (municipality.slug.clone(), service.code.clone());
    let loaded = draft::load(&slug, &code);
    let restored = RwSignal::new(!loaded.is_empty());
    let draft = RwSignal::new(loaded);
    {
        let (slug, code) = (slug.clone(), code.clone());
        Effect::new(move |_| {
            draft.with(|d| {
                if d.is_empty() {
                    draft::clear(&slug, &code)
                } else {
                    draft::save(&slug, &code, d)
                }
            })
        });
    }
    let problems = RwSignal::new(Vec::<Problem>::new());
    let generation = RwSignal::new(0u32);
    let flow = Flow {
        service,
        municipality,
        draft,
        problems,
        restored,
        generation,
    };
    // A new page starts without the previous page's problems.
    Effect::new(move |_| {
        step.track();
        if !problems.get_untracked().is_empty() {
            problems.set(Vec::new());
        }
    });
    provide_context(flow.clone());
    let known = steps(&flow.service);
    move || {
        generation.track();
        let s = step.get();
        if s == "confirmation" {
            return view! { <confirmation::Confirmation/> }.into_any();
        }
        if !known.contains(&s.as_str()) {
            return view! { <NotFound/> }.into_any();
        }
        match s.as_str() {
            "applicant" => view! { <steps::ApplicantStep/> }.into_any(),
            "contact" => view! { <steps::ContactStep/> }.into_any(),
            "questions" => view! { <steps::QuestionsStep/> }.into_any(),
            "tier" => view! { <steps::TierStep/> }.into_any(),
            "delivery" => view! { <steps::DeliveryStep/> }.into_any(),
            "consent" => view! { <steps::ConsentStep/> }.into_any(),
            _ => view! { <check::CheckAnswers/> }.into_any(),
        }
    }
}

fn flow_ref() -> Flow {
    expect_context::<Flow>()
}

/// Where Continue leads: back to the check page when the citizen came from there.
pub fn use_next(current: &'static str) -> impl Fn() + Clone {
    let flow = flow_ref();
    let query = use_query_map();
    let navigate = use_navigate();
    move || {
        let returning = query.read_untracked().get("return").as_deref() == Some("check");
        let all = steps(&flow.service);
        let next = if returning {
            "check"
        } else {
            all.iter()
                .position(|s| *s == current)
                .and_then(|i| all.get(i + 1))
                .copied()
                .unwrap_or("check")
        };
        navigate(&flow.path(next), Default::default());
    }
}

/// Where the back link leads: the previous step, the check page, or the start page.
pub fn back_href(current: &'static str) -> Signal<String> {
    let flow = flow_ref();
    let query = use_query_map();
    Signal::derive(move || {
        if query.read().get("return").as_deref() == Some("check") {
            return flow.path("check");
        }
        let all = steps(&flow.service);
        match all.iter().position(|s| *s == current) {
            Some(0) | None => flow.start_page(),
            Some(i) => flow.path(all[i - 1]),
        }
    })
}

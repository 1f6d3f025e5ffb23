//! `/{slug}/services/{code}/apply/{step}`: applying for a service, one question (or one small
//! group) per page, then check your answers, submit exactly once, and the confirmation.
mod check;
mod confirmation;
mod draft;
mod steps;

use crate::components::field_errors::{input_id, message};
use crate::components::form::{Message, Problem};
use crate::pages::not_found::NotFound;
use draft::Draft;
use gishe_api::calendar::{to_sofia, Date};
use gishe_api::{FieldError, Municipality, Service};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params, use_query_map};
use leptos_router::params::Params;
use std::collections::BTreeMap;

/// A page of the application, named in the address as `…/apply/{step}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Applicant,
    Contact,
    Questions,
    Tier,
    Delivery,
    Consent,
    Check,
    Confirmation,
}

impl Step {
    const ALL: [Step; 8] = [
        Step::Applicant,
        Step::Contact,
        Step::Questions,
        Step::Tier,
        Step::Delivery,
        Step::Consent,
        Step::Check,
        Step::Confirmation,
    ];

    /// Its name in the address.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Applicant => "applicant",
            Step::Contact => "contact",
            Step::Questions => "questions",
            Step::Tier => "tier",
            Step::Delivery => "delivery",
            Step::Consent => "consent",
            Step::Check => "check",
            Step::Confirmation => "confirmation",
        }
    }

    /// The page where the answer to an API field (`applicant.name`, `answers.copies`) is given.
    fn asking(field: &str) -> Step {
        match field.split('.').next().unwrap_or("") {
            "applicant" => Step::Applicant,
            "contact" => Step::Contact,
            "answers" => Step::Questions,
            "tier" => Step::Tier,
            "delivery" => Step::Delivery,
            _ => Step::Consent,
        }
    }
}

/// An address naming no step of the application.
#[derive(Debug, Clone)]
pub struct UnknownStep;

impl std::fmt::Display for UnknownStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unknown step")
    }
}

impl std::error::Error for UnknownStep {}

impl std::str::FromStr for Step {
    type Err = UnknownStep;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Step::ALL
            .into_iter()
            .find(|step| step.slug() == s)
            .ok_or(UnknownStep)
    }
}

/// The question pages in order, then the check page; `questions` only when the service has
/// questions of its own.
pub fn steps(service: &Service) -> Vec<Step> {
    let mut s = vec![Step::Applicant, Step::Contact];
    if !service.fields.is_empty() {
        s.push(Step::Questions);
    }
    s.extend([Step::Tier, Step::Delivery, Step::Consent, Step::Check]);
    s
}

#[derive(Params, Clone, PartialEq)]
struct StepParams {
    step: Option<Step>,
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
    /// The service's questions by id, in the interface language: problems name them.
    pub labels: RwSignal<BTreeMap<String, String>>,
    /// The receipt, once this application has been sent: every step then says so, until the
    /// citizen chooses to start a new one.
    pub sent: RwSignal<Option<gishe_api::RequestReceipt>>,
}

impl Flow {
    pub fn slug(&self) -> &str {
        &self.municipality.slug
    }

    pub fn path(&self, step: Step) -> String {
        format!(
            "/{}/services/{}/apply/{}",
            self.municipality.slug,
            self.service.code,
            step.slug()
        )
    }

    pub fn start_page(&self) -> String {
        format!("/{}/services/{}", self.municipality.slug, self.service.code)
    }

    /// Problems for the page from validation errors. They keep the codes, so a language
    /// switch translates them (the questions' labels come from `labels`).
    pub fn show(&self, errors: &[FieldError]) {
        let labels = self.labels;
        let problems = errors
            .iter()
            .map(|e| {
                let (field, code) = (e.field.clone(), e.code.clone());
                Problem {
                    target: target_of(&e.field, &e.code),
                    message: Message::new(move || {
                        let label = field
                            .strip_prefix("answers.")
                            .and_then(|id| labels.with(|l| l.get(id).cloned()))
                            .unwrap_or_default();
                        message(&field, &code, &label)
                    }),
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
                let step = Step::asking(&e.field);
                p.href = Some(format!("{}?return=check", self.path(step)));
            }
        });
    }
}

/// The input a problem leads to: a date's missing month or year, else the field's first input.
fn target_of(field: &str, code: &str) -> String {
    match code {
        "date-missing-month" => format!("{}-month", input_id(field)),
        "date-missing-year" => format!("{}-year", input_id(field)),
        _ => input_id(field),
    }
}

pub fn today_in_sofia() -> Date {
    to_sofia(crate::browser::now()).date()
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let params = use_params::<StepParams>();
    let step = Memo::new(move |_| params.read().as_ref().ok().and_then(|p| p.step));
    // A language switch reloads the service and redraws the flow: the problems on the page
    // live here, above it, so they stay (and are translated).
    let problems = RwSignal::new(Vec::<Problem>::new());
    let labels = RwSignal::new(BTreeMap::new());
    // A new page starts without the previous page's problems.
    Effect::new(move |prev: Option<Option<Step>>| {
        let now = step.get();
        if prev.is_some_and(|p| p != now) && !problems.get_untracked().is_empty() {
            problems.set(Vec::new());
        }
        now
    });
    crate::pages::service_route::with_route_service(move |s, m| {
        view! { <FlowPages service=s municipality=m step=step problems=problems labels=labels/> }
            .into_any()
    })
}

#[component]
fn FlowPages(
    service: Service,
    municipality: Municipality,
    step: Memo<Option<Step>>,
    problems: RwSignal<Vec<Problem>>,
    labels: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let (slug, code) = (municipality.slug.clone(), service.code.clone());
    labels.set(
        service
            .fields
            .iter()
            .map(|f| (f.id.clone(), f.label.to_plain()))
            .collect(),
    );
    let sent = RwSignal::new(draft::sent(&slug, &code));
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
    let generation = RwSignal::new(0u32);
    let flow = Flow {
        service,
        municipality,
        draft,
        problems,
        restored,
        generation,
        labels,
        sent,
    };
    provide_context(flow.clone());
    let known = steps(&flow.service);
    move || {
        generation.track();
        let step = match step.get() {
            Some(s) if s == Step::Confirmation || known.contains(&s) => s,
            _ => return view! { <NotFound/> }.into_any(),
        };
        // Read untracked: the check page sets it just before it moves on to the confirmation.
        if step != Step::Confirmation && sent.with_untracked(Option::is_some) {
            return view! { <confirmation::AlreadySent/> }.into_any();
        }
        match step {
            Step::Applicant => view! { <steps::ApplicantStep/> }.into_any(),
            Step::Contact => view! { <steps::ContactStep/> }.into_any(),
            Step::Questions => view! { <steps::QuestionsStep/> }.into_any(),
            Step::Tier => view! { <steps::TierStep/> }.into_any(),
            Step::Delivery => view! { <steps::DeliveryStep/> }.into_any(),
            Step::Consent => view! { <steps::ConsentStep/> }.into_any(),
            Step::Check => view! { <check::CheckAnswers/> }.into_any(),
            Step::Confirmation => view! { <confirmation::Confirmation/> }.into_any(),
        }
    }
}

fn flow_ref() -> Flow {
    expect_context::<Flow>()
}

/// Where Continue leads: back to the check page when the citizen came from there.
pub fn use_next(current: Step) -> impl Fn() + Clone {
    let flow = flow_ref();
    let query = use_query_map();
    let navigate = use_navigate();
    move || {
        let returning = query.read_untracked().get("return").as_deref() == Some(Step::Check.slug());
        let all = steps(&flow.service);
        let next = if returning {
            Step::Check
        } else {
            all.iter()
                .position(|s| *s == current)
                .and_then(|i| all.get(i + 1))
                .copied()
                .unwrap_or(Step::Check)
        };
        navigate(&flow.path(next), Default::default());
    }
}

/// Where the back link leads: the previous step, the check page, or the start page.
pub fn back_href(current: Step) -> Signal<String> {
    let flow = flow_ref();
    let query = use_query_map();
    Signal::derive(move || {
        if query.read().get("return").as_deref() == Some(Step::Check.slug()) {
            return flow.path(Step::Check);
        }
        let all = steps(&flow.service);
        match all.iter().position(|s| *s == current) {
            Some(0) | None => flow.start_page(),
            Some(i) => flow.path(all[i - 1]),
        }
    })
}

//! `/{slug}`: the municipality's home: what the citizen can do here, and its contacts.
use crate::components::contact_card::ContactCard;
use crate::components::page_heading::PageHeading;
use crate::i18n::msg;
use crate::pages::municipality::use_municipality;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let profile = use_municipality().profile;
    move || {
        let m = profile.get();
        let name = m.name.to_plain();
        let slug = m.slug.clone();
        view! {
            <PageHeading title=Signal::derive(move || name.clone()) caption=Signal::derive(move || Some(tr!("home-caption")))/>
            <p class="g-lead">{msg("home-lead")}</p>
            <section aria-labelledby="home-tasks" class="g-section">
                <h2 id="home-tasks">{msg("home-tasks-title")}</h2>
                <ul class="g-task-list">
                    {m.has_services.then(|| view! {
                        <Task href=format!("/{slug}/services") label="home-task-services" hint="home-task-services-hint"/>
                        <Task href=format!("/{slug}/status") label="home-task-status" hint="home-task-status-hint"/>
                    })}
                    <Task href=format!("/{slug}/report") label="home-task-report" hint="home-task-report-hint"/>
                    <Task href=format!("/{slug}/feedback") label="home-task-feedback" hint="home-task-feedback-hint"/>
                    <Task href=format!("/{slug}/accountability") label="home-task-accountability" hint="home-task-accountability-hint"/>
                    {if m.has_charter {
                        view! { <Task href=format!("/{slug}/charter") label="home-task-charter" hint="home-task-charter-hint"/> }.into_any()
                    } else {
                        view! { <li class="g-task"><p>{msg("home-no-charter")}</p></li> }.into_any()
                    }}
                </ul>
            </section>
            <ContactCard municipality=m.clone()/>
        }
    }
}

/// One thing the citizen can do here: a link and a line saying what it is for.
#[component]
fn Task(href: String, label: &'static str, hint: &'static str) -> impl IntoView {
    view! {
        <li class="g-task">
            <A href=href attr:class="g-task__link">{msg(label)}</A>
            <p class="g-task__hint">{msg(hint)}</p>
        </li>
    }
}

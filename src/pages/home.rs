//! `/{slug}`: the municipality's home: what the citizen can do here, and its contacts.
use crate::components::contact_card::ContactCard;
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::page_heading::PageHeading;
use crate::context::app_context;
use crate::i18n::msg;
use crate::pages::not_found::NotFound;
use crate::pages::{use_route_municipality, RouteMunicipality};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let ctx = app_context();
    let (_slug, state) = use_route_municipality();
    let retry = Callback::new(move |_| ctx.municipality.refetch());
    move || match state.get() {
        RouteMunicipality::Loading => {
            view! { <Loading message=move_tr!("home-loading")/> }.into_any()
        }
        RouteMunicipality::NotFound => view! { <NotFound/> }.into_any(),
        RouteMunicipality::Failed(e) => view! { <LoadFailed error=e retry=retry/> }.into_any(),
        RouteMunicipality::Ready(m) => {
            let name = m.name.to_plain();
            let slug = m.slug.clone();
            view! {
                <PageHeading title=Signal::derive(move || name.clone()) caption=Signal::derive(move || Some(tr!("home-caption")))/>
                <p class="g-lead">{msg("home-lead")}</p>
                <section aria-labelledby="home-tasks" class="g-section">
                    <h2 id="home-tasks">{msg("home-tasks-title")}</h2>
                    <ul class="g-task-list">
                        {m.has_services.then(|| view! {
                            <li class="g-task">
                                <A href=format!("/{slug}/services") attr:class="g-task__link">{msg("home-task-services")}</A>
                                <p class="g-task__hint">{msg("home-task-services-hint")}</p>
                            </li>
                        })}
                        {m.has_services.then(|| view! {
                            <li class="g-task">
                                <A href=format!("/{slug}/status") attr:class="g-task__link">{msg("home-task-status")}</A>
                                <p class="g-task__hint">{msg("home-task-status-hint")}</p>
                            </li>
                        })}
                        <li class="g-task">
                            <A href=format!("/{slug}/report") attr:class="g-task__link">{msg("home-task-report")}</A>
                            <p class="g-task__hint">{msg("home-task-report-hint")}</p>
                        </li>
                        <li class="g-task">
                            <A href=format!("/{slug}/feedback") attr:class="g-task__link">{msg("home-task-feedback")}</A>
                            <p class="g-task__hint">{msg("home-task-feedback-hint")}</p>
                        </li>
                        <li class="g-task">
                            <A href=format!("/{slug}/accountability") attr:class="g-task__link">{msg("home-task-accountability")}</A>
                            <p class="g-task__hint">{msg("home-task-accountability-hint")}</p>
                        </li>
                        {if m.has_charter {
                            view! {
                                <li class="g-task">
                                    <A href=format!("/{slug}/charter") attr:class="g-task__link">{msg("home-task-charter")}</A>
                                    <p class="g-task__hint">{msg("home-task-charter-hint")}</p>
                                </li>
                            }.into_any()
                        } else {
                            view! { <li class="g-task"><p>{msg("home-no-charter")}</p></li> }.into_any()
                        }}
                    </ul>
                </section>
                <ContactCard municipality=m.clone()/>
            }.into_any()
        }
    }
}

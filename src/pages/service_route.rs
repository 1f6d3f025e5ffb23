//! `/{slug}/services/{code}/…`: the service the address names, loaded for its start page and
//! for the application.
use crate::client;
use crate::components::load_state::{LoadFailed, Loading};
use crate::i18n::ui_lang;
use crate::pages::municipality::use_municipality;
use crate::pages::not_found::NotFound;
use gishe_api::{Municipality, Service};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

#[derive(Params, Clone, PartialEq)]
struct ServiceParams {
    code: Option<String>,
}

/// Loads the service the route names (`/:slug/services/:code/…`), says what is loading, what
/// failed (with a retry) or that there is no such page, and renders `ready` once it is there.
/// The start page and the application share it.
pub fn with_route_service(
    ready: impl Fn(Service, Municipality) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let route = use_municipality();
    let slug = route.slug;
    let params = use_params::<ServiceParams>();
    let code = Memo::new(move |_| {
        params
            .read()
            .as_ref()
            .ok()
            .and_then(|p| p.code.clone())
            .unwrap_or_default()
    });
    let service = LocalResource::new(move || {
        let (slug, code, lang) = (slug.get(), code.get(), ui_lang());
        async move { client::service(&slug, &code, lang).await }
    });
    let retry = Callback::new(move |_| service.refetch());
    move || match service.get() {
        None => view! { <Loading message=move_tr!("service-loading")/> }.into_any(),
        Some(Err(e)) if e.is_not_found() => view! { <NotFound/> }.into_any(),
        Some(Err(e)) => view! { <LoadFailed error=e retry=retry/> }.into_any(),
        Some(Ok(s)) => ready(s, route.profile.get()),
    }
}

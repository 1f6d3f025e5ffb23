//! One module per route.
pub mod accessibility;
pub mod accountability;
pub mod apply;
pub mod charter;
pub mod choose;
pub mod home;
pub mod not_found;
pub mod privacy;
pub mod report;
pub mod service;
pub mod services;
pub mod status;

use crate::client::ApiError;
use crate::context::{app_context, remembered_slug};
use gishe_api::Municipality;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The state of the municipality named in the route.
pub enum RouteMunicipality {
    Loading,
    NotFound,
    Failed(ApiError),
    Ready(Municipality),
}

/// Makes the route's municipality the current one, and reads it.
pub fn use_route_municipality() -> (Memo<String>, Signal<RouteMunicipality>) {
    let ctx = app_context();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    Effect::new(move |_| {
        let s = slug.get();
        if ctx.slug.get_untracked().as_deref() != Some(s.as_str()) {
            ctx.slug.set(Some(s));
        }
    });
    let state = Signal::derive(move || match ctx.municipality.get() {
        Some(Some(Ok(m))) if m.slug == slug.get() => RouteMunicipality::Ready(m),
        Some(Some(Err(e))) if ctx.slug.get().as_deref() == Some(slug.get().as_str()) => {
            if e.is_not_found() {
                RouteMunicipality::NotFound
            } else {
                RouteMunicipality::Failed(e)
            }
        }
        _ => RouteMunicipality::Loading,
    });
    (slug, state)
}

/// On pages that belong to no municipality, the remembered one gives the contacts.
pub fn use_remembered_municipality() {
    let ctx = app_context();
    let remembered = remembered_slug();
    if ctx.slug.get_untracked() != remembered {
        ctx.slug.set(remembered);
    }
}

impl Clone for RouteMunicipality {
    fn clone(&self) -> Self {
        match self {
            RouteMunicipality::Loading => RouteMunicipality::Loading,
            RouteMunicipality::NotFound => RouteMunicipality::NotFound,
            RouteMunicipality::Failed(e) => RouteMunicipality::Failed(e.clone()),
            RouteMunicipality::Ready(m) => RouteMunicipality::Ready(m.clone()),
        }
    }
}

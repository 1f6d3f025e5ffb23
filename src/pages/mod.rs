//! One module per route; `municipality` is the parent of every `/{slug}/…` route.
pub mod accessibility;
pub mod accountability;
pub mod apply;
pub mod charter;
pub mod choose;
pub mod feedback;
pub mod home;
pub mod municipality;
pub mod not_found;
pub mod privacy;
pub mod report;
pub mod service;
pub mod service_route;
pub mod services;
pub mod status;

use crate::context::{app_context, remembered_slug};
use leptos::prelude::*;

/// On pages that belong to no municipality, the remembered one gives the contacts.
pub fn use_remembered_municipality() {
    let ctx = app_context();
    let remembered = remembered_slug();
    if ctx.slug.get_untracked() != remembered {
        ctx.slug.set(remembered);
    }
}

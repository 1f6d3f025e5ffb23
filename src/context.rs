//! App-wide state: the municipality being viewed (remembered across visits) and the list.
use crate::client::{self, ApiError};
use crate::i18n::ui_lang;
use gishe_api::{Municipality, MunicipalitySummary};
use leptos::prelude::*;

const REMEMBERED_KEY: &str = "gishe.municipality";

#[derive(Clone, Copy)]
pub struct AppContext {
    /// The slug of the municipality the citizen is looking at, or last looked at.
    pub slug: RwSignal<Option<String>>,
    /// Its profile, in the interface language.
    pub municipality: LocalResource<Option<Result<Municipality, ApiError>>>,
    /// Every municipality served, for the choice page and the demo notice.
    pub all: LocalResource<Result<Vec<MunicipalitySummary>, ApiError>>,
    /// Set on a route change: the new page's heading takes focus when it appears.
    pub pending_focus: RwSignal<bool>,
    /// The last registry number and access code this tab received, so the status page can be
    /// filled in without the code ever travelling in an address.
    pub last_receipt: RwSignal<Option<(String, String)>>,
}

pub fn provide_app_context() {
    let slug = RwSignal::new(remembered_slug());
    let municipality = LocalResource::new(move || {
        let slug = slug.get();
        let lang = ui_lang();
        async move {
            match slug {
                Some(s) => Some(client::municipality(&s, lang).await),
                None => None,
            }
        }
    });
    let all = LocalResource::new(move || {
        let lang = ui_lang();
        async move { client::municipalities(lang).await }
    });
    // Remember a municipality once it is known to exist.
    Effect::new(move |_| {
        if let Some(Some(Ok(m))) = municipality.get() {
            remember_slug(&m.slug);
        }
    });
    provide_context(AppContext {
        slug,
        municipality,
        all,
        pending_focus: RwSignal::new(false),
        last_receipt: RwSignal::new(None),
    });
}

pub fn app_context() -> AppContext {
    expect_context::<AppContext>()
}

pub fn remembered_slug() -> Option<String> {
    let storage = window().local_storage().ok()??;
    storage
        .get_item(REMEMBERED_KEY)
        .ok()?
        .filter(|s| !s.is_empty())
}

fn remember_slug(slug: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(REMEMBERED_KEY, slug);
    }
}

//! `/{slug}/…`: loads the municipality the address names once for all its pages, says what is
//! loading, that there is no such municipality or that it failed, and hands it to the page.
use crate::client::ApiError;
use crate::components::load_state::{Loading, PageLoadFailed};
use crate::context::{app_context, AppContext};
use crate::pages::not_found::NotFound;
use gishe_api::Municipality;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

#[derive(Params, Clone, PartialEq)]
struct MunicipalityParams {
    slug: Option<String>,
}

/// The municipality of the page, for the pages under `/{slug}`: only they are rendered, and
/// only once it has loaded.
#[derive(Clone, Copy)]
pub struct RouteMunicipality {
    /// The slug in the address.
    pub slug: Memo<String>,
    /// Its profile in the interface language (renewed when the language changes).
    pub profile: Memo<Municipality>,
}

impl RouteMunicipality {
    /// Its name, as a page heading's context or caption.
    pub fn name(self) -> Signal<Option<String>> {
        let profile = self.profile;
        Signal::derive(move || Some(profile.read().name.to_plain()))
    }
}

/// The municipality of the page; see [`MunicipalityPages`].
pub fn use_municipality() -> RouteMunicipality {
    expect_context::<RouteMunicipality>()
}

/// Where the route's municipality stands. Only a change between these redraws the pages: a
/// profile renewed in another language does not.
#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    NotFound,
    Failed(ApiError),
    Ready,
}

/// The route's municipality, when the app's current one is the one the address names.
fn loaded(ctx: AppContext, slug: &str) -> Result<Option<Municipality>, ApiError> {
    match ctx.municipality.get() {
        Some(Some(Ok(m))) if m.slug == slug => Ok(Some(m)),
        Some(Some(Err(e))) if ctx.slug.get().as_deref() == Some(slug) => Err(e),
        _ => Ok(None),
    }
}

/// The parent of every `/{slug}/…` route.
#[component]
pub fn MunicipalityPages() -> impl IntoView {
    let ctx = app_context();
    let params = use_params::<MunicipalityParams>();
    let slug = Memo::new(move |_| {
        params
            .read()
            .as_ref()
            .ok()
            .and_then(|p| p.slug.clone())
            .unwrap_or_default()
    });
    // The address names the municipality: make it the app's current one (header, footer).
    Effect::new(move |_| {
        let s = slug.get();
        if ctx.slug.get_untracked().as_deref() != Some(s.as_str()) {
            ctx.slug.set(Some(s));
        }
    });
    let current = Memo::new(move |_| loaded(ctx, &slug.read()));
    let phase = Memo::new(move |_| match current.get() {
        Ok(Some(_)) => Phase::Ready,
        Ok(None) => Phase::Loading,
        Err(e) if e.is_not_found() => Phase::NotFound,
        Err(e) => Phase::Failed(e),
    });
    let retry = Callback::new(move |_| ctx.municipality.refetch());
    move || match phase.get() {
        Phase::Loading => view! { <Loading message=move_tr!("home-loading")/> }.into_any(),
        Phase::NotFound => view! { <NotFound/> }.into_any(),
        Phase::Failed(e) => view! { <PageLoadFailed error=e retry=retry/> }.into_any(),
        Phase::Ready => match current.get_untracked() {
            Ok(Some(first)) => view! { <Loaded slug=slug current=current first=first/> }.into_any(),
            _ => ().into_any(),
        },
    }
}

/// Provides the loaded municipality to the page in the outlet.
#[component]
fn Loaded(
    slug: Memo<String>,
    current: Memo<Result<Option<Municipality>, ApiError>>,
    first: Municipality,
) -> impl IntoView {
    // While the pages are being taken down after the municipality changed, keep the last one.
    let profile = Memo::new(move |last: Option<&Municipality>| match current.get() {
        Ok(Some(m)) => m,
        _ => last.cloned().unwrap_or_else(|| first.clone()),
    });
    provide_context(RouteMunicipality { slug, profile });
    view! { <Outlet/> }
}

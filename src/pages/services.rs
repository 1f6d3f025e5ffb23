//! `/{slug}/services`: the catalogue, searched as the citizen types (result count announced
//! politely), or browsed by category without typing. The search is kept in the address.
use crate::client;
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::page_heading::PageHeading;
use crate::components::rich_text::RichText;
use crate::i18n::{msg, ui_lang};
use crate::pages::municipality::use_municipality;
use gishe_api::{Catalogue, ServiceSummary};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn ServicesPage() -> impl IntoView {
    let route = use_municipality();
    let slug = route.slug;
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let category = Memo::new(move |_| query.read().get("category").unwrap_or_default());
    // What the box holds right now; the address (and the search) follow it after a pause.
    let typed = RwSignal::new(q.get_untracked());
    let catalogue = LocalResource::new(move || {
        let (slug, q, category, lang) = (slug.get(), q.get(), category.get(), ui_lang());
        async move { client::services(&slug, &q, &category, lang).await }
    });
    let navigate = use_navigate();
    let set_address = move |text: String| {
        let mut params = Vec::new();
        if !text.trim().is_empty() {
            params.push(format!(
                "q={}",
                String::from(js_sys::encode_uri_component(text.trim()))
            ));
        }
        let c = category.get_untracked();
        if !c.is_empty() {
            params.push(format!("category={c}"));
        }
        let search = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        navigate(
            &format!("/{}/services{search}", slug.get_untracked()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let pending = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    let set_address_later = {
        let set_address = set_address.clone();
        move |text: String| {
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            let set_address = set_address.clone();
            let handle = set_timeout_with_handle(
                move || set_address(text),
                std::time::Duration::from_millis(300),
            )
            .ok();
            pending.set_value(handle);
        }
    };
    let name = route.name();
    let retry = Callback::new(move |_| catalogue.refetch());
    view! {
        <PageHeading title=move_tr!("services-title") context=name caption=name/>
        <p class="g-lead">{msg("services-lead")}</p>
        <form role="search" class="g-search" on:submit=move |ev| {
            ev.prevent_default();
            set_address(typed.get_untracked());
        }>
            <label for="service-search" class="g-label">{msg("services-search-label")}</label>
            <p id="service-search-hint" class="g-hint">{msg("services-search-hint")}</p>
            <div class="g-search__row">
                <input type="search" id="service-search" name="q" class="g-input g-search__input"
                    aria-describedby="service-search-hint" autocomplete="off" spellcheck="false"
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        typed.set(v.clone());
                        set_address_later(v);
                    }/>
                <button type="submit" class="g-button g-search__button">{msg("services-search-button")}</button>
            </div>
        </form>
        {move || match catalogue.get() {
            Some(Ok(c)) => view! { <CategoryNav catalogue=c slug=slug.get() current=category.get() q=q.get()/> }.into_any(),
            _ => ().into_any(),
        }}
        <h2 class="g-results__title">{msg("services-results")}</h2>
        // The count is announced politely after each search: the region is always there.
        <p class="g-results__count" role="status">{move || match catalogue.get() {
            Some(Ok(c)) => tr!("services-count", {"count" => c.services.len()}),
            _ => String::new(),
        }}</p>
        {move || match catalogue.get() {
            None => view! { <Loading message=move_tr!("services-loading")/> }.into_any(),
            Some(Err(e)) => view! { <LoadFailed error=e retry=retry/> }.into_any(),
            Some(Ok(c)) => view! { <Results catalogue=c/> }.into_any(),
        }}
    }
}

#[component]
fn CategoryNav(catalogue: Catalogue, slug: String, current: String, q: String) -> impl IntoView {
    let q_part = if q.trim().is_empty() {
        String::new()
    } else {
        format!("q={}", String::from(js_sys::encode_uri_component(q.trim())))
    };
    let href = move |category: &str| {
        let mut parts = Vec::new();
        if !q_part.is_empty() {
            parts.push(q_part.clone());
        }
        if !category.is_empty() {
            parts.push(format!("category={category}"));
        }
        if parts.is_empty() {
            format!("/{slug}/services")
        } else {
            format!("/{slug}/services?{}", parts.join("&"))
        }
    };
    let all_current = current.is_empty();
    view! {
        <nav class="g-filter" aria-labelledby="categories-title">
            <h2 id="categories-title" class="g-filter__title">{msg("services-categories")}</h2>
            <ul class="g-filter__list">
                <li>
                    <A href=href("") attr:class="g-filter__link" attr:aria-current=all_current.then_some("page")>{msg("services-all-categories")}</A>
                </li>
                {catalogue.categories.into_iter().map(|c| {
                    let is_current = c.id == current;
                    view! {
                        <li>
                            <A href=href(&c.id) attr:class="g-filter__link" attr:aria-current=is_current.then_some("page")><RichText text=c.name/></A>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn Results(catalogue: Catalogue) -> impl IntoView {
    let count = catalogue.services.len();
    let slug = catalogue.municipality.clone();
    let categories = catalogue.categories.clone();
    view! {
        {if count == 0 {
            view! { <p class="g-notice">{msg("services-none")}</p> }.into_any()
        } else {
            view! {
                <ul class="g-results">
                    {catalogue.services.into_iter().map(|s| {
                        let category = categories.iter().find(|c| c.id == s.category).map(|c| c.name.clone());
                        result(&slug, s, category)
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

fn result(slug: &str, s: ServiceSummary, category: Option<gishe_api::Text>) -> impl IntoView {
    let href = format!("/{slug}/services/{}", s.code);
    let fee = s.fee_from.map(|f| f.format(ui_lang()));
    view! {
        <li class="g-result">
            <h3 class="g-result__title"><A href=href attr:class="g-link"><RichText text=s.name/></A></h3>
            <p class="g-result__summary"><RichText text=s.summary/></p>
            <p class="g-result__meta">
                {category.map(|c| view! { <span class="g-tag"><RichText text=c/></span> })}
                {fee.map(|f| view! { " " <span>{move || tr!("services-fee-from", {"fee" => f.clone()})}</span> })}
            </p>
        </li>
    }
}

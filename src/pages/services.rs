//! `/{slug}/services`: the catalogue, searched as the citizen types (result count announced
//! politely), or browsed by category without typing. The search is kept in the address.
//! A search that finds nothing offers the nearest services, the categories and the counter's
//! phone. After a search or a category change the results are brought into view (on a phone
//! they start below the fold), and focus stays where the citizen is.
use crate::client;
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::page_heading::PageHeading;
use crate::components::rich_text::RichText;
use crate::i18n::{msg, ui_lang};
use crate::pages::municipality::use_municipality;
use gishe_api::{Catalogue, Category, ContactKind, Municipality, ServiceSummary, Text};
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
        navigate(
            &catalogue_href(&slug.get_untracked(), &text, &category.get_untracked()),
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
    // Set by the citizen's own search or choice of category, not by loading the page.
    let reveal = StoredValue::new(false);
    Effect::new(move |_| {
        if matches!(catalogue.get(), Some(Ok(_))) && reveal.get_value() {
            reveal.set_value(false);
            request_animation_frame(bring_results_into_view);
        }
    });
    // The categories are drawn once (not again with every result list), so a tapped pill
    // keeps focus; while a new list loads the last ones stay.
    let categories = Memo::new(
        move |last: Option<&Option<Vec<Category>>>| match catalogue.get() {
            Some(Ok(c)) => Some(c.categories),
            _ => last.cloned().flatten(),
        },
    );
    let name = route.name();
    let retry = Callback::new(move |_| catalogue.refetch());
    view! {
        <PageHeading title=move_tr!("services-title") context=name caption=name/>
        <p class="g-lead">{msg("services-lead")}</p>
        <form role="search" class="g-search" on:submit=move |ev| {
            ev.prevent_default();
            reveal.set_value(true);
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
                        reveal.set_value(true);
                        set_address_later(v);
                    }/>
                <button type="submit" class="g-button g-search__button">{msg("services-search-button")}</button>
            </div>
        </form>
        {move || categories.get().map(|list| view! {
            <CategoryNav categories=list slug=slug current=category q=q on_choose=move || reveal.set_value(true)/>
        })}
        <h2 class="g-results__title" id="results-title" tabindex="-1">{msg("services-results")}</h2>
        // The count is announced politely after each search: the region is always there.
        <p class="g-results__count" role="status">{move || match catalogue.get() {
            Some(Ok(c)) => tr!("services-count", {"count" => c.services.len()}),
            _ => String::new(),
        }}</p>
        {move || match catalogue.get() {
            None => view! { <Loading message=move_tr!("services-loading")/> }.into_any(),
            Some(Err(e)) => view! { <LoadFailed error=e retry=retry/> }.into_any(),
            Some(Ok(c)) => view! { <Results catalogue=c phones=counter_phones(&route.profile.read()) reveal=reveal/> }.into_any(),
        }}
    }
}

/// The address of the catalogue with a search and a category (either may be empty).
fn catalogue_href(slug: &str, q: &str, category: &str) -> String {
    let mut parts = Vec::new();
    if !q.trim().is_empty() {
        parts.push(format!(
            "q={}",
            String::from(js_sys::encode_uri_component(q.trim()))
        ));
    }
    if !category.is_empty() {
        parts.push(format!("category={category}"));
    }
    if parts.is_empty() {
        format!("/{slug}/services")
    } else {
        format!("/{slug}/services?{}", parts.join("&"))
    }
}

/// The category pills. Plain links, not the router's `<A>`: that one marks every link whose
/// path is the page's as current, and the pills differ only in the query. Here only the chosen
/// category (or "all" when none is) is current. `data-noscroll`: the page stays where it is and the
/// results are brought into view instead.
#[component]
fn CategoryNav(
    categories: Vec<Category>,
    slug: Memo<String>,
    current: Memo<String>,
    q: Memo<String>,
    on_choose: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let pill = move |id: String, label: AnyView| {
        let id_for_href = id.clone();
        let is_current = move || current.read() == id;
        view! {
            <li>
                <a href=move || catalogue_href(&slug.read(), &q.read(), &id_for_href)
                    class="g-filter__link" data-noscroll=""
                    aria-current=move || is_current().then_some("page")
                    on:click=move |_| on_choose()>{label}</a>
            </li>
        }
    };
    view! {
        <nav class="g-filter" aria-labelledby="categories-title">
            <h2 id="categories-title" class="g-filter__title">{msg("services-categories")}</h2>
            <ul class="g-filter__list">
                {pill(String::new(), msg("services-all-categories").into_any())}
                {categories.into_iter().map(|c| pill(c.id, view! { <RichText text=c.name/> }.into_any())).collect_view()}
            </ul>
        </nav>
    }
}

/// Brings the first result (or what is said instead) into view, scrolling as little as
/// possible and without moving focus: `scrollIntoView({ block: "nearest" })`.
fn bring_results_into_view() {
    use wasm_bindgen::JsCast;
    let Ok(Some(el)) = document().query_selector(".g-result, .g-results-none") else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &"nearest".into());
    if let Ok(f) = js_sys::Reflect::get(&el, &"scrollIntoView".into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call1(&el, &options);
        }
    }
}

/// A phone number to call, and whose it is when it is a department's.
type Phone = (Option<Text>, gishe_api::Contact);

/// The phones to call about a service: the municipality's own, or when it publishes none,
/// its departments' (named). Faxes are left out.
fn counter_phones(m: &Municipality) -> Vec<Phone> {
    let is_phone = |c: &gishe_api::SourcedContact| c.contact.kind == ContactKind::Phone;
    let own: Vec<Phone> = m
        .phones
        .iter()
        .filter(|c| is_phone(c))
        .map(|c| (None, c.contact.clone()))
        .collect();
    if !own.is_empty() {
        return own;
    }
    m.departments
        .iter()
        .flat_map(|d| {
            d.phones
                .iter()
                .filter(|c| is_phone(c))
                .map(|c| (Some(d.name.clone()), c.contact.clone()))
        })
        .collect()
}

#[component]
fn Results(catalogue: Catalogue, phones: Vec<Phone>, reveal: StoredValue<bool>) -> impl IntoView {
    let slug = catalogue.municipality.clone();
    let categories = catalogue.categories.clone();
    let category_of = move |s: &ServiceSummary| {
        categories
            .iter()
            .find(|c| c.id == s.category)
            .map(|c| c.name.clone())
    };
    if catalogue.services.is_empty() {
        return view! {
            <NothingFound slug=slug nearest=catalogue.nearest categories=catalogue.categories.clone() phones=phones reveal=reveal/>
        }
        .into_any();
    }
    view! {
        <ul class="g-results">
            {catalogue.services.into_iter().map(|s| {
                let category = category_of(&s);
                result(&slug, s, category)
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Not a dead end: the services nearest to the search, every category, the counter's phone.
#[component]
fn NothingFound(
    slug: String,
    nearest: Vec<ServiceSummary>,
    categories: Vec<Category>,
    phones: Vec<Phone>,
    reveal: StoredValue<bool>,
) -> impl IntoView {
    // This block goes when the list changes: focus goes to the results' heading, not to
    // the page's start.
    let choose = move |_| {
        reveal.set_value(true);
        if let Some(h) = document().get_element_by_id("results-title") {
            use wasm_bindgen::JsCast;
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    };
    let category_names = categories.clone();
    let nearest_list = (!nearest.is_empty()).then(|| {
        let slug = slug.clone();
        view! {
            <h3 class="g-results-none__title">{msg("services-nearest-title")}</h3>
            <ul class="g-results">
                {nearest.into_iter().map(|s| {
                    let category = category_names.iter().find(|c| c.id == s.category).map(|c| c.name.clone());
                    result(&slug, s, category)
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <div class="g-results-none">
            <p class="g-notice">{msg("services-none")}</p>
            {nearest_list}
            <h3 class="g-results-none__title">{msg("services-none-categories")}</h3>
            <ul class="g-plain-list g-results-none__categories">
                <li><a href=catalogue_href(&slug, "", "") class="g-link" data-noscroll="" on:click=choose>{msg("services-all-categories")}</a></li>
                {categories.into_iter().map(|c| view! {
                    <li><a href=catalogue_href(&slug, "", &c.id) class="g-link" data-noscroll="" on:click=choose><RichText text=c.name/></a></li>
                }).collect_view()}
            </ul>
            {(!phones.is_empty()).then(|| view! {
                <p class="g-results-none__phone">{msg("services-none-phone")}</p>
                <ul class="g-plain-list g-results-none__phones">
                    {phones.into_iter().map(|(whose, p)| view! {
                        <li>
                            {whose.map(|w| view! { <RichText text=w/>": " })}
                            <a href=p.href() class="g-link">{p.display.clone()}</a>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </div>
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

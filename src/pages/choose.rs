//! `/`: choose the municipality; the remembered one is offered first.
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::page_heading::PageHeading;
use crate::components::rich_text::RichText;
use crate::context::{app_context, remembered_slug};
use crate::i18n::msg;
use crate::pages::use_remembered_municipality;
use gishe_api::MunicipalitySummary;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

#[component]
pub fn Choose() -> impl IntoView {
    use_remembered_municipality();
    let ctx = app_context();
    let remembered = remembered_slug();
    let retry = Callback::new(move |_| ctx.all.refetch());
    view! {
        <PageHeading title=move_tr!("choose-title")/>
        <p class="g-lead">{msg("choose-lead")}</p>
        {move || match ctx.all.get() {
            None => view! { <Loading message=move_tr!("choose-loading")/> }.into_any(),
            Some(Err(e)) => view! { <LoadFailed error=e retry=retry/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! {
                <p class="g-notice">{msg("choose-empty")}</p>
            }.into_any(),
            Some(Ok(mut list)) => {
                let rem = remembered.clone();
                if let Some(pos) = list.iter().position(|m| Some(&m.slug) == rem.as_ref()) {
                    let m = list.remove(pos);
                    list.insert(0, m);
                }
                view! {
                    <ul class="g-choice-list">
                        {list.into_iter().map(|m| choice(m, rem.as_deref())).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
    }
}

fn choice(m: MunicipalitySummary, remembered: Option<&str>) -> impl IntoView {
    let last = remembered == Some(m.slug.as_str());
    view! {
        <li class="g-choice-list__item">
            <A href=format!("/{}", m.slug) attr:class="g-choice">
                <span class="g-choice__name"><RichText text=m.name.clone()/></span>
                {last.then(|| view! { <span class="g-tag">{msg("choose-last-used")}</span> })}
            </A>
        </li>
    }
}

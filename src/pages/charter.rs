//! `/{slug}/charter`: the Client Charter with a table of contents, linkable sections, print.
use crate::client;
use crate::components::in_page_link::{scroll_to_address_fragment, InPageLink};
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::page_heading::PageHeading;
use crate::components::rich_text::{lang_attr, RichText, Runs};
use crate::i18n::{ids, msg, ui_lang};
use crate::pages::municipality::use_municipality;
use gishe_api::{Block, Charter, Lang, Section, SectionRole, Subsection, Text};
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn CharterPage() -> impl IntoView {
    let route = use_municipality();
    let slug = route.slug;
    let charter = LocalResource::new(move || {
        let slug = slug.get();
        let lang = ui_lang();
        async move { client::charter(&slug, lang).await }
    });
    let name = route.name();
    let retry = Callback::new(move |_| charter.refetch());
    view! {
        <PageHeading title=move_tr!("charter-title") context=name caption=name/>
        {move || match charter.get() {
            None => view! { <Loading message=move_tr!("charter-loading")/> }.into_any(),
            Some(Err(e)) if e.is_not_found() => view! {
                <p class="g-notice">{msg("error-charter-not-found")}</p>
            }.into_any(),
            Some(Err(e)) => view! { <LoadFailed error=e retry=retry/> }.into_any(),
            Some(Ok(c)) => view! { <CharterBody charter=c/> }.into_any(),
        }}
    }
}

#[component]
fn CharterBody(charter: Charter) -> impl IntoView {
    let note = (charter.lang == Lang::En).then(|| {
        if charter.translated {
            view! { <p class="g-notice g-notice--info">{msg("charter-translation-note")}</p> }
                .into_any()
        } else {
            view! { <p class="g-notice g-notice--info">{msg("charter-untranslated-note")}</p> }
                .into_any()
        }
    });
    let toc = charter.sections.clone();
    // A shared link to a section: the browser looked for it before the charter had loaded.
    Effect::new(move |_| scroll_to_address_fragment());
    view! {
        {note}
        <p class="g-actions g-no-print">
            <button type="button" class="g-button g-button--secondary" on:click=move |_| { let _ = window().print(); }>
                {msg("charter-print")}
            </button>
        </p>
        <nav class="g-toc" aria-labelledby="toc-title">
            <h2 id="toc-title" class="g-toc__title">{msg("charter-contents")}</h2>
            <ol class="g-toc__list">
                {toc.into_iter().map(toc_entry).collect_view()}
            </ol>
        </nav>
        {charter.sections.into_iter().map(section).collect_view()}
    }
}

fn toc_entry(s: Section) -> impl IntoView {
    let label = heading_text(&s);
    let subs = (!s.subsections.is_empty()).then(|| {
        let items = s
            .subsections
            .into_iter()
            .map(|sub| {
                let focus = format!("{}-heading", sub.id);
                let number = sub.number.map(|n| format!("{n}. "));
                view! {
                    <li><InPageLink target=sub.id focus=focus class="g-link">{number}<RichText text=sub.title/></InPageLink></li>
                }
            })
            .collect_view();
        view! { <ol class="g-toc__sub">{items}</ol> }
    });
    let focus = format!("{}-heading", s.id);
    view! {
        <li>
            <InPageLink target=s.id focus=focus class="g-link">{label}</InPageLink>
            {subs}
        </li>
    }
}

fn heading_text(s: &Section) -> impl IntoView {
    let numeral = s.numeral.clone().map(|n| format!("{n}. "));
    view! { {numeral}<RichText text=s.title.clone()/> }
}

fn role_tag(role: SectionRole) -> Option<impl IntoView> {
    let id = ids::section_role(role)?;
    Some(view! { <p class="g-section__role"><span class="g-tag">{msg(id)}</span></p> })
}

fn section(s: Section) -> impl IntoView {
    let heading_id = format!("{}-heading", s.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="g-charter-section" id=s.id.clone() aria-labelledby=labelled_by>
            <h2 id=heading_id class="g-charter-section__title">{heading_text(&s)}</h2>
            {role_tag(s.role)}
            {blocks(s.blocks)}
            {s.subsections.into_iter().map(subsection).collect_view()}
        </section>
    }
}

fn subsection(sub: Subsection) -> impl IntoView {
    let number = sub.number.map(|n| format!("{n}. "));
    view! {
        <section class="g-charter-subsection" id=sub.id.clone() aria-labelledby=format!("{}-heading", sub.id)>
            <h3 id=format!("{}-heading", sub.id) class="g-charter-subsection__title">{number}<RichText text=sub.title/></h3>
            {blocks(sub.blocks)}
        </section>
    }
}

fn para(text: Text, class: &'static str) -> impl IntoView {
    let lang = lang_attr(&text);
    view! { <p class=class lang=lang><Runs text=text/></p> }
}

fn blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Paragraph { text } => para(text, "g-charter__para").into_any(),
            Block::List {
                lead,
                ordered,
                items,
            } => {
                let items = items
                    .into_iter()
                    .map(|i| {
                        let lang = lang_attr(&i);
                        view! { <li lang=lang><Runs text=i/></li> }
                    })
                    .collect_view();
                let list = if ordered {
                    view! { <ol class="g-list g-list--number">{items}</ol> }.into_any()
                } else {
                    view! { <ul class="g-list g-list--bullet">{items}</ul> }.into_any()
                };
                view! { {lead.map(|l| para(l, "g-charter__lead"))}{list} }.into_any()
            }
            Block::Contacts { items } => view! {
                <ul class="g-plain-list g-charter__contacts">
                    {items.into_iter().map(|c| view! {
                        <li>
                            {c.label.clone().map(|l| view! { <RichText text=l/>": " })}
                            <a href=c.href() class="g-link">{c.display.clone()}</a>
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        })
        .collect_view()
}

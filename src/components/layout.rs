//! The frame of every page: skip link, header with the municipality and the language switch,
//! the demonstration notice, `main`, and the footer with contacts and the accessibility link.
use crate::components::in_page_link::InPageLink;
use crate::components::rich_text::RichText;
use crate::context::app_context;
use crate::i18n::msg;
use crate::i18n::{set_ui_lang, ui_lang};
use gishe_api::Lang;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let ctx = app_context();
    let location = use_location();
    // A route change: the next page heading takes focus (see PageHeading).
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        if prev.is_some_and(|p| p != path) {
            ctx.pending_focus.set(true);
        }
        path
    });
    view! {
        <InPageLink target="main" remember=false class="g-skip-link">{msg("skip-to-content")}</InPageLink>
        <Header/>
        <main id="main" class="g-main" tabindex="-1">
            <div class="g-width">{children()}</div>
        </main>
        <Footer/>
    }
}

#[component]
fn Header() -> impl IntoView {
    let ctx = app_context();
    let current = move || ctx.municipality.get().flatten().and_then(Result::ok);
    let demo = move || {
        ctx.all
            .get()
            .and_then(Result::ok)
            .is_some_and(|all| all.iter().any(|m| m.demo))
    };
    view! {
        <header class="g-header">
            <div class="g-width g-header__bar">
                <a href="/" class="g-header__brand">
                    <span class="g-header__logo" aria-hidden="true"></span>
                    {msg("site-name")}
                </a>
                <div class="g-header__municipality">
                    {move || current().map(|m| view! {
                        <A href=format!("/{}", m.slug) attr:class="g-header__name"><RichText text=m.name.clone()/></A>
                        <A href="/" attr:class="g-header__change">{msg("header-change-municipality")}</A>
                    })}
                </div>
                <LanguageSwitch/>
            </div>
            <Show when=demo>
                <div class="g-demo">
                    <div class="g-width">
                        // On a phone the notice is one short line (see layout.css).
                        <p><strong class="g-tag g-tag--demo">{msg("demo-tag")}</strong>" "
                            <span class="g-demo__long">{msg("demo-notice")}</span>
                            <span class="g-demo__short">{msg("demo-notice-short")}</span></p>
                    </div>
                </div>
            </Show>
        </header>
    }
}

/// One button that switches to the other language, named in that language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let other = move || {
        if ui_lang() == Lang::Bg {
            Lang::En
        } else {
            Lang::Bg
        }
    };
    view! {
        <button type="button" class="g-header__lang" lang=move || other().code()
            on:click=move |_| set_ui_lang(other())>
            <span class="g-header__lang-icon" aria-hidden="true"></span>
            {msg("language-switch")}
        </button>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let ctx = app_context();
    let current = move || ctx.municipality.get().flatten().and_then(Result::ok);
    view! {
        <footer class="g-footer">
            <div class="g-width">
                {move || current().map(|m| {
                    let contacts: Vec<_> = m.phones.iter().chain(m.emails.iter()).chain(m.web.iter())
                        .cloned()
                        .chain(m.departments.iter().flat_map(|d| d.phones.iter().cloned().map(move |mut p| {
                            p.contact.label = Some(d.name.clone());
                            p
                        })))
                        .collect();
                    view! {
                        <section class="g-footer__contacts" aria-labelledby="footer-contacts">
                            <h2 id="footer-contacts" class="g-footer__title"><RichText text=m.name.clone()/></h2>
                            {m.counter.clone().map(|c| view! { <p><RichText text=c.text/></p> })}
                            {m.address.clone().map(|c| view! { <p><RichText text=c.text/></p> })}
                            {if contacts.is_empty() {
                                view! { <p>{msg("footer-no-contacts")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="g-plain-list g-footer__list">
                                        {contacts.into_iter().map(|c| view! {
                                            <li>
                                                {c.contact.label.clone().map(|l| view! { <RichText text=l/>": " })}
                                                <a href=c.contact.href() class="g-link">{c.contact.display.clone()}</a>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>
                    }
                })}
                <nav class="g-footer__nav" aria-labelledby="footer-nav-title">
                    <h2 id="footer-nav-title" class="g-visually-hidden">{msg("footer-nav-title")}</h2>
                    <ul class="g-footer__links">
                        <li><A href="/accessibility" attr:class="g-link">{msg("footer-accessibility")}</A></li>
                        <li><A href="/privacy" attr:class="g-link">{msg("footer-privacy")}</A></li>
                        <li><A href="/" attr:class="g-link">{msg("footer-choose-municipality")}</A></li>
                    </ul>
                </nav>
                <p class="g-footer__meta">{msg("footer-about")}</p>
            </div>
        </footer>
    }
}

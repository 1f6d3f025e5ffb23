//! A municipality's published contacts: counter, address, hours, phones, e-mail, web.
//! What the municipality has not published is said to be not published.
use crate::components::rich_text::RichText;
use crate::i18n::msg;
use gishe_api::{Fact, Municipality, SourcedContact};
use leptos::prelude::*;
use leptos_fluent::tr;

fn fact_row(label: &'static str, fact: Option<Fact>) -> impl IntoView {
    view! {
        <div class="g-summary__row">
            <dt class="g-summary__key">{msg(label)}</dt>
            <dd class="g-summary__value">
                {match fact {
                    Some(f) => view! { <RichText text=f.text/> }.into_any(),
                    None => view! { <span class="g-muted">{msg("contacts-not-published")}</span> }.into_any(),
                }}
            </dd>
        </div>
    }
}

fn contact_link(c: SourcedContact) -> impl IntoView {
    let href = c.contact.href();
    let label = c.contact.label.clone();
    view! {
        <li>
            {label.map(|l| view! { <RichText text=l/>": " })}
            <a href=href class="g-link">{c.contact.display.clone()}</a>
        </li>
    }
}

fn contact_row(label: &'static str, items: Vec<SourcedContact>) -> impl IntoView {
    view! {
        <div class="g-summary__row">
            <dt class="g-summary__key">{msg(label)}</dt>
            <dd class="g-summary__value">
                {if items.is_empty() {
                    view! { <span class="g-muted">{msg("contacts-not-published")}</span> }.into_any()
                } else {
                    view! { <ul class="g-plain-list">{items.into_iter().map(contact_link).collect_view()}</ul> }.into_any()
                }}
            </dd>
        </div>
    }
}

/// The contacts as a description list; `heading_level` keeps the page's outline right.
#[component]
pub fn ContactCard(
    municipality: Municipality,
    #[prop(default = 2)] heading_level: u8,
) -> impl IntoView {
    let m = municipality;
    let heading = move || tr!("contacts-heading");
    let heading = if heading_level == 2 {
        view! { <h2 class="g-card__title" id="contacts-heading">{heading}</h2> }.into_any()
    } else {
        view! { <h3 class="g-card__title" id="contacts-heading">{heading}</h3> }.into_any()
    };
    let phones: Vec<SourcedContact> = m.phones.clone();
    let departments = m.departments.clone();
    view! {
        <section class="g-card" aria-labelledby="contacts-heading">
            {heading}
            <dl class="g-summary">
                {fact_row("contacts-counter", m.counter.clone())}
                {fact_row("contacts-address", m.address.clone())}
                {fact_row("contacts-hours", m.opening_hours.clone())}
                {contact_row("contacts-phones", phones)}
                {(!departments.is_empty()).then(|| view! {
                    <div class="g-summary__row">
                        <dt class="g-summary__key">{msg("contacts-departments")}</dt>
                        <dd class="g-summary__value">
                            <ul class="g-plain-list">
                                {departments.into_iter().map(|d| view! {
                                    <li>
                                        <RichText text=d.name.clone()/>": "
                                        {d.phones.into_iter().map(|p| view! {
                                            <a href=p.contact.href() class="g-link">{p.contact.display.clone()}</a>" "
                                        }).collect_view()}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </dd>
                    </div>
                })}
                {contact_row("contacts-email", m.emails.clone())}
                {contact_row("contacts-web", m.web.clone())}
            </dl>
            {(!m.certificates.is_empty()).then(|| view! {
                <p class="g-card__note">
                    {msg("contacts-certificates")}": "
                    {m.certificates.iter().map(|c| view! { <RichText text=c.text.clone()/>" " }).collect_view()}
                </p>
            })}
            <p class="g-card__note">{msg("contacts-source-note")}</p>
        </section>
    }
}

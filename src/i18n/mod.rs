//! Fluent set-up: the app's languages, the current one, and the language switch's storage.
pub mod ids;

use gishe_api::calendar::Deadline;
use gishe_api::Lang;
use leptos::prelude::*;
use leptos_fluent::{leptos_fluent, tr, I18n};

#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "./locales",
        default_language: "bg",
        // Both languages are left-to-right: no bidi isolation marks around placeables.
        customise: |bundle| bundle.set_use_isolating(false),
        sync_html_tag_lang: true,
        local_storage_key: "gishe.lang",
        initial_language_from_local_storage: true,
        set_language_to_local_storage: true,
        initial_language_from_navigator: true,
    }
}

/// The language of the interface, as the API names it.
pub fn ui_lang() -> Lang {
    let i18n = expect_context::<I18n>();
    Lang::parse(i18n.language.get().id).unwrap_or_default()
}

/// Switches the interface to `lang` (remembered across visits).
pub fn set_ui_lang(lang: Lang) {
    let i18n = expect_context::<I18n>();
    if let Some(l) = i18n.languages.iter().find(|l| l.id == lang.code()) {
        i18n.language.set(l);
    }
}

/// A reactive view of one message. Every call returns the same closure type, so the view code
/// is compiled once for all messages instead of once per `move || tr!(…)` closure: this keeps
/// the WebAssembly download small.
pub fn msg(id: &'static str) -> impl IntoView + Clone + Sync + 'static {
    let i18n = expect_context::<I18n>();
    move || i18n.tr(id)
}

/// Translates a message whose id is chosen at run time from a fixed table (tier, delivery).
pub fn t(id: &str) -> String {
    expect_context::<I18n>().tr(id)
}

/// A date as people write it: `16.04.2026 г.` / `16 April 2026`.
pub fn format_date(d: gishe_api::calendar::Date) -> String {
    leptos_fluent::tr!("date-long", {"day" => d.day(), "month" => d.month(), "year" => d.year()})
}

/// When a request is expected to be done: the date, and the hour when the deadline is in hours.
pub fn format_expected(e: gishe_api::calendar::ExpectedDate) -> String {
    match e.time {
        Some(time) => leptos_fluent::tr!("apply-expected-with-time", {
            "date" => format_date(e.date),
            "time" => format!("{:02}:{:02}", time.hour(), time.minute())
        }),
        None => format_date(e.date),
    }
}

/// A deadline as people say it: "3 working days", "24 hours".
pub fn deadline_text(d: Deadline) -> String {
    match d {
        Deadline::Hours(n) => tr!("deadline-hours", {"n" => n}),
        Deadline::CalendarDays(n) => tr!("deadline-calendar-days", {"n" => n}),
        Deadline::WorkingDays(n) => tr!("deadline-working-days", {"n" => n}),
        Deadline::Months(n) => tr!("deadline-months", {"n" => n}),
    }
}

//! The page's one `h1`: sets the document title and, after a route change, takes focus so
//! screen readers announce the new page.
use crate::context::app_context;
use leptos::html;
use leptos::prelude::*;
use leptos_fluent::tr;

/// `title` is the page's name; the document title adds the municipality and the site name.
#[component]
pub fn PageHeading(
    #[prop(into)] title: Signal<String>,
    /// The municipality's name, when the page belongs to one.
    #[prop(optional, into)]
    context: Option<Signal<Option<String>>>,
    /// A smaller line above the heading (e.g. the municipality).
    #[prop(optional, into)]
    caption: Option<Signal<Option<String>>>,
    /// True while the page shows validation errors: the title then starts with "Грешка: ".
    #[prop(optional, into)]
    has_errors: Option<Signal<bool>>,
    /// Inside a question's `legend` (the question is the page's heading): no wrapping block.
    #[prop(optional)]
    in_legend: bool,
) -> impl IntoView {
    let h1 = NodeRef::<html::H1>::new();
    let pending_focus = app_context().pending_focus;
    Effect::new(move |_| {
        let page = title.get();
        let site = tr!("site-name");
        let full = match context.and_then(|c| c.get()) {
            Some(m) if m != page => format!("{page} – {m} – {site}"),
            _ => format!("{page} – {site}"),
        };
        let full = if has_errors.is_some_and(|e| e.get()) {
            format!("{}{full}", tr!("form-title-error-prefix"))
        } else {
            full
        };
        document().set_title(&full);
    });
    // Focus moves on navigation, not on the first load: there the skip link is the first Tab stop.
    Effect::new(move |_| {
        if let Some(el) = h1.get() {
            if pending_focus.get_untracked() {
                pending_focus.set(false);
                let _ = el.focus();
            }
        }
    });
    if in_legend {
        return view! {
            {move || caption.and_then(|c| c.get()).map(|c| view! { <span class="g-page-heading__caption">{c}</span> })}
            <h1 class="g-page-heading__title g-fieldset__heading" tabindex="-1" node_ref=h1 id="page-title">{move || title.get()}</h1>
        }
        .into_any();
    }
    view! {
        <div class="g-page-heading">
            {move || caption.and_then(|c| c.get()).map(|c| view! { <p class="g-page-heading__caption">{c}</p> })}
            <h1 class="g-page-heading__title" tabindex="-1" node_ref=h1 id="page-title">{move || title.get()}</h1>
        </div>
    }
    .into_any()
}

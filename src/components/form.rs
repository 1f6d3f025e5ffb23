//! Form pieces in the GOV.UK pattern: the error summary that takes focus and links to each
//! field, fields with label, hint and error message tied by `aria-describedby`, radios.
use crate::components::in_page_link::focus_target;
use crate::components::page_heading::PageHeading;
use crate::i18n::msg;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

/// What a problem says, worked out from its code each time it is drawn: a message read
/// inside a view follows the interface language, so switching language keeps the problems
/// and translates them.
#[derive(Clone)]
pub struct Message(std::sync::Arc<dyn Fn() -> String + Send + Sync>);

impl Message {
    pub fn new(f: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Message(std::sync::Arc::new(f))
    }

    /// The text in the current language (tracked: call it inside a view or a derived signal).
    pub fn text(&self) -> String {
        (self.0)()
    }
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Message(..)")
    }
}

/// One problem on a page: the id of the input to focus, and what to say.
#[derive(Debug, Clone)]
pub struct Problem {
    pub target: String,
    pub message: Message,
    /// A page to go to instead, when the field is on another page (check your answers).
    pub href: Option<String>,
}

impl PartialEq for Problem {
    fn eq(&self, other: &Self) -> bool {
        self.target == other.target
            && self.href == other.href
            && std::sync::Arc::ptr_eq(&self.message.0, &other.message.0)
    }
}

/// The error summary. It takes focus when it appears (and is an alert), so a screen reader
/// reads the problems, and each entry moves focus to its field.
#[component]
pub fn ErrorSummary(problems: Signal<Vec<Problem>>) -> impl IntoView {
    let el = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if !problems.get().is_empty() {
            if let Some(el) = el.get() {
                let _ = el.focus();
                el.scroll_into_view();
            }
        }
    });
    view! {
        <Show when=move || !problems.get().is_empty()>
            <div class="g-error-summary" role="alert" tabindex="-1" node_ref=el aria-labelledby="error-summary-title">
                <h2 class="g-error-summary__title" id="error-summary-title">{msg("form-error-summary-title")}</h2>
                <ul class="g-error-summary__list">
                    {move || problems.get().into_iter().map(|p| match p.href {
                        Some(href) => {
                        let m = p.message.clone();
                        view! { <li><A href=href>{move || m.text()}</A></li> }.into_any()
                    }
                        None => {
                            let target = p.target.clone();
                            let m = p.message.clone();
                            view! {
                                <li>
                                    <a href=format!("#{}", p.target) on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_target(&target);
                                    }>{move || m.text()}</a>
                                </li>
                            }.into_any()
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// The message for the field with `id`, if it has a problem.
pub fn problem_for(
    problems: Signal<Vec<Problem>>,
    id: impl Into<String>,
) -> Signal<Option<String>> {
    let id = id.into();
    Signal::derive(move || {
        problems
            .get()
            .into_iter()
            .find(|p| p.target == id)
            .map(|p| p.message.text())
    })
}

/// `aria-describedby` for a field with an optional hint and an optional error.
fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut parts = Vec::new();
    if has_hint {
        parts.push(format!("{id}-hint"));
    }
    if has_error {
        parts.push(format!("{id}-error"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[component]
fn ErrorMessage(#[prop(into)] id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p class="g-error-message" id=format!("{id}-error")>
                    <span class="g-visually-hidden">{msg("form-error-prefix")}" "</span>{e}
                </p>
            }
        })
    }
}

/// A text input (or a textarea when `rows` is given) bound to a signal.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(default = None)] hint: Option<Signal<String>>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional, into)] autocomplete: Option<String>,
    #[prop(optional, into)] input_type: Option<String>,
    #[prop(optional, into)] inputmode: Option<String>,
    #[prop(optional)] width_class: Option<&'static str>,
    #[prop(default = None)] label_lang: Option<&'static str>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let id2 = id.clone();
    let described = Signal::derive(move || described_by(&id2, has_hint, error.get().is_some()));
    let class = move || {
        let base = if rows.is_some() {
            "g-textarea"
        } else {
            "g-input"
        };
        let w = width_class.unwrap_or("");
        if error.get().is_some() {
            format!("{base} {w} g-input--error")
        } else {
            format!("{base} {w}")
        }
    };
    let control = match rows {
        Some(r) => view! {
            <textarea id=id.clone() name=id.clone() class=class rows=r aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        None => view! {
            <input id=id.clone() name=id.clone() class=class type=input_type.unwrap_or_else(|| "text".into())
                autocomplete=autocomplete inputmode=inputmode spellcheck="false" aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        }
        .into_any(),
    };
    view! {
        <div class=move || if error.get().is_some() { "g-form-group g-form-group--error" } else { "g-form-group" }>
            <label for=id.clone() class="g-label" lang=label_lang>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="g-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
            <ErrorMessage id=id.clone() error=error/>
            {control}
        </div>
    }
}

/// Content revealed under a chosen option (an address under "by post").
pub type Reveal = std::sync::Arc<dyn Fn(&str) -> Option<AnyView> + Send + Sync>;

/// On a page that asks one question, the question is the page's heading (GOV.UK): the `h1`
/// sits inside the legend, with the page's caption and its document title.
#[derive(Clone, Copy)]
pub struct QuestionHeading {
    pub caption: Signal<Option<String>>,
    pub context: Signal<Option<String>>,
    pub has_errors: Signal<bool>,
}

/// A fieldset's legend: the question, as plain text or as the page's heading.
fn legend_view(legend: Signal<String>, heading: Option<QuestionHeading>) -> AnyView {
    match heading {
        Some(h) => view! {
            <legend class="g-fieldset__legend g-fieldset__legend--page">
                <PageHeading title=legend context=h.context caption=h.caption has_errors=h.has_errors in_legend=true/>
            </legend>
        }
        .into_any(),
        None => view! { <legend class="g-fieldset__legend">{move || legend.get()}</legend> }.into_any(),
    }
}

/// The fieldset of a radio group or checkbox list: the legend asks the question, then the hint,
/// the error message, and the options.
#[component]
fn ChoiceFieldset(
    id: String,
    legend: Signal<String>,
    hint: Option<Signal<String>>,
    error: Signal<Option<String>>,
    list_class: &'static str,
    heading: Option<QuestionHeading>,
    children: Children,
) -> impl IntoView {
    let id2 = id.clone();
    let has_hint = hint.is_some();
    let described = Signal::derive(move || described_by(&id2, has_hint, error.get().is_some()));
    view! {
        <div class=move || if error.get().is_some() { "g-form-group g-form-group--error" } else { "g-form-group" }>
            <fieldset class="g-fieldset" aria-describedby=described>
                {legend_view(legend, heading)}
                {hint.map(|h| view! { <p class="g-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
                <ErrorMessage id=id.clone() error=error/>
                <div class=list_class>{children()}</div>
            </fieldset>
        </div>
    }
}

/// One checkbox that must be ticked (consent), with its error message tied to it.
#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    checked: RwSignal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class=move || if error.get().is_some() { "g-form-group g-form-group--error" } else { "g-form-group" }>
            <ErrorMessage id=id.clone() error=error/>
            <div class="g-checkboxes__item">
                <input type="checkbox" class="g-checkboxes__input" id=id.clone() name=id.clone()
                    aria-describedby=move || error.get().map(|_| error_id.clone())
                    prop:checked=move || checked.get()
                    on:change=move |ev| checked.set(event_target_checked(&ev))/>
                <label class="g-checkboxes__label" for=id>{move || label.get()}</label>
            </div>
        </div>
    }
}

/// One option of a radio group or checkbox list.
#[derive(Clone)]
pub struct Choice {
    pub value: String,
    pub label: Signal<String>,
    pub hint: Option<Signal<String>>,
    pub lang: Option<&'static str>,
}

/// Radios in a fieldset whose legend asks the question.
#[component]
pub fn Radios(
    #[prop(into)] id: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(default = None)] hint: Option<Signal<String>>,
    choices: Vec<Choice>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Content revealed under an option when it is chosen (an address under "by post").
    #[prop(optional)]
    reveal: Option<Reveal>,
    /// The question is the page's heading.
    #[prop(optional)]
    heading: Option<QuestionHeading>,
) -> impl IntoView {
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            // The first radio has the group's id, so the error summary can focus it.
            let input_id = if i == 0 { id.clone() } else { format!("{id}-{}", c.value) };
            let v = c.value.clone();
            let v2 = c.value.clone();
            let hint_id = format!("{input_id}-item-hint");
            let revealed = reveal.as_ref().map(|r| {
                let r = r.clone();
                let v3 = c.value.clone();
                // The container is drawn only when there is something to reveal.
                move || {
                    (value.get() == v3)
                        .then(|| r(&v3))
                        .flatten()
                        .map(|v| view! { <div class="g-radios__conditional">{v}</div> })
                }
            });
            view! {
                <div class="g-radios__item">
                    <input class="g-radios__input" type="radio" id=input_id.clone() name=id.clone() value=c.value.clone()
                        aria-describedby=c.hint.is_some().then(|| hint_id.clone())
                        prop:checked=move || value.get() == v
                        on:change=move |_| value.set(v2.clone())/>
                    <label class="g-radios__label" for=input_id lang=c.lang>{move || c.label.get()}</label>
                    {c.hint.map(|h| view! { <p class="g-radios__hint" id=hint_id>{move || h.get()}</p> })}
                    {revealed}
                </div>
            }
        })
        .collect_view();
    view! { <ChoiceFieldset id=id legend=legend hint=hint error=error list_class="g-radios" heading=heading>{items}</ChoiceFieldset> }
}

/// Checkboxes in a fieldset; `value` holds the chosen values in the options' order.
#[component]
pub fn Checkboxes(
    #[prop(into)] id: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(default = None)] hint: Option<Signal<String>>,
    choices: Vec<Choice>,
    value: RwSignal<Vec<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let order: Vec<String> = choices.iter().map(|c| c.value.clone()).collect();
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let input_id = if i == 0 { id.clone() } else { format!("{id}-{}", c.value) };
            let (v, v2) = (c.value.clone(), c.value.clone());
            let order = order.clone();
            view! {
                <div class="g-checkboxes__item">
                    <input class="g-checkboxes__input" type="checkbox" id=input_id.clone() name=id.clone() value=c.value.clone()
                        prop:checked=move || value.get().contains(&v)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            value.update(|list| {
                                list.retain(|x| x != &v2);
                                if on {
                                    list.push(v2.clone());
                                }
                                list.sort_by_key(|x| order.iter().position(|o| o == x));
                            });
                        }/>
                    <label class="g-checkboxes__label" for=input_id lang=c.lang>{move || c.label.get()}</label>
                </div>
            }
        })
        .collect_view();
    view! { <ChoiceFieldset id=id legend=legend hint=hint error=error list_class="g-checkboxes" heading=None>{items}</ChoiceFieldset> }
}

/// A date asked as day, month and year (GOV.UK's date input): three labelled numeric inputs in
/// a fieldset whose legend asks the question; the hint gives an example. The day's input has
/// the group's id, so the error summary can focus it; the month's and year's end `-month`,
/// `-year`.
#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(default = None)] hint: Option<Signal<String>>,
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = None)] legend_lang: Option<&'static str>,
) -> impl IntoView {
    let id2 = id.clone();
    let described = Signal::derive(move || {
        let mut parts = vec![format!("{id2}-hint")];
        if error.get().is_some() {
            parts.push(format!("{id2}-error"));
        }
        parts.join(" ")
    });
    let part = move |input_id: String,
                     label: &'static str,
                     value: RwSignal<String>,
                     width: &'static str,
                     autocomplete: Option<&'static str>| {
        let class = move || {
            if error.get().is_some() {
                format!("g-input g-date-input__input {width} g-input--error")
            } else {
                format!("g-input g-date-input__input {width}")
            }
        };
        view! {
            <div class="g-date-input__item">
                <label class="g-label g-date-input__label" for=input_id.clone()>{msg(label)}</label>
                <input class=class id=input_id.clone() name=input_id type="text" inputmode="numeric"
                    autocomplete=autocomplete spellcheck="false"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <div class=move || if error.get().is_some() { "g-form-group g-form-group--error" } else { "g-form-group" }>
            <fieldset class="g-fieldset" role="group" aria-describedby=described>
                <legend class="g-fieldset__legend" lang=legend_lang>{move || legend.get()}</legend>
                <p class="g-hint" id=format!("{id}-hint")>
                    {hint.map(|h| view! { {move || h.get()}" " })}
                    {msg("form-date-example")}
                </p>
                <ErrorMessage id=id.clone() error=error/>
                <div class="g-date-input">
                    {part(id.clone(), "form-date-day", day, "g-input--2", None)}
                    {part(format!("{id}-month"), "form-date-month", month, "g-input--2", None)}
                    {part(format!("{id}-year"), "form-date-year", year, "g-input--4", None)}
                </div>
            </fieldset>
        </div>
    }
}

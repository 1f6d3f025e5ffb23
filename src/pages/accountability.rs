//! `/{slug}/accountability`: satisfaction per half-year and how often deadlines were kept, as
//! SVG charts drawn here (no chart library in the download), each in a `figure` with a caption
//! and the same numbers in a table. Values are written on the bars: colour never carries
//! meaning alone.
use crate::client;
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::page_heading::PageHeading;
use crate::i18n::{ids, msg, ui_lang};
use crate::pages::municipality::use_municipality;
use gishe_api::{Accountability, HalfYear, Lang, Period, ReportKind};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

/// A number with the decimal separator of the interface language.
pub fn decimal(v: f64, digits: usize, lang: Lang) -> String {
    let s = format!("{v:.digits$}");
    if lang == Lang::Bg {
        s.replace('.', ",")
    } else {
        s
    }
}

fn percent(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| 100.0 * f64::from(part) / f64::from(whole))
}

fn period_label(p: HalfYear) -> String {
    tr!("accountability-period", {"year" => p.year, "half" => p.half})
}

struct Bar {
    label: String,
    value: Option<f64>,
    shown: String,
}

/// Horizontal bars, one row per period: the label above its bar, the value written after it.
/// Drawn narrow (360 units) so text stays legible on a phone; the figure caps its width.
#[component]
fn BarChart(id: String, bars: Vec<Bar>, max: f64) -> impl IntoView {
    let row = 58.0;
    let height = row * bars.len() as f64 + 4.0;
    let chart_w = 290.0;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = row * i as f64;
            let w = b
                .value
                .map(|v| (v / max).clamp(0.0, 1.0) * chart_w)
                .unwrap_or(0.0);
            view! {
                <g>
                    <text x="0" y=y + 17.0 class="g-chart__label">{b.label}</text>
                    <rect x="0" y=y + 25.0 width=chart_w height="24" class="g-chart__track"></rect>
                    <rect x="0" y=y + 25.0 width=w height="24" class="g-chart__bar"></rect>
                    <text x=w + 6.0 y=y + 43.0 class="g-chart__value">{b.shown}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="g-chart" viewBox=format!("0 0 360 {height}") role="img" aria-labelledby=format!("{id}-caption")
            preserveAspectRatio="xMinYMin meet">
            {rows}
        </svg>
    }
}

#[component]
pub fn AccountabilityPage() -> impl IntoView {
    let route = use_municipality();
    let slug = route.slug;
    let data = LocalResource::new(move || {
        let (slug, lang) = (slug.get(), ui_lang());
        async move { client::accountability(&slug, lang).await }
    });
    let retry = Callback::new(move |_| data.refetch());
    view! {
        <PageHeading title=move_tr!("accountability-title") context=route.name()/>
        <p class="g-lead">{msg("accountability-lead")}</p>
        {move || match data.get() {
            None => view! { <Loading message=move_tr!("accountability-loading")/> }.into_any(),
            Some(Err(e)) => view! { <LoadFailed error=e retry=retry/> }.into_any(),
            Some(Ok(a)) => view! { <Figures data=a/> }.into_any(),
        }}
    }
}

/// One period's line in a table: its label, then the numbers.
struct Row {
    period: String,
    cells: Vec<String>,
}

/// One measure: its heading, the chart with its caption, then the table with the same numbers
/// (and the counts behind them). `id` names the elements: `{id}-chart`, `{id}-table`, and
/// their captions. `columns` head the table's columns after the period's.
#[component]
fn ChartAndTable<C: IntoView + 'static>(
    id: &'static str,
    title: impl IntoView + 'static,
    chart_caption: impl IntoView + 'static,
    table_caption: impl IntoView + 'static,
    bars: Vec<Bar>,
    max: f64,
    rows: Vec<Row>,
    columns: Vec<C>,
) -> impl IntoView {
    let columns = columns
        .into_iter()
        .map(|c| view! { <th scope="col" class="g-table__num">{c}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|r| {
            let cells = r
                .cells
                .into_iter()
                .map(|c| view! { <td class="g-table__num">{c}</td> })
                .collect_view();
            view! { <tr><th scope="row">{r.period}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <h2>{title}</h2>
        <figure class="g-figure">
            <figcaption id=format!("{id}-chart-caption") class="g-figure__caption">{chart_caption}</figcaption>
            <BarChart id=format!("{id}-chart") bars=bars max=max/>
        </figure>
        <div class="g-table-wrap" tabindex="0" role="region" aria-labelledby=format!("{id}-table-caption")>
            <table class="g-table g-table--wide" id=format!("{id}-table")>
                <caption id=format!("{id}-table-caption") class="g-table__caption">{table_caption}</caption>
                <thead><tr>
                    <th scope="col">{msg("accountability-period-column")}</th>
                    {columns}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Figures(data: Accountability) -> impl IntoView {
    let lang = ui_lang();
    if data.periods.is_empty() {
        return view! { <p class="g-notice">{msg("accountability-empty")}</p> }.into_any();
    }
    let periods = data.periods;
    let avg = move |v: Option<f64>| {
        v.map(|v| decimal(v, 2, lang))
            .unwrap_or_else(|| tr!("accountability-no-data"))
    };
    let pct = move |v: Option<f64>| {
        v.map(|v| tr!("accountability-percent", {"value" => decimal(v, 0, lang)}))
            .unwrap_or_else(|| tr!("accountability-no-data"))
    };
    let bars = |value: &dyn Fn(&Period) -> Option<f64>, shown: &dyn Fn(Option<f64>) -> String| {
        periods
            .iter()
            .map(|p| {
                let v = value(p);
                Bar {
                    label: period_label(p.period),
                    value: v,
                    shown: shown(v),
                }
            })
            .collect::<Vec<_>>()
    };
    let rows = |cells: &dyn Fn(&Period) -> Vec<String>| {
        periods
            .iter()
            .map(|p| Row {
                period: period_label(p.period),
                cells: cells(p),
            })
            .collect::<Vec<_>>()
    };
    let on_time = |p: &Period| percent(p.requests_on_time, p.requests_completed);
    let answered_on_time = |p: &Period| percent(p.reports_answered_on_time, p.reports_answered);

    let satisfaction_bars = bars(&|p| p.satisfaction.overall, &avg);
    let on_time_bars = bars(&on_time, &pct);
    let reports_bars = bars(&answered_on_time, &pct);
    let satisfaction_rows = rows(&|p| {
        let s = &p.satisfaction;
        vec![
            avg(s.courtesy),
            avg(s.clarity),
            avg(s.deadlines),
            avg(s.accessibility),
            avg(s.overall),
            s.answers.to_string(),
        ]
    });
    let on_time_rows = rows(&|p| {
        vec![
            p.requests_completed.to_string(),
            p.requests_on_time.to_string(),
            pct(on_time(p)),
        ]
    });
    let report_rows = rows(&|p| {
        let r = &p.reports;
        vec![
            r.complaint.to_string(),
            r.signal.to_string(),
            r.proposal.to_string(),
            r.praise.to_string(),
            p.reports_answered.to_string(),
            pct(answered_on_time(p)),
        ]
    });
    view! {
        {data.demo.then(|| view! { <p class="g-notice g-notice--info">{msg("accountability-demo")}</p> })}

        <ChartAndTable id="satisfaction" title=msg("accountability-satisfaction-title")
            chart_caption=msg("accountability-satisfaction-caption") table_caption=msg("accountability-satisfaction-table")
            bars=satisfaction_bars max=5.0 rows=satisfaction_rows
            columns=vec![msg("feedback-courtesy"), msg("feedback-clarity"), msg("feedback-deadlines"),
                msg("feedback-accessibility"), msg("feedback-overall"), msg("accountability-answers")]/>
        <ChartAndTable id="on-time" title=msg("accountability-on-time-title")
            chart_caption=msg("accountability-on-time-caption") table_caption=msg("accountability-on-time-table")
            bars=on_time_bars max=100.0 rows=on_time_rows
            columns=vec![msg("accountability-completed"), msg("accountability-on-time"), msg("accountability-share")]/>
        <ChartAndTable id="reports" title=msg("accountability-reports-title")
            chart_caption=msg("accountability-reports-caption") table_caption=msg("accountability-reports-table")
            bars=reports_bars max=100.0 rows=report_rows
            columns=ReportKind::ALL.into_iter().map(|k| msg(ids::report_kind(k)))
                .chain([msg("accountability-answered"), msg("accountability-answered-on-time")]).collect()/>
    }
    .into_any()
}

//! The dashboard's tables, each built once as text cells: the page shows them and the CSV
//! button saves exactly those cells.

use crate::components::csv_button::{CsvButton, TextTable};
use domain::halls::BusinessType;
use domain::operations::dashboard::Dashboard;
use domain::operations::figures::{Figures, Row};
use domain::wire::from_wire_name;
use leptos::prelude::*;
use ui::components::queue_labels::counter_text;
use ui::i18n::{business_msg, WEEKDAYS};
use ui::i18n::{Lang, Msg};

pub fn minutes(value: Option<f64>) -> String {
    value.map_or("—".into(), |m| format!("{m:.1}"))
}

pub fn percent(value: Option<f64>) -> String {
    value.map_or("—".into(), |p| format!("{:.1}%", p * 100.0))
}

fn header(lang: Lang, first: Msg, rest: &[Msg]) -> Vec<String> {
    std::iter::once(first)
        .chain(rest.iter().copied())
        .map(|m| m.text(lang).to_string())
        .collect()
}

const FIGURE_COLUMNS: [Msg; 10] = [
    Msg::OpsTickets,
    Msg::OpsServed,
    Msg::OpsMeanWait,
    Msg::OpsP90Wait,
    Msg::OpsMeanService,
    Msg::OpsP90Service,
    Msg::OpsWithinTmax,
    Msg::OpsNoShow,
    Msg::OpsCancel,
    Msg::OpsStars,
];

fn figure_cells(label: String, f: &Figures) -> Vec<String> {
    vec![
        label,
        f.tickets.to_string(),
        f.served.to_string(),
        minutes(f.mean_wait),
        minutes(f.p90_wait),
        minutes(f.mean_service),
        minutes(f.p90_service),
        percent(f.within_tmax),
        percent(f.no_show_rate()),
        percent(f.cancel_rate()),
        f.mean_stars.map_or("—".into(), |s| format!("{s:.2}")),
    ]
}

/// What a breakdown's keys are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Breakdown {
    Business,
    Counter,
    Staff,
    Hall,
}

impl Breakdown {
    pub fn title(self) -> Msg {
        match self {
            Breakdown::Business => Msg::OpsByBusiness,
            Breakdown::Counter => Msg::OpsByCounter,
            Breakdown::Staff => Msg::OpsByStaff,
            Breakdown::Hall => Msg::OpsByHall,
        }
    }

    fn label(self, row: &Row, lang: Lang, hall_name: &dyn Fn(&str) -> String) -> String {
        match self {
            Breakdown::Business => from_wire_name::<BusinessType>(&row.key)
                .map_or(row.key.clone(), |b| business_msg(b).text(lang).into()),
            Breakdown::Counter => row
                .key
                .parse()
                .map_or(row.key.clone(), |n| counter_text(n, lang)),
            Breakdown::Staff => row.name.clone().unwrap_or_else(|| row.key.clone()),
            Breakdown::Hall => hall_name(&row.key),
        }
    }
}

pub fn totals_table(d: &Dashboard, lang: Lang) -> TextTable {
    TextTable {
        header: header(lang, Msg::OpsRange, &FIGURE_COLUMNS),
        rows: vec![figure_cells(format!("{} – {}", d.from, d.to), &d.totals)],
    }
}

pub fn breakdown_table(
    kind: Breakdown,
    rows: &[Row],
    lang: Lang,
    hall_name: &dyn Fn(&str) -> String,
) -> TextTable {
    TextTable {
        header: header(lang, kind.title(), &FIGURE_COLUMNS),
        rows: rows
            .iter()
            .map(|r| figure_cells(kind.label(r, lang, hall_name), &r.figures))
            .collect(),
    }
}

pub fn per_day_table(d: &Dashboard, lang: Lang) -> TextTable {
    TextTable {
        header: header(lang, Msg::OpsDay, &[Msg::OpsTickets, Msg::OpsServed]),
        rows: d
            .per_day
            .iter()
            .map(|day| {
                vec![
                    day.day.clone(),
                    day.tickets.to_string(),
                    day.served.to_string(),
                ]
            })
            .collect(),
    }
}

/// Mean arrivals per weekday (rows) and hour (columns), over the hours anyone came.
pub fn heatmap_table(d: &Dashboard, lang: Lang) -> TextTable {
    let hours = busy_hours(d);
    let mut head = vec![Msg::OpsWeekday.text(lang).to_string()];
    head.extend(hours.iter().map(|h| format!("{h}:00")));
    TextTable {
        header: head,
        rows: d
            .heatmap
            .mean_arrivals
            .iter()
            .zip(WEEKDAYS)
            .map(|(row, day)| {
                std::iter::once(day.text(lang).to_string())
                    .chain(hours.iter().map(|&h| format!("{:.1}", row[h])))
                    .collect()
            })
            .collect(),
    }
}

pub fn forecast_table(d: &Dashboard, lang: Lang) -> TextTable {
    let hours = busy_hours(d);
    let mut head = vec![Msg::OpsDay.text(lang).to_string()];
    head.extend(hours.iter().map(|h| format!("{h}:00")));
    head.push(Msg::OpsDayTotal.text(lang).to_string());
    TextTable {
        header: head,
        rows: d
            .forecast
            .iter()
            .map(|day| {
                let total: f64 = day.hours.iter().sum();
                std::iter::once(day.day.clone())
                    .chain(hours.iter().map(|&h| format!("{:.0}", day.hours[h])))
                    .chain(std::iter::once(format!("{total:.0}")))
                    .collect()
            })
            .collect(),
    }
}

/// The hours of the day with any arrival in the heatmap or the forecast.
fn busy_hours(d: &Dashboard) -> Vec<usize> {
    (0..24)
        .filter(|&h| {
            d.heatmap.mean_arrivals.iter().any(|row| row[h] > 0.0)
                || d.forecast.iter().any(|day| day.hours[h] > 0.0)
        })
        .collect()
}

pub fn staffing_table(d: &Dashboard, lang: Lang) -> TextTable {
    TextTable {
        header: header(
            lang,
            Msg::OpsHour,
            &[
                Msg::OpsBusiness,
                Msg::OpsArrivals,
                Msg::OpsMeanService,
                Msg::OpsRecommendedC,
                Msg::OpsRecommendedA,
                Msg::OpsActual,
                Msg::OpsStaffed,
            ],
        ),
        rows: d
            .staffing
            .iter()
            .map(|r| {
                vec![
                    format!("{}:00", r.hour),
                    r.business
                        .map_or(Msg::OpsAllTypes, business_msg)
                        .text(lang)
                        .to_string(),
                    format!("{:.1}", r.arrivals),
                    format!("{:.1}", r.service_minutes),
                    r.erlang_c.to_string(),
                    r.erlang_a.to_string(),
                    format!("{:.1}", r.actual),
                    r.staffed.map_or_else(|| "—".into(), |s| format!("{s:.1}")),
                ]
            })
            .collect(),
    }
}

/// How good the live wait figures were: the overall row first, then by type and hour.
pub fn accuracy_table(d: &Dashboard, lang: Lang) -> TextTable {
    TextTable {
        header: header(
            lang,
            Msg::OpsHour,
            &[
                Msg::OpsBusiness,
                Msg::OpsTickets,
                Msg::OpsMae,
                Msg::OpsInsideRange,
                Msg::OpsBaselineMae,
            ],
        ),
        rows: d
            .accuracy
            .iter()
            .map(|r| {
                vec![
                    r.hour.map_or(Msg::OpsAllHours.text(lang).to_string(), |h| {
                        format!("{h}:00")
                    }),
                    r.business
                        .map_or(Msg::OpsAllTypes, business_msg)
                        .text(lang)
                        .to_string(),
                    r.tickets.to_string(),
                    minutes(Some(r.mae_minutes)),
                    percent(Some(r.inside_share)),
                    minutes(Some(r.baseline_mae_minutes)),
                ]
            })
            .collect(),
    }
}

/// A table with its caption and CSV button; the first column heads each row.
#[component]
pub fn DataTable(
    table: TextTable,
    caption: String,
    filename: String,
    testid: &'static str,
    /// Shade each number by its size: the heatmap.
    #[prop(optional)]
    heat: bool,
) -> impl IntoView {
    let top = table
        .rows
        .iter()
        .flat_map(|r| r.iter().skip(1))
        .filter_map(|c| c.parse::<f64>().ok())
        .fold(0.0, f64::max)
        .max(1.0);
    // At most a mid blue, so the ink stays readable on the darkest cell (WCAG AA).
    let shade = move |cell: &str| {
        let value = cell.parse::<f64>().ok().filter(|_| heat)?;
        Some(format!(
            "background: rgba(11, 92, 171, {:.2})",
            value / top * 0.45
        ))
    };
    let head = table
        .header
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let body = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = row.iter();
            let first = cells.next().cloned().unwrap_or_default();
            view! {
                <tr><th scope="row">{first}</th>{cells.map(|c| view! { <td style=shade(c)>{c.clone()}</td> }).collect_view()}</tr>
            }
        })
        .collect_view();
    view! {
        <section class="ops-table" data-testid=testid>
            <div class="ops-table-head">
                <h3>{caption.clone()}</h3>
                <CsvButton table=table.clone() filename testid="export-csv"/>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
                <table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
            </div>
        </section>
    }
}

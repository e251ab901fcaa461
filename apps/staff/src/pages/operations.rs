//! `/staff/operations` (运营看板): a hall manager's figures for their hall, the admin's for any hall
//! or the whole city, over chosen dates: volume, waits and service times, outcomes,
//! satisfaction, the arrival heatmap, next week's forecast, the staffing recommendation beside
//! the counters actually open, the video desk and deadline compliance. Every table exports CSV.

use crate::components::kpi_tiles::KpiTiles;
use crate::components::ops_tables::{
    accuracy_table, breakdown_table, forecast_table, heatmap_table, minutes, per_day_table,
    staffing_table, totals_table, Breakdown, DataTable,
};
use crate::components::staffing_chart::StaffingChart;
use domain::operations::dashboard::Dashboard;
use domain::Role;
use leptos::prelude::*;
use std::collections::HashMap;
use ui::api;
use ui::api::operations::DashboardFilter;
use ui::components::bar_chart::{Bar, BarChart, Series};
use ui::components::feedback::Loaded;
use ui::components::form::FormError;
use ui::components::hall_select::HallSelect;
use ui::components::repair_times::RepairTimes;
use ui::i18n::{pick, t, Lang, Msg};
use ui::state::use_app;

/// The operations section (`/staff/operations`) of a hall manager or an admin.
#[component]
pub fn Operations() -> impl IntoView {
    let app = use_app();
    let is_admin = move || app.session.get().is_some_and(|u| u.role == Role::Admin);
    let filter = RwSignal::new(DashboardFilter::default());
    let (hall, from, to, tmax) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new("15".to_string()),
    );
    let dashboard = LocalResource::new(move || api::operations::dashboard(filter.get()));
    let halls = LocalResource::new(api::halls);
    // Show the range the server chose until the user picks their own.
    Effect::new(move |_| {
        if let Some(Ok(d)) = dashboard.get() {
            for (field, value) in [(from, d.from), (to, d.to)] {
                if field.get_untracked().is_empty() {
                    field.set(value);
                }
            }
        }
    });
    let show = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        filter.set(DashboardFilter {
            hall: hall.get(),
            from: from.get(),
            to: to.get(),
            tmax: tmax.get(),
        });
    };
    // The filter has no field errors of its own: a refused filter shows in the figures' place.
    let error: FormError = RwSignal::new(None);
    view! {
        <form class="ops-filter" on:submit=show data-testid="ops-filter">
            <Show when=is_admin>
                <HallSelect id="ops-hall" value=hall error any=Msg::OpsCity/>
            </Show>
            <div class="field"><label for="ops-from">{t(Msg::OpsFrom)}</label>
                <input id="ops-from" type="date" data-testid="ops-from" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))/></div>
            <div class="field"><label for="ops-to">{t(Msg::OpsTo)}</label>
                <input id="ops-to" type="date" data-testid="ops-to" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))/></div>
            <div class="field"><label for="ops-tmax">{t(Msg::OpsTmax)}</label>
                <input id="ops-tmax" type="number" min="1" max="120" data-testid="ops-tmax" prop:value=move || tmax.get()
                    on:change=move |ev| tmax.set(event_target_value(&ev))/></div>
            <button type="submit" class="button primary" data-testid="ops-show">{t(Msg::OpsShow)}</button>
        </form>
        <Loaded resource=dashboard content=move |d| {
            let names: HashMap<String, (String, String)> = halls.get().and_then(Result::ok).unwrap_or_default()
                .into_iter().map(|h| (h.id, (h.name, h.name_en))).collect();
            view! { <DashboardView d names/> }
        }/>
    }
}

#[component]
fn DashboardView(d: Dashboard, names: HashMap<String, (String, String)>) -> impl IntoView {
    let app = use_app();
    move || {
        let lang = app.lang.get();
        let hall_name = |id: &str| {
            names
                .get(id)
                .map_or(id.to_string(), |(zh, en)| pick(lang, zh, en).to_string())
        };
        let scope = d
            .hall_id
            .as_deref()
            .map_or(Msg::OpsCity.text(lang).to_string(), hall_name);
        let file = |what: &str| {
            format!(
                "{what}-{}-{}-{}.csv",
                d.hall_id.as_deref().unwrap_or("city"),
                d.from,
                d.to
            )
        };
        let table = |kind: Breakdown,
                     rows: &[domain::operations::figures::Row],
                     testid: &'static str,
                     name: &str| {
            let caption = kind.title().text(lang).to_string();
            view! { <DataTable table=breakdown_table(kind, rows, lang, &hall_name) caption filename=file(name) testid/> }
        };
        view! {
            <p class="meta" data-testid="ops-scope">{scope}" · "{d.from.clone()}" – "{d.to.clone()}" · Tmax "{d.tmax_minutes}" "{Msg::Minutes.text(lang)}</p>
            <nav class="ops-jump" aria-label=Msg::OpsJump.text(lang)>
                <a href="#ops-queue">{Msg::OpsQueue.text(lang)}</a>
                <a href="#ops-video-desk">{Msg::OpsVideo.text(lang)}</a>
                <a href="#ops-deadlines">{Msg::OpsDeadlines.text(lang)}</a>
            </nav>
            <section aria-labelledby="ops-queue" class="ops-part">
                <h2 id="ops-queue" tabindex="-1">{Msg::OpsQueue.text(lang)}</h2>
                <KpiTiles d=d.clone() lang/>
                <Charts d=d.clone() lang/>
                {if d.staffing.is_empty() {
                    view! { <section><h3>{Msg::OpsStaffing.text(lang)}</h3><p class="empty">{Msg::OpsOneHallOnly.text(lang)}</p></section> }.into_any()
                } else {
                    view! {
                        <StaffingChart rows=d.staffing.clone() lang/>
                        <details class="ops-details">
                            <summary>{Msg::OpsShowTable.text(lang)}</summary>
                            <DataTable table=staffing_table(&d, lang) caption=Msg::OpsStaffing.text(lang).to_string() filename=file("staffing") testid="ops-staffing"/>
                            <p class="field-note">{Msg::OpsStaffingNote.text(lang)}</p>
                        </details>
                    }.into_any()
                }}
                <DataTable table=totals_table(&d, lang) caption=Msg::OpsTotals.text(lang).to_string() filename=file("totals") testid="ops-totals"/>
                {table(Breakdown::Business, &d.by_business, "ops-by-business", "business")}
                {(d.hall_id.is_none()).then(|| table(Breakdown::Hall, &d.by_hall, "ops-by-hall", "halls"))}
                {(!d.by_counter.is_empty()).then(|| table(Breakdown::Counter, &d.by_counter, "ops-by-counter", "counters"))}
                {table(Breakdown::Staff, &d.by_staff, "ops-by-staff", "staff")}
                <DataTable table=per_day_table(&d, lang) caption=Msg::OpsPerDay.text(lang).to_string() filename=file("days") testid="ops-per-day"/>
                <DataTable table=heatmap_table(&d, lang) caption=Msg::OpsHeatmap.text(lang).to_string() filename=file("heatmap") testid="ops-heatmap" heat=true/>
                <DataTable table=forecast_table(&d, lang) caption=Msg::OpsForecast.text(lang).to_string() filename=file("forecast") testid="ops-forecast"/>
                {if d.accuracy.is_empty() {
                    view! { <section><h3>{Msg::OpsAccuracy.text(lang)}</h3><p class="empty" data-testid="ops-accuracy-empty">{Msg::OpsAccuracyNone.text(lang)}</p></section> }.into_any()
                } else {
                    view! { <DataTable table=accuracy_table(&d, lang) caption=Msg::OpsAccuracy.text(lang).to_string() filename=file("accuracy") testid="ops-accuracy"/> }.into_any()
                }}
            </section>
            <Desk d=d.clone() lang/>
        }
    }
}

#[component]
fn Charts(d: Dashboard, lang: Lang) -> impl IntoView {
    let hours: Vec<Bar> = d
        .per_hour
        .iter()
        .filter(|h| h.tickets > 0)
        .map(|h| Bar {
            label: format!("{}:00", h.hour),
            top: 0,
            bottom: h.per_day.round() as u32,
            beside: None,
        })
        .collect();
    let days: Vec<Bar> = d
        .per_day
        .iter()
        .map(|day| Bar {
            label: day.day.get(5..).unwrap_or(&day.day).to_string(),
            top: day.tickets - day.served,
            bottom: day.served,
            beside: None,
        })
        .collect();
    let per_hour = Series {
        top: Msg::OpsNotServed,
        bottom: Msg::OpsTickets,
        unit: "",
        beside: None,
    };
    let per_day = Series {
        top: Msg::OpsNotServed,
        bottom: Msg::OpsServed,
        unit: "",
        beside: None,
    };
    view! {
        <div class="ops-charts">
            <BarChart bars=hours series=per_hour caption=Msg::OpsPerHour.text(lang) testid="ops-chart-hours"/>
            <BarChart bars=days series=per_day caption=Msg::OpsPerDay.text(lang) testid="ops-chart-days"/>
        </div>
    }
}

/// The video desk and deadline compliance.
#[component]
fn Desk(d: Dashboard, lang: Lang) -> impl IntoView {
    let (v, c) = (&d.video, &d.compliance);
    let rate = |r: domain::projects::report::Rate| {
        r.percent().map_or("—".into(), |p| {
            format!("{p}% ({}/{})", r.on_time, r.counted)
        })
    };
    let rows = [
        (Msg::OpsCalls, v.calls.to_string()),
        (Msg::OpsMeanMinutes, minutes(v.mean_minutes)),
        (
            Msg::OpsStars,
            v.mean_stars.map_or("—".into(), |s| format!("{s:.2}")),
        ),
        (Msg::OpsCallbacks, v.callbacks.to_string()),
        (Msg::OpsCallbacksOpen, v.callbacks_open.to_string()),
    ];
    view! {
        <section aria-labelledby="ops-video-desk" class="ops-part">
            <h2 id="ops-video-desk" tabindex="-1">{Msg::OpsVideo.text(lang)}</h2>
            <dl class="card ops-card" data-testid="ops-video">{rows.into_iter().map(|(k, v)| view! { <dt>{k.text(lang)}</dt><dd>{v}</dd> }).collect_view()}</dl>
        </section>
        <section aria-labelledby="ops-deadlines" class="ops-part">
            <h2 id="ops-deadlines" tabindex="-1">{Msg::OpsDeadlines.text(lang)}</h2>
            <dl class="card ops-card" data-testid="ops-compliance">
                <dt>{Msg::OpsWorkOrders.text(lang)}</dt><dd>{rate(c.work_orders)}</dd>
                <dt>{Msg::OpsProjects.text(lang)}</dt><dd>{rate(c.projects)}</dd>
            </dl>
            <RepairTimes rows=c.repairs.clone() lang/>
        </section>
    }
}

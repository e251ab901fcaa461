//! Usage charts for an account: 24 months of peak and valley kWh, and the days of a chosen
//! month (picked from a list, so it works without a mouse).

use leptos::prelude::*;
use ui::api;
use ui::components::bar_chart::{Bar, BarChart, Series};
use ui::components::feedback::Loaded;
use ui::i18n::{t, Msg};
use ui::state::use_app;

#[component]
pub fn UsageCharts(number: String) -> impl IntoView {
    let app = use_app();
    let period = RwSignal::new(String::new());
    let usage = LocalResource::new(move || {
        let (number, period) = (number.clone(), period.get());
        async move { api::services::usage(&number, &period).await }
    });
    view! {
        <section class="card">
            <h2>{t(Msg::UsageTitle)}</h2>
            <Loaded resource=usage content=move |u| {
                let months: Vec<Bar> = u.months.iter().map(|m| Bar {
                    label: m.period[2..].to_string(),
                    top: m.peak_kwh,
                    bottom: m.valley_kwh,
                    beside: Some(m.feed_in_kwh),
                }).collect();
                let days: Vec<Bar> = u.days.iter().map(|d| Bar {
                    label: format!("{:02}", chrono::Datelike::day(&d.day)),
                    top: d.peak_kwh,
                    bottom: d.valley_kwh,
                    beside: None,
                }).collect();
                let total: u32 = u.days.iter().map(|d| d.peak_kwh + d.valley_kwh).sum();
                // A rooftop on the account: its feed-in stands beside each month's use.
                let fed: u32 = u.months.iter().rev().take(12).map(|m| m.feed_in_kwh).sum();
                let monthly = if u.months.iter().any(|m| m.feed_in_kwh > 0) { Series::KWH_FEED_IN } else { Series::KWH };
                let lang = app.lang.get();
                let shown = u.period.clone();
                view! {
                    <BarChart bars=months series=monthly caption=Msg::UsageMonthly.text(lang) testid="usage-months"/>
                    {(fed > 0).then(|| view! { <p data-testid="feed-in-total">{Msg::FeedInTotal.text(lang).replace("{}", &fed.to_string())}</p> })}
                    <label>{t(Msg::UsageMonth)}" "
                        <select data-testid="usage-month" on:change=move |ev| period.set(event_target_value(&ev))>
                            {u.months.iter().rev().map(|m| {
                                let p = m.period.clone();
                                view! { <option value=p.clone() selected=p == shown>{p.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <p data-testid="usage-days-total">{u.period.clone()}" · "{total}" kWh"</p>
                    <BarChart bars=days series=Series::KWH caption=Msg::UsageDaily.text(lang) testid="usage-days"/>
                }
            }/>
        </section>
    }
}

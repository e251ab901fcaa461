//! The dashboard's headline figures as tiles (`domain::operations::kpis`): each one's value
//! and its change against the period of the same length before, marked better or worse.

use crate::components::ops_tables::{minutes, percent};
use domain::operations::dashboard::Dashboard;
use domain::operations::figures::Figures;
use domain::operations::kpis::{Change, Kpi, Trend, Unit};
use leptos::prelude::*;
use ui::i18n::{Lang, Msg};

fn label(kpi: Kpi) -> Msg {
    match kpi {
        Kpi::Tickets => Msg::OpsTickets,
        Kpi::MeanWait => Msg::OpsMeanWait,
        Kpi::P90Wait => Msg::OpsP90Wait,
        Kpi::MeanService => Msg::OpsMeanService,
        Kpi::WithinTmax => Msg::OpsWithinTmax,
        Kpi::NoShow => Msg::OpsNoShow,
        Kpi::Cancel => Msg::OpsCancel,
        Kpi::Stars => Msg::OpsStars,
    }
}

fn testid(kpi: Kpi) -> &'static str {
    match kpi {
        Kpi::Tickets => "kpi-tickets",
        Kpi::MeanWait => "kpi-wait",
        Kpi::P90Wait => "kpi-p90-wait",
        Kpi::MeanService => "kpi-service",
        Kpi::WithinTmax => "kpi-tmax",
        Kpi::NoShow => "kpi-no-show",
        Kpi::Cancel => "kpi-cancel",
        Kpi::Stars => "kpi-stars",
    }
}

fn value(kpi: Kpi, f: &Figures) -> String {
    let v = kpi.of(f);
    match kpi.unit() {
        Unit::Count => f.tickets.to_string(),
        Unit::Minutes => minutes(v),
        Unit::Share => percent(v),
        Unit::Stars => v.map_or("—".into(), |s| format!("{s:.2}")),
    }
}

/// "▲ +20.0%", "▼ −1.5 min", "+5.0 pts", or "no change".
fn change_text(kpi: Kpi, change: Change, lang: Lang) -> String {
    if change.by == 0.0 {
        return Msg::OpsNoChange.text(lang).to_string();
    }
    let arrow = if change.by > 0.0 { "▲" } else { "▼" };
    let sign = if change.by > 0.0 { "+" } else { "−" };
    let by = change.by.abs();
    let amount = match kpi.unit() {
        Unit::Count => format!("{by:.1}%"),
        Unit::Minutes => format!("{by:.1} {}", Msg::Minutes.text(lang)),
        Unit::Share => format!("{by:.1} {}", Msg::OpsPoints.text(lang)),
        Unit::Stars => format!("{by:.2}"),
    };
    format!("{arrow} {sign}{amount}")
}

fn trend_class(trend: Trend) -> &'static str {
    match trend {
        Trend::Better => "kpi-change better",
        Trend::Worse => "kpi-change worse",
        Trend::Neutral => "kpi-change",
    }
}

#[component]
pub fn KpiTiles(d: Dashboard, lang: Lang) -> impl IntoView {
    let compared = format!(
        "{}{} – {}",
        Msg::OpsComparedWith.text(lang),
        d.previous_from,
        d.previous_to
    );
    let tiles = Kpi::ALL.into_iter().map(|kpi| {
        let change = kpi.change(&d.totals, &d.previous);
        view! {
            <div class="kpi">
                <dt>{label(kpi).text(lang)}</dt>
                <dd data-testid=testid(kpi)>{value(kpi, &d.totals)}</dd>
                {change.map(|c| view! {
                    <dd class=trend_class(c.trend) data-testid="kpi-change">{change_text(kpi, c, lang)}</dd>
                })}
            </div>
        }
    });
    view! {
        <p class="meta" data-testid="kpi-compared">{compared}</p>
        <dl class="kpis">{tiles.collect_view()}</dl>
    }
}

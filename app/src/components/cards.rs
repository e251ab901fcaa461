//! Hall and notice cards, and the open/closed badge.

use crate::i18n::{pick, t, Msg};
use crate::state::use_app;
use domain::halls::HallSummary;
use domain::hours::{format_local, OpenStatus};
use domain::notices::Notice;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StatusBadge(status: OpenStatus) -> impl IntoView {
    let open = status.is_open();
    let next = match &status {
        OpenStatus::Closed {
            next_open: Some(at),
        } => Some(at.format("%m-%d %H:%M").to_string()),
        _ => None,
    };
    view! {
        <span class=if open { "badge open" } else { "badge closed" } data-testid="open-badge">
            {if open { t(Msg::OpenNow)() } else { t(Msg::ClosedNow)() }}
        </span>
        {next.map(|n| view! { <span class="next-open">{t(Msg::Opens)}" "{n}</span> })}
    }
}

/// "08:30–17:30", or "closed today".
fn today_label(hall: &HallSummary) -> impl Fn() -> String + Send + Sync + 'static {
    let today = hall.today;
    let lang = use_app().lang;
    move || match today {
        Some(h) => format!("{} {}", Msg::TodayHours.text(lang.get()), h.label()),
        None => Msg::ClosedToday.text(lang.get()).to_string(),
    }
}

#[component]
pub fn HallCard(hall: HallSummary) -> impl IntoView {
    let lang = use_app().lang;
    let href = format!("/halls/{}", hall.id);
    let today = today_label(&hall);
    let (name, name_en) = (hall.name.clone(), hall.name_en.clone());
    let (address, address_en) = (hall.address.clone(), hall.address_en.clone());
    view! {
        <li class="card hall-card" data-testid="hall-card">
            <A href=href attr:class="card-link">
                <h3>{move || pick(lang.get(), &name, &name_en).to_string()}</h3>
            </A>
            <p class="hall-status"><StatusBadge status=hall.status.clone()/></p>
            <p class="hall-hours">{today}</p>
            <p class="hall-address">{move || pick(lang.get(), &address, &address_en).to_string()}</p>
        </li>
    }
}

#[component]
pub fn NoticeCard(notice: Notice) -> impl IntoView {
    let starts = format_local(notice.starts_at);
    let hall = notice.hall_name.clone();
    view! {
        <li class="card notice-card" data-testid="notice">
            <h3>{notice.title.clone()}</h3>
            <p class="notice-meta">
                <span class="tag">{move || hall.clone().unwrap_or_else(|| t(Msg::CityWide)().to_string())}</span>
                " "<time>{starts}</time>
            </p>
            <p class="notice-body">{notice.body.clone()}</p>
        </li>
    }
}

//! Hall and notice cards, and the open/closed badge.

use crate::i18n::{pick, t, Msg};
use crate::nav::Link;
use crate::state::use_app;
use domain::halls::HallSummary;
use domain::hours::calendar::{DayRule, SpecialDay};
use domain::hours::{format_local, OpenStatus};
use domain::notices::Notice;
use leptos::prelude::*;

#[component]
pub fn StatusBadge(status: OpenStatus) -> impl IntoView {
    let open = status.is_open();
    let next = match &status {
        OpenStatus::Closed {
            next_open: Some(at),
        } => Some(domain::clock_text::local_month_day_clock(at.to_utc())),
        _ => None,
    };
    view! {
        <span class=if open { "badge open" } else { "badge closed" } data-testid="open-badge">
            {if open { t(Msg::OpenNow)() } else { t(Msg::ClosedNow)() }}
        </span>
        {next.map(|n| view! { <span class="next-open">{t(Msg::Opens)}" "{n}</span> })}
    }
}

/// Why today is not an ordinary day: "国庆节 放假，今日不营业", "国庆节 调休上班…", or the
/// manager's note ("周六延时服务"); nothing on an ordinary day.
#[component]
pub fn DayNote(rule: DayRule) -> impl IntoView {
    let text = move || match &rule {
        DayRule::Weekly => None,
        DayRule::PublicHoliday { festival } => Some(format!("{festival} {}", t(Msg::HolidayOff)())),
        DayRule::MakeUpWorkday { festival } => Some(format!("{festival} {}", t(Msg::MakeUpDay)())),
        DayRule::Special { note } => Some(note.clone()),
    };
    move || text().map(|text| view! { <p class="day-note" data-testid="day-note">{text}</p> })
}

/// The days ahead the manager set apart: date, hours or closed, and why.
#[component]
pub fn SpecialDays(days: Vec<SpecialDay>) -> impl IntoView {
    if days.is_empty() {
        return ().into_any();
    }
    let rows = days
        .into_iter()
        .map(|d| {
            let hours = d.hours.map(|h| h.label());
            view! {
                <li data-testid="special-day">
                    <strong>{d.date.format("%m-%d").to_string()}</strong>" "
                    {move || hours.clone().unwrap_or_else(|| t(Msg::Closed)().to_string())}" · "{d.note.clone()}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="special-days-heading">
            <h2 id="special-days-heading">{t(Msg::SpecialDays)}</h2>
            <ul class="special-days">{rows}</ul>
        </section>
    }
    .into_any()
}

/// "08:30–17:30", or "closed today".
pub fn today_label(hall: &HallSummary) -> impl Fn() -> String + Send + Sync + 'static {
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
            <Link href=href class="card-link">
                <h3>{move || pick(lang.get(), &name, &name_en).to_string()}</h3>
            </Link>
            <p class="hall-status"><StatusBadge status=hall.status.clone()/></p>
            <DayNote rule=hall.today_rule.clone()/>
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

/// A list of notices, or a line saying there are none.
#[component]
pub fn NoticeList(notices: Vec<domain::notices::Notice>) -> impl IntoView {
    if notices.is_empty() {
        return view! { <p class="empty">{t(Msg::NoNotices)}</p> }.into_any();
    }
    view! {
        <ul class="card-list" data-testid="notice-list">
            {notices.into_iter().map(|notice| view! { <NoticeCard notice/> }).collect_view()}
        </ul>
    }
    .into_any()
}

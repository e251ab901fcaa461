//! The hall TV board: the number being called, large, with its counter; the last calls; and
//! per business the people waiting and the wait range, live from the hall's feed.

use crate::api;
use crate::components::queue_labels::counter_text;
use crate::components::take_number::LiveWaits;
use crate::i18n::{pick, t, Msg, WEEKDAYS};
use crate::live::use_queue_feed;
use crate::state::{now, use_app};
use chrono::Datelike;
use domain::hours::to_local;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Calls listed under the one being called.
const LAST_CALLS: usize = 6;

#[component]
pub fn DisplayPage() -> impl IntoView {
    let params = use_params_map();
    let hall = params.read_untracked().get("hall").unwrap_or_default();
    let feed = use_queue_feed(hall);
    let lang = use_app().lang;
    let calls = move || {
        feed.snapshot
            .get()
            .map(|s| s.recent_calls)
            .unwrap_or_default()
    };
    let current = move || calls().into_iter().next();
    let earlier = move || {
        calls()
            .into_iter()
            .skip(1)
            .take(LAST_CALLS)
            .map(|c| view! {
                <li data-testid="last-call"><strong>{c.number.to_string()}</strong>" → "{counter_text(c.counter, lang.get())}</li>
            })
            .collect_view()
    };
    view! {
        <div class="display">
            {hall_device_page(Msg::DisplayTitle)}
            <section class="now-calling" aria-live="polite" data-testid="now-calling">
                <h2>{t(Msg::NowCalling)}</h2>
                {move || match current() {
                    Some(c) => view! {
                        <p class="now-number" data-testid="now-number">{c.number.to_string()}</p>
                        <p class="now-counter" data-testid="now-counter">{t(Msg::PleaseGoTo)}" "{counter_text(c.counter, lang.get())}</p>
                    }.into_any(),
                    None => view! { <p class="empty">{t(Msg::NoCallsYet)}</p> }.into_any(),
                }}
            </section>
            <div class="display-lower">
                <section aria-labelledby="last-calls">
                    <h2 id="last-calls">{t(Msg::LastCalls)}</h2>
                    <ol class="last-calls">{earlier}</ol>
                </section>
                <section><LiveWaits feed/></section>
            </div>
        </div>
    }
}

/// The heading shared by the hall's public devices (display and kiosk): hall name, title, clock.
pub fn hall_device_page(title: Msg) -> impl IntoView {
    let lang = use_app().lang;
    let params = use_params_map();
    let hall = LocalResource::new(move || {
        let id = params.read().get("hall").unwrap_or_default();
        async move { api::hall(&id).await }
    });
    let clock = RwSignal::new(now());
    let tick =
        set_interval_with_handle(move || clock.set(now()), std::time::Duration::from_secs(10));
    let time = move || to_local(clock.get()).format("%H:%M").to_string();
    let date = move || {
        let local = to_local(clock.get());
        let weekday = WEEKDAYS[local.weekday().num_days_from_monday() as usize];
        format!("{} {}", local.format("%Y-%m-%d"), weekday.text(lang.get()))
    };
    on_cleanup(move || {
        if let Ok(handle) = tick {
            handle.clear();
        }
    });
    let name = move || match hall.get() {
        Some(Ok(h)) => pick(lang.get(), &h.summary.name, &h.summary.name_en).to_string(),
        Some(Err(_)) => t(Msg::ErrNotFound)().to_string(),
        None => String::new(),
    };
    view! {
        <section class="device-head">
            <h1>{name}</h1>
            <p class="device-title">{t(title)}</p>
            <p class="device-clock">{time}</p>
            <p class="device-date" data-testid="device-date">{date}</p>
        </section>
    }
}

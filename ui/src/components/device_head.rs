//! The heading of the hall's devices (the TV and the kiosk): hall name, what the device is,
//! date and clock; the kiosk adds a language switch, the TV its connection badge.

use crate::api;
use crate::every::every;
use crate::i18n::{pick, t, Lang, Msg, WEEKDAYS};
use crate::state::{now, use_app};
use chrono::Datelike;
use domain::hours::to_local;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DeviceHead(
    title: Msg,
    #[prop(optional)] lang_switch: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let lang = use_app().lang;
    let params = use_params_map();
    let hall = LocalResource::new(move || {
        let id = params.read().get("hall").unwrap_or_default();
        async move { api::hall(&id).await }
    });
    let clock = RwSignal::new(now());
    every(10, move || clock.set(now()));
    let time = move || domain::clock_text::local_clock(clock.get());
    let date = move || {
        let local = to_local(clock.get());
        let weekday = WEEKDAYS[local.weekday().num_days_from_monday() as usize];
        format!(
            "{} {}",
            domain::clock_text::date(local.date_naive()),
            weekday.text(lang.get())
        )
    };
    let name = move || match hall.get() {
        Some(Ok(h)) => pick(lang.get(), &h.summary.name, &h.summary.name_en).to_string(),
        Some(Err(_)) => t(Msg::ErrNotFound)().to_string(),
        None => String::new(),
    };
    let toggle = move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh });
    view! {
        <section class="device-head">
            <div class="device-name">
                <h1>{name}</h1>
                <p class="device-title">{t(title)}</p>
            </div>
            <div class="device-time">
                <p class="device-clock">{time}</p>
                <p class="device-date" data-testid="device-date">{date}</p>
            </div>
            {lang_switch.then(|| view! {
                <button class="pref device-lang" on:click=toggle data-testid="lang-switch">{t(Msg::LangSwitch)}</button>
            })}
            {children.map(|c| c())}
        </section>
    }
}

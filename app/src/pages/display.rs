//! The hall TV board. The now-calling board arrives with the queue and display issues; until then
//! this page shows the hall and the clock.

use crate::api;
use crate::i18n::{pick, t, Msg};
use crate::state::{now, use_app};
use domain::hours::to_local;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DisplayPage() -> impl IntoView {
    hall_device_page(Msg::DisplayTitle)
}

/// The heading shared by the hall's public devices (display and kiosk): hall name, title, clock.
pub fn hall_device_page(title: Msg) -> impl IntoView {
    let lang = use_app().lang;
    let params = use_params_map();
    let hall = LocalResource::new(move || {
        let id = params.read().get("hall").unwrap_or_default();
        async move { api::hall(&id).await }
    });
    let clock = RwSignal::new(to_local(now()).format("%H:%M").to_string());
    let tick = set_interval_with_handle(
        move || clock.set(to_local(now()).format("%H:%M").to_string()),
        std::time::Duration::from_secs(10),
    );
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
            <p class="device-clock">{move || clock.get()}</p>
        </section>
    }
}

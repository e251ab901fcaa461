//! The kiosk's start screen: tap a business to take a number (phone optional, so a key account
//! is recognised; green channel for the elderly and disabled), or go on to bills and payment,
//! a booking's check-in, rating, the green channel's confirmation and video help.

use super::ticket::remember;
use super::{Kiosk, Purpose, Screen};
use domain::halls::BusinessType;
use domain::queue::requests::CheckInRequest;
use domain::queue::Channel;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::qr::{absolute_url, QrLink};
use ui::components::queue_labels::wait_text;
use ui::components::take_number::numbers_gone;
use ui::i18n::{business_msg, t, Msg};
use ui::state::use_app;

#[component]
pub fn StartScreen(kiosk: Kiosk) -> impl IntoView {
    let (hall, token, feed) = (kiosk.hall.get_value(), kiosk.token, kiosk.feed);
    let app = use_app();
    let phone = RwSignal::new(String::new());
    let green = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let open = hall.summary.status.is_open();
    let hall_id = hall.summary.id.clone();
    let take = move |business: BusinessType| {
        let request = CheckInRequest {
            business,
            channel: Channel::Kiosk,
            phone: Some(phone.get_untracked()).filter(|p| !p.trim().is_empty()),
            green_channel: green.get_untracked(),
            idempotency_key: Some(api::idempotency_key("kiosk")),
            code: None,
        };
        let hall_id = hall_id.clone();
        busy.set(true);
        spawn_local(async move {
            match api::queue::kiosk_check_in(&hall_id, &request, &token.get_value()).await {
                Ok(ticket) => {
                    remember(&hall_id, &ticket);
                    kiosk.go(Screen::Ticket(ticket));
                }
                Err(e) => app.error(&e),
            }
            busy.set(false);
        });
    };
    let waits = move |business: BusinessType| {
        let snapshot = feed.snapshot.get()?;
        let row = snapshot
            .by_type
            .into_iter()
            .find(|w| w.business == business)?;
        if row.numbers_left == Some(0) {
            return Some(app.text(Msg::NumbersGone).to_string());
        }
        let wait = row
            .wait
            .map(|r| wait_text(r, app.lang.get()))
            .unwrap_or_default();
        Some(format!(
            "{} {} · {wait}",
            row.waiting,
            app.text(Msg::People)
        ))
    };
    let buttons = ui::components::business_select::served_types(&hall)
        .into_iter()
        .map(|business| {
            let take = take.clone();
            view! {
                <button type="button" class="kiosk-business" data-testid="kiosk-business"
                    disabled=move || busy.get() || !open || numbers_gone(feed, business) on:click=move |_| take(business)>
                    <span class="kiosk-business-name">{t(business_msg(business))}</span>
                    <span class="kiosk-business-wait">{move || waits(business)}</span>
                </button>
            }
        })
        .collect_view();
    let hall_link = absolute_url(&format!("/halls/{}#take-number", hall.summary.id));
    let video_help = format!("/video?hall={}&kiosk=1", hall.summary.id);
    view! {
        <div class="kiosk-start">
            <section class="kiosk-main">
                <h2>{t(Msg::KioskChoose)}</h2>
                {(!open).then(|| view! { <p class="notice-inline">{t(Msg::HallClosedNow)}</p> })}
                <div class="kiosk-businesses">{buttons}</div>
                <div class="field">
                    <label for="kiosk-phone">{t(Msg::KioskPhone)}</label>
                    <input id="kiosk-phone" type="tel" inputmode="numeric" maxlength="11" autocomplete="off" bind:value=phone/>
                </div>
                <label class="check">
                    <input type="checkbox" on:change=move |ev| green.set(event_target_checked(&ev))/>
                    {t(Msg::GreenChannel)}
                </label>
            </section>
            <aside class="kiosk-side">
                <button type="button" class="button primary wide kiosk-big" data-testid="kiosk-bills" on:click=move |_| kiosk.start(Purpose::Bills)>{t(Msg::KioskBills)}</button>
                <button type="button" class="button primary wide kiosk-big" data-testid="kiosk-apply-start" on:click=move |_| kiosk.start(Purpose::Apply)>{t(Msg::KioskApply)}</button>
                <button type="button" class="button secondary wide" data-testid="kiosk-outages" on:click=move |_| kiosk.go(Screen::Outages)>{t(Msg::KioskOutagesTitle)}</button>
                <button type="button" class="button secondary wide" data-testid="kiosk-halls" on:click=move |_| kiosk.go(Screen::Halls)>{t(Msg::KioskHallsTitle)}</button>
                <QrLink link=hall_link caption=Msg::KioskScanHall testid="hall-qr"/>
                <button type="button" class="button primary wide" on:click=move |_| kiosk.go(Screen::Arrive)>{t(Msg::KioskArrive)}</button>
                <button type="button" class="button secondary wide" on:click=move |_| kiosk.go(Screen::Rate)>{t(Msg::KioskRate)}</button>
                <button type="button" class="button secondary wide" data-testid="kiosk-confirm-green" on:click=move |_| kiosk.go(Screen::Confirm)>{t(Msg::KioskConfirmGreen)}</button>
                <a class="button secondary wide" data-testid="kiosk-video-help" href=video_help rel="external">{t(Msg::VideoHelp)}</a>
            </aside>
        </div>
    }
}

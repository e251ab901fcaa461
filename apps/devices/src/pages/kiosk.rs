//! The self-service kiosk in the hall: tap a business to take a number (phone optional, so a
//! key account is recognised; green channel for the elderly and disabled), get the number with
//! a QR code to follow it on a phone, print it, check in for an appointment by its code, and
//! rate a finished service. No login: the kiosk keeps the links of the numbers it issued
//! today, which is what rating them needs.

use crate::components::device_head::DeviceHead;
use crate::components::pairing::pairing_token;
use confirm::ConfirmScreen;

mod confirm;
use domain::halls::{BusinessType, HallDetail};
use domain::hours::format_local_ms;
use domain::queue::protocol::TicketView;
use domain::queue::requests::{CheckInRequest, WatchRequest};
use domain::queue::{Channel, TicketState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::qr::{absolute_url, QrLink};
use ui::components::queue_labels::{wait_text, TicketFigures};
use ui::components::rating::{RatingForm, TicketRef};
use ui::components::take_number::numbers_gone;
use ui::every::every;
use ui::i18n::{business_msg, t, Lang, Msg};
use ui::live::{use_queue_feed, QueueFeed};
use ui::state::{now, store, stored, use_app};

/// Untouched this long, the kiosk goes back to a clean start screen.
const IDLE_MS: f64 = 60_000.0;

#[derive(Debug, Clone, PartialEq)]
enum Screen {
    Start,
    Receipt(TicketView),
    Arrive,
    Rate,
    /// A remote ticket's green channel confirmed by its phone (`confirm`).
    Confirm,
}

#[component]
pub fn KioskPage() -> impl IntoView {
    let params = use_params_map();
    let hall = LocalResource::new(move || {
        let id = params.read().get("hall").unwrap_or_default();
        async move { api::hall(&id).await }
    });
    view! {
        <div class="kiosk">
            <DeviceHead title=Msg::KioskTitle lang_switch=true/>
            <Loaded resource=hall content=|hall| view! { <Kiosk hall/> }/>
        </div>
    }
}

#[component]
fn Kiosk(hall: HallDetail) -> impl IntoView {
    let screen = RwSignal::new(Screen::Start);
    // Only a kiosk paired with the hall issues numbers (its token proves it to the server).
    let token = pairing_token("kiosk", &hall.summary.id);
    let feed = use_queue_feed(hall.summary.id.clone());
    let hall_id = hall.summary.id.clone();
    let last_touch = reset_when_idle(screen);
    let touched = move || last_touch.set_value(Some(js_sys::Date::now()));
    view! {
        <div on:pointerdown=move |_| touched() on:keydown=move |_| touched() on:input=move |_| touched()>
            {move || match screen.get() {
                Screen::Start => {
                    view! { <StartScreen hall=hall.clone() token=token.clone() feed screen/> }.into_any()
                }
                Screen::Confirm => view! {
                    <ConfirmScreen hall=hall_id.clone() token=token.clone().unwrap_or_default() screen/>
                }
                .into_any(),
                Screen::Receipt(ticket) => {
                    view! { <Receipt hall=hall_id.clone() ticket screen/> }.into_any()
                }
                Screen::Arrive => view! { <ArriveScreen hall=hall_id.clone() screen/> }.into_any(),
                Screen::Rate => view! { <RateScreen hall=hall_id.clone() screen/> }.into_any(),
            }}
        </div>
    }
}

/// The time of the last touch since the kiosk was last clean. A minute after it, the start
/// screen is drawn anew: no number, phone or rating is left for the next person.
fn reset_when_idle(screen: RwSignal<Screen>) -> StoredValue<Option<f64>> {
    let last_touch = StoredValue::new(None);
    let lang = use_app().lang;
    let check = move || {
        let idle = last_touch
            .get_value()
            .is_some_and(|at: f64| js_sys::Date::now() - at >= IDLE_MS);
        if idle {
            last_touch.set_value(None);
            screen.set(Screen::Start);
            lang.set(Lang::Zh);
        }
    };
    every(5, check);
    last_touch
}

/// Where the kiosk keeps today's numbers and their links, for rating: "A012 id key" lines.
fn issued_key(hall: &str) -> String {
    format!(
        "gridhall.kiosk.{hall}.{}",
        domain::clock_text::local_date(now())
    )
}

fn remember(hall: &str, ticket: &TicketView) {
    let Some(key) = &ticket.key else { return };
    let mut lines = stored(&issued_key(hall)).unwrap_or_default();
    lines.push_str(&format!("{} {} {key}\n", ticket.number, ticket.id));
    store(&issued_key(hall), &lines);
}

fn issued_here(hall: &str, number: &str) -> Option<TicketRef> {
    let lines = stored(&issued_key(hall))?;
    lines.lines().rev().find_map(|line| {
        let mut parts = line.split(' ');
        let found = parts.next()?.eq_ignore_ascii_case(number.trim());
        let id = parts.next()?.parse().ok()?;
        let key = parts.next()?.to_string();
        found.then(|| TicketRef {
            hall: hall.to_string(),
            id,
            key: Some(key),
        })
    })
}

#[component]
fn StartScreen(
    hall: HallDetail,
    token: Option<String>,
    feed: QueueFeed,
    screen: RwSignal<Screen>,
) -> impl IntoView {
    let paired = token.is_some();
    let token = StoredValue::new(token.unwrap_or_default());
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
                    screen.set(Screen::Receipt(ticket));
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
                    disabled=move || busy.get() || !open || !paired || numbers_gone(feed, business) on:click=move |_| take(business)>
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
                {(!paired).then(|| view! { <p class="notice-inline" data-testid="kiosk-unpaired">{t(Msg::KioskUnpaired)}</p> })}
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
                <QrLink link=hall_link caption=Msg::KioskScanHall testid="hall-qr"/>
                <button type="button" class="button primary wide" on:click=move |_| screen.set(Screen::Arrive)>{t(Msg::KioskArrive)}</button>
                <button type="button" class="button secondary wide" on:click=move |_| screen.set(Screen::Rate)>{t(Msg::KioskRate)}</button>
                <Show when=move || paired>
                    <button type="button" class="button secondary wide" data-testid="kiosk-confirm-green" on:click=move |_| screen.set(Screen::Confirm)>{t(Msg::KioskConfirmGreen)}</button>
                </Show>
                <a class="button secondary wide" data-testid="kiosk-video-help" href=video_help rel="external">{t(Msg::VideoHelp)}</a>
            </aside>
        </div>
    }
}

#[component]
fn Receipt(hall: String, ticket: TicketView, screen: RwSignal<Screen>) -> impl IntoView {
    let key = ticket.key.clone().unwrap_or_default();
    let link = absolute_url(&format!("/halls/{hall}/tickets/{}?key={key}", ticket.id));
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="card ticket kiosk-receipt" data-testid="kiosk-receipt">
            <p class="meta">{t(Msg::YourNumber)}" · "{t(business_msg(ticket.business))}</p>
            <p class="ticket-number" data-testid="ticket-number">{ticket.number.to_string()}</p>
            <p class="meta" data-testid="issued-at">{format_local_ms(ticket.issued_at)}</p>
            <TicketFigures ticket=ticket.clone()/>
            {ticket.has_phone.then(|| view! { <SmsReminder hall=hall.clone() ticket=ticket.clone()/> })}
            <QrLink link caption=Msg::KioskScanTicket testid="ticket-qr"/>
            <div class="row no-print">
                <button type="button" class="button secondary" on:click=print>{t(Msg::KioskPrint)}</button>
                <button type="button" class="button primary" on:click=move |_| screen.set(Screen::Start)>{t(Msg::KioskDone)}</button>
            </div>
        </section>
    }
}

/// With the phone given at the kiosk: one tap for an SMS when that many are ahead and when
/// the number is called, so the customer may sit down or step out.
#[component]
fn SmsReminder(hall: String, ticket: TicketView) -> impl IntoView {
    let app = use_app();
    let (id, key) = (ticket.id, ticket.key.clone());
    let save = Action::new_local(move |n: &u32| {
        let (hall, request) = (
            hall.clone(),
            WatchRequest {
                ahead_at: Some(*n),
                on_call: true,
                phone: None,
                key: key.clone(),
            },
        );
        async move { api::queue::watch(&hall, id, &request).await }
    });
    let done = move || matches!(save.value().get(), Some(Ok(_)));
    Effect::new(move |_| {
        if let Some(Err(e)) = save.value().get() {
            app.error(&e);
        }
    });
    view! {
        <div class="no-print kiosk-sms" data-testid="kiosk-sms">
            <p>{t(Msg::KioskSmsLead)}</p>
            <Show when=move || !done() fallback=|| view! { <p class="notice-inline" role="status">{t(Msg::NotifyIsSet)}</p> }>
                <div class="row">
                    {[1u32, 3, 5].into_iter().map(|n| view! {
                        <button type="button" class="button secondary" disabled=move || save.pending().get()
                            on:click=move |_| { save.dispatch(n); }>
                            {move || app.text(Msg::KioskSmsAt).replace("{}", &n.to_string())}
                        </button>
                    }).collect_view()}
                </div>
            </Show>
        </div>
    }
}

#[component]
fn ArriveScreen(hall: String, screen: RwSignal<Screen>) -> impl IntoView {
    let app = use_app();
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let hall = hall.clone();
        busy.set(true);
        spawn_local(async move {
            match api::appointments::arrive_by_code(&hall, &code.get_untracked()).await {
                Ok(ticket) => {
                    remember(&hall, &ticket);
                    screen.set(Screen::Receipt(ticket));
                }
                Err(e) => app.error(&e),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="narrow">
            <h2>{t(Msg::KioskArrive)}</h2>
            <form class="form card row" on:submit=submit data-testid="kiosk-arrive">
                <div class="field">
                    <label for="kiosk-code">{t(Msg::KioskArriveCode)}</label>
                    <input id="kiosk-code" inputmode="numeric" autocomplete="off" maxlength="7" bind:value=code/>
                </div>
                <button type="submit" class="button primary" disabled=move || busy.get()>{t(Msg::KioskArriveButton)}</button>
            </form>
            <button type="button" class="button secondary wide" on:click=move |_| screen.set(Screen::Start)>{t(Msg::KioskBack)}</button>
        </section>
    }
}

#[component]
fn RateScreen(hall: String, screen: RwSignal<Screen>) -> impl IntoView {
    let app = use_app();
    let number = RwSignal::new(String::new());
    let found: RwSignal<Option<TicketRef>> = RwSignal::new(None);
    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(at) = issued_here(&hall, &number.get_untracked()) else {
            app.toast(ui::state::ToastKind::Error, app.text(Msg::KioskNotHere));
            return;
        };
        spawn_local(async move {
            match api::queue::ticket(&at.hall, at.id, &at.key).await {
                Ok(t) if t.state == TicketState::Served && t.rating.is_none() => {
                    found.set(Some(at))
                }
                Ok(_) => app.toast(ui::state::ToastKind::Error, app.text(Msg::KioskNotServed)),
                Err(e) => app.error(&e),
            }
        });
    };
    let done = Callback::new(move |_| screen.set(Screen::Start));
    view! {
        <section class="narrow kiosk-rate">
            <h2>{t(Msg::KioskRate)}</h2>
            {move || match found.get() {
                Some(at) => view! { <RatingForm target=at on_rated=done/> }.into_any(),
                None => view! {
                    <form class="form card row" on:submit=find.clone() data-testid="kiosk-find">
                        <div class="field">
                            <label for="kiosk-number">{t(Msg::KioskRateNumber)}</label>
                            <input id="kiosk-number" autocomplete="off" autocapitalize="characters" bind:value=number/>
                        </div>
                        <button type="submit" class="button primary">{t(Msg::KioskFind)}</button>
                    </form>
                }.into_any(),
            }}
            <button type="button" class="button secondary wide" on:click=move |_| screen.set(Screen::Start)>{t(Msg::KioskBack)}</button>
        </section>
    }
}

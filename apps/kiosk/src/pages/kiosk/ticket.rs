//! A number at the kiosk: the printed ticket with its QR code and SMS reminder, checking in a
//! booking by its code, and rating a finished service. No login: the kiosk keeps the links of
//! the numbers it issued today, which is what rating them needs.

use super::{Kiosk, Screen};
use domain::hours::format_local_ms;
use domain::queue::protocol::TicketView;
use domain::queue::requests::WatchRequest;
use domain::queue::TicketState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::qr::{absolute_url, QrLink};
use ui::components::queue_labels::TicketFigures;
use ui::components::rating::{RatingForm, TicketRef};
use ui::components::receipt::print_page;
use ui::i18n::{business_msg, t, Msg};
use ui::state::{now, store, stored, use_app};

/// Where the kiosk keeps today's numbers and their links, for rating: "A012 id key" lines.
fn issued_key(hall: &str) -> String {
    format!(
        "gridhall.kiosk.{hall}.{}",
        domain::clock_text::local_date(now())
    )
}

pub fn remember(hall: &str, ticket: &TicketView) {
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
pub fn TicketScreen(kiosk: Kiosk, ticket: TicketView) -> impl IntoView {
    let hall = kiosk.hall_id();
    let key = ticket.key.clone().unwrap_or_default();
    let link = absolute_url(&format!("/halls/{hall}/tickets/{}?key={key}", ticket.id));
    view! {
        <section class="card ticket kiosk-receipt" data-testid="kiosk-receipt">
            <p class="meta">{t(Msg::YourNumber)}" · "{t(business_msg(ticket.business))}</p>
            <p class="ticket-number" data-testid="ticket-number">{ticket.number.to_string()}</p>
            <p class="meta" data-testid="issued-at">{format_local_ms(ticket.issued_at)}</p>
            <TicketFigures ticket=ticket.clone()/>
            {ticket.has_phone.then(|| view! { <SmsReminder hall=hall.clone() ticket=ticket.clone()/> })}
            <QrLink link caption=Msg::KioskScanTicket testid="ticket-qr"/>
            <div class="row no-print">
                <button type="button" class="button secondary" on:click=|_| print_page()>{t(Msg::KioskPrint)}</button>
                <button type="button" class="button primary" on:click=move |_| kiosk.finish()>{t(Msg::KioskDone)}</button>
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
pub fn ArriveScreen(kiosk: Kiosk) -> impl IntoView {
    let hall = kiosk.hall_id();
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
                    kiosk.go(Screen::Ticket(ticket));
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
            <button type="button" class="button secondary wide" on:click=move |_| kiosk.go(Screen::Start)>{t(Msg::KioskBack)}</button>
        </section>
    }
}

#[component]
pub fn RateScreen(kiosk: Kiosk) -> impl IntoView {
    let hall = kiosk.hall_id();
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
    let done = Callback::new(move |_| kiosk.finish());
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
            <button type="button" class="button secondary wide" on:click=move |_| kiosk.go(Screen::Start)>{t(Msg::KioskBack)}</button>
        </section>
    }
}

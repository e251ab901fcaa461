//! The customer's live ticket: number, people ahead and a wait range, a reminder when N are
//! ahead and when called (by SMS and in the inbox, so the page need not stay open; and on the
//! page while it is), a full-screen notice when called, cancel, and a rating once served.

use super::reminder::{Reminder, ReminderForm};
use domain::queue::protocol::TicketView;
use domain::queue::TicketState;
use domain::{ApiError, ErrorCode};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};
use ui::alerts;
use ui::api;
use ui::components::broadcast::BroadcastBanner;
use ui::components::feedback::Loaded;
use ui::components::queue_labels::{counter_text, state_msg, FeedState, TicketFigures};
use ui::components::rating::{RatingForm, TicketRef};
use ui::i18n::{business_msg, t, Msg};
use ui::live::use_queue_feed;
use ui::state::{forget, store, stored, use_app, ToastKind};

pub fn reminder_key(r: &TicketRef) -> String {
    format!("gridhall.remind.{}.{}", r.hall, r.id)
}

#[component]
pub fn TicketPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let at = TicketRef {
        hall: params.read_untracked().get("hall").unwrap_or_default(),
        id: params
            .read_untracked()
            .get("id")
            .and_then(|i| i.parse().ok())
            .unwrap_or(0),
        key: query.read_untracked().get("key"),
    };
    let feed = use_queue_feed(at.hall.clone());
    // Kept across the card's redraws: which call (by its time) was alerted and which dismissed,
    // so a recall alerts again but a queue update does not.
    let seen = CallSeen {
        alerted: StoredValue::new(None),
        dismissed: RwSignal::new(None),
    };
    // Made once for the page, as is its form below: the card is drawn anew with every queue
    // change.
    let reminder = ReminderForm::new(&at);
    let fetch_ref = at.clone();
    let ticket = LocalResource::new(move || {
        // Every change to the hall's queue may move this ticket: read it again.
        feed.snapshot.track();
        let r = fetch_ref.clone();
        async move { last_known(&r, api::queue::ticket(&r.hall, r.id, &r.key).await) }
    });
    // The forms are drawn once, while the ticket is in the state they serve, not with the
    // card: a form drawn anew at every queue change would lose the field someone is typing in.
    let shown = Memo::new(move |_| {
        ticket
            .get()
            .and_then(Result::ok)
            .map(|k| (k.view.state, k.view.rating.is_some(), k.view.has_phone))
    });
    Effect::new(move |_| {
        if let Some(Ok(known)) = ticket.get() {
            reminder.adopt(known.view.watch);
        }
    });
    let has_phone = Signal::derive(move || shown.get().is_some_and(|(_, _, phone)| phone));
    let (card_at, cancel_at, rating_at) = (at.clone(), at.clone(), at);
    view! {
        <section class="narrow">
            <h1>{t(Msg::TicketTitle)}</h1>
            <FeedState feed/>
            <BroadcastBanner feed/>
            <Loaded resource=ticket content=move |known: Known| {
                let at = card_at.clone();
                view! {
                    {known.offline.then(|| view! { <p class="badge offline-badge" role="status" data-testid="offline-badge">{t(Msg::OfflineLastKnown)}</p> })}
                    <TicketCard ticket=known.view at seen/>
                }
            }/>
            <Show when=move || matches!(shown.get(), Some((TicketState::Waiting, _, _)))>
                <Reminder form=reminder has_phone/>
                <CancelButton at=cancel_at.clone()/>
            </Show>
            <Show when=move || matches!(shown.get(), Some((TicketState::Served, false, _)))>
                <RatingForm target=rating_at.clone()/>
            </Show>
        </section>
    }
}

/// The ticket as the page shows it: fresh from the server, or, when the server cannot be
/// reached, the copy this device kept at the last good answer.
#[derive(Clone)]
struct Known {
    view: TicketView,
    offline: bool,
}

fn last_known(at: &TicketRef, fresh: Result<TicketView, ApiError>) -> Result<Known, ApiError> {
    let key = format!("gridhall.ticket.{}.{}", at.hall, at.id);
    match fresh {
        Ok(view) => {
            if let Ok(json) = serde_json::to_string(&view) {
                store(&key, &json);
            }
            Ok(Known {
                view,
                offline: false,
            })
        }
        Err(e) if e.code == ErrorCode::Unreachable => stored(&key)
            .and_then(|json| serde_json::from_str(&json).ok())
            .map(|view| Known {
                view,
                offline: true,
            })
            .ok_or(e),
        Err(e) => Err(e),
    }
}

#[derive(Clone, Copy)]
struct CallSeen {
    alerted: StoredValue<Option<i64>>,
    dismissed: RwSignal<Option<i64>>,
}

#[component]
fn TicketCard(ticket: TicketView, at: TicketRef, seen: CallSeen) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let called = matches!(ticket.state, TicketState::Called);
    let counter = ticket.counter;
    let number = ticket.number.to_string();
    remind_if_close(&at, ticket.ahead);
    let call_time = ticket.last_called_at.filter(|_| called);
    if let (Some(c), Some(time)) = (counter, call_time) {
        if seen.alerted.get_value() != Some(time) {
            seen.alerted.set_value(Some(time));
            let text = format!(
                "{} {}",
                Msg::PleaseGoTo.text(lang.get_untracked()),
                counter_text(c, lang.get_untracked())
            );
            alerts::alert(&number, &text);
        }
    }
    view! {
        <div class="card ticket" data-testid="ticket">
            <p class="meta">{t(Msg::YourNumber)}" · "{t(business_msg(ticket.business))}</p>
            <p class="ticket-number" data-testid="ticket-number">{number.clone()}</p>
            <p class="ticket-state" data-testid="ticket-state">{t(state_msg(ticket.state))}</p>
            <TicketFigures ticket=ticket.clone()/>
            {counter.filter(|_| matches!(ticket.state, TicketState::Called | TicketState::Serving)).map(|c| view! {
                <p class="ticket-counter">{t(Msg::PleaseGoTo)}" "<strong>{move || counter_text(c, lang.get())}</strong></p>
            })}
            <p class="meta">{t(Msg::ShareLink)}</p>
        </div>
        {(called && counter.is_some()).then(|| {
            let c = counter.unwrap_or_default();
            view! {
                <Show when=move || seen.dismissed.get() != call_time>
                    <div class="called-overlay" role="alertdialog" aria-live="assertive" data-testid="called-overlay">
                        <p class="called-number">{number.clone()}</p>
                        <p class="called-counter">{t(Msg::PleaseGoTo)}" "<strong data-testid="called-counter">{move || counter_text(c, lang.get())}</strong></p>
                        <button class="button primary wide" on:click=move |_| seen.dismissed.set(call_time)>{t(Msg::Dismiss)}</button>
                    </div>
                </Show>
            }
        })}
    }
}

/// Alerts once when the people ahead drop to the number the customer chose.
fn remind_if_close(at: &TicketRef, ahead: Option<u32>) {
    let key = reminder_key(at);
    let Some(wanted) = stored(&key).and_then(|v| v.parse::<u32>().ok()) else {
        return;
    };
    if ahead.is_some_and(|n| n <= wanted) {
        let app = use_app();
        let text = app.text(Msg::AlmostYourTurn);
        app.toast(ToastKind::Success, text);
        alerts::alert(app.text(Msg::AppName), text);
        forget(&key);
    }
}

#[component]
fn CancelButton(at: TicketRef) -> impl IntoView {
    let app = use_app();
    let cancel = move |_| {
        let confirmed = app.confirm(Msg::ConfirmCancel);
        if !confirmed {
            return;
        }
        let at = at.clone();
        spawn_local(async move {
            match api::queue::cancel(&at.hall, at.id, at.key.clone()).await {
                Ok(_) => app.success(Msg::TicketCancelled),
                Err(e) => app.error(&e),
            }
        });
    };
    view! { <button class="button danger wide" on:click=cancel data-testid="cancel-ticket">{t(Msg::CancelTicket)}</button> }
}

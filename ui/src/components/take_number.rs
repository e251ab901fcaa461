//! The hall page's live queue and "take a number": waiting and expected wait per business,
//! updated live, and a form that checks in and opens the ticket page.

use crate::api;
use crate::components::business_select::{served_types, BusinessSelect};
use crate::components::form::{form_error, FormError};
use crate::components::queue_labels::{wait_text, FeedState};
use crate::i18n::{business_msg, t, Msg};
use crate::live::QueueFeed;
use crate::nav::use_go;
use crate::state::use_app;
use domain::halls::{BusinessType, HallDetail};
use domain::queue::requests::CheckInRequest;
use domain::queue::Channel;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn LiveWaits(feed: QueueFeed) -> impl IntoView {
    let app = use_app();
    // Rows are redrawn with every queue update: plain text read here (see `i18n::tr`).
    let rows = move || {
        let lang = app.lang.get();
        feed.snapshot.get().map(|s| {
            s.by_type
                .into_iter()
                .map(|w| {
                    let wait = match (w.numbers_left, w.wait) {
                        (Some(0), _) => Msg::NumbersGone.text(lang).into(),
                        (_, Some(r)) => wait_text(r, lang),
                        (_, None) => Msg::NoCounterOpenShort.text(lang).into(),
                    };
                    view! {
                        <tr data-testid="live-wait">
                            <th scope="row">{business_msg(w.business).text(lang)}</th>
                            <td>{w.waiting}" "{Msg::People.text(lang)}</td>
                            <td>{wait}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <table class="hours live-waits">
            <thead><tr><th>{t(Msg::ChooseBusiness)}</th><th>{t(Msg::Waiting)}</th><th>{t(Msg::WaitRange)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <FeedState feed/>
    }
}

/// Whether today's numbers of `business` are all given out, by the live queue.
pub fn numbers_gone(feed: QueueFeed, business: BusinessType) -> bool {
    feed.snapshot.with(|s| {
        s.as_ref().is_some_and(|s| {
            s.by_type
                .iter()
                .any(|w| w.business == business && w.numbers_left == Some(0))
        })
    })
}

#[component]
pub fn TakeNumber(hall: HallDetail, feed: QueueFeed) -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let types = served_types(&hall);
    let business = RwSignal::new(types.first().copied().unwrap_or(BusinessType::Payment));
    let green = RwSignal::new(false);
    let phone = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let signed_in = move || app.session.with(Option::is_some);
    let busy = RwSignal::new(false);
    // A refusal shows beside the button, in the customer's language.
    let error: FormError = RwSignal::new(None);
    let refusal = form_error(error, &[]);
    let open = hall.summary.status.is_open();
    let gone = move || numbers_gone(feed, business.get());
    let hall_id = hall.summary.id.clone();
    // One key per visit to the form: a double tap or a retry gets the same ticket.
    let idempotency_key = api::idempotency_key("web");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = CheckInRequest {
            business: business.get_untracked(),
            channel: Channel::Remote,
            phone: Some(phone.get_untracked()).filter(|p| !p.trim().is_empty()),
            green_channel: green.get_untracked(),
            idempotency_key: Some(idempotency_key.clone()),
            code: Some(code.get_untracked()).filter(|c| !c.trim().is_empty()),
        };
        let (hall_id, go) = (hall_id.clone(), go.clone());
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::queue::check_in(&hall_id, &request).await {
                Ok(ticket) => {
                    let key = ticket.key.map(|k| format!("?key={k}")).unwrap_or_default();
                    go(&format!("/halls/{hall_id}/tickets/{}{key}", ticket.id));
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="form card" id="take-number" on:submit=submit data-testid="take-number">
            <h3>{t(Msg::TakeNumber)}</h3>
            <div class="field">
                <label for="take-business">{t(Msg::ChooseBusiness)}</label>
                <BusinessSelect id="take-business" types=types.clone() value=business/>
            </div>
            <Show when=move || !signed_in()>
                <PhoneCode phone code/>
            </Show>
            <label class="check">
                <input type="checkbox" on:change=move |ev| green.set(event_target_checked(&ev))/>
                {t(Msg::GreenChannel)}
            </label>
            <Show when=move || green.get()>
                <p class="hint" data-testid="green-hint">{t(Msg::GreenChannelConfirmHint)}</p>
            </Show>
            {(!open).then(|| view! { <p class="notice-inline">{t(Msg::HallClosedNow)}</p> })}
            <Show when=gone>
                <p class="notice-inline" data-testid="numbers-gone">{t(Msg::NumbersGoneHint)}</p>
            </Show>
            <p class="form-error" role="alert">{move || refusal.get()}</p>
            <button type="submit" class="button primary wide" disabled=move || busy.get() || !open || gone()>{t(Msg::TakeNumberButton)}</button>
        </form>
    }
}

/// Without an account: the mobile number and the code texted to it, which the check-in sends.
#[component]
fn PhoneCode(phone: RwSignal<String>, code: RwSignal<String>) -> impl IntoView {
    let app = use_app();
    let sending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let send = move |_| {
        sending.set(true);
        spawn_local(async move {
            match api::queue::send_code(&phone.get_untracked()).await {
                Ok(_) => sent.set(true),
                Err(e) => app.error(&e),
            }
            sending.set(false);
        });
    };
    view! {
        <p class="hint">{t(Msg::PhoneCodeHint)}</p>
        <div class="field">
            <label for="take-phone">{t(Msg::MobileNumber)}</label>
            <div class="row">
                <input id="take-phone" type="tel" inputmode="numeric" maxlength="11" autocomplete="tel" bind:value=phone/>
                <button type="button" class="button secondary" disabled=move || sending.get() on:click=send data-testid="send-code">{t(Msg::SendCode)}</button>
            </div>
        </div>
        <Show when=move || sent.get()>
            <p class="hint" role="status">{t(Msg::CodeSent)}</p>
        </Show>
        <div class="field">
            <label for="take-code">{t(Msg::PhoneCode)}</label>
            <input id="take-code" type="text" inputmode="numeric" maxlength="6" autocomplete="one-time-code" bind:value=code/>
        </div>
    }
}

//! The hall's counters for its manager: who is signed in where, what each serves, and a form
//! per counter that moves it to other business types for the rest of the day (dynamic
//! counters); the clerk's screen shows the change at once. A manager may also close a counter
//! a clerk forgot to sign out of.

use super::counter_setup::TypeChoice;
use domain::halls::BusinessType;
use domain::queue::protocol::CounterView;
use domain::queue::requests::CounterAction;
use domain::queue::CounterStatus;
use leptos::prelude::*;
use ui::api;
use ui::components::form::{form_error, save_action, submit, FormError};
use ui::components::queue_labels::counter_text;
use ui::i18n::{business_msg, t, tr, Msg};
use ui::live::use_queue_feed;
use ui::state::use_app;

/// "本窗口办理: 缴费、发票" — the types the counter calls now.
#[component]
pub fn CounterServes(serves: Vec<BusinessType>) -> impl IntoView {
    let names = serves
        .iter()
        .map(|&b| tr(business_msg(b)).to_string())
        .collect::<Vec<_>>()
        .join("、");
    view! { <p class="meta" data-testid="counter-serves">{tr(Msg::CounterServes)}": "{names}</p> }
}

#[component]
pub fn HallCounters(hall: String) -> impl IntoView {
    let app = use_app();
    let feed = use_queue_feed(hall.clone());
    let hall = StoredValue::new(hall);
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, &[]);
    let act = save_action(
        error,
        move |(counter, action): (u32, CounterAction)| async move {
            api::queue::act(&hall.get_value(), counter, &action).await
        },
        Callback::new(move |_| app.success(Msg::CounterSaved)),
    );
    // Redrawn when a counter changes, not with every ticket.
    let counters = Memo::new(move |_| feed.snapshot.get().map(|s| s.counters));
    view! {
        <section class="card" aria-labelledby="hall-counters-heading" data-testid="hall-counters">
            <h2 id="hall-counters-heading">{t(Msg::HallCounters)}</h2>
            <p class="form-error" role="alert">{move || general.get()}</p>
            {move || {
                app.lang.track();
                counters.get().map(|list| list.into_iter().map(|c| view! { <CounterRow counter=c act/> }).collect_view())
            }}
        </section>
    }
}

#[component]
fn CounterRow(counter: CounterView, act: Action<(u32, CounterAction), ()>) -> impl IntoView {
    let number = counter.number;
    let status = match (&counter.status, &counter.clerk) {
        (CounterStatus::Closed, _) => tr(Msg::CounterClosed).to_string(),
        (CounterStatus::Paused { reason }, clerk) => format!(
            "{} · {reason} · {}",
            tr(Msg::CounterPaused),
            clerk.as_ref().map_or("", |c| c.name.as_str())
        ),
        (CounterStatus::Open, clerk) => format!(
            "{} · {}",
            tr(Msg::CounterOpen),
            clerk.as_ref().map_or("", |c| c.name.as_str())
        ),
    };
    let staffed = counter.status != CounterStatus::Closed;
    let chosen = RwSignal::new(counter.serves.clone());
    let busy = move || act.pending().get();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let serves = chosen.get_untracked();
        submit(act, (number, CounterAction::SetServes { serves }));
    };
    let lang = use_app().lang.get_untracked();
    view! {
        <form class="form counter-row" on:submit=on_submit data-testid=format!("hall-counter-{number}")>
            <TypeChoice chosen>{counter_text(number, lang)}" · "{status}</TypeChoice>
            <div class="row">
                <button type="submit" class="button secondary" disabled=busy>{tr(Msg::SaveServes)}</button>
                <Show when=move || staffed>
                    <button type="button" class="button danger" disabled=busy on:click=move |_| submit(act, (number, CounterAction::Close))>{tr(Msg::CloseCounter)}</button>
                </Show>
            </div>
        </form>
    }
}

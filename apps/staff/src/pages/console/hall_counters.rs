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
use leptos::task::spawn_local;
use ui::api;
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
    let act = move |counter: u32, action: CounterAction| {
        spawn_local(async move {
            match api::queue::act(&hall.get_value(), counter, &action).await {
                Ok(_) => app.success(Msg::CounterSaved),
                Err(e) => app.error(&e),
            }
        });
    };
    // Redrawn when a counter changes, not with every ticket.
    let counters = Memo::new(move |_| feed.snapshot.get().map(|s| s.counters));
    view! {
        <section class="card" aria-labelledby="hall-counters-heading" data-testid="hall-counters">
            <h2 id="hall-counters-heading">{t(Msg::HallCounters)}</h2>
            {move || {
                app.lang.track();
                counters.get().map(|list| list.into_iter().map(|c| view! { <CounterRow counter=c act/> }).collect_view())
            }}
        </section>
    }
}

#[component]
fn CounterRow(
    counter: CounterView,
    act: impl Fn(u32, CounterAction) + Copy + Send + Sync + 'static,
) -> impl IntoView {
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
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let serves = chosen.get_untracked();
        act(number, CounterAction::SetServes { serves });
    };
    let lang = use_app().lang.get_untracked();
    view! {
        <form class="form counter-row" on:submit=submit data-testid=format!("hall-counter-{number}")>
            <TypeChoice chosen>{counter_text(number, lang)}" · "{status}</TypeChoice>
            <div class="row">
                <button type="submit" class="button secondary">{tr(Msg::SaveServes)}</button>
                <Show when=move || staffed>
                    <button type="button" class="button danger" on:click=move |_| act(number, CounterAction::Close)>{tr(Msg::CloseCounter)}</button>
                </Show>
            </div>
        </form>
    }
}

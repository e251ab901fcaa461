//! The counter console: pick your counter and sign in to it, call the next ticket (and see
//! why it was next), recall, mark a no-show, serve, transfer, pause with a reason, call a
//! ticket by hand, and sign out. A counter a colleague holds shows who; a manager may close
//! it. The business types the counter serves are shown as the manager sets them
//! (`hall_counters`). Everything on screen follows the hall's live feed. The steps of the day
//! have keys, shown on their buttons: N call next, S start, R recall, X no-show, F finish.

use super::counter_waiting::WaitingList;
use super::hall_counters::CounterServes;
use domain::halls::BusinessType;
use domain::queue::protocol::{CallResult, CounterView};
use domain::queue::requests::CounterAction;
use domain::queue::select::CallReason;
use domain::queue::shortcuts::{counter_shortcut, CALL_NEXT, FINISH, NO_SHOW, RECALL, START};
use domain::queue::{CounterStatus, TicketState, Transfer};
use domain::Role;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::business_select::BusinessSelect;
use ui::components::queue_labels::{reason_msg, state_msg, FeedState};
use ui::i18n::{t, tr, Msg};
use ui::live::use_queue_feed;
use ui::state::{store, stored, use_app};

const COUNTER_KEY: &str = "gridhall.counter";

fn stored_counter() -> u32 {
    stored(COUNTER_KEY)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
}

#[component]
pub fn CounterConsole(hall: String) -> impl IntoView {
    let app = use_app();
    let feed = use_queue_feed(hall.clone());
    let counter = RwSignal::new(stored_counter());
    let reason = RwSignal::new(None::<CallReason>);
    // Kept here, not in CurrentTicket, so typing survives the live updates that redraw it.
    let pause_reason = RwSignal::new(String::new());
    let transfer_to = RwSignal::new(BusinessType::Expansion);
    // The waiting list shows the next few unless the clerk asks for all of them.
    let all_shown = RwSignal::new(false);
    let hall = StoredValue::new(hall);
    Effect::new(move |_| store(COUNTER_KEY, &counter.get().to_string()));
    let act = move |action: CounterAction| {
        let n = counter.get_untracked();
        let calls_next = action == CounterAction::CallNext;
        spawn_local(async move {
            match api::queue::act(&hall.get_value(), n, &action).await {
                Ok(answer) if calls_next => reason.set(
                    serde_json::from_value::<CallResult>(answer)
                        .ok()
                        .map(|c| c.reason),
                ),
                Ok(_) => {}
                Err(e) => app.error(&e),
            }
        });
    };
    // Only this counter's changes redraw its controls, not every update of the hall.
    let mine = Memo::new(move |_| -> Option<CounterView> {
        feed.snapshot
            .get()?
            .counters
            .into_iter()
            .find(|c| c.number == counter.get())
    });
    let lang = use_app().lang;
    let me = move || app.session.with(|u| u.as_ref().map(|u| u.id));
    keyboard_shortcuts(mine, act);
    let options = move || {
        lang.track();
        feed.snapshot.get().map(|s| {
            s.counters
                .into_iter()
                .map(|c| view! { <option value=c.number.to_string() selected=move || counter.get() == c.number>{c.number}{tr(Msg::CounterNo)}</option> })
                .collect_view()
        })
    };
    view! {
        <section class="card counter-console" aria-labelledby="counter-heading" data-testid="counter-console">
            <h2 id="counter-heading" class="visually-hidden">{t(Msg::CounterConsole)}</h2>
            <div class="field inline">
                <label for="my-counter">{t(Msg::ChooseCounter)}</label>
                <select id="my-counter" on:change=move |ev| if let Ok(n) = event_target_value(&ev).parse() { counter.set(n) }>{options}</select>
            </div>
            // Redrawn with every queue update and on a language switch; their texts are plain.
            <div class="counter-grid">
                <div class="counter-now">
                    {move || { lang.track(); mine.get().map(|c| view! { <CurrentTicket counter=c act reason=reason.read_only() pause_reason transfer_to/> }) }}
                </div>
                <div class="counter-waiting">
                    {move || { lang.track(); all_shown.track(); feed.snapshot.get().map(|s| view! { <WaitingList snapshot=s counter=counter.get() me=me() act all_shown/> }) }}
                </div>
            </div>
            <FeedState feed/>
        </section>
    }
}

/// The counter's keys (`domain::queue::shortcuts`), anywhere on the page but in a field.
fn keyboard_shortcuts(
    mine: Memo<Option<CounterView>>,
    act: impl Fn(CounterAction) + Copy + Send + Sync + 'static,
) {
    let app = use_app();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.repeat() || typing(&ev) {
            return;
        }
        let key = ev.key();
        let mut chars = key.chars();
        let (Some(key), None) = (chars.next(), chars.next()) else {
            return;
        };
        let me = app.session.with_untracked(|u| u.as_ref().map(|u| u.id));
        let action = mine
            .get_untracked()
            .zip(me)
            .and_then(|(counter, me)| counter_shortcut(key, &counter, me));
        if let Some(action) = action {
            ev.prevent_default();
            act(action);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Whether the key went to a field (or anything else that takes typing).
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

/// A button's key, shown on it; its name stays the words (the key is `aria-keyshortcuts`).
fn key_hint(key: char) -> impl IntoView {
    view! { <kbd class="key" aria-hidden="true">{key.to_string()}</kbd> }
}

#[component]
fn CurrentTicket(
    counter: CounterView,
    act: impl Fn(CounterAction) + Copy + Send + Sync + 'static,
    reason: ReadSignal<Option<CallReason>>,
    pause_reason: RwSignal<String>,
    transfer_to: RwSignal<BusinessType>,
) -> impl IntoView {
    let app = use_app();
    let (me, manager) = app.session.with_untracked(|u| {
        u.as_ref().map_or((None, false), |u| {
            (
                Some(u.id),
                matches!(u.role, Role::HallManager | Role::Admin),
            )
        })
    });
    let status = match &counter.status {
        CounterStatus::Open => tr(Msg::CounterOpen).to_string(),
        CounterStatus::Paused { reason } => format!("{} · {reason}", tr(Msg::CounterPaused)),
        CounterStatus::Closed => tr(Msg::CounterClosed).to_string(),
    };
    let status = match &counter.clerk {
        Some(clerk) => format!("{status} · {}", clerk.name),
        None => status,
    };
    let holder = counter.clerk.as_ref().map(|c| c.id);
    let serves = view! { <CounterServes serves=counter.serves.clone()/> };
    if counter.status == CounterStatus::Closed || holder.is_some_and(|h| Some(h) != me) {
        return view! {
            <p class="meta" data-testid="counter-status">{status}</p>
            {serves}
            {match holder {
                None => view! { <button class="button primary wide big" on:click=move |_| act(CounterAction::SignIn) data-testid="sign-in">{tr(Msg::SignIn)}</button> }.into_any(),
                Some(_) => view! {
                    <p class="hint">{tr(Msg::StaffedByOther)}</p>
                    <Show when=move || manager>
                        <button class="button danger" on:click=move |_| act(CounterAction::Close)>{tr(Msg::CloseCounter)}</button>
                    </Show>
                }.into_any(),
            }}
        }
        .into_any();
    }
    let open = counter.status == CounterStatus::Open;
    let current = counter
        .current_id
        .zip(counter.current)
        .zip(counter.current_state);
    let ticket_actions = current.map(|((id, number), state)| {
        let called = state == TicketState::Called;
        view! {
            <p class="now-serving">{tr(Msg::NowServing)}" "<strong data-testid="current-number">{number.to_string()}</strong>" · "{tr(state_msg(state))}</p>
            {move || reason.get().map(|r| view! { <p class="meta" data-testid="call-reason">{tr(Msg::WhyNext)}": "{tr(reason_msg(&r))}</p> })}
            <div class="row">
                <Show when=move || called>
                    <button class="button primary" aria-keyshortcuts="S" on:click=move |_| act(CounterAction::Start { ticket: id })>{tr(Msg::StartService)}{key_hint(START)}</button>
                    <button class="button secondary" aria-keyshortcuts="R" on:click=move |_| act(CounterAction::Recall { ticket: id })>{tr(Msg::Recall)}{key_hint(RECALL)}</button>
                    <button class="button danger" aria-keyshortcuts="X" on:click=move |_| act(CounterAction::NoShow { ticket: id })>{tr(Msg::NoShow)}{key_hint(NO_SHOW)}</button>
                </Show>
                <Show when=move || !called>
                    <button class="button primary" aria-keyshortcuts="F" on:click=move |_| act(CounterAction::Finish { ticket: id }) data-testid="finish">{tr(Msg::Finish)}{key_hint(FINISH)}</button>
                </Show>
            </div>
            <div class="row">
                <BusinessSelect types=BusinessType::ALL.to_vec() value=transfer_to aria_label=Msg::TransferTo/>
                <button class="button secondary" on:click=move |_| act(CounterAction::Transfer { ticket: id, to: Transfer { business: Some(transfer_to.get_untracked()), counter: None } })>{tr(Msg::Transfer)}</button>
            </div>
        }
    });
    view! {
        <p class="meta" data-testid="counter-status">{status}</p>
        {serves}
        {match (ticket_actions, open) {
            (Some(actions), _) => actions.into_any(),
            (None, true) => view! { <button class="button primary wide big" aria-keyshortcuts="N" on:click=move |_| act(CounterAction::CallNext) data-testid="call-next">{tr(Msg::CallNext)}{key_hint(CALL_NEXT)}</button> }.into_any(),
            (None, false) => view! { <button class="button primary wide" on:click=move |_| act(CounterAction::Resume)>{tr(Msg::Resume)}</button> }.into_any(),
        }}
        <Show when=move || open>
            <form class="row" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); act(CounterAction::Pause { reason: pause_reason.get_untracked() }) }>
                <input aria-label=tr(Msg::PauseReason) placeholder=tr(Msg::PauseReason) bind:value=pause_reason/>
                <button type="submit" class="button secondary">{tr(Msg::Pause)}</button>
            </form>
        </Show>
        <button class="button secondary" on:click=move |_| act(CounterAction::Close) data-testid="sign-out">{tr(Msg::SignOut)}</button>
    }
    .into_any()
}

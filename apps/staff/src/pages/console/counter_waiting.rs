//! Who waits for a counter: how many wait for each business type, and the next few tickets the
//! counter serves (all of them on request), each with its priority, a requested priority to
//! confirm, and "call this one" while the clerk's counter is free.

use domain::queue::protocol::QueueSnapshot;
use domain::queue::requests::CounterAction;
use domain::queue::CounterStatus;
use leptos::prelude::*;
use ui::components::queue_labels::priority_msg;
use ui::i18n::{business_msg, tr, Msg};

/// How many tickets the list shows before "show all".
const NEXT_FEW: usize = 6;

#[component]
pub fn WaitingList(
    snapshot: QueueSnapshot,
    counter: u32,
    me: Option<i64>,
    act: impl Fn(CounterAction) + Copy + Send + Sync + 'static,
    all_shown: RwSignal<bool>,
) -> impl IntoView {
    let serves = snapshot
        .counters
        .iter()
        .find(|c| c.number == counter)
        .map(|c| c.serves.clone())
        .unwrap_or_default();
    // A ticket is called by hand at the caller's own open counter with nothing in hand.
    let idle = snapshot
        .counters
        .iter()
        .find(|c| c.number == counter)
        .is_some_and(|c| {
            c.current.is_none()
                && c.status == CounterStatus::Open
                && c.clerk.as_ref().map(|k| k.id) == me
                && me.is_some()
        });
    let counts = waiting_counts(&snapshot);
    let mut rows: Vec<_> = snapshot
        .waiting
        .into_iter()
        .filter(|w| serves.contains(&w.business))
        .collect();
    if rows.is_empty() {
        return view! { <p class="empty">{tr(Msg::NobodyWaiting)}</p> }.into_any();
    }
    let more = rows.len().saturating_sub(NEXT_FEW);
    if !all_shown.get_untracked() {
        rows.truncate(NEXT_FEW);
    }
    view! {
        {counts}
        <ul class="card-list waiting-list">
            {rows.into_iter().map(|w| view! {
                <li class="row waiting-row" data-testid="waiting-ticket">
                    <strong>{w.number.to_string()}</strong>
                    <span class="tag">{tr(business_msg(w.business))}</span>
                    {priority_msg(w.priority).map(|m| view! { <span class="tag priority">{tr(m)}</span> })}
                    {w.requested.and_then(priority_msg).map(|m| view! {
                        <span class="tag" data-testid="requested-priority">{tr(m)}" · "{tr(Msg::PriorityRequested)}</span>
                        <button class="button secondary" on:click=move |_| act(CounterAction::ConfirmPriority { ticket: w.id })>{tr(Msg::ConfirmPriority)}</button>
                    })}
                    <Show when=move || idle>
                        <button class="button secondary" on:click=move |_| act(CounterAction::Call { ticket: w.id })>{tr(Msg::CallThis)}</button>
                    </Show>
                </li>
            }).collect_view()}
        </ul>
        {(more > 0).then(|| view! {
            <button type="button" class="button secondary" data-testid="waiting-all"
                on:click=move |_| all_shown.update(|a| *a = !*a)>
                {if all_shown.get_untracked() { tr(Msg::WaitingFewer).to_string() } else { format!("{} ({more})", tr(Msg::WaitingAll)) }}
            </button>
        })}
    }
    .into_any()
}

/// How many wait for each business type in the whole hall, in the order of the types.
fn waiting_counts(snapshot: &QueueSnapshot) -> impl IntoView {
    let counts: Vec<_> = domain::halls::BusinessType::ALL
        .into_iter()
        .map(|b| {
            (
                b,
                snapshot.waiting.iter().filter(|w| w.business == b).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    view! {
        <p class="waiting-counts" data-testid="waiting-counts">
            <span class="meta">{tr(Msg::Waiting)}": "</span>
            {counts.into_iter().map(|(b, n)| view! { <span class="tag">{tr(business_msg(b))}" "<strong>{n}</strong></span> }).collect_view()}
        </p>
    }
}

//! How queue facts read on screen: ticket states, priorities, call reasons and wait ranges.

use crate::i18n::{Lang, Msg};
use domain::queue::estimate::WaitRange;
use domain::queue::select::CallReason;
use domain::queue::{Priority, TicketState};

pub fn state_msg(state: TicketState) -> Msg {
    match state {
        TicketState::Waiting => Msg::StateWaiting,
        TicketState::Called => Msg::Called,
        TicketState::Serving => Msg::StateServing,
        TicketState::Served => Msg::StateServed,
        TicketState::NoShow => Msg::StateNoShow,
        TicketState::Cancelled => Msg::StateCancelled,
    }
}

pub fn priority_msg(priority: Priority) -> Option<Msg> {
    match priority {
        Priority::Normal => None,
        Priority::KeyAccount => Some(Msg::PriorityKey),
        Priority::GreenChannel => Some(Msg::PriorityGreen),
        Priority::Appointment => Some(Msg::PriorityAppointment),
    }
}

pub fn reason_msg(reason: &CallReason) -> Msg {
    match reason {
        CallReason::TransferredHere => Msg::ReasonTransferred,
        CallReason::PriorityTurn { .. } => Msg::ReasonPriority,
        CallReason::Aged { .. } => Msg::ReasonAged,
        CallReason::NormalTurn => Msg::ReasonNormal,
        CallReason::OnlyPriorityWaiting { .. } => Msg::ReasonOnlyPriority,
        CallReason::OnlyNormalWaiting => Msg::ReasonOnlyNormal,
        CallReason::ChosenByStaff => Msg::ReasonStaff,
        CallReason::Overflow { .. } => Msg::ReasonOverflow,
        CallReason::AccountManager => Msg::ReasonAccountManager,
    }
}

/// "3–7 分钟": a range, never a falsely exact number.
pub fn wait_text(range: WaitRange, lang: Lang) -> String {
    format!(
        "{}–{} {}",
        range.low_minutes,
        range.high_minutes.max(range.low_minutes + 1),
        Msg::Minutes.text(lang)
    )
}

/// "3 号窗口" / "counter 3".
pub fn counter_text(counter: u32, lang: Lang) -> String {
    format!(
        "{}{counter}{}",
        Msg::CounterPrefix.text(lang),
        Msg::CounterSuffix.text(lang)
    )
}

/// "实时" while the hall's live feed is connected, "reconnecting" otherwise.
#[leptos::component]
pub fn FeedState(feed: crate::live::QueueFeed) -> impl leptos::IntoView {
    use crate::i18n::t;
    use leptos::prelude::*;
    view! {
        <p class="meta" data-testid="feed-state">
            {move || if feed.online.get() { t(Msg::Live)() } else { t(Msg::Offline)() }}
        </p>
    }
}

/// A ticket's priority tag and, while it waits, the people ahead and the wait range: the
/// lines the ticket page and the kiosk receipt both show.
#[leptos::component]
pub fn TicketFigures(ticket: domain::queue::protocol::TicketView) -> impl leptos::IntoView {
    use crate::i18n::t;
    use leptos::prelude::*;
    let lang = crate::state::use_app().lang;
    let waiting = ticket.state == TicketState::Waiting;
    let wait = ticket.wait.filter(|_| waiting);
    view! {
        {priority_msg(ticket.priority).map(|m| view! { <p><span class="tag priority" data-testid="ticket-priority">{t(m)}</span></p> })}
        {ticket.requested.and_then(priority_msg).map(|m| view! {
            <p><span class="tag" data-testid="ticket-requested">{t(m)}" · "{t(Msg::PriorityRequested)}</span></p>
            <p class="hint">{t(Msg::GreenChannelConfirmHint)}</p>
        })}
        {ticket.ahead.filter(|_| waiting).map(|n| view! {
            <p class="ticket-ahead">{t(Msg::PeopleAhead)}" "<strong data-testid="ahead">{n}</strong>" "{t(Msg::People)}</p>
        })}
        {match wait {
            Some(r) => Some(view! {
                <p class="ticket-wait">{t(Msg::WaitRange)}" "<strong data-testid="wait">{move || wait_text(r, lang.get())}</strong></p>
            }.into_any()),
            None => waiting.then(|| view! { <p class="ticket-wait" data-testid="no-counter-open">{t(Msg::NoCounterOpen)}</p> }.into_any()),
        }}
    }
}

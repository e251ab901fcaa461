//! Runs one command on the live queue and shapes the answer. Nothing here awaits, so a
//! command runs start to finish without another one in between.

use super::outbox::{OutboxEvent, OutboxRecord};
use super::store::{Live, Store};
use crate::error::Result;
use crate::http::json;
use domain::notify::queue::{is_over, Watch, MAX_AHEAD};
use domain::queue::board::Broadcast;
use domain::queue::estimate::{estimate_for, promise};
use domain::queue::feed::QueueMessage;
use domain::queue::protocol::{
    call_view, snapshot, ticket_view, CallResult, QueueCommand, QueueRequest, TicketView, Viewer,
};
use domain::queue::{Acting, CounterChange, QueueEvent, Ticket};
use domain::{ApiError, Reason};
use worker::Response;

pub struct Outcome {
    pub response: Response,
    pub changed: bool,
    pub events: Vec<QueueEvent>,
    /// Counters signed in, paused, resumed or closed: for D1's staffed hours.
    pub counter_changes: Vec<CounterChange>,
    /// Tickets the hall (not their owner) cancelled.
    pub hall_cancelled: Vec<u32>,
    /// A ticket whose watch (and maybe phone) was set.
    pub watched: Option<u32>,
    /// The hall's new broadcast, told to the watched tickets' owners.
    pub broadcast: Option<String>,
}

/// A ticket as the viewer may see it: with its estimate, and its key for staff and owners.
fn view(live: &Live, ticket: &Ticket, now: i64) -> TicketView {
    let estimate = estimate_for(&live.queue, ticket.id, now);
    let mut view = ticket_view(
        ticket,
        estimate.as_ref(),
        live.keys.get(&ticket.id).cloned(),
    );
    if view.key.is_some() {
        view.watch = live.watches.get(&ticket.id).copied();
    }
    view
}

/// The ticket, if the viewer may see it: 404 when there is none, 403 when it is someone else's.
fn visible<'a>(live: &'a Live, id: u32, viewer: &Viewer) -> Result<&'a Ticket> {
    let ticket = live.queue.ticket(id)?;
    let key = live.keys.get(&id).map(String::as_str).unwrap_or("");
    if !viewer.may_see(ticket, key) {
        return Err(ApiError::new(
            Reason::NotYours,
            "this ticket is not yours; open it from its own link",
        )
        .into());
    }
    Ok(ticket)
}

pub fn run(live: &mut Live, request: QueueRequest) -> Result<Outcome> {
    let QueueRequest {
        now,
        actor,
        viewer,
        command,
    } = request;
    let q = &mut live.queue;
    // A clerk who forgot to sign out is signed out at closing time, before anything else.
    q.close_if_past_closing(now);
    let mut hall_cancelled = Vec::new();
    let mut watched = None;
    let mut broadcast = None;
    // Counter status and board changes carry no ticket event but still change what screens show.
    let mut screens_changed = false;
    let (status, body): (u16, serde_json::Value) = match command {
        QueueCommand::Snapshot => (200, serde_json::to_value(snapshot(q, &live.calls, now))?),
        QueueCommand::ViewTicket { ticket } => {
            let t = visible(live, ticket, &viewer)?.clone();
            (200, serde_json::to_value(view(live, &t, now))?)
        }
        QueueCommand::CheckIn { check_in, key } => {
            let (ticket, new) = q.check_in(check_in, now)?;
            if new {
                // Kept to measure how good the figures shown are (operations::accuracy).
                promise(q, ticket.id, now);
                live.keys.insert(ticket.id, key);
            }
            (
                if new { 201 } else { 200 },
                serde_json::to_value(view(live, &ticket, now))?,
            )
        }
        QueueCommand::CallNext { counter } => {
            let (ticket, reason) = q.call_next(counter, actor, now)?;
            (
                200,
                serde_json::to_value(CallResult {
                    ticket: view(live, &ticket, now),
                    reason,
                })?,
            )
        }
        QueueCommand::Cancel { ticket } => {
            let owner = visible(live, ticket, &viewer)?.customer_id;
            let t = live.queue.cancel(ticket, actor, now)?;
            if viewer.staff
                && viewer.key.is_none()
                && (owner.is_none() || owner != viewer.customer_id)
            {
                hall_cancelled.push(ticket);
            }
            (200, serde_json::to_value(view(live, &t, now))?)
        }
        QueueCommand::Watch {
            ticket,
            ahead_at,
            on_call,
            phone,
        } => {
            if is_over(visible(live, ticket, &viewer)?.state) {
                return Err(ApiError::new(
                    Reason::NothingToTell,
                    "this ticket is already at a counter or finished; there is nothing left to tell",
                )
                .into());
            }
            let watch = Watch::new(ahead_at, on_call).ok_or_else(|| {
                ApiError::validation(
                    "ahead_at",
                    format!("choose at most {MAX_AHEAD} people ahead"),
                )
            })?;
            if let Some(phone) = phone {
                live.queue.set_phone(ticket, phone)?;
            }
            live.watches.insert(ticket, watch);
            watched = Some(ticket);
            let t = live.queue.ticket(ticket)?.clone();
            (200, serde_json::to_value(view(live, &t, now))?)
        }
        QueueCommand::Rate {
            ticket,
            stars,
            comment,
        } => {
            visible(live, ticket, &viewer)?;
            let (t, _follow_up) = live.queue.rate(ticket, stars, &comment, actor, now)?;
            (200, serde_json::to_value(view(live, &t, now))?)
        }
        QueueCommand::SignIn { counter, clerk } => {
            let c = q.sign_in(counter, clerk, now)?.clone();
            (200, serde_json::to_value(c)?)
        }
        QueueCommand::Pause {
            counter,
            reason,
            manager,
        } => {
            let who = Acting {
                user: actor,
                manager,
            };
            let c = q.pause(counter, &reason, who, now)?.clone();
            (200, serde_json::to_value(c)?)
        }
        QueueCommand::Resume { counter, manager } => {
            let c = q
                .resume(
                    counter,
                    Acting {
                        user: actor,
                        manager,
                    },
                    now,
                )?
                .clone();
            (200, serde_json::to_value(c)?)
        }
        QueueCommand::CloseCounter { counter, manager } => {
            let who = Acting {
                user: actor,
                manager,
            };
            let c = q.close_counter(counter, who, now)?.clone();
            (200, serde_json::to_value(c)?)
        }
        QueueCommand::SetServes {
            counter,
            serves,
            manager,
        } => {
            let who = Acting {
                user: actor,
                manager,
            };
            let c = q.set_serves(counter, &serves, who, now)?.clone();
            (200, serde_json::to_value(c)?)
        }
        QueueCommand::SetBroadcast { text } => {
            broadcast.clone_from(&text);
            q.board.broadcast = text.map(|text| Broadcast { text, at: now });
            screens_changed = true;
            (200, serde_json::to_value(&q.board)?)
        }
        QueueCommand::SetClosing { closes_at } => {
            q.closes_at = closes_at;
            (200, serde_json::json!({ "closes_at": closes_at }))
        }
        QueueCommand::SetCounter { counter } => {
            screens_changed = true;
            let c = q.set_counter(&counter, actor, now).clone();
            (200, serde_json::to_value(c)?)
        }
        QueueCommand::RemoveCounter { counter } => {
            q.remove_counter(counter)?;
            screens_changed = true;
            (200, serde_json::json!({ "removed": counter }))
        }
        QueueCommand::ConfirmPriority { ticket } => {
            let t = q.confirm_priority(ticket, actor, now)?;
            (200, serde_json::to_value(view(live, &t, now))?)
        }
        QueueCommand::ConfirmByPhone { phone } => {
            let id = q.active_by_phone(&phone)?;
            let t = q.confirm_priority(id, actor, now)?;
            (200, serde_json::to_value(view(live, &t, now))?)
        }
        QueueCommand::SetBusiness { business } => {
            q.set_business(business);
            screens_changed = true;
            (200, serde_json::to_value(&q.business)?)
        }
        QueueCommand::SetAnnounceEnglish { on } => {
            screens_changed = q.board.announce_english != on;
            q.board.announce_english = on;
            (200, serde_json::to_value(&q.board)?)
        }
        staff_command => {
            let t = match staff_command {
                QueueCommand::CallTicket { counter, ticket } => {
                    q.call_ticket(counter, ticket, actor, now)?
                }
                QueueCommand::Recall { counter, ticket } => {
                    q.recall(counter, ticket, actor, now)?
                }
                QueueCommand::NoShow { counter, ticket } => {
                    q.no_show(counter, ticket, actor, now)?
                }
                QueueCommand::StartService { counter, ticket } => {
                    q.start_service(counter, ticket, actor, now)?
                }
                QueueCommand::Finish { counter, ticket } => {
                    q.finish(counter, ticket, actor, now)?
                }
                QueueCommand::Transfer {
                    counter,
                    ticket,
                    to,
                } => q.transfer(counter, ticket, to, actor, now)?,
                _ => return Err(ApiError::internal("unhandled queue command").into()),
            };
            (200, serde_json::to_value(view(live, &t, now))?)
        }
    };
    let events = live.queue.take_events();
    let counter_changes = live.queue.take_counter_changes();
    let changed = !events.is_empty() || !counter_changes.is_empty() || screens_changed;
    Ok(Outcome {
        response: json(status, &body)?,
        changed,
        events,
        counter_changes,
        hall_cancelled,
        watched,
        broadcast,
    })
}

/// Stores a change: new calls for the screens, the touched tickets, and events for D1.
/// Returns the new calls as messages for the screens.
pub fn persist(
    live: &mut Live,
    store: &Store,
    events: Vec<QueueEvent>,
    counter_changes: Vec<CounterChange>,
) -> Result<Vec<QueueMessage>> {
    let mut new_calls = Vec::new();
    let mut messages = Vec::new();
    let mut outbox = Vec::new();
    for e in &events {
        if let Some(call) = call_view(e) {
            messages.push(QueueMessage::Called {
                seq: e.seq,
                call: call.clone(),
            });
            new_calls.push(call);
        }
        if let Ok(ticket) = live.queue.ticket(e.ticket_id) {
            let record = OutboxEvent::new(&live.queue.hall_id, &live.queue.day, e, ticket);
            outbox.push((
                e.seq,
                serde_json::to_string(&OutboxRecord::Ticket(Box::new(record)))?,
            ));
        }
    }
    for change in counter_changes {
        let seq = change.seq;
        let record = OutboxRecord::Counter {
            hall_id: live.queue.hall_id.clone(),
            day: live.queue.day.clone(),
            counter_change: change,
        };
        outbox.push((seq, serde_json::to_string(&record)?));
    }
    live.calls.extend(new_calls.iter().cloned());
    store.save(live, &events, &new_calls, &outbox)?;
    Ok(messages)
}

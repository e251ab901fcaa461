//! What the Worker asks a hall's queue object, and the views it answers with. The same views
//! go to WebSocket subscribers, so the app, the Worker and the object share one set of types.

use super::board::Board;
use super::counters::{Clerk, CounterState, CounterStatus};
use super::engine::{CheckIn, HallQueue, Transfer};
use super::estimate::{estimate_waits, newcomer_wait, Estimate, WaitRange};
use super::events::{EventKind, QueueEvent};
use super::select::CallReason;
use super::ticket::{Priority, Rating, Ticket, TicketNumber, TicketState};
use crate::halls::BusinessType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many of the latest calls a snapshot carries: enough that nobody misses theirs.
pub const RECENT_CALLS: usize = 10;

/// Who is asking about a ticket: its owner by account, the holder of its key (the printed or
/// shared link), or hall staff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Viewer {
    pub customer_id: Option<i64>,
    pub key: Option<String>,
    pub staff: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum QueueCommand {
    CheckIn {
        check_in: CheckIn,
        key: String,
    },
    CallNext {
        counter: u32,
    },
    CallTicket {
        counter: u32,
        ticket: u32,
    },
    Recall {
        counter: u32,
        ticket: u32,
    },
    NoShow {
        counter: u32,
        ticket: u32,
    },
    StartService {
        counter: u32,
        ticket: u32,
    },
    Finish {
        counter: u32,
        ticket: u32,
    },
    Transfer {
        counter: u32,
        ticket: u32,
        to: Transfer,
    },
    /// The acting clerk signs in at the counter, which opens.
    SignIn {
        counter: u32,
        clerk: Clerk,
    },
    Pause {
        counter: u32,
        reason: String,
        manager: bool,
    },
    Resume {
        counter: u32,
        manager: bool,
    },
    /// Signs the clerk out and closes the counter.
    CloseCounter {
        counter: u32,
        manager: bool,
    },
    /// The manager moves the counter to other business types for the rest of the day.
    SetServes {
        counter: u32,
        serves: Vec<BusinessType>,
        manager: bool,
    },
    Cancel {
        ticket: u32,
    },
    /// The owner's wishes to hear of the ticket away from its page; a phone given here is
    /// where the SMS go.
    Watch {
        ticket: u32,
        ahead_at: Option<u32>,
        on_call: bool,
        phone: Option<String>,
    },
    Rate {
        ticket: u32,
        stars: u8,
        comment: String,
    },
    ViewTicket {
        ticket: u32,
    },
    Snapshot,
    /// The manager's message; `None` takes it down.
    SetBroadcast {
        text: Option<String>,
    },
    /// The hall's closing today changed (a manager's special day): counters still signed in
    /// are signed out at the new time; `None` signs nobody out.
    SetClosing {
        closes_at: Option<i64>,
    },
    SetAnnounceEnglish {
        on: bool,
    },
    /// The manager set up a counter in the hall's reference data (added or edited).
    SetCounter {
        counter: crate::halls::Counter,
    },
    /// The manager takes a counter out of the hall; refused while it is in use.
    RemoveCounter {
        counter: u32,
    },
    /// The manager changed the hall's ticket letters, usual minutes or daily numbers.
    SetBusiness {
        business: crate::halls::business::BusinessSettings,
    },
    /// A clerk confirms the priority a ticket asked for from home.
    ConfirmPriority {
        ticket: u32,
    },
    /// The hall's kiosk confirms it for the active ticket of this phone (already normalised).
    ConfirmByPhone {
        phone: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QueueRequest {
    pub now: i64,
    pub actor: Option<i64>,
    pub viewer: Viewer,
    pub command: QueueCommand,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketView {
    pub id: u32,
    pub number: TicketNumber,
    pub business: BusinessType,
    pub priority: Priority,
    /// A priority asked for from home, until the hall confirms it.
    #[serde(default)]
    pub requested: Option<Priority>,
    pub state: TicketState,
    pub counter: Option<u32>,
    pub calls: u32,
    pub issued_at: i64,
    pub last_called_at: Option<i64>,
    /// People the counters will call first, while waiting.
    pub ahead: Option<u32>,
    pub wait: Option<WaitRange>,
    pub rating: Option<Rating>,
    /// The secret in the ticket's link; only its owner and staff see it.
    pub key: Option<String>,
    /// What its owner asked to hear of it away from the page; shown with the key.
    #[serde(default)]
    pub watch: Option<crate::notify::queue::Watch>,
    /// Whether SMS can reach its owner (a phone was given); shown with the key.
    #[serde(default)]
    pub has_phone: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallResult {
    pub ticket: TicketView,
    pub reason: CallReason,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CounterView {
    pub number: u32,
    pub serves: Vec<BusinessType>,
    pub status: CounterStatus,
    /// Who is signed in.
    #[serde(default)]
    pub clerk: Option<Clerk>,
    pub current: Option<TicketNumber>,
    pub current_id: Option<u32>,
    pub current_state: Option<TicketState>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TypeWaiting {
    pub business: BusinessType,
    pub waiting: u32,
    /// The range for someone checking in now, when an open counter serves the type.
    pub wait: Option<WaitRange>,
    /// Numbers still to be had today when the hall limits them; at 0 the type is "gone".
    #[serde(default)]
    pub numbers_left: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallView {
    /// The change that made the call: each call and recall has its own, even at the same time.
    /// Absent in calls stored before it was added.
    #[serde(default)]
    pub seq: u64,
    pub ticket_id: u32,
    pub number: TicketNumber,
    pub counter: u32,
    pub at: i64,
    pub recall: bool,
}

/// A waiting ticket as every screen may show it: no names, no phone numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WaitingView {
    pub id: u32,
    pub number: TicketNumber,
    pub business: BusinessType,
    pub priority: Priority,
    /// A priority asked for from home, waiting for a clerk or the kiosk to confirm it.
    #[serde(default)]
    pub requested: Option<Priority>,
    pub issued_at: i64,
    pub ahead: Option<u32>,
    pub wait: Option<WaitRange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QueueSnapshot {
    pub seq: u64,
    pub hall_id: String,
    pub day: String,
    pub counters: Vec<CounterView>,
    pub by_type: Vec<TypeWaiting>,
    pub waiting: Vec<WaitingView>,
    /// Newest first.
    pub recent_calls: Vec<CallView>,
    #[serde(default)]
    pub board: Board,
}

impl Viewer {
    /// Hall staff, who see every ticket.
    pub fn staff() -> Viewer {
        Viewer {
            staff: true,
            ..Viewer::default()
        }
    }

    /// Owners by account, holders of the key and staff may see and act on a ticket.
    pub fn may_see(&self, ticket: &Ticket, ticket_key: &str) -> bool {
        self.staff
            || (self.customer_id.is_some() && self.customer_id == ticket.customer_id)
            || self.key.as_deref().is_some_and(|k| {
                !k.is_empty()
                    && crate::accounts::constant_time_eq(k.as_bytes(), ticket_key.as_bytes())
            })
    }
}

pub fn ticket_view(
    ticket: &Ticket,
    estimate: Option<&Estimate>,
    key: Option<String>,
) -> TicketView {
    TicketView {
        id: ticket.id,
        number: ticket.number,
        business: ticket.business,
        priority: ticket.priority,
        requested: ticket.requested,
        state: ticket.state,
        counter: ticket.counter,
        calls: ticket.calls,
        issued_at: ticket.issued_at,
        last_called_at: ticket.last_called_at,
        ahead: estimate.map(|e| e.ahead),
        wait: estimate.map(|e| e.range),
        rating: ticket.rating.clone(),
        has_phone: key.is_some() && ticket.phone.is_some(),
        key,
        watch: None,
    }
}

/// The hall's state for screens: counters, waiting per type with a range for a newcomer,
/// the waiting tickets and the latest calls. `calls` are (event kind, call) newest last.
pub fn snapshot(queue: &HallQueue, calls: &[CallView], now: i64) -> QueueSnapshot {
    let estimates: BTreeMap<u32, Estimate> = estimate_waits(queue, now)
        .into_iter()
        .map(|e| (e.ticket_id, e))
        .collect();
    let estimate_of = |id: u32| estimates.get(&id);
    let counters = queue
        .counters
        .iter()
        .map(|c: &CounterState| {
            let current = queue.current_at(c.number);
            CounterView {
                number: c.number,
                serves: c.serves.clone(),
                status: c.status.clone(),
                clerk: c.clerk.clone(),
                current: current.map(|t| t.number),
                current_id: current.map(|t| t.id),
                current_state: current.map(|t| t.state),
            }
        })
        .collect();
    let mut waiting: Vec<WaitingView> = queue
        .tickets
        .iter()
        .filter(|t| t.is_waiting())
        .map(|t| {
            let e = estimate_of(t.id);
            WaitingView {
                id: t.id,
                number: t.number,
                business: t.business,
                priority: t.priority,
                requested: t.requested,
                issued_at: t.issued_at,
                ahead: e.map(|e| e.ahead),
                wait: e.map(|e| e.range),
            }
        })
        .collect();
    waiting.sort_by_key(|w| (w.ahead.unwrap_or(u32::MAX), w.issued_at));
    let by_type = crate::halls::BusinessType::ALL
        .into_iter()
        .filter(|b| queue.counters.iter().any(|c| c.serves.contains(b)))
        .map(|business| TypeWaiting {
            business,
            waiting: waiting.iter().filter(|w| w.business == business).count() as u32,
            wait: newcomer_wait(queue, business, now),
            numbers_left: queue.numbers_left(business),
        })
        .collect();
    QueueSnapshot {
        seq: queue.seq,
        hall_id: queue.hall_id.clone(),
        day: queue.day.clone(),
        counters,
        by_type,
        waiting,
        recent_calls: calls.iter().rev().take(RECENT_CALLS).cloned().collect(),
        board: queue.board.clone(),
    }
}

/// A call as screens show it, from an event of kind Called or Recalled.
pub fn call_view(event: &QueueEvent) -> Option<CallView> {
    let recall = match event.kind {
        EventKind::Called => false,
        EventKind::Recalled => true,
        _ => return None,
    };
    Some(CallView {
        seq: event.seq,
        ticket_id: event.ticket_id,
        number: event.number,
        counter: event.counter?,
        at: event.at,
        recall,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::halls::BusinessType::*;
    use crate::queue::{Channel, QueueConfig};

    fn queue() -> HallQueue {
        let c = |number, serves: &[BusinessType]| CounterState::open(number, serves);
        HallQueue::new(
            "xinghu",
            "2026-11-23",
            vec![c(1, &[Payment]), c(2, &[Expansion])],
            QueueConfig::default(),
        )
    }

    fn check_in(q: &mut HallQueue, business: BusinessType, customer: Option<i64>) -> Ticket {
        let req = CheckIn {
            channel: Channel::Remote,
            customer_id: customer,
            ..CheckIn::walk_in(business, Priority::Normal)
        };
        q.check_in(req, 0).unwrap().0
    }

    #[test]
    fn only_owner_key_holder_or_staff_may_see_a_ticket() {
        let mut q = queue();
        let t = check_in(&mut q, Payment, Some(7));
        let key = "s3cret-key";
        assert!(Viewer {
            customer_id: Some(7),
            ..Viewer::default()
        }
        .may_see(&t, key));
        assert!(Viewer {
            key: Some(key.into()),
            ..Viewer::default()
        }
        .may_see(&t, key));
        assert!(Viewer {
            staff: true,
            ..Viewer::default()
        }
        .may_see(&t, key));
        assert!(!Viewer {
            customer_id: Some(8),
            ..Viewer::default()
        }
        .may_see(&t, key));
        assert!(!Viewer {
            key: Some("guess".into()),
            ..Viewer::default()
        }
        .may_see(&t, key));
        assert!(!Viewer {
            key: Some(String::new()),
            ..Viewer::default()
        }
        .may_see(&t, ""));
        assert!(!Viewer::default().may_see(&t, key));
    }

    #[test]
    fn snapshot_counts_waiting_per_type_and_lists_counters() {
        let mut q = queue();
        check_in(&mut q, Payment, None);
        check_in(&mut q, Payment, None);
        check_in(&mut q, Expansion, None);
        q.call_next(1, None, 1000).unwrap();
        let s = snapshot(&q, &[], 1000);
        let payment = s.by_type.iter().find(|w| w.business == Payment).unwrap();
        assert_eq!(payment.waiting, 1);
        assert!(payment.wait.is_some());
        assert_eq!(
            s.counters[0].current.map(|n| n.to_string()),
            Some("A001".into())
        );
        assert_eq!(s.waiting.len(), 2);
        assert!(
            s.by_type.iter().all(|w| w.business != Invoice),
            "types no counter serves are left out"
        );
    }

    #[test]
    fn snapshot_keeps_the_latest_calls_newest_first() {
        let q = queue();
        let calls: Vec<CallView> = (1..=12)
            .map(|i| CallView {
                seq: i as u64,
                ticket_id: i,
                number: TicketNumber {
                    prefix: 'A',
                    seq: i,
                },
                counter: 1,
                at: i as i64,
                recall: false,
            })
            .collect();
        let s = snapshot(&q, &calls, 0);
        assert_eq!(s.recent_calls.len(), RECENT_CALLS);
        assert_eq!(s.recent_calls[0].ticket_id, 12);
    }

    #[test]
    fn calls_come_from_called_and_recalled_events_only() {
        let n = TicketNumber {
            prefix: 'A',
            seq: 1,
        };
        let event = |kind| QueueEvent {
            seq: 7,
            at: 0,
            kind,
            ticket_id: 1,
            number: n,
            counter: Some(2),
            actor: None,
            reason: None,
            detail: None,
        };
        assert!(call_view(&event(EventKind::Called)).is_some_and(|c| !c.recall && c.seq == 7));
        assert!(call_view(&event(EventKind::Recalled)).is_some_and(|c| c.recall));
        assert!(call_view(&event(EventKind::Served)).is_none());
    }
}

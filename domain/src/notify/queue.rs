//! What a customer asked to hear of one ticket ("when N are ahead", "when I am called") and
//! what has been sent, so the hall's queue object sends each notice exactly once as the queue
//! moves: a threshold also when the queue jumps past it at once, a call once per call, and a
//! warning when a first call was missed and the ticket is called again.

use crate::queue::estimate::estimate_waits;
use crate::queue::{HallQueue, TicketState};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The largest N a customer may choose.
pub const MAX_AHEAD: u32 = 20;

/// A ticket's watch: the customer's wishes and what was already sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Watch {
    /// Tell me when this many people or fewer are ahead.
    pub ahead_at: Option<u32>,
    /// Tell me when I am called (and when a call was missed).
    pub on_call: bool,
    /// The "N ahead" notice went out.
    pub ahead_sent: bool,
    /// Calls already told of (the ticket's call count when the last one was sent).
    pub calls_told: u32,
    /// The hall's cancellation went out.
    pub cancel_sent: bool,
}

/// The ticket as the queue holds it after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub state: TicketState,
    /// People the counters will call first, while waiting.
    pub ahead: Option<u32>,
    /// Times the ticket has been called (recalls count).
    pub calls: u32,
    pub counter: Option<u32>,
    /// Cancelled by the hall (not by the customer, who knows).
    pub cancelled_by_hall: bool,
}

/// One notice the queue sends a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QueueNotice {
    Ahead {
        ahead: u32,
    },
    Called {
        counter: u32,
    },
    /// Called again after a missed call: the last chances before the number lapses.
    MissedCall {
        counter: u32,
    },
    CancelledByHall,
}

impl Watch {
    /// A watch for these wishes; `ahead_at` beyond [`MAX_AHEAD`] is refused.
    pub fn new(ahead_at: Option<u32>, on_call: bool) -> Option<Watch> {
        if ahead_at.is_some_and(|n| n > MAX_AHEAD) {
            return None;
        }
        Some(Watch {
            ahead_at,
            on_call,
            ..Watch::default()
        })
    }

    /// Whether there is anything to send for this ticket at all.
    pub fn is_active(&self) -> bool {
        self.ahead_at.is_some() || self.on_call
    }

    /// The notices due now that the ticket is as `seen`, marking them sent.
    pub fn on_change(&mut self, seen: &Seen) -> Vec<QueueNotice> {
        let mut out = Vec::new();
        if let (Some(n), TicketState::Waiting, Some(ahead)) =
            (self.ahead_at, seen.state, seen.ahead)
        {
            if !self.ahead_sent && ahead <= n && seen.calls == 0 {
                self.ahead_sent = true;
                out.push(QueueNotice::Ahead { ahead });
            }
        }
        if seen.calls > 0 {
            // Once called, "N ahead" is past: never send it after a call.
            self.ahead_sent = true;
        }
        if seen.state == TicketState::Waiting && seen.calls < self.calls_told {
            // Transferred: calls count again at the new counter, and its call is news.
            self.calls_told = seen.calls;
        }
        if seen.state == TicketState::Called && seen.calls > self.calls_told {
            let first = self.calls_told == 0;
            self.calls_told = seen.calls;
            if let (true, Some(counter)) = (self.on_call, seen.counter) {
                out.push(if first && seen.calls == 1 {
                    QueueNotice::Called { counter }
                } else {
                    QueueNotice::MissedCall { counter }
                });
            }
        }
        if seen.state == TicketState::Cancelled && seen.cancelled_by_hall && !self.cancel_sent {
            self.cancel_sent = true;
            if self.is_active() {
                out.push(QueueNotice::CancelledByHall);
            }
        }
        out
    }
}

/// Whether a ticket in this state can still be told anything.
pub fn is_over(state: TicketState) -> bool {
    matches!(
        state,
        TicketState::Serving | TicketState::Served | TicketState::NoShow | TicketState::Cancelled
    )
}

/// Whether a ticket's day in the hall is over, so its watch can be forgotten. A ticket being
/// served is not: it may be transferred to another counter and called there.
pub fn is_finished(state: TicketState) -> bool {
    matches!(
        state,
        TicketState::Served | TicketState::NoShow | TicketState::Cancelled
    )
}

/// What a change of the hall's queue did to its watches.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Due {
    /// The notices to send, in ticket order.
    pub notices: Vec<(u32, QueueNotice)>,
    /// Watches whose record of what was sent moved (to be saved).
    pub changed: Vec<u32>,
    /// Watches of tickets nothing more can happen to, taken out of `watches` (to be deleted).
    pub over: Vec<u32>,
}

/// The notices due after a change of the hall's queue, for every watched ticket, marking them
/// sent. `hall_cancelled` are the tickets the hall (not their owner) cancelled in this change.
/// The queue is played forward once, and only while some watch still waits for its "N ahead".
pub fn due_notices(
    queue: &HallQueue,
    watches: &mut BTreeMap<u32, Watch>,
    hall_cancelled: &[u32],
    now: i64,
) -> Due {
    let counting = watches
        .values()
        .any(|w| w.ahead_at.is_some() && !w.ahead_sent);
    let ahead: BTreeMap<u32, u32> = if counting {
        estimate_waits(queue, now)
            .into_iter()
            .map(|e| (e.ticket_id, e.ahead))
            .collect()
    } else {
        BTreeMap::new()
    };
    let mut due = Due::default();
    for (id, watch) in watches.iter_mut() {
        let Ok(ticket) = queue.ticket(*id) else {
            continue;
        };
        let seen = Seen {
            state: ticket.state,
            ahead: ahead.get(id).copied(),
            calls: ticket.calls,
            counter: ticket.counter,
            cancelled_by_hall: hall_cancelled.contains(id),
        };
        let before = *watch;
        due.notices
            .extend(watch.on_change(&seen).into_iter().map(|n| (*id, n)));
        if is_finished(ticket.state) {
            due.over.push(*id);
        } else if *watch != before {
            due.changed.push(*id);
        }
    }
    for id in &due.over {
        watches.remove(id);
    }
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waiting(ahead: u32) -> Seen {
        Seen {
            state: TicketState::Waiting,
            ahead: Some(ahead),
            calls: 0,
            counter: None,
            cancelled_by_hall: false,
        }
    }

    fn called(calls: u32, counter: u32) -> Seen {
        Seen {
            state: TicketState::Called,
            ahead: None,
            calls,
            counter: Some(counter),
            cancelled_by_hall: false,
        }
    }

    fn run(watch: &mut Watch, seen: &[Seen]) -> Vec<QueueNotice> {
        seen.iter().flat_map(|s| watch.on_change(s)).collect()
    }

    #[test]
    fn a_threshold_is_sent_once_as_the_queue_moves() {
        let mut w = Watch::new(Some(2), true).unwrap();
        let sent = run(
            &mut w,
            &[
                waiting(5),
                waiting(4),
                waiting(3),
                waiting(2),
                waiting(1),
                waiting(1),
                waiting(0),
            ],
        );
        assert_eq!(sent, [QueueNotice::Ahead { ahead: 2 }]);
    }

    #[test]
    fn a_jump_past_the_threshold_sends_it_once_with_the_new_count() {
        let mut w = Watch::new(Some(3), false).unwrap();
        let sent = run(&mut w, &[waiting(9), waiting(1), waiting(0)]);
        assert_eq!(sent, [QueueNotice::Ahead { ahead: 1 }]);
    }

    #[test]
    fn a_ticket_already_within_the_threshold_hears_at_once() {
        let mut w = Watch::new(Some(5), false).unwrap();
        assert_eq!(w.on_change(&waiting(2)), [QueueNotice::Ahead { ahead: 2 }]);
        assert_eq!(w.on_change(&waiting(2)), []);
    }

    #[test]
    fn a_call_is_sent_once_and_a_recall_warns_of_the_missed_call() {
        let mut w = Watch::new(None, true).unwrap();
        let sent = run(
            &mut w,
            &[
                waiting(1),
                called(1, 3),
                called(1, 3),
                called(2, 3),
                called(2, 3),
            ],
        );
        assert_eq!(
            sent,
            [
                QueueNotice::Called { counter: 3 },
                QueueNotice::MissedCall { counter: 3 }
            ]
        );
    }

    #[test]
    fn the_threshold_never_follows_a_call() {
        let mut w = Watch::new(Some(2), true).unwrap();
        let mut back = waiting(1);
        back.calls = 1; // called, missed, and put back in the queue
        let sent = run(&mut w, &[waiting(6), called(1, 2), back, called(2, 4)]);
        assert_eq!(
            sent,
            [
                QueueNotice::Called { counter: 2 },
                QueueNotice::MissedCall { counter: 4 }
            ]
        );
    }

    #[test]
    fn a_watch_seen_first_at_a_recall_warns_rather_than_announces() {
        // The customer asked after the first call had gone by.
        let mut w = Watch::new(None, true).unwrap();
        assert_eq!(
            w.on_change(&called(2, 5)),
            [QueueNotice::MissedCall { counter: 5 }]
        );
    }

    #[test]
    fn without_the_call_wish_calls_are_silent_but_still_counted() {
        let mut w = Watch::new(Some(1), false).unwrap();
        assert_eq!(run(&mut w, &[called(1, 3), called(2, 3)]), []);
        assert_eq!(w.calls_told, 2);
    }

    #[test]
    fn the_hall_cancelling_is_told_once_and_only_to_a_watcher() {
        let cancelled = Seen {
            state: TicketState::Cancelled,
            ahead: None,
            calls: 0,
            counter: None,
            cancelled_by_hall: true,
        };
        let mut w = Watch::new(Some(3), false).unwrap();
        assert_eq!(
            run(&mut w, &[cancelled, cancelled]),
            [QueueNotice::CancelledByHall]
        );
        let mut idle = Watch::default();
        assert_eq!(idle.on_change(&cancelled), []);
        let by_customer = Seen {
            cancelled_by_hall: false,
            ..cancelled
        };
        let mut w = Watch::new(Some(3), true).unwrap();
        assert_eq!(w.on_change(&by_customer), []);
    }

    #[test]
    fn a_call_at_the_counter_a_ticket_was_transferred_to_is_told() {
        let mut w = Watch::new(None, true).unwrap();
        let mut transferred = waiting(0);
        transferred.calls = 0;
        let sent = run(&mut w, &[called(1, 2), transferred, called(1, 5)]);
        assert_eq!(
            sent,
            [
                QueueNotice::Called { counter: 2 },
                QueueNotice::Called { counter: 5 }
            ]
        );
    }

    /// A call moves the watch even when nothing is sent, and a transfer from the counter moves
    /// it back: both are reported as changed, so a restarted hall object still tells the call
    /// at the new counter.
    #[test]
    fn a_transfer_from_the_counter_keeps_the_watch_and_is_saved() {
        use crate::halls::BusinessType;
        use crate::queue::{CheckIn, CounterState, Priority, QueueConfig, Transfer};
        let counters = vec![
            CounterState::open(1, &[BusinessType::Payment]),
            CounterState::open(2, &[BusinessType::Payment]),
        ];
        let mut q = HallQueue::new("h", "2026-12-02", counters, QueueConfig::default());
        let walk_in = CheckIn::walk_in(BusinessType::Payment, Priority::Normal);
        let id = q.check_in(walk_in, 0).unwrap().0.id;
        let mut watches = BTreeMap::from([(id, Watch::new(None, true).unwrap())]);
        q.call_next(1, None, 10).unwrap();
        let call = due_notices(&q, &mut watches, &[], 10);
        assert_eq!(call.notices, [(id, QueueNotice::Called { counter: 1 })]);
        assert_eq!(call.changed, [id]);
        q.start_service(1, id, None, 20).unwrap();
        assert_eq!(due_notices(&q, &mut watches, &[], 20), Due::default());
        let to = Transfer {
            business: None,
            counter: Some(2),
        };
        q.transfer(1, id, to, None, 30).unwrap();
        let moved = due_notices(&q, &mut watches, &[], 30);
        assert_eq!((moved.notices.len(), moved.changed), (0, vec![id]));
        q.call_next(2, None, 40).unwrap();
        let again = due_notices(&q, &mut watches, &[], 40);
        assert_eq!(again.notices, [(id, QueueNotice::Called { counter: 2 })]);
    }

    #[test]
    fn a_threshold_beyond_the_limit_is_refused() {
        assert!(Watch::new(Some(MAX_AHEAD + 1), true).is_none());
        assert!(Watch::new(Some(MAX_AHEAD), true).is_some());
    }

    /// A hall with one payment counter, six waiting, the last watched; the counter calls and
    /// serves one after another.
    #[test]
    fn a_moving_hall_tells_a_watched_ticket_once_at_its_threshold_and_once_at_its_call() {
        use crate::halls::BusinessType;
        use crate::queue::{CheckIn, CounterState, Priority, QueueConfig};
        const MIN: i64 = 60_000;
        let counters = vec![CounterState::open(1, &[BusinessType::Payment])];
        let mut q = HallQueue::new("h", "2026-12-02", counters, QueueConfig::default());
        for i in 0..6 {
            q.check_in(
                CheckIn::walk_in(BusinessType::Payment, Priority::Normal),
                i * MIN,
            )
            .unwrap();
        }
        let mut watches = BTreeMap::from([(6, Watch::new(Some(2), true).unwrap())]);
        let mut told = due_notices(&q, &mut watches, &[], 6 * MIN).notices;
        for step in 0..6 {
            let now = (10 + step) * MIN;
            let (t, _) = q.call_next(1, None, now).unwrap();
            told.extend(due_notices(&q, &mut watches, &[], now).notices);
            q.start_service(1, t.id, None, now).unwrap();
            assert!(due_notices(&q, &mut watches, &[], now).over.is_empty());
            q.finish(1, t.id, None, now + MIN / 2).unwrap();
            let served = due_notices(&q, &mut watches, &[], now + MIN / 2);
            assert_eq!(served.over, if t.id == 6 { vec![6] } else { vec![] });
            told.extend(served.notices);
        }
        assert!(watches.is_empty(), "the served ticket's watch is forgotten");
        assert_eq!(
            told,
            [
                (6, QueueNotice::Ahead { ahead: 2 }),
                (6, QueueNotice::Called { counter: 1 })
            ]
        );
    }
}

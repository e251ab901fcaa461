//! What a customer asked to hear of one ticket ("when N are ahead", "when I am called") and
//! what has been sent, so the hall's queue object sends each notice exactly once as the queue
//! moves: a threshold also when the queue jumps past it at once, a call once per call, and a
//! warning when a first call was missed and the ticket is called again.

use crate::queue::TicketState;
use serde::{Deserialize, Serialize};

/// The largest N a customer may choose.
pub const MAX_AHEAD: u32 = 20;

/// A ticket's watch: the customer's wishes and what was already sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    fn a_threshold_beyond_the_limit_is_refused() {
        assert!(Watch::new(Some(MAX_AHEAD + 1), true).is_none());
        assert!(Watch::new(Some(MAX_AHEAD), true).is_some());
    }
}

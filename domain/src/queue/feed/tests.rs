use super::*;
use crate::halls::BusinessType::Payment;
use crate::queue::protocol::{call_view, snapshot};
use crate::queue::{CheckIn, CounterState, HallQueue, Priority, QueueConfig};

const MIN: i64 = 60_000;

/// A hall with two payment counters and three people waiting, its snapshot, and the same hall
/// after counter 2 calls, with the call's message and the snapshot that follows it.
fn before_and_after_a_call() -> (QueueSnapshot, QueueMessage, QueueSnapshot) {
    let counters = vec![
        CounterState::open(1, &[Payment]),
        CounterState::open(2, &[Payment]),
    ];
    let mut q = HallQueue::new("h", "2026-11-23", counters, QueueConfig::default());
    for i in 0..3 {
        q.check_in(CheckIn::walk_in(Payment, Priority::Normal), i * MIN)
            .unwrap();
    }
    q.take_events();
    let before = snapshot(&q, &[], 5 * MIN);
    q.call_next(2, None, 5 * MIN).unwrap();
    let event = q.take_events().pop().unwrap();
    let call = call_view(&event).unwrap();
    let after = snapshot(&q, std::slice::from_ref(&call), 5 * MIN);
    let message = QueueMessage::Called {
        seq: event.seq,
        call,
    };
    (before, message, after)
}

#[test]
fn a_call_shows_at_once_as_its_snapshot_will_show_it() {
    let (before, message, after) = before_and_after_a_call();
    let shown = receive(Some(before), message).unwrap();
    assert_eq!(shown.seq, after.seq);
    assert_eq!(shown.counters, after.counters);
    assert_eq!(shown.recent_calls, after.recent_calls);
    let ids = |s: &QueueSnapshot| s.waiting.iter().map(|w| w.id).collect::<Vec<_>>();
    assert_eq!(ids(&shown), ids(&after));
}

#[test]
fn a_call_the_snapshot_already_holds_changes_nothing() {
    let (_, message, after) = before_and_after_a_call();
    assert_eq!(receive(Some(after.clone()), message), Some(after));
}

#[test]
fn a_call_before_any_snapshot_waits_for_the_snapshot() {
    let (_, message, after) = before_and_after_a_call();
    assert_eq!(receive(None, message), None);
    let snapshot = QueueMessage::Snapshot(after.clone());
    assert_eq!(receive(None, snapshot), Some(after));
}

#[test]
fn messages_are_tagged_by_type() {
    let (_, message, _) = before_and_after_a_call();
    let json = serde_json::to_value(&message).unwrap();
    assert_eq!(json["type"], "called");
    assert_eq!(json["call"]["counter"], 2);
}

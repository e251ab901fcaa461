use super::*;
use crate::halls::BusinessType::{self, *};
use crate::queue::select::CallReason;
use crate::queue::{CheckIn, Priority, QueueConfig, TicketState};
use crate::ErrorCode;

const MIN: i64 = 60_000;

fn clerk(id: i64) -> Clerk {
    Clerk {
        id,
        name: format!("clerk {id}"),
    }
}

fn by(id: i64) -> Acting {
    Acting {
        user: Some(id),
        manager: false,
    }
}

const MANAGER: Acting = Acting {
    user: Some(99),
    manager: true,
};

/// A morning: two payment counters, nobody signed in yet.
fn morning() -> HallQueue {
    let counters = vec![
        CounterState::closed(1, &[Payment]),
        CounterState::closed(2, &[Payment]),
    ];
    HallQueue::new("xinghu", "2026-11-23", counters, QueueConfig::default())
}

fn issue(q: &mut HallQueue, business: BusinessType) -> u32 {
    let req = CheckIn::walk_in(business, Priority::Normal);
    q.check_in(req, 0).unwrap().0.id
}

#[test]
fn tickets_are_taken_before_anyone_signs_in_but_nobody_calls_them() {
    let mut q = morning();
    issue(&mut q, Payment);
    let err = q.call_next(1, Some(7), MIN).unwrap_err();
    assert!(err.message.contains("sign in"), "{}", err.message);
    assert!(
        q.check_in(CheckIn::walk_in(Expansion, Priority::Normal), 0)
            .is_err(),
        "a business no counter handles is still refused"
    );
}

#[test]
fn a_clerk_signs_in_and_only_their_counter_calls_for_them() {
    let mut q = morning();
    issue(&mut q, Payment);
    issue(&mut q, Payment);
    let c = q.sign_in(1, clerk(7), MIN).unwrap();
    assert_eq!(
        (c.is_open(), c.clerk.as_ref().map(|k| k.id)),
        (true, Some(7))
    );
    assert!(q.call_next(2, Some(7), MIN).is_err(), "counter 2 is closed");
    let stranger = q.call_next(1, Some(8), MIN).unwrap_err();
    assert_eq!(stranger.code, ErrorCode::Forbidden);
    assert!(stranger.message.contains("clerk 7"), "{}", stranger.message);
    assert!(q.call_next(1, Some(7), MIN).is_ok());
}

#[test]
fn a_counter_someone_holds_is_refused_and_signing_in_again_changes_nothing() {
    let mut q = morning();
    q.sign_in(1, clerk(7), MIN).unwrap();
    q.take_counter_changes();
    assert_eq!(
        q.sign_in(1, clerk(7), 2 * MIN).unwrap().clerk,
        Some(clerk(7))
    );
    assert!(q.take_counter_changes().is_empty());
    let taken = q.sign_in(1, clerk(8), 2 * MIN).unwrap_err();
    assert_eq!(taken.code, ErrorCode::Conflict);
    assert!(taken.message.contains("clerk 7"), "{}", taken.message);
}

#[test]
fn signing_in_elsewhere_moves_the_clerk_unless_a_ticket_is_in_hand() {
    let mut q = morning();
    issue(&mut q, Payment);
    q.sign_in(1, clerk(7), MIN).unwrap();
    let (t, _) = q.call_next(1, Some(7), MIN).unwrap();
    let busy = q.sign_in(2, clerk(7), 2 * MIN).unwrap_err();
    assert!(
        busy.message.contains(&t.number.to_string()),
        "{}",
        busy.message
    );
    assert_eq!(
        q.counter(2).unwrap().status,
        CounterStatus::Closed,
        "nothing changed"
    );
    q.start_service(1, t.id, Some(7), 3 * MIN).unwrap();
    q.finish(1, t.id, Some(7), 3 * MIN).unwrap();
    q.sign_in(2, clerk(7), 3 * MIN).unwrap();
    assert_eq!(q.counter(1).unwrap().status, CounterStatus::Closed);
    assert_eq!(q.counter(1).unwrap().clerk, None);
    assert_eq!(q.counter(2).unwrap().clerk, Some(clerk(7)));
}

#[test]
fn a_pause_needs_a_reason_and_stops_calls_until_resumed() {
    let mut q = morning();
    issue(&mut q, Payment);
    q.sign_in(1, clerk(7), MIN).unwrap();
    assert_eq!(
        q.pause(1, " ", by(7), MIN).unwrap_err().field.as_deref(),
        Some("reason")
    );
    q.pause(1, " 午休 ", by(7), MIN).unwrap();
    let paused = q.counter(1).unwrap();
    assert_eq!(
        (paused.status.clone(), paused.clerk.clone()),
        (
            CounterStatus::Paused {
                reason: "午休".into()
            },
            Some(clerk(7))
        )
    );
    assert!(q
        .call_next(1, Some(7), 2 * MIN)
        .unwrap_err()
        .message
        .contains("paused"));
    assert_eq!(
        q.resume(1, by(8), 3 * MIN).unwrap_err().code,
        ErrorCode::Forbidden,
        "another clerk may not"
    );
    q.resume(1, by(7), 3 * MIN).unwrap();
    assert!(q.call_next(1, Some(7), 3 * MIN).is_ok());
}

#[test]
fn closing_signs_out_after_the_ticket_in_hand_and_a_manager_may_close_a_forgotten_counter() {
    let mut q = morning();
    issue(&mut q, Payment);
    q.sign_in(1, clerk(7), MIN).unwrap();
    let (t, _) = q.call_next(1, Some(7), MIN).unwrap();
    q.start_service(1, t.id, Some(7), MIN).unwrap();
    assert!(q.close_counter(1, by(7), 2 * MIN).is_err(), "finish first");
    q.finish(1, t.id, Some(7), 3 * MIN).unwrap();
    assert_eq!(
        q.close_counter(1, by(8), 3 * MIN).unwrap_err().code,
        ErrorCode::Forbidden
    );
    q.close_counter(1, MANAGER, 4 * MIN).unwrap();
    assert_eq!(q.counter(1).unwrap().clerk, None);
    assert!(
        q.close_counter(1, by(7), 5 * MIN).is_ok(),
        "closing a closed counter is harmless"
    );
}

#[test]
fn the_hall_closing_signs_everyone_out_and_every_change_is_recorded_in_order() {
    let mut q = morning();
    issue(&mut q, Payment);
    q.sign_in(1, clerk(7), MIN).unwrap();
    q.sign_in(2, clerk(8), MIN).unwrap();
    q.pause(2, "午休", by(8), 2 * MIN).unwrap();
    let (t, _) = q.call_next(1, Some(7), 3 * MIN).unwrap();
    assert_eq!(q.close_all(10 * MIN), 2);
    assert_eq!(q.close_all(11 * MIN), 0);
    assert_eq!(q.ticket(t.id).unwrap().state, TicketState::Called);
    let changes = q.take_counter_changes();
    let seen: Vec<(u32, &str, Option<i64>, Option<i64>)> = changes
        .iter()
        .map(|c| (c.counter, c.status.word(), c.clerk_id, c.by))
        .collect();
    assert_eq!(
        seen,
        [
            (1, "open", Some(7), Some(7)),
            (2, "open", Some(8), Some(8)),
            (2, "paused", Some(8), Some(8)),
            (1, "closed", None, None),
            (2, "closed", None, None),
        ]
    );
    assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq));
    assert!(q.counters.iter().all(|c| c.clerk.is_none()));
}

#[test]
fn counters_are_signed_out_at_closing_once_and_a_clerk_may_sign_in_again_after() {
    let mut q = morning();
    q.closes_at = Some(60 * MIN);
    q.sign_in(1, clerk(7), MIN).unwrap();
    assert_eq!(q.close_if_past_closing(59 * MIN), 0, "not yet");
    assert_eq!(q.close_if_past_closing(61 * MIN), 1);
    let closed = q.take_counter_changes().pop().unwrap();
    assert_eq!(
        (closed.at, closed.status),
        (60 * MIN, CounterStatus::Closed)
    );
    q.sign_in(1, clerk(7), 62 * MIN).unwrap();
    assert_eq!(q.close_if_past_closing(63 * MIN), 0, "only once");
    assert!(q.counter(1).unwrap().is_open());
}

#[test]
fn a_manager_moves_a_counter_to_other_business_and_it_is_recorded() {
    let mut q = morning();
    q.sign_in(1, clerk(7), 0).unwrap();
    assert_eq!(
        q.set_serves(1, &[Expansion], by(7), MIN).unwrap_err().code,
        ErrorCode::Forbidden
    );
    assert_eq!(
        q.set_serves(1, &[], MANAGER, MIN).unwrap_err().code,
        ErrorCode::Validation
    );
    q.take_counter_changes();
    let c = q
        .set_serves(1, &[Expansion, Expansion, Invoice], MANAGER, 2 * MIN)
        .unwrap();
    assert_eq!(c.serves, [Expansion, Invoice]);
    let change = q.take_counter_changes().pop().unwrap();
    assert_eq!(
        (change.by, change.serves, change.status, change.clerk_id),
        (
            Some(99),
            Some(vec![Expansion, Invoice]),
            CounterStatus::Open,
            Some(7)
        )
    );
    // Its next call follows the new types at once.
    let id = issue(&mut q, Expansion);
    assert_eq!(q.call_next(1, Some(7), 2 * MIN).unwrap().0.id, id);
}

#[test]
fn counters_set_up_by_the_manager_join_closed_and_leave_only_when_closed() {
    let mut q = morning();
    let third = Counter {
        id: 3,
        number: 3,
        serves: vec![Expansion],
        trained: vec![Expansion, Payment],
    };
    let c = q.set_counter(&third, Some(99), MIN);
    assert_eq!(
        (c.status.clone(), c.trained.clone()),
        (CounterStatus::Closed, vec![Expansion, Payment])
    );
    assert_eq!(
        q.counters.iter().map(|c| c.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    // Moving counter 1 today is kept when counter 3 is edited again.
    q.set_serves(1, &[Invoice], MANAGER, MIN).unwrap();
    q.set_counter(&third, Some(99), 2 * MIN);
    assert_eq!(q.counters[0].serves, [Invoice]);
    q.sign_in(3, clerk(7), 3 * MIN).unwrap();
    assert_eq!(q.remove_counter(3).unwrap_err().code, ErrorCode::Conflict);
    q.close_counter(3, MANAGER, 4 * MIN).unwrap();
    q.remove_counter(3).unwrap();
    assert!(q.remove_counter(3).is_ok(), "gone already");
    assert_eq!(q.counters.len(), 2);
}

fn key_account(q: &mut HallQueue, manager: i64, at: i64) -> u32 {
    let req = CheckIn {
        account_manager: Some(manager),
        ..CheckIn::walk_in(Payment, Priority::KeyAccount)
    };
    q.check_in(req, at).unwrap().0.id
}

#[test]
fn a_key_account_is_offered_first_to_its_account_manager_while_they_call() {
    let mut q = morning();
    q.sign_in(1, clerk(7), 0).unwrap();
    q.sign_in(2, clerk(8), 0).unwrap();
    let earlier = issue(&mut q, Payment);
    let vip = key_account(&mut q, 8, MIN);
    // Counter 1 may not take the ticket held for counter 2's clerk, its account manager.
    assert_eq!(q.call_next(1, Some(7), 2 * MIN).unwrap().0.id, earlier);
    let (called, reason) = q.call_next(2, Some(8), 2 * MIN).unwrap();
    assert_eq!((called.id, reason), (vip, CallReason::AccountManager));

    // A manager not signed in is not waited for; one who stops calling lets it go.
    let nobody = key_account(&mut q, 42, 3 * MIN);
    assert_eq!(q.ticket(nobody).unwrap().offered, None);
    q.start_service(2, vip, Some(8), 3 * MIN).unwrap();
    q.finish(2, vip, Some(8), 4 * MIN).unwrap();
    let held = key_account(&mut q, 8, 5 * MIN);
    assert!(q.ticket(held).unwrap().offered.is_some());
    q.close_counter(2, MANAGER, 6 * MIN).unwrap();
    assert_eq!(q.ticket(held).unwrap().offered, None);
}

#[test]
fn an_offer_lapses_after_the_hold_so_nobody_waits_for_a_busy_manager() {
    let mut q = morning();
    q.sign_in(1, clerk(7), 0).unwrap();
    q.sign_in(2, clerk(8), 0).unwrap();
    let vip = key_account(&mut q, 8, 0);
    assert!(
        q.call_next(1, Some(7), 9 * MIN).is_err(),
        "held for counter 2"
    );
    let (called, _) = q.call_next(1, Some(7), 10 * MIN).unwrap();
    assert_eq!(
        called.id, vip,
        "after ten minutes any payment counter takes it"
    );
}

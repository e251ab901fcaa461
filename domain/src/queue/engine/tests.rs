use super::*;
use crate::halls::BusinessType::*;

const MIN: i64 = 60_000;

fn counters() -> Vec<CounterState> {
    let c = |number, serves: &[BusinessType]| CounterState::open(number, serves);
    vec![
        c(1, &[Payment]),
        c(2, &[Payment, Consultation]),
        c(3, &[Expansion]),
    ]
}

fn queue() -> HallQueue {
    HallQueue::new("xinghu", "2026-11-23", counters(), QueueConfig::default())
}

fn walk_in(business: BusinessType) -> CheckIn {
    CheckIn::walk_in(business, Priority::Normal)
}

fn issue(q: &mut HallQueue, business: BusinessType, at_min: i64) -> Ticket {
    q.check_in(walk_in(business), at_min * MIN).unwrap().0
}

#[test]
fn numbers_are_gapless_per_prefix() {
    let mut q = queue();
    let numbers: Vec<String> = [Payment, Expansion, Payment, Payment, Expansion]
        .into_iter()
        .enumerate()
        .map(|(i, b)| issue(&mut q, b, i as i64).number.to_string())
        .collect();
    assert_eq!(numbers, ["A001", "B001", "A002", "A003", "B002"]);
}

#[test]
fn a_retried_check_in_returns_the_same_ticket() {
    let mut q = queue();
    let req = CheckIn {
        idempotency_key: Some("tap-1".into()),
        ..walk_in(Payment)
    };
    let (first, new) = q.check_in(req.clone(), 0).unwrap();
    let (again, new_again) = q.check_in(req, MIN).unwrap();
    assert!(new && !new_again);
    assert_eq!(first, again);
    assert_eq!(q.tickets.len(), 1);
    assert_eq!(q.take_events().len(), 1, "one issued event");
}

#[test]
fn one_active_ticket_per_customer_and_phone() {
    let mut q = queue();
    let mine = CheckIn {
        customer_id: Some(7),
        ..walk_in(Payment)
    };
    q.check_in(mine.clone(), 0).unwrap();
    let err = q
        .check_in(
            CheckIn {
                business: Consultation,
                ..mine
            },
            MIN,
        )
        .unwrap_err();
    assert!(err.message.contains("A001"), "{err}");
    let phone = CheckIn {
        phone: Some("13800138000".into()),
        ..walk_in(Payment)
    };
    q.check_in(phone.clone(), 0).unwrap();
    assert_eq!(
        q.check_in(phone, 0).unwrap_err().code,
        crate::ErrorCode::Conflict
    );
}

#[test]
fn a_finished_ticket_frees_the_customer_to_check_in_again() {
    let mut q = queue();
    let mine = CheckIn {
        customer_id: Some(7),
        ..walk_in(Payment)
    };
    let t = q.check_in(mine.clone(), 0).unwrap().0;
    q.cancel(t.id, Some(7), MIN).unwrap();
    assert!(q.check_in(mine, 2 * MIN).is_ok());
}

#[test]
fn business_nobody_serves_is_refused() {
    let mut q = queue();
    let err = q.check_in(walk_in(Invoice), 0).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("business"));
}

#[test]
fn a_counter_serves_one_ticket_at_a_time() {
    let mut q = queue();
    issue(&mut q, Payment, 0);
    issue(&mut q, Payment, 1);
    let (t, reason) = q.call_next(1, Some(100), 2 * MIN).unwrap();
    assert_eq!(
        (t.number.to_string(), t.state, reason),
        (
            "A001".into(),
            TicketState::Called,
            CallReason::OnlyNormalWaiting
        )
    );
    assert_eq!(
        q.call_next(1, Some(100), 2 * MIN).unwrap_err().code,
        crate::ErrorCode::Conflict
    );
    let (t2, _) = q.call_next(2, Some(101), 2 * MIN).unwrap();
    assert_eq!(
        t2.number.to_string(),
        "A002",
        "two counters never get the same ticket"
    );
    assert_eq!(
        q.call_next(3, None, 2 * MIN).unwrap_err().code,
        crate::ErrorCode::NotFound
    );
}

#[test]
fn recall_needs_a_gap_and_stops_at_the_call_limit() {
    let mut q = queue();
    let t = issue(&mut q, Payment, 0);
    q.call_next(1, None, 0).unwrap();
    assert!(q
        .recall(1, t.id, None, 10_000)
        .unwrap_err()
        .message
        .contains("20 more seconds"));
    q.recall(1, t.id, None, 30_000).unwrap();
    assert!(
        q.no_show(1, t.id, None, 40_000).is_err(),
        "only two calls so far"
    );
    let third = q.recall(1, t.id, None, 60_000).unwrap();
    assert_eq!(third.calls, 3);
    assert!(q
        .recall(1, t.id, None, 120_000)
        .unwrap_err()
        .message
        .contains("no-show"));
    assert_eq!(
        q.no_show(1, t.id, None, 121_000).unwrap().state,
        TicketState::NoShow
    );
    assert!(q.current_at(1).is_none(), "the counter is free again");
}

#[test]
fn serving_records_the_service_time() {
    let mut q = queue();
    let t = issue(&mut q, Payment, 0);
    q.call_next(1, None, MIN).unwrap();
    assert!(
        q.finish(1, t.id, None, 2 * MIN).is_err(),
        "must start before finishing"
    );
    q.start_service(1, t.id, None, 2 * MIN).unwrap();
    let done = q.finish(1, t.id, None, 4 * MIN).unwrap();
    assert_eq!(done.state, TicketState::Served);
    assert!((q.stats.mean(Payment) - 2.0).abs() < 1e-9);
}

#[test]
fn a_transfer_keeps_the_check_in_time_and_goes_first_at_its_counter() {
    let mut q = queue();
    let moved = issue(&mut q, Payment, 0);
    issue(&mut q, Expansion, 5);
    q.call_next(1, None, 6 * MIN).unwrap();
    q.start_service(1, moved.id, None, 6 * MIN).unwrap();
    let t = q
        .transfer(
            1,
            moved.id,
            Transfer {
                business: Some(Expansion),
                counter: None,
            },
            None,
            8 * MIN,
        )
        .unwrap();
    assert_eq!(
        (t.state, t.business, t.issued_at),
        (TicketState::Waiting, Expansion, 0)
    );
    let (next, _) = q.call_next(3, None, 9 * MIN).unwrap();
    assert_eq!(
        next.id, moved.id,
        "its original check-in puts it ahead of B001"
    );

    let direct = issue(&mut q, Payment, 10);
    q.call_next(2, None, 11 * MIN).unwrap();
    let t = q
        .transfer(
            2,
            direct.id,
            Transfer {
                business: None,
                counter: Some(1),
            },
            None,
            12 * MIN,
        )
        .unwrap();
    assert_eq!(t.counter, Some(1));
    let (_, reason) = q.call_next(1, None, 13 * MIN).unwrap();
    assert_eq!(reason, CallReason::TransferredHere);
}

#[test]
fn bad_transfers_are_refused() {
    let mut q = queue();
    let t = issue(&mut q, Payment, 0);
    q.call_next(1, None, MIN).unwrap();
    let none = Transfer {
        business: None,
        counter: None,
    };
    assert_eq!(
        q.transfer(1, t.id, none, None, MIN)
            .unwrap_err()
            .field
            .as_deref(),
        Some("to")
    );
    let unknown = Transfer {
        business: None,
        counter: Some(9),
    };
    assert_eq!(
        q.transfer(1, t.id, unknown, None, MIN).unwrap_err().code,
        crate::ErrorCode::NotFound
    );
    let unserved = Transfer {
        business: Some(Invoice),
        counter: None,
    };
    assert_eq!(
        q.transfer(1, t.id, unserved, None, MIN)
            .unwrap_err()
            .field
            .as_deref(),
        Some("business")
    );
    assert_eq!(
        q.transfer(
            2,
            t.id,
            Transfer {
                business: None,
                counter: Some(3)
            },
            None,
            MIN
        )
        .unwrap_err()
        .code,
        crate::ErrorCode::Conflict,
        "not at counter 2"
    );
}

#[test]
fn rating_is_once_after_service_and_low_marks_need_follow_up() {
    let mut q = queue();
    let t = issue(&mut q, Payment, 0);
    assert_eq!(
        q.rate(t.id, 5, "", None, MIN).unwrap_err().code,
        crate::ErrorCode::Conflict
    );
    q.call_next(1, None, MIN).unwrap();
    q.start_service(1, t.id, None, MIN).unwrap();
    q.finish(1, t.id, None, 2 * MIN).unwrap();
    assert_eq!(
        q.rate(t.id, 0, "", None, 3 * MIN)
            .unwrap_err()
            .field
            .as_deref(),
        Some("stars")
    );
    assert_eq!(
        q.rate(t.id, 3, &"字".repeat(COMMENT_MAX + 1), None, 3 * MIN)
            .unwrap_err()
            .field
            .as_deref(),
        Some("comment")
    );
    let (rated, follow_up) = q.rate(t.id, 2, " 等太久 ", None, 3 * MIN).unwrap();
    assert!(follow_up);
    assert_eq!(rated.rating.unwrap().comment, "等太久");
    assert_eq!(
        q.rate(t.id, 5, "", None, 4 * MIN).unwrap_err().code,
        crate::ErrorCode::Conflict
    );
}

#[test]
fn events_carry_an_increasing_sequence_actor_and_reason() {
    let mut q = queue();
    let t = issue(&mut q, Payment, 0);
    q.call_next(1, Some(42), MIN).unwrap();
    q.start_service(1, t.id, Some(42), MIN).unwrap();
    let events = q.take_events();
    let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Issued,
            EventKind::Called,
            EventKind::ServiceStarted
        ]
    );
    assert!(events.windows(2).all(|w| w[1].seq == w[0].seq + 1));
    assert_eq!(events[1].actor, Some(42));
    assert_eq!(events[1].reason, Some(CallReason::OnlyNormalWaiting));
    assert!(q.take_events().is_empty());
}

#[test]
fn refused_changes_change_nothing() {
    let mut q = queue();
    let t = issue(&mut q, Payment, 0);
    q.take_events();
    let before = q.clone();
    let refusals = [
        q.recall(1, t.id, None, MIN).map(|_| ()),
        q.no_show(1, t.id, None, MIN).map(|_| ()),
        q.start_service(1, t.id, None, MIN).map(|_| ()),
        q.finish(1, t.id, None, MIN).map(|_| ()),
        q.call_ticket(3, t.id, None, MIN).map(|_| ()),
        q.call_ticket(1, 99, None, MIN).map(|_| ()),
        q.cancel(0, None, MIN).map(|_| ()),
        q.rate(t.id, 5, "", None, MIN).map(|_| ()),
        q.check_in(walk_in(Invoice), MIN).map(|_| ()),
    ];
    assert!(refusals.iter().all(Result::is_err));
    assert_eq!(q, before);
}

#[test]
fn a_daily_cap_ends_the_numbers_but_not_appointments() {
    use crate::halls::business::{BusinessSettingRequest, BusinessSettings};
    let mut q = queue();
    let mut settings = BusinessSettings::default();
    let capped = BusinessSettingRequest {
        prefix: "F".into(),
        service_minutes: 4,
        daily_cap: Some(2),
    };
    settings.set(capped.setting(Payment).unwrap()).unwrap();
    q.set_business(settings);
    assert_eq!(q.numbers_left(Payment), Some(2));
    assert_eq!(q.numbers_left(Expansion), None);
    assert_eq!(issue(&mut q, Payment, 0).number.to_string(), "F001");
    issue(&mut q, Payment, 1);
    assert_eq!(q.numbers_left(Payment), Some(0));
    let err = q.check_in(walk_in(Payment), 2 * MIN).unwrap_err();
    assert_eq!(err.code, crate::ErrorCode::Conflict);
    assert!(err.message.contains("numbers"), "{}", err.message);
    let booked = CheckIn {
        channel: Channel::Appointment,
        ..walk_in(Payment)
    };
    assert!(
        q.check_in(booked, 3 * MIN).is_ok(),
        "an appointment was promised its turn"
    );
    assert_eq!(
        q.stats.mean(Payment),
        4.0,
        "the hall's usual minutes until data"
    );
}

use super::*;
use crate::halls::BusinessType::{self, *};
use crate::queue::{Acting, CheckIn, CounterState, Priority, QueueConfig};

const NOBODY: Acting = Acting {
    user: None,
    manager: false,
};

const MIN: i64 = 60_000;

fn queue(counters: &[&[BusinessType]]) -> HallQueue {
    let counters = counters
        .iter()
        .enumerate()
        .map(|(i, serves)| CounterState::open(i as u32 + 1, serves))
        .collect();
    HallQueue::new("h", "2026-11-23", counters, QueueConfig::default())
}

fn issue(q: &mut HallQueue, business: BusinessType, priority: Priority, at_min: i64) -> u32 {
    let req = CheckIn::walk_in(business, priority);
    q.check_in(req, at_min * MIN).unwrap().0.id
}

fn by_id(estimates: &[Estimate], id: u32) -> Estimate {
    *estimates.iter().find(|e| e.ticket_id == id).unwrap()
}

#[test]
fn one_counter_serves_in_turn() {
    let mut q = queue(&[&[Payment]]);
    let ids: Vec<u32> = (0..3)
        .map(|i| issue(&mut q, Payment, Priority::Normal, i))
        .collect();
    let e = estimate_waits(&q, 3 * MIN);
    let waits: Vec<f64> = ids
        .iter()
        .map(|&id| by_id(&e, id).expected_minutes)
        .collect();
    // Payment defaults to 3 minutes, plus a quarter of a minute to walk up.
    assert_eq!(waits, [0.0, 3.25, 6.5]);
    assert_eq!(
        ids.iter()
            .map(|&id| by_id(&e, id).ahead)
            .collect::<Vec<_>>(),
        [0, 1, 2]
    );
}

#[test]
fn skills_decide_which_line_a_ticket_is_in() {
    let mut q = queue(&[&[Payment], &[Expansion]]);
    for i in 0..4 {
        issue(&mut q, Payment, Priority::Normal, i);
    }
    let expansion = issue(&mut q, Expansion, Priority::Normal, 5);
    let e = by_id(&estimate_waits(&q, 6 * MIN), expansion);
    assert_eq!(
        (e.expected_minutes, e.ahead),
        (0.0, 0),
        "the expansion counter is free"
    );
}

#[test]
fn priority_tickets_are_estimated_ahead_of_walk_ins() {
    let mut q = queue(&[&[Payment]]);
    let normal = issue(&mut q, Payment, Priority::Normal, 0);
    let normal2 = issue(&mut q, Payment, Priority::Normal, 1);
    let vip = issue(&mut q, Payment, Priority::KeyAccount, 2);
    let e = estimate_waits(&q, 3 * MIN);
    assert!(by_id(&e, vip).expected_minutes < by_id(&e, normal2).expected_minutes);
    assert!(
        by_id(&e, normal).expected_minutes > by_id(&e, vip).expected_minutes,
        "1 priority : 2 normal puts the VIP first"
    );
}

#[test]
fn the_range_contains_the_estimate_and_widens_further_back() {
    let mut q = queue(&[&[Payment], &[Payment]]);
    let ids: Vec<u32> = (0..10)
        .map(|i| issue(&mut q, Payment, Priority::Normal, i))
        .collect();
    let e = estimate_waits(&q, 10 * MIN);
    let width = |id| {
        let r = by_id(&e, id).range;
        r.high_minutes - r.low_minutes
    };
    for &id in &ids {
        let x = by_id(&e, id);
        assert!(
            x.range.low_minutes as f64 <= x.expected_minutes
                && x.expected_minutes <= x.range.high_minutes as f64
        );
    }
    assert!(width(ids[9]) > width(ids[0]));
}

#[test]
fn a_closed_counter_does_not_count() {
    let mut q = queue(&[&[Payment], &[Payment]]);
    q.close_counter(2, NOBODY, 0).unwrap();
    issue(&mut q, Payment, Priority::Normal, 0);
    let second = issue(&mut q, Payment, Priority::Normal, 0);
    assert_eq!(
        by_id(&estimate_waits(&q, MIN), second).expected_minutes,
        3.25
    );
}

#[test]
fn a_ticket_no_open_counter_serves_or_is_trained_for_has_no_estimate() {
    let mut q = queue(&[&[Payment], &[Expansion]]);
    q.counters[0].trained = vec![Payment, Invoice];
    let id = issue(&mut q, Expansion, Priority::Normal, 0);
    q.pause(2, "午休", NOBODY, 0).unwrap();
    assert!(estimate_waits(&q, MIN).iter().all(|e| e.ticket_id != id));
}

#[test]
fn an_idle_trained_counter_is_expected_to_take_another_lines_customer() {
    // Counter 1 (payment) has stood free since minute 0; its clerk knows expansion, whose own
    // counter is paused: the expansion ticket goes there once it has been idle three minutes.
    let mut q = queue(&[&[Payment], &[Expansion]]);
    q.counters[0].idle_since = Some(0);
    let id = issue(&mut q, Expansion, Priority::Normal, 0);
    q.pause(2, "午休", NOBODY, 0).unwrap();
    let e = by_id(&estimate_waits(&q, MIN), id);
    assert_eq!(e.expected_minutes, 2.0);
    // A payment customer arriving first keeps the counter busy; the overflow comes after.
    let payment = issue(&mut q, Payment, Priority::Normal, 1);
    let all = estimate_waits(&q, MIN);
    assert_eq!(by_id(&all, payment).expected_minutes, 0.0);
    assert_eq!(by_id(&all, id).expected_minutes, 3.25 + 3.0);
}

#[test]
fn baseline_is_people_ahead_times_mean_over_counters() {
    let mut q = queue(&[&[Payment], &[Payment]]);
    for i in 0..4 {
        issue(&mut q, Payment, Priority::Normal, i);
    }
    let last = q.tickets.last().unwrap().clone();
    assert_eq!(baseline_minutes(&q, &last), 3.0 * 3.0 / 2.0);
}

#[test]
fn one_ticket_and_a_newcomer_get_what_the_whole_playback_gives() {
    let mut q = queue(&[&[Payment, Invoice], &[Expansion, Payment], &[Consultation]]);
    let kinds = [Payment, Invoice, Expansion, Consultation, Payment];
    for i in 0..30 {
        let priority = if i % 7 == 3 {
            Priority::GreenChannel
        } else {
            Priority::Normal
        };
        issue(&mut q, kinds[i as usize % kinds.len()], priority, i / 3);
    }
    let now = 12 * MIN;
    let all = estimate_waits(&q, now);
    for e in &all {
        assert_eq!(estimate_for(&q, e.ticket_id, now), Some(*e));
    }
    let mut trial = q.clone();
    let newcomer = issue(&mut trial, Invoice, Priority::Normal, 12);
    assert_eq!(
        newcomer_wait(&q, Invoice, now),
        Some(by_id(&estimate_waits(&trial, now), newcomer).range)
    );
}

#[test]
fn when_the_hall_knows_people_give_up_fewer_ahead_are_expected_to_stay() {
    let mut q = queue(&[&[Payment]]);
    let ids: Vec<u32> = (0..10)
        .map(|i| issue(&mut q, Payment, Priority::Normal, i))
        .collect();
    let last = *ids.last().unwrap();
    let staying = by_id(&estimate_waits(&q, 10 * MIN), last).expected_minutes;
    // The history: 20 people gave up over 200 minutes of waiting, a mean patience of 10.
    q.patience = crate::queue::patience::Patience {
        waited_minutes: 200.0,
        gave_up: 20,
    };
    let leaving = by_id(&estimate_waits(&q, 10 * MIN), last).expected_minutes;
    assert_eq!(staying, 9.0 * 3.25);
    assert!(
        leaving < staying * 0.6,
        "{leaving} minutes once a share of the nine ahead is expected to leave"
    );
    assert!(leaving > 3.25 * 4.0, "{leaving}: still several ahead");
}

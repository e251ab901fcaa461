use super::*;
use crate::halls::BusinessType::{self, *};
use crate::queue::ticket::{Channel, TicketNumber, TicketState};
use proptest::prelude::*;

const MIN: i64 = 60_000;

pub(crate) fn ticket(
    id: u32,
    business: BusinessType,
    priority: Priority,
    issued_min: i64,
) -> Ticket {
    let number = TicketNumber {
        prefix: business.ticket_prefix(),
        seq: id,
    };
    Ticket::waiting(
        id,
        number,
        business,
        priority,
        Channel::Kiosk,
        issued_min * MIN,
    )
}

const PAYMENT_ONLY: CounterSkills = CounterSkills {
    number: 1,
    serves: &[Payment],
    trained: &[],
    idle_since: None,
};
const ALL: CounterSkills = CounterSkills {
    number: 6,
    serves: &[Payment, Expansion, ChangeTransfer, Consultation, Invoice],
    trained: &[],
    idle_since: None,
};
/// A payment counter whose clerk also knows expansion and consultation, free since minute 10.
const PAYMENT_TRAINED: CounterSkills = CounterSkills {
    number: 2,
    serves: &[Payment],
    trained: &[Expansion, Consultation],
    idle_since: Some(10 * MIN),
};

fn next(
    tickets: &[Ticket],
    counter: CounterSkills,
    fairness: Fairness,
    now_min: i64,
) -> Option<Selection> {
    select_next(
        tickets,
        counter,
        fairness,
        &QueueConfig::default(),
        now_min * MIN,
    )
}

#[test]
fn a_counter_calls_only_business_it_serves() {
    let tickets = [
        ticket(1, Expansion, Priority::Normal, 0),
        ticket(2, Payment, Priority::Normal, 1),
    ];
    assert_eq!(
        next(&tickets, PAYMENT_ONLY, Fairness::default(), 2)
            .unwrap()
            .index,
        1
    );
    assert_eq!(
        next(&tickets, ALL, Fairness::default(), 2).unwrap().index,
        0
    );
    assert_eq!(
        next(&tickets[..1], PAYMENT_ONLY, Fairness::default(), 2),
        None
    );
}

#[test]
fn oldest_check_in_first_within_a_class() {
    let tickets = [
        ticket(1, Payment, Priority::Normal, 5),
        ticket(2, Payment, Priority::Normal, 3),
    ];
    let s = next(&tickets, ALL, Fairness::default(), 6).unwrap();
    assert_eq!((s.index, s.reason), (1, CallReason::OnlyNormalWaiting));
}

#[test]
fn priority_and_normal_alternate_one_to_two() {
    let mut tickets: Vec<Ticket> = (1..=4)
        .map(|i| ticket(i, Payment, Priority::Normal, i as i64))
        .collect();
    tickets.extend((5..=8).map(|i| ticket(i, Payment, Priority::GreenChannel, i as i64)));
    let mut fairness = Fairness::default();
    let mut order = Vec::new();
    for _ in 0..6 {
        let s = next(&tickets, ALL, fairness, 10).unwrap();
        order.push(tickets[s.index].priority.is_priority());
        tickets[s.index].state = TicketState::Called;
        fairness = s.fairness;
    }
    assert_eq!(order, [true, false, false, true, false, false]);
}

#[test]
fn reasons_explain_the_choice() {
    let tickets = [
        ticket(1, Payment, Priority::Normal, 0),
        ticket(2, Payment, Priority::KeyAccount, 1),
    ];
    let first = next(&tickets, ALL, Fairness::default(), 2).unwrap();
    assert_eq!(
        first.reason,
        CallReason::PriorityTurn {
            priority: Priority::KeyAccount
        }
    );
    let second = next(&tickets, ALL, first.fairness, 2).unwrap();
    assert_eq!((second.index, second.reason), (0, CallReason::NormalTurn));
    let alone = next(&tickets[1..], ALL, Fairness::default(), 2).unwrap();
    assert_eq!(
        alone.reason,
        CallReason::OnlyPriorityWaiting {
            priority: Priority::KeyAccount
        }
    );
}

#[test]
fn an_aged_normal_ticket_goes_with_the_priority_class() {
    // Normal #1 has waited 25 minutes; at the priority turn it beats the newer priority ticket.
    let tickets = [
        ticket(1, Payment, Priority::Normal, 0),
        ticket(2, Payment, Priority::GreenChannel, 20),
        ticket(3, Payment, Priority::Normal, 21),
    ];
    let s = next(&tickets, ALL, Fairness::default(), 25).unwrap();
    assert_eq!(
        (s.index, s.reason),
        (0, CallReason::Aged { waited_minutes: 25 })
    );
}

#[test]
fn a_transfer_to_this_counter_comes_first_and_only_here() {
    let mut moved = ticket(3, Expansion, Priority::Normal, 9);
    moved.counter = Some(1);
    let tickets = [ticket(1, Payment, Priority::KeyAccount, 0), moved];
    let s = next(&tickets, PAYMENT_ONLY, Fairness::default(), 10).unwrap();
    assert_eq!((s.index, s.reason), (1, CallReason::TransferredHere));
    let other = next(&tickets, ALL, Fairness::default(), 10).unwrap();
    assert_eq!(
        other.index, 0,
        "another counter may not take a ticket sent to counter 1"
    );
}

#[test]
fn tickets_not_waiting_are_never_called() {
    let mut called = ticket(1, Payment, Priority::Normal, 0);
    called.state = TicketState::Called;
    assert_eq!(next(&[called], ALL, Fairness::default(), 1), None);
}

#[test]
fn an_idle_counter_takes_the_longest_waiting_customer_it_is_trained_for() {
    let tickets = [
        ticket(1, Invoice, Priority::Normal, 0),
        ticket(2, Consultation, Priority::Normal, 4),
        ticket(3, Expansion, Priority::GreenChannel, 5),
        ticket(4, Expansion, Priority::Normal, 2),
    ];
    assert_eq!(
        next(&tickets, PAYMENT_TRAINED, Fairness::default(), 12),
        None,
        "two minutes idle is not yet long enough"
    );
    let s = next(
        &tickets,
        PAYMENT_TRAINED,
        Fairness {
            priority_calls: 1,
            normal_calls: 0,
        },
        13,
    )
    .unwrap();
    assert_eq!(
        (s.index, s.reason),
        (
            3,
            CallReason::Overflow {
                business: Expansion,
                idle_minutes: 3
            }
        ),
        "the oldest trained-for ticket; invoices are not its clerk's"
    );
    assert_eq!(
        s.fairness,
        Fairness {
            priority_calls: 1,
            normal_calls: 0
        },
        "overflow calls do not move the hall's cycle"
    );
}

#[test]
fn overflow_waits_while_the_counters_own_customers_wait() {
    let mut sent = ticket(2, Expansion, Priority::Normal, 0);
    sent.counter = Some(3);
    let tickets = [
        ticket(1, Expansion, Priority::Normal, 0),
        sent,
        ticket(3, Payment, Priority::Normal, 9),
    ];
    let s = next(&tickets, PAYMENT_TRAINED, Fairness::default(), 20).unwrap();
    assert_eq!((s.index, s.reason), (2, CallReason::OnlyNormalWaiting));
    let s = next(&tickets[..2], PAYMENT_TRAINED, Fairness::default(), 20).unwrap();
    assert_eq!(s.index, 0, "a ticket sent to counter 3 stays for counter 3");
}

proptest! {
    /// Dynamic counters over a whole morning: counters call whenever free, overflow included.
    /// An overflow call happens only with none of the counter's own types waiting, after the
    /// idle time, and takes the longest-waiting ticket it is trained for; every ticket is
    /// called (nobody starves), and none waits long while a trained counter stands idle.
    #[test]
    fn overflow_is_fair_and_nobody_starves(
        specs in prop::collection::vec((0usize..5, 0usize..4, 0i64..60), 1..40),
        desks in prop::collection::vec(
            (prop::collection::btree_set(0usize..5, 1..3), prop::collection::btree_set(0usize..5, 0..5)),
            1..4,
        ),
    ) {
        let types = |set: &std::collections::BTreeSet<usize>| -> Vec<BusinessType> {
            set.iter().map(|&b| BusinessType::ALL[b]).collect()
        };
        let desks: Vec<(Vec<BusinessType>, Vec<BusinessType>)> =
            desks.iter().map(|(s, t)| (types(s), types(t))).collect();
        let served: Vec<BusinessType> = desks.iter().flat_map(|d| d.0.clone()).collect();
        let priorities = [Priority::Normal, Priority::Normal, Priority::Normal, Priority::GreenChannel];
        // Check-in takes only types a counter serves; tickets in check-in order.
        let mut specs: Vec<_> = specs.into_iter().filter(|s| served.contains(&BusinessType::ALL[s.0])).collect();
        specs.sort_by_key(|s| s.2);
        let mut tickets: Vec<Ticket> = specs
            .iter()
            .enumerate()
            .map(|(i, &(b, p, at))| ticket(i as u32 + 1, BusinessType::ALL[b], priorities[p], at))
            .collect();
        let config = QueueConfig::default();
        let idle_ms = i64::from(config.overflow_idle_minutes) * MIN;
        let mut free_at: Vec<i64> = vec![0; desks.len()];
        let mut fairness = Fairness::default();
        for minute in 0..600 {
            let now = minute * MIN;
            let arrived = tickets.iter().take_while(|t| t.issued_at <= now).count();
            for (k, (serves, trained)) in desks.iter().enumerate() {
                if free_at[k] > now {
                    continue;
                }
                let skills = CounterSkills { number: k as u32 + 1, serves, trained, idle_since: Some(free_at[k]) };
                let Some(s) = select_next(&tickets[..arrived], skills, fairness, &config, now) else {
                    continue;
                };
                let waiting = |pred: &dyn Fn(&Ticket) -> bool| {
                    tickets[..arrived].iter().filter(|t| t.is_waiting() && pred(t)).count()
                };
                if let CallReason::Overflow { business, .. } = s.reason {
                    prop_assert_eq!(waiting(&|t| serves.contains(&t.business)), 0);
                    prop_assert!(now >= free_at[k] + idle_ms);
                    prop_assert!(trained.contains(&business) && !serves.contains(&business));
                    let older = waiting(&|t| {
                        skills.may_overflow_to(t.business) && t.issued_at < tickets[s.index].issued_at
                    });
                    prop_assert_eq!(older, 0, "overflow takes the longest-waiting ticket");
                } else {
                    prop_assert!(serves.contains(&tickets[s.index].business));
                    fairness = s.fairness;
                }
                tickets[s.index].state = TicketState::Called;
                free_at[k] = now + 2 * MIN;
            }
            // Nobody waits past the idle time while a counter trained for them stands free.
            for t in tickets[..arrived].iter().filter(|t| t.is_waiting()) {
                let idle_trained = desks.iter().enumerate().any(|(k, (serves, trained))| {
                    free_at[k] + idle_ms <= now && !serves.contains(&t.business) && trained.contains(&t.business)
                });
                prop_assert!(!idle_trained, "ticket {} left waiting beside an idle trained counter", t.id);
            }
        }
        prop_assert!(tickets.iter().all(|t| !t.is_waiting()), "every ticket is called");
    }

    /// However the priority tickets keep coming, a normal ticket is called within a bounded
    /// number of calls: the ratio gives normals two calls in three, and ageing caps the rest.
    #[test]
    fn no_normal_ticket_starves(priority_every in 1usize..4, normals in 1usize..12) {
        let mut tickets: Vec<Ticket> = (0..normals).map(|i| ticket(i as u32 + 1, Payment, Priority::Normal, 0)).collect();
        let watched = 0; // the oldest normal ticket
        let mut fairness = Fairness::default();
        let mut calls = 0;
        let mut id = 100;
        while tickets[watched].state == TicketState::Waiting {
            for _ in 0..priority_every { id += 1; tickets.push(ticket(id, Payment, Priority::KeyAccount, 1)); }
            let s = next(&tickets, ALL, fairness, 2).unwrap();
            tickets[s.index].state = TicketState::Called;
            fairness = s.fairness;
            calls += 1;
            prop_assert!(calls <= 3, "the oldest normal waited {calls} calls");
        }
    }
}

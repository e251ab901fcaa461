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
};
const ALL: CounterSkills = CounterSkills {
    number: 6,
    serves: &[Payment, Expansion, ChangeTransfer, Consultation, Invoice],
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

proptest! {
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

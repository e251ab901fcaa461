use super::*;
use crate::Reason;

fn act(action: OrderAction) -> OrderActInput {
    OrderActInput {
        action,
        department: None,
        text: Some("已更换熔断器，恢复供电".into()),
        stars: Some(5),
        outcome: None,
    }
}

fn callback(outcome: Outcome, text: &str) -> OrderActInput {
    OrderActInput {
        outcome: Some(outcome),
        text: Some(text.into()),
        ..act(OrderAction::Callback)
    }
}

fn state(topic: Topic, status: OrderStatus) -> OrderState {
    OrderState {
        topic,
        status,
        department: None,
        rated: false,
        contacted: false,
        unreached: 0,
    }
}

/// Applies the actions in turn and returns the final state, panicking on a refusal.
fn walk(topic: Topic, actions: &[(OrderAction, bool)]) -> OrderState {
    let mut s = state(topic, OrderStatus::Submitted);
    for &(action, by_customer) in actions {
        let change = s.apply(&act(action), by_customer).unwrap();
        s.status = change.status;
        s.department = change.department;
        s.rated |= change.rating.is_some();
    }
    s
}

#[test]
fn a_repair_is_dispatched_reached_answered_closed_and_rated() {
    use OrderAction::*;
    let s = state(Topic::RepairUrban, OrderStatus::Submitted);
    let dispatched = s.apply(&act(Dispatch), false).unwrap();
    assert_eq!(dispatched.department, Some(Department::RepairCrew));
    let s = OrderState {
        status: OrderStatus::Dispatched,
        ..s
    };
    assert!(s.apply(&act(Reply), false).is_err(), "arrival comes first");
    assert_eq!(
        s.apply(&act(Arrive), false).unwrap().met,
        [Milestone::Arrival]
    );
    let arrived = OrderState {
        status: OrderStatus::Arrived,
        ..s
    };
    assert_eq!(
        arrived.apply(&act(Reply), false).unwrap().met,
        [Milestone::Restore],
        "the repair's answer is the power back on"
    );
    let done = walk(
        Topic::RepairUrban,
        &[
            (Dispatch, false),
            (Arrive, false),
            (Reply, false),
            (Close, false),
            (Rate, true),
        ],
    );
    assert_eq!(done.status, OrderStatus::Closed);
    assert!(done.rated);
    assert!(done.options(true).is_empty(), "rated once");
}

#[test]
fn a_complaint_is_contacted_then_answered_and_needs_no_visit() {
    use OrderAction::*;
    let s = state(Topic::Complaint, OrderStatus::Dispatched);
    assert!(s.apply(&act(Arrive), false).is_err());
    assert_eq!(
        s.apply(&act(Contact), false).unwrap().met,
        [Milestone::Contact]
    );
    let reply = s.apply(&act(Reply), false).unwrap();
    assert_eq!(
        reply.met,
        [Milestone::Contact, Milestone::Result],
        "a result given without an earlier contact is the contact too"
    );
    assert_eq!(reply.status, OrderStatus::Replied);
    let contacted = OrderState {
        contacted: true,
        ..s
    };
    assert!(
        contacted.apply(&act(Contact), false).is_err(),
        "contacted once"
    );
    assert_eq!(
        contacted.apply(&act(Reply), false).unwrap().met,
        [Milestone::Result]
    );
    assert!(!state(Topic::Suggestion, OrderStatus::Dispatched)
        .options(false)
        .contains(&Contact));
    let empty = OrderActInput {
        text: Some("  ".into()),
        ..act(Reply)
    };
    assert_eq!(
        s.apply(&empty, false).unwrap_err().field.as_deref(),
        Some("text")
    );
}

#[test]
fn each_side_does_only_its_own_actions() {
    use OrderAction::*;
    let s = state(Topic::Suggestion, OrderStatus::Submitted);
    assert_eq!(s.apply(&act(Dispatch), true).unwrap_err().status(), 403);
    assert_eq!(s.apply(&act(Cancel), false).unwrap_err().status(), 403);
    assert_eq!(s.options(true), [Cancel]);
    assert_eq!(s.options(false), [Dispatch]);
    let closed = state(Topic::Suggestion, OrderStatus::Closed);
    assert_eq!(closed.options(true), [Rate]);
    assert!(
        closed.apply(&act(Cancel), true).is_err(),
        "too late to cancel"
    );
    let bad_stars = OrderActInput {
        stars: Some(6),
        ..act(Rate)
    };
    assert_eq!(
        closed.apply(&bad_stars, true).unwrap_err().field.as_deref(),
        Some("stars")
    );
}

#[test]
fn the_published_terms_are_the_ten_promises() {
    use terms::{Limit, Term};
    let limit = |topic, milestone| {
        Term::PUBLISHED
            .iter()
            .find(|t| t.topic == topic && t.milestone == milestone)
            .map(|t| t.limit)
    };
    assert_eq!(
        limit(Topic::RepairUrban, Milestone::Arrival),
        Some(Limit::Minutes(45))
    );
    assert_eq!(
        limit(Topic::RepairRural, Milestone::Arrival),
        Some(Limit::Minutes(90))
    );
    assert_eq!(
        limit(Topic::RepairRemote, Milestone::Arrival),
        Some(Limit::Minutes(120))
    );
    assert_eq!(
        limit(Topic::RepairUrban, Milestone::Restore),
        Some(Limit::Minutes(180))
    );
    assert_eq!(
        limit(Topic::RepairRural, Milestone::Restore),
        Some(Limit::Minutes(240))
    );
    assert_eq!(
        limit(Topic::Complaint, Milestone::Contact),
        Some(Limit::Minutes(24 * 60))
    );
    assert_eq!(
        limit(Topic::Complaint, Milestone::Result),
        Some(Limit::WorkingDays(5))
    );
    // Every topic promises its first milestone and its answer.
    for topic in Topic::ALL {
        assert!(limit(topic, topic.milestone()).is_some(), "{topic:?}");
        assert!(limit(topic, topic.answer()).is_some(), "{topic:?}");
    }
}

#[test]
fn an_order_needs_a_description_a_place_and_a_mobile() {
    let input = OrderInput {
        topic: Topic::RepairUrban,
        description: " 整栋楼停电 ".into(),
        location: "湖滨路 12 号".into(),
        phone: "138 0013 8001".into(),
        hall_id: "xinghu".into(),
        account: Some(" ".into()),
        intake: Default::default(),
    };
    let ok = input.checked(false).unwrap();
    assert_eq!(
        (ok.description.as_str(), ok.phone.as_str()),
        ("整栋楼停电", "13800138001")
    );
    assert_eq!(ok.account, None);
    let field = |i: OrderInput| i.checked(false).unwrap_err().field.unwrap();
    assert_eq!(
        field(OrderInput {
            description: "".into(),
            ..input.clone()
        }),
        "description"
    );
    assert_eq!(
        field(OrderInput {
            location: "".into(),
            ..input.clone()
        }),
        "location"
    );
    assert_eq!(
        field(OrderInput {
            phone: "12345".into(),
            ..input
        }),
        "phone"
    );
}

#[test]
fn a_callback_closes_a_satisfied_complaint_and_reopens_an_unsatisfied_one() {
    use OrderAction::*;
    let replied = state(Topic::Complaint, OrderStatus::Replied);
    assert!(replied.options(false).contains(&Callback));
    assert!(!replied.options(false).contains(&Close), "call back first");
    assert_eq!(
        replied.apply(&act(Close), false).unwrap_err().reason,
        Reason::CallbackFirst
    );

    let satisfied = replied
        .apply(&callback(Outcome::Satisfied, ""), false)
        .unwrap();
    assert_eq!(satisfied.status, OrderStatus::Closed);
    assert!(!satisfied.reopened());

    let unsatisfied = replied
        .apply(&callback(Outcome::Unsatisfied, "停电原因没有说清楚"), false)
        .unwrap();
    assert_eq!(unsatisfied.status, OrderStatus::Dispatched);
    assert!(unsatisfied.reopened());
    assert_eq!(
        unsatisfied.callback,
        Some((Outcome::Unsatisfied, Some("停电原因没有说清楚".into())))
    );
    assert_eq!(
        replied
            .apply(&callback(Outcome::Unsatisfied, " "), false)
            .unwrap_err()
            .field
            .as_deref(),
        Some("text"),
        "an unsatisfied callback says why"
    );

    let unreached = replied
        .apply(&callback(Outcome::NotReached, ""), false)
        .unwrap();
    assert_eq!(unreached.status, OrderStatus::Replied, "try again later");
    let tried = OrderState {
        unreached: 1,
        ..replied
    };
    assert_eq!(
        tried.apply(&act(Close), false).unwrap().status,
        OrderStatus::Closed
    );

    let no_outcome = OrderActInput {
        outcome: None,
        ..callback(Outcome::Satisfied, "")
    };
    assert_eq!(
        replied
            .apply(&no_outcome, false)
            .unwrap_err()
            .field
            .as_deref(),
        Some("outcome")
    );
    assert_eq!(
        replied
            .apply(&callback(Outcome::Satisfied, ""), true)
            .unwrap_err()
            .status(),
        403,
        "staff call back"
    );
    assert!(
        state(Topic::Complaint, OrderStatus::Dispatched)
            .apply(&callback(Outcome::Satisfied, ""), false)
            .is_err(),
        "a callback follows a reply"
    );
}

#[test]
fn other_topics_close_without_a_callback() {
    let replied = state(Topic::Suggestion, OrderStatus::Replied);
    assert_eq!(
        replied
            .apply(&act(OrderAction::Close), false)
            .unwrap()
            .status,
        OrderStatus::Closed
    );
}

#[test]
fn only_the_crew_arrival_starts_another_clock() {
    let starting: Vec<Milestone> = Milestone::ALL
        .into_iter()
        .filter(|m| m.starts_clock())
        .collect();
    assert_eq!(starting, [Milestone::Arrival]);
}

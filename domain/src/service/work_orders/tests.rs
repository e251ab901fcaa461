use super::*;

fn act(action: OrderAction) -> OrderActInput {
    OrderActInput {
        action,
        department: None,
        text: Some("已更换熔断器，恢复供电".into()),
        stars: Some(5),
    }
}

fn state(topic: Topic, status: OrderStatus) -> OrderState {
    OrderState {
        topic,
        status,
        department: None,
        rated: false,
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
    assert!(s.apply(&act(Arrive), false).unwrap().meets_milestone);
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
fn a_complaint_is_met_by_its_reply_and_needs_no_visit() {
    use OrderAction::*;
    let s = state(Topic::Complaint, OrderStatus::Dispatched);
    assert!(s.apply(&act(Arrive), false).is_err());
    let reply = s.apply(&act(Reply), false).unwrap();
    assert!(reply.meets_milestone);
    assert_eq!(reply.status, OrderStatus::Replied);
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
fn due_states_follow_the_commitment() {
    let min = 60_000;
    // 45 minutes from 0.
    assert_eq!(due_state(0, 45, None, false, 10 * min), DueState::OnTime);
    assert_eq!(due_state(0, 45, None, false, 34 * min), DueState::DueSoon);
    assert_eq!(due_state(0, 45, None, false, 46 * min), DueState::Overdue);
    assert_eq!(
        due_state(0, 45, Some(40 * min), false, 90 * min),
        DueState::Met
    );
    assert_eq!(
        due_state(0, 45, Some(50 * min), false, 90 * min),
        DueState::Missed
    );
    assert_eq!(due_state(0, 45, None, true, 90 * min), DueState::None);
    assert!(DueState::Overdue.urgency() < DueState::DueSoon.urgency());
}

#[test]
fn commitments_default_to_the_published_promises_and_stay_in_range() {
    assert_eq!(Topic::RepairUrban.default_minutes(), 45);
    assert_eq!(Topic::MeterFault.default_minutes(), 480);
    let c = |minutes| {
        Commitment {
            topic: Topic::Complaint,
            minutes,
        }
        .checked()
    };
    assert!(c(4).is_err());
    assert!(c(43_201).is_err());
    assert!(c(30).is_ok());
    assert_eq!(order_number(2026, 12), "GD2026-000012");
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
    };
    let ok = input.checked().unwrap();
    assert_eq!(
        (ok.description.as_str(), ok.phone.as_str()),
        ("整栋楼停电", "13800138001")
    );
    assert_eq!(ok.account, None);
    let field = |i: OrderInput| i.checked().unwrap_err().field.unwrap();
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

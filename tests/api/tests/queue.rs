//! The queue API: check-in, ticket access, counter actions and their refusals. Each test runs
//! on its own Monday (the server's test clock), so it has the hall's queue to itself.

use api_tests::queue::{act, check_in, kiosk, snapshot};
use api_tests::{monday, Client};
use domain::queue::protocol::{CallResult, TicketView};
use domain::queue::{Priority, TicketState};
use serde_json::json;

#[test]
fn check_in_gives_numbers_in_order_and_a_retry_the_same_ticket() {
    let at = monday(1);
    let kiosk_client = Client::anonymous().at(&at);
    let a = check_in(&kiosk_client, "xinghu", kiosk("payment"));
    let b = check_in(&kiosk_client, "xinghu", kiosk("payment"));
    assert_eq!(
        (a.number.to_string(), b.number.to_string()),
        ("A001".into(), "A002".into())
    );
    assert!(a.key.is_some());
    assert_eq!(a.wait, None, "no counter is open yet: no estimate");
    let mut retried = kiosk("expansion");
    retried["idempotency_key"] = json!("kiosk-3-tap-17");
    let first = check_in(&kiosk_client, "xinghu", retried.clone());
    let again: TicketView = kiosk_client
        .post("/api/halls/xinghu/tickets", &retried)
        .assert_status(200)
        .json();
    assert_eq!((first.id, first.number), (again.id, again.number));
    assert_eq!(snapshot("xinghu", &at).waiting.len(), 3);
}

#[test]
fn a_customer_holds_one_active_ticket_per_hall() {
    let at = monday(2);
    let customer = Client::demo("13800138001").at(&at);
    let remote = json!({ "business": "payment", "channel": "remote" });
    let t = check_in(&customer, "binjiang", remote.clone());
    let again = customer.post("/api/halls/binjiang/tickets", &remote);
    again.assert_reason(409, "already_holds_ticket");
    assert!(again.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains(&t.number.to_string()));
    customer
        .post(
            &format!("/api/halls/binjiang/tickets/{}/cancel", t.id),
            &json!({}),
        )
        .assert_status(200);
    check_in(&customer, "binjiang", remote);
}

#[test]
fn check_in_refuses_bad_input_and_a_closed_hall() {
    let at = monday(3);
    let client = Client::anonymous().at(&at);
    client
        .post("/api/halls/atlantis/tickets", &kiosk("payment"))
        .assert_error(404, "not_found");
    client
        .post("/api/halls/xinghu/tickets", &kiosk("haircut"))
        .assert_error(400, "validation");
    client
        .post(
            "/api/halls/xinghu/tickets",
            &json!({ "business": "payment", "channel": "appointment" }),
        )
        .assert_error(400, "validation");
    client
        .post(
            "/api/halls/xinghu/tickets",
            &json!({ "business": "payment", "channel": "kiosk", "phone": "123" }),
        )
        .assert_error(400, "validation");
    client
        .raw("POST", "/api/halls/xinghu/tickets", "{".into())
        .assert_error(400, "invalid_json");
    // Gaoxin is closed on Saturdays: the refusal says when it opens.
    let saturday = Client::anonymous().at("2030-01-12T02:00:00Z");
    let closed = saturday.post("/api/halls/gaoxin/tickets", &kiosk("payment"));
    closed.assert_reason(409, "hall_closed");
    assert!(
        closed.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("2030-01-14 08:30"),
        "{}",
        closed.body
    );
    assert!(
        snapshot("xinghu", &at).waiting.is_empty(),
        "refusals issue nothing"
    );
}

#[test]
fn key_accounts_are_recognised_by_phone_and_the_green_channel_asked_for() {
    let at = monday(4);
    let kiosk_client = Client::anonymous().at(&at);
    let vip = check_in(
        &kiosk_client,
        "gaoxin",
        json!({ "business": "expansion", "channel": "kiosk", "phone": "139 0013 9000" }),
    );
    assert_eq!(vip.priority, Priority::KeyAccount);
    let elder = check_in(
        &kiosk_client,
        "gaoxin",
        json!({ "business": "payment", "channel": "kiosk", "green_channel": true }),
    );
    assert_eq!(elder.priority, Priority::GreenChannel);
    let plain = check_in(
        &kiosk_client,
        "gaoxin",
        json!({ "business": "payment", "channel": "kiosk", "phone": "13700000099" }),
    );
    assert_eq!(plain.priority, Priority::Normal);
}

#[test]
fn only_the_owner_the_key_holder_or_staff_see_a_ticket() {
    let at = monday(5);
    let owner = Client::demo("13800138002").at(&at);
    let t = check_in(
        &owner,
        "xinghu",
        json!({ "business": "consultation", "channel": "remote" }),
    );
    let path = format!("/api/halls/xinghu/tickets/{}", t.id);
    owner.get(&path).assert_status(200);
    let key = t.key.clone().unwrap();
    Client::anonymous()
        .at(&at)
        .get(&format!("{path}?key={key}"))
        .assert_status(200);
    Client::anonymous()
        .at(&at)
        .get(&path)
        .assert_error(403, "forbidden");
    Client::anonymous()
        .at(&at)
        .get(&format!("{path}?key=wrong"))
        .assert_error(403, "forbidden");
    Client::demo("13800138003")
        .at(&at)
        .get(&path)
        .assert_error(403, "forbidden");
    Client::demo("staff.xinghu.2")
        .at(&at)
        .get(&path)
        .assert_status(200);
    Client::demo("staff.gaoxin.1")
        .at(&at)
        .get(&path)
        .assert_error(403, "forbidden");
    owner
        .get("/api/halls/xinghu/tickets/999")
        .assert_error(404, "not_found");
    owner
        .get("/api/halls/xinghu/tickets/abc")
        .assert_error(404, "not_found");
    Client::anonymous()
        .at(&at)
        .post(&format!("{path}/cancel"), &json!({ "key": "wrong" }))
        .assert_error(403, "forbidden");
}

#[test]
fn a_ticket_goes_from_check_in_to_rating() {
    let at = monday(6);
    let t = check_in(&Client::anonymous().at(&at), "binjiang", kiosk("invoice"));
    let staff = Client::demo("staff.binjiang.1")
        .at(&at)
        .sign_in_at("binjiang", 1);
    let call: CallResult = act(&staff, "binjiang", 1, json!({ "action": "call_next" }))
        .assert_status(200)
        .json();
    assert_eq!(
        (call.ticket.id, call.ticket.state, call.ticket.counter),
        (t.id, TicketState::Called, Some(1))
    );
    assert_eq!(
        serde_json::to_value(&call.reason).unwrap()["kind"],
        "only_normal_waiting"
    );
    act(
        &staff,
        "binjiang",
        1,
        json!({ "action": "start", "ticket": t.id }),
    )
    .assert_status(200);
    let done: TicketView = act(
        &staff,
        "binjiang",
        1,
        json!({ "action": "finish", "ticket": t.id }),
    )
    .assert_status(200)
    .json();
    assert_eq!(done.state, TicketState::Served);
    let holder = Client::anonymous().at(&at);
    let rating = json!({ "stars": 2, "comment": "等了很久", "key": t.key });
    let rated: TicketView = holder
        .post(
            &format!("/api/halls/binjiang/tickets/{}/rating", t.id),
            &rating,
        )
        .assert_status(200)
        .json();
    assert_eq!(rated.rating.map(|r| r.stars), Some(2));
    holder
        .post(
            &format!("/api/halls/binjiang/tickets/{}/rating", t.id),
            &rating,
        )
        .assert_error(409, "conflict");
    holder
        .post(
            &format!("/api/halls/binjiang/tickets/{}/cancel", t.id),
            &json!({ "key": t.key }),
        )
        .assert_error(409, "conflict");
    let recent = snapshot("binjiang", &at).recent_calls;
    assert_eq!(
        recent.first().map(|c| (c.ticket_id, c.counter)),
        Some((t.id, 1))
    );
}

#[test]
fn two_counters_calling_at_once_never_get_the_same_ticket() {
    let at = monday(7);
    let kiosk_client = Client::anonymous().at(&at);
    for _ in 0..6 {
        check_in(&kiosk_client, "xinghu", kiosk("payment"));
    }
    // Three clerks sign in at three payment counters, then call at the same moment.
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(3));
    let handles: Vec<_> = [
        (1u32, "staff.xinghu.3"),
        (2, "staff.xinghu.4"),
        (6, "staff.xinghu.5"),
    ]
    .into_iter()
    .map(|(counter, clerk)| {
        let (at, barrier) = (at.clone(), barrier.clone());
        std::thread::spawn(move || {
            let staff = Client::demo(clerk).at(&at).sign_in_at("xinghu", counter);
            barrier.wait();
            let call: CallResult = act(&staff, "xinghu", counter, json!({ "action": "call_next" }))
                .assert_status(200)
                .json();
            call.ticket.id
        })
    })
    .collect();
    let mut ids: Vec<u32> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3, "each counter got its own ticket");
}

#[test]
fn counter_actions_are_refused_clearly_and_change_nothing() {
    let at = monday(8);
    let t = check_in(&Client::anonymous().at(&at), "gaoxin", kiosk("payment"));
    let staff = Client::demo("staff.gaoxin.1")
        .at(&at)
        .sign_in_at("gaoxin", 3);
    let before = snapshot("gaoxin", &at).seq;
    act(
        &Client::demo("13800138001").at(&at),
        "gaoxin",
        3,
        json!({ "action": "call_next" }),
    )
    .assert_error(403, "forbidden");
    act(
        &Client::anonymous().at(&at),
        "gaoxin",
        3,
        json!({ "action": "call_next" }),
    )
    .assert_error(401, "unauthenticated");
    act(
        &Client::demo("staff.xinghu.1").at(&at),
        "gaoxin",
        3,
        json!({ "action": "call_next" }),
    )
    .assert_error(403, "forbidden");
    act(&staff, "gaoxin", 99, json!({ "action": "call_next" })).assert_error(404, "not_found");
    act(&staff, "gaoxin", 1, json!({ "action": "call_next" })).assert_reason(409, "counter_closed"); // nobody signed in at counter 1
    let colleague = Client::demo("staff.gaoxin.2").at(&at);
    act(&colleague, "gaoxin", 3, json!({ "action": "call_next" }))
        .assert_reason(403, "other_clerk");
    let taken = act(&colleague, "gaoxin", 3, json!({ "action": "sign_in" }));
    taken.assert_error(409, "conflict");
    assert!(taken.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("刘洋"));
    act(&colleague, "gaoxin", 3, json!({ "action": "close" })).assert_error(403, "forbidden");
    act(&staff, "gaoxin", 3, json!({ "action": "explode" })).assert_error(400, "validation");
    act(
        &staff,
        "gaoxin",
        3,
        json!({ "action": "finish", "ticket": t.id }),
    )
    .assert_error(409, "conflict");
    act(
        &staff,
        "gaoxin",
        3,
        json!({ "action": "recall", "ticket": 999 }),
    )
    .assert_error(404, "not_found");
    act(
        &staff,
        "gaoxin",
        3,
        json!({ "action": "pause", "reason": " " }),
    )
    .assert_error(400, "validation");
    staff
        .raw("POST", "/api/halls/gaoxin/counters/3/actions", "{".into())
        .assert_error(400, "invalid_json");
    act(&staff, "atlantis", 3, json!({ "action": "call_next" })).assert_error(404, "not_found");
    assert_eq!(
        snapshot("gaoxin", &at).seq,
        before,
        "no refused action changed the queue"
    );
    act(&staff, "gaoxin", 3, json!({ "action": "call_next" })).assert_status(200);
    let recall = act(
        &staff,
        "gaoxin",
        3,
        json!({ "action": "recall", "ticket": t.id }),
    );
    recall.assert_error(409, "conflict");
    assert!(recall.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("seconds"));
}

#[test]
fn a_low_rating_reaches_the_managers_follow_ups_through_d1() {
    let at = monday(9);
    let t = check_in(&Client::anonymous().at(&at), "xinghu", kiosk("invoice"));
    let staff = Client::demo("staff.xinghu.1")
        .at(&at)
        .sign_in_at("xinghu", 1);
    act(
        &staff,
        "xinghu",
        1,
        json!({ "action": "call", "ticket": t.id }),
    )
    .assert_status(200);
    act(
        &staff,
        "xinghu",
        1,
        json!({ "action": "start", "ticket": t.id }),
    )
    .assert_status(200);
    act(
        &staff,
        "xinghu",
        1,
        json!({ "action": "finish", "ticket": t.id }),
    )
    .assert_status(200);
    let rating = json!({ "stars": 1, "comment": "态度不好", "key": t.key });
    Client::anonymous()
        .at(&at)
        .post(
            &format!("/api/halls/xinghu/tickets/{}/rating", t.id),
            &rating,
        )
        .assert_status(200);
    let manager = Client::demo("manager.xinghu").at(&at);
    // Events reach D1 through the queue object's outbox, copied within about a second.
    let day = &at[..10];
    let mut found = None;
    for _ in 0..50 {
        let board: domain::follow_ups::FollowUpBoard = manager
            .get("/api/halls/xinghu/follow-ups")
            .assert_status(200)
            .json();
        found = board
            .items
            .into_iter()
            .find(|f| f.subject == format!("{} · {day}", t.number));
        if found.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let follow_up = found.expect("the low rating opened a follow-up");
    assert_eq!(
        (
            follow_up.rated,
            follow_up.stars,
            follow_up.comment.as_str(),
            follow_up.resolved_at
        ),
        (domain::follow_ups::Rated::Counter, 1, "态度不好", None)
    );
    Client::demo("staff.xinghu.1")
        .get("/api/halls/xinghu/follow-ups")
        .assert_status(200);
    Client::demo("manager.gaoxin")
        .get("/api/halls/xinghu/follow-ups")
        .assert_error(403, "forbidden");
    let path = format!("/api/halls/xinghu/follow-ups/{}", follow_up.id);
    let resolve = json!({ "outcome": "resolved" });
    Client::demo("manager.gaoxin")
        .put(&path, &resolve)
        .assert_error(403, "forbidden");
    let resolved: domain::follow_ups::FollowUp =
        manager.put(&path, &resolve).assert_status(200).json();
    assert!(resolved.resolved_at.is_some());
    manager.put(&path, &resolve).assert_error(409, "conflict");
    manager
        .put("/api/halls/xinghu/follow-ups/999999", &resolve)
        .assert_error(404, "not_found");
}

//! Counters through the day: clerks sign in, pause and sign out; the hall's closing signs out
//! whoever forgot; the manager moves a counter to another line; an idle counter takes another
//! line's customer. Each test has its hall and day to itself.

use api_tests::queue::{act, check_in, kiosk, later, snapshot, staffed_hours};
use api_tests::{monday, Client};
use domain::halls::BusinessType;
use domain::queue::protocol::CallResult;
use serde_json::{json, Value};

/// The public wait counts only the counters someone is signed in to: none in the morning,
/// one once a clerk signs in, and none again when they sign out. The record reaches D1.
#[test]
fn the_public_wait_follows_the_counters_signed_in() {
    let at = monday(10);
    let kiosk_client = Client::anonymous().at(&at);
    for _ in 0..3 {
        check_in(&kiosk_client, "binjiang", kiosk("payment"));
    }
    let payment_wait = || {
        snapshot("binjiang", &at)
            .by_type
            .into_iter()
            .find(|t| t.business == domain::halls::BusinessType::Payment)
            .and_then(|t| t.wait)
    };
    assert_eq!(payment_wait(), None, "nobody signed in");
    let clerk = Client::demo("staff.binjiang.3")
        .at(&at)
        .sign_in_at("binjiang", 1);
    let one = payment_wait().expect("an estimate with one counter open");
    let colleague = Client::demo("staff.binjiang.4")
        .at(&at)
        .sign_in_at("binjiang", 3);
    let two = payment_wait().expect("an estimate with two counters open");
    assert!(two.high_minutes < one.high_minutes, "{two:?} < {one:?}");
    let counter: Value = act(&clerk, "binjiang", 1, json!({ "action": "close" }))
        .assert_status(200)
        .json();
    assert_eq!(counter["status"], json!({ "state": "closed" }));
    assert_eq!(counter["clerk"], Value::Null);
    act(&colleague, "binjiang", 3, json!({ "action": "close" })).assert_status(200);
    assert_eq!(payment_wait(), None, "everyone signed out");
    act(&clerk, "binjiang", 1, json!({ "action": "call_next" })).assert_error(409, "conflict");
}

/// A manager closes a counter a clerk forgot to sign out of; the record of each change reaches
/// the dashboard as counters open per hour.
#[test]
fn a_manager_closes_a_forgotten_counter_and_the_dashboard_counts_signed_in_hours() {
    let at = monday(11);
    let day = &at[..10];
    Client::demo("staff.gaoxin.3")
        .at(&at)
        .sign_in_at("gaoxin", 1);
    let manager = Client::demo("manager.gaoxin").at(&later(&at, 30));
    act(&manager, "gaoxin", 1, json!({ "action": "close" })).assert_status(200);
    let staffed = staffed_hours(&manager, "gaoxin", day);
    assert_eq!(staffed, [(10, 0.5)], "half an hour of one counter at 10:00");
}

/// A clerk who never signed out is signed out at the hall's closing (Xinghu, 17:30): the
/// first look at the queue after it shows the counter closed, and the record says 17:30.
#[test]
fn a_counter_still_signed_in_at_closing_is_signed_out_then() {
    let at = monday(13);
    let day = at[..10].to_string();
    Client::demo("staff.xinghu.6")
        .at(&at)
        .sign_in_at("xinghu", 5);
    let evening = format!("{day}T09:40:00Z"); // 17:40 in the hall
    let counter = snapshot("xinghu", &evening)
        .counters
        .into_iter()
        .find(|c| c.number == 5)
        .unwrap();
    assert_eq!(
        (counter.status, counter.clerk),
        (domain::queue::CounterStatus::Closed, None)
    );
    let manager = Client::demo("manager.xinghu").at(&evening);
    let hours: Vec<u64> = staffed_hours(&manager, "xinghu", &day)
        .into_iter()
        .map(|(hour, _)| hour)
        .collect();
    // Open from 10:00 to the closing at 17:30: the hours from 10 to 17, no later.
    assert_eq!(hours, (10..=17).collect::<Vec<u64>>());
}

#[test]
fn a_paused_counter_says_why_and_does_not_call() {
    let at = monday(9);
    check_in(&Client::anonymous().at(&at), "binjiang", kiosk("payment"));
    let staff = Client::demo("staff.binjiang.2")
        .at(&at)
        .sign_in_at("binjiang", 1);
    act(
        &staff,
        "binjiang",
        1,
        json!({ "action": "pause", "reason": "系统维护" }),
    )
    .assert_status(200);
    let counter = snapshot("binjiang", &at)
        .counters
        .into_iter()
        .find(|c| c.number == 1)
        .unwrap();
    assert_eq!(
        serde_json::to_value(&counter.status).unwrap(),
        json!({ "state": "paused", "reason": "系统维护" })
    );
    act(&staff, "binjiang", 1, json!({ "action": "call_next" })).assert_error(409, "conflict");
    act(&staff, "binjiang", 1, json!({ "action": "resume" })).assert_status(200);
    act(&staff, "binjiang", 1, json!({ "action": "call_next" })).assert_status(200);
}

/// Dynamic counters: the manager moves Xinghu's counter 3 from expansion to payment; its
/// clerk's screen shows it at once and the next call is the payment ticket. Only a manager
/// may, with at least one known type; the change reaches D1 with the staffing record.
#[test]
fn a_manager_moves_a_counter_to_payment_and_its_next_call_is_payment() {
    let at = later(&monday(13), 24 * 60); // Tuesday
    let day = at[..10].to_string();
    let payment = check_in(&Client::anonymous().at(&at), "xinghu", kiosk("payment"));
    let clerk = Client::demo("staff.xinghu.3")
        .at(&at)
        .sign_in_at("xinghu", 3);
    act(&clerk, "xinghu", 3, json!({ "action": "call_next" })).assert_error(404, "not_found");
    let move_to = |serves: Value| json!({ "action": "set_serves", "serves": serves });
    act(&clerk, "xinghu", 3, move_to(json!(["payment"]))).assert_error(403, "forbidden");
    let manager = Client::demo("manager.xinghu").at(&at);
    act(&manager, "xinghu", 3, move_to(json!([]))).assert_error(400, "validation");
    act(&manager, "xinghu", 3, move_to(json!(["coal"]))).assert_error(400, "validation");
    act(&manager, "xinghu", 99, move_to(json!(["payment"]))).assert_error(404, "not_found");
    let serves = |n: u32| {
        snapshot("xinghu", &at)
            .counters
            .into_iter()
            .find(|c| c.number == n)
            .map(|c| c.serves)
    };
    assert_eq!(
        serves(3),
        Some(vec![BusinessType::Expansion]),
        "refusals change nothing"
    );
    act(
        &manager,
        "xinghu",
        3,
        move_to(json!(["payment", "payment"])),
    )
    .assert_status(200);
    assert_eq!(serves(3), Some(vec![BusinessType::Payment]));
    let call: CallResult = act(&clerk, "xinghu", 3, json!({ "action": "call_next" }))
        .assert_status(200)
        .json();
    assert_eq!(call.ticket.id, payment.id);
    assert!(
        !staffed_hours(&manager, "xinghu", &day).is_empty(),
        "the batch with the change reached D1"
    );
}

/// The overflow rule: Gaoxin's counter 1 serves expansion only; with a consultation customer
/// waiting and nobody of its own, it takes them once it has stood idle three minutes, and the
/// call says why.
#[test]
fn an_idle_counter_takes_another_lines_customer_after_three_minutes() {
    let at = later(&monday(13), 24 * 60);
    let waiting = check_in(
        &Client::anonymous().at(&at),
        "gaoxin",
        kiosk("consultation"),
    );
    Client::demo("staff.gaoxin.1")
        .at(&at)
        .sign_in_at("gaoxin", 1);
    let call_at = |minutes: i64| {
        let clerk = Client::demo("staff.gaoxin.1").at(&later(&at, minutes));
        act(&clerk, "gaoxin", 1, json!({ "action": "call_next" }))
    };
    call_at(2).assert_error(404, "not_found");
    let call: CallResult = call_at(3).assert_status(200).json();
    assert_eq!(call.ticket.id, waiting.id);
    assert_eq!(
        serde_json::to_value(&call.reason).unwrap(),
        json!({ "kind": "overflow", "business": "consultation", "idle_minutes": 3 })
    );
}

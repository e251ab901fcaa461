//! Key accounts: when one takes a number, its account manager is told, and while signed in at
//! a counter is offered the ticket first.

use api_tests::queue::{act, check_in, later};
use api_tests::{monday, Client};
use domain::notify::inbox::Inbox;
use domain::queue::protocol::CallResult;
use domain::queue::Priority;
use serde_json::json;

/// 江城精密制造 (13900139000) is a key account looked after by staff.gaoxin.1.
const KEY_ACCOUNT_PHONE: &str = "13900139000";

#[test]
fn a_key_account_is_announced_to_its_manager_and_offered_to_their_counter_first() {
    // Wednesday of week 17 at Gaoxin.
    let at = later(&monday(17), 2 * 24 * 60);
    let manager = Client::demo("staff.gaoxin.1")
        .at(&at)
        .sign_in_at("gaoxin", 1);
    let colleague = Client::demo("staff.gaoxin.2")
        .at(&at)
        .sign_in_at("gaoxin", 3);
    let kiosk = Client::anonymous().at(&later(&at, 1));
    let ticket = check_in(
        &kiosk,
        "gaoxin",
        json!({ "business": "payment", "channel": "kiosk", "phone": KEY_ACCOUNT_PHONE }),
    );
    assert_eq!(ticket.priority, Priority::KeyAccount);

    let inbox: Inbox = manager.get("/api/inbox").assert_status(200).json();
    let told = inbox
        .items
        .iter()
        .find(|i| i.body.zh.contains(&ticket.number.to_string()))
        .expect("the account manager is told in the inbox");
    assert_eq!(told.title.zh, "大客户取号");
    assert!(
        told.body.zh.contains("江城精密制造有限公司"),
        "{}",
        told.body.zh
    );

    // The payment counter may not take it while it is held for the manager's counter, which
    // handles new connections only and still calls it first.
    let next = later(&at, 2);
    act(
        &colleague.at(&next),
        "gaoxin",
        3,
        json!({ "action": "call_next" }),
    )
    .assert_error(404, "not_found");
    let called: CallResult = act(
        &manager.at(&next),
        "gaoxin",
        1,
        json!({ "action": "call_next" }),
    )
    .assert_status(200)
    .json();
    assert_eq!(called.ticket.id, ticket.id);
    assert_eq!(
        serde_json::to_value(&called.reason).unwrap(),
        json!({ "kind": "account_manager" })
    );
}

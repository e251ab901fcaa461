//! Live accuracy: each ticket keeps the wait it was shown at check-in; once called, the
//! dashboard measures it against the wait that followed, and the public live wait states last
//! week's share called inside the range.

use api_tests::queue::{act, check_in, kiosk, later};
use api_tests::{monday, Client};
use serde_json::{json, Value};

/// Calls, starts and finishes the next ticket at `counter`.
fn serve_next(clerk: &Client, hall: &str, counter: u32) {
    let call: Value = act(clerk, hall, counter, json!({ "action": "call_next" }))
        .assert_status(200)
        .json();
    let ticket = call["ticket"]["id"].clone();
    for action in ["start", "finish"] {
        act(
            clerk,
            hall,
            counter,
            json!({ "action": action, "ticket": ticket }),
        )
        .assert_status(200);
    }
}

#[test]
fn the_dashboard_and_the_live_wait_measure_the_waits_shown() {
    let at = later(&monday(16), 24 * 60); // Tuesday
    let day = at[..10].to_string();
    Client::demo("staff.binjiang.1")
        .at(&at)
        .sign_in_at("binjiang", 1);
    let kiosk_client = Client::anonymous().at(&at);
    let first = check_in(&kiosk_client, "binjiang", kiosk("invoice"));
    let second = check_in(&kiosk_client, "binjiang", kiosk("invoice"));
    assert!(
        first.wait.is_some() && second.wait.is_some(),
        "shown a wait at check-in"
    );
    serve_next(&Client::demo("staff.binjiang.1").at(&at), "binjiang", 1);
    serve_next(
        &Client::demo("staff.binjiang.1").at(&later(&at, 4)),
        "binjiang",
        1,
    );

    let manager = Client::demo("manager.binjiang").at(&later(&at, 10));
    let path = format!("/api/ops/dashboard?hall=binjiang&from={day}&to={day}");
    let mut overall = Value::Null;
    for _ in 0..50 {
        let dashboard: Value = manager.get(&path).assert_status(200).json();
        overall = dashboard["accuracy"][0].clone();
        if overall["tickets"] == 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(
        overall["tickets"], 2,
        "both served tickets measured: {overall}"
    );
    assert!(overall["business"].is_null() && overall["hour"].is_null());
    for figure in ["mae_minutes", "inside_share", "baseline_mae_minutes"] {
        assert!(overall[figure].as_f64().is_some(), "{figure}: {overall}");
    }

    // A week on, the public live wait states the share of last week's inside the range.
    let live: Value = Client::anonymous()
        .at(&later(&at, 6 * 24 * 60))
        .get("/api/live-wait")
        .assert_status(200)
        .json();
    let binjiang = live["halls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["hall_id"] == "binjiang")
        .unwrap();
    let share = binjiang["inside_share_last_week"]
        .as_f64()
        .expect("a measured share");
    assert!((0.0..=1.0).contains(&share));
}

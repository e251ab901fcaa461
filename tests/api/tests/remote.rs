//! Fair remote tickets: from away a number needs a session or a phone confirmed by a texted
//! code, within limits per number and address; only the hall's paired kiosk checks in as the
//! kiosk; priority asked for from home waits as normal until the kiosk or a clerk confirms it.

use api_tests::queue::{act, check_in, later};
use api_tests::sink::code_for;
use api_tests::{fresh_address as address, fresh_mobile, monday, Client};
use domain::queue::protocol::TicketView;
use domain::queue::Priority;
use serde_json::{json, Value};

fn remote(phone: &str, code: &str, key: &str) -> Value {
    json!({ "business": "payment", "channel": "remote", "phone": phone, "code": code,
            "idempotency_key": key })
}

#[test]
fn a_number_from_away_needs_a_session_or_a_texted_code() {
    // Thursday of week 16 at Binjiang.
    let at = later(&monday(16), 3 * 24 * 60);
    let path = "/api/halls/binjiang/tickets";
    let anonymous = Client::anonymous()
        .at(&at)
        .with_header("cf-connecting-ip", &address());
    anonymous
        .post(path, &json!({ "business": "payment", "channel": "remote" }))
        .assert_error(401, "unauthenticated");
    let phone = fresh_mobile();
    let no_code = anonymous.post(
        path,
        &json!({ "business": "payment", "channel": "remote", "phone": phone }),
    );
    no_code.assert_error(400, "validation");
    assert_eq!(no_code.body["error"]["field"], "code");
    let wrong = anonymous.post(path, &remote(&phone, "000000", "a"));
    wrong.assert_error(400, "validation");

    let code = code_for(&anonymous, &phone);
    let ticket = check_in(&anonymous, "binjiang", remote(&phone, &code, "first"));
    let retried: TicketView = anonymous
        .post(path, &remote(&phone, &code, "first"))
        .assert_status(200)
        .json();
    assert_eq!(retried.id, ticket.id, "a retry gets the same ticket");
    let reused = anonymous.post(path, &remote(&phone, &code, "second"));
    assert_eq!(
        reused.body["error"]["field"], "code",
        "a code is good for one ticket"
    );

    // A second code within the minute is refused with when to ask again.
    anonymous
        .post("/api/phone-codes", &json!({ "phone": phone }))
        .assert_error(429, "rate_limited");
    anonymous
        .post("/api/phone-codes", &json!({ "phone": "12345" }))
        .assert_error(400, "validation");
    // A signed-in customer needs no code.
    let customer = Client::fresh_customer().at(&at);
    check_in(
        &customer,
        "binjiang",
        json!({ "business": "invoice", "channel": "remote" }),
    );
}

#[test]
fn one_network_address_gets_twenty_codes_a_day() {
    let from = Client::anonymous().with_header("cf-connecting-ip", &address());
    for _ in 0..20 {
        from.post("/api/phone-codes", &json!({ "phone": fresh_mobile() }))
            .assert_status(200);
    }
    let refused = from.post("/api/phone-codes", &json!({ "phone": fresh_mobile() }));
    refused.assert_error(429, "rate_limited");
    assert!(refused.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("network"));
}

#[test]
fn only_the_halls_paired_kiosk_checks_in_as_the_kiosk() {
    let at = later(&monday(16), 3 * 24 * 60);
    let kiosk = json!({ "business": "payment", "channel": "kiosk" }).to_string();
    Client::anonymous()
        .at(&at)
        .raw("POST", "/api/halls/binjiang/tickets", kiosk.clone())
        .assert_error(403, "forbidden");
    // A Gaoxin kiosk's token does not pair it with Binjiang.
    let gaoxin = api_tests::kiosk_token("gaoxin").expect("a token");
    Client::anonymous()
        .at(&at)
        .with_header("x-device-token", &gaoxin)
        .post(
            "/api/halls/binjiang/tickets",
            &json!({ "business": "payment", "channel": "kiosk" }),
        )
        .assert_error(403, "forbidden");
}

#[test]
fn green_channel_from_home_waits_as_normal_until_the_hall_confirms_it() {
    // Friday of week 16 at Binjiang; counter 1 serves payment.
    let at = later(&monday(16), 4 * 24 * 60);
    let clerk = Client::demo("staff.binjiang.1")
        .at(&at)
        .sign_in_at("binjiang", 1);
    let asked = json!({ "business": "payment", "channel": "remote", "green_channel": true });
    let first = check_in(&Client::fresh_customer().at(&at), "binjiang", asked.clone());
    assert_eq!(
        (first.priority, first.requested),
        (Priority::Normal, Some(Priority::GreenChannel))
    );

    // A clerk confirms the first when the customer shows up.
    let confirm = |ticket: u32| json!({ "action": "confirm_priority", "ticket": ticket });
    let confirmed: TicketView = act(&clerk, "binjiang", 1, confirm(first.id))
        .assert_status(200)
        .json();
    assert_eq!(
        (confirmed.priority, confirmed.requested),
        (Priority::GreenChannel, None)
    );
    act(&clerk, "binjiang", 1, confirm(first.id)).assert_error(409, "conflict");

    // The kiosk confirms the second by the phone it was taken with.
    let phone = fresh_mobile();
    let from_home = Client::anonymous()
        .at(&at)
        .with_header("cf-connecting-ip", &address());
    let code = code_for(&from_home, &phone);
    let mut body = remote(&phone, &code, "green");
    body["green_channel"] = json!(true);
    let second = check_in(&from_home, "binjiang", body);
    assert_eq!(second.priority, Priority::Normal);
    let by_phone = json!({ "phone": phone });
    let path = "/api/halls/binjiang/priority-confirmations";
    Client::anonymous()
        .at(&at)
        .post(path, &by_phone)
        .assert_error(403, "forbidden");
    let token = api_tests::kiosk_token("binjiang").expect("a token");
    let confirmed: TicketView = Client::anonymous()
        .at(&at)
        .with_header("x-device-token", &token)
        .post(path, &by_phone)
        .assert_status(200)
        .json();
    assert_eq!(confirmed.id, second.id);
    assert_eq!(confirmed.priority, Priority::GreenChannel);
}

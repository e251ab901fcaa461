//! The hall's screens: the manager's message, English calls, and pairing TVs by token.

use api_tests::{monday, Client};
use domain::displays::{DeviceKind, DeviceSeen, Display, DisplayCreated};
use domain::queue::board::Board;
use domain::queue::protocol::QueueSnapshot;
use serde_json::json;

fn board(hall: &str, at: &str) -> Board {
    Client::anonymous()
        .at(at)
        .get(&format!("/api/halls/{hall}/queue"))
        .assert_status(200)
        .json::<QueueSnapshot>()
        .board
}

#[test]
fn a_managers_message_reaches_the_halls_screens_until_taken_down() {
    let at = monday(17);
    let manager = Client::demo("manager.binjiang").at(&at);
    manager
        .put(
            "/api/halls/binjiang/broadcast",
            &json!({ "text": "  今日16:00闭厅 " }),
        )
        .assert_status(200);
    let shown = board("binjiang", &at).broadcast.expect("a message");
    assert_eq!(shown.text, "今日16:00闭厅");

    let long = "字".repeat(201);
    manager
        .put("/api/halls/binjiang/broadcast", &json!({ "text": long }))
        .assert_error(400, "validation");
    assert_eq!(
        board("binjiang", &at).broadcast.unwrap().text,
        "今日16:00闭厅"
    );

    manager
        .put("/api/halls/binjiang/broadcast", &json!({ "text": "" }))
        .assert_status(200);
    assert_eq!(board("binjiang", &at).broadcast, None);
}

#[test]
fn only_the_halls_own_manager_or_an_admin_sets_its_screens() {
    let at = monday(17);
    let other = Client::demo("manager.xinghu").at(&at);
    other
        .put("/api/halls/binjiang/broadcast", &json!({ "text": "x" }))
        .assert_error(403, "forbidden");
    other
        .post("/api/halls/binjiang/displays", &json!({ "name": "TV" }))
        .assert_error(403, "forbidden");
    Client::demo("staff.binjiang.1")
        .put(
            "/api/halls/binjiang/display-settings",
            &json!({ "announce_english": true }),
        )
        .assert_error(403, "forbidden");
    Client::demo("manager.binjiang")
        .put("/api/halls/nowhere/broadcast", &json!({ "text": "x" }))
        .assert_error(404, "not_found");
}

#[test]
fn english_calls_are_a_hall_setting_the_screens_follow() {
    let at = monday(18);
    let manager = Client::demo("manager.binjiang").at(&at);
    manager
        .put(
            "/api/halls/binjiang/display-settings",
            &json!({ "announce_english": true }),
        )
        .assert_status(200);
    assert!(board("binjiang", &at).announce_english);
    manager
        .put(
            "/api/halls/binjiang/display-settings",
            &json!({ "announce_english": "yes" }),
        )
        .assert_error(400, "validation");
    manager
        .put(
            "/api/halls/binjiang/display-settings",
            &json!({ "announce_english": false }),
        )
        .assert_status(200);
    assert!(!board("binjiang", &at).announce_english);
}

#[test]
fn a_display_token_is_shown_once_listed_and_revoked_once() {
    let manager = Client::demo("manager.binjiang");
    let created: DisplayCreated = manager
        .post(
            "/api/halls/binjiang/displays",
            &json!({ "name": " 入口电视 " }),
        )
        .assert_status(201)
        .json();
    assert_eq!(created.display.name, "入口电视");
    assert!(created.token.len() >= 32);
    manager
        .post("/api/halls/binjiang/displays", &json!({ "name": " " }))
        .assert_error(400, "validation");

    let listed: Vec<Display> = manager
        .get("/api/halls/binjiang/displays")
        .assert_status(200)
        .json();
    assert!(listed
        .iter()
        .any(|d| d.id == created.display.id && d.revoked_at.is_none()));
    let text = serde_json::to_string(&listed).unwrap();
    assert!(
        !text.contains(&created.token),
        "a listing never repeats a token"
    );

    let path = format!("/api/halls/binjiang/displays/{}/revoke", created.display.id);
    let revoked: Display = manager.post(&path, &json!({})).assert_status(200).json();
    assert!(revoked.revoked_at.is_some());
    manager
        .post(&path, &json!({}))
        .assert_error(409, "conflict");
    Client::demo("manager.xinghu")
        .post(&path, &json!({}))
        .assert_error(403, "forbidden");
    manager
        .post("/api/halls/binjiang/displays/999999/revoke", &json!({}))
        .assert_error(404, "not_found");
}

/// `at` moved on by `minutes`, for the server's clock.
fn later(at: &str, minutes: i64) -> String {
    let t = chrono::DateTime::parse_from_rfc3339(at).expect("an RFC 3339 time");
    (t + chrono::Duration::minutes(minutes)).to_rfc3339()
}

#[test]
fn a_paired_kiosk_says_it_is_alive_and_the_console_warns_when_it_goes_quiet() {
    let at = monday(19);
    let manager = Client::demo("manager.gaoxin").at(&at);
    let created: DisplayCreated = manager
        .post(
            "/api/halls/gaoxin/displays",
            &json!({ "name": "1 号自助机", "kind": "kiosk" }),
        )
        .assert_status(201)
        .json();
    assert_eq!(created.display.kind, DeviceKind::Kiosk);
    assert_eq!(created.display.last_seen_at, None);
    assert!(!created.display.offline);

    let kiosk = Client::anonymous()
        .at(&at)
        .with_header("x-device-token", &created.token);
    let seen: DeviceSeen = kiosk
        .post("/api/halls/gaoxin/devices/seen", &json!({}))
        .assert_status(200)
        .json();
    assert_eq!(
        (seen.id, seen.kind),
        (created.display.id, DeviceKind::Kiosk)
    );
    // The same token is no kiosk of another hall, and no token is no device.
    kiosk
        .post("/api/halls/binjiang/devices/seen", &json!({}))
        .assert_error(403, "forbidden");
    Client::anonymous()
        .post("/api/halls/gaoxin/devices/seen", &json!({}))
        .assert_error(403, "forbidden");

    let listed = |at: &str| -> Display {
        let all: Vec<Display> = Client::demo("manager.gaoxin")
            .at(at)
            .get("/api/halls/gaoxin/displays")
            .assert_status(200)
            .json();
        all.into_iter()
            .find(|d| d.id == created.display.id)
            .expect("listed")
    };
    let now = listed(&later(&at, 2));
    assert!(now.last_seen_at.is_some());
    assert!(!now.offline, "two minutes after a heartbeat it is online");
    assert!(
        listed(&later(&at, 4)).offline,
        "three quiet minutes: offline"
    );

    // A heartbeat brings it back; after it is revoked, the heartbeat is refused.
    kiosk
        .post("/api/halls/gaoxin/devices/seen", &json!({}))
        .assert_status(200);
    let path = format!("/api/halls/gaoxin/displays/{}/revoke", created.display.id);
    manager.post(&path, &json!({})).assert_status(200);
    let refused = kiosk.post("/api/halls/gaoxin/devices/seen", &json!({}));
    refused.assert_error(403, "forbidden");
    assert_eq!(refused.body["error"]["reason"], "kiosk_not_paired");
    assert!(
        !listed(&later(&at, 10)).offline,
        "a revoked device is not missed"
    );
}

//! The hall calendar: public holidays close a hall, make-up working days open it, and the
//! manager's special days (extra hours, closures) win over both, for check-in, appointments
//! and the hall pages alike.

use api_tests::queue::{check_in, kiosk, later, snapshot};
use api_tests::{monday, Client};
use serde_json::{json, Value};

/// Gaoxin's public page at `at`: its status and today's rule.
fn gaoxin_at(at: &str) -> Value {
    Client::anonymous()
        .at(at)
        .get("/api/halls/gaoxin")
        .assert_status(200)
        .json()
}

fn slots(at: &str, date: &str) -> Vec<Value> {
    Client::anonymous()
        .at(at)
        .get(&format!(
            "/api/halls/gaoxin/appointments/slots?business=payment&date={date}"
        ))
        .assert_status(200)
        .json()
}

#[test]
fn a_hall_is_closed_on_national_day_and_open_on_its_make_up_saturday() {
    // Monday 5 October 2026, 10:00 in the hall: National Day week.
    let holiday = "2026-10-05T02:00:00Z";
    let page = gaoxin_at(holiday);
    assert_eq!(page["status"]["state"], "closed");
    assert_eq!(
        page["today_rule"],
        json!({ "kind": "public_holiday", "festival": "国庆节" })
    );
    let refused = Client::anonymous()
        .at(holiday)
        .post("/api/halls/gaoxin/tickets", &kiosk("payment"));
    refused.assert_error(409, "conflict");
    let message = refused.body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("国庆节") && message.contains("2026-10-08 08:30"),
        "{message}"
    );
    assert!(
        slots("2026-09-30T02:00:00Z", "2026-10-05").is_empty(),
        "no appointments on a holiday"
    );

    // Saturday 10 October, 14:00: a make-up working day. Gaoxin, shut on Saturdays, opens
    // with its weekday hours and takes numbers and appointments.
    let make_up = "2026-10-10T06:00:00Z";
    let page = gaoxin_at(make_up);
    assert_eq!(page["status"]["state"], "open");
    assert_eq!(page["today_rule"]["kind"], "make_up_workday");
    check_in(&Client::anonymous().at(make_up), "gaoxin", kiosk("payment"));
    assert!(!slots("2026-09-30T02:00:00Z", "2026-10-10").is_empty());
    assert!(
        slots("2026-09-30T02:00:00Z", "2026-10-17").is_empty(),
        "an ordinary Saturday"
    );
}

/// The manager opens Gaoxin late on a Saturday ("周六延时服务") and closes it on a Monday;
/// both show on the hall's page and rule check-in; removing one gives the day back.
#[test]
fn the_managers_special_days_open_and_close_the_hall() {
    let monday = monday(14);
    let saturday = later(&monday, 5 * 24 * 60);
    let saturday_date = &saturday[..10];
    let manager = Client::demo("manager.gaoxin").at(&monday);
    let path = format!("/api/halls/gaoxin/special-days/{saturday_date}");
    let evening = later(&saturday, 9 * 60); // 19:00 in the hall
    assert_eq!(gaoxin_at(&evening)["status"]["state"], "closed");
    let late = json!({ "open": "09:00", "close": "20:00", "note": "周六延时服务" });
    manager.put(&path, &late).assert_status(200);
    let page = gaoxin_at(&evening);
    assert_eq!(page["status"]["state"], "open");
    assert_eq!(
        page["today_rule"],
        json!({ "kind": "special", "note": "周六延时服务" })
    );
    assert_eq!(
        gaoxin_at(&monday)["special_days"][0]["note"],
        "周六延时服务"
    );
    check_in(
        &Client::anonymous().at(&evening),
        "gaoxin",
        kiosk("payment"),
    );

    let tuesday = later(&monday, 24 * 60);
    let closure = json!({ "note": "系统升级，暂停营业" });
    manager
        .put(
            &format!("/api/halls/gaoxin/special-days/{}", &tuesday[..10]),
            &closure,
        )
        .assert_status(200);
    let refused = Client::anonymous()
        .at(&tuesday)
        .post("/api/halls/gaoxin/tickets", &kiosk("payment"));
    refused.assert_error(409, "conflict");
    assert!(refused.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("系统升级"));

    manager.delete(&path).assert_status(200);
    assert_eq!(gaoxin_at(&evening)["status"]["state"], "closed");
    manager.delete(&path).assert_error(404, "not_found");
}

#[test]
fn special_days_are_the_managers_of_that_hall_and_checked() {
    let monday = monday(14);
    let path = format!(
        "/api/halls/gaoxin/special-days/{}",
        &later(&monday, 3 * 24 * 60)[..10]
    );
    let body = json!({ "note": "盘点" });
    Client::anonymous()
        .at(&monday)
        .put(&path, &body)
        .assert_error(401, "unauthenticated");
    for who in ["13800138001", "staff.gaoxin.1", "manager.xinghu"] {
        Client::demo(who)
            .at(&monday)
            .put(&path, &body)
            .assert_error(403, "forbidden");
    }
    let manager = Client::demo("manager.gaoxin").at(&monday);
    let bad = |path: &str, body: Value, field: &str| {
        let reply = manager.put(path, &body);
        reply.assert_error(400, "validation");
        assert_eq!(reply.body["error"]["field"], field, "{}", reply.body);
    };
    bad(
        "/api/halls/gaoxin/special-days/next-week",
        json!({ "note": "盘点" }),
        "date",
    );
    bad(
        &format!(
            "/api/halls/gaoxin/special-days/{}",
            &later(&monday, -24 * 60)[..10]
        ),
        json!({ "note": "盘点" }),
        "date",
    );
    bad(&path, json!({ "note": "" }), "note");
    bad(
        &path,
        json!({ "open": "9点", "close": "20:00", "note": "延时" }),
        "open",
    );
    bad(&path, json!({ "open": "09:00", "note": "延时" }), "close");
    bad(
        &path,
        json!({ "open": "20:00", "close": "09:00", "note": "延时" }),
        "hours",
    );
    manager
        .put("/api/halls/nowhere/special-days/2031-01-01", &body)
        .assert_error(404, "not_found");
    manager.delete(&path).assert_error(404, "not_found");
}

/// A late closing set for today reaches the running queue: the clerk signed in since the
/// morning is not signed out at the usual 17:00, but at the new 20:00.
#[test]
fn a_special_day_for_today_moves_the_queues_closing() {
    let morning = later(&monday(18), 2 * 24 * 60); // Wednesday, 10:00 in the hall
    let day = &morning[..10];
    Client::demo("staff.gaoxin.2")
        .at(&morning)
        .sign_in_at("gaoxin", 2);
    let late = json!({ "open": "08:30", "close": "20:00", "note": "延时服务" });
    Client::demo("manager.gaoxin")
        .at(&morning)
        .put(&format!("/api/halls/gaoxin/special-days/{day}"), &late)
        .assert_status(200);
    let counter_two = |at: &str| {
        snapshot("gaoxin", at)
            .counters
            .into_iter()
            .find(|c| c.number == 2)
            .unwrap()
    };
    let evening = later(&morning, 8 * 60); // 18:00
    assert!(
        counter_two(&evening).clerk.is_some(),
        "still signed in after 17:00"
    );
    let night = later(&morning, 10 * 60 + 10); // 20:10
    assert_eq!(
        counter_two(&night).status,
        domain::queue::CounterStatus::Closed
    );
}

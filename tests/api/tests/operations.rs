//! Operations: finished tickets reach the dashboard, who may see which figures, bad filters,
//! the public live wait and the OpenAPI document against the router.

use api_tests::{monday, Client};
use domain::operations::dashboard::Dashboard;
use domain::operations::live_wait::LiveWait;
use domain::queue::protocol::TicketView;
use domain::routes::Endpoint;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The Tuesday after a queue test's Monday: no other test uses it.
fn tuesday() -> (String, String) {
    let monday = monday(9);
    let day: chrono::DateTime<chrono::Utc> = monday.parse().expect("a time");
    let tuesday = day + chrono::Duration::days(1);
    (
        tuesday.to_rfc3339(),
        (tuesday + chrono::Duration::hours(8))
            .date_naive()
            .to_string(),
    )
}

fn check_in(client: &Client) -> TicketView {
    client
        .post(
            "/api/halls/gaoxin/tickets",
            &json!({ "business": "payment", "channel": "kiosk" }),
        )
        .assert_status(201)
        .json()
}

fn act(staff: &Client, action: Value) {
    staff
        .post("/api/halls/gaoxin/counters/3/actions", &action)
        .assert_status(200);
}

#[test]
fn finished_tickets_reach_the_dashboard_with_their_stars() {
    let (at, day) = tuesday();
    let kiosk = Client::anonymous().at(&at);
    let (served, left) = (check_in(&kiosk), check_in(&kiosk));
    let staff = Client::demo("staff.gaoxin.1")
        .at(&at)
        .sign_in_at("gaoxin", 3);
    act(&staff, json!({ "action": "call_next" }));
    act(&staff, json!({ "action": "start", "ticket": served.id }));
    act(&staff, json!({ "action": "finish", "ticket": served.id }));
    kiosk
        .post(
            &format!("/api/halls/gaoxin/tickets/{}/cancel", left.id),
            &json!({ "key": left.key }),
        )
        .assert_status(200);
    // The queue copies its events to D1 in the background: wait for them. Reading the
    // dashboard stores the day's tally; the rating that follows must replace it.
    let manager = Client::demo("manager.gaoxin").at(&at);
    let path = format!("/api/ops/dashboard?from={day}&to={day}");
    let dashboard_once = |done: &dyn Fn(&Dashboard) -> bool| {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let d: Dashboard = manager.get(&path).assert_status(200).json();
            if done(&d) || Instant::now() > deadline {
                break d;
            }
            std::thread::sleep(Duration::from_millis(300));
        }
    };
    let before = dashboard_once(&|d| d.totals.tickets == 2);
    assert_eq!((before.totals.tickets, before.totals.rated), (2, 0));
    kiosk
        .post(
            &format!("/api/halls/gaoxin/tickets/{}/rating", served.id),
            &json!({ "stars": 5, "comment": "", "key": served.key }),
        )
        .assert_status(200);
    let d = dashboard_once(&|d| d.totals.rated == 1);
    assert_eq!(d.hall_id.as_deref(), Some("gaoxin"));
    let t = &d.totals;
    assert_eq!(
        (t.tickets, t.served, t.cancelled, t.rated),
        (2, 1, 1, 1),
        "{t:?}"
    );
    assert_eq!(t.mean_stars, Some(5.0));
    assert_eq!(
        t.within_tmax,
        Some(0.5),
        "the one who left was never called"
    );
    assert_eq!(d.by_counter[0].key, "3");
    assert_eq!(d.by_staff[0].name.as_deref(), Some("刘洋"));
    assert_eq!(d.per_day.len(), 1);
    assert!(d
        .staffing
        .iter()
        .any(|r| r.business.is_none() && r.actual == 1.0));
}

#[test]
fn managers_see_their_hall_and_the_admin_the_city() {
    let manager = Client::demo("manager.xinghu");
    let own: Dashboard = manager.get("/api/ops/dashboard").assert_status(200).json();
    assert_eq!(own.hall_id.as_deref(), Some("xinghu"));
    assert!(own.totals.tickets > 1000, "the demo's history");
    assert_eq!(own.per_day.len(), 7);
    assert_eq!(own.forecast.len(), 7);
    assert!(own
        .staffing
        .iter()
        .any(|r| r.erlang_a > 0 && r.erlang_c >= r.erlang_a));
    manager
        .get("/api/ops/dashboard?hall=gaoxin")
        .assert_error(403, "forbidden");

    let admin = Client::demo("admin");
    let city: Dashboard = admin.get("/api/ops/dashboard").assert_status(200).json();
    assert_eq!(city.hall_id, None);
    let halls: Vec<&str> = city.by_hall.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(halls, ["binjiang", "gaoxin", "xinghu"]);
    let sum: u32 = city.by_hall.iter().map(|r| r.figures.tickets).sum();
    assert_eq!(sum, city.totals.tickets);
    assert!(city.staffing.is_empty() && city.by_counter.is_empty());
    admin
        .get("/api/ops/dashboard?hall=nosuch")
        .assert_error(404, "not_found");
    Client::demo("staff.xinghu.1")
        .get("/api/ops/dashboard")
        .assert_error(403, "forbidden");
}

#[test]
fn bad_filters_are_refused_with_the_field() {
    let manager = Client::demo("manager.xinghu");
    for (query, field) in [
        ("from=2026-12-31&to=2026-12-01", "from"),
        ("from=2026-01-01&to=2026-12-01", "from"),
        ("to=tomorrow", "to"),
        ("tmax=0", "tmax"),
        ("tmax=fifteen", "tmax"),
    ] {
        let reply = manager.get(&format!("/api/ops/dashboard?{query}"));
        reply.assert_error(400, "validation");
        assert_eq!(reply.body["error"]["field"], field, "{query}");
    }
}

#[test]
fn the_live_wait_lists_every_hall_and_counts_a_new_ticket() {
    let (at, _) = tuesday();
    let read = || -> LiveWait {
        Client::anonymous()
            .at(&at)
            .get("/api/live-wait")
            .assert_status(200)
            .json()
    };
    let before = read();
    let ids: Vec<&str> = before.halls.iter().map(|h| h.hall_id.as_str()).collect();
    assert_eq!(ids, ["xinghu", "binjiang", "gaoxin"]);
    assert_eq!(before.max_age_seconds, 5);
    let xinghu = |live: &LiveWait| live.halls[0].clone();
    assert!(xinghu(&before).open, "10:00 on a Tuesday");
    Client::staff_the_hall("xinghu", &at);
    let t: TicketView = Client::anonymous()
        .at(&at)
        .post(
            "/api/halls/xinghu/tickets",
            &json!({ "business": "expansion", "channel": "kiosk" }),
        )
        .assert_status(201)
        .json();
    let after = read();
    assert_eq!(xinghu(&after).waiting, xinghu(&before).waiting + 1);
    assert!(xinghu(&after).wait.is_some());
    Client::anonymous()
        .at(&at)
        .post(
            &format!("/api/halls/xinghu/tickets/{}/cancel", t.id),
            &json!({ "key": t.key }),
        )
        .assert_status(200);
}

/// Every operation the document lists reaches a route (never "no such API endpoint"), and it
/// lists as many operations as the router has.
#[test]
fn the_openapi_document_covers_every_route() {
    let doc: Value = Client::anonymous()
        .get("/api/openapi.json")
        .assert_status(200)
        .json();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("an item").keys() {
            operations += 1;
            let concrete = path.replace(['{', '}'], "");
            let reply = Client::anonymous().raw(&method.to_uppercase(), &concrete, "{}".into());
            assert!(
                !(reply.status == 404 && reply.body["error"]["message"] == "no such API endpoint")
                    && reply.status != 405,
                "{method} {path}: {} {}",
                reply.status,
                reply.body
            );
        }
    }
    assert_eq!(operations, Endpoint::ALL.len());
}

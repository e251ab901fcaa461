//! Reference data in the console: a manager's hall details, counters and business types, the
//! administrator's firms. Each is validated, refused to the wrong people and followed at once
//! by today's queue and the projects.

use api_tests::projects::{act, apply};
use api_tests::queue::{check_in, kiosk, later, snapshot};
use api_tests::{fresh_mobile, monday, Client};
use domain::firms::Firm;
use domain::halls::{Counter, HallDetail};
use domain::projects::process::Action;
use serde_json::{json, Value};

fn gaoxin() -> HallDetail {
    Client::anonymous()
        .get("/api/halls/gaoxin")
        .assert_status(200)
        .json()
}

#[test]
fn only_the_halls_own_manager_edits_it_and_bad_input_changes_nothing() {
    let before = gaoxin();
    let edit = json!({ "address": before.summary.address, "address_en": before.summary.address_en,
                       "phone": "0571-95598-33", "hours": before.hours });
    let path = "/api/halls/gaoxin";
    Client::anonymous()
        .put(path, &edit)
        .assert_error(401, "unauthenticated");
    Client::demo("staff.gaoxin.1")
        .put(path, &edit)
        .assert_error(403, "forbidden");
    Client::demo("manager.xinghu")
        .put(path, &edit)
        .assert_error(403, "forbidden");
    let manager = Client::demo("manager.gaoxin");
    for (field, bad) in [
        ("phone", json!("call us")),
        ("address", json!("  ")),
        (
            "hours",
            json!([{"open":"18:00","close":"09:00"}, null, null, null, null, null, null]),
        ),
    ] {
        let mut body = edit.clone();
        body[field] = bad;
        let reply = manager.put(path, &body);
        reply.assert_error(400, "validation");
        assert_eq!(reply.body["error"]["field"], field);
    }
    manager
        .raw("PUT", path, "{\"address\":".into())
        .assert_error(400, "invalid_json");
    assert_eq!(
        gaoxin().summary.phone,
        before.summary.phone,
        "nothing changed"
    );

    manager.put(path, &edit).assert_status(200);
    assert_eq!(gaoxin().summary.phone, "0571-95598-33");
    assert!(
        gaoxin().directions.transit.contains("创新路口站"),
        "left out, the directions stay"
    );
    let mut long = edit.clone();
    long["directions"] = json!({ "transit": "路".repeat(201), "parking": "" });
    let reply = manager.put(path, &long);
    reply.assert_error(400, "validation");
    assert_eq!(reply.body["error"]["field"], "transit");
    let mut moved = edit.clone();
    moved["directions"] = json!({ "transit": " 公交 18 路创新路口站 ", "parking": "园区 P2" });
    manager.put(path, &moved).assert_status(200);
    let after = gaoxin();
    assert_eq!(after.directions.transit, "公交 18 路创新路口站");
    assert_eq!(after.directions.parking, "园区 P2");
    assert!(after.summary.point.is_some(), "the hall is on the map");
    let restore = json!({ "address": before.summary.address, "address_en": before.summary.address_en,
                          "phone": before.summary.phone, "hours": before.hours });
    manager.put(path, &restore).assert_status(200);
    let after = gaoxin();
    assert_eq!(
        (after.summary.phone, after.hours),
        (before.summary.phone, before.hours)
    );
}

#[test]
fn a_counter_is_added_to_todays_queue_closed_and_taken_away_only_when_free() {
    // Tuesday of week 15 at Binjiang, which opens every day.
    let at = later(&monday(15), 24 * 60);
    let manager = Client::demo("manager.binjiang").at(&at);
    let path = "/api/halls/binjiang/counters/9";
    let setup = json!({ "serves": ["invoice"], "trained": ["payment"] });
    Client::demo("staff.binjiang.1")
        .at(&at)
        .put(path, &setup)
        .assert_error(403, "forbidden");
    for (bad_path, body, field) in [
        ("/api/halls/binjiang/counters/0", setup.clone(), "counter"),
        ("/api/halls/binjiang/counters/100", setup.clone(), "counter"),
        (path, json!({ "serves": [], "trained": [] }), "serves"),
    ] {
        let reply = manager.put(bad_path, &body);
        reply.assert_error(400, "validation");
        assert_eq!(reply.body["error"]["field"], field);
    }
    manager
        .put(path, &json!({ "serves": ["haircut"], "trained": [] }))
        .assert_error(400, "validation");

    snapshot("binjiang", &at); // today's queue is running before the change
    let added: Counter = manager.put(path, &setup).assert_status(200).json();
    assert_eq!(
        added.trained.len(),
        2,
        "what it serves is among what it is trained for"
    );
    let nine = snapshot("binjiang", &at)
        .counters
        .into_iter()
        .find(|c| c.number == 9)
        .expect("counter 9 joined today's queue");
    assert_eq!(nine.status, domain::queue::CounterStatus::Closed);

    let clerk = Client::demo("staff.binjiang.2")
        .at(&at)
        .sign_in_at("binjiang", 9);
    manager.delete(path).assert_error(409, "conflict");
    clerk
        .post(path_actions(9).as_str(), &json!({ "action": "close" }))
        .assert_status(200);
    manager.delete(path).assert_status(200);
    assert!(snapshot("binjiang", &at)
        .counters
        .iter()
        .all(|c| c.number != 9));
    manager.delete(path).assert_error(404, "not_found");
}

fn path_actions(counter: u32) -> String {
    format!("/api/halls/binjiang/counters/{counter}/actions")
}

#[test]
fn a_daily_limit_ends_todays_numbers_and_letters_stay_unique() {
    // Thursday of week 15 at Gaoxin; no other test takes change-and-transfer numbers there.
    let at = later(&monday(15), 3 * 24 * 60);
    let manager = Client::demo("manager.gaoxin").at(&at);
    let path = "/api/halls/gaoxin/business/change_transfer";
    for (body, field) in [
        (json!({ "prefix": "A", "service_minutes": 10 }), "prefix"),
        (json!({ "prefix": "GG", "service_minutes": 10 }), "prefix"),
        (
            json!({ "prefix": "G", "service_minutes": 0 }),
            "service_minutes",
        ),
        (
            json!({ "prefix": "G", "service_minutes": 10, "daily_cap": 0 }),
            "daily_cap",
        ),
    ] {
        let reply = manager.put(path, &body);
        reply.assert_error(400, "validation");
        assert_eq!(reply.body["error"]["field"], field, "{body}");
    }
    manager
        .put(
            "/api/halls/gaoxin/business/haircut",
            &json!({ "prefix": "G", "service_minutes": 10 }),
        )
        .assert_error(400, "validation");
    Client::demo("manager.xinghu")
        .at(&at)
        .put(path, &json!({ "prefix": "G", "service_minutes": 10 }))
        .assert_error(403, "forbidden");

    manager
        .put(
            path,
            &json!({ "prefix": "g", "service_minutes": 8, "daily_cap": 1 }),
        )
        .assert_status(200);
    let kiosk_client = Client::anonymous().at(&at);
    let first = check_in(&kiosk_client, "gaoxin", kiosk("change_transfer"));
    assert_eq!(first.number.to_string(), "G001");
    let refused = kiosk_client.post("/api/halls/gaoxin/tickets", &kiosk("change_transfer"));
    refused.assert_error(409, "conflict");
    let line = snapshot("gaoxin", &at)
        .by_type
        .into_iter()
        .find(|t| t.business == domain::halls::BusinessType::ChangeTransfer)
        .expect("the line is shown");
    assert_eq!(line.numbers_left, Some(0));
    let detail = gaoxin();
    let setting = detail
        .business
        .get(domain::halls::BusinessType::ChangeTransfer);
    assert_eq!((setting.prefix, setting.service_minutes), ('G', 8));

    manager
        .put(
            path,
            &json!({ "prefix": "C", "service_minutes": 10, "daily_cap": null }),
        )
        .assert_status(200);
    let after = later(&at, 1);
    check_in(
        &Client::anonymous().at(&after),
        "gaoxin",
        kiosk("change_transfer"),
    );
}

fn firm_body(name: &str, number: &str, expires: &str) -> Value {
    json!({ "name": name, "kind": "design", "grade": "乙级", "qualification_no": number,
            "qualification_expires": expires, "contact": "周工", "phone": "13900001111" })
}

#[test]
fn the_administrator_adds_renews_and_suspends_firms_and_projects_follow_at_once() {
    let admin = Client::demo("admin");
    let tag = &fresh_mobile()[5..];
    let name = format!("测试设计所{tag}");
    let number = format!("T{tag}");
    let body = firm_body(&name, &number, "2030-01-31");
    Client::anonymous()
        .post("/api/firms", &body)
        .assert_error(401, "unauthenticated");
    Client::demo("manager.gaoxin")
        .post("/api/firms", &body)
        .assert_error(403, "forbidden");
    for (field, bad) in [
        ("qualification_expires", json!("2020-01-01")),
        ("grade", json!("")),
        ("phone", json!("none")),
    ] {
        let mut wrong = body.clone();
        wrong[field] = bad;
        let reply = admin.post("/api/firms", &wrong);
        reply.assert_error(400, "validation");
        assert_eq!(reply.body["error"]["field"], field);
    }
    let firm: Firm = admin.post("/api/firms", &body).assert_status(201).json();
    admin
        .post("/api/firms", &body)
        .assert_error(409, "conflict");
    let mut other_kind = body.clone();
    other_kind["kind"] = json!("test");
    let reply = admin.put(&format!("/api/firms/{}", firm.id), &other_kind);
    assert_eq!(reply.body["error"]["field"], "kind");

    // A user of the new firm, chosen for a project.
    let login = format!("design.{tag}");
    let user = json!({ "login": login, "name": "周工", "password": "Drawing2026", "role": "design", "firm_id": firm.id });
    admin.post("/api/admin/users", &user).assert_status(201);
    let designer = Client::signed_in(&login, "Drawing2026");
    let customer = Client::demo("13800138003");
    let utility = Client::demo("staff.gaoxin.1");
    let id = apply(&customer, "参考数据测试").summary.id;
    for step in [Action::Accept, Action::Survey, Action::IssuePlan] {
        act(&utility, id, step, &[]);
    }
    act(&customer, id, Action::ChooseDesignFirm, &[firm.id]);

    let accept = json!({ "action": "accept_assignment", "documents": [], "firms": [] });
    let project = format!("/api/projects/{id}/actions");
    // Suspended: the firm may not act, and says so.
    let suspension = format!("/api/firms/{}/suspension", firm.id);
    admin
        .put(&suspension, &json!({ "reason": " " }))
        .assert_error(400, "validation");
    let suspended: Firm = admin
        .put(&suspension, &json!({ "reason": "安全事故整改" }))
        .assert_status(200)
        .json();
    assert_eq!(suspended.suspended.as_deref(), Some("安全事故整改"));
    let refused = designer.post(&project, &accept);
    refused.assert_error(403, "forbidden");
    assert!(refused.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("suspended"));
    admin
        .put(&suspension, &json!({ "reason": null }))
        .assert_status(200);

    // Expired by March 2030: blocked, then renewed and acting at once.
    let march = "2030-03-01T02:00:00Z";
    let expired = designer.at(march);
    expired
        .post(&project, &accept)
        .assert_error(403, "forbidden");
    let renewed = firm_body(&name, &format!("R{tag}"), "2033-01-31");
    let firm: Firm = admin
        .put(&format!("/api/firms/{}", firm.id), &renewed)
        .assert_status(200)
        .json();
    assert_eq!(firm.qualification_no, format!("R{tag}"));
    expired.post(&project, &accept).assert_status(200);
    let listed: Vec<Firm> = Client::anonymous().get("/api/firms").json();
    assert!(listed
        .iter()
        .any(|f| f.id == firm.id && f.suspended.is_none()));
}

//! Applications and work orders over HTTP: the customer files, the hall's staff handle, other
//! customers and other halls see nothing, and bad input changes nothing.

use api_tests::Client;
use domain::billing::accounts::UtilityAccount;
use domain::files::FileRef;
use domain::service::applications::{AppAction, AppStatus, Application};
use domain::service::work_orders::terms::{Limit, Term};
use domain::service::work_orders::{
    DueState, Milestone, OrderAction, OrderStatus, WorkOrder, WorkOrderDetail,
};
use serde_json::json;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn act(client: &Client, path: &str, body: serde_json::Value) -> api_tests::Reply {
    client.post(&format!("{path}/actions"), &body)
}

#[test]
fn a_business_suspension_is_accepted_with_its_documents_and_changes_the_account() {
    let customer = Client::bound_to("3302000009", "周明");
    let filed: Application = customer
        .post(
            "/api/applications",
            &json!({ "kind": "suspension", "account": "3302000009", "capacity_kva": 30, "start_on": "2099-01-05", "months": 3 }),
        )
        .assert_status(201)
        .json();
    assert_eq!(filed.status, AppStatus::Submitted);
    assert_eq!(filed.options, [AppAction::Cancel]);
    let path = format!("/api/applications/{}", filed.id);
    let staff = Client::demo("staff.gaoxin.1");
    act(&staff, &path, json!({ "action": "accept" })).assert_error(409, "conflict");
    let doc: FileRef = customer
        .upload(&format!("{path}/documents"), "application/pdf", PDF)
        .assert_status(201)
        .json();
    customer
        .upload(&format!("{path}/documents"), "text/html", b"<html>")
        .assert_error(400, "validation");
    let (status, _, bytes) = staff.download(&format!("{path}/documents/{}", doc.id));
    assert_eq!((status, bytes.as_slice()), (200, PDF));
    let doc_path = format!("{path}/documents/{}", doc.id);
    assert_eq!(Client::fresh_customer().download(&doc_path).0, 404);
    assert_eq!(Client::demo("staff.binjiang.1").download(&doc_path).0, 403);

    Client::demo("staff.xinghu.1")
        .get(&path)
        .assert_error(403, "forbidden");
    Client::fresh_customer()
        .get(&path)
        .assert_error(404, "not_found");
    act(&customer, &path, json!({ "action": "accept" })).assert_error(403, "forbidden");
    act(&staff, &path, json!({ "action": "fly" })).assert_error(400, "validation");

    let accepted: Application = act(&staff, &path, json!({ "action": "accept" }))
        .assert_status(200)
        .json();
    assert_eq!(accepted.status, AppStatus::Accepted);
    act(&customer, &path, json!({ "action": "cancel" })).assert_error(409, "conflict");
    act(&staff, &path, json!({ "action": "reject", "reason": " " }))
        .assert_error(400, "validation");
    let done: Application = act(&staff, &path, json!({ "action": "approve" }))
        .assert_status(200)
        .json();
    assert_eq!(done.status, AppStatus::Done);
    assert_eq!(done.events.len(), 3);
    let accounts: Vec<UtilityAccount> = customer
        .get("/api/utility-accounts")
        .assert_status(200)
        .json();
    assert_eq!(accounts[0].capacity_kva, 30, "the account now keeps 30 kVA");
    let list: Vec<Application> = staff.get("/api/applications").assert_status(200).json();
    assert!(list.iter().any(|a| a.id == filed.id));
    let others: Vec<Application> = Client::demo("staff.xinghu.1")
        .get("/api/applications")
        .assert_status(200)
        .json();
    assert!(others.iter().all(|a| a.id != filed.id));
}

#[test]
fn forms_are_checked_field_by_field() {
    let customer = Client::bound_to("3302000009", "周明");
    let field = |body: serde_json::Value| {
        let reply = customer.post("/api/applications", &body);
        reply.assert_error(400, "validation");
        reply.body["error"]["field"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        field(
            json!({ "kind": "rename_transfer", "account": "3302000009", "new_holder": "周小明", "id_number": "110105194912310021", "phone": "13800138000" })
        ),
        "id_number"
    );
    assert_eq!(
        field(json!({ "kind": "tariff_change", "account": "3302000009", "plan": "peak_valley" })),
        "account"
    );
    assert_eq!(
        field(json!({ "kind": "suspension", "account": "3301000001", "capacity_kva": 1 })),
        "account"
    );
    assert_eq!(
        field(json!({ "kind": "capacity_increase", "account": "3302000009", "capacity_kva": 20 })),
        "capacity_kva"
    );
    assert_eq!(
        field(
            json!({ "kind": "new_connection", "title": "新店", "address": "科技园路 9 号", "capacity_kva": 0, "hall_id": "gaoxin" })
        ),
        "capacity_kva"
    );
    Client::demo("staff.gaoxin.1")
        .post("/api/applications", &json!({ "kind": "tariff_change" }))
        .assert_error(403, "forbidden");
    let none: Vec<Application> = customer.get("/api/applications").assert_status(200).json();
    assert!(none.is_empty(), "nothing was stored");
}

#[test]
fn a_capacity_increase_becomes_a_connection_project() {
    let customer = Client::bound_to("3302000009", "周明");
    let filed: Application = customer
        .post(
            "/api/applications",
            &json!({ "kind": "capacity_increase", "account": "3302000009", "capacity_kva": 200, "title": "门店扩建" }),
        )
        .assert_status(201)
        .json();
    assert_eq!(filed.status, AppStatus::Forwarded);
    let project = filed.project_id.expect("a project");
    let detail: serde_json::Value = customer
        .get(&format!("/api/projects/{project}"))
        .assert_status(200)
        .json();
    assert_eq!(detail["summary"]["capacity_kva"], 200);
}

#[test]
fn a_repair_order_is_dispatched_reached_answered_closed_and_rated() {
    let customer = Client::fresh_customer();
    let filed: WorkOrderDetail = customer
        .post(
            "/api/work-orders",
            &json!({ "topic": "repair_urban", "description": "整个单元停电", "location": "湖滨路 12 号 3 单元", "phone": "13800138001", "hall_id": "xinghu" }),
        )
        .assert_status(201)
        .json();
    let order = &filed.order;
    assert_eq!(order.deadline_at - order.created_at, 45 * 60_000);
    assert_eq!(order.due, DueState::OnTime);
    let path = format!("/api/work-orders/{}", order.id);
    let photo: FileRef = customer
        .upload(&format!("{path}/photos"), "image/png", PNG)
        .assert_status(201)
        .json();
    customer
        .upload(&format!("{path}/photos"), "text/html", b"<script>")
        .assert_error(400, "validation");
    for _ in 0..2 {
        customer
            .upload(&format!("{path}/photos"), "image/png", PNG)
            .assert_status(201);
    }
    customer
        .upload(&format!("{path}/photos"), "image/png", PNG)
        .assert_error(409, "conflict");
    let photo_path = format!("{path}/photos/{}", photo.id);
    assert_eq!(Client::demo("staff.xinghu.2").download(&photo_path).0, 200);
    assert_eq!(Client::fresh_customer().download(&photo_path).0, 404);
    let staff = Client::demo("staff.xinghu.2");
    let board: Vec<WorkOrder> = staff.get("/api/work-orders").assert_status(200).json();
    assert!(board.iter().any(|o| o.id == order.id));
    Client::demo("staff.gaoxin.1")
        .get(&path)
        .assert_error(403, "forbidden");
    Client::fresh_customer()
        .get(&path)
        .assert_error(404, "not_found");

    act(
        &staff,
        &path,
        json!({ "action": "reply", "text": "已修复" }),
    )
    .assert_error(409, "conflict");
    act(&customer, &path, json!({ "action": "dispatch" })).assert_error(403, "forbidden");
    let steps = [
        json!({ "action": "dispatch", "department": "repair_crew" }),
        json!({ "action": "arrive" }),
        json!({ "action": "reply", "text": "更换熔断器，已恢复供电" }),
        json!({ "action": "close" }),
    ];
    for step in steps {
        act(&staff, &path, step).assert_status(200);
    }
    act(&customer, &path, json!({ "action": "rate", "stars": 9 })).assert_error(400, "validation");
    let rated: WorkOrderDetail = act(
        &customer,
        &path,
        json!({ "action": "rate", "stars": 5, "text": "很快" }),
    )
    .assert_status(200)
    .json();
    assert_eq!(rated.order.status, OrderStatus::Closed);
    assert_eq!(rated.order.due, DueState::Met);
    let kept: Vec<(Milestone, DueState)> = rated
        .order
        .deadlines
        .iter()
        .map(|d| (d.deadline.milestone, d.state))
        .collect();
    assert_eq!(
        kept,
        [
            (Milestone::Arrival, DueState::Met),
            (Milestone::Restore, DueState::Met)
        ],
        "the crew arrived and the power came back within 3 hours of the arrival"
    );
    assert_eq!(rated.order.stars, Some(5));
    assert_eq!(rated.events.len(), 6);
    assert_eq!(rated.photos.len(), 3);
    assert!(rated.order.options.is_empty());
    act(&customer, &path, json!({ "action": "rate", "stars": 1 })).assert_error(409, "conflict");
    let _ = OrderAction::Rate;
}

#[test]
fn bad_work_orders_are_refused_and_overdue_ones_are_flagged() {
    let customer = Client::fresh_customer();
    for body in [
        json!({ "topic": "repair_urban", "description": "", "location": "x", "phone": "13800138001", "hall_id": "xinghu" }),
        json!({ "topic": "repair_urban", "description": "停电", "location": "x", "phone": "123", "hall_id": "xinghu" }),
        json!({ "topic": "repair_urban", "description": "停电", "location": "x", "phone": "13800138001", "hall_id": "nowhere" }),
        json!({ "topic": "lightning", "description": "停电", "location": "x", "phone": "13800138001", "hall_id": "xinghu" }),
        json!({ "topic": "complaint", "description": "停电", "location": "x", "phone": "13800138001", "hall_id": "xinghu", "account": "3301000001" }),
    ] {
        customer
            .post("/api/work-orders", &body)
            .assert_error(400, "validation");
    }
    let mine: Vec<WorkOrder> = customer.get("/api/work-orders").assert_status(200).json();
    assert!(mine.is_empty());

    let early = Client::fresh_customer().at("2026-03-02T02:00:00Z");
    let filed: WorkOrderDetail = early
        .post(
            "/api/work-orders",
            &json!({ "topic": "meter_fault", "description": "电表黑屏", "location": "文昌路 21 号", "phone": "13800138008", "hall_id": "xinghu" }),
        )
        .assert_status(201)
        .json();
    let late = Client::demo("manager.xinghu").at("2026-03-02T10:30:00Z");
    let seen: WorkOrderDetail = late
        .get(&format!("/api/work-orders/{}", filed.order.id))
        .assert_status(200)
        .json();
    assert_eq!(
        seen.order.due,
        DueState::Overdue,
        "8 hours passed at 18:00 China time"
    );
    let soon = Client::demo("manager.xinghu").at("2026-03-02T09:00:00Z");
    let seen: WorkOrderDetail = soon
        .get(&format!("/api/work-orders/{}", filed.order.id))
        .assert_status(200)
        .json();
    assert_eq!(seen.order.due, DueState::DueSoon);
}

#[test]
fn the_admin_sets_the_terms_for_new_orders() {
    let list: Vec<Term> = Client::anonymous()
        .get("/api/work-order-terms")
        .assert_status(200)
        .json();
    assert_eq!(list.len(), Term::PUBLISHED.len());
    assert!(list
        .iter()
        .any(|t| t.milestone == Milestone::Result && t.limit == Limit::WorkingDays(5)));
    let admin = Client::demo("admin");
    for bad in [
        json!({ "topic": "suggestion", "milestone": "reply", "limit": { "minutes": 2 } }),
        json!({ "topic": "suggestion", "milestone": "reply", "limit": { "working_days": 31 } }),
        json!({ "topic": "suggestion", "milestone": "arrival", "limit": { "minutes": 60 } }),
    ] {
        admin
            .put("/api/work-order-terms", &bad)
            .assert_error(400, "validation");
    }
    let six_hundred =
        json!({ "topic": "suggestion", "milestone": "reply", "limit": { "minutes": 600 } });
    Client::demo("manager.xinghu")
        .put("/api/work-order-terms", &six_hundred)
        .assert_error(403, "forbidden");
    let updated: Vec<Term> = admin
        .put("/api/work-order-terms", &six_hundred)
        .assert_status(200)
        .json();
    assert!(updated.iter().any(|t| t.limit == Limit::Minutes(600)));
    let filed: WorkOrderDetail = Client::fresh_customer()
        .post(
            "/api/work-orders",
            &json!({ "topic": "suggestion", "description": "希望增加夜间营业", "location": "星湖营业厅", "phone": "13800138001", "hall_id": "xinghu" }),
        )
        .assert_status(201)
        .json();
    assert_eq!(
        filed.order.deadline_at - filed.order.created_at,
        600 * 60_000
    );
}

#[test]
fn repair_times_are_averaged_by_month_against_the_promise() {
    use api_tests::{monday, same_day_at};
    use domain::service::work_orders::repair_times::RepairMonth;
    use domain::service::work_orders::Topic;
    // A remote-area repair on a day of this run's own: on site in 150 minutes (promise: 2 h),
    // power back 60 minutes later (promise: 4 h).
    let day = monday(19);
    let at = |hh_mm: &str| same_day_at(&day, hh_mm);
    let filed: WorkOrderDetail = Client::fresh_customer()
        .at(&at("10:00"))
        .post(
            "/api/work-orders",
            &json!({ "topic": "repair_remote", "description": "山区线路断线", "location": "龙坞村 5 组", "phone": "13800138001", "hall_id": "gaoxin" }),
        )
        .assert_status(201)
        .json();
    let path = format!("/api/work-orders/{}", filed.order.id);
    let staff = |hh_mm: &str| Client::demo("staff.gaoxin.1").at(&at(hh_mm));
    act(&staff("10:10"), &path, json!({ "action": "dispatch" })).assert_status(200);
    act(&staff("12:30"), &path, json!({ "action": "arrive" })).assert_status(200);
    act(
        &staff("13:30"),
        &path,
        json!({ "action": "reply", "text": "已接通断线" }),
    )
    .assert_status(200);

    let rows: Vec<RepairMonth> = Client::demo("manager.gaoxin")
        .at(&at("18:00"))
        .get("/api/work-order-repair-times?months=2")
        .assert_status(200)
        .json();
    assert_eq!(rows.len(), 6, "last month and this one × three areas");
    let month = &day[..7];
    let this = rows
        .iter()
        .find(|r| r.month == month && r.topic == Topic::RepairRemote)
        .expect("this month, remote areas");
    assert_eq!(this.arrival.count, 1);
    assert_eq!(this.arrival.mean_minutes, Some(150.0));
    assert_eq!(
        (this.arrival.limit_minutes, this.arrival.kept()),
        (Some(120), Some(false))
    );
    assert_eq!(this.restore.mean_minutes, Some(60.0));
    assert_eq!(
        (this.restore.limit_minutes, this.restore.kept()),
        (Some(240), Some(true))
    );

    let manager = Client::demo("manager.gaoxin");
    for bad in ["months=0", "months=25", "months=many"] {
        manager
            .get(&format!("/api/work-order-repair-times?{bad}"))
            .assert_error(400, "validation");
    }
    manager
        .get("/api/work-order-repair-times?hall_id=xinghu")
        .assert_reason(403, "other_hall");
    Client::fresh_customer()
        .get("/api/work-order-repair-times")
        .assert_error(403, "forbidden");
    let city: Vec<RepairMonth> = Client::demo("admin")
        .get("/api/work-order-repair-times?months=1")
        .assert_status(200)
        .json();
    assert_eq!(city.len(), 3);
}

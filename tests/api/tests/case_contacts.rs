//! Contacts filed on the case over HTTP: a video call asked for from a project's page shows on
//! that project for its parties and no one else; an agent files a call on a work order by its
//! number; a consultation is filed from a case and linked to another; a kiosk call lands on
//! the record of the customer whose mobile was given.

use api_tests::projects::{act, apply};
use api_tests::{fresh_mobile, Client};
use domain::projects::process::Action;
use domain::service::contacts::{CaseContact, ContactKind};
use domain::service::work_orders::WorkOrderDetail;
use domain::video::bodies::{CallRecord, HelpCreated};
use serde_json::{json, Value};

fn contacts(client: &Client, kind: &str, id: i64) -> api_tests::Reply {
    client.get(&format!("/api/case-contacts?kind={kind}&id={id}"))
}

fn listed(client: &Client, kind: &str, id: i64) -> Vec<CaseContact> {
    contacts(client, kind, id).assert_status(200).json()
}

fn ask(client: &Client, topic: &str, extra: Value) -> api_tests::Reply {
    let mut body = json!({ "topic": topic, "channel": "audio" });
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    client.post("/api/video/requests", &body)
}

/// `agent` (available first) takes the call in `room` and ends it with `end`.
fn answer(agent: &Client, room: &str, end: Value) -> api_tests::Reply {
    agent
        .put("/api/video/presence", &json!({ "presence": "available" }))
        .assert_status(200);
    agent
        .post(&format!("/api/video/requests/{room}/accept"), &json!({}))
        .assert_status(200);
    agent.post(&format!("/api/video/requests/{room}/end"), &end)
}

#[test]
fn a_call_from_a_project_page_shows_on_the_project_for_its_parties() {
    let customer = Client::demo("13800138003");
    let utility = Client::demo("staff.gaoxin.1");
    let id = apply(&customer, "视频咨询的项目").summary.id;
    for action in [Action::Accept, Action::Survey, Action::IssuePlan] {
        act(&utility, id, action, &[]);
    }
    act(&customer, id, Action::ChooseDesignFirm, &[2]);
    let topic = format!("方案里的计量方式 {}", fresh_mobile());
    let case = json!({ "case": { "kind": "project", "id": id } });

    // Someone who is not a party cannot file a call on it, and nothing is asked.
    ask(&Client::demo("13800138002"), &topic, case.clone()).assert_reason(403, "not_yours");
    ask(&Client::anonymous(), &topic, case.clone()).assert_error(401, "unauthenticated");

    let asked: HelpCreated = ask(&customer, &topic, case).assert_status(201).json();
    let waiting = listed(&customer, "project", id);
    assert!(waiting
        .iter()
        .any(|c| c.topic == topic && c.summary.is_none()));
    answer(
        &Client::demo("staff.xinghu.4"),
        &asked.room,
        json!({ "summary": "解释了高供高计的要求" }),
    )
    .assert_status(200);

    for party in ["13800138003", "design.hengyuan", "staff.gaoxin.2", "admin"] {
        let seen = listed(&Client::demo(party), "project", id);
        let call = seen
            .iter()
            .find(|c| c.topic == topic)
            .unwrap_or_else(|| panic!("{party} sees the call"));
        assert_eq!(call.kind, ContactKind::VideoCall);
        assert_eq!(call.summary.as_deref(), Some("解释了高供高计的要求"));
        assert!(call.agent_name.is_some());
    }
    for outsider in ["design.jcdl", "13800138002", "staff.xinghu.1"] {
        let reply = contacts(&Client::demo(outsider), "project", id);
        assert_eq!(reply.status, 403, "{outsider}: {:?}", reply.body);
    }
    contacts(&customer, "project", 999_999_999).assert_reason(404, "not_found");
    contacts(&customer, "bridge", id).assert_reason(400, "bad_field");
    contacts(&customer, "project", 0).assert_reason(404, "not_found");
    customer
        .get("/api/case-contacts?kind=project")
        .assert_reason(400, "bad_field");
}

#[test]
fn an_agent_files_a_call_on_a_work_order_by_its_number() {
    let customer = Client::fresh_customer();
    let order: WorkOrderDetail = customer
        .post(
            "/api/work-orders",
            &json!({ "topic": "meter_fault", "description": "电表不走字", "location": "星湖花园",
                     "phone": fresh_mobile(), "hall_id": "xinghu" }),
        )
        .assert_status(201)
        .json();
    let topic = format!("电表问题 {}", fresh_mobile());
    let asked: HelpCreated = ask(&customer, &topic, json!({})).assert_status(201).json();
    let agent = Client::demo("staff.xinghu.5");
    // A wrong number, or another hall's order, is refused before the call ends.
    answer(
        &agent,
        &asked.room,
        json!({ "summary": "已登记", "case_number": "GD20-1" }),
    )
    .assert_reason(400, "case_number");
    let other = Client::demo("staff.binjiang.4");
    other
        .post(
            &format!("/api/video/requests/{}/end", asked.room),
            &json!({ "summary": "x", "case_number": order.order.number }),
        )
        .assert_status(403);
    let record: CallRecord = agent
        .post(
            &format!("/api/video/requests/{}/end", asked.room),
            &json!({ "summary": "已登记，派计量班上门", "case_number": order.order.number.to_lowercase() }),
        )
        .assert_status(200)
        .json();
    assert_eq!(record.summary, "已登记，派计量班上门");
    let filed = listed(&customer, "work_order", order.order.id);
    assert!(filed
        .iter()
        .any(|c| c.topic == topic && c.summary.as_deref() == Some("已登记，派计量班上门")));
}

#[test]
fn a_consultation_is_filed_from_its_case_and_linked_to_another_by_the_agent() {
    let customer = Client::fresh_customer();
    let file = |what: &str| -> WorkOrderDetail {
        customer
            .post(
                "/api/work-orders",
                &json!({ "topic": "consultation", "description": what, "location": "星湖",
                         "phone": fresh_mobile(), "hall_id": "xinghu" }),
            )
            .assert_status(201)
            .json()
    };
    let (first, second) = (file("第一件事"), file("第二件事"));
    let subject = format!("工单进度 {}", fresh_mobile());
    let thread: Value = customer
        .post(
            "/api/consultations",
            &json!({ "subject": subject, "text": "请问多久处理？",
                     "case": { "kind": "work_order", "id": first.order.id } }),
        )
        .assert_status(201)
        .json();
    let thread_id = thread["thread"]["id"]
        .as_i64()
        .expect("the new consultation's id");
    let on_first = listed(&customer, "work_order", first.order.id);
    assert!(on_first
        .iter()
        .any(|c| c.kind == ContactKind::Consultation && c.topic == subject));
    Client::fresh_customer()
        .post(
            "/api/consultations",
            &json!({ "subject": "别人的工单", "text": "看看",
                     "case": { "kind": "work_order", "id": first.order.id } }),
        )
        .assert_reason(404, "not_found");

    let staff = Client::demo("staff.xinghu.2");
    let link = |body: Value| staff.post("/api/case-contacts", &body);
    link(json!({ "kind": "consultation", "reference": thread_id.to_string(), "case_number": second.order.number }))
        .assert_status(201);
    assert!(listed(&customer, "work_order", second.order.id)
        .iter()
        .any(|c| c.topic == subject));
    link(json!({ "kind": "consultation", "reference": thread_id.to_string(), "case_number": "第二件" }))
        .assert_reason(400, "case_number");
    link(json!({ "kind": "video_call", "reference": "nosuchroom", "case_number": second.order.number }))
        .assert_reason(404, "not_found");
    Client::demo("staff.binjiang.2")
        .post(
            "/api/case-contacts",
            &json!({ "kind": "consultation", "reference": thread_id.to_string(), "case_number": second.order.number }),
        )
        .assert_reason(403, "other_hall");
    customer
        .post(
            "/api/case-contacts",
            &json!({ "kind": "consultation", "reference": thread_id.to_string(), "case_number": second.order.number }),
        )
        .assert_reason(403, "role_forbidden");
}

#[test]
fn a_kiosk_call_lands_on_the_record_of_the_mobile_given() {
    let phone = fresh_mobile();
    let customer = Client::registered(&phone, "韩大妈");
    let kiosk = Client::anonymous();
    ask(
        &kiosk,
        "缴费",
        json!({ "hall": "gaoxin", "phone": "12345" }),
    )
    .assert_reason(400, "phone");
    let topic = format!("自助缴费 {phone}");
    let asked: HelpCreated = ask(&kiosk, &topic, json!({ "hall": "gaoxin", "phone": phone }))
        .assert_status(201)
        .json();
    answer(
        &Client::demo("staff.xinghu.6"),
        &asked.room,
        json!({ "summary": "指导使用自助缴费" }),
    )
    .assert_status(200);
    let mine: Vec<CallRecord> = customer.get("/api/video/calls").assert_status(200).json();
    assert!(mine.iter().any(|r| r.topic == topic));
    let others: Vec<CallRecord> = Client::fresh_customer()
        .get("/api/video/calls")
        .assert_status(200)
        .json();
    assert!(others.iter().all(|r| r.topic != topic));
}

//! The complaint loop over HTTP: a complaint is contacted within 24 hours and answered within 5
//! working days, called back after the reply (an unsatisfied customer reopens it), and an
//! overdue deadline is escalated to the hall's managers and the department head once.

use api_tests::Client;
use domain::notify::inbox::Inbox;
use domain::service::work_orders::{
    DueState, Milestone, OrderAction, OrderStatus, Outcome, WorkOrder, WorkOrderDetail,
};
use domain::users::SessionInfo;
use serde_json::json;

/// Monday 4 March 2030, 10:00 China time.
const FILED: &str = "2030-03-04T02:00:00Z";

fn complaint(customer: &Client, what: &str) -> WorkOrderDetail {
    customer
        .post(
            "/api/work-orders",
            &json!({ "topic": "complaint", "description": what, "location": "星湖花园 3 幢", "phone": "13800138001", "hall_id": "xinghu" }),
        )
        .assert_status(201)
        .json()
}

fn act(client: &Client, id: i64, body: serde_json::Value) -> api_tests::Reply {
    client.post(&format!("/api/work-orders/{id}/actions"), &body)
}

fn deadline(d: &WorkOrderDetail, milestone: Milestone, round: u32) -> (DueState, i64) {
    d.order
        .deadlines
        .iter()
        .find(|x| x.deadline.milestone == milestone && x.deadline.round == round)
        .map(|x| (x.state, x.deadline.due_at))
        .unwrap_or_else(|| panic!("no {milestone:?} round {round}: {:?}", d.order.deadlines))
}

#[test]
fn a_complaint_is_answered_called_back_reopened_and_closed() {
    let customer = Client::fresh_customer().at(FILED);
    let filed = complaint(&customer, "抄表员态度恶劣");
    let id = filed.order.id;
    let (_, contact_due) = deadline(&filed, Milestone::Contact, 1);
    assert_eq!(contact_due - filed.order.created_at, 24 * 3_600_000);
    let (_, result_due) = deadline(&filed, Milestone::Result, 1);
    // Five working days after Monday 4 March: the end of Monday 11 March, China time.
    assert_eq!(result_due, 1_899_475_200_000 - 1, "{result_due}");

    let staff = Client::demo("staff.xinghu.2").at("2030-03-04T05:00:00Z");
    act(&staff, id, json!({ "action": "dispatch" })).assert_status(200);
    let contacted: WorkOrderDetail = act(&staff, id, json!({ "action": "contact" }))
        .assert_status(200)
        .json();
    assert_eq!(deadline(&contacted, Milestone::Contact, 1).0, DueState::Met);
    assert!(contacted.order.contacted_at.is_some());
    assert!(!contacted.order.options.contains(&OrderAction::Contact));
    act(&staff, id, json!({ "action": "contact" })).assert_reason(409, "stale");

    let replied: WorkOrderDetail = act(
        &staff,
        id,
        json!({ "action": "reply", "text": "已约谈抄表员并调整岗位" }),
    )
    .assert_status(200)
    .json();
    assert_eq!(deadline(&replied, Milestone::Result, 1).0, DueState::Met);
    act(&staff, id, json!({ "action": "close" })).assert_reason(409, "callback_first");
    act(
        &customer,
        id,
        json!({ "action": "callback", "outcome": "satisfied" }),
    )
    .assert_reason(403, "staff_only");
    act(&staff, id, json!({ "action": "callback" })).assert_reason(400, "outcome");
    act(
        &staff,
        id,
        json!({ "action": "callback", "outcome": "maybe" }),
    )
    .assert_error(400, "validation");
    act(
        &staff,
        id,
        json!({ "action": "callback", "outcome": "unsatisfied", "text": " " }),
    )
    .assert_reason(400, "text");

    let reopened: WorkOrderDetail = act(
        &staff,
        id,
        json!({ "action": "callback", "outcome": "unsatisfied", "text": "没有当面道歉" }),
    )
    .assert_status(200)
    .json();
    assert_eq!(reopened.order.status, OrderStatus::Dispatched);
    assert_eq!(reopened.order.callback, Some(Outcome::Unsatisfied));
    assert_eq!(
        deadline(&reopened, Milestone::Result, 2).0,
        DueState::OnTime
    );
    assert!(reopened
        .events
        .iter()
        .any(|e| e.note.as_deref() == Some("回访不满意：没有当面道歉")));
    // The customer sees it reopened in their account.
    let mine: Vec<WorkOrder> = customer.get("/api/work-orders").assert_status(200).json();
    let seen = mine.iter().find(|o| o.id == id).expect("listed");
    assert_eq!(seen.status, OrderStatus::Dispatched);
    assert_eq!(seen.due, DueState::OnTime, "the second result is owed");

    act(
        &staff,
        id,
        json!({ "action": "reply", "text": "抄表员已上门道歉" }),
    )
    .assert_status(200);
    let tried: WorkOrderDetail = act(
        &staff,
        id,
        json!({ "action": "callback", "outcome": "not_reached" }),
    )
    .assert_status(200)
    .json();
    assert_eq!(tried.order.status, OrderStatus::Replied, "try again later");
    assert!(tried.order.options.contains(&OrderAction::Close));
    let closed: WorkOrderDetail = act(&staff, id, json!({ "action": "close" }))
        .assert_status(200)
        .json();
    assert_eq!(closed.order.status, OrderStatus::Closed);
    assert_eq!(deadline(&closed, Milestone::Result, 2).0, DueState::Met);
}

#[test]
fn an_overdue_deadline_is_escalated_once_to_the_managers_and_the_department_head() {
    let admin = Client::demo("admin");
    let head = Client::demo("staff.binjiang.1");
    let me: SessionInfo = head.get("/api/auth/me").assert_status(200).json();
    let head_id = me.user.expect("signed in").id;
    admin
        .put(
            "/api/department-heads/customer_service",
            &json!({ "user_id": head_id }),
        )
        .assert_status(200);
    admin
        .put(
            "/api/department-heads/customer_service",
            &json!({ "user_id": 999_999 }),
        )
        .assert_reason(400, "bad_field");
    admin
        .put(
            "/api/department-heads/nobody",
            &json!({ "user_id": head_id }),
        )
        .assert_error(400, "validation");
    Client::demo("manager.xinghu")
        .put(
            "/api/department-heads/customer_service",
            &json!({ "user_id": head_id }),
        )
        .assert_error(403, "forbidden");

    // Filed on Wednesday 6 March 2030 and never contacted: overdue 24 hours later.
    let customer = Client::fresh_customer().at("2030-03-06T02:00:00Z");
    let filed = complaint(&customer, "营业员拒绝办理");
    let id = filed.order.id;
    Client::demo("staff.xinghu.2")
        .at("2030-03-06T03:00:00Z")
        .post(
            &format!("/api/work-orders/{id}/actions"),
            &json!({ "action": "dispatch" }),
        )
        .assert_status(200);

    let sweep = |at: &str| {
        // Older overdue orders of other tests may come first; sweep until none is left.
        let admin = Client::demo("admin").at(at);
        for _ in 0..50 {
            let run: serde_json::Value = admin
                .post("/api/admin/work-order-escalations", &json!({}))
                .assert_status(200)
                .json();
            if run["escalated"] == 0 {
                return;
            }
        }
        panic!("escalations never ran out");
    };
    sweep("2030-03-07T01:59:00Z");
    let escalations = |who: &str| -> Vec<serde_json::Value> {
        let list: Vec<serde_json::Value> = Client::demo(who)
            .get("/api/work-order-escalations")
            .assert_status(200)
            .json();
        list.into_iter().filter(|e| e["order_id"] == id).collect()
    };
    assert!(escalations("manager.xinghu").is_empty(), "not overdue yet");

    sweep("2030-03-07T02:01:00Z");
    sweep("2030-03-07T03:00:00Z");
    let listed = escalations("manager.xinghu");
    assert_eq!(listed.len(), 1, "once per deadline: {listed:?}");
    assert_eq!(listed[0]["milestone"], "contact");
    assert!(escalations("manager.binjiang").is_empty(), "another hall's");
    Client::anonymous()
        .get("/api/work-order-escalations")
        .assert_error(401, "unauthenticated");

    let number = &filed.order.number;
    for who in ["manager.xinghu", "staff.binjiang.1"] {
        let inbox: Inbox = Client::demo(who)
            .get("/api/inbox")
            .assert_status(200)
            .json();
        let told: Vec<_> = inbox
            .items
            .iter()
            .filter(|i| i.body.zh.contains(number.as_str()))
            .collect();
        assert_eq!(told.len(), 1, "{who} is told once: {told:?}");
        assert_eq!(told[0].title.zh, "工单超时督办");
    }
}

//! One follow-up list for every low rating over HTTP: a one-star video call and a one-star work
//! order land on their hall's list with the customer's contact; staff assign, note, open a work
//! order from one and close it with an outcome; what may not be done is refused.

use api_tests::{fresh_mobile, Client};
use domain::follow_ups::{FollowOutcome, FollowUp, FollowUpBoard, Rated};
use domain::service::intake::Channel;
use domain::service::work_orders::{OrderStatus, Topic, WorkOrderDetail};
use domain::video::bodies::HelpCreated;
use serde_json::json;

fn board(client: &Client, hall: &str) -> FollowUpBoard {
    client
        .get(&format!("/api/halls/{hall}/follow-ups"))
        .assert_status(200)
        .json()
}

fn find(client: &Client, hall: &str, rated: Rated, comment: &str) -> FollowUp {
    board(client, hall)
        .items
        .into_iter()
        .find(|f| f.rated == rated && f.comment == comment)
        .unwrap_or_else(|| panic!("a follow-up for {comment}"))
}

/// A customer with a known mobile rates a finished video call with `agent` (of gaoxin) one
/// star. Each test has its own agent: one agent takes one call at a time.
fn low_rated_call(agent: &str, comment: &str) -> (String, String) {
    let phone = fresh_mobile();
    let customer = Client::registered(&phone, "冯女士");
    let agent = Client::demo(agent);
    agent
        .put("/api/video/presence", &json!({ "presence": "available" }))
        .assert_status(200);
    let asked: HelpCreated = customer
        .post(
            "/api/video/requests",
            &json!({ "topic": format!("电费咨询 {phone}"), "channel": "video" }),
        )
        .assert_status(201)
        .json();
    let room = asked.room;
    agent
        .post(&format!("/api/video/requests/{room}/accept"), &json!({}))
        .assert_status(200);
    agent
        .post(
            &format!("/api/video/requests/{room}/end"),
            &json!({ "summary": "解释了电价" }),
        )
        .assert_status(200);
    customer
        .post(
            &format!("/api/video/rooms/{room}/rating"),
            &json!({ "stars": 1, "comment": comment }),
        )
        .assert_status(200);
    (phone, room)
}

#[test]
fn a_one_star_video_call_is_assigned_noted_turned_into_a_work_order_and_closed() {
    let comment = format!("客服不耐烦 {}", fresh_mobile());
    let (phone, _) = low_rated_call("staff.gaoxin.3", &comment);
    let clerk = Client::demo("staff.gaoxin.1");
    let f = find(&clerk, "gaoxin", Rated::VideoCall, &comment);
    assert_eq!(
        (f.stars, f.customer_name.as_deref(), f.phone.as_deref()),
        (1, Some("冯女士"), Some(phone.as_str()))
    );
    assert_eq!(
        (f.outcome, f.resolved_at, f.work_order_id),
        (None, None, None)
    );

    let path = format!("/api/halls/gaoxin/follow-ups/{}", f.id);
    let colleagues = board(&clerk, "gaoxin").colleagues;
    let colleague = colleagues
        .iter()
        .find(|c| !c.name.is_empty())
        .expect("gaoxin has staff");
    let assigned: FollowUp = clerk
        .put(
            &path,
            &json!({ "assignee_id": colleague.id, "note": "明天上午回电" }),
        )
        .assert_status(200)
        .json();
    assert_eq!(
        assigned.assignee_name.as_deref(),
        Some(colleague.name.as_str())
    );
    assert_eq!(assigned.note.as_deref(), Some("明天上午回电"));
    let reached: FollowUp = clerk
        .put(&path, &json!({ "outcome": "not_reached" }))
        .assert_status(200)
        .json();
    assert_eq!(
        (reached.outcome, reached.resolved_at),
        (Some(FollowOutcome::NotReached), None)
    );

    let ordered: FollowUp = clerk
        .post(&format!("{path}/work-order"), &json!({}))
        .assert_status(201)
        .json();
    let order_id = ordered.work_order_id.expect("linked to its work order");
    let order: WorkOrderDetail = clerk
        .get(&format!("/api/work-orders/{order_id}"))
        .assert_status(200)
        .json();
    assert_eq!(
        (
            order.order.topic,
            order.order.channel,
            order.order.phone.as_str()
        ),
        (Topic::Complaint, Channel::Phone, phone.as_str())
    );
    assert!(order.order.description.contains(&comment));
    clerk
        .post(&format!("{path}/work-order"), &json!({}))
        .assert_reason(409, "already_done");

    let closed: FollowUp = clerk
        .put(
            &path,
            &json!({ "outcome": "called_back", "note": "已致歉，客户接受" }),
        )
        .assert_status(200)
        .json();
    assert_eq!(closed.outcome, Some(FollowOutcome::CalledBack));
    assert!(closed.resolved_at.is_some());
    clerk
        .put(&path, &json!({ "note": "再补一句" }))
        .assert_reason(409, "already_done");
}

#[test]
fn a_one_star_work_order_lands_on_its_hall_list() {
    let customer = Client::fresh_customer();
    let filed: WorkOrderDetail = customer
        .post(
            "/api/work-orders",
            &json!({ "topic": "consultation", "description": "峰谷电价怎么申请", "location": "星湖",
                     "phone": fresh_mobile(), "hall_id": "xinghu" }),
        )
        .assert_status(201)
        .json();
    let id = filed.order.id;
    let staff = Client::demo("staff.xinghu.3");
    let act = |client: &Client, body: serde_json::Value| {
        client.post(&format!("/api/work-orders/{id}/actions"), &body)
    };
    act(&staff, json!({ "action": "dispatch" })).assert_status(200);
    act(
        &staff,
        json!({ "action": "reply", "text": "请到营业厅办理" }),
    )
    .assert_status(200);
    let closed: WorkOrderDetail = act(&staff, json!({ "action": "close" }))
        .assert_status(200)
        .json();
    assert_eq!(closed.order.status, OrderStatus::Closed);
    let comment = format!("答复敷衍 {}", fresh_mobile());
    act(
        &customer,
        json!({ "action": "rate", "stars": 2, "text": comment }),
    )
    .assert_status(200);
    let f = find(&staff, "xinghu", Rated::WorkOrder, &comment);
    assert_eq!(f.subject, filed.order.number);
    assert_eq!(f.link, Some(format!("/work-orders/{id}")));
    assert_eq!(f.customer_name.as_deref(), Some("测试用户"));
}

#[test]
fn follow_ups_refuse_what_may_not_be_done() {
    let comment = format!("等太久 {}", fresh_mobile());
    low_rated_call("manager.gaoxin", &comment);
    let clerk = Client::demo("staff.gaoxin.2");
    let f = find(&clerk, "gaoxin", Rated::VideoCall, &comment);
    let path = format!("/api/halls/gaoxin/follow-ups/{}", f.id);
    clerk.put(&path, &json!({})).assert_reason(400, "outcome");
    clerk
        .put(&path, &json!({ "note": "字".repeat(301) }))
        .assert_reason(400, "text");
    clerk
        .put(&path, &json!({ "outcome": "forgotten" }))
        .assert_error(400, "validation");
    let me: domain::users::SessionInfo = Client::demo("staff.xinghu.1").get("/api/auth/me").json();
    clerk
        .put(&path, &json!({ "assignee_id": me.user.unwrap().id }))
        .assert_reason(400, "assignee");
    for other in ["manager.xinghu", "staff.binjiang.2"] {
        Client::demo(other)
            .get("/api/halls/gaoxin/follow-ups")
            .assert_reason(403, "other_hall");
        Client::demo(other)
            .put(&path, &json!({ "outcome": "resolved" }))
            .assert_reason(403, "other_hall");
    }
    // The id belongs to gaoxin: through another hall's path it is not there.
    Client::demo("staff.xinghu.1")
        .put(
            &format!("/api/halls/xinghu/follow-ups/{}", f.id),
            &json!({ "outcome": "resolved" }),
        )
        .assert_reason(404, "not_found");
    clerk
        .put(
            "/api/halls/gaoxin/follow-ups/999999999",
            &json!({ "outcome": "resolved" }),
        )
        .assert_reason(404, "not_found");
    Client::fresh_customer()
        .get("/api/halls/gaoxin/follow-ups")
        .assert_reason(403, "role_forbidden");
    let unchanged = find(&clerk, "gaoxin", Rated::VideoCall, &comment);
    assert_eq!(unchanged, f, "nothing refused changed it");
}

#[test]
fn a_decided_application_is_rated_once_and_a_low_rating_is_followed_up() {
    let customer = Client::bound_to("3302000009", "周明");
    let filed: domain::service::applications::Application = customer
        .post(
            "/api/applications",
            &json!({ "kind": "suspension", "account": "3302000009", "capacity_kva": 0, "start_on": "2099-01-05", "months": 3 }),
        )
        .assert_status(201)
        .json();
    let path = format!("/api/applications/{}", filed.id);
    let comment = format!("材料要求说不清 {}", fresh_mobile());
    let rating = json!({ "stars": 1, "comment": comment });
    customer
        .post(&format!("{path}/rating"), &rating)
        .assert_reason(409, "not_finished");
    Client::demo("staff.gaoxin.1")
        .post(
            &format!("{path}/actions"),
            &json!({ "action": "reject", "reason": "起始日期超出范围" }),
        )
        .assert_status(200);
    customer
        .post(&format!("{path}/rating"), &json!({ "stars": 9 }))
        .assert_reason(400, "stars");
    Client::demo("staff.gaoxin.1")
        .post(&format!("{path}/rating"), &rating)
        .assert_reason(403, "role_forbidden");
    Client::fresh_customer()
        .post(&format!("{path}/rating"), &rating)
        .assert_reason(404, "not_found");
    let rated: domain::service::applications::Application = customer
        .post(&format!("{path}/rating"), &rating)
        .assert_status(200)
        .json();
    assert_eq!(rated.stars, Some(1));
    customer
        .post(&format!("{path}/rating"), &json!({ "stars": 5 }))
        .assert_reason(409, "already_rated");

    let f = find(
        &Client::demo("manager.gaoxin"),
        "gaoxin",
        Rated::Application,
        &comment,
    );
    assert_eq!(f.subject, rated.number);
    assert_eq!(f.customer_name.as_deref(), Some("测试用户"));
    assert!(f.phone.is_some(), "the customer's registered mobile");
}

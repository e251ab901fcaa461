//! Orders staff take for a caller over HTTP: finding the caller by mobile, 户号 or name, the
//! channel kept on the order, and the customer seeing it in their account when it was taken for
//! them or for their mobile or 户号, before they even had an account.

use api_tests::{fresh_mobile, Client};
use domain::service::intake::{Caller, Channel};
use domain::service::work_orders::{WorkOrder, WorkOrderDetail};
use serde_json::{json, Value};

fn callers(staff: &Client, q: &str) -> Vec<Caller> {
    staff
        .get(&format!("/api/callers?q={}", urlencoding(q)))
        .assert_status(200)
        .json()
}

/// Enough percent-encoding for the queries here: Chinese names and spaces.
fn urlencoding(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn order(fields: Value) -> Value {
    let mut body = json!({ "topic": "complaint", "description": "来电反映抄表员态度差",
        "location": "星湖花园 3 幢", "hall_id": "xinghu", "channel": "phone" });
    body.as_object_mut()
        .unwrap()
        .extend(fields.as_object().unwrap().clone());
    body
}

fn mine(customer: &Client) -> Vec<WorkOrder> {
    customer.get("/api/work-orders").assert_status(200).json()
}

#[test]
fn an_agent_takes_a_phone_complaint_for_a_customer_found_by_mobile() {
    let phone = fresh_mobile();
    let customer = Client::registered(&phone, "周来电");
    let staff = Client::demo("staff.xinghu.1");
    let found = callers(&staff, &phone);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].name.as_str(), found[0].phone.as_str()),
        ("周来电", phone.as_str())
    );

    let taken: WorkOrderDetail = staff
        .post(
            "/api/work-orders",
            &order(json!({ "phone": phone, "customer_id": found[0].customer_id })),
        )
        .assert_status(201)
        .json();
    assert_eq!(taken.order.channel, Channel::Phone);
    assert_eq!(taken.order.customer_name, "周来电");
    assert_eq!(taken.events[0].note.as_deref(), Some("电话受理"));
    assert!(
        !taken.order.deadlines.is_empty(),
        "a taken complaint has its deadlines"
    );

    let listed = mine(&customer);
    assert!(listed
        .iter()
        .any(|o| o.id == taken.order.id && o.channel == Channel::Phone));
    customer
        .get(&format!("/api/work-orders/{}", taken.order.id))
        .assert_status(200);
    Client::fresh_customer()
        .get(&format!("/api/work-orders/{}", taken.order.id))
        .assert_reason(404, "not_found");
    Client::demo("staff.binjiang.1")
        .get(&format!("/api/work-orders/{}", taken.order.id))
        .assert_reason(403, "other_hall");
}

#[test]
fn an_order_for_a_new_contact_reaches_them_once_they_register_that_mobile() {
    let phone = fresh_mobile();
    let clerk = Client::demo("staff.xinghu.2");
    assert!(callers(&clerk, &phone).is_empty());
    let taken: WorkOrderDetail = clerk
        .post(
            "/api/work-orders",
            &order(json!({ "phone": phone, "caller_name": " 王大爷 ", "channel": "hall", "topic": "consultation" })),
        )
        .assert_status(201)
        .json();
    assert_eq!(taken.order.customer_name, "王大爷");
    assert_eq!(taken.order.channel, Channel::Hall);
    // Filed with no account: the clerk's hall handles it as any other.
    clerk
        .get(&format!("/api/work-orders/{}", taken.order.id))
        .assert_status(200);

    let customer = Client::registered(&phone, "王建国");
    assert!(mine(&customer).iter().any(|o| o.id == taken.order.id));
    customer
        .get(&format!("/api/work-orders/{}", taken.order.id))
        .assert_status(200);
    // Anyone registered with the mobile beforehand gets the order directly.
    let again: WorkOrderDetail = clerk
        .post(
            "/api/work-orders",
            &order(json!({ "phone": phone, "caller_name": "王大爷" })),
        )
        .assert_status(201)
        .json();
    assert_eq!(again.order.customer_name, "王建国");
}

#[test]
fn an_order_taken_for_a_household_reaches_whoever_binds_its_account() {
    let clerk = Client::demo("staff.xinghu.1");
    let taken: WorkOrderDetail = clerk
        .post(
            "/api/work-orders",
            &order(json!({ "phone": fresh_mobile(), "caller_name": "赵丽", "account": "3301000008", "topic": "repair_urban" })),
        )
        .assert_status(201)
        .json();
    let customer = Client::fresh_customer();
    assert!(!mine(&customer).iter().any(|o| o.id == taken.order.id));
    customer
        .post(
            "/api/utility-accounts",
            &json!({ "number": "3301000008", "holder_name": "赵丽" }),
        )
        .assert_status(201);
    assert!(mine(&customer).iter().any(|o| o.id == taken.order.id));
    let found = callers(&clerk, "3301000008");
    assert!(found
        .iter()
        .any(|c| c.accounts.contains(&"3301000008".to_string())));
}

#[test]
fn callers_are_found_by_the_start_of_a_name() {
    let phone = fresh_mobile();
    // Names have no digits: the mobile's last four, spelt in 天干.
    let suffix: String = phone[7..]
        .chars()
        .map(|d| {
            "甲乙丙丁戊己庚辛壬癸"
                .chars()
                .nth(d.to_digit(10).unwrap() as usize)
                .unwrap()
        })
        .collect();
    let name = format!("欧阳{suffix}");
    Client::registered(&phone, &name);
    let found = callers(&Client::demo("manager.xinghu"), "欧阳");
    assert!(found.len() <= 20);
    let by_name = callers(&Client::demo("admin"), &name);
    assert!(by_name.iter().any(|c| c.phone == phone), "{by_name:?}");
    // A name with LIKE wildcards is taken literally.
    assert!(callers(&Client::demo("admin"), "%").is_empty());
}

#[test]
fn intake_refuses_what_staff_and_customers_may_not_file() {
    let customer = Client::fresh_customer();
    let mobile = fresh_mobile();
    let by_customer = |fields: Value| {
        let mut body = order(json!({ "phone": mobile }));
        body.as_object_mut().unwrap().remove("channel");
        body.as_object_mut()
            .unwrap()
            .extend(fields.as_object().unwrap().clone());
        customer.post("/api/work-orders", &body)
    };
    by_customer(json!({ "channel": "phone" })).assert_reason(400, "channel");
    by_customer(json!({ "customer_id": 1 })).assert_reason(400, "channel");
    by_customer(json!({ "caller_name": "别人" })).assert_reason(400, "channel");
    by_customer(json!({ "channel": "fax" })).assert_error(400, "validation");

    let staff = Client::demo("staff.xinghu.1");
    let take = |fields: Value| staff.post("/api/work-orders", &order(fields));
    take(json!({ "phone": mobile })).assert_reason(400, "caller");
    take(json!({ "phone": mobile, "caller_name": "  " })).assert_reason(400, "caller");
    take(json!({ "phone": mobile, "caller_name": "王", "channel": "web" }))
        .assert_reason(400, "channel");
    take(json!({ "phone": mobile, "customer_id": 999_999_999 })).assert_reason(400, "caller");
    // Staff users are not callers.
    let me: domain::users::SessionInfo = staff.get("/api/auth/me").assert_status(200).json();
    let staff_id = me.user.expect("signed in").id;
    take(json!({ "phone": mobile, "customer_id": staff_id })).assert_reason(400, "caller");
    take(json!({ "phone": mobile, "caller_name": "王", "account": "3309999999" }))
        .assert_reason(400, "account_number");
    take(json!({ "phone": mobile, "caller_name": "王", "hall_id": "binjiang" }))
        .assert_reason(403, "other_hall");
    take(json!({ "phone": "123", "caller_name": "王" })).assert_reason(400, "phone");
    assert!(
        !mine(&customer).iter().any(|o| o.phone == mobile),
        "nothing refused was filed"
    );

    for q in ["", "12345", "   "] {
        staff
            .get(&format!("/api/callers?q={}", urlencoding(q)))
            .assert_reason(400, "caller_query");
    }
    staff.get("/api/callers").assert_reason(400, "caller_query");
    customer
        .get("/api/callers?q=13800138001")
        .assert_reason(403, "role_forbidden");
    Client::anonymous()
        .get("/api/callers?q=13800138001")
        .assert_error(401, "unauthenticated");
}

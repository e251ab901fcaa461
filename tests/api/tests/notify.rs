//! Notifications: a watched ticket's SMS reach the gateway (scripts/sms-sink.mjs, started by
//! scripts/with-server.sh) once each as staff call; a failing gateway gets retries with growing
//! gaps; delivery runs racing send each message once; the inbox of every case kind with its
//! unread count. These tests take week 0 (see `monday`), each hall for one purpose so they
//! never call each other's tickets: Binjiang's counter 1 serves the watched ticket's queue,
//! Xinghu's tickets are only watched, Gaoxin's are the signed-in customer's.

use api_tests::sink::{outbox_for, phone, phone_of, received, wait_for};
use api_tests::{monday, Client};
use domain::notify::inbox::{CaseKind, Inbox, Unread};
use domain::notify::outbox::{retry_bounds, OutboxStatus};
use domain::notify::queue::Watch;
use domain::notify::Topic;
use domain::queue::protocol::TicketView;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const CALLED: &str = "binjiang";
const WATCHED: &str = "xinghu";
const CUSTOMERS: &str = "gaoxin";

/// An invoice ticket from the hall's kiosk, with a clerk signed in there so it has a place in
/// the queue ("N ahead").
fn kiosk_ticket(hall: &str, at: &str) -> TicketView {
    Client::staff_the_hall(hall, at);
    Client::anonymous()
        .at(at)
        .post(
            &format!("/api/halls/{hall}/tickets"),
            &json!({ "business": "invoice", "channel": "kiosk" }),
        )
        .assert_status(201)
        .json()
}

fn watch(hall: &str, at: &str, t: &TicketView, body: Value) -> TicketView {
    let mut body = body;
    body["key"] = json!(t.key);
    Client::anonymous()
        .at(at)
        .put(&format!("/api/halls/{hall}/tickets/{}/watch", t.id), &body)
        .assert_status(200)
        .json()
}

fn call_and_finish(staff: &Client) -> TicketView {
    let path = format!("/api/halls/{CALLED}/counters/1/actions");
    let call: Value = staff
        .post(&path, &json!({ "action": "call_next" }))
        .assert_status(200)
        .json();
    let id = call["ticket"]["id"].as_u64().unwrap();
    for action in ["start", "finish"] {
        staff
            .post(&path, &json!({ "action": action, "ticket": id }))
            .assert_status(200);
    }
    serde_json::from_value(call["ticket"].clone()).unwrap()
}

#[test]
fn a_watched_ticket_hears_once_at_two_ahead_and_once_at_its_call() {
    let at = monday(0);
    let staff = Client::demo("staff.binjiang.1")
        .at(&at)
        .sign_in_at(CALLED, 1);
    let tickets: Vec<TicketView> = (0..4).map(|_| kiosk_ticket(CALLED, &at)).collect();
    let mine = &tickets[3];
    let to = phone(1);
    let watched = watch(
        CALLED,
        &at,
        mine,
        json!({ "ahead_at": 2, "on_call": true, "phone": to }),
    );
    assert_eq!(watched.watch, Watch::new(Some(2), true));
    assert!(watched.has_phone);
    // Serve until the watched ticket is called.
    loop {
        let called = call_and_finish(&staff);
        if called.id == mine.id {
            break;
        }
    }
    let messages = wait_for(&to, "", 2);
    let bodies: Vec<&str> = messages
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    let number = mine.number.to_string();
    assert_eq!(
        bodies,
        [
            format!("【江城供电】您的号码 {number} 前面还有 2 位，请返回营业厅。"),
            format!("【江城供电】您的号码 {number} 已叫到，请到 1 号窗口办理。"),
        ],
        "each once, in order"
    );
    let outbox = outbox_for(&to);
    assert_eq!(outbox.len(), 2);
    assert!(outbox
        .iter()
        .all(|m| m.status == OutboxStatus::Sent && m.attempts == 1));
}

#[test]
fn a_failing_gateway_gets_retries_with_growing_gaps_then_the_message_is_sent() {
    let at = monday(0);
    let to = phone(2);
    ureq::post(&format!("{}/fail", api_tests::sink::url()))
        .send_json(json!({ "to": to, "times": 3 }))
        .expect("the sink takes the setting");
    let t = kiosk_ticket(WATCHED, &at);
    // Already within 20 ahead: the notice is due at once.
    watch(WATCHED, &at, &t, json!({ "ahead_at": 20, "phone": to }));
    assert_eq!(wait_for(&to, "", 1).len(), 1, "sent once in the end");
    let tries = received("attempts", &to);
    let oks: Vec<bool> = tries.iter().map(|t| t["ok"].as_bool().unwrap()).collect();
    assert_eq!(oks, [false, false, false, true]);
    let times: Vec<i64> = tries.iter().map(|t| t["at"].as_i64().unwrap()).collect();
    for (i, pair) in times.windows(2).enumerate() {
        let failures = u32::try_from(i + 1).unwrap();
        // The server waits 200 ms before the first retry (NOTIFY_RETRY_BASE_MS).
        let (least, _) = retry_bounds(failures, 200);
        assert!(
            pair[1] - pair[0] >= least,
            "retry {failures} came after {} ms, sooner than {least} ms",
            pair[1] - pair[0]
        );
    }
    let outbox = outbox_for(&to);
    assert_eq!(outbox.len(), 1);
    assert_eq!(
        (outbox[0].status, outbox[0].attempts),
        (OutboxStatus::Sent, 4)
    );
}

#[test]
fn delivery_runs_racing_send_each_message_once() {
    let at = monday(0);
    let phones: Vec<String> = (3..11).map(phone).collect();
    for to in &phones {
        // Each first try fails, so every message waits for a retry that the runs race for.
        ureq::post(&format!("{}/fail", api_tests::sink::url()))
            .send_json(json!({ "to": to, "times": 1 }))
            .expect("the sink takes the setting");
        let t = kiosk_ticket(WATCHED, &at);
        watch(WATCHED, &at, &t, json!({ "ahead_at": 20, "phone": to }));
    }
    let racers: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                let admin = Client::demo("admin");
                let until = Instant::now() + Duration::from_millis(1500);
                while Instant::now() < until {
                    admin
                        .post("/api/admin/outbox/deliver", &json!({}))
                        .assert_status(200);
                }
            })
        })
        .collect();
    for r in racers {
        r.join().expect("a racer");
    }
    for to in &phones {
        assert_eq!(wait_for(to, "", 1).len(), 1, "{to}: one message");
        assert_eq!(
            received("attempts", to).len(),
            2,
            "{to}: one failure, one send"
        );
    }
}

#[test]
fn a_signed_in_customer_reads_ticket_messages_in_the_inbox() {
    let at = monday(0);
    let customer = Client::fresh_customer().at(&at);
    let t = customer.watched_remote_ticket(CUSTOMERS, &at, json!({ "ahead_at": 20 }));
    let number = t.number.to_string();
    let deadline = Instant::now() + Duration::from_secs(10);
    let item = loop {
        let inbox: Inbox = customer.get("/api/inbox").assert_status(200).json();
        if let Some(item) = inbox
            .items
            .into_iter()
            .find(|i| i.body.zh.contains(&number))
        {
            break item;
        }
        assert!(
            Instant::now() < deadline,
            "the ticket's message reached the inbox"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(!item.read);
    // "Almost your turn", or "you are next" when no one waits before it.
    assert!(
        ["快轮到您了", "马上轮到您"].contains(&item.title.zh.as_str()),
        "{}",
        item.title.zh
    );
    assert_eq!(
        (item.topic, item.case_kind),
        (Topic::Queue, CaseKind::Ticket)
    );
    let link = item.link.clone().unwrap();
    assert!(
        link.starts_with(&format!("/halls/{CUSTOMERS}/tickets/{}?key=", t.id)),
        "{link}"
    );
    let before: Unread = customer.get("/api/inbox/unread").assert_status(200).json();
    let after: Unread = customer
        .post(&format!("/api/inbox/{}/read", item.id), &json!({}))
        .assert_status(200)
        .json();
    assert_eq!(after.unread + 1, before.unread);
    // Someone else's message is not found; marking all read empties the count.
    Client::demo("13800138001")
        .post(&format!("/api/inbox/{}/read", item.id), &json!({}))
        .assert_error(404, "not_found");
    Client::anonymous()
        .get("/api/inbox")
        .assert_error(401, "unauthenticated");
    let all: Inbox = customer
        .post("/api/inbox/read", &json!({}))
        .assert_status(200)
        .json();
    assert_eq!(all.unread, 0);
    customer
        .post(
            &format!("/api/halls/{CUSTOMERS}/tickets/{}/cancel", t.id),
            &json!({}),
        )
        .assert_status(200);
}

#[test]
fn a_watch_refuses_bad_wishes_and_strangers() {
    let at = monday(0);
    let t = kiosk_ticket(WATCHED, &at);
    let path = format!("/api/halls/{WATCHED}/tickets/{}/watch", t.id);
    let anon = Client::anonymous().at(&at);
    anon.put(&path, &json!({ "key": t.key, "ahead_at": 21 }))
        .assert_error(400, "validation");
    anon.put(
        &path,
        &json!({ "key": t.key, "on_call": true, "phone": "12345" }),
    )
    .assert_error(400, "validation");
    anon.put(&path, &json!({ "on_call": true }))
        .assert_error(403, "forbidden");
    anon.put(&path, &json!({ "key": "wrong", "on_call": true }))
        .assert_error(403, "forbidden");
    anon.put(
        &format!("/api/halls/{WATCHED}/tickets/9999/watch"),
        &json!({ "key": t.key, "on_call": true }),
    )
    .assert_error(404, "not_found");
    anon.post(
        &format!("/api/halls/{WATCHED}/tickets/{}/cancel", t.id),
        &json!({ "key": t.key }),
    )
    .assert_status(200);
    anon.put(&path, &json!({ "key": t.key, "on_call": true }))
        .assert_error(409, "conflict");
}

#[test]
fn publishing_an_outage_tells_the_customers_of_accounts_in_its_area() {
    let at = monday(0);
    let manager = Client::demo("manager.xinghu").at(&at);
    // A week and a day ahead: the notice the commitments require, no urgency needed.
    let start = chrono::DateTime::parse_from_rfc3339(&at).unwrap() + chrono::Duration::days(8);
    let tag = phone(20);
    let area = format!("湖滨路 1–20 号、检修{tag}新村");
    let outage: domain::content::Outage = manager
        .post(
            "/api/staff/outages",
            &json!({ "hall_id": "xinghu", "area": area, "reason": "10kV 线路检修",
                "starts_at": start.to_rfc3339(), "ends_at": (start + chrono::Duration::hours(8)).to_rfc3339() }),
        )
        .assert_status(201)
        .json();
    assert!(!outage.urgent);
    let told = |login: &str| -> Vec<String> {
        let inbox: Inbox = Client::demo(login)
            .get("/api/inbox")
            .assert_status(200)
            .json();
        inbox
            .items
            .into_iter()
            .filter(|i| i.body.zh.contains(&tag))
            .map(|i| format!("{} {}", i.title.zh, i.body.zh))
            .collect()
    };
    // 张伟's account is at 湖滨路 12 号; 陈秀英's is in Binjiang.
    let zhang = told("13800138001");
    assert_eq!(zhang.len(), 1, "{zhang:?}");
    assert!(zhang[0].starts_with("计划停电通知"), "{}", zhang[0]);
    assert!(told("13800138002").is_empty());
    assert_eq!(
        wait_for("13800138001", &tag, 1).len(),
        1,
        "one SMS for the outage"
    );
}

#[test]
fn a_new_bill_and_an_overdue_one_are_told_once_to_each_bound_customer() {
    use domain::billing::bills::{Bill, BillStatus};
    let customer = Client::bound_to("3302000009", "周明");
    let bills: Vec<Bill> = customer
        .get("/api/utility-accounts/3302000009/bills")
        .assert_status(200)
        .json();
    let latest = bills.iter().max_by_key(|b| b.issued_on).unwrap().clone();
    assert_eq!(
        latest.status,
        BillStatus::Unpaid,
        "the demo leaves the latest bill unpaid"
    );
    let run_on = |day: chrono::NaiveDate| -> Value {
        Client::demo("admin")
            .at(&format!("{day}T02:00:00Z"))
            .post("/api/admin/bill-notices", &json!({}))
            .assert_status(200)
            .json()
    };
    let told = |title: &str| -> usize {
        let inbox: Inbox = customer.get("/api/inbox").assert_status(200).json();
        inbox
            .items
            .iter()
            .filter(|i| i.title.zh == title && i.link.as_deref() == Some("/services/3302000009"))
            .count()
    };
    for _ in 0..2 {
        let run = run_on(latest.issued_on);
        assert!(run["issued"].as_u64().unwrap() >= 1);
    }
    assert_eq!(told("电费账单已出"), 1, "once, however many runs");
    let overdue_day = latest.due_on + chrono::Duration::days(1);
    assert!(run_on(overdue_day)["overdue"].as_u64().unwrap() >= 1);
    assert_eq!(told("电费已逾期"), 1);
    let bodies = wait_for(&phone_of(&customer), "3302000009", 2);
    assert_eq!(bodies.len(), 2, "bills go by SMS by default: {bodies:?}");
    Client::demo("13800138001")
        .post("/api/admin/bill-notices", &json!({}))
        .assert_error(403, "forbidden");
}

#[test]
fn the_halls_broadcast_reaches_the_inbox_of_customers_waiting_with_a_watch() {
    let at = monday(0);
    let customer = Client::fresh_customer().at(&at);
    let t = customer.watched_remote_ticket(CUSTOMERS, &at, json!({ "on_call": true }));
    let text = format!("系统维护，暂停取号 10 分钟 {}", phone(40));
    Client::demo("manager.gaoxin")
        .at(&at)
        .put(
            &format!("/api/halls/{CUSTOMERS}/broadcast"),
            &json!({ "text": text }),
        )
        .assert_status(200);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let inbox: Inbox = customer.get("/api/inbox").assert_status(200).json();
        if let Some(item) = inbox.items.iter().find(|i| i.body.zh == text) {
            assert_eq!(
                (item.topic, item.title.zh.as_str()),
                (Topic::Broadcasts, "营业厅通知")
            );
            break;
        }
        assert!(Instant::now() < deadline, "the broadcast reached the inbox");
        std::thread::sleep(Duration::from_millis(50));
    }
    Client::demo("manager.gaoxin")
        .at(&at)
        .put(
            &format!("/api/halls/{CUSTOMERS}/broadcast"),
            &json!({ "text": "" }),
        )
        .assert_status(200);
    customer
        .post(
            &format!("/api/halls/{CUSTOMERS}/tickets/{}/cancel", t.id),
            &json!({}),
        )
        .assert_status(200);
}

//! Each person's choices (domain::notify::Preferences) hold for every case kind: SMS per
//! topic, e-mail to the address they gave, and an address that cannot be one is refused. The
//! gateways' stand-in is scripts/sms-sink.mjs; these tests use week 0's Monday and no queue.

use api_tests::projects::{act, apply};
use api_tests::sink::{outbox_for, phone, phone_of, received, wait_for};
use api_tests::{monday, Client};
use domain::notify::inbox::{CaseKind, Inbox};
use domain::notify::outbox::OutboxStatus;
use domain::notify::{Channel, Preferences, Topic};
use domain::projects::process::Action;
use serde_json::{json, Value};

/// Sets one topic's channels and the e-mail address; returns what was stored.
fn choose(c: &Client, topic: Topic, sms: bool, email: Option<&str>) -> Preferences {
    let mut prefs: Preferences = c
        .get("/api/account/notifications")
        .assert_status(200)
        .json();
    for t in prefs.topics.iter_mut().filter(|t| t.topic == topic) {
        t.sms = sms;
        t.email = email.is_some();
    }
    prefs.email = email.map(|a| format!(" {a} "));
    c.put(
        "/api/account/notifications",
        &serde_json::to_value(&prefs).unwrap(),
    )
    .assert_status(200)
    .json()
}

#[test]
fn a_customer_who_turns_outage_sms_off_finds_the_outage_in_the_inbox_only() {
    let at = monday(0);
    let quiet = Client::fresh_customer().at(&at);
    let plain = Client::fresh_customer().at(&at);
    for c in [&quiet, &plain] {
        c.post(
            "/api/utility-accounts",
            &json!({ "number": "3301000008", "holder_name": "赵丽" }),
        )
        .assert_status(201);
    }
    let mut prefs: Preferences = quiet
        .get("/api/account/notifications")
        .assert_status(200)
        .json();
    assert!(prefs.for_topic(Topic::Outages).sms, "on by default");
    for c in prefs
        .topics
        .iter_mut()
        .filter(|c| c.topic == Topic::Outages)
    {
        c.sms = false;
    }
    let saved: Preferences = quiet
        .put(
            "/api/account/notifications",
            &serde_json::to_value(&prefs).unwrap(),
        )
        .assert_status(200)
        .json();
    assert!(!saved.for_topic(Topic::Outages).sms);
    // A topic twice is refused and changes nothing.
    let mut twice = serde_json::to_value(&prefs).unwrap();
    let first = twice["topics"][0].clone();
    twice["topics"].as_array_mut().unwrap().push(first);
    quiet
        .put("/api/account/notifications", &twice)
        .assert_error(400, "validation");

    let start = chrono::DateTime::parse_from_rfc3339(&at).unwrap() + chrono::Duration::days(9);
    let tag = phone(30);
    Client::demo("manager.xinghu")
        .at(&at)
        .post(
            "/api/staff/outages",
            &json!({ "hall_id": "xinghu", "area": format!("文昌路 1–30 号、检修{tag}苑"), "reason": "变压器更换",
                "starts_at": start.to_rfc3339(), "ends_at": (start + chrono::Duration::hours(4)).to_rfc3339() }),
        )
        .assert_status(201);
    assert_eq!(
        wait_for(&phone_of(&plain), &tag, 1).len(),
        1,
        "the default: an SMS"
    );
    // (Other tests' runs may text this account's customers about bills; the outage is ours.)
    assert!(
        !received("messages", &phone_of(&quiet))
            .iter()
            .any(|m| m["body"].as_str().unwrap_or("").contains(&tag)),
        "no SMS for the one who turned it off"
    );
    for c in [&quiet, &plain] {
        let inbox: Inbox = c.get("/api/inbox").assert_status(200).json();
        assert!(
            inbox.items.iter().any(|i| i.body.zh.contains(&tag)),
            "both find it in the inbox"
        );
    }
}

/// A connection project's key node (the utility accepting it) follows the customer's choices:
/// with project SMS off and e-mail on, it reaches the inbox and the e-mail address, with the
/// sender in the subject and a link to the project, and no SMS goes to the phone.
#[test]
fn a_project_key_node_goes_by_email_not_sms_when_the_customer_chose_so() {
    let at = monday(0);
    let customer = Client::fresh_customer().at(&at);
    let address = format!("c{}@example.cn", phone(50));
    let saved = choose(&customer, Topic::Projects, false, Some(&address));
    assert_eq!(saved.email.as_deref(), Some(address.as_str()), "trimmed");
    let id = apply(&customer, "仓库新装").summary.id;
    act(
        &Client::demo("staff.gaoxin.1").at(&at),
        id,
        Action::Accept,
        &[],
    );
    let emails = wait_for(&address, "", 1);
    assert_eq!(emails.len(), 1, "one e-mail: {emails:?}");
    let email = &emails[0];
    assert!(email["subject"]
        .as_str()
        .unwrap()
        .starts_with("【江城供电】"));
    let link = email["link"].as_str().unwrap();
    assert!(
        link.starts_with("http") && link.ends_with(&format!("/projects/{id}")),
        "{link}"
    );
    let sent = outbox_for(&address);
    assert!(sent
        .iter()
        .all(|m| m.channel == Channel::Email && m.status == OutboxStatus::Sent));
    let case = id.to_string();
    assert!(
        !outbox_for(&phone_of(&customer))
            .iter()
            .any(|m| m.case_id.as_deref() == Some(case.as_str())),
        "no SMS for the project"
    );
    let inbox: Inbox = customer.get("/api/inbox").assert_status(200).json();
    assert!(inbox.items.iter().any(|i| i.case_kind == CaseKind::Project
        && i.link.as_deref() == Some(format!("/projects/{id}").as_str())));
}

/// Without a change of mind the key node goes by SMS, as before.
#[test]
fn a_project_key_node_goes_by_sms_by_default() {
    let at = monday(0);
    let customer = Client::fresh_customer().at(&at);
    let project = apply(&customer, "门面新装");
    act(
        &Client::demo("staff.gaoxin.1").at(&at),
        project.summary.id,
        Action::Accept,
        &[],
    );
    let number = project.summary.number;
    assert_eq!(wait_for(&phone_of(&customer), &number, 1).len(), 1);
}

#[test]
fn an_address_that_cannot_be_one_is_refused_and_changes_nothing() {
    let customer = Client::fresh_customer();
    let before: Value = customer
        .get("/api/account/notifications")
        .assert_status(200)
        .json();
    let mut bad = before.clone();
    bad["email"] = json!("li.hua at example.cn");
    let reply = customer.put("/api/account/notifications", &bad);
    reply.assert_error(400, "validation");
    assert_eq!(reply.body["error"]["field"], "email");
    let after: Value = customer
        .get("/api/account/notifications")
        .assert_status(200)
        .json();
    assert_eq!(before, after);
}

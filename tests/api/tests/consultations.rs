//! Written consultations: a customer's thread, the agents' shared inbox with unread counts,
//! replies both ways, files, and nobody else reading it.

use api_tests::Client;
use domain::consultations::{Side, Thread, ThreadDetail};
use domain::files::FileRef;
use serde_json::json;

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn unread(client: &Client, id: i64) -> i64 {
    let list: Vec<Thread> = client.get("/api/consultations").assert_status(200).json();
    list.iter()
        .find(|t| t.id == id)
        .map(|t| t.unread)
        .expect("the thread is listed")
}

#[test]
fn a_customer_asks_in_writing_and_an_agent_answers_with_unread_counts_both_ways() {
    let customer = Client::demo("13800138002");
    let agent = Client::demo("staff.binjiang.1");
    let other = Client::demo("13800138003");
    let subject = format!("发票抬头 {}", api_tests::fresh_mobile());
    let started: ThreadDetail = customer
        .post(
            "/api/consultations",
            &json!({ "subject": subject, "text": "能开专票吗？" }),
        )
        .assert_status(201)
        .json();
    let id = started.thread.id;
    assert_eq!(started.messages.len(), 1);
    assert_eq!(unread(&agent, id), 1, "new for the agents");
    assert_eq!(unread(&customer, id), 0);

    let opened: ThreadDetail = agent
        .get(&format!("/api/consultations/{id}"))
        .assert_status(200)
        .json();
    assert_eq!(opened.messages[0].text.as_deref(), Some("能开专票吗？"));
    assert_eq!(unread(&agent, id), 0, "read once opened");
    let replied: ThreadDetail = agent
        .post(
            &format!("/api/consultations/{id}/messages"),
            &json!({ "text": "可以，请上传营业执照" }),
        )
        .assert_status(201)
        .json();
    assert_eq!(replied.messages[1].from, Side::Agent);
    assert_eq!(unread(&customer, id), 1);

    let file: FileRef = customer
        .upload(&format!("/api/consultations/{id}/files"), "image/png", PNG)
        .assert_status(201)
        .json();
    let path = format!("/api/consultations/{id}/files/{}", file.id);
    let (status, content_type, bytes) = agent.download(&path);
    assert_eq!(
        (status, content_type.as_str(), bytes.as_slice()),
        (200, "image/png", PNG)
    );
    assert_eq!(other.download(&path).0, 403);
    other
        .get(&format!("/api/consultations/{id}"))
        .assert_error(403, "forbidden");
    other
        .post(
            &format!("/api/consultations/{id}/messages"),
            &json!({ "text": "x" }),
        )
        .assert_error(403, "forbidden");
    let others: Vec<Thread> = other.get("/api/consultations").json();
    assert!(
        others.iter().all(|t| t.id != id),
        "not in another customer's list"
    );
    let seen: ThreadDetail = customer.get(&format!("/api/consultations/{id}")).json();
    assert_eq!(seen.messages.len(), 3);
    assert_eq!(unread(&customer, id), 0);
}

#[test]
fn bad_consultations_are_refused() {
    let customer = Client::demo("13800138002");
    customer
        .post(
            "/api/consultations",
            &json!({ "subject": " ", "text": "x" }),
        )
        .assert_error(400, "validation");
    customer
        .post("/api/consultations", &json!({ "subject": "x", "text": "" }))
        .assert_error(400, "validation");
    customer
        .get("/api/consultations/999999")
        .assert_error(404, "not_found");
    Client::demo("staff.binjiang.2")
        .post(
            "/api/consultations",
            &json!({ "subject": "x", "text": "y" }),
        )
        .assert_error(403, "forbidden");
    let thread: ThreadDetail = customer
        .post(
            "/api/consultations",
            &json!({ "subject": "文件", "text": "附件" }),
        )
        .assert_status(201)
        .json();
    customer
        .upload(
            &format!("/api/consultations/{}/files", thread.thread.id),
            "text/html",
            b"<script>",
        )
        .assert_error(400, "validation");
}

//! The gateways' stand-in (scripts/sms-sink.mjs, at `SMS_SINK_URL`): what reached it, and
//! waiting for it. Also numbers and addresses of a run's own, so reruns never share one.

use crate::Client;
use domain::notify::outbox::OutboxMessage;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

pub fn url() -> String {
    std::env::var("SMS_SINK_URL").unwrap_or_else(|_| "http://127.0.0.1:8789".into())
}

/// What the sink holds at `path` (messages, attempts) for `to`, oldest first.
pub fn received(path: &str, to: &str) -> Vec<Value> {
    ureq::get(&format!("{}/{path}?to={to}", url()))
        .call()
        .expect("the SMS sink answers")
        .into_json()
        .expect("JSON")
}

/// Waits (at most 10 s) until `count` messages whose body contains `text` reached `to`, then
/// drains the outbox once more, so a duplicate would have arrived too; returns those messages.
pub fn wait_for(to: &str, text: &str, count: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let matching = || -> Vec<Value> {
        received("messages", to)
            .into_iter()
            .filter(|m| m["body"].as_str().unwrap_or("").contains(text))
            .collect()
    };
    while matching().len() < count && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    Client::demo("admin")
        .post("/api/admin/outbox/deliver", &json!({}))
        .assert_status(200);
    matching()
}

/// A phone number of this run's own, so reruns and tests never share one.
pub fn phone(n: u64) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("139{:08}", (u64::from(nanos) / 1000 * 10 + n) % 100_000_000)
}

/// The outbox's messages to `recipient`.
pub fn outbox_for(recipient: &str) -> Vec<OutboxMessage> {
    let all: Vec<OutboxMessage> = Client::demo("admin")
        .get("/api/admin/outbox")
        .assert_status(200)
        .json();
    all.into_iter()
        .filter(|m| m.recipient == recipient)
        .collect()
}

/// The phone number a client signed in with (customers sign in by phone).
pub fn phone_of(client: &Client) -> String {
    let me: Value = client.get("/api/auth/me").assert_status(200).json();
    me["user"]["login"].as_str().unwrap_or_default().to_string()
}

/// Asks for a code for `phone` as `client` and reads it from the SMS that reached the phone.
pub fn code_for(client: &Client, phone: &str) -> String {
    client
        .post("/api/phone-codes", &json!({ "phone": phone }))
        .assert_status(200);
    let sms = wait_for(phone, "验证码", 1);
    let body = sms.last().expect("the code's SMS")["body"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    body.chars().filter(char::is_ascii_digit).take(6).collect()
}

//! The hall queue as the API tests drive it: check-in, counter actions, the public snapshot
//! and the dashboard's staffed hours.

use crate::{Client, Reply};
use domain::queue::protocol::{QueueSnapshot, TicketView};
use serde_json::{json, Value};

/// A kiosk check-in's body.
pub fn kiosk(business: &str) -> Value {
    json!({ "business": business, "channel": "kiosk" })
}

/// The time `minutes` after `at` (both RFC 3339).
pub fn later(at: &str, minutes: i64) -> String {
    let at = chrono::DateTime::parse_from_rfc3339(at).expect("an RFC 3339 time");
    (at + chrono::Duration::minutes(minutes)).to_rfc3339()
}

pub fn check_in(client: &Client, hall: &str, body: Value) -> TicketView {
    client
        .post(&format!("/api/halls/{hall}/tickets"), &body)
        .assert_status(201)
        .json()
}

pub fn act(client: &Client, hall: &str, counter: u32, action: Value) -> Reply {
    client.post(
        &format!("/api/halls/{hall}/counters/{counter}/actions"),
        &action,
    )
}

pub fn snapshot(hall: &str, at: &str) -> QueueSnapshot {
    Client::anonymous()
        .at(at)
        .get(&format!("/api/halls/{hall}/queue"))
        .assert_status(200)
        .json()
}

/// The dashboard's counters open per hour by the sign-in record (hour, counters), once the
/// queue object has copied its changes to D1 (within about a second).
pub fn staffed_hours(manager: &Client, hall: &str, day: &str) -> Vec<(u64, f64)> {
    let path = format!("/api/ops/dashboard?hall={hall}&from={day}&to={day}");
    for _ in 0..50 {
        let dashboard: Value = manager.get(&path).assert_status(200).json();
        let hours: Vec<(u64, f64)> = dashboard["staffing"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["business"].is_null())
            .filter_map(|r| Some((r["hour"].as_u64()?, r["staffed"].as_f64()?)))
            .filter(|(_, open)| *open > 0.0)
            .collect();
        if !hours.is_empty() {
            return hours;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Vec::new()
}

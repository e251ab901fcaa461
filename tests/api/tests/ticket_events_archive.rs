//! Ticket events keep a week in D1: the morning's run moves each hall's older days to R2, one
//! object per hall and day, while the dashboard goes on counting those days from their facts.
//! This test's day is in January 2020, before every other test's but the outbox archive's
//! (another hall), so its runs as of that month touch only those two.

use api_tests::{archive_run, Client};
use domain::operations::dashboard::Dashboard;
use domain::queue::protocol::TicketView;
use serde_json::json;
use std::time::{Duration, Instant};

const SERVED: &str = "2020-01-13T02:00:00Z"; // a Monday, 10:00 in the hall
const DAY: &str = "2020-01-13";
const KEY: &str = "ticket-events/2020-01-13/binjiang/";

fn dashboard(at: &str) -> Dashboard {
    Client::demo("manager.binjiang")
        .at(at)
        .get(&format!("/api/ops/dashboard?from={DAY}&to={DAY}"))
        .assert_status(200)
        .json()
}

#[test]
fn a_week_on_a_halls_events_move_to_r2_and_its_figures_stay() {
    Client::staff_the_hall("binjiang", SERVED);
    let ticket: TicketView = Client::anonymous()
        .at(SERVED)
        .post(
            "/api/halls/binjiang/tickets",
            &json!({ "business": "payment", "channel": "kiosk" }),
        )
        .assert_status(201)
        .json();
    let clerk = Client::demo("staff.binjiang.1").at(SERVED);
    for action in [
        json!({ "action": "call_next" }),
        json!({ "action": "start", "ticket": ticket.id }),
        json!({ "action": "finish", "ticket": ticket.id }),
    ] {
        clerk
            .post("/api/halls/binjiang/counters/1/actions", &action)
            .assert_status(200);
    }
    // The queue copies its events and facts to D1 in the background: wait for them.
    let deadline = Instant::now() + Duration::from_secs(20);
    while dashboard(SERVED).totals.served < 1 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(300));
    }
    assert_eq!(dashboard(SERVED).totals.served, 1);

    let kept = archive_run("ticket-events", "2020-01-19T02:00:00Z");
    assert!(
        !kept.objects.iter().any(|k| k.starts_with(KEY)),
        "six days on they stay: {kept:?}"
    );

    let due = archive_run("ticket-events", "2020-01-20T02:00:00Z");
    let object = due.objects.iter().find(|k| k.starts_with(KEY));
    assert!(object.is_some(), "{due:?}");
    assert!(
        due.archived >= 4,
        "issued, called, started, finished: {due:?}"
    );
    assert!(
        !archive_run("ticket-events", "2020-01-20T02:00:00Z")
            .objects
            .iter()
            .any(|k| k.starts_with(KEY)),
        "nothing is archived twice"
    );
    let after = dashboard("2020-01-20T02:00:00Z").totals;
    assert_eq!((after.tickets, after.served), (1, 1), "{after:?}");
}

//! A hall's ticket history leaves D1 by age: the morning's run moves each hall's days of events
//! older than a week, and of facts older than 120 days, to R2, one object per hall and day,
//! while the dashboard goes on counting those days from their tallies. This test's day is in
//! January 2020, before every other test's but the outbox archive's (another hall), so its
//! runs as of that spring touch only those two.

use api_tests::{archive_run, Client};
use domain::operations::dashboard::Dashboard;
use domain::queue::protocol::TicketView;
use serde_json::json;
use std::time::{Duration, Instant};

const SERVED: &str = "2020-01-13T02:00:00Z"; // a Monday, 10:00 in the hall
const DAY: &str = "2020-01-13";
const EVENTS: &str = "ticket-events/2020-01-13/binjiang/";
const FACTS: &str = "ticket-facts/2020-01-13/binjiang/";

fn dashboard(at: &str) -> Dashboard {
    Client::demo("manager.binjiang")
        .at(at)
        .get(&format!("/api/ops/dashboard?from={DAY}&to={DAY}"))
        .assert_status(200)
        .json()
}

#[test]
fn a_halls_events_after_a_week_and_facts_after_120_days_move_to_r2_and_its_figures_stay() {
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

    let kept = archive_run("ticket-history", "2020-01-19T02:00:00Z");
    assert!(
        !kept.objects.iter().any(|k| k.starts_with(EVENTS)),
        "six days on they stay: {kept:?}"
    );

    let due = archive_run("ticket-history", "2020-01-20T02:00:00Z");
    let object = due.objects.iter().find(|k| k.starts_with(EVENTS));
    assert!(object.is_some(), "{due:?}");
    assert!(
        due.archived >= 4,
        "issued, called, started, finished: {due:?}"
    );
    assert!(
        !archive_run("ticket-history", "2020-01-20T02:00:00Z")
            .objects
            .iter()
            .any(|k| k.starts_with(EVENTS)),
        "nothing is archived twice"
    );
    let after = dashboard("2020-01-20T02:00:00Z").totals;
    assert_eq!((after.tickets, after.served), (1, 1), "{after:?}");

    let kept = archive_run("ticket-history", "2020-05-11T02:00:00Z");
    assert!(
        !kept.objects.iter().any(|k| k.starts_with(FACTS)),
        "119 days on the facts stay: {kept:?}"
    );
    let due = archive_run("ticket-history", "2020-05-12T02:00:00Z");
    assert!(due.objects.iter().any(|k| k.starts_with(FACTS)), "{due:?}");
    let month = dashboard("2020-05-12T02:00:00Z").totals;
    assert_eq!(
        (month.tickets, month.served, month.within_tmax),
        (after.tickets, after.served, after.within_tmax),
        "the day's tally stays: {month:?}"
    );
}

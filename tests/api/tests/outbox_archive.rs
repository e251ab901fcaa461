//! The outbox keeps 90 days in D1: the morning's run moves the settled messages older than that
//! to R2 and takes them out of D1. This test's message is dated January 2020, before every other
//! test's (2026 onward), so the runs it makes as of April 2020 can archive only it.

use api_tests::sink::{outbox_for, phone, wait_for};
use api_tests::{archive_run, Client};
use domain::notify::outbox::{ArchiveRun, OutboxStatus};
use domain::queue::protocol::TicketView;
use serde_json::json;

const SENT: &str = "2020-01-06T02:00:00Z"; // a Monday, 10:00 in the hall
const KEY: &str = "outbox/2020-01-06/";

#[test]
fn settled_messages_past_90_days_move_to_r2_and_leave_the_outbox() {
    let to = phone(7);
    Client::staff_the_hall("gaoxin", SENT);
    let ticket: TicketView = Client::anonymous()
        .at(SENT)
        .post(
            "/api/halls/gaoxin/tickets",
            &json!({ "business": "invoice", "channel": "kiosk" }),
        )
        .assert_status(201)
        .json();
    // Already within 20 ahead: the notice is due at once.
    Client::anonymous()
        .at(SENT)
        .put(
            &format!("/api/halls/gaoxin/tickets/{}/watch", ticket.id),
            &json!({ "key": ticket.key, "ahead_at": 20, "phone": to }),
        )
        .assert_status(200);
    assert_eq!(wait_for(&to, "", 1).len(), 1, "the notice went out");
    let kept = outbox_for(&to);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].status, OutboxStatus::Sent);

    let early = archive_run("outbox", "2020-04-04T02:00:00Z");
    assert!(
        !early.objects.iter().any(|k| k.starts_with(KEY)),
        "89 days on it stays: {early:?}"
    );
    assert_eq!(outbox_for(&to).len(), 1);

    let due = archive_run("outbox", "2020-04-06T03:00:00Z");
    assert!(due.archived >= 1, "{due:?}");
    assert!(due.objects.iter().any(|k| k.starts_with(KEY)), "{due:?}");
    assert!(outbox_for(&to).is_empty(), "it left D1");
    assert_eq!(
        archive_run("outbox", "2020-04-06T03:00:00Z"),
        ArchiveRun::default(),
        "nothing is archived twice"
    );
}

//! Ticket events keep a week in D1 (docs/SCALE.md, "ticket events"): each morning every hall's
//! days older than that move to R2, one NDJSON object per hall and day, and leave D1. The
//! dashboard reads the days' tallies and ticket facts, which stay; a city's events would be
//! ~14 GB in two years, the largest table D1 would hold.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::ok;
use crate::router::Ctx;
use chrono::{DateTime, Days, Utc};
use domain::hours::china_tz;
use domain::notify::outbox::ArchiveRun;
use serde::Deserialize;
use serde_json::Value;
use worker::{Env, Response};

/// Days of events kept in D1, today included.
pub const KEEP_DAYS: u64 = 7;
/// Hall-days per run: a hundred of a city's thirty halls is three days, so a run catches up
/// after a pause.
const MOST_DAYS: usize = 100;

#[derive(Deserialize)]
struct Oldest {
    hall_id: String,
    day: Option<String>,
}

/// Moves the events of the days before the last `KEEP_DAYS` to R2, each hall's oldest first.
pub async fn run(db: &Db, env: &Env, now: DateTime<Utc>) -> Result<ArchiveRun> {
    let today = now.with_timezone(&china_tz()).date_naive();
    let before = today
        .checked_sub_days(Days::new(KEEP_DAYS - 1))
        .unwrap_or(today)
        .to_string();
    let bucket = env.bucket("FILES")?;
    let mut run = ArchiveRun::default();
    while run.objects.len() < MOST_DAYS {
        // Each hall's oldest day, found at the start of its part of the primary key.
        let oldest: Vec<Oldest> = db
            .all(
                "SELECT id AS hall_id, (SELECT MIN(day) FROM ticket_events WHERE hall_id = halls.id) AS day FROM halls",
                args![],
            )
            .await?;
        let due: Vec<(String, String)> = oldest
            .into_iter()
            .filter_map(|o| Some((o.hall_id, o.day.filter(|d| *d < before)?)))
            .take(MOST_DAYS - run.objects.len())
            .collect();
        if due.is_empty() {
            break;
        }
        for (hall, day) in due {
            let (key, moved) = archive_day(db, &bucket, &hall, &day).await?;
            run.archived += moved;
            run.objects.push(key);
        }
    }
    Ok(run)
}

/// One hall's day: written as one object, then deleted from D1. A run cut off between the two
/// writes the same object again next time; events that reach D1 after their day left it go to
/// an object of their own, named by the first one's sequence.
async fn archive_day(
    db: &Db,
    bucket: &worker::Bucket,
    hall: &str,
    day: &str,
) -> Result<(String, u32)> {
    let rows: Vec<Value> = db
        .all(
            "SELECT * FROM ticket_events WHERE hall_id = ? AND day = ? ORDER BY seq",
            args![hall, day],
        )
        .await?;
    let first = rows.first().and_then(|r| r["seq"].as_i64()).unwrap_or(0);
    let key = format!("ticket-events/{day}/{hall}/{first}.ndjson");
    let mut text = String::new();
    for row in &rows {
        text.push_str(&serde_json::to_string(row)?);
        text.push('\n');
    }
    bucket.put(&key, text).execute().await?;
    db.run(
        "DELETE FROM ticket_events WHERE hall_id = ? AND day = ?",
        args![hall, day],
    )
    .await?;
    Ok((key, u32::try_from(rows.len()).unwrap_or(u32::MAX)))
}

/// `POST /api/admin/ticket-events/archive`: the morning's run, now.
pub async fn handle_run(ctx: &mut Ctx) -> Result<Response> {
    ok(&run(&ctx.db, &ctx.env, ctx.now).await?)
}

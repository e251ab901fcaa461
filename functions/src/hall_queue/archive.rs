//! A hall's ticket history leaves D1 by age (docs/SCALE.md, "ticket events", "ticket facts"):
//! each morning the days of events older than a week, and the days of facts older than 120
//! days, move to R2, one NDJSON object per hall and day. Nothing reads a day's events after it
//! (they are the record, for an inquiry); the dashboard reads a day's figures from its tally,
//! which stays. Two years of a city's events would be ~14 GB and of its facts ~3.3 GB.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::ok;
use crate::notify::archive::put_ndjson;
use crate::router::Ctx;
use chrono::{DateTime, Days, NaiveDate, Utc};
use domain::hours::china_tz;
use domain::notify::outbox::ArchiveRun;
use domain::operations::facts::TicketFact;
use domain::operations::tally::DayTally;
use serde::Deserialize;
use serde_json::Value;
use worker::{Bucket, Env, Response};

/// Days of events kept in D1, today included.
pub const EVENT_DAYS: u64 = 7;
/// Days of facts kept in D1: long after any rating can still reach them, and more than the
/// four weeks the queue reads to learn the hall's patience (`history`).
pub const FACT_DAYS: u64 = 120;
/// Hall-days per run and kind: a hundred of a city's thirty halls is three days, so a run
/// catches up after a pause.
const MOST_DAYS: usize = 100;

/// One kind of a hall's history, kept in its own table by hall and day.
#[derive(Clone, Copy)]
enum Kind {
    Events,
    Facts,
}

impl Kind {
    fn table(self) -> &'static str {
        match self {
            Kind::Events => "ticket_events",
            Kind::Facts => "ticket_facts",
        }
    }

    /// Its rows in the order they happened, and the column the object is named by.
    fn order(self) -> &'static str {
        match self {
            Kind::Events => "seq",
            Kind::Facts => "ticket_id",
        }
    }

    fn keep_days(self) -> u64 {
        match self {
            Kind::Events => EVENT_DAYS,
            Kind::Facts => FACT_DAYS,
        }
    }
}

#[derive(Deserialize)]
struct Oldest {
    hall_id: String,
    day: Option<String>,
}

/// Moves the events and the facts past their days to R2, each hall's oldest day first.
pub async fn run(db: &Db, env: &Env, now: DateTime<Utc>) -> Result<ArchiveRun> {
    let today = now.with_timezone(&china_tz()).date_naive();
    let bucket = env.bucket("FILES")?;
    let mut run = ArchiveRun::default();
    for kind in [Kind::Events, Kind::Facts] {
        archive_kind(db, &bucket, kind, today, &mut run).await?;
    }
    Ok(run)
}

async fn archive_kind(
    db: &Db,
    bucket: &Bucket,
    kind: Kind,
    today: NaiveDate,
    run: &mut ArchiveRun,
) -> Result<()> {
    let before = today
        .checked_sub_days(Days::new(kind.keep_days() - 1))
        .unwrap_or(today)
        .to_string();
    let table = kind.table();
    let mut days = 0;
    while days < MOST_DAYS {
        // Each hall's oldest day, found at the start of its part of the primary key.
        let oldest: Vec<Oldest> = db
            .all(
                &format!("SELECT id AS hall_id, (SELECT MIN(day) FROM {table} WHERE hall_id = halls.id) AS day FROM halls"),
                args![],
            )
            .await?;
        let due: Vec<(String, String)> = oldest
            .into_iter()
            .filter_map(|o| Some((o.hall_id, o.day.filter(|d| *d < before)?)))
            .take(MOST_DAYS - days)
            .collect();
        if due.is_empty() {
            break;
        }
        for (hall, day) in due {
            let (key, moved) = archive_day(db, bucket, kind, &hall, &day).await?;
            run.archived += moved;
            run.objects.push(key);
            days += 1;
        }
    }
    Ok(())
}

/// One hall's day: written as one object, then deleted from D1. A run cut off between the two
/// writes the same object again next time; rows that reach D1 after their day left it go to
/// an object of their own, named by the first one. A day's facts leave with its tally made
/// from them and kept.
async fn archive_day(
    db: &Db,
    bucket: &Bucket,
    kind: Kind,
    hall: &str,
    day: &str,
) -> Result<(String, u32)> {
    let (table, order) = (kind.table(), kind.order());
    let rows: Vec<Value> = db
        .all(
            &format!("SELECT * FROM {table} WHERE hall_id = ? AND day = ? ORDER BY {order}"),
            args![hall, day],
        )
        .await?;
    let first = rows.first().and_then(|r| r[order].as_i64()).unwrap_or(0);
    let key = format!("{}/{day}/{hall}/{first}.ndjson", table.replace('_', "-"));
    put_ndjson(bucket, &key, &rows).await?;
    let mut statements = vec![db.statement(
        &format!("DELETE FROM {table} WHERE hall_id = ? AND day = ?"),
        args![hall, day],
    )?];
    if let (Kind::Facts, Ok(date)) = (kind, day.parse::<NaiveDate>()) {
        // Deleting the facts clears the day's tally (migration 0034): it is set again after.
        let facts = rows
            .iter()
            .map(|r| serde_json::from_value::<TicketFact>(r.clone()))
            .collect::<serde_json::Result<Vec<_>>>()?;
        let tally = DayTally::of(hall, date, &facts);
        statements.push(db.statement(
            "UPDATE hall_day_tallies SET tally = ? WHERE day = ? AND hall_id = ?",
            args![serde_json::to_string(&tally)?, day, hall],
        )?);
    }
    db.batch(statements).await?;
    Ok((key, u32::try_from(rows.len()).unwrap_or(u32::MAX)))
}

/// `POST /api/admin/ticket-history/archive`: the morning's run, now.
pub async fn handle_run(ctx: &mut Ctx) -> Result<Response> {
    ok(&run(&ctx.db, &ctx.env, ctx.now).await?)
}

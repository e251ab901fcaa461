//! The outbox keeps 90 days in D1 (docs/SCALE.md, "the outbox keeps 90 days"): each morning the
//! messages settled (sent, given up or only logged) before that move to R2, a chunk at a time,
//! one NDJSON object per chunk under the day of its first message, and leave D1. A city sends
//! ~40,000 messages a day; two years of them in D1 would be ~6 GB.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::ok;
use crate::router::Ctx;
use chrono::{DateTime, Days, Utc};
use domain::hours::china_tz;
use domain::notify::outbox::{ArchiveRun, KEEP_DAYS};
use serde_json::Value;
use worker::{Bucket, Env, Response};

/// Messages per object: ~250 bytes each, ~0.5 MB an object.
const CHUNK: u32 = 2_000;
/// Chunks per run: 200,000 messages, five days of a city's, so a run catches up after a pause.
const MOST_CHUNKS: u32 = 100;

/// Moves the settled messages older than `KEEP_DAYS` to R2, oldest first.
pub async fn run(db: &Db, env: &Env, now: DateTime<Utc>) -> Result<ArchiveRun> {
    let before = now
        .checked_sub_days(Days::new(KEEP_DAYS))
        .unwrap_or(now)
        .timestamp_millis();
    let bucket = env.bucket("FILES")?;
    let mut run = ArchiveRun::default();
    for _ in 0..MOST_CHUNKS {
        // The settled index (migration 0033) in time order, named: SQLite would otherwise
        // take the status index and sort every sent message. A chunk is read row by row, as
        // D1 gives it, and written as one message a line.
        let rows: Vec<Value> = db
            .all(
                "SELECT * FROM outbox INDEXED BY outbox_settled \
                 WHERE status IN ('sent', 'failed', 'logged') AND at < ? \
                 ORDER BY at LIMIT ?",
                args![before, CHUNK],
            )
            .await?;
        let (Some(first), Some(id)) = (rows.first(), rows.first().and_then(|r| r["id"].as_i64()))
        else {
            break;
        };
        let day = first["at"]
            .as_i64()
            .and_then(DateTime::from_timestamp_millis)
            .map(|t| t.with_timezone(&china_tz()).date_naive().to_string())
            .unwrap_or_default();
        let key = format!("outbox/{day}/{id}.ndjson");
        let ids: Vec<i64> = rows.iter().filter_map(|r| r["id"].as_i64()).collect();
        put_ndjson(&bucket, &key, &rows).await?;
        // Only once the object is stored do its rows leave D1; a run cut off between the two
        // writes the same object again next time.
        db.run(
            "DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?))",
            args![serde_json::to_string(&ids)?],
        )
        .await?;
        run.archived += u32::try_from(ids.len()).unwrap_or(u32::MAX);
        run.objects.push(key);
        if rows.len() < usize::try_from(CHUNK).unwrap_or(usize::MAX) {
            break;
        }
    }
    Ok(run)
}

/// Stores `rows` in R2 under `key`, one JSON object a line (also the ticket history's archive).
pub async fn put_ndjson(bucket: &Bucket, key: &str, rows: &[Value]) -> Result<()> {
    let mut text = String::new();
    for row in rows {
        text.push_str(&serde_json::to_string(row)?);
        text.push('\n');
    }
    bucket.put(key, text).execute().await?;
    Ok(())
}

/// `POST /api/admin/outbox/archive`: the morning's archive run, now.
pub async fn handle_run(ctx: &mut Ctx) -> Result<Response> {
    let archived = run(&ctx.db, &ctx.env, ctx.now).await?;
    ok(&archived)
}

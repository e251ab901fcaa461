//! What a new day's queue learns from the hall's history in D1: how long people wait before
//! giving up (domain::queue::patience), from the last four weeks of finished tickets.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use chrono::{Duration, NaiveDate};
use domain::queue::patience::Patience;
use serde::Deserialize;

const WEEKS: i64 = 4;

/// Every waiting spell of the four weeks before `day`: until the first call, or until the
/// ticket was cancelled; a cancellation before the call or a no-show is someone who gave up.
pub async fn patience(db: &Db, hall: &str, day: &str) -> Result<Patience> {
    let Ok(date) = NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
        return Ok(Patience::default());
    };
    let since = (date - Duration::weeks(WEEKS)).to_string();
    #[derive(Deserialize)]
    struct Row {
        waited_minutes: f64,
        gave_up: i64,
    }
    let row: Option<Row> = db
        .first(
            "SELECT COALESCE(SUM((COALESCE(called_at, finished_at) - issued_at) / 60000.0), 0.0) AS waited_minutes, \
             COALESCE(SUM(CASE WHEN outcome = 'no_show' OR (outcome = 'cancelled' AND called_at IS NULL) \
             THEN 1 ELSE 0 END), 0) AS gave_up \
             FROM ticket_facts WHERE hall_id = ? AND day >= ? AND day < ?",
            args![hall, since, day],
        )
        .await?;
    Ok(row.map_or_else(Patience::default, |r| Patience {
        waited_minutes: r.waited_minutes.max(0.0),
        gave_up: u32::try_from(r.gave_up).unwrap_or(0),
    }))
}

//! The limits of `domain::security::limits`, kept in D1's `login_failures` table (a window
//! start and a count per key). Limits run on the real clock, never on a test clock.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use domain::accounts::FailureWindow;
use domain::security::limits::Limit;
use domain::ApiError;

async fn window(db: &Db, key: &str) -> Result<Option<FailureWindow>> {
    db.first(
        "SELECT window_start, failures FROM login_failures WHERE key = ?",
        args![key],
    )
    .await
}

/// What a request is counted as: each limit with its subject (an address, a number, a login
/// or a user id).
pub type Counted<'a> = [(&'a Limit, &'a str)];

/// What each subject has used of its limit, read once.
async fn used(db: &Db, limits: &Counted<'_>) -> Result<Vec<Option<FailureWindow>>> {
    let mut out = Vec::with_capacity(limits.len());
    for (limit, subject) in limits {
        out.push(window(db, &limit.key(subject)).await?);
    }
    Ok(out)
}

/// The refusal (429 and the limit's reason) of the first limit used up, if any.
fn refuse(limits: &Counted<'_>, used: &[Option<FailureWindow>], now: i64) -> Result<()> {
    for ((limit, _), window) in limits.iter().zip(used) {
        if let Some(secs) = limit.throttle.retry_after(*window, now) {
            return Err(ApiError::new(limit.reason, limit.refusal(secs)).into());
        }
    }
    Ok(())
}

/// Writes one more request (or failure) onto what each subject had used.
async fn add_one(
    db: &Db,
    limits: &Counted<'_>,
    used: Vec<Option<FailureWindow>>,
    now: i64,
) -> Result<()> {
    for ((limit, subject), window) in limits.iter().zip(used) {
        let next = limit.throttle.record_failure(window, now);
        db.run(
            "INSERT INTO login_failures (key, window_start, failures) VALUES (?1, ?2, ?3) \
             ON CONFLICT(key) DO UPDATE SET window_start = ?2, failures = ?3",
            args![
                limit.key(subject),
                next.window_start,
                i64::from(next.failures)
            ],
        )
        .await?;
    }
    Ok(())
}

/// Refuses with 429 and the limit's reason while a subject has used up its limit.
pub async fn refuse_if_reached(db: &Db, limits: &Counted<'_>) -> Result<()> {
    let now = crate::db::now().timestamp_millis();
    refuse(limits, &used(db, limits).await?, now)
}

/// Counts one more request (or failure) against each limit.
pub async fn count(db: &Db, limits: &Counted<'_>) -> Result<()> {
    let now = crate::db::now().timestamp_millis();
    add_one(db, limits, used(db, limits).await?, now).await
}

/// Lets a request through its limits and counts it against them, reading each once; refused if
/// any is used up, and then counted against none.
pub async fn admit(db: &Db, limits: &Counted<'_>) -> Result<()> {
    let now = crate::db::now().timestamp_millis();
    let used = used(db, limits).await?;
    refuse(limits, &used, now)?;
    add_one(db, limits, used, now).await
}

/// Forgets what `subject` has used of the limit (a login that succeeded).
pub async fn clear(db: &Db, limit: &Limit, subject: &str) -> Result<()> {
    db.run(
        "DELETE FROM login_failures WHERE key = ?",
        args![limit.key(subject)],
    )
    .await?;
    Ok(())
}

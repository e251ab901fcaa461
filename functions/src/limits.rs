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

/// Refuses with 429 and the limit's reason while a subject has used up its limit.
pub async fn refuse_if_reached(db: &Db, limits: &Counted<'_>) -> Result<()> {
    let now = crate::db::now().timestamp_millis();
    for (limit, subject) in limits {
        let used = window(db, &limit.key(subject)).await?;
        if let Some(secs) = limit.throttle.retry_after(used, now) {
            return Err(ApiError::new(limit.reason, limit.refusal(secs)).into());
        }
    }
    Ok(())
}

/// Counts one more request (or failure) against each limit.
pub async fn count(db: &Db, limits: &Counted<'_>) -> Result<()> {
    let now = crate::db::now().timestamp_millis();
    for (limit, subject) in limits {
        let key = limit.key(subject);
        let next = limit.throttle.record_failure(window(db, &key).await?, now);
        db.run(
            "INSERT INTO login_failures (key, window_start, failures) VALUES (?1, ?2, ?3) \
             ON CONFLICT(key) DO UPDATE SET window_start = ?2, failures = ?3",
            args![key, next.window_start, i64::from(next.failures)],
        )
        .await?;
    }
    Ok(())
}

/// Lets a request through its limits and counts it against them; refused if any is used up,
/// and then counted against none.
pub async fn admit(db: &Db, limits: &Counted<'_>) -> Result<()> {
    refuse_if_reached(db, limits).await?;
    count(db, limits).await
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

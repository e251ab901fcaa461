//! The time a request acts at. Tests may set it with an `x-test-now` header (epoch ms or RFC
//! 3339), honoured only when the Worker runs with the `TEST_CLOCK` variable set to "1", which
//! scripts/with-server.sh does and wrangler.toml never does.

use chrono::{DateTime, Utc};
use worker::{Env, Request};

pub fn request_time(req: &Request, env: &Env) -> DateTime<Utc> {
    test_time(req, env).unwrap_or_else(crate::db::now)
}

/// Whether the Worker runs for tests (scripts/with-server.sh; never wrangler.toml).
pub fn test_clock_on(env: &Env) -> bool {
    env.var("TEST_CLOCK")
        .map(|v| v.to_string() == "1")
        .unwrap_or(false)
}

fn test_time(req: &Request, env: &Env) -> Option<DateTime<Utc>> {
    if !test_clock_on(env) {
        return None;
    }
    let raw = req.headers().get("x-test-now").ok()??;
    raw.parse::<i64>()
        .ok()
        .and_then(DateTime::from_timestamp_millis)
        .or_else(|| {
            DateTime::parse_from_rfc3339(&raw)
                .ok()
                .map(|t| t.with_timezone(&Utc))
        })
}

//! `/api/health`: the version, and whether D1 answers.

use crate::error::Result;
use crate::http::{json, ok};
use crate::router::Ctx;
use domain::users::Health;
use worker::Response;

pub async fn handle_health(ctx: &mut Ctx) -> Result<Response> {
    let version = env!("CARGO_PKG_VERSION").to_string();
    match ctx
        .db
        .first::<serde_json::Value>("SELECT 1 AS one", vec![])
        .await
    {
        Ok(Some(_)) => ok(&Health {
            version,
            database: "ok".into(),
        }),
        _ => json(
            503,
            &Health {
                version,
                database: "unavailable".into(),
            },
        ),
    }
}

//! `/api/account/notifications`: which channels a person wants for each topic, and quiet hours.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::{ok, read_json};
use crate::router::Ctx;
use domain::notify::Preferences;
use serde::Deserialize;
use std::collections::BTreeMap;
use worker::Response;

#[derive(Deserialize)]
struct Row {
    user_id: i64,
    json: String,
}

/// Each user's preferences; a user who never chose has the defaults. A stored value that no
/// longer reads (an older shape) counts as the defaults too.
pub async fn of_users(db: &Db, users: &[i64]) -> Result<BTreeMap<i64, Preferences>> {
    let ids = serde_json::to_string(users)?;
    let rows: Vec<Row> = db
        .all(
            "SELECT user_id, json FROM notify_preferences WHERE user_id IN (SELECT value FROM json_each(?))",
            args![ids],
        )
        .await?;
    let mut out: BTreeMap<i64, Preferences> =
        users.iter().map(|&u| (u, Preferences::default())).collect();
    for row in rows {
        if let Ok(p) = serde_json::from_str::<Preferences>(&row.json) {
            out.insert(row.user_id, p);
        }
    }
    Ok(out)
}

pub async fn handle_get(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    let mut all = of_users(&ctx.db, &[user.id]).await?;
    ok(&all.remove(&user.id).unwrap_or_default())
}

pub async fn handle_set(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    let prefs = read_json::<Preferences>(&mut ctx.req).await?.normalised()?;
    ctx.db
        .run(
            "INSERT INTO notify_preferences (user_id, json, updated_at) VALUES (?, ?, ?) \
             ON CONFLICT(user_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
            args![user.id, serde_json::to_string(&prefs)?, ctx.now.timestamp_millis()],
        )
        .await?;
    ok(&prefs)
}

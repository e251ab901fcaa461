//! Devices that receive push: `GET /api/push/key` (the VAPID public key, 404 where push is not
//! set up), `POST /api/push/subscriptions` (a signed-in person's browser subscribes; the same
//! endpoint again moves to whoever is signed in now) and `DELETE /api/push/subscriptions/{id}`.
//! A subscription the push service answers 404 or 410 for is forgotten by the courier.

use super::webpush;
use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::{created, ok, parse_id, read_json};
use crate::router::Ctx;
use domain::notify::push::{checked, PushKey, Subscribed, Subscription};
use domain::ApiError;
use serde::Deserialize;
use serde_json::json;
use worker::Response;

#[derive(Deserialize)]
pub struct DeviceKeys {
    pub p256dh: String,
    pub auth: String,
}

/// The keys of the subscription at `endpoint`, if it is still there.
pub async fn keys(db: &Db, endpoint: &str) -> Result<Option<DeviceKeys>> {
    db.first(
        "SELECT p256dh, auth FROM push_subscriptions WHERE endpoint = ?",
        args![endpoint],
    )
    .await
}

pub async fn forget(db: &Db, endpoint: &str) -> Result<()> {
    db.run(
        "DELETE FROM push_subscriptions WHERE endpoint = ?",
        args![endpoint],
    )
    .await?;
    Ok(())
}

pub async fn handle_key(ctx: &mut Ctx) -> Result<Response> {
    match webpush::public_key(&ctx.env) {
        Some(public_key) => ok(&PushKey { public_key }),
        None => Err(ApiError::not_found("push service (not set up here)").into()),
    }
}

pub async fn handle_subscribe(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    let input: Subscription = read_json(&mut ctx.req).await?;
    // Loopback endpoints only where the test clock is on: the tests' stand-in push service.
    checked(&input, crate::clock::test_clock_on(&ctx.env))?;
    if webpush::public_key(&ctx.env).is_none() {
        return Err(ApiError::not_found("push service (not set up here)").into());
    }
    let row: Option<crate::db::Id> = ctx
        .db
        .first(
            "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?) \
             ON CONFLICT(endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth \
             RETURNING id",
            args![user.id, &input.endpoint, &input.keys.p256dh, &input.keys.auth, ctx.now.timestamp_millis()],
        )
        .await?;
    let id = row
        .ok_or_else(|| ApiError::internal("the subscription was not stored"))?
        .id;
    created(&Subscribed { id })
}

pub async fn handle_unsubscribe(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    let id = parse_id(ctx.matched.param(), "subscription")?;
    let written = ctx
        .db
        .run(
            "DELETE FROM push_subscriptions WHERE id = ? AND user_id = ?",
            args![id, user.id],
        )
        .await?;
    if written.changes == 0 {
        return Err(ApiError::not_found("subscription").into());
    }
    ok(&json!({ "removed": id }))
}

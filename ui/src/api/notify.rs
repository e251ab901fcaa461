//! The inbox of every case kind, its unread count, a person's notification choices, and the
//! admin's outbox.

use super::{get, post, put, with_body};
use domain::notify::inbox::{Inbox, Unread};
use domain::notify::outbox::OutboxMessage;
use domain::notify::push::{PushKey, Subscribed, Subscription};
use domain::notify::Preferences;
use domain::ApiError;
use serde_json::json;

pub async fn inbox() -> Result<Inbox, ApiError> {
    get("/api/inbox").await
}
pub async fn read_all() -> Result<Inbox, ApiError> {
    post("/api/inbox/read", &json!({})).await
}
pub async fn read_one(id: i64) -> Result<Unread, ApiError> {
    post(&format!("/api/inbox/{id}/read"), &json!({})).await
}
pub async fn unread() -> Result<Unread, ApiError> {
    get("/api/inbox/unread").await
}
pub async fn outbox() -> Result<Vec<OutboxMessage>, ApiError> {
    get("/api/admin/outbox").await
}
pub async fn preferences() -> Result<Preferences, ApiError> {
    get("/api/account/notifications").await
}
pub async fn set_preferences(p: &Preferences) -> Result<Preferences, ApiError> {
    put("/api/account/notifications", p).await
}
pub async fn push_key() -> Result<PushKey, ApiError> {
    get("/api/push/key").await
}
pub async fn subscribe_push(s: &Subscription) -> Result<Subscribed, ApiError> {
    post("/api/push/subscriptions", s).await
}
pub async fn unsubscribe_push(id: i64) -> Result<serde_json::Value, ApiError> {
    with_body(
        gloo_net::http::Method::DELETE,
        &format!("/api/push/subscriptions/{id}"),
        &serde_json::Value::Null,
    )
    .await
}

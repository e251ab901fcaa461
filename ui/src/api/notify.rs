//! The inbox of every case kind, its unread count, and the admin's outbox.

use super::{get, post};
use domain::notify::inbox::{Inbox, Unread};
use domain::notify::outbox::OutboxMessage;
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

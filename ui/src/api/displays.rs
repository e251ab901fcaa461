//! The hall's screens: message, English calls, paired TVs and kiosks, their heartbeat.

use super::{encode, get, post, put};
use domain::displays::{DeviceKind, DeviceSeen, Display, DisplayCreated, DisplayInput};
use domain::queue::board::{Board, BroadcastInput, DisplaySettings};
use domain::ApiError;

pub async fn broadcast(hall: &str, text: &str) -> Result<Board, ApiError> {
    let body = BroadcastInput { text: text.into() };
    put(&format!("/api/halls/{}/broadcast", encode(hall)), &body).await
}
pub async fn settings(hall: &str, settings: &DisplaySettings) -> Result<Board, ApiError> {
    put(
        &format!("/api/halls/{}/display-settings", encode(hall)),
        settings,
    )
    .await
}
pub async fn list(hall: &str) -> Result<Vec<Display>, ApiError> {
    get(&format!("/api/halls/{}/displays", encode(hall))).await
}
pub async fn create(hall: &str, name: &str, kind: DeviceKind) -> Result<DisplayCreated, ApiError> {
    let body = DisplayInput {
        name: name.into(),
        kind,
    };
    post(&format!("/api/halls/{}/displays", encode(hall)), &body).await
}
/// A paired device's heartbeat, with its token.
pub async fn seen(hall: &str, token: &str) -> Result<DeviceSeen, ApiError> {
    let path = format!("/api/halls/{}/devices/seen", encode(hall));
    super::as_device(&path, &(), token).await
}
pub async fn revoke(hall: &str, id: i64) -> Result<Display, ApiError> {
    post(
        &format!("/api/halls/{}/displays/{id}/revoke", encode(hall)),
        &(),
    )
    .await
}

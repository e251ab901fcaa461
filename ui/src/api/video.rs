//! The video desk, call rooms, their files and records. A kiosk customer's key rides along as
//! `?key=` (or in the body); a signed-in customer's session is enough.
use super::{encode, get, post, put, upload};
use domain::files::FileRef;
use domain::video::bodies::{CallRecord, Callback, HelpAsk, HelpCreated, HelpStatus, RoomInfo};
use domain::video::desk::{DeskView, HelpRequest, Presence};
use domain::ApiError;
use serde_json::json;

fn key_query(key: &str) -> String {
    format!("?key={}", encode(key))
}

pub async fn ask(input: &HelpAsk) -> Result<HelpCreated, ApiError> {
    post("/api/video/requests", input).await
}
pub async fn status(room: &str, key: &str) -> Result<HelpStatus, ApiError> {
    get(&format!("/api/video/requests/{room}{}", key_query(key))).await
}
pub async fn cancel(room: &str, key: &str) -> Result<HelpRequest, ApiError> {
    post(
        &format!("/api/video/requests/{room}/cancel"),
        &json!({ "key": key }),
    )
    .await
}
pub async fn callback(room: &str, key: &str, phone: &str) -> Result<Callback, ApiError> {
    let body = json!({ "key": key, "phone": phone });
    post(&format!("/api/video/requests/{room}/callback"), &body).await
}
pub async fn room(room: &str, key: &str) -> Result<RoomInfo, ApiError> {
    get(&format!("/api/video/rooms/{room}{}", key_query(key))).await
}
pub async fn rate(
    room: &str,
    key: &str,
    stars: u8,
    comment: &str,
) -> Result<serde_json::Value, ApiError> {
    let body = json!({ "key": key, "stars": stars, "comment": comment });
    post(&format!("/api/video/rooms/{room}/rating"), &body).await
}
pub async fn my_calls() -> Result<Vec<CallRecord>, ApiError> {
    get("/api/video/calls").await
}
/// The address of a shared file, for a download link.
pub fn file_url(room: &str, key: &str, file: &str) -> String {
    format!("/api/video/rooms/{room}/files/{file}{}", key_query(key))
}
/// Sends the chosen file as it is; the server checks what it really is.
pub async fn share_file(room: &str, key: &str, file: &web_sys::File) -> Result<FileRef, ApiError> {
    upload(
        &format!("/api/video/rooms/{room}/files{}", key_query(key)),
        file,
    )
    .await
}

pub async fn set_presence(presence: Presence) -> Result<DeskView, ApiError> {
    put("/api/video/presence", &json!({ "presence": presence })).await
}
pub async fn accept(room: &str) -> Result<HelpRequest, ApiError> {
    post(&format!("/api/video/requests/{room}/accept"), &json!({})).await
}
pub async fn transfer(room: &str, to_agent: i64) -> Result<HelpRequest, ApiError> {
    post(
        &format!("/api/video/requests/{room}/transfer"),
        &json!({ "to_agent": to_agent }),
    )
    .await
}
/// Ends the call with the agent's summary, filed on the case numbered `case_number` if any.
pub async fn end(room: &str, summary: &str, case_number: &str) -> Result<CallRecord, ApiError> {
    post(
        &format!("/api/video/requests/{room}/end"),
        &json!({ "summary": summary, "case_number": case_number }),
    )
    .await
}
pub async fn callbacks() -> Result<Vec<Callback>, ApiError> {
    get("/api/video/callbacks").await
}
pub async fn callback_done(id: i64) -> Result<Callback, ApiError> {
    post(&format!("/api/video/callbacks/{id}/done"), &json!({})).await
}

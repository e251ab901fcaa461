//! Written consultations: a customer's threads, the agents' shared inbox, messages and files.
use super::{get, post, upload};
use domain::consult::{Thread, ThreadDetail};
use domain::video::files::FileRef;
use domain::ApiError;
use serde_json::json;

pub async fn threads() -> Result<Vec<Thread>, ApiError> {
    get("/api/consultations").await
}
pub async fn start(subject: &str, text: &str) -> Result<ThreadDetail, ApiError> {
    post(
        "/api/consultations",
        &json!({ "subject": subject, "text": text }),
    )
    .await
}
pub async fn thread(id: i64) -> Result<ThreadDetail, ApiError> {
    get(&format!("/api/consultations/{id}")).await
}
pub async fn reply(id: i64, text: &str) -> Result<ThreadDetail, ApiError> {
    post(
        &format!("/api/consultations/{id}/messages"),
        &json!({ "text": text }),
    )
    .await
}
pub fn file_url(id: i64, file: &str) -> String {
    format!("/api/consultations/{id}/files/{file}")
}
/// Sends the chosen file as it is; the server checks what it really is.
pub async fn share_file(id: i64, file: &web_sys::File) -> Result<FileRef, ApiError> {
    upload(&format!("/api/consultations/{id}/files"), file).await
}

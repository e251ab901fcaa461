//! Written consultations: a customer's threads, the agents' shared inbox, messages and files.
use super::{get, post, upload};
use domain::consultations::{Thread, ThreadDetail};
use domain::files::FileRef;
use domain::service::contacts::{CaseRef, ContactKind};
use domain::ApiError;
use serde_json::json;

pub async fn threads() -> Result<Vec<Thread>, ApiError> {
    get("/api/consultations").await
}
/// Starts a consultation, filed on `case` when it was started from that case's page.
pub async fn start(
    subject: &str,
    text: &str,
    case: Option<CaseRef>,
) -> Result<ThreadDetail, ApiError> {
    post(
        "/api/consultations",
        &json!({ "subject": subject, "text": text, "case": case }),
    )
    .await
}
/// An agent files a call or consultation on the case with this number.
pub async fn file_on_case(
    kind: ContactKind,
    reference: &str,
    case_number: &str,
) -> Result<serde_json::Value, ApiError> {
    let body = json!({ "kind": kind, "reference": reference, "case_number": case_number });
    post("/api/case-contacts", &body).await
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

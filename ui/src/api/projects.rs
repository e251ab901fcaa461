//! Connection projects: lists, applying, the project page, acting, documents, comments,
//! reports.
use super::{encode, get, post, upload};
use domain::projects::bodies::{
    ActInput, ProjectApply, ProjectDetail, ProjectDocument, ProjectSummary,
};
use domain::projects::report::OnTimeReport;
use domain::ApiError;
use serde_json::json;

/// The list with its filters: stage, search text, overdue only.
pub async fn list(stage: &str, q: &str, overdue: bool) -> Result<Vec<ProjectSummary>, ApiError> {
    let mut query = format!("?stage={}&q={}", encode(stage), encode(q));
    if overdue {
        query.push_str("&overdue=1");
    }
    get(&format!("/api/projects{query}")).await
}
/// Applies; the new project's id. Only the id is read from the answer, so an app that applies
/// without showing projects (the account page) carries no decoder for the whole detail.
pub async fn apply(input: &ProjectApply) -> Result<i64, ApiError> {
    #[derive(serde::Deserialize)]
    struct Opened {
        summary: Id,
    }
    #[derive(serde::Deserialize)]
    struct Id {
        id: i64,
    }
    let opened: Opened = post("/api/projects", input).await?;
    Ok(opened.summary.id)
}
pub async fn project(id: i64) -> Result<ProjectDetail, ApiError> {
    get(&format!("/api/projects/{id}")).await
}
pub async fn act(id: i64, input: &ActInput) -> Result<ProjectDetail, ApiError> {
    post(&format!("/api/projects/{id}/actions"), input).await
}
pub async fn comment(id: i64, text: &str) -> Result<ProjectDetail, ApiError> {
    post(
        &format!("/api/projects/{id}/comments"),
        &json!({ "text": text }),
    )
    .await
}
pub async fn upload_document(
    id: i64,
    kind: &str,
    file: &web_sys::File,
) -> Result<ProjectDocument, ApiError> {
    upload(&format!("/api/projects/{id}/documents?kind={kind}"), file).await
}
pub fn document_url(id: i64, doc: i64) -> String {
    format!("/api/projects/{id}/documents/{doc}")
}
/// The reports' period, as typed ("" for the last 30 days up to today).
fn period(from: &str, to: &str) -> String {
    format!("?from={}&to={}", encode(from), encode(to))
}
pub fn durations_csv(from: &str, to: &str) -> String {
    format!("/api/project-reports/durations.csv{}", period(from, to))
}
pub async fn on_time(from: String, to: String) -> Result<OnTimeReport, ApiError> {
    get(&format!(
        "/api/project-reports/on-time{}",
        period(&from, &to)
    ))
    .await
}

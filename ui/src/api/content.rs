//! Posters, their images and planned outages.
use super::{get, hall_query, post, put, upload};
use domain::content::{ImageUploaded, Outage, OutageInput, Poster, PosterInput};
use domain::ApiError;

pub async fn posters(hall: Option<&str>) -> Result<Vec<Poster>, ApiError> {
    get(&format!("/api/posters{}", hall_query(hall))).await
}
pub async fn staff_posters() -> Result<Vec<Poster>, ApiError> {
    get("/api/staff/posters").await
}
pub async fn create_poster(input: &PosterInput) -> Result<Poster, ApiError> {
    post("/api/staff/posters", input).await
}
pub async fn update_poster(id: i64, input: &PosterInput) -> Result<Poster, ApiError> {
    put(&format!("/api/staff/posters/{id}"), input).await
}
pub async fn withdraw_poster(id: i64) -> Result<Poster, ApiError> {
    post(&format!("/api/staff/posters/{id}/withdraw"), &()).await
}
/// Sends the chosen file as it is; the server checks what it really is.
pub async fn upload_image(file: &web_sys::File) -> Result<ImageUploaded, ApiError> {
    upload("/api/staff/poster-images", file).await
}

pub async fn outages(hall: Option<&str>) -> Result<Vec<Outage>, ApiError> {
    get(&format!("/api/outages{}", hall_query(hall))).await
}
/// Planned outages whose area names `area` (all of them when it is empty).
pub async fn search_outages(area: &str) -> Result<Vec<Outage>, ApiError> {
    get(&format!("/api/outages?area={}", super::encode(area))).await
}
pub async fn staff_outages() -> Result<Vec<Outage>, ApiError> {
    get("/api/staff/outages").await
}
pub async fn create_outage(input: &OutageInput) -> Result<Outage, ApiError> {
    post("/api/staff/outages", input).await
}
pub async fn withdraw_outage(id: i64) -> Result<Outage, ApiError> {
    post(&format!("/api/staff/outages/{id}/withdraw"), &()).await
}

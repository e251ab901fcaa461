//! Reference data: the manager's hall, counters and business types; the administrator's firms.

use super::{encode, post, put, with_body};
use domain::firms::{Firm, FirmRequest, FirmSuspension};
use domain::halls::business::{BusinessSetting, BusinessSettingRequest};
use domain::halls::edit::{CounterEdit, HallEdit};
use domain::halls::{BusinessType, Counter};
use domain::wire::wire_name;
use domain::ApiError;

pub async fn update_hall(hall: &str, edit: &HallEdit) -> Result<HallEdit, ApiError> {
    put(&format!("/api/halls/{}", encode(hall)), edit).await
}

pub async fn set_counter(hall: &str, number: u32, edit: &CounterEdit) -> Result<Counter, ApiError> {
    put(
        &format!("/api/halls/{}/counters/{number}", encode(hall)),
        edit,
    )
    .await
}

pub async fn remove_counter(hall: &str, number: u32) -> Result<serde_json::Value, ApiError> {
    let path = format!("/api/halls/{}/counters/{number}", encode(hall));
    with_body(
        gloo_net::http::Method::DELETE,
        &path,
        &serde_json::Value::Null,
    )
    .await
}

pub async fn set_business(
    hall: &str,
    business: BusinessType,
    request: &BusinessSettingRequest,
) -> Result<BusinessSetting, ApiError> {
    let path = format!(
        "/api/halls/{}/business/{}",
        encode(hall),
        wire_name(&business)
    );
    put(&path, request).await
}

pub async fn create_firm(request: &FirmRequest) -> Result<Firm, ApiError> {
    post("/api/firms", request).await
}

pub async fn update_firm(id: i64, request: &FirmRequest) -> Result<Firm, ApiError> {
    put(&format!("/api/firms/{id}"), request).await
}

pub async fn suspend_firm(id: i64, reason: Option<String>) -> Result<Firm, ApiError> {
    put(
        &format!("/api/firms/{id}/suspension"),
        &FirmSuspension { reason },
    )
    .await
}

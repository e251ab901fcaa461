//! A customer's visit at the kiosk: every call but the first carries the visit's token, which
//! the kiosk keeps in memory only.

use super::{as_device, encode, send};
use domain::billing::payments::{Decision, DecisionInput, PayInput, Payment, PaymentDetail};
use domain::files::FileRef;
use domain::kiosk::{KioskAccount, KioskPayment, KioskVisit, VisitEnded, VisitInput, VISIT_HEADER};
use domain::service::applications::{Application, ApplicationInput};
use domain::ApiError;
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The customer identifies at the hall's paired kiosk (its token).
pub async fn start(hall: &str, input: &VisitInput, kiosk: &str) -> Result<KioskVisit, ApiError> {
    let path = format!("/api/halls/{}/kiosk/visits", encode(hall));
    as_device(&path, input, kiosk).await
}

fn during(method: Method, path: &str, visit: &str) -> RequestBuilder {
    RequestBuilder::new(path)
        .method(method)
        .header(VISIT_HEADER, visit)
}

async fn get<T: DeserializeOwned>(path: &str, visit: &str) -> Result<T, ApiError> {
    send(during(Method::GET, path, visit).build()).await
}

async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    visit: &str,
) -> Result<T, ApiError> {
    send(during(Method::POST, path, visit).json(body)).await
}

/// "Done": the visit's token opens nothing more.
pub async fn end(visit: &str) -> Result<VisitEnded, ApiError> {
    send(during(Method::DELETE, "/api/kiosk/visit", visit).build()).await
}

pub async fn account(number: &str, visit: &str) -> Result<KioskAccount, ApiError> {
    get(
        &format!("/api/kiosk/visit/accounts/{}", encode(number)),
        visit,
    )
    .await
}

pub async fn pay(input: &PayInput, visit: &str) -> Result<KioskPayment, ApiError> {
    post("/api/kiosk/visit/payments", input, visit).await
}

pub async fn payment(id: i64, visit: &str) -> Result<PaymentDetail, ApiError> {
    get(&format!("/api/kiosk/visit/payments/{id}"), visit).await
}

/// The sandbox's confirm or decline, as the scan-to-pay terminal would report it.
pub async fn sandbox(id: i64, decision: Decision, visit: &str) -> Result<Payment, ApiError> {
    let body = DecisionInput { decision };
    post(
        &format!("/api/kiosk/visit/payments/{id}/sandbox"),
        &body,
        visit,
    )
    .await
}

/// A kiosk payment's receipt, by the key printed on it (no account needed).
pub async fn receipt(id: i64, key: &str) -> Result<PaymentDetail, ApiError> {
    let path = format!("/api/receipts/{id}?key={}", encode(key));
    send(RequestBuilder::new(&path).method(Method::GET).build()).await
}

/// Files an application as the visit's customer (who identified by a texted code).
pub async fn apply(input: &ApplicationInput, visit: &str) -> Result<Application, ApiError> {
    post("/api/kiosk/visit/applications", input, visit).await
}

/// Adds a document (a photo from the kiosk's camera) to the visit's application `id`.
pub async fn add_document(id: i64, file: &web_sys::File, visit: &str) -> Result<FileRef, ApiError> {
    let path = format!("/api/kiosk/visit/applications/{id}/documents");
    let name = String::from(js_sys::encode_uri_component(&file.name()));
    let request = during(Method::POST, &path, visit)
        .header("content-type", &file.type_())
        .header("x-file-name", &name)
        .body(wasm_bindgen::JsValue::from(file.clone()));
    send(request).await
}

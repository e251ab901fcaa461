//! The online hall's services: accounts, bills, usage, payments, applications, work orders.
use super::{encode, get, post, put, upload, with_body};
use domain::billing::accounts::{BindInput, UtilityAccount};
use domain::billing::bills::{Bill, Usage};
use domain::billing::payments::{
    Decision, DecisionInput, LedgerEntry, PayInput, Payment, PaymentDetail,
};
use domain::files::FileRef;
use domain::service::applications::{AppActInput, AppRating, Application, ApplicationInput};
use domain::service::contacts::{CaseContact, CaseRef};
use domain::service::intake::Caller;
use domain::service::work_orders::{
    escalations::{DepartmentHead, Escalation, HeadInput},
    repair_times::RepairMonth,
    terms::Term,
    Department, OrderActInput, OrderInput, WorkOrder, WorkOrderDetail,
};
use domain::ApiError;
use serde_json::Value;

pub async fn accounts() -> Result<Vec<UtilityAccount>, ApiError> {
    get("/api/utility-accounts").await
}
pub async fn bind(input: &BindInput) -> Result<UtilityAccount, ApiError> {
    post("/api/utility-accounts", input).await
}
pub async fn unbind(number: &str) -> Result<Value, ApiError> {
    let path = format!("/api/utility-accounts/{}", encode(number));
    with_body(gloo_net::http::Method::DELETE, &path, &Value::Null).await
}
pub async fn bills(number: &str) -> Result<Vec<Bill>, ApiError> {
    get(&format!("/api/utility-accounts/{}/bills", encode(number))).await
}
pub async fn usage(number: &str, period: &str) -> Result<Usage, ApiError> {
    let number = encode(number);
    get(&format!(
        "/api/utility-accounts/{number}/usage?period={}",
        encode(period)
    ))
    .await
}
pub async fn ledger(number: &str) -> Result<Vec<LedgerEntry>, ApiError> {
    get(&format!("/api/utility-accounts/{}/ledger", encode(number))).await
}
pub async fn pay(input: &PayInput) -> Result<Payment, ApiError> {
    post("/api/payments", input).await
}
pub async fn payment(id: i64) -> Result<PaymentDetail, ApiError> {
    get(&format!("/api/payments/{id}")).await
}
pub async fn sandbox(id: i64, decision: Decision) -> Result<Payment, ApiError> {
    post(
        &format!("/api/payments/{id}/sandbox"),
        &DecisionInput { decision },
    )
    .await
}

pub async fn applications() -> Result<Vec<Application>, ApiError> {
    get("/api/applications").await
}
pub async fn apply(input: &ApplicationInput) -> Result<Application, ApiError> {
    post("/api/applications", input).await
}
pub async fn application(id: i64) -> Result<Application, ApiError> {
    get(&format!("/api/applications/{id}")).await
}
pub async fn act_on_application(id: i64, input: &AppActInput) -> Result<Application, ApiError> {
    post(&format!("/api/applications/{id}/actions"), input).await
}
/// Rates a decided application. The answer is not read: the rating form sits in the kiosk and
/// ticket apps too, which should not carry the application's whole wire type.
pub async fn rate_application(id: i64, rating: &AppRating) -> Result<Value, ApiError> {
    post(&format!("/api/applications/{id}/rating"), rating).await
}
pub async fn upload_application_document(
    id: i64,
    file: &web_sys::File,
) -> Result<FileRef, ApiError> {
    upload(&format!("/api/applications/{id}/documents"), file).await
}
pub fn application_document_url(id: i64, file: &str) -> String {
    format!("/api/applications/{id}/documents/{file}")
}

pub async fn work_orders() -> Result<Vec<WorkOrder>, ApiError> {
    get("/api/work-orders").await
}
pub async fn file_order(input: &OrderInput) -> Result<WorkOrderDetail, ApiError> {
    post("/api/work-orders", input).await
}
pub async fn work_order(id: i64) -> Result<WorkOrderDetail, ApiError> {
    get(&format!("/api/work-orders/{id}")).await
}
pub async fn act_on_order(id: i64, input: &OrderActInput) -> Result<WorkOrderDetail, ApiError> {
    post(&format!("/api/work-orders/{id}/actions"), input).await
}
pub async fn upload_photo(id: i64, file: &web_sys::File) -> Result<FileRef, ApiError> {
    upload(&format!("/api/work-orders/{id}/photos"), file).await
}
pub fn photo_url(id: i64, file: &str) -> String {
    format!("/api/work-orders/{id}/photos/{file}")
}
/// The calls and consultations filed on `case`.
pub async fn case_contacts(case: CaseRef) -> Result<Vec<CaseContact>, ApiError> {
    let kind = domain::wire::wire_name(&case.kind);
    get(&format!("/api/case-contacts?kind={kind}&id={}", case.id)).await
}
/// The customers with this mobile or 户号, or whose name starts with `q`.
pub async fn callers(q: &str) -> Result<Vec<Caller>, ApiError> {
    get(&format!("/api/callers?q={}", encode(q))).await
}
/// The viewer's hall's escalated deadlines (every hall's for the admin), newest first.
pub async fn escalations() -> Result<Vec<Escalation>, ApiError> {
    get("/api/work-order-escalations").await
}
/// The last `months` months of repair times of the viewer's hall (the city for the admin).
pub async fn repair_times(months: u32) -> Result<Vec<RepairMonth>, ApiError> {
    get(&format!("/api/work-order-repair-times?months={months}")).await
}
pub async fn department_heads() -> Result<Vec<DepartmentHead>, ApiError> {
    get("/api/department-heads").await
}
pub async fn set_department_head(
    department: Department,
    input: &HeadInput,
) -> Result<Vec<DepartmentHead>, ApiError> {
    let path = format!(
        "/api/department-heads/{}",
        domain::wire::wire_name(&department)
    );
    put(&path, input).await
}
pub async fn terms() -> Result<Vec<Term>, ApiError> {
    get("/api/work-order-terms").await
}
pub async fn set_term(input: &Term) -> Result<Vec<Term>, ApiError> {
    put("/api/work-order-terms", input).await
}

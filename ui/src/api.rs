//! The API client: one function per endpoint the app calls, all returning the domain's types
//! and its `ApiError`. Cookies carry the session, so nothing here handles tokens.

use crate::i18n::Lang;
use domain::error::ErrorBody;
use domain::firms::Firm;
use domain::halls::{HallDetail, HallSummary};
use domain::hours::calendar::{SpecialDay, SpecialDayRequest};
use domain::notices::{Notice, NoticeInput};
use domain::users::{
    ChangePasswordRequest, CreateUserRequest, LoginRequest, RegisterRequest, SessionInfo, User,
};
use domain::{ApiError, Reason};
use gloo_net::http::{Request, RequestBuilder};
use serde::{de::DeserializeOwned, Serialize};

pub mod consultations;
pub mod content;
pub mod displays;
pub mod kiosk;
pub mod notify;
pub mod operations;
pub mod projects;
pub mod reference;
pub mod services;
pub mod video;

/// A failure the server never saw: shown as a network error.
fn network_error() -> ApiError {
    ApiError::new(Reason::Network, "network")
}

async fn send<T: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<T, ApiError> {
    let response = request
        .map_err(|_| network_error())?
        .send()
        .await
        .map_err(|_| network_error())?;
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|_| ApiError::internal("unexpected response"));
    }
    let status = response.status();
    match response.json::<ErrorBody>().await {
        Ok(body) => Err(body.error),
        Err(_) => Err(ApiError::internal(format!("HTTP {status}"))),
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    send(
        RequestBuilder::new(path)
            .method(gloo_net::http::Method::GET)
            .build(),
    )
    .await
}

async fn with_body<B: Serialize, T: DeserializeOwned>(
    method: gloo_net::http::Method,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    send(RequestBuilder::new(path).method(method).json(body)).await
}

/// Sends a chosen file as it is, with its name (percent-encoded: headers are ASCII); the
/// server checks what it really is.
async fn upload<T: DeserializeOwned>(path: &str, file: &web_sys::File) -> Result<T, ApiError> {
    let name = String::from(js_sys::encode_uri_component(&file.name()));
    let request = RequestBuilder::new(path)
        .method(gloo_net::http::Method::POST)
        .header("content-type", &file.type_())
        .header("x-file-name", &name)
        .body(wasm_bindgen::JsValue::from(file.clone()));
    send(request).await
}

async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    with_body(gloo_net::http::Method::POST, path, body).await
}

/// A POST from a paired hall device (the kiosk), with its token.
async fn as_device<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    token: &str,
) -> Result<T, ApiError> {
    let request = RequestBuilder::new(path)
        .method(gloo_net::http::Method::POST)
        .header("x-device-token", token)
        .json(body);
    send(request).await
}

async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    with_body(gloo_net::http::Method::PUT, path, body).await
}

pub async fn me() -> Result<SessionInfo, ApiError> {
    get("/api/auth/me").await
}
pub async fn login(req: &LoginRequest) -> Result<SessionInfo, ApiError> {
    post("/api/auth/login", req).await
}
pub async fn register(req: &RegisterRequest) -> Result<SessionInfo, ApiError> {
    post("/api/auth/register", req).await
}
pub async fn logout() -> Result<SessionInfo, ApiError> {
    post("/api/auth/logout", &()).await
}
pub async fn change_password(req: &ChangePasswordRequest) -> Result<SessionInfo, ApiError> {
    put("/api/account/password", req).await
}
pub async fn halls() -> Result<Vec<HallSummary>, ApiError> {
    get("/api/halls").await
}
pub async fn hall(id: &str) -> Result<HallDetail, ApiError> {
    get(&format!("/api/halls/{}", encode(id))).await
}
/// The manager sets a day apart at their hall: other hours, or closed.
pub async fn set_special_day(
    hall: &str,
    date: &str,
    req: &SpecialDayRequest,
) -> Result<SpecialDay, ApiError> {
    let path = format!("/api/halls/{}/special-days/{}", encode(hall), encode(date));
    put(&path, req).await
}
pub async fn remove_special_day(hall: &str, date: &str) -> Result<serde_json::Value, ApiError> {
    let path = format!("/api/halls/{}/special-days/{}", encode(hall), encode(date));
    with_body(
        gloo_net::http::Method::DELETE,
        &path,
        &serde_json::Value::Null,
    )
    .await
}
/// `?hall=…` for the public lists that take a hall, or nothing for every hall.
fn hall_query(hall: Option<&str>) -> String {
    hall.map(|h| format!("?hall={}", encode(h)))
        .unwrap_or_default()
}

pub async fn notices(hall: Option<&str>) -> Result<Vec<Notice>, ApiError> {
    get(&format!("/api/notices{}", hall_query(hall))).await
}
pub async fn staff_notices() -> Result<Vec<Notice>, ApiError> {
    get("/api/staff/notices").await
}
pub async fn create_notice(input: &NoticeInput) -> Result<Notice, ApiError> {
    post("/api/staff/notices", input).await
}
pub async fn update_notice(id: i64, input: &NoticeInput) -> Result<Notice, ApiError> {
    put(&format!("/api/staff/notices/{id}"), input).await
}
pub async fn withdraw_notice(id: i64) -> Result<Notice, ApiError> {
    post(&format!("/api/staff/notices/{id}/withdraw"), &()).await
}
/// The staff and firm accounts, or with `q` the accounts whose login starts with it.
pub async fn users(q: String) -> Result<Vec<User>, ApiError> {
    get(&format!("/api/admin/users?q={}", encode(&q))).await
}
pub async fn create_user(req: &CreateUserRequest) -> Result<User, ApiError> {
    post("/api/admin/users", req).await
}
pub async fn firms() -> Result<Vec<Firm>, ApiError> {
    get("/api/firms").await
}

/// A fresh idempotency key for a check-in or a payment; `source` says where it came from
/// ("web", "kiosk", "pay"). Made once per form, so a retry or double click reuses it.
pub fn idempotency_key(source: &str) -> String {
    format!(
        "{source}-{}-{}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e9) as u64
    )
}

fn encode(segment: &str) -> String {
    js_sys::encode_uri_component(segment).into()
}

/// What to tell a person about an error, in their language: worded by its reason, never by the
/// server's English message.
pub fn describe(err: &ApiError, lang: Lang) -> String {
    crate::i18n::error_msg(err).text(lang).to_string()
}

pub mod queue {
    //! The queue endpoints.
    use super::{get, post, put};
    use domain::follow_ups::{FollowUp, FollowUpBoard, FollowUpInput};
    use domain::queue::protocol::TicketView;
    use domain::queue::requests::{
        CheckInRequest, CounterAction, RateRequest, TicketKey, WatchRequest,
    };
    use domain::ApiError;

    fn key_query(key: &Option<String>) -> String {
        key.as_deref()
            .map(|k| format!("?key={}", super::encode(k)))
            .unwrap_or_default()
    }

    pub async fn check_in(hall: &str, req: &CheckInRequest) -> Result<TicketView, ApiError> {
        post(&format!("/api/halls/{}/tickets", super::encode(hall)), req).await
    }

    /// A check-in from the hall's paired kiosk, which proves itself by its token.
    pub async fn kiosk_check_in(
        hall: &str,
        req: &CheckInRequest,
        token: &str,
    ) -> Result<TicketView, ApiError> {
        let path = format!("/api/halls/{}/tickets", super::encode(hall));
        super::as_device(&path, req, token).await
    }

    /// The kiosk confirms the priority the customer's remote ticket asked for, by its phone.
    pub async fn confirm_at_kiosk(
        hall: &str,
        phone: &str,
        token: &str,
    ) -> Result<TicketView, ApiError> {
        let path = format!("/api/halls/{}/priority-confirmations", super::encode(hall));
        let body = domain::queue::remote::CodeRequest {
            phone: phone.to_string(),
        };
        super::as_device(&path, &body, token).await
    }

    /// Texts a code that confirms `phone` for a remote ticket without an account.
    pub async fn send_code(phone: &str) -> Result<domain::queue::remote::CodeSent, ApiError> {
        let body = domain::queue::remote::CodeRequest {
            phone: phone.to_string(),
        };
        post("/api/phone-codes", &body).await
    }
    pub async fn ticket(hall: &str, id: u32, key: &Option<String>) -> Result<TicketView, ApiError> {
        get(&format!(
            "/api/halls/{}/tickets/{id}{}",
            super::encode(hall),
            key_query(key)
        ))
        .await
    }
    pub async fn cancel(hall: &str, id: u32, key: Option<String>) -> Result<TicketView, ApiError> {
        post(
            &format!("/api/halls/{}/tickets/{id}/cancel", super::encode(hall)),
            &TicketKey { key },
        )
        .await
    }
    pub async fn watch(hall: &str, id: u32, req: &WatchRequest) -> Result<TicketView, ApiError> {
        put(
            &format!("/api/halls/{}/tickets/{id}/watch", super::encode(hall)),
            req,
        )
        .await
    }
    pub async fn rate(hall: &str, id: u32, req: &RateRequest) -> Result<TicketView, ApiError> {
        post(
            &format!("/api/halls/{}/tickets/{id}/rating", super::encode(hall)),
            req,
        )
        .await
    }
    pub async fn follow_ups(hall: &str) -> Result<FollowUpBoard, ApiError> {
        get(&format!("/api/halls/{}/follow-ups", super::encode(hall))).await
    }
    /// Assigns, notes or closes a follow-up.
    pub async fn update_follow_up(
        hall: &str,
        id: i64,
        input: &FollowUpInput,
    ) -> Result<FollowUp, ApiError> {
        let path = format!("/api/halls/{}/follow-ups/{id}", super::encode(hall));
        put(&path, input).await
    }
    /// Opens a complaint work order for the customer who rated.
    pub async fn follow_up_order(hall: &str, id: i64) -> Result<FollowUp, ApiError> {
        let path = format!(
            "/api/halls/{}/follow-ups/{id}/work-order",
            super::encode(hall)
        );
        post(&path, &()).await
    }
    /// The answer's shape depends on the action; screens follow the hall's live feed instead.
    pub async fn act(
        hall: &str,
        counter: u32,
        action: &CounterAction,
    ) -> Result<serde_json::Value, ApiError> {
        post(
            &format!(
                "/api/halls/{}/counters/{counter}/actions",
                super::encode(hall)
            ),
            action,
        )
        .await
    }
}

pub mod appointments {
    //! The appointment endpoints.
    use super::{encode, get, post, put};
    use chrono::{DateTime, Utc};
    use domain::halls::BusinessType;
    use domain::queue::appointments::{AppointmentView, BookRequest, RescheduleRequest, Slot};
    use domain::queue::protocol::TicketView;
    use domain::ApiError;

    pub async fn slots(
        hall: &str,
        business: BusinessType,
        date: &str,
    ) -> Result<Vec<Slot>, ApiError> {
        get(&format!(
            "/api/halls/{}/appointments/slots?business={}&date={date}",
            encode(hall),
            domain::wire::wire_name(&business)
        ))
        .await
    }
    pub async fn book(
        hall: &str,
        business: BusinessType,
        start: DateTime<Utc>,
    ) -> Result<AppointmentView, ApiError> {
        post(
            &format!("/api/halls/{}/appointments", encode(hall)),
            &BookRequest { business, start },
        )
        .await
    }
    pub async fn mine() -> Result<Vec<AppointmentView>, ApiError> {
        get("/api/appointments").await
    }
    pub async fn cancel(id: i64) -> Result<AppointmentView, ApiError> {
        post(&format!("/api/appointments/{id}/cancel"), &()).await
    }
    pub async fn reschedule(id: i64, start: DateTime<Utc>) -> Result<AppointmentView, ApiError> {
        put(
            &format!("/api/appointments/{id}"),
            &RescheduleRequest { start },
        )
        .await
    }
    pub async fn arrive(id: i64) -> Result<TicketView, ApiError> {
        post(&format!("/api/appointments/{id}/arrive"), &()).await
    }
    /// At the hall's kiosk, by the booking's code.
    pub async fn arrive_by_code(hall: &str, code: &str) -> Result<TicketView, ApiError> {
        let body = domain::queue::appointments::ArriveByCode { code: code.into() };
        post(
            &format!("/api/halls/{}/appointments/arrive", encode(hall)),
            &body,
        )
        .await
    }
}

//! The one error type of the API: a code that maps to an HTTP status, a reason the apps word
//! in the user's language, and an English message for logs and other clients.
//! Serialised as `{"error":{"code":"...","reason":"...","message":"..."}}`.

mod reason;

pub use reason::Reason;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not JSON, or not the JSON this endpoint takes.
    InvalidJson,
    /// A field is missing, of the wrong form, or out of range.
    Validation,
    Unauthenticated,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    /// The request conflicts with current state (a duplicate, a finished item).
    Conflict,
    PayloadTooLarge,
    RateLimited,
    /// Something failed on our side; never caused by the request alone.
    Internal,
    /// No answer from the server at all (offline, a dropped connection). Made by the apps'
    /// API client, never sent by the server.
    Unreachable,
}

impl ErrorCode {
    /// The codes of a refusal: what the request got wrong (4xx).
    pub const REFUSALS: [ErrorCode; 9] = [
        ErrorCode::InvalidJson,
        ErrorCode::Validation,
        ErrorCode::Unauthenticated,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::Conflict,
        ErrorCode::PayloadTooLarge,
        ErrorCode::RateLimited,
    ];

    pub fn status(self) -> u16 {
        match self {
            ErrorCode::InvalidJson | ErrorCode::Validation => 400,
            ErrorCode::Unauthenticated => 401,
            ErrorCode::Forbidden => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::Conflict => 409,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::RateLimited => 429,
            ErrorCode::Internal => 500,
            ErrorCode::Unreachable => 503,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    /// Why, as a word: what the apps show is chosen by this, never by `message`.
    #[serde(default = "unknown_reason")]
    pub reason: Reason,
    pub message: String,
    /// The field a validation error is about, so a form can mark it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// The wire shape: the error sits under an `error` key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorBody {
    pub error: ApiError,
}

fn unknown_reason() -> Reason {
    Reason::Unknown
}

impl ApiError {
    /// A refusal for `reason`; its code (and so the status) is the reason's.
    pub fn new(reason: Reason, message: impl Into<String>) -> Self {
        ApiError {
            code: reason.code(),
            reason,
            message: message.into(),
            field: None,
        }
    }
    /// A field that is wrong in the way that field usually is (`Reason::for_field`).
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Self::invalid(field, Reason::for_field(field), message)
    }
    /// A field that is wrong for a reason of its own; `reason` must be a validation reason.
    pub fn invalid(field: &str, reason: Reason, message: impl Into<String>) -> Self {
        debug_assert_eq!(reason.code(), ErrorCode::Validation, "{reason:?}");
        ApiError {
            field: Some(field.to_string()),
            ..Self::new(reason, message)
        }
    }
    pub fn not_found(what: &str) -> Self {
        Self::new(Reason::NotFound, format!("{what} not found"))
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(Reason::Internal, message)
    }
    pub fn status(&self) -> u16 {
        self.code.status()
    }
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: self.clone(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for ApiError {}

pub type ApiResult<T> = Result<T, ApiError>;

/// A required text field, trimmed: 1 to `max` characters, or a validation error naming `what`.
pub fn field_text(field: &str, value: &str, max: usize, what: &str) -> ApiResult<String> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(ApiError::invalid(
            field,
            Reason::Text,
            format!("enter {what} (at most {max} characters)"),
        ));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_under_an_error_key() {
        let json = serde_json::to_value(ApiError::not_found("hall").body()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"error": {"code": "not_found", "reason": "not_found", "message": "hall not found"}})
        );
    }

    #[test]
    fn client_errors_are_4xx() {
        for code in ErrorCode::REFUSALS {
            assert!((400..500).contains(&code.status()), "{code:?}");
        }
    }
}

//! Users and sessions: request and response bodies of the auth, account and admin endpoints
//! (and the health check). Other areas have their bodies in their own modules (`bodies`).

use crate::roles::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Health {
    pub version: String,
    /// "ok" when D1 answered a query.
    pub database: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegisterRequest {
    pub phone: String,
    pub password: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LoginRequest {
    /// A mobile number or a staff login name.
    pub login: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct User {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub role: Role,
    pub phone: Option<String>,
    pub hall_id: Option<String>,
    pub firm_id: Option<i64>,
    /// A key account (大客户), served by an account manager.
    pub key_account: bool,
}

/// The answer of `/api/auth/me`: the signed-in user, or none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionInfo {
    pub user: Option<User>,
}

/// An admin creates every account that is not a customer's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreateUserRequest {
    pub login: String,
    pub name: String,
    pub password: String,
    pub role: Role,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub hall_id: Option<String>,
    #[serde(default)]
    pub firm_id: Option<i64>,
}

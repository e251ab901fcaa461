//! User rows in D1 and the queries on them that auth and admin share.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use domain::users::User;
use domain::{ApiError, Role};
use serde::Deserialize;

pub const USER_COLUMNS: &str =
    "u.id, u.login, u.name, u.role, u.phone, u.hall_id, u.firm_id, u.key_account, u.password_hash";

#[derive(Debug, Deserialize)]
pub struct UserRow {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub role: String,
    pub phone: Option<String>,
    pub hall_id: Option<String>,
    pub firm_id: Option<i64>,
    pub key_account: i64,
    pub password_hash: String,
}

impl UserRow {
    pub fn to_user(&self) -> Result<User> {
        let role = Role::parse(&self.role)
            .ok_or_else(|| ApiError::internal(format!("user {} has an unknown role", self.id)))?;
        Ok(User {
            id: self.id,
            login: self.login.clone(),
            name: self.name.clone(),
            role,
            phone: self.phone.clone(),
            hall_id: self.hall_id.clone(),
            firm_id: self.firm_id,
            key_account: self.key_account != 0,
        })
    }
}

pub async fn find_by_login(db: &Db, login: &str) -> Result<Option<UserRow>> {
    db.first(
        &format!("SELECT {USER_COLUMNS} FROM users u WHERE u.login = ?"),
        args![login],
    )
    .await
}

pub async fn find_by_id(db: &Db, id: i64) -> Result<Option<UserRow>> {
    db.first(
        &format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = ?"),
        args![id],
    )
    .await
}

pub async fn login_taken(db: &Db, login: &str, phone: Option<&str>) -> Result<bool> {
    let row: Option<serde_json::Value> = db
        .first(
            "SELECT id FROM users WHERE login = ?1 OR (?2 IS NOT NULL AND phone = ?2)",
            args![login, phone],
        )
        .await?;
    Ok(row.is_some())
}

/// Records who changed what in the audit log.
pub async fn audit(
    db: &Db,
    actor_id: Option<i64>,
    action: &str,
    subject: &str,
    detail: serde_json::Value,
) -> Result<()> {
    db.run(
        "INSERT INTO audit_log (at, actor_id, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)",
        args![
            crate::db::now().timestamp_millis(),
            actor_id,
            action,
            subject,
            detail.to_string()
        ],
    )
    .await?;
    Ok(())
}

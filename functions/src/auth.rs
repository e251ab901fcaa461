//! Registration, login with throttling, logout, the current session, and password change.

use crate::args;
use crate::crypto::{hash_password, new_token, sha256_hex, verify_password};
use crate::db::Db;
use crate::error::Result;
use crate::http::{client_ip, cookie, ok, read_json, session_cookie, with_cookie, SESSION_COOKIE};
use crate::limits;
use crate::router::Ctx;
use crate::users::{self, UserRow, USER_COLUMNS};
use domain::accounts::{
    check_password, normalise_login, normalise_mobile, normalise_name, SESSION_DAYS,
};
use domain::security::limits::{LOGINS_PER_ACCOUNT, LOGINS_PER_ADDRESS, REGISTRATIONS_PER_ADDRESS};
use domain::users::{ChangePasswordRequest, LoginRequest, RegisterRequest, SessionInfo, User};
use domain::{ApiError, Reason};
use worker::{Request, Response};

// Sessions and login limits run on the real clock, never on a test clock.
const SESSION_MS: i64 = SESSION_DAYS * 24 * 3600 * 1000;

/// The user behind the request's session cookie, if the session is live.
pub async fn session_user(db: &Db, req: &Request, now_ms: i64) -> Result<Option<User>> {
    let Some(token) = cookie(req, SESSION_COOKIE) else {
        return Ok(None);
    };
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?"
    );
    let row: Option<UserRow> = db
        .first(&sql, args![sha256_hex(&token).await?, now_ms])
        .await?;
    row.map(|r| r.to_user()).transpose()
}

/// Starts a session for `user` and answers with it, setting the cookie.
async fn start_session(ctx: &Ctx, user: User, status: u16) -> Result<Response> {
    let token = new_token()?;
    let now = crate::db::now().timestamp_millis();
    ctx.db
        .run(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            args![sha256_hex(&token).await?, user.id, now, now + SESSION_MS],
        )
        .await?;
    // Housekeeping: expired sessions of this user go when a new one starts.
    ctx.db
        .run(
            "DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?",
            args![user.id, now],
        )
        .await?;
    let resp = crate::http::json(status, &SessionInfo { user: Some(user) })?;
    with_cookie(resp, &session_cookie(&ctx.req, &token, SESSION_MS / 1000))
}

pub async fn handle_register(ctx: &mut Ctx) -> Result<Response> {
    let body: RegisterRequest = read_json(&mut ctx.req).await?;
    let phone = normalise_mobile(&body.phone)?;
    check_password(&body.password)?;
    let name = normalise_name(&body.name)?;
    if users::login_taken(&ctx.db, &phone, Some(&phone)).await? {
        return Err(ApiError::new(
            Reason::PhoneTaken,
            "this mobile number is already registered; please log in instead",
        )
        .into());
    }
    let address = client_ip(&ctx.req);
    limits::admit(&ctx.db, &[(&REGISTRATIONS_PER_ADDRESS, &address)]).await?;
    let hash = hash_password(&body.password).await?;
    let written = ctx
        .db
        .run(
            "INSERT INTO users (login, name, role, phone, key_account, password_hash, created_at) VALUES (?1, ?2, 'customer', ?1, 0, ?3, ?4)",
            args![&phone, &name, hash, crate::db::now().timestamp_millis()],
        )
        .await?;
    let user = users::find_by_id(&ctx.db, written.last_row_id)
        .await?
        .ok_or_else(|| ApiError::internal("new user vanished"))?;
    users::audit(
        &ctx.db,
        Some(user.id),
        "user.register",
        &format!("user:{}", user.id),
        serde_json::json!({}),
    )
    .await?;
    start_session(ctx, user.to_user()?, 201).await
}

pub async fn handle_login(ctx: &mut Ctx) -> Result<Response> {
    let body: LoginRequest = read_json(&mut ctx.req).await?;
    let wrong = || ApiError::new(Reason::WrongLogin, "wrong login or password");
    let login = normalise_login(&body.login).map_err(|_| wrong())?;
    let address = client_ip(&ctx.req);
    let counted = [
        (&LOGINS_PER_ACCOUNT, login.as_str()),
        (&LOGINS_PER_ADDRESS, address.as_str()),
    ];
    limits::refuse_if_reached(&ctx.db, &counted).await?;
    let row = users::find_by_login(&ctx.db, &login).await?;
    let stored = row.as_ref().map(|r| r.password_hash.as_str()).unwrap_or("");
    // An unknown login still pays for a hash, so timing does not tell which logins exist.
    let matches = match row {
        Some(_) => verify_password(&body.password, stored).await?,
        None => {
            hash_password(&body.password).await?;
            false
        }
    };
    let Some(row) = row.filter(|_| matches) else {
        limits::count(&ctx.db, &counted).await?;
        return Err(wrong().into());
    };
    limits::clear(&ctx.db, &LOGINS_PER_ACCOUNT, &login).await?;
    start_session(ctx, row.to_user()?, 200).await
}

pub async fn handle_logout(ctx: &mut Ctx) -> Result<Response> {
    if let Some(token) = cookie(&ctx.req, SESSION_COOKIE) {
        ctx.db
            .run(
                "DELETE FROM sessions WHERE token_hash = ?",
                args![sha256_hex(&token).await?],
            )
            .await?;
    }
    let resp = ok(&SessionInfo { user: None })?;
    with_cookie(resp, &session_cookie(&ctx.req, "", 0))
}

pub async fn handle_me(ctx: &mut Ctx) -> Result<Response> {
    ok(&SessionInfo {
        user: ctx.user.clone(),
    })
}

pub async fn handle_change_password(ctx: &mut Ctx) -> Result<Response> {
    let body: ChangePasswordRequest = read_json(&mut ctx.req).await?;
    let user = ctx.signed_in()?;
    check_password(&body.new_password).map_err(|e| ApiError {
        field: Some("new_password".into()),
        ..e
    })?;
    let row = users::find_by_id(&ctx.db, user.id)
        .await?
        .ok_or_else(|| ApiError::not_found("user"))?;
    if !verify_password(&body.current_password, &row.password_hash).await? {
        return Err(
            ApiError::validation("current_password", "the current password is wrong").into(),
        );
    }
    let hash = hash_password(&body.new_password).await?;
    ctx.db
        .run(
            "UPDATE users SET password_hash = ? WHERE id = ?",
            args![hash, user.id],
        )
        .await?;
    // Every other session of this user ends; this one stays.
    let current = sha256_hex(&cookie(&ctx.req, SESSION_COOKIE).unwrap_or_default()).await?;
    ctx.db
        .run(
            "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
            args![user.id, current],
        )
        .await?;
    users::audit(
        &ctx.db,
        Some(user.id),
        "user.password",
        &format!("user:{}", user.id),
        serde_json::json!({}),
    )
    .await?;
    ok(&SessionInfo { user: Some(user) })
}

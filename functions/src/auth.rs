//! Registration, login with throttling, logout, the current session, and password change.

use crate::args;
use crate::crypto::{hash_password, new_token, sha256_hex, verify_password};
use crate::db::Db;
use crate::error::Result;
use crate::http::{client_ip, cookie, ok, read_json, session_cookie, with_cookie, SESSION_COOKIE};
use crate::router::Ctx;
use crate::users::{self, UserRow, USER_COLUMNS};
use domain::accounts::{
    check_password, normalise_login, normalise_mobile, normalise_name, FailureWindow, Throttle,
    ACCOUNT_THROTTLE, IP_THROTTLE, SESSION_DAYS,
};
use domain::api::{ChangePasswordRequest, LoginRequest, RegisterRequest, SessionInfo, User};
use domain::{ApiError, Reason};
use worker::{Request, Response};

// Sessions and login throttling run on the real clock, never on a test clock.
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

async fn failure_window(db: &Db, key: &str) -> Result<Option<FailureWindow>> {
    db.first(
        "SELECT window_start, failures FROM login_failures WHERE key = ?",
        args![key],
    )
    .await
}

pub(crate) async fn record_failure(
    db: &Db,
    throttle: &Throttle,
    key: &str,
    now_ms: i64,
) -> Result<()> {
    let next = throttle.record_failure(failure_window(db, key).await?, now_ms);
    db.run(
        "INSERT INTO login_failures (key, window_start, failures) VALUES (?1, ?2, ?3) \
         ON CONFLICT(key) DO UPDATE SET window_start = ?2, failures = ?3",
        args![key, next.window_start, next.failures as i64],
    )
    .await?;
    Ok(())
}

/// Refuses with 429 and `reason` while `key` has used up its failures; `what` names them in
/// the message.
pub(crate) async fn refuse_if_throttled(
    db: &Db,
    throttle: &Throttle,
    key: &str,
    now_ms: i64,
    (reason, what): (Reason, &str),
) -> Result<()> {
    if let Some(secs) = throttle.retry_after(failure_window(db, key).await?, now_ms) {
        let minutes = (secs + 59) / 60;
        return Err(ApiError::new(
            reason,
            format!("too many {what}; try again in {minutes} minute(s)"),
        )
        .into());
    }
    Ok(())
}

pub async fn handle_login(ctx: &mut Ctx) -> Result<Response> {
    let body: LoginRequest = read_json(&mut ctx.req).await?;
    let wrong = || ApiError::new(Reason::WrongLogin, "wrong login or password");
    let login = normalise_login(&body.login).map_err(|_| wrong())?;
    let now = crate::db::now().timestamp_millis();
    let keys = [
        (ACCOUNT_THROTTLE, format!("account:{login}")),
        (IP_THROTTLE, format!("ip:{}", client_ip(&ctx.req))),
    ];
    for (throttle, key) in &keys {
        refuse_if_throttled(
            &ctx.db,
            throttle,
            key,
            now,
            (Reason::TooManyLogins, "failed logins"),
        )
        .await?;
    }
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
        for (throttle, key) in &keys {
            record_failure(&ctx.db, throttle, key, now).await?;
        }
        return Err(wrong().into());
    };
    ctx.db
        .run(
            "DELETE FROM login_failures WHERE key = ?",
            args![&keys[0].1],
        )
        .await?;
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

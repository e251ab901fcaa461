//! The administrator's user management: list users, create staff, manager, admin and firm accounts.

use crate::args;
use crate::crypto::hash_password;
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{created, ok, query_param, read_json};
use crate::router::Ctx;
use crate::users::{self, UserRow, USER_COLUMNS};
use domain::accounts::{check_password, normalise_login, normalise_mobile, normalise_name};
use domain::firms::FirmKind;
use domain::users::{CreateUserRequest, User};
use domain::{ApiError, Reason, Role};
use serde::Deserialize;
use worker::Response;

/// The utility's and the firms' accounts (everyone but customers), or with `?q=` the accounts
/// whose login starts with it (a customer's mobile, a staff login). Each reads an index, however
/// many customers register.
pub async fn handle_list_users(ctx: &mut Ctx) -> Result<Response> {
    let q = query_param(&ctx.req, "q")?
        .map(|q| q.trim().to_string())
        .filter(|q| !q.is_empty());
    let rows: Vec<UserRow> = match q {
        Some(q) => {
            // Every login starting with q sorts between q and q followed by the last character.
            let sql = format!(
                "SELECT {USER_COLUMNS} FROM users u WHERE u.login >= ?1 AND u.login < ?1 || char(1114111) \
                 ORDER BY u.login LIMIT {FOUND}"
            );
            ctx.db.all(&sql, args![q]).await?
        }
        None => {
            let workforce: Vec<String> = Role::ALL
                .iter()
                .filter(|r| **r != Role::Customer)
                .map(|r| format!("'{}'", r.as_str()))
                .collect();
            let sql = format!(
                "SELECT {USER_COLUMNS} FROM users u WHERE u.role IN ({}) ORDER BY u.role, u.login",
                workforce.join(", ")
            );
            ctx.db.all(&sql, args![]).await?
        }
    };
    ok(&rows
        .iter()
        .map(UserRow::to_user)
        .collect::<Result<Vec<User>>>()?)
}

/// The most accounts a search shows: type more of the login to narrow it.
const FOUND: u32 = 50;

#[derive(Deserialize)]
struct FirmKindRow {
    kind: String,
}

/// A hall role needs a hall, a firm role a firm of its own kind, and no one else either.
async fn check_affiliation(ctx: &Ctx, body: &CreateUserRequest) -> Result<()> {
    match (body.role, &body.hall_id, body.firm_id) {
        (Role::Customer, _, _) => {
            Err(ApiError::validation("role", "customers register themselves").into())
        }
        (role, Some(hall), None) if role.needs_hall() => hall_name(&ctx.db, hall).await.map(|_| ()),
        (role, None, _) if role.needs_hall() => {
            Err(ApiError::validation("hall_id", "hall staff need a hall").into())
        }
        (role, None, Some(firm)) if role.is_firm() => {
            let row: Option<FirmKindRow> = ctx
                .db
                .first("SELECT kind FROM firms WHERE id = ?", args![firm])
                .await?;
            let kind = row.ok_or_else(|| ApiError::not_found("firm"))?.kind;
            match FirmKind::parse(&kind) {
                Some(k) if k.role() == role => Ok(()),
                _ => Err(ApiError::validation(
                    "firm_id",
                    format!("that firm is a {kind} firm, not {}", role.as_str()),
                )
                .into()),
            }
        }
        (role, None, None) if role.is_firm() => {
            Err(ApiError::validation("firm_id", "firm users need a firm").into())
        }
        (Role::Admin, None, None) => Ok(()),
        _ => Err(ApiError::validation(
            "role",
            "this role takes neither a hall nor a firm of that kind",
        )
        .into()),
    }
}

pub async fn handle_create_user(ctx: &mut Ctx) -> Result<Response> {
    let mut body: CreateUserRequest = read_json(&mut ctx.req).await?;
    body.login = normalise_login(&body.login)?;
    body.name = normalise_name(&body.name)?;
    check_password(&body.password)?;
    body.phone = body
        .phone
        .as_deref()
        .filter(|p| !p.trim().is_empty())
        .map(normalise_mobile)
        .transpose()?;
    check_affiliation(ctx, &body).await?;
    if users::login_taken(&ctx.db, &body.login, body.phone.as_deref()).await? {
        return Err(ApiError::new(
            Reason::Duplicate,
            "that login or phone number is already in use",
        )
        .into());
    }
    let hash = hash_password(&body.password).await?;
    let written = ctx
        .db
        .run(
            "INSERT INTO users (login, name, role, phone, hall_id, firm_id, key_account, password_hash, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
            args![&body.login, &body.name, body.role.as_str(), body.phone.as_deref(), body.hall_id.as_deref(), body.firm_id, hash, ctx.now.timestamp_millis()],
        )
        .await?;
    let user = users::find_by_id(&ctx.db, written.last_row_id)
        .await?
        .ok_or_else(|| ApiError::internal("new user vanished"))?
        .to_user()?;
    let actor = ctx.actor()?;
    users::audit(
        &ctx.db,
        Some(actor.user_id),
        "user.create",
        &format!("user:{}", user.id),
        serde_json::json!({ "after": user }),
    )
    .await?;
    created(&user)
}

//! Applications and work orders: a customer's cases, each handled by the staff of its hall.
//! Both carry files (documents, photos) stored in R2 under the case and listed in `case_files`.

pub mod applications;
pub mod work_orders;

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::router::Ctx;
use crate::video::files::{file_param, serve, store_upload};
use domain::policy::{may_see_case, Actor};
use domain::video::files::FileRef;
use domain::{ApiError, ErrorCode, Role};
use worker::Response;

#[derive(Debug, Clone, Copy)]
pub enum CaseKind {
    Application,
    WorkOrder,
}

impl CaseKind {
    fn as_str(self) -> &'static str {
        match self {
            CaseKind::Application => "application",
            CaseKind::WorkOrder => "work_order",
        }
    }

    fn prefix(self, id: i64) -> String {
        format!("cases/{}/{id}", self.as_str())
    }
}

/// Which cases a list shows: a customer's own, a hall's, or (admin) all, as SQL parameters
/// `(customer, hall)` for `(?1 IS NULL OR customer_id = ?1) AND (?2 IS NULL OR hall_id = ?2)`.
pub fn scope(actor: &Actor) -> (Option<i64>, Option<String>) {
    match actor.role {
        Role::Customer => (Some(actor.user_id), None),
        Role::Admin => (None, None),
        _ => (None, Some(actor.hall_id.clone().unwrap_or_default())),
    }
}

/// Refuses a caller who may not see a case of `customer_id` in `hall_id`.
pub fn check_sees(actor: &Actor, customer_id: i64, hall_id: &str, what: &str) -> Result<()> {
    if actor.role == Role::Customer && actor.user_id != customer_id {
        return Err(ApiError::not_found(what).into());
    }
    if !may_see_case(actor, customer_id, hall_id) {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            format!("this {what} is another hall's"),
        )
        .into());
    }
    Ok(())
}

pub async fn case_files(db: &Db, kind: CaseKind, id: i64) -> Result<Vec<FileRef>> {
    db.all(
        "SELECT id, name, content_type, size FROM case_files WHERE case_kind = ? AND case_id = ? ORDER BY at, id",
        args![kind.as_str(), id],
    )
    .await
}

/// Stores the request's file under the case, refusing past `max` files.
pub async fn add_case_file(ctx: &mut Ctx, kind: CaseKind, id: i64, max: usize) -> Result<FileRef> {
    if case_files(&ctx.db, kind, id).await?.len() >= max {
        return Err(ApiError::conflict(format!("at most {max} files can be added here")).into());
    }
    let file = store_upload(ctx, &kind.prefix(id)).await?;
    ctx.db
        .run(
            "INSERT INTO case_files (id, case_kind, case_id, name, content_type, size, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            args![&file.id, kind.as_str(), id, &file.name, &file.content_type, file.size as i64, ctx.now.timestamp_millis()],
        )
        .await?;
    Ok(file)
}

/// Serves the case's file named by the path's second parameter.
pub async fn serve_case_file(ctx: &Ctx, kind: CaseKind, id: i64) -> Result<Response> {
    let file = file_param(ctx, 1)?;
    serve(ctx, &kind.prefix(id), &file).await
}

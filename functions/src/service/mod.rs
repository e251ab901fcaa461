//! Applications and work orders: a customer's cases, each handled by the staff of its hall.
//! Both carry files (documents, photos) stored in R2 under the case and listed in `case_files`.

pub mod applications;
mod case_loading;
pub mod work_orders;

use crate::args;
use crate::db::{Arg, Db};
use crate::error::Result;
use crate::files::{file_param, serve, store_upload};
use crate::notify::{tell, Envelope};
use crate::router::Ctx;
use domain::files::FileRef;
use domain::notify::inbox::CaseKind;
use domain::notify::texts::Message;
use domain::policy::{may_see_case, Actor};
use domain::wire::wire_name;
use domain::{ApiError, Reason, Role};
use worker::Response;

/// Where a case's files live in R2: `cases/{kind}/{id}`.
fn prefix(kind: CaseKind, id: i64) -> String {
    format!("cases/{}/{id}", wire_name(&kind))
}

/// Tells the customer of a staff member's step on their application or work order.
pub async fn tell_of_step(
    ctx: &Ctx,
    kind: CaseKind,
    id: i64,
    customer: i64,
    message: Message,
) -> Result<()> {
    let envelope = step_envelope(kind, id, message, ctx.now.timestamp_millis());
    tell(&ctx.db, &ctx.env, &[customer], &envelope).await
}

fn step_envelope(kind: CaseKind, id: i64, message: Message, at: i64) -> Envelope {
    let path = match kind {
        CaseKind::WorkOrder => "work-orders",
        _ => "applications",
    };
    Envelope {
        message_id: format!("{}:{id}:{at}", wire_name(&kind)),
        case_kind: kind,
        case_id: id.to_string(),
        link: Some(format!("/{path}/{id}")),
        message,
        at,
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

/// The cases a list shows, as one condition per viewer (so each is served by its index) and
/// its one value `?1`: a customer's own (`customer_sees`), a hall's for its staff
/// (`hall_column = ?1`), every hall's for the admin.
pub fn listed(actor: &Actor, customer_sees: &str, hall_column: &str) -> (String, Vec<Arg>) {
    match scope(actor) {
        (Some(customer), _) => (customer_sees.to_string(), args![customer]),
        (None, Some(hall)) => (format!("{hall_column} = ?1"), args![hall]),
        (None, None) => ("1 = 1".to_string(), Vec::new()),
    }
}

/// Refuses a caller who may not see a case of `customer_id` in `hall_id`.
pub fn check_sees(actor: &Actor, customer_id: i64, hall_id: &str, what: &str) -> Result<()> {
    if actor.role == Role::Customer && actor.user_id != customer_id {
        return Err(ApiError::not_found(what).into());
    }
    if !may_see_case(actor, customer_id, hall_id) {
        return Err(
            ApiError::new(Reason::OtherHall, format!("this {what} is another hall's")).into(),
        );
    }
    Ok(())
}

/// The files of several cases of one kind in one query, by case.
pub async fn case_files_of(
    db: &Db,
    kind: CaseKind,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<FileRef>>> {
    db.grouped(
        "SELECT case_id AS key, json_object('id', id, 'name', name, 'content_type', content_type, \
         'size', size) AS item FROM case_files \
         WHERE case_kind = ?1 AND case_id IN (SELECT value FROM json_each(?2)) ORDER BY at, id",
        args![wire_name(&kind), serde_json::to_string(ids)?],
    )
    .await
}

/// The files of one case.
pub async fn case_files(db: &Db, kind: CaseKind, id: i64) -> Result<Vec<FileRef>> {
    Ok(case_files_of(db, kind, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default())
}

/// Stores the request's file under the case, refusing past `max` files.
pub async fn add_case_file(ctx: &mut Ctx, kind: CaseKind, id: i64, max: usize) -> Result<FileRef> {
    if case_files(&ctx.db, kind, id).await?.len() >= max {
        return Err(ApiError::new(
            Reason::FileLimit,
            format!("at most {max} files can be added here"),
        )
        .into());
    }
    let file = store_upload(ctx, &prefix(kind, id)).await?;
    ctx.db
        .run(
            "INSERT INTO case_files (id, case_kind, case_id, name, content_type, size, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            args![&file.id, wire_name(&kind), id, &file.name, &file.content_type, file.size as i64, ctx.now.timestamp_millis()],
        )
        .await?;
    Ok(file)
}

/// Serves the case's file named by the path's second parameter.
pub async fn serve_case_file(ctx: &Ctx, kind: CaseKind, id: i64) -> Result<Response> {
    let file = file_param(ctx, 1)?;
    serve(ctx, &prefix(kind, id), &file).await
}

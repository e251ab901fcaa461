//! Follow-ups: low ratings waiting for the hall manager, and marking them handled.

use crate::args;
use crate::error::Result;
use crate::halls::managed_hall;
use crate::http::{ok, parse_id};
use crate::router::Ctx;
use crate::users::audit;
use domain::queue::requests::FollowUp;
use domain::{ApiError, Reason};
use serde::Deserialize;
use worker::Response;

#[derive(Deserialize)]
struct Row {
    id: i64,
    day: String,
    ticket_id: i64,
    number: String,
    stars: i64,
    comment: String,
    created_at: i64,
    resolved_at: Option<i64>,
}

const SELECT: &str =
    "SELECT id, day, ticket_id, number, stars, comment, created_at, resolved_at FROM follow_ups";

impl Row {
    fn into_follow_up(self) -> FollowUp {
        FollowUp {
            id: self.id,
            day: self.day,
            ticket_id: self.ticket_id as u32,
            number: self.number,
            stars: self.stars as u8,
            comment: self.comment,
            created_at: self.created_at,
            resolved_at: self.resolved_at,
        }
    }
}

/// Open follow-ups first, then the latest handled ones.
pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let rows: Vec<Row> = ctx
        .db
        .all(&format!("{SELECT} WHERE hall_id = ? ORDER BY resolved_at IS NOT NULL, created_at DESC LIMIT 200"), args![&hall])
        .await?;
    ok(&rows
        .into_iter()
        .map(Row::into_follow_up)
        .collect::<Vec<_>>())
}

pub async fn handle_resolve(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let id = parse_id(ctx.matched.param_at(1), "follow-up")?;
    let row: Option<Row> = ctx
        .db
        .first(
            &format!("{SELECT} WHERE id = ? AND hall_id = ?"),
            args![id, &hall],
        )
        .await?;
    let row = row.ok_or_else(|| ApiError::not_found("follow-up"))?;
    if row.resolved_at.is_some() {
        return Err(ApiError::new(Reason::AlreadyDone, "this follow-up is already handled").into());
    }
    ctx.db
        .run(
            "UPDATE follow_ups SET resolved_at = ? WHERE id = ?",
            args![ctx.now.timestamp_millis(), id],
        )
        .await?;
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "follow_up.resolve",
        &format!("follow_up:{id}"),
        serde_json::json!({}),
    )
    .await?;
    let row: Option<Row> = ctx
        .db
        .first(&format!("{SELECT} WHERE id = ?"), args![id])
        .await?;
    ok(&row
        .ok_or_else(|| ApiError::not_found("follow-up"))?
        .into_follow_up())
}

//! Notices: the public list of what is published now, and the hall manager's create, edit and
//! withdraw. Whether a notice shows is decided by `domain::notices::notice_state`.

use crate::args;
use crate::db::{from_ms, Arg, Db};
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{created, ok, parse_id, query_param, read_json};
use crate::router::Ctx;
use crate::users::audit;
use chrono::{DateTime, Utc};
use domain::notices::{notice_state, Notice, NoticeInput, NoticeState};
use domain::policy::{console_hall, may_manage_notice, Actor};
use domain::{ApiError, Reason};
use serde::Deserialize;
use serde_json::json;
use worker::Response;

#[derive(Deserialize)]
struct NoticeRow {
    id: i64,
    hall_id: Option<String>,
    hall_name: Option<String>,
    title: String,
    body: String,
    starts_at: i64,
    ends_at: Option<i64>,
    withdrawn_at: Option<i64>,
    updated_at: i64,
}

const SELECT: &str =
    "SELECT n.id, n.hall_id, h.name AS hall_name, n.title, n.body, n.starts_at, n.ends_at, \
    n.withdrawn_at, n.updated_at FROM notices n LEFT JOIN halls h ON h.id = n.hall_id";

impl NoticeRow {
    fn into_notice(self, now: DateTime<Utc>) -> Notice {
        let (starts_at, ends_at, withdrawn_at) = (
            from_ms(self.starts_at),
            self.ends_at.map(from_ms),
            self.withdrawn_at.map(from_ms),
        );
        Notice {
            state: notice_state(starts_at, ends_at, withdrawn_at, now),
            id: self.id,
            hall_id: self.hall_id,
            hall_name: self.hall_name,
            title: self.title,
            body: self.body,
            starts_at,
            ends_at,
            withdrawn_at,
            updated_at: from_ms(self.updated_at),
        }
    }
}

async fn load(db: &Db, id: i64, now: DateTime<Utc>) -> Result<Notice> {
    let row: Option<NoticeRow> = db
        .first(&format!("{SELECT} WHERE n.id = ?"), args![id])
        .await?;
    Ok(row
        .ok_or_else(|| ApiError::not_found("notice"))?
        .into_notice(now))
}

/// Published notices, newest first; with `?hall=` only that hall's and the city-wide ones.
pub async fn handle_list_published(ctx: &mut Ctx) -> Result<Response> {
    let hall = query_param(&ctx.req, "hall")?;
    if let Some(hall) = &hall {
        hall_name(&ctx.db, hall).await?;
    }
    let now_ms = ctx.now.timestamp_millis();
    let rows: Vec<NoticeRow> = ctx
        .db
        .all(
            &format!(
                "{SELECT} WHERE n.withdrawn_at IS NULL AND n.starts_at <= ?1 AND (n.ends_at IS NULL OR n.ends_at > ?1) \
                 AND (?2 IS NULL OR n.hall_id IS NULL OR n.hall_id = ?2) ORDER BY n.starts_at DESC, n.id DESC LIMIT 100"
            ),
            args![now_ms, hall],
        )
        .await?;
    let notices: Vec<Notice> = rows
        .into_iter()
        .map(|r| r.into_notice(ctx.now))
        .filter(|n| n.state == NoticeState::Published)
        .collect();
    ok(&notices)
}

/// Every notice the caller can see in the console: a manager's hall and the city-wide ones; all for an admin.
pub async fn handle_list_for_staff(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let hall = console_hall(&actor);
    let rows: Vec<NoticeRow> = ctx
        .db
        .all(
            &format!("{SELECT} WHERE (?1 IS NULL OR n.hall_id IS NULL OR n.hall_id = ?1) ORDER BY n.starts_at DESC, n.id DESC LIMIT 500"),
            args![hall],
        )
        .await?;
    ok(&rows
        .into_iter()
        .map(|r| r.into_notice(ctx.now))
        .collect::<Vec<_>>())
}

/// Refuses unless the actor may manage notices of `hall`; an unknown hall is 404.
pub(crate) async fn check_may_manage(db: &Db, actor: &Actor, hall: Option<&str>) -> Result<()> {
    if !may_manage_notice(actor, hall) {
        let message = match hall {
            None => "only an administrator may publish for every hall",
            Some(_) => "you may only publish for your own hall",
        };
        return Err(ApiError::new(Reason::OtherHall, message).into());
    }
    if let Some(hall) = hall {
        hall_name(db, hall).await?;
    }
    Ok(())
}

/// The submitted fields in column order: hall_id, title, body, starts_at, ends_at.
fn field_values(input: &NoticeInput) -> Vec<Arg> {
    args![
        input.hall_id.as_deref(),
        &input.title,
        &input.body,
        input.starts_at.timestamp_millis(),
        input.ends_at.map(|t| t.timestamp_millis())
    ]
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input = read_json::<NoticeInput>(&mut ctx.req).await?.normalised()?;
    let actor = ctx.actor()?;
    check_may_manage(&ctx.db, &actor, input.hall_id.as_deref()).await?;
    let mut values = field_values(&input);
    values.extend(args![actor.user_id, ctx.now.timestamp_millis()]);
    let written = ctx
        .db
        .run(
            "INSERT INTO notices (hall_id, title, body, starts_at, ends_at, withdrawn_at, created_by, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, ?7)",
            values,
        )
        .await?;
    let notice = load(&ctx.db, written.last_row_id, ctx.now).await?;
    audit(
        &ctx.db,
        Some(actor.user_id),
        "notice.create",
        &format!("notice:{}", notice.id),
        json!({ "after": notice }),
    )
    .await?;
    created(&notice)
}

pub async fn handle_update(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "notice")?;
    let input = read_json::<NoticeInput>(&mut ctx.req).await?.normalised()?;
    let actor = ctx.actor()?;
    let before = load(&ctx.db, id, ctx.now).await?;
    check_may_manage(&ctx.db, &actor, before.hall_id.as_deref()).await?;
    check_may_manage(&ctx.db, &actor, input.hall_id.as_deref()).await?;
    if before.state == NoticeState::Withdrawn {
        return Err(ApiError::new(
            Reason::Withdrawn,
            "this notice was withdrawn; create a new one instead",
        )
        .into());
    }
    let mut values = field_values(&input);
    values.extend(args![ctx.now.timestamp_millis(), id]);
    ctx.db
        .run(
            "UPDATE notices SET hall_id = ?, title = ?, body = ?, starts_at = ?, ends_at = ?, updated_at = ? WHERE id = ?",
            values,
        )
        .await?;
    let after = load(&ctx.db, id, ctx.now).await?;
    audit(
        &ctx.db,
        Some(actor.user_id),
        "notice.update",
        &format!("notice:{id}"),
        json!({ "before": before, "after": after }),
    )
    .await?;
    ok(&after)
}

pub async fn handle_withdraw(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "notice")?;
    let actor = ctx.actor()?;
    let before = load(&ctx.db, id, ctx.now).await?;
    check_may_manage(&ctx.db, &actor, before.hall_id.as_deref()).await?;
    if before.state == NoticeState::Withdrawn {
        return Err(ApiError::new(Reason::Withdrawn, "this notice is already withdrawn").into());
    }
    let now_ms = ctx.now.timestamp_millis();
    ctx.db
        .run(
            "UPDATE notices SET withdrawn_at = ?1, updated_at = ?1 WHERE id = ?2",
            args![now_ms, id],
        )
        .await?;
    let after = load(&ctx.db, id, ctx.now).await?;
    audit(
        &ctx.db,
        Some(actor.user_id),
        "notice.withdraw",
        &format!("notice:{id}"),
        json!({ "before": before.state, "after": after.state }),
    )
    .await?;
    ok(&after)
}

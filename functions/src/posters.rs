//! Posters: the public list of what is in rotation now, the manager's create, edit and
//! withdraw, and poster images in R2 (type-checked by their bytes, at most 5 MiB).

use crate::args;
use crate::crypto::random_hex;
use crate::db::{from_ms, Arg, Db};
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{created, ok, parse_id, query_param, read_body, read_json};
use crate::router::Ctx;
use crate::users::audit;
use chrono::{DateTime, Utc};
use domain::content::{
    check_image, is_image_key, ImageKind, ImageUploaded, Poster, PosterInput, MAX_IMAGE_BYTES,
};
use domain::notices::{notice_state, NoticeState};
use domain::policy::{console_hall, may_target_halls, Actor};
use domain::{ApiError, Reason};
use serde::Deserialize;
use serde_json::json;
use worker::{HttpMetadata, Response};

const SELECT: &str = "SELECT id, hall_ids_json, title, body, image_key, starts_at, ends_at, position, withdrawn_at FROM posters";

#[derive(Deserialize)]
struct Row {
    id: i64,
    hall_ids_json: String,
    title: String,
    body: String,
    image_key: Option<String>,
    starts_at: i64,
    ends_at: Option<i64>,
    position: i64,
    withdrawn_at: Option<i64>,
}

impl Row {
    fn into_poster(self, now: DateTime<Utc>) -> Poster {
        let (starts_at, ends_at, withdrawn_at) = (
            from_ms(self.starts_at),
            self.ends_at.map(from_ms),
            self.withdrawn_at.map(from_ms),
        );
        Poster {
            id: self.id,
            hall_ids: serde_json::from_str(&self.hall_ids_json).unwrap_or_default(),
            title: self.title,
            body: self.body,
            image_key: self.image_key,
            starts_at,
            ends_at,
            position: self.position as i32,
            withdrawn_at,
            state: notice_state(starts_at, ends_at, withdrawn_at, now),
        }
    }
}

/// Posters shown in the hall bound to `param` (any, when it is NULL): at it or at every hall.
fn in_hall(param: &str) -> String {
    format!("({param} IS NULL OR hall_ids_json = '[]' OR EXISTS (SELECT 1 FROM json_each(hall_ids_json) WHERE value = {param}))")
}

/// In rotation now, in their order; with `?hall=` only that hall's and those for every hall.
pub async fn handle_list_published(ctx: &mut Ctx) -> Result<Response> {
    let hall = query_param(&ctx.req, "hall")?;
    if let Some(hall) = &hall {
        hall_name(&ctx.db, hall).await?;
    }
    let rows: Vec<Row> = ctx
        .db
        .all(
            &format!("{SELECT} WHERE withdrawn_at IS NULL AND starts_at <= ?1 AND (ends_at IS NULL OR ends_at > ?1) AND {} ORDER BY position, id LIMIT 50", in_hall("?2")),
            args![ctx.now.timestamp_millis(), hall],
        )
        .await?;
    ok(&rows
        .into_iter()
        .map(|r| r.into_poster(ctx.now))
        .collect::<Vec<_>>())
}

/// The console's list: a manager's hall (with the posters for every hall); all for an admin.
pub async fn handle_list_for_staff(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let hall = console_hall(&actor);
    let rows: Vec<Row> = ctx
        .db
        .all(
            &format!("{SELECT} WHERE {} ORDER BY withdrawn_at IS NOT NULL, position, starts_at DESC LIMIT 500", in_hall("?1")),
            args![hall],
        )
        .await?;
    ok(&rows
        .into_iter()
        .map(|r| r.into_poster(ctx.now))
        .collect::<Vec<_>>())
}

async fn load(db: &Db, id: i64, now: DateTime<Utc>) -> Result<Poster> {
    let row: Option<Row> = db
        .first(&format!("{SELECT} WHERE id = ?"), args![id])
        .await?;
    Ok(row
        .ok_or_else(|| ApiError::not_found("poster"))?
        .into_poster(now))
}

async fn check_may_target(db: &Db, actor: &Actor, halls: &[String]) -> Result<()> {
    if !may_target_halls(actor, halls) {
        return Err(ApiError::new(
            Reason::OtherHall,
            "you may only publish posters for your own hall",
        )
        .into());
    }
    for hall in halls {
        hall_name(db, hall).await?;
    }
    Ok(())
}

/// The submitted fields in column order.
fn field_values(input: &PosterInput) -> Result<Vec<Arg>> {
    Ok(args![
        serde_json::to_string(&input.hall_ids)?,
        &input.title,
        &input.body,
        input.image_key.as_deref(),
        input.starts_at.timestamp_millis(),
        input.ends_at.map(|t| t.timestamp_millis()),
        input.position as i64
    ])
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input = read_json::<PosterInput>(&mut ctx.req).await?.normalised()?;
    let actor = ctx.actor()?;
    check_may_target(&ctx.db, &actor, &input.hall_ids).await?;
    let mut values = field_values(&input)?;
    values.extend(args![actor.user_id, ctx.now.timestamp_millis()]);
    let written = ctx
        .db
        .run(
            "INSERT INTO posters (hall_ids_json, title, body, image_key, starts_at, ends_at, position, created_by, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            values,
        )
        .await?;
    let poster = load(&ctx.db, written.last_row_id, ctx.now).await?;
    audit(
        &ctx.db,
        Some(actor.user_id),
        "poster.create",
        &format!("poster:{}", poster.id),
        json!({ "after": poster }),
    )
    .await?;
    created(&poster)
}

pub async fn handle_update(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "poster")?;
    let input = read_json::<PosterInput>(&mut ctx.req).await?.normalised()?;
    let actor = ctx.actor()?;
    let before = load(&ctx.db, id, ctx.now).await?;
    check_may_target(&ctx.db, &actor, &before.hall_ids).await?;
    check_may_target(&ctx.db, &actor, &input.hall_ids).await?;
    if before.state == NoticeState::Withdrawn {
        return Err(ApiError::new(
            Reason::Withdrawn,
            "this poster was withdrawn; create a new one instead",
        )
        .into());
    }
    let mut values = field_values(&input)?;
    values.extend(args![ctx.now.timestamp_millis(), id]);
    ctx.db
        .run(
            "UPDATE posters SET hall_ids_json = ?, title = ?, body = ?, image_key = ?, starts_at = ?, ends_at = ?, position = ?, updated_at = ? WHERE id = ?",
            values,
        )
        .await?;
    let after = load(&ctx.db, id, ctx.now).await?;
    audit(
        &ctx.db,
        Some(actor.user_id),
        "poster.update",
        &format!("poster:{id}"),
        json!({ "before": before, "after": after }),
    )
    .await?;
    ok(&after)
}

pub async fn handle_withdraw(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "poster")?;
    let actor = ctx.actor()?;
    let before = load(&ctx.db, id, ctx.now).await?;
    check_may_target(&ctx.db, &actor, &before.hall_ids).await?;
    if before.state == NoticeState::Withdrawn {
        return Err(ApiError::new(Reason::Withdrawn, "this poster is already withdrawn").into());
    }
    ctx.db
        .run(
            "UPDATE posters SET withdrawn_at = ?1, updated_at = ?1 WHERE id = ?2",
            args![ctx.now.timestamp_millis(), id],
        )
        .await?;
    let after = load(&ctx.db, id, ctx.now).await?;
    audit(
        &ctx.db,
        Some(actor.user_id),
        "poster.withdraw",
        &format!("poster:{id}"),
        json!({}),
    )
    .await?;
    ok(&after)
}

/// Stores an image's bytes (the body, any content type claimed) under a fresh random key.
pub async fn handle_upload_image(ctx: &mut Ctx) -> Result<Response> {
    let too_large = "the image is larger than 5 MiB; make it smaller and upload it again";
    let bytes = read_body(&mut ctx.req, MAX_IMAGE_BYTES, too_large).await?;
    let kind = check_image(&bytes)?;
    let key = format!("{}.{}", random_hex()?, kind.extension());
    let metadata = HttpMetadata {
        content_type: Some(kind.content_type().into()),
        ..Default::default()
    };
    ctx.env
        .bucket("FILES")?
        .put(format!("posters/{key}"), bytes)
        .http_metadata(metadata)
        .execute()
        .await?;
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "poster.image",
        &format!("poster-image:{key}"),
        json!({}),
    )
    .await?;
    created(&ImageUploaded { key })
}

/// Serves a poster image; keys are random and never reused, so it may be cached for good.
pub async fn handle_image(ctx: &mut Ctx) -> Result<Response> {
    let key = ctx.matched.param();
    let kind = key
        .rsplit_once('.')
        .and_then(|(_, ext)| ImageKind::from_extension(ext))
        .filter(|_| is_image_key(key))
        .ok_or_else(|| ApiError::not_found("image"))?;
    let object = ctx
        .env
        .bucket("FILES")?
        .get(format!("posters/{key}"))
        .execute()
        .await?
        .ok_or_else(|| ApiError::not_found("image"))?;
    let bytes = match object.body() {
        Some(body) => body.bytes().await?,
        None => return Err(ApiError::not_found("image").into()),
    };
    let mut resp = Response::from_bytes(bytes)?;
    resp.headers_mut()
        .set("content-type", kind.content_type())?;
    resp.headers_mut()
        .set("cache-control", "public, max-age=31536000, immutable")?;
    // Shown in a page, never run: its type is the one its bytes were checked as at upload.
    resp.headers_mut().set(
        "content-disposition",
        &format!("inline; filename=\"{key}\""),
    )?;
    Ok(resp)
}

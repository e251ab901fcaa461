//! Posters: the public list of what is in rotation now, the console's list, what a poster is to
//! the one publish path (`crate::publish`: create, edit and withdraw), and poster images in R2
//! (type-checked by their bytes, at most 5 MiB).

use crate::args;
use crate::crypto::random_hex;
use crate::db::{from_ms, Arg};
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{created, ok, query_param, read_body};
use crate::publish::{Editable, Published};
use crate::router::Ctx;
use crate::users::audit;
use chrono::{DateTime, Utc};
use domain::content::{
    check_image, is_image_key, ImageKind, ImageUploaded, Poster, PosterInput, MAX_IMAGE_BYTES,
};
use domain::notices::{notice_state, NoticeState};
use domain::policy::Actor;
use domain::ApiError;
use serde::Deserialize;
use serde_json::json;
use worker::{HttpMetadata, Response};

const SELECT: &str = "SELECT id, hall_ids_json, title, body, image_key, starts_at, ends_at, position, withdrawn_at FROM posters";

#[derive(Deserialize)]
pub struct Row {
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

impl Published for Poster {
    const KIND: &'static str = "poster";
    type Input = PosterInput;
    const WITHDRAW: &'static str =
        "UPDATE posters SET withdrawn_at = ?1, updated_at = ?1 WHERE id = ?2";

    fn checked(input: PosterInput) -> Result<PosterInput> {
        Ok(input.normalised()?)
    }
    fn input_halls(input: &PosterInput) -> Vec<String> {
        input.hall_ids.clone()
    }
    fn halls(&self) -> Vec<String> {
        self.hall_ids.clone()
    }
    fn is_withdrawn(&self) -> bool {
        self.state == NoticeState::Withdrawn
    }
    fn id(&self) -> i64 {
        self.id
    }

    type Row = Row;
    const SELECT: &'static str = SELECT;
    fn from_row(row: Row, now: DateTime<Utc>) -> Poster {
        row.into_poster(now)
    }
    fn staff_list() -> String {
        format!(
            "{} ORDER BY withdrawn_at IS NOT NULL, position, starts_at DESC",
            in_hall("?1")
        )
    }

    fn insert(
        input: &PosterInput,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(String, Vec<Arg>)> {
        let mut values = field_values(input)?;
        values.extend(args![actor.user_id, now.timestamp_millis()]);
        let sql = "INSERT INTO posters (hall_ids_json, title, body, image_key, starts_at, ends_at, position, created_by, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
        Ok((sql.into(), values))
    }
}

impl Editable for Poster {
    fn update(input: &PosterInput, id: i64, now: DateTime<Utc>) -> Result<(String, Vec<Arg>)> {
        let mut values = field_values(input)?;
        values.extend(args![now.timestamp_millis(), id]);
        let sql = "UPDATE posters SET hall_ids_json = ?, title = ?, body = ?, image_key = ?, starts_at = ?, ends_at = ?, position = ?, updated_at = ? WHERE id = ?";
        Ok((sql.into(), values))
    }
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
        i64::from(input.position)
    ])
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

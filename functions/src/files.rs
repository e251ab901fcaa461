//! Uploaded files, shared by chat in calls, consultations, projects and cases: read and checked
//! by their bytes (`domain::files`), stored in R2 under their owner's prefix (`calls/{room}/`,
//! `consultations/{id}/`, …) with their name, and served as downloads. The caller checks who
//! may read or write that owner.

use crate::crypto::random_hex;
use crate::error::Result;
use crate::http::read_body;
use crate::router::Ctx;
use domain::files::{display_name, is_random_id, FileRef, FileRules, ATTACHMENTS};
use domain::ApiError;
use std::collections::HashMap;
use worker::{HttpMetadata, Response};

/// The upload's name, sent percent-encoded in this header (headers are ASCII).
const NAME_HEADER: &str = "x-file-name";

fn upload_name(ctx: &Ctx) -> Result<String> {
    let raw = ctx.req.headers().get(NAME_HEADER)?.unwrap_or_default();
    let decoded = js_sys::decode_uri_component(&raw)
        .map(String::from)
        .unwrap_or(raw);
    Ok(display_name(&decoded))
}

/// Reads and checks the request's body against `rules`: its bytes, name and content type.
pub async fn read_upload(
    ctx: &mut Ctx,
    rules: &FileRules,
) -> Result<(Vec<u8>, String, &'static str)> {
    let bytes = read_body(&mut ctx.req, rules.max_bytes, &rules.too_large()).await?;
    let content_type = rules.content_type(&bytes)?;
    Ok((bytes, upload_name(ctx)?, content_type))
}

/// Stores `bytes` in R2 under `key` with its type and name.
pub async fn put_file(
    ctx: &Ctx,
    key: String,
    bytes: Vec<u8>,
    content_type: &str,
    name: &str,
) -> Result<()> {
    let metadata = HttpMetadata {
        content_type: Some(content_type.into()),
        ..Default::default()
    };
    ctx.env
        .bucket("FILES")?
        .put(key, bytes)
        .http_metadata(metadata)
        .custom_metadata(HashMap::from([("name".to_string(), name.to_string())]))
        .execute()
        .await?;
    Ok(())
}

/// Reads, checks and stores a chat attachment under `prefix`; the caller has checked access.
pub async fn store_upload(ctx: &mut Ctx, prefix: &str) -> Result<FileRef> {
    let (bytes, name, content_type) = read_upload(ctx, &ATTACHMENTS).await?;
    let file = FileRef {
        id: random_hex()?,
        name,
        content_type: content_type.into(),
        size: bytes.len() as u64,
    };
    put_file(
        ctx,
        format!("{prefix}/{}", file.id),
        bytes,
        content_type,
        &file.name,
    )
    .await?;
    Ok(file)
}

/// The file id in the path at `index`, or 404.
pub fn file_param(ctx: &Ctx, index: usize) -> Result<String> {
    let file = ctx.matched.param_at(index);
    if !is_random_id(file) {
        return Err(ApiError::not_found("file").into());
    }
    Ok(file.to_string())
}

/// Serves a stored file as a download under its own name; the caller has checked access.
pub async fn serve(ctx: &Ctx, prefix: &str, file: &str) -> Result<Response> {
    let object = ctx
        .env
        .bucket("FILES")?
        .get(format!("{prefix}/{file}"))
        .execute()
        .await?
        .ok_or_else(|| ApiError::not_found("file"))?;
    let content_type = object
        .http_metadata()
        .content_type
        .unwrap_or_else(|| "application/octet-stream".into());
    let name = object
        .custom_metadata()?
        .remove("name")
        .unwrap_or_else(|| "file".into());
    let bytes = match object.body() {
        Some(body) => body.bytes().await?,
        None => return Err(ApiError::not_found("file").into()),
    };
    let mut resp = Response::from_bytes(bytes)?;
    let headers = resp.headers_mut();
    headers.set("content-type", &content_type)?;
    headers.set("cache-control", "private, no-store")?;
    headers.set("x-content-type-options", "nosniff")?;
    let encoded = String::from(js_sys::encode_uri_component(&name));
    headers.set(
        "content-disposition",
        &format!("attachment; filename*=UTF-8''{encoded}"),
    )?;
    Ok(resp)
}

//! Files shared in a call: stored under the call (`calls/{room}/`, through `crate::files`) and
//! served only to its participants, also after the call.

use super::{check, entrant, room, room_param};
use crate::error::Result;
use crate::files::{file_param, serve, store_upload};
use crate::http::{created, query_param};
use crate::router::Ctx;
use domain::video::protocol::RoomCommand;
use domain::video::room::RoomState;
use domain::{ApiError, Reason};
use worker::Response;

fn call_prefix(room: &str) -> String {
    format!("calls/{room}")
}

pub async fn handle_upload(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    let key = query_param(&ctx.req, "key")?;
    if check(ctx, &room_id, key.clone()).await?.state == RoomState::Ended {
        return Err(ApiError::new(Reason::Ended, "this call has ended").into());
    }
    let file = store_upload(ctx, &call_prefix(&room_id)).await?;
    let share = RoomCommand::Share {
        entrant: entrant(ctx, key),
        file: file.clone(),
        now: ctx.now.timestamp_millis(),
    };
    if let Err(e) = room::<serde_json::Value>(&ctx.env, &room_id, share).await {
        let key = format!("{}/{}", call_prefix(&room_id), file.id);
        ctx.env.bucket("FILES")?.delete(key).await?;
        return Err(e);
    }
    created(&file)
}

/// Serves a call's file to its participants, also after the call (it is on their record).
pub async fn handle_download(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    let file = file_param(ctx, 1)?;
    check(ctx, &room_id, query_param(&ctx.req, "key")?).await?;
    serve(ctx, &call_prefix(&room_id), &file).await
}

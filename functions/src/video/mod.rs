//! Video-assisted service: the desk where requests wait for agents (one object for the
//! utility), one call room object per call, the HTTP and WebSocket endpoints that reach them,
//! files shared in calls (R2) and finished calls' records (D1). The rules are in
//! `domain::video`; this is plumbing.

pub mod agent;
pub mod call_files;
pub mod customer;
mod desk_object;
mod room_object;
pub mod sockets;

pub use desk_object::VideoDeskObject;
pub use room_object::CallRoomObject;

use crate::error::Result;
use crate::router::Ctx;
use domain::error::ErrorBody;
use domain::files::is_random_id;
use domain::video::protocol::{DeskCommand, DeskRequest, RoomCommand, RoomView};
use domain::video::room::Entrant;
use domain::{ApiError, Role};
use serde::de::DeserializeOwned;
use worker::{Env, Method, Request, RequestInit, Stub};

/// Sockets of a call room are tagged with their connection number.
fn connection_tag(connection: u64) -> String {
    format!("c{connection}")
}

fn desk_stub(env: &Env) -> Result<Stub> {
    Ok(env
        .durable_object("VIDEO_DESK")?
        .id_from_name("desk")?
        .get_stub()?)
}

fn room_stub(env: &Env, room: &str) -> Result<Stub> {
    Ok(env
        .durable_object("CALL_ROOM")?
        .id_from_name(room)?
        .get_stub()?)
}

/// Posts `body` to an object and reads its JSON answer; an error answer becomes our error.
async fn call<T: DeserializeOwned>(stub: Stub, url: &str, body: String) -> Result<T> {
    let mut init = RequestInit::new();
    init.with_method(Method::Post).with_body(Some(body.into()));
    let mut resp = stub
        .fetch_with_request(Request::new_with_init(url, &init)?)
        .await?;
    let text = resp.text().await?;
    if resp.status_code() >= 400 {
        let body: ErrorBody = serde_json::from_str(&text)?;
        return Err(body.error.into());
    }
    Ok(serde_json::from_str(&text)?)
}

pub async fn desk<T: DeserializeOwned>(ctx: &Ctx, command: DeskCommand) -> Result<T> {
    let request = DeskRequest {
        now: ctx.now.timestamp_millis(),
        command,
    };
    let body = serde_json::to_string(&request)?;
    call(desk_stub(&ctx.env)?, "https://desk/command", body).await
}

pub async fn room<T: DeserializeOwned>(env: &Env, room: &str, command: RoomCommand) -> Result<T> {
    let body = serde_json::to_string(&command)?;
    call(
        room_stub(env, room)?,
        &format!("https://room/{room}/command"),
        body,
    )
    .await
}

/// The room named in the path; ids are random, so anything else names nothing.
pub fn room_param(ctx: &Ctx) -> Result<String> {
    let room = ctx.matched.param();
    if !is_random_id(room) {
        return Err(ApiError::not_found("call").into());
    }
    Ok(room.to_string())
}

/// Who the caller is to a room: their session and the key of their link, if any.
pub fn entrant(ctx: &Ctx, key: Option<String>) -> Entrant {
    Entrant {
        user_id: ctx.user.as_ref().map(|u| u.id),
        role: ctx.user.as_ref().map(|u| u.role),
        key,
    }
}

/// The caller's seat in the room, or 403 (404 for a room that was never opened).
pub async fn check(ctx: &Ctx, room_id: &str, key: Option<String>) -> Result<RoomView> {
    let entrant = entrant(ctx, key);
    room(&ctx.env, room_id, RoomCommand::Check { entrant }).await
}

/// The signed-in customer's id; staff asking for help are not customers.
pub fn customer_id(ctx: &Ctx) -> Option<i64> {
    ctx.user
        .as_ref()
        .filter(|u| u.role == Role::Customer)
        .map(|u| u.id)
}

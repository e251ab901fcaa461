//! The video WebSockets: `/ws/video/desk` for agents' desks and `/ws/video/rooms/{room}?key=`
//! for a call's participants. The Worker checks the session and hands the socket over.

use super::room_object::ENTRANT_HEADER;
use super::{desk_stub, room_stub};
use crate::auth::session_user;
use crate::db::{now, Db};
use crate::error::Result;
use crate::http::query_param;
use crate::queue::socket_hall;
use crate::router::authorize;
use domain::files::is_random_id;
use domain::routes::Endpoint;
use domain::video::room::Entrant;
use domain::ApiError;
use worker::{Env, Request, RequestInit};

/// Only agents get the desk's live feed.
pub async fn handle_desk_socket(req: Request, env: Env) -> Result<worker::Response> {
    let db = Db::new(&env)?;
    let user = session_user(&db, &req, now().timestamp_millis()).await?;
    authorize(user.as_ref(), Endpoint::VideoDesk)?;
    let agent = user.map(|u| u.id).unwrap_or_default();
    let url = format!("https://desk/ws?agent={agent}");
    let forwarded =
        Request::new_with_init(&url, RequestInit::new().with_headers(req.headers().clone()))?;
    Ok(desk_stub(&env)?.fetch_with_request(forwarded).await?)
}

/// The room decides who enters: the customer, the assigned agent, a supervisor; others get 403.
pub async fn handle_room_socket(req: Request, env: Env) -> Result<worker::Response> {
    let room = socket_hall(&req, "/ws/video/rooms/")?;
    if !is_random_id(&room) {
        return Err(ApiError::not_found("call").into());
    }
    let db = Db::new(&env)?;
    let user = session_user(&db, &req, now().timestamp_millis()).await?;
    let entrant = Entrant {
        user_id: user.as_ref().map(|u| u.id),
        role: user.as_ref().map(|u| u.role),
        key: query_param(&req, "key")?,
    };
    let headers = req.headers().clone();
    // Set here, whatever the client sent: the room trusts this header.
    headers.set(ENTRANT_HEADER, &serde_json::to_string(&entrant)?)?;
    let url = format!("https://room/{room}/ws");
    let forwarded = Request::new_with_init(&url, RequestInit::new().with_headers(headers))?;
    Ok(room_stub(&env, &room)?
        .fetch_with_request(forwarded)
        .await?)
}

//! The customer's side: ask for help, watch the place in the queue, give up or ask for a
//! callback, enter the room, rate the call, and see past calls. Kiosk customers have no
//! account; the key of their link stands in for it (checked by the room).

use super::{check, customer_id, desk, room, room_param};
use crate::args;
use crate::case_contacts::{check_sees, file_on_case, Contact};
use crate::crypto::{new_token, random_hex};
use crate::error::Result;
use crate::follow_ups::{open as open_follow_up, Opened};
use crate::halls::hall_name;
use crate::http::{client_ip, created, ok, query_param, read_json};
use crate::limits;
use crate::router::Ctx;
use domain::accounts::normalise_mobile;
use domain::follow_ups::{is_low, Rated};
use domain::queue::check_rating;
use domain::security::limits::{VIDEO_PER_ADDRESS, VIDEO_PER_PHONE};
use domain::service::contacts::ContactKind;
use domain::video::bodies::{
    CallRating, CallRecord, Callback, CallbackAsk, HelpAsk, HelpCreated, HelpStatus, RoomInfo,
    RoomKey,
};
use domain::video::desk::{Asking, HelpRequest};
use domain::video::protocol::{DeskCommand, RoomCommand, RoomView};
use domain::video::room::{CallDetails, RoomState, Seat};
use domain::{ApiError, Reason};
use serde::Deserialize;
use worker::Response;

/// What the customer is called on the agents' desk; 404 for a hall that does not exist.
async fn customer_name(ctx: &Ctx, hall: Option<&str>) -> Result<String> {
    let hall_name = match hall {
        Some(hall) => Some(hall_name(&ctx.db, hall).await?),
        None => None,
    };
    if let (Some(user), Some(_)) = (ctx.user.as_ref(), customer_id(ctx)) {
        return Ok(user.name.clone());
    }
    Ok(match hall_name {
        Some(name) => format!("{name} 自助终端客户"),
        None => "访客".to_string(),
    })
}

pub async fn handle_ask(ctx: &mut Ctx) -> Result<Response> {
    let ask: HelpAsk = read_json(&mut ctx.req).await?;
    let phone = ask.phone.as_deref().map(normalise_mobile).transpose()?;
    if let Some(case) = ask.case {
        check_sees(ctx, case).await?;
    }
    let customer_name = customer_name(ctx, ask.hall.as_deref()).await?;
    let address = client_ip(&ctx.req);
    let mut counted = vec![(&VIDEO_PER_ADDRESS, address.as_str())];
    if let Some(phone) = &phone {
        counted.push((&VIDEO_PER_PHONE, phone.as_str()));
    }
    limits::admit(&ctx.db, &counted).await?;
    let room_id = random_hex()?;
    let key = new_token()?;
    let asking = Asking {
        room: room_id.clone(),
        customer_id: customer_id(ctx),
        customer_name: customer_name.clone(),
        hall: ask.hall.clone(),
        topic: ask.topic.clone(),
        channel: ask.channel,
        phone,
    };
    let status: HelpStatus = desk(ctx, DeskCommand::Ask { asking }).await?;
    if let Some(case) = ask.case {
        let contact = Contact {
            kind: ContactKind::VideoCall,
            reference: room_id.clone(),
            topic: status.request.topic.clone(),
        };
        file_on_case(ctx, &ctx.actor()?, case, &contact).await?;
    }
    let open = RoomCommand::Open {
        customer_id: customer_id(ctx),
        key: key.clone(),
        details: CallDetails {
            topic: status.request.topic.clone(),
            channel: ask.channel,
            customer_name,
            hall: ask.hall,
        },
    };
    room::<serde_json::Value>(&ctx.env, &room_id, open).await?;
    created(&HelpCreated {
        room: room_id,
        key,
        place: status.place,
    })
}

/// The caller must be the room's customer.
async fn as_customer(ctx: &Ctx, room_id: &str, key: Option<String>) -> Result<RoomView> {
    let view = check(ctx, room_id, key).await?;
    if view.seat != Seat::Customer {
        return Err(ApiError::new(Reason::CustomerOnly, "only the customer may do this").into());
    }
    Ok(view)
}

pub async fn handle_status(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    as_customer(ctx, &room_id, query_param(&ctx.req, "key")?).await?;
    let status: HelpStatus = desk(ctx, DeskCommand::Status { room: room_id }).await?;
    ok(&status)
}

pub async fn handle_cancel(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    let body: RoomKey = read_json(&mut ctx.req).await?;
    as_customer(ctx, &room_id, body.key).await?;
    let request: HelpRequest = desk(ctx, DeskCommand::Cancel { room: room_id }).await?;
    ok(&request)
}

/// Nobody answered: the customer leaves a phone number, which becomes a callback work item.
pub async fn handle_callback(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    let body: CallbackAsk = read_json(&mut ctx.req).await?;
    as_customer(ctx, &room_id, body.key.clone()).await?;
    let command = DeskCommand::Callback {
        room: room_id.clone(),
        phone: body.phone,
    };
    let request: HelpRequest = desk(ctx, command).await?;
    let domain::video::desk::RequestState::CallbackRequested { phone } = request.state else {
        return Err(ApiError::internal("the desk did not file the callback").into());
    };
    let now = ctx.now.timestamp_millis();
    let written = ctx
        .db
        .run(
            "INSERT INTO video_callbacks (room, customer_id, customer_name, phone, topic, created_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
            args![&room_id, request.customer_id, &request.customer_name, &phone, &request.topic, now],
        )
        .await?;
    created(&Callback {
        id: written.last_row_id,
        room: room_id,
        customer_name: request.customer_name,
        phone,
        topic: request.topic,
        created_at: now,
        done_at: None,
        done_by: None,
    })
}

/// The ICE servers from the `ICE_SERVERS` setting (a secret in production: TURN credentials).
fn ice_servers(ctx: &Ctx) -> Vec<domain::video::bodies::IceServer> {
    let raw = crate::settings::setting(&ctx.env, "ICE_SERVERS").unwrap_or_default();
    domain::video::bodies::parse_ice_servers(&raw)
}

pub async fn handle_room(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    let view = check(ctx, &room_id, query_param(&ctx.req, "key")?).await?;
    ok(&RoomInfo {
        room: room_id,
        seat: view.seat,
        state: view.state,
        details: view.details,
        ice_servers: ice_servers(ctx),
    })
}

pub async fn handle_rate(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    let body: CallRating = read_json(&mut ctx.req).await?;
    let view = as_customer(ctx, &room_id, body.key.clone()).await?;
    let comment = check_rating(body.stars, body.comment.as_deref().unwrap_or(""))?;
    if view.state != RoomState::Ended {
        return Err(ApiError::new(Reason::NotEnded, "the call has not ended yet").into());
    }
    let written = ctx
        .db
        .run(
            "UPDATE video_calls SET rating = ?, rating_comment = ? WHERE room = ? AND rating IS NULL",
            args![body.stars as i64, &comment, &room_id],
        )
        .await?;
    if written.changes == 0 {
        return Err(ApiError::new(Reason::AlreadyRated, "this call is already rated").into());
    }
    if is_low(body.stars) {
        follow_up_call(ctx, &room_id, body.stars, comment).await?;
    }
    ok(&serde_json::json!({ "stars": body.stars }))
}

#[derive(Deserialize)]
struct RatedCall {
    hall_id: Option<String>,
    customer_id: Option<i64>,
    customer_name: String,
    topic: String,
}

/// A low rating of a call opens a follow-up at the call's hall, or the agent's for a call from
/// the web; a call with neither (an admin answering from the web) has no hall to follow it up.
async fn follow_up_call(ctx: &Ctx, room: &str, stars: u8, comment: String) -> Result<()> {
    let call: Option<RatedCall> = ctx
        .db
        .first(
            "SELECT COALESCE(c.hall_id, a.hall_id) AS hall_id, c.customer_id, c.customer_name, c.topic \
             FROM video_calls c JOIN users a ON a.id = c.agent_id WHERE c.room = ?",
            args![room],
        )
        .await?;
    let Some(RatedCall {
        hall_id: Some(hall_id),
        customer_id,
        customer_name,
        topic,
    }) = call
    else {
        return Ok(());
    };
    let low = Opened {
        hall_id,
        rated: Rated::VideoCall,
        rated_ref: room.to_string(),
        subject: topic,
        link: None,
        stars,
        comment,
        customer_id,
        customer_name: Some(customer_name),
        phone: None,
        at: ctx.now.timestamp_millis(),
    };
    ctx.db.batch(vec![open_follow_up(&ctx.db, &low)?]).await
}

#[derive(Deserialize)]
pub struct CallRow {
    room: String,
    topic: String,
    channel: String,
    customer_name: String,
    agent_name: String,
    summary: String,
    transcript_json: String,
    started_at: i64,
    ended_at: i64,
    rating: Option<i64>,
}

impl CallRow {
    pub fn record(self) -> Result<CallRecord> {
        Ok(CallRecord {
            channel: serde_json::from_value(serde_json::Value::String(self.channel))?,
            transcript: serde_json::from_str(&self.transcript_json)?,
            duration_secs: (self.ended_at - self.started_at) / 1000,
            room: self.room,
            topic: self.topic,
            customer_name: self.customer_name,
            agent_name: self.agent_name,
            summary: self.summary,
            started_at: self.started_at,
            ended_at: self.ended_at,
            rating: self.rating.map(|r| r as u8),
        })
    }
}

pub const SELECT_CALLS: &str =
    "SELECT c.room, c.topic, c.channel, c.customer_name, u.name AS agent_name, \
     c.summary, c.transcript_json, c.started_at, c.ended_at, c.rating \
     FROM video_calls c JOIN users u ON u.id = c.agent_id";

/// The signed-in customer's finished calls, newest first.
pub async fn handle_calls_mine(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    let rows: Vec<CallRow> = ctx
        .db
        .all(
            &format!(
                "{SELECT_CALLS} WHERE c.customer_id = ?1 OR (c.customer_id IS NULL AND \
                 c.phone = (SELECT phone FROM users WHERE id = ?1)) ORDER BY c.ended_at DESC LIMIT 50"
            ),
            args![user.id],
        )
        .await?;
    let records = rows
        .into_iter()
        .map(CallRow::record)
        .collect::<Result<Vec<_>>>()?;
    ok(&records)
}

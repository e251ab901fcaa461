//! The agents' side: the desk (waiting requests, calls, who is on duty), presence, accepting,
//! transferring and ending calls with a summary that files the call's record, and the callback
//! work items left when nobody answered in time.

use super::customer::{CallRow, SELECT_CALLS};
use super::{desk, room, room_param};
use crate::args;
use crate::case_contacts::{check_sees, file_on_case, Contact};
use crate::error::Result;
use crate::http::{ok, parse_id, read_json};
use crate::router::Ctx;
use crate::users::audit;
use domain::policy::is_supervisor;
use domain::service::contacts::{CaseRef, ContactKind};
use domain::video::bodies::{Callback, EndInput, PresenceInput, TransferInput};
use domain::video::desk::{DeskView, Finished, HelpRequest};
use domain::video::protocol::{DeskCommand, RoomCommand};
use domain::video::room::Room;
use domain::wire::wire_name;
use domain::{ApiError, Reason};
use serde::Deserialize;
use serde_json::json;
use worker::Response;

pub async fn handle_desk(ctx: &mut Ctx) -> Result<Response> {
    let view: DeskView = desk(ctx, DeskCommand::View).await?;
    ok(&view)
}

pub async fn handle_presence(ctx: &mut Ctx) -> Result<Response> {
    let input: PresenceInput = read_json(&mut ctx.req).await?;
    let user = ctx.signed_in()?;
    let command = DeskCommand::Presence {
        agent: user.id,
        name: user.name,
        presence: input.presence,
    };
    let view: DeskView = desk(ctx, command).await?;
    ok(&view)
}

pub async fn handle_accept(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    let agent = ctx.signed_in()?.id;
    let command = DeskCommand::Accept {
        agent,
        room: room_id.clone(),
    };
    let request: HelpRequest = desk(ctx, command).await?;
    room::<serde_json::Value>(&ctx.env, &room_id, RoomCommand::Assign { agent }).await?;
    audit(
        &ctx.db,
        Some(agent),
        "video.accept",
        &format!("call:{room_id}"),
        json!({}),
    )
    .await?;
    ok(&request)
}

pub async fn handle_transfer(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    let input: TransferInput = read_json(&mut ctx.req).await?;
    let actor = ctx.actor()?;
    let command = DeskCommand::Transfer {
        room: room_id.clone(),
        by: actor.user_id,
        supervisor: is_supervisor(actor.role),
        to_agent: input.to_agent,
    };
    let request: HelpRequest = desk(ctx, command).await?;
    let to_agent = input.to_agent;
    room::<serde_json::Value>(&ctx.env, &room_id, RoomCommand::Transfer { to_agent }).await?;
    let detail = json!({ "to_agent": to_agent });
    audit(
        &ctx.db,
        Some(actor.user_id),
        "video.transfer",
        &format!("call:{room_id}"),
        detail,
    )
    .await?;
    ok(&request)
}

/// Ends the call with the agent's summary and files its record on the customer's account.
pub async fn handle_end(ctx: &mut Ctx) -> Result<Response> {
    let room_id = room_param(ctx)?;
    let input: EndInput = read_json(&mut ctx.req).await?;
    let summary = input.summary()?;
    let actor = ctx.actor()?;
    // The case the agent names is checked before the call ends, so a refusal changes nothing.
    let case = match input.case_number.as_deref().map(str::trim) {
        Some(number) if !number.is_empty() => {
            let case = CaseRef::from_number(number)?;
            check_sees(ctx, case).await?;
            Some(case)
        }
        _ => None,
    };
    let command = DeskCommand::Finish {
        room: room_id.clone(),
        by: actor.user_id,
        supervisor: is_supervisor(actor.role),
    };
    let finished: Finished = desk(ctx, command).await?;
    let ended: Room = room(&ctx.env, &room_id, RoomCommand::End).await?;
    let request = finished.request;
    ctx.db
        .run(
            "INSERT INTO video_calls (room, customer_id, customer_name, hall_id, agent_id, topic, \
             channel, summary, transcript_json, started_at, ended_at, phone) \
             VALUES (?1, COALESCE(?2, (SELECT id FROM users WHERE role = 'customer' AND phone = ?12)), \
             ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            args![
                &room_id,
                request.customer_id,
                &request.customer_name,
                request.hall.as_deref(),
                finished.agent,
                &request.topic,
                wire_name(&request.channel),
                &summary,
                serde_json::to_string(&ended.transcript)?,
                request.accepted_at.unwrap_or(request.created_at),
                ctx.now.timestamp_millis(),
                request.phone.clone()
            ],
        )
        .await?;
    if let Some(case) = case {
        let contact = Contact {
            kind: ContactKind::VideoCall,
            reference: room_id.clone(),
            topic: request.topic.clone(),
        };
        file_on_case(ctx, &actor, case, &contact).await?;
    }
    audit(
        &ctx.db,
        Some(actor.user_id),
        "video.end",
        &format!("call:{room_id}"),
        json!({}),
    )
    .await?;
    let row: CallRow = ctx
        .db
        .first(&format!("{SELECT_CALLS} WHERE c.room = ?"), args![&room_id])
        .await?
        .ok_or_else(|| ApiError::internal("the call record was not filed"))?;
    ok(&row.record()?)
}

#[derive(Deserialize)]
struct CallbackRow {
    id: i64,
    room: String,
    customer_name: String,
    phone: String,
    topic: String,
    created_at: i64,
    done_at: Option<i64>,
    done_by: Option<String>,
}

const SELECT_CALLBACKS: &str = "SELECT b.id, b.room, b.customer_name, b.phone, b.topic, \
     b.created_at, b.done_at, u.name AS done_by FROM video_callbacks b \
     LEFT JOIN users u ON u.id = b.done_by";

fn callback(r: CallbackRow) -> Callback {
    Callback {
        id: r.id,
        room: r.room,
        customer_name: r.customer_name,
        phone: r.phone,
        topic: r.topic,
        created_at: r.created_at,
        done_at: r.done_at,
        done_by: r.done_by,
    }
}

/// Open callbacks oldest first, then the last day's done ones.
pub async fn handle_callbacks(ctx: &mut Ctx) -> Result<Response> {
    let since = ctx.now.timestamp_millis() - 24 * 3600 * 1000;
    let rows: Vec<CallbackRow> = ctx
        .db
        .all(
            &format!(
                "{SELECT_CALLBACKS} WHERE b.done_at IS NULL OR b.done_at > ? \
                 ORDER BY b.done_at IS NOT NULL, b.created_at LIMIT 200"
            ),
            args![since],
        )
        .await?;
    ok(&rows.into_iter().map(callback).collect::<Vec<_>>())
}

pub async fn handle_callback_done(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "callback")?;
    let agent = ctx.signed_in()?.id;
    let written = ctx
        .db
        .run(
            "UPDATE video_callbacks SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL",
            args![ctx.now.timestamp_millis(), agent, id],
        )
        .await?;
    let row: CallbackRow = ctx
        .db
        .first(&format!("{SELECT_CALLBACKS} WHERE b.id = ?"), args![id])
        .await?
        .ok_or_else(|| ApiError::not_found("callback"))?;
    if written.changes == 0 {
        return Err(ApiError::new(Reason::AlreadyDone, "this callback is already done").into());
    }
    audit(
        &ctx.db,
        Some(agent),
        "video.callback_done",
        &format!("callback:{id}"),
        json!({}),
    )
    .await?;
    ok(&callback(row))
}

//! Follow-ups: every low rating (a counter visit, a video call, a work order) on one list for
//! its hall, with the customer's contact; assigned to a colleague, noted, closed with an
//! outcome, or turned into a work order.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{created, ok, parse_id, read_json};
use crate::router::Ctx;
use crate::service::work_orders;
use crate::users::audit;
use domain::follow_ups::{Colleague, FollowOutcome, FollowUp, FollowUpBoard, FollowUpInput, Rated};
use domain::policy::may_work_hall;
use domain::service::intake::{Channel, Intake};
use domain::service::work_orders::{OrderInput, Topic};
use domain::wire::wire_name;
use domain::{ApiError, Reason};
use serde::Deserialize;
use worker::{D1PreparedStatement, Response};

/// A low rating as its source knows it; what it leaves out of the customer is read from
/// their account.
pub struct Opened {
    pub hall_id: String,
    pub rated: Rated,
    pub rated_ref: String,
    pub subject: String,
    pub link: Option<String>,
    pub stars: u8,
    pub comment: String,
    pub customer_id: Option<i64>,
    pub customer_name: Option<String>,
    pub phone: Option<String>,
    pub at: i64,
}

/// The statement opening the follow-up; a rating seen twice opens one.
pub fn open(db: &Db, f: &Opened) -> Result<D1PreparedStatement> {
    db.statement(
        "INSERT OR IGNORE INTO follow_ups (hall_id, rated, rated_ref, subject, link, stars, comment, \
         customer_id, customer_name, phone, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, COALESCE(?9, (SELECT name FROM users WHERE id = ?8)), \
         COALESCE(?10, (SELECT phone FROM users WHERE id = ?8)), ?11)",
        args![&f.hall_id, wire_name(&f.rated), &f.rated_ref, &f.subject, f.link.clone(),
              i64::from(f.stars), &f.comment, f.customer_id, f.customer_name.clone(),
              f.phone.clone(), f.at],
    )
}

const SELECT: &str =
    "SELECT f.id, f.hall_id, f.rated, f.subject, f.link, f.stars, f.comment, f.customer_name, \
     f.phone, f.created_at, f.assignee_id, a.name AS assignee_name, f.note, f.outcome, \
     f.resolved_at, f.work_order_id, f.customer_id \
     FROM follow_ups f LEFT JOIN users a ON a.id = f.assignee_id";

#[derive(Deserialize)]
struct Row {
    #[serde(flatten)]
    follow_up: FollowUp,
    customer_id: Option<i64>,
}

/// The hall in the path and its name, if the caller works there (or is the admin).
async fn own_hall(ctx: &Ctx) -> Result<(String, String)> {
    let hall = ctx.matched.param().to_string();
    let name = hall_name(&ctx.db, &hall).await?;
    if !may_work_hall(&ctx.actor()?, &hall) {
        return Err(ApiError::new(Reason::OtherHall, "you may only see your own hall").into());
    }
    Ok((hall, name))
}

async fn load(ctx: &Ctx, hall: &str) -> Result<Row> {
    let id = parse_id(ctx.matched.param_at(1), "follow-up")?;
    ctx.db
        .first(
            &format!("{SELECT} WHERE f.id = ? AND f.hall_id = ?"),
            args![id, hall],
        )
        .await?
        .ok_or_else(|| ApiError::not_found("follow-up").into())
}

async fn open_only(ctx: &Ctx, hall: &str) -> Result<Row> {
    let row = load(ctx, hall).await?;
    if row.follow_up.resolved_at.is_some() {
        return Err(ApiError::new(Reason::AlreadyDone, "this follow-up is already handled").into());
    }
    Ok(row)
}

/// Open follow-ups first, then the latest handled ones; and the hall's staff to assign.
pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let (hall, _) = own_hall(ctx).await?;
    let rows: Vec<Row> = ctx
        .db
        .all(
            &format!("{SELECT} WHERE f.hall_id = ? ORDER BY f.resolved_at IS NOT NULL, f.created_at DESC LIMIT 200"),
            args![&hall],
        )
        .await?;
    let colleagues: Vec<Colleague> = ctx
        .db
        .all(
            "SELECT id, name FROM users WHERE hall_id = ? AND role IN ('hall_staff', 'hall_manager') ORDER BY name",
            args![&hall],
        )
        .await?;
    ok(&FollowUpBoard {
        items: rows.into_iter().map(|r| r.follow_up).collect(),
        colleagues,
    })
}

/// Assigns, notes or closes an open follow-up.
pub async fn handle_update(ctx: &mut Ctx) -> Result<Response> {
    let (hall, _) = own_hall(ctx).await?;
    let input: FollowUpInput = read_json(&mut ctx.req).await?;
    let input = input.checked()?;
    let row = open_only(ctx, &hall).await?;
    if let Some(assignee) = input.assignee_id {
        let staff = ctx
            .db
            .ids(
                "SELECT id FROM users WHERE id = ? AND hall_id = ? AND role IN ('hall_staff', 'hall_manager')",
                args![assignee, &hall],
            )
            .await?;
        if staff.is_empty() {
            return Err(ApiError::invalid(
                "assignee_id",
                Reason::Assignee,
                "choose a colleague of this hall",
            )
            .into());
        }
    }
    let now = ctx.now.timestamp_millis();
    let closes = input.outcome.is_some_and(FollowOutcome::closes);
    let id = row.follow_up.id;
    let written = ctx
        .db
        .run(
            "UPDATE follow_ups SET assignee_id = COALESCE(?, assignee_id), note = COALESCE(?, note), \
             outcome = COALESCE(?, outcome), resolved_at = ? WHERE id = ? AND resolved_at IS NULL",
            args![input.assignee_id, input.note.clone(), input.outcome.map(|o| wire_name(&o)),
                  closes.then_some(now), id],
        )
        .await?;
    if written.changes == 0 {
        return Err(ApiError::new(Reason::AlreadyDone, "this follow-up is already handled").into());
    }
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "follow_up.update",
        &format!("follow_up:{id}"),
        serde_json::to_value(&input)?,
    )
    .await?;
    ok(&load(ctx, &hall).await?.follow_up)
}

/// Opens a complaint work order for the customer who rated, filed as a phone call (the
/// follow-up is one), and links it.
pub async fn handle_order(ctx: &mut Ctx) -> Result<Response> {
    let (hall, hall_words) = own_hall(ctx).await?;
    let Row {
        follow_up: f,
        customer_id,
    } = open_only(ctx, &hall).await?;
    if f.work_order_id.is_some() {
        return Err(ApiError::new(
            Reason::AlreadyDone,
            "a work order was opened for it already",
        )
        .into());
    }
    let Some(phone) = f.phone.clone() else {
        return Err(ApiError::new(
            Reason::NoContact,
            "the customer left no mobile; a work order needs one to call back",
        )
        .into());
    };
    let (what, _) = f.rated.words();
    let input = OrderInput {
        topic: Topic::Complaint,
        description: format!("{what}差评（{}，{}★）：{}", f.subject, f.stars, f.comment),
        location: hall_words,
        phone,
        hall_id: hall.clone(),
        account: None,
        intake: Intake {
            channel: Channel::Phone,
            customer_id,
            caller_name: Some(f.customer_name.clone().unwrap_or_else(|| "—".into())),
        },
    }
    .checked(true)?;
    let actor = ctx.actor()?;
    let order = work_orders::file(ctx, &actor, &input, customer_id).await?;
    ctx.db
        .run(
            "UPDATE follow_ups SET work_order_id = ? WHERE id = ? AND work_order_id IS NULL",
            args![order, f.id],
        )
        .await?;
    created(&load(ctx, &hall).await?.follow_up)
}

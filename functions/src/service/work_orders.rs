//! Work orders: filed by a customer with photos, dispatched and handled by the hall's staff
//! against the topic's commitment, closed, and rated by the customer. The commitments are a
//! table the admin may change; an order keeps the deadline it was filed with.

use super::{
    add_case_file, case_files, check_sees, scope, serve_case_file, tell_of_step, CaseKind,
};
use crate::args;
use crate::billing::bound;
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{created, ok, parse_id, read_json};
use crate::router::Ctx;
use chrono::Datelike;
use domain::notify::texts::Message;
use domain::policy::Actor;
use domain::service::work_orders::{
    due_state, order_number, Commitment, Department, OrderActInput, OrderEvent, OrderInput,
    OrderState, OrderStatus, Topic, WorkOrder, WorkOrderDetail, MAX_PHOTOS,
};
use domain::wire::wire_name;
use domain::{ApiError, Role};
use serde::Deserialize;
use worker::Response;

const SELECT: &str =
    "SELECT o.id, o.customer_id, u.name AS customer_name, o.topic, o.description, \
     o.location, o.phone, o.hall_id, o.account, o.status, o.department, o.created_at, \
     o.deadline_at, o.met_at, o.reply, o.stars, o.rating_comment \
     FROM work_orders o JOIN users u ON u.id = o.customer_id";

#[derive(Deserialize)]
struct Row {
    id: i64,
    customer_id: i64,
    customer_name: String,
    topic: Topic,
    description: String,
    location: String,
    phone: String,
    hall_id: String,
    account: Option<String>,
    status: OrderStatus,
    department: Option<Department>,
    created_at: i64,
    deadline_at: i64,
    met_at: Option<i64>,
    reply: Option<String>,
    stars: Option<u8>,
    rating_comment: Option<String>,
}

impl Row {
    fn state(&self) -> OrderState {
        OrderState {
            topic: self.topic,
            status: self.status,
            department: self.department,
            rated: self.stars.is_some(),
        }
    }

    fn order(self, actor: &Actor, now: i64) -> WorkOrder {
        let minutes = ((self.deadline_at - self.created_at) / 60_000) as u32;
        let cancelled = self.status == OrderStatus::Cancelled;
        WorkOrder {
            number: order_number(crate::db::from_ms(self.created_at).year(), self.id),
            due: due_state(self.created_at, minutes, self.met_at, cancelled, now),
            options: self.state().options(actor.role == Role::Customer),
            id: self.id,
            topic: self.topic,
            status: self.status,
            description: self.description,
            location: self.location,
            phone: self.phone,
            hall_id: self.hall_id,
            account: self.account,
            customer_name: self.customer_name,
            department: self.department,
            created_at: self.created_at,
            deadline_at: self.deadline_at,
            met_at: self.met_at,
            reply: self.reply,
            stars: self.stars,
            rating_comment: self.rating_comment,
        }
    }
}

async fn load(ctx: &Ctx, id: i64) -> Result<Row> {
    ctx.db
        .first(&format!("{SELECT} WHERE o.id = ?"), args![id])
        .await?
        .ok_or_else(|| ApiError::not_found("work order").into())
}

async fn readable(ctx: &Ctx) -> Result<(Actor, Row)> {
    let actor = ctx.actor()?;
    let row = load(ctx, parse_id(ctx.matched.param(), "work order")?).await?;
    check_sees(&actor, row.customer_id, &row.hall_id, "work order")?;
    Ok((actor, row))
}

async fn detail(ctx: &Ctx, actor: &Actor, id: i64) -> Result<WorkOrderDetail> {
    let events: Vec<OrderEvent> = ctx
        .db
        .all(
            "SELECT e.at, u.name AS actor, e.action, e.status, e.note FROM work_order_events e \
             JOIN users u ON u.id = e.actor_id WHERE e.order_id = ? ORDER BY e.id",
            args![id],
        )
        .await?;
    Ok(WorkOrderDetail {
        order: load(ctx, id)
            .await?
            .order(actor, ctx.now.timestamp_millis()),
        events,
        photos: case_files(&ctx.db, CaseKind::WorkOrder, id).await?,
    })
}

/// Open orders first, the most urgent on top; then the rest, newest first.
pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let (customer, hall) = scope(&actor);
    let rows: Vec<Row> = ctx
        .db
        .all(
            &format!("{SELECT} WHERE (?1 IS NULL OR o.customer_id = ?1) AND (?2 IS NULL OR o.hall_id = ?2) \
             ORDER BY o.status IN ('closed', 'cancelled'), o.created_at DESC LIMIT 200"),
            args![customer, hall],
        )
        .await?;
    let now = ctx.now.timestamp_millis();
    let mut orders: Vec<WorkOrder> = rows.into_iter().map(|r| r.order(&actor, now)).collect();
    orders.sort_by_key(|o| (!o.status.is_open(), o.due.urgency(), o.deadline_at));
    ok(&orders)
}

pub async fn commitments(ctx: &Ctx) -> Result<Vec<Commitment>> {
    let mut stored: Vec<Commitment> = ctx
        .db
        .all("SELECT topic, minutes FROM work_order_commitments", args![])
        .await?;
    for topic in Topic::ALL {
        if !stored.iter().any(|c| c.topic == topic) {
            stored.push(Commitment {
                topic,
                minutes: topic.default_minutes(),
            });
        }
    }
    stored.sort_by_key(|c| Topic::ALL.iter().position(|t| *t == c.topic));
    Ok(stored)
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input: OrderInput = read_json(&mut ctx.req).await?;
    let input = input.checked()?;
    let actor = ctx.actor()?;
    hall_name(&ctx.db, &input.hall_id)
        .await
        .map_err(|_| ApiError::validation("hall_id", "choose the hall for your area"))?;
    if let Some(number) = &input.account {
        bound(ctx, number)
            .await
            .map_err(|_| ApiError::validation("account", "choose one of your bound accounts"))?;
    }
    let minutes = commitments(ctx)
        .await?
        .iter()
        .find(|c| c.topic == input.topic)
        .map_or(input.topic.default_minutes(), |c| c.minutes);
    let now = ctx.now.timestamp_millis();
    let written = ctx
        .db
        .run(
            "INSERT INTO work_orders (customer_id, topic, description, location, phone, hall_id, account, status, \
             created_at, deadline_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?)",
            args![actor.user_id, wire_name(&input.topic), &input.description, &input.location, &input.phone,
                  &input.hall_id, input.account.clone(), now, now + minutes as i64 * 60_000, now],
        )
        .await?;
    let id = written.last_row_id;
    event(ctx, id, &actor, None, OrderStatus::Submitted, None).await?;
    created(&detail(ctx, &actor, id).await?)
}

async fn event(
    ctx: &Ctx,
    id: i64,
    actor: &Actor,
    action: Option<domain::service::work_orders::OrderAction>,
    status: OrderStatus,
    note: Option<String>,
) -> Result<()> {
    ctx.db
        .run(
            "INSERT INTO work_order_events (order_id, at, actor_id, action, status, note) VALUES (?, ?, ?, ?, ?, ?)",
            args![id, ctx.now.timestamp_millis(), actor.user_id, action.map(|a| wire_name(&a)), wire_name(&status), note],
        )
        .await?;
    Ok(())
}

pub async fn handle_get(ctx: &mut Ctx) -> Result<Response> {
    let (actor, row) = readable(ctx).await?;
    ok(&detail(ctx, &actor, row.id).await?)
}

pub async fn handle_act(ctx: &mut Ctx) -> Result<Response> {
    let (actor, row) = readable(ctx).await?;
    let input: OrderActInput = read_json(&mut ctx.req).await?;
    let change = row.state().apply(&input, actor.role == Role::Customer)?;
    let now = ctx.now.timestamp_millis();
    let (stars, comment) = change.rating.clone().unzip();
    let written = ctx
        .db
        .run(
            "UPDATE work_orders SET status = ?, department = ?, met_at = COALESCE(met_at, ?), \
             reply = COALESCE(?, reply), stars = COALESCE(?, stars), rating_comment = COALESCE(?, rating_comment), \
             updated_at = ? WHERE id = ? AND status = ? AND stars IS NULL",
            args![wire_name(&change.status), change.department.map(|d| wire_name(&d)),
                  change.meets_milestone.then_some(now), change.reply.clone(),
                  stars.map(i64::from), comment, now, row.id, wire_name(&row.status)],
        )
        .await?;
    if written.changes == 0 {
        return Err(ApiError::conflict("someone else acted on this order; reload it").into());
    }
    let note = change
        .reply
        .or(change
            .rating
            .map(|(s, c)| format!("{s}★ {c}").trim().to_string()))
        .or(change
            .department
            .filter(|_| change.status == OrderStatus::Dispatched)
            .map(|d| d.words().0.to_string()));
    event(ctx, row.id, &actor, Some(input.action), change.status, note).await?;
    if actor.role != Role::Customer {
        let message = Message::WorkOrderStep {
            id: row.id,
            status: change.status.words(),
        };
        tell_of_step(ctx, CaseKind::WorkOrder, row.id, row.customer_id, message).await?;
    }
    ok(&detail(ctx, &actor, row.id).await?)
}

pub async fn handle_upload(ctx: &mut Ctx) -> Result<Response> {
    let (_, row) = readable(ctx).await?;
    if !row.status.is_open() {
        return Err(ApiError::conflict("photos are added while the order is open").into());
    }
    created(&add_case_file(ctx, CaseKind::WorkOrder, row.id, MAX_PHOTOS).await?)
}

pub async fn handle_download(ctx: &mut Ctx) -> Result<Response> {
    let (_, row) = readable(ctx).await?;
    serve_case_file(ctx, CaseKind::WorkOrder, row.id).await
}

pub async fn handle_commitments(ctx: &mut Ctx) -> Result<Response> {
    ok(&commitments(ctx).await?)
}

/// The admin sets one topic's minutes; orders filed from now on get the new deadline.
pub async fn handle_set_commitment(ctx: &mut Ctx) -> Result<Response> {
    let input: Commitment = read_json(&mut ctx.req).await?;
    let input = input.checked()?;
    ctx.db
        .run(
            "INSERT INTO work_order_commitments (topic, minutes) VALUES (?, ?) \
             ON CONFLICT (topic) DO UPDATE SET minutes = excluded.minutes",
            args![wire_name(&input.topic), input.minutes as i64],
        )
        .await?;
    ok(&commitments(ctx).await?)
}

//! Work orders: filed by a customer with photos, dispatched and handled by the hall's staff
//! against the topic's terms (`deadlines`), called back, closed, and rated by the customer.

use super::case_loading::{load, readable, readable_id, CaseRow};
use super::{
    add_case_file, case_files, check_sees, listed, serve_case_file, tell_of_step, CaseKind,
};
use crate::args;
use crate::billing::bound;
use crate::board_page::{self, PAGE};
use crate::error::Result;
use crate::follow_ups::{open as open_follow_up, Opened};
use crate::halls::hall_name;
use crate::http::{created, ok, read_json};
use crate::router::Ctx;
use chrono::Datelike;
use domain::follow_ups::{is_low, Rated};
use domain::notify::texts::Message;
use domain::policy::{may_work_hall, Actor};
use domain::service::intake::Channel;
use domain::service::work_orders::terms::Deadline;
use domain::service::work_orders::{
    order_number, Department, Milestone, OrderActInput, OrderEvent, OrderInput, OrderState,
    OrderStatus, Outcome, Topic, WorkOrder, WorkOrderDetail, MAX_PHOTOS,
};
use domain::wire::wire_name;
use domain::{ApiError, Reason, Role};
use serde::Deserialize;
use worker::Response;

pub mod deadlines;
pub mod intake;
pub mod repair_times;

const SELECT: &str =
    "SELECT o.id, o.customer_id, COALESCE(u.name, o.caller_name) AS customer_name, o.channel, \
     o.topic, o.description, o.location, o.phone, o.hall_id, o.account, o.status, o.department, \
     o.created_at, o.contacted_at, o.unreached, o.callback, o.reply, o.stars, o.rating_comment \
     FROM work_orders o LEFT JOIN users u ON u.id = o.customer_id";

/// The names of `SELECT`'s columns, in `Row`'s order (for `Db::all_packed`).
const COLUMNS: &str = "id, customer_id, customer_name, channel, topic, description, location, \
    phone, hall_id, account, status, department, created_at, contacted_at, unreached, callback, \
    reply, stars, rating_comment";

/// The orders customer `?1` sees: their own, and those taken for a caller with no account
/// whose mobile or 户号 is now theirs.
const CUSTOMER_SEES: &str = "(o.customer_id = ?1 OR (o.customer_id IS NULL AND \
     (o.phone = (SELECT phone FROM users WHERE id = ?1) \
      OR o.account IN (SELECT number FROM account_bindings WHERE user_id = ?1))))";

#[derive(Deserialize)]
struct Row {
    id: i64,
    customer_id: Option<i64>,
    customer_name: String,
    channel: Channel,
    topic: Topic,
    description: String,
    location: String,
    phone: String,
    hall_id: String,
    account: Option<String>,
    status: OrderStatus,
    department: Option<Department>,
    created_at: i64,
    contacted_at: Option<i64>,
    unreached: u32,
    callback: Option<Outcome>,
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
            contacted: self.contacted_at.is_some(),
            unreached: self.unreached,
        }
    }

    fn order(self, actor: &Actor, deadlines: &[Deadline], now: i64) -> WorkOrder {
        let cancelled = self.status == OrderStatus::Cancelled;
        let (deadlines, deadline_at, due) = deadlines::standing(deadlines, cancelled, now);
        WorkOrder {
            number: order_number(crate::db::from_ms(self.created_at).year(), self.id),
            deadlines,
            deadline_at,
            due,
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
            channel: self.channel,
            department: self.department,
            created_at: self.created_at,
            contacted_at: self.contacted_at,
            callback: self.callback,
            reply: self.reply,
            stars: self.stars,
            rating_comment: self.rating_comment,
        }
    }
}

impl CaseRow for Row {
    const KIND: &'static str = "work order";
    const SELECT: &'static str = SELECT;
    const ID: &'static str = "o.id";

    /// An order taken for a caller with no account is for the staff of its hall, and for the
    /// customer whose mobile or 户号 it names (`CUSTOMER_SEES`).
    async fn check_sees(&self, ctx: &Ctx, actor: &Actor) -> Result<()> {
        if actor.role == Role::Customer && self.customer_id.is_none() {
            let sees =
                format!("SELECT o.id FROM work_orders o WHERE o.id = ?2 AND {CUSTOMER_SEES}");
            let seen = ctx.db.ids(&sees, args![actor.user_id, self.id]).await?;
            if seen.is_empty() {
                return Err(ApiError::not_found("work order").into());
            }
            return Ok(());
        }
        let customer = self.customer_id.unwrap_or(NO_CUSTOMER);
        check_sees(actor, customer, &self.hall_id, "work order")
    }
}

/// Refuses a caller who may not see work order `id` (404 when there is none).
pub async fn check_readable(ctx: &Ctx, id: i64) -> Result<()> {
    readable_id::<Row>(ctx, id).await.map(|_| ())
}

/// Stands for the customer of an order taken for a caller with no account: no user has it.
const NO_CUSTOMER: i64 = 0;

async fn detail(ctx: &Ctx, actor: &Actor, id: i64) -> Result<WorkOrderDetail> {
    let events: Vec<OrderEvent> = ctx
        .db
        .all(
            "SELECT e.at, u.name AS actor, e.action, e.status, e.note FROM work_order_events e \
             JOIN users u ON u.id = e.actor_id WHERE e.order_id = ? ORDER BY e.id",
            args![id],
        )
        .await?;
    let owed = deadlines::of_orders(&ctx.db, "?", args![id]).await?;
    let owed = owed.get(&id).map_or(&[][..], Vec::as_slice);
    Ok(WorkOrderDetail {
        order: load::<Row>(ctx, id)
            .await?
            .order(actor, owed, ctx.now.timestamp_millis()),
        events,
        photos: case_files(&ctx.db, CaseKind::WorkOrder, id).await?,
    })
}

const URGENT: u32 = 30;
const LATEST: u32 = PAGE - URGENT;

/// A page of the board (`board_page`): the `URGENT` open orders whose owed deadline falls due
/// first (the owed deadlines in due order), and the `LATEST` newest orders, open before closed
/// (the board indexes of migration 0028), so what just came in is always on it. The page is
/// shown most urgent first.
pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let (shown, value) = listed(&actor, CUSTOMER_SEES, "o.hall_id");
    // Staff walk the owed deadlines in due order (CROSS JOIN keeps SQLite from reading every
    // order of the hall first); a customer's few orders are read first.
    let join = match actor.role {
        Role::Customer => "JOIN",
        _ => "CROSS JOIN",
    };
    let owed = format!(
        "SELECT d.order_id AS id, d.due_at AS k1, 0 AS k2 FROM work_order_deadlines d \
         {join} work_orders o ON o.id = d.order_id WHERE d.met_at IS NULL \
         AND o.status NOT IN ('closed', 'cancelled') AND {shown} ORDER BY d.due_at LIMIT {URGENT}"
    );
    let latest = format!(
        "SELECT o.id, o.status IN ('closed', 'cancelled') AS k1, -o.created_at AS k2 FROM work_orders o \
         WHERE {shown} ORDER BY o.status IN ('closed', 'cancelled'), o.created_at DESC LIMIT {LATEST}"
    );
    let page = board_page::ids(&owed, &latest, PAGE);
    let rows: Vec<Row> = ctx
        .db
        .all_packed(&format!("{SELECT} WHERE o.id IN ({page})"), COLUMNS, value)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let owed = deadlines::of_orders(
        &ctx.db,
        "SELECT value FROM json_each(?)",
        args![serde_json::to_string(&ids)?],
    )
    .await?;
    let now = ctx.now.timestamp_millis();
    let mut orders: Vec<WorkOrder> = rows
        .into_iter()
        .map(|r| {
            let id = r.id;
            r.order(&actor, owed.get(&id).map_or(&[][..], Vec::as_slice), now)
        })
        .collect();
    orders.sort_by_key(|o| (!o.status.is_open(), o.due.urgency(), o.deadline_at));
    ok(&orders)
}

/// A customer files an order online; staff take one for a caller or walk-in (`intake`).
/// The order, its first deadlines and its first event are written together.
pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input: OrderInput = read_json(&mut ctx.req).await?;
    let actor = ctx.actor()?;
    let by_staff = actor.role != Role::Customer;
    let input = input.checked(by_staff)?;
    hall_name(&ctx.db, &input.hall_id)
        .await
        .map_err(|_| ApiError::validation("hall_id", "choose the hall for your area"))?;
    let customer = if by_staff {
        if !may_work_hall(&actor, &input.hall_id) {
            return Err(ApiError::new(Reason::OtherHall, "take orders for your own hall").into());
        }
        intake::customer_of(ctx, &input).await?
    } else {
        if let Some(number) = &input.account {
            bound(ctx, number).await.map_err(|_| {
                ApiError::validation("account", "choose one of your bound accounts")
            })?;
        }
        Some(actor.user_id)
    };
    let id = file(ctx, &actor, &input, customer).await?;
    created(&detail(ctx, &actor, id).await?)
}

/// Writes a checked order for `customer` (none: a caller with no account) together with its
/// first deadlines and first event, and tells the customer when staff took it for them.
pub async fn file(
    ctx: &Ctx,
    actor: &Actor,
    input: &OrderInput,
    customer: Option<i64>,
) -> Result<i64> {
    let by_staff = actor.role != Role::Customer;
    let now = ctx.now.timestamp_millis();
    // One batch is one transaction on D1's single writer: the largest id is this order's.
    let this_order = "(SELECT MAX(id) FROM work_orders)";
    let mut statements = vec![ctx.db.statement(
        "INSERT INTO work_orders (customer_id, caller_name, channel, topic, description, location, phone, \
         hall_id, account, status, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?) RETURNING id",
        args![customer, input.intake.caller_name.clone(), wire_name(&input.intake.channel),
              wire_name(&input.topic), &input.description, &input.location, &input.phone,
              &input.hall_id, input.account.clone(), now, now],
    )?];
    statements.extend(deadlines::start(&ctx.db, this_order, input.topic, now).await?);
    let taken = by_staff.then(|| input.intake.channel.words().0.to_string());
    statements.push(ctx.db.statement(
        &format!(
            "INSERT INTO work_order_events (order_id, at, actor_id, action, status, note) \
             VALUES ({this_order}, ?, ?, NULL, 'submitted', ?)"
        ),
        args![now, actor.user_id, taken],
    )?);
    let id = ctx
        .db
        .batch_returning::<crate::db::Id>(statements)
        .await?
        .ok_or_else(|| ApiError::internal("the new work order has no id"))?
        .id;
    if let (true, Some(customer)) = (by_staff, customer) {
        let message = Message::WorkOrderStep {
            id,
            status: OrderStatus::Submitted.words(),
        };
        tell_of_step(ctx, CaseKind::WorkOrder, id, customer, message).await?;
    }
    Ok(id)
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
    let (actor, row) = readable::<Row>(ctx).await?;
    ok(&detail(ctx, &actor, row.id).await?)
}

pub async fn handle_act(ctx: &mut Ctx) -> Result<Response> {
    let (actor, row) = readable::<Row>(ctx).await?;
    let input: OrderActInput = read_json(&mut ctx.req).await?;
    let change = row.state().apply(&input, actor.role == Role::Customer)?;
    let now = ctx.now.timestamp_millis();
    let (stars, comment) = change.rating.clone().unzip();
    let contacted = change.met.contains(&Milestone::Contact).then_some(now);
    let outcome = change.callback.as_ref().map(|(o, _)| wire_name(o));
    let unreached = match change.callback {
        Some((Outcome::NotReached, _)) => row.unreached + 1,
        _ if change.reply.is_some() => 0,
        _ => row.unreached,
    };
    let written = ctx
        .db
        .run(
            "UPDATE work_orders SET status = ?, department = ?, contacted_at = COALESCE(contacted_at, ?), \
             reply = COALESCE(?, reply), stars = COALESCE(?, stars), rating_comment = COALESCE(?, rating_comment), \
             callback = COALESCE(?, callback), unreached = ?, updated_at = ? \
             WHERE id = ? AND status = ? AND stars IS NULL AND unreached = ?",
            args![wire_name(&change.status), change.department.map(|d| wire_name(&d)),
                  contacted, change.reply.clone(), stars.map(i64::from), comment, outcome,
                  i64::from(unreached), now, row.id, wire_name(&row.status), i64::from(row.unreached)],
        )
        .await?;
    if written.changes == 0 {
        return Err(
            ApiError::new(Reason::Stale, "someone else acted on this order; reload it").into(),
        );
    }
    deadlines::record(&ctx.db, row.id, row.topic, &change, now).await?;
    if let Some((stars, comment)) = change.rating.clone().filter(|(s, _)| is_low(*s)) {
        let low = Opened {
            hall_id: row.hall_id.clone(),
            rated: Rated::WorkOrder,
            rated_ref: row.id.to_string(),
            subject: order_number(crate::db::from_ms(row.created_at).year(), row.id),
            link: Some(format!("/work-orders/{}", row.id)),
            stars,
            comment,
            customer_id: row.customer_id,
            customer_name: Some(row.customer_name.clone()),
            phone: Some(row.phone.clone()),
            at: now,
        };
        ctx.db.batch(vec![open_follow_up(&ctx.db, &low)?]).await?;
    }
    let moved = change.status != row.status || change.reply.is_some();
    let callback_note = change.callback.clone().map(|(outcome, reason)| {
        [Some(outcome.words().0.to_string()), reason]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("：")
    });
    let note = callback_note
        .or(change.reply)
        .or(change
            .rating
            .map(|(s, c)| format!("{s}★ {c}").trim().to_string()))
        .or(change
            .department
            .filter(|_| change.status == OrderStatus::Dispatched)
            .map(|d| d.words().0.to_string()));
    event(ctx, row.id, &actor, Some(input.action), change.status, note).await?;
    if let (true, true, Some(customer)) = (actor.role != Role::Customer, moved, row.customer_id) {
        let message = Message::WorkOrderStep {
            id: row.id,
            status: change.status.words(),
        };
        tell_of_step(ctx, CaseKind::WorkOrder, row.id, customer, message).await?;
    }
    ok(&detail(ctx, &actor, row.id).await?)
}

pub async fn handle_upload(ctx: &mut Ctx) -> Result<Response> {
    let (_, row) = readable::<Row>(ctx).await?;
    if !row.status.is_open() {
        return Err(ApiError::new(
            Reason::DocumentsClosed,
            "photos are added while the order is open",
        )
        .into());
    }
    created(&add_case_file(ctx, CaseKind::WorkOrder, row.id, MAX_PHOTOS).await?)
}

pub async fn handle_download(ctx: &mut Ctx) -> Result<Response> {
    let (_, row) = readable::<Row>(ctx).await?;
    serve_case_file(ctx, CaseKind::WorkOrder, row.id).await
}

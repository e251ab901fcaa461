//! The deadlines of work orders in D1: the terms the admin edits, each order's deadlines as
//! they start and are met, and the sweep that escalates an overdue one once, to the head of
//! the order's department and the hall's managers.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::{ok, read_json};
use crate::notify::{poke, queue, Envelope};
use crate::router::Ctx;
use chrono::{DateTime, Datelike, Utc};
use domain::calendar::Calendar;
use domain::notify::inbox::CaseKind;
use domain::notify::texts::Message;
use domain::service::work_orders::escalations::{
    DepartmentHead, Escalation, EscalationRun, HeadInput,
};
use domain::service::work_orders::terms::{self, Deadline, Limit, Term};
use domain::service::work_orders::{
    order_number, Department, DueState, Milestone, OrderChange, OrderDeadline, Topic,
};
use domain::wire::wire_name;
use domain::ApiError;
use serde::Deserialize;
use worker::{Env, Response};

#[derive(Deserialize)]
struct TermRow {
    topic: Topic,
    milestone: Milestone,
    minutes: Option<u32>,
    working_days: Option<u32>,
}

/// The terms in force: the stored ones, the published one for any pair not stored.
pub async fn terms(db: &Db) -> Result<Vec<Term>> {
    let rows: Vec<TermRow> = db
        .all(
            "SELECT topic, milestone, minutes, working_days FROM work_order_terms",
            args![],
        )
        .await?;
    let stored: Vec<Term> = rows
        .into_iter()
        .filter_map(|r| {
            let limit = match (r.minutes, r.working_days) {
                (Some(m), _) => Limit::Minutes(m),
                (None, Some(d)) => Limit::WorkingDays(d),
                (None, None) => return None,
            };
            Some(Term {
                topic: r.topic,
                milestone: r.milestone,
                limit,
            })
        })
        .collect();
    Ok(terms::complete(&stored))
}

pub async fn handle_terms(ctx: &mut Ctx) -> Result<Response> {
    ok(&terms(&ctx.db).await?)
}

/// The admin sets one topic's limit for one milestone; orders from now on get it.
pub async fn handle_set_term(ctx: &mut Ctx) -> Result<Response> {
    let input: Term = read_json(&mut ctx.req).await?;
    let term = input.checked()?;
    let (minutes, working_days) = match term.limit {
        Limit::Minutes(m) => (Some(i64::from(m)), None),
        Limit::WorkingDays(d) => (None, Some(i64::from(d))),
    };
    ctx.db
        .run(
            "INSERT INTO work_order_terms (topic, milestone, minutes, working_days) VALUES (?, ?, ?, ?) \
             ON CONFLICT (topic, milestone) DO UPDATE SET minutes = excluded.minutes, working_days = excluded.working_days",
            args![wire_name(&term.topic), wire_name(&term.milestone), minutes, working_days],
        )
        .await?;
    ok(&terms(&ctx.db).await?)
}

#[derive(Deserialize)]
struct DeadlineRow {
    order_id: i64,
    milestone: Milestone,
    round: u32,
    started_at: i64,
    due_at: i64,
    met_at: Option<i64>,
    escalated_at: Option<i64>,
}

impl DeadlineRow {
    fn deadline(&self) -> Deadline {
        Deadline {
            milestone: self.milestone,
            round: self.round,
            started_at: self.started_at,
            due_at: self.due_at,
            met_at: self.met_at,
            escalated_at: self.escalated_at,
        }
    }
}

const DEADLINE_COLUMNS: &str =
    "order_id, milestone, round, started_at, due_at, met_at, escalated_at";

/// The deadlines of the orders `orders` (an SQL `SELECT id ...` with its arguments), by order,
/// each in the order it falls due: one read for a whole list.
pub async fn of_orders(
    db: &Db,
    orders: &str,
    args: Vec<crate::db::Arg>,
) -> Result<std::collections::HashMap<i64, Vec<Deadline>>> {
    let rows: Vec<DeadlineRow> = db
        .all_packed(
            &format!(
                "SELECT {DEADLINE_COLUMNS} FROM work_order_deadlines \
                 WHERE order_id IN ({orders}) ORDER BY order_id, due_at"
            ),
            DEADLINE_COLUMNS,
            args,
        )
        .await?;
    let mut by_order = std::collections::HashMap::<i64, Vec<Deadline>>::new();
    for row in rows {
        by_order
            .entry(row.order_id)
            .or_default()
            .push(row.deadline());
    }
    Ok(by_order)
}

/// Where each deadline stands at `now`, and the leading one's due time and state.
pub fn standing(
    deadlines: &[Deadline],
    closed: bool,
    now: i64,
) -> (Vec<OrderDeadline>, i64, DueState) {
    let shown = deadlines
        .iter()
        .map(|&deadline| OrderDeadline {
            deadline,
            state: deadline.state(closed, now),
        })
        .collect();
    match terms::leading(deadlines) {
        Some(lead) => (shown, lead.due_at, lead.state(closed, now)),
        None => (shown, now, DueState::None),
    }
}

fn insert(db: &Db, order: i64, d: &Deadline) -> Result<worker::D1PreparedStatement> {
    db.statement(
        &format!("INSERT OR IGNORE INTO work_order_deadlines ({DEADLINE_COLUMNS}) VALUES (?, ?, ?, ?, ?, NULL, NULL)"),
        args![order, wire_name(&d.milestone), i64::from(d.round), d.started_at, d.due_at],
    )
}

/// The statements giving the order just inserted in the same batch (`order_id` is an SQL
/// expression for it) the deadlines its topic has at `now`.
pub async fn start(
    db: &Db,
    order_id: &str,
    topic: Topic,
    now: i64,
) -> Result<Vec<worker::D1PreparedStatement>> {
    let terms = terms(db).await?;
    terms::deadlines_from(&terms, topic, None, now, &Calendar::china())
        .iter()
        .map(|d| {
            db.statement(
                &format!(
                    "INSERT INTO work_order_deadlines ({DEADLINE_COLUMNS}) \
                     VALUES ({order_id}, ?, ?, ?, ?, NULL, NULL)"
                ),
                args![
                    wire_name(&d.milestone),
                    i64::from(d.round),
                    d.started_at,
                    d.due_at
                ],
            )
        })
        .collect()
}

/// Records what an accepted action did to the order's deadlines: the milestones met, the
/// clocks that start with them (restoration with the crew's arrival), and the result owed
/// again when a callback reopens the order.
pub async fn record(
    db: &Db,
    order: i64,
    topic: Topic,
    change: &OrderChange,
    now: i64,
) -> Result<()> {
    let mut statements = Vec::new();
    for milestone in &change.met {
        statements.push(db.statement(
            "UPDATE work_order_deadlines SET met_at = ? WHERE order_id = ? AND milestone = ? AND met_at IS NULL",
            args![now, order, wire_name(milestone)],
        )?);
    }
    let calendar = Calendar::china();
    let starts_clock = change.met.iter().any(|m| m.starts_clock());
    let terms = if starts_clock || change.reopened() {
        terms(db).await?
    } else {
        Vec::new()
    };
    for milestone in &change.met {
        for d in terms::deadlines_from(&terms, topic, Some(*milestone), now, &calendar) {
            statements.push(insert(db, order, &d)?);
        }
    }
    if change.reopened() {
        let rounds: Option<Round> = db
            .first(
                "SELECT MAX(round) AS round FROM work_order_deadlines WHERE order_id = ? AND milestone = ?",
                args![order, wire_name(&topic.answer())],
            )
            .await?;
        let next = rounds.and_then(|r| r.round).unwrap_or(1) + 1;
        if let Some(d) = terms::reopened(&terms, topic, next, now, &calendar) {
            statements.push(insert(db, order, &d)?);
        }
    }
    db.batch(statements).await
}

#[derive(Deserialize)]
struct Round {
    round: Option<u32>,
}

#[derive(Deserialize)]
struct EscalationRow {
    #[serde(flatten)]
    deadline: DeadlineRow,
    topic: Topic,
    hall_id: String,
    department: Option<Department>,
    created_at: i64,
}

impl EscalationRow {
    fn escalation(&self, escalated_at: i64) -> Escalation {
        let d = &self.deadline;
        Escalation {
            order_id: d.order_id,
            number: order_number(crate::db::from_ms(self.created_at).year(), d.order_id),
            topic: self.topic,
            hall_id: self.hall_id.clone(),
            department: self.department,
            milestone: d.milestone,
            round: d.round,
            due_at: d.due_at,
            escalated_at,
            met_at: d.met_at,
        }
    }
}

const ESCALATION_SELECT: &str =
    "SELECT d.order_id, d.milestone, d.round, d.started_at, d.due_at, d.met_at, d.escalated_at, \
     o.topic, o.hall_id, o.department, o.created_at \
     FROM work_order_deadlines d JOIN work_orders o ON o.id = d.order_id";

/// Escalates every deadline overdue at `now` and not reported yet, once each: the guard in
/// the UPDATE makes a second sweep (or two at once) find nothing left to tell.
pub async fn run_escalations(db: &Db, env: &Env, now: DateTime<Utc>) -> Result<EscalationRun> {
    let at = now.timestamp_millis();
    let rows: Vec<EscalationRow> = db
        .all(
            &format!(
                "{ESCALATION_SELECT} WHERE d.met_at IS NULL AND d.escalated_at IS NULL AND d.due_at < ? \
                 AND o.status NOT IN ('closed', 'cancelled') ORDER BY d.due_at LIMIT 200"
            ),
            args![at],
        )
        .await?;
    let mut escalated = 0;
    for row in &rows {
        let d = &row.deadline;
        if !d.deadline().needs_escalation(false, at) {
            continue;
        }
        let claimed = db
            .run(
                "UPDATE work_order_deadlines SET escalated_at = ? \
                 WHERE order_id = ? AND milestone = ? AND round = ? AND escalated_at IS NULL",
                args![at, d.order_id, wire_name(&d.milestone), i64::from(d.round)],
            )
            .await?;
        if claimed.changes == 0 {
            continue;
        }
        let escalation = row.escalation(at);
        let envelope = Envelope {
            message_id: format!(
                "escalation:{}:{}:{}",
                d.order_id,
                wire_name(&d.milestone),
                d.round
            ),
            case_kind: CaseKind::WorkOrder,
            case_id: d.order_id.to_string(),
            link: Some(format!("/work-orders/{}", d.order_id)),
            message: Message::WorkOrderOverdue {
                number: escalation.number.clone(),
                topic: row.topic.words(),
                milestone: d.milestone.words(),
            },
            at,
        };
        let people = responsible(db, &row.hall_id, row.department).await?;
        queue(db, env, &people, &envelope).await?;
        escalated += 1;
    }
    Ok(EscalationRun { escalated })
}

/// The hall's managers and the head of the department, if one is named.
async fn responsible(db: &Db, hall: &str, department: Option<Department>) -> Result<Vec<i64>> {
    let department = department.map(|d| wire_name(&d));
    db.ids(
        "SELECT id FROM users WHERE role = 'hall_manager' AND hall_id = ?1 \
         UNION SELECT user_id FROM department_heads WHERE department = ?2",
        args![hall, department],
    )
    .await
}

pub async fn handle_run_escalations(ctx: &mut Ctx) -> Result<Response> {
    let run = run_escalations(&ctx.db, &ctx.env, ctx.now).await?;
    poke(&ctx.env).await;
    ok(&run)
}

/// The escalated deadlines of the viewer's hall (all halls for the admin), newest first.
pub async fn handle_escalations(ctx: &mut Ctx) -> Result<Response> {
    let (_, hall) = crate::service::scope(&ctx.actor()?);
    let rows: Vec<EscalationRow> = ctx
        .db
        .all(
            &format!(
                "{ESCALATION_SELECT} WHERE d.escalated_at IS NOT NULL AND (?1 IS NULL OR o.hall_id = ?1) \
                 ORDER BY d.escalated_at DESC LIMIT 200"
            ),
            args![hall],
        )
        .await?;
    let list: Vec<Escalation> = rows
        .iter()
        .map(|r| r.escalation(r.deadline.escalated_at.unwrap_or_default()))
        .collect();
    ok(&list)
}

pub async fn handle_department_heads(ctx: &mut Ctx) -> Result<Response> {
    let heads: Vec<DepartmentHead> = ctx
        .db
        .all(
            "SELECT h.department, h.user_id, u.name FROM department_heads h JOIN users u ON u.id = h.user_id",
            args![],
        )
        .await?;
    ok(&heads)
}

/// Names the head of a department: a member of staff.
pub async fn handle_set_department_head(ctx: &mut Ctx) -> Result<Response> {
    let department: Department = crate::appointments::parse(ctx.matched.param(), "department")?;
    let input: HeadInput = read_json(&mut ctx.req).await?;
    let staff: Option<i64> = ctx
        .db
        .ids(
            "SELECT id FROM users WHERE id = ? AND role IN ('hall_staff', 'hall_manager', 'admin')",
            args![input.user_id],
        )
        .await?
        .first()
        .copied();
    let user = staff.ok_or_else(|| ApiError::validation("user_id", "choose a member of staff"))?;
    ctx.db
        .run(
            "INSERT INTO department_heads (department, user_id) VALUES (?, ?) \
             ON CONFLICT (department) DO UPDATE SET user_id = excluded.user_id",
            args![wire_name(&department), user],
        )
        .await?;
    handle_department_heads(ctx).await
}

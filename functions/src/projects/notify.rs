//! Notifications for projects: rows in each recipient's in-app inbox and, for key nodes, SMS in
//! the outbox. With `SMS_WEBHOOK_URL` set the delivery adapter posts pending SMS there (`{to,
//! body}`); without it (local) they are only logged, and the admin's outbox page shows them.
//! Reminders run daily (cron) or on the admin's demand, once per run of a limit.

use super::{today, ProjectRow, SELECT_PROJECTS};
use crate::args;
use crate::db::{Arg, Db};
use crate::error::Result;
use crate::http::ok;
use crate::router::Ctx;
use chrono::{DateTime, Utc};
use domain::expansion::api::{project_number, Inbox, InboxItem, OutboxMessage, ReminderRun};
use domain::expansion::calendar::Calendar;
use domain::expansion::notify::{reminders, sms_text, NoticeKind, Notification, Recipient};
use domain::expansion::process::{Project, Stage};
use domain::expansion::schedule::current_due;
use domain::wire::wire_name;
use serde::Deserialize;
use worker::{D1PreparedStatement, Env, Fetch, Method, Request, RequestInit, Response};

pub use domain::expansion::notify::after_step;

/// Where a project's notifications go, and (for an act) the token its batch must still hold.
pub struct Delivery<'a> {
    pub project: i64,
    pub hall: &'a str,
    pub customer: i64,
    pub number: String,
    pub title: &'a str,
    pub guard: Option<(&'a str, i64)>,
    pub now: i64,
    /// What new outbox messages start as (see `outbox_status`).
    pub status: &'static str,
}

impl Delivery<'_> {
    /// Which users a recipient is (SQL over `users`) and its values.
    fn users(&self, to: Recipient, project: &Project) -> Option<(String, Vec<Arg>)> {
        Some(match to {
            Recipient::Customer => ("id = ?".into(), args![self.customer]),
            Recipient::Firm(kind) => (
                "firm_id = ?".into(),
                args![project.firms.get(&kind)?.firm_id],
            ),
            Recipient::HallStaff => (
                "hall_id = ? AND role IN ('hall_staff', 'hall_manager')".into(),
                args![self.hall],
            ),
            Recipient::HallManagers => (
                "hall_id = ? AND role = 'hall_manager'".into(),
                args![self.hall],
            ),
        })
    }

    /// Where an SMS to a recipient goes: the customer's phone, or the firm's.
    fn phone(&self, to: Recipient, project: &Project) -> Option<(String, Vec<Arg>)> {
        Some(match to {
            Recipient::Customer => (
                "SELECT phone FROM users WHERE id = ? AND phone IS NOT NULL".into(),
                args![self.customer],
            ),
            Recipient::Firm(kind) => (
                "SELECT phone FROM firms WHERE id = ?".into(),
                args![project.firms.get(&kind)?.firm_id],
            ),
            _ => return None,
        })
    }

    fn guard(&self, mut args: Vec<Arg>) -> (String, Vec<Arg>) {
        match self.guard {
            Some((token, id)) => {
                args.extend(args![id, token]);
                (
                    " AND (SELECT act_token FROM projects WHERE id = ?) = ?".into(),
                    args,
                )
            }
            None => (String::new(), args),
        }
    }

    pub fn statements(
        &self,
        db: &Db,
        project: &Project,
        notes: &[Notification],
        stage: Stage,
    ) -> Result<Vec<D1PreparedStatement>> {
        let mut out = Vec::new();
        for note in notes {
            if let Some((who, values)) = self.users(note.to, project) {
                let mut values_all = args![
                    self.project,
                    wire_name(&note.kind),
                    wire_name(&stage),
                    self.now
                ];
                values_all.extend(values);
                let (guard, values_all) = self.guard(values_all);
                out.push(db.statement(
                    &format!("INSERT INTO inbox (user_id, project_id, kind, stage, at) SELECT id, ?, ?, ?, ? FROM users WHERE {who}{guard}"),
                    values_all,
                )?);
            }
            if let Some((select, values)) = note.sms.then(|| self.phone(note.to, project)).flatten()
            {
                let body = sms_text(&self.number, self.title, note.kind, stage);
                let mut values_all = args![body, self.project, self.now, self.status];
                values_all.extend(values);
                let (guard, values_all) = self.guard(values_all);
                let select = select.replacen("SELECT phone", "SELECT 'sms', phone, ?, ?, ?, ?", 1);
                out.push(db.statement(
                    &format!("INSERT INTO outbox (channel, recipient, body, project_id, at, status) {select}{guard}"),
                    values_all,
                )?);
            }
        }
        Ok(out)
    }
}

fn provider(env: &Env) -> Option<String> {
    crate::settings::setting(env, "SMS_WEBHOOK_URL")
}

/// New messages wait for the provider when there is one; otherwise they are only logged.
pub fn outbox_status(env: &Env) -> &'static str {
    if provider(env).is_some() {
        "pending"
    } else {
        "logged"
    }
}

/// Posts pending SMS to the configured provider and marks each sent or failed.
pub async fn deliver_pending(ctx: &Ctx) -> Result<()> {
    let Some(url) = provider(&ctx.env) else {
        return Ok(());
    };
    let pending: Vec<OutboxMessage> = ctx
        .db
        .all(
            "SELECT id, channel, recipient, body, project_id, at, status FROM outbox WHERE status = 'pending' ORDER BY id LIMIT 20",
            args![],
        )
        .await?;
    for message in pending {
        let body = serde_json::json!({ "to": message.recipient, "body": message.body }).to_string();
        let mut init = RequestInit::new();
        init.with_method(Method::Post).with_body(Some(body.into()));
        let sent = match Request::new_with_init(&url, &init) {
            Ok(req) => Fetch::Request(req)
                .send()
                .await
                .is_ok_and(|r| r.status_code() < 300),
            Err(_) => false,
        };
        let status = if sent { "sent" } else { "failed" };
        ctx.db
            .run(
                "UPDATE outbox SET status = ? WHERE id = ?",
                args![status, message.id],
            )
            .await?;
    }
    Ok(())
}

fn delivery<'a>(row: &'a ProjectRow, env: &Env, now: DateTime<Utc>) -> Delivery<'a> {
    Delivery {
        project: row.id,
        hall: &row.hall_id,
        customer: row.customer_id,
        number: row.number(),
        title: &row.title,
        guard: None,
        now: now.timestamp_millis(),
        status: outbox_status(env),
    }
}

/// A new application: the hall's staff are told it waits for them.
pub async fn opened(ctx: &Ctx, id: i64) -> Result<()> {
    let row = super::load(&ctx.db, id).await?;
    let note = Notification {
        to: Recipient::HallStaff,
        kind: NoticeKind::YourTurn,
        sms: false,
    };
    let statements = delivery(&row, &ctx.env, ctx.now).statements(
        &ctx.db,
        &row.project()?,
        &[note],
        Stage::Application,
    )?;
    ctx.db.batch(statements).await
}

/// Reminds holders of limits due soon and escalates passed ones, each once per run.
pub async fn run_reminders(db: &Db, env: &Env, now: DateTime<Utc>) -> Result<ReminderRun> {
    let rows: Vec<ProjectRow> = db
        .all(
            &format!("{SELECT_PROJECTS} WHERE p.stage NOT IN ('energized', 'cancelled')"),
            args![],
        )
        .await?;
    let calendar = Calendar::china();
    let day = today(now);
    let mut run = ReminderRun {
        due_soon: 0,
        overdue: 0,
    };
    for row in &rows {
        let project = row.project()?;
        let Some(due) = current_due(&calendar, &project, row.dual(), row.opened()?, day) else {
            continue;
        };
        let notes = reminders(project.stage, &due);
        let Some(first) = notes.first() else {
            continue;
        };
        let fresh = db
            .run(
                "INSERT OR IGNORE INTO project_reminders (project_id, stage, started, kind) VALUES (?, ?, ?, ?)",
                args![row.id, wire_name(&project.stage), due.started.to_string(), wire_name(&first.kind)],
            )
            .await?;
        if fresh.changes == 0 {
            continue;
        }
        match first.kind {
            NoticeKind::Overdue => run.overdue += 1,
            _ => run.due_soon += 1,
        }
        db.batch(delivery(row, env, now).statements(db, &project, &notes, project.stage)?)
            .await?;
    }
    Ok(run)
}

pub async fn handle_reminders(ctx: &mut Ctx) -> Result<Response> {
    let run = run_reminders(&ctx.db, &ctx.env, ctx.now).await?;
    deliver_pending(ctx).await?;
    ok(&run)
}

#[derive(Deserialize)]
struct InboxRow {
    id: i64,
    project_id: i64,
    opened_on: String,
    title: String,
    kind: String,
    stage: String,
    at: i64,
    read_at: Option<i64>,
}

pub async fn handle_inbox(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    let rows: Vec<InboxRow> = ctx
        .db
        .all(
            "SELECT i.id, i.project_id, p.opened_on, p.title, i.kind, i.stage, i.at, i.read_at FROM inbox i \
             JOIN projects p ON p.id = i.project_id WHERE i.user_id = ? ORDER BY i.id DESC LIMIT 50",
            args![user.id],
        )
        .await?;
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(InboxItem {
                id: r.id,
                project_id: r.project_id,
                number: project_number(&r.opened_on, r.project_id),
                title: r.title,
                kind: super::stored(r.project_id, r.kind.into())?,
                stage: super::stored(r.project_id, r.stage.into())?,
                at: r.at,
                read: r.read_at.is_some(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    #[derive(Deserialize)]
    struct Count {
        unread: i64,
    }
    let count: Option<Count> = ctx
        .db
        .first(
            "SELECT COUNT(*) AS unread FROM inbox WHERE user_id = ? AND read_at IS NULL",
            args![user.id],
        )
        .await?;
    ok(&Inbox {
        items,
        unread: count.map_or(0, |c| c.unread as u32),
    })
}

/// Marks everything in the caller's inbox read.
pub async fn handle_inbox_read(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    ctx.db
        .run(
            "UPDATE inbox SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
            args![ctx.now.timestamp_millis(), user.id],
        )
        .await?;
    handle_inbox(ctx).await
}

pub async fn handle_outbox(ctx: &mut Ctx) -> Result<Response> {
    let messages: Vec<OutboxMessage> = ctx
        .db
        .all(
            "SELECT id, channel, recipient, body, project_id, at, status FROM outbox ORDER BY id DESC LIMIT 200",
            args![],
        )
        .await?;
    ok(&messages)
}

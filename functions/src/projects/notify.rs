//! Notifications for projects, through the one inbox and outbox (`crate::notify`): rows in
//! each recipient's inbox, a push to their devices, and for key nodes SMS to the customer's or
//! the firm's phone.
//! Reminders run daily (cron) or on the admin's demand, once per run of a limit.

use super::{today, ProjectRow, SELECT_PROJECTS};
use crate::args;
use crate::db::{Arg, Db};
use crate::error::Result;
use crate::http::ok;
use crate::notify::{poke, Envelope, Users};
use crate::router::Ctx;
use chrono::{DateTime, Utc};
use domain::expansion::api::ReminderRun;
use domain::expansion::calendar::Calendar;
use domain::expansion::notify::{reminders, NoticeKind, Notification, Recipient};
use domain::expansion::process::{Project, Stage};
use domain::expansion::schedule::current_due;
use domain::notify::inbox::CaseKind;
use domain::notify::texts::{Lang, Message};
use domain::wire::wire_name;
use worker::{D1PreparedStatement, Env, Response};

pub use domain::expansion::notify::after_step;

/// Where a project's notifications go, and (for an act) the token its batch must still hold.
pub struct Delivery<'a> {
    pub project: i64,
    pub hall: &'a str,
    pub customer: i64,
    pub number: String,
    pub guard: Option<(&'a str, i64)>,
    pub now: i64,
}

impl Delivery<'_> {
    /// Which users a recipient is.
    fn users(&self, to: Recipient, project: &Project) -> Option<Users> {
        let (filter, args) = match to {
            Recipient::Customer => ("id = ?", args![self.customer]),
            Recipient::Firm(kind) => ("firm_id = ?", args![project.firms.get(&kind)?.firm_id]),
            Recipient::HallStaff => (
                "hall_id = ? AND role IN ('hall_staff', 'hall_manager')",
                args![self.hall],
            ),
            Recipient::HallManagers => ("hall_id = ? AND role = 'hall_manager'", args![self.hall]),
        };
        Some(Users {
            filter: filter.into(),
            args,
        })
    }

    /// Where an SMS to a recipient goes: the customer's phone, or the firm's.
    fn phone(&self, to: Recipient, project: &Project) -> Option<(&'static str, Vec<Arg>)> {
        Some(match to {
            Recipient::Customer => ("SELECT phone FROM users WHERE id = ?", args![self.customer]),
            Recipient::Firm(kind) => (
                "SELECT phone FROM firms WHERE id = ?",
                args![project.firms.get(&kind)?.firm_id],
            ),
            _ => return None,
        })
    }

    /// The act's guard: the rows are written only if the batch's act still holds the project.
    fn guard(&self) -> (&'static str, Vec<Arg>) {
        match self.guard {
            Some((token, id)) => (
                " AND (SELECT act_token FROM projects WHERE id = ?) = ?",
                args![id, token],
            ),
            None => ("", Vec::new()),
        }
    }

    pub fn statements(
        &self,
        db: &Db,
        env: &Env,
        project: &Project,
        notes: &[Notification],
        stage: Stage,
    ) -> Result<Vec<D1PreparedStatement>> {
        let mut out = Vec::new();
        for (i, note) in notes.iter().enumerate() {
            let envelope = Envelope {
                message_id: format!(
                    "project:{}:{}:{}:{}:{i}",
                    self.project,
                    wire_name(&note.kind),
                    wire_name(&stage),
                    self.now
                ),
                case_kind: CaseKind::Project,
                case_id: self.project.to_string(),
                link: Some(format!("/projects/{}", self.project)),
                message: Message::Project {
                    number: self.number.clone(),
                    kind: note.kind,
                    stage: stage.words(),
                },
                at: self.now,
            };
            if let Some(users) = self.users(note.to, project) {
                out.push(envelope.inbox(db, &users, self.guard())?);
                out.push(envelope.push(db, env, &users, self.guard(), Lang::Zh)?);
            }
            if let Some(phones) = note.sms.then(|| self.phone(note.to, project)).flatten() {
                out.push(envelope.sms(db, env, phones, self.guard(), Lang::Zh, 0)?);
            }
        }
        Ok(out)
    }
}

fn delivery(row: &ProjectRow, now: DateTime<Utc>) -> Delivery<'_> {
    Delivery {
        project: row.id,
        hall: &row.hall_id,
        customer: row.customer_id,
        number: row.number(),
        guard: None,
        now: now.timestamp_millis(),
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
    let statements = delivery(&row, ctx.now).statements(
        &ctx.db,
        &ctx.env,
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
        db.batch(delivery(row, now).statements(db, env, &project, &notes, project.stage)?)
            .await?;
    }
    Ok(run)
}

pub async fn handle_reminders(ctx: &mut Ctx) -> Result<Response> {
    let run = run_reminders(&ctx.db, &ctx.env, ctx.now).await?;
    poke(&ctx.env).await;
    ok(&run)
}

//! Notifications for projects, through the one inbox and outbox (`crate::notify`): each
//! recipient's inbox and the channels they chose, and for key nodes SMS to the customer (if
//! they want project SMS) and to the firm's line.
//! Reminders run daily (cron) or on the admin's demand, once per run of a limit.

use super::{today, ProjectRow, SELECT_PROJECTS};
use crate::args;
use crate::db::{Arg, Db};
use crate::error::Result;
use crate::http::ok;
use crate::notify::{poke, preferences, Envelope};
use crate::router::Ctx;
use chrono::{DateTime, Utc};
use domain::calendar::Calendar;
use domain::notify::inbox::CaseKind;
use domain::notify::texts::Message;
use domain::projects::bodies::ReminderRun;
use domain::projects::notify::{reminders, NoticeKind, Notification, Recipient};
use domain::projects::process::{Project, Stage};
use domain::projects::schedule::current_due;
use domain::wire::wire_name;
use worker::{D1PreparedStatement, Env, Response};

pub use domain::projects::notify::after_step;

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
    /// The users a recipient is.
    async fn users(&self, db: &Db, to: Recipient, project: &Project) -> Result<Vec<i64>> {
        let (filter, args) = match to {
            Recipient::Customer => ("id = ?", args![self.customer]),
            Recipient::Firm(kind) => match project.firms.get(&kind) {
                Some(firm) => ("firm_id = ?", args![firm.firm_id]),
                None => return Ok(Vec::new()),
            },
            Recipient::HallStaff => (
                "hall_id = ? AND role IN ('hall_staff', 'hall_manager')",
                args![self.hall],
            ),
            Recipient::HallManagers => ("hall_id = ? AND role = 'hall_manager'", args![self.hall]),
        };
        db.ids(&format!("SELECT id FROM users WHERE {filter}"), args)
            .await
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

    /// Each recipient's notices by their choices; a key node (`sms`) goes by SMS to a customer
    /// who wants project SMS, and to the firm's own line.
    pub async fn statements(
        &self,
        db: &Db,
        env: &Env,
        project: &Project,
        notes: &[Notification],
        stage: Stage,
    ) -> Result<Vec<D1PreparedStatement>> {
        let guard = self.guard();
        let extra = (guard.0, guard.1.as_slice());
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
            let users = self.users(db, note.to, project).await?;
            let by_sms = note.sms && note.to == Recipient::Customer;
            for (user, prefs) in preferences::of_users(db, &users).await? {
                out.extend(envelope.to_person(db, env, user, &prefs, by_sms, extra)?);
            }
            if let (true, Recipient::Firm(kind)) = (note.sms, note.to) {
                if let Some(firm) = project.firms.get(&kind) {
                    let line = ("SELECT phone FROM firms WHERE id = ?", args![firm.firm_id]);
                    out.push(envelope.sms(db, env, line, extra, 0)?);
                }
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
    let statements = delivery(&row, ctx.now)
        .statements(
            &ctx.db,
            &ctx.env,
            &row.project()?,
            &[note],
            Stage::Application,
        )
        .await?;
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
        let statements = delivery(row, now)
            .statements(db, env, &project, &notes, project.stage)
            .await?;
        db.batch(statements).await?;
    }
    Ok(run)
}

pub async fn handle_reminders(ctx: &mut Ctx) -> Result<Response> {
    let run = run_reminders(&ctx.db, &ctx.env, ctx.now).await?;
    poke(&ctx.env).await;
    ok(&run)
}

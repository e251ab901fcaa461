//! Connection projects (业扩报装): applying, the lists each party sees, the project page.
//! Every rule is in `domain::projects`; this module loads, checks visibility and stores.

mod act;
mod board;
pub mod clocks;
mod documents;
mod notify;
pub mod reports;

pub use act::{handle_act, handle_comment};
pub use board::handle_list;
pub use clocks::firm_records;
pub use documents::{handle_download, handle_upload};
pub use notify::{handle_reminders, run_reminders};
pub use reports::{handle_durations_csv, handle_on_time};

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::{created, ok, parse_id, read_json};
use crate::router::Ctx;
use chrono::{DateTime, NaiveDate, Utc};
use domain::calendar::Calendar;
use domain::hours::to_local;
use domain::policy::{may_see_project, Actor, ProjectParties};
use domain::projects::bodies::{
    project_number, AuditEntry, AuditKind, ProjectApply, ProjectDetail, ProjectFirm, ProjectKind,
    ProjectSummary,
};
use domain::projects::glance::Glance;
use domain::projects::process::{Party, Project};
use domain::projects::schedule::{clock, due_of, holder, schedule};
use domain::projects::solar::expected_annual_kwh;
use domain::wire::wire_name;
use domain::{ApiError, Reason};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use worker::Response;

/// A project as stored, with its customer's name.
#[derive(Deserialize, Clone)]
pub struct ProjectRow {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub hall_id: String,
    pub title: String,
    pub address: String,
    pub kind: String,
    pub capacity_kva: i64,
    pub dual_source: i64,
    pub state_json: String,
    pub opened_on: String,
    pub updated_at: i64,
    pub account_no: Option<String>,
    /// Read by the board only (`board`).
    #[serde(default)]
    pub glance: Option<String>,
}

pub const SELECT_PROJECTS: &str =
    "SELECT p.id, p.customer_id, u.name AS customer_name, p.hall_id, \
    p.title, p.address, p.kind, p.capacity_kva, p.dual_source, p.state_json, p.opened_on, \
    p.updated_at, p.account_no FROM projects p JOIN users u ON u.id = p.customer_id";

fn malformed(id: i64) -> ApiError {
    ApiError::internal(format!("project {id} has malformed data"))
}

/// A stored JSON or text value read back into a domain type.
pub fn stored<T: DeserializeOwned>(id: i64, value: serde_json::Value) -> Result<T> {
    serde_json::from_value(value).map_err(|_| malformed(id).into())
}

impl ProjectRow {
    pub fn project(&self) -> Result<Project> {
        serde_json::from_str(&self.state_json).map_err(|_| malformed(self.id).into())
    }

    pub fn opened(&self) -> Result<NaiveDate> {
        self.opened_on
            .parse()
            .map_err(|_| malformed(self.id).into())
    }

    pub fn number(&self) -> String {
        project_number(&self.opened_on, self.id)
    }

    pub fn project_kind(&self) -> Result<ProjectKind> {
        stored(self.id, self.kind.clone().into())
    }

    pub fn dual(&self) -> bool {
        self.dual_source != 0
    }

    fn parties<'a>(&'a self, firm_ids: &'a [i64]) -> ProjectParties<'a> {
        ProjectParties {
            customer_id: self.customer_id,
            hall_id: &self.hall_id,
            firm_ids,
        }
    }
}

/// Today in China, the calendar's day.
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    to_local(now).date_naive()
}

pub fn party(actor: &Actor) -> Party {
    Party::of(actor.role).unwrap_or(Party::Utility)
}

/// A loaded project the caller may see.
pub struct Visible {
    pub actor: Actor,
    pub row: ProjectRow,
    pub project: Project,
}

/// Project `id` as stored, or 404.
pub async fn load(db: &Db, id: i64) -> Result<ProjectRow> {
    db.found(
        &format!("{SELECT_PROJECTS} WHERE p.id = ?"),
        args![id],
        "project",
    )
    .await
}

/// The project in the path, if the caller may see it: 404 when missing, 403 when another's.
pub async fn visible(ctx: &Ctx) -> Result<Visible> {
    visible_id(ctx, parse_id(ctx.matched.param(), "project")?).await
}

/// Project `id`, if the caller may see it.
pub async fn visible_id(ctx: &Ctx, id: i64) -> Result<Visible> {
    let actor = ctx.actor()?;
    let row = load(&ctx.db, id).await?;
    let project = row.project()?;
    let firm_ids = project.firm_ids();
    if !may_see_project(&actor, &row.parties(&firm_ids)) {
        return Err(ApiError::new(Reason::NotYours, "this project is not one of yours").into());
    }
    Ok(Visible {
        actor,
        row,
        project,
    })
}

/// The project as a list shows it, from its glance (`domain::projects::glance`).
pub fn summary(
    calendar: &Calendar,
    row: &ProjectRow,
    glance: &Glance,
    my_turn: bool,
    today: NaiveDate,
) -> Result<ProjectSummary> {
    let opened = row.opened()?;
    let kind = row.project_kind()?;
    Ok(ProjectSummary {
        id: row.id,
        number: row.number(),
        title: row.title.clone(),
        address: row.address.clone(),
        hall_id: row.hall_id.clone(),
        customer_name: row.customer_name.clone(),
        kind,
        capacity_kva: row.capacity_kva as u32,
        dual_source: row.dual(),
        account: row.account_no.clone(),
        expected_annual_kwh: (kind == ProjectKind::RooftopPv)
            .then(|| u32::try_from(row.capacity_kva).map(expected_annual_kwh))
            .transpose()
            .map_err(|_| malformed(row.id))?,
        stage: glance.stage,
        holder: holder(glance.stage),
        stage_since: glance.stage_since.unwrap_or(opened),
        due: clock(kind, glance.stage, row.dual())
            .map(|c| due_of(calendar, c, glance.clock_started.unwrap_or(opened), today)),
        whole: glance.whole(calendar, kind, row.dual(), opened, today),
        my_turn,
        opened_on: opened,
        updated_at: row.updated_at,
    })
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input = read_json::<ProjectApply>(&mut ctx.req).await?.checked()?;
    let actor = ctx.actor()?;
    let id = open_project(ctx, &actor, &input).await?;
    let detail = detail_of(ctx, &actor, id).await?;
    created(&detail)
}

/// Opens a project for the customer `actor` from a checked application; its id.
pub async fn open_project(ctx: &Ctx, actor: &Actor, input: &ProjectApply) -> Result<i64> {
    let hall: Option<serde_json::Value> = ctx
        .db
        .first("SELECT id FROM halls WHERE id = ?", args![&input.hall_id])
        .await?;
    if hall.is_none() {
        return Err(ApiError::validation("hall_id", "choose the hall for your area").into());
    }
    if let Some(number) = &input.account {
        let bound: Option<serde_json::Value> = ctx
            .db
            .first(
                "SELECT 1 AS bound FROM account_bindings WHERE user_id = ? AND number = ?",
                args![actor.user_id, number],
            )
            .await?;
        if bound.is_none() {
            return Err(
                ApiError::validation("account", "choose one of your bound accounts").into(),
            );
        }
    }
    let now = ctx.now.timestamp_millis();
    let project = Project::new(input.kind);
    let opened = today(ctx.now);
    let state = serde_json::to_string(&project)?;
    let written = ctx
        .db
        .run(
            "INSERT INTO projects (customer_id, hall_id, title, address, kind, capacity_kva, dual_source, \
             stage, state_json, glance, opened_on, created_at, updated_at, account_no) \
             VALUES (?, ?, ?, ?, ?, ?, ?, 'application', ?, ?, ?, ?, ?, ?)",
            args![
                actor.user_id,
                &input.hall_id,
                &input.title,
                &input.address,
                wire_name(&input.kind),
                input.capacity_kva as i64,
                input.dual_source as i64,
                state,
                serde_json::to_string(&Glance::of(&project, input.dual_source, opened, opened))?,
                opened.to_string(),
                now,
                now,
                input.account.clone()
            ],
        )
        .await?;
    let id = written.last_row_id;
    let mut statements = vec![ctx.db.statement(
        "INSERT INTO project_events (project_id, at, user_id, party, kind, to_stage) VALUES (?, ?, ?, 'customer', 'opened', 'application')",
        args![id, now, actor.user_id],
    )?];
    statements.extend(clocks::statements(
        &ctx.db,
        &clocks::Written {
            id,
            number: &project_number(&opened.to_string(), id),
            title: &input.title,
            hall_id: &input.hall_id,
            dual_source: input.dual_source,
            opened,
            before: None,
            now: &project,
            token: None,
        },
    )?);
    ctx.db.batch(statements).await?;
    notify::opened(ctx, id).await?;
    Ok(id)
}

pub async fn handle_get(ctx: &mut Ctx) -> Result<Response> {
    let v = visible(ctx).await?;
    ok(&detail(ctx, &v).await?)
}

/// The detail of project `id` for `actor`, who has just created or changed it.
pub async fn detail_of(ctx: &Ctx, actor: &Actor, id: i64) -> Result<ProjectDetail> {
    let row = load(&ctx.db, id).await?;
    let project = row.project()?;
    let v = Visible {
        actor: actor.clone(),
        row,
        project,
    };
    detail(ctx, &v).await
}

async fn detail(ctx: &Ctx, v: &Visible) -> Result<ProjectDetail> {
    let calendar = Calendar::china();
    let day = today(ctx.now);
    let viewer = party(&v.actor);
    let names = reports::firm_names(&ctx.db).await?;
    let firms = v
        .project
        .firms
        .values()
        .map(|a| ProjectFirm {
            kind: a.kind,
            firm_id: a.firm_id,
            name: names.get(&a.firm_id).cloned().unwrap_or_default(),
            accepted: a.accepted,
        })
        .collect();
    Ok(ProjectDetail {
        summary: {
            let glance = Glance::of(&v.project, v.row.dual(), v.row.opened()?, day);
            summary(&calendar, &v.row, &glance, glance.is_turn_of(viewer), day)?
        },
        schedule: schedule(&calendar, &v.project, v.row.dual(), v.row.opened()?, day),
        actions: v.project.options(viewer, day),
        project: v.project.clone(),
        firms,
        documents: documents::list(&ctx.db, v.row.id).await?,
        audit: audit(&ctx.db, v.row.id).await?,
    })
}

#[derive(Deserialize)]
struct EventRow {
    id: i64,
    at: i64,
    actor: String,
    party: String,
    kind: String,
    action: Option<String>,
    from_stage: Option<String>,
    to_stage: Option<String>,
    text: Option<String>,
}

async fn audit(db: &Db, project: i64) -> Result<Vec<AuditEntry>> {
    let rows: Vec<EventRow> = db
        .all(
            "SELECT e.id, e.at, u.name AS actor, e.party, e.kind, e.action, e.from_stage, e.to_stage, e.text \
             FROM project_events e JOIN users u ON u.id = e.user_id WHERE e.project_id = ? ORDER BY e.id",
            args![project],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(AuditEntry {
                id: r.id,
                at: r.at,
                actor: r.actor,
                party: stored(project, r.party.into())?,
                kind: stored::<AuditKind>(project, r.kind.into())?,
                action: stored(project, r.action.into())?,
                from: stored(project, r.from_stage.into())?,
                to: stored(project, r.to_stage.into())?,
                text: r.text,
            })
        })
        .collect()
}

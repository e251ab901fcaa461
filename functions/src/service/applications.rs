//! Applications: filed by a customer for a bound account (or, for a new connection, an address),
//! accepted and reviewed by the hall's staff. On approval the change is made to the account; a
//! new connection or capacity increase opens a business-expansion project instead.

use super::case_loading::{load, readable, readable_id, CaseRow};
use super::{
    add_case_file, case_files, case_files_of, check_sees, listed, serve_case_file, tell_of_step,
    CaseKind,
};
use crate::args;
use crate::billing::bound;
use crate::error::Result;
use crate::follow_ups::{open as open_follow_up, Opened};
use crate::http::{created, ok, read_json};
use crate::projects::{open_project, today};
use crate::router::Ctx;
use chrono::Datelike;
use domain::files::FileRef;
use domain::follow_ups::{is_low, Rated};
use domain::notify::texts::Message;
use domain::policy::Actor;
use domain::queue::check_rating;
use domain::service::applications::{
    application_number, next_status, options, AccountFacts, AppActInput, AppEvent, AppKind,
    AppRating, AppStatus, Application, ApplicationInput, Request,
};
use domain::wire::wire_name;
use domain::{ApiError, Reason, Role};
use serde::Deserialize;
use std::collections::HashMap;
use worker::Response;

const MAX_DOCUMENTS: usize = 5;
const SELECT: &str = "SELECT a.id, a.customer_id, u.name AS customer_name, a.kind, a.number, \
     a.hall_id, a.request_json, a.status, a.project_id, a.created_at, a.updated_at, a.stars, \
     a.rating_comment FROM applications a JOIN users u ON u.id = a.customer_id";

#[derive(Deserialize)]
struct Row {
    id: i64,
    customer_id: i64,
    customer_name: String,
    kind: AppKind,
    number: Option<String>,
    hall_id: String,
    request_json: String,
    status: AppStatus,
    project_id: Option<i64>,
    created_at: i64,
    updated_at: i64,
    stars: Option<u8>,
    rating_comment: Option<String>,
}

impl CaseRow for Row {
    const KIND: &'static str = "application";
    const SELECT: &'static str = SELECT;
    const ID: &'static str = "a.id";

    async fn check_sees(&self, _ctx: &Ctx, actor: &Actor) -> Result<()> {
        check_sees(actor, self.customer_id, &self.hall_id, "application")
    }
}

async fn application(ctx: &Ctx, actor: &Actor, row: Row) -> Result<Application> {
    let documents = case_files(&ctx.db, CaseKind::Application, row.id).await?;
    let events = events_of(ctx, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    assemble(actor, row, documents, events)
}

/// The trails of several applications in one query, by application.
async fn events_of(ctx: &Ctx, ids: &[i64]) -> Result<HashMap<i64, Vec<AppEvent>>> {
    ctx.db
        .grouped(
            "SELECT e.application_id AS key, json_object('at', e.at, 'actor', u.name, \
             'status', e.status, 'note', e.note) AS item \
             FROM application_events e JOIN users u ON u.id = e.actor_id \
             WHERE e.application_id IN (SELECT value FROM json_each(?)) ORDER BY e.id",
            args![serde_json::to_string(ids)?],
        )
        .await
}

fn assemble(
    actor: &Actor,
    row: Row,
    documents: Vec<FileRef>,
    events: Vec<AppEvent>,
) -> Result<Application> {
    let year = crate::db::from_ms(row.created_at).year();
    Ok(Application {
        number: application_number(year, row.id),
        options: options(
            row.kind,
            row.status,
            actor.role == Role::Customer,
            documents.len(),
        ),
        id: row.id,
        kind: row.kind,
        account: row.number,
        request: serde_json::from_str(&row.request_json)?,
        status: row.status,
        hall_id: row.hall_id,
        customer_name: row.customer_name,
        created_at: row.created_at,
        updated_at: row.updated_at,
        project_id: row.project_id,
        documents,
        events,
        stars: row.stars,
        rating_comment: row.rating_comment,
    })
}

pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let (shown, value) = listed(&actor, "a.customer_id = ?1", "a.hall_id");
    let rows: Vec<Row> = ctx
        .db
        .all(
            &format!(
                "{SELECT} WHERE {shown} \
             ORDER BY a.status IN ('submitted', 'accepted') DESC, a.updated_at DESC LIMIT 50"
            ),
            value,
        )
        .await?;
    // Two queries for the whole page, not two per application.
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut documents = case_files_of(&ctx.db, CaseKind::Application, &ids).await?;
    let mut events = events_of(ctx, &ids).await?;
    let out = rows
        .into_iter()
        .map(|row| {
            let (files, trail) = (documents.remove(&row.id), events.remove(&row.id));
            assemble(
                &actor,
                row,
                files.unwrap_or_default(),
                trail.unwrap_or_default(),
            )
        })
        .collect::<Result<Vec<_>>>()?;
    ok(&out)
}

async fn event(
    ctx: &Ctx,
    id: i64,
    actor: &Actor,
    status: AppStatus,
    note: Option<&str>,
) -> Result<()> {
    ctx.db
        .run(
            "INSERT INTO application_events (application_id, at, actor_id, status, note) VALUES (?, ?, ?, ?, ?)",
            args![id, ctx.now.timestamp_millis(), actor.user_id, wire_name(&status), note],
        )
        .await?;
    Ok(())
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input: ApplicationInput = read_json(&mut ctx.req).await?;
    let actor = ctx.actor()?;
    let account = match input.account.as_deref().filter(|n| !n.is_empty()) {
        Some(number) if input.kind != Some(AppKind::NewConnection) => {
            Some(bound(ctx, number).await.map_err(|_| {
                ApiError::validation("account", "choose one of your bound accounts")
            })?)
        }
        _ => None,
    };
    let facts = account.as_ref().map(|a| AccountFacts {
        category: a.category,
        plan: a.plan,
        capacity_kva: a.capacity_kva,
        address: a.address.clone(),
        hall_id: a.hall_id.clone(),
    });
    let request = input.checked(facts.as_ref(), today(ctx.now))?;
    let (hall_id, project_id, status) = match &request {
        Request::Project(apply) => (
            apply.hall_id.clone(),
            Some(open_project(ctx, &actor, apply).await?),
            AppStatus::Forwarded,
        ),
        _ => (
            facts.map(|f| f.hall_id).unwrap_or_default(),
            None,
            AppStatus::Submitted,
        ),
    };
    let now = ctx.now.timestamp_millis();
    let written = ctx
        .db
        .run(
            "INSERT INTO applications (customer_id, kind, number, hall_id, request_json, status, project_id, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            args![actor.user_id, wire_name(&request.kind()), account.map(|a| a.number), hall_id,
                  serde_json::to_string(&request)?, wire_name(&status), project_id, now, now],
        )
        .await?;
    let id = written.last_row_id;
    event(ctx, id, &actor, status, None).await?;
    created(&application(ctx, &actor, load::<Row>(ctx, id).await?).await?)
}

pub async fn handle_get(ctx: &mut Ctx) -> Result<Response> {
    let (actor, row) = readable::<Row>(ctx).await?;
    ok(&application(ctx, &actor, row).await?)
}

/// The change an approved application makes to its account.
fn effect(request: &Request) -> Option<(&'static str, crate::db::Arg)> {
    match request {
        Request::RenameTransfer { new_holder, .. } => Some(("holder_name", new_holder.into())),
        Request::TariffChange { plan } => Some(("plan", wire_name(plan).into())),
        Request::Suspension { capacity_kva, .. } => {
            Some(("capacity_kva", (*capacity_kva as i64).into()))
        }
        Request::Project(_) => None,
    }
}

pub async fn handle_act(ctx: &mut Ctx) -> Result<Response> {
    let (actor, row) = readable::<Row>(ctx).await?;
    let input: AppActInput = read_json(&mut ctx.req).await?;
    let documents = case_files(&ctx.db, CaseKind::Application, row.id)
        .await?
        .len();
    let next = next_status(
        row.kind,
        row.status,
        &input,
        actor.role == Role::Customer,
        documents,
    )?;
    let written = ctx
        .db
        .run(
            "UPDATE applications SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
            args![
                wire_name(&next),
                ctx.now.timestamp_millis(),
                row.id,
                wire_name(&row.status)
            ],
        )
        .await?;
    if written.changes == 0 {
        return Err(ApiError::new(
            Reason::Stale,
            "someone else acted on this application; reload it",
        )
        .into());
    }
    let request: Request = serde_json::from_str(&row.request_json)?;
    if let (AppStatus::Done, Some((column, value)), Some(number)) =
        (next, effect(&request), &row.number)
    {
        ctx.db
            .run(
                &format!("UPDATE utility_accounts SET {column} = ? WHERE number = ?"),
                vec![value, number.into()],
            )
            .await?;
    }
    let reason = input
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    event(ctx, row.id, &actor, next, reason).await?;
    if actor.role != Role::Customer {
        let message = Message::ApplicationStep {
            id: row.id,
            status: next.words(),
        };
        tell_of_step(ctx, CaseKind::Application, row.id, row.customer_id, message).await?;
    }
    ok(&application(ctx, &actor, load::<Row>(ctx, row.id).await?).await?)
}

pub async fn handle_upload(ctx: &mut Ctx) -> Result<Response> {
    let (_, row) = readable::<Row>(ctx).await?;
    if row.status != AppStatus::Submitted {
        return Err(ApiError::new(
            Reason::DocumentsClosed,
            "documents are added before the application is accepted",
        )
        .into());
    }
    created(&add_case_file(ctx, CaseKind::Application, row.id, MAX_DOCUMENTS).await?)
}

pub async fn handle_download(ctx: &mut Ctx) -> Result<Response> {
    let (_, row) = readable::<Row>(ctx).await?;
    serve_case_file(ctx, CaseKind::Application, row.id).await
}

/// The customer rates a decided application once; two stars or fewer open a follow-up.
pub async fn handle_rate(ctx: &mut Ctx) -> Result<Response> {
    let (actor, row) = readable::<Row>(ctx).await?;
    let input: AppRating = read_json(&mut ctx.req).await?;
    let comment = check_rating(input.stars, &input.comment)?;
    if !row.status.is_finished() {
        return Err(ApiError::new(
            Reason::NotFinished,
            "rate the application once it is approved or rejected",
        )
        .into());
    }
    let written = ctx
        .db
        .run(
            "UPDATE applications SET stars = ?, rating_comment = ? WHERE id = ? AND stars IS NULL",
            args![i64::from(input.stars), &comment, row.id],
        )
        .await?;
    if written.changes == 0 {
        return Err(
            ApiError::new(Reason::AlreadyRated, "this application is already rated").into(),
        );
    }
    if is_low(input.stars) {
        let low = Opened {
            hall_id: row.hall_id.clone(),
            rated: Rated::Application,
            rated_ref: row.id.to_string(),
            subject: application_number(crate::db::from_ms(row.created_at).year(), row.id),
            link: Some(format!("/applications/{}", row.id)),
            stars: input.stars,
            comment,
            customer_id: Some(row.customer_id),
            customer_name: None,
            phone: None,
            at: ctx.now.timestamp_millis(),
        };
        ctx.db.batch(vec![open_follow_up(&ctx.db, &low)?]).await?;
    }
    let row = load::<Row>(ctx, row.id).await?;
    ok(&application(ctx, &actor, row).await?)
}

/// Refuses a caller who may not see application `id` (404 when there is none).
pub async fn check_readable(ctx: &Ctx, id: i64) -> Result<()> {
    readable_id::<Row>(ctx, id).await.map(|_| ())
}

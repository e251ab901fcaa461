//! Moving a project: the domain decides, then one D1 batch stores the new state, the audit
//! entry, the documents filed at the gate and the notifications. A token written with the state
//! makes the batch all-or-nothing against a concurrent act (the later one gets 409).

use super::notify::{after_step, Delivery};
use super::{clocks, detail_of, documents, party, today, visible};
use crate::args;
use crate::crypto::random_hex;
use crate::error::Result;
use crate::http::{created, ok, read_json};
use crate::router::Ctx;
use domain::firms::{Assignment, FirmKind};
use domain::projects::bodies::{firm_ids_column, ActInput, CommentInput};
use domain::projects::glance::Glance;
use domain::projects::process::Acting;
use domain::wire::wire_name;
use domain::{ApiError, Reason};
use serde::Deserialize;
use std::collections::BTreeMap;
use worker::Response;

#[derive(Deserialize)]
struct FirmRow {
    id: i64,
    kind: String,
    qualification_expires: String,
    suspended: Option<String>,
}

/// A firm from the directory as an assignment (not yet accepted), or `None` when unknown.
async fn firm_now(ctx: &Ctx, id: i64) -> Result<Option<Assignment>> {
    let row: Option<FirmRow> = ctx
        .db
        .first(
            "SELECT id, kind, qualification_expires, suspended FROM firms WHERE id = ?",
            args![id],
        )
        .await?;
    row.map(|row| {
        Ok(Assignment {
            kind: super::stored(id, row.kind.into())?,
            firm_id: row.id,
            qualification_expires: super::stored(id, row.qualification_expires.into())?,
            accepted: false,
            suspended: row.suspended.is_some(),
        })
    })
    .transpose()
}

/// The firms chosen by id, as assignments; an unknown id is refused.
async fn assignments(ctx: &Ctx, ids: &[i64]) -> Result<Vec<Assignment>> {
    let mut out = Vec::new();
    for &id in ids {
        let firm = firm_now(ctx, id)
            .await?
            .ok_or_else(|| ApiError::validation("firms", "choose firms from the directory"))?;
        out.push(firm);
    }
    Ok(out)
}

/// The project's firms as the directory has them today: a renewed qualification counts at
/// once, a suspension stops the firm acting.
async fn refresh_firms(ctx: &Ctx, firms: &mut BTreeMap<FirmKind, Assignment>) -> Result<()> {
    for assignment in firms.values_mut() {
        if let Some(now) = firm_now(ctx, assignment.firm_id).await? {
            assignment.qualification_expires = now.qualification_expires;
            assignment.suspended = now.suspended;
        }
    }
    Ok(())
}

pub async fn handle_act(ctx: &mut Ctx) -> Result<Response> {
    let input: ActInput = read_json(&mut ctx.req).await?;
    let v = visible(ctx).await?;
    let by = party(&v.actor);
    let acting = Acting {
        documents: documents::attachable(&ctx.db, v.row.id, &input.documents).await?,
        comment: input.comment.clone(),
        firms: assignments(ctx, &input.firms).await?,
    };
    let mut project = v.project.clone();
    refresh_firms(ctx, &mut project.firms).await?;
    let day = today(ctx.now);
    project.act(input.action, by, acting, day)?;
    let step = project
        .history
        .last()
        .cloned()
        .ok_or_else(|| ApiError::internal("the step was not recorded"))?;
    let token = random_hex()?;
    let now = ctx.now.timestamp_millis();
    let id = v.row.id;
    let db = &ctx.db;
    let mine = "(SELECT act_token FROM projects WHERE id = ?) = ?";
    let event = "(SELECT MAX(id) FROM project_events WHERE project_id = ?)";
    let mut statements = vec![
        db.statement(
            "UPDATE projects SET state_json = ?, glance = ?, stage = ?, firm_ids = ?, act_token = ?, updated_at = ? \
             WHERE id = ? AND state_json = ?",
            args![serde_json::to_string(&project)?, serde_json::to_string(&Glance::of(&project, v.row.dual(), v.row.opened()?, day))?, wire_name(&project.stage), firm_ids_column(&project), &token, now, id, &v.row.state_json],
        )?,
        db.statement(
            &format!("INSERT INTO project_events (project_id, at, user_id, party, kind, action, from_stage, to_stage, text) \
             SELECT ?, ?, ?, ?, 'step', ?, ?, ?, ? WHERE {mine}"),
            args![id, now, v.actor.user_id, wire_name(&by), wire_name(&step.action), wire_name(&step.from), wire_name(&step.to), step.comment.clone(), id, &token],
        )?,
    ];
    for doc in &input.documents {
        statements.push(db.statement(
            &format!(
                "UPDATE project_documents SET step_event_id = {event} WHERE id = ? AND {mine}"
            ),
            args![id, *doc, id, &token],
        )?);
    }
    let delivery = Delivery {
        project: id,
        hall: &v.row.hall_id,
        customer: v.row.customer_id,
        number: v.row.number(),
        guard: Some((&token, id)),
        now,
    };
    statements.extend(clocks::statements(
        db,
        &clocks::Written {
            id,
            number: &v.row.number(),
            title: &v.row.title,
            hall_id: &v.row.hall_id,
            dual_source: v.row.dual(),
            opened: v.row.opened()?,
            before: Some(&v.project),
            now: &project,
            token: Some(&token),
        },
    )?);
    let notes = after_step(&step);
    statements.extend(
        delivery
            .statements(db, &ctx.env, &project, &notes, step.to)
            .await?,
    );
    db.batch(statements).await?;
    let written: Option<serde_json::Value> = db
        .first(
            "SELECT id FROM projects WHERE id = ? AND act_token = ?",
            args![id, &token],
        )
        .await?;
    if written.is_none() {
        return Err(ApiError::new(
            Reason::Stale,
            "someone else moved this project just now; reload it and try again",
        )
        .into());
    }
    crate::notify::poke(&ctx.env).await;
    ok(&detail_of(ctx, &v.actor, id).await?)
}

pub async fn handle_comment(ctx: &mut Ctx) -> Result<Response> {
    let input: CommentInput = read_json(&mut ctx.req).await?;
    let comment = input.checked()?;
    let v = visible(ctx).await?;
    ctx.db
        .run(
            "INSERT INTO project_events (project_id, at, user_id, party, kind, text) VALUES (?, ?, ?, ?, 'comment', ?)",
            args![v.row.id, ctx.now.timestamp_millis(), v.actor.user_id, wire_name(&party(&v.actor)), comment],
        )
        .await?;
    created(&detail_of(ctx, &v.actor, v.row.id).await?)
}

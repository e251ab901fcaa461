//! Project documents in R2 (`projects/{id}/{file}`): uploaded by any party who sees the project,
//! checked by their bytes (PDF, photo or DWG, at most 20 MiB), hashed with SHA-256, stamped,
//! never deleted; a new upload may supersede an older one of the same kind.

use super::{party, stored, visible};
use crate::args;
use crate::crypto::{random_hex, sha256_bytes_hex};
use crate::db::Db;
use crate::error::Result;
use crate::files::{put_file, read_upload, serve};
use crate::http::{created, parse_id, query_param};
use crate::router::Ctx;
use domain::projects::bodies::{ProjectDocument, DOCUMENTS};
use domain::projects::process::DocKind;
use domain::wire::wire_name;
use domain::{ApiError, Reason};
use serde::Deserialize;
use worker::Response;

#[derive(Deserialize)]
pub struct DocumentRow {
    id: i64,
    kind: String,
    file_id: String,
    name: String,
    content_type: String,
    size: i64,
    sha256: String,
    uploaded_by: String,
    party: String,
    uploaded_at: i64,
    step_event_id: Option<i64>,
    superseded_by: Option<i64>,
}

const SELECT_DOCUMENTS: &str = "SELECT d.id, d.kind, d.file_id, d.name, d.content_type, d.size, \
    d.sha256, u.name AS uploaded_by, d.party, d.uploaded_at, d.step_event_id, d.superseded_by \
    FROM project_documents d JOIN users u ON u.id = d.uploaded_by";

fn document(project: i64, r: DocumentRow) -> Result<ProjectDocument> {
    Ok(ProjectDocument {
        id: r.id,
        kind: stored(project, r.kind.into())?,
        name: r.name,
        content_type: r.content_type,
        size: r.size as u64,
        sha256: r.sha256,
        uploaded_by: r.uploaded_by,
        party: stored(project, r.party.into())?,
        uploaded_at: r.uploaded_at,
        step_event: r.step_event_id,
        superseded_by: r.superseded_by,
    })
}

pub async fn list(db: &Db, project: i64) -> Result<Vec<ProjectDocument>> {
    let rows: Vec<DocumentRow> = db
        .all(
            &format!("{SELECT_DOCUMENTS} WHERE d.project_id = ? ORDER BY d.id DESC"),
            args![project],
        )
        .await?;
    rows.into_iter().map(|r| document(project, r)).collect()
}

fn prefix(project: i64) -> String {
    format!("projects/{project}")
}

/// `?kind=design_drawings[&replaces=ID]`, the file as the body and its name in `x-file-name`.
pub async fn handle_upload(ctx: &mut Ctx) -> Result<Response> {
    let v = visible(ctx).await?;
    if v.project.stage.is_final() {
        return Err(ApiError::new(
            Reason::Ended,
            "this project has ended; nothing more can be filed",
        )
        .into());
    }
    let kind = query_param(&ctx.req, "kind")?
        .and_then(|k| DocKind::parse(&k))
        .ok_or_else(|| ApiError::validation("kind", "say which document this is"))?;
    if !v.project.process().asks_for(kind) {
        return Err(ApiError::validation(
            "kind",
            "this kind of project never asks for that document; choose one its steps ask for",
        )
        .into());
    }
    let replaces = match query_param(&ctx.req, "replaces")? {
        Some(raw) => Some(replaceable(&ctx.db, v.row.id, kind, &raw).await?),
        None => None,
    };
    let (bytes, name, content_type) = read_upload(ctx, &DOCUMENTS).await?;
    let sha256 = sha256_bytes_hex(&bytes).await?;
    let file_id = random_hex()?;
    let size = bytes.len() as i64;
    let project = v.row.id;
    put_file(
        ctx,
        format!("{}/{file_id}", prefix(project)),
        bytes,
        content_type,
        &name,
    )
    .await?;
    let now = ctx.now.timestamp_millis();
    let by = wire_name(&party(&v.actor));
    let db = &ctx.db;
    let latest = "(SELECT MAX(id) FROM project_documents WHERE project_id = ?)";
    let mut statements = vec![
        db.statement(
            "INSERT INTO project_documents (project_id, kind, file_id, name, content_type, size, sha256, \
             uploaded_by, party, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            args![project, kind.as_str(), &file_id, &name, content_type, size, &sha256, v.actor.user_id, &by, now],
        )?,
        db.statement(
            "INSERT INTO project_events (project_id, at, user_id, party, kind, text) VALUES (?, ?, ?, ?, 'upload', ?)",
            args![project, now, v.actor.user_id, by, format!("{}: {name}", kind.words().0)],
        )?,
    ];
    if let Some(old) = replaces {
        statements.push(db.statement(
            &format!("UPDATE project_documents SET superseded_by = {latest} WHERE id = ? AND superseded_by IS NULL"),
            args![project, old],
        )?);
    }
    if let Err(e) = db.batch(statements).await {
        ctx.env
            .bucket("FILES")?
            .delete(format!("{}/{file_id}", prefix(project)))
            .await?;
        return Err(e);
    }
    let row: DocumentRow = db
        .first(
            &format!("{SELECT_DOCUMENTS} WHERE d.project_id = ? AND d.file_id = ?"),
            args![project, &file_id],
        )
        .await?
        .ok_or_else(|| ApiError::internal("the document was not stored"))?;
    created(&document(project, row)?)
}

/// The document an upload supersedes: this project's, of the same kind, current.
async fn replaceable(db: &Db, project: i64, kind: DocKind, raw: &str) -> Result<i64> {
    let id = raw
        .parse::<i64>()
        .map_err(|_| ApiError::validation("replaces", "no such document"))?;
    let found: Option<serde_json::Value> = db
        .first(
            "SELECT id FROM project_documents WHERE id = ? AND project_id = ? AND kind = ? AND superseded_by IS NULL",
            args![id, project, kind.as_str()],
        )
        .await?;
    found.map(|_| id).ok_or_else(|| {
        ApiError::validation("replaces", "that is not a current document of this kind").into()
    })
}

pub async fn handle_download(ctx: &mut Ctx) -> Result<Response> {
    let v = visible(ctx).await?;
    let id = parse_id(ctx.matched.param_at(1), "document")?;
    let row: DocumentRow = ctx
        .db
        .first(
            &format!("{SELECT_DOCUMENTS} WHERE d.id = ? AND d.project_id = ?"),
            args![id, v.row.id],
        )
        .await?
        .ok_or_else(|| ApiError::not_found("document"))?;
    serve(ctx, &prefix(v.row.id), &row.file_id).await
}

/// The kinds of the current, not yet filed documents `ids` of `project`: what an action
/// attaches. Any id that is not one is refused.
pub async fn attachable(db: &Db, project: i64, ids: &[i64]) -> Result<Vec<DocKind>> {
    let mut kinds = Vec::new();
    for &id in ids {
        let row: Option<DocumentRow> = db
            .first(
                &format!("{SELECT_DOCUMENTS} WHERE d.id = ? AND d.project_id = ? AND d.step_event_id IS NULL AND d.superseded_by IS NULL"),
                args![id, project],
            )
            .await?;
        let row = row.ok_or_else(|| {
            ApiError::validation(
                "documents",
                "attach documents uploaded to this project and not yet filed",
            )
        })?;
        kinds.push(document(project, row)?.kind);
    }
    Ok(kinds)
}

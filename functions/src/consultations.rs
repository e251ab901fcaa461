//! Written consultations: a customer opens a thread, the agents answer from one shared inbox,
//! both may send photos and PDFs. Opening a thread marks the other side's messages read.

use crate::args;
use crate::case_contacts::{check_sees, file_on_case, Contact};
use crate::db::Db;
use crate::error::Result;
use crate::files::{file_param, serve, store_upload};
use crate::http::{created, ok, parse_id, read_json};
use crate::router::Ctx;
use domain::consultations::{Side, Thread, ThreadDetail, ThreadMessage, ThreadPost, ThreadStart};
use domain::files::FileRef;
use domain::policy::{may_read_thread, Actor};
use domain::service::contacts::ContactKind;
use domain::{ApiError, Reason, Role};
use serde::Deserialize;
use worker::Response;

fn side(actor: &Actor) -> Side {
    if actor.role == Role::Customer {
        Side::Customer
    } else {
        Side::Agent
    }
}

/// The column holding how far a side has read: the last message id it opened.
fn read_mark(side: Side) -> &'static str {
    match side {
        Side::Customer => "customer_read_id",
        Side::Agent => "agent_read_id",
    }
}

/// The column holding the id of a side's last message (migration 0030).
fn last_message(side: Side) -> &'static str {
    match side {
        Side::Customer => "customer_last_id",
        Side::Agent => "agent_last_id",
    }
}

/// The viewer's unread count: the other side's messages past the viewer's read mark.
fn select_threads(viewer: Side) -> String {
    let (other, mark) = (viewer.other().as_str(), read_mark(viewer));
    format!(
        "SELECT t.id, t.customer_id, u.name AS customer_name, t.subject, t.created_at, t.updated_at, \
         (SELECT COUNT(*) FROM consult_messages m WHERE m.thread_id = t.id AND m.side = '{other}' \
          AND m.id > t.{mark}) AS unread \
         FROM consult_threads t JOIN users u ON u.id = t.customer_id"
    )
}

async fn thread(db: &Db, viewer: Side, id: i64) -> Result<Thread> {
    let sql = format!("{} WHERE t.id = ?", select_threads(viewer));
    db.first(&sql, args![id])
        .await?
        .ok_or_else(|| ApiError::not_found("consultation").into())
}

/// The thread in the path, if the caller may read it (404 for a missing one, 403 for another's).
async fn readable(ctx: &Ctx) -> Result<(Actor, Thread)> {
    let actor = ctx.actor()?;
    let id = parse_id(ctx.matched.param(), "consultation")?;
    let thread = thread(&ctx.db, side(&actor), id).await?;
    if !may_read_thread(&actor, thread.customer_id) {
        return Err(
            ApiError::new(Reason::NotYours, "this consultation is another customer's").into(),
        );
    }
    Ok((actor, thread))
}

pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let viewer = side(&actor);
    // Unread first: the other side wrote after the viewer's read mark. For the agents this is
    // the order of the index consult_threads_agent_inbox, written the same way.
    let order = format!(
        "ORDER BY t.{} > t.{} DESC, t.updated_at DESC LIMIT 100",
        last_message(viewer.other()),
        read_mark(viewer)
    );
    let threads: Vec<Thread> = match viewer {
        Side::Customer => {
            let sql = format!("{} WHERE t.customer_id = ? {order}", select_threads(viewer));
            ctx.db.all(&sql, args![actor.user_id]).await?
        }
        Side::Agent => {
            let sql = format!("{} {order}", select_threads(viewer));
            ctx.db.all(&sql, args![]).await?
        }
    };
    ok(&threads)
}

async fn add_message(
    ctx: &Ctx,
    actor: &Actor,
    thread: i64,
    text: Option<&str>,
    file: Option<&FileRef>,
) -> Result<()> {
    let now = ctx.now.timestamp_millis();
    let file_json = file.map(serde_json::to_string).transpose()?;
    let written = ctx
        .db
        .run(
            "INSERT INTO consult_messages (thread_id, side, author_id, text, file_json, at) VALUES (?, ?, ?, ?, ?, ?)",
            args![thread, side(actor).as_str(), actor.user_id, text, file_json, now],
        )
        .await?;
    // Writing is reading: one's own side is read up to here.
    let (mark, last) = (read_mark(side(actor)), last_message(side(actor)));
    ctx.db
        .run(
            &format!(
                "UPDATE consult_threads SET updated_at = ?, {mark} = ?, {last} = ? WHERE id = ?"
            ),
            args![now, written.last_row_id, written.last_row_id, thread],
        )
        .await?;
    Ok(())
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input: ThreadStart = read_json(&mut ctx.req).await?;
    let (subject, text) = input.checked()?;
    let actor = ctx.actor()?;
    if let Some(case) = input.case {
        check_sees(ctx, case).await?;
    }
    let now = ctx.now.timestamp_millis();
    let written = ctx
        .db
        .run(
            "INSERT INTO consult_threads (customer_id, subject, created_at, updated_at) VALUES (?, ?, ?, ?)",
            args![actor.user_id, &subject, now, now],
        )
        .await?;
    add_message(ctx, &actor, written.last_row_id, Some(&text), None).await?;
    if let Some(case) = input.case {
        let contact = Contact {
            kind: ContactKind::Consultation,
            reference: written.last_row_id.to_string(),
            topic: subject,
        };
        file_on_case(ctx, &actor, case, &contact).await?;
    }
    created(&detail(ctx, &actor, written.last_row_id).await?)
}

#[derive(Deserialize)]
struct MessageRow {
    id: i64,
    side: String,
    author: String,
    text: Option<String>,
    file_json: Option<String>,
    at: i64,
}

async fn detail(ctx: &Ctx, actor: &Actor, id: i64) -> Result<ThreadDetail> {
    let rows: Vec<MessageRow> = ctx
        .db
        .all(
            "SELECT m.id, m.side, u.name AS author, m.text, m.file_json, m.at FROM consult_messages m \
             JOIN users u ON u.id = m.author_id WHERE m.thread_id = ? ORDER BY m.id",
            args![id],
        )
        .await?;
    let messages = rows
        .into_iter()
        .map(|r| {
            Ok(ThreadMessage {
                id: r.id,
                from: if r.side == "agent" {
                    Side::Agent
                } else {
                    Side::Customer
                },
                author: r.author,
                text: r.text,
                file: r
                    .file_json
                    .as_deref()
                    .map(serde_json::from_str)
                    .transpose()?,
                at: r.at,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(ThreadDetail {
        thread: thread(&ctx.db, side(actor), id).await?,
        messages,
    })
}

/// The thread with its messages; the other side's are now read.
pub async fn handle_get(ctx: &mut Ctx) -> Result<Response> {
    let (actor, thread) = readable(ctx).await?;
    let mark = read_mark(side(&actor));
    ctx.db
        .run(
            &format!(
                "UPDATE consult_threads SET {mark} = \
                 (SELECT COALESCE(MAX(id), 0) FROM consult_messages WHERE thread_id = ?) WHERE id = ?"
            ),
            args![thread.id, thread.id],
        )
        .await?;
    ok(&detail(ctx, &actor, thread.id).await?)
}

pub async fn handle_post(ctx: &mut Ctx) -> Result<Response> {
    let (actor, thread) = readable(ctx).await?;
    let input: ThreadPost = read_json(&mut ctx.req).await?;
    let text = input.checked()?;
    add_message(ctx, &actor, thread.id, Some(&text), None).await?;
    created(&detail(ctx, &actor, thread.id).await?)
}

fn prefix(thread: i64) -> String {
    format!("consultations/{thread}")
}

pub async fn handle_upload(ctx: &mut Ctx) -> Result<Response> {
    let (actor, thread) = readable(ctx).await?;
    let file = store_upload(ctx, &prefix(thread.id)).await?;
    add_message(ctx, &actor, thread.id, None, Some(&file)).await?;
    created(&file)
}

pub async fn handle_download(ctx: &mut Ctx) -> Result<Response> {
    let (_, thread) = readable(ctx).await?;
    let file = file_param(ctx, 1)?;
    serve(ctx, &prefix(thread.id), &file).await
}

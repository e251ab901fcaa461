//! `/api/inbox`: a person's messages of every case kind, newest first, with the unread count
//! the header shows; read one, or all. And the admin's view of the outbox.

use crate::args;
use crate::error::Result;
use crate::http::{ok, parse_id};
use crate::router::Ctx;
use domain::notify::inbox::{said, CaseKind, Inbox, InboxItem, Said, Unread};
use domain::notify::outbox::OutboxMessage;
use domain::notify::texts::Message;
use domain::notify::Topic;
use domain::projects::bodies::project_number;
use domain::projects::notify::NoticeKind;
use domain::projects::process::Stage;
use domain::wire::from_wire_name;
use domain::ApiError;
use serde::Deserialize;
use worker::Response;

const PAGE: i64 = 50;

#[derive(Deserialize)]
struct Row {
    id: i64,
    topic: String,
    case_kind: String,
    link: Option<String>,
    title_zh: Option<String>,
    body_zh: Option<String>,
    title_en: Option<String>,
    body_en: Option<String>,
    kind: Option<String>,
    stage: Option<String>,
    opened_on: Option<String>,
    case_id: String,
    at: i64,
    read_at: Option<i64>,
}

fn malformed(id: i64) -> ApiError {
    ApiError::internal(format!("inbox message {id} is malformed"))
}

impl Row {
    /// The stored words, or for a project notice kept from before 0012, its words now.
    fn words(&self) -> Option<(Said, Said)> {
        if let (Some(tz), Some(bz), Some(te), Some(be)) =
            (&self.title_zh, &self.body_zh, &self.title_en, &self.body_en)
        {
            return Some((
                Said {
                    zh: tz.clone(),
                    en: te.clone(),
                },
                Said {
                    zh: bz.clone(),
                    en: be.clone(),
                },
            ));
        }
        let kind: NoticeKind = from_wire_name(self.kind.as_deref()?)?;
        let stage: Stage = from_wire_name(self.stage.as_deref()?)?;
        let project: i64 = self.case_id.parse().ok()?;
        Some(said(&Message::Project {
            number: project_number(self.opened_on.as_deref()?, project),
            kind,
            stage: stage.words(),
        }))
    }

    fn item(self) -> Result<InboxItem> {
        let (title, body) = self.words().ok_or_else(|| malformed(self.id))?;
        let topic: Topic = from_wire_name(&self.topic).ok_or_else(|| malformed(self.id))?;
        let case_kind: CaseKind =
            from_wire_name(&self.case_kind).ok_or_else(|| malformed(self.id))?;
        Ok(InboxItem {
            id: self.id,
            topic,
            case_kind,
            link: self.link,
            title,
            body,
            at: self.at,
            read: self.read_at.is_some(),
        })
    }
}

async fn unread(ctx: &Ctx, user: i64) -> Result<u32> {
    #[derive(Deserialize)]
    struct Count {
        unread: i64,
    }
    let count: Option<Count> = ctx
        .db
        .first(
            "SELECT COUNT(*) AS unread FROM inbox WHERE user_id = ? AND read_at IS NULL",
            args![user],
        )
        .await?;
    Ok(count.map_or(0, |c| u32::try_from(c.unread).unwrap_or(u32::MAX)))
}

pub async fn handle_inbox(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    let rows: Vec<Row> = ctx
        .db
        .all(
            "SELECT i.id, i.topic, i.case_kind, i.case_id, i.link, i.title_zh, i.body_zh, i.title_en, i.body_en, \
                    i.kind, i.stage, p.opened_on, i.at, i.read_at \
             FROM inbox i LEFT JOIN projects p ON i.title_zh IS NULL AND i.case_kind = 'project' AND p.id = CAST(i.case_id AS INTEGER) \
             WHERE i.user_id = ? ORDER BY i.id DESC LIMIT ?",
            args![user.id, PAGE],
        )
        .await?;
    let items = rows
        .into_iter()
        .map(Row::item)
        .collect::<Result<Vec<_>>>()?;
    ok(&Inbox {
        items,
        unread: unread(ctx, user.id).await?,
    })
}

/// `GET /api/inbox/unread`: the header's badge.
pub async fn handle_unread(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    ok(&Unread {
        unread: unread(ctx, user.id).await?,
    })
}

/// Marks everything in the caller's inbox read; answers the inbox.
pub async fn handle_read_all(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    ctx.db
        .run(
            "UPDATE inbox SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
            args![ctx.now.timestamp_millis(), user.id],
        )
        .await?;
    handle_inbox(ctx).await
}

/// Marks one of the caller's messages read; answers the unread count.
pub async fn handle_read_one(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    let id = parse_id(ctx.matched.param(), "message")?;
    // A row already read still counts as changed, so 0 means it is not the caller's.
    let written = ctx
        .db
        .run(
            "UPDATE inbox SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?",
            args![ctx.now.timestamp_millis(), id, user.id],
        )
        .await?;
    if written.changes == 0 {
        return Err(ApiError::not_found("message").into());
    }
    handle_unread(ctx).await
}

#[derive(Deserialize)]
struct OutboxRow {
    id: i64,
    message_id: String,
    channel: String,
    recipient: String,
    body: String,
    case_kind: Option<String>,
    case_id: Option<String>,
    at: i64,
    status: String,
    attempts: i64,
    next_at: Option<i64>,
    sent_at: Option<i64>,
    error: Option<String>,
}

/// `GET /api/admin/outbox`: the latest messages with their delivery state.
pub async fn handle_outbox(ctx: &mut Ctx) -> Result<Response> {
    let rows: Vec<OutboxRow> = ctx
        .db
        .all(
            "SELECT id, message_id, channel, recipient, body, case_kind, case_id, at, status, attempts, next_at, sent_at, error \
             FROM outbox ORDER BY id DESC LIMIT 200",
            args![],
        )
        .await?;
    let messages = rows
        .into_iter()
        .map(|r| {
            let bad = || malformed(r.id);
            Ok(OutboxMessage {
                id: r.id,
                channel: from_wire_name(&r.channel).ok_or_else(bad)?,
                status: from_wire_name(&r.status).ok_or_else(bad)?,
                attempts: u32::try_from(r.attempts).map_err(|_| bad())?,
                case_kind: match &r.case_kind {
                    Some(k) => Some(from_wire_name(k).ok_or_else(bad)?),
                    None => None,
                },
                case_id: r.case_id,
                message_id: r.message_id,
                recipient: r.recipient,
                body: r.body,
                at: r.at,
                next_at: r.next_at,
                sent_at: r.sent_at,
                error: r.error,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    ok(&messages)
}

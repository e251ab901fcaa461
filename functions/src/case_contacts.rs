//! Contacts filed on the case: video calls and consultations linked to a project, application
//! or work order, and the list of them on that case's page for everyone who may see the case.

use crate::args;
use crate::error::Result;
use crate::http::{created, ok, query_param, read_json};
use crate::projects::visible_id;
use crate::router::Ctx;
use crate::service::{applications, work_orders};
use domain::policy::Actor;
use domain::service::contacts::{Case, CaseContact, CaseRef, ContactKind, LinkInput};
use domain::wire::{from_wire_name, wire_name};
use domain::{ApiError, Reason};
use serde::Deserialize;
use worker::Response;

/// Refuses a caller who may not see `case`, as that case's own page would.
pub async fn check_sees(ctx: &Ctx, case: CaseRef) -> Result<()> {
    match case.kind {
        Case::Project => visible_id(ctx, case.id).await.map(|_| ()),
        Case::Application => applications::check_readable(ctx, case.id).await,
        Case::WorkOrder => work_orders::check_readable(ctx, case.id).await,
    }
}

/// A call or consultation about to be filed.
pub struct Contact {
    pub kind: ContactKind,
    pub reference: String,
    pub topic: String,
}

/// Files `contact` on `case`; filing twice changes nothing. Callers check the case with
/// [`check_sees`] first, before they create anything.
pub async fn file_on_case(
    ctx: &Ctx,
    actor: &Actor,
    case: CaseRef,
    contact: &Contact,
) -> Result<()> {
    ctx.db
        .run(
            "INSERT OR IGNORE INTO case_contacts (case_kind, case_id, contact_kind, reference, topic, \
             customer_name, linked_by, linked_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, COALESCE((SELECT customer_name FROM video_calls WHERE room = ?4), \
             (SELECT u.name FROM consult_threads t JOIN users u ON u.id = t.customer_id WHERE t.id = ?4 AND ?3 = 'consultation'), \
             (SELECT name FROM users WHERE id = ?6 AND role = 'customer'), ''), ?6, ?7)",
            args![wire_name(&case.kind), case.id, wire_name(&contact.kind), &contact.reference,
                  &contact.topic, actor.user_id, ctx.now.timestamp_millis()],
        )
        .await?;
    Ok(())
}

/// The case in `?kind=&id=`.
fn case_param(ctx: &Ctx) -> Result<CaseRef> {
    let kind = query_param(&ctx.req, "kind")?
        .and_then(|k| from_wire_name::<Case>(&k))
        .ok_or_else(|| {
            ApiError::invalid(
                "kind",
                Reason::BadField,
                "kind is project, application or work_order",
            )
        })?;
    let id = query_param(&ctx.req, "id")?
        .and_then(|id| id.parse().ok())
        .ok_or_else(|| ApiError::invalid("id", Reason::BadField, "id is the case's number"))?;
    Ok(CaseRef { kind, id })
}

#[derive(Deserialize)]
struct Row {
    kind: ContactKind,
    reference: String,
    at: i64,
    topic: String,
    customer_name: String,
    agent_name: Option<String>,
    summary: Option<String>,
}

/// `GET /api/case-contacts?kind=project&id=7`: the calls and consultations filed on the case,
/// newest first, for anyone who may see it.
pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let case = case_param(ctx)?;
    check_sees(ctx, case).await?;
    let rows: Vec<Row> = ctx
        .db
        .all(
            "SELECT k.contact_kind AS kind, k.reference, k.linked_at AS at, k.topic, k.customer_name, \
             a.name AS agent_name, c.summary \
             FROM case_contacts k \
             LEFT JOIN video_calls c ON k.contact_kind = 'video_call' AND c.room = k.reference \
             LEFT JOIN users a ON a.id = c.agent_id \
             WHERE k.case_kind = ? AND k.case_id = ? ORDER BY k.linked_at DESC LIMIT 100",
            args![wire_name(&case.kind), case.id],
        )
        .await?;
    let contacts: Vec<CaseContact> = rows
        .into_iter()
        .map(|r| CaseContact {
            kind: r.kind,
            reference: r.reference,
            at: r.at,
            topic: r.topic,
            customer_name: r.customer_name,
            agent_name: r.agent_name,
            summary: r.summary,
        })
        .collect();
    ok(&contacts)
}

#[derive(Deserialize)]
struct Topic {
    topic: String,
}

/// `POST /api/case-contacts`: an agent files a finished call or a consultation on the case
/// named by its number.
pub async fn handle_link(ctx: &mut Ctx) -> Result<Response> {
    let input: LinkInput = read_json(&mut ctx.req).await?;
    let case = CaseRef::from_number(&input.case_number)?;
    let actor = ctx.actor()?;
    let topic: Option<Topic> = match input.kind {
        ContactKind::VideoCall => {
            ctx.db
                .first(
                    "SELECT topic FROM video_calls WHERE room = ?",
                    args![&input.reference],
                )
                .await?
        }
        ContactKind::Consultation => {
            ctx.db
                .first(
                    "SELECT subject AS topic FROM consult_threads WHERE id = ?",
                    args![&input.reference],
                )
                .await?
        }
    };
    let topic = topic.ok_or_else(|| ApiError::not_found("call or consultation"))?;
    check_sees(ctx, case).await?;
    let contact = Contact {
        kind: input.kind,
        reference: input.reference,
        topic: topic.topic,
    };
    file_on_case(ctx, &actor, case, &contact).await?;
    created(&serde_json::json!({ "case": case }))
}

//! The directory of qualified firms: public to read; the administrator adds firms, renews or
//! corrects their qualifications and suspends or reinstates them.

use crate::args;
use crate::error::Result;
use crate::http::{created, ok, parse_id, read_json};
use crate::projects;
use crate::projects::today;
use crate::router::Ctx;
use crate::users::audit;
use domain::firms::{Firm, FirmKind, FirmRequest, FirmSuspension};
use domain::wire::wire_name;
use domain::{ApiError, Reason};
use serde::Deserialize;
use serde_json::json;
use worker::Response;

#[derive(Deserialize)]
struct FirmRow {
    id: i64,
    name: String,
    kind: String,
    grade: String,
    qualification_no: String,
    qualification_expires: String,
    contact: String,
    phone: String,
    suspended: Option<String>,
}

const FIRM_COLUMNS: &str =
    "id, name, kind, grade, qualification_no, qualification_expires, contact, phone, suspended";

impl FirmRow {
    fn into_firm(self) -> Result<Firm> {
        let bad = || ApiError::internal(format!("firm {} has malformed data", self.id));
        Ok(Firm {
            kind: FirmKind::parse(&self.kind).ok_or_else(bad)?,
            qualification_expires: self.qualification_expires.parse().map_err(|_| bad())?,
            id: self.id,
            name: self.name,
            grade: self.grade,
            qualification_no: self.qualification_no,
            contact: self.contact,
            phone: self.phone,
            record: Default::default(),
            suspended: self.suspended,
        })
    }
}

pub async fn handle_list_firms(ctx: &mut Ctx) -> Result<Response> {
    let rows: Vec<FirmRow> = ctx
        .db
        .all(
            &format!("SELECT {FIRM_COLUMNS} FROM firms ORDER BY kind, name"),
            vec![],
        )
        .await?;
    let records = projects::firm_records(&ctx.db, ctx.now).await?;
    let firms = rows
        .into_iter()
        .map(|row| {
            let record = records.get(&row.id).copied().unwrap_or_default();
            Ok(Firm {
                record,
                ..row.into_firm()?
            })
        })
        .collect::<Result<Vec<_>>>()?;
    ok(&firms)
}

async fn firm(ctx: &Ctx, id: i64) -> Result<Firm> {
    let row: Option<FirmRow> = ctx
        .db
        .first(
            &format!("SELECT {FIRM_COLUMNS} FROM firms WHERE id = ?"),
            args![id],
        )
        .await?;
    row.ok_or_else(|| ApiError::not_found("firm"))?.into_firm()
}

/// Another firm already has this name or qualification number.
async fn check_unique(ctx: &Ctx, request: &FirmRequest, except: i64) -> Result<()> {
    let taken: Option<serde_json::Value> = ctx
        .db
        .first(
            "SELECT id FROM firms WHERE (name = ? OR qualification_no = ?) AND id != ?",
            args![&request.name, &request.qualification_no, except],
        )
        .await?;
    match taken {
        Some(_) => Err(ApiError::new(
            Reason::Duplicate,
            "a firm with that name or qualification number is already in the directory",
        )
        .into()),
        None => Ok(()),
    }
}

pub async fn handle_create_firm(ctx: &mut Ctx) -> Result<Response> {
    let request: FirmRequest = read_json(&mut ctx.req).await?;
    let request = request.checked(today(ctx.now))?;
    check_unique(ctx, &request, 0).await?;
    let written = ctx
        .db
        .run(
            "INSERT INTO firms (name, kind, grade, qualification_no, qualification_expires, contact, phone) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
            args![&request.name, wire_name(&request.kind), &request.grade, &request.qualification_no,
                  request.qualification_expires.to_string(), &request.contact, &request.phone],
        )
        .await?;
    let added = firm(ctx, written.last_row_id).await?;
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "firm.create",
        &format!("firm:{}", added.id),
        json!({ "after": &added }),
    )
    .await?;
    created(&added)
}

/// Corrects a firm or renews its qualification (a new number and expiry date).
pub async fn handle_update_firm(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "firm")?;
    let before = firm(ctx, id).await?;
    let request: FirmRequest = read_json(&mut ctx.req).await?;
    let request = request.checked(today(ctx.now))?;
    if request.kind != before.kind {
        return Err(ApiError::invalid(
            "kind",
            Reason::FirmKindFixed,
            "a firm's kind cannot change: add the firm again under the other kind",
        )
        .into());
    }
    check_unique(ctx, &request, id).await?;
    ctx.db
        .run(
            "UPDATE firms SET name = ?, grade = ?, qualification_no = ?, qualification_expires = ?, \
             contact = ?, phone = ? WHERE id = ?",
            args![&request.name, &request.grade, &request.qualification_no,
                  request.qualification_expires.to_string(), &request.contact, &request.phone, id],
        )
        .await?;
    let after = firm(ctx, id).await?;
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "firm.update",
        &format!("firm:{id}"),
        json!({ "before": &before, "after": &after }),
    )
    .await?;
    ok(&after)
}

/// Suspends a firm with a reason, or reinstates it.
pub async fn handle_suspend_firm(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "firm")?;
    let before = firm(ctx, id).await?;
    let request: FirmSuspension = read_json(&mut ctx.req).await?;
    let reason = request.checked()?;
    ctx.db
        .run(
            "UPDATE firms SET suspended = ? WHERE id = ?",
            args![reason.as_deref(), id],
        )
        .await?;
    let after = firm(ctx, id).await?;
    let action = if reason.is_some() {
        "firm.suspend"
    } else {
        "firm.reinstate"
    };
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        action,
        &format!("firm:{id}"),
        json!({ "before": before.suspended, "after": reason }),
    )
    .await?;
    ok(&after)
}

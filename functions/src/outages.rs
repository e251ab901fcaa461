//! Planned outages: the public list of those not yet over, and the manager's create and
//! withdraw. A manager announces outages for their own hall; city-wide ones are the admin's.

use crate::args;
use crate::db::{from_ms, Db};
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{created, ok, parse_id, query_param, read_json};
use crate::notices::check_may_manage;
use crate::notify::{tell, Envelope};
use crate::router::Ctx;
use crate::users::audit;
use domain::content::{Outage, OutageInput};
use domain::hours::to_local;
use domain::notify::inbox::CaseKind;
use domain::notify::outages::{affects, is_short_notice, places, NOTICE_DAYS};
use domain::notify::texts::Message;
use domain::policy::console_hall;
use domain::{ApiError, Reason};
use serde::Deserialize;
use serde_json::json;
use worker::Response;

const SELECT: &str =
    "SELECT id, hall_id, area, reason, starts_at, ends_at, withdrawn_at, urgent FROM outages";

#[derive(Deserialize)]
struct Row {
    id: i64,
    hall_id: Option<String>,
    area: String,
    reason: String,
    starts_at: i64,
    ends_at: i64,
    withdrawn_at: Option<i64>,
    urgent: i64,
}

impl From<Row> for Outage {
    fn from(r: Row) -> Outage {
        Outage {
            id: r.id,
            hall_id: r.hall_id,
            area: r.area,
            reason: r.reason,
            starts_at: from_ms(r.starts_at),
            ends_at: from_ms(r.ends_at),
            withdrawn_at: r.withdrawn_at.map(from_ms),
            urgent: r.urgent != 0,
        }
    }
}

/// Outages not yet over, soonest first; with `?hall=` that hall's and the city-wide ones; with
/// `?area=` those whose area names that street or estate.
pub async fn handle_list_upcoming(ctx: &mut Ctx) -> Result<Response> {
    let hall = query_param(&ctx.req, "hall")?;
    let area = query_param(&ctx.req, "area")?.map(|a| a.trim().to_string());
    if let Some(hall) = &hall {
        hall_name(&ctx.db, hall).await?;
    }
    let rows: Vec<Row> = ctx
        .db
        .all(
            &format!("{SELECT} WHERE withdrawn_at IS NULL AND ends_at > ?1 AND (?2 IS NULL OR hall_id IS NULL OR hall_id = ?2) AND (?3 IS NULL OR instr(area, ?3) > 0) ORDER BY starts_at, id LIMIT 50"),
            args![ctx.now.timestamp_millis(), hall, area],
        )
        .await?;
    ok(&rows.into_iter().map(Outage::from).collect::<Vec<_>>())
}

/// The console's list: a manager's hall and the city-wide ones; all for an admin.
pub async fn handle_list_for_staff(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let hall = console_hall(&actor);
    let rows: Vec<Row> = ctx
        .db
        .all(
            &format!("{SELECT} WHERE (?1 IS NULL OR hall_id IS NULL OR hall_id = ?1) ORDER BY withdrawn_at IS NOT NULL, starts_at DESC LIMIT 500"),
            args![hall],
        )
        .await?;
    ok(&rows.into_iter().map(Outage::from).collect::<Vec<_>>())
}

async fn load(db: &Db, id: i64) -> Result<Outage> {
    let row: Option<Row> = db
        .first(&format!("{SELECT} WHERE id = ?"), args![id])
        .await?;
    Ok(row.ok_or_else(|| ApiError::not_found("outage"))?.into())
}

/// Tells the customers of bound accounts the outage reaches (domain::notify::outages), each
/// once. The database narrows the accounts to those whose address names a place of the area;
/// the rule decides.
async fn tell_affected(ctx: &Ctx, outage: &Outage) -> Result<()> {
    #[derive(Deserialize)]
    struct Bound {
        user_id: i64,
        address: String,
    }
    let names: Vec<String> = places(&outage.area).into_iter().map(|p| p.name).collect();
    if names.is_empty() {
        return Ok(());
    }
    // A substring no index serves: the hall's accounts are read once per outage (a write a
    // manager makes a few times a week), the whole city's for an outage of the city.
    let named = vec!["instr(replace(a.address, ' ', ''), ?) > 0"; names.len()].join(" OR ");
    let (in_hall, mut values) = match outage.hall_id.as_deref() {
        Some(hall) => ("a.hall_id = ? AND", args![hall]),
        None => ("", args![]),
    };
    values.extend(names.iter().map(Into::into));
    let bound: Vec<Bound> = ctx
        .db
        .all(
            &format!("SELECT b.user_id, a.address FROM utility_accounts a JOIN account_bindings b ON b.number = a.number \
                      WHERE {in_hall} ({named})"),
            values,
        )
        .await?;
    let mut users: Vec<i64> = bound
        .into_iter()
        .filter(|b| affects(&outage.area, &b.address))
        .map(|b| b.user_id)
        .collect();
    users.sort_unstable();
    users.dedup();
    if users.is_empty() {
        return Ok(());
    }
    let (from, until) = (to_local(outage.starts_at), to_local(outage.ends_at));
    let envelope = Envelope {
        message_id: format!("outage:{}", outage.id),
        case_kind: CaseKind::Outage,
        case_id: outage.id.to_string(),
        link: Some("/outages".into()),
        message: Message::PlannedOutage {
            area: outage.area.clone(),
            day: from.format("%m-%d").to_string(),
            from: from.format("%H:%M").to_string(),
            until: until.format("%H:%M").to_string(),
        },
        at: ctx.now.timestamp_millis(),
    };
    tell(&ctx.db, &ctx.env, &users, &envelope).await
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input = read_json::<OutageInput>(&mut ctx.req).await?.normalised()?;
    let actor = ctx.actor()?;
    check_may_manage(&ctx.db, &actor, input.hall_id.as_deref()).await?;
    let short = is_short_notice(ctx.now, input.starts_at);
    if short && !input.urgent {
        return Err(ApiError::validation(
            "urgent",
            format!("this outage starts in less than {NOTICE_DAYS} days; customers must be told {NOTICE_DAYS} days ahead. Confirm it is urgent to publish it now"),
        )
        .into());
    }
    let written = ctx
        .db
        .run(
            "INSERT INTO outages (hall_id, area, reason, starts_at, ends_at, created_by, created_at, urgent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            args![
                input.hall_id.as_deref(),
                &input.area,
                &input.reason,
                input.starts_at.timestamp_millis(),
                input.ends_at.timestamp_millis(),
                actor.user_id,
                ctx.now.timestamp_millis(),
                i64::from(short)
            ],
        )
        .await?;
    let outage = load(&ctx.db, written.last_row_id).await?;
    tell_affected(ctx, &outage).await?;
    audit(
        &ctx.db,
        Some(actor.user_id),
        "outage.create",
        &format!("outage:{}", outage.id),
        json!({ "after": outage }),
    )
    .await?;
    created(&outage)
}

pub async fn handle_withdraw(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "outage")?;
    let actor = ctx.actor()?;
    let before = load(&ctx.db, id).await?;
    check_may_manage(&ctx.db, &actor, before.hall_id.as_deref()).await?;
    if before.withdrawn_at.is_some() {
        return Err(
            ApiError::new(Reason::Withdrawn, "this outage notice is already withdrawn").into(),
        );
    }
    ctx.db
        .run(
            "UPDATE outages SET withdrawn_at = ? WHERE id = ?",
            args![ctx.now.timestamp_millis(), id],
        )
        .await?;
    audit(
        &ctx.db,
        Some(actor.user_id),
        "outage.withdraw",
        &format!("outage:{id}"),
        json!({}),
    )
    .await?;
    ok(&load(&ctx.db, id).await?)
}

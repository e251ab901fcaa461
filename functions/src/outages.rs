//! Planned outages: the public list of those not yet over, the console's list, and what an
//! outage is to the one publish path (`crate::publish`: announce and withdraw; an outage
//! customers were told of is not edited). A manager announces outages for their own hall;
//! city-wide ones are the admin's.

use crate::args;
use crate::db::{from_ms, Arg};
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{ok, query_param};
use crate::notify::{tell, Envelope};
use crate::publish::{one_hall, Published};
use crate::router::Ctx;
use chrono::{DateTime, Utc};
use domain::content::{Outage, OutageInput};
use domain::hours::to_local;
use domain::notify::inbox::CaseKind;
use domain::notify::outages::{affects, is_short_notice, places, NOTICE_DAYS};
use domain::notify::texts::Message;
use domain::policy::Actor;
use domain::ApiError;
use serde::Deserialize;
use worker::Response;

const SELECT: &str =
    "SELECT id, hall_id, area, reason, starts_at, ends_at, withdrawn_at, urgent FROM outages";

#[derive(Deserialize)]
pub struct Row {
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

impl Published for Outage {
    const KIND: &'static str = "outage";
    type Input = OutageInput;
    const WITHDRAW: &'static str = "UPDATE outages SET withdrawn_at = ?1 WHERE id = ?2";

    fn checked(input: OutageInput) -> Result<OutageInput> {
        Ok(input.normalised()?)
    }
    /// Customers are told `NOTICE_DAYS` ahead: a later outage is published only as urgent.
    fn admissible(input: &OutageInput, now: DateTime<Utc>) -> Result<()> {
        if is_short_notice(now, input.starts_at) && !input.urgent {
            return Err(ApiError::validation(
                "urgent",
                format!("this outage starts in less than {NOTICE_DAYS} days; customers must be told {NOTICE_DAYS} days ahead. Confirm it is urgent to publish it now"),
            )
            .into());
        }
        Ok(())
    }
    fn input_halls(input: &OutageInput) -> Vec<String> {
        one_hall(&input.hall_id)
    }
    fn halls(&self) -> Vec<String> {
        one_hall(&self.hall_id)
    }
    fn is_withdrawn(&self) -> bool {
        self.withdrawn_at.is_some()
    }
    fn id(&self) -> i64 {
        self.id
    }

    type Row = Row;
    const SELECT: &'static str = SELECT;
    fn from_row(row: Row, _now: DateTime<Utc>) -> Outage {
        row.into()
    }
    fn staff_list() -> String {
        "(?1 IS NULL OR hall_id IS NULL OR hall_id = ?1) ORDER BY withdrawn_at IS NOT NULL, starts_at DESC"
            .into()
    }

    fn insert(
        input: &OutageInput,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(String, Vec<Arg>)> {
        let sql = "INSERT INTO outages (hall_id, area, reason, starts_at, ends_at, created_by, created_at, urgent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        let values = args![
            input.hall_id.as_deref(),
            &input.area,
            &input.reason,
            input.starts_at.timestamp_millis(),
            input.ends_at.timestamp_millis(),
            actor.user_id,
            now.timestamp_millis(),
            i64::from(is_short_notice(now, input.starts_at))
        ];
        Ok((sql.into(), values))
    }

    async fn published(&self, ctx: &Ctx) -> Result<()> {
        tell_affected(ctx, self).await
    }
}

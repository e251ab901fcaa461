//! How each hall offers each business type (`hall_business`): ticket letters, usual minutes and
//! daily numbers. The queue reads them when the day starts; a manager's change reaches today's
//! queue at once.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::halls::managed_hall;
use crate::http::{ok, read_json};
use crate::queue::tell_queue;
use crate::router::Ctx;
use crate::users::audit;
use domain::halls::business::{BusinessSetting, BusinessSettingRequest, BusinessSettings};
use domain::halls::BusinessType;
use domain::queue::protocol::QueueCommand;
use domain::wire::{from_wire_name, wire_name};
use domain::ApiError;
use serde::Deserialize;
use serde_json::json;
use worker::{D1PreparedStatement, D1Result, Response};

#[derive(Deserialize)]
struct Row {
    business: String,
    prefix: String,
    service_minutes: i64,
    daily_cap: Option<i64>,
}

impl Row {
    fn setting(self) -> Result<BusinessSetting> {
        let bad = || ApiError::internal("a stored business setting is unreadable");
        Ok(BusinessSetting {
            business: from_wire_name(&self.business).ok_or_else(bad)?,
            prefix: self.prefix.chars().next().ok_or_else(bad)?,
            service_minutes: u32::try_from(self.service_minutes).map_err(|_| bad())?,
            daily_cap: self
                .daily_cap
                .map(u32::try_from)
                .transpose()
                .map_err(|_| bad())?,
        })
    }
}

/// The hall's settings: its own where set, the standard ones elsewhere.
pub async fn hall_business(db: &Db, hall: &str) -> Result<BusinessSettings> {
    let result = hall_business_query(db, hall)?.all().await?;
    hall_business_from(&result)
}

/// The statement of [`hall_business`], to send with others in one round trip (`Db::reads`).
pub fn hall_business_query(db: &Db, hall: &str) -> Result<D1PreparedStatement> {
    db.statement(
        "SELECT business, prefix, service_minutes, daily_cap FROM hall_business WHERE hall_id = ?",
        args![hall],
    )
}

/// [`hall_business`] from its statement's result.
pub fn hall_business_from(result: &D1Result) -> Result<BusinessSettings> {
    let rows: Vec<Row> = result.results()?;
    let stored = rows
        .into_iter()
        .map(Row::setting)
        .collect::<Result<Vec<_>>>()?;
    Ok(BusinessSettings::try_from(stored).unwrap_or_default())
}

/// The manager sets one business type's letter, usual minutes and daily numbers.
pub async fn handle_set_business(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let business: BusinessType = from_wire_name(ctx.matched.param_at(1))
        .ok_or_else(|| ApiError::validation("business", "no such business type"))?;
    let request: BusinessSettingRequest = read_json(&mut ctx.req).await?;
    let setting = request.setting(business)?;
    let mut settings = hall_business(&ctx.db, &hall).await?;
    let before = *settings.get(business);
    settings.set(setting)?;
    ctx.db
        .run(
            "INSERT INTO hall_business (hall_id, business, prefix, service_minutes, daily_cap) \
             VALUES (?, ?, ?, ?, ?) ON CONFLICT(hall_id, business) DO UPDATE SET \
             prefix = excluded.prefix, service_minutes = excluded.service_minutes, \
             daily_cap = excluded.daily_cap",
            args![
                &hall,
                wire_name(&business),
                setting.prefix.to_string(),
                setting.service_minutes,
                setting.daily_cap
            ],
        )
        .await?;
    tell_queue(ctx, &hall, QueueCommand::SetBusiness { business: settings }).await?;
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "hall.business.set",
        &format!("hall:{hall}:{}", wire_name(&business)),
        json!({ "before": before, "after": setting }),
    )
    .await?;
    ok(&setting)
}

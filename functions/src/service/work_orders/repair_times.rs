//! Repair times per month against the published commitments, summed in D1 from the met
//! arrival and restoration deadlines: for the board and the operations dashboard.

use super::deadlines::terms;
use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{ok, query_param};
use crate::router::Ctx;
use domain::policy::may_manage_hall;
use domain::service::work_orders::repair_times::{
    last_months, repair_months, span_ms, RepairMonth, RepairQuery, RepairSum,
};
use domain::{ApiError, Reason, Role};
use worker::Response;

/// The repairs of `hall` (every hall: `None`) in `months`, month by month and area by area.
pub async fn repair_times(
    db: &Db,
    hall: Option<&str>,
    months: &[String],
) -> Result<Vec<RepairMonth>> {
    let Some((from, to)) = span_ms(months) else {
        return Ok(Vec::new());
    };
    let sums: Vec<RepairSum> = db
        .all(
            "SELECT strftime('%Y-%m', d.started_at / 1000, 'unixepoch', '+8 hours') AS month, \
             o.topic, d.milestone, COUNT(*) AS count, SUM(d.met_at - d.started_at) AS total_ms \
             FROM work_order_deadlines d JOIN work_orders o ON o.id = d.order_id \
             WHERE d.milestone IN ('arrival', 'restore') AND d.met_at IS NOT NULL \
             AND d.started_at >= ?1 AND d.started_at < ?2 AND (?3 IS NULL OR o.hall_id = ?3) \
             GROUP BY month, o.topic, d.milestone",
            args![from, to, hall],
        )
        .await?;
    Ok(repair_months(months, &sums, &terms(db).await?))
}

/// `GET /api/work-order-repair-times?months=6&hall_id=`: staff see their own hall, the admin
/// any hall or (without `hall_id`) the city.
pub async fn handle_repair_times(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let months = query_param(&ctx.req, "months")?
        .map(|m| {
            m.parse().map_err(|_| {
                ApiError::invalid("months", Reason::BadField, "months is a whole number")
            })
        })
        .transpose()?;
    let query = RepairQuery {
        months,
        hall_id: query_param(&ctx.req, "hall_id")?.or_else(|| actor.hall_id.clone()),
    };
    let months = last_months(ctx.now, query.months()?);
    if let Some(hall) = &query.hall_id {
        hall_name(&ctx.db, hall).await?;
        if !may_manage_hall(&actor, hall) && actor.hall_id.as_deref() != Some(hall) {
            return Err(ApiError::new(Reason::OtherHall, "you may only see your own hall").into());
        }
    } else if actor.role != Role::Admin {
        return Err(ApiError::new(Reason::OtherHall, "only the admin sees the whole city").into());
    }
    ok(&repair_times(&ctx.db, query.hall_id.as_deref(), &months).await?)
}

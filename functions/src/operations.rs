//! Operations: the managers' dashboard over the days' ticket tallies (crate::tally), the public
//! live wait read from each hall's queue object, and the OpenAPI document.

use crate::args;
use crate::error::Result;
use crate::halls::{hall_name, hall_summaries};
use crate::http::{json, json_text, ok, query_param};
use crate::projects::clocks::stages_on_time;
use crate::queue::{send, today};
use crate::router::Ctx;
use crate::service::work_orders::repair_times::repair_times;
use crate::tally::day_tallies;
use chrono::{Days, NaiveDate};
use domain::hours::{china_tz, OpenStatus};
use domain::operations::dashboard::{build, Compliance, DashboardQuery, VideoFigures};
use domain::operations::live_wait::{HallWait, LiveWait, MAX_AGE_SECONDS};
use domain::operations::staffed::StaffingChange;
use domain::policy::may_manage_hall;
use domain::projects::report::Rate;
use domain::queue::protocol::{QueueCommand, QueueSnapshot, Viewer};
use domain::{ApiError, Reason, Role};
use futures_util::future::{try_join, try_join_all};
use serde::Deserialize;
use std::collections::HashMap;
use worker::Response;

/// The range, the hall (a manager's own by default; the admin's whole city), then the figures.
pub async fn handle_dashboard(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let param = |name: &str| query_param(&ctx.req, name);
    let hall = param("hall")?.or_else(|| {
        (actor.role == Role::HallManager)
            .then(|| actor.hall_id.clone())
            .flatten()
    });
    let query = DashboardQuery::parse(
        hall.as_deref(),
        param("from")?.as_deref(),
        param("to")?.as_deref(),
        param("tmax")?.as_deref(),
        today(ctx.now).parse().unwrap_or_default(),
    )?;
    match &query.hall_id {
        Some(hall) => {
            hall_name(&ctx.db, hall).await?;
            if !may_manage_hall(&actor, hall) {
                return Err(forbidden("you may only see your own hall's figures"));
            }
        }
        None if actor.role != Role::Admin => {
            return Err(forbidden("only the admin sees the whole city"));
        }
        None => {}
    }
    let days = day_tallies(
        &ctx.db,
        query.hall_id.as_deref(),
        query.history_from(),
        query.to,
    )
    .await?;
    let changes = read_staffing_changes(ctx, &query).await?;
    let names = staff_names(ctx).await?;
    let mut dashboard = build(&query, &days, &changes, |id| names.get(&id).cloned());
    dashboard.video = video_figures(ctx, &query).await?;
    let months = months_touched(&query);
    dashboard.compliance = Compliance {
        work_orders: work_orders_on_time(ctx, &query).await?,
        projects: stages_on_time(&ctx.db, query.hall_id.as_deref(), ctx.now).await?,
        repairs: repair_times(&ctx.db, query.hall_id.as_deref(), &months).await?,
    };
    ok(&dashboard)
}

/// The months ("2026-11") the range touches, oldest first.
fn months_touched(q: &DashboardQuery) -> Vec<String> {
    let mut months: Vec<String> = q
        .from
        .iter_days()
        .take_while(|d| *d <= q.to)
        .map(|d| d.format("%Y-%m").to_string())
        .collect();
    months.dedup();
    months
}

fn forbidden(message: &str) -> crate::error::Error {
    ApiError::new(Reason::OtherHall, message).into()
}

/// The range's counter sign-ins, pauses and closes, for one hall (the city has no one plan).
async fn read_staffing_changes(ctx: &Ctx, q: &DashboardQuery) -> Result<Vec<StaffingChange>> {
    let Some(hall) = &q.hall_id else {
        return Ok(Vec::new());
    };
    ctx.db
        .all(
            "SELECT day, counter, at, status FROM counter_changes WHERE hall_id = ? AND day BETWEEN ? AND ?",
            args![hall, q.from.to_string(), q.to.to_string()],
        )
        .await
}

#[derive(Deserialize)]
struct Named {
    id: i64,
    name: String,
}

async fn staff_names(ctx: &Ctx) -> Result<HashMap<i64, String>> {
    let rows: Vec<Named> = ctx
        .db
        .all(
            "SELECT id, name FROM users WHERE role IN ('hall_staff', 'hall_manager', 'admin')",
            args![],
        )
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

/// Epoch ms of the range's first local midnight and of the midnight after its last day.
fn range_ms(q: &DashboardQuery) -> (i64, i64) {
    let midnight = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(china_tz()).single())
            .map_or(0, |t| t.timestamp_millis())
    };
    (midnight(q.from), midnight(q.to + Days::new(1)))
}

/// The video desk serves the whole city: its calls and callbacks are the city's.
async fn video_figures(ctx: &Ctx, q: &DashboardQuery) -> Result<VideoFigures> {
    let (from, to) = range_ms(q);
    let sql = "SELECT COUNT(*) AS calls, AVG((ended_at - started_at) / 60000.0) AS mean_minutes, \
        COUNT(rating) AS rated, AVG(rating) AS mean_stars, \
        (SELECT COUNT(*) FROM video_callbacks WHERE created_at >= ?1 AND created_at < ?2) AS callbacks, \
        (SELECT COUNT(*) FROM video_callbacks WHERE created_at >= ?1 AND created_at < ?2 AND done_at IS NULL) AS callbacks_open \
        FROM video_calls WHERE ended_at >= ?1 AND ended_at < ?2";
    Ok(ctx
        .db
        .first(sql, args![from, to])
        .await?
        .unwrap_or_default())
}

/// The deadlines of work orders filed in the range that are kept or already broken.
async fn work_orders_on_time(ctx: &Ctx, q: &DashboardQuery) -> Result<Rate> {
    let (from, to) = range_ms(q);
    let sql = "SELECT COUNT(*) AS counted, COALESCE(SUM(d.met_at IS NOT NULL AND d.met_at <= d.due_at), 0) AS on_time \
        FROM work_order_deadlines d JOIN work_orders o ON o.id = d.order_id \
        WHERE o.created_at >= ?1 AND o.created_at < ?2 AND (d.met_at IS NOT NULL OR d.due_at < ?3) \
        AND (?4 IS NULL OR o.hall_id = ?4)";
    let now = ctx.now.timestamp_millis();
    let hall = q.hall_id.clone();
    Ok(ctx
        .db
        .first(sql, args![from, to, now, hall])
        .await?
        .unwrap_or_default())
}

/// Per hall, the share of last week's measured tickets called inside the range they were
/// shown (operations::accuracy, counted in whole minutes waited by the triggers that keep
/// `hall_day_figures`, migration 0032): seven rows a hall, not a week of tickets.
async fn inside_share_last_week(ctx: &Ctx) -> Result<HashMap<String, f64>> {
    #[derive(Deserialize)]
    struct Row {
        hall_id: String,
        measured: i64,
        inside: i64,
    }
    let today: NaiveDate = today(ctx.now).parse().unwrap_or_default();
    let week_ago = today.checked_sub_days(Days::new(7)).unwrap_or(today);
    let rows: Vec<Row> = ctx
        .db
        .all(
            "SELECT hall_id, SUM(measured) AS measured, SUM(inside) AS inside \
             FROM hall_day_figures WHERE day >= ? AND day < ? GROUP BY hall_id",
            args![week_ago.to_string(), today.to_string()],
        )
        .await?;
    Ok(rows
        .into_iter()
        .filter(|r| r.measured > 0)
        .map(|r| (r.hall_id, r.inside as f64 / r.measured as f64))
        .collect())
}

/// Each hall's line now, from its queue object; cacheable for a few seconds. The halls' objects
/// are asked at once, so the reply takes one round trip however many halls the city has.
pub async fn handle_live_wait(ctx: &mut Ctx) -> Result<Response> {
    let ctx = &*ctx;
    crate::edge_cache::cached(ctx, live_wait(ctx)).await
}

async fn live_wait(ctx: &Ctx) -> Result<Response> {
    let (shares, summaries) = try_join(
        inside_share_last_week(ctx),
        hall_summaries(&ctx.db, ctx.now),
    )
    .await?;
    let queues = try_join_all(summaries.iter().map(|hall| async move {
        let mut reply = send(ctx, &hall.id, QueueCommand::Snapshot, Viewer::default()).await?;
        let queue: QueueSnapshot = reply.json().await?;
        Result::Ok(queue)
    }))
    .await?;
    let halls = summaries
        .iter()
        .zip(&queues)
        .map(|(hall, queue)| {
            let open = matches!(hall.status, OpenStatus::Open { .. });
            let mut wait = HallWait::new(&hall.id, &hall.name, &hall.name_en, open, queue);
            wait.inside_share_last_week = shares.get(&hall.id).copied();
            wait
        })
        .collect();
    let body = LiveWait {
        at: ctx.now.timestamp_millis(),
        max_age_seconds: MAX_AGE_SECONDS,
        halls,
    };
    let response = json(200, &body)?;
    response.headers().set(
        "cache-control",
        &format!("public, max-age={MAX_AGE_SECONDS}"),
    )?;
    Ok(response)
}

thread_local! {
    /// The contract, made once per isolate: it is the same until the next deployment.
    static OPENAPI: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
}

pub async fn handle_openapi(_ctx: &mut Ctx) -> Result<Response> {
    let text = OPENAPI.with(|cell| {
        cell.get_or_init(|| domain::openapi::document().to_string())
            .clone()
    });
    let response = json_text(200, text)?;
    response
        .headers()
        .set("cache-control", "public, max-age=300")?;
    Ok(response)
}

//! Reports for the utility: every node and firm task against its limit as CSV, on-time rates
//! per node and per firm (the directory's and dashboard's figures come from `clocks`).

use super::{load_visible, today, ProjectRow};
use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::ok;
use crate::router::Ctx;
use chrono::{DateTime, Utc};
use domain::calendar::Calendar;
use domain::expansion::report::{csv, on_time, OnTimeReport, ProjectRuns};
use domain::expansion::schedule::clock_runs;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use worker::{Headers, Response};

#[derive(Deserialize)]
struct FirmName {
    id: i64,
    name: String,
}

/// Every firm's name by id.
pub async fn firm_names(db: &Db) -> Result<HashMap<i64, String>> {
    Ok(db
        .all::<FirmName>("SELECT id, name FROM firms", args![])
        .await?
        .into_iter()
        .map(|f| (f.id, f.name))
        .collect())
}

async fn runs(db: &Db, rows: &[ProjectRow], now: DateTime<Utc>) -> Result<Vec<ProjectRuns>> {
    let names = firm_names(db).await?;
    let calendar = Calendar::china();
    let day = today(now);
    rows.iter()
        .map(|row| {
            let project = row.project()?;
            let firms: BTreeMap<_, _> = project
                .firms
                .values()
                .map(|a| {
                    (
                        a.kind,
                        (
                            a.firm_id,
                            names.get(&a.firm_id).cloned().unwrap_or_default(),
                        ),
                    )
                })
                .collect();
            Ok(ProjectRuns {
                number: row.number(),
                title: row.title.clone(),
                hall_id: row.hall_id.clone(),
                firms,
                runs: clock_runs(&calendar, &project, row.dual(), row.opened()?, day),
            })
        })
        .collect()
}

async fn visible_runs(ctx: &Ctx) -> Result<Vec<ProjectRuns>> {
    let actor = ctx.actor()?;
    let rows = load_visible(&ctx.db, &actor, "1 = 1", args![]).await?;
    runs(&ctx.db, &rows, ctx.now).await
}

pub async fn handle_durations_csv(ctx: &mut Ctx) -> Result<Response> {
    let text = csv(&visible_runs(ctx).await?);
    let headers = Headers::new();
    headers.set("content-type", "text/csv; charset=utf-8")?;
    headers.set("cache-control", "no-store")?;
    headers.set(
        "content-disposition",
        &format!(
            "attachment; filename=\"project-durations-{}.csv\"",
            today(ctx.now)
        ),
    )?;
    Ok(Response::ok(text)?.with_headers(headers))
}

pub async fn handle_on_time(ctx: &mut Ctx) -> Result<Response> {
    let report: OnTimeReport = on_time(&visible_runs(ctx).await?);
    ok(&report)
}

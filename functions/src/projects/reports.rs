//! Reports for the utility over a period (`?from=&to=`, the last 30 days by default): every
//! node and firm task against its limit as CSV, on-time rates per node and per firm. They read
//! the clock runs kept on write (`clocks`): the runs that finished in the period and, when the
//! period reaches today, the runs still going, measured to today. The CSV joins the lines kept
//! with the finished runs (migration 0031). The staff see their hall, the admin the city.

use super::{malformed, today};
use crate::args;
use crate::db::{Arg, Db};
use crate::error::{Error, Result};
use crate::http::{ok, query_param};
use crate::router::Ctx;
use chrono::NaiveDate;
use domain::calendar::Calendar;
use domain::expansion::api::project_number;
use domain::expansion::clock_records::RunRecord;
use domain::expansion::report::{
    csv_line, on_time, OnTimeReport, ReportRun, CSV_HEADER, DEFAULT_DAYS, MOST_DAYS,
};
use domain::period::Period;
use domain::Role;
use serde::Deserialize;
use std::collections::HashMap;
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

/// A stored run with its project's number and title (read packed: fields in `RUN_COLUMNS` order).
#[derive(Deserialize)]
struct RunRow {
    project_id: i64,
    seq: u32,
    opened_on: String,
    title: String,
    hall_id: String,
    clock: String,
    firm_id: Option<i64>,
    started: String,
    finished: Option<String>,
    used: u32,
    limit_days: u32,
    late_from: String,
}

const RUN_COLUMNS: &str = "project_id, seq, opened_on, title, hall_id, clock, firm_id, started, \
    finished, used, limit_days, late_from";

const SELECT_RUNS: &str = "SELECT r.project_id, r.seq, p.opened_on, p.title, r.hall_id, \
    r.clock, r.firm_id, r.started, r.finished, r.used, r.limit_days, r.late_from \
    FROM project_clock_runs r JOIN projects p ON p.id = r.project_id";

impl RunRow {
    fn record(&self) -> Result<RunRecord> {
        let bad = || Error::from(malformed(self.project_id));
        let date = |s: &str| s.parse().map_err(|_| bad());
        Ok(RunRecord {
            seq: self.seq,
            clock: serde_json::from_str(&self.clock).map_err(|_| bad())?,
            firm_id: self.firm_id,
            started: date(&self.started)?,
            finished: self.finished.as_deref().map(date).transpose()?,
            used: self.used,
            limit: self.limit_days,
            late_from: date(&self.late_from)?,
        })
    }
}

/// What a report covers: the period, and the hall of the staff (the admin sees the city).
struct Scope {
    period: Period,
    hall: Option<String>,
    today: NaiveDate,
}

impl Scope {
    fn of(ctx: &Ctx) -> Result<Scope> {
        let actor = ctx.actor()?;
        let today = today(ctx.now);
        let period = Period::parse(
            query_param(&ctx.req, "from")?.as_deref(),
            query_param(&ctx.req, "to")?.as_deref(),
            today,
            DEFAULT_DAYS,
            MOST_DAYS,
        )?;
        // The policy lets only the staff and the admin here; the staff see their own hall.
        let hall = match actor.role {
            Role::Admin => None,
            _ => Some(actor.hall_id.clone().unwrap_or_default()),
        };
        Ok(Scope {
            period,
            hall,
            today,
        })
    }

    /// The statement's hall condition (`?3`) and its values in order.
    fn in_hall(&self) -> (&'static str, Vec<Arg>) {
        let mut values: Vec<Arg> = args![self.period.from.to_string(), self.period.to.to_string()];
        values.extend(self.hall.clone().map(Arg::from));
        let condition = if self.hall.is_some() {
            " AND r.hall_id = ?3"
        } else {
            ""
        };
        (condition, values)
    }

    /// The runs that finished in the period and pass `also` (an SQL condition on `r`), and the
    /// ones still going when the period reaches today, in project order, with the firms'
    /// `names` (the CSV prints none).
    async fn runs(
        &self,
        db: &Db,
        also: &str,
        names: &HashMap<i64, String>,
    ) -> Result<Vec<ReportRun>> {
        let (in_hall, values) = self.in_hall();
        let mut sql = format!("{SELECT_RUNS} WHERE r.finished BETWEEN ?1 AND ?2{also}{in_hall}");
        if self.period.to >= self.today {
            sql.push_str(&format!(
                " UNION ALL {SELECT_RUNS} WHERE r.finished IS NULL{in_hall}"
            ));
        }
        // Sorted here: an ORDER BY over the union would make SQLite walk every run in key order.
        let mut rows: Vec<RunRow> = db.all_packed(&sql, RUN_COLUMNS, values).await?;
        rows.sort_by_key(|r| (r.project_id, r.seq));
        let calendar = Calendar::china();
        rows.into_iter()
            .map(|row| {
                let record = row.record()?;
                Ok(ReportRun {
                    number: project_number(&row.opened_on, row.project_id),
                    firm: record
                        .firm_id
                        .map(|id| (id, names.get(&id).cloned().unwrap_or_default())),
                    run: record.on(&calendar, self.today),
                    title: row.title,
                    hall_id: row.hall_id,
                })
            })
            .collect()
    }

    /// The kept lines of the runs that finished in the period, joined by SQLite in the order
    /// they finished: the file costs one text, however long the period.
    async fn kept_lines(&self, db: &Db) -> Result<String> {
        #[derive(Deserialize)]
        struct Lines {
            text: Option<String>,
        }
        let (in_hall, values) = self.in_hall();
        let sql = format!(
            "SELECT group_concat(line, '') AS text FROM (SELECT r.line FROM project_clock_runs r \
             WHERE r.finished BETWEEN ?1 AND ?2 AND r.line IS NOT NULL{in_hall} \
             ORDER BY r.finished, r.project_id, r.seq)"
        );
        let lines: Option<Lines> = db.first(&sql, values).await?;
        Ok(lines.and_then(|l| l.text).unwrap_or_default())
    }
}

/// Every run of the period against its limit: the finished runs' kept lines, then the lines of
/// runs kept before lines were (migration 0031) and of the runs still going.
pub async fn handle_durations_csv(ctx: &mut Ctx) -> Result<Response> {
    let scope = Scope::of(ctx)?;
    let mut text = String::from(CSV_HEADER);
    text.push_str(&scope.kept_lines(&ctx.db).await?);
    for run in scope
        .runs(&ctx.db, " AND r.line IS NULL", &HashMap::new())
        .await?
    {
        text.push_str(&csv_line(&run));
    }
    let headers = Headers::new();
    headers.set("content-type", "text/csv; charset=utf-8")?;
    headers.set("cache-control", "no-store")?;
    headers.set(
        "content-disposition",
        &format!(
            "attachment; filename=\"project-durations-{}-{}.csv\"",
            scope.period.from, scope.period.to
        ),
    )?;
    Ok(Response::ok(text)?.with_headers(headers))
}

pub async fn handle_on_time(ctx: &mut Ctx) -> Result<Response> {
    let names = firm_names(&ctx.db).await?;
    let runs = Scope::of(ctx)?.runs(&ctx.db, "", &names).await?;
    let report: OnTimeReport = on_time(&runs);
    ok(&report)
}

//! Reports for the utility over a period (`?from=&to=`, the last 30 days by default): every
//! node and firm task against its limit as CSV, on-time rates per node and per firm. They read
//! the clock runs kept on write (`clocks`): the runs that finished in the period and, when the
//! period reaches today, the runs still going, measured to today. The CSV joins the lines kept
//! with the finished runs (migration 0031); the rates are SQLite's sums by clock and firm. The
//! staff see their hall, the admin the city.

use super::{malformed, today};
use crate::args;
use crate::db::{unpack, Arg, Db};
use crate::error::{Error, Result};
use crate::http::{ok, query_param};
use crate::router::Ctx;
use chrono::{Days, NaiveDate};
use domain::calendar::Calendar;
use domain::period::Period;
use domain::projects::bodies::project_number;
use domain::projects::clock_records::RunRecord;
use domain::projects::report::{
    csv_line, on_time_of, OnTimeReport, Rate, ReportRun, RunTotal, WholeRate, CSV_HEADER,
    DEFAULT_DAYS, MOST_DAYS,
};
use domain::Role;
use serde::Deserialize;
use std::collections::HashMap;
use worker::{D1PreparedStatement, D1Result, Headers, Response};

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

/// A stored run with its project's number and title (read by name, or packed: fields in
/// `RUN_COLUMNS` order).
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

    /// The condition on the hall (`?3`) of a statement over the days `from` to `to` (`?1`,
    /// `?2`), and the three values in order.
    fn in_hall(&self, from: NaiveDate, to: NaiveDate) -> (&'static str, Vec<Arg>) {
        let mut values: Vec<Arg> = args![from.to_string(), to.to_string()];
        values.extend(self.hall.clone().map(Arg::from));
        let condition = if self.hall.is_some() {
            " AND r.hall_id = ?3"
        } else {
            ""
        };
        (condition, values)
    }

    /// Whether the period reaches today, so the runs still going belong to it.
    fn reaches_today(&self) -> bool {
        self.period.to >= self.today
    }

    /// The condition on the hall of a statement over the runs still going, numbered after
    /// `values` (its other values), and all the values in order.
    fn open_in_hall(&self, mut values: Vec<Arg>) -> (String, Vec<Arg>) {
        let Some(hall) = &self.hall else {
            return (String::new(), values);
        };
        values.push(Arg::from(hall.clone()));
        (format!(" AND r.hall_id = ?{}", values.len()), values)
    }

    /// The statement reading the runs that finished in the period without a kept line (before
    /// migration 0031), row by row: in an older database a year of the city's is more than
    /// SQLite sends as one text.
    fn unprinted_runs(&self, db: &Db) -> Result<D1PreparedStatement> {
        let (in_hall, values) = self.in_hall(self.period.from, self.period.to);
        db.statement(
            &format!(
                "{SELECT_RUNS} WHERE r.finished BETWEEN ?1 AND ?2 AND r.line IS NULL{in_hall}"
            ),
            values,
        )
    }

    /// The statement reading the runs still going when the period reaches today (none
    /// otherwise), packed: they are the work in flight (a city's ~7,000 are ~1 MB).
    fn open_runs(&self, db: &Db) -> Result<Option<D1PreparedStatement>> {
        if !self.reaches_today() {
            return Ok(None);
        }
        let (in_hall, values) = self.open_in_hall(args![]);
        let sql = format!("{SELECT_RUNS} WHERE r.finished IS NULL{in_hall}");
        Ok(Some(db.packed(&sql, RUN_COLUMNS, values)?))
    }

    /// The runs of `unprinted_runs` and `open_runs`, read in one round trip after `before`
    /// (whose results come back first).
    async fn read_runs(
        &self,
        db: &Db,
        mut before: Vec<D1PreparedStatement>,
    ) -> Result<(Vec<D1Result>, Vec<RunRow>)> {
        before.push(self.unprinted_runs(db)?);
        let open = self.open_runs(db)?;
        let has_open = open.is_some();
        before.extend(open);
        let mut results = db.reads(before).await?;
        let mut rows = Vec::new();
        if has_open {
            rows = results
                .pop()
                .map(|r| unpack(&r))
                .transpose()?
                .unwrap_or_default();
        }
        if let Some(finished) = results.pop() {
            rows.extend(finished.results::<RunRow>()?);
        }
        Ok((results, rows))
    }

    /// Runs as the CSV prints them, in project order.
    fn runs(&self, mut rows: Vec<RunRow>) -> Result<Vec<ReportRun>> {
        // Sorted here: the finished and the open runs are two reads.
        rows.sort_by_key(|r| (r.project_id, r.seq));
        let calendar = Calendar::china();
        rows.into_iter()
            .map(|row| {
                let record = row.record()?;
                Ok(ReportRun {
                    number: project_number(&row.opened_on, row.project_id),
                    firm: None,
                    run: record.on(&calendar, self.today),
                    title: row.title,
                    hall_id: row.hall_id,
                })
            })
            .collect()
    }

    /// The statements reading the kept lines of the runs that finished in the period, a week
    /// each, joined by SQLite in the order they finished: one text a week however many runs
    /// it has, each well under the longest text SQLite sends (a few MB; a week of a
    /// province's runs is ~0.5 MB).
    fn kept_lines(&self, db: &Db) -> Result<Vec<D1PreparedStatement>> {
        let (in_hall, _) = self.in_hall(self.period.from, self.period.to);
        let sql = format!(
            "SELECT group_concat(line, '') AS text FROM (SELECT r.line FROM project_clock_runs r \
             WHERE r.finished BETWEEN ?1 AND ?2 AND r.line IS NOT NULL{in_hall} \
             ORDER BY r.finished, r.project_id, r.seq)"
        );
        let mut weeks = Vec::new();
        let mut from = self.period.from;
        while from <= self.period.to {
            let to = (from + Days::new(WEEK_DAYS - 1)).min(self.period.to);
            weeks.push(db.statement(&sql, self.in_hall(from, to).1)?);
            from = to + Days::new(1);
        }
        Ok(weeks)
    }
}

/// The days of the kept lines read as one text.
const WEEK_DAYS: u64 = 7;

#[derive(Deserialize)]
struct Lines {
    text: Option<String>,
}

/// Every run of the period against its limit: the finished runs' kept lines in the order they
/// finished, then the lines of runs that finished before lines were kept (migration 0031) and
/// of the runs still going, in project order.
pub async fn handle_durations_csv(ctx: &mut Ctx) -> Result<Response> {
    let scope = Scope::of(ctx)?;
    // One round trip: the weeks' texts, then the runs without one.
    let weeks = scope.kept_lines(&ctx.db)?;
    let (weeks, rest) = scope.read_runs(&ctx.db, weeks).await?;
    let mut text = String::from(CSV_HEADER);
    for week in &weeks {
        for lines in week.results::<Lines>()? {
            text.push_str(lines.text.as_deref().unwrap_or_default());
        }
    }
    for run in scope.runs(rest)? {
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

/// A period's runs of one clock and firm, added up by SQLite.
#[derive(Deserialize)]
struct TotalRow {
    clock: String,
    firm_id: Option<i64>,
    counted: u32,
    on_time: u32,
}

#[derive(Deserialize)]
struct WholeRow {
    class: String,
    counted: u32,
    on_time: u32,
}

/// The rates per node and per firm: SQLite adds up the verdicts of the runs that finished in
/// the period and, when it reaches today, counts the running ones already late (the same sums
/// a property test holds to the replayed history), so the Worker reads a row per clock and firm.
pub async fn handle_on_time(ctx: &mut Ctx) -> Result<Response> {
    let names = firm_names(&ctx.db).await?;
    let scope = Scope::of(ctx)?;
    let (in_hall, values) = scope.in_hall(scope.period.from, scope.period.to);
    let mut reads = vec![ctx.db.statement(
        &format!(
            "SELECT r.clock, r.firm_id, COUNT(*) AS counted, SUM(r.used <= r.limit_days) AS on_time \
             FROM project_clock_runs r WHERE r.finished BETWEEN ?1 AND ?2{in_hall} \
             GROUP BY r.clock, r.firm_id"
        ),
        values,
    )?];
    let (in_hall, values) = scope.in_hall(scope.period.from, scope.period.to);
    reads.push(ctx.db.statement(
        &format!(
            "SELECT r.class, COUNT(*) AS counted, SUM(r.used <= r.limit_days) AS on_time \
             FROM project_whole_runs r WHERE r.finished BETWEEN ?1 AND ?2{in_hall} GROUP BY r.class"
        ),
        values,
    )?);
    if scope.reaches_today() {
        let (in_hall, values) = scope.open_in_hall(args![scope.today.to_string()]);
        reads.push(ctx.db.statement(
            &format!(
                "SELECT r.clock, r.firm_id, SUM(r.late_from <= ?1) AS counted, 0 AS on_time \
                 FROM project_clock_runs r WHERE r.finished IS NULL{in_hall} \
                 GROUP BY r.clock, r.firm_id"
            ),
            values,
        )?);
    }
    let mut totals = Vec::new();
    let mut results = ctx.db.reads(reads).await?.into_iter();
    let finished = results.next();
    let whole = results.next();
    for result in finished.into_iter().chain(results) {
        for row in result.results::<TotalRow>()? {
            totals.push(RunTotal {
                clock: serde_json::from_str(&row.clock)?,
                firm: row
                    .firm_id
                    .map(|id| (id, names.get(&id).cloned().unwrap_or_default())),
                rate: Rate {
                    counted: row.counted,
                    on_time: row.on_time,
                },
            });
        }
    }
    let whole = match whole {
        Some(result) => result
            .results::<WholeRow>()?
            .into_iter()
            .map(|row| {
                Ok(WholeRate {
                    class: serde_json::from_value(row.class.into())?,
                    rate: Rate {
                        counted: row.counted,
                        on_time: row.on_time,
                    },
                })
            })
            .collect::<Result<Vec<_>>>()?,
        None => Vec::new(),
    };
    let report = OnTimeReport {
        whole,
        ..on_time_of(totals)
    };
    ok(&report)
}

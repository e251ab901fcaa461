//! The projects' clock runs kept on write (domain::projects::clock_records; migration 0027;
//! a finished run's CSV line, migration 0031) and the rates read from them: each firm's record
//! for the directory, and the stages on time for the dashboard. A read adds up the totals (one
//! row per hall, clock and firm) and counts the open runs already late, instead of replaying
//! every project's history.

use crate::args;
use crate::db::{Arg, Db};
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use domain::calendar::Calendar;
use domain::projects::clock_records::{newly_finished, run_records, RunRecord};
use domain::projects::process::Project;
use domain::projects::report::Rate;
use domain::projects::whole::finished_run;
use domain::wire::wire_name;
use serde::Deserialize;
use std::collections::HashMap;
use worker::D1PreparedStatement;

/// A project as written, and the write it belongs to.
pub struct Written<'a> {
    pub id: i64,
    /// The project's number and title, printed in each finished run's kept CSV line.
    pub number: &'a str,
    pub title: &'a str,
    pub hall_id: &'a str,
    pub dual_source: bool,
    pub opened: NaiveDate,
    /// The state before this write (none for a new project).
    pub before: Option<&'a Project>,
    pub now: &'a Project,
    /// The act token of a guarded write: each statement applies only if the write landed.
    pub token: Option<&'a str>,
}

impl Written<'_> {
    fn records(&self, project: &Project) -> Vec<RunRecord> {
        run_records(&Calendar::china(), project, self.dual_source, self.opened)
    }
}

/// The statements that bring the project's runs and the totals in step with the write.
pub fn statements(db: &Db, w: &Written) -> Result<Vec<D1PreparedStatement>> {
    let id = w.id;
    let (guard, guard_args): (&str, Vec<Arg>) = match w.token {
        Some(token) => (
            "(SELECT act_token FROM projects WHERE id = ?) = ?",
            args![id, token],
        ),
        None => ("1 = 1", args![]),
    };
    let with_guard = |mut values: Vec<Arg>| {
        values.extend(guard_args.iter().cloned());
        values
    };
    let before = w.before.map(|p| w.records(p)).unwrap_or_default();
    let now = w.records(w.now);
    let mut out = vec![db.statement(
        &format!("DELETE FROM project_clock_runs WHERE project_id = ? AND {guard}"),
        with_guard(args![id]),
    )?];
    for run in &now {
        out.push(db.statement(
            &format!(
                "INSERT INTO project_clock_runs (project_id, seq, hall_id, clock, firm_id, started, \
                 finished, used, limit_days, late_from, line) \
                 SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE {guard}"
            ),
            with_guard(args![
                id,
                run.seq,
                w.hall_id,
                clock_key(run)?,
                run.firm_id,
                run.started.to_string(),
                run.finished.map(|d| d.to_string()),
                run.used,
                run.limit,
                run.late_from.to_string(),
                run.line(w.number, w.title, w.hall_id)
            ]),
        )?);
    }
    if let Some(run) = finished_run(&Calendar::china(), w.now, w.dual_source, w.opened) {
        out.push(db.statement(
            &format!(
                "INSERT OR IGNORE INTO project_whole_runs (project_id, hall_id, class, finished, used, \
                 limit_days) SELECT ?, ?, ?, ?, ?, ? WHERE {guard}"
            ),
            with_guard(args![
                id,
                w.hall_id,
                wire_name(&run.class),
                run.finished.to_string(),
                run.used,
                run.limit
            ]),
        )?);
    }
    for run in newly_finished(&before, &now) {
        out.push(db.statement(
            &format!(
                "INSERT INTO clock_totals (hall_id, clock, firm_id, counted, on_time) \
                 SELECT ?, ?, ?, 1, ? WHERE {guard} ON CONFLICT (hall_id, clock, firm_id) \
                 DO UPDATE SET counted = counted + 1, on_time = on_time + excluded.on_time"
            ),
            with_guard(args![
                w.hall_id,
                clock_key(run)?,
                run.firm_id.unwrap_or(0),
                u32::from(run.on_time())
            ]),
        )?);
    }
    Ok(out)
}

fn clock_key(run: &RunRecord) -> Result<String> {
    Ok(serde_json::to_string(&run.clock)?)
}

#[derive(Deserialize, Default)]
struct Totals {
    #[serde(default)]
    firm_id: i64,
    counted: u32,
    on_time: u32,
}

#[derive(Deserialize)]
struct Late {
    #[serde(default)]
    firm_id: i64,
    late: u32,
}

fn today(now: DateTime<Utc>) -> String {
    super::today(now).to_string()
}

/// Every stage of the projects (of one hall, or all) against its limit, as one rate.
pub async fn stages_on_time(db: &Db, hall: Option<&str>, now: DateTime<Utc>) -> Result<Rate> {
    let finished: Totals = db
        .first(
            "SELECT COALESCE(SUM(counted), 0) AS counted, COALESCE(SUM(on_time), 0) AS on_time \
             FROM clock_totals WHERE ?1 IS NULL OR hall_id = ?1",
            args![hall],
        )
        .await?
        .unwrap_or_default();
    let late: Option<Late> = db
        .first(
            "SELECT COUNT(*) AS late FROM project_clock_runs \
             WHERE finished IS NULL AND late_from <= ?1 AND (?2 IS NULL OR hall_id = ?2)",
            args![today(now), hall],
        )
        .await?;
    Ok(Rate {
        counted: finished.counted + late.map_or(0, |l| l.late),
        on_time: finished.on_time,
    })
}

/// Every firm's on-time record over all projects, for the directory.
pub async fn firm_records(db: &Db, now: DateTime<Utc>) -> Result<HashMap<i64, Rate>> {
    let finished: Vec<Totals> = db
        .all(
            "SELECT firm_id, SUM(counted) AS counted, SUM(on_time) AS on_time FROM clock_totals \
             WHERE firm_id > 0 GROUP BY firm_id",
            args![],
        )
        .await?;
    let late: Vec<Late> = db
        .all(
            "SELECT firm_id, COUNT(*) AS late FROM project_clock_runs \
             WHERE finished IS NULL AND late_from <= ? AND firm_id IS NOT NULL GROUP BY firm_id",
            args![today(now)],
        )
        .await?;
    let mut rates: HashMap<i64, Rate> = finished
        .into_iter()
        .map(|t| {
            let rate = Rate {
                counted: t.counted,
                on_time: t.on_time,
            };
            (t.firm_id, rate)
        })
        .collect();
    for l in late {
        rates.entry(l.firm_id).or_default().counted += l.late;
    }
    Ok(rates)
}

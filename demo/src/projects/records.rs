//! A demo project's clock runs and whole process as the Worker keeps them on write.

use super::name;
use crate::sql::{opt_text, text};
use chrono::NaiveDate;
use domain::calendar::Calendar;
use domain::projects::bodies::project_number;
use domain::projects::clock_records::run_records;
use domain::projects::process::Project;
use domain::projects::whole::finished_run;
use std::fmt::Write;

/// The project's clock runs as the Worker keeps them on write (functions/src/projects/clocks.rs).
pub fn write_clock_runs(
    out: &mut String,
    id: i64,
    hall: &str,
    title: &str,
    project: &Project,
    dual: bool,
    opened: NaiveDate,
) {
    write_whole_run(out, id, hall, project, dual, opened);
    for run in run_records(&Calendar::china(), project, dual, opened) {
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO project_clock_runs (project_id, seq, hall_id, clock, firm_id, started, finished, used, limit_days, late_from, line) \
             VALUES ({id}, {}, {}, {}, {}, '{}', {}, {}, {}, '{}', {});",
            run.seq,
            text(hall),
            text(&serde_json::to_string(&run.clock).expect("a clock serialises")),
            run.firm_id.map_or("NULL".into(), |f| f.to_string()),
            run.started,
            opt_text(run.finished.map(|d| d.to_string()).as_deref()),
            run.used,
            run.limit,
            run.late_from,
            run.line(&project_number(&opened.to_string(), id), title, hall)
                .map_or("NULL".into(), |line| one_line(&line))
        );
    }
}

/// The project's whole process once powered on, as the Worker keeps it (functions/src/projects/clocks.rs).
fn write_whole_run(
    out: &mut String,
    id: i64,
    hall: &str,
    project: &Project,
    dual: bool,
    opened: NaiveDate,
) {
    if let Some(run) = finished_run(&Calendar::china(), project, dual, opened) {
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO project_whole_runs (project_id, hall_id, class, finished, used, limit_days) \
             VALUES ({id}, {}, {}, '{}', {}, {});",
            text(hall),
            name(run.class),
            run.finished,
            run.used,
            run.limit
        );
    }
}

/// A text ending in a newline as an SQL value on one line (the loaders read a statement a line).
fn one_line(line: &str) -> String {
    format!("{} || char(10)", text(line.trim_end_matches('\n')))
}

/// The totals of finished runs, added up again from every project's runs (the Worker adds each
/// run once as it finishes; a reload must not add the demo's twice). One statement a line.
pub const CLOCK_TOTALS_REBUILD: &str = "DELETE FROM clock_totals;\n\
     INSERT INTO clock_totals (hall_id, clock, firm_id, counted, on_time) \
     SELECT hall_id, clock, COALESCE(firm_id, 0), COUNT(*), SUM(used <= limit_days) \
     FROM project_clock_runs WHERE finished IS NOT NULL GROUP BY hall_id, clock, COALESCE(firm_id, 0);\n";

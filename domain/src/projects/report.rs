//! Reports over projects for a period: every run of every node and firm task against its limit
//! as CSV, and on-time rates per node and per firm. The runs come from the records kept on write
//! (`clock_records`); the firm directory's record adds up the same verdicts.

use super::schedule::{Clock, ClockRun};
use super::whole::ConnectionClass;
use crate::csv::field;
use crate::firms::FirmKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The days a report covers when none are chosen, and the most it may cover.
pub const DEFAULT_DAYS: u64 = 30;
pub const MOST_DAYS: u64 = 366;

/// A run of one project's clock, with what the report prints about the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRun {
    pub number: String,
    pub title: String,
    pub hall_id: String,
    /// The firm whose task the clock times: (id, name).
    pub firm: Option<(i64, String)>,
    pub run: ClockRun,
}

/// Finished runs against their limits; a running one already past its limit counts as late.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rate {
    pub counted: u32,
    pub on_time: u32,
}

impl Rate {
    /// One run: counted once finished, or once running past its limit.
    pub fn of(run: &ClockRun) -> Rate {
        let late = run.used > run.limit;
        let counted = run.finished.is_some() || late;
        Rate {
            counted: u32::from(counted),
            on_time: u32::from(counted && !late),
        }
    }

    fn add(&mut self, other: Rate) {
        self.counted += other.counted;
        self.on_time += other.on_time;
    }

    /// The share on time in percent; none before anything was counted.
    pub fn percent(&self) -> Option<u32> {
        (self.counted > 0).then(|| self.on_time * 100 / self.counted)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClockRate {
    pub clock: Clock,
    pub limit: u32,
    #[serde(flatten)]
    pub rate: Rate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FirmRate {
    pub firm_id: i64,
    pub name: String,
    pub kind: FirmKind,
    #[serde(flatten)]
    pub rate: Rate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OnTimeReport {
    pub clocks: Vec<ClockRate>,
    pub firms: Vec<FirmRate>,
    /// Projects powered on in the period against their whole-process limit, by class.
    #[serde(default)]
    pub whole: Vec<WholeRate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WholeRate {
    pub class: ConnectionClass,
    #[serde(flatten)]
    pub rate: Rate,
}

/// The runs of one clock and firm added up (as SQL's `GROUP BY` adds them), with the firm's
/// (id, name) when the clock times a firm's task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunTotal {
    pub clock: Clock,
    pub firm: Option<(i64, String)>,
    pub rate: Rate,
}

/// The rates per node and per firm over `runs`.
pub fn on_time(runs: &[ReportRun]) -> OnTimeReport {
    on_time_of(runs.iter().map(|r| RunTotal {
        clock: r.run.clock,
        firm: r.firm.clone(),
        rate: Rate::of(&r.run),
    }))
}

/// The rates per node and per firm over runs added up by clock and firm. A clock or firm with
/// runs none of which count yet is listed with nothing counted.
pub fn on_time_of(totals: impl IntoIterator<Item = RunTotal>) -> OnTimeReport {
    let mut clocks: BTreeMap<Clock, Rate> = BTreeMap::new();
    let mut firms: BTreeMap<(FirmKind, i64), (String, Rate)> = BTreeMap::new();
    for t in totals {
        clocks.entry(t.clock).or_default().add(t.rate);
        let kind = t.clock.firm().and_then(|party| party.firm_kind());
        if let (Some(kind), Some((id, name))) = (kind, t.firm) {
            firms
                .entry((kind, id))
                .or_insert_with(|| (name, Rate::default()))
                .1
                .add(t.rate);
        }
    }
    OnTimeReport {
        clocks: clocks
            .into_iter()
            .map(|(clock, rate)| ClockRate {
                clock,
                limit: clock.limit(),
                rate,
            })
            .collect(),
        firms: firms
            .into_iter()
            .map(|((kind, firm_id), (name, rate))| FirmRate {
                firm_id,
                name,
                kind,
                rate,
            })
            .collect(),
        whole: Vec::new(),
    }
}

/// The CSV's first line. Starts with a byte-order mark so spreadsheet programs read the Chinese
/// correctly.
pub const CSV_HEADER: &str =
    "\u{feff}项目编号 number,项目名称 title,营业厅 hall,节点 node,开始 started,\
     结束 finished,用时 used (working days),时限 limit,按时 on time\n";

/// One line per run: project, node, dates, working days used against the limit.
pub fn csv(runs: &[ReportRun]) -> String {
    let mut out = String::from(CSV_HEADER);
    for run in runs {
        out.push_str(&csv_line(run));
    }
    out
}

/// One run's line of the CSV, with its newline. A finished run's line never changes, so the
/// Worker keeps it with the run (`clock_records::RunRecord::line`) and the file is the kept
/// lines joined.
pub fn csv_line(
    ReportRun {
        number,
        title,
        hall_id,
        run,
        ..
    }: &ReportRun,
) -> String {
    let finished = run.finished.map(|d| d.to_string()).unwrap_or_default();
    let on_time = match (run.finished, run.on_time()) {
        (_, false) => "否 no",
        (Some(_), true) => "是 yes",
        (None, true) => "进行中 open",
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{},{},{},{},{},{},{},{},{}",
        field(number),
        field(title),
        field(hall_id),
        field(run.clock.words().0),
        run.started,
        finished,
        run.used,
        run.limit,
        on_time
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projects::deadlines::Node;
    use crate::projects::process::Stage;
    use chrono::NaiveDate;

    fn run(clock: Clock, used: u32, finished: bool) -> ClockRun {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        ClockRun {
            clock,
            started: day,
            finished: finished.then_some(day),
            used,
            limit: clock.limit(),
        }
    }

    fn project(runs: Vec<ClockRun>) -> Vec<ReportRun> {
        runs.into_iter()
            .map(|run| ReportRun {
                number: "YK2026-0001".into(),
                title: "厂房, 一期".into(),
                hall_id: "gaoxin".into(),
                firm: (run.clock == Clock::Task(Stage::Design))
                    .then(|| (1, "江城电力设计院".into())),
                run,
            })
            .collect()
    }

    #[test]
    fn rates_count_finished_runs_and_open_ones_already_late() {
        let review = Clock::Node(Node::DesignReview);
        let design = Clock::Task(Stage::Design);
        let report = on_time(&project(vec![
            run(design, 25, true),
            run(review, 8, true),
            run(design, 3, true),
            run(review, 12, false),
            run(Clock::Node(Node::CompletionAcceptance), 2, false),
        ]));
        let review_rate = report.clocks.iter().find(|c| c.clock == review).unwrap();
        assert_eq!((review_rate.rate.counted, review_rate.rate.on_time), (2, 1));
        assert_eq!(review_rate.rate.percent(), Some(50));
        let acceptance = report
            .clocks
            .iter()
            .find(|c| c.clock == Clock::Node(Node::CompletionAcceptance))
            .unwrap();
        assert_eq!(acceptance.rate.percent(), None, "still open and in time");
        assert_eq!(report.firms.len(), 1);
        assert_eq!(
            (report.firms[0].rate.counted, report.firms[0].rate.on_time),
            (2, 1)
        );
    }

    #[test]
    fn the_csv_has_a_line_per_run_and_quotes_commas() {
        let text = csv(&project(vec![run(
            Clock::Node(Node::DesignReview),
            12,
            true,
        )]));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with('\u{feff}'));
        assert_eq!(
            lines[1],
            "YK2026-0001,\"厂房, 一期\",gaoxin,设计审查,2026-11-02,2026-11-02,12,10,否 no"
        );
    }
}
